from pathlib import Path

import pytest

from rag.chunk import chunk_document, split_paragraph
from rag.load import parse_document
from rag.text import count_tokens
from rag.types import Chunk

from .fakes import ROOT, SAMPLE_MD


def _chunks(name: str, text: str, max_tokens: int = 200):
    return chunk_document(parse_document(name, text.encode(), 10**7), max_tokens, 200)


def test_markdown_sections_and_stable_ids():
    chunks = _chunks("northwind.md", SAMPLE_MD)
    assert [c.id for c in chunks] == [
        "northwind#s0.p1",
        "northwind#s1.p1",
        "northwind#s1.p2",
        "northwind#s2.p1",
    ]
    assert chunks[0].section == ""
    assert chunks[1].section == "I. Results"
    assert chunks[3].section == "II. People"
    assert all(c.document == "Northwind Annual Review 2021" for c in chunks)


def test_document_and_section_titles_are_part_of_the_indexed_text():
    chunk = _chunks("northwind.md", SAMPLE_MD)[3]
    assert chunk.indexed_text.startswith("Northwind Annual Review 2021\nII. People\nAt the end of 2021")


def test_ids_do_not_depend_on_other_sections_content():
    before = _chunks("northwind.md", SAMPLE_MD)
    edited = SAMPLE_MD.replace("Coffee sales fell", "Coffee sales, sadly, fell")
    after = _chunks("northwind.md", edited)
    assert [c.id for c in before] == [c.id for c in after]


def test_plain_text_with_roman_and_numbered_headings():
    text = (
        "Kestrel Manual\n\nIntro paragraph here.\n\n1. Introduction\n\nThe device measures pH.\n\n"
        "3.1 Charging\nCharge for 2 hours.\n\nII. Budget\n\nSpending rose.\n"
    )
    chunks = _chunks("kestrel.txt", text)
    assert [(c.id, c.section) for c in chunks] == [
        ("kestrel#s0.p1", ""),
        ("kestrel#s1.p1", "1. Introduction"),
        ("kestrel#s2.p1", "1. Introduction › 3.1 Charging"),
        ("kestrel#s3.p1", "II. Budget"),
    ]


def test_plain_text_seed_matches_markdown_corpus_structure():
    md = (ROOT / "corpus" / "star-market-2023.md").read_text(encoding="utf-8")
    txt = md.replace("## ", "").replace("# ", "", 1)
    from_md = _chunks("star.md", md)
    from_txt = _chunks("star.txt", txt)
    assert [(c.id, c.section, c.text) for c in from_md] == [(c.id, c.section, c.text) for c in from_txt]
    assert {c.section.split(".")[0] for c in from_md} == {"", "I", "II", "III", "IV", "V", "VI", "VII"}


def test_long_paragraph_splits_at_sentences_under_the_limit():
    paragraph = " ".join(f"Sentence number {i} says something about revenue growth." for i in range(40))
    parts = split_paragraph(paragraph, 60)
    assert len(parts) > 1
    assert all(count_tokens(p) <= 60 for p in parts)
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == paragraph


def test_a_sentence_that_points_back_stays_with_the_one_it_points_to():
    filler = " ".join(f"Fact {i} is stated here." for i in range(5))
    named = "Two firms built the Jakarta Railway."
    paragraph = f"{filler} {named} This project is a remarkable example of cooperation. {filler}"
    parts = split_paragraph(paragraph, 60)
    assert len(parts) == 2
    assert any(named in p and "This project" in p for p in parts)
    assert all(count_tokens(p) <= 60 for p in parts)
    assert " ".join(parts) == paragraph


def test_split_parts_get_suffixed_ids():
    long = " ".join(f"Fact {i} is stated here." for i in range(80))
    chunks = _chunks("a.md", f"# T\n\n## 1. S\n\n{long}\n", max_tokens=50)
    assert chunks[0].id == "a#s1.p1.1" and chunks[1].id == "a#s1.p1.2"
    assert chunks[0].paragraph_id == chunks[1].paragraph_id == "a#s1.p1"


@pytest.mark.parametrize("chunk_id", ["a#s1.p2", "v1.2#s1.p2"])
def test_a_whole_paragraph_is_its_own_paragraph(chunk_id):
    assert Chunk(chunk_id, "a", "T", "S", "text").paragraph_id == chunk_id


def test_a_single_huge_sentence_is_cut_at_words():
    parts = split_paragraph("word " * 1000, 100)
    assert all(count_tokens(p) <= 100 for p in parts)


def test_markdown_headings_inside_code_fences_are_not_sections():
    chunks = _chunks("c.md", "# T\n\n## A\n\n```\n# not a heading\n```\n\ntext\n")
    assert {c.section for c in chunks} == {"A"}


def test_default_corpus_has_title_and_seven_sections():
    text = Path(ROOT / "corpus" / "star-market-2023.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0].startswith("# Forging Ahead")
    assert [h.split(".")[0] for h in headings[1:]] == [f"## {r}" for r in ["I", "II", "III", "IV", "V", "VI", "VII"]]


def test_a_paragraph_announcing_a_list_is_one_chunk_with_the_list():
    text = (
        "Budget\n\nI. Capital\n\nThe program totals $74.6 million. The following projects are funded:\n\n"
        "Harbor Street: $18.5 million\nCitywide Pavement: $16.2 million\n\nHarbor Street is the largest project.\n"
    )
    chunks = _chunks("budget.txt", text)
    assert [c.id for c in chunks] == ["budget#s1.p1", "budget#s1.p2"]
    assert chunks[0].text == (
        "The program totals $74.6 million. The following projects are funded:\n"
        "Harbor Street: $18.5 million\nCitywide Pavement: $16.2 million"
    )
