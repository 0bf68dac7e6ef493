// The review tools: strategy review and project health check. One front end for
// both, and for both hosts (anywidget in Jupyter; host.js in the book). The rules
// come from exercises/tools/*.yml; applyRules mirrors boardroom/tools/engine.py,
// and the tests compare the two on many sets of answers.
//
// Model state: tool (the rules, read only) and answers ({itemId: "full" | "part"
// | "missing" | "unknown"}). All text from the rules goes in through
// textContent, never innerHTML.

const RESULTS_FORMAT = "boardroom-results";
const RESULTS_VERSION = 1;
const EPSILON = 1e-9;
const UNKNOWN_NOTE = "Not knowing is itself a finding: the board should expect to know this.";
const toolInstances = new Map();

function cleanToolAnswers(tool, raw) {
  const scale = new Set(tool.scale.map((s) => s.id));
  const clean = {};
  if (!isObject(raw)) return clean;
  for (const item of tool.items) if (scale.has(raw[item.id])) clean[item.id] = raw[item.id];
  return clean;
}

// Same shape as boardroom.tools.engine.assess(), plus the time it was saved.
function applyRules(tool, answers) {
  const points = Object.fromEntries(tool.scale.map((s) => [s.id, s.points]));
  const labels = Object.fromEntries(tool.scale.map((s) => [s.id, s.label]));
  const most = Math.max(...tool.scale.map((s) => s.points)) * tool.items.length;
  const given = tool.items.filter((i) => i.id in answers);
  const share = most ? given.reduce((sum, i) => sum + points[answers[i.id]], 0) / most : 0;
  const last = tool.ratings.length - 1;
  let index = tool.ratings.findIndex((r, i) => share + EPSILON >= r.min_share || i === last);
  const order = Object.fromEntries(tool.ratings.map((r, i) => [r.id, i]));
  const caps = given.filter((i) => i.caps && answers[i.id] in i.caps).map((i) => [order[i.caps[answers[i.id]]], i.id]);
  const worst = Math.max(-1, ...caps.map(([c]) => c));
  let cappedBy = [];
  if (worst > index) {
    index = worst;
    cappedBy = caps.filter(([c]) => c === worst).map(([, id]) => id);
  }
  const complete = given.length === tool.items.length;
  const rows = tool.items.map((item, position) => {
    const answer = answers[item.id] || null;
    const finding = answer === null ? null : answer === "full" ? "strength" : "gap";
    return {
      id: item.id, section: item.section, question: item.question, answer,
      answer_text: answer ? labels[answer] : "",
      points: answer ? points[answer] : 0,
      finding,
      text: finding === "strength" ? item.strength : finding === "gap" ? item.gap : "",
      ask: finding === "gap" ? item.ask.slice() : [],
      capped: cappedBy.includes(item.id),
      position,
    };
  });
  const gaps = rows.filter((r) => r.finding === "gap")
    .sort((a, b) => (b.capped - a.capped) || (a.points - b.points) || (a.position - b.position));
  const rating = complete ? tool.ratings[index] : null;
  return {
    format: RESULTS_FORMAT, version: RESULTS_VERSION, component: "tool",
    tool: tool.id, title: tool.title, revision: tool.revision,
    saved_at: new Date().toISOString(),
    answered: given.length, total: tool.items.length, complete,
    share,
    rating: rating ? rating.id : null,
    rating_label: rating ? rating.label : null,
    capped_by: complete ? cappedBy : [],
    strengths: rows.filter((r) => r.finding === "strength").map((r) => r.id),
    gaps: gaps.map((r) => r.id),
    items: rows.map(({ position, ...row }) => row),
  };
}

function toolCsv(result) {
  const head = ["tool", "revision", "saved_at", "rating", "item", "section", "question", "answer", "finding", "questions_to_ask"];
  const rows = result.items.map((r) => [result.tool, result.revision, result.saved_at, result.rating_label || "",
    r.id, r.section, r.question, r.answer_text, r.finding || "", r.ask.join(" | ")]);
  return csvOfRows([head, ...rows]);
}

function render({ model, el }) {
  // The tool's headings are written h2 (title), h3, h4, and placed one level
  // below the heading the tool sits under on the page.
  const h = levelled(titleLevel(el, 4) - 2);
  const tool = model.get("tool");
  el.replaceChildren();
  if (!isObject(tool) || !Array.isArray(tool.items) || !Array.isArray(tool.ratings)) {
    el.append(h("p", { text: "This tool could not be loaded." }));
    return;
  }
  const count = (toolInstances.get(tool.id) || 0) + 1;
  toolInstances.set(tool.id, count);
  const prefix = count === 1 ? `br-${tool.id}` : `br-${tool.id}-${count}`;
  const current = () => cleanToolAnswers(tool, model.get("answers"));
  const ratingName = tool.rating_name || "Rating";

  // A live region of its own: the count is spoken when it changes, and only then.
  const progress = h("p", { class: "br-progress", id: `${prefix}-progress`, "aria-live": "polite" });
  const status = h("div", { class: "br-visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  let lastSaid = "";
  const announce = (text) => {
    if (text === lastSaid) return; // moving along a question's options: say the rating when it changes
    lastSaid = text;
    status.textContent = "";
    setTimeout(() => { status.textContent = text; }, 50);
  };
  const root = h("div", { class: "br-tool" },
    h("h2", { class: "br-quiz-title", text: tool.title }),
    h("p", { class: "br-quiz-description", text: tool.intro }),
    progress);

  // The questions, grouped by section; each is a fieldset of four radio buttons.
  const radios = new Map();
  let section = null;
  let list = null;
  tool.items.forEach((item, index) => {
    if (item.section !== section) {
      section = item.section;
      list = h("ol", { class: "br-tool-items", start: String(index + 1) });
      root.append(h("h3", { class: "br-tool-section", text: section }), list);
    }
    const id = `${prefix}-${item.id}`;
    const fieldset = h("fieldset", { "aria-describedby": item.help ? `${id}-help` : null },
      h("legend", {}, h("span", { class: "br-qnum", text: `${index + 1}. ` }), h("span", { text: item.question })));
    if (item.help) fieldset.append(h("p", { class: "br-hint", id: `${id}-help`, text: item.help }));
    const inputs = tool.scale.map((option) => {
      const input = h("input", { type: "radio", name: id, id: `${id}-${option.id}`, value: option.id });
      input.addEventListener("change", () => choose(item, option.id));
      fieldset.append(h("div", { class: "br-choice" }, input, h("label", { for: `${id}-${option.id}`, text: option.label })));
      return input;
    });
    radios.set(item.id, inputs);
    list.append(h("li", { class: "br-tool-item", "data-item": item.id }, h("form", { novalidate: true }, fieldset)));
  });

  // The result: rating in words, the gaps with their questions, the strengths.
  const resultHeading = h("h3", { id: `${prefix}-result`, text: "Your result" });
  const resultBody = h("div", { class: "br-tool-result-body" });
  const saveJson = h("button", { type: "button", class: "br-button", text: "Download my results (JSON)" });
  const saveCsv = h("button", { type: "button", class: "br-button", text: "Download my results (CSV)" });
  const print = h("button", { type: "button", class: "br-button br-secondary", text: "Print this review" });
  const clear = h("button", { type: "button", class: "br-button br-secondary", text: "Clear answers" });
  const confirmYes = h("button", { type: "button", class: "br-button", text: "Yes, clear my answers" });
  const confirmNo = h("button", { type: "button", class: "br-button br-secondary", text: "Cancel" });
  const confirmBox = h("div", { class: "br-confirm", hidden: true, role: "group", "aria-label": "Confirm clearing" },
    h("p", { text: "Clear every answer in this review?" }), confirmYes, confirmNo);
  saveJson.addEventListener("click", () =>
    download(`${tool.id}-results.json`, "application/json", JSON.stringify(applyRules(tool, current()), null, 2) + "\n"));
  saveCsv.addEventListener("click", () => download(`${tool.id}-results.csv`, "text/csv", toolCsv(applyRules(tool, current()))));
  print.addEventListener("click", () => window.print());
  clear.addEventListener("click", () => { confirmBox.hidden = false; confirmNo.focus(); });
  confirmNo.addEventListener("click", () => { confirmBox.hidden = true; clear.focus(); });
  confirmYes.addEventListener("click", () => {
    confirmBox.hidden = true;
    commit({});
    announce("All answers cleared.");
    radios.get(tool.items[0].id)[0].focus();
  });
  root.append(
    h("section", { class: "br-tool-result", "aria-labelledby": resultHeading.id }, resultHeading, resultBody,
      h("p", { class: "br-note", text: "Your answers stay in this browser. Nothing is sent anywhere unless you download and share a file." }),
      h("div", { class: "br-actions" }, saveJson, saveCsv, print, clear),
      confirmBox),
    status);
  el.append(root);

  function commit(answers) {
    model.set("answers", answers);
    model.save_changes();
  }

  function choose(item, answer) {
    const answers = Object.assign(current(), { [item.id]: answer });
    commit(answers);
    const result = applyRules(tool, answers);
    if (result.complete) {
      announce(`All ${result.total} answered. ${ratingName}: ${result.rating_label}.`);
    }
  }

  function show() {
    const answers = current();
    for (const [itemId, inputs] of radios) for (const input of inputs) input.checked = answers[itemId] === input.value;
    const result = applyRules(tool, answers);
    const byId = new Map(result.items.map((r) => [r.id, r]));
    setText(progress, `${result.answered} of ${result.total} questions answered.`);
    const parts = [];
    if (result.complete) {
      const rating = tool.ratings.find((r) => r.id === result.rating);
      parts.push(h("p", { class: "br-rating", "data-rating": rating.id },
        h("span", { class: "br-rating-mark", "aria-hidden": "true" }),
        h("strong", { text: `${ratingName}: ${rating.label}.` }), " ", rating.meaning));
      if (result.capped_by.length) {
        const names = result.capped_by.map((id) => `“${byId.get(id).question}”`).join("; ");
        parts.push(h("p", { class: "br-capped", text: `Your answers on ${names} hold the rating at ${rating.label} whatever the rest shows.` }));
      }
    } else {
      parts.push(h("p", { class: "br-rating-pending",
        text: `Answer all ${result.total} questions to see the ${ratingName.toLowerCase()}. Your gaps and strengths so far are below.` }));
    }
    const gaps = result.gaps.map((id) => byId.get(id));
    const strengths = result.strengths.map((id) => byId.get(id));
    parts.push(h("h4", { text: `Gaps and risks (${gaps.length})` }));
    if (gaps.length) {
      parts.push(h("ol", { class: "br-findings" }, ...gaps.map((r) => h("li", {},
        h("p", {}, h("strong", { text: r.question }), ` Your answer: ${r.answer_text}.`),
        h("p", { text: r.text }),
        r.answer === "unknown" ? h("p", { class: "br-note", text: UNKNOWN_NOTE }) : null))));
    } else {
      parts.push(h("p", { class: "br-note", text: "None so far." }));
    }
    parts.push(h("h4", { text: `Strengths (${strengths.length})` }));
    parts.push(strengths.length
      ? h("ul", { class: "br-findings" }, ...strengths.map((r) => h("li", {}, h("strong", { text: r.question }), " ", r.text)))
      : h("p", { class: "br-note", text: "None so far." }));
    const asks = gaps.flatMap((r) => r.ask);
    parts.push(h("h4", { text: `Questions for ${tool.asks_whom} (${asks.length})` }));
    parts.push(asks.length
      ? h("ol", { class: "br-asks" }, ...asks.map((q) => h("li", { text: q })))
      : h("p", { class: "br-note", text: "None so far: each gap adds the questions to ask." }));
    resultBody.replaceChildren(...parts);
  }

  model.on("change:answers", show);
  show();
}

export default { render, applyRules };
