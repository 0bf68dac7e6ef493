"""The acronym decoder engine, its document reading, and `boardroom decode` on good and bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import docmaker
from boardroom.cli import main
from boardroom.glossary.data import load_glossary
from boardroom.glossary.decoder import decode, table
from boardroom.glossary.extract import MAX_BYTES

GLOSSARY = Path(__file__).parent / "fixtures" / "book" / "glossary"
KNOWN = table(load_glossary(GLOSSARY))
SAMPLE = ["The board noted that HSCN replaced N3 in 2017.", "DBS checks for the e-RS team; the ICBs and the XQZ group."]


def test_decode_counts_known_acronyms_in_order_of_first_use():
    result = decode("HSCN and N3. Later, HSCN again, and eRS, ERS and e-RS.", KNOWN)
    assert [(f.acronym, f.count) for f in result.acronyms] == [("HSCN", 2), ("N3", 1), ("e-RS", 3)]


def test_ambiguous_acronyms_show_every_sense():
    [found] = decode("DBS", KNOWN).acronyms
    assert [s.expansion for s in found.senses] == ["Disclosure and Barring Service", "Database server"]


def test_unknown_capitalised_tokens_are_listed_and_words_are_not():
    result = decode("The XQZ and XQZ, the ICBs, Board, IT and a HSCN-funded link.", KNOWN)
    assert result.unknown == ["XQZ", "ICB", "IT"]  # IT last: an English word in capitals
    assert [f.acronym for f in result.acronyms] == ["HSCN"]  # found inside a joined word


def test_case_matters_for_acronyms():
    assert decode("hscn n3 dbs", KNOWN).acronyms == []


def test_json_shape():
    data = decode("HSCN and ABCD, and DBS", KNOWN).as_json()
    assert data == {
        "acronyms": [{"acronym": "HSCN", "count": 1, "likely": None,
                      "senses": [{"expansion": "Health and Social Care Network", "category": "nhs-system"}]},
                     {"acronym": "DBS", "count": 1, "likely": "Disclosure and Barring Service",
                      "senses": [{"expansion": "Disclosure and Barring Service", "category": "nhs-organisation"},
                                 {"expansion": "Database server", "category": "technology"}]}],
        "unknown": [{"acronym": "ABCD", "count": 1, "likely": True}],
    }


@pytest.mark.parametrize("text, likely", [
    ("The DBS checks for new staff.", "Disclosure and Barring Service"),  # no cue: the glossary's first sense
    ("The DBS team runs recruitment checks.", "Disclosure and Barring Service"),
    ("Technical note: the DBS holds the database for the EPR.", "Database server"),
    # a hint's "not ..." clause is no cue for its own sense
    ("SOC approvals for the business case and the SOC budget.", "Strategic outline case"),
    ("Cyber security: the SOC watches the network.", "Security operations centre"),
])
def test_the_likely_sense_follows_the_words_around_it(text, likely):
    from boardroom.glossary.decoder import Sense

    known = dict(KNOWN)
    known["SOC"] = ("SOC", [Sense("Security operations centre", "security", "Cyber security; not business cases."),
                            Sense("Strategic outline case", "delivery-and-procurement", "Business cases and investment approvals.")])
    [found] = [f for f in decode(text, known).acronyms if f.acronym in ("DBS", "SOC")]
    assert found.likely == likely


def test_the_usual_meaning_wins_a_tie():
    from boardroom.glossary.decoder import Sense

    known = {"RIS": ("RIS", [Sense("Risk Indication System", "nhs-system", "Safeguarding; unrelated to radiology."),
                             Sense("Radiology information system", "nhs-system", "Imaging; the usual meaning.")])}
    assert decode("The RIS is live.", known).acronyms[0].likely == "Radiology information system"
    # "radiology" in the other sense's "unrelated to" clause does not count for it
    assert decode("The radiology RIS.", known).acronyms[0].likely == "Radiology information system"
    assert decode("Safeguarding: the RIS flag.", known).acronyms[0].likely == "Risk Indication System"


ORDINARY_PAGE = """EXECUTIVE SUMMARY
PART II: WHAT THE BOARD IS ASKED TO DO
The board is asked to note the report. IT is not for decision. US colleagues AND others attended.
Section IV sets out the plan, and section XII the appendix; it is short and the summary is clear.
The QVX programme and the QVX board met; the ZT4 link and the KPMX review are late in Q2. KPMX again.
"""


def test_unknowns_rank_likely_acronyms_first_and_ordinary_words_last():
    result = decode(ORDINARY_PAGE, KNOWN)
    likely = [u.acronym for u in result.unknowns if u.likely]
    ordinary = [u.acronym for u in result.unknowns if not u.likely]
    # a digit first, then repeated three-letter-plus forms in order of first use
    assert likely == ["ZT4", "QVX", "KPMX"]
    # heading words, short English words and words also used in lower case; Roman numerals left out
    assert set(ordinary) == {"EXECUTIVE", "SUMMARY", "PART", "WHAT", "THE", "BOARD", "IS", "ASKED", "TO", "DO", "IT", "US", "AND", "Q2"}
    assert not {"II", "IV", "XII"} & set(result.unknown)
    assert result.unknown[:3] == likely  # ordinary words come last


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx", "pdf"])
def test_every_document_format(tmp_path, kind, capsys):
    if kind == "docx":
        path = docmaker.word_document(tmp_path / "paper.docx", SAMPLE[:1], SAMPLE[1].split(";"))
    elif kind == "pdf":
        path = docmaker.text_pdf(tmp_path / "paper.pdf", SAMPLE)
    elif kind == "html":
        path = tmp_path / "paper.html"
        path.write_text(f"<html><head><style>.HSCN{{}}</style><script>var NOTME = 1;</script></head>"
                        f"<body><p>{SAMPLE[0]}</p><p>{SAMPLE[1]}</p></body></html>", encoding="utf-8")
    else:
        path = tmp_path / f"paper.{kind}"
        path.write_text("\n".join(SAMPLE), encoding="utf-8")
    assert main(["decode", str(path), "--json", "--glossary", str(GLOSSARY)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["acronym"] for a in data["acronyms"]] == ["HSCN", "N3", "DBS", "e-RS"]
    assert [u["acronym"] for u in data["unknown"]] == ["ICB", "XQZ"]


def test_readable_table(tmp_path, capsys):
    path = tmp_path / "paper.txt"
    path.write_text("DBS checks and the XQZ.", encoding="utf-8")
    assert main(["decode", str(path), "--glossary", str(GLOSSARY)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Acronym", "Count", "Meaning"]
    assert out[1].split()[:2] == ["DBS", "1"] and "Disclosure and Barring Service" in out[1]
    assert "Database server" in out[2]
    assert out[-1] == "Not in the glossary (1), likely acronyms first: XQZ"


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x7fELF\x00\x01\x02" * 10)
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"line one\nthe caf\xe9 paper\n")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no real disk used
    fake_pdf = tmp_path / "fake.pdf"
    fake_pdf.write_bytes(b"this is not a PDF at all")
    fake_docx = tmp_path / "fake.docx"
    fake_docx.write_bytes(b"nor a Word document")
    return {
        "missing": (tmp_path / "missing.pdf", "1: no such file"),
        "empty": (empty, "1: the file is empty"),
        "binary": (binary, "1: this is a binary file, not text"),
        "non-utf8": (latin, "2: not UTF-8 text"),
        "encrypted": (docmaker.encrypted_pdf(tmp_path / "locked.pdf", SAMPLE), "1: the PDF is encrypted"),
        "huge": (huge, "1: the file is too large (52 MB; the limit is 50 MB)"),
        "damaged-pdf": (fake_pdf, "1: not a readable PDF"),
        "damaged-docx": (fake_docx, "1: not a Word document"),
        "unknown-type": (tmp_path / "paper.xlsx", "1: cannot read '.xlsx' files"),
        "scanned": (docmaker.scanned_pdf(tmp_path / "scan.pdf"), "1: no text found in the file (a scanned PDF"),
    }


def test_a_word_document_is_read_in_document_order_with_its_tables_and_text_boxes_once(tmp_path):
    """Tables between paragraphs count where they stand (first appearance), as the page reads them."""
    from boardroom.glossary.extract import extract_text

    path = docmaker.word_pages(tmp_path / "paper.docx", [["Opening: the HSCN.", "| DBS | N3 |", "Then eRS."]])
    text = extract_text(path)
    assert [f.acronym for f in decode(text, KNOWN).acronyms] == ["HSCN", "DBS", "N3", "e-RS"]


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "non-utf8", "encrypted", "huge",
                                  "damaged-pdf", "damaged-docx", "unknown-type", "scanned"])
def test_bad_files_give_one_line_and_exit_1(tmp_path, case):
    path, expected = bad_files(tmp_path)[case]
    done = subprocess.run([sys.executable, "-m", "boardroom.cli", "decode", str(path), "--glossary", str(GLOSSARY)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}:{expected}"), done.stderr


def test_the_notebook_widget_decodes_in_python_and_renders_in_the_book():
    from boardroom import Decoder

    widget = Decoder("The HSCN replaced N3; ask about the QQX.", glossary=GLOSSARY)
    result = widget.decode()
    assert [f.acronym for f in result.acronyms] == ["HSCN", "N3"] and result.unknown == ["QQX"]
    widget.text = "DBS checks"  # as the front end sets it when the learner types
    assert [f.acronym for f in widget.decode().acronyms] == ["DBS"]
    data, _ = widget._repr_mimebundle_()
    assert 'data-boardroom-component="decoder"' in data["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in data
