// The quiz component. One file, two hosts: anywidget loads it as an ES module in
// Jupyter, and boardroom.sphinx wraps it into the book's classic script, where
// host.js supplies a stand-in model kept in localStorage. Plain JavaScript, no
// imports, no build step. All text from the bank goes in through textContent,
// never innerHTML.
//
// Model state: bank (the question bank, read only), answers ({questionId:
// {response, attempts, correct}}), score (questions correct), seed (fixes the
// option order when the bank asks for shuffling).

const RESULTS_FORMAT = "boardroom-results";
const RESULTS_VERSION = 1;
const instanceCounts = new Map();

// Mirrors normalise() in boardroom/quiz/scoring.py: fold case, keep letters and digits.
function normalise(text) {
  return String(text).normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}


function validResponse(q, r) {
  switch (q.type) {
    case "single": return typeof r === "string";
    case "multiple": return Array.isArray(r) && r.every((x) => typeof x === "string");
    case "true_false": return typeof r === "boolean";
    case "matching": return isObject(r) && Object.values(r).every((x) => typeof x === "string");
    case "short": return typeof r === "string" && normalise(r) !== "";
    default: return false;
  }
}

function isCorrect(q, r) {
  if (!validResponse(q, r)) return false;
  switch (q.type) {
    case "single":
    case "true_false":
      return r === q.answer;
    case "multiple":
      return new Set(r).size === new Set(q.answer).size && q.answer.every((a) => r.includes(a));
    case "matching":
      return Object.entries(q.answer).every(([item, option]) => r[item] === option);
    case "short":
      return q.answer.some((a) => normalise(a) === normalise(r));
    default:
      return false;
  }
}

// Keep only entries that fit this bank: stored or synced data may be stale or corrupt.
function cleanAnswers(bank, raw) {
  const clean = {};
  if (!isObject(raw)) return clean;
  for (const q of bank.questions) {
    const entry = raw[q.id];
    if (!isObject(entry)) continue;
    const attempts = Number.isInteger(entry.attempts) && entry.attempts >= 0 ? entry.attempts : 0;
    if (validResponse(q, entry.response)) {
      clean[q.id] = { response: entry.response, attempts: Math.max(attempts, 1), correct: isCorrect(q, entry.response) };
    } else if (attempts > 0) {
      clean[q.id] = { attempts };
    }
  }
  return clean;
}

function scoreOf(bank, answers) {
  return bank.questions.filter((q) => answers[q.id] && answers[q.id].correct).length;
}

function responseText(q, r) {
  if (!validResponse(q, r)) return "";
  if (q.type === "true_false") return r ? "True" : "False";
  if (q.type === "short") return r;
  const text = new Map(q.options.map((o) => [o.id, o.text]));
  if (q.type === "matching") {
    return q.items.map((i) => `${i.text} = ${text.get(r[i.id]) || "(no match)"}`).join("; ");
  }
  return (q.type === "single" ? [r] : r).map((id) => text.get(id) || id).join("; ");
}

// Same shape as boardroom.quiz.scoring.results(), plus the time it was saved.
function resultsOf(bank, answers) {
  const questions = bank.questions.map((q) => {
    const entry = answers[q.id] || {};
    const answered = validResponse(q, entry.response);
    return {
      id: q.id, type: q.type, prompt: q.prompt, answered,
      correct: isCorrect(q, entry.response),
      attempts: entry.attempts || 0,
      response: answered ? entry.response : null,
      response_text: responseText(q, entry.response),
    };
  });
  return {
    format: RESULTS_FORMAT, version: RESULTS_VERSION, component: "quiz",
    bank: bank.id, title: bank.title, revision: bank.revision,
    saved_at: new Date().toISOString(),
    score: questions.filter((q) => q.correct).length,
    answered: questions.filter((q) => q.answered).length,
    total: questions.length, questions,
  };
}

function csvOf(results) {
  const head = ["bank", "revision", "saved_at", "question", "type", "answered", "correct", "attempts", "response"];
  const rows = results.questions.map((q) =>
    [results.bank, results.revision, results.saved_at, q.id, q.type, q.answered, q.correct, q.attempts, q.response_text]);
  return csvOfRows([head, ...rows]);
}


// Seeded shuffle (FNV-1a hash into mulberry32) so the order holds for a learner's session.
function seededOrder(list, seedText) {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  let state = h >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}


function instruction(q) {
  if (q.type === "multiple") return "Select all that apply.";
  if (q.type === "true_false") return "True or false?";
  if (q.type === "matching") return "Choose a match for each item.";
  return "";
}

function render({ model, el }) {
  const bank = model.get("bank");
  el.replaceChildren();
  if (!isObject(bank) || !Array.isArray(bank.questions)) {
    el.append(h("p", { text: "This quiz could not be loaded." }));
    return;
  }
  const count = (instanceCounts.get(bank.id) || 0) + 1;
  instanceCounts.set(bank.id, count);
  const prefix = count === 1 ? `br-${bank.id}` : `br-${bank.id}-${count}`;
  const seed = String(model.get("seed") || "0");

  const status = h("div", { class: "br-visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const scoreLine = h("p", { class: "br-score", id: `${prefix}-score` });
  const root = h("div", { class: "br-quiz" },
    h(`h${titleLevel(el)}`, { class: "br-quiz-title", text: bank.title }),
    bank.description ? h("p", { class: "br-quiz-description", text: bank.description }) : null,
    scoreLine);
  const list = h("ol", { class: "br-questions" });
  root.append(list);

  const current = () => cleanAnswers(bank, model.get("answers"));
  const announce = (text) => {
    // Clear first so the same message twice is still announced.
    status.textContent = "";
    setTimeout(() => { status.textContent = text; }, 50);
  };
  const commit = (answers) => {
    model.set("answers", answers);
    model.set("score", scoreOf(bank, answers));
    model.save_changes();
  };

  const views = bank.questions.map((q, index) => questionView(q, index));
  views.forEach((v) => list.append(v.node));

  // Footer: results and reset.
  const saveJson = h("button", { type: "button", class: "br-button", text: "Download my results (JSON)" });
  const saveCsv = h("button", { type: "button", class: "br-button", text: "Download my results (CSV)" });
  const reset = h("button", { type: "button", class: "br-button br-secondary", text: "Reset quiz" });
  const confirmYes = h("button", { type: "button", class: "br-button", text: "Yes, clear my answers" });
  const confirmNo = h("button", { type: "button", class: "br-button br-secondary", text: "Cancel" });
  const confirmBox = h("div", { class: "br-confirm", hidden: true, role: "group", "aria-label": "Confirm reset" },
    h("p", { text: "Clear every answer in this quiz? Your score goes back to zero." }), confirmYes, confirmNo);
  saveJson.addEventListener("click", () =>
    download(`${bank.id}-results.json`, "application/json", JSON.stringify(resultsOf(bank, current()), null, 2) + "\n"));
  saveCsv.addEventListener("click", () =>
    download(`${bank.id}-results.csv`, "text/csv", csvOf(resultsOf(bank, current()))));
  reset.addEventListener("click", () => { confirmBox.hidden = false; confirmNo.focus(); });
  confirmNo.addEventListener("click", () => { confirmBox.hidden = true; reset.focus(); });
  confirmYes.addEventListener("click", () => {
    confirmBox.hidden = true;
    commit({});
    announce("All answers cleared. Score: 0.");
    views[0].focusFirst();
  });
  root.append(
    h("div", { class: "br-footer" },
      h("p", { class: "br-note", text: "Your answers stay in this browser. Nothing is sent anywhere unless you download and share a file." }),
      h("div", { class: "br-actions" }, saveJson, saveCsv, reset),
      confirmBox),
    status);
  el.append(root);

  function sync() {
    const answers = current();
    views.forEach((v) => v.show(answers[v.q.id]));
    const score = scoreOf(bank, answers);
    const answered = bank.questions.filter((q) => answers[q.id] && "response" in answers[q.id]).length;
    scoreLine.textContent = `Score: ${score} of ${bank.questions.length} correct (${answered} answered).`;
  }

  function questionView(q, index) {
    const id = `${prefix}-${q.id}`;
    const form = h("form", { class: "br-question-form", novalidate: true });
    const legend = h("legend", {},
      h("span", { class: "br-qnum", id: `${id}-num`, text: `Question ${index + 1} of ${bank.questions.length}. ` }),
      h("span", { class: "br-prompt", text: q.prompt }));
    const hint = instruction(q);
    const fieldset = h("fieldset", {}, legend);
    if (hint) {
      fieldset.append(h("p", { class: "br-hint", id: `${id}-hint`, text: hint }));
      fieldset.setAttribute("aria-describedby", `${id}-hint`);
    }
    const inputs = [];
    const marks = new Map(); // choice id -> span showing its state after checking

    const addChoice = (kind, value, label, choiceId) => {
      const inputId = `${id}-${choiceId}`;
      const input = h("input", { type: kind, name: id, id: inputId, value });
      const mark = h("span", { class: "br-mark" });
      marks.set(choiceId, mark);
      inputs.push(input);
      fieldset.append(h("div", { class: "br-choice" }, input, h("label", { for: inputId, text: label }), mark));
    };

    let selects = [];
    let textInput = null;
    if (q.type === "single" || q.type === "multiple") {
      const options = bank.shuffle ? seededOrder(q.options, `${seed}:${bank.id}:${q.id}`) : q.options;
      for (const o of options) addChoice(q.type === "single" ? "radio" : "checkbox", o.id, o.text, o.id);
    } else if (q.type === "true_false") {
      addChoice("radio", "true", "True", "true");
      addChoice("radio", "false", "False", "false");
    } else if (q.type === "matching") {
      const options = bank.shuffle ? seededOrder(q.options, `${seed}:${bank.id}:${q.id}`) : q.options;
      selects = q.items.map((item) => {
        const selectId = `${id}-${item.id}`;
        const select = h("select", { id: selectId, "data-item": item.id },
          h("option", { value: "", text: "Choose a match" }),
          ...options.map((o) => h("option", { value: o.id, text: o.text })));
        const mark = h("span", { class: "br-mark" });
        marks.set(item.id, mark);
        inputs.push(select);
        fieldset.append(h("div", { class: "br-match" }, h("label", { for: selectId, text: item.text }), select, mark));
        return select;
      });
    } else if (q.type === "short") {
      textInput = h("input", { type: "text", id: `${id}-text`, autocomplete: "off", spellcheck: "false", class: "br-text" });
      inputs.push(textInput);
      fieldset.append(h("div", { class: "br-short" }, h("label", { for: textInput.id, text: "Your answer" }), textInput));
    }

    // Named with their question ("Check answer Question 2 of 10."): a page holds many.
    const check = h("button", { type: "submit", class: "br-button", id: `${id}-check`, "aria-labelledby": `${id}-check ${id}-num`, text: "Check answer" });
    const retry = h("button", { type: "button", class: "br-button br-secondary", id: `${id}-retry`, "aria-labelledby": `${id}-retry ${id}-num`, text: "Try again", hidden: true });
    const feedback = h("div", { class: "br-feedback", id: `${id}-feedback`, tabindex: "-1" });
    form.append(fieldset, h("div", { class: "br-actions" }, check, retry), feedback);
    const node = h("li", { class: "br-question", id }, form);

    function readResponse() {
      if (q.type === "single") {
        const chosen = inputs.find((i) => i.checked);
        return chosen ? chosen.value : null;
      }
      if (q.type === "multiple") {
        // In the bank's order, not the shuffled order on screen, so the same choice
        // always reads the same in a download and counts as one answer in a room's summary.
        const checked = new Set(inputs.filter((i) => i.checked).map((i) => i.value));
        const chosen = q.options.map((o) => o.id).filter((id) => checked.has(id));
        return chosen.length ? chosen : null;
      }
      if (q.type === "true_false") {
        const chosen = inputs.find((i) => i.checked);
        return chosen ? chosen.value === "true" : null;
      }
      if (q.type === "matching") {
        if (selects.some((s) => !s.value)) return null;
        return Object.fromEntries(selects.map((s) => [s.dataset.item, s.value]));
      }
      return textInput.value;
    }

    function writeResponse(r) {
      if (q.type === "single") inputs.forEach((i) => { i.checked = i.value === r; });
      else if (q.type === "multiple") inputs.forEach((i) => { i.checked = r.includes(i.value); });
      else if (q.type === "true_false") inputs.forEach((i) => { i.checked = i.value === String(r); });
      else if (q.type === "matching") selects.forEach((s) => { s.value = r[s.dataset.item] || ""; });
      else textInput.value = r;
    }

    function clearInputs() {
      inputs.forEach((i) => {
        if (i.type === "radio" || i.type === "checkbox") i.checked = false;
        else i.value = "";
      });
    }

    function setMark(key, text, state) {
      const mark = marks.get(key);
      if (!mark) return;
      mark.textContent = text;
      mark.dataset.state = state || "";
    }

    // The feedback that teaches: what the learner chose, why, and the explanation.
    // Returns paragraphs (strings) and lists of [lead, text] pairs.
    function feedbackFor(r, correct) {
      if (q.type === "single") {
        const chosen = q.options.find((o) => o.id === r);
        return [chosen ? chosen.feedback : ""];
      }
      if (q.type === "multiple") {
        return [q.options.map((o) => {
          const picked = r.includes(o.id);
          const right = q.answer.includes(o.id);
          const state = right ? (picked ? "You chose this, rightly." : "You missed this one: it is correct.")
            : (picked ? "You chose this, but it is not correct." : "You rightly left this out.");
          return [o.text, `${state} ${o.feedback}`];
        })];
      }
      if (q.type === "true_false") return [r ? q.if_true : q.if_false];
      if (q.type === "matching") {
        const text = new Map(q.options.map((o) => [o.id, o.text]));
        return [q.items.map((i) => {
          const state = r[i.id] === q.answer[i.id] ? "Correct."
            : `You chose ${text.get(r[i.id]) || "nothing"}; the match is ${text.get(q.answer[i.id])}.`;
          return [i.text, `${state} ${i.feedback}`];
        })];
      }
      const wrong = (q.common_wrong || []).find((w) => w.answers.some((a) => normalise(a) === normalise(r)));
      return [correct ? q.if_correct : (wrong ? wrong.feedback : q.if_incorrect)];
    }

    function markChoices(r) {
      if (q.type === "single" || q.type === "multiple") {
        const right = q.type === "single" ? [q.answer] : q.answer;
        const picked = q.type === "single" ? [r] : r;
        for (const o of q.options) {
          if (picked.includes(o.id)) setMark(o.id, right.includes(o.id) ? "Your answer: correct" : "Your answer: not correct", right.includes(o.id) ? "right" : "wrong");
          else setMark(o.id, right.includes(o.id) ? "Correct answer" : "", right.includes(o.id) ? "missed" : "");
        }
      } else if (q.type === "true_false") {
        for (const value of [true, false]) {
          const key = String(value);
          if (value === r) setMark(key, value === q.answer ? "Your answer: correct" : "Your answer: not correct", value === q.answer ? "right" : "wrong");
          else setMark(key, value === q.answer ? "Correct answer" : "", value === q.answer ? "missed" : "");
        }
      } else if (q.type === "matching") {
        for (const item of q.items) {
          const ok = r[item.id] === q.answer[item.id];
          setMark(item.id, ok ? "Correct" : "Not correct", ok ? "right" : "wrong");
        }
      }
    }

    let lastShown = null; // the entry last drawn, as JSON, so a change elsewhere leaves drafts alone

    function show(entry) {
      const key = JSON.stringify(entry || null);
      if (key === lastShown) return;
      const wasRecorded = lastShown !== null && lastShown !== "null";
      lastShown = key;
      const answered = entry && "response" in entry;
      inputs.forEach((i) => { i.disabled = Boolean(answered); });
      check.hidden = Boolean(answered);
      retry.hidden = !answered || entry.correct; // nothing to try again after a right answer
      node.dataset.state = answered ? (entry.correct ? "correct" : "incorrect") : "open";
      feedback.replaceChildren();
      marks.forEach((_, key) => setMark(key, "", ""));
      if (!entry && wasRecorded) clearInputs(); // a reset; after "Try again" the last choice stays
      if (!answered) return;
      writeResponse(entry.response);
      markChoices(entry.response);
      feedback.append(h("p", { class: "br-verdict", text: entry.correct ? "Correct." : "Not quite." }));
      for (const part of feedbackFor(entry.response, entry.correct)) {
        if (typeof part === "string") feedback.append(h("p", { text: part }));
        else feedback.append(h("ul", {}, ...part.map(([lead, text]) => h("li", {}, h("strong", { text: lead }), h("br"), text))));
      }
      feedback.append(h("p", { class: "br-explanation" }, h("strong", { text: "Explanation: " }), q.explanation));
      if (q.source && q.source.url) {
        feedback.append(h("p", { class: "br-source" }, "Source: ", h("a", { href: q.source.url, text: q.source.title })));
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const response = readResponse();
      if (!validResponse(q, response)) {
        const ask = q.type === "matching" ? "Choose a match for every item, then check your answer."
          : q.type === "short" ? "Type an answer, then check it." : "Choose an answer, then check it.";
        feedback.replaceChildren(h("p", { class: "br-verdict", text: ask }));
        announce(ask);
        return;
      }
      const answers = current();
      const attempts = ((answers[q.id] && answers[q.id].attempts) || 0) + 1;
      const correct = isCorrect(q, response);
      answers[q.id] = { response, attempts, correct };
      commit(answers);
      const said = feedbackFor(response, correct)
        .map((part) => (typeof part === "string" ? part : part.map(([lead, text]) => `${lead}: ${text}`).join(" ")))
        .join(" ");
      announce(`${correct ? "Correct." : "Not quite."} ${said} Score: ${scoreOf(bank, answers)} of ${bank.questions.length}.`);
      (correct ? feedback : retry).focus();
    });

    retry.addEventListener("click", () => {
      const answers = current();
      answers[q.id] = { attempts: (answers[q.id] && answers[q.id].attempts) || 0 };
      commit(answers);
      announce(`Question ${index + 1}: try again.`);
      focusFirst();
    });

    function focusFirst() {
      const target = inputs.find((i) => i.checked) || inputs[0];
      if (target) target.focus();
    }

    return { q, node, show, focusFirst };
  }

  model.on("change:answers", sync);
  sync();
  return () => model.off("change:answers", sync);
}

// For the book's learning record (host.js calls it on each save; Jupyter ignores it):
// the quiz's title and its score as the answers stand, marked afresh from the bank.
function summary(state) {
  const bank = state.bank;
  if (!isObject(bank) || !Array.isArray(bank.questions)) return null;
  const answers = cleanAnswers(bank, state.answers);
  return {
    title: bank.title,
    score: scoreOf(bank, answers),
    answered: bank.questions.filter((q) => answers[q.id] && "response" in answers[q.id]).length,
    total: bank.questions.length,
  };
}

// normalise and isCorrect are exported too, so tests can check they mark exactly as Python does.
export default { render, summary, normalise, isCorrect };
