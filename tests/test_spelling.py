from collections import Counter

import pytest

from rag.spelling import Speller, distance

DOCUMENTS = Counter("the companies paid dividends and invested in research and development single period".split())
ENGLISH = ["difference", "invent", "check", "what", "shingle"]


@pytest.fixture
def speller() -> Speller:
    return Speller.of(DOCUMENTS, [*ENGLISH, "##ing", "Capital"])


@pytest.mark.parametrize(
    ("question", "corrected"),
    [
        # A slip away from a word of the documents.
        ("how many compnies paid dividents?", "how many companies paid dividends?"),
        ("what reseach was done in that periood", "what research was done in that period"),
        # A long word a slip away from a long English word.
        ("what is the diference?", "what is the difference?"),
        # Forms of known words, and words too short to tell, stay.
        ("who is inventing it, and the checker?", "who is inventing it, and the checker?"),
        ("the perod", "the perod"),
        # A rare word two slips from a document's word is no slip ("shingles" is not "single").
        ("a vaccine for shingles", "a vaccine for shingles"),
        # Names stay as typed.
        ("What did Compnies Ltd pay?", "What did Compnies Ltd pay?"),
    ],
)
def test_misspelt_words_are_written_as_the_documents_spell_them(speller, question, corrected) -> None:
    assert speller.corrected(question) == corrected


def test_a_tie_between_two_words_leaves_the_word_as_typed() -> None:
    speller = Speller(Counter({"plants": 1, "plante": 1}))
    assert speller.corrected("plantx") == "plantx"


@pytest.mark.parametrize(("a", "b", "edits"), [("revenu", "revenue", 1), ("reseach", "research", 1), ("ab", "ba", 1)])
def test_distance_counts_inserts_deletes_replacements_and_swaps(a, b, edits) -> None:
    assert distance(a, b, 2) == edits
    assert distance("companies", "singles", 2) == 3
