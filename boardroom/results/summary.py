"""What a room's result files say, in figures: per quiz and per review tool.

Quiz answers are marked again in Python when the question bank the learner
saw (same revision) is at hand, so the summary never rests on what a browser
claimed; otherwise the file's own marks are used and the summary says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import find_upwards
from ..problems import ProblemsFound
from ..quiz.banks import BANK_DIR, load_bank, revision
from ..quiz.model import Bank
from ..quiz.scoring import is_correct
from ..tools.data import TOOL_DIR, load_tool
from .read import Skipped, read_folder


@dataclass
class QuestionStats:
    id: str
    prompt: str
    answered: int = 0
    correct: int = 0
    wrong_answers: Counter = field(default_factory=Counter)

    @property
    def share_correct(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass
class QuizSummary:
    bank: str
    title: str
    files: int = 0
    finished: int = 0  # answered every question
    scores: list[int] = field(default_factory=list)
    total: int = 0
    questions: dict[str, QuestionStats] = field(default_factory=dict)
    remarked: bool = True

    def hardest(self, count: int = 5) -> list[QuestionStats]:
        answered = [q for q in self.questions.values() if q.answered]
        return sorted(answered, key=lambda q: (q.share_correct, -q.answered))[:count]


@dataclass
class ToolSummary:
    tool: str
    title: str
    files: int = 0
    complete: int = 0  # answered every question due at their stage
    declined: int = 0  # complete, but too much unknown to rate (low confidence)
    ratings: Counter = field(default_factory=Counter)
    rating_order: list[str] = field(default_factory=list)
    stages: Counter = field(default_factory=Counter)  # by stage label; "Not given" before one is chosen
    stage_order: list[str] = field(default_factory=list)
    confidence: Counter = field(default_factory=Counter)  # good, limited, low (complete files only)
    gaps: Counter = field(default_factory=Counter)
    unknowns: Counter = field(default_factory=Counter)  # answered "We do not know": evidence to find
    questions: dict[str, str] = field(default_factory=dict)

    def spread(self) -> list[tuple[str, int]]:
        order = self.rating_order + sorted(set(self.ratings) - set(self.rating_order))
        return [(label, self.ratings[label]) for label in order]

    def stage_spread(self) -> list[tuple[str, int]]:
        order = [s for s in self.stage_order if self.stages[s]] + sorted(set(self.stages) - set(self.stage_order))
        return [(label, self.stages[label]) for label in order]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


@dataclass
class Summary:
    folder: Path
    read: int
    skipped: list[Skipped]
    quizzes: list[QuizSummary]
    tools: list[ToolSummary]

    def _repr_markdown_(self) -> str:
        """The summary's headlines, as a notebook shows them (summary.html has the rest)."""
        lines = [f"Read {self.read} result file(s); skipped {len(self.skipped)}."]
        lines += [f"- Skipped `{s.name}`: {s.reason}" for s in self.skipped]
        for quiz in self.quizzes:
            mean = sum(quiz.scores) / len(quiz.scores) if quiz.scores else 0
            lines += ["", f"**{_cell(quiz.title)}**: {quiz.files} learner(s), average {mean:.1f} out of {quiz.total}.",
                      "", "| Hardest questions | Right |", "| --- | --- |"]
            lines += [f"| {_cell(q.prompt)} | {q.correct} of {q.answered} |" for q in quiz.hardest(3)]
        for tool in self.tools:
            spread = ", ".join(f"{label} {n}" for label, n in tool.spread())
            declined = f" Not rated, too much unknown: {tool.declined}." if tool.declined else ""
            stages = ", ".join(f"{label} {n}" for label, n in tool.stage_spread())
            lines += ["", f"**{_cell(tool.title)}**: {tool.files} learner(s). Ratings: {spread or 'none yet'}.{declined}"
                      + (f" Stages: {stages}." if stages else "")]
        return "\n".join(lines)


def _rules(kind: str, name: str, results: Path):
    """The course's own bank or tool of that id, found from the working folder or
    the results folder upwards; None when neither has it, or it is broken."""
    folder, load = (BANK_DIR, load_bank) if kind == "quiz" else (TOOL_DIR, load_tool)
    for start in (None, results):
        try:
            return load(find_upwards(folder / f"{name}.yml", start))
        except (FileNotFoundError, ProblemsFound, OSError):
            continue
    return None


def _add_quiz(summary: QuizSummary, data: dict[str, Any], bank: Bank | None) -> None:
    remark = bank is not None and data.get("revision") == revision(bank)
    summary.remarked = summary.remarked and remark
    by_id = {q.id: q for q in bank.questions} if bank else {}
    score = 0
    rows = data["questions"]
    for row in rows:
        stats = summary.questions.setdefault(row["id"], QuestionStats(row["id"], str(row.get("prompt", row["id"]))))
        if not row["answered"]:
            continue
        correct = is_correct(by_id[row["id"]], row.get("response")) if remark and row["id"] in by_id else row["correct"]
        stats.answered += 1
        stats.correct += correct
        score += correct
        if not correct:
            stats.wrong_answers[str(row.get("response_text") or "(blank)")] += 1
    summary.files += 1
    summary.finished += all(r["answered"] for r in rows)
    summary.total = max(summary.total, len(rows))
    summary.scores.append(score)


def _add_tool(summary: ToolSummary, data: dict[str, Any], staged: bool) -> None:
    summary.files += 1
    if staged:
        summary.stages[data.get("stage_label") or "Not given"] += 1
    if data.get("complete"):
        summary.complete += 1
        summary.confidence[data.get("confidence")] += 1
        if data.get("rating_label"):
            summary.ratings[data["rating_label"]] += 1
        else:
            summary.declined += 1
    for row in data["items"]:
        summary.questions.setdefault(row["id"], str(row.get("question", row["id"])))
        if row.get("finding") == "gap":
            summary.gaps[row["id"]] += 1
            if row.get("answer") == "unknown":
                summary.unknowns[row["id"]] += 1


def summarise(folder: Path) -> Summary:
    """Read every file in ``folder`` and sum up the room; skipped files are listed with why."""
    found = read_folder(folder)
    quizzes: dict[str, QuizSummary] = {}
    tools: dict[str, ToolSummary] = {}
    banks: dict[str, Bank | None] = {}
    for _name, data in found.read:
        if data["component"] == "quiz":
            bank_id = data["bank"]
            if bank_id not in banks:
                banks[bank_id] = _rules("quiz", bank_id, folder)
            summary = quizzes.setdefault(bank_id, QuizSummary(bank_id, str(data.get("title") or bank_id)))
            _add_quiz(summary, data, banks[bank_id])
        else:
            tool_id = data["tool"]
            if tool_id not in tools:
                rules = _rules("tool", tool_id, folder)
                tools[tool_id] = ToolSummary(tool_id, str(data.get("title") or tool_id),
                                             rating_order=[r.label for r in rules.ratings] if rules else [],
                                             stage_order=[s.label for s in rules.stages] + ["Not given"]
                                             if rules and rules.stages else [])
            _add_tool(tools[tool_id], data, staged=bool(tools[tool_id].stage_order) or data.get("stage") is not None)
    return Summary(folder, len(found.read), found.skipped,
                   [quizzes[k] for k in sorted(quizzes)], [tools[k] for k in sorted(tools)])
