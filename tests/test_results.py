"""The room's results: reading a folder of learners' files and summarising it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from boardroom.cli import main
from boardroom.quiz.banks import load_bank
from boardroom.results import summarise_folder
from boardroom.results.read import read_folder
from resultfiles import ROOT, quiz_file, tool_file, write

BANK = load_bank(ROOT / "exercises" / "quizzes" / "jargon.yml")
Q = [q.id for q in BANK.questions]


@pytest.fixture
def room(tmp_path) -> Path:
    """Five quizzes, four health checks, and seven files that must each be skipped for its own reason."""
    folder = tmp_path / "room"
    folder.mkdir()
    wrong_sets = [{Q[0]}, {Q[0], Q[1]}, {Q[0]}, set(), {Q[0], Q[2]}]
    for n, wrong_ids in enumerate(wrong_sets):
        write(folder, f"quiz-{n}.json", quiz_file("jargon", wrong_ids, f"2026-12-01T10:0{n}:00Z",
                                                  skip={Q[-1]} if n == 4 else frozenset()))
    health = load_tool_items()
    stage = "go-live-readiness"
    write(folder, "check-a.json", tool_file("health-check", {i: "full" for i in health}, "2026-12-01T11:00:00Z", stage))
    write(folder, "check-b.json", tool_file("health-check", {i: "missing" for i in health}, "2026-12-01T11:01:00Z", stage))
    write(folder, "check-c.json", tool_file("health-check", {health[0]: "full"}, "2026-12-01T11:02:00Z", stage))
    # everything due at business case is unknown: too little known to rate
    write(folder, "check-d.json", tool_file("health-check", {i: "unknown" for i in health}, "2026-12-01T11:03:00Z",
                                            "business-case"))
    older = tool_file("health-check", {i: "full" for i in health}, "2026-11-01T11:00:00Z", stage)
    older["version"] = 1  # saved before the check asked for the stage
    write(folder, "check-older.json", older)
    text = (folder / "quiz-0.json").read_text(encoding="utf-8")
    write(folder, "quiz-0 (copy).json", text)
    write(folder, "truncated.json", text[:300])
    (folder / "corrupt.json").write_bytes(b"\xff\xfe\x00garbage")
    old = json.loads(text)
    old["version"] = 0
    write(folder, "old-version.json", old)
    write(folder, "not-ours.json", {"hello": "world"})
    write(folder, "quiz-0.csv", "bank,question\n")
    return folder


@pytest.fixture
def contract_room(tmp_path) -> Path:
    """Four contract reviews of the practice case: the model answer, a reader who found everything sound,
    one who knew too little to rate it, and one who stopped halfway."""
    from boardroom.tools.data import load_tool

    tool = load_tool(ROOT / "exercises" / "tools" / "contract-review.yml")
    model = dict(tool.examples[0].answers)
    folder = tmp_path / "contracts"
    folder.mkdir()
    write(folder, "contract-model.json", tool_file("contract-review", model, "2026-12-04T10:00:00Z"))
    write(folder, "contract-trusting.json", tool_file("contract-review", {i.id: "full" for i in tool.items},
                                                      "2026-12-04T10:01:00Z"))
    write(folder, "contract-unsure.json", tool_file("contract-review", {i.id: "unknown" for i in tool.items},
                                                    "2026-12-04T10:02:00Z"))
    half = dict(list(model.items())[: len(model) // 2])
    write(folder, "contract-half.json", tool_file("contract-review", half, "2026-12-04T10:03:00Z"))
    return folder


def test_contract_reviews_are_summarised_in_the_tool_s_own_words(contract_room, capsys):
    summary = summarise_folder(contract_room)
    assert (summary.read, len(summary.skipped), summary.quizzes) == (4, 0, [])
    tool = summary.tools[0]
    assert (tool.tool, tool.title, tool.files, tool.complete, tool.declined) == ("contract-review", "Contract review", 4, 3, 1)
    assert tool.spread() == [("Ready to sign", 1), ("Sign after named changes", 0), ("Renegotiate before signing", 0),
                             ("Do not sign", 1)]
    assert tool.stage_spread() == []  # the contract review has no stages
    # the model answer's show-stoppers are among the gaps the room found most
    assert tool.gaps["data-export"] >= 2 and tool.gaps["lawful-award"] >= 2
    assert main(["results", "summarise", str(contract_room)]) == 0
    html = (contract_room / "summary.html").read_text(encoding="utf-8")
    assert "Contract review" in html and "Do not sign" in html
    assert "Can the organisation export all of its data" in html


def test_a_boards_self_assessments_are_summarised_for_the_board_to_compare(tmp_path):
    """Board members fill in "Is our board ready?" on their own and share the files: the summary shows
    the spread of their views in the tool's words and the gaps most of them saw, with no names."""
    from boardroom.tools.data import load_tool

    tool = load_tool(ROOT / "exercises" / "tools" / "board-readiness.yml")
    example = dict(tool.examples[0].answers)
    folder = tmp_path / "board"
    folder.mkdir()
    write(folder, "board-readiness-results.json", tool_file("board-readiness", example, "2026-12-04T09:00:00Z"))
    write(folder, "board-readiness-results (1).json",
          tool_file("board-readiness", dict(example, **{"systems-down-decisions": "missing"}), "2026-12-04T09:01:00Z"))
    write(folder, "board-readiness-results (2).json",
          tool_file("board-readiness", {i.id: "full" for i in tool.items}, "2026-12-04T09:02:00Z"))
    summary = summarise_folder(folder)
    assert (summary.read, len(summary.skipped)) == (3, 0)
    got = summary.tools[0]
    assert (got.tool, got.title, got.files, got.complete) == ("board-readiness", tool.title, 3, 3)
    spread = dict(got.spread())
    assert list(spread) == [r.label for r in tool.ratings] and sum(spread.values()) == 3
    assert spread[tool.ratings[0].label] == 1
    assert got.gaps["systems-down-decisions"] == 2
    assert main(["results", "summarise", str(folder)]) == 0
    html = (folder / "summary.html").read_text(encoding="utf-8")
    assert tool.title in html and "2 of 3" in html  # the gaps most of the board saw, in the tool's words
    assert tool.item("critical-suppliers").question[:60] in html  # the example's one unknown, twice


def load_tool_items() -> list[str]:
    from boardroom.tools.data import load_tool

    return [i.id for i in load_tool(ROOT / "exercises" / "tools" / "health-check.yml").items]


def test_every_file_is_read_or_skipped_by_name_with_a_reason(room):
    found = read_folder(room)
    read = sorted(name for name, _ in found.read)
    reasons = {s.name: s.reason for s in found.skipped}
    # of a file and its copy, the first in name order counts and the other is named as its copy
    assert read == ["check-a.json", "check-b.json", "check-c.json", "check-d.json", "quiz-0 (copy).json",
                    "quiz-1.json", "quiz-2.json", "quiz-3.json", "quiz-4.json"]
    assert reasons["quiz-0.json"] == "a copy of quiz-0 (copy).json, already counted"
    assert reasons["truncated.json"].startswith("not valid JSON at line")
    assert reasons["corrupt.json"] == "not UTF-8 text: corrupt"
    assert reasons["old-version.json"] == "results format version 0; this summariser reads version 1"
    assert reasons["check-older.json"].startswith("review-tool results in format version 1, saved before the tools asked")
    assert reasons["not-ours.json"].startswith("not a results file")
    assert reasons["quiz-0.csv"].startswith("a CSV download")
    assert len(found.read) + len(found.skipped) == len(list(room.iterdir()))


def test_the_summary_counts_scores_hardest_questions_wrong_answers_and_ratings(room):
    summary = summarise_folder(room)
    assert (summary.read, len(summary.skipped)) == (9, 7)
    quiz = summary.quizzes[0]
    total = len(Q)
    assert (quiz.bank, quiz.files, quiz.finished, quiz.total, quiz.remarked) == ("jargon", 5, 4, total, True)
    assert sorted(quiz.scores) == sorted([total - 1, total - 2, total - 1, total, total - 3])
    hardest = quiz.hardest(2)
    assert hardest[0].id == Q[0] and (hardest[0].correct, hardest[0].answered) == (1, 5)
    assert hardest[0].wrong_answers.most_common(1)[0][1] == 4
    assert quiz.questions[Q[-1]].answered == 4  # one learner left the last question
    tool = summary.tools[0]
    assert (tool.tool, tool.files, tool.complete, tool.declined) == ("health-check", 4, 3, 1)
    assert tool.spread() == [("Green", 1), ("Amber/Green", 0), ("Amber", 0), ("Amber/Red", 0), ("Red", 1)]
    assert tool.stage_spread() == [("Business case", 1), ("Go-live readiness", 3)]
    assert tool.confidence == {"good": 2, "low": 1}
    assert tool.gaps.most_common(1)[0][1] == 2  # the business-case unknowns are gaps too
    business_case_items = 6
    assert len(tool.unknowns) == business_case_items and set(tool.unknowns.values()) == {1}


def test_answers_are_marked_again_from_the_bank_not_taken_from_the_file(room):
    tampered = json.loads((room / "quiz-1.json").read_text(encoding="utf-8"))
    for row in tampered["questions"]:
        row["correct"] = True  # the file claims full marks; its responses say otherwise
    tampered["saved_at"] = "2026-12-01T12:00:00Z"
    write(room, "quiz-9.json", tampered)
    quiz = summarise_folder(room).quizzes[0]
    assert sorted(quiz.scores).count(len(Q) - 2) == 2


def test_the_html_and_csv_say_what_was_read_and_skipped(room, capsys):
    assert main(["results", "summarise", str(room)]) == 0
    out = capsys.readouterr().out
    assert f"skipped {room / 'truncated.json'}: not valid JSON" in out
    assert "Read 9 result file(s), skipped 7." in out
    html = (room / "summary.html").read_text(encoding="utf-8")
    assert "Read 9 result file(s); skipped 7." in html
    assert "3 got a rating" not in html and "2 got a rating, and 1 had too much unknown" in html
    assert "<tr><td>Business case</td><td>1</td></tr>" in html and "The evidence most often missing" in html
    assert html.count('<img class="chart" src="data:image/svg+xml;base64,') == 2
    assert "truncated.json" in html and BANK.questions[0].prompt in html
    rows = list(csv.DictReader((room / "summary.csv").open(encoding="utf-8")))
    figures = {(r["section"], r["quiz_or_tool"], r["question"], r["measure"]): r["value"] for r in rows}
    assert figures[("files", "", "", "read")] == "9" and figures[("files", "", "", "skipped")] == "7"
    assert figures[("quiz", "jargon", Q[0], "correct")] == "1"
    assert figures[("tool", "health-check", "", "rating: Green")] == "1"
    assert figures[("tool", "health-check", "", "not rated: low confidence")] == "1"
    assert figures[("tool", "health-check", "", "stage: Go-live readiness")] == "3"
    assert figures[("tool", "health-check", "", "confidence: low")] == "1"
    # the summary's own files are not read as results the second time round
    assert main(["results", "summarise", str(room)]) == 0
    assert "Read 9 result file(s), skipped 7." in capsys.readouterr().out


def test_an_empty_or_missing_folder_is_a_one_line_error(tmp_path, capsys):
    assert main(["results", "summarise", str(tmp_path / "nowhere")]) == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'nowhere'}:1: no such folder"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["results", "summarise", str(empty)]) == 1
    assert "no result file could be read" in capsys.readouterr().err


def test_written_elsewhere_when_asked(room, tmp_path):
    out = tmp_path / "out"
    summarise_folder(room, out)
    assert (out / "summary.html").exists() and (out / "summary.csv").exists()
    assert not (room / "summary.html").exists()
