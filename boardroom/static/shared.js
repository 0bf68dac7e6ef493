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

// A .zip read with no library (the room summary's .zip of results, the decoder's .docx): every
// entry as {name, bytes}, or {name, reason} for what cannot be unpacked; `name` names the
// file in messages; `wanted(path)` picks the entries to unpack. The browser's DecompressionStream
// inflates each entry.

async function unzip(name, buffer, wanted = () => true) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const whole = (reason) => [{ name, reason }];
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) return whole("a .zip file that could not be read (corrupt or cut short): unzip it and choose the files");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    return whole("a large (zip64) .zip file, which this page cannot open: unzip it and choose the files");
  }
  const entries = [];
  const names = new TextDecoder("utf-8");
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      entries.push({ name, reason: "a .zip file with a broken list of contents: unzip it and choose the files" });
      break;
    }
    const flags = view.getUint16(at + 8, true), method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true), extra = view.getUint16(at + 30, true), comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const path = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
    if (path.endsWith("/") || !wanted(path)) continue; // a folder, or an entry not asked for
    const entryName = path.slice(path.lastIndexOf("/") + 1);
    const inZip = `in ${name}`;
    if (flags & 1) { entries.push({ name: entryName, reason: `${inZip}: encrypted, so it cannot be read here` }); continue; }
    if (size === 0xffffffff || local === 0xffffffff) {
      entries.push({ name: entryName, reason: `${inZip}: a zip64 entry, which this page cannot open` });
      continue;
    }
    if (method !== 0 && method !== 8) {
      entries.push({ name: entryName, reason: `${inZip}: packed in a way this page cannot unpack (method ${method})` });
      continue;
    }
    try {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const packed = bytes.subarray(start, start + size);
      if (view.getUint32(local, true) !== 0x04034b50 || packed.length !== size) throw new Error("cut short");
      const data = method === 0 ? packed : new Uint8Array(await new Response(
        new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).arrayBuffer());
      entries.push({ name: entryName, bytes: data });
    } catch (err) {
      entries.push({ name: entryName, reason: `${inZip}: could not be unpacked (corrupt or cut short)` });
    }
  }
  return entries;
}
