"""Load ``exercises/routes.yml`` and check it against the book; work out each stop's minutes.

Every problem is reported as ``file:line: problem``: a page that is not in the
table of contents, a section heading the page does not have (or has twice), a
tool its page does not show, a notebook page without stated minutes. Card
situations are checked by the model against the question cards' own list.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from docutils.nodes import make_id

from ..glossary.lint import body_words
from ..pages import toc_files
from ..problems import Problem, ProblemsFound
from ..validation import load_model
from .model import Route, RoutesFile

ROUTES_PATH = Path("exercises") / "routes.yml"
# The rate the modules' stated reading times already assume (a module of 13,000 words, about 65 minutes).
WORDS_PER_MINUTE = 200

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE_OPEN = re.compile(r"^\s*(```+|~~~+|:::+)")
_ROLE = re.compile(r"\{[\w-]+\}`([^`<]*?)(?:\s*<[^>]+>)?`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def heading_text(markdown: str) -> str:
    """A heading as the reader sees it: roles, links, code and emphasis marks dropped."""
    text = _ROLE.sub(lambda m: m.group(1).strip(), markdown)
    text = _LINK.sub(r"\1", text)
    return re.sub(r"[`*_]", "", text).strip()


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    start: int  # index of the heading's line
    end: int  # index of the line after the section (the next heading of the same or a higher level)


def headings(lines: list[str]) -> list[Heading]:
    """The page's headings outside fenced blocks (directives and code), each with its section's extent."""
    found: list[tuple[int, str, int]] = []
    fence = None
    for number, line in enumerate(lines):
        opened = _FENCE_OPEN.match(line)
        if fence is None and opened:
            fence = opened.group(1)
            continue
        if fence is not None:
            if line.strip() == fence:
                fence = None
            continue
        match = _HEADING.match(line)
        if match:
            found.append((len(match.group(1)), heading_text(match.group(2)), number))
    out = []
    for i, (level, text, start) in enumerate(found):
        end = next((s for lv, _, s in found[i + 1:] if lv <= level), len(lines))
        out.append(Heading(level, text, start, end))
    return out




def minutes_for(words: int) -> int:
    return max(1, math.floor(words / WORDS_PER_MINUTE + 0.5))


@dataclass(frozen=True)
class Place:
    page: str
    title: str  # the page's title
    section: str | None
    anchor: str  # the section's id in the built page, or ""
    minutes: int
    counted: bool  # minutes counted from the words, not stated
    why: str


@dataclass(frozen=True)
class ToolPlace:
    tool: str
    page: str
    title: str
    minutes: int
    why: str


@dataclass(frozen=True)
class ResolvedRoute:
    route: Route
    read: list[Place]
    tools: list[ToolPlace]

    @property
    def reading_minutes(self) -> int:
        return sum(p.minutes for p in self.read)

    @property
    def total_minutes(self) -> int:
        cards = self.route.cards.minutes if self.route.cards else 0
        return self.reading_minutes + sum(t.minutes for t in self.tools) + cards

    @property
    def pages(self) -> set[str]:
        return {p.page for p in self.read} | {t.page for t in self.tools}


class _Book:
    """The book's pages, read once each."""

    def __init__(self, root: Path):
        self.root = root
        self.in_toc = set(toc_files(root))
        self._lines: dict[str, list[str] | None] = {}

    def source(self, page: str) -> Path | None:
        for suffix in (".md", ".ipynb"):
            if (self.root / f"{page}{suffix}").exists():
                return self.root / f"{page}{suffix}"
        return None

    def lines(self, page: str) -> list[str] | None:
        """A Markdown page's lines; None for a notebook."""
        if page not in self._lines:
            path = self.source(page)
            self._lines[page] = path.read_text(encoding="utf-8").splitlines() if path and path.suffix == ".md" else None
        return self._lines[page]

    def title(self, page: str) -> str:
        lines = self.lines(page)
        if lines is None:
            import json
            cells = json.loads(self.source(page).read_text(encoding="utf-8")).get("cells", [])
            lines = [l.rstrip("\n") for c in cells if c.get("cell_type") == "markdown" for l in c.get("source", [])]
        found = [h for h in headings(lines) if h.level == 1]
        return found[0].text if found else page


def load_routes(path: Path, book_root: Path) -> list[ResolvedRoute]:
    """Every route in ``path``, checked against the book at ``book_root``; :class:`ProblemsFound` if any is broken."""
    routes, located = load_model(path, RoutesFile, "the routes file must be a mapping with a list of routes")
    book = _Book(book_root)
    problems: list[Problem] = []
    resolved: list[ResolvedRoute] = []
    seen: set[str] = set()
    for r, route in enumerate(routes.routes):
        where = ("routes", r)
        if route.id in seen:
            problems.append(located.problem(where + ("id",), f"route id '{route.id}' is used twice"))
        seen.add(route.id)

        def known_page(page: str, loc) -> bool:
            if page not in book.in_toc or book.source(page) is None:
                problems.append(located.problem(loc, f"no page '{page}' in the book's table of contents (_toc.yml)"))
                return False
            return True

        read: list[Place] = []
        for s, stop in enumerate(route.read):
            loc = where + ("read", s)
            if not known_page(stop.page, loc + ("page",)):
                continue
            lines = book.lines(stop.page)
            if lines is None:
                if stop.minutes is None:
                    problems.append(located.problem(loc + ("page",), f"'{stop.page}' is a notebook: state its minutes"))
                    continue
                if stop.section:
                    problems.append(located.problem(loc + ("section",), "name a section of a Markdown page only"))
                    continue
                read.append(Place(stop.page, book.title(stop.page), None, "", stop.minutes, False, stop.why))
                continue
            body = lines
            anchor = ""
            if stop.section:
                matches = [h for h in headings(lines) if h.text == stop.section and h.level > 1]
                if len(matches) != 1:
                    have = "; ".join(h.text for h in headings(lines) if h.level > 1)
                    problem = "has no section" if not matches else f"has {len(matches)} sections called"
                    problems.append(located.problem(
                        loc + ("section",), f"'{stop.page}' {problem} '{stop.section}' (its sections: {have})"))
                    continue
                body = lines[matches[0].start:matches[0].end]
                anchor = make_id(stop.section)
            words = body_words("\n".join(body) + "\n")
            minutes = stop.minutes if stop.minutes is not None else minutes_for(words)
            read.append(Place(stop.page, book.title(stop.page), stop.section, anchor, minutes,
                              stop.minutes is None, stop.why))
        tools: list[ToolPlace] = []
        for t, use in enumerate(route.tools):
            loc = where + ("tools", t)
            if not known_page(use.page, loc + ("page",)):
                continue
            text = "\n".join(book.lines(use.page) or [])
            if not re.search(r"^\s*(```+|:::+)\s*\{" + re.escape(use.tool) + r"\}", text, re.MULTILINE):
                problems.append(located.problem(loc + ("tool",), f"'{use.page}' does not show the tool '{use.tool}'"))
                continue
            tools.append(ToolPlace(use.tool, use.page, book.title(use.page), use.minutes, use.why))
        resolved.append(ResolvedRoute(route, read, tools))
    if problems:
        raise ProblemsFound(problems)
    return resolved
