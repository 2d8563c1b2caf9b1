"""Stage 4: find the passages for a question.

Chunks are ranked by a weighted fusion of BM25 and dense cosine scores, each
min-max scaled over the candidates (BM25 is strong on the document's own
words, the dense half on paraphrases). Inside each retrieved chunk only the
sentences closest to the question (and those giving the kind of answer it asks
for) are kept, within a token budget: prompt reading is most of the latency on a CPU.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from rag.asked import answer_kind, gives
from rag.config import Settings
from rag.embed import Embedder
from rag.index import CorpusIndex
from rag.text import announces_next, count_tokens, leans_on_previous, terms, with_synonyms
from rag.types import Passage


@dataclass(frozen=True)
class Retrieval:
    passages: list[Passage]
    ranked_ids: list[str]  # every candidate chunk id, best first (for hit@k)
    query_vector: np.ndarray

    def reordered(self) -> Retrieval:
        """The same passages, last first and renumbered: a second reading for a model
        that leans on passage [1]."""
        passages = [replace(p, n=n) for n, p in enumerate(reversed(self.passages), start=1)]
        return Retrieval(passages, self.ranked_ids, self.query_vector)


def retrieve(index: CorpusIndex, embedder: Embedder, question: str, settings: Settings) -> Retrieval:
    if not index.chunks:
        return Retrieval([], [], np.zeros(0, dtype=np.float32))
    query_terms = with_synonyms(terms(question), settings.synonym_weight, index.bm25.idf)
    query_vector = embedder.embed([question], query=True)[0]
    bm25 = index.bm25.scores(query_terms)
    nearest = dict(index.vectors.search(query_vector, settings.candidates))
    rows = np.array(sorted(set(np.argsort(-bm25)[: settings.candidates].tolist()) | set(nearest)))
    # A lexical candidate outside the dense top-N gets the lowest dense score seen.
    floor = min(nearest.values(), default=0.0)
    dense = np.array([nearest.get(int(r), floor) for r in rows], dtype=np.float32)
    fused = settings.bm25_weight * _minmax(bm25[rows]) + settings.dense_weight * _minmax(dense)
    order = np.argsort(-fused, kind="stable")
    ranked = [(int(rows[i]), float(fused[i])) for i in order]
    best = ranked[0][1]
    chosen = [(row, score) for row, score in ranked[: settings.top_k] if score >= settings.min_relative_score * best]
    budget = _sentence_budget(index, chosen, query_terms, query_vector, answer_kind(question), settings)
    passages = [
        Passage(n=n, chunk=index.chunks[row], score=score, sentences=budget[row])
        for n, (row, score) in enumerate(chosen, start=1)
    ]
    return Retrieval(passages, [index.chunks[row].id for row, _ in ranked], query_vector)


def _minmax(values: np.ndarray) -> np.ndarray:
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-9:
        return np.zeros_like(values) if high <= 0 else np.ones_like(values)
    return (values - low) / (high - low)


def _sentence_budget(
    index: CorpusIndex,
    chosen: list[tuple[int, float]],
    query_terms: dict[str, float],
    query_vector: np.ndarray,
    kind: str,
    settings: Settings,
) -> dict[int, tuple[str, ...]]:
    """Pick the best sentences of the chosen chunks until the token budget is spent.

    Every chunk keeps at least its best sentence; sentences keep document order.
    A sentence that gives the ``kind`` of answer asked for (see rag.asked) gains a bonus.
    """
    weights = {t: w * index.bm25.idf(t) for t, w in query_terms.items()}
    total_weight = sum(weights.values()) or 1.0
    scored: list[tuple[float, int, int]] = []  # (score, chunk row, sentence position)
    texts: dict[int, list[str]] = {}
    line_ends: dict[int, list[bool]] = {}
    for row, chunk_score in chosen:
        chunk = index.chunks[row]
        spans = index.sentence_spans[row]
        texts[row] = [chunk.text[s:e] for s, e in spans]
        line_ends[row] = [chunk.text[e : e + 1] == "\n" for _, e in spans]
        sentence_rows = index.sentence_rows(row)
        dense = index.sentence_vectors[sentence_rows.start : sentence_rows.stop] @ query_vector
        for pos, text in enumerate(texts[row]):
            present = set(terms(text))
            closeness = float(dense[pos])
            # "This initiative secured RMB 1.34 billion" is about what the sentence before
            # names: it is as close to the question as the two read together.
            if pos > 0 and leans_on_previous(text):
                present |= set(terms(texts[row][pos - 1]))
                closeness = max(closeness, float(dense[pos - 1]))
            lexical = sum(w for t, w in weights.items() if t in present) / total_weight
            w = settings.sentence_dense_weight
            score = (1 - w) * lexical + w * closeness + (settings.answer_kind_bonus if gives(kind, text) else 0.0)
            # Sentences of better chunks come first at equal closeness.
            scored.append((score * (0.5 + 0.5 * chunk_score), row, pos))
    picked: dict[int, set[int]] = {row: set() for row, _ in chosen}
    spent = 0
    for _, row, pos in sorted(scored, reverse=True):
        cost = count_tokens(texts[row][pos])
        first_of_chunk = not picked[row]
        if not first_of_chunk and spent + cost > settings.context_tokens:
            continue
        picked[row].add(pos)
        spent += cost
        for other in _needed_by(texts[row], pos, line_ends[row], settings.context_tokens):
            if other not in picked[row]:
                picked[row].add(other)
                spent += count_tokens(texts[row][other])
    return {row: tuple(texts[row][p] for p in sorted(picked[row])) for row in picked}


def _needed_by(sentences: list[str], pos: int, line_ends: list[bool], list_tokens: int) -> list[int]:
    """The sentences the one at ``pos`` cannot be read without: the one an anaphoric opening
    refers back to, the one that names what it announces ("came from three sources."),
    and for a list announced by a line ending in a colon, that line and every item (up to
    ``list_tokens``): "which is the second largest?" needs them all."""
    needed = []
    if pos > 0 and leans_on_previous(sentences[pos]):
        needed.append(pos - 1)
    opener = next((i for i in range(pos, -1, -1) if sentences[i].endswith(":") and line_ends[i]), None)
    if opener is not None and sum(count_tokens(s) for s in sentences[opener:]) <= list_tokens:
        needed.extend(range(opener, len(sentences)))
    elif pos + 1 < len(sentences) and announces_next(sentences[pos]):
        needed.append(pos + 1)
    return needed
