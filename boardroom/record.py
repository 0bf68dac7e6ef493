"""The learning record in the book: the reader's own progress, kept in their browser.

Nothing here is stored or sent by the build; it tells the browser's store
(``boardroom/static/store.js``, on every page) what to look for:

- the **modules**, read from ``_toc.yml``, not listed in code: a module is a
  chapter whose page is a folder's ``index`` and which has pages under it
  (``book/strategy/index`` and its sections). A new module adds itself;
- each page of a module carries ``<meta name="boardroom-page">`` and
  ``<meta name="boardroom-module">``, so the store notes the day it was visited;
- the landing page (the book's root) and each module's front page get a
  progress element, right under the title, which the store fills from what it
  has kept and which stays empty and hidden when it has nothing;
- ```` ```{learning-record} ```` shows the record page (``record.js``): with
  each module's pages, and each bank's and tool's title, so answers kept by an
  older version of the book show with their names before the reader opens them again.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import reading
from .pages import site_map_of
from .directives import report
from .mount import json_for_html, mount_html
from .problems import ProblemsFound
from .quiz.banks import find_banks, load_bank
from .tools.data import find_tools, load_tool

RECORD_FALLBACK = (
    '<div class="br-fallback"><p>With JavaScript on, this page shows what this browser has kept of your '
    "progress: the pages of each module you have visited, your best and latest score in each quiz, and the "
    "review tools you have completed with their rating. From it you can print a one-page record, download it "
    "as a file, or clear it.</p><p>With JavaScript off, nothing is kept, so there is no record to show.</p></div>"
)


@dataclass(frozen=True)
class Module:
    docname: str  # the module's front page, for example book/strategy/index
    pages: tuple[str, ...]  # the front page and every page under it, in the order of the table of contents


def modules(site_map) -> list[Module]:
    """The course's modules, in the order of the table of contents (the rule lives in boardroom.reading)."""
    return [Module(front, tuple(pages)) for front, pages in reading.modules(site_map).items()]


def _title(env, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def _record_page(app) -> str | None:
    """The page that shows the learning record (the first with the directive), for links to it."""
    pages = sorted(getattr(app.env, "boardroom_record_pages", set()))
    return pages[0] if pages else None


def progress_html(app, docname: str, shown: list[Module]) -> str:
    """The element the store fills: hidden until the reader has visited a page of one of ``shown``."""
    uri = app.builder.get_relative_uri
    data = [{"title": _title(app.env, m.docname), "href": uri(docname, m.docname), "pages": list(m.pages)}
            for m in shown]
    record = _record_page(app)
    link = (f' <a href="{html.escape(uri(docname, record))}">Your learning record</a>.' if record and record != docname
            else "")
    lead = "Your progress in this module, kept in this browser only." if len(shown) == 1 else \
        "Pages you have visited in each module, kept in this browser only."
    one = " br-module-progress-one" if len(shown) == 1 else ""
    return (f'<div class="br-module-progress{one}"><script type="application/json">{json_for_html(data)}</script>'
            f'<p class="br-module-progress-title">{lead}{link}</p>'
            '<ul class="br-module-progress-list"></ul></div>')


class learning_record(nodes.General, nodes.Element):
    """Where ```{learning-record}``` stands until the page is written (links need the builder)."""


class LearningRecordDirective(SphinxDirective):
    """```{learning-record}```: the reader's record, read from their browser's store."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        banks = Path(self.env.srcdir) / self.config.boardroom_quiz_dir
        tools = Path(self.env.srcdir) / self.config.boardroom_tools_dir
        catalogue: dict[str, dict[str, dict]] = {"quiz": {}, "tool": {}}
        try:
            for path in find_banks(banks):
                self.env.note_dependency(str(path))
                bank = load_bank(path)
                catalogue["quiz"][bank.id] = {"title": bank.title, "total": len(bank.questions)}
            for path in find_tools(tools):
                self.env.note_dependency(str(path))
                tool = load_tool(path)
                catalogue["tool"][tool.id] = {"title": tool.title}
        except ProblemsFound as found:
            return report(self, found)
        self.env.note_dependency(str(Path(self.env.srcdir) / "_toc.yml"))
        self.env.boardroom_record_pages.add(self.env.docname)
        return [learning_record(catalogue=catalogue)]


def _replace_record(app, doctree, docname: str) -> None:
    uri = app.builder.get_relative_uri
    shown = [{"id": m.docname, "title": _title(app.env, m.docname), "href": uri(docname, m.docname),
              "pages": list(m.pages)} for m in modules(site_map_of(app.env))]
    for node in list(doctree.findall(learning_record)):
        state = {"catalogue": node["catalogue"], "modules": shown, "course": app.config.html_title or app.config.project}
        node.replace_self(nodes.raw("", mount_html("record", "record", "", state, [], RECORD_FALLBACK), format="html"))


def _insert_progress(app, doctree, docname: str) -> None:
    if app.builder.format != "html":
        return
    site_map = site_map_of(app.env)
    found = modules(site_map)
    if not found:
        return
    if docname == site_map.root.docname:
        shown = found
    else:
        shown = [m for m in found if m.docname == docname]
    if not shown:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not isinstance(section[0], nodes.title):
        return
    # under the title and its "last checked" date (boardroom.pages puts that second)
    at = 2 if len(section) > 1 and isinstance(section[1], nodes.raw) and "br-last-checked" in section[1].astext() else 1
    section.insert(at, nodes.raw("", progress_html(app, docname, shown), format="html"))


def resolved(app, doctree, docname: str) -> None:
    """doctree-resolved: the record page's mount and the progress elements, with links for this page."""
    _replace_record(app, doctree, docname)
    _insert_progress(app, doctree, docname)


def page_meta(app, pagename: str, context: dict) -> None:
    """html-page-context: mark a module's pages, so the store notes the visit."""
    for module in modules(site_map_of(app.env)):
        if pagename in module.pages:
            context["metatags"] = context.get("metatags", "") + (
                f'\n<meta name="boardroom-page" content="{html.escape(pagename)}">'
                f'\n<meta name="boardroom-module" content="{html.escape(module.docname)}">')
            return


def _init_env(app, env, docnames) -> None:
    if not hasattr(env, "boardroom_record_pages"):
        env.boardroom_record_pages = set()


def _purge(app, env, docname: str) -> None:
    getattr(env, "boardroom_record_pages", set()).discard(docname)


def _merge(app, env, docnames, other) -> None:
    env.boardroom_record_pages |= {d for d in getattr(other, "boardroom_record_pages", set()) if d in docnames}


def setup(app) -> None:
    app.add_node(learning_record)
    app.add_directive("learning-record", LearningRecordDirective)
    app.connect("env-before-read-docs", _init_env)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", resolved)
