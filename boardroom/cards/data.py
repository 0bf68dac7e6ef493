"""Load and check the question cards, reporting every problem as ``file:line: message``.

Cards are checked as one set: an id must be unique across every file, a
module has one title, and each card's page must exist in the book.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .. import yamlfile
from ..problems import Problem, ProblemsFound, display_path
from ..validation import describe
from .model import MODULES, Card, CardFile

CARDS_DIR = Path("exercises") / "questions"


@dataclass(frozen=True)
class Located:
    card: Card
    module: str
    module_title: str


def card_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yml"))


def load_cards(folder: Path, book_root: Path) -> list[Located]:
    """Every card in ``folder``, in module order then file order; :class:`ProblemsFound` if any is broken."""
    files = card_files(folder)
    if not files:
        raise ProblemsFound([Problem(display_path(folder), 1, "no question-card files (*.yml) in this folder")])
    problems: list[Problem] = []
    loaded: list[tuple[Path, CardFile, yamlfile.LocatedData]] = []
    for path in files:
        try:
            located = yamlfile.load(path)
        except ProblemsFound as found:
            problems.extend(found.problems)
            continue
        if not isinstance(located.data, dict):
            problems.append(located.problem((), "a card file must be a mapping with module, title and cards"))
            continue
        try:
            loaded.append((path, CardFile.model_validate(located.data), located))
        except ValidationError as err:
            problems.extend(describe(e, located) for e in err.errors())

    # The module's own file first, then the others in name order.
    loaded.sort(key=lambda x: (MODULES.index(x[1].module), x[0].stem != x[1].module, x[0].name))
    seen: dict[str, str] = {}
    titles: dict[str, str] = {}
    out: list[Located] = []
    for path, cards, located in loaded:
        if titles.setdefault(cards.module, cards.title) != cards.title:
            problems.append(located.problem(("title",), f"module '{cards.module}' is titled '{titles[cards.module]}' in another file"))
        for index, card in enumerate(cards.cards):
            here = ("cards", index)
            if card.id in seen:
                problems.append(located.problem(here + ("id",), f"duplicate card id '{card.id}' (also in {seen[card.id]})"))
            seen.setdefault(card.id, display_path(path))
            if len(set(card.situations)) != len(card.situations):
                problems.append(located.problem(here + ("situations",), "a situation is listed twice"))
            if len(set(card.put_to)) != len(card.put_to):
                problems.append(located.problem(here + ("put_to",), "a role is listed twice"))
            if not (book_root / f"{card.page}.md").is_file():
                problems.append(located.problem(here + ("page",), f"page '{card.page}' is not in the book (no {card.page}.md)"))
            out.append(Located(card, cards.module, cards.title))
    if problems:
        raise ProblemsFound(problems)
    return out
