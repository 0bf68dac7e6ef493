"""The question cards as HTML: a readable, printable list, and the filter's mount.

Without JavaScript the page is every card. The filter (``cards.js``) shows the
cards for the situations and the people a reader ticks; printing then prints
just those.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Callable

from ..mount import mount_html
from .data import Located
from .model import ROLES, SITUATIONS


def put_to_names(roles: list[str]) -> str:
    """The roles as they follow "Put this to": "the chair", "the chief executive or the chair"."""
    names = [f"the {ROLES[r]}" for r in roles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def card_html(located: Located, heading: int, link: Callable[[str], tuple[str, str]]) -> str:
    card = located.card
    href, title = link(card.page)
    situations = ", ".join(SITUATIONS[s] for s in card.situations)
    return (
        f'<article class="br-card" id="card-{escape(card.id)}" data-situations="{escape(" ".join(card.situations))}" '
        f'data-put-to="{escape(" ".join(card.put_to))}">'
        f'<h{heading} class="br-card-question">{escape(card.question)}</h{heading}>\n'
        f'<p class="br-card-put-to"><strong>Put this to</strong> {escape(put_to_names(card.put_to))}.</p>\n'
        f'<p><strong>Why it matters.</strong> {escape(card.why)}</p>\n'
        f'<p><strong>A good answer sounds like this.</strong> {escape(card.good)}</p>\n'
        f'<p><strong>A worrying answer sounds like this.</strong> {escape(card.worrying)}</p>\n'
        f'<p class="br-card-meta">When to ask: {escape(situations)}. '
        f'Taught in <a href="{escape(href)}">{escape(title)}</a>.</p>\n'
        "</article>"
    )


def card_list_html(cards: list[Located], link: Callable[[str], tuple[str, str]]) -> str:
    """A fixed set of cards, as a handout prints them: no filter."""
    return '<div class="br-card-list">' + "\n".join(card_html(c, 3, link) for c in cards) + "</div>"


def cards_html(cards: list[Located], key: str, grouped: bool, link: Callable[[str], tuple[str, str]]) -> str:
    """``grouped``: a level-2 heading for each module and level-3 cards (the page of
    every card); otherwise level-3 cards under the page's own heading."""
    parts = ['<div class="br-card-list">']
    module = None
    for located in cards:
        if grouped and located.module != module:
            if module is not None:
                parts.append("</section>")
            module = located.module
            parts.append(f'<section class="br-card-group" data-module="{escape(module)}">'
                         f"<h2>{escape(located.module_title)}</h2>")
        parts.append(card_html(located, 3, link))
        # a line between cards: the search page's summaries read the page's text, and would run one card into the next
        parts.append("\n")
    if grouped and module is not None:
        parts.append("</section>")
    parts.append("</div>")
    counts = Counter(s for located in cards for s in located.card.situations)
    roles = Counter(r for located in cards for r in located.card.put_to)
    state = {
        "situations": [{"id": s, "label": label, "count": counts[s]} for s, label in SITUATIONS.items() if counts[s]],
        # A label stands alone in the filter, so it starts with a capital.
        "roles": [{"id": r, "label": label[0].upper() + label[1:], "count": roles[r]} for r, label in ROLES.items() if roles[r]],
        "cards": [{"id": c.card.id, "situations": list(c.card.situations), "put_to": list(c.card.put_to)} for c in cards],
    }
    return mount_html("cards", key, "", state, [], "".join(parts))
