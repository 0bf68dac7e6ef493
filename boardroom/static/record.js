// The learning record page (```{learning-record}```): what this browser has kept
// of the reader's progress, read through the store (store.js,
// window.BoardroomRecord), never through a component's own keys. It prints as
// one page, downloads as JSON and clears after a confirmation. The name on the
// printout is typed at print time and kept nowhere.
//
// Model state: catalogue ({quiz: {id: {title, total}}, tool: {id: {title}}},
// from the build, for progress kept by an older version of the book that has no
// title yet), modules ([{id, title, href, pages}], from _toc.yml), course (the
// book's title).

const RECORD_FORMAT = "boardroom-learning-record";
const RECORD_VERSION = 1;

function longDate(iso) {
  if (typeof iso !== "string") return "";
  const day = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
  return Number.isNaN(day.getTime()) ? "" : day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

// The record as plain data: what the page shows, prints and downloads.
function gather(doc, model) {
  const catalogue = model.get("catalogue") || {};
  const known = (kind, id) => (catalogue[kind] && catalogue[kind][id]) || {};
  const modules = (model.get("modules") || []).map((m) => {
    const days = m.pages.map((p) => doc.visits[p]).filter(Boolean).sort();
    return { module: m.id, title: m.title, href: m.href, pages: m.pages.length, pages_visited: days.length,
      last_visit: days.length ? days[days.length - 1] : null };
  });
  const entries = (kind) => Object.entries(doc.components)
    .filter(([id]) => id.startsWith(`${kind}.`))
    .map(([id, entry]) => [id.slice(kind.length + 1), entry])
    .filter(([, entry]) => entry.latest || entry.migrated)
    .sort(([a], [b]) => a.localeCompare(b));
  const quizzes = entries("quiz").map(([id, e]) => {
    const total = known("quiz", id).total;
    // answers moved from an older version of the book, not yet opened again: the score they stored
    const old = !e.latest && Number.isInteger(e.state.score) && e.state.score >= 0 && (total === undefined || e.state.score <= total)
      ? { score: e.state.score, total } : null;
    return { bank: id, title: e.title || known("quiz", id).title || id,
      best: e.best || old, latest: e.latest || old };
  });
  const tools = entries("tool").map(([id, e]) => ({
    tool: id, title: e.title || known("tool", id).title || id, completed: e.completed || null, latest: e.latest || null,
  }));
  return { modules, quizzes, tools };
}

function scoreText(s) {
  if (!s || !Number.isInteger(s.score)) return "Not recorded";
  const of = Number.isInteger(s.total) ? ` of ${s.total}` : " correct";
  const part = Number.isInteger(s.answered) && Number.isInteger(s.total) && s.answered < s.total ? ` (${s.answered} answered)` : "";
  return `${s.score}${of}${part}`;
}

function toolText(t) {
  const c = t.completed;
  if (c) {
    const stage = c.stage_label ? ` At the ${c.stage_label.toLowerCase()} stage.` : "";
    if (c.rating_label) return `${c.rating_name || "Rating"}: ${c.rating_label}. ${c.confidence_label || ""}.${stage}`.replace(/\.\./g, ".");
    return `No rating: ${c.confidence_label || "too much unknown"}. At best ${c.at_best_label || "unknown"}.${stage}`;
  }
  if (t.latest) return `In progress: ${t.latest.answered} of ${t.latest.total} questions answered.`;
  return "Answers kept from an earlier visit: open the tool to see its result.";
}

// A cell's text with the day it was recorded under it (none for answers an older version kept).
function dated(text, at) {
  const day = longDate(at);
  return h("span", {}, text, day ? h("span", { class: "br-record-date", text: day }) : null);
}

function render({ model, el }) {
  const store = typeof window !== "undefined" && window.BoardroomRecord && window.BoardroomRecord.available
    ? window.BoardroomRecord : null;
  el.replaceChildren();
  const level = titleLevel(el);
  const hx = (text, attrs = {}) => h(`h${level}`, { text, ...attrs });
  const root = h("div", { class: "br-record" });
  el.append(root);
  if (!store) {
    root.append(h("p", { text: "This browser does not let the course keep anything (storage is blocked, for example " +
      "in a private window or by your organisation's settings), so there is no record to show. Quizzes and tools " +
      "still work, but forget your answers when you leave the page." }));
    return;
  }
  const course = model.get("course") || document.title;
  const status = h("div", { class: "br-visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const printedName = h("span", { class: "br-record-name" });
  const printHead = h("div", { class: "br-record-print-head" },
    h("p", { class: "br-record-print-title", text: `Learning record: ${course}` }),
    h("p", {}, "Name: ", printedName),
    h("p", { class: "br-record-printed" }));
  const body = h("div", { class: "br-record-body" });

  const nameInput = h("input", { type: "text", id: "br-record-name", class: "br-text", autocomplete: "off",
    spellcheck: "false", "aria-describedby": "br-record-name-help" });
  const print = h("button", { type: "button", class: "br-button", text: "Print or save as a one-page record" });
  const save = h("button", { type: "button", class: "br-button br-secondary", text: "Download my record (JSON)" });
  const clear = h("button", { type: "button", class: "br-button br-secondary", text: "Clear my record" });
  const confirmYes = h("button", { type: "button", class: "br-button", text: "Yes, clear everything" });
  const confirmNo = h("button", { type: "button", class: "br-button br-secondary", text: "Cancel" });
  const confirmBox = h("div", { class: "br-confirm", hidden: true, role: "group", "aria-label": "Confirm clearing your record" },
    h("p", { text: "Clear your whole record in this browser? This also clears your answers in every quiz and review " +
      "tool. It cannot be undone: download your record first if you want to keep it." }), confirmYes, confirmNo);
  const actions = h("div", { class: "br-record-actions" },
    hx("Print, save or clear"),
    h("div", { class: "br-short" },
      h("label", { for: nameInput.id, text: "Your name for the printout (optional)" }),
      h("p", { class: "br-hint", id: "br-record-name-help", text: "Used only on the printout: it is not kept, and is gone when you leave the page." }),
      nameInput),
    h("div", { class: "br-actions" }, print, save, clear),
    confirmBox);
  root.append(printHead, body, actions, status);

  const announce = (message) => {
    status.textContent = "";
    setTimeout(() => { status.textContent = message; }, 50);
  };

  function show() {
    const data = gather(store.read(), model);
    const table = (caption, head, rows) => h("table", { class: "br-record-table" },
      h("caption", { class: "br-visually-hidden", text: caption }),
      h("thead", {}, h("tr", {}, ...head.map((text) => h("th", { scope: "col", text })))),
      h("tbody", {}, ...rows.map((cells) => h("tr", {}, ...cells.map((cell, i) =>
        i === 0 ? h("th", { scope: "row" }, cell) : h("td", {}, cell))))));
    const parts = [hx("Modules")];
    parts.push(table("Pages visited in each module", ["Module", "Pages visited", "Last visit"],
      data.modules.map((m) => [h("a", { href: m.href, text: m.title }), `${m.pages_visited} of ${m.pages}`,
        m.last_visit ? longDate(m.last_visit) : "Not yet"])));
    parts.push(hx("Quizzes"));
    parts.push(data.quizzes.length
      ? table("Best and latest score in each quiz", ["Quiz", "Best score", "Latest score"],
        data.quizzes.map((q) => [q.title, scoreText(q.best), dated(scoreText(q.latest), q.latest && q.latest.at)]))
      : h("p", { class: "br-note", text: "No quiz answered yet in this browser." }));
    parts.push(hx("Review tools"));
    parts.push(data.tools.length
      ? table("Result of each review tool", ["Review tool", "Result"],
        data.tools.map((t) => [t.title, dated(toolText(t), (t.completed || t.latest || {}).at)]))
      : h("p", { class: "br-note", text: "No review tool used yet in this browser." }));
    parts.push(h("p", { class: "br-note br-record-kept",
      text: "Kept in this browser only, on this device. Nothing is sent anywhere." }));
    body.replaceChildren(...parts);
    return data;
  }

  function preparePrint() {
    printedName.textContent = nameInput.value.trim() || "\u00a0".repeat(40);
    printHead.querySelector(".br-record-printed").textContent = `Printed on ${longDate(new Date().toISOString())}.`;
  }

  print.addEventListener("click", () => { preparePrint(); window.print(); });
  window.addEventListener("beforeprint", preparePrint);
  save.addEventListener("click", () => {
    const data = show();
    const file = { format: RECORD_FORMAT, version: RECORD_VERSION, course, saved_at: new Date().toISOString(),
      modules: data.modules.map(({ href, ...m }) => m), quizzes: data.quizzes, tools: data.tools };
    download("learning-record.json", "application/json", JSON.stringify(file, null, 2) + "\n");
  });
  clear.addEventListener("click", () => { confirmBox.hidden = false; confirmNo.focus(); });
  confirmNo.addEventListener("click", () => { confirmBox.hidden = true; clear.focus(); });
  confirmYes.addEventListener("click", () => {
    confirmBox.hidden = true;
    const done = store.clear();
    show();
    announce(done ? "Your record is cleared." : "Your record could not be cleared in this browser.");
    clear.focus();
  });
  // another tab may answer a quiz meanwhile
  window.addEventListener("storage", (event) => { if (event.key === null || event.key === store.KEY) show(); });
  show();
}

export default { render };
