// The acronym decoder: paste text from a board paper and see every acronym
// the glossary knows marked and expanded in place, with the unknown ones
// listed. The same engine as boardroom/glossary/decoder.py (same tokens, same
// table, same rules for plurals and joined words). Pasted text is only ever
// put in the page as text: markup or script in it is shown, never run.
//
// Model state: known ({spelling: [term, [[expansion, category label, hint], ...]]}),
// text (what is in the box; synced, so Python can set or read it).

// Mirrors TOKEN and UNKNOWN in boardroom/glossary/decoder.py.
const TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9&+-]*[A-Za-z0-9+])?/g;
const UNKNOWN = /^[A-Z][A-Z0-9&]*[A-Z0-9]$/;
const MAX_UNKNOWN_LENGTH = 10;

function lookup(known, token) {
  let hit = Object.prototype.hasOwnProperty.call(known, token) ? known[token] : null;
  if (!hit && token.length > 2 && token.endsWith("s")) {
    const single = token.slice(0, -1);
    if (Object.prototype.hasOwnProperty.call(known, single)) hit = known[single];
  }
  return hit;
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
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const at = match.index;
    let hit = lookup(known, token);
    let parts = null;
    if (!hit && /[-&+]/.test(token)) {
      parts = token.split(/([-&+])/).map((p) => (/^[-&+]$/.test(p) || !p ? [p, null] : [p, lookup(known, p)]));
      if (!parts.some(([, h]) => h)) parts = null;
    }
    if (!hit && !parts) {
      const base = token.length > 2 && token.endsWith("s") ? token.slice(0, -1) : token;
      if (UNKNOWN.test(base) && base.length <= MAX_UNKNOWN_LENGTH) unknown.set(base, (unknown.get(base) || 0) + 1);
      continue;
    }
    runs.push({ text: text.slice(last, at) });
    if (hit) {
      note(hit);
      runs.push({ text: token, hit });
    } else {
      for (const [p, h] of parts) {
        if (h) note(h);
        runs.push(h ? { text: p, hit: h } : { text: p });
      }
    }
    last = at + token.length;
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
