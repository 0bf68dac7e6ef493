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
    assert result.unknown == ["XQZ", "ICB", "IT"]
    assert [f.acronym for f in result.acronyms] == ["HSCN"]  # found inside a joined word


def test_case_matters_for_acronyms():
    assert decode("hscn n3 dbs", KNOWN).acronyms == []


def test_json_shape():
    data = decode("HSCN and ABCD", KNOWN).as_json()
    assert data == {
        "acronyms": [{"acronym": "HSCN", "count": 1,
                      "senses": [{"expansion": "Health and Social Care Network", "category": "nhs-system"}]}],
        "unknown": ["ABCD"],
    }


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
    assert data["unknown"] == ["ICB", "XQZ"]


def test_readable_table(tmp_path, capsys):
    path = tmp_path / "paper.txt"
    path.write_text("DBS checks and the XQZ.", encoding="utf-8")
    assert main(["decode", str(path), "--glossary", str(GLOSSARY)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Acronym", "Count", "Meaning"]
    assert out[1].split()[:2] == ["DBS", "1"] and "Disclosure and Barring Service" in out[1]
    assert "Database server" in out[2]
    assert out[-1] == "Not in the glossary (1): XQZ"


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
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "non-utf8", "encrypted", "huge",
                                  "damaged-pdf", "damaged-docx", "unknown-type"])
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
