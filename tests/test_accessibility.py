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


# axe-core, read once; injected into a page only when the page does not have it yet
AXE_SOURCE = Axe().axe_script
# The rules a run of the WCAG tags would choose (axe leaves its experimental and deprecated
# rules out of a tag run), so that extra rules can join them in one run.
WCAG_RULES = """(tags) => axe.getRules(tags)
  .filter((r) => !r.tags.includes('experimental') && !r.tags.includes('deprecated'))
  .map((r) => r.ruleId)"""
RUN = """([context, options]) => axe.run(context, options).then((r) => r.violations.map(
  (v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`))"""


def violations(page, context: str, extra_rules: tuple[str, ...] = ()) -> list[str]:
    """axe's WCAG 2.2 A and AA violations inside ``context``, and those of ``extra_rules``.
    One run, asking axe for violations only: the passes it would otherwise report in
    full, node by node, cost more than the checks on a long page."""
    # judge the colours a reader settles on, not a frame of a CSS transition
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    if not page.evaluate("typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(AXE_SOURCE)
    rules = page.evaluate(WCAG_RULES, WCAG_TAGS) + list(extra_rules)
    assert len(rules) > 50, rules  # the tags still name axe's WCAG rules
    options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}
    return page.evaluate(RUN, [context, options])


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


def test_the_check_finds_faults_planted_in_a_page(visit, fixture_site):
    # the one-run check above must still see what axe's tag run and the extra rules see
    v = visit()
    page = v.page
    page.goto(fixture_site + "decoder.html")
    page.evaluate("""() => {
      const main = document.querySelector('main');
      main.insertAdjacentHTML('beforeend',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="planted-img"><p id="planted-faint" style="color:#eee;background:#fff">faint</p>');
      document.body.insertAdjacentHTML('afterbegin', '<p id="planted-loose">outside every landmark</p>');
    }""")
    found = " ".join(violations(page, "html", extra_rules=("region",)))
    assert "image-alt" in found and "#planted-img" in found
    assert "color-contrast" in found and "#planted-faint" in found
    assert "region" in found and "#planted-loose" in found
    # and without the extra rule, the page's loose text is not reported
    assert "region:" not in " ".join(violations(page, "html"))
    forgive_axe_css_fetch(v)
