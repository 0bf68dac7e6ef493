"""``boardroom.sphinx``: the book's side of the component architecture.

Enabled from ``_config.yml``. It

- offers the ``{quiz}`` directive, which shows a question bank on a Markdown
  page without executing code, and fails the build with ``file:line: problem``
  when the bank is missing or broken; likewise one directive a review tool,
  named for its file in ``exercises/tools/`` (``{strategy-review}``,
  ``{health-check}``, ``{contract-review}``: a new rules file brings its own
  directive, with no code change), ``{question-cards}`` (see
  :mod:`boardroom.cards.book`), and ``{boardroom-glossary}`` and
  ``{acronym-decoder}`` (see :mod:`boardroom.glossary.book`),
  ``{room-summary}``, the facilitator's summary of a room's result files read in
  the browser (see :mod:`boardroom.results.book`), ``{role-route}``, a route
  through the course from ``exercises/routes.yml`` (see :mod:`boardroom.routes`),
  and ``{learning-record}``;
- keeps the reader's learning record in their browser: ``_static/boardroom-store.js``
  on every page, progress on the landing page and each module's front page
  (see :mod:`boardroom.record`);
- gives each page's ``{term}`` links their meanings, for the tips shown on
  hover and focus (``terms.js``);
- ships pdf.js (``boardroom/static/vendor/pdfjs``) as ``_static/pdfjs/``, which
  the decoder fetches only when a reader chooses a PDF;
- ships every component once, as ``_static/boardroom.js`` (a classic script,
  so the book also works from ``file://``) and ``_static/boardroom.css``, on
  the pages that hold a component, whether the ``{quiz}`` directive or an
  executed notebook's widget output (its ``text/html`` entry) put it there;
  the room summary and the learning record, big and each on one page, come as
  their own ``_static/boardroom-NAME.js`` and ``.css`` on that page only;
- drops the embedded ipywidgets state from pages: with myst-nb's CDN scripts
  switched off (``nb_ipywidgets_js: {}``) nothing reads it;
- shows each page's "last checked" date under its title and fails the build
  on a teaching page without one; ``{last-checked}`` and ``{report-an-error}``
  serve the About page (see :mod:`boardroom.pages`);
- lists each module's pages with their reading times on its front page
  (``{module-pages}``) and words the previous and next links (see
  :mod:`boardroom.reading`); makes each question card a search result of its
  own (see :mod:`boardroom.search`);
- shows each cited source beside the text that cites it, in the margin on a
  wide screen and under the paragraph on a narrow one (see
  :mod:`boardroom.sidenotes`);
- keeps pages light and accessible: template and style fixes to the stock
  theme (``boardroom/theme``; the sidebar's names through :func:`sidebar_nav`),
  its icons as a small stylesheet in place of
  the Font Awesome script, and the stock extensions' assets only on the pages
  that use them.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives as rst_directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import __version__, pages, reading, record, search, sidenotes
from .components import OWN_SCRIPT, classic_script, own_script, own_stylesheet, store_script, stylesheet
from .directives import load_once, report
from .glossary.book import AcronymCardDirective, DecoderDirective, GlossaryDirective
from .problems import ProblemsFound
from .mount import mount_html
from .quiz.banks import bank_path, load_bank_by_id
from .quiz.render import quiz_html
from .cards.book import QuestionCardsDirective
from .routes.book import RoleRouteDirective, SituationCardsRole
from .tools.data import load_tool_by_id, tool_path
from .tools.render import tool_html
from .results.book import rules_payload, summary_html
from .quiz.banks import find_banks
from .tools.data import find_tools

logger = logging.getLogger(__name__)

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
MOUNT_MARK = 'class="boardroom-mount"'
_DATA_KEY = re.compile(r'class="boardroom-mount" data-boardroom-component="(quiz|tool)" data-boardroom-key="([a-z0-9-]+)"')


class QuizDirective(SphinxDirective):
    """```{quiz} BANK-ID``` shows ``exercises/quizzes/BANK-ID.yml``."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        bank_id = self.arguments[0]
        folder = Path(self.env.srcdir) / self.config.boardroom_quiz_dir
        self.env.note_dependency(str(bank_path(bank_id, folder)))
        try:
            bank = load_bank_by_id(bank_id, folder)
        except ProblemsFound as found:
            return report(self, found)
        return [nodes.raw("", quiz_html(bank), format="html")]


def tool_directive(tool_id: str) -> type[SphinxDirective]:
    """```{ID}```, such as ```{health-check}```: the tool from ``exercises/tools/ID.yml``."""

    class ToolDirective(SphinxDirective):
        has_content = False
        boardroom_tool = tool_id

        def run(self) -> list[nodes.Node]:
            folder = Path(self.env.srcdir) / self.config.boardroom_tools_dir
            self.env.note_dependency(str(tool_path(tool_id, folder)))
            try:
                tool = load_tool_by_id(tool_id, folder)
            except ProblemsFound as found:
                return report(self, found)
            return [nodes.raw("", tool_html(tool), format="html")]

    return ToolDirective


def _add_tool_directives(app: Sphinx, config) -> None:
    """One directive for each rules file in the tools folder, named for the file. A name
    that is already another directive (``note``, ``quiz``) fails the build rather than
    replacing it."""
    folder = Path(app.srcdir) / config.boardroom_tools_dir
    for path in find_tools(folder):
        name = path.stem
        # docutils keeps directives in one registry per process: a tool directive left by
        # an earlier build in this process is ours to replace, anything else is not.
        # (docutils' own directives, such as note, wait in _directive_registry until first used)
        ours = getattr(rst_directives._directives.get(name), "boardroom_tool", None) == name
        taken = name in rst_directives._directives or name in rst_directives._directive_registry
        if taken and not ours:
            logger.error("%s:1: tool '%s' has the name of another directive: rename the file and its id",
                         path.relative_to(app.srcdir), name)
            continue
        app.add_directive(name, tool_directive(name), override=True)


class RoomSummaryDirective(SphinxDirective):
    """```{room-summary}```: the room's summary, read in the browser, with every bank's answers
    and every tool's labels (it re-marks quiz answers as the Python summariser does)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        banks = Path(self.env.srcdir) / self.config.boardroom_quiz_dir
        tools = Path(self.env.srcdir) / self.config.boardroom_tools_dir
        for path in [*find_banks(banks), *find_tools(tools)]:
            self.env.note_dependency(str(path))
        try:
            rules = rules_payload(banks, tools)
        except ProblemsFound as found:
            return report(self, found)
        return [nodes.raw("", summary_html(rules), format="html")]


def _note_widget_data(app: Sphinx, doctree: nodes.document) -> None:
    """Rebuild a notebook page when a bank or a tool's rules that its widget output shows is edited."""
    srcdir = Path(app.srcdir)
    for raw in doctree.findall(nodes.raw):
        for component, key in _DATA_KEY.findall(raw.astext()):
            if component == "quiz":
                app.env.note_dependency(str(bank_path(key, srcdir / app.config.boardroom_quiz_dir)))
            else:
                app.env.note_dependency(str(tool_path(key, srcdir / app.config.boardroom_tools_dir)))


THEME = Path(__file__).parent / "theme"
VENDOR = Path(__file__).parent / "static" / "vendor"
# The landing page's doors and the routes' minutes: styles for three pages, shipped
# to those only (every page's weight counts against its budget).
ROUTES_CSS = Path(__file__).parent / "routes" / "routes.css"
ROUTES_MARKS = ('class="br-route"', 'class="br-doors')

# Assets that jupyter-book's stock extensions add to every page, which no page
# gets. Thebe (live code through a remote kernel) is off in _config.yml. Copy
# buttons on code are a nicety for the few facilitator pages, worth three
# requests and 7 kB each; readers can still select and copy.
_DROPPED = ("sphinx-thebe.js", "sphinx-thebe.css", "copybutton.js", "clipboard.min.js", "copybutton.css")
# ... and those kept only on pages whose body uses them: (file name parts, a mark in the body).
_TOGGLED = ("toggle", 'class="dropdown admonition')
_ONLY_WHEN_USED = [
    (("pygments.css",), 'class="highlight'),
    # sphinx-togglebutton folds `.toggle` blocks and admonitions with `:class: dropdown`
    (("togglebutton.js", "togglebutton.css"), _TOGGLED),
    (("sphinx-design.min.css", "design-tabs.js"), " sd-"),
    (("mystnb.",), 'class="cell'),
]
_INLINE_ONLY_WHEN_USED = [("toggleHint", _TOGGLED), ("togglebuttonSelector", _TOGGLED), ("toggleOpenOnPrint", _TOGGLED)]


def _add_theme_templates(app: Sphinx, config) -> None:
    config.templates_path.insert(0, str(THEME / "templates"))


def _launch_services(app: Sphinx, config) -> None:
    """Launch buttons from the build's environment: where the repository lives and
    which Jupyter service the room uses are facts of a deployment, not of the course."""
    options = config.html_theme_options
    launch = dict(options.get("launch_buttons") or {})
    repository = os.environ.get("BOARDROOM_REPOSITORY_URL", "").strip()
    if repository:
        options["repository_url"] = repository
    branch = os.environ.get("BOARDROOM_REPOSITORY_BRANCH", "").strip()
    if branch:
        options["repository_branch"] = branch
    for variable, key in (("BOARDROOM_JUPYTERHUB_URL", "jupyterhub_url"), ("BOARDROOM_BINDERHUB_URL", "binderhub_url")):
        if os.environ.get(variable, "").strip():
            launch[key] = os.environ[variable].strip()
    options["launch_buttons"] = launch


def _write_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    folder = Path(app.doctreedir).parent / "boardroom_static"
    folder.mkdir(parents=True, exist_ok=True)
    theme_css = "\n".join(p.read_text(encoding="utf-8") for p in sorted(THEME.glob("*.css")))
    for name, text in (
        ("boardroom.js", classic_script()),
        ("boardroom.css", stylesheet()),
        ("boardroom-theme.css", theme_css),
        ("boardroom-menus.js", (THEME / "menus.js").read_text(encoding="utf-8")),
        ("boardroom-routes.css", ROUTES_CSS.read_text(encoding="utf-8")),
        ("boardroom-store.js", store_script()),
        *((f"boardroom-{name}.js", own_script(name)) for name in OWN_SCRIPT),
        *((f"boardroom-{name}.css", own_stylesheet(name)) for name in OWN_SCRIPT),
    ):
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    app.config.html_static_path.append(str(folder))
    # pdf.js for the decoder, as _static/pdfjs/: fetched only when a reader chooses a PDF
    app.config.html_static_path.append(str(VENDOR))
    app.add_css_file("boardroom-theme.css", priority=900)


def _wanted(script, body: str) -> bool:
    attributes = getattr(script, "attributes", {})
    filename = getattr(script, "filename", None) or ""
    inline = attributes.get("body", "")
    if attributes.get("type") == WIDGET_STATE:
        return False
    # jupyter-book and sphinx-book-theme each declare Thebe's settings, and the
    # second `const THEBE_JS_URL` would throw on every page.
    if "THEBE_JS_URL" in inline or filename.endswith(_DROPPED):
        return False
    def used(marks) -> bool:
        return any(m in body for m in ((marks,) if isinstance(marks, str) else marks))

    for endings, marks in _ONLY_WHEN_USED:
        if any(e in filename for e in endings) and not used(marks):
            return False
    return not any(key in inline and not used(marks) for key, marks in _INLINE_ONLY_WHEN_USED)


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    context["boardroom_sidebar_nav"] = sidebar_nav
    body = context.get("body", "")
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if assets is None:
            continue
        kept, seen_bodies = [], set()
        for asset in assets:
            inline = getattr(asset, "attributes", {}).get("body")
            if _wanted(asset, body) and not (inline and inline in seen_bodies):
                kept.append(asset)
                seen_bodies.add(inline)
        assets[:] = kept
    if "#term-" in body:
        body = context["body"] = body + _term_tips(app, body)
    if any(mark in body for mark in ROUTES_MARKS):
        app.add_css_file("boardroom-routes.css")
    record.page_meta(app, pagename, context)
    # the learning record's store, on every page: it notes visits to module pages and
    # fills the progress elements; before boardroom.js, whose host keeps state in it
    app.add_js_file("boardroom-store.js", defer="defer", priority=498)
    if MOUNT_MARK in body:
        app.add_css_file("boardroom.css")
        for name in OWN_SCRIPT:
            if f'data-boardroom-component="{name}"' in body:
                # before boardroom.js, whose host mounts the page's components as it runs
                app.add_js_file(f"boardroom-{name}.js", defer="defer", priority=499)
                app.add_css_file(f"boardroom-{name}.css", priority=501)
        app.add_js_file("boardroom.js", defer="defer")


_SECTION_TOGGLE = re.compile(r'(<a class="[^"]*reference internal[^"]*" href="[^"]*">([^<]*)</a><details[^>]*>)<summary>')
_CURRENT_LINK = '<a class="current reference internal" href="#">'


def sidebar_nav(toctree: str) -> str:
    """The sidebar's page list for screen readers: each section's show-and-hide
    control named for its section ("Pages in Reading a technology strategy", where
    the stock one is an icon alone), and the current page marked as current."""
    toctree = _SECTION_TOGGLE.sub(
        lambda m: f'{m.group(1)}<summary aria-label="Pages in {html.escape(html.unescape(m.group(2).strip()))}">', toctree)
    return toctree.replace(_CURRENT_LINK, _CURRENT_LINK[:-1] + ' aria-current="page">')


_TERM_ANCHOR = re.compile(r'href="[^"]*#(term-[^"]+)"')


def _term_definitions(app: Sphinx) -> dict[str, dict[str, str]]:
    """Glossary anchor (term-...) to a short meaning, built once a build."""
    cached = getattr(app, "boardroom_term_definitions", None)
    if cached is not None:
        return cached
    definitions: dict[str, dict[str, str]] = {}
    try:
        located = load_once(app)
    except ProblemsFound:
        located = []  # the glossary page reports the problems
    objects = app.env.get_domain("std").objects
    for item in located:
        meanings = item.entry.meanings()
        if len(meanings) == 1:
            m = meanings[0]
            text = f"{m.expansion}: {m.definition}" if m.expansion else m.definition
        else:
            text = "Several meanings: " + "; ".join(
                f"{s.expansion or item.entry.term} ({s.hint})" for s in item.entry.senses
            ) + "."
        for name in (item.entry.term, *item.entry.aliases):
            found = objects.get(("term", name)) or objects.get(("term", name.lower()))
            if found:
                definitions[found[1]] = {"term": item.entry.term, "text": " ".join(text.split())}
    app.boardroom_term_definitions = definitions
    return definitions


def _term_tips(app: Sphinx, body: str) -> str:
    """A mount giving the page's {term} links their meanings, for the tips."""
    definitions = _term_definitions(app)
    used = {a: definitions[a] for a in sorted(set(_TERM_ANCHOR.findall(body))) if a in definitions}
    if not used:
        return ""
    return mount_html("terms", "terms", "", {"definitions": used}, [], "")


def _init_env(app: Sphinx, env, docnames) -> None:
    if not hasattr(env, "boardroom_problems"):
        env.boardroom_problems = {}
    app.boardroom_reported = set()


def _purge(app: Sphinx, env, docname: str) -> None:
    getattr(env, "boardroom_problems", {}).pop(docname, None)


def _merge(app: Sphinx, env, docnames, other) -> None:
    env.boardroom_problems.update(
        {d: p for d, p in getattr(other, "boardroom_problems", {}).items() if d in docnames}
    )


# The stock theme's stylesheet carries a Font Awesome rule for each of about
# 1,900 icons (`.fa-x::before{content:"\\f..."}`), a third of its bytes. This
# site draws the few icons it uses as CSS masks (theme/icons.css) and sets
# those glyphs to `content: none`, so the rules are dead weight on every page.
_ICON_GLYPH_RULE = re.compile(r'(?:\.fa-[a-z0-9-]+::?before,?\s*)+\{\s*content:[^}]*\}')
_SOURCE_MAP_NOTE = re.compile(r'/\*# sourceMappingURL=[^*]*\*/')
THEME_STYLESHEET = Path("_static") / "styles" / "pydata-sphinx-theme.css"


def trimmed_theme_css(css: str) -> str:
    """The stock theme's stylesheet without its icon glyph rules or source-map note."""
    return _SOURCE_MAP_NOTE.sub("", _ICON_GLYPH_RULE.sub("", css))


def _trim_theme_stylesheet(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    sheet = Path(app.outdir) / THEME_STYLESHEET
    if sheet.is_file():
        sheet.write_text(trimmed_theme_css(sheet.read_text(encoding="utf-8")), encoding="utf-8")
        # the map describes the stock file, no longer the one served
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)


def _fail_on_problems(app: Sphinx, exception) -> None:
    """A broken bank fails the build even without -W, and keeps failing until fixed."""
    problems = getattr(app.env, "boardroom_problems", {})
    for docname, messages in sorted(problems.items()):
        if docname not in app.boardroom_reported:
            for message in messages:
                logger.error(message, location=docname)
    if problems and exception is None:
        app.statuscode = 1


def setup(app: Sphinx) -> dict:
    app.add_config_value("boardroom_quiz_dir", "exercises/quizzes", "env")
    app.add_config_value("boardroom_glossary_dir", "glossary", "env")
    app.add_config_value("boardroom_tools_dir", "exercises/tools", "env")
    app.add_config_value("boardroom_cards_dir", "exercises/questions", "env")
    app.add_config_value("boardroom_routes_file", "exercises/routes.yml", "env")
    app.add_directive("quiz", QuizDirective)
    app.add_directive("boardroom-glossary", GlossaryDirective)
    app.add_directive("acronym-decoder", DecoderDirective)
    app.add_directive("question-cards", QuestionCardsDirective)
    app.add_directive("room-summary", RoomSummaryDirective)
    app.add_directive("acronym-card", AcronymCardDirective)
    app.add_directive("role-route", RoleRouteDirective)
    app.add_role("situation-cards", SituationCardsRole())
    pages.setup(app)
    reading.setup(app)
    search.setup(app)
    record.setup(app)
    sidenotes.setup(app)
    app.connect("config-inited", _add_theme_templates)
    app.connect("config-inited", _launch_services)
    app.connect("config-inited", _add_tool_directives)
    app.connect("env-before-read-docs", _init_env)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-read", _note_widget_data)
    app.connect("builder-inited", _write_assets)
    app.connect("html-page-context", _page_assets)
    app.connect("build-finished", _trim_theme_stylesheet)
    app.connect("build-finished", _fail_on_problems)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
