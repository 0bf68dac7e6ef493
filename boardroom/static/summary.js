// The room's summary in the book: a facilitator chooses or drops the room's
// result files (or a .zip of them) and sees what `boardroom results summarise`
// writes, with no Python and nothing sent anywhere. Only the built book runs it
// (the Jupyter route calls boardroom.results in Python instead).
//
// One truth, two hosts: readEntries, summarise and csvRows mirror
// boardroom/results/read.py, summary.py and report.csv_rows rule for rule, with
// Python's own meanings of truth, equality, repr() and rounding (the py*
// helpers below). Quiz answers are marked again with the quiz component's
// isCorrect, the one JavaScript marker. tests/test_summary_browser.py runs both
// on the fixture rooms and asserts the same figures.
//
// Model state: rules ({versions, banks: {id: {revision, questions: [{id, type,
// answer}]}}, tools: {id: {title, ratings: [label], stages: [label]}}}), written
// by the build from the course's banks and tools.

const OUTPUT_NAMES = ["summary.html", "summary.csv"];
const HARDEST = 5;
const BATCH = 50; // files read between yields to the event loop, so the page stays responsive

// ---- Python's meanings, where JavaScript's differ -------------------------------------------

function own(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : null; // dict.get(key)
}

function pyTruthy(v) {
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}

// a == n for a number n: True == 1 in Python
function pyEqNumber(v, n) {
  return (typeof v === "number" && v === n) || (typeof v === "boolean" && Number(v) === n);
}

function pyRepr(v) {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    return String(v);
  }
  if (typeof v === "string") {
    const quote = v.includes("'") && !v.includes('"') ? '"' : "'";
    const body = v.replace(/[\\\n\r\t]|[\x00-\x1f\x7f]/g, (c) =>
      ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] || `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
    return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
  }
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
}

function pyStr(v) {
  return typeof v === "string" ? v : pyRepr(v);
}

// Python sorts strings by code point; JavaScript's < compares UTF-16 units.
function byCodePoint(a, b) {
  const x = Array.from(a), y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
  }
  return x.length - y.length;
}

// format(x, f".{digits}f"): nearest on the exact binary value, and a tie goes to the even
// digit (toFixed sends it up). A double's exact decimal expansion ends well within 100 digits.
function pyFixed(x, digits) {
  const exact = x.toFixed(100);
  const cut = exact.indexOf(".") + 1 + digits;
  const rest = exact.slice(cut);
  const shown = x.toFixed(digits);
  if (!/^50*$/.test(rest)) return shown;
  const kept = exact.slice(0, digits ? cut : cut - 1);
  const last = Number(kept.replace(".", "").slice(-1));
  return last % 2 === 0 ? kept : shown;
}

// Counter.most_common(n): by count, highest first, ties in the order first counted.
function mostCommon(counter, n) {
  const items = [...counter.entries()].sort((a, b) => b[1] - a[1]);
  return n === undefined ? items : items.slice(0, n);
}

function bump(counter, key, by = 1) {
  counter.set(key, (counter.get(key) || 0) + by);
}

// json.dumps(data, sort_keys=True), for spotting copies: keys in code-point order.
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObject(v)) {
    return `{${Object.keys(v).sort(byCodePoint).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return typeof v === "number" && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
}

// Python's json.loads: JSON.parse first; when it refuses, a scanner that follows Python's
// decoder gives the place of the fault (for "at line n") or the value Python would accept
// (NaN and Infinity).
function pyJsonLoads(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return pyScan(text);
  }
}

function pyScan(text) {
  let i = 0;
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
  const fail = (pos) => { throw { jsonAt: pos }; };
  const ws = () => { while (i < text.length && " \t\n\r".includes(text[i])) i++; };
  const put = (obj, key, value) =>
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  function string() {
    const start = i++;
    let out = "";
    for (;;) {
      const c = text[i];
      if (c === undefined) fail(start); // unterminated string starting at its quote
      if (c === '"') { i++; return out; }
      if (c < " ") fail(i); // invalid control character
      if (c !== "\\") { out += c; i++; continue; }
      const esc = text[i + 1];
      if (esc === undefined) fail(start);
      const simple = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" }[esc];
      if (simple !== undefined) { out += simple; i += 2; continue; }
      if (esc !== "u" || !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    }
  }
  function value() {
    const c = text[i];
    if (c === '"') return string();
    if (c === "{") {
      const obj = {};
      i++; ws();
      if (text[i] === "}") { i++; return obj; }
      for (;;) {
        if (text[i] !== '"') fail(i); // expecting property name
        const key = string();
        ws();
        if (text[i] !== ":") fail(i);
        i++; ws();
        put(obj, key, value());
        ws();
        if (text[i] === "}") { i++; return obj; }
        if (text[i] !== ",") fail(i);
        i++; ws();
      }
    }
    if (c === "[") {
      const list = [];
      i++; ws();
      if (text[i] === "]") { i++; return list; }
      for (;;) {
        list.push(value());
        ws();
        if (text[i] === "]") { i++; return list; }
        if (text[i] !== ",") fail(i);
        i++; ws();
      }
    }
    for (const [word, v] of [["null", null], ["true", true], ["false", false], ["NaN", NaN],
      ["Infinity", Infinity], ["-Infinity", -Infinity]]) {
      if (text.startsWith(word, i)) { i += word.length; return v; }
    }
    number.lastIndex = i;
    const m = number.exec(text);
    if (!m) fail(i); // expecting value
    i += m[0].length;
    return Number(m[0]);
  }
  try {
    ws();
    const result = value();
    ws();
    if (i !== text.length) fail(i); // extra data
    return { value: result };
  } catch (err) {
    if (err && typeof err.jsonAt === "number") {
      return { line: (text.slice(0, err.jsonAt).match(/\n/g) || []).length + 1 };
    }
    throw err;
  }
}

// ---- read.py ---------------------------------------------------------------------------------

function suffix(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 && dot < name.length - 1 ? name.slice(dot).toLowerCase() : "";
}

function problem(data, versions) {
  if (!isObject(data) || own(data, "format") !== versions.format) {
    return "not a results file from this course (no 'format': 'boardroom-results')";
  }
  const component = own(data, "component");
  const version = own(data, "version");
  if (component === "tool" && pyEqNumber(version, 1)) {
    return "review-tool results in format version 1, saved before the tools asked for the project's stage " +
      "and said how confident they are: ask for a new download";
  }
  const expected = component === "tool" ? versions.tool : versions.quiz;
  if (!pyEqNumber(version, expected)) {
    return `results format version ${pyRepr(version)}; this summariser reads version ${expected}`;
  }
  if (component === "quiz") {
    const rows = own(data, "questions");
    if (typeof own(data, "bank") !== "string" || !Array.isArray(rows) || !rows.every((r) =>
      isObject(r) && typeof own(r, "id") === "string" && typeof own(r, "correct") === "boolean" &&
      typeof own(r, "answered") === "boolean")) {
      return "quiz results with missing or malformed 'bank' or 'questions'";
    }
    return null;
  }
  if (component === "tool") {
    const rows = own(data, "items");
    if (typeof own(data, "tool") !== "string" || !Array.isArray(rows) ||
      !rows.every((r) => isObject(r) && typeof own(r, "id") === "string")) {
      return "review-tool results with missing or malformed 'tool' or 'items'";
    }
    const confidence = own(data, "confidence");
    const stageLabel = own(data, "stage_label");
    if (![null, "good", "limited", "low"].includes(confidence) || !(stageLabel === null || typeof stageLabel === "string")) {
      return "review-tool results with a malformed 'confidence' or 'stage_label'";
    }
    const rated = pyTruthy(own(data, "complete")) && confidence !== "low";
    if (rated && typeof own(data, "rating_label") !== "string") return "review-tool results marked complete but with no rating";
    return null;
  }
  return `unknown component ${pyRepr(component)}: expected 'quiz' or 'tool'`;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// One file, on its own: {name, reason} when it is skipped whatever else is in the room,
// else {name, data, key} (key: its canonical JSON, for spotting copies). An entry is
// {name, bytes: Uint8Array}, or {name, reason} when the browser could not read the file or
// unpack it from a .zip. The page prepares files in batches as it reads them.
function prepareEntry(entry, versions) {
  const skip = (reason) => ({ name: entry.name, reason });
  if (entry.reason) return skip(entry.reason);
  const ext = suffix(entry.name);
  if (ext === ".csv") return skip("a CSV download: the summary reads the JSON results file");
  if (ext !== ".json") return skip("not a .json results file");
  let text;
  try {
    text = utf8.decode(entry.bytes).replace(/\r\n?/g, "\n"); // Python reads text with universal newlines
  } catch (err) {
    return skip("not UTF-8 text: corrupt");
  }
  const parsed = pyJsonLoads(text);
  if (!("value" in parsed)) return skip(`not valid JSON at line ${parsed.line}: corrupt or cut short`);
  const why = problem(parsed.value, versions);
  if (why) return skip(why);
  return { name: entry.name, data: parsed.value, key: canonical(parsed.value) };
}

// read_folder: the prepared files in name order, read or skipped with a reason; of a file and
// its copy, the first in name order counts. Returns {read: [[name, data]], skipped: [{name, reason}]}.
function collect(prepared) {
  const found = { read: [], skipped: [] };
  const seen = new Map();
  const files = prepared.filter((e) => !e.name.startsWith(".") && !OUTPUT_NAMES.includes(e.name))
    .sort((a, b) => byCodePoint(a.name, b.name));
  for (const file of files) {
    if (file.reason) found.skipped.push({ name: file.name, reason: file.reason });
    else if (seen.has(file.key)) found.skipped.push({ name: file.name, reason: `a copy of ${seen.get(file.key)}, already counted` });
    else {
      seen.set(file.key, file.name);
      found.read.push([file.name, file.data]);
    }
  }
  return found;
}

function readEntries(entries, versions) {
  return collect(entries.map((e) => prepareEntry(e, versions)));
}

// ---- summary.py -------------------------------------------------------------------------------

function isCorrectInQuiz(question, response) {
  // the quiz component's marker: one JavaScript marker for the learner's page and the room
  return window.BoardroomComponents.quiz.isCorrect(question, response);
}

function addQuiz(quiz, data, bank) {
  const remark = bank !== null && own(data, "revision") === bank.revision;
  quiz.remarked = quiz.remarked && remark;
  const byId = new Map(bank ? bank.questions.map((q) => [q.id, q]) : []);
  let score = 0;
  const rows = data.questions;
  for (const row of rows) {
    if (!quiz.questions.has(row.id)) {
      const prompt = Object.prototype.hasOwnProperty.call(row, "prompt") ? pyStr(row.prompt) : row.id;
      quiz.questions.set(row.id, { id: row.id, prompt, answered: 0, correct: 0, wrong: new Map() });
    }
    const stats = quiz.questions.get(row.id);
    if (!row.answered) continue;
    const correct = remark && byId.has(row.id) ? isCorrectInQuiz(byId.get(row.id), own(row, "response")) : row.correct;
    stats.answered += 1;
    stats.correct += Number(correct);
    score += Number(correct);
    if (!correct) {
      const text = own(row, "response_text");
      bump(stats.wrong, pyTruthy(text) ? pyStr(text) : "(blank)");
    }
  }
  quiz.files += 1;
  quiz.finished += Number(rows.every((r) => r.answered));
  quiz.total = Math.max(quiz.total, rows.length);
  quiz.scores.push(score);
}

function addTool(tool, data, staged) {
  tool.files += 1;
  if (staged) bump(tool.stages, own(data, "stage_label") || "Not given");
  if (pyTruthy(own(data, "complete"))) {
    tool.complete += 1;
    bump(tool.confidence, own(data, "confidence"));
    if (pyTruthy(own(data, "rating_label"))) bump(tool.ratings, data.rating_label);
    else tool.declined += 1;
  }
  for (const row of data.items) {
    if (!tool.questions.has(row.id)) {
      tool.questions.set(row.id, Object.prototype.hasOwnProperty.call(row, "question") ? pyStr(row.question) : row.id);
    }
    if (own(row, "finding") === "gap") {
      bump(tool.gaps, row.id);
      if (own(row, "answer") === "unknown") bump(tool.unknowns, row.id);
    }
  }
}

function hardest(quiz, count) {
  const share = (q) => (q.answered ? q.correct / q.answered : 0);
  return [...quiz.questions.values()].filter((q) => q.answered)
    .sort((a, b) => share(a) - share(b) || b.answered - a.answered).slice(0, count);
}

function spread(tool) {
  const order = tool.ratingOrder.concat([...tool.ratings.keys()].filter((l) => !tool.ratingOrder.includes(l)).sort(byCodePoint));
  return order.map((label) => [label, tool.ratings.get(label) || 0]);
}

function stageSpread(tool) {
  const order = tool.stageOrder.filter((s) => tool.stages.get(s))
    .concat([...tool.stages.keys()].filter((s) => !tool.stageOrder.includes(s)).sort(byCodePoint));
  return order.map((label) => [label, tool.stages.get(label) || 0]);
}

function summarise(found, rules) {
  const quizzes = new Map(), tools = new Map();
  for (const [, data] of found.read) {
    if (data.component === "quiz") {
      const id = data.bank;
      if (!quizzes.has(id)) {
        const title = own(data, "title");
        quizzes.set(id, { bank: id, title: pyTruthy(title) ? pyStr(title) : id, files: 0, finished: 0, scores: [],
          total: 0, questions: new Map(), remarked: true });
      }
      const bank = Object.prototype.hasOwnProperty.call(rules.banks, id) ? rules.banks[id] : null;
      addQuiz(quizzes.get(id), data, bank);
    } else {
      const id = data.tool;
      if (!tools.has(id)) {
        const known = Object.prototype.hasOwnProperty.call(rules.tools, id) ? rules.tools[id] : null;
        const title = own(data, "title");
        tools.set(id, { tool: id, title: pyTruthy(title) ? pyStr(title) : id, files: 0, complete: 0, declined: 0,
          ratings: new Map(), ratingOrder: known ? known.ratings : [], stages: new Map(),
          stageOrder: known && known.stages.length ? known.stages.concat(["Not given"]) : [],
          confidence: new Map(), gaps: new Map(), unknowns: new Map(), questions: new Map() });
      }
      const tool = tools.get(id);
      addTool(tool, data, tool.stageOrder.length > 0 || own(data, "stage") !== null);
    }
  }
  const sorted = (map) => [...map.keys()].sort(byCodePoint).map((k) => map.get(k));
  return { read: found.read.length, skipped: found.skipped, quizzes: sorted(quizzes), tools: sorted(tools) };
}

// ---- report.csv_rows --------------------------------------------------------------------------

function csvRows(summary) {
  const rows = [["section", "quiz_or_tool", "question", "measure", "value"]];
  rows.push(["files", "", "", "read", String(summary.read)], ["files", "", "", "skipped", String(summary.skipped.length)]);
  for (const s of summary.skipped) rows.push(["skipped", s.name, "", "reason", s.reason]);
  for (const quiz of summary.quizzes) {
    rows.push(["quiz", quiz.bank, "", "files", String(quiz.files)], ["quiz", quiz.bank, "", "finished", String(quiz.finished)],
      ["quiz", quiz.bank, "", "marked_from_bank", String(quiz.remarked)]);
    for (let score = 0; score <= quiz.total; score++) {
      rows.push(["quiz", quiz.bank, "", `scored_${score}`, String(quiz.scores.filter((s) => s === score).length)]);
    }
    for (const q of quiz.questions.values()) {
      rows.push(["quiz", quiz.bank, q.id, "answered", String(q.answered)], ["quiz", quiz.bank, q.id, "correct", String(q.correct)]);
      for (const [answer, n] of mostCommon(q.wrong, 3)) rows.push(["quiz", quiz.bank, q.id, `wrong: ${answer}`, String(n)]);
    }
  }
  for (const tool of summary.tools) {
    rows.push(["tool", tool.tool, "", "files", String(tool.files)], ["tool", tool.tool, "", "complete", String(tool.complete)],
      ["tool", tool.tool, "", "not rated: low confidence", String(tool.declined)]);
    for (const [label, n] of stageSpread(tool)) rows.push(["tool", tool.tool, "", `stage: ${label}`, String(n)]);
    for (const level of ["good", "limited", "low"]) {
      rows.push(["tool", tool.tool, "", `confidence: ${level}`, String(tool.confidence.get(level) || 0)]);
    }
    for (const [label, n] of spread(tool)) rows.push(["tool", tool.tool, "", `rating: ${label}`, String(n)]);
    for (const [id, n] of mostCommon(tool.gaps)) rows.push(["tool", tool.tool, id, "gap", String(n)]);
    for (const [id, n] of mostCommon(tool.unknowns)) rows.push(["tool", tool.tool, id, "unknown", String(n)]);
  }
  return rows;
}

function mean(scores) {
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
}

// ---- the page ----------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

let chartCount = 0;

// A bar chart drawn in the page: title and description for assistive technology, with the
// same figures in the table that follows it.
function barChart(title, rows, unit) {
  const id = `br-summary-chart-${++chartCount}`;
  const barHeight = 20, gap = 6, barWidth = 220, top = 4;
  // room for the longest label at about 7.5 units a character of 13-unit text
  const labelWidth = Math.min(200, Math.max(60, 12 + 7.5 * Math.max(...rows.map(([label]) => label.length))));
  const width = labelWidth + barWidth + 40, height = top + rows.length * (barHeight + gap);
  const most = Math.max(1, ...rows.map(([, n]) => n));
  const chart = svg("svg", { class: "br-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-labelledby": `${id}-title ${id}-desc` });
  chart.append(svg("title", { id: `${id}-title` }, title),
    svg("desc", { id: `${id}-desc` }, rows.map(([label, n]) => `${label}: ${n} ${unit}`).join("; ")));
  rows.forEach(([label, n], i) => {
    const y = top + i * (barHeight + gap);
    chart.append(svg("text", { x: labelWidth - 8, y: y + barHeight * 0.7, "text-anchor": "end", class: "br-chart-label" }, label));
    chart.append(svg("rect", { x: labelWidth, y, height: barHeight, width: Math.round((barWidth * n) / most), class: "br-bar" }));
    chart.append(svg("text", { x: labelWidth + Math.round((barWidth * n) / most) + 6, y: y + barHeight * 0.7, class: "br-chart-label" }, String(n)));
  });
  return chart;
}

function table(caption, headings, rows) {
  return h("table", { class: "br-summary-table" }, h("caption", { text: caption }),
    h("thead", {}, h("tr", {}, ...headings.map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, ...rows.map((row) => h("tr", {}, ...row.map((cell) => h("td", { text: String(cell) }))))));
}

function quizSection(quiz) {
  const spreadRows = [];
  for (let s = 0; s <= quiz.total; s++) spreadRows.push([`${s} of ${quiz.total}`, quiz.scores.filter((x) => x === s).length]);
  const section = h("section", { class: "br-summary-part" }, h("h3", { text: `Quiz: ${quiz.title}` }),
    h("p", { class: "br-summary-quiz-figures", text: `${quiz.files} result file(s); ${quiz.finished} answered every question. ` +
      `Average score ${pyFixed(mean(quiz.scores), 1)} out of ${quiz.total}.` }));
  if (!quiz.remarked) {
    section.append(h("p", { class: "br-note", text: "Marked as the learners' browsers marked it: the question bank in this " +
      "book has changed since they answered." }));
  }
  section.append(barChart(`Scores in ${quiz.title}`, spreadRows, "learners"),
    table("Scores (learners at each score)", ["Score", "Learners"], spreadRows));
  section.append(table("The hardest questions", ["Question", "Right", "Commonest wrong answer"],
    hardest(quiz, HARDEST).map((q) => {
      const wrong = mostCommon(q.wrong, 1)[0];
      return [q.prompt, `${q.correct} of ${q.answered} (${pyFixed((q.correct / q.answered) * 100, 0)}%)`,
        wrong ? `${wrong[0]} (${wrong[1]})` : "None"];
    })));
  return section;
}

function toolSection(tool) {
  const section = h("section", { class: "br-summary-part" }, h("h3", { text: tool.title }),
    h("p", { text: `${tool.files} result file(s); ${tool.complete} answered every question due` +
      `${tool.stages.size ? " at their stage" : ""}: ${tool.complete - tool.declined} got a rating, and ` +
      `${tool.declined} had too much unknown for one (low confidence), so they lead with the evidence to find.` }));
  if (tool.stages.size) section.append(table("Stages the learners chose", ["Stage", "Learners"], stageSpread(tool)));
  const ratings = spread(tool);
  if (ratings.length) {
    section.append(barChart(`Ratings in ${tool.title}`, ratings, "learners"), table("Ratings", ["Rating", "Learners"], ratings));
  }
  for (const [counter, caption, heading] of [[tool.gaps, "The gaps most often found", "Learners who found a gap"],
    [tool.unknowns, "The evidence most often missing (answered “We do not know”)", "Learners who did not know"]]) {
    if (counter.size) {
      section.append(table(caption, ["Question", heading],
        mostCommon(counter, HARDEST).map(([id, n]) => [tool.questions.get(id), `${n} of ${tool.files}`])));
    }
  }
  return section;
}

function resultView(summary) {
  const view = h("div", { class: "br-summary-result" }, h("h2", { text: "The room's results", tabindex: "-1" }),
    h("p", { class: "br-summary-headline", text: `Read ${summary.read} result file(s); skipped ${summary.skipped.length}. The files hold no names.` }));
  if (summary.skipped.length) {
    const list = h("ul", { class: "br-summary-skipped" }, ...summary.skipped.map((s) =>
      h("li", {}, h("code", { text: s.name }), document.createTextNode(`: ${s.reason}`))));
    view.append(h("details", { open: true }, h("summary", { text: `Files skipped, and why (${summary.skipped.length})` }), list));
  }
  view.append(...summary.quizzes.map(quizSection), ...summary.tools.map(toolSection));
  if (!summary.quizzes.length && !summary.tools.length) view.append(h("p", { text: "No results could be read." }));
  return view;
}

const PAGE_STYLE = "body{font:1rem/1.5 system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b}" +
  "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #8a8f98;padding:.3rem .5rem;text-align:left}" +
  "caption{text-align:left;font-weight:600}.br-bar{fill:#005eb8}.br-chart{max-width:36rem;font-size:13px}.br-chart-label{fill:#1b1b1b}" +
  "@media print{section{break-inside:avoid-page}}";

function render({ model, el }) {
  const rules = model.get("rules");
  const id = `br-summary-${Math.random().toString(36).slice(2, 8)}`;
  // The input stays out of sight and out of the tab order: a button opens it, which every
  // browser lets a keyboard press, and the drop zone takes dragged files.
  const input = h("input", { type: "file", id: `${id}-files`, multiple: true, tabindex: "-1", class: "br-visually-hidden",
    accept: ".json,.zip,.csv,application/json,application/zip", "aria-hidden": "true" });
  const choose = h("button", { type: "button", class: "br-button", text: "Choose the files" });
  choose.addEventListener("click", () => input.click());
  const drop = h("div", { class: "br-summary-drop" },
    h("p", { class: "br-summary-ask", text: "The room's result files, or a .zip of them" }), choose, input,
    h("p", { class: "br-note", text: "Or drop them here. The files are read in this page and go nowhere: nothing is sent or kept." }));
  const progress = h("progress", { max: "1", value: "0", hidden: true, "aria-label": "Files read" });
  const status = h("p", { class: "br-summary-status", role: "status" });
  const output = h("div", { class: "br-summary-output" });
  const buttons = h("div", { class: "br-summary-actions", hidden: true });
  const wrap = h("div", { class: "br-summary" }, drop, progress, status, buttons, output);
  let current = null;

  async function entriesOf(files) {
    const entries = [];
    for (const file of files) {
      try {
        const buffer = await file.arrayBuffer();
        if (suffix(file.name) === ".zip") entries.push(...(await unzip(file.name, buffer)));
        else entries.push({ name: file.name, bytes: new Uint8Array(buffer) });
      } catch (err) {
        entries.push({ name: file.name, reason: `cannot read: ${err.message || err}` });
      }
    }
    return entries;
  }

  async function readAll(fileList) {
    const files = [...fileList];
    if (!files.length) return;
    output.replaceChildren();
    buttons.hidden = true;
    progress.hidden = false;
    progress.max = files.length;
    progress.value = 0;
    status.textContent = `Reading ${files.length} file(s)…`;
    const prepared = [];
    const breathe = () => new Promise((resolve) => setTimeout(resolve, 0)); // let the page redraw and answer keys
    for (let i = 0; i < files.length; i += BATCH) {
      const entries = await entriesOf(files.slice(i, i + BATCH));
      for (let j = 0; j < entries.length; j += BATCH) {
        if (j) await breathe(); // a .zip can hold thousands
        for (const entry of entries.slice(j, j + BATCH)) prepared.push(prepareEntry(entry, rules.versions));
      }
      progress.value = Math.min(files.length, i + BATCH);
      status.textContent = `Read ${progress.value} of ${files.length} file(s)…`;
      await breathe();
    }
    status.textContent = `Read ${files.length} of ${files.length} file(s). Summarising…`;
    const found = collect(prepared);
    await breathe();
    current = summarise(found, rules);
    await breathe();
    progress.hidden = true;
    const view = resultView(current);
    output.replaceChildren(view);
    buttons.hidden = false;
    status.textContent = `Done: read ${current.read} result file(s), skipped ${current.skipped.length}.`;
    view.querySelector("h2").focus();
  }

  const saveName = (ext) => `room-summary.${ext}`;
  buttons.append(
    h("button", { type: "button", class: "br-button", text: "Print the summary" }),
    h("button", { type: "button", class: "br-button", text: "Download the summary (HTML)" }),
    h("button", { type: "button", class: "br-button", text: "Download the summary (CSV)" }),
  );
  const [printButton, htmlButton, csvButton] = buttons.querySelectorAll("button");
  printButton.addEventListener("click", () => window.print());
  htmlButton.addEventListener("click", () => {
    const made = new Date().toISOString().slice(0, 16).replace("T", " ");
    const body = output.firstChild.cloneNode(true);
    body.querySelectorAll("[tabindex]").forEach((n) => n.removeAttribute("tabindex"));
    download(saveName("html"), "text/html", `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>The room's results</title>` +
      `<style>${PAGE_STYLE}</style></head><body><main>${body.innerHTML}<p>Made ${made} UTC.</p></main></body></html>\n`);
  });
  csvButton.addEventListener("click", () => download(saveName("csv"), "text/csv", csvOfRows(csvRows(current))));

  input.addEventListener("change", () => readAll(input.files));
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("br-dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("br-dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("br-dragging");
    readAll(event.dataTransfer.files);
  });
  el.append(wrap);
}

// The rules are exported for the cross-engine test (tests/test_summary_browser.py).
export default { render, readEntries, summarise, csvRows, unzip, pyFixed };
