"""The glossary in the book: the ``{boardroom-glossary}`` directive.

The directive turns ``glossary/*.yml`` into a Sphinx glossary, so the
``{term}`` role resolves from any page (an unknown term is a warning, and so a
failed build), and mounts the filter component above it. Without JavaScript
the page is the full glossary, sorted.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..directives import glossary_entries, report
from ..mount import mount_html
from ..pages import report_url
from ..problems import ProblemsFound
from .data import Located
from .decoder import table, table_for_browser
from .model import CATEGORY_LABELS, Category

_MYST_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$])")


def escape_myst(text: str) -> str:
    return _MYST_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def sort_key(entry) -> tuple[str, str]:
    return (entry.term.casefold(), entry.term)


def _link(url: str) -> str:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    return f"[{escape_myst(host)}]({url})"


def _term_ref(term: str, known: set[str]) -> str:
    return f"{{term}}`{term}`" if term.casefold() in known else escape_myst(term)


def entry_myst(entry, known: set[str]) -> list[str]:
    """One entry of a MyST ``{glossary}`` block: its term lines, then an indented definition."""
    lines = [entry.term, *entry.aliases]
    body: list[str] = []
    meanings = entry.meanings()
    for meaning in meanings:
        parts = []
        if len(meanings) > 1:
            sense = entry.senses[meanings.index(meaning)]
            head = f"**{escape_myst(meaning.expansion or entry.term)}** (*{escape_myst(sense.hint)}*)."
        elif meaning.expansion:
            head = f"**{escape_myst(meaning.expansion)}.**"
        else:
            head = ""
        parts.append(" ".join(p for p in (head, escape_myst(meaning.definition)) if p))
        if meaning.why_it_matters:
            parts.append(f"*Why it matters:* {escape_myst(meaning.why_it_matters)}")
        if meaning.status == "historic":
            successor = f" Replaced by {_term_ref(meaning.replaced_by, known)}." if meaning.replaced_by else ""
            parts.append(f"*Historic.*{successor}")
        parts.append(
            f"*Category:* {CATEGORY_LABELS[meaning.category]}. *Sources:* "
            + ", ".join(_link(str(u)) for u in meaning.sources) + "."
        )
        text = " ".join(parts[1:])
        if len(meanings) > 1:
            body.append(f"- {parts[0]} {text}")
        else:
            body.extend([parts[0], "", text])
    if len(meanings) > 1:
        body.insert(0, "Several meanings:")
        body.insert(1, "")
    if entry.related:
        body.extend(["", "See also: " + ", ".join(_term_ref(r, known) for r in entry.related) + "."])
    return lines + ["   " + line if line else "" for line in body] + [""]


def index_data(entries: list[Located]) -> list[dict]:
    """What the filter needs beyond the page text: terms, expansions and categories, in page order."""
    return [
        {
            "term": e.entry.term,
            "aliases": list(e.entry.aliases),
            "expansions": [m.expansion for m in e.entry.meanings() if m.expansion],
            "categories": sorted({m.category.value for m in e.entry.meanings()}),
        }
        for e in entries
    ]


class GlossaryDirective(SphinxDirective):
    """```{boardroom-glossary}``` shows every entry in ``glossary/``, with a filter."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            located = sorted(glossary_entries(self), key=lambda item: sort_key(item.entry))
        except ProblemsFound as found:
            return report(self, found)
        known = {name.casefold() for item in located for name in (item.entry.term, *item.entry.aliases)}
        categories = [{"value": c.value, "label": CATEGORY_LABELS[c]} for c in Category]
        state = {"index": index_data(located), "categories": categories}
        mount = nodes.raw(
            "",
            mount_html("glossary", "glossary", str(len(located)), state, [], '<p class="br-note br-fallback">All terms, A to Z.</p>'),
            format="html",
        )
        lines = ["```{glossary}"]
        for item in located:
            lines.extend(entry_myst(item.entry, known))
        lines.append("```")
        container = nodes.container(classes=["br-glossary"])
        self.state.nested_parse(StringList(lines, source=self.config.boardroom_glossary_dir), self.content_offset, container)
        return [mount, container]


DECODER_FALLBACK = (
    '<p class="br-note br-fallback">The decoder needs JavaScript. Without it, look terms up in the glossary, '
    "or run <code>boardroom decode FILE</code> on a copy of the document.</p>"
)


def decoder_state(known_table: dict, text: str = "", report: str = "") -> dict:
    """What decoder.js reads: the lookup table, each category's label to its value (for the JSON
    shape), the address for reporting a missing term ("" for none) and the starting text."""
    categories = {label: category.value for category, label in CATEGORY_LABELS.items()}
    return {"known": known_table, "categories": categories, "report": report, "text": text}


def decoder_html(known_table: dict, text: str = "", report: str = "") -> str:
    """``text``: what the decoder starts with (a notebook's example extract)."""
    # The pasted text is not kept (persist is empty): board papers can be confidential.
    return mount_html("decoder", "decoder", "", decoder_state(known_table, text, report), [], DECODER_FALLBACK)


class DecoderDirective(SphinxDirective):
    """```{acronym-decoder}``` shows the decoder, with every acronym in ``glossary/``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            known = table_for_browser(table(glossary_entries(self)))
        except ProblemsFound as found:
            return report(self, found)
        return [nodes.raw("", decoder_html(known, report=report_url(self.config)), format="html")]


def first_sentence(text: str) -> str:
    """The opening sentence of a definition, for a card that must fit on one page."""
    match = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return match.group(1) if match else text


class AcronymCardDirective(SphinxDirective):
    """```{acronym-card}``` with one glossary term a line: a one-page table for a handout."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        try:
            located = glossary_entries(self)
        except ProblemsFound as found:
            return report(self, found)
        by_name = {name: item.entry for item in located for name in (item.entry.term, *item.entry.aliases)}
        wanted = [line.strip() for line in self.content if line.strip()]
        unknown = [t for t in wanted if t not in by_name]
        if unknown or not wanted:
            raise self.error(f"acronym-card: not in the glossary: {', '.join(unknown)}" if unknown
                             else "acronym-card: list one glossary term a line")
        lines = ["```{list-table}", ":header-rows: 1", ":class: br-acronym-card", ":widths: 10 36 54", "",
                 "* - Term", "  - Stands for", "  - In one sentence"]
        for name in wanted:
            entry = by_name[name]
            meanings = entry.meanings()
            stands = "; ".join(escape_myst(m.expansion or "") + (f" ({escape_myst(s.hint)})" if len(meanings) > 1 else "")
                               for m, s in zip(meanings, entry.senses or [None] * len(meanings)))
            # An acronym of several meanings lists them; its one sentence says so, rather than
            # describing only the first.
            sentence = ("Several meanings: check which one the paper means." if len(meanings) > 1
                        else escape_myst(first_sentence(meanings[0].definition)))
            lines += [f"* - {{term}}`{entry.term}`", f"  - {stands or '(a name, not short for words)'}", f"  - {sentence}"]
        lines.append("```")
        container = nodes.container(classes=["br-acronym-card-wrap"])
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]), self.content_offset, container)
        return [container]
