// The acronym decoder: paste text from a board paper and see every acronym
// the glossary knows marked and expanded in place, with the unknown ones
// listed. The same engine as boardroom/glossary/decoder.py (same tokens, same
// table, same rules for plurals, possessives, hyphens, spaces and joined words). Pasted text is only ever
// put in the page as text: markup or script in it is shown, never run.
//
// Model state: known ({folded spelling: [term, [[expansion, category label, hint], ...], flags?]}),
// text (what is in the box; synced, so Python can set or read it).

// Mirrors TOKEN and UNKNOWN in boardroom/glossary/decoder.py.
const TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9&+-]*[A-Za-z0-9+])?/g;
const UNKNOWN = /^[A-Z][A-Z0-9&]*[A-Z0-9]$/;
const MAX_UNKNOWN_LENGTH = 10;

// ---- matching the way papers write (boardroom/glossary/variants.py, the same rules) ----
// Table keys are folded (hyphens and spaces removed, case kept). A row's third item holds
// flags: "s", text may write the name in parts; "w", an ordinary English word, not matched
// in a heading (a line with no lower-case letter and two or more tokens).
const SEPARATORS = /[\s\u00a0\u2010\u2011-]+/g;
const GAP = /^(?:[ \t\u00a0]{1,2}|[ \t\u00a0]?[/\u2010\u2011-][ \t\u00a0]?)$/;
const ROMAN = /^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/;
const HEADING_TOKENS = 2;
const STARTS = new WeakMap(); // each table's proper starts of its spaced forms

const fold = (name) => name.replace(SEPARATORS, "");

function singular(token) {
  return token.length > 2 && token.endsWith("s") && /[A-Z0-9]/.test(token[token.length - 2]) ? token.slice(0, -1) : null;
}

function startsOf(known) {
  let starts = STARTS.get(known);
  if (!starts) {
    starts = new Set();
    for (const [key, row] of Object.entries(known)) {
      if ((row[2] || "").includes("s")) for (let i = 1; i < key.length; i++) starts.add(key.slice(0, i));
    }
    STARTS.set(known, starts);
  }
  return starts;
}

function lookup(known, candidate, heading = false, joined = false) {
  for (const form of [candidate, singular(candidate)]) {
    if (form === null) continue;
    const key = fold(form);
    if (!Object.prototype.hasOwnProperty.call(known, key) || ROMAN.test(key)) continue;
    const flags = known[key][2] || "";
    if ((heading && flags.includes("w")) || (joined && !flags.includes("s"))) continue;
    return known[key];
  }
  return null;
}

// The longest name the glossary writes in parts that starts with the token `first` of this line
// and runs over the following tokens: [its entry, where it ends in the line], or null.
const NEXT_TOKEN = new RegExp(TOKEN.source, "g");
function joinAt(known, line, first, heading) {
  const starts = startsOf(known);
  const from = first.index;
  let end = from + first[0].length;
  let best = null;
  NEXT_TOKEN.lastIndex = end;
  while (starts.has(fold(line.slice(from, end)))) {
    const next = NEXT_TOKEN.exec(line);
    if (!next || !GAP.test(line.slice(end, next.index))) break;
    end = next.index + next[0].length;
    const joined = lookup(known, line.slice(from, end), heading, true);
    if (joined) best = [joined, end];
  }
  return best;
}

// What one token is by itself: its entry or null, the [part, entry or null] of a token that joins
// words with - & or + (null when no part is known), its unknown form or null, and whether a name
// in parts may start with it.
function alone(known, token, heading) {
  const hit = lookup(known, token, heading);
  let parts = null;
  if (!hit && /[-&+]/.test(token)) {
    parts = token.split(/([-&+])/).map((p) => (/^[-&+]$/.test(p) || !p ? [p, null] : [p, lookup(known, p, heading)]));
    if (!parts.some(([, h]) => h)) parts = null;
  }
  const base = token.length > 2 && token.endsWith("s") ? token.slice(0, -1) : token;
  const unknown = !hit && !parts && UNKNOWN.test(base) && base.length <= MAX_UNKNOWN_LENGTH ? base : null;
  return [hit, parts, unknown, startsOf(known).has(fold(token))];
}

// Split text into runs: plain text, or a known acronym with its entry, or an unknown token.
function decodeText(text, known) {
  const runs = [];
  const found = new Map();
  const unknown = new Map();
  let last = 0;
  const note = (hit, n = 1) => {
    const [term, senses] = hit;
    const f = found.get(term) || { acronym: term, count: 0, senses };
    f.count += n;
    found.set(term, f);
  };
  const seen = new Map(); // a board paper repeats its tokens: look each up once
  let offset = 0;
  for (const line of text.split("\n")) {
    const heading = !/[a-z]/.test(line) && (line.match(TOKEN) || []).length >= HEADING_TOKENS;
    let skip = 0; // the end of a name in parts just matched: its other tokens are done
    for (const match of line.matchAll(TOKEN)) {
      if (match.index < skip) continue;
      const token = match[0];
      const at = offset + match.index;
      const cacheKey = (heading ? "H" : "T") + token;
      if (!seen.has(cacheKey)) seen.set(cacheKey, alone(known, token, heading));
      const [single, parts, unknownBase, mayJoin] = seen.get(cacheKey);
      const joined = mayJoin ? joinAt(known, line, match, heading) : null;
      const hit = joined ? joined[0] : single;
      const end = joined ? offset + joined[1] : at + token.length;
      skip = end - offset;
      if (!hit && !parts) {
        if (unknownBase !== null) unknown.set(unknownBase, (unknown.get(unknownBase) || 0) + 1);
        continue;
      }
      runs.push({ text: text.slice(last, at) });
      if (hit) {
        note(hit);
        runs.push({ text: text.slice(at, end), hit });
      } else {
        for (const [p, h] of parts) {
          if (h) note(h);
          runs.push(h ? { text: p, hit: h } : { text: p });
        }
      }
      last = end;
    }
    offset += line.length + 1;
  }
  runs.push({ text: text.slice(last) });
  const unknownList = [...unknown.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([t]) => t);
  return { runs, acronyms: [...found.values()], unknown: unknownList };
}

function meaning(senses) {
  if (senses.length === 1) return senses[0][0];
  return `one of: ${senses.map(([e, , hint]) => (hint ? `${e} (${hint})` : e)).join("; ")}`;
}

function render({ model, el }) {
  const known = model.get("known") || {};
  const id = `br-decoder-${Math.abs([...Object.keys(known).join("")].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}`;
  const label = Object.assign(document.createElement("label"), { htmlFor: `${id}-text`, textContent: "Paste text from a board paper" });
  const box = Object.assign(document.createElement("textarea"), { id: `${id}-text`, rows: 8, spellcheck: false });
  box.className = "br-decoder-input";
  box.value = model.get("text") || "";
  const summary = Object.assign(document.createElement("p"), { className: "br-decoder-summary" });
  summary.setAttribute("role", "status");
  const marked = document.createElement("div");
  marked.className = "br-decoder-marked";
  marked.setAttribute("aria-label", "Your text with acronyms expanded");
  marked.setAttribute("role", "region");
  const table = document.createElement("table");
  table.className = "br-decoder-table";
  // Scrolls sideways in its own box on a narrow screen; reachable by keyboard to do so.
  const tableBox = h("div", { class: "br-decoder-table-box", role: "region", "aria-label": "Acronyms found", tabindex: "0", hidden: true }, table);
  const unknownPara = Object.assign(document.createElement("p"), { className: "br-decoder-unknown" });
  const wrap = document.createElement("div");
  wrap.className = "br-decoder";
  wrap.append(label, box, summary, marked, tableBox, unknownPara);
  el.replaceChildren(wrap);

  function show() {
    const text = box.value;
    const result = decodeText(text, known);
    marked.replaceChildren();
    for (const run of result.runs) {
      if (!run.hit) {
        marked.append(document.createTextNode(run.text));
        continue;
      }
      const mark = document.createElement("mark");
      mark.className = "br-decoder-acronym";
      mark.textContent = run.text;
      const exp = document.createElement("span");
      exp.className = "br-decoder-expansion";
      exp.textContent = ` (${meaning(run.hit[1])})`;
      marked.append(mark, exp);
    }
    const n = result.acronyms.length;
    summary.textContent = text.trim()
      ? `${n} acronym${n === 1 ? "" : "s"} found${result.unknown.length ? `, ${result.unknown.length} not in the glossary` : ""}.`
      : "Paste or type text above to decode it.";
    table.replaceChildren();
    tableBox.hidden = !n; // no empty table before anything is found
    if (n) {
      const head = table.createTHead().insertRow();
      for (const h of ["Acronym", "Times", "Meaning", "Category"]) {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = h;
        head.append(th);
      }
      const body = table.createTBody();
      for (const f of result.acronyms) {
        const row = body.insertRow();
        const th = document.createElement("th");
        th.scope = "row";
        th.textContent = f.acronym;
        row.append(th);
        row.insertCell().textContent = String(f.count);
        row.insertCell().textContent = meaning(f.senses);
        row.insertCell().textContent = [...new Set(f.senses.map((s) => s[1]))].join(", ");
      }
    }
    unknownPara.textContent = result.unknown.length ? `Not in the glossary: ${result.unknown.join(", ")}.` : "";
  }
  box.addEventListener("input", () => {
    model.set("text", box.value);
    model.save_changes();
    show();
  });
  const fromModel = () => {
    if (box.value !== (model.get("text") || "")) {
      box.value = model.get("text") || "";
      show();
    }
  };
  model.on("change:text", fromModel);
  show();
  return () => model.off("change:text", fromModel);
}

// decodeText is exported too, so tests can check it against the Python engine.
export default { render, decodeText };
