"""``{question-cards}``: every question card in the book, or one module's, with a filter."""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..directives import report
from ..problems import ProblemsFound
from .data import card_files, load_cards
from .model import MODULES, SITUATIONS
from .render import card_list_html, cards_html

_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


def _names(text: str | None) -> list[str]:
    return [n.strip() for n in (text or "").split(",") if n.strip()]


class QuestionCardsDirective(SphinxDirective):
    """```{question-cards}``` shows every card grouped by module, with the filter;
    ```{question-cards} MODULE``` one module's. For a handout, ``:situations: a, b``
    or ``:cards: id, id`` pick a fixed set, shown without the filter."""

    optional_arguments = 1
    has_content = False
    option_spec = {"situations": directives.unchanged, "cards": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        folder = srcdir / self.config.boardroom_cards_dir
        for path in card_files(folder):
            self.env.note_dependency(str(path))
        module = self.arguments[0] if self.arguments else None
        if module is not None and module not in MODULES:
            raise self.error(f"unknown module '{module}': use one of {', '.join(MODULES)}")
        try:
            cards = load_cards(folder, srcdir)
        except ProblemsFound as found:
            return report(self, found)
        if module is not None:
            cards = [c for c in cards if c.module == module]
        situations, chosen = _names(self.options.get("situations")), _names(self.options.get("cards"))
        unknown = [s for s in situations if s not in SITUATIONS] + [
            c for c in chosen if c not in {x.card.id for x in cards}]
        if unknown:
            raise self.error(f"question-cards: no such situation or card: {', '.join(unknown)}")
        if situations:
            cards = [c for c in cards if set(situations) & set(c.card.situations)]
        if chosen:
            cards = sorted((c for c in cards if c.card.id in chosen), key=lambda c: chosen.index(c.card.id))
        builder = self.env.app.builder
        titles: dict[str, str] = {}  # many cards share a page: read each page once

        def link(page: str) -> tuple[str, str]:
            if page not in titles:
                self.env.note_dependency(str(srcdir / f"{page}.md"))
                found = _HEADING.search((srcdir / f"{page}.md").read_text(encoding="utf-8"))
                titles[page] = found.group(1) if found else page
            return builder.get_relative_uri(self.env.docname, page), titles[page]

        if situations or chosen:
            return [nodes.raw("", card_list_html(cards, link), format="html")]
        return [nodes.raw("", cards_html(cards, module or "all", module is None, link), format="html")]
