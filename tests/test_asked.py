import pytest

from rag.asked import answer_kind, asks_money, gives


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What share of revenue came from abroad?", "share"),
        ("For a typical firm, what slice of sales went into research?", "share"),
        ("How much money did the firms raise through follow-on offerings?", "money"),
        ("How many companies paid dividends?", "figure"),
        ("In the first quarter of 2024, across all the listed companies, how many grew?", "figure"),
        ("What was the total operating revenue?", "figure"),
        ("By how much did revenue grow?", "figure"),  # a growth rate, not an amount
        ("Which companies paid dividends?", ""),
        ("When was the fund listed?", ""),
    ],
)
def test_the_kind_of_answer_a_question_asks_for(question, kind):
    assert answer_kind(question) == kind


def test_a_change_or_share_of_money_is_not_an_amount():
    assert asks_money("How much did the firms invest in R&D?")
    assert not asks_money("How much did the firms' R&D spending increase?")


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("share", "R&D came to 12.2% of revenue.", True),
        ("share", "R&D came to RMB 156.12 billion.", False),
        ("share", "About half of the firms grew.", True),
        ("money", "R&D came to RMB 156.12 billion.", True),
        ("money", "There were 2,300 researchers.", False),
        ("figure", "There were 2,300 researchers.", True),
        ("figure", "Many researchers work there.", False),
        ("", "There were 2,300 researchers.", False),
    ],
)
def test_what_gives_an_answer_of_a_kind(kind, text, expected):
    assert gives(kind, text) is expected
