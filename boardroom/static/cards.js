// The question-card filter. The page holds every card (readable and printable
// without JavaScript); this adds, above them, a choice of situations. Ticking
// some shows only the cards for any of them, and printing then prints just
// those: a reader leaves with the questions for their next meeting.
//
// Model state: situations ([{id, label, count}]) and cards ([{id, situations}]).
// The choice is kept in the address (?situation=go-live,incident), not stored.

function render({ model, el }) {
  const situations = model.get("situations") || [];
  const cards = (model.get("cards") || [])
    .map((c) => ({ node: document.getElementById(`card-${c.id}`), situations: c.situations }))
    .filter((c) => c.node);
  if (!cards.length || !situations.length) return;
  const groups = [...new Set(cards.map((c) => c.node.closest(".br-card-group")).filter(Boolean))];
  const known = new Set(situations.map((s) => s.id));
  const params = new URLSearchParams(window.location.search);
  const chosen = new Set((params.get("situation") || "").split(",").filter((s) => known.has(s)));

  const status = h("p", { class: "br-cards-count", role: "status", "aria-live": "polite" });
  const boxes = situations.map((s) => {
    const input = h("input", { type: "checkbox", id: `br-situation-${s.id}`, value: s.id });
    input.checked = chosen.has(s.id);
    input.addEventListener("change", () => {
      if (input.checked) chosen.add(s.id);
      else chosen.delete(s.id);
      apply(true);
    });
    return h("div", { class: "br-choice" }, input,
      h("label", { for: input.id, text: `${s.label} (${s.count})` }));
  });
  const all = h("button", { type: "button", class: "br-button br-secondary", text: "Show every question" });
  const print = h("button", { type: "button", class: "br-button", text: "Print the questions shown" });
  all.addEventListener("click", () => {
    chosen.clear();
    for (const box of boxes) box.querySelector("input").checked = false;
    apply(true);
  });
  print.addEventListener("click", () => window.print());
  el.append(h("div", { class: "br-cards" },
    h("fieldset", {}, h("legend", { text: "Show the questions for these situations" }),
      h("div", { class: "br-situations" }, ...boxes)),
    h("div", { class: "br-actions" }, all, print),
    status));

  function apply(fromChoice) {
    let shown = 0;
    for (const card of cards) {
      const show = !chosen.size || card.situations.some((s) => chosen.has(s));
      card.node.hidden = !show;
      shown += show;
    }
    for (const group of groups) group.hidden = !group.querySelector(".br-card:not([hidden])");
    const names = situations.filter((s) => chosen.has(s.id)).map((s) => s.label);
    status.textContent = chosen.size
      ? `Showing ${shown} of ${cards.length} questions, for: ${names.join(", ")}.`
      : `Showing all ${cards.length} questions.`;
    if (fromChoice) {
      const url = new URL(window.location.href);
      if (chosen.size) url.searchParams.set("situation", [...chosen].join(","));
      else url.searchParams.delete("situation");
      window.history.replaceState(null, "", url);
    }
  }
  apply(false);
}

// The filter goes above the cards it filters (host.js reads `before`).
export default { render, before: true };
