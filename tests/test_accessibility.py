"""axe-core finds no WCAG 2.2 A or AA violation inside a quiz, in light and dark mode."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_quiz_browser import BANK, PAGE, respond, right_response, wrong_response

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def forgive_axe_css_fetch(v) -> None:
    """axe-core fetches @import-ed stylesheets itself to check CSS rules, and resolves
    the theme's `@import "../basic.css"` against the page instead of the stylesheet,
    asking for a file that does not exist. The browser itself loads the right one."""
    v.errors[:] = [e for e in v.errors if not (e.startswith("HTTP 404") and e.endswith("/basic.css"))]


def violations(page, context: str, run_only: dict | None = None) -> list[str]:
    # judge the colours a reader settles on, not a frame of a CSS transition
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    run_only = run_only or {"type": "tag", "values": WCAG_TAGS}
    result = Axe().run(page, context=context, options={"runOnly": run_only})
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_violations_in_a_quiz(visit, site, scheme):
    v = visit(color_scheme=scheme, reduced_motion="reduce")  # settled colours, not a transition frame
    page = v.page
    page.goto(site + PAGE)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    mount = ".boardroom-mount"
    assert violations(page, mount) == []
    # and with feedback showing, right and wrong, and the reset confirmation open
    for index, q in enumerate(BANK.questions[:5]):
        respond(page, q, right_response(q) if index % 2 else wrong_response(q))
    page.get_by_role("button", name="Reset quiz").click()
    assert violations(page, mount) == []
    forgive_axe_css_fetch(v)


def test_no_violations_in_the_fallback(visit, site):
    # axe needs scripts to run, so keep the page's scripts on but stop boardroom.js:
    # the quiz then stays as the fallback a reader without JavaScript gets.
    v = visit()
    v.context.route("**/_static/boardroom.js*", lambda route: route.abort())
    page = v.page
    page.goto(site + PAGE)
    page.locator(".br-fallback summary").first.click()
    assert page.locator(".br-fallback details[open]").count() == 1
    assert violations(page, ".boardroom-mount") == []
    forgive_axe_css_fetch(v)
