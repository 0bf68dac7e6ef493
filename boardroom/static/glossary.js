// The glossary filter. Runs on the glossary page above the full, sorted list
// that the book builds from glossary/*.yml; without JavaScript that list is the
// page. Model state: index (one record a glossary entry, in page order: term,
// aliases, expansions, categories) and categories ({value, label} for the
// filter). Type to filter by acronym, expansion, other spellings or words of
// the meaning; exact acronym matches come first; ?q= in the address is kept.

function norm(text) {
  return String(text).toLowerCase().replace(/\s+/g, " ").trim();
}

// The entries on the page: each is one or more <dt> (term, other spellings)
// and a <dd>, wrapped here in a <div> (allowed in a <dl>) so that hiding or
// moving an entry touches one element. The one long list becomes a run of
// lists of CHUNK entries each: a list out of view skips style and layout as
// one box, so even a very long glossary updates within a frame or two.
const CHUNK = 40;

function groups(dl) {
  const out = [];
  let dts = [];
  let block = null;
  for (const child of [...dl.children]) {
    if (child.tagName === "DT") dts.push(child);
    else if (child.tagName === "DD") {
      if (out.length % CHUNK === 0) {
        block = document.createElement("dl");
        block.className = "glossary br-glossary-block";
        dl.before(block);
      }
      const wrap = document.createElement("div");
      wrap.className = "br-glossary-entry";
      block.append(wrap);
      wrap.append(...dts, child);
      out.push({ node: wrap, block, text: norm(child.textContent) });
      dts = [];
    }
  }
  if (out.length) dl.remove();
  return out;
}

// Lay every list out once, for two frames, so each remembers its real height
// (contain-intrinsic-size: auto in glossary.css). Otherwise a list grows from its
// estimate as it scrolls into view and pushes down what is below it: a reader
// who tabs back from the page foot would see the focused link jump out of sight.
function rememberHeights(blocks) {
  for (const block of blocks) block.style.contentVisibility = "visible";
  requestAnimationFrame(() => requestAnimationFrame(() => {
    for (const block of blocks) block.style.contentVisibility = "";
  }));
}

// Rank 0: the acronym or a spelling is the query; 1: one starts with it; 2:
// the expansion, a spelling or the meaning has it. -1: no match. Ranks 0 and 1
// are few, so they move to the top and the rest keep their A to Z order.
function rank(entry, q) {
  if (entry.names.includes(q)) return 0;
  if (q.length > 1 && entry.names.some((n) => n.startsWith(q))) return 1; // one letter starts too many
  if (entry.expansions.some((e) => e.includes(q)) || entry.names.some((n) => n.includes(q)) || entry.text.includes(q)) return 2;
  return -1;
}

function render({ model, el }) {
  const index = model.get("index") || [];
  const dl = document.querySelector(".br-glossary dl.glossary");
  if (!dl) return;
  const entries = groups(dl).map((g, i) => Object.assign(g, {
    record: index[i],
    order: i,
    shown: true,
    names: index[i] ? [index[i].term, ...index[i].aliases].map(norm) : [],
    expansions: index[i] ? index[i].expansions.map(norm) : [],
  }));
  if (!entries.length) return;
  rememberHeights([...new Set(entries.map((e) => e.block))]);
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

  let pinned = []; // entries moved to the top of the list, best first
  const top = document.createElement("dl"); // the list that holds them
  top.className = "glossary br-glossary-top";
  entries[0].block.before(top);

  // Put pinned entries back in their A to Z places, then pin the new best matches.
  // Only these few entries move, so the list stays fast at any size.
  function pin(best) {
    const isPinned = new Set(best);
    // last first, so each one's successor is already back in place
    const leaving = pinned.filter((e) => !isPinned.has(e)).sort((a, b) => b.order - a.order);
    for (const entry of leaving) {
      let next = entry.order + 1;
      while (next < entries.length && entries[next].block === entry.block && isPinned.has(entries[next])) next++;
      const anchor = next < entries.length && entries[next].block === entry.block ? entries[next].node : null;
      entry.block.insertBefore(entry.node, anchor);
    }
    for (const entry of best) top.append(entry.node);
    pinned = best;
  }

  function update(keepUrl) {
    const q = norm(input.value);
    const category = select.value;
    const best = [];
    let shown = 0;
    for (const entry of entries) {
      const r = q ? rank(entry, q) : 2;
      const fits = r >= 0 && (!category || entry.record.categories.includes(category));
      if (fits !== entry.shown) {
        entry.node.hidden = !fits;
        entry.shown = fits;
      }
      if (fits) {
        shown++;
        if (r < 2) best.push([r, entry]);
      }
    }
    best.sort((a, b) => a[0] - b[0] || a[1].order - b[1].order);
    const bestEntries = best.map(([, entry]) => entry);
    if (bestEntries.length !== pinned.length || bestEntries.some((e, i) => e !== pinned[i])) pin(bestEntries);
    const total = entries.length;
    count.textContent = shown === total ? `Showing all ${total} terms.` : `Showing ${shown} of ${total} terms.`;
    none.hidden = shown > 0;
    none.textContent = shown ? "" :
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
