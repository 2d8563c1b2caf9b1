"""Stage 3c: Okapi BM25 over the chunks' terms (see rag.text.terms)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np


class BM25:
    def __init__(self, documents: list[list[str]], k1: float, b: float) -> None:
        self._k1 = k1
        self._b = b
        self._n = len(documents)
        self._lengths = np.array([len(d) for d in documents], dtype=np.float32)
        self._avg_length = float(self._lengths.mean()) if self._n else 0.0
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for row, doc in enumerate(documents):
            for term, tf in Counter(doc).items():
                self._postings[term].append((row, tf))

    @property
    def size(self) -> int:
        return self._n

    def document_frequency(self, term: str) -> int:
        return len(self._postings.get(term, ()))

    def idf(self, term: str) -> float:
        """Rarity of a term in the corpus; 0 for a term no chunk has."""
        df = self.document_frequency(term)
        if df == 0:
            return 0.0
        return math.log(1.0 + (self._n - df + 0.5) / (df + 0.5))

    def __contains__(self, term: str) -> bool:
        return term in self._postings

    def scores(self, query_terms: list[str] | dict[str, float]) -> np.ndarray:
        """Each chunk's score for the terms; a dict weighs each term (a synonym less)."""
        weights = query_terms if isinstance(query_terms, dict) else dict.fromkeys(query_terms, 1.0)
        scores = np.zeros(self._n, dtype=np.float32)
        if not self._n:
            return scores
        norm = self._k1 * (1.0 - self._b + self._b * self._lengths / max(self._avg_length, 1e-9))
        for term, weight in weights.items():
            postings = self._postings.get(term)
            if not postings:
                continue
            rows = np.fromiter((r for r, _ in postings), dtype=np.int64, count=len(postings))
            tf = np.fromiter((t for _, t in postings), dtype=np.float32, count=len(postings))
            scores[rows] += weight * self.idf(term) * tf * (self._k1 + 1.0) / (tf + norm[rows])
        return scores
