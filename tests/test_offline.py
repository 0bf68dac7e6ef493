"""Every built page loads with no request leaving 127.0.0.1 and no script error."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_every_page_stays_on_the_site(book, visit, site):
    pages = sorted(p.relative_to(book.html).as_posix() for p in book.html.rglob("*.html")
                   if not p.relative_to(book.html).parts[0].startswith("_"))
    assert len(pages) >= 4, pages
    v = visit()
    loaded = []
    for path in pages:
        response = v.page.goto(site + path)
        v.page.wait_for_load_state("networkidle")
        assert response.ok, path
        loaded.append(path)
    # the visit fixture fails the test if any page asked another host for anything
    assert loaded == pages
    assert v.outside == []
