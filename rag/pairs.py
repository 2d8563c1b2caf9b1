"""Spell out "respectively" sentences as explicit pairs for the model.

"A, B and C reached 1%, 2% and 3%, respectively" leaves the reader to pair two
lists by position. The small model pairs them wrongly: a company gets its
neighbour's figure, a comparison names the wrong winner. So the prompt shows
such a sentence as written, followed by its pairs, "(i.e. A: 1%; B: 2%; C: 3%)".
Only the prompt changes; passages, citations and grounding use the original.

The pairing is found by shallow rules, not a parser; whenever the two lists
cannot be matched one to one with confidence, nothing is added.
"""

from __future__ import annotations

import re

from rag.text import LIST_SEPARATOR, RESPECTIVELY_RE, sentence_spans, split_list

_VALUE = (
    r"(?:(?:RMB|USD|US\$|EUR|GBP|[$€£¥])\s?)?\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent)?"
    r"(?:\s(?:thousand|million|billion|trillion))?"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
)
VALUE_LIST_RE = re.compile(rf"(?<![\w.])(?:{_VALUE})(?:{LIST_SEPARATOR}(?:{_VALUE}))+(?![\w.])", re.IGNORECASE)
_ITEM_SEPARATOR_RE = re.compile(LIST_SEPARATOR)
_WORD_RE = re.compile(r"\S+")
# An item list starts after one of these words...
_STARTS_AFTER = frozenset(
    "of as by for in on at with between among from to the a an such that which both including like".split()
)
# ...and its last item ends before a verb. Lower-case words ending in -ed count as verbs
# once the item has a word ("listed companies reported" keeps "listed companies").
_VERBS = frozenset(
    "has have had is are was were reach reached reaching rank ranked account accounted accounting grew grow "
    "rose rise rising fell fall increase increasing decrease decreasing represent representing total totalling "
    "totaling amount amounting saw see show showed shown achieve achieved record recorded post posted respectively "
    "with while".split()
)
_CORPORATE_SUFFIX_RE = re.compile(r"^(?:co|corp|inc|ltd|llc|plc|limited|gmbh|ag|sa)\.?,?$", re.IGNORECASE)
_MAX_ITEM_WORDS = 12
_MAX_OPENING_WORDS = 3


def spell_out_pairs(text: str) -> str:
    """``text`` with the pairs of each "respectively" sentence added after it."""
    out = []
    last = 0
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        pairs = respective_pairs(sentence)
        if pairs:
            out.append(text[last:end])
            out.append(" (i.e. " + "; ".join(f"{item}: {value}" for item, value in pairs) + ")")
            last = end
    out.append(text[last:])
    return "".join(out)


def respective_pairs(sentence: str) -> list[tuple[str, str]]:
    """(item, value) for each item of a "respectively" sentence, or [] if unsure."""
    said = RESPECTIVELY_RE.search(sentence)
    if not said:
        return []
    lists = list(VALUE_LIST_RE.finditer(sentence, 0, said.start()))
    if not lists:
        return []
    values_match = lists[-1]
    values = _split(values_match.group(0))
    items = _items(sentence[: values_match.start()], len(values))
    if not items:
        return []
    return list(zip(items, values, strict=True))


def _split(text: str) -> list[str]:
    return [part.strip() for part in split_list(text)[0::2] if part.strip()]


def _items(before: str, count: int) -> list[str]:
    """The ``count`` items of the enumeration that ends ``before``, or [] if unsure."""
    joints = [m for m in _ITEM_SEPARATOR_RE.finditer(before) if re.search(r"\b(?:and|or)\b", m.group(0))]
    if not joints:
        return []
    tail = _last_item(before[joints[-1].end() :])
    segments = _merge_suffixes(re.split(r",\s", before[: joints[-1].start()]))
    if not tail or len(segments) < count - 1:
        return []
    items = segments[len(segments) - (count - 1) :]
    earlier = segments[: len(segments) - (count - 1)]
    words = items[0].split()
    starts = [i for i, w in enumerate(words) if w.lower() in _STARTS_AFTER]
    if starts:
        items[0] = " ".join(words[starts[-1] + 1 :])
    elif earlier and not _is_opening(earlier):
        return []  # "A, B and C ... 1% and 2%": more items than values
    items.append(tail)
    if any(not item or len(item.split()) > _MAX_ITEM_WORDS for item in items):
        return []
    return items


def _merge_suffixes(segments: list[str]) -> list[str]:
    """Glue "Ltd." back to "Foo Co." after splitting "Foo Co., Ltd." at its comma."""
    merged: list[str] = []
    for segment in segments:
        if merged and _CORPORATE_SUFFIX_RE.match(segment.strip()):
            merged[-1] += ", " + segment.strip()
        else:
            merged.append(segment.strip())
    return merged


def _is_opening(earlier: list[str]) -> bool:
    """A short phrase opening the sentence ("Notably", "In 2023") is not a list item;
    "Sales of A" in "Sales of A, B and C" is."""
    words = earlier[0].lower().split() if len(earlier) == 1 else []
    return 0 < len(words) <= _MAX_OPENING_WORDS and not any(w in _STARTS_AFTER for w in words[1:])


def _last_item(text: str) -> str:
    """The words of ``text`` up to the verb that follows the last item."""
    words: list[str] = []
    for word in _WORD_RE.findall(text):
        bare = word.rstrip(",;:")
        if words and (bare in _VERBS or (bare.islower() and bare.endswith("ed"))):
            return " ".join(words)
        words.append(bare)
        if bare != word:
            return " ".join(words)
    return ""
