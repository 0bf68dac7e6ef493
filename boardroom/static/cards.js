// The question-card filter. The page holds every card (readable and printable
// without JavaScript); this adds, above them, a choice of situations and of the
// people the questions are put to. Ticking some shows only the cards for any of
// the situations ticked and any of the people ticked, and printing then prints
// just those: a reader leaves with the questions for their next meeting.
//
// Model state: situations and roles ([{id, label, count}]) and cards
// ([{id, situations, put_to}]). The choice is kept in the address
// (?situation=go-live,incident&role=finance-director), not stored.

// One row of checkboxes for each way of filtering: the address key, the
// legend, the model key of its choices, the card field it matches, and the
// words the status line puts before the names chosen.
const FACETS = [
  { key: "situation", legend: "Show the questions for these situations", choices: "situations", field: "situations", lead: "for" },
  { key: "role", legend: "Show the questions to put to these people", choices: "roles", field: "put_to", lead: "put to" },
];

function render({ model, el }) {
  const cards = (model.get("cards") || [])
    .map((c) => ({ node: document.getElementById(`card-${c.id}`), ...c }))
    .filter((c) => c.node);
  const facets = FACETS.map((f) => ({ ...f, options: model.get(f.choices) || [] })).filter((f) => f.options.length);
  if (!cards.length || !facets.length) return;
  const groups = [...new Set(cards.map((c) => c.node.closest(".br-card-group")).filter(Boolean))];
  const params = new URLSearchParams(window.location.search);
  const boxes = [];
  for (const facet of facets) {
    const known = new Set(facet.options.map((o) => o.id));
    facet.chosen = new Set((params.get(facet.key) || "").split(",").filter((id) => known.has(id)));
    facet.boxes = facet.options.map((o) => {
      const input = h("input", { type: "checkbox", id: `br-${facet.key}-${o.id}`, value: o.id });
      input.checked = facet.chosen.has(o.id);
      input.addEventListener("change", () => {
        if (input.checked) facet.chosen.add(o.id);
        else facet.chosen.delete(o.id);
        apply(true);
      });
      boxes.push(input);
      return h("div", { class: "br-choice" }, input, h("label", { for: input.id, text: `${o.label} (${o.count})` }));
    });
  }

  const status = h("p", { class: "br-cards-count", role: "status", "aria-live": "polite" });
  const all = h("button", { type: "button", class: "br-button br-secondary", text: "Show every question" });
  const print = h("button", { type: "button", class: "br-button", text: "Print the questions shown" });
  all.addEventListener("click", () => {
    for (const facet of facets) facet.chosen.clear();
    for (const box of boxes) box.checked = false;
    apply(true);
  });
  print.addEventListener("click", () => window.print());
  el.append(h("div", { class: "br-cards" },
    ...facets.map((f) => h("fieldset", {}, h("legend", { text: f.legend }), h("div", { class: "br-situations" }, ...f.boxes))),
    h("div", { class: "br-actions" }, all, print),
    status));

  function apply(fromChoice) {
    let shown = 0;
    for (const card of cards) {
      const show = facets.every((f) => !f.chosen.size || (card[f.field] || []).some((id) => f.chosen.has(id)));
      card.node.hidden = !show;
      shown += show;
    }
    for (const group of groups) group.hidden = !group.querySelector(".br-card:not([hidden])");
    const named = facets.filter((f) => f.chosen.size)
      .map((f) => `${f.lead}: ${f.options.filter((o) => f.chosen.has(o.id)).map((o) => o.label).join(", ")}`);
    status.textContent = named.length
      ? `Showing ${shown} of ${cards.length} questions, ${named.join("; ")}.`
      : `Showing all ${cards.length} questions.`;
    if (fromChoice) {
      const url = new URL(window.location.href);
      for (const f of facets) {
        if (f.chosen.size) url.searchParams.set(f.key, [...f.chosen].join(","));
        else url.searchParams.delete(f.key);
      }
      window.history.replaceState(null, "", url);
    }
  }
  apply(false);
}

// The filter goes above the cards it filters (host.js reads `before`).
export default { render, before: true };
