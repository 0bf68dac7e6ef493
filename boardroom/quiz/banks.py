"""Load and check question banks, reporting every problem as ``file:line: message``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import yamlfile
from ..problems import Problem, ProblemsFound, display_path
from ..validation import check_id_matches_file, fingerprint, describe, error_field, load_model
from .giveaways import giveaway_problems
from .model import QUESTION_TYPES, Bank, Matching, MultipleAnswer, ShortAnswer, SingleChoice

BANK_DIR = Path("exercises") / "quizzes"
FEEDBACK_FIELDS = {"feedback", "if_true", "if_false", "if_correct", "if_incorrect"}
_TYPES = ", ".join(QUESTION_TYPES)


def bank_path(bank_id: str, folder: Path) -> Path:
    return folder / f"{bank_id}.yml"


def find_banks(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yml"))


def _load(path: Path) -> tuple[Bank, yamlfile.LocatedData]:
    bank, located = load_model(path, Bank, "a bank must be a mapping with id, title and questions", _describe)
    problems = list(_check(bank, located)) + check_id_matches_file("bank", bank.id, path, located)
    if problems:
        raise ProblemsFound(problems)
    return bank, located


def load_bank(path: Path) -> Bank:
    """Read, validate and check one bank; raise :class:`ProblemsFound` listing every problem."""
    return _load(path)[0]


def check_bank(path: Path) -> Bank:
    """What ``boardroom validate`` asks of a bank: :func:`load_bank`, question ids
    unused by the other banks in its folder, and no giveaway patterns."""
    bank, located = _load(path)
    problems = shared_ids(bank, located, path) + giveaway_problems(bank, located)
    if problems:
        raise ProblemsFound(problems)
    return bank


def load_bank_by_id(bank_id: str, folder: Path) -> Bank:
    """A bank for the book: :func:`load_bank`, and its question ids unused by the
    other banks in the folder (result files and page anchors name questions by id)."""
    path = bank_path(bank_id, folder)
    if not path.exists():
        raise ProblemsFound([Problem(display_path(path), 1, f"no question bank '{bank_id}': the file does not exist")])
    bank, located = _load(path)
    problems = shared_ids(bank, located, path)
    if problems:
        raise ProblemsFound(problems)
    return bank


def shared_ids(bank: Bank, located: yamlfile.LocatedData, path: Path) -> list[Problem]:
    """A problem for each question id that another bank in the same folder also uses.

    The other banks are read leniently: a broken one reports itself when it is
    loaded, and here gives whatever ids can be read.
    """
    elsewhere: dict[str, str] = {}
    for other in find_banks(path.parent):
        if other.resolve() == path.resolve():
            continue
        try:
            data = yamlfile.load(other)
        except ProblemsFound:
            continue
        questions = data.data.get("questions") if isinstance(data.data, dict) else None
        for index, q in enumerate(questions if isinstance(questions, list) else []):
            if isinstance(q, dict) and isinstance(q.get("id"), str):
                elsewhere.setdefault(q["id"], f"{data.path}:{data.lines.get(('questions', index, 'id'), 1)}")
    return [
        located.problem(("questions", index, "id"), f"question id '{q.id}' is also used in {elsewhere[q.id]}: "
                        "ids must be unique across all banks")
        for index, q in enumerate(bank.questions)
        if q.id in elsewhere
    ]


def revision(bank: Bank) -> str:
    """A short fingerprint of the bank: progress stored for another revision is dropped.

    A bank with no ``shuffle_reason`` keeps the fingerprint it had before that
    field existed, so result files made then are still re-marked."""
    return fingerprint(bank, {"shuffle_reason"} if bank.shuffle_reason is None else None)


def payload(bank: Bank) -> dict[str, Any]:
    """The bank as the JavaScript front end receives it."""
    data = bank.model_dump(mode="json", exclude_none=True)
    data["revision"] = revision(bank)
    return data


def _describe(error: dict[str, Any], located: yamlfile.LocatedData) -> Problem:
    field = error_field(error, QUESTION_TYPES)
    if error["type"] == "missing" and field in FEEDBACK_FIELDS:
        return located.problem(error["loc"], f"missing feedback: add '{field}'", frozenset(QUESTION_TYPES))
    if error["type"] == "missing" and field == "answer":
        return located.problem(error["loc"], "no correct answer: add 'answer'", frozenset(QUESTION_TYPES))
    if error["type"] == "string_too_short" and field in FEEDBACK_FIELDS:
        return located.problem(error["loc"], f"missing feedback: '{field}' is empty", frozenset(QUESTION_TYPES))
    if error["type"] == "union_tag_invalid":
        return located.problem(
            tuple(error["loc"]) + ("type",),
            f"unknown question type '{error['input'].get('type')}': use one of {_TYPES}",
        )
    if error["type"] == "union_tag_not_found":
        return located.problem(error["loc"], f"question has no 'type': use one of {_TYPES}")
    return describe(error, located, QUESTION_TYPES)


def _duplicates(ids: list[str]) -> set[str]:
    seen: set[str] = set()
    return {i for i in ids if i in seen or seen.add(i)}


def _check(bank: Bank, located: yamlfile.LocatedData):
    """Checks that span fields, each yielding a located problem."""
    question_ids = [q.id for q in bank.questions]
    for dup in _duplicates(question_ids):
        index = len(question_ids) - 1 - question_ids[::-1].index(dup)
        yield located.problem(("questions", index, "id"), f"duplicate question id '{dup}'")

    for qi, q in enumerate(bank.questions):
        here = ("questions", qi)
        if isinstance(q, (SingleChoice, MultipleAnswer, Matching)):
            option_ids = [o.id for o in q.options]
            for dup in _duplicates(option_ids):
                yield located.problem(here + ("options",), f"duplicate option id '{dup}' in question '{q.id}'")
            known = ", ".join(option_ids)
        if isinstance(q, SingleChoice) and q.answer not in option_ids:
            yield located.problem(here + ("answer",), f"answer '{q.answer}' points at no option (options: {known})")
        elif isinstance(q, MultipleAnswer):
            if not q.answer:
                yield located.problem(here + ("answer",), f"no correct answer: question '{q.id}' lists no option in 'answer'")
            for a in q.answer:
                if a not in option_ids:
                    yield located.problem(here + ("answer",), f"answer '{a}' points at no option (options: {known})")
            for dup in _duplicates(list(q.answer)):
                yield located.problem(here + ("answer",), f"answer '{dup}' is listed twice")
        elif isinstance(q, Matching):
            item_ids = [i.id for i in q.items]
            for dup in _duplicates(item_ids):
                yield located.problem(here + ("items",), f"duplicate item id '{dup}' in question '{q.id}'")
            for item_id, option_id in q.answer.items():
                if item_id not in item_ids:
                    yield located.problem(here + ("answer", item_id), f"answer names item '{item_id}', which does not exist")
                if option_id not in option_ids:
                    yield located.problem(
                        here + ("answer", item_id), f"answer '{option_id}' points at no option (options: {known})"
                    )
            for index, item_id in enumerate(item_ids):
                if item_id not in q.answer:
                    yield located.problem(here + ("items", index), f"no correct answer for item '{item_id}'")
        elif isinstance(q, ShortAnswer) and not q.answer:
            yield located.problem(here + ("answer",), f"no correct answer: question '{q.id}' accepts no answer")
