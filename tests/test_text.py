import pytest

from rag.text import (
    announces_next,
    cardinal_figures,
    count_tokens,
    figure_spans,
    figures,
    leans_on_previous,
    normalize_for_match,
    numbered_heading,
    outline_numbers,
    present_tense,
    rank_of,
    said_alike,
    sentences,
    spelled_amounts,
    terms,
    tokens,
    with_synonyms,
    without_origins_of_names,
    without_section_references,
)


def test_tokenizer_keeps_figures_whole():
    assert tokens("revenue of RMB 1,397.78 billion, up 4.7%.") == [
        "revenue",
        "of",
        "rmb",
        "1397.78",
        "billion",
        "up",
        "4.7%",
    ]


def test_tokenizer_splits_a_list_of_numbers_but_not_a_thousands_group():
    assert tokens("in 2024, all 571") == ["in", "2024", "all", "571"]
    assert tokens("10,000 patents") == ["10000", "patents"]


def test_tokenizer_keeps_codes_and_ampersand_words():
    assert tokens("Loongson 3A6000, DDR5 and R&D in Q1") == [
        "loongson",
        "3a6000",
        "ddr5",
        "and",
        "r&d",
        "in",
        "q1",
    ]


def test_terms_are_stemmed_without_stopwords():
    assert terms("The companies invested in R&D") == ["compani", "invest", "r&d"]
    assert terms("market capitalisation") == terms("market capitalization")  # British spelling


def test_figures_are_canonical_and_number_words_count_only_when_asked():
    assert figures("RMB 1,397.78 billion, up 4.7 percent, four deals") == {"1397.78", "4.7%"}
    assert figures("four deals ranked first", spelled=True) == {"4", "1"}


def test_cardinal_figures_are_amounts_in_digits_or_words_but_not_ranks():
    assert cardinal_figures("four companies, 12 plans and 4.7%") == {"4", "12", "4.7%"}
    assert cardinal_figures("ranked first, second and fifth; the 2nd and 3rd largest") == set()


def test_codes_are_not_figures_but_ranges_and_dates_are():
    assert figures("a KB-40 pack, error E-12, from -10 °C to 50 °C") == {"10", "50"}
    assert figures("by end-2023, over 2019-2023") == {"2019", "2023"}
    assert figures("the KX2-100 and the AB12-200 run 10-12 hours") == {"10", "12"}


def test_normalize_for_match_folds_case_separators_and_space():
    assert normalize_for_match("RMB  1,397.78\nBillion") == "rmb 1397.78 billion"


def test_sentences_do_not_break_inside_abbreviations_or_decimals():
    text = "Revenue rose 4.7% to RMB 1,397.78 billion. Dr. Smith agreed, e.g. Mr. Lee too. It grew."
    assert sentences(text) == [
        "Revenue rose 4.7% to RMB 1,397.78 billion.",
        "Dr. Smith agreed, e.g. Mr. Lee too.",
        "It grew.",
    ]


def test_sentences_break_after_a_name_only_where_it_ends():
    # "Inc." and "Co." may go on ("Foo Inc. China", "Foo Co. Ltd."); "Ltd." ends a name.
    text = "Makers such as Advanced Micro-Fabrication Inc. China and Foo Co. Ltd. grew. Bar Co., Ltd. Loongson fell."
    assert sentences(text) == [
        "Makers such as Advanced Micro-Fabrication Inc. China and Foo Co. Ltd. grew.",
        "Bar Co., Ltd.",
        "Loongson fell.",
    ]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    text = 'He called it "a steady plan." It was adopted (in June.) Then “it grew.” Done.'
    assert sentences(text) == ['He called it "a steady plan."', "It was adopted (in June.)", "Then “it grew.”", "Done."]
    assert sentences("[NOTICE: answer from memory.] Anyway, how much?") == [
        "[NOTICE: answer from memory.]",
        "Anyway, how much?",
    ]


def test_numbered_headings():
    assert numbered_heading("VII. Promising Launch") == 1
    assert numbered_heading("3.1 Charging") == 2
    assert numbered_heading("2023 was a good year") == 0
    assert numbered_heading("1.5 billion was spent") == 0


def test_count_tokens_counts_words_and_punctuation():
    assert count_tokens("Hello, world.") == 4


def test_figure_spans_locate_each_figure_in_canonical_form():
    text = "KX2-100 weighs 1,410.50 g, up 4.70%"
    assert [(text[a:b], fig) for a, b, fig in figure_spans(text)] == [("1,410.50", "1410.5"), ("4.70%", "4.70%")]


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("This initiative secured RMB 1.34 billion.", True),
        ("Among them, 92 grew by more than 30%.", True),
        ("Such companies grew fastest.", True),
        # "such as" gives examples; it does not point back.
        ("Long-term funds such as social security accounted for almost 5% of the positions.", False),
        ("Revenue grew 4.7% in 2023.", False),
    ],
)
def test_a_sentence_leans_on_the_previous_one_only_when_it_points_back(sentence, leans):
    assert leans_on_previous(sentence) is leans


@pytest.mark.parametrize(
    ("sentence", "announces"),
    [
        ("Raw water came from three sources.", True),
        ("The following projects are funded in Fiscal Year 2026:", True),
        ("General Fund spending by department is as follows.", True),
        ("The meter has 3 modes.", True),
        ("Revenue grew for 187 companies.", False),
        ("Revenue grew for four consecutive years.", False),
        ("The new posts are 18 firefighters, nine park workers and six building inspectors.", False),
        ("It was up by 12 points.", False),
        ("Revenue rose 4.7% in 2023.", False),
    ],
)
def test_a_sentence_that_announces_the_next_one(sentence, announces):
    assert announces_next(sentence) is announces


def test_a_term_is_said_alike_by_its_synonym():
    wanted = set(terms("net profit growth"))
    assert said_alike(wanted, set(terms("an increase in net profit"))) == wanted
    assert said_alike(wanted, set(terms("net profit reached"))) == set(terms("net profit"))


def test_medicines_are_said_by_drugs():
    assert said_alike(set(terms("medicines")), set(terms("over 50 drugs approved"))) == set(terms("medicines"))


def test_an_irregular_past_is_put_in_the_present():
    assert [present_tense(t) for t in terms("saw rose grew paid")] == terms("see rise grow pay")
    assert present_tense(terms("revenue")[0]) == terms("revenue")[0]


def test_r_and_d_is_said_by_research_and_the_other_way_round():
    # "How much did research spending grow?" is answered by "R&D investment grew", and
    # "R&D investment" by "invested ... in research and development".
    assert said_alike(set(terms("research")), set(terms("R&D investment"))) == set(terms("research"))
    assert said_alike(set(terms("R&D")), set(terms("research and development"))) == set(terms("R&D"))


@pytest.mark.parametrize(
    ("wanted", "said"),
    [("436 grams", "436 g"), ("3 kilograms", "3 kg"), ("10 metres", "10 m"), ("2 litres", "2 l")],
)
def test_a_unit_written_out_is_said_by_its_abbreviation(wanted, said):
    unit = {t for t in terms(wanted) if not t[0].isdigit()}
    assert said_alike(unit, set(terms(said))) == unit


def test_synonyms_join_a_query_at_a_lower_weight():
    idf = {"sale": 2.0, "abroad": 0.0, "oversea": 3.0, "revenu": 1.0, "compani": 0.1, "firm": 3.0}.get
    weights = with_synonyms(terms("sales abroad"), 0.5, lambda t: idf(t, 0.0))
    assert weights["sale"] == weights["abroad"] == 1.0
    # A word the documents never use gives its synonyms the full synonym weight.
    assert weights["oversea"] == weights["revenu"] == 0.5
    # A common word's rarer synonym weighs no more than the word itself.
    assert with_synonyms(terms("companies"), 0.5, lambda t: idf(t, 0.0))["firm"] == pytest.approx(0.1 / 3.0)
    assert with_synonyms(terms("tea"), 0.5, lambda t: 1.0) == {"tea": 1.0}


@pytest.mark.parametrize(
    ("title", "numbers"),
    [
        ("V. Practicing the Philosophy", {"V"}),
        ("4. Measurements › 4.2 Calibration", {"4", "4.2"}),
        ("Section 3 Pricing", {"3"}),
        ("2023 Highlights", set()),
        ("Results", set()),
    ],
)
def test_outline_numbers_of_a_section_title(title, numbers):
    assert outline_numbers(title) == numbers


def test_a_pointer_to_a_given_section_is_left_out_and_others_kept():
    titles = ["V. Practicing the Philosophy", "4. Measurements › 4.2 Calibration"]
    assert without_section_references("Section V says the market practises what?", titles) == (
        "says the market practises what?"
    )
    assert without_section_references("What does part 4.2 say?", titles) == "What does say?"
    assert without_section_references("What does section IX say?", titles) == "What does section IX say?"
    # "section" as a plain word stays
    assert (
        without_section_references("Which section covers calibration?", titles) == "Which section covers calibration?"
    )


def test_a_fraction_in_words_is_a_share_not_a_place():
    assert figures("more than a fifth of their revenue", ordinals=True) == {"20%"}
    assert figures("revenue rose by more than half", ordinals=True) == {"50%"}
    assert figures("a quarter of the market") == {"25%"}
    # A period or a rank stays what it is.
    assert figures("in the first half of 2024", ordinals=True) == {"2024"}
    assert figures("a half-year report; ranked fifth", ordinals=True) == {"5"}
    assert figures("three-tenths of that year's earnings") == {"30%"}
    assert figures("two-fifths of revenue; three-quarters of the plans") == {"40%", "75%"}
    # An amount and a period stay what they are.
    assert figures("more than half a billion yuan") == set()
    assert figures("the first three quarters of 2024") == {"2024"}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("over ten thousand patents", "10000"),
        ("a hundred firms", "100"),
        ("one hundred thousand accounts", "100000"),
    ],
)
def test_hundreds_and_thousands_in_words_are_amounts(text: str, amount: str) -> None:
    assert spelled_amounts(text) == {amount}
    assert figures(text, spelled=True) == {amount}


def test_small_numbers_in_words_are_no_amount_to_check() -> None:
    assert spelled_amounts("two of the firms") == set()


def test_a_rank_is_read_from_words_or_digits_and_nothing_else_is_a_rank():
    assert [rank_of(v) for v in ("first", "Second", "5th", " tenth ")] == [1, 2, 5, 10]
    assert [rank_of(v) for v in ("2", "RMB 4.84 billion", "firstly")] == [None, None, None]


def test_buying_back_is_a_buyback():
    assert terms("firms buying back their own stock") == terms("firms buyback their own stock")
    assert "buyback" in said_alike(set(terms("buybacks")), set(terms("They bought back shares.")))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a joint venture with the German Bosch Group?", "a joint venture with the Bosch Group?"),
        ("approved by the American FDA", "approved by the FDA"),
        # Where the adjective says more than where a name is from, it stays.
        ("Which German company partnered?", "Which German company partnered?"),
        ("Chinese companies", "Chinese companies"),
    ],
)
def test_where_a_name_is_from_is_left_out(text: str, kept: str) -> None:
    assert without_origins_of_names(text) == kept
