"""The learning record in the built book, driven in Debian's Chromium as a reader would.

A quiz answered on one page and a tool completed on another show on the record
page after a reload; the record prints on one sheet; clearing asks first and
empties it; stored data that is corrupt or from another version is ignored; it
works by keyboard and axe finds nothing in light or dark mode. Expectations come
from the banks, the tools' rules, the Python engine and the table of contents.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx_external_toc.parsing import parse_toc_yaml

from boardroom.quiz.banks import find_banks, load_bank, revision as bank_revision
from boardroom.record import modules
from boardroom.tools.data import find_tools, load_tool
from boardroom.tools.engine import assess
from test_accessibility import forgive_axe_css_fetch, violations
from test_quiz_browser import BANK, PAGE as QUIZ_PAGE, respond, right_response, wrong_response

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
RECORD = "book/start/learning-record.html"
KEY = "boardroom.record"
TOOL_PAGE = "book/strategy/review-tool.html"
STRATEGY = load_tool(ROOT / "exercises" / "tools" / "strategy-review.yml")
MODULES = modules(parse_toc_yaml(ROOT / "_toc.yml"))
BANKS = [load_bank(p) for p in find_banks(ROOT / "exercises" / "quizzes")]
TOOLS = [load_tool(p) for p in find_tools(ROOT / "exercises" / "tools")]


def stored(page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if raw is None else json.loads(raw)


def open_record(page, site):
    page.goto(site + RECORD)
    page.locator(".boardroom-component .br-record-body").wait_for()


def rows(page, heading: str) -> list[list[str]]:
    """The cells of the table under one of the record's headings, row by row."""
    table = page.locator(".br-record-body").get_by_role("heading", name=heading, exact=True).locator(
        "xpath=following-sibling::*[1]")
    return [[c.strip() for c in row.locator("th, td").all_inner_texts()] for row in table.locator("tbody tr").all()]


def full_record() -> dict:
    """A store with every module's pages visited and every bank and tool done: the most the record shows."""
    day = "2026-12-01"
    components = {}
    for bank in BANKS:
        total = len(bank.questions)
        summary = {"score": total - 1, "total": total, "answered": total, "at": f"{day}T10:00:00.000Z"}
        components[f"quiz.{bank.id}"] = {"revision": bank_revision(bank), "state": {}, "title": bank.title,
                                         "latest": summary, "best": summary}
    for tool in TOOLS:
        summary = {"answered": len(tool.items), "total": len(tool.items), "complete": True,
                   "rating_name": tool.rating_name, "rating_label": tool.ratings[-1].label,
                   "confidence_label": f"Limited confidence: 3 of {len(tool.items)} unknown",
                   "at_best_label": tool.ratings[0].label,
                   "stage_label": tool.stages[-1].label if tool.stages else None,
                   "at": f"{day}T11:00:00.000Z"}
        summary = {k: v for k, v in summary.items() if v is not None}
        components[f"tool.{tool.id}"] = {"revision": "r", "state": {}, "title": tool.title,
                                         "latest": summary, "completed": summary}
    visits = {p: day for m in MODULES for p in m.pages}
    return {"format": "boardroom-record", "version": 1, "visits": visits, "components": components}


def seed(v, site, record: dict | str) -> None:
    """Put a store in the browser before any page of the book reads it."""
    text = record if isinstance(record, str) else json.dumps(record)
    v.page.goto(site + "_static/boardroom-store.js")  # same origin, runs no store
    v.page.evaluate("([k, t]) => localStorage.setItem(k, t)", [KEY, text])


def test_a_quiz_on_one_page_and_a_tool_on_another_show_on_the_record_after_a_reload(visit, site):
    page = visit().page
    strategy = MODULES[0]
    for docname in strategy.pages[:3]:
        page.goto(site + docname + ".html")
    page.goto(site + QUIZ_PAGE)
    page.locator(".boardroom-component .br-quiz").wait_for()
    first, second = BANK.questions[:2]
    respond(page, first, right_response(first))
    respond(page, second, wrong_response(second))
    page.goto(site + TOOL_PAGE)
    page.locator(".boardroom-component .br-tool").wait_for()
    answers = {item.id: ("full" if i % 3 else "part") for i, item in enumerate(STRATEGY.items)}
    for item_id, value in answers.items():
        page.locator(f"#br-{STRATEGY.id}-{item_id}-{value}").check()
    expected = assess(STRATEGY, answers)
    assert expected["complete"] and expected["rating_label"]

    open_record(page, site)
    page.reload()
    page.locator(".boardroom-component .br-record-body").wait_for()
    modules_ = rows(page, "Modules")
    visited = set(strategy.pages[:3]) | {TOOL_PAGE.removesuffix(".html")}  # the tool is a page of the module too
    assert modules_[0][1] == f"{len(visited)} of {len(strategy.pages)}"
    assert [r[1] for r in modules_[1:]] == [f"0 of {len(m.pages)}" for m in MODULES[1:]]
    total = len(BANK.questions)
    [quiz_row] = rows(page, "Quizzes")
    latest, day = quiz_row[2].split("\n")  # the latest score, and under it the day it was answered
    assert quiz_row[:2] == [BANK.title, f"1 of {total} (2 answered)"] and latest == f"1 of {total} (2 answered)"
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 20\d\d", day)
    [tool_row] = rows(page, "Review tools")
    assert tool_row[0] == STRATEGY.title
    assert tool_row[1].startswith(f"{STRATEGY.rating_name}: {expected['rating_label']}.")
    assert expected["confidence_label"] in tool_row[1]


def test_best_and_latest_differ_after_a_reset_and_a_worse_attempt(visit, site):
    page = visit().page
    page.goto(site + QUIZ_PAGE)
    page.locator(".boardroom-component .br-quiz").wait_for()
    first, second = BANK.questions[:2]
    respond(page, first, right_response(first))
    respond(page, second, right_response(second))
    page.get_by_role("button", name="Reset quiz").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    respond(page, first, wrong_response(first))
    open_record(page, site)
    total = len(BANK.questions)
    [quiz_row] = rows(page, "Quizzes")
    assert [quiz_row[1], quiz_row[2].split("\n")[0]] == [f"2 of {total} (2 answered)", f"0 of {total} (1 answered)"]


def test_the_printed_record_fits_one_page_and_the_name_is_never_stored(visit, site):
    v = visit()
    seed(v, site, full_record())
    page = v.page
    open_record(page, site)
    assert len(rows(page, "Quizzes")) == len(BANKS) and len(rows(page, "Review tools")) == len(TOOLS)
    page.get_by_label("Your name for the printout (optional)").fill("Alex Example")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    head = page.locator(".br-record-print-head")
    assert head.is_visible() and "Name: Alex Example" in head.inner_text()
    assert not page.get_by_role("button", name="Clear my record").is_visible()
    assert not page.locator("article p", has_text="This page gathers what you have done").is_visible()
    for size in ("A4", "Letter"):
        pdf = page.pdf(format=size)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{size}: {pages} pages"
    everything = page.evaluate("JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})")
    assert "Alex Example" not in everything
    page.emulate_media(media="screen")
    page.reload()
    page.locator(".boardroom-component .br-record-body").wait_for()
    assert page.get_by_label("Your name for the printout (optional)").input_value() == ""


def test_clearing_asks_first_then_empties_the_record_and_the_answers(visit, site):
    page = visit().page
    page.goto(site + QUIZ_PAGE)
    page.locator(".boardroom-component .br-quiz").wait_for()
    respond(page, BANK.questions[0], right_response(BANK.questions[0]))
    open_record(page, site)
    assert len(rows(page, "Quizzes")) == 1
    page.get_by_role("button", name="Clear my record").click()
    assert page.get_by_role("button", name="Yes, clear everything").is_visible()
    page.get_by_role("button", name="Cancel").click()
    assert len(rows(page, "Quizzes")) == 1 and stored(page) is not None
    page.get_by_role("button", name="Clear my record").click()
    page.get_by_role("button", name="Yes, clear everything").click()
    assert page.locator(".br-record-body").get_by_text("No quiz answered yet in this browser.").is_visible()
    assert stored(page) is None
    page.reload()
    page.locator(".boardroom-component .br-record-body").wait_for()
    assert page.get_by_text("No quiz answered yet in this browser.").is_visible()
    assert all(r[1].startswith("0 of") for r in rows(page, "Modules"))
    page.goto(site + QUIZ_PAGE)
    assert page.locator(".boardroom-component .br-score").inner_text().startswith("Score: 0 of")


CORRUPT = {
    "not-json": "{not json",
    "array": "[1, 2]",
    "null": "null",
    "older-version": json.dumps({"format": "boardroom-record", "version": 0, "visits": {"book/strategy/index": "2026-01-01"},
                                 "components": {}}),
    "other-format": json.dumps({"format": "something-else", "version": 1, "visits": {}, "components": {}}),
    "wrong-shapes": json.dumps({"format": "boardroom-record", "version": 1,
                                "visits": ["book/strategy/index"],
                                "components": {"quiz.why-the-board": {"revision": 7, "state": []},
                                              "nonsense": {"revision": "x"},
                                              "tool.strategy-review": {"revision": "x", "latest": {"score": 9, "total": 2, "answered": 2}}}}),
}


@pytest.mark.parametrize("raw", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_or_old_stored_data_is_ignored_without_breaking_any_page(visit, site, raw):
    v = visit()
    seed(v, site, raw)
    page = v.page
    open_record(page, site)
    assert all(r[1].startswith("0 of") for r in rows(page, "Modules"))
    assert page.get_by_text("No quiz answered yet in this browser.").is_visible()
    assert page.get_by_text("No review tool used yet in this browser.").is_visible()
    page.goto(site + MODULES[1].docname + ".html")
    progress = page.locator(".br-module-progress")
    assert progress.get_attribute("data-filled") == "true"  # this visit, and only this one
    assert progress.inner_text().count("1 of") == 1
    page.goto(site + QUIZ_PAGE)
    page.locator(".boardroom-component .br-quiz").wait_for()
    respond(page, BANK.questions[0], right_response(BANK.questions[0]))
    record = stored(page)
    assert record["format"] == "boardroom-record" and record["version"] == 1
    assert record["components"][f"quiz.{BANK.id}"]["best"]["score"] == 1
    # the visit fixture fails the test on any page error


def test_progress_kept_by_the_older_version_moves_into_the_store(visit, site):
    v = visit()
    first = BANK.questions[0]
    legacy = {"revision": bank_revision(BANK), "state": {"answers": {first.id: {
        "response": right_response(first), "attempts": 1, "correct": True}}, "score": 1}}
    v.page.goto(site + "_static/boardroom-store.js")
    v.page.evaluate("([k, t]) => localStorage.setItem(k, t)", [f"boardroom.v1.quiz.{BANK.id}", json.dumps(legacy)])
    v.page.evaluate("localStorage.setItem('boardroom.v1.tool.strategy-review', '{broken')")
    page = v.page
    open_record(page, site)
    total = len(BANK.questions)
    assert rows(page, "Quizzes") == [[BANK.title, f"1 of {total}", f"1 of {total}"]]  # no day: it was not kept
    left = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('boardroom.v1.'))")
    assert left == []
    page.goto(site + QUIZ_PAGE)
    assert page.locator(".boardroom-component .br-score").inner_text().startswith(f"Score: 1 of {total}")


def test_progress_shows_on_the_landing_page_and_the_module_front_page_only_once_there_is_some(visit, site):
    page = visit().page
    page.goto(site + "index.html")
    assert not page.locator(".br-module-progress").is_visible()
    strategy = MODULES[0]
    page.goto(site + strategy.pages[1] + ".html")
    page.goto(site + strategy.pages[2] + ".html")
    page.goto(site + "index.html")
    box = page.locator(".br-module-progress")
    assert box.is_visible()
    items = [text.strip() for text in box.locator("li").all_inner_texts()]
    link = box.locator("li a")
    title = link.inner_text()
    assert items == [f"{title}: 2 of {len(strategy.pages)} pages"]
    link.click()  # to the module's front page, named by its title
    assert page.url == site + strategy.docname + ".html"
    assert page.locator("h1").first.inner_text().startswith(title)
    assert page.locator(".br-module-progress li").inner_text().strip() == f"3 of {len(strategy.pages)} pages visited"
    page.goto(site + MODULES[2].docname + ".html")
    assert page.locator(".br-module-progress li").inner_text().strip() == f"1 of {len(MODULES[2].pages)} pages visited"


def test_where_the_browser_keeps_nothing_the_record_says_so_and_quizzes_still_work(visit, site):
    v = visit()
    # storage that refuses the course's writes (full, or held back by a policy); the theme's own
    # colour-mode notes still work, as they would in a browser whose storage is full
    v.context.add_init_script("""(() => { const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, val) {
        if (String(k).startsWith('boardroom')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, val); }; })();""")
    page = v.page
    page.goto(site + RECORD)
    assert page.get_by_text("This browser does not let the course keep anything").is_visible()
    page.goto(site + QUIZ_PAGE)
    page.locator(".boardroom-component .br-quiz").wait_for()
    respond(page, BANK.questions[0], right_response(BANK.questions[0]))
    assert page.locator(".boardroom-component .br-score").inner_text().startswith("Score: 1 of")


def test_without_javascript_the_page_says_what_it_would_show(visit, site):
    page = visit(java_script_enabled=False).page
    page.goto(site + RECORD)
    assert page.get_by_text("With JavaScript off, nothing is kept").is_visible()
    page.goto(site + MODULES[0].docname + ".html")
    assert not page.locator(".br-module-progress").is_visible()


def test_the_record_can_be_printed_downloaded_and_cleared_by_keyboard(visit, site):
    v = visit()
    seed(v, site, full_record())
    page = v.page
    open_record(page, site)
    name = page.get_by_label("Your name for the printout (optional)")
    name.focus()
    page.keyboard.type("Sam")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Print or save as a one-page record"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Download my record (JSON)"
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert saved["format"] == "boardroom-learning-record" and "Sam" not in json.dumps(saved)
    assert {q["bank"] for q in saved["quizzes"]} == {b.id for b in BANKS}
    assert [m["pages_visited"] for m in saved["modules"]] == [len(m.pages) for m in MODULES]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Clear my record"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Cancel"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Yes, clear everything"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Clear my record"
    assert stored(page) is None
    expect_status = page.locator(".br-record [role=status]")
    expect_status.filter(has_text="Your record is cleared.").wait_for()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_on_the_record_and_a_module_front_page(visit, site, scheme):
    v = visit(color_scheme=scheme, reduced_motion="reduce")
    seed(v, site, full_record())
    page = v.page
    open_record(page, site)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert violations(page, "html") == []
    page.get_by_role("button", name="Clear my record").click()
    assert violations(page, ".boardroom-mount") == []
    page.goto(site + MODULES[0].docname + ".html")
    assert page.locator(".br-module-progress").is_visible()
    assert violations(page, "html") == []
    page.goto(site + "index.html")
    assert page.locator(".br-module-progress").is_visible()
    assert violations(page, "html") == []
    forgive_axe_css_fetch(v)
