"""Patterns that let a test-wise reader pass a quiz without reading the page.

``boardroom validate`` runs these checks on every bank, besides the format
checks in :mod:`boardroom.quiz.banks`; ``boardroom bank-figures`` prints the
measurements they rest on. Everything is measured on the bank as written, with
shuffling off: that is the order of the printed quiz and of the page a reader
sees without JavaScript, and the order an author controls.

The rules, and why each threshold:

- ``shuffle: false`` needs a ``shuffle_reason`` (an ordered scale, say), and
  ``shuffle_reason`` is only for a bank that turns shuffling off.
- Length. An option is *the longest* when it has strictly more characters than
  every other option of its question (ties count for nobody). In at most a
  third of a bank's choice questions (``single`` and ``multiple``) may the
  longest option be a right one. With four options chance gives a quarter, so a
  third leaves room without letting length point to the answer. Checked from
  three choice questions.
- Much longer. No option may be more than 1.5 times the mean length of the
  other options of its question *and* at least 20 characters longer than that
  mean: the second condition spares short options ("Well led" beside
  "Ensure smart foundations").
- Position. In ``single`` questions, no position (first, second, ...) may hold
  the right answer in more than half of them. Checked from four questions.
- Right options first. In ``multiple`` questions, the right options may be the
  first ones listed (the first k options, for k right ones) in at most half of
  them. Checked from two questions; by chance it happens about one time in six.
- True or false. A bank's ``true_false`` answers may lean one way by at most
  two, or by a quarter of them (rounded down) when that is more: 6 false to 2
  true fails, 5 to 3 passes. Checked from three questions.
- No "all of the above", "none of the above" or "both of the above": they
  stop making sense once options are shuffled.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..problems import Problem
from ..yamlfile import LocatedData
from .model import Bank, MultipleAnswer, SingleChoice, TrueFalse

LONGEST_SHARE = 1 / 3
LONGEST_FROM = 3
MUCH_LONGER_RATIO = 1.5
MUCH_LONGER_MARGIN = 20
POSITION_SHARE = 1 / 2
POSITION_FROM = 4
RIGHT_FIRST_SHARE = 1 / 2
RIGHT_FIRST_FROM = 2
TRUE_FALSE_FROM = 3
_ABOVE = re.compile(r"\b(all|none|both|neither) of the (above|options|others)\b", re.IGNORECASE)


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def longest_option(question: SingleChoice | MultipleAnswer) -> str | None:
    """The id of the strictly longest option, or None on a tie for longest."""
    lengths = sorted(((_length(o.text), o.id) for o in question.options), reverse=True)
    if len(lengths) > 1 and lengths[0][0] == lengths[1][0]:
        return None
    return lengths[0][1]


def right_ids(question: SingleChoice | MultipleAnswer) -> set[str]:
    return {question.answer} if isinstance(question, SingleChoice) else set(question.answer)


def right_first(question: MultipleAnswer) -> bool:
    """Whether the right options are exactly the first ones listed."""
    count = len(set(question.answer))
    return {o.id for o in question.options[:count]} == set(question.answer)


@dataclass
class Figures:
    """A bank's measurements, as written (shuffling off)."""

    bank: str
    shuffle: bool
    questions: int
    choice: list[str] = field(default_factory=list)  # ids of single and multiple questions
    longest_right: list[str] = field(default_factory=list)  # ... whose longest option is right
    single_positions: Counter = field(default_factory=Counter)  # 1-based position of the answer
    single_by_position: dict[int, list[str]] = field(default_factory=dict)
    multiple_positions: Counter = field(default_factory=Counter)  # positions of every right option
    multiple: list[str] = field(default_factory=list)
    right_first: list[str] = field(default_factory=list)
    true_false: Counter = field(default_factory=Counter)  # True / False -> count
    types: Counter = field(default_factory=Counter)

    @property
    def single_longest_right(self) -> int:
        singles = {i for ids in self.single_by_position.values() for i in ids}
        return len(singles.intersection(self.longest_right))

    @property
    def single(self) -> int:
        return sum(self.single_positions.values())

    def summary(self) -> str:
        """Two or three lines for a person to read."""
        single = ", ".join(f"{_ordinal(p)} {n}" for p, n in sorted(self.single_positions.items())) or "none"
        multiple = ", ".join(f"{_ordinal(p)} {n}" for p, n in sorted(self.multiple_positions.items())) or "none"
        types = ", ".join(f"{t} {n}" for t, n in sorted(self.types.items()))
        return "\n".join([
            f"{self.bank}: {self.questions} questions ({types}); shuffle {'on' if self.shuffle else 'off'}",
            f"  right answer is the longest option: {len(self.longest_right)} of {len(self.choice)} choice questions "
            f"({self.single_longest_right} of {self.single} single-choice)",
            f"  single-choice answers by position: {single}",
            f"  multiple-response right options by position: {multiple}; "
            f"right options listed first: {len(self.right_first)} of {len(self.multiple)}",
            f"  true/false answers: {self.true_false[True]} true, {self.true_false[False]} false",
        ])


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def measure(bank: Bank) -> Figures:
    figures = Figures(bank=bank.id, shuffle=bank.shuffle, questions=len(bank.questions))
    for q in bank.questions:
        figures.types[q.type] += 1
        if isinstance(q, (SingleChoice, MultipleAnswer)):
            figures.choice.append(q.id)
            if longest_option(q) in right_ids(q):
                figures.longest_right.append(q.id)
            positions = [i for i, o in enumerate(q.options, start=1) if o.id in right_ids(q)]
        if isinstance(q, SingleChoice) and positions:
            figures.single_positions[positions[0]] += 1
            figures.single_by_position.setdefault(positions[0], []).append(q.id)
        elif isinstance(q, MultipleAnswer):
            figures.multiple.append(q.id)
            figures.multiple_positions.update(positions)
            if right_first(q):
                figures.right_first.append(q.id)
        elif isinstance(q, TrueFalse):
            figures.true_false[q.answer] += 1
    return figures


def _ids(ids: list[str]) -> str:
    return ", ".join(ids)


def giveaway_problems(bank: Bank, located: LocatedData) -> list[Problem]:
    """Every giveaway pattern in one bank, each at the line it is about."""
    problems: list[Problem] = []
    figures = measure(bank)
    at_questions = ("questions",)

    if not bank.shuffle and not (bank.shuffle_reason or "").strip():
        problems.append(located.problem(("shuffle",), "shuffle is off with no reason: remove 'shuffle: false', "
                                        "or say why the order matters in 'shuffle_reason'"))
    if bank.shuffle and bank.shuffle_reason is not None:
        problems.append(located.problem(("shuffle_reason",), "'shuffle_reason' is only for a bank with 'shuffle: false'"))

    n, longest = len(figures.choice), len(figures.longest_right)
    if n >= LONGEST_FROM and longest > n * LONGEST_SHARE:
        problems.append(located.problem(at_questions, (
            f"the right answer is the longest option in {longest} of {n} choice questions "
            f"(at most {int(n * LONGEST_SHARE)} allowed): make a wrong option the longest in some of "
            f"{_ids(figures.longest_right)}")))

    n = figures.single
    for position, count in sorted(figures.single_positions.items()):
        if n >= POSITION_FROM and count > n * POSITION_SHARE:
            problems.append(located.problem(at_questions, (
                f"the right answer is the {_ordinal(position)} option in {count} of {n} single-choice questions "
                f"(at most {int(n * POSITION_SHARE)} allowed): move it in some of "
                f"{_ids(figures.single_by_position[position])}")))

    n, first = len(figures.multiple), len(figures.right_first)
    if n >= RIGHT_FIRST_FROM and first > n * RIGHT_FIRST_SHARE:
        problems.append(located.problem(at_questions, (
            f"the right options are the first ones listed in {first} of {n} multiple-response questions "
            f"(at most {int(n * RIGHT_FIRST_SHARE)} allowed): mix them in some of {_ids(figures.right_first)}")))

    trues, falses = figures.true_false[True], figures.true_false[False]
    n = trues + falses
    if n >= TRUE_FALSE_FROM and abs(trues - falses) > max(2, n // 4):
        more = "false" if falses > trues else "true"
        problems.append(located.problem(at_questions, (
            f"{max(trues, falses)} of {n} true/false answers are {more} (they may differ by at most "
            f"{max(2, n // 4)}): turn some statements round")))

    for qi, q in enumerate(bank.questions):
        if not isinstance(q, (SingleChoice, MultipleAnswer)):
            continue
        lengths = [_length(o.text) for o in q.options]
        for oi, option in enumerate(q.options):
            here = ("questions", qi, "options", oi, "text")
            if _ABOVE.search(option.text):
                problems.append(located.problem(here, (
                    f"option '{option.id}' of question '{q.id}' refers to the other options, "
                    "which shuffling moves: name what it means instead")))
            others = lengths[:oi] + lengths[oi + 1:]
            mean = sum(others) / len(others)
            if lengths[oi] > MUCH_LONGER_RATIO * mean and lengths[oi] - mean >= MUCH_LONGER_MARGIN:
                problems.append(located.problem(here, (
                    f"option '{option.id}' of question '{q.id}' is much longer than the others "
                    f"({lengths[oi]} characters against a mean of {mean:.0f}): bring the options to a similar length")))
    return problems
