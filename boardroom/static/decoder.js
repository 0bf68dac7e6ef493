// The acronym decoder: paste text from a board paper, or choose a whole document
// (.docx, .pdf, .txt, .md, .html), and see every acronym the glossary knows, with
// its meanings and the likely one where it has several, and the unknown words,
// likely acronyms first. The same engine as boardroom/glossary/decoder.py (same
// tokens, same table, same rules for plurals, possessives, hyphens, spaces and
// joined words, the same likely sense and ranking of unknowns) and the same
// document reading as boardroom/glossary/extract.py. A document is read in this
// page: nothing is sent or kept. Pasted text and documents are only ever put in
// the page as text: markup or script in them is shown, never run.
//
// Model state: known ({folded spelling: [term, [[expansion, category label, hint], ...], flags?]}),
// categories ({category label: category value}, for the JSON shape), report (the
// address for reporting a missing term, or ""), text (what is in the box; synced,
// so Python can set or read it).

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
  const base = unknownBase(token);
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
  const acronyms = [...found.values()];
  const words = new Set(text.toLowerCase().match(WORD) || []);
  for (const f of acronyms) {
    f.likely = null;
    if (f.senses.length > 1) f.likely = f.senses[likelySense(f.senses, words)][0];
  }
  return { runs, acronyms, unknown: rankUnknown(unknown, text) };
}

// ---- the likely sense of an acronym with several (likely_sense in decoder.py) ----------------

const WORD = /[a-z]+/g;
const CUE_STOP = new Set(("about after against also before board boards care current documents document early england form from health " +
  "including into meaning more national numbers older only other paper papers patient patients service services " +
  "since staff such system systems technical than that their these this those trust trusts until used usual " +
  "usually where which with written").split(" "));

function senseCues([expansion, , hint]) {
  const clauses = hint.toLowerCase().split(/[,;.]/).filter((c) => !/^\s*(not |unrelated|nothing to do)/.test(c));
  const words = `${expansion.toLowerCase()} ${clauses.join(" ")}`.match(WORD) || [];
  return new Set(words.filter((w) => w.length >= 4 && !CUE_STOP.has(w)));
}

function likelySense(senses, words) {
  let best = 0, bestScore = -1;
  senses.forEach((sense, i) => {
    const score = [...senseCues(sense)].filter((w) => words.has(w)).length + (sense[2].toLowerCase().includes("usual meaning") ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

// ---- ranking the unknown words (rank_unknown in decoder.py) -------------------------------------

const CAPITAL_WORDS = new Set(("ALL AM AN AND ARE AS AT BE BUT BY DO FOR GO HE HOW IF IN IS IT ME MY NEW NO NOT OF OK ON OR OUR PM " +
  "SHE SO THE TO UP US WE WHAT WHO WHY YES").split(" "));
const QUARTER = /^(?:Q[1-4]|H[12])$/;

function unknownBase(token) {
  return token.length > 2 && token.endsWith("s") ? token.slice(0, -1) : token;
}

function rankUnknown(counts, text) {
  const lower = new Set();
  const outsideHeadings = new Set();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const tokens = line.match(TOKEN) || [];
    const heading = tokens.length >= 2 && !/[a-z]/.test(line);
    for (const token of tokens) {
      if (/[a-z]/.test(token) && !/[A-Z]/.test(token)) lower.add(token);
      if (!heading) outsideHeadings.add(unknownBase(token));
    }
  }
  const ranked = [];
  let first = 0;
  for (const [name, n] of counts) {
    first += 1;
    if (ROMAN.test(name)) continue;
    const ordinary = CAPITAL_WORDS.has(name) || QUARTER.test(name) || lower.has(name.toLowerCase()) || !outsideHeadings.has(name);
    const score = 2 * /[0-9]/.test(name) + (name.length >= 3) + (n >= 2) + (n >= 5);
    ranked.push([ordinary ? 1 : 0, -score, first, { acronym: name, count: n, likely: !ordinary }]);
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return ranked.map((r) => r[3]);
}

// The result in the shape `boardroom decode --json` prints (Decoded.as_json in decoder.py).
function asJson(result, categories) {
  return {
    acronyms: result.acronyms.map((f) => ({
      acronym: f.acronym, count: f.count,
      senses: f.senses.map(([expansion, label]) => ({ expansion, category: categories[label] || label })),
      likely: f.likely,
    })),
    unknown: result.unknown.map((u) => ({ ...u })),
  };
}


// ---- reading a document in the page (extract.py) ------------------------------------------------

const MAX_BYTES = 50 * 1024 * 1024; // extract.MAX_BYTES
const TEXT_SUFFIXES = [".txt", ".md", ".markdown", ".text"];
const HTML_SUFFIXES = [".html", ".htm"];
const SUFFIXES = [...TEXT_SUFFIXES, ...HTML_SUFFIXES, ".docx", ".pdf"];
const ACCEPT = ".docx,.pdf,.txt,.md,.markdown,.html,.htm";
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DOCX_TEXT = { tab: "\t", br: "\n", cr: "\n", noBreakHyphen: "-" };
// pdf.js (boardroom/static/vendor/pdfjs, pdfjs-dist 6.5.438), shipped as _static/pdfjs/ beside boardroom.js
const PDFJS = "pdfjs/pdf.min.js", PDFJS_WORKER = "pdfjs/pdf.worker.min.js";

class Unreadable extends Error {}

function suffixOf(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

function plainText(bytes) {
  if (bytes.subarray(0, 8192).includes(0)) throw new Unreadable("this is a binary file, not text: decode .txt, .md, .html, .docx or .pdf files");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a byte-order mark, as utf-8-sig does
  } catch (err) {
    throw new Unreadable("not UTF-8 text: save it as UTF-8 and try again");
  }
}

// The text of a web page, less its scripts and styles: each run of text between tags, spaced.
function htmlText(source) {
  const doc = new DOMParser().parseFromString(source, "text/html");
  doc.querySelectorAll("script, style, template, noscript").forEach((n) => n.remove());
  const parts = [];
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) parts.push(walker.currentNode.data);
  return parts.join(" ");
}

// Every paragraph of a Word document's body in document order, as extract._paragraph_text reads it.
async function docxText(name, buffer) {
  const head = new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength));
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new Unreadable("a password-protected Word document, or an old-style .doc: save a copy as .docx without a password and try again");
  }
  const [entry] = await unzip(name, buffer, (path) => path === "word/document.xml");
  if (!entry || !entry.bytes) throw new Unreadable("not a Word document (.docx), or it is damaged or password-protected");
  const xml = new DOMParser().parseFromString(new TextDecoder("utf-8").decode(entry.bytes), "application/xml");
  if (xml.getElementsByTagName("parsererror").length) throw new Unreadable("not a Word document (.docx), or it is damaged");
  const lines = [];
  for (const p of xml.getElementsByTagNameNS(W, "p")) {
    let text = "";
    const walker = xml.createTreeWalker(p, NodeFilter.SHOW_ELEMENT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.namespaceURI !== W || !(node.localName === "t" || node.localName in DOCX_TEXT)) continue;
      if (closestParagraph(node) !== p) continue; // a text box's own paragraph, read in its turn
      text += node.localName === "t" ? node.textContent : DOCX_TEXT[node.localName];
    }
    lines.push(text);
  }
  return lines.join("\n");
}

function closestParagraph(node) {
  for (let n = node.parentNode; n; n = n.parentNode) if (n.namespaceURI === W && n.localName === "p") return n;
  return null;
}

// Where the book keeps pdf.js: beside boardroom.js. Null in Jupyter, which has no such folder.
function pdfjsBase() {
  const script = document.querySelector('script[src*="_static/boardroom.js"]');
  return script ? new URL(".", script.src) : null;
}

async function pdfText(bytes) {
  const base = pdfjsBase();
  if (!base) throw new Unreadable("PDFs are read on the book's acronym decoder page: open it there, or save the PDF as a Word document or text");
  if (location.protocol === "file:") {
    throw new Unreadable("this browser cannot start the PDF reader when the book is opened from a file (file://). " +
      "Open the book from its web address, or save the PDF as a Word document or text and choose that");
  }
  let pdfjs;
  try {
    pdfjs = await import(new URL(PDFJS, base).href);
  } catch (err) {
    throw new Unreadable("the PDF reader could not be loaded in this browser: save the PDF as a Word document or text and choose that");
  }
  pdfjs.GlobalWorkerOptions.workerSrc = new URL(PDFJS_WORKER, base).href;
  let doc;
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    if (err && err.name === "PasswordException") throw new Unreadable("the PDF is encrypted: save a copy without a password and try again");
    throw new Unreadable("not a readable PDF: it may be damaged");
  }
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => (item.str || "") + (item.hasEOL ? "\n" : "")).join(""));
      page.cleanup();
    }
    return pages.join("\n");
  } catch (err) {
    throw new Unreadable("not a readable PDF: it may be damaged");
  } finally {
    await task.destroy(); // ends the worker
  }
}

// A document's text, or an Unreadable error with the same message as `boardroom decode`.
async function readDocument(file) {
  const ext = suffixOf(file.name);
  if (!SUFFIXES.includes(ext)) throw new Unreadable(`cannot read '${ext || "no extension"}' files: use .txt, .md, .html, .docx or .pdf`);
  if (file.size === 0) throw new Unreadable("the file is empty");
  if (file.size > MAX_BYTES) {
    throw new Unreadable(`the file is too large (${Math.round(file.size / 1e6)} MB; the limit is ${MAX_BYTES / (1024 * 1024)} MB)`);
  }
  let buffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (err) {
    throw new Unreadable("the browser could not read the file");
  }
  let text;
  if (ext === ".docx") text = await docxText(file.name, buffer);
  else if (ext === ".pdf") text = await pdfText(new Uint8Array(buffer));
  else {
    text = plainText(new Uint8Array(buffer));
    if (HTML_SUFFIXES.includes(ext)) text = htmlText(text);
  }
  if (!text.trim()) {
    throw new Unreadable("no text found in the file" + (ext === ".pdf" ? " (a scanned PDF holds pictures of text: ask for the original document)" : ""));
  }
  return text;
}

// ---- the page -------------------------------------------------------------------------------------

function meaning(senses) {
  if (senses.length === 1) return senses[0][0];
  return `one of: ${senses.map(([e, , hint]) => (hint ? `${e} (${hint})` : e)).join("; ")}`;
}

// The table's meaning: the likely sense first, then the others, each with its hint.
function tableMeaning(f) {
  if (f.senses.length === 1) return f.senses[0][0];
  const withHint = ([e, , hint]) => (hint ? `${e} (${hint.replace(/\.$/, "")})` : e);
  const likely = f.senses.find((s) => s[0] === f.likely);
  const others = f.senses.filter((s) => s !== likely).map(withHint).join("; ");
  return `Likely here: ${withHint(likely)}. Or: ${others}.`;
}

function csvFor(result) {
  const rows = [["Acronym", "Times", "Meaning", "Likely meaning here", "Category"]];
  for (const f of result.acronyms) {
    rows.push([f.acronym, f.count, f.senses.map((s) => s[0]).join("; "), f.likely || "", [...new Set(f.senses.map((s) => s[1]))].join("; ")]);
  }
  for (const u of result.unknown) {
    rows.push([u.acronym, u.count, u.likely ? "Not in the glossary: ask what it means" : "Probably an ordinary word in capitals", "", ""]);
  }
  return csvOfRows(rows);
}

// A link that opens the report address with the missing term filled in: only the term is sent,
// never the document, and only when the reader follows the link.
function reportLink(report, token) {
  if (!report) return null;
  const subject = `Glossary: please add ${token}`;
  const body = `The acronym decoder did not know "${token}". What I think it means, and where I saw it (no confidential detail): `;
  const sep = report.includes("?") ? "&" : "?";
  const href = report.startsWith("mailto:")
    ? `${report}${sep}subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
    : `${report}${sep}title=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return h("a", { href, target: "_blank", rel: "noopener", text: `report ${token} as missing` });
}

function render({ model, el }) {
  const known = model.get("known") || {};
  const categories = model.get("categories") || {};
  const report = model.get("report") || "";
  const id = `br-decoder-${Math.abs([...Object.keys(known).join("")].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}`;
  const level = titleLevel(el);
  const label = h("label", { for: `${id}-text`, text: "Paste text from a board paper" });
  const box = h("textarea", { id: `${id}-text`, rows: "8", spellcheck: "false", class: "br-decoder-input" });
  // a browser only scrolls a focused box that is wholly out of view: bring all of it in (WCAG 2.4.11)
  box.addEventListener("focus", () => box.scrollIntoView({ block: "nearest" }));
  box.value = model.get("text") || "";
  // The file input stays out of sight and out of the tab order: a button opens it, which every
  // browser lets a keyboard press, and the drop zone takes a dragged file.
  const input = h("input", { type: "file", id: `${id}-file`, tabindex: "-1", class: "br-visually-hidden", accept: ACCEPT, "aria-hidden": "true" });
  const choose = h("button", { type: "button", class: "br-button", text: "Choose a document" });
  choose.addEventListener("click", () => input.click());
  const offline = location.protocol === "file:" ? " PDFs cannot be read when the book is opened from a file; Word documents, web pages and text can." : "";
  const drop = h("div", { class: "br-decoder-drop" },
    h("p", { class: "br-decoder-ask", text: "Or decode a whole document: Word (.docx), PDF, web page (.html) or text (.txt, .md)" }),
    choose, input,
    h("p", { class: "br-note", text: `Or drop it here. The document is read in this page and goes nowhere: nothing is sent or kept.${offline}` }));
  const status = h("p", { class: "br-decoder-status", role: "status" });
  const summary = h("p", { class: "br-decoder-summary", role: "status" });
  const marked = h("div", { class: "br-decoder-marked", role: "region", "aria-label": "Your text with acronyms expanded" });
  const sheetTitle = h(`h${level}`, { class: "br-decoder-sheet-title", tabindex: "-1" });
  const table = h("table", { class: "br-decoder-table" });
  // Scrolls sideways in its own box on a narrow screen; reachable by keyboard to do so.
  const tableBox = h("div", { class: "br-decoder-table-box", role: "region", "aria-label": "Acronyms found", tabindex: "0", hidden: true }, table);
  const unknownBox = h("div", { class: "br-decoder-unknown" });
  const sheetNote = h("p", { class: "br-decoder-sheet-note" });
  const printButton = h("button", { type: "button", class: "br-button", text: "Print or save this paper's acronym sheet" });
  const csvButton = h("button", { type: "button", class: "br-button br-secondary", text: "Download as CSV" });
  const actions = h("div", { class: "br-decoder-actions", hidden: true }, printButton, csvButton);
  const sheet = h("div", { class: "br-decoder-sheet", hidden: true }, sheetTitle, summary, actions, tableBox, unknownBox, sheetNote);
  const wrap = h("div", { class: "br-decoder" }, label, box, drop, status, marked, sheet);
  el.replaceChildren(wrap);
  let current = null, source = "";

  function showResult(result, what) {
    current = result;
    source = what;
    const n = result.acronyms.length;
    const likely = result.unknown.filter((u) => u.likely);
    const ordinary = result.unknown.filter((u) => !u.likely);
    sheet.hidden = false;
    sheetTitle.textContent = what ? `Acronyms in ${what}` : "Acronyms in your text";
    setText(summary, `${n} acronym${n === 1 ? "" : "s"} found${result.unknown.length ? `, ${result.unknown.length} not in the glossary` : ""}.`);
    table.replaceChildren();
    tableBox.hidden = !n; // no empty table before anything is found
    actions.hidden = !n && !result.unknown.length;
    if (n) {
      table.append(h("caption", { class: "br-visually-hidden", text: "In order of first appearance" }));
      const head = table.createTHead().insertRow();
      for (const name of ["Acronym", "Times", "Meaning", "Category"]) head.append(h("th", { scope: "col", text: name }));
      const body = table.createTBody();
      for (const f of result.acronyms) {
        const row = body.insertRow();
        row.append(h("th", { scope: "row", text: f.acronym }));
        row.insertCell().textContent = String(f.count);
        row.insertCell().textContent = tableMeaning(f);
        row.insertCell().textContent = [...new Set(f.senses.map((s) => s[1]))].join(", ");
      }
    }
    unknownBox.replaceChildren();
    if (likely.length) {
      unknownBox.append(
        h("p", { class: "br-decoder-unknown-head", text: `Not in the glossary, likely acronyms first (${likely.length}): ask what each means.` }),
        h("ul", {}, ...likely.map((u) => h("li", {},
          h("strong", { text: u.acronym }), ` (${u.count} time${u.count === 1 ? "" : "s"}): ask “What does ${u.acronym} stand for here?”`,
          report ? h("span", { class: "br-decoder-report-link" }, " or ", reportLink(report, u.acronym)) : null))));
    }
    if (ordinary.length) {
      unknownBox.append(h("p", { class: "br-decoder-ordinary", text: `Probably ordinary words in capitals: ${ordinary.map((u) => u.acronym).join(", ")}.` }));
    }
    if (likely.length && !report) {
      unknownBox.append(h("p", { class: "br-note br-decoder-report", text: "To suggest a term for the course glossary, tell the person or team who gave you this course." }));
    }
    sheetNote.textContent = `Decoded with the course glossary on ${new Date().toISOString().slice(0, 10)}. Where an acronym has several meanings, check the likely one with the paper's author.`;
  }

  function showText() {
    const text = box.value;
    const result = decodeText(text, known);
    marked.hidden = false;
    marked.replaceChildren();
    for (const run of result.runs) {
      if (!run.hit) {
        marked.append(document.createTextNode(run.text));
        continue;
      }
      marked.append(h("mark", { class: "br-decoder-acronym", text: run.text }),
        h("span", { class: "br-decoder-expansion", text: ` (${meaning(run.hit[1])})` }));
    }
    setText(status, "");
    if (!text.trim()) {
      sheet.hidden = false;
      actions.hidden = true;
      tableBox.hidden = true;
      unknownBox.replaceChildren();
      sheetTitle.textContent = "";
      sheetNote.textContent = "";
      setText(summary, "Paste or type text above, or choose a document, to decode it.");
      current = null;
      return;
    }
    showResult(result, "");
  }

  async function readFile(file) {
    if (!file) return;
    status.classList.remove("br-decoder-problem");
    setText(status, `Reading ${file.name}…`);
    choose.disabled = true;
    try {
      const text = await readDocument(file);
      const result = decodeText(text, known);
      marked.hidden = true; // a whole document is shown as its table, not marked up in full
      marked.replaceChildren();
      showResult(result, file.name);
      setText(status, `Decoded ${file.name}: ${result.acronyms.length} acronym${result.acronyms.length === 1 ? "" : "s"} found.`);
      sheetTitle.focus();
    } catch (err) {
      status.classList.add("br-decoder-problem");
      const why = err instanceof Unreadable ? err.message : `the browser could not read it (${err && err.message ? err.message : err})`;
      setText(status, `${file.name}: ${why}.`.replace(/\.\.$/, "."));
    } finally {
      choose.disabled = false;
      input.value = ""; // the same file can be chosen again
    }
  }

  printButton.addEventListener("click", () => window.print());
  csvButton.addEventListener("click", () => {
    if (!current) return;
    const stem = (source || "pasted-text").replace(/\.[^.]+$/, "").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "document";
    download(`acronyms-${stem}.csv`, "text/csv", csvFor(current));
  });
  input.addEventListener("change", () => readFile(input.files[0]));
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("br-dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("br-dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("br-dragging");
    readFile(event.dataTransfer.files[0]);
  });
  box.addEventListener("input", () => {
    model.set("text", box.value);
    model.save_changes();
    showText();
  });
  const fromModel = () => {
    if (box.value !== (model.get("text") || "")) {
      box.value = model.get("text") || "";
      showText();
    }
  };
  model.on("change:text", fromModel);
  showText();
  return () => model.off("change:text", fromModel);
}

// decodeText, asJson, readDocument and csvFor are exported too, so tests can check them against
// the Python engine.
export default { render, decodeText, asJson, readDocument, csvFor };
