"""How the decoder matches the way board papers write a term: the generic rules, in one place.

Mirrored in ``boardroom/static/decoder.js`` (the block "matching the way papers write");
``tests/fixtures/decoder-variants.yml`` holds the cases both engines must agree on.

- Hyphens and spaces fold away: "SNOMED-CT", "SNOMED CT" and "SNOMEDCT" are one form, and so
  are "e-RS" and "eRS". Text may split a name into words only where the glossary's own name
  has a space, hyphen or slash ("SNOMED CT") or where letters meet digits ("DCB 0160"), so
  "IS A" in a heading never becomes "ISA".
- Plurals and possessives: a final "s" after a capital or digit ("ICBs", "M365s") is dropped;
  an apostrophe ends a token, so "ICB's", "ICBs'" and "the trust's EPR's" need no rule.
- Case is never folded: "it" is not IT. Other cases, short forms with digits or lower-case
  letters, and a product's first words are declared in the data as ``variants``.
- Roman numerals made of I, V and X ("II", "IV", "XI") are never matched.
- A name that is also an ordinary English word ("IT", "WHO", "NICE") is not matched on a line
  written wholly in capitals with two or more words (a heading such as "WHY IT MATTERS").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("english-words.txt")

SEPARATORS = re.compile(r"[\s\u00a0\u2010\u2011-]+")
# What may stand between two tokens of one name split in the text: a space or two, a hyphen, a slash.
GAP = re.compile(r"[ \t\u00a0]{1,2}|[ \t\u00a0]?[/\u2010\u2011-][ \t\u00a0]?")
ROMAN = re.compile(r"(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})")
HEADING_TOKENS = 2  # a line with no lower-case letter and at least this many tokens is a heading


def fold(name: str) -> str:
    """The form names are compared in: hyphens and spaces removed, case kept."""
    return SEPARATORS.sub("", name)


def spaced(name: str) -> bool:
    """Whether text may write this name in parts: the glossary does ("SNOMED CT", "e-RS", "NHSE/I"),
    or letters meet digits ("DCB0160" as "DCB 0160")."""
    return re.search(r"[\s\u00a0\u2010\u2011/-]|[A-Za-z][0-9]", name.strip()) is not None


def singular(token: str) -> str | None:
    """"ICBs" -> "ICB": a final s after a capital or a digit; None when there is none to drop."""
    if len(token) > 2 and token.endswith("s") and (token[-2].isupper() or token[-2].isdigit()):
        return token[:-1]
    return None


def is_roman(token: str) -> bool:
    return ROMAN.fullmatch(token) is not None


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_english_word(name: str) -> bool:
    """An ordinary English word in any case: "IT", "Nice", "us". Names with digits or symbols never are."""
    return fold(name).lower() in english_words()


def prefixes(keys) -> set[str]:
    """Every proper start of the keys: while the tokens joined so far are one, the next may belong."""
    return {key[:i] for key in keys for i in range(1, len(key))}
