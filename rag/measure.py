"""What a figure in a sentence stands for: its unit, the words that lead up to it,
what it counts, and which of two opposite qualifiers it measures.

The grounding check (rag.ground) asks these questions of the answer's figures:
"40 hours" is not backed by "40 °C", "369 plans" not by "369 companies launched
539 plans", and "revenue rose 27.8%" does not answer a question about profit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from decimal import Decimal
from itertools import pairwise

from rag.text import (
    NUMBER_WORDS,
    RESPECTIVELY_RE,
    YEAR_RE,
    cardinal_figures,
    dedupe,
    figure_spans,
    figure_value,
    figures,
    figures_but_years,
    in_digits,
    kind_pairs,
    sentences,
    terms,
)

# A figure as written: "50%", "50 percent", "1,397.78".
FIGURE_MENTION_RE = re.compile(r"\d[\d,]*(?:\.\d+)?(?:%|\s*(?:per\s?cent|percent|pct)\b)?", re.IGNORECASE)
# A number word before a large scale is an amount: "one" of "exceeded one billion US dollars".
_SPELLED_SCALED_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(NUMBER_WORDS))})(?=\s+(?:million|billion|trillion)\b)", re.IGNORECASE
)
_CLAUSE_BREAK_RE = re.compile(r"[,;:]\s")
# Between two figures of one list: "23.3% and 24.4%", "RMB 4.84 billion, RMB 2.24 billion", "12% to 14%".
_FIGURE_JOIN_RE = re.compile(
    r"(?:\s*[a-z]+)?\s*(?:,\s*and|,\s*or|,|and|or|to|[-–])\s*(?:[a-z$€£¥]+\s*)?", re.IGNORECASE
)
_SPAN_AFTER_RE = re.compile(
    r"\s*(?:(?:consecutive|straight|successive|running|full)\s+)?(?:years?|months?|quarters?|weeks?|days?)\b",
    re.IGNORECASE,
)
# What a count counts: the first few words after it ("539 equity incentive plans").
_COUNTED_WORDS = 3
_COUNTED_CHARS = 60
_PHRASE_END_RE = re.compile(r"[,;:.()]|\s\d")
# Questions that ask for a count: a share ("60% of companies") does not answer them.
# "What's the matching number for companies whose ...?" counts too.
COUNT_QUESTION_RE = re.compile(
    # "by how many (percentage) points": a gap between shares, not a count.
    r"\bhow many\b(?!\s+(?:percent|per cent|percentage|points?\b|basis points?\b))|"
    r"\bwhat(?:'s|’s|\s+is|\s+was|\s+were|\s+are)\s+the\s+"
    r"(?:(?:matching|corresponding|equivalent|same|total|combined|overall|exact|actual)\s+)?number\s+(?:of|for)\b|"
    # "Number of repurchase plans introduced in 2023?": the question put as what it asks for.
    r"^\W*(?:the\s+)?(?:(?:total|combined|overall|exact)\s+)?(?:number|count)\s+of\b",
    re.IGNORECASE,
)
# What a figure counts: "40 hours" is not backed by "40 °C". Words of one kind are one unit.
_UNITS = {
    "%": "percent",
    "percent": "percent",
    "pct": "percent",
    "thousand": "e3",
    "million": "e6",
    "mn": "e6",
    "billion": "e9",
    "bn": "e9",
    "trillion": "e12",
    "tn": "e12",
    "second": "s",
    "sec": "s",
    "minute": "min",
    "min": "min",
    "hour": "h",
    "hr": "h",
    "h": "h",
    "day": "d",
    "week": "wk",
    "month": "mo",
    "year": "yr",
    "°c": "degc",
    "°f": "degf",
    "degrees": "deg",
    "mm": "mm",
    "cm": "cm",
    "metre": "metre",
    "meter": "metre",
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "litre": "l",
    "liter": "l",
    "ml": "ml",
    "megalitre": "megalitre",
    "kg": "kg",
    "g": "g",
    "gram": "g",
    "tonne": "t",
    "ton": "t",
    "mah": "mah",
    "mw": "mw",
    "kw": "kw",
    "kwh": "kwh",
    "gwh": "gwh",
    "v": "v",
}
# "3 consecutive years" is in years.
_UNIT_AFTER_RE = re.compile(r"\s*(?:(?:consecutive|straight|successive|running)\s+)?(%|°[cf]|[a-z]+)", re.IGNORECASE)
_CURRENCIES = r"RMB|USD|US\$|HK\$|EUR|GBP|\$|€|£|¥"
_CURRENCY_WORDS = r"yuan|dollars?|euros?|pounds?"
_CURRENCY_BEFORE_RE = re.compile(rf"({_CURRENCIES})\s*$")
_SCALES = r"thousand|million|billion|trillion"
_SCALE_AFTER_RE = re.compile(rf"\s*(?:%|(?:{_SCALES})\b)", re.IGNORECASE)
_CURRENCY_AFTER_RE = re.compile(rf"\s*(?:(?:{_SCALES})\s+)?(?:{_CURRENCY_WORDS})\b", re.IGNORECASE)
# "How many yuan did the bond raise?" counts money.
_MONEY_COUNTED_RE = re.compile(rf"\bhow many\s+(?:[\w-]+\s+)?(?:{_CURRENCY_WORDS}|{_CURRENCIES})(?!\w)", re.IGNORECASE)
_CURRENCY_ALIASES = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}
# Scale words are one kind of unit: "USD 8.4 billion" and "USD 800 million" can be subtracted.
_SCALE_EXPONENTS = {"e3": 3, "e6": 6, "e9": 9, "e12": 12}
# "a decline of 4.7%", "fell by 8.6%", "down 2%": a rate that went down. Not "fell to 30%", a level.
_DOWN_BEFORE_RE = re.compile(
    r"\b(?:decreas\w*|declin\w*|fell|fall\w*|drop\w*|down|shr[iu]nk\w*|reduc\w*|cut)(?:\s+(?:of|by))?\s*$",
    re.IGNORECASE,
)
_POINTS_ASKED_RE = re.compile(r"\bpoints?\b|\brates?\b|\bpercent|\bper cent\b|\bpercentage\b", re.IGNORECASE)
# Where a figure was made: at home or abroad.
_PLACES = [
    {"domestic", "domestically"},
    {"overseas", "international", "internationally", "foreign", "abroad", "export", "exports"},
]
# Qualifiers: an answer must state the one a question asks for ("median", "net",
# "overseas"), not only leave out the other. Words on one side are synonyms.
_QUALIFIERS = [
    [{"median"}, {"average"}],
    [{"net"}, {"gross"}],
    _PLACES,
]
_TOTAL_WORDS = frozenset({"total", "overall", "combined", "altogether", "whole"})
# Words that name different things: a question about one side is not answered by a
# sentence that speaks only of another ("median" vs "average", "revenue" vs "profit"
# vs "cost"). "mean" is a verb too, so it only tells a side here, never asks for one.
_CONTRASTS = [
    [{"median"}, _QUALIFIERS[0][1] | {"mean"}],
    _QUALIFIERS[1],
    [
        {"revenue", "revenues", "sales", "turnover"},
        {"profit", "profits", "earnings", "margin", "margins"},
        set("cost costs expense expenses expenditure expenditures spending spend spent".split())
        | {"invest", "investment", "invested"},
        {"cash"},
    ],
    [{"dividend", "dividends", "payout", "payouts"}, {"buyback", "buybacks", "repurchase", "repurchases"}],
    _PLACES,
    # Investors by who they are: "accounts of retail investors" are not the institutions'.
    [{"individual", "retail"}, {"institutional", "institution", "institutions"}],
    [
        {"increase", "increased", "rise", "rose", "growth", "grew"},
        {"decrease", "decreased", "decline", "declined", "fall", "fell", "drop", "dropped", "reduce", "reduced", "cut"},
    ],
    [{"maximum", "highest", "most", "largest"}, {"minimum", "lowest", "least", "smallest"}],
    # What was done is not what was planned: "actually spent on buybacks" vs "proposed limits".
    [
        {"actual", "actually", "completed", "realised", "realized"},
        set("proposed planned intended limit limits ceiling ceilings projected forecast budgeted".split()),
    ],
    # A growth rate is not a share of something: "R&D grew" vs "R&D was 12.2% of revenue"
    # (a margin is a share of revenue).
    [
        {"grew", "grow", "grown", "growth", "increase", "increased", "rise", "rose"},
        set("proportion ratio accounting accounted fraction portion slice intensity margin margins".split()),
    ],
]
# What a comparative or superlative asks to measure, and how a passage says that measure, in a
# word or a unit after a figure: "which model is heavier?" is not answered by storage sizes.
# Only measures whose comparatives name nothing else: "longer" or "faster" may be time,
# growth or speed.
_LENGTHS = r"c?m|mm|km|metres?|meters?|kilometres?|kilometers?|miles?|feet|foot|ft|inch(?:es)?|yards?"


def _measure(name: str, asked: str, words: str, units: str = "") -> tuple[str, re.Pattern[str], re.Pattern[str]]:
    """(the measure, how a question asks for it, how a passage says it: a word, or a unit after a figure)."""
    said = rf"{words}|\d\s*(?:{units})\b" if units else words
    return name, re.compile(asked, re.IGNORECASE), re.compile(said, re.IGNORECASE)


_MEASURES = (
    _measure(
        "weight",
        r"\b(?:heav|light)(?:ier|iest)\b|\bhow heavy\b|\bweigh",
        r"\bweigh|\bheav",
        r"k?g|grams?|kilograms?|tonnes?|tons?|lbs?|pounds?|oz|ounces?",
    ),
    _measure("height", r"\btall(?:er|est)\b|\bheight", r"\bheight|\btall|\bhigh\b", _LENGTHS),
    _measure("depth", r"\bhow deep\b|\bdeep(?:er|est)\b|\bdepths?\b", r"\bdepth|\bdeep|\bsubmer|\bimmers", _LENGTHS),
    _measure(
        "distance",
        r"\bhow far\b|\bfar(?:ther|thest)\b|\bdistance",
        r"\bdistan|\bfar\b|\bwithin\b|\brange\b|\bradius\b",
        _LENGTHS,
    ),
    _measure(
        "price",
        r"\bcheap(?:er|est)\b|\bpric(?:ier|iest)\b|\bcostl(?:ier|iest)\b|\b(?:more|most|less|least) expensive\b",
        rf"\bpric|\bcost|\bfees?\b|\bexpensive|\bcheap|{_CURRENCIES}|\b(?:{_CURRENCY_WORDS})\b",
    ),
    # What a market values the companies at: "RMB 156.12 billion in R&D" is no market value.
    _measure(
        "market value",
        # Not "a larger share of the market value": a share.
        r"(?<!share of the )(?<!share of )\bmarket[\s-]+(?:value|valuation|capitali[sz]ation|cap)\b",
        r"\bmarket\s+(?:value|valuation|capitali[sz]ation|cap)|\bvaluations?\b|\bvalued\b",
    ),
    # What changed hands on a market: "trading turnover" is no company's turnover (revenue).
    _measure(
        "trading turnover",
        r"\b(?:trading|traded|share|stock|market)\s+(?:turnover|volumes?)\b|\bturnover (?:rate|ratio)s?\b",
        r"\btrad(?:ing|ed)\b|\bturnover (?:rate|ratio)|\bvolumes?\b",
    ),
)
# Sides asked in other words: "how much did they put into R&D?" asks for spending, "the
# bottom line" for profit.
_SIDES_ASKED = (
    (re.compile(r"\b(?:put|pour(?:ed)?|plough(?:ed)?|plow(?:ed)?|sink|sank|sunk)\s+into\b", re.IGNORECASE), "spent"),
    (re.compile(r"\bbottom[- ]lines?\b", re.IGNORECASE), "profit"),
)
# "A ... larger than B": the comparatives whose claim two figures can prove wrong.
_OPPOSITE = {"larger": "smaller", "bigger": "smaller", "greater": "smaller", "higher": "lower", "more": "less"}
_OPPOSITE |= {"faster": "slower", "longer": "shorter", "heavier": "lighter", "older": "newer"}
_LARGER = frozenset(_OPPOSITE)
_OPPOSITE |= {"smaller": "larger", "lower": "higher", "less": "more", "fewer": "more", "slower": "faster"}
_OPPOSITE |= {"shorter": "longer", "lighter": "heavier", "newer": "older"}
_COMPARED_RE = re.compile(rf"\b({'|'.join(_OPPOSITE)}) than\b", re.IGNORECASE)
_COMPARED_WORDS = 12  # words between a compared figure and "than"
_MOST_ADDED = 3  # amounts a total adds up: more, and one may be the total of others
_COPULAS = frozenset(("is", "was", "are", "were"))
# "grew faster, by 9.7%, compared to Y's 13.6%", "has more chip makers (110) than equipment
# makers (120)": both figures after the comparative.
_COMPARATIVE_ALONE_RE = re.compile(rf"\b({'|'.join(_OPPOSITE)})\b(?!\s+than\b)", re.IGNORECASE)
# A side the question sets aside: "rather than the average", "instead of gross", "not the mean",
# "the mean (not median)".
_SET_ASIDE_RE = re.compile(
    r"(?:\b(?:rather than|instead of|as opposed to|not the|not an?)|[(,]\s*not)\s+"
    r"(?:(?:the|an?|its|their|only|just|merely)\s+)?[a-z]+",
    re.IGNORECASE,
)
_JOINED_WORDS_RE = re.compile(r"\b([a-z]+)\s+(?:and/or|or|and)\s+([a-z]+)\b", re.IGNORECASE)
_SET_AGAINST_RE = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?|against|than|while|whereas)\s", re.IGNORECASE)
_MINUS_SIGNS = ("-", "−", "–")
# A verb with its particle is another word: a "cut-off" date is no cut.
_CONTRAST_WORD_RE = re.compile(r"[a-z]+(?:-(?:off|out|in|on|up|down|over)\b)?")
# Words that say a figure is a change, not a level: "an increase of 42.3%", "up 8.5%".
_CHANGE_WORD_RE = re.compile(
    r"\b(?:increas\w*|decreas\w*|grow\w*|grew|rise|rose|risen|rising|up|down|fell|fall\w*|declin\w*|drop\w*|"
    r"jump\w*|surg\w*|gain\w*|climb\w*|year[- ]on[- ]year|compared|chang\w*|higher|lower|cut|reduc\w*|"
    r"adjust\w*|rais\w*|expan\w*|shr[iu]nk\w*|doubl\w*|tripl\w*)\b",
    re.IGNORECASE,
)
# "a 30% growth in revenue": a change named after its figure.
_CHANGE_AFTER_RE = re.compile(r"\s*(?:growth|increase|rise|gain|jump|decline|decrease|drop|fall)\b", re.IGNORECASE)
# A name with a number in it, "STAR 100 ETF", "Model 3 Performance": the number is part of the name.
# (An amount after a currency code, "RMB 56.", is not.)
CURRENCY_CODES = tuple("RMB CNY USD US EUR GBP JPY HKD CHF CAD AUD INR".split())
NUMBERED_NAME_RE = re.compile(
    rf"\b(?!(?:{'|'.join(CURRENCY_CODES)})\s)([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)\s+(\d+)"
    r"(?=\s+[A-Z]|[?.,;:)](?!\d)|$)"
)


def figure_in(fig: str, have: set[str]) -> bool:
    """Whether ``have`` states ``fig``: the same value, and a share only as a share
    ("2%" is not backed by "second-largest", nor "47" by "47%")."""
    if fig in have:
        return True
    value, share = figure_value(fig), fig.endswith("%")
    return any(h.endswith("%") == share and abs(figure_value(h) - value) < 1e-9 for h in have)


def unit_of(text: str, fig: str) -> str:
    """The unit ``text`` gives the figure ``fig`` ("h" for "14 hours"), or "" if none is recognised."""
    for match in FIGURE_MENTION_RE.finditer(text):
        found = figures(match.group(0))
        said = found.pop() if found else ""
        if said.rstrip("%") != fig.rstrip("%"):
            continue
        if said.endswith("%"):
            return "percent"
        after = _UNIT_AFTER_RE.match(text, match.end())
        if not after:
            return ""
        word = after.group(1).lower()
        if word.endswith("s") and word[:-1] in _UNITS:
            word = word[:-1]
        return _UNITS.get(word, "")
    return ""


def before_figure(sentence: str, fig: str) -> str:
    """The words of ``sentence`` up to ``fig``, whose nearest name is what it is about:
    "STAR 50 ETF ... 130 billion, while the STAR 100 ETF ... increase of 42.3%". Empty when
    the sentence pairs names and figures "respectively": then the name may be further back."""
    match = None if RESPECTIVELY_RE.search(sentence) else next(figure_mentions(sentence, fig), None)
    return sentence[: match.start()] if match else ""


def lead_in(sentence: str, fig: str, claim: str = "") -> str:
    """The words of ``sentence`` leading up to ``fig``: from the clause break or figure before it.

    Figures of one kind listed together ("reached 23.3% and 24.4%") share the words
    before the list; "more than 30%, 187 achieved growth" starts anew. Where the sentence
    writes ``fig`` more than once, the mention whose words the ``claim`` says most: "75
    reported growth in net profit for 4 consecutive years" after "187 achieved growth in
    revenue for 4 consecutive years".
    """
    start = run = 0
    previous = None
    found_in: list[str] = []
    for match in FIGURE_MENTION_RE.finditer(sentence):
        if _SPAN_AFTER_RE.match(sentence, match.end()) and not figure_in(fig, figures(match.group(0))):
            continue  # "in the past 4 years reached 24.4%": a span of time, not another measure
        listed = (
            previous is not None
            and _FIGURE_JOIN_RE.fullmatch(sentence, previous.end(), match.start())
            and previous.group(0).endswith("%") == match.group(0).endswith("%")
        )
        if not listed:
            start, run = previous.end() if previous else 0, match.start()
        found = figures(match.group(0))
        if found and figure_in(fig, found):
            breaks = [b.end() for b in _CLAUSE_BREAK_RE.finditer(sentence, start, run)]
            found_in.append(sentence[max([start, *breaks]) : match.end()])
        previous = match
    if not found_in:
        return sentence
    said = set(terms(claim))
    return max(found_in, key=lambda words: len(said & set(terms(words)))) if said else found_in[0]


def _words_after(text: str, end: int) -> set[str]:
    after = text[end : end + _COUNTED_CHARS].split()[:_COUNTED_WORDS]
    return {t for t in terms(" ".join(after)) if not t[0].isdigit()}


def figure_mentions(text: str, fig: str) -> Iterator[re.Match[str]]:
    """Each place ``text`` writes ``fig``, in whatever form ("100,000" for 100000, "one" of
    "one billion")."""
    for match in FIGURE_MENTION_RE.finditer(text):
        said = figures(match.group(0))
        if said and figure_in(fig, said):
            yield match
    for match in _SPELLED_SCALED_RE.finditer(text):
        if figure_in(fig, figures(match.group(0), spelled=True)):
            yield match


# A figure with a letter (or a hyphen before it) glued on: "B01D1" is part of a name.
_IN_NAME_RE = re.compile(r"^[A-Za-z-].*|.*[A-Za-z]$", re.DOTALL)


def times_written(text: str, fig: str) -> int:
    """How many times ``text`` writes ``fig``, in whatever form, as a figure of its own (the
    "1" of "BL-B01D1" is part of a name)."""
    return sum(
        1 for m in figure_mentions(text, fig) if not _IN_NAME_RE.match(text[max(0, m.start() - 1) : m.end() + 1])
    )


def _counted(text: str, fig: str) -> list[set[str]]:
    """The words that follow each mention of ``fig`` in ``text`` (what it counts)."""
    return [_words_after(text, match.end()) for match in figure_mentions(text, fig)]


def counted_mention(sentence: str, fig: str) -> str:
    """``fig`` as ``sentence`` writes it, with the words after it up to a break or another
    figure: "... a total of 369 STAR Market companies had launched" -> "369 STAR Market companies"."""
    for match in figure_mentions(sentence, fig):
        after = _PHRASE_END_RE.split(sentence[match.end() : match.end() + _COUNTED_CHARS], maxsplit=1)[0]
        return " ".join([match.group(0), *after.split()[:_COUNTED_WORDS]])
    return fig


def _counts_in(sentence: str, shares: bool = False) -> list[tuple[str, set[str]]]:
    """(figure, what it counts) for each mention of a figure in ``sentence`` that is not
    a share or a year; with ``shares``, (share, what it measures) for each share."""
    return [
        (f, words)
        for f in figures(sentence)
        if f.endswith("%") == shares and not YEAR_RE.fullmatch(f)
        for words in _counted(sentence, f)
    ]


def _asked_count(question: str) -> set[str]:
    """What a "how many ..." question counts ("how many incentive plans" -> incentive, plans)."""
    match = COUNT_QUESTION_RE.search(question)
    return _words_after(question, match.end()) if match else set()


def count_clauses(sentence: str) -> list[tuple[str, str]]:
    """(count, the words from the figure before it to the next) for each whole number of
    ``sentence``: "92 had ..., 187 achieved growth in operating revenue, and 75 ..." gives
    ("187", "187 achieved growth in operating revenue, and "). The first has the words before
    it too: "The budget funds 3,214 ..."."""
    # A span of time ("for 4 consecutive years") is part of what the count before it counts.
    mentions = [m for m in FIGURE_MENTION_RE.finditer(sentence) if not _SPAN_AFTER_RE.match(sentence, m.end())]
    if not mentions:
        return []
    starts = [0] + [m.start() for m in mentions[1:]]
    ends = [m.start() for m in mentions[1:]] + [len(sentence)]
    return [
        (fig, sentence[start:end])
        for m, start, end in zip(mentions, starts, ends, strict=True)
        for fig in figures(m.group(0))
        if _is_count(fig) and not YEAR_RE.fullmatch(fig)
    ]


def _is_count(fig: str) -> bool:
    """Whether a figure can count things: a whole number, not a share ("65%") or a decimal ("1.34")."""
    return "%" not in fig and "." not in fig


def counts_another(claim: str, fig: str, sentence: str, question: str) -> bool:
    """Whether the claim gives ``fig`` to what the sentence counts with another figure:
    "369 incentive plans" from "369 companies launched 539 incentive plans". A bare
    figure ("369") counts what the question asks about. Shares likewise: "37.8% growth in
    revenue" from "market share reached 37.8%, resulting in a 30% growth in revenue"."""
    share = fig.endswith("%")
    if not share and not _is_count(fig):
        return False
    own = set().union(*_counted(sentence, fig))
    if not own:
        # "breaks fell to 212, down from ...": what it counts comes before it; no telling.
        return False
    others = [words for f, words in _counts_in(sentence, shares=share) if f != fig]
    claimed_sets = [words or (set() if share else _asked_count(question)) for words in _counted(claim, fig)]
    return any(claimed and not claimed & own and any(claimed & words for words in others) for claimed in claimed_sets)


_ABOVE = r"over|more than|above|exceeding|at least|in excess of|upwards of"
# "growth of over 50%", "a margin of more than 50%": a share given as the bar a group clears.
_BAR_BEFORE_RE = re.compile(rf"\b(?:of|by|at)\s+(?:{_ABOVE})\s*$", re.IGNORECASE)
_BOUNDS = rf"{_ABOVE}|beyond|at most|under|less than|below|up to"
_BOUND_BEFORE_RE = re.compile(rf"(?:\b(?:{_BOUNDS})|[<>≥≤])\s*$", re.IGNORECASE)

# Words that bound or round a figure: "over 90%", "nearly RMB 19 billion". Those that read
# badly elsewhere ("grew by exceeding 200%") are written as "over".
_ROUNDING = "nearly|almost|about|approximately|around|roughly|close to|some"
# A verb may bound its figure too: "global sales exceeded one billion US dollars".
_ABOVE_VERBS = "exceeded|exceeds|surpassed|surpasses|surpassing"
_HEDGES = rf"{_BOUNDS}|greater than|{_ROUNDING}|{_ABOVE_VERBS}"
_ROUNDING_RE = re.compile(rf"^(?:{_ROUNDING})$", re.IGNORECASE)
# How far a figure may be from the round one a question gives for it ("close to RMB 5 billion"
# is met by RMB 4.84 billion): a tenth either way.
_ROUNDING_SPREAD = 0.1
_HEDGE_BEFORE_RE = re.compile(rf"\b({_HEDGES})\s+(?:(?:{_CURRENCIES})\s*)?$", re.IGNORECASE)
_HEDGE_AFTER_RE = re.compile(r"(?:\+|-plus\b|\s+plus\b|-odd\b|\s+or (?:more|so|above|over)\b)", re.IGNORECASE)
_HEDGE_WRITTEN = dict.fromkeys(
    ("exceeding", "above", "in excess of", "upwards of", "greater than", "beyond", *_ABOVE_VERBS.split("|")), "over"
)


def hedge_of(text: str, fig: str) -> str:
    """The word that bounds or rounds ``fig`` where ``text`` writes it ("over" for "Over 90%
    of the companies"), or "" when none does or its mentions differ."""
    found = {_hedge_before(text, mention) for mention in figure_mentions(text, fig)}
    hedge = found.pop() if len(found) == 1 else ""
    return _HEDGE_WRITTEN.get(hedge, hedge)


def _hedge_before(text: str, mention: re.Match[str]) -> str:
    before = _hedge_match(text, mention)
    return before.group(1).lower() if before else ""


def _hedge_match(text: str, mention: re.Match[str]) -> re.Match[str] | None:
    """The word bounding or rounding ``mention`` just before it, as matched in ``text``."""
    before = _HEDGE_BEFORE_RE.search(text[: mention.start()])
    # "over 4 years" is as often "across" them as "more than".
    if before and before.group(1).lower() == "over" and _SPAN_AFTER_RE.match(text, mention.end()):
        return None
    return before


def _rounded(question: str, fig: str) -> bool:
    """Whether the question gives ``fig`` as a round figure: "close to RMB 5 billion"."""
    return bool(_ROUNDING_RE.match(hedge_of(question, fig)))


def rounded_figures(question: str) -> list[str]:
    """The figures a question gives as round ones, with their rounding word and scale:
    "close to RMB 5 billion" in "which one paid the most, close to RMB 5 billion?"."""
    return [
        mention for fig in figures(question) if _rounded(question, fig) and (mention := hedged_mention(question, fig))
    ]


def rounded_for(question: str, fig: str, claim: str) -> bool:
    """Whether the question gives ``fig`` as a round figure ("which one handed back the most,
    close to RMB 5 billion?") that a figure of the claim, in the same unit, comes near
    ("RMB 4.84 billion"): a description of the answer, not a figure the passages must state."""
    if fig not in figures(question) or not _rounded(question, fig):
        return False
    unit, value = unit_of(question, fig), figure_value(fig)
    return bool(value) and any(
        unit_of(claim, other) == unit and abs(figure_value(other) - value) <= _ROUNDING_SPREAD * value
        for other in figures(claim)
        if other != fig
    )


def hedged_mention(text: str, fig: str) -> str:
    """``fig`` as ``text`` writes it with the word that bounds or rounds it before, and its
    scale: "over RMB 1 billion"; "" where nothing does."""
    for mention in figure_mentions(text, fig):
        if before := _hedge_match(text, mention):
            scale = _SCALE_AFTER_RE.match(text, mention.end())
            return text[before.start() : scale.end() if scale else mention.end()]
    return ""


def hedged(text: str, fig: str) -> bool:
    """Whether ``text`` bounds or rounds ``fig`` anywhere, before it or after ("30-plus")."""
    return any(
        _HEDGE_BEFORE_RE.search(text[: at.start()]) or _HEDGE_AFTER_RE.match(text, at.end())
        for at in figure_mentions(text, fig)
    )


def with_hedge(text: str, fig: str, hedge: str) -> str:
    """``text`` with ``hedge`` before its one mention of ``fig`` and the currency leading it:
    "90% of the companies" becomes "Over 90% of the companies". As it was unless it
    mentions ``fig`` once."""
    mentions = list(figure_mentions(text, fig))
    if len(mentions) != 1:
        return text
    at = mentions[0].start()
    currency = _CURRENCY_BEFORE_RE.search(text[:at])
    at = currency.start() if currency else at
    opening = not text[:at].strip() or text[:at].rstrip().endswith((".", "!", "?"))
    word = hedge.capitalize() if opening else hedge
    return f"{text[:at]}{word} {text[at:]}"


def bar_taken_for_value(claim: str, fig: str, sentence: str) -> bool:
    """Whether the claim gives the share ``fig`` as a value of its own ("total revenue grew
    50%") where the sentence gives it only as the bar that a group it counts clears ("with
    47 companies experiencing growth of over 50%"). A claim that bounds the share too, or
    gives the group's count, reads the sentence rightly."""
    if not fig.endswith("%") or any(_BOUND_BEFORE_RE.search(claim[: m.start()]) for m in figure_mentions(claim, fig)):
        return False
    given = figures(claim)
    mentions = list(figure_mentions(sentence, fig))
    for mention in mentions:
        before = sentence[: mention.start()]
        if not _BAR_BEFORE_RE.search(before):
            return False
        clause = _CLAUSE_BREAK_RE.split(before)[-1]
        counts = [f for f in _in_order(clause) if not YEAR_RE.fullmatch(f)]
        if not counts or any(figure_in(f, given) for f in counts):
            return False
    return bool(mentions)


# A question asking for the bar a group clears: "grew by more than what rate?", "a margin above which level?".
# Not "over what period", which asks for a span.
_BAR_ASKED_RE = re.compile(
    rf"\b(?:{_ABOVE}|beyond|under|less than|below|fewer than)\s+(?:what|which)\s+"
    r"(?:level|rate|threshold|percentage|share|amount|figure|value|mark|margin|sum)s?\b",
    re.IGNORECASE,
)
# A bound just before a figure, past its currency: "exceeding 30%", "more than RMB 56 billion".
_BOUND_WORDS = rf"\b(?:{_BOUNDS}|exceed(?:s|ed)?|surpass(?:es|ed|ing)?)|[<>≥≤]"
_BOUND_AT_FIGURE_RE = re.compile(rf"(?:{_BOUND_WORDS})\s*(?:{_CURRENCIES})?\s*$", re.IGNORECASE)


def value_taken_for_bar(question: str, fig: str, sentence: str) -> bool:
    """Whether the question asks for a bar ("more than 30% of firms had a margin above what
    level?") and ``sentence`` gives ``fig`` only as a value, never after a bound: "the average
    gross profit margin reaching 41.7%", not "a gross profit margin of more than 50%"."""
    if not _BAR_ASKED_RE.search(question):
        return False
    mentions = list(figure_mentions(sentence, fig))
    return bool(mentions) and not any(_BOUND_AT_FIGURE_RE.search(sentence[: m.start()]) for m in mentions)


# "Did revenue pass the RMB 1 trillion mark?", "Was net profit above RMB 50 billion?": a
# yes/no question setting what it asks against a figure of its own.
_YES_NO_RE = re.compile(r"^\W*(?:is|are|was|were|do|does|did|has|have|had)\b", re.IGNORECASE)
_REPLY_RE = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)
# "Did costs stay below RMB 5 billion?": a bar the answer's figure should be under.
_BELOW_BAR_RE = re.compile(
    rf"\b(?:under|below|less than|fewer than|at most|short of)(?:\s+the)?\s*(?:{_CURRENCIES})?\s*$", re.IGNORECASE
)
_BAR_AT_FIGURE_RE = re.compile(
    rf"(?:{_BOUND_WORDS}|\b(?:pass|top|cross|break|broke|hit|reach|clear)\w*)(?:\s+the)?\s*(?:{_CURRENCIES})?\s*$",
    re.IGNORECASE,
)


def yes_no_bar(question: str) -> str:
    """The figure a yes/no question measures its answer against ("1" of "did revenue pass
    the RMB 1 trillion mark?"), if it has one and no other: that figure is the bar the
    answer's own figure is compared with, not a condition its sentence must state. With
    two ("did firms with revenue above RMB 1 billion exceed 100?") one may be a condition."""
    return _bar(question)[1]


def bar_reply(question: str, answer: str) -> tuple[str, str] | None:
    """(the reply the answer opens with, the one its own figure calls for), when they differ:
    "Did revenue pass the RMB 1 trillion mark? Yes, it was RMB 897 billion" calls for "No".
    The answer's first figure in the bar's unit and currency is the one set against it."""
    before, bar = _bar(question)
    reply = _REPLY_RE.match(answer)
    if not bar or not reply:
        return None
    for fig in (f for _, _, f in figure_spans(answer) if not YEAR_RE.fullmatch(f)):
        if not _comparable(question, bar, answer, fig):
            continue
        value, limit = _amount(answer, fig), _amount(question, bar)
        if value == limit:
            return None
        meant = "yes" if (value > limit) != bool(_BELOW_BAR_RE.search(before)) else "no"
        said = reply.group(1)
        return (said, meant.capitalize() if said[0].isupper() else meant) if said.lower() != meant else None
    return None


def _bar(question: str) -> tuple[str, str]:
    """(the question up to its bar, the bar) of a yes/no question with one figure after a bound, or ("", "")."""
    if not _YES_NO_RE.match(question):
        return "", ""
    spans = [(start, fig) for start, _, fig in figure_spans(question) if not YEAR_RE.fullmatch(fig)]
    if len(spans) != 1 or not _BAR_AT_FIGURE_RE.search(question[: spans[0][0]]):
        return "", ""
    return question[: spans[0][0]], spans[0][1]


# "RMB 2.24 billion more in cash dividends than ...": a figure given as a gap.
# Not "more than 50%": a bound on a figure after it.
_GAP_AFTER_RE = re.compile(
    rf"^\s*(?:{'|'.join(_OPPOSITE)})\b(?:\s+[\w&'’-]+){{0,6}}?\s+than\b(?!\s*(?:rmb|usd|[$€£¥])?\s*\d)",
    re.IGNORECASE,
)


# What a gap is taken from: "than in 2022", "than the previous year", "than a year earlier",
# "than when they were first issued".
_THAN_RE = re.compile(r"\bthan\b((?:\W+[\w-]+){1,8})", re.IGNORECASE)
_EARLIER_RE = re.compile(
    r"\b(?:(?:19|20)\d\d|years?|quarters?|months?|periods?|previous|last|prior|earlier|before|ago|base|when|"
    r"issued|issuance|inception|launch|launched|outset|initially|originally)\b",
    re.IGNORECASE,
)
# ... or before it: "exceeded the increase by RMB 17.89 billion", "was higher than B by 3%",
# "R&D was larger by RMB 156.12 billion".
_GAP_BEFORE_RE = re.compile(
    r"(?:\b(?:exceed(?:s|ed)?|surpass(?:es|ed)?|outpac(?:es|ed)|outstrip(?:s|ped)?|than)\b[^.;]{0,80}?|"
    r"\b(?:larger|bigger|greater|smaller|higher|lower)\s+)"
    r"\bby\s+(?:about\s+|nearly\s+|almost\s+)?(?:rmb|usd|us\$|[$€£¥])?\s*$",
    re.IGNORECASE,
)


def _given_as_gap(text: str, mention: re.Match[str]) -> bool:
    return bool(
        _GAP_AFTER_RE.match(_unit_skipped(text, mention.end())) or _GAP_BEFORE_RE.search(text[: mention.start()])
    )


def read_as_gap_or_change(sentence: str, fig: str) -> bool:
    """Whether ``sentence`` gives ``fig`` as a gap ("4.7% higher than") or a change ("an increase of 4.7%")."""
    changed = bool(_CHANGE_WORD_RE.search(lead_in(sentence, fig)))
    return changed or any(_given_as_gap(sentence, m) for m in figure_mentions(sentence, fig))


def gap_taken_for_level(claim: str, fig: str, sentence: str) -> bool:
    """Whether the claim gives ``fig`` as the gap between two things ("Jinko Solar allocated
    RMB 2.24 billion more than CRSC") where the sentence gives it as a level of one
    ("allocated RMB 4.84 billion, RMB 2.24 billion, and RMB 1.80 billion"). A sentence that
    gives it as a gap ("4.7% higher than") may be read as one; a sentence that gives it as a
    change ("an increase of 4.7%") only as a gap from an earlier time ("4.7% higher than in
    2022"), not from another thing ("62.3% higher than that of integrated circuits" from
    "growth rates ... reaching 27.8% and 62.3% respectively")."""
    if not any(_given_as_gap(claim, m) for m in figure_mentions(claim, fig)) or not any(figure_mentions(sentence, fig)):
        return False
    if any(_given_as_gap(sentence, m) for m in figure_mentions(sentence, fig)):
        return False
    return not read_as_gap_or_change(sentence, fig) or not any(map(_EARLIER_RE.search, _THAN_RE.findall(claim)))


def _unit_skipped(text: str, end: int) -> str:
    """What follows a figure ending at ``end``, past its unit ("billion", "%")."""
    unit = _UNIT_AFTER_RE.match(text, end)
    return text[unit.end() if unit and unit.group(1).lower() in _UNITS else end :]


def counted_elsewhere(claim: str, fig: str, sentence: str) -> bool:
    """Whether ``sentence``, which holds another of the claim's figures, counts what the
    claim counts with ``fig`` by a figure the claim does not give: "20 companies announced
    152 plans" when the sentence of the 152 plans says "146 companies introduced 152 plans"."""
    if not _is_count(fig):
        return False
    claimed = set().union(*_counted(claim, fig))
    given = figures(claim)
    return bool(claimed) and any(
        claimed & words for f, words in _counts_in(sentence) if f not in given and _is_count(f)
    )


def counts_alike(
    sentence: str, fig: str, other: str, question: str, given: set[str], background: Collection[str] = ()
) -> bool:
    """Whether ``other`` counts, with a figure not in ``given``, what ``sentence`` counts
    with ``fig`` or what the question asks to count: "27 companies have had drugs approved"
    against "more than 110 biopharmaceutical companies". Amounts ("RMB 500 million") count nothing.
    ``other`` must count all of what the question and ``fig`` count alike but the
    ``background`` words every sentence is about (a document's title: "STAR Market
    companies"): "363 companies listed" does not count "how many biopharmaceutical companies
    are listed?" as "110 biopharmaceutical companies" does."""
    if not _is_count(fig) or unit_of(sentence, fig):
        return False
    mine, asked = set().union(*_counted(sentence, fig)), _asked_count(question)
    both = mine & asked - set(background)
    return any(f not in given and words & (mine | asked) and both <= words for f, words in _counts_in(other))


def asked_beyond_count(question: str) -> set[str]:
    """The words of a question besides what it asks to count: what the count is of.
    Its figures are not words, even spelled out: "four years" may be "4 consecutive years"."""
    return {t for t in terms(in_digits(question)) if not t[0].isdigit()} - _asked_count(question)


def gives_count(claim: str, question: str) -> bool:
    """Whether the claim gives a count of its own: not a share, a rank ("ranked fifth"), a
    year or the question's figure, nor a count of what the question's figure counts unless
    that is what it asks to count ("100,000 patents" does not answer "how many companies
    have over 10,000 patents?")."""
    asked = figures(question)
    # A year dates the question; it counts nothing ("during 2023, KBC and Espressif among them").
    bars = [f for f in asked if not YEAR_RE.fullmatch(f)]
    thresholds = set().union(*(words for f in bars for words in _counted(question, f))) - _asked_count(question)
    # "ranking top for thirteen consecutive years" counts years, not the people asked for.
    how_many = COUNT_QUESTION_RE.search(question)
    spans_asked = bool(how_many and _SPAN_AFTER_RE.match(question, how_many.end()))
    money_asked = bool(_MONEY_COUNTED_RE.search(question))
    return any(
        not f.endswith("%")
        and not YEAR_RE.fullmatch(f)
        and f not in asked
        and not any(words & thresholds for words in _counted(claim, f))
        and (spans_asked or not _spans_time(claim, f))
        and (money_asked or not _amounts_of_money(claim, f))
        for f in cardinal_figures(claim)
    )


def _amounts_of_money(text: str, fig: str) -> bool:
    """Whether each mention of ``fig`` is an amount of money ("RMB 4.84 billion", "5 million
    dollars"): a sum counts no firms or things."""
    return _each_mention(
        text,
        fig,
        lambda m: bool(_CURRENCY_BEFORE_RE.search(text[: m.start()]) or _CURRENCY_AFTER_RE.match(text, m.end())),
    )


def _spans_time(text: str, fig: str) -> bool:
    """Whether each mention of ``fig`` is a span of time ("thirteen consecutive years")."""
    spelled = in_digits(text)
    return _each_mention(spelled, fig, lambda m: bool(_SPAN_AFTER_RE.match(spelled, m.end())))


def _each_mention(text: str, fig: str, test: Callable[[re.Match[str]], bool]) -> bool:
    """Whether ``text`` writes ``fig`` and each mention passes ``test``."""
    results = [test(m) for m in figure_mentions(text, fig)]
    return bool(results) and all(results)


def misordered(claim: str) -> tuple[str, str, int] | None:
    """(the comparative the claim uses, the one its own figures call for, where it stands)
    when the claim compares two of its figures the wrong way round: "RMB 156.12 billion,
    which was smaller than the net profit of RMB 75.96 billion", "grew faster by 9.7%
    compared to Y by 13.6%". Only figures of one unit, and only a figure a few words after
    "than": "more than 50%" is a threshold, not a comparison."""
    # Nor a figure below zero, which its digits alone would misorder.
    spans = [span for span in _measures(claim) if not claim[: span[0]].endswith(_MINUS_SIGNS)]
    compared = []  # (comparative, the first figure, the second figure)
    for match in _COMPARED_RE.finditer(claim):
        before = [s for s in spans if s[1] <= match.start()]
        after = [s for s in spans if s[0] >= match.end()]
        if not before or not after:
            continue
        gap_before, gap_after = claim[before[-1][1] : match.start()].split(), claim[match.end() : after[0][0]].split()
        # "92 is larger than 187" sets one figure against the other, not against a threshold.
        figure_against_figure = not gap_after and 0 < len(gap_before) <= 2 and gap_before[0].lower() in _COPULAS
        near = len(gap_before) <= _COMPARED_WORDS and len(gap_after) <= _COMPARED_WORDS
        if (gap_after or figure_against_figure) and near:
            compared.append((match, before[-1], after[0]))
    for match in _COMPARATIVE_ALONE_RE.finditer(claim):
        after = [s for s in spans if s[0] >= match.end()]
        if len(after) < 2 or not _SET_AGAINST_RE.search(claim, after[0][1], after[1][0]):
            continue
        gap_before, gap_between = claim[match.end() : after[0][0]].split(), claim[after[0][1] : after[1][0]].split()
        if len(gap_before) <= _COMPARED_WORDS and len(gap_between) <= _COMPARED_WORDS:
            compared.append((match, after[0], after[1]))
    for match, (a_start, _, a), (b_start, _, b) in compared:
        if unit_of(claim[a_start:], a) != unit_of(claim[b_start:], b) or figure_value(a) == figure_value(b):
            continue
        word = match.group(1).lower()
        if (figure_value(a) > figure_value(b)) != (word in _LARGER):
            return word, _OPPOSITE[word], match.start(1)
    return None


def contrast(question: str, evidence: str, lead_ins: str = "", answer: str = "") -> tuple[str, str] | None:
    """(what the question asks for, what the evidence says instead), if they are opposite qualifiers.

    What a figure measures is mostly said just before it ("most firms grew profit;
    revenue of chip makers rose 27.8%": 27.8% is revenue), so the ``lead_ins`` of the
    answer's figures (one a line) decide where they name a side; the whole evidence
    where none does. A figure the ``answer`` gives as the other side, the way its lead-in
    does, adds to a figure of the side asked ("grew by 9.7%, accounting for 28.8% of all
    revenues"): it is not given for it.
    """
    asked = _asked_words(question) | {side for pattern, side in _SIDES_ASKED if pattern.search(question)}
    leads = [_words(lead) for lead in lead_ins.splitlines()]
    told = _words(answer)
    everywhere = _words(_without_other_figures(evidence, answer))
    for sides in _CONTRASTS:
        if sum(bool(side & asked) for side in sides) != 1:
            continue  # a question naming two sides ("sales left after costs") is not about one
        wanted_side = next(side for side in sides if side & asked)
        wanted = sorted(wanted_side & asked)[0]
        # Each figure whose lead-in names a side must name the one asked for.
        naming = [lead for lead in leads if any(side & lead for side in sides)]
        answered = any(wanted_side & lead for lead in naming)
        for said in naming or [everywhere]:
            if wanted_side & said:
                continue
            for other in sides:
                if other is not wanted_side and other & said and not other & asked:
                    if answered and other & said & told:
                        continue
                    return wanted, sorted(other & said)[0]
    return None


def _without_other_figures(evidence: str, answer: str) -> str:
    """``evidence`` less the clauses after the answer's figures that give only other figures
    ("has reached 37.8%, ranking top ... and resulting in a 30% growth in revenue"): what
    another figure goes on to measure is not what the answer's does. Those before may be
    what it is of ("Net cash flow totaled RMB 139.55 billion, up 13.6%")."""
    given = figures_but_years(answer)
    clauses = re.split(r",\s", evidence)
    stated = [figures_but_years(clause) for clause in clauses]
    last = max((i for i, found in enumerate(stated) if found & given), default=None)
    if last is None:
        return evidence
    return ", ".join(clause for i, clause in enumerate(clauses) if i <= last or not stated[i])


def measure_unsaid(question: str, evidence: str) -> str:
    """The measure the question asks for by a word that names nothing else ("heavier",
    "weigh": weight) that ``evidence`` states in no word or unit of its own, or ""."""
    return next((name for name, asked, said in _MEASURES if asked.search(question) and not said.search(evidence)), "")


def _words(text: str) -> set[str]:
    """The lower-cased words of ``text``, as the sides of _CONTRASTS list them."""
    return set(_CONTRAST_WORD_RE.findall(text.lower()))


def _asked_words(question: str) -> set[str]:
    """The words of ``question`` less the side it sets aside: "the median rather than the
    average" asks for the median only."""
    return _words(_SET_ASIDE_RE.sub(" ", question))


def unqualified(question: str, evidence: str) -> str:
    """The qualifier the question asks for ("abroad") that the evidence states in no word of
    its kind ("overseas", "foreign"), or states only with another side ("internationally or
    domestically advanced" gives one figure for both), or "": "12.2% of firms chase business
    abroad" is not backed by "the median R&D intensity was 12.2%"."""
    asked, said = _asked_words(question), _words(evidence)
    joined = [(a.lower(), b.lower()) for a, b in _JOINED_WORDS_RE.findall(evidence)]
    for sides in _QUALIFIERS:
        named = [side for side in sides if side & asked]
        if len(named) != 1:
            continue
        others = set().union(*(side for side in sides if side is not named[0]))
        lumped = any({a, b} & named[0] and {a, b} & others for a, b in joined)
        if lumped or not named[0] & said:
            return sorted(named[0] & asked)[0]
    return ""


def part_for_total(question: str, lead_ins: str) -> str:
    """Where the question asks for a total ("the total trading turnover", "all companies'
    revenue") and names no place, the place word ("overseas", "domestic") that leads up to the
    answer's figure: a part of the whole, not the total. "" otherwise."""
    asked = _asked_words(question)
    if not asked & _TOTAL_WORDS or any(side & asked for side in _PLACES):
        return ""
    said = _words(lead_ins)
    return next((sorted(side & said)[0] for side in _PLACES if side & said), "")


def other_kind(
    question: str, evidence: str, supporting: str, known: Collection[tuple[str, str]]
) -> tuple[str, str] | None:
    """(what the question asks for, what the evidence says instead) when the question asks
    for one kind of a thing ("sales tax rate"), the evidence (or else the rest of its
    ``supporting`` paragraph) speaks only of another kind ("property tax rate"), and the
    asked kind is ``known``, named in the documents ("sales tax revenue"), but nowhere in
    the supporting paragraphs.

    The documents must name the asked kind themselves: a paraphrase ("overall revenue")
    is not another kind just because the document words it differently. And a kind named
    anywhere in the supporting passage may be what its sentence goes on about ("their
    action plans. ... disclosing business plans such as ...").
    """
    said = set(terms(supporting))
    asked_terms = terms(question)
    for modifier, head, asked in kind_pairs(question):
        # "overseas revenue or total revenue": a question on two kinds is answered by each;
        # "has that revenue line achieved": a verb after a noun is no kind of thing.
        if modifier in said or (modifier, head) not in known or asked_terms.count(head) > 1 or _verb(asked, -1):
            continue
        for other, other_head, found in kind_pairs(evidence) + kind_pairs(supporting):
            # "achieved operating revenue": a verb before the head is not a kind of it.
            if other_head == head and other != modifier and not _verb(found, 0):
                return asked, found
    return None


def _verb(pair: str, at: int) -> bool:
    """Whether the word at ``at`` of a kind pair is a past tense ("companies achieved")."""
    return pair.split()[at].endswith("ed")


def level_for_change(answer: str, evidence: str) -> str:
    """The answer's figure, as its sentence writes it, when the answer gives a level where that
    sentence also gives how much it changed: "nearly RMB 19 billion, indicating an increase of
    42.3%" answers "by how much have they grown?" with 42.3%, not 19 billion. Only when the
    sentence has such a change: otherwise the level may be all the passages give. Else ""."""
    said = [f for f in figures(answer) if not YEAR_RE.fullmatch(f)]
    found = ""
    for sentence in sentences(evidence):
        have = [f for f in figures(sentence) if not YEAR_RE.fullmatch(f)]
        given = [f for f in said if figure_in(f, set(have))]
        if any(_CHANGE_WORD_RE.search(lead_in(sentence, f)) for f in given):
            return ""
        changed = any(f not in given and _CHANGE_WORD_RE.search(lead_in(sentence, f)) for f in have)
        if given and changed and not found:
            found = counted_mention(sentence, given[0])
    return found


# "Over 60% of companies ...": a share of a group of companies, not how much a thing changed.
_GROUP_SHARE_RE = re.compile(
    r"\d[\d.,]*%\s+of\s+(?:the\s+|all\s+|these\s+)?(?:[\w-]+\s+){0,2}?(?:companies|firms|enterprises|businesses)\b",
    re.IGNORECASE,
)


def group_share_for_change(answer: str) -> str:
    """The share of a group of companies the answer leads with ("60% of companies experienced an
    increase in revenue") where a question asks how much something changed ("by how much did
    revenue grow?"): a share of the companies that grew is not how much the revenue grew. Else ""."""
    lead = next(iter(figure_spans(answer)), None)
    share = _GROUP_SHARE_RE.match(answer, lead[0]) if lead else None
    return share.group(0) if share else ""


def change_for_share(answer: str, evidence: str, question: str) -> str:
    """The answer's percentage, as its sentence writes it, when the question asks for a share
    and names no change, while every sentence that gives the figure gives it as a change: "a
    30% growth in revenue" does not answer "what share are rated internationally advanced?".
    Else ""."""
    if _CHANGE_WORD_RE.search(question):
        return ""
    for fig in (f for f in figures(answer) if f.endswith("%")):
        mentions = [(sentence, match) for sentence in sentences(evidence) for match in figure_mentions(sentence, fig)]
        if mentions and all(
            _CHANGE_WORD_RE.search(lead_in(sentence, fig)) or _CHANGE_AFTER_RE.match(sentence, match.end())
            for sentence, match in mentions
        ):
            return counted_mention(mentions[0][0], fig)
    return ""


def level_for_gap(answer: str, evidence: str, question: str) -> str:
    """The answer's one figure, as its sentence writes it, when the question asks for a gap
    between two figures and that sentence gives it as a level of one, not as a gap or a
    change: "187 [1]." for "how many more companies grew revenue than profit?" from "187
    achieved growth in revenue". An answer with two figures or none is read elsewhere. Else ""."""
    said = {f for f in figures(answer) if not YEAR_RE.fullmatch(f)} - figures(question)
    if len(said) != 1:
        return ""
    (fig,) = said
    found = ""
    for sentence in sentences(evidence):
        if any(figure_mentions(sentence, fig)):
            if read_as_gap_or_change(sentence, fig):
                return ""
            found = found or counted_mention(sentence, fig)
    return found


def difference(text: str, question: str) -> str:
    """The gap between the two figures ``text`` gives of one unit, in words: "R&D investment
    grew 14.3%. Operating revenue grew 4.7%." gives "14.3% against 4.7%: a difference of 9.6
    percentage points". Amounts of one currency in different scale words are compared in
    the larger one ("USD 8.4 billion against USD 800 million: a difference of USD 7.6
    billion"). Shares only when the question asks about points, rates or percentages. ""
    unless exactly one unit has exactly two figures (none more), or when the text already
    gives their gap. Number words count as figures: "thirteen years" is 13 years."""
    shares_only = bool(_POINTS_ASKED_RE.search(question))
    text = in_digits(text)  # "thirteen years against three years"
    worked = _worked_out(text, lambda fig: fig.endswith("%") or not shares_only, 2, lambda v: abs(v[0] - v[1]))
    if not worked:
        return ""
    figs, values, larger, about, said = worked
    sides = " against ".join(_as_compared(text, f, v) for f, v in zip(figs, values, strict=True))
    if larger.endswith("%"):
        return f"{sides}: a difference of {about}{said} percentage points"
    return f"{sides}: a difference of {about}{_with_unit(text, larger, said)}"


def total(text: str) -> str:
    """The sum of the amounts ``text`` gives of one unit (two or three), in words: "45 stake
    increase plans and 152 repurchase plans" gives "45 plus 152: a total of 197". Never of
    rates or shares, which do not add up; "" on the terms of ``difference``, or when the
    text already gives their sum or one of them is the sum of the others."""
    text = in_digits(text)
    worked = _worked_out(text, lambda fig: not fig.endswith("%"), _MOST_ADDED, sum)
    if not worked:
        return ""
    figs, values, larger, about, said = worked
    if any(2 * v == sum(values) for v in values):  # "RMB 6 billion: RMB 4 billion and RMB 2 billion"
        return ""
    sides = " plus ".join(_as_compared(text, f, v) for f, v in zip(figs, values, strict=True))
    return f"{sides}: a total of {about}{_with_unit(text, larger, said)}"


def _worked_out(
    text: str, counts: Callable[[str], bool], most: int, work: Callable[[list[Decimal]], Decimal]
) -> tuple[list[str], list[Decimal], str, str, str] | None:
    """For the figures of one unit that ``text`` gives (of those that ``counts``): the
    figures, their values in the largest one's scale, that figure, "about " if any figure is
    bounded or rounded, and ``work`` done on the values as written. None unless exactly
    one unit has two figures or more (``most`` at most), of one currency, counting the same
    things, and the text does not already give the result."""
    given = dedupe(fig for _, _, fig in _measures(text))
    units = {fig: unit_of(text, fig) for fig in given if counts(fig)}
    groups: dict[str, list[str]] = {}
    for fig, unit in units.items():
        groups.setdefault("scale" if unit in _SCALE_EXPONENTS else unit, []).append(fig)
    several = [group for group in groups.values() if len(group) > 1]
    if len(several) != 1 or len(several[0]) > most:
        return None
    figs = several[0]
    currencies = {_CURRENCY_ALIASES.get(c, c) for c in (currency_of(text, f) for f in figs) if c}
    if len(currencies) > 1 or any(_counts_apart(text, a, b) for a, b in pairwise(figs)):
        return None
    scale = {f: _SCALE_EXPONENTS.get(units[f], 0) for f in figs}
    larger = max(figs, key=scale.__getitem__)
    values = [_amount(text, f).scaleb(-scale[larger]) for f in figs]
    result = work(values)
    if any(abs(figure_value(f) - float(result)) < 1e-9 for f in given):
        return None
    places = max(_places(v) for v in values)
    # The gap of "nearly RMB 130 billion" and "RMB 19 billion" is no more exact than they are.
    about = "about " if any(hedge_of(text, f) for f in figs) else ""
    return figs, values, larger, about, f"{result:,.{places}f}"


def winner(first: str, second: str, comparative: str, rates: bool = False) -> tuple[int, str, str] | None:
    """Which of two answers, one for each side of a comparison, the ``comparative`` holds
    for (0 or 1), and the figures compared, the winner's first, as the answers write them:
    "Overseas revenue grew by 9.7%" and "Total revenue grew by 4.7%" give (0, "9.7%",
    "4.7%") for "faster". The figures compared are the first pair of one unit and currency
    ("RMB 1,397.78 billion grew by 4.7%" against "R&D grew by 14.3%" compares the rates).
    With ``rates``, only rates compare: "grew faster" is not told by tonnes sold. None
    unless there is such a pair, of different values, and a comparative that tells more
    from less."""
    texts = (first, second)
    pairs = (
        (a, b)
        for a in _in_order(first)
        for b in _in_order(second)
        if not YEAR_RE.fullmatch(a)
        and not YEAR_RE.fullmatch(b)
        and (a.endswith("%") or not rates)
        and _comparable(first, a, second, b)
    )
    pair = next(pairs, None)
    if comparative not in _OPPOSITE or pair is None:
        return None
    values = [_amount(text, fig) for fig, text in zip(pair, texts, strict=True)]
    if values[0] == values[1]:
        return None
    won = int((values[1] > values[0]) == (comparative in _LARGER))
    said = [_as_compared(text, fig, value) for fig, value, text in zip(pair, values, texts, strict=True)]
    return won, said[won], said[1 - won]


def _amount(text: str, fig: str) -> Decimal:
    """``fig`` as ``text`` gives it, in units of one ("RMB 4.84 billion" is 4.84e9), a rate
    given as a fall negative. Exact decimals: 8.4 - 0.8 is 7.6, not 7.6000000000000005."""
    value = Decimal(fig.rstrip("%")).scaleb(_SCALE_EXPONENTS.get(unit_of(text, fig), 0))
    return -value if fig.endswith("%") and _went_down(text, fig) else value


def _as_compared(text: str, fig: str, value: Decimal) -> str:
    """``fig`` as ``text`` gives it, with its unit and the bound put on it ("over 200%",
    "nearly RMB 19 billion"): the comparison says no more than its sides do. A fall is
    written as one."""
    hedge = hedge_of(text, fig)
    written = " ".join(w for w in (hedge, fig if fig.endswith("%") else _with_unit(text, fig)) if w)
    return f"a fall of {written}" if value < 0 else written


def _comparable(first: str, a: str, second: str, b: str) -> bool:
    """Whether figure ``a`` of ``first`` and ``b`` of ``second`` measure in one unit and
    currency: two rates, or two amounts of money in any scale words."""
    if a.endswith("%") != b.endswith("%"):
        return False
    units = unit_of(first, a), unit_of(second, b)
    currencies = {_CURRENCY_ALIASES.get(c, c) for c in (currency_of(first, a), currency_of(second, b))}
    same_unit = units[0] == units[1] or all(u in _SCALE_EXPONENTS for u in units)
    # "42 companies" is not compared with "45 plans".
    return len(currencies) == 1 and same_unit and not _counts_apart(f"{first}\n{second}", a, b)


def _places(value: Decimal) -> int:
    """How many decimal places ``value`` needs: 2 for 4.84, 1 for 0.800, 0 for 800."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def currency_of(text: str, fig: str) -> str:
    """The currency ``text`` writes before ``fig``'s first mention, as written ("US$"), or ""."""
    mention = next(figure_mentions(text, fig), None)
    before = mention and _CURRENCY_BEFORE_RE.search(text[: mention.start()])
    return before.group(1) if before else ""


def _counts_apart(text: str, a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` count different things: "42 companies put forth 45 plans"."""
    nouns = []
    for fig in (a, b):
        mention = next(figure_mentions(text, fig))
        after = (w.strip(",.;:()").lower() for w in text[mention.end() :].split()[:_COUNTED_WORDS])
        nouns.append({w for w in after if len(w) > 3 and w.endswith("s") and not w.endswith("ss")})
    return all(nouns) and not nouns[0] & nouns[1]


def _with_unit(text: str, fig: str, number: str = "") -> str:
    """``number`` (by default ``fig`` as ``text`` writes it) with the currency and the unit of
    ``fig``'s first mention in ``text``: "RMB 4.84 billion", "1,240 tonnes"."""
    mention = next(figure_mentions(text, fig))
    after = _UNIT_AFTER_RE.match(text, mention.end()) if unit_of(text, fig) else None
    parts = (currency_of(text, fig), number or mention.group(0), after and after.group(1))
    return " ".join(w for w in parts if w).replace("$ ", "$")


def _went_down(text: str, fig: str) -> bool:
    """Whether ``text`` gives the rate ``fig`` as a fall ("a decline of 4.7%", "-4.7%")."""
    before = text[: next(figure_mentions(text, fig)).start()]
    if hedge := _HEDGE_BEFORE_RE.search(before):  # "fell by nearly 5%"
        before = before[: hedge.start()].rstrip()
    signed = before.endswith(_MINUS_SIGNS) and not before[-2:-1].isalnum()
    return signed or bool(_DOWN_BEFORE_RE.search(before[-40:]))


def _measures(text: str) -> list[tuple[int, int, str]]:
    """(start, end, figure) for each figure of ``text`` that measures something: not a year,
    nor the number of a name ("STAR 50 ETF" measures nothing; its "RMB 130 billion" does)."""
    in_names = {m.start(2) for m in NUMBERED_NAME_RE.finditer(text)}
    return [span for span in figure_spans(text) if not YEAR_RE.fullmatch(span[2]) and span[0] not in in_names]


def _in_order(text: str) -> list[str]:
    """The figures of ``text`` in the order it gives them, not the digits of a code ("BL-B01D1")."""
    return [fig for _, _, fig in figure_spans(text)]
