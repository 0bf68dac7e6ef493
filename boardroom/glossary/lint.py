"""Acronym lints for the course text (run as tests).

1. Every acronym in a page is in the glossary, or in the short reviewed
   allowlist below.
2. The first use of an acronym in a page's text is spelled out (its expansion
   stands within a sentence or two of it) or linked to the glossary with the
   ``{term}`` role. Readers arrive from search, mid-book, so every page counts.

Headings, code, links' addresses, directives and the closing "Sources" list
(whose titles are quoted as published) are not text for these purposes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .decoder import TOKEN, UNKNOWN

# Reviewed: words in capitals that are not jargon a reader needs explained.
ALLOWLIST = {
    "UK": "the country, understood by every reader",
    "OK": "a word, not an acronym",
    "FILE": "a placeholder in a command line example",
    "AA": "a WCAG conformance level, always written as part of 'WCAG 2.2 AA'",
}
NEAR = 250  # characters either side of a first use in which its expansion may stand

_FENCE = re.compile(r"^(```+|~~~+)(.*?)$(.*?)^\1\s*$", re.MULTILINE | re.DOTALL)
# Directives whose body is prose the reader reads; every other fence is code or data.
PROSE_DIRECTIVES = {"admonition", "note", "tip", "warning", "important", "caution", "attention", "hint",
                    "seealso", "danger", "error", "dropdown", "epigraph", "sidebar", "topic"}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_TERM_ROLE = re.compile(r"\{term\}`([^`<]*?)(?:\s*<([^>]+)>)?`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
_HEADING = re.compile(r"^#{1,6} .*$", re.MULTILINE)
_SOURCES = re.compile(r"^#{2,6} Sources\s*$.*", re.MULTILINE | re.DOTALL)


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


def _fence(match: re.Match) -> str:
    """Blank a code fence whole; for a prose directive, blank only its fences and options."""
    name = re.match(r"\s*\{([\w-]+)\}", match.group(2))
    if not name or name.group(1) not in PROSE_DIRECTIVES:
        return _blank(match)
    body = re.sub(r"^:[\w-]+:.*$", lambda m: " " * len(m.group(0)), match.group(3), flags=re.MULTILINE)
    fence = " " * len(match.group(1) + match.group(2))
    return fence + body + " " * len(match.group(1))


def prose(markdown: str) -> tuple[str, dict[str, int]]:
    """The page's running text, same length and lines as the source, and where
    each term is first linked with {term}."""
    linked: dict[str, int] = {}

    def role(match: re.Match) -> str:
        for name in {(match.group(2) or match.group(1)).strip(), match.group(1).strip()}:
            linked.setdefault(name, match.start())
        return " " * len(match.group(0))

    text = _FRONT_MATTER.sub(_blank, markdown)
    text = _SOURCES.sub(_blank, text)
    text = _FENCE.sub(_fence, text)
    text = _TERM_ROLE.sub(role, text)
    text = _INLINE_CODE.sub(_blank, text)
    text = _LINK_TARGET.sub(_blank, text)
    return text, linked


def acronym_tokens(text: str):
    for match in TOKEN.finditer(text):
        token = match.group(0)
        for part in re.split(r"[-&+]", token) if re.search(r"[-&+]", token) else [token]:
            base = part[:-1] if len(part) > 2 and part.endswith("s") and part[:-1].isupper() else part
            if UNKNOWN.match(base):
                yield base, match.start()


def lint_page(markdown: str, known: dict[str, list[str]]) -> list[Finding]:
    """Check one page. ``known`` maps each acronym and spelling in the glossary to its expansions."""
    text, linked = prose(markdown)
    headingless = _HEADING.sub(_blank, text)
    findings: list[Finding] = []
    seen: set[str] = set()
    for token, at in acronym_tokens(text):
        line = text.count("\n", 0, at) + 1
        if token not in known and token not in ALLOWLIST:
            findings.append(Finding(line, f"'{token}' is not in the glossary: add it, spell it out, or allowlist it"))
            continue
        if token in seen or token in ALLOWLIST or headingless[at : at + len(token)] != token:
            continue  # a heading does not count: the first use in the text below must explain it
        seen.add(token)
        if min(linked.get(token, at), linked.get(token + "s", at)) < at:
            continue  # linked to the glossary before this first plain use
        around = markdown[max(0, at - NEAR) : at + len(token) + NEAR]
        if not any(spelled_out(e, around) for e in known[token] if e):
            findings.append(
                Finding(line, f"first use of '{token}' on this page: spell it out or link it with {{term}}`{token}`")
            )
    return findings
