"""The site's search and the course's own content.

Sphinx's indexer already reads the words of the question cards (raw HTML, with
the tags stripped) and the glossary (docutils nodes, each term an index entry),
so a search for "SNOMED" or for a card's words finds the glossary page and the
pages that show the card. What it cannot do is point at the card: the result
opens the top of a long page. Each card is therefore also a search *object*
(the kind Sphinx keeps for API names), named by its question and anchored at
the card, so a search for a card's words lists the card itself ("What are the
evaluation criteria ...? question card, in Check your understanding: making
the decision") and opens the page at it.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.domains import Domain, ObjType

_CARD = re.compile(r'<article class="br-card" id="(card-[a-z0-9-]+)"[^>]*>\s*<h\d class="br-card-question">(.*?)</h\d>',
                   re.DOTALL)


class CourseDomain(Domain):
    """Search objects for the course's components: at present, each question card where a page shows it."""

    name = "boardroom"
    label = "Course"
    object_types = {"card": ObjType("question card", "card")}
    initial_data: dict = {"objects": {}}  # docname -> [(question, anchor)]

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        return type.lname  # "question card", where Sphinx would say "Course question card"

    def clear_doc(self, docname: str) -> None:
        self.data["objects"].pop(docname, None)

    def merge_domaindata(self, docnames, otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata["objects"]:
                self.data["objects"][docname] = otherdata["objects"][docname]

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        return None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []

    def get_objects(self):
        for docname, cards in self.data["objects"].items():
            for question, anchor in cards:
                # priority 1, Sphinx's default: listed with the pages that match, not always above them
                yield question, question, "card", docname, anchor, 1


def note_cards(app, doctree: nodes.document) -> None:
    """doctree-read: each question card the page shows becomes a search object."""
    found = []
    for raw in doctree.findall(nodes.raw):
        text = raw.astext()
        if 'class="br-card"' in text:
            found.extend((" ".join(html.unescape(q).split()), anchor) for anchor, q in _CARD.findall(text))
    domain = app.env.get_domain("boardroom")
    if found:
        domain.data["objects"][app.env.docname] = found


def setup(app) -> None:
    app.add_domain(CourseDomain)
    app.connect("doctree-read", note_cards)
