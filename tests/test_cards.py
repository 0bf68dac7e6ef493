"""Question cards: the data, its checks, and the filterable, printable page."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardroom.cards.data import CARDS_DIR, load_cards
from boardroom.cards.model import MODULES, SITUATIONS
from boardroom.cards.render import put_to_names
from boardroom.cli import main
from boardroom.problems import ProblemsFound
from test_accessibility import forgive_axe_css_fetch, violations

ROOT = Path(__file__).resolve().parents[1]
CARDS = load_cards(ROOT / CARDS_DIR, ROOT)
PAGE = "book/reference/questions-to-ask.html"


def test_at_least_fifteen_cards_a_module_and_every_situation_used():
    assert len(CARDS) >= 85
    per_module = {m: sum(c.module == m for c in CARDS) for m in MODULES}
    assert all(n >= 15 for n in per_module.values()), per_module
    assert per_module["deciding"] >= 25, per_module
    used = {s for c in CARDS for s in c.card.situations}
    assert used >= set(SITUATIONS) - {"board-development"}, set(SITUATIONS) - used


def test_the_decision_module_cards_cover_its_situations_and_the_issue_roles():
    deciding = [c.card for c in CARDS if c.module == "deciding"]
    for situation in ("procurement", "business-case", "contract-renewal", "supplier-management"):
        assert sum(situation in c.situations for c in deciding) >= 5, situation
    roles = {r for c in deciding for r in c.put_to}
    assert roles >= {"senior-responsible-owner", "finance-director", "chief-digital-officer",
                     "senior-information-risk-owner", "data-protection-officer", "clinical-safety-officer"}, roles


@pytest.mark.parametrize("roles, text", [
    (["chair"], "the chair"),
    (["finance-director", "caldicott-guardian"], "the finance director or the Caldicott guardian"),
    (["senior-responsible-owner", "finance-director", "procurement-lead"],
     "the senior responsible owner, the finance director or the procurement lead"),
])
def test_put_to_reads_as_a_sentence(roles, text):
    assert put_to_names(roles) == text


def test_every_card_is_complete_and_points_at_a_page_of_its_module():
    for located in CARDS:
        card = located.card
        assert card.question.endswith("?"), card.id
        assert len(card.good) > 20 and len(card.worrying) > 20 and len(card.why) > 20, card.id
        assert card.page.startswith(f"book/{located.module}/"), card.id


GOOD = """module: strategy
title: Reading a technology strategy
cards:
  - id: one
    question: Who is it for?
    why: Because.
    good: Named users.
    worrying: Everyone.
    situations: [strategy-review]
    page: book/strategy/index
    put_to: [chief-digital-officer]
"""


@pytest.mark.parametrize(
    "second, line, message",
    [
        (GOOD, 4, "duplicate card id 'one' (also in"),
        (GOOD.replace("[strategy-review]", "[strategy-review, lunch]"), 9,
         "'situations' must be 'strategy-review', 'business-case'"),
        (GOOD.replace("id: one", "id: two").replace("book/strategy/index", "book/strategy/nowhere"), 10,
         "page 'book/strategy/nowhere' is not in the book (no book/strategy/nowhere.md)"),
        (GOOD.replace("id: one", "id: two").replace("title: Reading", "title: Studying"), 2,
         "module 'strategy' is titled 'Reading a technology strategy' in another file"),
        (GOOD.replace("id: one", "id: two").replace("    why: Because.\n", ""), 4, "missing required key 'why'"),
        (GOOD.replace("module: strategy", "module: cooking"), 1, "module"),
        (GOOD.replace("id: one", "id: two").replace("    put_to: [chief-digital-officer]\n", ""), 4,
         "missing required key 'put_to'"),
        (GOOD.replace("id: one", "id: two").replace("[chief-digital-officer]", "[chief-digital-officer, cook]"), 11,
         "'put_to' must be 'senior-responsible-owner', 'chief-executive'"),
        (GOOD.replace("id: one", "id: two").replace("[chief-digital-officer]", "[chair, chair]"), 11,
         "a role is listed twice"),
        (GOOD.replace("id: one", "id: two").replace("[chief-digital-officer]", "[]"), 11, "put_to"),
    ],
    ids=["duplicate", "situation", "page", "title", "missing-why", "module", "missing-put-to", "role",
         "role-twice", "no-role"],
)
def test_broken_cards_are_reported_by_file_and_line(tmp_path, capsys, second, line, message):
    folder = tmp_path / "exercises" / "questions"
    folder.mkdir(parents=True)
    (tmp_path / "book" / "strategy").mkdir(parents=True)
    (tmp_path / "book" / "strategy" / "index.md").write_text("# Index\n", encoding="utf-8")
    (folder / "a.yml").write_text(GOOD, encoding="utf-8")
    (folder / "b.yml").write_text(second, encoding="utf-8")
    with pytest.raises(ProblemsFound) as found:
        load_cards(folder, tmp_path)
    problems = [(Path(p.path).name, p.line, p.message) for p in found.value.problems]
    assert any(name == "b.yml" and l == line and message in m for name, l, m in problems), problems
    assert main(["validate", str(folder)]) == 1
    assert f"b.yml:{line}: " in capsys.readouterr().out


def test_the_course_cards_validate_from_the_command_line(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["validate", str(CARDS_DIR)]) == 0
    assert f"{len(CARDS)} question card(s) checked: no problems." in capsys.readouterr().err


# In the built book ------------------------------------------------------------

def visible_ids(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.br-card')].filter(c => !c.hidden)"
                         ".map(c => c.id.slice('card-'.length))")


@pytest.mark.browser
def test_the_page_filters_by_situation_and_keeps_the_choice_in_the_address(visit, site):
    page = visit().page
    page.goto(site + PAGE)
    status = page.locator(".br-cards-count")
    assert status.inner_text() == f"Showing all {len(CARDS)} questions."
    assert visible_ids(page) == [c.card.id for c in CARDS]

    page.get_by_label("Go-live (", exact=False).check()
    go_live = [c.card.id for c in CARDS if "go-live" in c.card.situations]
    assert visible_ids(page) == go_live
    assert status.inner_text() == f"Showing {len(go_live)} of {len(CARDS)} questions, for: Go-live."
    page.get_by_label("Incident (", exact=False).check()
    either = [c.card.id for c in CARDS if {"go-live", "incident"} & set(c.card.situations)]
    assert visible_ids(page) == either
    assert "situation=go-live%2Cincident" in page.url or "situation=go-live,incident" in page.url

    page.reload()  # the address keeps the choice
    assert visible_ids(page) == either
    assert page.get_by_label("Go-live (", exact=False).is_checked()
    # a module whose cards are all hidden hides its heading too
    for group in page.locator(".br-card-group").all():
        assert group.is_hidden() == (group.locator(".br-card:not([hidden])").count() == 0)

    page.emulate_media(media="print")  # what prints is what is shown, without the controls
    fieldsets = page.locator(".br-cards fieldset")
    assert fieldsets.count() == 2 and not fieldsets.first.is_visible() and not fieldsets.last.is_visible()
    assert not page.get_by_role("button", name="Print the questions shown").is_visible()
    assert status.is_visible()
    assert page.locator(".br-card:visible").count() == len(either)
    assert page.locator(".br-card:visible .br-card-put-to").count() == len(either)  # whom to ask prints too
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Show every question").click()
    assert len(visible_ids(page)) == len(CARDS) and "situation=" not in page.url


@pytest.mark.browser
def test_the_page_filters_by_whom_to_ask_within_the_situations_chosen(visit, site):
    page = visit().page
    page.goto(site + PAGE)
    status = page.locator(".br-cards-count")
    page.get_by_label("Finance director (", exact=False).check()
    finance = [c.card.id for c in CARDS if "finance-director" in c.card.put_to]
    assert 0 < len(finance) < len(CARDS)
    assert visible_ids(page) == finance
    assert status.inner_text() == f"Showing {len(finance)} of {len(CARDS)} questions, put to: Finance director."

    page.get_by_label("Business case (", exact=False).check()  # a situation narrows the people's questions
    both = [c.card.id for c in CARDS if "finance-director" in c.card.put_to and "business-case" in c.card.situations]
    assert 0 < len(both) < len(finance)
    assert visible_ids(page) == both
    assert status.inner_text() == (f"Showing {len(both)} of {len(CARDS)} questions, "
                                   "for: Business case; put to: Finance director.")
    assert "role=finance-director" in page.url

    page.reload()  # the address keeps both choices
    assert visible_ids(page) == both
    assert page.get_by_label("Finance director (", exact=False).is_checked()
    page.get_by_role("button", name="Show every question").click()
    assert len(visible_ids(page)) == len(CARDS) and "role=" not in page.url and "situation=" not in page.url
    assert not page.get_by_label("Finance director (", exact=False).is_checked()


@pytest.mark.browser
def test_an_address_with_an_unknown_situation_shows_every_card(visit, site):
    page = visit().page
    page.goto(site + PAGE + "?situation=lunch&role=cook")
    assert len(visible_ids(page)) == len(CARDS)


@pytest.mark.browser
def test_module_pages_show_their_own_cards(visit, site):
    page = visit().page
    for module in MODULES:
        page.goto(f"{site}book/{module}/check.html")
        assert visible_ids(page) == [c.card.id for c in CARDS if c.module == module]


@pytest.mark.browser
def test_without_javascript_every_card_is_listed(visit, site):
    page = visit(java_script_enabled=False).page
    page.goto(site + PAGE)
    assert page.locator(".br-card").count() == len(CARDS)
    assert page.locator(".br-card h3").first.inner_text() == CARDS[0].card.question
    assert page.locator("#card-cases-go-live-criteria .br-card-put-to").inner_text() == (
        "Put this to the senior responsible owner or the clinical safety officer.")
    link = page.locator(".br-card").first.get_by_role("link")
    link.click()
    assert page.url.endswith(CARDS[0].card.page.split("/")[-1] + ".html")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_on_the_filtered_page(visit, site, scheme):
    v = visit(color_scheme=scheme, reduced_motion="reduce")
    v.page.goto(site + PAGE)
    v.page.get_by_label("Procurement (", exact=False).check()
    assert violations(v.page, "main") == []
    forgive_axe_css_fetch(v)
