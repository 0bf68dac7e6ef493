// The learning record's store: the one place the book keeps a reader's progress,
// in this browser's localStorage under one key, boardroom.record. Shipped on
// every page of the book as _static/boardroom-store.js, before boardroom.js. It
//
// - keeps each component's state (a quiz's answers, a tool's answers and stage)
//   and a summary of its results (title, latest and best score, the last
//   completed rating), written through the host's model (host.js);
// - notes the day this page was last visited, for pages of a module (the
//   build marks them with <meta name="boardroom-module">);
// - fills the progress elements the build puts on the landing page and each
//   module's front page (div.br-module-progress);
// - moves progress kept by earlier versions of the book (one key per quiz or
//   tool, boardroom.v1.quiz.ID and boardroom.v1.tool.ID) into the store.
//
// Stored data is never trusted: anything that does not fit the format (cut
// short, edited by hand, from another version) is dropped, and the page works
// whatever the browser holds. Where storage is blocked, nothing is kept.
// Not used in Jupyter: the widgets there keep their state in the notebook.
(function () {
  "use strict";
  const KEY = "boardroom.record";
  const FORMAT = "boardroom-record";
  const VERSION = 1;
  const LEGACY = /^boardroom\.v1\.(quiz|tool)\.([a-z0-9][a-z0-9-]*)$/;
  const ID = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  const PAGE = /^[A-Za-z0-9_./-]{1,200}$/;

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const count = (v) => Number.isInteger(v) && v >= 0 && v < 1e6;
  const text = (v) => typeof v === "string" && v.length <= 500;

  let local = null;
  try {
    local = window.localStorage;
    local.setItem(`${KEY}.probe`, "1");
    local.removeItem(`${KEY}.probe`);
  } catch (err) {
    local = null; // blocked by policy or private browsing: keep nothing
  }

  function empty() {
    return { format: FORMAT, version: VERSION, visits: {}, components: {} };
  }

  // A summary of a component's results at one moment; only known fields of the right type survive.
  function cleanSummary(raw) {
    if (!isObject(raw)) return null;
    const out = {};
    for (const name of ["score", "total", "answered"]) if (count(raw[name])) out[name] = raw[name];
    if (typeof raw.complete === "boolean") out.complete = raw.complete;
    for (const name of ["at", "rating_label", "rating_name", "confidence_label", "at_best_label", "stage_label"]) {
      if (text(raw[name])) out[name] = raw[name];
    }
    if ("score" in out && "total" in out && out.score > out.total) return null;
    return "answered" in out ? out : null;
  }

  function cleanEntry(raw) {
    if (!isObject(raw) || !text(raw.revision)) return null;
    const entry = { revision: raw.revision, state: isObject(raw.state) ? raw.state : {} };
    if (text(raw.title)) entry.title = raw.title;
    for (const name of ["latest", "best", "completed"]) {
      const summary = cleanSummary(raw[name]);
      if (summary) entry[name] = summary;
    }
    if (raw.migrated === true) entry.migrated = true;
    return entry;
  }

  function clean(raw) {
    const doc = empty();
    if (!isObject(raw) || raw.format !== FORMAT || raw.version !== VERSION) return doc;
    if (isObject(raw.visits)) {
      for (const [page, day] of Object.entries(raw.visits)) if (PAGE.test(page) && DAY.test(day)) doc.visits[page] = day;
    }
    if (isObject(raw.components)) {
      for (const [id, value] of Object.entries(raw.components)) {
        const entry = ID.test(id) ? cleanEntry(value) : null;
        if (entry) doc.components[id] = entry;
      }
    }
    return doc;
  }

  function read() {
    if (!local) return empty();
    try {
      return clean(JSON.parse(local.getItem(KEY)));
    } catch (err) {
      return empty(); // unreadable: ignored, and replaced at the next write
    }
  }

  // Read, change and write back at once, so two open tabs lose as little as possible.
  function update(change) {
    if (!local) return false;
    const doc = read();
    if (change(doc) === false) return true;
    try {
      local.setItem(KEY, JSON.stringify(doc));
      return true;
    } catch (err) {
      console.warn("boardroom: progress not saved in this browser", err);
      return false;
    }
  }

  const ratio = (s) => (s.total ? s.score / s.total : s.score);

  // Fold a new summary into an entry: the latest (once something is answered),
  // the best score, and the last complete result. `keepTime` describes stored
  // answers again (after a move from an older version) without dating them now.
  function record(entry, raw, keepTime) {
    const summary = cleanSummary(raw);
    if (!summary) return;
    if (text(raw.title)) entry.title = raw.title;
    if (!keepTime) summary.at = new Date().toISOString();
    else delete summary.at;
    if (summary.answered === 0) return; // a reset: the record keeps the last attempt
    entry.latest = summary;
    // A bank with another number of questions starts its best again.
    if (count(summary.score) && (!entry.best || entry.best.total !== summary.total || ratio(summary) >= ratio(entry.best))) {
      entry.best = summary;
    }
    if (summary.complete) entry.completed = summary;
  }

  const store = {
    available: Boolean(local),
    KEY,

    read,

    // A component's kept state, or {} when there is none for this revision of its content.
    state(component, key, revision) {
      const entry = read().components[`${component}.${key}`];
      return entry && entry.revision === revision ? entry.state : {};
    },

    // True when the entry came from an older version of the book and has no summary yet.
    needsSummary(component, key) {
      const entry = read().components[`${component}.${key}`];
      return Boolean(entry && entry.migrated);
    },

    save(component, key, revision, state, summary, options = {}) {
      const id = `${component}.${key}`;
      if (!ID.test(id)) return false;
      return update((doc) => {
        const entry = doc.components[id] || { revision };
        if (entry.revision !== revision) entry.revision = revision;
        entry.state = isObject(state) ? state : {};
        delete entry.migrated;
        if (summary) record(entry, summary, options.keepTime);
        doc.components[id] = entry;
      });
    },

    visit(page) {
      if (!PAGE.test(page)) return false;
      const now = new Date();
      const pad = (n) => String(n).padStart(2, "0");
      const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
      return update((doc) => {
        if (doc.visits[page] === day) return false;
        doc.visits[page] = day;
      });
    },

    // Everything: the record and whatever an older version of the book left.
    clear() {
      if (!local) return false;
      try {
        for (const key of legacyKeys()) local.removeItem(key);
        local.removeItem(KEY);
        return true;
      } catch (err) {
        return false;
      }
    },
  };

  function legacyKeys() {
    const keys = [];
    for (let i = 0; i < local.length; i++) if (LEGACY.test(local.key(i))) keys.push(local.key(i));
    return keys;
  }

  // Progress kept one key per component by earlier versions: moved into the store
  // (where the store has nothing for it yet), then removed. Unreadable ones are removed.
  function migrate() {
    const keys = legacyKeys();
    if (!keys.length) return;
    const moved = update((doc) => {
      for (const key of keys) {
        const [, component, id] = key.match(LEGACY);
        let old = null;
        try {
          old = JSON.parse(local.getItem(key));
        } catch (err) {
          continue;
        }
        if (doc.components[`${component}.${id}`] || !isObject(old) || !text(old.revision) || !isObject(old.state)) continue;
        doc.components[`${component}.${id}`] = { revision: old.revision, state: old.state, migrated: true };
      }
    });
    if (moved) for (const key of keys) local.removeItem(key);
  }

  function pagesVisited(doc, pages) {
    return pages.filter((page) => page in doc.visits).length;
  }

  // div.br-module-progress holds its modules as JSON: [{title, href, pages: [docname, ...]}].
  // Empty (and hidden by its CSS) until the reader has visited a page of one of them.
  function fillProgress(doc) {
    for (const box of document.querySelectorAll(".br-module-progress")) {
      let modules;
      try {
        modules = JSON.parse(box.querySelector("script").textContent);
      } catch (err) {
        continue;
      }
      const rows = modules
        .map((m) => [m, pagesVisited(doc, m.pages)])
        .filter(([, visited]) => visited > 0);
      const list = box.querySelector(".br-module-progress-list");
      if (!rows.length || !list) continue;
      const single = modules.length === 1;
      list.replaceChildren(...rows.map(([m, visited]) => {
        const li = document.createElement("li");
        const words = `${visited} of ${m.pages.length} pages` + (single ? " visited" : ""); // the lead says "visited" for a list
        if (single) {
          li.textContent = words;
        } else {
          const a = document.createElement("a");
          a.href = m.href;
          a.textContent = m.title;
          li.append(a, `: ${words}`);
        }
        const bar = document.createElement("progress");
        bar.max = m.pages.length;
        bar.value = visited;
        bar.setAttribute("aria-hidden", "true"); // the words say it
        li.append(" ", bar);
        return li;
      }));
      box.dataset.filled = "true";
    }
  }

  function start() {
    if (!local) return;
    migrate();
    const page = document.querySelector('meta[name="boardroom-page"]');
    if (page && document.querySelector('meta[name="boardroom-module"]')) store.visit(page.content);
    fillProgress(read());
  }

  window.BoardroomRecord = store;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
