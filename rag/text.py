"""Text helpers shared by every stage: cleaning, sentences, terms, figures and kinds ("sales tax").

One tokenizer serves BM25, the grounding check and the scorer, so that a figure
such as ``1,397.78`` or ``4.7%`` means the same thing everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

import snowballstemmer

# A figure: thousands groups, decimals and an optional percent sign stay one token.
_NUMBER = r"\d+(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?"
_WORD = r"[^\W_]+(?:[&'’][^\W_]+)*"
_TOKEN_RE = re.compile(rf"(?:{_NUMBER})(?![^\W_])|{_WORD}")
# Not in a code like "KB-40", "E-12" or "KX2-100": that is a name, checked as written.
_NUMBER_RE = re.compile(rf"(?<![\w.,])(?<![A-Z]-)(?<![A-Z]\d-)(?<![A-Z]\d\d-)(?:{_NUMBER})(?![^\W_])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

STOPWORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing done down during each either else ever few for "
    "from further get got had has have having he her here hers herself him himself his how i if in into "
    "is it its itself just let me more most my myself no nor not now of off on once only or other our "
    "ours ourselves out over own per please same shall she should so some such than that the their theirs "
    "them themselves then there these they this those through thus to too under until up upon us very via "
    "was we were what when where whether which while who whom whose why will with within would yet you "
    "your yours yourself tell say said give list name show according document documents report text "
    "passage passages many much".split()
)

# Number words a writer may use for a figure the document prints in digits, and back.
_CARDINALS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
}
_ORDINALS = {
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "fourth": "4th",
    "fifth": "5th",
    "sixth": "6th",
    "seventh": "7th",
    "eighth": "8th",
    "ninth": "9th",
    "tenth": "10th",
}
NUMBER_WORDS = frozenset(_CARDINALS)
# "ten thousand", "a hundred", "one hundred thousand": a number word and its scale.
_SCALES = {"hundred": 100, "thousand": 1000}
_SCALED_RE = re.compile(
    r"\b(an?|" + "|".join(w for w in _CARDINALS if w != "hundred") + r")\s+(hundred|thousand)(\s+thousand)?\b",
    re.IGNORECASE,
)
_CARDINAL_RE = re.compile(r"\b(" + "|".join(_CARDINALS) + r")\b", re.IGNORECASE)
_ORDINAL_WORD_RE = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
# A fraction in words is a share: "more than a fifth of their revenue" is over 20%, not a fifth
# place; "by more than half" is over 50%, "three-tenths of earnings" 30% ("the first half" is a
# period and "half a billion" an amount, both left alone; "three quarters of 2024" is a period, so
# a numerator above one needs the hyphen of a written fraction).
_FRACTIONS = {"half": 50, "quarter": 25, "fifth": 20, "tenth": 10}
_FRACTION_RE = re.compile(
    r"\b(?:(?:a|one)\s+|(more than|less than|over|under|nearly|almost|about)\s+(?=half\b)"
    rf"|({'|'.join(w for w, d in _CARDINALS.items() if 2 <= int(d) <= 9)})-(?=(?:quarter|fifth|tenth)s\b))"
    r"(half|(?:quarter|fifth|tenth)s?(?=\s+of\b))\b(?!-|\s+an?\s)",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"(\d)\s*(?:per\s?cent|percent|pct)\b", re.IGNORECASE)
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")

_stemmer = snowballstemmer.stemmer("english")


def clean(text: str) -> str:
    """NFC, unix newlines, no control or bidi-override characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub("", text.replace("\t", " "))


def normalize_for_match(text: str) -> str:
    """Case, thousands separators and whitespace folded: how answers are compared."""
    text = _THOUSANDS_RE.sub("", text.lower())
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    # British "-isation" is American "-ization": "capitalisation" is what "capitalization" says.
    return _stemmer.stemWord(word.replace("isation", "ization"))


def tokens(text: str) -> list[str]:
    """Lower-cased tokens; figures kept whole with thousands separators removed."""
    out = []
    for tok in _TOKEN_RE.findall(text):
        tok = tok.lower().replace("’", "'")
        if tok[0].isdigit():
            tok = tok.replace(",", "")
        elif tok.endswith("'s"):
            tok = tok[:-2]
        out.append(tok)
    return out


# A verb and its particle that say what one word says: "buying back their stock" is a buyback.
_PHRASAL_RE = re.compile(r"\bb(?:uy|uys|uying|ought)\s+back\b", re.IGNORECASE)


def terms(text: str) -> list[str]:
    """Stemmed content terms: what BM25 and the support checks compare."""
    text = _PHRASAL_RE.sub("buyback", text)
    return [t if t[0].isdigit() else stem(t) for t in tokens(text) if t not in STOPWORDS]


# Words a question may use for the ones a document writes. Only plain synonyms: "earnings"
# is not here because its stem is the verb "earn" too.
_SYNONYM_GROUPS = (
    "overseas abroad foreign international",
    "revenue sales turnover",
    "buyback repurchase",
    "employee staff personnel workforce",
    "company firm",
    "growth increase rise",
    "total combined aggregate",
    "phd doctoral doctorate",
    "drug medicine",
    "r&d research",
    "index indices",
    "pv photovoltaic",
    # Units written out or abbreviated: "436 grams" is what "436 g" says.
    "gram g",
    "kilogram kg",
    "metre meter m",
    "centimetre centimeter cm",
    "millimetre millimeter mm",
    "kilometre kilometer km",
    "litre liter l",
    "millilitre milliliter ml",
)
SYNONYMS: dict[str, frozenset[str]] = {
    term: group - {term} for group in (frozenset(terms(g)) for g in _SYNONYM_GROUPS) for term in group
}


# A people's adjective names its country: "the Chinese market" is China's.
_DEMONYMS = {
    "chinese": "China",
    "american": "America",
    "japanese": "Japan",
    "korean": "Korea",
    "indian": "India",
    "german": "Germany",
    "french": "France",
    "british": "Britain",
    "european": "Europe",
    "canadian": "Canada",
    "australian": "Australia",
    "russian": "Russia",
    "italian": "Italy",
    "spanish": "Spain",
    "brazilian": "Brazil",
    "mexican": "Mexico",
    "swiss": "Switzerland",
    "dutch": "Netherlands",
    "taiwanese": "Taiwan",
    "vietnamese": "Vietnam",
    "singaporean": "Singapore",
    "african": "Africa",
    "asian": "Asia",
}


COUNTRIES = frozenset(_DEMONYMS.values())


def country_of(name: str) -> str:
    """The country a people's adjective names ("Chinese" is China), else ""."""
    return _DEMONYMS.get(name.strip().lower(), "")


_DEMONYM_BEFORE_NAME_RE = re.compile(
    rf"\b(?:{'|'.join(w.capitalize() for w in _DEMONYMS)})\s+(?=(?:the\s+)?[A-Z][a-z]*[A-Z]?\w*)"
)


def without_origins_of_names(text: str) -> str:
    """``text`` without the country adjectives that describe a name ("the German Bosch Group",
    "the American FDA"): the name is what must be found; where it is from, few passages say."""
    return _DEMONYM_BEFORE_NAME_RE.sub("", text)


# Verbs whose past form no stemmer brings back to the present: "saw" is what "see" asks.
_IRREGULAR = {
    stem(past): stem(present)
    for present, pasts in {
        "see": "saw seen",
        "rise": "rose risen",
        "grow": "grew grown",
        "fall": "fell fallen",
        "make": "made",
        "pay": "paid",
        "spend": "spent",
        "sell": "sold",
        "hold": "held",
        "win": "won",
        "take": "took taken",
        "give": "gave given",
        "bring": "brought",
        "build": "built",
        "begin": "began begun",
        "lead": "led",
        "keep": "kept",
        "become": "became",
        "find": "found",
        "draw": "drew drawn",
        "lose": "lost",
        "stand": "stood",
        "get": "got gotten",
        "go": "went gone",
    }.items()
    for past in pasts.split()
}


def present_tense(term: str) -> str:
    """A stemmed term with an irregular past put in the present: "rose" -> "rise"."""
    return _IRREGULAR.get(term, term)


def said_alike(wanted: set[str], said: set[str]) -> set[str]:
    """The terms of ``wanted`` that ``said`` holds, itself or by a synonym: "growth in net
    profit" is said by "increase in net profit"."""
    return {term for term in wanted if term in said or SYNONYMS.get(term, frozenset()) & said}


def with_synonyms(query_terms: list[str], weight: float, idf: Callable[[str], float]) -> dict[str, float]:
    """The query's terms, each weighing 1, and their synonyms the query lacks, weighing
    ``weight``: a question about sales "from abroad" also finds "overseas revenues".
    A synonym never weighs more than the word asked when the documents use that word
    (by ``idf``): "companies" is everywhere, the rarer "firms" should not lead."""
    weights = dict.fromkeys(query_terms, 1.0)
    for term in query_terms:
        own = idf(term)
        for other in SYNONYMS.get(term, ()):
            rarity = idf(other)
            capped = min(weight, own / rarity) if own and rarity else weight
            weights[other] = max(weights.get(other, 0.0), capped)
    return weights


def number_words(text: str) -> dict[str, str]:
    """The whole numbers from two on that the text writes as words, by their digits: {"4": "four"}."""
    return {
        _CARDINALS[word.lower()]: word.lower()
        for word in _CARDINAL_RE.findall(text)
        if int(_CARDINALS[word.lower()]) >= 2
    }


def in_digits(text: str) -> str:
    """The text with number words written in digits: "four years" becomes "4 years",
    "ten thousand patents" "10000 patents"."""
    return _CARDINAL_RE.sub(lambda m: _CARDINALS[m.group(1).lower()], _SCALED_RE.sub(_scaled, text))


def spelled_amounts(text: str) -> set[str]:
    """The figures of the hundreds and thousands ``text`` writes in words ("over ten thousand
    inventions": 10000). Unlike "two", such words are always an amount to check."""
    return {_scaled(m) for m in _SCALED_RE.finditer(text)}


def _scaled(match: re.Match[str]) -> str:
    count, scale, thousands = match.groups()
    value = int(_CARDINALS.get(count.lower(), "1")) * _SCALES[scale.lower()] * (1000 if thousands else 1)
    return str(value)


def _share(match: re.Match[str]) -> str:
    bound, numerator, fraction = match.groups()
    times = int(_CARDINALS[numerator.lower()]) if numerator else 1
    share = f"{times * _FRACTIONS[fraction.lower().rstrip('s')]}%"
    return f"{bound} {share}" if bound else share


def figures(text: str, spelled: bool = False, ordinals: bool = False) -> set[str]:
    """The figures a text states, in one canonical form: ``4.7%``, ``1397.78``, ``3``.

    "per cent" becomes "%". With ``spelled``, number words ("four", "third") count
    too: evidence written in words then still supports a claim written in digits.
    With ``ordinals``, only ordinal words from "second" on do: "ranked third"
    states a figure, while "one of the leaders" and "the first such bond"
    (also said "top", "inaugural") do not.
    """
    text = _FRACTION_RE.sub(_share, _PERCENT_RE.sub(r"\1%", text))
    if spelled:
        text = in_digits(text)
    if spelled or ordinals:
        text = _ORDINAL_WORD_RE.sub(
            lambda m: _ORDINALS[m.group(1).lower()] if spelled or m.group(1).lower() != "first" else m.group(0),
            text,
        )
    text = _ORDINAL_RE.sub(r"\1", text)
    return {_canonical(raw) for raw in _NUMBER_RE.findall(text)}


def figures_but_years(text: str) -> set[str]:
    return {f for f in figures(text) if not YEAR_RE.fullmatch(f)}


def rank_of(value: str) -> int | None:
    """The place a rank names, written in words or digits ("second", "5th"); None for anything else."""
    value = value.strip()
    if word := _ORDINAL_WORD_RE.fullmatch(value):
        return int(_ORDINALS[word.group(1).lower()][:-2])
    return int(digits.group(1)) if (digits := _ORDINAL_RE.fullmatch(value)) else None


def cardinal_figures(text: str) -> set[str]:
    """The figures a text states as amounts, digits or words, not as ranks: "four companies"
    gives 4; "ranked fifth" and "the 2nd largest" give nothing."""
    return figures(in_digits(_ORDINAL_RE.sub(" ", _ORDINAL_WORD_RE.sub(" ", text))))


def _canonical(raw: str) -> str:
    value = raw.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".") if "%" not in value else value
    return value


def figure_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, figure) for each figure written in digits, in the form ``figures`` gives."""
    return [(m.start(), m.end(), _canonical(m.group(0))) for m in _NUMBER_RE.finditer(text)]


def figure_value(fig: str) -> float:
    return float(fig.rstrip("%"))


# Sentence boundaries: end punctuation, space, then something that starts a sentence.
# The closing quotes and brackets after the end punctuation stay with the sentence.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?。！？])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff])|(?<=[。！？])")
_NO_BREAK_AFTER = frozenset(
    "mr mrs ms dr prof st no vs e.g i.e etc approx fig figs sec art dept jan feb mar apr jun jul aug sep "
    "sept oct nov dec u.s u.k inc co corp".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (trimmed, never empty).

    A line break also ends a sentence: inside a chunk only list items and
    "Key: value" lines keep theirs.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + s, offset + e) for s, e in _line_sentence_spans(line))
        offset += len(line) + 1
    return spans


def _line_sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        head = text[start : match.start()].rstrip()
        last_word = head.rsplit(None, 1)[-1].rstrip(".").lower() if head.split() else ""
        # "Dr. Smith", "e.g. X", initials ("J. Smith") and company names ("Foo Inc. China",
        # "Foo Co. Ltd.") do not end a sentence; "Ltd." ends a name, so it may end one.
        if last_word in _NO_BREAK_AFTER or (len(last_word) == 1 and last_word.isalpha()):
            continue
        spans.append((start, match.start() + len(match.group(1) or "")))
        start = match.end()
    spans.append((start, len(text)))
    return [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip())))
        for s, e in spans
        if text[s:e].strip()
    ]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


# A sentence opening like this leans on the one before it ("In 2023, the company's ...").
_LEANS_ON_PREVIOUS_RE = re.compile(
    r"^(?:\W*\w+\W+){0,3}?(?:the company|the companies|the firm|the group|the drug|the project|"
    r"this|these|those|it|its|they|their|such(?! as\b)|among (?:them|these)|of these)\b",
    re.IGNORECASE,
)


def leans_on_previous(sentence: str) -> bool:
    """Whether a sentence needs the one before it to say who or what it is about."""
    return bool(_LEANS_ON_PREVIOUS_RE.match(sentence))


# A sentence like this announces what the next one says: "Raw water came from three
# sources.", "The budget funds the following projects:". A count of things at its end
# with nothing named after it (not the last item of a list: "... and six inspectors."), or a colon.
_FEW = [w for w, d in _CARDINALS.items() if 1 < int(d) <= 12]
_ANNOUNCES_NEXT_RE = re.compile(
    rf"(?:(?<!\band )(?<!, )\b(?:[2-9]|1[0-2]|{'|'.join(_FEW)})(?:\s+[\w-]+){{0,2}}\s+"
    r"(?!(?:years|months|weeks|days|hours|minutes|seconds|points|times|percent)\b)[\w-]+s\s*[.:]|"
    r"\bas follows\s*[.:]|:)\W*$",
    re.IGNORECASE,
)


def announces_next(sentence: str) -> bool:
    """Whether a sentence only announces what the one after it says (which things, how)."""
    return bool(_ANNOUNCES_NEXT_RE.search(sentence))


def count_tokens(text: str) -> int:
    """A cheap, model-free length measure: words and punctuation marks."""
    return len(re.findall(r"\w+|[^\w\s]", text))


def slugify(name: str) -> str:
    slug = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", slug).strip("-").lower()
    return slug or "document"


YEAR_RE = re.compile(r"(?:19|20)\d\d")
# A year standing as a word in a text: "in 2023", not the "2023" of "20235".
YEAR_WORD_RE = re.compile(rf"\b{YEAR_RE.pattern}\b")
# "A and B grew 1% and 2%, respectively": names and figures paired by position.
RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.IGNORECASE)

# Between the items of an enumeration: "A, B and C", "A, B, and C", "A or B". Not inside a
# company's name: "Equipment Co., Ltd., and Tieke" lists two.
LIST_SEPARATOR = r"(?:\s?,\s(?!(?:Ltd|Inc|LLC|Corp|plc|PLC)\b)(?:and\s)?|\s(?:and|or)\s)"
_LIST_SPLIT_RE = re.compile(f"({LIST_SEPARATOR})")


def split_list(text: str) -> list[str]:
    """Items and separators, alternating: "A, B and C" -> ["A", ", ", "B", " and ", "C"]."""
    return _LIST_SPLIT_RE.split(text)


T = TypeVar("T", bound=Hashable)


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital, the rest as it was."""
    return text[:1].upper() + text[1:]


def dedupe(items: Iterable[T]) -> list[T]:
    """Items in first-seen order, each once."""
    return list(dict.fromkeys(items))


_ROMAN_HEADING_RE = re.compile(r"^(?=[IVXLC]+\.)[IVXLC]+\.\s+\S")
_NUMBERED_HEADING_RE = re.compile(r"^(\d+)((?:\.\d+)*)\.?\s+(?![a-z])[^\W\d_]")
_NAMED_HEADING_RE = re.compile(r"^(?:chapter|section|part|article)\s+(\d+|[IVXLC]+)\b", re.IGNORECASE)


# An outline number before a heading's words: "7. ", "3.1 ", "IV. " (not "2023 Highlights").
_OUTLINE_NUMBER_RE = re.compile(r"(?:(?<=^)|(?<= › ))(?:[IVXLC]+\.|\d+\.(?:\d+\.?)*)\s+(?=\S)")


def without_outline_numbers(title: str) -> str:
    """A section title (or path "4. Measurements › 4.2 Calibration") without its outline
    numbers, which number the document's parts and are no figure of what they say."""
    return _OUTLINE_NUMBER_RE.sub("", title)


# A question's pointer to a part of a document: "Section V", "section 4.2", "Part II", "chapter 3".
_SECTION_REFERENCE_RE = re.compile(r"\b(?:section|part|chapter)\s+([IVXLC]+|\d+(?:\.\d+)*)\b", re.IGNORECASE)


def outline_numbers(title: str) -> set[str]:
    """The outline numbers a section title (or path) carries: "V. Practicing ..." {"V"},
    "4. Measurements › 4.2 Calibration" {"4", "4.2"}, "Section 3 Pricing" {"3"}."""
    numbers = {m.group(0).strip().rstrip(".") for m in _OUTLINE_NUMBER_RE.finditer(title)}
    numbers |= {m.group(1) for part in title.split(" › ") if (m := _NAMED_HEADING_RE.match(part))}
    return {n.upper() for n in numbers}


def without_section_references(text: str, titles: Iterable[str]) -> str:
    """``text`` without its pointers to sections among ``titles`` ("Section V says ..." of a
    passage from "V. Practicing ..."): where a passage stands, not a word it must write.
    A pointer to a section not among them stays, to be found missing."""
    have = set().union(*(outline_numbers(t) for t in titles))
    return " ".join(_SECTION_REFERENCE_RE.sub(lambda m: "" if m.group(1).upper() in have else m.group(0), text).split())


def numbered_heading(line: str) -> int:
    """The level of a numbered heading line ("II. Revenues" 1, "3.1 Charging" 2), else 0.

    Only the numbering is looked at; whether the line is short and unpunctuated
    enough to be a heading is the caller's call.
    """
    if _ROMAN_HEADING_RE.match(line) or _NAMED_HEADING_RE.match(line):
        return 1
    match = _NUMBERED_HEADING_RE.match(line)
    if not match:
        return 0
    depth = match.group(2).count(".")
    # "2023 saw..." is not a heading: a lone number needs its dot ("2. Safety").
    if depth == 0 and not re.match(r"^\d+\.\s", line):
        return 0
    return 1 + depth


_KIND_WORD_RE = re.compile(r"[^\W\d_][\w&'’-]*")
_KIND_LOOKBACK = 20  # characters read back to tell a sentence's first word
# Words that size or date a thing rather than say which kind it is: "total revenue" is
# not another kind of revenue than "operating revenue".
_NOT_KINDS = frozenset(
    "total overall combined whole entire aggregate cumulative annual yearly quarterly monthly "
    "average mean median current latest new first last next previous prior".split()
)
_NOT_KIND_WORDS = STOPWORDS | _NOT_KINDS


def kind_pairs(text: str) -> list[tuple[str, str, str]]:
    """(modifier, head, "modifier head") for adjacent words with only a space between them,
    stemmed: "sales tax", "tax rate". Not stopwords, not words that only size or date, and
    not names ("Harbor Water District"): a word capitalised inside a sentence is a name."""

    def kind_word(match: re.Match[str]) -> str:
        word = match.group(0)
        before = text[max(0, match.start() - _KIND_LOOKBACK) : match.start()].rstrip()
        starts_sentence = not before or before[-1] in ".!?:"
        if not word.islower() and not (starts_sentence and word[1:].islower()):
            return ""
        found = tokens(word)
        return found[0] if found and found[0] not in _NOT_KIND_WORDS else ""

    words = [(m.start(), m.end(), kind_word(m)) for m in _KIND_WORD_RE.finditer(text)]
    return [
        (stem(a), stem(b), text[start_a:end_b])
        for (start_a, end_a, a), (start_b, end_b, b) in pairwise(words)
        if a and b and text[end_a:start_b].isspace()
    ]
