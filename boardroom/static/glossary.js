// The glossary filter. Runs on the glossary page above the full, sorted list
// that the book builds from glossary/*.yml; without JavaScript that list is the
// page. Model state: index (one record a glossary entry, in page order: term,
// aliases, expansions, categories) and categories ({value, label} for the
// filter). Type to filter by acronym, expansion, other spellings or words of
// the meaning; exact acronym matches come first; ?q= in the address is kept.

function norm(text) {
  return String(text).toLowerCase().replace(/\s+/g, " ").trim();
}

// The entries on the page: each is one or more <dt> (term, other spellings) and a <dd>.
function groups(dl) {
  const out = [];
  let dts = [];
  for (const child of [...dl.children]) {
    if (child.tagName === "DT") dts.push(child);
    else if (child.tagName === "DD") {
      out.push({ nodes: [...dts, child], text: norm(child.textContent) });
      dts = [];
    }
  }
  return out;
}

// Rank 0: the acronym or a spelling is the query; 1: starts with it; 2: the
// expansion has it; 3: the meaning has it. -1: no match.
function rank(record, text, q) {
  const names = [record.term, ...record.aliases].map(norm);
  if (names.includes(q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (record.expansions.some((e) => norm(e).includes(q)) || names.some((n) => n.includes(q))) return 2;
  return text.includes(q) ? 3 : -1;
}

function render({ model, el }) {
  const index = model.get("index") || [];
  const dl = document.querySelector(".br-glossary dl.glossary");
  if (!dl) return;
  const entries = groups(dl).map((g, i) => Object.assign(g, { record: index[i], order: i }));
  if (entries.length !== index.length || entries.some((e) => !e.record)) {
    console.error("boardroom: glossary index and page differ; the filter is off");
    return;
  }
  const id = "br-glossary-filter";
  const input = Object.assign(document.createElement("input"), { type: "search", id: `${id}-q`, autocomplete: "off" });
  input.setAttribute("aria-describedby", `${id}-count`);
  const select = Object.assign(document.createElement("select"), { id: `${id}-category` });
  select.append(new Option("All categories", ""));
  for (const c of model.get("categories") || []) select.append(new Option(c.label, c.value));
  const count = Object.assign(document.createElement("p"), { id: `${id}-count`, className: "br-glossary-count" });
  count.setAttribute("role", "status");
  const none = Object.assign(document.createElement("p"), { className: "br-glossary-none", hidden: true });
  const field = (label, control) => {
    const wrap = document.createElement("div");
    wrap.className = "br-glossary-field";
    const l = Object.assign(document.createElement("label"), { htmlFor: control.id, textContent: label });
    wrap.append(l, control);
    return wrap;
  };
  const form = document.createElement("form");
  form.className = "br-glossary-filter";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filter the glossary");
  form.addEventListener("submit", (event) => event.preventDefault());
  form.append(field("Find a term, acronym or word", input), field("Category", select));
  el.replaceChildren(form, count, none);

  let reordered = false;
  function update(keepUrl) {
    const q = norm(input.value);
    const category = select.value;
    const shown = [];
    for (const entry of entries) {
      const r = q ? rank(entry.record, entry.text, q) : 3;
      const fits = r >= 0 && (!category || entry.record.categories.includes(category));
      for (const node of entry.nodes) node.hidden = !fits;
      if (fits) shown.push([r, entry]);
    }
    if (q) {
      // best matches first, in the page itself so reading order follows
      shown.sort((a, b) => a[0] - b[0] || a[1].order - b[1].order);
      const frag = document.createDocumentFragment();
      for (const [, entry] of shown) frag.append(...entry.nodes);
      dl.append(frag);
      reordered = true;
    } else if (reordered) {
      const frag = document.createDocumentFragment();
      for (const entry of entries) frag.append(...entry.nodes);
      dl.append(frag);
      reordered = false;
    }
    const total = entries.length;
    count.textContent = shown.length === total ? `Showing all ${total} terms.` : `Showing ${shown.length} of ${total} terms.`;
    none.hidden = shown.length > 0;
    none.textContent = shown.length ? "" :
      `No term matches “${input.value.trim()}”${category ? " in this category" : ""}. Try fewer letters, a word from the meaning${category ? ", or All categories" : ""}.`;
    if (!keepUrl) {
      const params = new URLSearchParams(location.search);
      if (q) params.set("q", input.value.trim()); else params.delete("q");
      if (category) params.set("category", category); else params.delete("category");
      const search = params.toString();
      history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
    }
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if ([...select.options].some((o) => o.value === params.get("category"))) select.value = params.get("category");
  input.addEventListener("input", () => update(false));
  select.addEventListener("change", () => update(false));
  update(true);
  el.boardroomFilter = update; // for the benchmark: time one update
}

export default { render };
