"""Sources as side notes, out of the reading line.

Pages cite sources as numbered MyST footnotes (``[^3]``), defined under
"Sources" at the end of the page. The numbered list stays where it is: it is
what prints, what a screen reader reaches through the footnote link, and the
target of every citation. For readers on screen, the first block in each
section that cites a source also gets the source's text beside it:

- where the right margin is free, floated into it beside the block
  (``br-sidenotes-margin``, placed before the block so the two line up; the
  theme's ``margin`` class gives it the theme's margin layout): from 992 px,
  but not from 1,200 px on a page with a contents list, whose sticky column
  takes the margin and would cover the notes as the reader scrolls;
- elsewhere, as small notes under the block (``br-sidenotes-below``).

CSS (``theme/pages.css``) shows one of the two copies at any width, so the
other is out of the layout and out of the accessibility tree, and prints
neither. Why not sphinx-book-theme's ``use_sidenotes``: in version 1.3.0 it
removes the numbered list, leaves every citation of a source after the first
a link to nothing, and on a narrow screen hides each note behind a checkbox
that a keyboard cannot reach.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


def _block(node: nodes.Node) -> nodes.Element | None:
    """The node's ancestor that is a direct child of a section (or of the document)."""
    while node.parent is not None and not isinstance(node.parent, (nodes.section, nodes.document)):
        if isinstance(node.parent, nodes.footnote):
            return None  # a citation inside a source's own note
        node = node.parent
    return node if node.parent is not None else None


def _note(footnote: nodes.footnote) -> nodes.paragraph:
    """The source's text, number first; a bare address shown as its site's name."""
    label = footnote[0].astext() if isinstance(footnote[0], nodes.label) else ""
    note = nodes.paragraph(classes=["br-sidenote"])
    number = nodes.inline(classes=["br-sidenote-number"])
    number += nodes.inline("", "Source ", classes=["visually-hidden"])
    number += nodes.Text(label)
    note += number
    note += nodes.Text(" ")
    for body in footnote.children[1:]:
        for child in (body.children if isinstance(body, nodes.paragraph) else [body]):
            copy = child.deepcopy()
            if isinstance(copy, nodes.reference) and copy.get("refuri", "") == copy.astext():
                host = urlparse(copy["refuri"]).hostname or copy["refuri"]
                copy.children = [nodes.Text(host.removeprefix("www."))]
            note += copy
    return note


class SideNotes(SphinxPostTransform):
    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        footnotes = {id_: f for f in self.document.findall(nodes.footnote) for id_ in f["ids"]}
        blocks: dict[int, tuple[nodes.Element, list[nodes.footnote]]] = {}
        shown: set[tuple[int, str]] = set()  # (section, source): each source once a section
        for ref in self.document.findall(nodes.footnote_reference):
            block = _block(ref)
            target = footnotes.get(ref.get("refid", ""))
            if block is None or target is None or (id(block.parent), ref["refid"]) in shown:
                continue
            shown.add((id(block.parent), ref["refid"]))
            blocks.setdefault(id(block), (block, []))[1].append(target)
        for block, cited in blocks.values():
            parent = block.parent
            margin = nodes.container(classes=["br-sidenotes", "br-sidenotes-margin", "margin"])
            below = nodes.container(classes=["br-sidenotes", "br-sidenotes-below"])
            for footnote in cited:
                margin += _note(footnote)
                below += _note(footnote)
            at = parent.index(block)
            parent.insert(at + 1, below)
            parent.insert(at, margin)


def sort_sources(app, doctree: nodes.document) -> None:
    """myst-parser lists footnotes in the order they are first cited; list numbered sources by number."""
    for parent in {id(f.parent): f.parent for f in doctree.findall(nodes.footnote)}.values():
        notes = [c for c in parent.children if isinstance(c, nodes.footnote)]
        labels = [n[0].astext() if n.children and isinstance(n[0], nodes.label) else "" for n in notes]
        if len(notes) < 2 or not all(label.isdigit() for label in labels):
            continue
        slots = [parent.index(n) for n in notes]
        for slot, note in zip(slots, sorted(notes, key=lambda n: int(n[0].astext()))):
            parent.children[slot] = note
            note.parent = parent


def _no_rule_before_sources(app, config) -> None:
    """The "Sources" heading introduces the list. MyST's rule before the footnotes would
    open that section with a transition, which docutils rejects."""
    config.myst_footnote_transition = False


def setup(app) -> None:
    app.connect("config-inited", _no_rule_before_sources)
    app.add_post_transform(SideNotes)
    app.connect("doctree-read", sort_sources)
