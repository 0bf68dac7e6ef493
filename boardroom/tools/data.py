"""Load and check a review tool's rules, reporting every problem as ``file:line: message``."""

from __future__ import annotations

from pathlib import Path
from typing import Any


from .. import yamlfile
from ..problems import Problem, ProblemsFound, display_path
from ..validation import check_id_matches_file, fingerprint, load_model
from .engine import assess
from .model import ANSWERS, Tool

TOOL_DIR = Path("exercises") / "tools"


def tool_path(tool_id: str, folder: Path) -> Path:
    return folder / f"{tool_id}.yml"


def find_tools(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yml"))


def load_tool(path: Path) -> Tool:
    """Read, validate and check one tool; raise :class:`ProblemsFound` listing every problem."""
    tool, located = load_model(path, Tool, "a tool must be a mapping with id, title, scale, ratings and items")
    problems = list(_check_rules(tool, located))
    if not problems:  # examples can only be checked against sound rules
        problems = list(_check_examples(tool, located))
    problems += check_id_matches_file("tool", tool.id, path, located)
    if problems:
        raise ProblemsFound(problems)
    return tool


def load_tool_by_id(tool_id: str, folder: Path) -> Tool:
    path = tool_path(tool_id, folder)
    if not path.exists():
        raise ProblemsFound([Problem(display_path(path), 1, f"no tool '{tool_id}': the file does not exist")])
    return load_tool(path)


def revision(tool: Tool) -> str:
    """A short fingerprint of the rules: answers stored for other rules are dropped."""
    return fingerprint(tool)


def payload(tool: Tool) -> dict[str, Any]:
    """The rules as the JavaScript front end receives them (examples stay on the page)."""
    data = tool.model_dump(mode="json", exclude_none=True, exclude={"examples"})
    data["revision"] = revision(tool)
    return data


def _check_rules(tool: Tool, located: yamlfile.LocatedData):
    """Checks that span fields, each yielding a located problem."""
    scale_ids = [s.id for s in tool.scale]
    if scale_ids != list(ANSWERS):
        yield located.problem(("scale",), f"the scale must list {', '.join(ANSWERS)} in that order")
    elif tool.scale[0].points != max(s.points for s in tool.scale):
        yield located.problem(("scale", 0, "points"), "'full' must score the most points")

    ratings = [r.id for r in tool.ratings]
    seen: set[str] = set()
    for index, rating in enumerate(tool.ratings):
        if rating.id in seen:
            yield located.problem(("ratings", index, "id"), f"duplicate rating id '{rating.id}'")
        seen.add(rating.id)
        if index and rating.min_share >= tool.ratings[index - 1].min_share:
            yield located.problem(("ratings", index, "min_share"),
                                  "ratings go best first: each min_share must be lower than the one before")
    if tool.ratings[-1].min_share != 0:
        yield located.problem(("ratings", len(tool.ratings) - 1, "min_share"),
                              "the last rating must have min_share 0, so every set of answers gets a rating")

    seen = set()
    for index, item in enumerate(tool.items):
        if item.id in seen:
            yield located.problem(("items", index, "id"), f"duplicate item id '{item.id}'")
        seen.add(item.id)
        for answer, cap in item.caps.items():
            if cap not in ratings:
                yield located.problem(("items", index, "caps", answer),
                                      f"cap '{cap}' is not a rating (ratings: {', '.join(ratings)})")


def _check_examples(tool: Tool, located: yamlfile.LocatedData):
    """Each worked example answers every item and gets the rating its page claims."""
    ratings = [r.id for r in tool.ratings]
    item_ids = [i.id for i in tool.items]
    for index, example in enumerate(tool.examples):
        here = ("examples", index)
        for item_id in example.answers:
            if item_id not in item_ids:
                yield located.problem(here + ("answers", item_id), f"example answers item '{item_id}', which does not exist")
        missing = [i for i in item_ids if i not in example.answers]
        if missing:
            yield located.problem(here + ("answers",), f"example '{example.id}' leaves unanswered: {', '.join(missing)}")
        elif example.rating not in ratings:
            yield located.problem(here + ("rating",), f"rating '{example.rating}' is not a rating (ratings: {', '.join(ratings)})")
        else:
            got = assess(tool, example.answers)
            if got["rating"] != example.rating:
                yield located.problem(
                    here + ("rating",),
                    f"example '{example.id}' says '{example.rating}', but the rules give '{got['rating']}'"
                    f" (share {got['share']:.2f}{', capped by ' + ', '.join(got['capped_by']) if got['capped_by'] else ''})",
                )

