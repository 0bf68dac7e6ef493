"""Every built page: no request leaves the site, no WCAG 2.2 A/AA violation in light
or dark mode, and within the page-weight budget.

The weight budget (issue: accessible, light and offline) is at most 150 kB
gzipped and 20 requests a page, everything the page loads counted.
"""

from __future__ import annotations

import gzip
from urllib.parse import urlparse

import pytest

from test_accessibility import forgive_axe_css_fetch, violations

pytestmark = pytest.mark.browser

BUDGET_BYTES = 150_000
BUDGET_REQUESTS = 20


def built_pages(book) -> list[str]:
    return sorted(
        p.relative_to(book.html).as_posix()
        for p in book.html.rglob("*.html")
        if not p.relative_to(book.html).parts[0].startswith("_")
    )


def test_every_page_stays_on_the_site_and_within_budget(book, visit, site):
    pages = built_pages(book)
    assert len(pages) >= 4, pages
    v = visit()
    over = []
    loaded: list = []
    v.page.on("requestfinished", lambda request: loaded.append(request))
    for path in pages:
        loaded.clear()
        response = v.page.goto(site + path)
        v.page.wait_for_load_state("networkidle")
        assert response.ok, path
        weight = 0
        for request in loaded:
            file = book.html / urlparse(request.url).path.lstrip("/")
            weight += len(gzip.compress(file.read_bytes(), 6))
        if weight > BUDGET_BYTES or len(loaded) > BUDGET_REQUESTS:
            over.append(f"{path}: {weight} bytes gzipped in {len(loaded)} requests")
    assert over == []
    # and the visit fixture fails the test if any page asked another host for anything


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(book, visit, site, scheme):
    v = visit(color_scheme=scheme)
    found = {}
    for path in built_pages(book):
        v.page.goto(site + path)
        assert v.page.evaluate("document.documentElement.dataset.theme") == scheme
        problems = violations(v.page, "html")
        if problems:
            found[path] = problems
    forgive_axe_css_fetch(v)
    assert found == {}
