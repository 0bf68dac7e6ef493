"""Learners' result files, made with the course's own marking, for tests and the sample folder.

    python tests/resultfiles.py exercises/workshops/sample-results   # remake the sample
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from boardroom.quiz.banks import load_bank, revision as bank_revision
from boardroom.quiz.scoring import results
from boardroom.tools.data import load_tool, revision as tool_revision
from boardroom.tools.engine import assess

ROOT = Path(__file__).resolve().parents[1]


def right(q):
    if q.type in ("multiple", "short"):
        return list(q.answer) if q.type == "multiple" else q.answer[0]
    return dict(q.answer) if q.type == "matching" else q.answer


def wrong(q):
    """A wrong answer to ``q``, as a learner gives it (the bank's common wrong answer where it has one)."""
    if q.type == "single":
        return next(o.id for o in q.options if o.id != q.answer)
    if q.type == "multiple":
        return [next(o.id for o in q.options if o.id not in q.answer)]
    if q.type == "true_false":
        return not q.answer
    if q.type == "matching":
        items = [i.id for i in q.items]
        swapped = dict(q.answer)
        swapped[items[0]], swapped[items[1]] = q.answer[items[1]], q.answer[items[0]]
        return swapped
    return q.common_wrong[0].answers[0] if q.common_wrong else "no idea"


def quiz_file(bank_id: str, wrong_ids: set[str], saved_at: str, skip: set[str] = frozenset()) -> dict:
    """A quiz result with every question right except ``wrong_ids``, and ``skip`` unanswered."""
    bank = load_bank(ROOT / "exercises" / "quizzes" / f"{bank_id}.yml")
    answers = {q.id: {"response": wrong(q) if q.id in wrong_ids else right(q), "attempts": 1}
               for q in bank.questions if q.id not in skip}
    data = results(bank, answers, bank_revision(bank))
    data["saved_at"] = saved_at
    return data


def tool_file(tool_id: str, answers: dict[str, str], saved_at: str, stage: str | None = None) -> dict:
    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    data = assess(tool, answers, tool_revision(tool), stage)
    data["saved_at"] = saved_at
    return data


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def make_sample(folder: Path, seed: int = 2026) -> None:
    """A room of twelve: eight quizzes, four health checks (three tables at go-live readiness, as in the
    pre-mortem, and one that knew too little to rate), and three files that must be skipped."""
    chooser = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    bank = load_bank(ROOT / "exercises" / "quizzes" / "jargon.yml")
    hard = [q.id for q in bank.questions[:4]]
    for n in range(8):
        wrong_ids = {q for q in hard if chooser.random() < 0.6} | {
            q.id for q in bank.questions[4:] if chooser.random() < 0.15}
        write(folder, f"jargon-results{'' if n == 0 else f' ({n})'}.json",
              quiz_file("jargon", wrong_ids, f"2026-12-03T10:{20 + n:02d}:00.000Z"))
    tool = load_tool(ROOT / "exercises" / "tools" / "health-check.yml")
    for n in range(4):
        spread = ["full", "part", "part", "missing", "unknown"] if n < 3 else ["part", "unknown", "unknown"]
        answers = {i.id: chooser.choice(spread) for i in tool.items}
        write(folder, f"health-check-results{'' if n == 0 else f' ({n})'}.json",
              tool_file("health-check", answers, f"2026-12-03T11:{10 + n:02d}:00.000Z", "go-live-readiness"))
    first = (folder / "jargon-results.json").read_text(encoding="utf-8")
    write(folder, "jargon-results copy.json", first)  # the same file handed in twice
    write(folder, "jargon-results (cut short).json", first[: len(first) // 2])  # a broken download
    write(folder, "jargon-results.csv", "bank,question\n")  # the CSV instead of the JSON


if __name__ == "__main__":
    make_sample(Path(sys.argv[1]))
