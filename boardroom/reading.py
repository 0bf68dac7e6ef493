"""A reading experience that respects the reader's time.

- ```` ```{module-pages} ```` on a module's front page lists the module's pages
  from ``_toc.yml``: each page's title (linked), its one-line ``description:``
  and its reading time, worked out at build time from its words of body text
  (:func:`boardroom.glossary.lint.body_words`, the count the word limit uses)
  at myst's ``words_per_minute`` (200), plus its ``activity_minutes:`` where it
  has a quiz, a tool or practice. A module is a chapter whose page is a folder's
  ``index`` with pages under it, as for the learning record.
- Every page of a module needs ``description:`` in its front matter, and a page
  showing a quiz or a review tool needs ``activity_minutes:``; without them the
  build fails with ``file:line: problem``.
- The "previous" and "next" links at the foot of each page read as
  "Next: Warning signs in a technology strategy", and as
  "Next module: Decoding the jargon" where the next page starts another module
  (the template is ``theme/templates/components/prev-next.html``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .glossary.lint import body_words, notebook_markdown
from .pages import pages_under, site_map_of
from .problems import Problem, display_path

logger = logging.getLogger("boardroom.sphinx")

WORDS_PER_MINUTE = 200  # myst's default words_per_minute; the build reads myst's setting
DESCRIPTION_LIMIT = 160  # characters: one line in the list on a phone
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$", re.MULTILINE | re.DOTALL)
_ACTIVITY_MOUNT = re.compile(r'class="boardroom-mount" data-boardroom-component="(quiz|tool)"')
ACTIVITY_NAMES = {"quiz": "the quiz", "tool": "the review tool", None: "practice"}


@dataclass(frozen=True)
class PageFacts:
    description: str
    activity_minutes: int
    words: int




def modules(site_map) -> dict[str, list[str]]:
    """Each module's front page to its pages (the front page first), in the order of the table of contents."""
    if site_map is None:
        return {}
    found = {}
    for tree in site_map[site_map.root.docname].subtrees:
        for chapter in tree.files():
            if chapter.rsplit("/", 1)[-1] == "index" and site_map[chapter].subtrees:
                found[chapter] = pages_under(site_map, chapter)
    return found


def module_of(site_map, docname: str) -> str | None:
    """The front page of the module ``docname`` belongs to, or None."""
    return next((front for front, pages in modules(site_map).items() if docname in pages), None)


def page_facts(path: Path) -> PageFacts | Problem:
    """A module page's description, activity time and words of body text, or what is wrong with them."""
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return Problem(where, 1, f"cannot read the page: {err}")
    if path.suffix == ".ipynb":
        try:
            meta = json.loads(text).get("metadata", {})
            markdown = notebook_markdown(text)[0]
        except (ValueError, AttributeError):
            return Problem(where, 1, "not a readable notebook")
        lines = {}
    else:
        front = _FRONT_MATTER.match(text)
        try:
            meta = yaml.safe_load(front.group(1)) if front else {}
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            return Problem(where, (mark.line + 2) if mark else 1, f"the front matter is not valid YAML: {err}")
        if not isinstance(meta, dict):
            meta = {}
        markdown = text
        lines = {m.group(1): 2 + front.group(1).count("\n", 0, m.start())
                 for m in re.finditer(r"^([\w-]+):", front.group(1), re.MULTILINE)} if front else {}
    description = meta.get("description")
    if description is None:
        return Problem(where, 1, "no description: add a line 'description: what the page covers, in one "
                       "sentence' to the front matter; the module's front page lists it")
    if not isinstance(description, str) or not description.strip() or "\n" in description.strip():
        return Problem(where, lines.get("description", 1), "description must be one line of text")
    if len(description.strip()) > DESCRIPTION_LIMIT:
        return Problem(where, lines.get("description", 1),
                       f"description is {len(description.strip())} characters: keep it to {DESCRIPTION_LIMIT}")
    minutes = meta.get("activity_minutes", 0)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= 240:
        return Problem(where, lines.get("activity_minutes", 1),
                       f"activity_minutes '{minutes}' must be a whole number of minutes from 0 to 240")
    return PageFacts(typographic(" ".join(description.split())), minutes, body_words(markdown))


def typographic(text: str) -> str:
    """Curly quotes and apostrophes, as myst's typographer gives the page titles beside it."""
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    return text.replace("'", "\u2019")


def reading_minutes(words: int, per_minute: int = WORDS_PER_MINUTE) -> int:
    return max(1, math.ceil(words / per_minute))


def _per_minute(config) -> int:
    value = getattr(config, "myst_words_per_minute", WORDS_PER_MINUTE)
    return value if isinstance(value, int) and value > 0 else WORDS_PER_MINUTE


def _fail(app, docname: str, problem: Problem) -> None:
    env = app.env
    messages = env.boardroom_problems.setdefault(docname, [])
    if str(problem) not in messages:
        messages.append(str(problem))
        logger.error(str(problem))
    app.boardroom_reported.add(docname)


def check_module_page(app, doctree: nodes.document) -> None:
    """doctree-read: a module page needs a description, and one with a quiz or tool its activity time."""
    env = app.env
    docname = env.docname
    activity = None
    for raw in doctree.findall(nodes.raw):
        found = _ACTIVITY_MOUNT.search(raw.astext())
        if found:
            activity = found.group(1)
            break
    env.boardroom_activity[docname] = activity
    if module_of(site_map_of(env), docname) is None:
        return
    path = Path(env.doc2path(docname))
    facts = page_facts(path)
    if isinstance(facts, Problem):
        _fail(app, docname, facts)
    elif activity and not facts.activity_minutes:
        _fail(app, docname, Problem(display_path(path), 1, f"the page shows {ACTIVITY_NAMES[activity]}: add "
                                    "'activity_minutes: N' to the front matter, the minutes it takes to do"))


class module_pages(nodes.General, nodes.Element):
    """Where ```{module-pages}``` stands until the pages are written (links and titles need every page read)."""


class ModulePagesDirective(SphinxDirective):
    """```{module-pages}```: the module's pages with what each covers and how long it takes."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        pages = modules(site_map_of(self.env)).get(docname)
        if pages is None:
            raise self.error("{module-pages} goes on a module's front page: a folder's index.md with pages "
                             "under it in _toc.yml")
        for page in pages:  # a page's new description or words change this list
            self.env.note_dependency(str(Path(self.env.doc2path(page))))
        return [module_pages(docname=docname)]


def _minutes(n: int) -> str:
    return f"{n} minute" + "s" * (n != 1)


def _time_text(reading: int, activity: int, kind: str | None) -> str:
    text = f"{_minutes(reading)} to read"
    if activity:
        text += f", plus {activity} for {ACTIVITY_NAMES[kind]}" if kind else f", plus {activity} minutes of practice"
    return text


def resolve_module_pages(app, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: write each {module-pages} list, now that every page has been read."""
    env = app.env
    per_minute = _per_minute(app.config)
    for holder in list(doctree.findall(module_pages)):
        pages = modules(site_map_of(env)).get(holder["docname"], [])
        items = nodes.bullet_list(classes=["br-module-pages"])
        total_read = total_activity = 0
        for page in pages:
            facts = page_facts(Path(env.doc2path(page)))
            if isinstance(facts, Problem):  # the page's own check fails the build with it
                continue
            title = env.titles[page].astext() if page in env.titles else page
            reading = reading_minutes(facts.words, per_minute)
            total_read += reading
            total_activity += facts.activity_minutes
            # the title on its own line, then what the page covers and its time; the hidden
            # full stop makes the item read as two sentences
            para = nodes.paragraph()
            if page == docname:
                para += nodes.strong("", title)
                para += nodes.Text(" (this page)")
            else:
                link = nodes.reference("", "", internal=True, refuri=app.builder.get_relative_uri(docname, page))
                link += nodes.Text(title)
                para += link
            para += nodes.inline("", ". ", classes=["visually-hidden"])
            about = nodes.inline("", "", classes=["br-module-pages-about"])
            about += nodes.Text(facts.description + " ")
            about += nodes.inline("", f"({_time_text(reading, facts.activity_minutes, env.boardroom_activity.get(page))})",
                                  classes=["br-module-pages-time"])
            para += about
            items += nodes.list_item("", para)
        total = nodes.paragraph(classes=["br-module-pages-total"])
        total += nodes.strong("", "Time in all:")
        text = f" about {_minutes(total_read)} to read the module"
        if total_activity:
            text += f", plus {total_activity} for its quizzes, tools and practice"
        total += nodes.Text(text + f". Reading times count the words on each page at {per_minute} words a minute.")
        holder.replace_self([items, total])


def _init(app, env, docnames) -> None:
    if not hasattr(env, "boardroom_activity"):
        env.boardroom_activity = {}


def _purge(app, env, docname: str) -> None:
    getattr(env, "boardroom_activity", {}).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    env.boardroom_activity.update({d: a for d, a in getattr(other, "boardroom_activity", {}).items() if d in docnames})


# ---- previous and next ----------------------------------------------------------------

def _relations(app) -> dict:
    cached = getattr(app, "boardroom_relations", None)
    if cached is None:
        cached = app.boardroom_relations = app.env.collect_relations()
    return cached


def prev_next_labels(site_map, titles: dict[str, str], docname: str, prev: str | None, next_: str | None
                     ) -> dict[str, tuple[str, str]]:
    """The words before each link's title: ("Next module", "Decoding the jargon"), ("Next", "..."),
    ("Previous, in Reading a technology strategy", "...")."""
    fronts = modules(site_map)
    here = module_of(site_map, docname)
    labels = {}
    for key, word, other in (("prev", "Previous", prev), ("next", "Next", next_)):
        if other is None:
            continue
        there = module_of(site_map, other)
        title = titles.get(other, other)
        if there is not None and there != here:
            module = titles.get(there, there)
            if other in fronts:
                labels[key] = (f"{word} module", title)
            elif module.casefold() in title.casefold():  # "Check your understanding: reading a technology strategy"
                labels[key] = (word, title)
            else:
                labels[key] = (f"{word}, in {module}", title)
        else:
            labels[key] = (word, title)
    return labels


def page_context(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """html-page-context: labels for the previous and next links (components/prev-next.html)."""
    relations = _relations(app).get(pagename)
    if not relations:
        return
    _parent, prev, next_ = relations
    titles = {d: app.env.titles[d].astext() for d in (prev, next_) if d and d in app.env.titles}
    site_map = site_map_of(app.env)
    for d in filter(None, (module_of(site_map, prev) if prev else None, module_of(site_map, next_) if next_ else None)):
        if d in app.env.titles:
            titles[d] = app.env.titles[d].astext()
    context["boardroom_prev_next"] = prev_next_labels(site_map, titles, pagename, prev, next_)


def _forget_relations(app, env, docnames) -> None:
    app.boardroom_relations = None


def setup(app) -> None:
    app.add_node(module_pages)
    app.add_directive("module-pages", ModulePagesDirective)
    app.connect("env-before-read-docs", _init)
    app.connect("env-before-read-docs", _forget_relations)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-read", check_module_page)
    app.connect("doctree-resolved", resolve_module_pages)
    app.connect("html-page-context", page_context)
