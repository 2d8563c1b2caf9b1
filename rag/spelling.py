"""Stage 0: a question's misspelt words ("reseach", "compnies") written as the documents spell them.

A word typed wrong is found by no search, no check and no rule. A word is misspelt here only
when neither the documents nor English (the words the embedding model knows whole, and their
forms) has it. It is then written as the document word nearest to it, one slip away (two from
ten letters) and with the same first letter, the one the documents use most; or else, for a
long word, as a long English word one slip away ("diference"). Where still tied, and for
capitalised words (names), the word stays as typed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rag.text import stem

# Shorter words are too close to too many others to tell a slip from another word.
_MIN_LENGTH = 6
_TWO_SLIPS = 10  # from this length two slips are allowed ("shingles" is two from "single")
_LONG_WORD = 8  # English words this long are few enough to correct to
_WORD_RE = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_AGENT_RE = re.compile(r"(?:er|or)s?$")  # "checker", "inventors": who does what a known verb says


@dataclass(frozen=True)
class Speller:
    documents: Counter[str]  # the documents' lower-case words and how often they occur
    english: frozenset[str] = frozenset()
    _by_start: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _stems: set[str] = field(default_factory=set, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for word in sorted(set(self.documents) | self.english):
            self._stems.add(stem(word))
            if len(word) >= _MIN_LENGTH - 1:
                self._by_start.setdefault(word[0], []).append(word)

    @classmethod
    def of(cls, documents: Counter[str], vocabulary: Iterable[str] = ()) -> Speller:
        """From the documents' words and a model's vocabulary (its pieces of words left out)."""
        return cls(documents, frozenset(w for w in vocabulary if w.isalpha() and w.islower()))

    def known(self, word: str) -> bool:
        """Whether ``word`` is known, or a form of a known word: a word-piece vocabulary
        knows "invent" but not "inventing", "check" but not "checker"."""
        if word in self.documents or word in self.english or stem(word) in self._stems:
            return True
        root = _AGENT_RE.sub("", word)
        return root != word and (root in self._stems or f"{root}e" in self._stems)

    def corrected(self, question: str) -> str:
        """``question`` with each misspelt lower-case word written as its nearest known word."""
        return _WORD_RE.sub(lambda m: self._nearest(m.group(0)), question)

    def _nearest(self, word: str) -> str:
        if len(word) < _MIN_LENGTH or self.known(word):
            return word
        allowed = 2 if len(word) >= _TWO_SLIPS else 1
        near = [(d, o) for o in self._candidates(word, allowed) if (d := distance(word, o, allowed)) <= allowed]
        found = [(d, o) for d, o in near if o in self.documents]
        if not found and len(word) >= _LONG_WORD:
            # English alone knows too few rare words ("shingles" is not "singles"): a long word one slip away.
            found = [(d, o) for d, o in near if d == 1 and len(o) >= _LONG_WORD]
        if not found:
            return word
        best = min(d for d, _ in found)
        nearest = sorted((-self.documents[o], o) for d, o in found if d == best)
        if len(nearest) > 1 and nearest[0][0] == nearest[1][0]:
            return word
        return nearest[0][1]

    def _candidates(self, word: str, allowed: int) -> list[str]:
        return [o for o in self._by_start.get(word[0], ()) if abs(len(o) - len(word)) <= allowed]


def distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``; ``limit + 1``
    as soon as it must be more than ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
