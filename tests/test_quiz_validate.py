"""Every kind of bad bank gives `file:line: problem` and exit 1, from the command line and the loader."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from boardroom.cli import bank_schema, main
from boardroom.problems import ProblemsFound, display_path
from boardroom.quiz.banks import check_bank, load_bank, load_bank_by_id

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

GOOD = """\
id: sample
title: A sample
questions:
  - id: one
    type: single
    prompt: Pick a
    options:
      - id: a
        text: A
        feedback: Right, a.
      - id: b
        text: B
        feedback: No, b.
    answer: a
    explanation: It is a.
"""


def write(tmp_path: Path, text: str, name: str = "sample") -> Path:
    path = tmp_path / f"{name}.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ProblemsFound) as caught:
        load_bank(path)
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


def test_good_bank_loads(tmp_path):
    assert load_bank(write(tmp_path, GOOD)).questions[0].id == "one"


def test_bad_yaml_names_the_line(tmp_path):
    path = write(tmp_path, GOOD.replace("    prompt: Pick a", "    prompt: [Pick a"))
    [problem] = problems_of(path)
    assert problem.startswith(("7: YAML syntax", "8: YAML syntax")), problem


def test_unknown_type(tmp_path):
    path = write(tmp_path, GOOD.replace("type: single", "type: essay"))
    assert problems_of(path) == [
        "5: unknown question type 'essay': use one of single, multiple, true_false, matching, short"
    ]


def test_unknown_key(tmp_path):
    path = write(tmp_path, GOOD.replace("    explanation: It is a.", "    explanation: It is a.\n    hint: think"))
    assert problems_of(path) == ["16: unknown key 'hint'"]


def test_misspelt_key_inside_an_option(tmp_path):
    path = write(tmp_path, GOOD.replace("        feedback: No, b.", "        feedbak: No, b."))
    assert problems_of(path) == ["11: missing feedback: add 'feedback'", "13: unknown key 'feedbak'"]


def test_missing_feedback(tmp_path):
    path = write(tmp_path, GOOD.replace("        feedback: Right, a.\n", ""))
    assert problems_of(path) == ["8: missing feedback: add 'feedback'"]


def test_empty_feedback(tmp_path):
    path = write(tmp_path, GOOD.replace("feedback: Right, a.", 'feedback: ""'))
    assert problems_of(path) == ["10: missing feedback: 'feedback' is empty"]


def test_no_correct_answer(tmp_path):
    path = write(tmp_path, GOOD.replace("    answer: a\n", ""))
    assert problems_of(path) == ["4: no correct answer: add 'answer'"]
    multiple = GOOD.replace("type: single", "type: multiple").replace("answer: a", "answer: []")
    assert problems_of(write(tmp_path, multiple)) == ["14: no correct answer: question 'one' lists no option in 'answer'"]


def test_answer_points_at_no_option(tmp_path):
    path = write(tmp_path, GOOD.replace("answer: a", "answer: c"))
    assert problems_of(path) == ["14: answer 'c' points at no option (options: a, b)"]


def test_duplicate_ids(tmp_path):
    second = GOOD.split("questions:\n", 1)[1]
    path = write(tmp_path, GOOD + second.replace("id: b", "id: a"))
    assert problems_of(path) == [
        "16: duplicate question id 'one'",
        "19: duplicate option id 'a' in question 'one'",
    ]


def test_duplicate_yaml_key(tmp_path):
    path = write(tmp_path, GOOD.replace("title: A sample", "title: A sample\ntitle: Again"))
    assert problems_of(path) == ["3: duplicate key 'title'"]


def test_matching_answers_must_point_at_items_and_options(tmp_path):
    path = write(tmp_path, """\
        id: sample
        title: Matching
        questions:
          - id: m
            type: matching
            prompt: Match
            items:
              - {id: x, text: X, feedback: X is 1.}
              - {id: y, text: Y, feedback: Y is 2.}
            options:
              - {id: one, text: "1"}
              - {id: two, text: "2"}
            answer: {x: one, z: three}
            explanation: X is 1 and Y is 2.
        """)
    assert problems_of(path) == [
        "9: no correct answer for item 'y'",
        "13: answer 'three' points at no option (options: one, two)",
        "13: answer names item 'z', which does not exist",
    ]


def test_wrong_value_types_say_what_to_do(tmp_path):
    path = write(tmp_path, GOOD.replace("text: B", "text: yes").replace("id: one", "id: One"))
    assert problems_of(path) == [
        "4: 'id' must be lowercase letters, digits and hyphens, not 'One'",
        "12: 'text' must be text (put it in quotes)",
    ]


def test_bank_id_must_match_file_name(tmp_path):
    assert problems_of(write(tmp_path, GOOD, name="other")) == ["1: bank id 'sample' must match the file name 'other.yml'"]


def test_empty_and_non_utf8_files(tmp_path):
    assert problems_of(write(tmp_path, "")) == ["1: the file is empty"]
    path = tmp_path / "sample.yml"
    path.write_bytes(b"id: sample\ntitle: caf\xe9\n")
    assert problems_of(path) == ["2: not UTF-8 text"]


def test_command_line_prints_file_line_problem_and_exits_1(tmp_path, capsys):
    bad = write(tmp_path, GOOD.replace("answer: a", "answer: c"))
    write(tmp_path, GOOD.replace("id: sample", "id: fine").replace("id: one", "id: fine-one"), name="fine")
    assert main(["validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{bad}:14: answer 'c' points at no option (options: a, b)\n"
    assert "1 problem(s) in 1 file(s); 2 file(s) checked." in err


def test_command_line_passes_good_banks_and_fails_on_none(tmp_path, capsys):
    write(tmp_path, GOOD)
    assert main(["validate", str(tmp_path)]) == 0
    assert main(["validate", str(tmp_path / "missing.yml")]) == 1
    assert "missing.yml:1: no such file or folder" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["validate", str(empty)]) == 1


@pytest.mark.parametrize("module", ["boardroom", "boardroom.cli"])
def test_console_script_gives_one_line_and_no_traceback(tmp_path, module):
    bad = write(tmp_path, "id: sample\n  title: [oops\n")
    done = subprocess.run([sys.executable, "-m", module, "validate", str(bad)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.startswith(f"{bad}:2: YAML syntax")


def test_the_course_banks_are_valid():
    assert main(["validate", str(ROOT / "exercises" / "quizzes")]) == 0


def test_schema_file_is_current():
    committed = (ROOT / "exercises" / "quizzes" / "schema.json").read_text(encoding="utf-8")
    assert committed == bank_schema(), "exercises/quizzes/schema.json is stale: run 'boardroom schema'"
    schema = json.loads(committed)
    assert set(schema["required"]) == {"id", "title", "questions"}
    # an editor asks for a reason when shuffling is turned off
    assert schema["if"]["properties"]["shuffle"] == {"const": False}
    assert schema["then"] == {"required": ["shuffle_reason"]}
    assert schema["properties"]["shuffle"]["default"] is True
    assert {"SingleChoice", "MultipleAnswer", "TrueFalse", "Matching", "ShortAnswer"} <= set(schema["$defs"])


# Giveaway patterns: each fixture bank has one, found by `boardroom validate` at its line.
GIVEAWAYS = [
    ("shuffle-off", 4, "shuffle is off with no reason: remove 'shuffle: false', or say why"),
    ("longest-right", 4, "the right answer is the longest option in 2 of 3 choice questions (at most 1 allowed): "
                         "make a wrong option the longest in some of lr-one, lr-two"),
    ("first-position", 4, "the right answer is the 1st option in 3 of 4 single-choice questions (at most 2 allowed): "
                          "move it in some of fp-one, fp-two, fp-four"),
    ("right-first", 4, "the right options are the first ones listed in 2 of 2 multiple-response questions"),
    ("true-false-lean", 4, "4 of 5 true/false answers are false (they may differ by at most 2)"),
    ("much-longer", 11, "option 'b' of question 'ml-one' is much longer than the others (90 characters against a mean of 24)"),
    ("above", 11, "option 'c' of question 'ab-one' refers to the other options, which shuffling moves"),
]


@pytest.mark.parametrize(("name", "line", "message"), GIVEAWAYS)
def test_each_giveaway_pattern_fails_validate_at_its_line(name, line, message, capsys):
    path = FIXTURES / "giveaways" / f"{name}.yml"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1, out
    assert out[0].startswith(f"{display_path(path)}:{line}: {message}"), out[0]
    load_bank(path)  # a giveaway is not a format error: the book can still show the bank


def test_shuffle_off_with_a_reason_passes_and_a_stray_reason_does_not(tmp_path):
    check_bank(FIXTURES / "giveaways" / "ordered-scale.yml")
    stray = GOOD.replace("questions:", "shuffle_reason: The options are a scale.\nquestions:")
    with pytest.raises(ProblemsFound) as caught:
        check_bank(write(tmp_path, stray))
    assert [f"{p.line}: {p.message}" for p in caught.value.problems] == [
        "3: 'shuffle_reason' is only for a bank with 'shuffle: false'"]


def test_patterns_below_their_minimum_count_pass(tmp_path):
    # One single-choice question with the answer first, and two true/false both false: too few to be a pattern.
    two_false = "".join(
        f"  - {{id: tf{n}, type: true_false, prompt: P{n}., answer: false, if_true: No., if_false: Yes., explanation: E.}}\n"
        for n in (1, 2))
    check_bank(write(tmp_path, GOOD + two_false))


def test_a_tie_for_longest_counts_for_nobody(tmp_path):
    three = GOOD + "".join(
        GOOD.split("questions:\n", 1)[1].replace("id: one", f"id: q{n}").replace("answer: a", f"answer: {'ba'[n % 2]}")
        .replace("text: A\n", "text: Same\n").replace("text: B\n", "text: Size\n")
        for n in range(3))
    check_bank(write(tmp_path, three))


def test_question_ids_must_be_unique_across_the_banks_of_a_folder(capsys):
    folder = FIXTURES / "shared-ids"
    assert main(["validate", str(folder)]) == 1
    first, second = (display_path(folder / name) for name in ("first.yml", "second.yml"))
    assert capsys.readouterr().out.splitlines() == [
        f"{first}:6: question id 'common' is also used in {second}:5: ids must be unique across all banks",
        f"{second}:5: question id 'common' is also used in {first}:6: ids must be unique across all banks",
    ]
    # validating one file still compares it with the rest of its folder
    assert main(["validate", str(folder / "second.yml")]) == 1
    # and the book (which loads a bank by id) fails on it too
    with pytest.raises(ProblemsFound) as caught:
        load_bank_by_id("second", folder)
    assert [p.line for p in caught.value.problems] == [5]
    load_bank(folder / "second.yml")  # on its own the bank is well formed


def test_bank_figures_reports_where_the_answers_sit(capsys):
    assert main(["bank-figures", str(FIXTURES / "giveaways" / "first-position.yml"),
                 str(FIXTURES / "giveaways" / "right-first.yml")]) == 0
    out = capsys.readouterr().out
    assert "first-position: 4 questions (single 4); shuffle on" in out
    assert "single-choice answers by position: 1st 3, 2nd 1" in out
    assert "right options listed first: 2 of 2" in out
    assert main(["bank-figures", str(FIXTURES / "missing.yml")]) == 1
