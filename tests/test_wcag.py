"""WCAG 2.2 AA checks that axe cannot make, on every page, in light and dark mode.

- 2.4.7 and 1.4.11: at each tab stop, a keyboard walk measures what changes when the
  element takes focus (outline, box-shadow or border) and that change's contrast
  against the colours beside it, read from the rendered page (tests/wcag_probe.js).
- 2.4.11: the focused element is inside the viewport, not under a sticky bar and
  not scrolled out of its own container; walked forwards from the top, backwards
  from the end of the page, and backwards through the sidebar (where the theme
  used to scroll section toggles behind the header).
- 1.4.11: the boundary of every text box and drop-down against what it sits on.
- 1.4.10: no page scrolls sideways at 320 CSS pixels or at 640 (200% zoom of a
  1280-pixel window); at 320 nothing in the main content or the page foot is cut off,
  and wide tables scroll inside their own container.
- What a screen reader is given, from the accessibility tree: component titles as
  headings at the right level, buttons tied to their question, the current page
  marked, distinct names for the sidebar's section toggles, and announcements
  made once, when something changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from boardroom.sitecheck import site_pages
from conftest import Visit
from test_quiz_browser import BANK, PAGE as QUIZ_PAGE, question, respond, right_response, wrong_response

pytestmark = pytest.mark.browser

PROBE = (Path(__file__).parent / "wcag_probe.js").read_text(encoding="utf-8")
# Each page is walked as a keyboard user reads it: Tab to the "Skip to main
# content" link, Enter, then Tab through the content (MAIN_STOPS); the rest of the
# content is focused from script, the first few of each kind of widget (the
# glossary's thousand links are one widget repeated); then Shift+Tab back from
# the end of the page through its foot and, in light mode, on up through the
# sidebar, where a scrolled list used to slip focus under the header. The header
# and sidebar are walked forwards on the first page of each sidebar layout (the
# sidebar opens the current section, so pages of one section share a layout),
# and in dark mode once. A key press costs about 15 ms here.
WINDOW = {"width": 1280, "height": 720}
MAIN_STOPS = 12
EACH_KIND = 3
FOOT_STOPS = 6
NOTEBOOK_PAGE = "exercises/workshops/decode-the-board-pack.html"
DECODER_PAGE = "book/reference/decoder.html"
REFLOW_WIDTHS = (320, 640)
TOOL_PAGE = "book/strategy/review-tool.html"


def press(page, key: str, times: int) -> list[dict]:
    for _ in range(times):
        page.keyboard.press(key)
    return page.evaluate("__wcag.collect()")


def keyboard_walk(page, sidebar: bool = True, back_up: bool = True) -> tuple[list[dict], list[dict]]:
    """The loaded page's tab stops, measured; and every form control's boundary.
    ``sidebar``: walk the header and sidebar forwards; ``back_up``: walk the sidebar backwards."""
    page.evaluate("__wcag.remember()")
    stops = press(page, "Tab", 1)
    assert stops and stops[0]["element"].startswith('a "Skip to main content"'), stops
    if sidebar:
        stops += press(page, "Tab", page.evaluate("__wcag.tabbable('.bd-header, .bd-sidebar-primary')"))
        page.locator(".skip-link a").focus()
        page.evaluate("__wcag.collect()")
    page.keyboard.press("Enter")  # skip to the content
    stops += press(page, "Tab", MAIN_STOPS)
    stops += page.evaluate("(each) => __wcag.sweep(each)", EACH_KIND)
    page.evaluate("__wcag.from(null)")
    stops += press(page, "Shift+Tab", FOOT_STOPS)
    # from the foot of a scrolled page back up through the sidebar: by keyboard,
    # or (as cheaply as a check can be) focused from script in the same order
    if back_up and page.evaluate("__wcag.from('.bd-sidebar-primary')"):
        stops += press(page, "Shift+Tab", page.evaluate("__wcag.tabbable('.bd-sidebar-primary')"))
    else:
        stops += page.evaluate("__wcag.backwards('.bd-sidebar-primary')")
    return stops, page.evaluate("__wcag.boundaries()")


@dataclass
class Walked:
    stops: list[dict]
    controls: list[dict]
    cut_at_320px: list[str]
    # CSS pixels the page scrolls sideways, by viewport width (light mode only)
    overflow: dict[int, int]


_WALKS: dict[tuple[str, str], dict[str, Walked]] = {}


def walk_site(scheme: str, browser, site: str, book) -> dict[str, Walked]:
    """Each page's tab stops and form controls in one colour mode, walked once a
    session; in light mode, each page at 320 CSS pixels too (layout does not
    depend on the colour mode)."""
    if (scheme, site) in _WALKS:
        return _WALKS[scheme, site]
    v = Visit(browser, color_scheme=scheme, reduced_motion="reduce", viewport=WINDOW)
    v.context.add_init_script(script=PROBE)
    found, layouts = {}, set()
    try:
        for path in site_pages(book.html):
            v.page.goto(site + path)
            assert v.page.evaluate("document.documentElement.dataset.theme") == scheme
            # colours do not depend on the layout: in dark mode the sidebar is walked once
            layout = v.page.evaluate("__wcag.sidebarLayout()") if scheme == "light" else "any"
            new = layout not in layouts
            layouts.add(layout)
            stops, controls = keyboard_walk(v.page, sidebar=new, back_up=new and scheme == "light")
            cut, overflow = [], {}
            if scheme == "light":
                # 200% zoom of a 1280-pixel window leaves 640 CSS pixels: the same layout
                for width in REFLOW_WIDTHS:
                    v.page.set_viewport_size({"width": width, "height": 640})
                    overflow[width] = v.page.evaluate(PAGE_SCROLL)
                    if width == 320:
                        cut = v.page.evaluate(CLIPPED, ".bd-article, .prev-next-area, .bd-footer-content, footer")
                        cut += v.page.evaluate(LOOSE_TABLES)
                v.page.set_viewport_size(WINDOW)
            found[path] = Walked(stops, controls, cut, overflow)
    finally:
        v.close()
    assert v.outside == [] and v.errors == [], (v.outside, v.errors)
    _WALKS[scheme, site] = found
    return found


@pytest.fixture(scope="module", params=["light", "dark"])
def walked(request, browser, site, book):
    return request.param, walk_site(request.param, browser, site, book)


@pytest.fixture(scope="module")
def narrow(browser, site, book):
    return walk_site("light", browser, site, book)


def report(problems: dict[str, list[str]]) -> str:
    lines = []
    for path, items in problems.items():
        unique = list(dict.fromkeys(items))
        lines += [f"{path}: {item}" for item in unique[:4]]
        if len(unique) > 4:
            lines.append(f"{path}: ... and {len(unique) - 4} more")
    return "\n".join(lines)


def by_page(pages, found) -> dict[str, list[str]]:
    """``found(walked_page)``'s findings for each page that has any."""
    return {path: bad for path, walked_page in pages.items() if (bad := found(walked_page))}


def test_every_tab_stop_shows_focus_with_3_to_1_contrast(walked):
    scheme, pages = walked
    for path, walked_page in pages.items():
        stops = walked_page.stops
        assert len(stops) >= 5, f"{path}: the keyboard walk reached only {len(stops)} stops"
    weak = by_page(pages, lambda w: [f"{s['element']}: {s['indicator']}" for s in w.stops if s["contrast"] < 3])
    assert not weak, f"{scheme} mode, focus not visible at 3:1:\n" + report(weak)


def test_nothing_focused_is_hidden(walked):
    scheme, pages = walked
    hidden = by_page(pages, lambda w: [f"{s['element']} ({s['direction']}): {s['obscured']}"
                                       for s in w.stops if s["obscured"]])
    assert not hidden, f"{scheme} mode, focused element hidden:\n" + report(hidden)


def test_form_controls_have_a_3_to_1_boundary(walked):
    scheme, pages = walked
    faint = by_page(pages, lambda w: [f"{c['element']}: {c['contrast']:.2f}:1" for c in w.controls if c["contrast"] < 3])
    # and the walk saw the controls the components put on pages
    seen = {c["element"].split(" ")[0] for w in pages.values() for c in w.controls}
    assert {"select", "textarea.br-decoder-input", "input.br-text"} <= seen, seen
    assert not faint, f"{scheme} mode, form control boundary under 3:1:\n" + report(faint)


def test_a_notebook_output_keeps_its_focus_ring_visible_in_dark_mode(browser, site):
    # the theme paints notebook outputs light even in dark mode: the ring must show on both
    v = Visit(browser, color_scheme="dark", reduced_motion="reduce")
    v.context.add_init_script(script=PROBE)
    try:
        v.page.goto(site + NOTEBOOK_PAGE)
        stops, _ = keyboard_walk(v.page, sidebar=False, back_up=False)
    finally:
        v.close()
    inside = [s for s in stops if "br-" in s["element"] or s["element"].startswith(("textarea", "input", "select"))]
    assert inside, "the walk reached no control inside the notebook's components"
    assert [f"{s['element']}: {s['indicator']}" for s in inside if s["contrast"] < 3] == []


CLIPPED = """(selector) => {
  const out = [];
  for (const area of document.querySelectorAll(selector)) {
    for (const el of [area, ...area.querySelectorAll('*')]) {
      const s = getComputedStyle(el);
      if (!el.getClientRects().length || !['hidden', 'clip'].includes(s.overflowX)) continue;
      // a box of 1 px or less is the screen-reader-only pattern (the theme's and the
      // components' visually-hidden classes), not text cut off
      const box = el.getBoundingClientRect();
      if ((box.width <= 1 && box.height <= 1) || el.scrollWidth <= el.clientWidth + 1) continue;
      if (!el.textContent.trim()) continue;
      out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40)}" shows ${el.clientWidth} of ${el.scrollWidth} px`);
    }
  }
  return out;
}"""

# A table wider than the content column must scroll inside its own container.
LOOSE_TABLES = """() => {
  const article = document.querySelector('.bd-article') || document.querySelector('main');
  const column = article.getBoundingClientRect();
  return [...article.querySelectorAll('table')].filter((t) => t.getClientRects().length).flatMap((t) => {
    if (t.getBoundingClientRect().width <= column.width + 1) return [];
    for (let box = t.parentElement; box && box !== document.body; box = box.parentElement) {
      const o = getComputedStyle(box).overflowX;
      if ((o === 'auto' || o === 'scroll') && box.getBoundingClientRect().width <= column.width + 1) return [];
    }
    return [`table.${[...t.classList].join('.')} is ${Math.round(t.getBoundingClientRect().width)} px in a ${Math.round(column.width)} px column`];
  });
}"""
PAGE_SCROLL = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_every_page_reflows_without_horizontal_scrolling(narrow):
    assert all(set(w.overflow) == set(REFLOW_WIDTHS) for w in narrow.values())
    wide = {path: f"{w.overflow}" for path, w in narrow.items() if max(w.overflow.values()) > 0}
    assert not wide, "the page scrolls sideways (CSS pixels at each width):\n" + "\n".join(
        f"{path}: {o}" for path, o in wide.items())


def test_at_320px_nothing_in_the_content_or_page_foot_is_cut_off(narrow):
    cut = {path: w.cut_at_320px for path, w in narrow.items() if w.cut_at_320px}
    assert not cut, "at 320 px:\n" + report(cut)


def test_at_320px_the_decoders_table_scrolls_inside_its_container(visit, site):
    page = visit(viewport={"width": 320, "height": 640}).page
    page.goto(site + DECODER_PAGE)
    page.get_by_label("Paste text from a board paper").fill(
        "The ICB and the NHSE SRO asked the CSU about the EPR, the FBC, HSCN, DSPT and FHIR.")
    page.locator(".br-decoder-table tbody tr").first.wait_for()
    assert page.evaluate(LOOSE_TABLES) == []
    assert page.evaluate(PAGE_SCROLL) <= 0
    assert page.evaluate(CLIPPED, ".br-decoder") == []


# --- what a screen reader is given -------------------------------------------------


def headings_before(page, selector: str) -> list[tuple[int, str]]:
    """The page's headings up to and including the first inside ``selector``, as (level, text)."""
    return page.evaluate(
        """(selector) => {
          const mark = document.querySelector(selector);
          const out = [];
          for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')) {
            if (!h.getClientRects().length) continue;
            const level = h.getAttribute('aria-level') || h.tagName.slice(1);
            out.push([+level, h.textContent.trim()]);
            if (mark.contains(h)) break;
          }
          return out;
        }""",
        selector,
    )


@pytest.mark.parametrize("path, selector, title", [
    (QUIZ_PAGE, ".br-quiz", BANK.title),
    (TOOL_PAGE, ".br-tool", None),
])
def test_component_titles_are_headings_one_level_below_their_section(visit, site, path, selector, title):
    page = visit().page
    page.goto(site + path)
    component = page.locator(f".boardroom-component {selector}").first
    snapshot = component.aria_snapshot()
    found = re.match(r'- heading "([^"]+)" \[level=(\d)\]', snapshot.splitlines()[0])
    assert found, f"the component does not open with a heading:\n{snapshot[:300]}"
    if title:
        assert found.group(1) == title
    outline = headings_before(page, f".boardroom-component {selector}")
    (section_level, section), (level, _) = outline[-2], outline[-1]
    assert level == section_level + 1, f"{found.group(1)!r} is h{level} under h{section_level} {section!r}"
    # and nothing inside the component skips a level below its title
    levels = [int(n) for n in re.findall(r"\[level=(\d)\]", snapshot)]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])) and min(levels) == level, levels


def test_quiz_buttons_say_which_question_they_belong_to(visit, site):
    page = visit().page
    page.goto(site + QUIZ_PAGE)
    snapshot = page.locator(".boardroom-component .br-quiz").aria_snapshot()
    checks = re.findall(r'button "(Check answer[^"]*)"', snapshot)
    assert len(checks) == len(BANK.questions) and len(set(checks)) == len(checks), checks
    assert all(f"Question {i + 1}" in name for i, name in enumerate(checks)), checks
    # wrong: "Try again", named for its question; right: no "Try again" to offer
    wrong_q, right_q = BANK.questions[0], BANK.questions[1]
    respond(page, wrong_q, wrong_response(wrong_q))
    respond(page, right_q, right_response(right_q))
    assert question(page, wrong_q).get_by_role("button", name="Try again Question 1").count() == 1
    assert question(page, right_q).get_by_role("button", name="Try again").count() == 0
    assert "Correct." in question(page, right_q).aria_snapshot()


def test_navigation_marks_the_current_page_and_names_each_section_toggle(visit, site):
    page = visit().page
    page.goto(site + "book/strategy/check.html")
    nav = page.get_by_role("navigation", name="Main")
    current = nav.locator("[aria-current=page]")
    assert current.count() == 1 and current.inner_text().strip() in page.title()
    names = page.evaluate("[...document.querySelectorAll('nav.bd-links summary')].map(s => s.getAttribute('aria-label'))")
    assert len(names) >= 3 and len(set(names)) == len(names), names
    for name in names:
        section = name.removeprefix("Pages in ")
        assert section != name and nav.get_by_role("link", name=section, exact=True).count() >= 1, name


def test_the_decoder_shows_no_empty_table_and_names_categories_as_the_glossary_does(visit, site):
    page = visit().page
    page.goto(site + DECODER_PAGE)
    decoder = page.locator(".boardroom-component .br-decoder")
    assert "table" not in decoder.aria_snapshot()
    page.get_by_label("Paste text from a board paper").fill("The ICB board met.")
    snapshot = decoder.aria_snapshot()
    assert "table" in snapshot and "Integrated care board" in snapshot, snapshot
    assert "nhs-organisation" not in snapshot and "NHS and government bodies" in snapshot, snapshot


def test_the_review_tool_announces_progress_and_rating_once_when_they_change(visit, site):
    page = visit().page
    page.clock.install()  # the tool clears its status region, then speaks 50 ms later: run that time on demand
    page.goto(site + TOOL_PAGE)
    tool = page.locator(".boardroom-component .br-tool")
    tool.wait_for()
    progress = tool.locator(".br-progress")
    assert progress.get_attribute("aria-live") == "polite" or progress.get_attribute("role") == "status"
    # count what reaches the live regions: every change of their text is spoken
    page.evaluate("""() => {
      window.__spoken = [];
      for (const region of document.querySelectorAll('.br-tool [aria-live], .br-tool [role=status]')) {
        new MutationObserver(() => { if (region.textContent.trim()) window.__spoken.push(region.textContent.trim()); })
          .observe(region, { childList: true, characterData: true, subtree: true });
      }
    }""")
    radios = tool.locator("fieldset").first.get_by_role("radio")
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # changes the answer, not the count
        page.clock.run_for(100)
    spoken = page.evaluate("window.__spoken")
    progress_said = [s for s in spoken if re.fullmatch(r"\d+ of \d+ questions answered\.", s)]
    assert progress_said == [f"1 of {tool.locator('fieldset').count()} questions answered."], spoken
    # answer the rest, then move along the last question's options: the rating is said
    # when it first appears and when it changes, never twice in a row the same
    for fieldset in tool.locator("fieldset").all()[1:]:
        fieldset.get_by_role("radio").first.check()
    last = tool.locator("fieldset").last
    last.get_by_role("radio").first.focus()
    page.clock.run_for(100)
    assert any(s.startswith(f"All {tool.locator('fieldset').count()} answered.") for s in page.evaluate("window.__spoken"))
    page.evaluate("window.__spoken.length = 0")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        page.clock.run_for(100)
    ratings = [s for s in page.evaluate("window.__spoken") if ":" in s]
    assert all(a != b for a, b in zip(ratings, ratings[1:])), ratings


SETTLED_FOCUS_BOX = """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const box = document.activeElement.getBoundingClientRect();
  done({ name: document.activeElement.textContent.trim().slice(0, 40), top: box.top, bottom: box.bottom });
})))"""


def test_tabbing_back_from_the_foot_of_the_long_glossary_keeps_focus_in_view(visit, site):
    # The glossary's lists skip layout off screen (content-visibility); one that grew
    # from its estimated height as it came into view pushed the focused link out of sight.
    v = visit(viewport={"width": 1280, "height": 720})
    v.page.goto(site + "book/reference/glossary.html")
    for _ in range(3):
        v.page.keyboard.press("Shift+Tab")
        box = v.page.evaluate(SETTLED_FOCUS_BOX)
        assert 0 <= box["top"] and box["bottom"] <= 720, f"{box['name']!r} is out of view once the page settles: {box}"
