"""The acronym decoder: find every acronym in a text and give its meanings.

One engine, three faces: this module (and ``boardroom decode FILE``), the
decoder page in the book and the notebook widget, which run
``boardroom/static/decoder.js`` on the same data. Both split text into tokens
with the same pattern and look each token up in one table, rather than trying a
pattern per term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .data import Located
from .model import CATEGORY_LABELS, Category

# Mirrored in boardroom/static/decoder.js: keep the two in step.
TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9&+-]*[A-Za-z0-9+])?")
UNKNOWN = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9]$")
MAX_UNKNOWN_LENGTH = 10


def looks_like_acronym(name: str) -> bool:
    """Acronyms and initialisms: no spaces, and two or more capitals or a capital and a digit."""
    return " " not in name and sum(c.isupper() or c.isdigit() for c in name) >= 2 and any(c.isupper() for c in name)


@dataclass
class Sense:
    expansion: str
    category: str
    hint: str = ""


@dataclass
class Found:
    acronym: str
    count: int
    senses: list[Sense]


@dataclass
class Decoded:
    acronyms: list[Found] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "acronyms": [
                {
                    "acronym": f.acronym,
                    "count": f.count,
                    "senses": [{"expansion": s.expansion, "category": s.category} for s in f.senses],
                }
                for f in self.acronyms
            ],
            "unknown": list(self.unknown),
        }


def short_meaning(definition: str, limit: int = 90) -> str:
    """The start of a definition, for a term that is not an abbreviation of anything."""
    first = " ".join(definition.split()).split(". ")[0].rstrip(".")
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def table(entries: Iterable[Located]) -> dict[str, tuple[str, list[Sense]]]:
    """Every acronym and spelling of one to (its glossary term, its senses)."""
    out: dict[str, tuple[str, list[Sense]]] = {}
    for item in entries:
        entry = item.entry
        senses = [
            Sense(m.expansion or short_meaning(m.definition), m.category.value, getattr(m, "hint", ""))
            for m in entry.meanings()
        ]
        for name in (entry.term, *entry.aliases):
            if looks_like_acronym(name):
                out.setdefault(name, (entry.term, senses))
    return out


def decode(text: str, known: dict[str, tuple[str, list[Sense]]]) -> Decoded:
    """Count the known acronyms in ``text`` (in order of first use) and list unknown capitalised tokens."""
    counts = Counter(TOKEN.findall(text))
    found: dict[str, Found] = {}
    unknown: Counter[str] = Counter()

    def add(token: str, n: int) -> bool:
        hit = known.get(token)
        if hit is None and len(token) > 2 and token.endswith("s"):
            hit = known.get(token[:-1])  # plurals: ICBs, EPRs
        if hit is None:
            return False
        term, senses = hit
        if term in found:
            found[term].count += n
        else:
            found[term] = Found(term, n, senses)
        return True

    for token, n in counts.items():
        if add(token, n):
            continue
        parts = re.split(r"[-&+]", token) if ("-" in token or "&" in token or "+" in token) else []
        matched_part = False
        for part in parts:
            if part and add(part, n):
                matched_part = True
        if matched_part:
            continue
        base = token[:-1] if token.endswith("s") and len(token) > 2 else token
        if UNKNOWN.match(base) and len(base) <= MAX_UNKNOWN_LENGTH:
            unknown[base] += n
    return Decoded(list(found.values()), [t for t, _ in sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0]))])


def table_for_browser(known: dict[str, tuple[str, list[Sense]]]) -> dict[str, list]:
    """The lookup table in the compact form decoder.js reads: spelling to [term, [[expansion, category, hint]]],
    with each category as the glossary page labels it ("NHS and government bodies"), which is what readers see."""
    return {
        name: [term, [[s.expansion, CATEGORY_LABELS[Category(s.category)], s.hint] for s in senses]]
        for name, (term, senses) in sorted(known.items())
    }
