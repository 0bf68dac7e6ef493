"""Publication checks on the course text: sources, length and editorial notes.

(a) No page of the book, and no YAML data the book shows (exercises/, glossary/),
    links to a mirror, a staging copy or the archived NHSX site. A board repeats
    what the course says, so each claim should point at the publisher's own page.
(b) No teaching page runs past about ten minutes' reading: 1,800 words of body text.
(c) No teaching page carries a note to the editors, such as "could not be confirmed".
    What the sources cannot settle stays off the page and goes in book/REVIEW.md.

Pages are found from _toc.yml, so a new module is covered without editing this file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from boardroom.glossary.lint import body_words
from boardroom.pages import toc_files as toc_names

ROOT = Path(__file__).resolve().parents[1]

# Hosts that never count as a source, each with the reason. A host matches itself
# and its subdomains. Add to this list when a review finds another.
BLOCKED_HOSTS = {
    # Staging and test copies of publishers' sites: not the published text.
    "onyx-sites.io": "staging copy of Digital Health's site",
    "azurewebsites.net": "staging copy (for example of UKAuthority)",
    "nhsd.io": "NHS Digital's pre-production site, not the published page",
    "webvpn.ynu.edu.cn": "a university's proxy copy of other sites",
    "pythonanywhere.com": "hobby hosting, not a publisher",
    # Unofficial copies of Parliament's record: use hansard.parliament.uk,
    # bills.parliament.uk or publications.parliament.uk.
    "parallelparliament.co.uk": "unofficial copy of Hansard and bills",
    "theyworkforyou.com": "unofficial copy of Hansard and committee debates",
    "affinitext.com": "unofficial copy of committee reports",
    # Copies of GOV.UK and other publishers' documents.
    "policythreads.co.uk": "copy of GOV.UK documents",
    "techmarketview.com": "paywalled analyst copy of trade news",
    "marco.health": "copy of a TechMarketView article",
    # Document-sharing and mirror sites: uploads of other people's documents.
    "coursehero.com": "student upload site",
    "scribd.com": "document upload site",
    "pdfslide.us": "document mirror",
    "pdfslide.net": "document mirror",
    "vdocuments.mx": "document mirror",
    "vdocuments.net": "document mirror",
    "vdocument.in": "document mirror",
    "documents.pub": "document mirror",
    "dokumen.tips": "document mirror",
    "docslib.org": "document mirror",
    "docest.com": "document mirror",
    "readkong.com": "document mirror",
    "slidegur.com": "document mirror",
    "fdocuments.us": "document mirror",
    "wikimili.com": "Wikipedia mirror",
    "dweb.link": "Wikipedia copy on IPFS",
    "pipedot.org": "copy of The Register's articles",
    "ebmdatalab.net": "proxy copy of NHS Digital pages",
}

# The archived NHSX site: NHSX closed in 2022 and its pages moved to NHS England.
# Web-archive copies of it count too.
NHSX = re.compile(r"nhsx\.nhs\.uk", re.IGNORECASE)

URL = re.compile(r"https?://[^\s<>()\"'`\]]+", re.IGNORECASE)

WORD_LIMIT = 1800

# Notes to the editors that must never reach the learner.
EDITORIAL_PHRASES = ("could not be confirmed", "could not check", "we could not",
                     "could not be checked", "could not be verified")

# Folders of the book that hold teaching modules. Everything else in book/ is
# reference, facilitator or site material, which has no reading-time limit.
NOT_TEACHING = ("book/reference/", "book/facilitators/", "book/about/")

# Teaching pages exempt from the word limit, with the reason.
LENGTH_EXEMPT = {
    "book/strategy/sample-strategy.md": "practice material: a whole fictional strategy to review",
}


def toc_files() -> list[Path]:
    """Every page file named in _toc.yml, in order."""
    names = toc_names(ROOT)
    pages = []
    for name in names:
        for suffix in (".md", ".ipynb"):
            path = ROOT / f"{name}{suffix}"
            if path.exists():
                pages.append(path)
                break
        else:
            raise AssertionError(f"_toc.yml names {name}, which has no .md or .ipynb file")
    return pages


def page_text(path: Path) -> str:
    """The Markdown of a page; for a notebook, its Markdown cells."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return text


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def is_quiz_check_page(path: Path, text: str) -> bool:
    """A module's check page that is mostly a quiz and cards (exempt from the limit)."""
    return path.stem == "check" and "```{quiz}" in text


def teaching_pages() -> list[Path]:
    return [p for p in toc_files() if rel(p).startswith("book/") and not rel(p).startswith(NOT_TEACHING)]


def blocked_reason(url: str) -> str | None:
    if NHSX.search(url):
        return "the archived NHSX site: link the NHS England page instead"
    host = (urlparse(url).hostname or "").lower()
    for blocked, reason in BLOCKED_HOSTS.items():
        if host == blocked or host.endswith("." + blocked):
            return reason
    return None


def bad_links(text: str) -> list[tuple[int, str, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in URL.finditer(line):
            reason = blocked_reason(match.group(0))
            if reason:
                found.append((number, match.group(0), reason))
    return found


# --- the checks are themselves checked, so that a broken helper cannot pass everything


def test_the_helpers_catch_what_they_should():
    assert blocked_reason("https://www.nhsx.nhs.uk/key-tools-and-info/")
    assert blocked_reason("https://web.archive.org/web/2021/https://www.nhsx.nhs.uk/x")
    assert blocked_reason("https://dhi-publishing-new-theme.onyx-sites.io/2024/06/a")
    assert blocked_reason("https://parallelparliament.co.uk/bills/2026-27/health")
    assert blocked_reason("https://www.england.nhs.uk/digitaltechnology/") is None
    assert blocked_reason("https://bills.parliament.uk/bills/4035") is None
    page = ("---\nlast_checked: 2026-12-02\n---\n# Title\n\nOne {term}`ICB <ICB>` "
            "and [two words](https://example.org).[^1]\n\n```{admonition} Ask\n:class: tip\n\n"
            "- Three four?\n```\n\n## Sources\n\n1. Not counted at all. <https://x.org>\n\n"
            "[^1]: Not counted either.\n")
    # Title One ICB and two words Ask Three four: the admonition's title is read too
    assert body_words(page) == 9
    # and a source, in the Sources list or a footnote definition, adds nothing
    assert body_words(page + "\n[^2]: Not counted, however long this source's title runs.\n") == 9


def test_the_table_of_contents_finds_every_module():
    pages = {rel(p) for p in teaching_pages()}
    for module in ("why-the-board", "strategy", "jargon", "failing-projects"):
        assert any(p.startswith(f"book/{module}/") for p in pages), module


# --- (a) sources


def linked_files() -> list[Path]:
    data = sorted([*(ROOT / "exercises").rglob("*.yml"), *(ROOT / "glossary").rglob("*.yml")])
    return [*toc_files(), *data]


@pytest.mark.parametrize("path", linked_files(), ids=rel)
def test_no_mirror_staging_or_archived_nhsx_links(path):
    text = page_text(path) if path.suffix in {".md", ".ipynb"} else path.read_text(encoding="utf-8")
    found = bad_links(text)
    assert found == [], "\n".join(f"{rel(path)}:{n}: {url} ({why})" for n, url, why in found)


# --- (b) length and (c) editorial notes


@pytest.mark.parametrize("path", teaching_pages(), ids=rel)
def test_teaching_page_length(path):
    text = page_text(path)
    if rel(path) in LENGTH_EXEMPT or is_quiz_check_page(path, text):
        return
    words = body_words(text)
    assert words <= WORD_LIMIT, f"{rel(path)}:1: {words} words of body text (limit {WORD_LIMIT}): split or tighten"


@pytest.mark.parametrize("path", teaching_pages(), ids=rel)
def test_no_notes_to_the_editors(path):
    found = []
    for number, line in enumerate(page_text(path).splitlines(), 1):
        lowered = line.lower()
        found += [f"{rel(path)}:{number}: '{p}': move it to book/REVIEW.md" for p in EDITORIAL_PHRASES if p in lowered]
    assert found == [], "\n".join(found)
