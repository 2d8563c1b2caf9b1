from rag.pairs import spell_out_pairs


def pairs_of(sentence: str) -> str:
    out = spell_out_pairs(sentence)
    return out[len(sentence) :].strip()


def test_names_and_amounts_are_paired_in_order():
    sentence = (
        "Notably, Shenzhen Transsion Holdings Co., Ltd., Jinko Solar, and China Railway Signal Corporation Limited "
        "allocated RMB 4.84 billion, RMB 2.24 billion, and RMB 1.80 billion in cash dividends, respectively."
    )
    assert pairs_of(sentence) == (
        "(i.e. Shenzhen Transsion Holdings Co., Ltd.: RMB 4.84 billion; Jinko Solar: RMB 2.24 billion; "
        "China Railway Signal Corporation Limited: RMB 1.80 billion)"
    )


def test_lower_case_items_start_after_a_preposition_and_end_before_the_verb():
    sentence = (
        "Notably, subsectors such as integrated circuits and intelligent detection have shown exceptional "
        "performance, with growth rates in operating revenue reaching 27.8% and 62.3% respectively."
    )
    assert pairs_of(sentence) == "(i.e. integrated circuits: 27.8%; intelligent detection: 62.3%)"


def test_ranks_in_words_are_values():
    sentence = "Leaders Jinko Solar, Trina Solar, and CSI Solar ranked first, second, and fifth in 2023, respectively."
    assert pairs_of(sentence) == "(i.e. Leaders Jinko Solar: first; Trina Solar: second; CSI Solar: fifth)"


def test_more_items_than_values_adds_nothing():
    for sentence in (
        "Profit for machine tools, laser processing, and other chains rose by 8.8% and 7.7%, respectively.",
        "Sales of A, B and C rose 3% and 4% respectively.",
        "A and B rose and reached 3% and 4% respectively.",
    ):
        assert spell_out_pairs(sentence) == sentence


def test_text_without_respectively_is_unchanged_and_other_sentences_are_kept():
    text = "Revenue rose 3% and 4% in two years. Alpha and Beta earned 5% and 6%, respectively. It ended."
    assert spell_out_pairs("Revenue rose 3% and 4% in two years.") == "Revenue rose 3% and 4% in two years."
    assert spell_out_pairs(text) == (
        "Revenue rose 3% and 4% in two years. Alpha and Beta earned 5% and 6%, respectively. "
        "(i.e. Alpha: 5%; Beta: 6%) It ended."
    )
