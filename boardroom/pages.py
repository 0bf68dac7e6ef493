"""Editorial facts about the pages: each page's "last checked" date, the list of
modules with their dates, and where to report an error.

Every teaching page carries ``last_checked: YYYY-MM-DD`` in its front matter (a
notebook, in its notebook metadata). The build fails with ``file:line: problem``
when a page has none or a malformed one, and shows the date under the page's
title. The ``{last-checked}`` directive lists each part of the book with the
oldest date among its pages, read from the same front matter, so the About page
never carries a typed date. ``{report-an-error}`` shows the address set in
``BOARDROOM_REPORT_URL`` at build time, or plain instructions without one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .problems import Problem, display_path

logger = logging.getLogger("boardroom.sphinx")

# Pages that need no date, and why: they teach nothing of their own that can
# go out of date. Every other page in the table of contents needs one.
EXEMPT = {
    "book/reference/glossary": "generated from glossary/*.yml, which `boardroom validate glossary` checks",
    "book/reference/decoder": "a tool that expands acronyms from the glossary; it states no facts",
    "exercises/workshops/room-summary": "the facilitator's tool that charts a room's results; no teaching text",
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$", re.MULTILINE | re.DOTALL)
_KEY = re.compile(r"^last_checked:[ \t]*([^#\n]*?)[ \t]*(?:#.*)?$", re.MULTILINE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FORM = "last_checked: YYYY-MM-DD"


def _date(value: str, path: Path, line: int, today: dt.date) -> dt.date | Problem:
    value = value.strip().strip("'\"")
    where = display_path(path)
    if not _DATE.fullmatch(value):
        return Problem(where, line, f"last_checked '{value}' is not a date in the form YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return Problem(where, line, f"last_checked '{value}' is not a real date")
    if day > today:
        return Problem(where, line, f"last_checked {value} is in the future")
    return day


def last_checked(path: Path, today: dt.date | None = None) -> dt.date | Problem:
    """The page's last-checked date, or the :class:`Problem` that stops it being read."""
    today = today or dt.date.today()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return Problem(display_path(path), 1, f"cannot read the page: {err}")
    if path.suffix == ".ipynb":
        try:
            value = json.loads(text).get("metadata", {}).get("last_checked")
        except (ValueError, AttributeError):
            return Problem(display_path(path), 1, "not a readable notebook")
        if value is None:
            return Problem(display_path(path), 1, 'no last-checked date: add "last_checked": "YYYY-MM-DD" '
                           "to the notebook's metadata")
        at = text.find('"last_checked"')
        return _date(str(value), path, text.count("\n", 0, max(at, 0)) + 1, today)
    front = _FRONT_MATTER.match(text)
    if not front:
        return Problem(display_path(path), 1, f"no last-checked date: start the page with a front matter block "
                       f"('---', '{FORM}', '---')")
    key = _KEY.search(front.group(1))
    if not key:
        return Problem(display_path(path), 1, f"the front matter has no '{FORM}'")
    return _date(key.group(1), path, front.group(1).count("\n", 0, key.start()) + 2, today)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _date_html(day: dt.date) -> str:
    return (f'<p class="br-last-checked">Last checked <time datetime="{day.isoformat()}">'
            f"{long_date(day)}</time></p>\n")


def quote_date(app, docname: str, source: list[str]) -> None:
    """source-read: hand the date to the front matter parser as a string. As a bare
    YAML date, a malformed one stops the build with a traceback, and a good one
    breaks myst-nb, which writes a text notebook's metadata out as JSON; this
    module reads and checks the date itself."""
    front = _FRONT_MATTER.match(source[0])
    if not front:
        return
    key = _KEY.search(front.group(1))
    if key and not key.group(1).startswith(("'", '"')):
        start, end = front.start(1) + key.start(1), front.start(1) + key.end(1)
        source[0] = source[0][:start] + json.dumps(key.group(1)) + source[0][end:]


def check_page(app, doctree: nodes.document) -> None:
    """doctree-read: fail the build on a missing or malformed date; show a good one under the title."""
    env = app.env
    docname = env.docname
    if docname in EXEMPT:
        return
    found = last_checked(Path(env.doc2path(docname)))
    if isinstance(found, Problem):
        env.boardroom_problems.setdefault(docname, []).append(str(found))
        logger.error(str(found))
        app.boardroom_reported.add(docname)
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not isinstance(section[0], nodes.title):
        return
    section.insert(1, nodes.raw("", _date_html(found), format="html"))


def site_map_of(env):
    """jupyter-book's map of ``_toc.yml`` for this build, or None in a plain Sphinx project."""
    return getattr(env, "external_site_map", None) or getattr(env.config, "external_site_map", None)


def pages_under(site_map, docname: str) -> list[str]:
    """A page and every page under it in the table of contents."""
    found = [docname]
    for tree in site_map[docname].subtrees:
        for child in tree.files():
            found.extend(pages_under(site_map, child))
    return found


def toc_files(book_root: Path) -> list[str]:
    """Every page named in ``_toc.yml``, root first, as paths without a suffix (read from the file,
    for code that runs outside a build)."""
    toc = yaml.safe_load((book_root / "_toc.yml").read_text(encoding="utf-8")) or {}
    files: list[str] = [toc["root"]] if "root" in toc else []

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in toc.items() if k != "root"})
    return [re.sub(r"\.(md|ipynb)$", "", f) for f in files]


class LastCheckedDirective(SphinxDirective):
    """```{last-checked}```: a table of the book's parts, each with the oldest date among its pages."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        site_map = site_map_of(self.env)
        if site_map is None:  # a plain Sphinx project: no parts to list
            raise self.error("{last-checked} lists the parts of a Jupyter Book's _toc.yml; this project has none")
        rows = []
        for tree in site_map[site_map.root.docname].subtrees:
            groups = [(tree.caption, tree.files())] if tree.caption else [(None, [f]) for f in tree.files()]
            for caption, files in groups:
                pages = [p for f in files for p in pages_under(site_map, f) if p not in EXEMPT]
                days = []
                for page in pages:
                    path = Path(self.env.doc2path(page))
                    self.env.note_dependency(str(path))
                    day = last_checked(path)
                    if not isinstance(day, Problem):  # the page's own check reports it
                        days.append(day)
                if days:
                    rows.append((self._link(caption, files[0]), f"{len(pages)} page" + "s" * (len(pages) != 1),
                                 long_date(min(days))))
        return [_table(("Part of the course", "Pages", "Last checked (its oldest page)"), rows)]

    def _link(self, caption: str | None, docname: str) -> nodes.Node:
        ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + docname,
                                    refexplicit=caption is not None, refdoc=self.env.docname)
        ref += nodes.inline("", caption or docname, classes=["doc"])
        return ref


def _table(head: tuple[str, ...], rows: list[tuple]) -> nodes.table:
    table = nodes.table(classes=["br-last-checked-table"])
    group = nodes.tgroup(cols=len(head))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in head)

    def row(cells) -> nodes.row:
        out = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += nodes.paragraph("", "", cell if isinstance(cell, nodes.Node) else nodes.Text(cell))
            out += entry
        return out

    group += nodes.thead("", row(head))
    group += nodes.tbody("", *(row(r) for r in rows))
    return table


def _markdown(directive: SphinxDirective, text: str) -> list[nodes.Node]:
    """``text`` parsed as the page's own MyST Markdown."""
    holder = nodes.container()
    directive.state.nested_parse(StringList(text.splitlines(), directive.get_source_info()[0]),
                                 directive.content_offset, holder)
    return holder.children


def report_url(config) -> str:
    return (config.boardroom_report_url or "").strip()


class ReportErrorDirective(SphinxDirective):
    """```{report-an-error}```: how a reader reports a mistake, with this copy's address if it has one."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        url = report_url(self.config)
        if url:
            text = (f"[Report an error]({url}): say which page and which sentence, what you think is wrong "
                    "and, if you can, where you read the right fact.")
        else:
            text = ("Tell the person or team who gave you this course (for most readers, the board secretary "
                    "or the organisational development team): say which page and which sentence, what you think "
                    "is wrong and, if you can, where you read the right fact. They pass it to the course editors.")
        return _markdown(self, text)


REPORT_ADDRESS = re.compile(r"(https://|http://|mailto:)\S+$")


def report_address() -> str:
    """BOARDROOM_REPORT_URL if it is a usable address, else "": for a notebook's decoder, which
    runs outside Sphinx (in the build, the kernel has the build's environment)."""
    value = os.environ.get("BOARDROOM_REPORT_URL", "").strip()
    return value if REPORT_ADDRESS.match(value) else ""


def read_report_url(app, config) -> None:
    """config-inited: the address for error reports is a fact of a deployment, set at build time."""
    value = os.environ.get("BOARDROOM_REPORT_URL", "").strip()
    if value:
        config.boardroom_report_url = value
    url = report_url(config)
    if url and not REPORT_ADDRESS.match(url):
        logger.warning(f"BOARDROOM_REPORT_URL '{url}' is not an https://, http:// or mailto: address; "
                       "pages show plain instructions instead")
        config.boardroom_report_url = ""


def setup(app) -> None:
    app.add_config_value("boardroom_report_url", "", "env")
    app.add_directive("last-checked", LastCheckedDirective)
    app.add_directive("report-an-error", ReportErrorDirective)
    app.connect("config-inited", read_report_url)
    app.connect("source-read", quote_date)
    app.connect("doctree-read", check_page)
