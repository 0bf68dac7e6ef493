"""The review tools' rules and engine: strategy review and project health check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from boardroom.cli import main
from boardroom.problems import ProblemsFound
from boardroom.tools.data import TOOL_DIR, load_tool
from boardroom.tools.engine import assess
from boardroom.tools.render import fallback_html

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "tools" / "mini.yml"


@pytest.fixture(scope="module")
def mini():
    return load_tool(MINI)


@pytest.mark.parametrize("tool_id, examples", [("strategy-review", 1), ("health-check", 2)])
def test_the_course_tools_load_with_cited_rules_and_worked_examples(tool_id, examples):
    tool = load_tool(ROOT / TOOL_DIR / f"{tool_id}.yml")  # also checks each example's rating
    assert 10 <= len(tool.items) <= 16
    assert len(tool.examples) >= examples
    assert all(item.sources and item.ask for item in tool.items)
    assert len(tool.ratings) >= 3 and tool.ratings[-1].min_share == 0
    for example in tool.examples:
        assert assess(tool, example.answers)["rating"] == example.rating


def test_health_check_rates_on_the_five_point_delivery_confidence_scale():
    tool = load_tool(ROOT / TOOL_DIR / "health-check.yml")
    assert [r.id for r in tool.ratings] == ["green", "amber-green", "amber", "amber-red", "red"]
    assert [r.label for r in tool.ratings] == ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"]
    assert any(item.caps for item in tool.items)


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


def test_the_fallback_is_a_paper_checklist(mini):
    html = fallback_html(mini)
    assert html.count('class="br-tool-item"') == 3
    assert html.count("<li>We do not know</li>") == 3
    for rating in mini.ratings:
        assert f"<dt>{rating.label}</dt>" in html
    assert "Who signed it?" in html


BROKEN = [
    ("  - id: part\n    label: Partly", "  - id: partial\n    label: Partly", 11, "'id' must be"),
    ("    min_share: 0.5\n", "    min_share: 0.9\n", 28, "each min_share must be lower than the one before"),
    ("    min_share: 0\n", "    min_share: 0.1\n", 32, "the last rating must have min_share 0"),
    ("      missing: low\n", "      missing: lowest\n", 53, "cap 'lowest' is not a rating (ratings: high, medium, low)"),
    ("    rating: low\n", "    rating: medium\n", 78, "example 'capped' says 'medium', but the rules give 'low' (share 0.67, capped by safety)"),
    ("    answers: {users: full, safety: full, money: full}", "    answers: {users: full, safety: full}", 72,
     "example 'all-good' leaves unanswered: money"),
    ("      - Where is the money?\n    sources:\n      - title: A source\n        url: https://example.org/money\n",
     "      - Where is the money?\n", 58, "missing required key 'sources'"),
    ("id: mini\n", "id: other\n", 2, "tool id 'other' must match the file name 'mini.yml'"),
]


@pytest.mark.parametrize("old, new, line, message", BROKEN, ids=[b[3][:40] for b in BROKEN])
def test_broken_rules_are_reported_by_file_and_line(tmp_path, old, new, line, message, capsys):
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "mini.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load_tool(broken)
    problems = [(p.line, p.message) for p in found.value.problems]
    assert any(l == line and message in m for l, m in problems), problems
    # the command line says the same, one line a problem, and exits 1
    tools = tmp_path / "tools"
    tools.mkdir()
    broken.rename(tools / "mini.yml")
    assert main(["validate", str(tools / "mini.yml")]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert any(re.fullmatch(rf".*tools/mini\.yml:{line}: .*", row) and message in row for row in out), out
