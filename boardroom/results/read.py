"""Read a folder of learners' result files, keeping every file accounted for.

A results file is what a quiz or a review tool downloads ("Download my
results (JSON)") or returns from ``results()`` in a notebook. It holds no name.
Each file in the folder is either read or skipped with a one-line reason:
not JSON (corrupt or cut short), not a results file, another format version,
missing parts, or a copy of a file already read. Nothing is dropped silently.

Quiz results are format version 1. Review-tool results are version 2, which
added the project's stage, the confidence and the items not yet due; a
version 1 tool file was rated without them, so it is skipped with that reason
rather than mixed into the room's ratings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..quiz.scoring import RESULTS_FORMAT, RESULTS_VERSION
from ..tools.engine import TOOL_RESULTS_VERSION

CONFIDENCE = (None, "good", "limited", "low")

# What the summariser writes into the folder it reads; not learners' files.
OUTPUT_NAMES = ("summary.html", "summary.csv")


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass
class Folder:
    """The files read (name and data) and the files skipped, with why."""

    read: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _problem(data: Any) -> str | None:
    """Why parsed JSON is not a usable results file, or None when it is."""
    if not isinstance(data, dict) or data.get("format") != RESULTS_FORMAT:
        return "not a results file from this course (no 'format': 'boardroom-results')"
    component = data.get("component")
    if component == "tool" and data.get("version") == 1:
        return ("review-tool results in format version 1, saved before the tools asked for the project's stage "
                "and said how confident they are: ask for a new download")
    expected = TOOL_RESULTS_VERSION if component == "tool" else RESULTS_VERSION
    if data.get("version") != expected:
        return f"results format version {data.get('version')!r}; this summariser reads version {expected}"
    if component == "quiz":
        rows = data.get("questions")
        if not isinstance(data.get("bank"), str) or not isinstance(rows, list) or not all(
            isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("correct"), bool)
            and isinstance(r.get("answered"), bool) for r in rows
        ):
            return "quiz results with missing or malformed 'bank' or 'questions'"
        return None
    if component == "tool":
        rows = data.get("items")
        if not isinstance(data.get("tool"), str) or not isinstance(rows, list) or not all(
            isinstance(r, dict) and isinstance(r.get("id"), str) for r in rows
        ):
            return "review-tool results with missing or malformed 'tool' or 'items'"
        if data.get("confidence") not in CONFIDENCE or not isinstance(data.get("stage_label"), (str, type(None))):
            return "review-tool results with a malformed 'confidence' or 'stage_label'"
        rated = data.get("complete") and data.get("confidence") != "low"
        if rated and not isinstance(data.get("rating_label"), str):
            return "review-tool results marked complete but with no rating"
        return None
    return f"unknown component {component!r}: expected 'quiz' or 'tool'"


def read_folder(folder: Path) -> Folder:
    """Every file directly in ``folder``, in name order, read or skipped with a reason."""
    found = Folder()
    seen: dict[str, str] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.name in OUTPUT_NAMES:
            continue
        if path.suffix.lower() == ".csv":
            found.skipped.append(Skipped(path.name, "a CSV download: the summary reads the JSON results file"))
            continue
        if path.suffix.lower() != ".json":
            found.skipped.append(Skipped(path.name, "not a .json results file"))
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            found.skipped.append(Skipped(path.name, "not UTF-8 text: corrupt"))
            continue
        except json.JSONDecodeError as err:
            found.skipped.append(Skipped(path.name, f"not valid JSON at line {err.lineno}: corrupt or cut short"))
            continue
        except OSError as err:
            found.skipped.append(Skipped(path.name, f"cannot read: {err.strerror}"))
            continue
        problem = _problem(data)
        if problem:
            found.skipped.append(Skipped(path.name, problem))
            continue
        canonical = json.dumps(data, sort_keys=True)
        if canonical in seen:
            found.skipped.append(Skipped(path.name, f"a copy of {seen[canonical]}, already counted"))
            continue
        seen[canonical] = path.name
        found.read.append((path.name, data))
    return found
