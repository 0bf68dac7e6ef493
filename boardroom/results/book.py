"""The room's summary in the book: ```{room-summary}``` on a Markdown page.

The page reads the room's files in the browser (``boardroom/static/summary.js``),
so it carries what the Python summariser looks up on disk: each bank's revision
and answers, to mark quiz answers again, and each review tool's rating and stage
labels, in order. Nothing else from the banks is shipped (the prompts and wrong
answers come from the learners' files, as in Python).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..mount import mount_html
from ..quiz.banks import find_banks, load_bank, revision as bank_revision
from ..quiz.scoring import RESULTS_FORMAT, RESULTS_VERSION
from ..tools.data import find_tools, load_tool
from ..tools.engine import TOOL_RESULTS_VERSION


def rules_payload(banks_dir: Path, tools_dir: Path) -> dict[str, Any]:
    """What summary.js needs to summarise as :func:`boardroom.results.summary.summarise` does.
    Raises :class:`~boardroom.problems.ProblemsFound` for a broken bank or tool."""
    banks = {}
    for path in find_banks(banks_dir):
        bank = load_bank(path)
        questions = [q.model_dump(mode="json", include={"id", "type", "answer"}) for q in bank.questions]
        banks[bank.id] = {"revision": bank_revision(bank), "questions": questions}
    tools = {}
    for path in find_tools(tools_dir):
        tool = load_tool(path)
        tools[tool.id] = {"ratings": [r.label for r in tool.ratings], "stages": [s.label for s in tool.stages]}
    versions = {"format": RESULTS_FORMAT, "quiz": RESULTS_VERSION, "tool": TOOL_RESULTS_VERSION}
    return {"versions": versions, "banks": banks, "tools": tools}


FALLBACK = (
    '<div class="br-fallback"><p>This page reads the room\'s result files in your browser, '
    "and needs JavaScript. Without it, summarise the folder with Python instead: "
    "<code>boardroom results summarise FOLDER</code>.</p></div>"
)


def summary_html(rules: dict[str, Any]) -> str:
    return mount_html("summary", "room", "", {"rules": rules}, [], FALLBACK)
