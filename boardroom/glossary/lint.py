"""Acronym lints for the course text (run as tests).

1. Every acronym in a page is in the glossary, or in the short reviewed
   allowlist below.
2. The first use of an acronym in a page's text is spelled out (its expansion
   stands within a sentence or two of it) or linked to the glossary with the
   ``{term}`` role. Readers arrive from search, mid-book, so every page counts.

The text is everything a reader reads: paragraphs, lists, tables, the bodies
and titles of admonitions and other prose directives, and the Markdown cells of
notebooks. Multi-word and hyphenated acronyms in the glossary ("SNOMED CT",
"UK GDPR", "e-RS") are one term each. Headings, code, links' addresses,
directive options, footnote definitions and the closing "Sources" list (whose
titles are quoted as published) are not text for these purposes.

Practice material that asks the reader to decode jargon is marked with the
``practice-extract`` class (an admonition's ``:class:``) or, for a notebook
cell, the ``practice-extract`` tag. Inside it, rule 2 does not apply and a
``{term}`` link is itself a finding, since hovering over it would solve the
exercise; acronyms there must still be in the glossary, or the decoder could
not help. A first use inside an extract does not count as the page's first
use: the teaching text after it must still explain the acronym.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .decoder import TOKEN, UNKNOWN, looks_like_acronym

# Reviewed: words in capitals that are not jargon a reader needs explained.
ALLOWLIST = {
    "UK": "the country, understood by every reader",
    "OK": "a word, not an acronym",
    "FILE": "a placeholder in a command line example",
    "AA": "a WCAG conformance level, always written as part of 'WCAG 2.2 AA'",
}
NEAR = 250  # characters either side of a first use in which its expansion may stand
PRACTICE = "practice-extract"

_FENCE = re.compile(r"^(```+|~~~+|:::+)(.*?)$(.*?)^\1\s*$", re.MULTILINE | re.DOTALL)
# Directives whose body is prose the reader reads; every other fence is code or data.
PROSE_DIRECTIVES = {"admonition", "note", "tip", "warning", "important", "caution", "attention", "hint",
                    "seealso", "danger", "error", "dropdown", "epigraph", "sidebar", "topic"}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_TERM_ROLE = re.compile(r"\{term\}`([^`<]*?)(?:\s*<([^>]+)>)?`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
_HEADING = re.compile(r"^#{1,6} .*$", re.MULTILINE)
_SOURCES = re.compile(r"^#{2,6} Sources\s*$.*", re.MULTILINE | re.DOTALL)
# A footnote definition, with its indented continuation lines, and a footnote reference.
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]\s]+\]:.*(?:\n(?:[ \t]+\S.*|[ \t]*(?=\n[ \t]+\S)))*", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")


@dataclass(frozen=True)
class Finding:
    line: int
    message: str


def _blank(match: re.Match) -> str:
    """Keep line numbers: replace a span with spaces, newlines kept."""
    return re.sub(r"[^\n]", " ", match.group(0))


def spelled_out(expansion: str, text: str) -> bool:
    """Whether ``text`` spells out ``expansion``: its words in order, allowing plurals and
    other endings ("Internet Protocol address" in "internet protocol (IP) addresses")."""
    words = re.findall(r"[^\W_]+", expansion)
    if not words:
        return False
    gap = r"[\W_]+(?:\([^)]*\)[\W_]+)?"
    pattern = gap.join(re.escape(w) + r"\w*" for w in words)
    return re.search(pattern, text, re.IGNORECASE) is not None


def is_acronym_name(name: str) -> bool:
    """A glossary name the lint treats as an acronym: "ICB", "e-RS", or words that each are one ("SNOMED CT")."""
    return all(looks_like_acronym(word) or word.isupper() for word in name.split()) and looks_like_acronym(
        name.replace(" ", "")
    )


def known_acronyms(entries) -> dict[str, list[str]]:
    """Every acronym and spelling in the glossary (``Located`` items) to its expansions."""
    known: dict[str, list[str]] = {}
    for item in entries:
        expansions = [m.expansion for m in item.entry.meanings() if m.expansion]
        for name in (item.entry.term, *item.entry.aliases):
            if is_acronym_name(name):
                known.setdefault(name, []).extend(expansions)
    return known


def _fence(match: re.Match, practice: list[tuple[int, int]], offset: int = 0) -> str:
    """Blank a code fence whole; for a prose directive, blank its name, options and code
    fences, and keep its title and body. Note where practice extracts lie."""
    name = re.match(r"\s*\{([\w-]+)\}", match.group(2))
    if not name or name.group(1) not in PROSE_DIRECTIVES:
        return _blank(match)
    classes = re.search(r"^:class:(.*)$", match.group(3), re.MULTILINE)
    if classes and PRACTICE in classes.group(1).split():
        practice.append((offset + match.start(), offset + match.end()))
    body_start = offset + match.start(3)
    body = re.sub(r"^:[\w-]+:.*$", lambda m: " " * len(m.group(0)), match.group(3), flags=re.MULTILINE)
    body = _FENCE.sub(lambda m: _fence(m, practice, body_start), body)
    head = " " * (len(match.group(1)) + name.end()) + match.group(2)[name.end():]
    tail = re.sub(r"[^\n]", " ", match.group(0)[match.end(3) - match.start():])  # the closing fence
    return head + body + tail


def prose(markdown: str) -> tuple[str, dict[str, int], list[tuple[int, int]], list[tuple[int, str]]]:
    """The page's running text, same length and lines as the source; where each term
    is first linked with {term}; the spans of practice extracts; and each {term} role
    with where it stands."""
    linked: dict[str, int] = {}
    practice: list[tuple[int, int]] = []

    def role(match: re.Match) -> str:
        for name in {(match.group(2) or match.group(1)).strip(), match.group(1).strip()}:
            linked.setdefault(name, match.start())
        return " " * len(match.group(0))

    text = _FRONT_MATTER.sub(_blank, markdown)
    text = _SOURCES.sub(_blank, text)
    text = _FOOTNOTE_DEFINITION.sub(_blank, text)
    text = _FOOTNOTE_REF.sub(_blank, text)
    text = _FENCE.sub(lambda m: _fence(m, practice), text)
    roles = [(m.start(), m.group(0)) for m in _TERM_ROLE.finditer(text)]
    text = _TERM_ROLE.sub(role, text)
    text = _INLINE_CODE.sub(_blank, text)
    text = _LINK_TARGET.sub(_blank, text)
    return text, linked, practice, roles


def acronym_tokens(text: str, multi: list[str] = ()):
    """Each acronym in ``text`` with where it starts: glossary names with a space or a
    hyphen whole, other hyphenated tokens by their parts."""
    if multi:
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            r"\s+".join(map(re.escape, name.split())) for name in sorted(multi, key=len, reverse=True)
        ) + r")(?![\w-])")
        found = [(" ".join(m.group(0).split()), m.start()) for m in pattern.finditer(text)]
        text = pattern.sub(_blank, text)
    else:
        found = []
    for match in TOKEN.finditer(text):
        token = match.group(0)
        for part in re.split(r"[-&+]", token) if re.search(r"[-&+]", token) else [token]:
            base = part[:-1] if len(part) > 2 and part.endswith("s") and part[:-1].isupper() else part
            if UNKNOWN.match(base):
                found.append((base, match.start() + token.find(part)))
    return sorted(found, key=lambda f: f[1])


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def lint_page(markdown: str, known: dict[str, list[str]], practice: list[tuple[int, int]] = ()) -> list[Finding]:
    """Check one page. ``known`` maps each acronym and spelling in the glossary to its expansions;
    ``practice`` adds spans of practice extracts marked outside the text (notebook cell tags)."""
    text, linked, spans, roles = prose(markdown)
    spans = [*spans, *practice]
    headingless = _HEADING.sub(_blank, text)
    multi = [name for name in known if " " in name or "-" in name]
    findings: list[Finding] = []
    for at, role in roles:
        if _inside(at, spans):
            findings.append(Finding(text.count("\n", 0, at) + 1, f"{role} links the glossary inside a practice "
                                    "extract, which the reader is asked to decode: write the acronym plain"))
    linked = {name: at for name, at in linked.items() if not _inside(at, spans)}
    seen: set[str] = set()
    for token, at in acronym_tokens(text, multi):
        line = text.count("\n", 0, at) + 1
        if token not in known and token not in ALLOWLIST:
            findings.append(Finding(line, f"'{token}' is not in the glossary: add it, spell it out, or allowlist it"))
            continue
        if token in seen or token in ALLOWLIST or _inside(at, spans) or headingless[at : at + len(token)] != token:
            continue  # a heading does not count: the first use in the text below must explain it
        seen.add(token)
        if min(linked.get(token, at), linked.get(token + "s", at)) < at:
            continue  # linked to the glossary before this first plain use
        around = markdown[max(0, at - NEAR) : at + len(token) + NEAR]
        if not any(spelled_out(e, around) for e in known[token] if e):
            findings.append(
                Finding(line, f"first use of '{token}' on this page: spell it out or link it with {{term}}`{token}`")
            )
    return sorted(findings, key=lambda f: f.line)


def notebook_markdown(text: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """A notebook's Markdown cells as one page; the notebook file's line for each line
    of it; and the spans of cells tagged ``practice-extract``."""
    cells = json.loads(text).get("cells", [])
    file_lines = text.split("\n")
    parts: list[str] = []
    where: list[int] = []
    practice: list[tuple[int, int]] = []
    search_from = 0
    length = 0
    for cell in cells:
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if cell.get("cell_type") != "markdown":
            continue
        # the file line of the cell's first source line (nbformat writes one string a line)
        first = source.split("\n", 1)[0]
        start = next((i for i in range(search_from, len(file_lines)) if first and json.dumps(first)[1:-1] in
                      file_lines[i]), search_from)
        search_from = start + 1
        chunk = source + "\n\n"
        if PRACTICE in cell.get("metadata", {}).get("tags", []):
            practice.append((length, length + len(chunk)))
        parts.append(chunk)
        where.extend(start + 1 + k for k in range(chunk.count("\n")))
        length += len(chunk)
    return "".join(parts), where, practice


def lint_notebook(text: str, known: dict[str, list[str]]) -> list[Finding]:
    """Check a notebook's Markdown cells; lines are the notebook file's."""
    markdown, where, practice = notebook_markdown(text)
    return [Finding(where[f.line - 1] if f.line - 1 < len(where) else 1, f.message)
            for f in lint_page(markdown, known, practice)]


def body_words(markdown: str) -> int:
    """Words of body text a reader reads: no front matter, headings' marks, code,
    directive names and options, link addresses, footnotes or the Sources list."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _SOURCES.sub("", text)
    text = _FOOTNOTE_DEFINITION.sub("", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _FENCE.sub(lambda m: _fence(m, []), text)
    text = _TERM_ROLE.sub(lambda m: m.group(1), text)
    text = _LINK_TARGET.sub("]", text)
    text = _INLINE_CODE.sub(" ", text)
    return len(re.findall(r"[^\W_](?:[\w'’.-]*[^\W_])?", text))
