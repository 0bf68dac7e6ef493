// Glossary terms in the text: a {term} link shows its meaning on hover and on
// keyboard focus. The tip stays while the pointer is over the link or the tip,
// and Esc dismisses it (WCAG 1.4.13). Model state: definitions, a mapping of
// the glossary anchor (term-...) to {term, text}, for the terms on this page.

function render({ model, el }) {
  const definitions = model.get("definitions") || {};
  const tip = document.createElement("div");
  tip.id = "br-term-tip";
  tip.className = "br-term-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.append(tip);
  let current = null;
  let timer = null;

  function show(link, entry) {
    clearTimeout(timer);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    const strong = document.createElement("strong");
    strong.textContent = entry.term;
    tip.replaceChildren(strong, document.createTextNode(` ${entry.text}`));
    link.setAttribute("aria-describedby", tip.id);
    tip.hidden = false;
    place();
  }
  // Under its link and inside the window; again whenever the window changes size
  // (a phone turned, a zoom), or a tip placed for a wide window would stick out
  // of a narrow one and make the page scroll sideways (WCAG 1.4.10).
  function place() {
    if (!current) return;
    const box = current.getBoundingClientRect();
    const width = Math.min(360, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  }
  function hide() {
    clearTimeout(timer);
    tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }
  const hideSoon = () => { clearTimeout(timer); timer = setTimeout(hide, 300); };

  for (const link of document.querySelectorAll('a[href*="#term-"]')) {
    const entry = definitions[decodeURIComponent(link.hash.slice(1))];
    if (!entry) continue;
    link.addEventListener("mouseenter", () => show(link, entry));
    link.addEventListener("focus", () => show(link, entry));
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("blur", hide);
  }
  tip.addEventListener("mouseenter", () => clearTimeout(timer));
  tip.addEventListener("mouseleave", hideSoon);
  window.addEventListener("resize", place);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !tip.hidden) hide();
  });
  el.hidden = true;
}

export default { render };
