"""The acronym decoder: find every acronym in a text and give its meanings.

One engine, three faces: this module (and ``boardroom decode FILE``), the
decoder page in the book and the notebook widget, which run
``boardroom/static/decoder.js`` on the same data. Both split text into tokens
with the same pattern and look each token up in one table, rather than trying a
pattern per term. How a token meets a name in that table (hyphens, spaces, plurals,
case, headings) is in :mod:`boardroom.glossary.variants`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .data import Located
from .model import CATEGORY_LABELS, Category
from .variants import GAP, HEADING_TOKENS, fold, is_english_word, is_roman, prefixes, singular, spaced

# Mirrored in boardroom/static/decoder.js: keep the two in step.
TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9&+-]*[A-Za-z0-9+])?")
UNKNOWN = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9]$")
MAX_UNKNOWN_LENGTH = 10


def looks_like_acronym(name: str) -> bool:
    """Acronyms and initialisms: no spaces, and two or more capitals or a capital and a digit."""
    return " " not in name and sum(c.isupper() or c.isdigit() for c in name) >= 2 and any(c.isupper() for c in name)


def decoded_name(name: str) -> bool:
    """A term or alias the decoder matches: an acronym, or words that are each an acronym or a
    number with at least one acronym ("SNOMED CT", "NHS 111"). Other names match through ``variants``."""
    words = name.split()
    return any(looks_like_acronym(w) for w in words) and all(looks_like_acronym(w) or w.isdigit() for w in words)


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
    likely: str | None = None  # for several senses: the expansion of the likely one in this text


@dataclass
class Unknown:
    acronym: str
    count: int
    likely: bool  # looks like an acronym; False for words such as IT, US or a heading's words


@dataclass
class Decoded:
    acronyms: list[Found] = field(default_factory=list)
    unknowns: list[Unknown] = field(default_factory=list)  # likely acronyms first

    @property
    def unknown(self) -> list[str]:
        return [u.acronym for u in self.unknowns]

    def as_json(self) -> dict:
        """The result shape the decoder page's table, sheet and CSV show, and `boardroom decode --json` prints."""
        return {
            "acronyms": [
                {
                    "acronym": f.acronym,
                    "count": f.count,
                    "senses": [{"expansion": s.expansion, "category": s.category} for s in f.senses],
                    "likely": f.likely,
                }
                for f in self.acronyms
            ],
            "unknown": [{"acronym": u.acronym, "count": u.count, "likely": u.likely} for u in self.unknowns],
        }


def short_meaning(definition: str, limit: int = 90) -> str:
    """The start of a definition, for a term that is not an abbreviation of anything."""
    first = " ".join(definition.split()).split(". ")[0].rstrip(".")
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


class Known(dict):
    """The decoder's table: each name in its folded form (:func:`variants.fold`) to (its glossary
    term, its senses). ``spaced``: the forms text may write in parts; ``words``: the forms that
    are ordinary English words, not matched in a heading; ``starts``: every proper start of a
    spaced form."""

    def __init__(self, *args, spaced_forms=(), words=()):
        super().__init__(*args)
        self.spaced = frozenset(spaced_forms)
        self.words = frozenset(words)
        self.starts = frozenset(prefixes(self.spaced))


def table(entries: Iterable[Located]) -> Known:
    """Every acronym, spelling and declared variant of one to (its glossary term, its senses)."""
    out: dict[str, tuple[str, list[Sense]]] = {}
    spaced_forms, words = set(), set()
    for item in entries:
        entry = item.entry
        senses = [
            Sense(m.expansion or short_meaning(m.definition), m.category.value, getattr(m, "hint", ""))
            for m in entry.meanings()
        ]
        names = [n for n in (entry.term, *entry.aliases) if decoded_name(n)] + list(entry.variants)
        for name in names:
            key = fold(name)
            if key in out:
                continue
            out[key] = (entry.term, senses)
            if spaced(name):
                spaced_forms.add(key)
            if is_english_word(name):
                words.add(key)
    return Known(out, spaced_forms=spaced_forms, words=words)


def lookup(known: dict, candidate: str, heading: bool, joined: bool = False) -> tuple[str, list[Sense]] | None:
    """The entry ``candidate`` names, or None: as written, then singular ("ICBs"); never a Roman
    numeral, nor an ordinary word in a heading; split in parts only where the glossary splits it."""
    for form in (candidate, singular(candidate)):
        if form is None:
            continue
        key = fold(form)
        if key not in known or is_roman(key):
            continue
        if (heading and key in getattr(known, "words", ())) or (joined and key not in getattr(known, "spaced", ())):
            continue
        return known[key]
    return None


def join_at(known: dict, line: str, tokens: list[re.Match], i: int, heading: bool):
    """The longest name the glossary writes in parts that starts at ``tokens[i]`` and runs over the
    following tokens: (its entry, the index of its last token), or None."""
    best = None
    starts = getattr(known, "starts", ())
    j = i
    while fold(line[tokens[i].start():tokens[j].end()]) in starts and j + 1 < len(tokens) and \
            GAP.fullmatch(line[tokens[j].end():tokens[j + 1].start()]):
        j += 1
        hit = lookup(known, line[tokens[i].start():tokens[j].end()], heading, joined=True)
        if hit is not None:
            best = (hit, j)
    return best


def alone(known: dict, token: str, heading: bool):
    """What one token is by itself: (its entry or None, the entries of its parts when it joins
    words with - & or +, its unknown form or None, whether a name in parts may start with it)."""
    hit = lookup(known, token, heading)
    parts = re.split(r"[-&+]", token) if hit is None and ("-" in token or "&" in token or "+" in token) else []
    part_hits = [h for part in parts if part and (h := lookup(known, part, heading)) is not None]
    base = unknown_base(token)
    unknown = base if hit is None and not part_hits and UNKNOWN.match(base) and len(base) <= MAX_UNKNOWN_LENGTH else None
    return hit, part_hits, unknown, fold(token) in getattr(known, "starts", ())


def decode(text: str, known: dict[str, tuple[str, list[Sense]]]) -> Decoded:
    """Count the known acronyms in ``text`` (in order of first use) and list unknown capitalised tokens."""
    found: dict[str, Found] = {}
    unknown: Counter[str] = Counter()
    seen: dict[tuple[str, bool], tuple] = {}  # a board paper repeats its tokens: look each up once

    def note(hit: tuple[str, list[Sense]]) -> None:
        term, senses = hit
        if term in found:
            found[term].count += 1
        else:
            found[term] = Found(term, 1, senses)

    for line in text.split("\n"):
        tokens = list(TOKEN.finditer(line))
        heading = len(tokens) >= HEADING_TOKENS and not re.search(r"[a-z]", line)
        i = 0
        while i < len(tokens):
            token = tokens[i].group(0)
            one = seen.get((token, heading))
            if one is None:
                one = seen[(token, heading)] = alone(known, token, heading)
            hit, part_hits, base, may_join = one
            joined = join_at(known, line, tokens, i, heading) if may_join else None
            if joined is not None:
                note(joined[0])
                i = joined[1] + 1
                continue
            i += 1
            if hit is not None:
                note(hit)
            for part_hit in part_hits:
                note(part_hit)
            if base is not None:
                unknown[base] += 1
    acronyms = list(found.values())
    words = set(WORD.findall(text.lower()))
    for f in acronyms:
        if len(f.senses) > 1:
            f.likely = f.senses[likely_sense(f.senses, words)].expansion
    return Decoded(acronyms, rank_unknown(unknown, text))


# ---- the likely sense of an acronym with several ------------------------------------------------
# Mirrored in boardroom/static/decoder.js (likelySense).

WORD = re.compile(r"[a-z]+")
# Words too common in NHS papers to tell senses apart.
CUE_STOP = frozenset(
    "about after against also before board boards care current documents document early england form from health "
    "including into meaning more national numbers older only other paper papers patient patients service services "
    "since staff such system systems technical than that their these this those trust trusts until used usual "
    "usually where which with written".split()
)
_NEGATIVE = re.compile(r"^\s*(not |unrelated|nothing to do)")
_CLAUSE = re.compile(r"[,;.]")


def sense_cues(sense: Sense) -> set[str]:
    """The words that point to this sense: its expansion's and its hint's, less a hint's
    "not ..." or "unrelated to ..." clauses, which name the other senses' ground."""
    clauses = [c for c in _CLAUSE.split(sense.hint.lower()) if not _NEGATIVE.match(c)]
    words = WORD.findall(sense.expansion.lower() + " " + " ".join(clauses))
    return {w for w in words if len(w) >= 4 and w not in CUE_STOP}


def likely_sense(senses: list[Sense], words: set[str]) -> int:
    """Which sense this text most likely means, by index: the one with most of its cue words in the
    text, counting one more for the sense its hint calls "the usual meaning"; on a tie, the first
    in the glossary's order."""

    def score(item: tuple[int, Sense]) -> tuple[int, int]:
        i, sense = item
        return len(sense_cues(sense) & words) + int("usual meaning" in sense.hint.lower()), -i

    return max(enumerate(senses), key=score)[0]


# ---- ranking the unknown words -------------------------------------------------------------------
# Mirrored in boardroom/static/decoder.js (rankUnknown).

# Words that are written in capitals in ordinary English, and so rank last when the glossary lacks them.
CAPITAL_WORDS = frozenset(
    "ALL AM AN AND ARE AS AT BE BUT BY DO FOR GO HE HOW IF IN IS IT ME MY NEW NO NOT OF OK ON OR OUR PM "
    "SHE SO THE TO UP US WE WHAT WHO WHY YES".split()
)
QUARTER = re.compile(r"Q[1-4]|H[12]")  # quarters and halves of a year: Q2, H1
LINES = re.compile(r"\r\n|\r|\n")


def unknown_base(token: str) -> str:
    return token[:-1] if token.endswith("s") and len(token) > 2 else token


def rank_unknown(counts: Counter[str], text: str) -> list[Unknown]:
    """The unknown capitalised tokens, likely acronyms first: those with digits, three or more
    letters, or used more than once rank higher. Roman numerals are left out. Ordinary words
    come last: short words written in capitals (IT, US, AND), quarters (Q2), words the text also uses in
    lower case ("SUMMARY" beside "summary"), and words seen only in headings written in capitals
    (a line with two or more words and no lower-case letter)."""
    everywhere: set[str] = set()  # the distinct tokens: a paper repeats most of its words
    outside: set[str] = set()
    for line in LINES.split(text):
        tokens = TOKEN.findall(line)
        everywhere.update(tokens)
        if not (len(tokens) >= 2 and not re.search(r"[a-z]", line)):  # not a heading
            outside.update(tokens)
    lower = {token for token in everywhere if token.islower()}
    outside_headings = {unknown_base(token) for token in outside}
    ranked = []
    for first, (name, n) in enumerate(counts.items()):
        if is_roman(name):
            continue
        ordinary = (name in CAPITAL_WORDS or QUARTER.fullmatch(name) is not None or name.lower() in lower
                    or name not in outside_headings)
        score = 2 * any(c.isdigit() for c in name) + (len(name) >= 3) + (n >= 2) + (n >= 5)
        ranked.append((ordinary, -score, first, Unknown(name, n, not ordinary)))
    return [u for *_, u in sorted(ranked, key=lambda r: r[:3])]


def table_for_browser(known: Known) -> dict[str, list]:
    """The lookup table in the compact form decoder.js reads: folded form to [term, [[expansion,
    category, hint]], flags], with each category as the glossary page labels it ("NHS and government
    bodies"), which is what readers see. Flags: "s" spaced, "w" an ordinary word; left off when none."""
    out = {}
    for name, (term, senses) in sorted(known.items()):
        row = [term, [[s.expansion, CATEGORY_LABELS[Category(s.category)], s.hint] for s in senses]]
        flags = ("s" if name in getattr(known, "spaced", ()) else "") + ("w" if name in getattr(known, "words", ()) else "")
        out[name] = row + [flags] if flags else row
    return out
