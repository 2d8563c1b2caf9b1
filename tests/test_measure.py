import pytest

from rag.measure import (
    COUNT_QUESTION_RE,
    asked_beyond_count,
    bar_reply,
    bar_taken_for_value,
    before_figure,
    change_for_share,
    contrast,
    count_clauses,
    counted_elsewhere,
    counted_mention,
    counts_alike,
    counts_another,
    difference,
    gap_taken_for_level,
    gives_count,
    hedge_of,
    hedged,
    lead_in,
    level_for_change,
    level_for_gap,
    measure_unsaid,
    misordered,
    other_kind,
    part_for_total,
    times_written,
    total,
    unit_of,
    unqualified,
    value_taken_for_bar,
    winner,
    with_hedge,
    yes_no_bar,
)
from rag.text import kind_pairs


def _named(text: str) -> set[tuple[str, str]]:
    return {(modifier, head) for modifier, head, _ in kind_pairs(text)}


@pytest.mark.parametrize(
    ("text", "fig", "unit"),
    [
        ("lasts 14 hours", "14", "h"),
        ("between 5 °C and 40 °C", "40", "degc"),
        ("a share of 28.8%", "28.8%", "percent"),
        ("the KB-40 pack", "40", ""),
    ],
)
def test_unit_of_a_figure(text, fig, unit):
    assert unit_of(text, fig) == unit


@pytest.mark.parametrize(
    ("fig", "words"),
    [
        ("27.8%", "and chip makers saw revenue growth reach 27.8%"),
        # Listed together: the words before the list.
        ("24.4%", "the compound growth rates of revenue and net profit in the past 4 years reached 23.3% and 24.4%"),
        # A figure of another kind starts anew.
        ("187", "187"),
    ],
)
def test_lead_in_is_what_leads_up_to_the_figure(fig, words):
    sentence = {
        "27.8%": "Most firms grew net profit, and chip makers saw revenue growth reach 27.8%.",
        "24.4%": "Compared with 2019, the compound growth rates of revenue and net profit in the past 4 years "
        "reached 23.3% and 24.4% respectively.",
        "187": "Of these, 92 had a growth rate of more than 30%, 187 achieved growth.",
    }[fig]
    assert lead_in(sentence, fig).strip(" ,") == words


def test_a_count_keeps_what_it_counts():
    sentence = "369 companies had launched 539 equity incentive plans."
    question = "How many equity incentive plans were launched?"
    assert counts_another("369 incentive plans", "369", sentence, question)
    assert counts_another("369", "369", sentence, question)
    assert not counts_another("539", "539", sentence, question)
    assert not counts_another("369 companies", "369", sentence, question)


def test_a_count_is_not_paired_with_another_sentence_that_counts_the_same():
    plans = "In 2023, 146 companies introduced 152 repurchase plans worth RMB 17.89 billion."
    assert counted_elsewhere("20 companies announced 152 repurchase plans", "20", plans)
    assert not counted_elsewhere("146 companies announced 152 repurchase plans", "146", plans)
    assert not counted_elsewhere("20 banks announced 152 repurchase plans", "20", plans)
    assert not counted_elsewhere("60% of companies announced 152 repurchase plans", "60%", plans)


def test_counts_of_the_same_things_are_alike():
    sentence = "There are more than 110 biopharmaceutical companies, with RMB 500 million in sales."
    other = "Over 50 drugs developed by 27 companies have been approved, and 3 billion doses sold."
    question = "How many companies have had drugs approved?"
    assert counts_alike(sentence, "110", other, question, {"110"})
    assert not counts_alike(sentence, "110", other, question, {"110", "27"})  # the claim gives it too
    assert not counts_alike(sentence, "500", other, "How much did they sell?", {"500"})  # an amount
    assert not counts_alike(sentence, "110", "Sales grew 12%.", question, {"110"})
    assert asked_beyond_count(question) == {"drug", "approv"}
    # A count of all companies does not count the biopharmaceutical ones the question and 110 count.
    listed = "As of April, 363 companies listed on the market disclosed their action plans."
    asked = "How many biopharmaceutical companies are listed on the market?"
    assert not counts_alike(sentence, "110", listed, asked, {"110"})
    assert counts_alike(sentence, "110", "Of these, 27 biopharmaceutical companies are listed.", asked, {"110"})
    # Words every sentence is about (the document's title) need not be repeated.
    everyone = "The 567 STAR Market companies achieved revenues of RMB 277.55 billion."
    drugs = "Over 50 drugs developed by 27 companies have been approved."
    approved = "How many STAR companies have had drugs approved?"
    assert not counts_alike(everyone, "567", drugs, approved, {"567"})
    assert counts_alike(everyone, "567", drugs, approved, {"567"}, background={"star", "market", "compani"})


@pytest.mark.parametrize(
    ("fig", "mention"),
    [
        ("369", "369 STAR Market companies"),
        ("539", "539 equity incentive plans"),
        ("100000", "100,000 utility patents have"),
        ("65%", "65%"),
        ("42", "42"),
    ],
)
def test_a_figure_is_quoted_with_what_it_counts_as_the_sentence_writes_it(fig, mention):
    sentence = (
        "A total of 369 STAR Market companies had launched 539 equity incentive plans, with a coverage of 65%; "
        "more than 100,000 utility patents have been granted."
    )
    assert counted_mention(sentence, fig) == mention


def test_a_share_or_the_questions_own_figure_is_no_count():
    question = "How many firms grew revenue by more than 50%?"
    assert not gives_count("60% of firms grew revenue by more than 50%", question)
    assert gives_count("47 firms", question)


def test_a_rank_is_no_count():
    question = "How many of the top five module makers are STAR Market companies?"
    assert not gives_count("Jinko ranked first, Trina second and Canadian Solar fifth", question)
    assert not gives_count("Jinko was the 2nd largest", question)
    assert gives_count("three of them", question)


def test_a_count_of_what_the_questions_threshold_counts_is_no_count():
    question = "How many companies have each been granted over 10,000 patents?"
    assert not gives_count("more than 100,000 utility patents have been granted, 10,000 for SMIC and CICT", question)
    assert gives_count("Two companies, SMIC and CICT, have over 10,000 patents", question)
    assert gives_count("2 companies", question)
    assert not gives_count("5,000 employees", "How many companies had over 1,000 employees?")
    # A year counts nothing: the names after it are no threshold.
    question = "How many companies ran repurchases during 2023, KBC and Espressif among them?"
    assert gives_count("20 companies including KBC and Espressif", question)
    # What it asks to count may be what its figure counts.
    assert gives_count("12 patents", "How many patents did firms with over 10 patents file?")


def test_a_span_of_time_is_no_count_of_what_is_asked():
    claim = "Its DCS ranked top for thirteen consecutive years, with a 37.8% share."
    assert not gives_count(claim, "How many people work at the company?")
    assert gives_count(claim, "For how many straight years has its DCS ranked top?")
    assert gives_count("187 companies grew for 4 consecutive years.", "How many companies grew four years running?")


def test_the_bottom_line_is_profit():
    evidence = lead_ins = "the companies achieved operating revenues of RMB 277.55 billion"
    assert contrast("What combined bottom line did they post?", evidence, lead_ins) == ("profit", "revenues")
    assert contrast("What did they post in revenue?", evidence, lead_ins) is None


def test_a_margin_is_profit():
    evidence = lead_ins = "59 companies increased their gross profit margins by more than 5 percentage points"
    asked = "Were more firms widening their gross margin by over 5 points, or growing revenue by over 50%?"
    assert contrast(asked, evidence, lead_ins) is None
    assert contrast("How many firms grew revenue by over 5 points?", evidence, lead_ins) == ("revenue", "margins")


def test_a_margin_is_a_share_not_a_growth():
    evidence = "The average gross profit margin reached 41.7%; 59 companies increased their margins."
    lead_ins = "The average gross profit margin reached 41.7%"
    assert contrast("What fraction of each yuan of sales did they keep after direct costs?", evidence, lead_ins) is None


def test_what_another_figure_measures_is_no_side_of_the_answer():
    # 37.8% is a share its lead-in does not name; the growth is the 30%'s.
    evidence = (
        "The domestic market share of Supcon's core product has reached 37.8%, ranking top for thirteen "
        "consecutive years and resulting in a 30% growth in revenue."
    )
    asked = "What slice of the domestic market does Supcon's flagship system hold?"
    assert contrast(asked, evidence, "has reached 37.8%", "37.8%") is None
    assert contrast(asked, evidence, "resulting in a 30%", "30%") == ("slice", "growth")


def test_opposite_qualifiers_are_found_per_figure():
    evidence = "Revenue rose 4.7%. The median proportion of R&D to revenue was 12.2%."
    lead_ins = "a year-on-year increase of 4.7%\nThe median proportion of R&D to revenue was 12.2%"
    assert contrast("Which grew faster, revenue or R&D?", evidence, lead_ins) == ("grew", "proportion")
    assert contrast("Which grew faster, revenue or R&D?", evidence, lead_ins.splitlines()[0]) is None


def test_retail_investors_are_not_the_institutions():
    evidence = "The active accounts held by professional institutional investors rose, surpassing 70,000."
    lead_ins = "the active accounts held by professional institutional investors rose, surpassing 70,000"
    asked = "How many active accounts did individual (retail) investors hold?"
    assert contrast(asked, evidence, lead_ins) == ("individual", "institutional")
    assert contrast("How many accounts did institutional investors hold?", evidence, lead_ins) is None


def test_a_side_set_aside_in_brackets_is_not_asked():
    evidence = lead_ins = "The median margin was 41.7%"
    assert contrast("What was the mean (not median) margin?", evidence, lead_ins) == ("mean", "median")
    assert contrast("What was the mean, not median, margin?", evidence, lead_ins) == ("mean", "median")


def test_a_part_in_one_place_is_not_the_total():
    lead_ins = "overseas revenues were RMB 402.62 billion"
    assert part_for_total("What was the total turnover of the companies?", lead_ins) == "overseas"
    assert part_for_total("What was the companies' total overseas revenue?", lead_ins) == ""
    assert part_for_total("How much did overseas revenue grow?", lead_ins) == ""
    assert part_for_total("What was the total revenue?", "a total operating revenue of RMB 1,397.78 billion") == ""


def test_what_was_planned_is_not_what_was_done():
    evidence = (
        "In 2023, 146 companies introduced 152 repurchase plans, with proposed repurchase limits of RMB 17.89 billion."
    )
    lead_ins = "with proposed repurchase limits of RMB 17.89 billion"
    asked = "How much did the companies actually spend on buybacks completed in 2023?"
    assert contrast(asked, evidence, lead_ins) == ("actually", "limits")
    assert contrast("What was the proposed limit of the 2023 buyback plans?", evidence, lead_ins) is None


def test_payouts_are_dividends_not_buybacks():
    evidence = "In 2023, 146 companies introduced 152 repurchase plans, with repurchase limits of RMB 17.89 billion."
    lead_ins = "with repurchase limits of RMB 17.89 billion"
    asked = "How much did the firms hand back to shareholders as payouts for 2023?"
    assert contrast(asked, evidence, lead_ins) == ("payouts", "repurchase")


def test_a_figure_the_answer_gives_as_the_other_side_adds_to_the_one_asked():
    evidence = "Overseas revenues were RMB 402.62 billion, an increase of 9.7%, accounting for 28.8% of all revenues."
    lead_ins = "an increase of 9.7%\naccounting for 28.8%"
    question = "How much did overseas revenue grow in 2023?"
    assert contrast(question, evidence, lead_ins, "It grew by 9.7%, accounting for 28.8% of all revenues.") is None
    # Given as growth, or alone, the share still answers what was not asked.
    assert contrast(question, evidence, lead_ins, "It grew by 9.7% and by 28.8%.") == ("grow", "accounting")
    only_share = lead_ins.splitlines()[1]
    assert contrast(question, evidence, only_share, "It accounted for 28.8%.") == ("grow", "accounting")


def test_money_put_into_something_is_spending_not_another_side():
    evidence = "The firms invested $56 million in research, and their net profit reached $76 million."
    lead_ins = "The firms invested $56 million\nand their net profit reached $76 million"
    for question in (
        "How much more did the firms put into research than they made in net profit?",
        "How much more did the firms invest in research than they earned in net profit?",
    ):
        assert contrast(question, evidence, lead_ins) is None
    assert contrast("How much net profit did the firms make?", evidence, lead_ins) == ("profit", "invested")


def test_a_rise_does_not_answer_what_was_reduced():
    question = "Which department's allocation is reduced?"
    assert contrast(question, "Police receives $98.7 million, an increase of 3.2%.") == ("reduced", "increase")
    assert contrast(question, "The Library receives $11.9 million; its materials budget has been reduced.") is None


_PROPERTY_TAX = "Property tax brings $171.5 million. The property tax rate is unchanged at 1.085% of assessed value."
_SALES_TAX = "Sales tax revenue is budgeted at $64.8 million."


def test_another_kind_of_the_thing_asked_for_is_found():
    passages = f"{_PROPERTY_TAX}\n{_SALES_TAX}"
    found = other_kind("What is the sales tax rate?", _PROPERTY_TAX, _PROPERTY_TAX, _named(passages))
    assert found == ("sales tax", "Property tax")


def test_another_kind_may_be_named_in_the_rest_of_the_paragraph():
    # The answer's sentence names no kind of firm; its paragraph is about chip firms,
    # while the document speaks of drug firms elsewhere.
    evidence = "Net profit for lithography and etching rose 8.8% year on year."
    supporting = f"The market has more than 120 chip firms. {evidence}"
    known = _named(f"{supporting}\nThere are 110 drug firms.")
    question = "How much did the net profit of drug firms grow?"
    assert other_kind(question, evidence, supporting, known) == ("drug firms", "chip firms")
    # Had the document never named drug firms, the question may paraphrase: no verdict.
    assert other_kind(question, evidence, supporting, _named(supporting)) is None


@pytest.mark.parametrize(
    ("question", "supporting", "passages"),
    [
        # the kind asked for is the one the evidence gives
        ("What is the property tax rate?", _PROPERTY_TAX, f"{_PROPERTY_TAX}\n{_SALES_TAX}"),
        # no passage names the asked kind: a paraphrase, not another kind
        ("What is the sales tax rate?", _PROPERTY_TAX, _PROPERTY_TAX),
        # the supporting paragraph names it: the sentence may go on about it
        ("What is the sales tax rate?", f"Sales tax is not levied. {_PROPERTY_TAX}", f"{_PROPERTY_TAX}\n{_SALES_TAX}"),
        # words that size or date a thing do not make another kind
        ("What is the total tax rate?", _PROPERTY_TAX, f"{_PROPERTY_TAX}\nThe total tax burden rose."),
        # a question on two kinds
        ("Is the sales tax rate above the property tax rate?", _PROPERTY_TAX, f"{_PROPERTY_TAX}\n{_SALES_TAX}"),
        # a verb after a noun is no kind: "revenue line achieved" against "companies achieved"
        (
            "What growth rate has that revenue line achieved over four years?",
            "Over four years, companies achieved a compound growth rate of 23.3%.",
            "The revenue line achieved growth. Companies achieved a rate of 23.3%.",
        ),
        # names are not kinds: "Regional Water" is not a kind of water
        (
            "How much raw water came from wells?",
            "Bulk purchases from Regional Water were 11%.",
            "It treated raw water.",
        ),
    ],
)
def test_no_other_kind(question, supporting, passages):
    evidence = supporting.split(". ")[-1]
    assert other_kind(question, evidence, supporting, _named(passages)) is None


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("R&D was RMB 156.12 billion, which was smaller than net profit of RMB 75.96 billion.", ("smaller", "larger")),
        ("R&D grew 4.7%, faster than revenue at 14.3%.", ("faster", "slower")),
        ("The KX2-200 weighs 410 g, heavier than the KX2-100 at 436 g.", ("heavier", "lighter")),
        ("R&D grew 14.3%, faster than revenue at 4.7%.", None),
        ("Jinko paid RMB 2.24 billion, more than CRSC, which paid RMB 1.80 billion.", None),
        # A threshold, figures of different units, a year: nothing compared.
        ("In 2023, 60% of firms grew, and more than 50% of them doubled.", None),
        ("It was 40%, more than the 30 companies before.", None),
        ("Profit rose 7% in 2023, faster than in 2022.", None),
        ("Revenue was RMB 5 million, larger than the RMB 1 billion of costs.", None),
        ("It works at -10 °C, lower than the 5 °C of the old model.", None),
        ("The STAR 50 ETF products were larger than the STAR 100 ETF products.", None),  # names, not figures
        # Both figures after the comparative, set against each other.
        ("Overseas revenue grew faster by 9.7% compared to cash flow by 13.6%.", ("faster", "slower")),
        ("Annuities grew faster in 2023 by 200% compared to public funds, which grew by 10%.", None),
        ("Revenue grew faster: 9.7% in 2023 and 13.6% in 2022.", None),
        (
            "Integrated circuits grew faster by 27.8% year-on-year, while intelligent detection grew by 62.3%.",
            ("faster", "slower"),
        ),
        ("Detection grew faster by 62.3%, whereas circuits grew by 27.8%.", None),
        (
            "The board has more chip makers (more than 110) than equipment makers (more than 120).",
            ("more", "less"),
        ),
        ("Jinko paid more (RMB 2.24 billion) than CRSC (RMB 1.80 billion).", None),
        # One figure said to be larger than the other, right after "than".
        ("92 is larger than 187.", ("larger", "smaller")),
        ("187 is larger than 92.", None),
    ],
)
def test_misordered_finds_a_comparison_its_own_figures_contradict(claim, expected):
    found = misordered(claim)
    assert (found and found[:2]) == expected
    if found:
        assert claim[found[2] :].lower().startswith(found[0])


def test_a_level_given_where_its_sentence_gives_the_change():
    sentence = "The tea fund amounts to nearly USD 19 million, an increase of 42.3% on its launch size."
    assert level_for_change("The fund grew by nearly USD 19 million [1].", sentence) == "19 million"
    assert level_for_change("It grew 42.3% [1].", sentence) == ""
    # Where the sentence gives no change, the level may be all there is.
    assert level_for_change("USD 14.2 million [1].", "Revenue reached USD 14.2 million.") == ""
    assert level_for_change("3.0% [1].", "Staff receive a cost-of-living adjustment of 3.0%.") == ""


def test_a_spelled_out_number_in_a_question_is_a_figure_not_a_word():
    assert "four" not in asked_beyond_count("How many companies grew revenue four years in a row?")


def test_each_count_of_a_sentence_comes_with_its_own_words():
    sentence = "Of these, 92 had high margins, 187 achieved revenue growth, and 75 reported profit growth in 2023."
    clauses = dict(count_clauses(sentence))
    assert set(clauses) == {"92", "187", "75"}  # not the year
    assert clauses["92"].startswith("Of these, 92") and clauses["187"] == "187 achieved revenue growth, and "


def test_an_amount_of_money_is_no_count():
    question = "How many firms paid out more than half a billion yuan in dividends?"
    assert not gives_count("Transsion: RMB 4.84 billion; Jinko Solar: RMB 2.24 billion.", question)
    assert not gives_count("They paid 5 million dollars.", question)
    assert gives_count("10 companies paid over RMB 500 million each.", question)
    assert gives_count("1.2 million investors took part.", "How many investors took part?")
    # unless money is what it counts
    assert gives_count("The bond raised RMB 1.34 billion.", "The bond brought in how many yuan?")
    assert gives_count("The bond raised RMB 1.34 billion.", "How many billion RMB did the bond raise?")


def test_a_span_of_time_belongs_to_the_count_before_it():
    sentence = "Of these, 92 had high margins, 187 achieved growth for 4 consecutive years, and 75 grew profit."
    clauses = dict(count_clauses(sentence))
    assert set(clauses) == {"92", "187", "75"}
    assert clauses["187"] == "187 achieved growth for 4 consecutive years, and "


def test_the_words_before_a_figure_unless_paired_respectively():
    sentence = "The STAR 50 ETF is RMB 130 billion, while the STAR 100 ETF grew 42.3%."
    assert before_figure(sentence, "42.3%").endswith("the STAR 100 ETF grew ")
    assert before_figure("A and B grew 10% and 42.3% respectively.", "42.3%") == ""


def test_a_share_keeps_what_it_measures():
    sentence = (
        "The market share of its control system has reached 37.8%, ranking top for thirteen years "
        "and resulting in a 30% growth in revenue."
    )
    question = "How much did its revenue grow?"
    assert counts_another("37.8% growth in revenue", "37.8%", sentence, question)
    assert not counts_another("30% growth in revenue", "30%", sentence, question)
    assert not counts_another("a market share of 37.8%", "37.8%", sentence, question)
    # A bare share says nothing of what it measures.
    assert not counts_another("37.8%", "37.8%", sentence, question)


@pytest.mark.parametrize(
    ("question", "evidence", "lacking"),
    [
        ("What share of firms chase business abroad?", "The median R&D intensity was 12.2%.", "abroad"),
        ("What share of firms chase business abroad?", "Over 70% of companies plan overseas business.", ""),
        ("What was the median R&D intensity?", "R&D intensity was 12.2% for the year.", "median"),
        ("How much net profit did they make?", "The annual net profits reached RMB 75.96 billion.", ""),
        # A question that names both sides asks about neither alone.
        ("What share of revenue was domestic and what share foreign?", "Revenue rose 4.7%.", ""),
        ("How much did revenue grow?", "Revenue rose 4.7%.", ""),
        # A side the question sets aside is not asked about.
        ("The median margin, rather than the average, was what?", "The average margin was 41.7%.", "median"),
        # One figure for both sides is no figure for one.
        (
            "What share are rated internationally advanced, as opposed to only domestically?",
            "Core technologies of 60% of companies are internationally or domestically advanced.",
            "internationally",
        ),
        ("What share of firms sell abroad?", "60% sell at home and abroad; 30% sell overseas only.", ""),
        ("What was the margin of the middle firm, not the average one (the median)?", "Margins rose.", "median"),
    ],
)
def test_a_qualifier_asked_for_must_be_stated(question, evidence, lacking):
    assert unqualified(question, evidence) == lacking


@pytest.mark.parametrize(
    ("first", "second", "question", "expected"),
    [
        (
            "R&D investment grew 14.3% to RMB 156.12 billion in 2023.",
            "Operating revenue grew 4.7% to RMB 1,397.78 billion in 2023.",
            "By how many percentage points did R&D growth exceed revenue growth?",
            "14.3% against 4.7%: a difference of 9.6 percentage points",
        ),
        (
            "Transsion allocated RMB 4.84 billion.",
            "Jinko Solar allocated RMB 2.24 billion.",
            "How much more did Transsion pay than Jinko Solar?",
            "RMB 4.84 billion against RMB 2.24 billion: a difference of RMB 2.60 billion",
        ),
        (
            "Tea: 1,240 tonnes.",
            "Coffee: 310 tonnes.",
            "How much more tea than coffee?",
            "1,240 tonnes against 310 tonnes: a difference of 930 tonnes",
        ),
        # Two pairs of one unit each and no hint which: no difference.
        ("It grew 14.3% to RMB 156.12 billion.", "It grew 4.7% to RMB 1,397.78 billion.", "How much more?", ""),
        # Figures of different units are not subtracted.
        ("It lasts 14 hours.", "It weighs 310 grams.", "How much more?", ""),
    ],
)
def test_the_difference_of_two_answers_figures(first, second, question, expected):
    assert difference(f"{first} {second}", question) == expected


@pytest.mark.parametrize("fall", ["a decline of 4.7%", "fell by 4.7%", "down 4.7%", "-4.7%", "−4.7%"])
def test_a_rate_that_fell_counts_below_zero_in_a_difference(fall):
    question = "By how many points did tea growth beat coffee growth?"
    expected = "8.5% against a fall of 4.7%: a difference of 13.2 percentage points"
    assert difference(f"Tea sales grew 8.5%. Coffee sales: {fall}.", question) == expected
    # A level it fell to is no fall: "fell to 30%" is 30%.
    assert (
        difference("The share fell to 30% from 40%.", question)
        == "30% against 40%: a difference of 10 percentage points"
    )


def test_no_difference_is_worked_out_when_the_text_gives_it_or_three_figures():
    question = "How much more did Transsion pay than Jinko Solar?"
    assert difference("RMB 4.84 billion against RMB 2.24 billion, RMB 2.60 billion more.", question) == ""
    assert difference("RMB 4.84 billion, RMB 2.24 billion and RMB 1.80 billion.", question) == ""


_BARS = (
    "Of these companies, 60% achieved growth in revenue, with 47 companies experiencing growth of over 50%, "
    "and profits reached RMB 75.96 billion."
)


@pytest.mark.parametrize(
    ("claim", "fig", "sentence", "taken"),
    [
        # The bar a counted group clears, given as the whole market's own growth.
        ("Total revenue grew 50% in 2023.", "50%", _BARS, True),
        (
            "The harbour's tonnage rose 20%.",
            "20%",
            "Of the 30 berths, 12 berths saw traffic up by more than 20%.",
            True,
        ),
        # The claim keeps the group's count, or the bound: read rightly.
        ("47 companies had growth of 50%.", "50%", _BARS, False),
        ("Revenue grew by over 50% at some firms.", "50%", _BARS, False),
        ("60% of firms saw revenue surge by more than 50 percent.", "50%", _BARS, False),  # the bound, in words
        # A share that is itself the value, bounded or not.
        ("60% of the companies grew.", "60%", _BARS, False),
        (
            "30% of firms had margins above 50%.",
            "30%",
            "More than 30% of the firms had a margin of more than 50%.",
            False,
        ),
        # No count stands before the bar: "growth of over 50%" is the value itself.
        ("Sales grew 50%.", "50%", "Sales showed growth of over 50% last year.", False),
    ],
)
def test_a_bar_a_group_clears_is_not_a_value_of_its_own(claim, fig, sentence, taken):
    assert bar_taken_for_value(claim, fig, sentence) is taken


_DIVIDENDS = (
    "Notably, Transsion, Jinko Solar, and China Railway Signal allocated RMB 4.84 billion, RMB 2.24 billion, "
    "and RMB 1.80 billion in cash dividends, respectively."
)


@pytest.mark.parametrize(
    ("claim", "fig", "sentence", "taken"),
    [
        # A level of one given as the gap between two.
        (
            "Jinko Solar allocated RMB 2.24 billion more in dividends than China Railway Signal.",
            "2.24",
            _DIVIDENDS,
            True,
        ),
        ("Sales were 4.7% higher than costs.", "4.7%", "Sales reached RMB 12 billion, 4.7% of the total.", True),
        # The gap said before the figure.
        (
            "The repurchase limit exceeded the maximum stake increase by RMB 17.89 billion.",
            "17.89",
            "146 companies introduced 152 repurchase plans, with repurchase limits amounting to RMB 17.89 billion.",
            True,
        ),
        ("Sales were higher than costs by 4.7%.", "4.7%", "Sales reached RMB 12 billion, 4.7% of the total.", True),
        ("R&D was larger by RMB 156.12 billion.", "156.12", "R&D reached RMB 156.12 billion, up 14.3%.", True),
        ("R&D grew faster, by 14.3%.", "14.3%", "R&D reached RMB 156.12 billion, up 14.3%.", False),
        ("Sales exceeded costs by 4.7%.", "4.7%", "Sales exceeded costs by 4.7% in 2023.", False),
        ("Revenue grew by 4.7%.", "4.7%", "Revenue was RMB 12 billion, 4.7% of the total.", False),
        # Given as a level, or as a change or gap in the sentence: read rightly.
        ("Jinko Solar allocated RMB 2.24 billion in dividends.", "2.24", _DIVIDENDS, False),
        ("Revenue was 4.7% higher than in 2022.", "4.7%", "Revenue rose by 4.7% year on year.", False),
        ("Revenue was 4.7% higher than the year before.", "4.7%", "Revenue rose by 4.7% year on year.", False),
        (
            "The funds are bigger now than when they were first issued by 42.3%.",
            "42.3%",
            "The funds reached RMB 19 billion, an increase of 42.3% on their issuance size.",
            False,
        ),
        # A change is a gap from an earlier time, not from another thing.
        (
            "Detection revenue growth was 62.3% higher than that of integrated circuits.",
            "62.3%",
            "Chips and detection saw revenue growth reach 27.8% and 62.3% respectively.",
            True,
        ),
        ("Tea sold 300 tonnes more than coffee.", "300", "Tea sold 300 tonnes more than coffee did.", False),
        # "more than 50%" bounds the figure after it; a worked-out gap is in no sentence.
        ("47 companies grew more than 50%.", "47", "47 companies grew by over 50%.", False),
        ("Jinko allocated RMB 0.44 billion more than CRSC.", "0.44", _DIVIDENDS, False),
    ],
)
def test_a_level_is_not_a_gap(claim, fig, sentence, taken):
    assert gap_taken_for_level(claim, fig, sentence) is taken


def test_no_difference_is_worked_out_between_counts_of_different_things():
    question = "How many more companies introduced buyback plans than stake increase plans?"
    assert difference("42 companies put forth 45 stake increase plans.", question) == ""
    both = "146 companies introduced buyback plans. 42 companies put forth stake increase plans."
    assert difference(both, question) == "146 against 42: a difference of 104"


def test_the_numbers_of_names_are_no_figures_of_a_difference_and_bounds_carry_over():
    question = "Roughly how much bigger are the STAR 50 ETF products than the STAR 100 ETF products?"
    text = (
        "The STAR 50 ETF products are nearly RMB 130 billion, while the STAR 100 ETF products amount to "
        "RMB 19 billion, an increase of 42.3%."
    )
    expected = "nearly RMB 130 billion against RMB 19 billion: a difference of about RMB 111 billion"
    assert difference(text, question) == expected


def test_figures_in_words_make_a_difference_too():
    text = "Kestrel has led for thirteen years; Heron has led for three consecutive years."
    expected = "13 years against 3 years: a difference of 10 years"
    assert difference(text, "How many years longer has Kestrel led than Heron?") == expected


def test_the_digits_of_a_code_are_no_figures_of_a_difference():
    question = "What is the gap between the potential total and the down payment of the BL-B01D1 deal?"
    text = "The BL-B01D1 deal's potential total was USD 8.4 billion. Its down payment was USD 800 million."
    assert "01" not in difference(text, question)
    text = "The KX2-100 stores 20,000 readings. The KX2-200 stores 50,000 readings."
    assert difference(text, "How many more readings does the KX2-200 store?").endswith("a difference of 30,000")


_GROWERS = (
    "Among them, 92 had a compound growth rate of more than 30%, 187 achieved growth in operating revenue "
    "for 4 consecutive years, and 75 reported positive growth in net profit for 4 consecutive years."
)


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        # One side's level given for the gap.
        ("187.", "187 achieved growth in"),
        ("187 companies grew revenue for 4 consecutive years.", "187 achieved growth in"),
        # Both sides (the gap is worked out after), or a gap the passages do not give.
        ("187 grew revenue and 75 grew profit.", ""),
        ("112 more companies.", ""),
    ],
)
def test_a_level_of_one_side_is_no_gap(answer, level):
    question = "How many more companies grew revenue for 4 straight years than grew net profit for 4 straight years?"
    assert level_for_gap(answer, _GROWERS, question) == level


def test_a_gap_the_passage_gives_is_a_gap():
    evidence = "Revenue rose by 4.7% in 2023, and costs grew 2.1% faster than revenue."
    assert level_for_gap("2.1%.", evidence, "How much faster did costs grow than revenue?") == ""


def test_amounts_in_different_scale_words_are_subtracted_in_the_larger_one():
    question = "What is the gap between the potential total and the down payment?"
    text = "The deal's potential total was USD 8.4 billion. Its down payment was USD 800 million."
    assert difference(text, question) == "USD 8.4 billion against USD 800 million: a difference of USD 7.6 billion"
    text = "Sales were RMB 350 million in 2022 and RMB 1.25 billion in 2023."
    assert difference(text, question) == "RMB 350 million against RMB 1.25 billion: a difference of RMB 0.90 billion"


def test_no_difference_is_worked_out_between_two_currencies():
    question = "How much more did A pay than B?"
    assert difference("A paid RMB 4.84 billion. B paid USD 2.24 billion.", question) == ""
    assert difference("A paid USD 4.84 billion. B paid US$ 2.24 billion.", question).endswith("USD 2.60 billion")


def test_a_figure_written_twice_leads_in_with_the_words_the_claim_says():
    sentence = (
        "187 achieved growth in operating revenue for 4 consecutive years, "
        "and 75 reported positive growth in net profit for 4 consecutive years."
    )
    assert "revenue" in lead_in(sentence, "4")
    claim = "75 companies reported net profit growth for 4 consecutive years"
    assert lead_in(sentence, "4", claim) == " reported positive growth in net profit for 4"


_MARGINS = (
    "The average gross margin reached 41.7% for the year, more than 30% of the firms had a gross margin of "
    "more than 50%, and sales of over EUR 2 billion came from 12 firms."
)


@pytest.mark.parametrize(
    ("question", "fig", "taken"),
    [
        ("More than 30% of the firms had a gross margin above what level?", "41.7%", True),
        ("More than 30% of the firms had a gross margin above what level?", "50%", False),
        ("12 firms had sales of more than which amount?", "2", False),
        # not asked for a bar: a value is the answer
        ("What was the average gross margin?", "41.7%", False),
        ("The 41.7% margin was reached over what period?", "41.7%", False),
        ("How many firms had sales of more than EUR 2 billion?", "12", False),
    ],
)
def test_a_value_does_not_answer_a_question_asking_for_a_bar(question, fig, taken):
    assert value_taken_for_bar(question, fig, _MARGINS) is taken


@pytest.mark.parametrize(
    ("question", "evidence", "unsaid"),
    [
        ("Which model is heavier, A or B?", "Memory: 20,000 readings (A), 50,000 readings (B)", "weight"),
        ("Which model is heavier, A or B?", "Weight: 412 g (A), 436 g (B)", ""),
        ("Which model is heavier, A or B?", "A comes to 0.4 kg and B to 0.5 kg.", ""),
        ("How much does the B weigh?", "B: 168 x 74 x 38 mm", "weight"),
        ("Which plan is cheaper, A or B?", "A covers 20 users, B covers 50.", "price"),
        ("Which plan is cheaper, A or B?", "A costs $20 a month, B $35.", ""),
        ("Which tower is taller?", "The north tower has 40 floors.", "height"),
        ("Which tower is taller?", "The north tower rises 180 m.", ""),
        ("How deep can it be dunked under water?", "It switches itself off after 10 minutes.", "depth"),
        ("How deep can it be dunked under water?", "IP67, submersion to 1 metre for 30 minutes", ""),
        ("How far away can the phone be?", "The app must be version 2.1 or later.", "distance"),
        ("How far away can the phone be?", "The phone must be within 10 metres.", ""),
        # "faster" may be speed, growth or time: not a measure this check holds a passage to.
        ("Which grew faster, A or B?", "A rose 9.7% and B 4.7%.", ""),
        # A market's trading turnover is not the companies' turnover (revenue).
        (
            "What was the total trading turnover in 2023?",
            "Total operating revenue was RMB 1,397.78 billion.",
            "trading turnover",
        ),
        ("What was the total trading turnover in 2023?", "Shares traded for RMB 9 trillion in 2023.", ""),
        ("What was the total turnover in 2023?", "Total operating revenue was RMB 1,397.78 billion.", ""),
        # A sum of money spent is no market value.
        ("What is the market value of all companies?", "They invested RMB 156.12 billion in R&D.", "market value"),
        ("What was their market cap?", "They have a combined market value exceeding RMB 1 trillion.", ""),
    ],
)
def test_a_measure_asked_by_its_own_word_must_be_stated(question, evidence, unsaid):
    assert measure_unsaid(question, evidence) == unsaid


@pytest.mark.parametrize(
    ("first", "second", "comparative", "rates", "expected"),
    [
        (
            "Overseas revenue grew 9.7%, accounting for 28.8%.",
            "Total revenue grew 4.7%.",
            "faster",
            True,
            (0, "9.7%", "4.7%"),
        ),
        ("Overseas revenue grew 9.7%.", "Total revenue grew 4.7%.", "slower", True, (1, "4.7%", "9.7%")),
        # A level before the rate: "faster" compares the rates.
        ("RMB 1,397.78 billion, up 4.7%.", "R&D grew 14.3%.", "faster", True, (1, "14.3%", "4.7%")),
        ("Profit fell by 5%.", "Revenue grew by 2%.", "faster", True, (1, "2%", "a fall of 5%")),
        # Amounts in different scale words of one currency compare; other currencies do not.
        (
            "Dividends: RMB 4.84 billion.",
            "The limit: RMB 900 million.",
            "bigger",
            False,
            (0, "RMB 4.84 billion", "RMB 900 million"),
        ),
        ("Dividends: RMB 4.84 billion.", "The limit: USD 0.9 billion.", "bigger", False, None),
        ("Dividends: RMB 4.84 billion.", "The limit was set for 900 companies.", "bigger", False, None),
        ("Sales: 1,240 tonnes.", "Sales: 310 tonnes.", "faster", True, None),
        ("Growth was 4.7%.", "Growth was 4.7%.", "faster", True, None),
        ("Profit fell by nearly 5%.", "Revenue grew by 2%.", "faster", True, (1, "2%", "a fall of nearly 5%")),
        # A bound the side puts on its figure stays with it.
        ("A grew by over 200%.", "B grew by 10%.", "faster", True, (0, "over 200%", "10%")),
        (
            "A came to nearly RMB 19 billion.",
            "B came to RMB 130 billion.",
            "larger",
            False,
            (1, "RMB 130 billion", "nearly RMB 19 billion"),
        ),
    ],
)
def test_the_side_a_comparison_holds_for(first, second, comparative, rates, expected):
    assert winner(first, second, comparative, rates) == expected


@pytest.mark.parametrize(
    ("text", "fig", "hedge"),
    [
        ("Over 90% of the companies chose it.", "90%", "over"),
        ("They raised nearly RMB 19 billion in 2023.", "19", "nearly"),
        ("with 47 companies experiencing growth of over 50%", "50%", "over"),
        ("with 47 companies experiencing growth of over 50%", "47", ""),
        # Written as it reads anywhere: not "grew by exceeding 200%".
        ("with rates exceeding 200% and 10% respectively", "200%", "over"),
        ("About 2.5 hours", "2.5", "about"),
        ("Profit grew 24.4% a year over 4 years.", "4", ""),  # "over" a span may be "across" it
        ("Over 90% chose it, and 90% of those kept it.", "90%", ""),  # mentions that differ
        # A verb bounds its figure too, written in words or digits.
        ("Its global sales exceeded one billion US dollars.", "1", "over"),
        ("Revenue surpassed RMB 5 billion.", "5", "over"),
        ("It was one of the leaders.", "1", ""),
    ],
)
def test_the_word_that_bounds_a_figure(text, fig, hedge):
    assert hedge_of(text, fig) == hedge


def test_a_bound_is_written_where_the_figure_stands():
    assert with_hedge("90% of the companies chose it [1].", "90%", "over") == "Over 90% of the companies chose it [1]."
    assert with_hedge("They raised RMB 19 billion [2].", "19", "nearly") == "They raised nearly RMB 19 billion [2]."
    assert with_hedge("It is 5%. 5% again.", "5%", "about") == "It is 5%. 5% again."  # which mention is unclear
    assert hedged("The 30-plus companies", "30") and hedged("30 or more companies", "30")
    assert not hedged("30 companies", "30")


def test_a_change_does_not_answer_a_share():
    evidence = (
        "Overseas revenues were RMB 402.62 billion, a year-on-year increase of 9.7%, accounting for 28.8% of all."
    )
    assert change_for_share("9.7% [1].", evidence, "What share of revenue came from overseas?") == "9.7%"
    assert change_for_share("28.8% [1].", evidence, "What share of revenue came from overseas?") == ""
    supcon = "Its share reached 37.8%, ranking top and resulting in a 30% growth in revenue."
    assert change_for_share("30% [1].", supcon, "What share are rated advanced?") == "30% growth in revenue"
    # A question that names a change may ask for one as a percentage.
    assert change_for_share("9.7% [1].", evidence, "By what percentage did overseas revenue grow?") == ""


def test_a_figure_inside_a_name_is_not_written_as_a_figure():
    assert times_written("the BL-B01D1 deal was worth USD 1 billion", "1") == 1
    assert times_written("59 companies (59 in all)", "59") == 2


@pytest.mark.parametrize(
    "question, bar",
    [
        ("Did revenue pass the RMB 1 trillion mark in 2023? Give the exact figure.", "1"),
        ("Was net profit above RMB 50 billion in 2023?", "50"),
        ("Did costs stay below USD 5 million?", "5"),
        # Two figures: one may be a condition on what is counted.
        ("Did firms with revenue above RMB 1 billion exceed 100?", ""),
        # Not a yes/no question: the figure is a condition.
        ("How many firms had revenue above RMB 1 billion?", ""),
        # No bound before the figure: a figure to confirm, not a bar.
        ("Did revenue grow 4.7% in 2023?", ""),
    ],
)
def test_the_bar_a_yes_no_question_sets(question: str, bar: str) -> None:
    assert yes_no_bar(question) == bar


@pytest.mark.parametrize(
    "question, answer, expected",
    [
        ("Did revenue pass the RMB 1 trillion mark?", "Yes, it was RMB 1,397.78 billion, up 4.7%.", None),
        ("Did revenue pass the RMB 1 trillion mark?", "Yes, it was RMB 897 billion.", ("Yes", "No")),
        ("Did revenue pass the RMB 1 trillion mark?", "No, it was RMB 1,397.78 billion.", ("No", "Yes")),
        ("Did costs stay below RMB 5 billion?", "Yes, costs were RMB 6 billion.", ("Yes", "No")),
        ("Was the share above 30%?", "no, it was 41.7%.", ("no", "yes")),
        # A figure in another unit is not set against the bar.
        ("Was the share above 30%?", "No, it was RMB 41 billion.", None),
        ("Did revenue pass the RMB 1 trillion mark?", "Revenue was RMB 897 billion.", None),
    ],
)
def test_the_reply_a_yes_no_answers_own_figure_calls_for(
    question: str, answer: str, expected: tuple[str, str] | None
) -> None:
    assert bar_reply(question, answer) == expected


@pytest.mark.parametrize(
    ("question", "counts"),
    [
        ("What's the matching number for companies whose revenue grew in each of those years?", True),
        ("What is the total number of refinancing orders?", True),
        ("What is the part number of the replacement probe?", False),
        ("Which grew faster, and by how many points?", False),
        ("By how many percentage points did it grow faster?", False),
        ("How many pointers were sold?", True),
        # The question put as what it asks for.
        ("Number of share repurchase plans introduced by STAR compnies in 2023?", True),
        ("Total number of refinancing orders?", True),
        ("Number one exporter of PV modules?", False),
    ],
)
def test_a_question_for_the_number_of_things_asks_for_a_count(question: str, counts: bool) -> None:
    assert bool(COUNT_QUESTION_RE.search(question)) == counts


def test_a_cut_off_date_is_no_cut() -> None:
    question = "What is the latest calendar date the overview cites as a cut-off for its data?"
    assert contrast(question, "As of April 30, 2024, revenue showed an increase of 3.6%.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45 stake increase plans plus 152 repurchase plans were put forward.", "45 plus 152: a total of 197"),
        (
            "Fund A holds nearly RMB 130 billion, up 42.3%; fund B holds RMB 19 billion.",
            "nearly RMB 130 billion plus RMB 19 billion: a total of about RMB 149 billion",
        ),
        # Rates do not add up, nor counts of different things; a total given is not worked out again.
        ("Tea grew 8.5% and coffee 3.5%.", ""),
        ("42 companies put forth 45 stake increase plans.", ""),
        ("RMB 4 billion and RMB 2 billion, RMB 6 billion in all.", ""),
        (
            "A: RMB 4.84 billion; B: RMB 2.24 billion; C: RMB 1.80 billion.",
            "RMB 4.84 billion plus RMB 2.24 billion plus RMB 1.80 billion: a total of RMB 8.88 billion",
        ),
        # One of three is the sum of the others: the total is given, not to be added again.
        ("RMB 6 billion in all: RMB 4 billion and RMB 2 billion.", ""),
    ],
)
def test_the_total_of_two_amounts_of_one_unit(text, expected):
    assert total(text) == expected
