// Measures, in the reader's browser, what axe cannot: whether the focused
// element shows a focus indicator with 3:1 contrast against the colours next to
// it, whether it can be seen (in the viewport, not under a sticky header, not
// scrolled out of its own container), and the contrast of form-control
// boundaries. Every colour is read from getComputedStyle and composited over
// the background the element really sits on; nothing is assumed.
// Loaded into each page by tests/test_wcag.py (context.add_init_script).
(() => {
  "use strict";
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const parsed = new Map();

  // Any CSS colour (rgb(), color(srgb ...), oklch() ...) to [r, g, b, a] in 0-255 and 0-1.
  function rgba(css) {
    if (parsed.has(css)) return parsed.get(css);
    let value;
    const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css);
    if (m) value = [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
    else {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0,0,0,0)";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      value = [d[0], d[1], d[2], d[3] / 255];
    }
    parsed.set(css, value);
    return value;
  }

  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
  const channel = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }
  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

  // The colour painted behind `el`: its own background and its ancestors', composited
  // from the first opaque one (the canvas is white if none is).
  function background(el) {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  }

  // box-shadow: "rgb(...) 0px 0px 0px 5px, rgba(...) 0px 0px 0px 2px inset" -> parts
  function shadows(value) {
    if (!value || value === "none") return [];
    return value.split(/,(?![^()]*\))/).map((part) => {
      const colour = (/(rgba?\([^)]*\)|color\([^)]*\)|oklch\([^)]*\)|lab\([^)]*\))/.exec(part) || [])[1];
      const lengths = part.replace(colour || "", "").match(/-?[\d.]+px/g) || [];
      const [x, y, blur, spread] = lengths.map(parseFloat).concat([0, 0, 0, 0]);
      return { colour, inset: /inset/.test(part), size: Math.max(Math.abs(x), Math.abs(y), spread || 0, (blur || 0) / 2) };
    }).filter((s) => s.colour && s.size >= 1);
  }

  function look(el) {
    const s = getComputedStyle(el);
    return {
      outline: s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0 ? "none" : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}`,
      shadow: s.boxShadow,
      border: ["Top", "Right", "Bottom", "Left"].map((side) => `${s[`border${side}Style`]} ${s[`border${side}Width`]} ${s[`border${side}Color`]}`).join("|"),
    };
  }

  const FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex], [contenteditable='true']";
  const rest = new WeakMap(); // each focusable element's look when nothing is focused

  // Before the walk: each element's look at rest, and a recorder that measures
  // the focused element as the reader leaves it, when the next Tab or Shift+Tab
  // goes down (scrolling into view has happened by then). Returns how many
  // elements a Tab can reach, roughly, to size the walk.
  let stops = [];
  const measured = [];
  function remember() {
    const was = document.activeElement;
    if (was && was !== document.body) was.blur();
    for (const el of document.querySelectorAll(`${FOCUSABLE}, summary > *, :has(> input, > select, > textarea)`)) rest.set(el, look(el));
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Tab") return;
      const s = stop(event.shiftKey ? "backwards" : "forwards");
      if (s) stops.push(s);
    }, true);
    return [...document.querySelectorAll(FOCUSABLE)].filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length).length;
  }
  // After a keyboard walk that stopped short: every tabbable element it did not
  // reach, focused from script (which Chromium draws as keyboard focus after a
  // Tab), skipping an identical widget after the first `each` of its kind.
  function sweep(each) {
    const seen = new Set(measured);
    const kinds = new Map();
    const out = [];
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      if (seen.has(el) || el.tabIndex < 0 || el.disabled || !el.getClientRects().length) continue;
      if (el.closest("[hidden], [inert], details:not([open]) > :not(summary)")) continue;
      const kind = `${el.tagName}.${el.className}|${el.closest("[id]")?.className || ""}`;
      kinds.set(kind, (kinds.get(kind) || 0) + 1);
      if (kinds.get(kind) > each) continue;
      el.focus();
      if (document.activeElement !== el) continue; // not focusable after all
      const s = stop("focus()");
      if (!el.matches(":focus-visible")) Object.assign(s, { indicator: "drawn as mouse focus: not measurable", contrast: 0 });
      out.push(s);
    }
    return out;
  }
  // Shift+Tab's path through `selector` (last to first), focused from script:
  // the same scrolling into view as a key press, at a fraction of the cost.
  function backwards(selector) {
    const all = [...document.querySelectorAll(`${selector} :is(${FOCUSABLE})`)]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length).reverse();
    const out = [];
    for (const el of all) {
      el.focus();
      if (document.activeElement === el) out.push(stop("focus(), backwards"));
    }
    return out;
  }
  function collect() {
    const s = stop("last");
    const out = s ? stops.concat([s]) : stops;
    stops = [];
    return out;
  }
  // Start the next Shift+Tab from the end of the page, or from `selector`'s last match.
  function from(selector) {
    if (document.activeElement) document.activeElement.blur();
    if (!selector) {
      getSelection().collapse(document.body, document.body.childNodes.length);
      return true;
    }
    const all = [...document.querySelectorAll(`${selector} :is(${FOCUSABLE})`)].filter((e) => e.tabIndex >= 0 && e.getClientRects().length);
    if (!all.length) return false;
    all[all.length - 1].focus();
    return true;
  }

  const name = (el) => {
    const label = (el.getAttribute("aria-label") || el.textContent || el.value || el.id || "").trim().replace(/\s+/g, " ").slice(0, 50);
    return `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} "${label}"`;
  };

  // What changes when `el` has keyboard focus, and the best contrast of that change
  // against the colours beside it: outside the box for an outline or outer shadow,
  // inside it for an inset shadow; both for a changed border.
  function indicator(el) {
    const before = rest.get(el) || { outline: "none", shadow: "none", border: "" };
    const now = look(el);
    const s = getComputedStyle(el);
    const outside = background(el.parentElement || el);
    const inside = background(el);
    const found = [];
    if (now.outline !== before.outline && now.outline !== "none") {
      const offset = parseFloat(s.outlineOffset) || 0;
      const width = parseFloat(s.outlineWidth);
      const colour = rgba(s.outlineColor);
      const against = offset + width <= 0 ? inside : outside;
      if (s.outlineStyle === "auto") {
        // Chromium draws an "auto" ring in two colours, its computed colour and a
        // white inner ring, so at least one of them has 3:1 wherever it is drawn.
        found.push({ kind: "outline auto", contrast: Math.max(contrast(over(colour, against), against), contrast([255, 255, 255], against)) });
      } else {
        found.push({ kind: `outline ${width}px ${hex(colour)}`, contrast: contrast(over(colour, against), against) });
      }
    }
    if (now.shadow !== before.shadow) {
      const old = new Set(shadows(before.shadow).map((p) => p.colour));
      for (const part of shadows(now.shadow)) {
        if (old.has(part.colour)) continue;
        const against = part.inset ? inside : outside;
        const colour = rgba(part.colour);
        found.push({ kind: `shadow ${hex(colour)}`, contrast: contrast(over(colour, against), against) });
      }
    }
    if (before.border && now.border !== before.border) {
      for (const side of ["Top", "Bottom", "Left", "Right"]) {
        if (parseFloat(s[`border${side}Width`]) < 1 || s[`border${side}Style`] === "none") continue;
        const colour = rgba(s[`border${side}Color`]);
        found.push({ kind: `border ${hex(colour)}`, contrast: Math.min(contrast(over(colour, outside), outside), contrast(over(colour, inside), inside)) });
        break;
      }
    }
    return found;
  }

  let pinned = null; // sticky and fixed elements of the page, found once
  function stuck() {
    if (!pinned) {
      pinned = [...document.querySelectorAll("body *")].filter((e) => {
        const p = getComputedStyle(e).position;
        return p === "sticky" || p === "fixed";
      });
    }
    return pinned;
  }

  // Can the reader see the focused element? Inside the viewport, not under a
  // sticky or fixed bar, and not scrolled out of view inside its own container.
  function obscured(el) {
    // a link broken over two lines: its first line; a box drawn by its children: theirs
    let r = [...el.getClientRects()].find((b) => b.width >= 1 && b.height >= 1);
    if (!r) r = [...el.children].map((c) => c.getBoundingClientRect()).find((b) => b.width >= 1 && b.height >= 1);
    if (!r) return "it has no size";
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    if (r.height <= vh && (r.top < -1 || r.bottom > vh + 1)) return `outside the viewport (top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)} of ${vh})`;
    if (r.right < 0 || r.left > vw) return "outside the viewport sideways";
    for (const bar of stuck()) {
      if (bar.contains(el) || el.contains(bar)) continue;
      const b = bar.getBoundingClientRect();
      const s = getComputedStyle(bar);
      if (b.width < 1 || b.height < 1 || s.visibility === "hidden" || s.display === "none") continue;
      if (r.height > vh - b.height) continue; // too tall to show whole beside the bar: the centre check below decides
      const top = Math.max(r.top, b.top, 0);
      const bottom = Math.min(r.bottom, b.bottom, vh);
      const left = Math.max(r.left, b.left, 0);
      const right = Math.min(r.right, b.right, vw);
      if (bottom - top > 1 && right - left > 1) {
        // the bar's box overlaps: is the bar what is painted there?
        const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
        if (hit && bar.contains(hit) && !el.contains(hit)) return `under the sticky ${name(bar)}`;
      }
    }
    const x = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1);
    const y = Math.min((Math.max(r.top, 0) + Math.min(r.bottom, vh)) / 2, vh - 1); // the middle of what is in view
    const hit = document.elementFromPoint(x, y);
    if (hit && !el.contains(hit) && !(el.labels && [...el.labels].some((l) => l.contains(hit)))) {
      return `hidden behind ${name(hit)}`;
    }
    return null;
  }

  // One tab stop: the element, what shows its focus and whether it can be seen.
  // The test switches transitions off, so what is measured is the settled look.
  function stop(direction) {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    measured.push(el);
    let shown = indicator(el);
    // a disclosure's summary may draw its ring on the arrow inside it, and a
    // borderless input its ring on the box around it and its icon (:focus-within)
    if (!shown.length && el.tagName === "SUMMARY") shown = [...el.children].flatMap(indicator);
    if (!shown.length && drawnBox(el) !== el) shown = indicator(drawnBox(el));
    const best = shown.reduce((m, i) => Math.max(m, i.contrast), 0);
    return {
      direction,
      element: name(el),
      key: `${el.tagName}.${el.className}|${el.closest("nav, header, footer, .bd-sidebar-primary, main, article")?.tagName || ""}`,
      indicator: shown.map((i) => `${i.kind} ${i.contrast.toFixed(2)}:1`).join(", ") || "nothing changes",
      contrast: best,
      obscured: obscured(el),
    };
  }

  // The box a reader sees as the control: itself, or for a control with no border
  // of its own, the parent that draws one around it (a search box and its icon).
  function drawnBox(el) {
    const hasBorder = (e) => ["Top", "Right", "Bottom", "Left"].some((side) => {
      const s = getComputedStyle(e);
      return s[`border${side}Style`] !== "none" && parseFloat(s[`border${side}Width`]) >= 1;
    });
    return !hasBorder(el) && el.parentElement && hasBorder(el.parentElement) ? el.parentElement : el;
  }

  // Every visible text box, drop-down and multi-line box: its boundary against
  // what it sits on (the best side, as a box needs one visible edge).
  function boundaries() {
    const out = [];
    for (const el of document.querySelectorAll("input:not([type=radio]):not([type=checkbox]):not([type=hidden]), select, textarea")) {
      const r = el.getBoundingClientRect();
      // 1 px or less: visually hidden for screen readers, its visible control is elsewhere (a label)
      if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === "hidden") continue;
      const box = drawnBox(el);
      const s = getComputedStyle(box);
      const outside = background(box.parentElement);
      const inside = background(box);
      let best = contrast(inside, outside); // a filled box needs no border
      for (const side of ["Top", "Right", "Bottom", "Left"]) {
        if (s[`border${side}Style`] === "none" || parseFloat(s[`border${side}Width`]) < 1) continue;
        const c = rgba(s[`border${side}Color`]);
        best = Math.max(best, Math.min(contrast(over(c, outside), outside), contrast(over(c, inside), inside)));
      }
      out.push({ element: name(el), contrast: best });
    }
    return out;
  }

  const tabbable = (selector) => [...document.querySelectorAll(`${selector} :is(${FOCUSABLE})`)]
    .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length).length;

  // Which sections the sidebar has open, and how tall it is.
  const sidebarLayout = () => [...document.querySelectorAll(".bd-sidebar-primary details[open] > summary")]
    .map((s) => s.parentElement.parentElement.firstElementChild.textContent.trim()).join("|") + "|" + tabbable(".bd-sidebar-primary");

  window.__wcag = { backwards, remember, collect, from, sweep, boundaries, tabbable, sidebarLayout };
  // Settled looks only: no transition frames between key presses.
  addEventListener("DOMContentLoaded", () => {
    const style = document.createElement("style");
    style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
    document.head.append(style);
  });
})();
