"""Decoding whole documents on the decoder page, in Chromium, on the fixture book: the page and
`boardroom decode --json` agree on generated .docx, PDF, .txt, .md and .html board papers; bad
files get a clear message and the page keeps working; the picker works by keyboard; the acronym
sheet prints alone; the CSV holds the table; and no request leaves the site."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

import docmaker
from boardroom.cli import main
from boardroom.glossary.extract import MAX_BYTES

pytestmark = pytest.mark.browser

GLOSSARY = Path(__file__).parent / "fixtures" / "book" / "glossary"
ACRONYMS = ["HSCN", "N3", "DBS", "eRS", "e-RS"]
PAGE = "decoder.html"


def python_json(path: Path, capsys) -> dict:
    assert main(["decode", str(path), "--json", "--glossary", str(GLOSSARY)]) == 0
    return json.loads(capsys.readouterr().out)


def papers(folder: Path) -> dict[str, Path]:
    """The shared set of documents: a three-page board pack in every format, and a shorter paper
    whose table sits between paragraphs and whose DBS is the technical one."""
    pack = docmaker.board_pack(ACRONYMS, pages=3, seed=4)
    flat = [line for page in pack for line in page]
    short = ["TECHNICAL NOTE", "The database team moved the DBS to the new HSCN link.", "| N3 | QQX2 |",
             "Then the eRS, the ZPQ and the ZPQ again; section IX and the US office."]
    html = "".join(f"<p>{line}</p>" for line in flat)
    made = {
        "pack.docx": docmaker.word_pages(folder / "pack.docx", pack),
        "pack.pdf": docmaker.pages_pdf(folder / "pack.pdf", pack),
        "short.docx": docmaker.word_pages(folder / "short.docx", [short]),
        "short.pdf": docmaker.text_pdf(folder / "short.pdf", [line.strip("| ").replace(" | ", " ") for line in short]),
    }
    for name, text in [("pack.txt", "\n".join(flat)), ("pack.md", "# Board pack\n\n" + "\n\n".join(flat)),
                       ("pack.html", f"<html><head><title>Pack</title><style>.ZZZ{{}}</style><script>var QQQ;</script>"
                                     f"</head><body>{html}</body></html>")]:
        (folder / name).write_text(text, encoding="utf-8")
        made[name] = folder / name
    return made


def choose(page, path: Path):
    page.locator(".br-decoder input[type=file]").set_input_files(str(path))


def wait_for_status(page, name: str) -> str:
    status = page.locator(".br-decoder-status")
    expect(status).not_to_have_text(f"Reading {name}…", timeout=30_000)
    expect(status).to_contain_text(name)
    return status.text_content()


def page_json(page, path: Path) -> dict:
    """The page's own reading and decoding of the file, as `boardroom decode --json` shapes it."""
    return page.evaluate(
        """async ([name, bytes]) => {
            const d = BoardroomComponents.decoder;
            const state = JSON.parse(document.querySelector('.boardroom-mount script').textContent).state;
            const text = await d.readDocument(new File([new Uint8Array(bytes)], name));
            return d.asJson(d.decodeText(text, state.known), state.categories);
        }""",
        [path.name, list(path.read_bytes())],
    )


def test_the_page_and_boardroom_decode_agree_on_every_format(visit, fixture_site, tmp_path, capsys):
    v = visit()
    page = v.page
    page.goto(fixture_site + PAGE)
    for name, path in papers(tmp_path).items():
        expected = python_json(path, capsys)
        assert expected["acronyms"], name  # the documents hold known acronyms: an empty match proves nothing
        assert page_json(page, path) == expected, name
        choose(page, path)
        assert wait_for_status(page, name).startswith(f"Decoded {name}:")
        rows = page.locator(".br-decoder-table tbody tr")
        shown = [(r.locator("th").text_content(), int(r.locator("td").first.text_content())) for r in rows.all()]
        assert shown == [(a["acronym"], a["count"]) for a in expected["acronyms"]], name
        expect(page.locator(".br-decoder-sheet-title")).to_have_text(f"Acronyms in {name}")


def test_the_likely_sense_and_ranked_unknowns_show_in_the_table(visit, fixture_site, tmp_path):
    page = visit().page
    page.goto(fixture_site + PAGE)
    choose(page, papers(tmp_path)["short.docx"])
    wait_for_status(page, "short.docx")
    dbs = page.locator(".br-decoder-table tbody tr", has=page.locator("th", has_text="DBS"))
    expect(dbs.locator("td").nth(1)).to_have_text(
        "Likely here: Database server (technical documents). Or: Disclosure and Barring Service (recruitment and safeguarding checks).")
    items = page.locator(".br-decoder-unknown li strong").all_text_contents()
    assert items == ["QQX2", "ZPQ"]  # a digit first; TECHNICAL, NOTE and US are ordinary; IX is left out
    expect(page.locator(".br-decoder-ordinary")).to_have_text("Probably ordinary words in capitals: TECHNICAL, NOTE, US.")
    expect(page.locator(".br-decoder-unknown li").first).to_contain_text("ask “What does QQX2 stand for here?”")


def bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    corrupt_pdf = folder / "corrupt.pdf"
    corrupt_pdf.write_bytes(b"%PDF-1.4\nthis is not really a PDF at all\n")
    corrupt_docx = folder / "corrupt.docx"
    corrupt_docx.write_bytes(b"PK\x03\x04 cut short")
    locked_docx = folder / "locked.docx"  # Office saves a password-protected .docx as a compound file
    locked_docx.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    binary = folder / "binary.txt"
    binary.write_bytes(b"\x7fELF\x00\x01\x02" * 10)
    sheet = folder / "paper.xlsx"
    sheet.write_bytes(b"PK")
    return {
        "empty": (empty, "empty.txt: the file is empty."),
        "huge": (huge, "huge.txt: the file is too large (52 MB; the limit is 50 MB)."),
        "corrupt-pdf": (corrupt_pdf, "corrupt.pdf: not a readable PDF: it may be damaged."),
        "encrypted-pdf": (docmaker.encrypted_pdf(folder / "locked.pdf", ["HSCN and N3"]),
                          "locked.pdf: the PDF is encrypted: save a copy without a password and try again."),
        "scanned-pdf": (docmaker.scanned_pdf(folder / "scan.pdf"),
                        "scan.pdf: no text found in the file (a scanned PDF holds pictures of text: ask for the original document)."),
        "corrupt-docx": (corrupt_docx, "corrupt.docx: not a Word document (.docx), or it is damaged or password-protected."),
        "locked-docx": (locked_docx, "locked.docx: a password-protected Word document, or an old-style .doc"),
        "binary": (binary, "binary.txt: this is a binary file, not text"),
        "unknown-type": (sheet, "paper.xlsx: cannot read '.xlsx' files: use .txt, .md, .html, .docx or .pdf."),
    }


def test_bad_files_get_a_clear_message_and_the_page_keeps_working(visit, fixture_site, tmp_path):
    v = visit()
    page = v.page
    page.goto(fixture_site + PAGE)
    good = docmaker.text_pdf(tmp_path / "good.pdf", ["The HSCN and N3 paper."])
    for case, (path, message) in bad_files(tmp_path).items():
        choose(page, path)
        status = page.locator(".br-decoder-status.br-decoder-problem")
        expect(status).to_contain_text(message, timeout=30_000)
        assert status.text_content().startswith(message.split(":")[0]), case
        # the page goes on working: a good file after a bad one decodes
        choose(page, good)
        expect(page.locator(".br-decoder-status")).to_have_text("Decoded good.pdf: 2 acronyms found.", timeout=30_000)
    assert v.errors == []


def test_the_picker_works_by_keyboard_and_focus_moves_to_the_result(visit, fixture_site, tmp_path):
    page = visit().page
    # Playwright subscribes to file-chooser events without waiting for the browser to agree, so
    # subscribing only as Enter is pressed can lose the race (it failed one CI run in several):
    # subscribe first; the round trips below make sure the browser has it before the key press.
    page.on("filechooser", lambda chooser: None)
    page.goto(fixture_site + PAGE)
    # the button is in the page before the component's script has mounted it and given it its handler
    page.locator('.boardroom-mount[data-boardroom-mounted="true"] .br-decoder').wait_for()
    page.get_by_label("Paste text from a board paper").focus()
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Choose a document")
    expect(button).to_be_focused()
    path = papers(tmp_path)["short.docx"]
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(str(path))
    wait_for_status(page, "short.docx")
    expect(page.get_by_role("heading", name="Acronyms in short.docx")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Print or save this paper's acronym sheet")).to_be_focused()


def test_the_acronym_sheet_prints_alone_on_one_or_two_pages(visit, fixture_site, tmp_path):
    from pypdf import PdfReader

    page = visit().page
    page.goto(fixture_site + PAGE)
    choose(page, papers(tmp_path)["pack.pdf"])
    wait_for_status(page, "pack.pdf")
    page.emulate_media(media="print")
    expect(page.locator(".br-decoder-sheet")).to_be_visible()
    expect(page.locator(".br-decoder-table")).to_be_visible()
    for hidden in ["nav", "header", ".bd-sidebar-primary", "h1", ".br-decoder-input", ".br-decoder-drop",
                   ".br-decoder-actions", "footer"]:
        assert all(not el.is_visible() for el in page.locator(hidden).all()), hidden
    printed = tmp_path / "sheet.pdf"
    page.pdf(path=str(printed), format="A4")
    reader = PdfReader(str(printed))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert 1 <= len(reader.pages) <= 2, len(reader.pages)
    assert "Acronyms in pack.pdf" in text and "Health and Social Care Network" in text
    assert "Paste text from a board paper" not in text and "Decoding on the command line" not in text


def test_the_csv_holds_the_table_and_the_unknowns(visit, fixture_site, tmp_path, capsys):
    page = visit().page
    page.goto(fixture_site + PAGE)
    path = papers(tmp_path)["short.pdf"]
    expected = python_json(path, capsys)
    choose(page, path)
    wait_for_status(page, "short.pdf")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as CSV").click()
    assert download.value.suggested_filename == "acronyms-short.csv"
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["Acronym", "Times", "Meaning", "Likely meaning here", "Category"]
    body = rows[1:]
    assert [(r[0], int(r[1])) for r in body] == [(a["acronym"], a["count"]) for a in expected["acronyms"]] + [
        (u["acronym"], u["count"]) for u in expected["unknown"]]
    dbs = next(r for r in body if r[0] == "DBS")
    assert dbs[2:4] == ["Disclosure and Barring Service; Database server", "Database server"]


def test_no_request_leaves_the_site_and_pdfjs_loads_only_for_a_pdf(visit, fixture_site, tmp_path):
    v = visit()
    page = v.page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(fixture_site + PAGE)
    made = papers(tmp_path)
    for name in ("short.docx", "pack.html", "pack.txt"):
        choose(page, made[name])
        wait_for_status(page, name)
    assert not [u for u in requests if "pdfjs" in u]  # the page and other formats never fetch pdf.js
    before = len(requests)
    choose(page, made["pack.pdf"])
    wait_for_status(page, "pack.pdf")
    during = requests[before:]
    assert sorted({u.split("?")[0].rsplit("/", 1)[1] for u in during}) == ["pdf.min.js", "pdf.worker.min.js"]
    assert all(u.startswith(fixture_site) for u in requests)
    assert v.outside == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_decoded_document_passes_axe(visit, fixture_site, tmp_path, scheme):
    from test_accessibility import forgive_axe_css_fetch, violations

    v = visit(color_scheme=scheme, reduced_motion="reduce")
    page = v.page
    page.goto(fixture_site + PAGE)
    choose(page, papers(tmp_path)["short.pdf"])
    wait_for_status(page, "short.pdf")
    assert violations(page, "html") == []
    choose(page, bad_files(tmp_path)["corrupt-docx"][0])
    expect(page.locator(".br-decoder-problem")).to_be_visible()
    assert violations(page, "html") == []
    forgive_axe_css_fetch(v)


def test_each_likely_unknown_links_to_report_it_when_the_build_has_an_address(visit, fixture_site, tmp_path):
    """The build puts BOARDROOM_REPORT_URL in the decoder's state (test_pages_meta checks that);
    here the page is served with one, as such a build makes it."""
    address = "https://forms.example.nhs.uk/report?course=1"
    v = visit()
    page = v.page

    def with_address(route):
        body = route.fetch().text().replace('"report":""', f'"report":"{address}"')
        route.fulfill(body=body, content_type="text/html")

    page.route("**/decoder.html", with_address)
    page.goto(fixture_site + PAGE)
    choose(page, papers(tmp_path)["short.docx"])
    wait_for_status(page, "short.docx")
    link = page.get_by_role("link", name="report QQX2 as missing")
    expect(link).to_have_attribute("href", address + "&title=Glossary%3A%20please%20add%20QQX2&body=" + quote(
        'The acronym decoder did not know "QQX2". What I think it means, and where I saw it (no confidential detail): ', safe="()!'*"))
    expect(page.locator(".br-decoder-report")).to_have_count(0)  # no "tell the person" note beside a link


def test_from_a_file_the_page_says_pdfs_need_a_web_address_and_still_reads_word(browser, fixture_book, tmp_path):
    """Opened from file://, the browser will not start pdf.js (a module and a worker): the page says
    so before and after a PDF is chosen, and reads Word documents and text as usual."""
    context = browser.new_context()
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto((fixture_book.html / PAGE).as_uri())
        expect(page.locator(".br-decoder-drop")).to_contain_text("PDFs cannot be read when the book is opened from a file")
        made = papers(tmp_path)
        choose(page, made["short.pdf"])
        expect(page.locator(".br-decoder-problem")).to_contain_text(
            "short.pdf: this browser cannot start the PDF reader when the book is opened from a file (file://).")
        choose(page, made["short.docx"])
        expect(page.locator(".br-decoder-status")).to_have_text("Decoded short.docx: 4 acronyms found.")
    finally:
        context.close()
    assert errors == []
