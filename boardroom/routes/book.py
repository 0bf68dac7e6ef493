"""``{role-route} ID``: a route from ``exercises/routes.yml``, with its minutes, links and cards.

The build fails with ``file:line: problem`` when the routes file is broken or
names a page, section, tool or card situation the book does not have.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes
from docutils.utils import smartquotes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..cards.model import SITUATIONS
from ..directives import cached_on_app, report
from ..problems import ProblemsFound
from .data import ROUTES_PATH, ResolvedRoute, load_routes

CARDS_PAGE = "book/reference/questions-to-ask"


def _text(text: str) -> str:
    """Plain text from the data as HTML, with the typographic quotes MyST gives the pages around it."""
    return escape(smartquotes.educateQuotes(text, language="en"), quote=False)  # docutils has quote rules for "en", not "en-GB"


def _minutes(n: int) -> str:
    return f"{n} minute" if n == 1 else f"{n} minutes"


def route_html(route: ResolvedRoute, link, level: int = 3) -> str:
    """The route as HTML; ``link(page)`` gives the relative address of a page."""
    r = route.route
    h = f"h{level}"
    parts = [f'<div class="br-route" id="route-{escape(r.id)}">',
             f'<p>{_text(r.summary)} <strong>About {_minutes(route.total_minutes)} in all.</strong></p>',
             f'<{h}>Read ({_minutes(route.reading_minutes)})</{h}>', '<ol class="br-route-stops">']
    for place in route.read:
        target = link(place.page) + (f"#{place.anchor}" if place.anchor else "")
        name = _text(place.section or place.title)
        where = f", in {_text(place.title)}" if place.section else ""
        parts.append(f'<li><a href="{escape(target)}">{name}</a>{where} '
                     f'<span class="br-minutes">{_minutes(place.minutes)}</span>'
                     f'<br>{_text(place.why)}</li>')
    parts.append("</ol>")
    if route.tools:
        minutes = sum(t.minutes for t in route.tools)
        parts += [f'<{h}>Use ({_minutes(minutes)})</{h}>', '<ul class="br-route-stops">']
        for use in route.tools:
            parts.append(f'<li><a href="{escape(link(use.page))}">{_text(use.title)}</a> '
                         f'<span class="br-minutes">{_minutes(use.minutes)}</span><br>{_text(use.why)}</li>')
        parts.append("</ul>")
    if r.cards:
        names = ", ".join(SITUATIONS[s] for s in r.cards.situations)
        target = cards_address(link, r.cards.situations)
        parts += [f'<{h}>Print ({_minutes(r.cards.minutes)})</{h}>',
                  f'<p><a href="{escape(target)}">The question cards for: {_text(names)}</a>. {_text(r.cards.why)}</p>']
    parts += [f'<{h}>At your next board meeting</{h}>', f'<p>{_text(r.next_meeting)}</p>', "</div>"]
    return "\n".join(parts)


def cards_address(link, situations: list[str]) -> str:
    """The question cards page, filtered to ``situations`` (cards.js reads ``?situation=``)."""
    return link(CARDS_PAGE) + "?situation=" + ",".join(situations)


class SituationCardsRole(SphinxRole):
    """``{situation-cards}`business-case``` links to the question cards for that situation
    (several: ``business-case,go-live``); an unknown situation fails the build."""

    def run(self):
        wanted = [s.strip() for s in self.text.split(",") if s.strip()]
        unknown = [s for s in wanted if s not in SITUATIONS]
        if unknown or not wanted:
            message = self.inliner.reporter.error(
                f"situation-cards: no such situation '{', '.join(unknown) or self.text}': use one of {', '.join(SITUATIONS)}",
                line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        builder = self.env.app.builder
        self.env.note_dependency(str(Path(self.env.srcdir) / f"{CARDS_PAGE}.md"))
        target = cards_address(lambda page: builder.get_relative_uri(self.env.docname, page), wanted)
        text = f"the question cards for {' and '.join(SITUATIONS[s] for s in wanted)}"
        return [nodes.reference(self.rawtext, text, refuri=target, internal=True)], []


def _load(directive: SphinxDirective) -> list[ResolvedRoute]:
    """Every route, read once a build and shared by the pages that show one."""
    srcdir = Path(directive.env.srcdir)
    return cached_on_app(directive.env.app, "boardroom_routes",
                         lambda: load_routes(srcdir / directive.config.boardroom_routes_file, srcdir))


class RoleRouteDirective(SphinxDirective):
    """```{role-route} chair``` shows the route with that id; ``:level:`` sets its headings' level (default 3)."""

    required_arguments = 1
    has_content = False
    option_spec = {"level": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        self.env.note_dependency(str(srcdir / self.config.boardroom_routes_file))
        try:
            routes = _load(self)
        except ProblemsFound as found:
            return report(self, found)
        chosen = next((r for r in routes if r.route.id == self.arguments[0]), None)
        if chosen is None:
            known = ", ".join(r.route.id for r in routes)
            raise self.error(f"role-route: no route '{self.arguments[0]}' in {ROUTES_PATH}: use one of {known}")
        # the minutes follow the pages' words: rebuild this page when one of them changes
        for page in chosen.pages | {CARDS_PAGE}:
            for suffix in (".md", ".ipynb"):
                if (srcdir / f"{page}{suffix}").exists():
                    self.env.note_dependency(str(srcdir / f"{page}{suffix}"))
        builder = self.env.app.builder
        html = route_html(chosen, lambda page: builder.get_relative_uri(self.env.docname, page),
                          self.options.get("level", 3))
        return [nodes.raw("", html, format="html")]
