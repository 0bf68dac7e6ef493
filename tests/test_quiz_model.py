"""The bank format and marking, in Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardroom.quiz.banks import load_bank, payload, revision
from boardroom.quiz.giveaways import measure
from boardroom.quiz.model import Bank
from boardroom.quiz.scoring import is_correct, normalise, response_text, results

FIXTURES = Path(__file__).parent / "fixtures"
CASES = json.loads((FIXTURES / "normalise_cases.json").read_text(encoding="utf-8"))


@pytest.fixture
def bank() -> Bank:
    return load_bank(FIXTURES / "every-type.yml")


def question(bank: Bank, qid: str):
    return next(q for q in bank.questions if q.id == qid)


@pytest.mark.parametrize(("accepted", "typed", "match"), CASES)
def test_normalise_ignores_case_spacing_hyphens_and_punctuation(accepted, typed, match):
    assert (normalise(accepted) == normalise(typed) and normalise(typed) != "") is match


def test_single_choice_marks_only_the_answer(bank):
    q = question(bank, "epr")
    assert is_correct(q, "record")
    assert not is_correct(q, "portal")
    assert not is_correct(q, ["record"])  # wrong shape is not an answer
    assert not is_correct(q, None)


def test_multiple_answer_needs_exactly_the_right_set(bank):
    q = question(bank, "national-systems")
    assert is_correct(q, ["spine", "eps"])
    assert is_correct(q, ["eps", "spine"])  # order does not matter
    assert not is_correct(q, ["spine"])  # one missing
    assert not is_correct(q, ["spine", "eps", "excel"])  # one extra
    assert not is_correct(q, "spine")


def test_true_false(bank):
    q = question(bank, "ccg-current")
    assert is_correct(q, False)
    assert not is_correct(q, True)
    assert not is_correct(q, "false")  # text is not a boolean


def test_matching_needs_every_item_right(bank):
    q = question(bank, "match-acronyms")
    right = {"fhir": "standard", "dspt": "toolkit", "sro": "owner"}
    assert is_correct(q, right)
    assert not is_correct(q, {**right, "sro": "toolkit"})
    assert not is_correct(q, {"fhir": "standard"})


def test_short_answer_accepts_listed_alternatives_tolerantly(bank):
    q = question(bank, "hscn")
    for typed in ["HSCN", "hscn", " h-s-c-n ", "Health and Social Care Network", "health and social-care network."]:
        assert is_correct(q, typed), typed
    assert not is_correct(q, "health & social care network")  # "and" is a word, not punctuation
    assert not is_correct(q, "N3")
    assert not is_correct(q, "   ")


def test_results_mark_in_python_and_ignore_malformed_entries(bank):
    answers = {
        "epr": {"response": "record", "attempts": 2},
        "national-systems": {"response": ["spine"], "attempts": 1},
        "ccg-current": {"response": "not a boolean", "attempts": 1},
        "match-acronyms": "garbage",
        "unknown-question": {"response": "x"},
    }
    out = results(bank, answers, revision(bank))
    rows = {r["id"]: r for r in out["questions"]}
    assert out["format"] == "boardroom-results" and out["version"] == 1
    assert out["score"] == 1 and out["answered"] == 2 and out["total"] == len(bank.questions)
    assert rows["epr"]["correct"] and rows["epr"]["attempts"] == 2
    assert rows["national-systems"]["answered"] and not rows["national-systems"]["correct"]
    assert not rows["ccg-current"]["answered"] and rows["ccg-current"]["response"] is None
    assert not rows["match-acronyms"]["answered"]
    assert "unknown-question" not in rows


def test_results_accept_anything_without_raising(bank):
    for junk in [None, [], "text", 7, {"epr": None}, {"epr": {"response": {"a": 1}}}]:
        assert results(bank, junk, "r")["score"] == 0


def test_response_text_reads_as_words(bank):
    assert response_text(question(bank, "epr"), "record") == "Electronic patient record"
    assert response_text(question(bank, "ccg-current"), False) == "False"
    matched = response_text(question(bank, "match-acronyms"), {"fhir": "standard", "dspt": "toolkit", "sro": "owner"})
    assert matched.startswith("FHIR = ")


def test_revision_changes_with_content(bank):
    edited = bank.model_copy(update={"title": bank.title + " (edited)"})
    assert revision(bank) != revision(edited)
    assert payload(bank)["revision"] == revision(bank)


def test_options_are_shuffled_unless_a_bank_says_otherwise(bank):
    assert bank.shuffle is True and payload(bank)["shuffle"] is True  # every-type.yml does not mention it
    kept = Bank.model_validate({**bank.model_dump(), "shuffle": False, "shuffle_reason": "An ordered scale."})
    assert payload(kept)["shuffle"] is False


def test_figures_measure_the_bank_as_written(bank):
    figures = measure(bank)
    assert figures.choice == ["epr", "national-systems"]
    # each question's two longest options tie ("Electronic patient record" and "... portal", 25 characters;
    # "Electronic Prescription Service" and "A spreadsheet on a shared drive", 31): a tie counts for nobody
    assert figures.longest_right == []
    assert dict(figures.single_positions) == {1: 1}
    assert dict(figures.multiple_positions) == {1: 1, 2: 1} and figures.right_first == ["national-systems"]
    assert dict(figures.true_false) == {False: 1}
