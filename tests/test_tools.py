"""The review tools' rules and engine: strategy review, project health check and contract review."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from boardroom.cli import main
from boardroom.problems import ProblemsFound
from boardroom.tools.data import TOOL_DIR, load_tool
from boardroom.tools.engine import assess, confidence
from boardroom.tools.render import fallback_html

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "tools" / "mini.yml"
STAGED = Path(__file__).parent / "fixtures" / "tools" / "staged.yml"
HEALTH = load_tool(ROOT / TOOL_DIR / "health-check.yml")


@pytest.fixture(scope="module")
def mini():
    return load_tool(MINI)


@pytest.fixture(scope="module")
def staged():
    return load_tool(STAGED)


@pytest.mark.parametrize("tool_id, examples", [("strategy-review", 1), ("health-check", 4), ("contract-review", 1),
                                                        ("ai-adoption-check", 1), ("board-readiness", 1)])
def test_the_course_tools_load_with_cited_rules_and_worked_examples(tool_id, examples):
    tool = load_tool(ROOT / TOOL_DIR / f"{tool_id}.yml")  # also checks each example's rating
    assert 10 <= len(tool.items) <= 20  # enough to cover, few enough to finish before a meeting
    assert len(tool.examples) >= examples
    assert all(item.sources and item.ask for item in tool.items)
    assert len(tool.ratings) >= 3 and tool.ratings[-1].min_share == 0
    for example in tool.examples:
        got = assess(tool, example.answers, stage=example.stage)
        assert (got["confidence"], got["rating"]) == (example.confidence, example.rating)


def test_the_health_check_has_a_real_worked_example_that_is_not_red():
    rated_or_open = [e for e in HEALTH.examples if "fictional" not in e.title.lower() and "fictional" not in e.summary
                     and (e.rating or e.at_best) not in (None, "red", "amber-red")]
    assert rated_or_open, "every real example is Red or Amber/Red"


def test_a_perfect_project_is_never_marked_down_for_questions_not_yet_due():
    """At every stage, a project with a clear yes on every question due gets the best rating,
    however the questions not yet due are answered."""
    for stage in HEALTH.stages:
        for later in ("missing", "unknown"):
            answers = {i.id: later for i in HEALTH.items}
            due = [i.id for i in HEALTH.items if assess(HEALTH, {}, stage=stage.id)["items"][HEALTH.items.index(i)]["due"]]
            answers.update({i: "full" for i in due})
            result = assess(HEALTH, answers, stage=stage.id)
            assert (result["rating"], result["confidence"]) == (HEALTH.ratings[0].id, "good"), stage.id
            assert result["total"] == len(due) and result["gaps"] == [] and result["capped_by"] == []
    first = assess(HEALTH, {i.id: "full" for i in HEALTH.items}, stage=HEALTH.stages[0].id)
    assert 0 < len(first["not_due"]) < len(HEALTH.items)
    row = next(r for r in first["items"] if r["id"] == first["not_due"][0])
    assert (row["finding"], row["answer"], row["ask"]) == ("not-due", None, [])
    assert row["before_due"] and row["due_from"] != HEALTH.stages[0].id


def test_items_not_due_are_left_out_of_the_score_caps_and_unknowns(staged):
    # a "No" on training would cap the rating at low, but training is not due early
    result = assess(staged, {"users": "full", "money": "full", "owner": "part", "training": "missing", "data": "unknown"},
                    stage="early")
    assert (result["total"], result["answered"], result["unknown"]) == (3, 3, 0)
    assert result["share"] == pytest.approx(5 / 6) and result["rating"] == "high" and result["capped_by"] == []
    assert result["not_due"] == ["training", "data"]
    assert [r["before_due"] for r in result["items"] if not r["due"]] == ["Ask for the training plan.", "Ask for the migration plan."]
    # the same answers once they are due
    late = assess(staged, {"users": "full", "money": "full", "owner": "part", "training": "missing", "data": "full"},
                  stage="late")
    assert (late["total"], late["rating"], late["capped_by"], late["not_due"]) == (5, "low", ["training"], [])


def test_without_a_stage_a_tool_with_stages_gives_no_rating_but_shows_findings(staged):
    answers = {"users": "full", "money": "missing", "owner": "full", "training": "full", "data": "full"}
    for stage in (None, "", "someday", 3):
        result = assess(staged, answers, stage=stage)
        assert (result["stage"], result["complete"], result["rating"], result["confidence"]) == (None, False, None, None)
        assert result["strengths"] == ["users", "owner", "training", "data"] and result["gaps"] == ["money"]


@pytest.mark.parametrize("unknown, due, level", [
    (0, 15, "good"), (3, 15, "good"), (4, 15, "limited"), (5, 15, "limited"), (6, 15, "low"), (11, 15, "low"),
    (1, 5, "good"), (2, 5, "low"), (1, 6, "good"), (2, 6, "limited"), (3, 6, "low"), (6, 16, "limited"), (7, 16, "low"),
])
def test_confidence_is_the_share_of_the_questions_due_that_are_unknown(unknown, due, level):
    assert confidence(unknown, due) == level


def test_a_mostly_unknown_project_gets_no_colour_but_its_evidence_gaps_first():
    known = {"honest-reporting": "part", "go-live-criteria": "part", "staff-trained": "missing", "data-migration": "part"}
    answers = {i.id: known.get(i.id, "unknown") for i in HEALTH.items}
    result = assess(HEALTH, answers, stage="go-live-readiness")
    assert result["complete"] and result["rating"] is None and result["rating_label"] is None
    assert result["confidence_label"] == "Low confidence: 11 of 15 unknown"
    assert len(result["unknowns"]) == 11 and set(result["unknowns"]) <= set(result["gaps"])
    # what is known still bounds it: the training answer caps it at Amber/Red even if every unknown were a yes
    assert result["at_best"] == "amber-red" and result["capped_by"] == []
    # the same answers with four unknowns turned into "No" are rated, with limited confidence
    fewer = dict(answers, **{item_id: "missing" for item_id in result["unknowns"][:7]})
    rated = assess(HEALTH, fewer, stage="go-live-readiness")
    assert (rated["confidence"], rated["rating"]) == ("limited", "red")


def test_the_strategy_review_says_how_confident_it_is_too():
    review = load_tool(ROOT / TOOL_DIR / "strategy-review.yml")
    assert review.stages == []
    answers = {i.id: "unknown" if n % 2 else "full" for n, i in enumerate(review.items)}
    result = assess(review, answers)
    assert (result["confidence"], result["rating"], result["at_best"]) == ("low", None, review.ratings[0].id)
    answers = {i.id: "full" for i in review.items}
    assert assess(review, answers, stage="business-case")["stage"] is None  # no stages: a stage is ignored


def test_health_check_rates_on_the_five_point_delivery_confidence_scale():
    tool = load_tool(ROOT / TOOL_DIR / "health-check.yml")
    assert [r.id for r in tool.ratings] == ["green", "amber-green", "amber", "amber-red", "red"]
    assert [r.label for r in tool.ratings] == ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"]
    assert any(item.caps for item in tool.items)


CONTRACT = load_tool(ROOT / TOOL_DIR / "contract-review.yml")
PRACTICE_PAGE = ROOT / "book" / "deciding" / "practice-case.md"


def test_the_contract_review_covers_what_an_epr_contract_must_say():
    ids = {i.id for i in CONTRACT.items}
    assert len(ids) >= 14 and CONTRACT.stages == []
    for must in ("open-interfaces", "national-standards", "information-standards", "data-export", "exit-plan", "escrow",
                 "controller-processor", "security-duties", "incident-audit", "break-points", "price-of-change"):
        assert must in ids, must
    # no right to export the organisation's own data is a show-stopper, whatever else is sound
    worst = CONTRACT.ratings[-1].id
    assert CONTRACT.item("data-export").caps["missing"] == worst
    answers = {i.id: "full" for i in CONTRACT.items}
    assert assess(CONTRACT, answers)["rating"] == CONTRACT.ratings[0].id
    result = assess(CONTRACT, dict(answers, **{"data-export": "missing"}))
    assert (result["rating"], result["capped_by"]) == (worst, ["data-export"])
    assert result["share"] > CONTRACT.ratings[1].min_share  # the points alone would allow a better view


def worked_example_on_its_page(tool, page_path: Path, example):
    """The rules' result for a worked example, checked against the model answer on the page that shows
    the tool: the result line in words, the band the points alone give where a cap holds it lower,
    and the tool placed before the answer. Returns the result, the band and the answer's text."""
    result = assess(tool, example.answers)
    rating = next(r for r in tool.ratings if r.id == example.rating)
    band = next(r for r in tool.ratings if result["share"] >= r.min_share)
    page = page_path.read_text(encoding="utf-8")
    answer = page[page.index("Model answer"):]
    assert f"**The result: {rating.label}, with good confidence ({result['unknown']} of {result['total']} unknown).**" in answer
    assert band == rating or f'"{band.label}"' in answer
    assert f"```{{{tool.id}}}" in page and page.index(f"```{{{tool.id}}}") < page.index("Model answer")
    return result, band != rating, answer


def test_the_practice_case_is_held_down_by_its_show_stoppers_and_its_page_says_so():
    example = next(e for e in CONTRACT.examples if e.id == "practice-case")
    # the model answer on the practice case page gives the rules' result, in words
    result, capped, answer = worked_example_on_its_page(CONTRACT, PRACTICE_PAGE, example)
    assert capped and len(result["capped_by"]) >= 2  # a cap, not the share, decides it
    assert f"{round(result['share'] * 100)}%" in answer


def test_the_share_of_points_picks_the_band(mini):
    assert assess(mini, {"users": "full", "safety": "full", "money": "full"})["rating"] == "high"
    assert assess(mini, {"users": "full", "safety": "full", "money": "part"})["rating"] == "high"  # 5/6
    assert assess(mini, {"users": "full", "safety": "part", "money": "part"})["rating"] == "medium"  # 4/6
    assert assess(mini, {"users": "part", "safety": "part", "money": "part"})["rating"] == "medium"  # exactly 0.5
    assert assess(mini, {"users": "missing", "safety": "part", "money": "part"})["rating"] == "low"


def test_a_cap_holds_the_rating_down_and_names_its_cause(mini):
    result = assess(mini, {"users": "full", "safety": "missing", "money": "full"})
    assert (result["rating"], result["capped_by"]) == ("low", ["safety"])
    assert result["gaps"][0] == "safety"
    # a cap no worse than the band changes nothing and is not named
    result = assess(mini, {"users": "part", "safety": "unknown", "money": "full"})
    assert (result["rating"], result["capped_by"]) == ("medium", [])


def test_no_rating_until_every_question_is_answered_but_findings_show(mini):
    result = assess(mini, {"users": "full", "money": "missing"})
    assert (result["complete"], result["rating"], result["answered"], result["total"]) == (False, None, 2, 3)
    assert result["strengths"] == ["users"] and result["gaps"] == ["money"]
    row = next(r for r in result["items"] if r["id"] == "money")
    assert row["text"] == "Not funded." and row["ask"] == ["Where is the money?"] and row["answer_text"] == "No"


def test_gaps_come_worst_first_then_in_file_order(mini):
    result = assess(mini, {"users": "part", "safety": "part", "money": "unknown"})
    assert result["gaps"] == ["money", "users", "safety"]


@pytest.mark.parametrize("answers", [None, [], "full", {"users": "yes", "nobody": "full", "money": 2}])
def test_answers_that_fit_no_rule_are_ignored(mini, answers):
    result = assess(mini, answers)
    assert result["answered"] == 0 and result["rating"] is None


def test_the_fallback_is_a_paper_checklist(mini, staged):
    html = fallback_html(mini)
    assert html.count('class="br-tool-item"') == 3
    assert html.count("<li>We do not know</li>") == 3
    for rating in mini.ratings:
        assert f"<dt>{rating.label}</dt>" in html
    assert "Who signed it?" in html
    assert "br-stage-boxes" not in html and "two in five" in html
    html = fallback_html(staged)
    assert "<li><strong>Early.</strong> Before the contract is signed.</li>" in html
    assert html.count('class="br-due"') == 2 and "Due from: Late. Before then, ask for the training plan." in html


BROKEN = [
    ("  - id: part\n    label: Partly", "  - id: partial\n    label: Partly", 11, "'id' must be"),
    ("    min_share: 0.5\n", "    min_share: 0.9\n", 28, "each min_share must be lower than the one before"),
    ("    min_share: 0\n", "    min_share: 0.1\n", 32, "the last rating must have min_share 0"),
    ("      missing: low\n", "      missing: lowest\n", 53, "cap 'lowest' is not a rating (ratings: high, medium, low)"),
    ("    rating: low\n", "    rating: medium\n", 80, "example 'capped' says 'medium', but the rules give 'low' (share 0.67, 0 of 3 unknown, capped by safety)"),
    ("    answers: {users: full, safety: full, money: full}", "    answers: {users: full, safety: full}", 72,
     "example 'all-good' leaves unanswered: money"),
    ("      - Where is the money?\n    sources:\n      - title: A source\n        url: https://example.org/money\n",
     "      - Where is the money?\n", 58, "missing required key 'sources'"),
    ("id: mini\n", "id: other\n", 2, "tool id 'other' must match the file name 'mini.yml'"),
]


BROKEN_STAGES = [
    ("    due_from: late\n    before_due: Ask for the training plan.", "    due_from: later\n    before_due: Ask.", 78,
     "item 'training' is due from 'later', which is not a stage, so it is due at no stage (stages: early, late)"),
    ("    before_due: Ask for the training plan.\n", "", 78, "item 'training' is not due at 'early': add 'before_due'"),
    ("    section: Early\n    question: Is it funded?\n", "    section: Early\n    question: Is it funded?\n    before_due: Ask.\n", 54,
     "item 'money' is due from the first stage, so its 'before_due' would never show"),
    ("  - id: late\n    label: Late", "  - id: early\n    label: Late", 11, "duplicate stage id 'early'"),
    ("    stage: early\n", "", 98, "example 'early-and-sound' needs a 'stage', one of: early, late"),
    ("    stage: early\n", "    stage: middle\n", 101, "stage 'middle' is not a stage (stages: early, late)"),
    ("    answers: {users: full, money: full, owner: full}", "    answers: {users: full, money: full, owner: full, data: full}", 102,
     "example answers item 'data', which is not due at stage 'early'"),
    ("    confidence: low\n", "    confidence: good\n", 110,
     "example 'late-and-unknown' says confidence 'good', but the rules give 'low' (share 0.60, 2 of 5 unknown)"),
    ("    at_best: high\n", "    rating: high\n", 111, "example 'late-and-unknown' has low confidence, so the tool gives no rating"),
    ("    at_best: high\n", "", 105, "example 'late-and-unknown' has low confidence: give 'at_best' (the rules give 'high')"),
    ("    at_best: high\n", "    at_best: medium\n", 111,
     "example 'late-and-unknown' says at best 'medium', but the rules give 'high'"),
]


def test_items_and_examples_need_stages_only_in_a_tool_with_stages(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("      - Who did you meet?\n", "      - Who did you meet?\n    due_from: early\n")
    text = text.replace("    answers: {users: full, safety: full, money: full}", "    stage: early\n    answers: {users: full, safety: full, money: full}")
    broken = tmp_path / "mini.yml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load_tool(broken)
    assert [(p.line, p.message) for p in found.value.problems] == [(41, "'due_from' needs a list of 'stages' in the tool")]
    broken.write_text(text.replace("    due_from: early\n", ""), encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load_tool(broken)
    assert [(p.line, p.message) for p in found.value.problems] == [(72, "'stage' needs a list of 'stages' in the tool")]


@pytest.mark.parametrize("fixture, old, new, line, message", [(MINI, *b) for b in BROKEN] + [(STAGED, *b) for b in BROKEN_STAGES],
                         ids=[b[3][:40] for b in BROKEN + BROKEN_STAGES])
def test_broken_rules_are_reported_by_file_and_line(tmp_path, fixture, old, new, line, message, capsys):
    text = fixture.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / fixture.name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load_tool(broken)
    problems = [(p.line, p.message) for p in found.value.problems]
    assert any(l == line and message in m for l, m in problems), problems
    # the command line says the same, one line a problem, and exits 1
    tools = tmp_path / "tools"
    tools.mkdir()
    broken.rename(tools / fixture.name)
    assert main(["validate", str(tools / fixture.name)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert any(re.fullmatch(rf".*tools/{fixture.stem}\.yml:{line}: .*", row) and message in row for row in out), out


AI_CHECK = load_tool(ROOT / TOOL_DIR / "ai-adoption-check.yml")
AI_PRACTICE_PAGE = ROOT / "book" / "ai-and-data" / "practice-case.md"


def test_the_ai_adoption_check_asks_what_an_ai_switch_on_needs():
    """The issue's four musts (evaluation, device status, output checking, liability) and the law's
    (a DPIA first, the supplier as processor, no training on patients' data by default) are items;
    a product that is not shown to be lawfully on the market, or whose DPIA is missing, cannot pass."""
    ids = {i.id for i in AI_CHECK.items}
    for must in ("evaluation-plan", "device-status", "output-checking", "liability", "dpia", "processor-terms",
                 "no-training-use", "deployment-safety", "whole-cost", "stop-criteria"):
        assert must in ids, must
    assert AI_CHECK.stages == []
    worst = AI_CHECK.ratings[-1].id
    best = {i.id: "full" for i in AI_CHECK.items}
    assert assess(AI_CHECK, best)["rating"] == AI_CHECK.ratings[0].id
    for stopper in ("device-status", "dpia"):
        result = assess(AI_CHECK, dict(best, **{stopper: "missing"}))
        assert (result["rating"], result["capped_by"]) == (worst, [stopper])
        assert result["share"] > AI_CHECK.ratings[1].min_share  # the points alone would allow much better


def test_the_ai_practice_case_is_held_down_by_its_show_stoppers_and_its_page_says_so():
    example = next(e for e in AI_CHECK.examples if e.id == "practice-case")
    result, capped, answer = worked_example_on_its_page(AI_CHECK, AI_PRACTICE_PAGE, example)
    assert capped and len(result["capped_by"]) >= 2
    assert f"{result['share'] * 100:g}%" in answer
    points = {s.id: s.points for s in AI_CHECK.scale}
    earned, most = sum(points[a] for a in example.answers.values()), max(points.values()) * len(AI_CHECK.items)
    assert f"{earned} of the {most} points" in answer or f"{earned} of {most} points" in answer


READINESS = load_tool(ROOT / TOOL_DIR / "board-readiness.yml")
READINESS_PAGE = ROOT / "book" / "governing" / "board-readiness.md"


def test_the_board_self_assessment_covers_direction_incidents_suppliers_and_skills():
    """At least 14 items, each with sources and questions; the board's own direction (CAF A1.a), an
    exercised incident, pre-agreed decisions for the day systems are down, critical suppliers and the
    board's skills are all asked; a board with nothing agreed for that day cannot be rated ready."""
    ids = {i.id for i in READINESS.items}
    assert len(ids) >= 14 and READINESS.stages == []
    for must in ("collective-responsibility", "risk-appetite", "incident-exercised", "systems-down-decisions",
                 "critical-suppliers", "skills-and-development", "digital-leader-voice", "decision-rights"):
        assert must in ids, must
    best = {i.id: "full" for i in READINESS.items}
    assert assess(READINESS, best)["rating"] == READINESS.ratings[0].id
    result = assess(READINESS, dict(best, **{"systems-down-decisions": "missing"}))
    assert result["capped_by"] == ["systems-down-decisions"] and result["rating"] not in (
        READINESS.ratings[0].id, READINESS.ratings[1].id)


def test_the_board_readiness_model_answer_states_the_rules_result():
    result, _, answer = worked_example_on_its_page(READINESS, READINESS_PAGE, READINESS.examples[0])
    assert f"{round(result['share'] * 100)}%" in answer
    # results are private to the person who fills it in, as with every tool
    assert "Nothing is sent anywhere" in READINESS_PAGE.read_text(encoding="utf-8")
