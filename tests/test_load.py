import io

import pytest
from pypdf import PdfReader, PdfWriter

from rag.errors import DocumentError
from rag.load import load_corpus, parse_document

from .fakes import make_pdf

PDF_LINES = [
    "Annual Report 2021",
    "",
    "1. Results",
    "Northwind sold 1,240 tonnes of tea in 2021, which was up 8.5% on the",
    "year before. Coffee fell.",
    "2. People",
    "It employed 312 people.",
]


def test_corpus_loads_good_files_and_names_the_bad_ones(tmp_path):
    (tmp_path / "good.md").write_text("# Good\n\nText.\n")
    (tmp_path / "notes.txt").write_text("Plain text.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    (tmp_path / ".hidden.md").write_text("skip me")
    docs, errors = load_corpus(tmp_path, 10**6)
    assert sorted(d.source for d in docs) == ["good.md", "notes.txt"]
    assert {e.source for e in errors} == {"image.png", "broken.pdf"}
    assert all(e.source in e.message for e in errors)


def test_pdf_text_is_reflowed_into_paragraphs_and_headings():
    doc = parse_document("report.pdf", make_pdf(PDF_LINES), 10**7)
    assert doc.title == "Annual Report 2021"
    assert "1. Results\n\nNorthwind sold 1,240 tonnes of tea in 2021, which was up 8.5% on the year before." in doc.text


def test_encrypted_pdf_is_refused_with_a_clear_message():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PDF_LINES))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DocumentError, match="encrypted"):
        parse_document("locked.pdf", out.getvalue(), 10**7)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "no text"),
        ("blank.txt", b"   \n\n  ", "no text"),
        ("bin.txt", b"abc\x00\x01\x02", "binary"),
        ("fake.pdf", b"hello", "not a PDF"),
        ("disguised.txt", b"%PDF-1.4 ...", "content is a PDF"),
        ("big.md", b"x" * 101, "limit"),
        ("page.html", b"<html></html>", "unsupported"),
    ],
)
def test_bad_files_get_clear_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    docs, errors = load_corpus(tmp_path, 100)
    assert not docs
    assert len(errors) == 1 and message in errors[0].message and name in errors[0].message


def test_text_is_cleaned_of_control_and_bidi_characters():
    doc = parse_document("a.txt", "Title\n\nRevenue\u202e rose\x07 4.7%\r\n".encode(), 1000)
    assert "\u202e" not in doc.text and "\x07" not in doc.text and "\r" not in doc.text


def test_cp1252_text_still_loads():
    doc = parse_document("a.txt", "Caf\xe9 revenue rose.".encode("cp1252"), 1000)
    assert "Café" in doc.text


def test_same_stem_different_types_get_distinct_ids(tmp_path):
    (tmp_path / "report.md").write_text("# R\n\nOne.\n")
    (tmp_path / "report.txt").write_text("Two.\n")
    docs, _ = load_corpus(tmp_path, 1000)
    assert len({d.doc_id for d in docs}) == 2
