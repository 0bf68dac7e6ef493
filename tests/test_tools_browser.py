"""The review tools in the built book, driven in Debian's Chromium as a reader would.

Expectations come from the rules files and the Python engine, so the tests
follow the rules as they change. The `visit` fixture fails a test whose page
tried to leave 127.0.0.1 or logged an error.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from boardroom.tools.data import load_tool, payload, revision
from boardroom.tools.engine import assess
from test_accessibility import forgive_axe_css_fetch, violations

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
TOOLS = {
    "health-check": "book/failing-projects/health-check.html",
    "strategy-review": "book/strategy/review-tool.html",
    "contract-review": "book/deciding/practice-case.html",
    "ai-adoption-check": "book/ai-and-data/practice-case.html",
    "board-readiness": "book/governing/board-readiness.html",
}
HEALTH = load_tool(ROOT / "exercises" / "tools" / "health-check.yml")
LIVE = ".boardroom-component .br-tool"
# The result's own headings (its sections), one level below "Your result" wherever the
# tool sits on its page: the level follows the heading above the tool.
RESULT_HEADINGS = ".br-tool-result :is(h3, h4, h5, h6):not([id$=\"-result\"])"


def open_tool(visit, site, tool_id: str, **options):
    v = visit(**options)
    v.page.goto(site + TOOLS[tool_id])
    v.page.locator(LIVE).wait_for()
    return v


def answer(page, tool_id: str, answers: dict[str, str], stage: str | None = None) -> None:
    """Say the stage first (tools with stages), then answer."""
    if stage:
        page.locator(f"#br-{tool_id}-stage-{stage}").check()
    for item_id, value in answers.items():
        page.locator(f"#br-{tool_id}-{item_id}-{value}").check()


def example(tool, confidence: str):
    return next(e for e in tool.examples if e.confidence == confidence)


def without_time(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "saved_at"}


def test_the_rating_is_given_in_words_with_gaps_and_questions_and_downloads_match_python(visit, site):
    page = open_tool(visit, site, "health-check").page
    example = next(e for e in HEALTH.examples if e.confidence == "good" and e.stage == "go-live-readiness")
    expected = assess(HEALTH, example.answers, revision(HEALTH), example.stage)
    rating = next(r for r in HEALTH.ratings if r.id == example.rating)
    progress = page.locator(f"{LIVE} .br-progress")
    assert progress.inner_text() == f"0 of {len(HEALTH.items)} questions answered."
    assert "stage first" in page.locator(f"{LIVE} .br-rating-pending").inner_text()

    answer(page, "health-check", example.answers, example.stage)
    assert progress.inner_text() == f"{len(HEALTH.items)} of {len(HEALTH.items)} questions answered at the go-live readiness stage."
    shown = page.locator(f"{LIVE} .br-rating").inner_text()
    assert f"{HEALTH.rating_name}: {rating.label}." in shown and rating.meaning in shown
    assert page.locator(f"{LIVE} .br-confidence").inner_text() == f"{expected['confidence_label']}."
    assert page.locator(f"{LIVE} .br-findings").first.locator("> li").count() == len(expected["gaps"])
    first_gap = HEALTH.item(expected["gaps"][0])
    assert first_gap.gap in page.locator(f"{LIVE} .br-findings > li").first.inner_text()
    asks = [q for item_id in expected["gaps"] for q in HEALTH.item(item_id).ask]
    assert page.locator(f"{LIVE} .br-asks > li").all_inner_texts() == asks
    # the screen reader hears the rating once everything is answered
    page.wait_for_function("s => document.querySelector(s).textContent.includes('Amber') || "
                           "document.querySelector(s).textContent.includes('Red') || "
                           "document.querySelector(s).textContent.includes('Green')",
                           arg=f"{LIVE} [role=status]")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results (JSON)").click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == "health-check-results.json"
    assert without_time(saved) == expected
    assert saved["saved_at"].endswith("Z")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert [r["item"] for r in rows] == [i.id for i in HEALTH.items]
    assert {r["rating"] for r in rows} == {rating.label}
    assert {r["stage"] for r in rows} == {"Go-live readiness"} and {r["due"] for r in rows} == {"yes"}
    assert {r["confidence"] for r in rows} == {expected["confidence_label"]}
    assert rows[0]["answer"] == next(s.label for s in HEALTH.scale if s.id == example.answers[HEALTH.items[0].id])


def test_at_an_early_stage_questions_not_due_step_aside_and_say_what_to_ask_for(visit, site):
    page = open_tool(visit, site, "health-check").page
    example = next(e for e in HEALTH.examples if e.stage == HEALTH.stages[0].id)
    # answers given at a later stage stay stored but do not count at this one
    answer(page, "health-check", {i.id: "missing" for i in HEALTH.items})
    answer(page, "health-check", example.answers, example.stage)
    expected = assess(HEALTH, example.answers, revision(HEALTH), example.stage)
    assert expected["rating"] == HEALTH.ratings[0].id and expected["not_due"]
    rating = HEALTH.ratings[0]
    assert f"{HEALTH.rating_name}: {rating.label}." in page.locator(f"{LIVE} .br-rating").inner_text()
    assert page.locator(f"{LIVE} .br-progress").inner_text() == (
        f"{len(example.answers)} of {len(example.answers)} questions answered at the business case stage.")
    first = HEALTH.item(expected["not_due"][0])
    item = page.locator(f'{LIVE} .br-tool-item[data-item="{first.id}"]')
    assert not item.locator(f"#br-health-check-{first.id}-full").is_visible()
    due_from = HEALTH.stage(first.due_from).label.lower()
    assert item.locator(".br-due").inner_text() == f"Not due at this stage: due from {due_from}. {first.before_due}"
    listed = page.locator(f"{LIVE} .br-not-due > li").all_inner_texts()
    assert len(listed) == len(expected["not_due"]) and first.before_due in listed[0]
    assert page.locator(f"{LIVE} {RESULT_HEADINGS}", has_text="Not due at this stage").inner_text() == f"Not due at this stage ({len(listed)})"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my results (JSON)").click()
    assert without_time(json.loads(Path(download.value.path()).read_text(encoding="utf-8"))) == expected


def test_a_mostly_unknown_project_leads_with_the_evidence_to_find_not_a_colour(visit, site, tmp_path):
    page = open_tool(visit, site, "health-check").page
    example = next(e for e in HEALTH.examples if e.confidence == "low" and e.at_best == "amber-red")
    expected = assess(HEALTH, example.answers, revision(HEALTH), example.stage)
    answer(page, "health-check", example.answers, example.stage)
    declined = page.locator(f"{LIVE} .br-declined")
    text = declined.inner_text()
    assert text.startswith(f"{expected['confidence_label']}.") and "Amber/Red at best" in text
    assert declined.get_attribute("data-rating") == "none"  # no traffic-light mark
    assert page.locator(f"{LIVE} .br-rating-mark").count() == 0
    headings = page.locator(f"{LIVE} {RESULT_HEADINGS}").all_inner_texts()
    assert headings[0] == f"Evidence to find first ({len(expected['unknowns'])})"
    first_list = page.locator(f"{LIVE} .br-findings").first.locator("> li")
    assert first_list.count() == len(expected["unknowns"])
    assert HEALTH.item(expected["unknowns"][0]).question in first_list.first.inner_text()
    asks = page.locator(f"{LIVE} .br-asks > li").all_inner_texts()
    assert asks[0] == HEALTH.item(expected["unknowns"][0]).ask[0]
    page.wait_for_function("s => document.querySelector(s).textContent.includes('no rating')", arg=f"{LIVE} [role=status]")
    page.locator(f"#br-health-check-stage-{example.stage}").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "low-confidence-top.png"))
    declined.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "low-confidence-result.png"))


@pytest.mark.parametrize("tool_id", sorted(TOOLS))
def test_javascript_applies_the_rules_exactly_as_python(visit, site, tool_id):
    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    page = open_tool(visit, site, tool_id).page
    chooser = random.Random(20261126)
    stages = [s.id for s in tool.stages] or [None]
    answers = ["full", "part", "missing", "unknown"]
    cases = [(dict(e.answers), e.stage) for e in tool.examples]
    cases += [({i.id: chooser.choice(answers) for i in tool.items}, chooser.choice(stages)) for _ in range(150)]
    cases += [({i.id: chooser.choice(answers) for i in tool.items if chooser.random() < 0.6}, chooser.choice(stages))
              for _ in range(30)]
    # many unknowns, around the confidence thresholds, and stages that are missing or not the tool's
    cases += [({i.id: "unknown" if chooser.random() < share else chooser.choice(answers[:3]) for i in tool.items},
               chooser.choice(stages)) for share in (0.15, 0.25, 0.35, 0.45, 0.7) for _ in range(12)]
    cases += [({i.id: chooser.choice(answers) for i in tool.items}, stage) for stage in (None, "", "later", 7)]
    got = page.evaluate(
        "([tool, cases]) => cases.map(([a, stage]) => BoardroomComponents.tool.applyRules(tool, a, stage))",
        [payload(tool), cases],
    )
    expected = [assess(tool, case, revision(tool), stage) for case, stage in cases]
    assert [without_time(g) for g in got] == expected
    generated = expected[len(tool.examples):]
    assert {e["rating"] for e in generated} >= {tool.ratings[-1].id, None}
    assert {e["confidence"] for e in generated} == {"good", "limited", "low", None}
    if tool.stages:
        assert {e["stage"] for e in generated} == set(stages) | {None}
        assert any(e["not_due"] for e in generated)


@pytest.mark.parametrize("tool_id", sorted(TOOLS))
def test_each_worked_example_on_its_page_gets_its_rating(visit, site, tool_id):
    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    page = open_tool(visit, site, tool_id).page
    for example in tool.examples:
        answer(page, tool_id, example.answers, example.stage)
        shown = page.locator(f"{LIVE} .br-rating").inner_text()
        if example.rating:
            label = next(r.label for r in tool.ratings if r.id == example.rating)
            assert f"{tool.rating_name}: {label}." in shown
        else:
            label = next(r.label for r in tool.ratings if r.id == example.at_best)
            assert shown.startswith("Low confidence:") and f"allows {label} at best." in shown


def test_answers_survive_a_reload_and_clearing_asks_first(visit, site):
    page = open_tool(visit, site, "health-check").page
    first, second = HEALTH.items[0].id, HEALTH.items[1].id
    answer(page, "health-check", {}, "build")
    # a screen reader hears how many questions the stage brings in
    due = assess(HEALTH, {}, stage="build")["total"]
    page.wait_for_function(f"s => document.querySelector(s).textContent === '{due} questions due at the build and test stage.'",
                           arg=f"{LIVE} [role=status]")
    answer(page, "health-check", {first: "missing", second: "full"})
    page.reload()
    assert page.locator("#br-health-check-stage-build").is_checked()
    assert page.locator(f"#br-health-check-{first}-missing").is_checked()
    assert page.locator(f"#br-health-check-{second}-full").is_checked()
    page.get_by_role("button", name="Clear answers").click()
    assert page.locator(f"#br-health-check-{first}-missing").is_checked()  # nothing cleared yet
    page.get_by_role("button", name="Cancel").click()
    page.get_by_role("button", name="Clear answers").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    assert not page.locator(f"#br-health-check-{first}-missing").is_checked()
    assert not page.locator("#br-health-check-stage-build").is_checked()
    assert page.evaluate("document.activeElement.id") == f"br-health-check-stage-{HEALTH.stages[0].id}"
    page.reload()
    assert page.locator(f"{LIVE} .br-progress").inner_text().startswith("0 of")


@pytest.mark.parametrize("stored", ["{broken", '{"revision": "old", "state": {"answers": {"x": "full"}}}',
                                    '{"revision": "%s", "state": {"answers": {"%s": "maybe"}}}'
                                    % (revision(HEALTH), HEALTH.items[0].id)])
def test_stale_or_corrupt_stored_answers_are_dropped(visit, site, stored):
    v = visit()
    v.context.add_init_script(f"localStorage.setItem('boardroom.v1.tool.health-check', {json.dumps(stored)})")
    v.page.goto(site + TOOLS["health-check"])
    assert v.page.locator(f"{LIVE} .br-progress").inner_text().startswith("0 of")


def test_the_whole_check_can_be_done_by_keyboard(visit, site):
    page = open_tool(visit, site, "health-check").page
    page.locator("#br-health-check-stage-go-live-readiness").focus()
    page.keyboard.press("Space")  # the stage first, at which every question is due
    page.keyboard.press("Tab")  # to the first question's group
    page.keyboard.press("Space")
    for _ in HEALTH.items[1:]:
        page.keyboard.press("Tab")  # to the next question's group
        page.keyboard.press("ArrowDown")  # arrows move within a group, choosing as they go
    # ArrowDown from nothing chosen lands on the second option ("part") in Chromium
    result = page.evaluate("""() => [...document.querySelectorAll('.boardroom-component .br-tool-item')]
        .map(li => (li.querySelector('input:checked') || {}).value || null)""")
    assert result[0] == "full" and all(r is not None for r in result)
    assert page.locator(f"{LIVE} .br-rating").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Download my results (JSON)"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize("tool_id", ["ai-adoption-check", "board-readiness"])
def test_a_tool_without_stages_can_be_done_by_keyboard(visit, site, tool_id):
    """The newest tools, which a board member may fill in alone: every answer by Space, Tab and the
    arrows, the result shown, and the download reached next with a visible focus ring."""
    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    page = open_tool(visit, site, tool_id).page
    page.locator(f"{LIVE} .br-tool-item input").first.focus()
    page.keyboard.press("Space")
    for _ in tool.items[1:]:
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowDown")
    chosen = page.evaluate("""() => [...document.querySelectorAll('.boardroom-component .br-tool-item')]
        .map(li => (li.querySelector('input:checked') || {}).value || null)""")
    assert len(chosen) == len(tool.items) and chosen[0] == tool.scale[0].id and None not in chosen
    assert page.locator(f"{LIVE} .br-rating").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Download my results (JSON)"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


@pytest.mark.parametrize("tool_id", sorted(TOOLS))
def test_without_javascript_the_tool_is_a_paper_checklist(visit, site, tool_id):
    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    v = visit(java_script_enabled=False)
    v.page.goto(site + TOOLS[tool_id])
    fallback = v.page.locator(".boardroom-mount .br-tool.br-fallback")
    assert fallback.is_visible()
    assert fallback.locator(".br-tool-item").count() == len(tool.items)
    assert fallback.locator("dt").all_inner_texts() == [r.label for r in tool.ratings]
    gap = fallback.locator("details").first.get_by_text(tool.items[0].gap)
    assert not gap.is_visible()
    fallback.locator("summary").first.click()
    assert gap.is_visible()


@pytest.mark.parametrize("tool_id", sorted(TOOLS))
def test_printing_keeps_the_answers_and_result_and_drops_the_buttons(visit, site, tool_id):
    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    page = open_tool(visit, site, tool_id).page
    answer(page, tool_id, tool.examples[0].answers, tool.examples[0].stage)
    page.emulate_media(media="print")
    assert page.locator(f"{LIVE} .br-rating").is_visible()
    assert page.locator(f"{LIVE} .br-asks").is_visible()
    assert not page.get_by_role("button", name="Clear answers").is_visible()
    assert not page.locator(".br-tool.br-fallback").is_visible()


def test_the_practice_case_keeps_its_model_answer_folded_until_the_reader_has_tried(visit, site, tmp_path):
    """The contract review sits between the fictional paper and its model answer, which opens on request
    and gives the rating the tool gives the same answers; on a phone the tool fits the screen."""
    tool = load_tool(ROOT / "exercises" / "tools" / "contract-review.yml")
    example = tool.examples[0]
    rating = next(r for r in tool.ratings if r.id == example.rating)
    v = open_tool(visit, site, "contract-review", viewport={"width": 375, "height": 800})
    page = v.page
    extract = page.locator(".practice-extract")
    model = page.locator("details.sd-dropdown", has_text="Model answer")
    assert extract.count() == 1 and model.count() == 1
    order = page.evaluate("""() => [document.querySelector('.practice-extract'), document.querySelector('.boardroom-mount[data-boardroom-component=tool]'),
        [...document.querySelectorAll('details.sd-dropdown')].find(d => d.textContent.includes('Model answer'))]
        .map(el => el.getBoundingClientRect().top + window.scrollY)""")
    assert order == sorted(order)
    assert not model.get_by_text(f"The result: {rating.label}").is_visible()
    answer(page, "contract-review", example.answers)
    assert f"{tool.rating_name}: {rating.label}." in page.locator(f"{LIVE} .br-rating").inner_text()
    model.locator("summary").click()
    assert model.get_by_text(f"The result: {rating.label}").is_visible()
    # nothing in the tool is wider than the phone's screen
    assert page.evaluate(f"document.querySelector('{LIVE}').scrollWidth") <= page.evaluate(
        f"document.querySelector('{LIVE}').clientWidth")
    page.locator(f"{LIVE} .br-rating").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "practice-case-375.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("tool_id", sorted(TOOLS))
def test_no_accessibility_violations_before_and_after_answering(visit, site, tool_id, scheme):
    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    v = open_tool(visit, site, tool_id, color_scheme=scheme, reduced_motion="reduce")
    assert violations(v.page, ".boardroom-mount") == []
    answer(v.page, tool_id, tool.examples[0].answers, tool.examples[0].stage)
    v.page.get_by_role("button", name="Clear answers").click()  # the confirmation open too
    assert violations(v.page, ".boardroom-mount") == []
    forgive_axe_css_fetch(v)
