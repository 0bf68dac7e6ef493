"""The glossary page, term tips and the decoder page in Chromium, on the fixture book."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from boardroom.glossary.data import load_glossary
from boardroom.glossary.decoder import decode, table
from test_accessibility import forgive_axe_css_fetch, violations

pytestmark = pytest.mark.browser

GLOSSARY = Path(__file__).parent / "fixtures" / "book" / "glossary"
KNOWN = table(load_glossary(GLOSSARY))


def visible_terms(page) -> list[str]:
    return page.locator("dl.glossary dt:visible").all_inner_texts()


def test_filter_ranks_exact_acronyms_first_counts_and_keeps_the_query_in_the_address(visit, fixture_site):
    page = visit().page
    page.goto(fixture_site + "glossary.html")
    count = page.locator(".br-glossary-count")
    expect(count).to_have_text("Showing all 5 terms.")
    box = page.get_by_label("Find a term, acronym or word")
    box.fill("n3")
    expect(count).to_have_text("Showing 2 of 5 terms.")
    assert visible_terms(page)[0] == "N3"  # the exact acronym, before HSCN which only mentions it
    assert page.url.endswith("glossary.html?q=n3")
    box.fill("referral")  # a word of the expansion, matching every spelling of e-RS
    assert visible_terms(page) == ["e-RS", "eRS", "ERS"]
    box.fill("qqqq")
    expect(page.locator(".br-glossary-none")).to_contain_text("No term matches “qqqq”. Try fewer letters")
    expect(count).to_have_text("Showing 0 of 5 terms.")
    for query in ["e", "n3", "HSCN", ""]:  # matches move to the top and back again
        box.fill(query)
    assert visible_terms(page) == ["DBS", "e-RS", "eRS", "ERS", "HSCN", "N3", "Technical debt"]
    page.get_by_label("Category").select_option(label="Technology")
    assert visible_terms(page) == ["DBS", "Technical debt"]  # DBS has a technology sense
    assert page.url.endswith("glossary.html?category=technology")


def test_a_shared_link_opens_the_filtered_list(visit, fixture_site):
    page = visit().page
    page.goto(fixture_site + "glossary.html?q=HSCN")
    expect(page.get_by_label("Find a term, acronym or word")).to_have_value("HSCN")
    assert visible_terms(page)[0] == "HSCN"


def test_without_javascript_the_full_sorted_list(visit, fixture_site):
    page = visit(java_script_enabled=False).page
    page.goto(fixture_site + "glossary.html?q=HSCN")
    assert page.locator("dl.glossary dt").all_inner_texts() == ["DBS", "e-RS", "eRS", "ERS", "HSCN", "N3", "Technical debt"]


def test_term_links_show_the_meaning_on_focus_and_hover_and_esc_dismisses(visit, fixture_site):
    v = visit()
    page = v.page
    page.clock.install()
    page.goto(fixture_site + "second.html")
    tip = page.get_by_role("tooltip")
    link = page.get_by_role("link", name="HSCN")
    link.focus()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Health and Social Care Network")
    assert link.get_attribute("aria-describedby") == "br-term-tip"
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    # hover, then move onto the tip: it stays (WCAG 1.4.13 hoverable)
    page.get_by_role("link", name="N3").hover()
    expect(tip).to_contain_text("March 2017")
    tip.hover()
    page.clock.run_for(2000)
    expect(tip).to_be_visible()
    page.mouse.move(5, 5)
    page.clock.run_for(2000)
    expect(tip).to_be_hidden()


def test_a_shown_meaning_follows_the_window_when_it_narrows(visit, fixture_site):
    """A keyboard user focuses a term, then turns a phone or zooms in: the tip moves inside the narrow
    window instead of sticking out where it was placed, and the page does not scroll sideways."""
    page = visit().page
    page.goto(fixture_site + "second.html")
    tip = page.get_by_role("tooltip")
    page.get_by_role("link", name="HSCN").focus()
    expect(tip).to_be_visible()
    placed_wide = tip.bounding_box()
    page.set_viewport_size({"width": 320, "height": 640})
    expect(tip).to_be_visible()
    narrow = tip.bounding_box()
    assert placed_wide["x"] + placed_wide["width"] > 320  # where it was would have stuck out
    assert narrow["x"] >= 0 and narrow["x"] + narrow["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def test_decoder_marks_expands_and_lists_unknown(visit, fixture_site):
    page = visit().page
    page.goto(fixture_site + "decoder.html")
    page.get_by_label("Paste text from a board paper").fill("DBS checks for the HSCN team and the QQX group.")
    expect(page.locator(".br-decoder-summary")).to_have_text("2 acronyms found, 1 not in the glossary.")
    marked = page.get_by_role("region", name="Your text with acronyms expanded")
    expect(marked).to_contain_text("HSCN (Health and Social Care Network)")
    expect(marked).to_contain_text("DBS (one of: Disclosure and Barring Service (recruitment and safeguarding checks);")
    expect(page.locator(".br-decoder-unknown li")).to_have_text("QQX (1 time): ask “What does QQX stand for here?”")
    assert not page.locator(".br-decoder-fallback, .boardroom-mount > .br-fallback").first.is_visible()


def test_decoder_shows_hostile_input_as_text_and_never_runs_it(visit, fixture_site):
    page = visit().page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(fixture_site + "decoder.html")
    hostile = '<script>alert("x")</script><img src=x onerror="alert(1)"> HSCN <b>bold</b> &amp;'
    page.get_by_label("Paste text from a board paper").fill(hostile)
    marked = page.get_by_role("region", name="Your text with acronyms expanded")
    expect(marked).to_contain_text('<script>alert("x")</script><img src=x onerror="alert(1)">')
    assert marked.locator("script, img, b").count() == 0
    assert dialogs == []


def test_the_browser_decodes_exactly_as_python(visit, fixture_site):
    page = visit().page
    page.goto(fixture_site + "decoder.html")
    texts = [
        "HSCN and N3. Later, HSCN again, and eRS, ERS and e-RS.",
        "The XQZ and XQZ, the ICBs, Board, IT and a HSCN-funded link; DBS&N3.",
        "hscn n3 dbs",
        "EXECUTIVE SUMMARY\r\nPART IV. The DBS holds the database; QQ7 and QQ7, the US team; summary\nAB CD",
        "DBS recruitment checks for the KLM and the ZZ9 links in Q3 and H1.",
    ]
    state = page.evaluate("JSON.parse(document.querySelector('.boardroom-mount script').textContent).state")
    for text in texts:
        js = page.evaluate(
            "([t, s]) => { const d = BoardroomComponents.decoder; return d.asJson(d.decodeText(t, s.known), s.categories); }",
            [text, state],
        )
        assert js == decode(text, KNOWN).as_json(), text


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_glossary_and_decoder_pages_pass_axe(visit, fixture_site, scheme):
    v = visit(color_scheme=scheme, reduced_motion="reduce")
    page = v.page
    page.goto(fixture_site + "glossary.html?q=n3")
    assert violations(page, "html") == []
    page.goto(fixture_site + "decoder.html")
    page.get_by_label("Paste text from a board paper").fill("DBS checks for the HSCN team and the QQX group.")
    assert violations(page, "html") == []
    page.goto(fixture_site + "second.html")
    page.get_by_role("link", name="HSCN").focus()
    assert violations(page, "html") == []
    forgive_axe_css_fetch(v)
