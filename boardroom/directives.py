"""What the book's directives share: reporting a user's broken data so the build fails."""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .glossary.data import Located, glossary_files, load_glossary
from .problems import ProblemsFound

logger = logging.getLogger("boardroom.sphinx")


def report(directive: SphinxDirective, found: ProblemsFound) -> list:
    """Log each ``file:line: problem`` at the directive and remember it for the page.

    boardroom.sphinx fails the build while any page has problems, even on a
    rebuild that does not read that page again.
    """
    env = directive.env
    messages = [str(p) for p in found.problems]
    env.boardroom_problems.setdefault(env.docname, []).extend(messages)
    for message in messages:
        logger.error(message, location=directive.get_location())
    env.app.boardroom_reported.add(env.docname)
    return []


def cached_on_app(app, name: str, load):
    """``load()``'s result, read once a build and kept on ``app`` as ``name``; a broken
    file's :class:`ProblemsFound` is kept too, and raised to every page that asks."""
    cached = getattr(app, name, None)
    if cached is None:
        try:
            cached = load()
        except ProblemsFound as found:
            cached = found
        setattr(app, name, cached)
    if isinstance(cached, ProblemsFound):
        raise cached
    return cached


def load_once(app) -> list[Located]:
    """The glossary, read once a build (it takes half a second) and shared by the
    glossary page, the decoder page and the term tips; :class:`ProblemsFound` if broken."""
    return cached_on_app(app, "boardroom_glossary",
                         lambda: load_glossary(Path(app.srcdir) / app.config.boardroom_glossary_dir))


def glossary_entries(directive: SphinxDirective) -> list[Located]:
    """The glossary, noted as a dependency of the page; :class:`ProblemsFound` if it is broken."""
    folder = Path(directive.env.srcdir) / directive.config.boardroom_glossary_dir
    for path in glossary_files(folder):
        directive.env.note_dependency(str(path))
    return load_once(directive.env.app)
