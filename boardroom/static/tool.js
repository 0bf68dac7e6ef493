// The review tools: strategy review and project health check. One front end for
// both, and for both hosts (anywidget in Jupyter; host.js in the book). The rules
// come from exercises/tools/*.yml; applyRules mirrors boardroom/tools/engine.py,
// and the tests compare the two on many sets of answers.
//
// Model state: tool (the rules, read only), answers ({itemId: "full" | "part"
// | "missing" | "unknown"}) and stage (a stage id, or "" before the reader says;
// tools without stages ignore it). All text from the rules goes in through
// textContent, never innerHTML.

const RESULTS_FORMAT = "boardroom-results";
const TOOL_RESULTS_VERSION = 2;
const EPSILON = 1e-9;
const UNKNOWN_NOTE = "Not knowing is itself a finding: the board should expect to know this.";
// Confidence from the share of the questions due answered "We do not know", in
// fifths, compared in whole numbers as engine.py does: above 1 in 5 limited,
// 2 in 5 or more low (no rating).
const LIMITED_ABOVE_FIFTHS = 1;
const LOW_FROM_FIFTHS = 2;
const toolInstances = new Map();

function stageOf(tool, stage) {
  return (tool.stages || []).some((s) => s.id === stage) ? stage : null;
}

// Every item counts in a tool without stages, and until the reader chooses one.
function isDue(tool, item, stage) {
  const stages = (tool.stages || []).map((s) => s.id);
  if (!stages.length || stage === null) return true;
  return stages.indexOf(item.due_from || stages[0]) <= stages.indexOf(stage);
}

function confidenceOf(unknown, due) {
  if (unknown * 5 >= due * LOW_FROM_FIFTHS) return "low";
  return unknown * 5 > due * LIMITED_ABOVE_FIFTHS ? "limited" : "good";
}

// (index of the rating, share of the points, ids of the items that capped it) over the items due.
function ratingIndex(tool, answers, items) {
  const points = Object.fromEntries(tool.scale.map((s) => [s.id, s.points]));
  const most = Math.max(...tool.scale.map((s) => s.points)) * items.length;
  const given = items.filter((i) => i.id in answers);
  const share = most ? given.reduce((sum, i) => sum + points[answers[i.id]], 0) / most : 0;
  const last = tool.ratings.length - 1;
  const band = tool.ratings.findIndex((r, i) => share + EPSILON >= r.min_share || i === last);
  const order = Object.fromEntries(tool.ratings.map((r, i) => [r.id, i]));
  const caps = given.filter((i) => i.caps && answers[i.id] in i.caps).map((i) => [order[i.caps[answers[i.id]]], i.id]);
  const worst = Math.max(-1, ...caps.map(([c]) => c));
  if (worst > band) return [worst, share, caps.filter(([c]) => c === worst).map(([, id]) => id)];
  return [band, share, []];
}

function cleanToolAnswers(tool, raw) {
  const scale = new Set(tool.scale.map((s) => s.id));
  const clean = {};
  if (!isObject(raw)) return clean;
  for (const item of tool.items) if (scale.has(raw[item.id])) clean[item.id] = raw[item.id];
  return clean;
}

// Same shape as boardroom.tools.engine.assess(), plus the time it was saved.
function applyRules(tool, rawAnswers, rawStage = null) {
  const stage = stageOf(tool, rawStage);
  const stages = tool.stages || [];
  const labels = Object.fromEntries(tool.scale.map((s) => [s.id, s.label]));
  const points = Object.fromEntries(tool.scale.map((s) => [s.id, s.points]));
  const due = tool.items.filter((i) => isDue(tool, i, stage));
  const clean = cleanToolAnswers(tool, rawAnswers);
  const answers = Object.fromEntries(due.filter((i) => i.id in clean).map((i) => [i.id, clean[i.id]]));
  const answered = Object.keys(answers).length;
  const complete = answered === due.length && !(stages.length && stage === null);
  const unknown = Object.values(answers).filter((a) => a === "unknown").length;
  const level = complete ? confidenceOf(unknown, due.length) : null;
  const [index, share, capped] = ratingIndex(tool, answers, due);
  const hopeful = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a === "unknown" ? "full" : a]));
  const [best] = ratingIndex(tool, hopeful, due);
  const rating = complete && level !== "low" ? tool.ratings[index] : null;
  const atBest = complete ? tool.ratings[best] : null;
  const cappedBy = rating ? capped : [];
  const rows = tool.items.map((item, position) => {
    const answer = answers[item.id] || null;
    const finding = !isDue(tool, item, stage) ? "not-due" : answer === null ? null : answer === "full" ? "strength" : "gap";
    return {
      id: item.id, section: item.section, question: item.question,
      due: finding !== "not-due",
      due_from: stages.length ? item.due_from || stages[0].id : null,
      answer,
      answer_text: answer ? labels[answer] : "",
      points: answer ? points[answer] : 0,
      finding,
      text: finding === "strength" ? item.strength : finding === "gap" ? item.gap : "",
      ask: finding === "gap" ? item.ask.slice() : [],
      before_due: finding === "not-due" ? item.before_due || "" : "",
      capped: cappedBy.includes(item.id),
      position,
    };
  });
  const gaps = rows.filter((r) => r.finding === "gap")
    .sort((a, b) => (b.capped - a.capped) || (a.points - b.points) || (a.position - b.position));
  const chosen = stages.find((s) => s.id === stage);
  return {
    format: RESULTS_FORMAT, version: TOOL_RESULTS_VERSION, component: "tool",
    tool: tool.id, title: tool.title, revision: tool.revision,
    saved_at: new Date().toISOString(),
    stage, stage_label: chosen ? chosen.label : null,
    answered, total: due.length, complete,
    share, unknown,
    confidence: level,
    confidence_label: level ? `${level[0].toUpperCase()}${level.slice(1)} confidence: ${unknown} of ${due.length} unknown` : null,
    rating: rating ? rating.id : null,
    rating_label: rating ? rating.label : null,
    at_best: atBest ? atBest.id : null,
    at_best_label: atBest ? atBest.label : null,
    capped_by: cappedBy,
    strengths: rows.filter((r) => r.finding === "strength").map((r) => r.id),
    gaps: gaps.map((r) => r.id),
    unknowns: gaps.filter((r) => r.answer === "unknown").map((r) => r.id),
    not_due: rows.filter((r) => r.finding === "not-due").map((r) => r.id),
    items: rows.map(({ position, ...row }) => row),
  };
}

function toolCsv(result) {
  const head = ["tool", "revision", "saved_at", "stage", "rating", "confidence", "item", "section", "question",
    "due", "answer", "finding", "questions_to_ask"];
  const rows = result.items.map((r) => [result.tool, result.revision, result.saved_at, result.stage_label || "",
    result.rating_label || "", result.confidence_label || "", r.id, r.section, r.question, r.due ? "yes" : "no",
    r.answer_text, r.finding || "", r.due ? r.ask.join(" | ") : r.before_due]);
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
  const currentStage = () => stageOf(tool, model.get("stage"));
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

  // A tool with stages asks for the stage first: items not yet due step aside.
  const stageRadios = (tool.stages || []).map((stage) => {
    const id = `${prefix}-stage-${stage.id}`;
    const input = h("input", { type: "radio", name: `${prefix}-stage`, id, value: stage.id, "aria-describedby": `${id}-help` });
    input.addEventListener("change", () => {
      model.set("stage", stage.id);
      model.save_changes();
      // Which questions count has changed: say how many, and the result if it is now complete.
      const result = applyRules(tool, current(), stage.id);
      announce(`${result.total} questions due at the ${stage.label.toLowerCase()} stage.` +
        (result.complete ? ` ${verdict(result)}` : ""));
    });
    return [input, h("div", { class: "br-choice" }, input, h("label", { for: id, text: stage.label }),
      h("span", { class: "br-hint br-stage-help", id: `${id}-help`, text: stage.help }))];
  });
  if (stageRadios.length) {
    root.append(h("form", { class: "br-tool-stage", novalidate: true },
      h("fieldset", {}, h("legend", { text: tool.stage_question || "At which stage is the project?" }),
        ...stageRadios.map(([, choice]) => choice))));
  }
  const stageLabels = Object.fromEntries((tool.stages || []).map((s) => [s.id, s.label]));

  // The questions, grouped by section; each is a fieldset of four radio buttons.
  const radios = new Map();
  const dueNotes = new Map();
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
    const choices = h("div", { class: "br-tool-choices" });
    const inputs = tool.scale.map((option) => {
      const input = h("input", { type: "radio", name: id, id: `${id}-${option.id}`, value: option.id });
      input.addEventListener("change", () => choose(item, option.id));
      choices.append(h("div", { class: "br-choice" }, input, h("label", { for: `${id}-${option.id}`, text: option.label })));
      return input;
    });
    const dueNote = h("p", { class: "br-due", hidden: true },
      h("strong", { text: `Not due at this stage: due from ${(stageLabels[item.due_from] || "").toLowerCase()}.` }),
      " ", item.before_due || "");
    fieldset.append(choices, dueNote);
    radios.set(item.id, inputs);
    dueNotes.set(item.id, [choices, dueNote]);
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
    download(`${tool.id}-results.json`, "application/json", JSON.stringify(applyRules(tool, current(), currentStage()), null, 2) + "\n"));
  saveCsv.addEventListener("click", () => download(`${tool.id}-results.csv`, "text/csv", toolCsv(applyRules(tool, current(), currentStage()))));
  print.addEventListener("click", () => window.print());
  clear.addEventListener("click", () => { confirmBox.hidden = false; confirmNo.focus(); });
  confirmNo.addEventListener("click", () => { confirmBox.hidden = true; clear.focus(); });
  confirmYes.addEventListener("click", () => {
    confirmBox.hidden = true;
    model.set("stage", "");
    commit({});
    announce("All answers cleared.");
    (stageRadios.length ? stageRadios[0][0] : radios.get(tool.items[0].id)[0]).focus();
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
    const result = applyRules(tool, answers, currentStage());
    if (result.complete) {
      announce(`All ${result.total} answered. ${verdict(result)}`);
    }
  }

  // The result in one sentence, for the live region: the rating, or why there is none.
  function verdict(result) {
    if (result.rating_label) return `${ratingName}: ${result.rating_label}. ${result.confidence_label}.`;
    return `${result.confidence_label}: no rating. At best ${result.at_best_label}.`;
  }

  function show() {
    const answers = current();
    const stage = currentStage();
    for (const [input] of stageRadios) input.checked = input.value === stage;
    for (const [itemId, inputs] of radios) for (const input of inputs) input.checked = answers[itemId] === input.value;
    const result = applyRules(tool, answers, stage);
    const byId = new Map(result.items.map((r) => [r.id, r]));
    for (const [itemId, [choices, note]] of dueNotes) {
      const due = byId.get(itemId).due;
      choices.hidden = !due;
      note.hidden = due;
    }
    setText(progress, `${result.answered} of ${result.total} questions answered` +
      (result.stage_label ? ` at the ${result.stage_label.toLowerCase()} stage.` : "."));
    const parts = [];
    const lowConfidence = result.complete && result.confidence === "low";
    if (lowConfidence) {
      parts.push(h("p", { class: "br-rating br-declined", "data-rating": "none" },
        h("strong", { text: `${result.confidence_label}.` }),
        " Too much is unknown for a rating: the unknowns alone could move it two or more steps on the scale. " +
        `Find the evidence below first. What is known allows ${result.at_best_label} at best.`));
    } else if (result.complete) {
      const rating = tool.ratings.find((r) => r.id === result.rating);
      parts.push(h("p", { class: "br-rating", "data-rating": rating.id },
        h("span", { class: "br-rating-mark", "aria-hidden": "true" }),
        h("strong", { text: `${ratingName}: ${rating.label}.` }), " ", rating.meaning));
      if (result.capped_by.length) {
        const names = result.capped_by.map((id) => `“${byId.get(id).question}”`).join("; ");
        parts.push(h("p", { class: "br-capped", text: `Your answers on ${names} hold the rating at ${rating.label} whatever the rest shows.` }));
      }
      parts.push(h("p", { class: "br-confidence", text: result.confidence === "good" ? `${result.confidence_label}.`
        : `${result.confidence_label}. Each unknown counts as “No”: if every one turned out to be a clear yes, ` +
          `the ${ratingName.toLowerCase()} would be ${result.at_best_label} at best.` }));
    } else if ((tool.stages || []).length && !stage) {
      parts.push(h("p", { class: "br-rating-pending",
        text: `Choose the project's stage first: questions not yet due are then left out. Your gaps and strengths so far are below.` }));
    } else {
      parts.push(h("p", { class: "br-rating-pending",
        text: `Answer all ${result.total} questions to see the ${ratingName.toLowerCase()}. Your gaps and strengths so far are below.` }));
    }
    // With low confidence the unknowns lead: they are what the board must find out first.
    const ordered = lowConfidence ? [...result.unknowns, ...result.gaps.filter((id) => !result.unknowns.includes(id))] : result.gaps;
    const gaps = ordered.map((id) => byId.get(id));
    const strengths = result.strengths.map((id) => byId.get(id));
    const gapList = (rows) => h("ol", { class: "br-findings" }, ...rows.map((r) => h("li", {},
      h("p", {}, h("strong", { text: r.question }), ` Your answer: ${r.answer_text}.`),
      h("p", { text: r.text }),
      r.answer === "unknown" ? h("p", { class: "br-note", text: UNKNOWN_NOTE }) : null)));
    if (lowConfidence) {
      const unknowns = gaps.filter((r) => r.answer === "unknown");
      const others = gaps.filter((r) => r.answer !== "unknown");
      parts.push(h("h4", { text: `Evidence to find first (${unknowns.length})` }), gapList(unknowns));
      parts.push(h("h4", { text: `Other gaps and risks (${others.length})` }),
        others.length ? gapList(others) : h("p", { class: "br-note", text: "None." }));
    } else {
      parts.push(h("h4", { text: `Gaps and risks (${gaps.length})` }));
      parts.push(gaps.length ? gapList(gaps) : h("p", { class: "br-note", text: "None so far." }));
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
    const notDue = result.not_due.map((id) => byId.get(id));
    if (notDue.length) {
      parts.push(h("h4", { text: `Not due at this stage (${notDue.length})` }));
      parts.push(h("ul", { class: "br-findings br-not-due" }, ...notDue.map((r) => h("li", {},
        h("strong", { text: r.question }), ` Due from ${(stageLabels[r.due_from] || "").toLowerCase()}. ${r.before_due}`))));
    }
    resultBody.replaceChildren(...parts);
  }

  model.on("change:answers", show);
  model.on("change:stage", show);
  show();
}

// For the book's learning record (host.js calls it on each save; Jupyter ignores it):
// the tool's title, how far the reader has got, and a complete result in words.
function summary(state) {
  const tool = state.tool;
  if (!isObject(tool) || !Array.isArray(tool.items) || !Array.isArray(tool.ratings)) return null;
  const result = applyRules(tool, state.answers, state.stage);
  return {
    title: tool.title,
    answered: result.answered,
    total: result.total,
    complete: result.complete,
    rating_name: tool.rating_name || "Rating",
    rating_label: result.rating_label,
    confidence_label: result.confidence_label,
    at_best_label: result.at_best_label,
    stage_label: result.stage_label,
  };
}

export default { render, summary, applyRules };
