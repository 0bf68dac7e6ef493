// Helpers every component shares. boardroom.components puts this file in front
// of each component's module, for anywidget and for the book alike, so the
// components keep no copies of their own.

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// The heading level for a component's title: one below the heading it sits
// under (in the book, the page's last heading before it), or 2 where there is
// none yet (a Jupyter output not yet on the page). At most `deepest`.
function titleLevel(el, deepest = 6) {
  let level = 1;
  if (el.isConnected) {
    for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      if (el.contains(heading) || heading.closest(".br-fallback")) continue; // a component's own, or its no-script copy
      if (!(heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      level = Number(heading.tagName[1]);
    }
  }
  return Math.min(level + 1, deepest);
}

// h(), with headings moved down `shift` levels (for a shift of 1, h2 becomes h3).
function levelled(shift) {
  return (tag, ...rest) => h(/^h[1-6]$/.test(tag) ? `h${Math.min(6, Number(tag[1]) + shift)}` : tag, ...rest);
}

// Set a node's text only when it differs, so a live region speaks changes only.
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// A file the reader saves: made in the page, never sent anywhere.
function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvOfRows(rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
