"""The facade: one object that the CLI, the web app and the evaluation call.

    pipeline = Pipeline(Settings.from_env())
    answer = pipeline.ask("What was total revenue in 2023?")
    for event in pipeline.stream("..."):  # str pieces of the draft, then the Answer
        ...

Stages (rag.load → chunk → index → retrieve → prompt/generate → ground) are
reached only through here. Backends can be injected for tests or other models.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Collection, Iterator
from typing import Any

from rag.asked import (
    asks_sum,
    beyond_documents,
    comparison,
    comparison_questions,
    difference_questions,
    plain_wording,
    side_label,
    sum_questions,
    without_claimed_figures,
    without_instructions,
)
from rag.config import Settings
from rag.corpus import check_upload
from rag.embed import Embedder, load_embedder
from rag.errors import DocumentError, IndexCorruptError, QuestionError
from rag.files import atomic_write
from rag.followup import standalone_question
from rag.generate import Generator, load_generator
from rag.ground import (
    Verdict,
    as_checked,
    check_answer,
    decline,
    missing_specifics,
    renumber_citations,
    strip_citations,
)
from rag.index import CorpusIndex, Progress, build_index, fingerprint, load_index, read_manifest, stale_reason
from rag.measure import difference, total, winner
from rag.prompt import (
    DECLINE_TOKEN,
    RETRY_MISSED,
    STOP,
    SYSTEM_PROMPT,
    build_messages,
    prefix_messages,
    retry_messages,
)
from rag.retrieve import Retrieval, retrieve
from rag.spelling import Speller
from rag.text import capitalised, clean, country_of, dedupe, figures_but_years, sentences, terms
from rag.types import Answer, Passage

log = logging.getLogger(__name__)

Event = str | Answer

# Retries that point out what the draft misread (a count, a "respectively" pair) correct a
# reading; they use up none of the retry budget, and each is tried once.
_POINTED_OUT = frozenset({"recount", "repair"})


class Pipeline:
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        generator: Generator | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._embedder = embedder
        self._generator = generator
        self._index: CorpusIndex | None = None
        self._load_lock = threading.Lock()
        self._corpus_lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, str], Answer] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._speller: tuple[str, Speller] | None = None  # (index build id, its speller)

    # --- backends, loaded on first use

    @property
    def embedder(self) -> Embedder:
        with self._load_lock:
            if self._embedder is None:
                self._embedder = load_embedder(self.settings)
            return self._embedder

    @property
    def generator(self) -> Generator:
        with self._load_lock:
            if self._generator is None:
                self._generator = load_generator(self.settings)
            return self._generator

    # --- the index

    def index_status(self) -> str | None:
        """Why the index on disk must be (re)built, or None if it is current."""
        current = fingerprint(self.settings, self.embedder.model_id)
        return stale_reason(read_manifest(self.settings.index_dir), current)

    def ensure_index(self, progress: Progress | None = None) -> CorpusIndex:
        """The current index: loaded from disk, or rebuilt if missing, stale or corrupt."""
        reason = self.index_status()
        if reason is None:
            if self._index is not None and self._index.manifest == read_manifest(self.settings.index_dir):
                return self._index
            try:
                self._index = load_index(self.settings)
                return self._index
            except (IndexCorruptError, FileNotFoundError) as exc:
                reason = str(exc)
        log.info("rebuilding the index: %s", reason)
        return self.rebuild(progress)

    def rebuild(self, progress: Progress | None = None) -> CorpusIndex:
        # Queries in flight keep the index object they started with.
        self._index = build_index(self.settings, self.embedder, progress)
        self._clear_cache()
        return self._index

    @property
    def index(self) -> CorpusIndex:
        if self._index is None:
            return self.ensure_index()
        return self._index

    def documents(self) -> list[dict[str, Any]]:
        """Each indexed document: doc_id, title, source file, sections, chunk count."""
        return list(self.index.manifest["documents"])

    def load_errors(self) -> list[dict[str, str]]:
        """Files in the corpus folder that could not be read, and why."""
        return list(self.index.manifest["load_errors"])

    def add_document(self, name: str, data: bytes, progress: Progress | None = None) -> dict[str, Any]:
        """Check an upload, add it to the corpus and index it; on any failure nothing changes."""
        with self._corpus_lock:
            s = self.settings
            filename, _ = check_upload(s.corpus_dir, name, data, s.max_file_bytes, s.max_documents)
            path = atomic_write(s.corpus_dir / filename, data)
            try:
                index = self.rebuild(progress)
            except BaseException:
                path.unlink(missing_ok=True)
                raise
            return next(d for d in index.manifest["documents"] if d["source"] == filename)

    def remove_document(self, doc_id: str, progress: Progress | None = None) -> None:
        """Delete a document from the corpus and the index; on failure it is put back."""
        with self._corpus_lock:
            doc = next((d for d in self.documents() if d["doc_id"] == doc_id), None)
            if doc is None:
                raise DocumentError(f"there is no document {doc_id!r}")
            path = self.settings.corpus_dir / doc["source"]
            data = path.read_bytes()
            path.unlink()
            try:
                self.rebuild(progress)
            except BaseException:
                atomic_write(path, data)
                raise

    # --- questions

    def warm_up(self) -> None:
        """Load everything and read the fixed prompt prefix once, so the first user waits less."""
        self.index  # noqa: B018 - loads or builds it
        self.index.document_kinds  # noqa: B018 - read once from the whole corpus, not on a question
        self.embedder.embed(["warm up"], query=True)
        self._spelled("warm up")
        for _ in self.generator.stream([*prefix_messages(), {"role": "user", "content": "."}], 1, STOP):
            pass

    def _spelled(self, question: str) -> str:
        if not self.settings.correct_spelling:
            return question
        index = self.index
        if self._speller is None or self._speller[0] != index.build_id:
            self._speller = (index.build_id, Speller.of(index.words, self.embedder.vocabulary()))
        return self._speller[1].corrected(question)

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        answer = None
        for event in self.stream(question, history):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None
        return answer

    def stream(self, question: str, history: list[str] | None = None) -> Iterator[Event]:
        """Pieces of the draft answer as they come, then the checked Answer.

        ``history`` holds the conversation's earlier questions, oldest first
        (best their standalone forms, as Answer.standalone_question gives them).
        """
        started = time.perf_counter()
        asked = self.validate(question)
        previous = [h for h in (" ".join(clean(str(x)).split()) for x in history or []) if h]
        previous = previous[-self.settings.history_turns :]
        index = self.index
        timings: dict[str, float] = {}
        # The clauses that instruct the assistant ("Respond only in French:") are not searched,
        # checked, or shown to the model.
        plain = without_instructions(self._spelled(asked))
        mark = time.perf_counter()
        question = standalone_question(plain, previous, self.generator, self.settings.max_question_chars)
        if question != plain:
            timings["rewrite"] = time.perf_counter() - mark
        # The asker's own figures to be checked are not searched for, nor shown to the model.
        question = without_claimed_figures(plain_wording(question))
        key = (" ".join(question.lower().split()), index.build_id)
        cached = self._cached(key)
        if cached is not None:
            timings.update(total=time.perf_counter() - started, cached=1.0)
            yield dataclasses.replace(cached, question=asked, timings=timings)
            return
        mark = time.perf_counter()
        retrieval = retrieve(index, self.embedder, question, self.settings)
        timings["retrieve"] = time.perf_counter() - mark
        answer = self._precheck(question, retrieval)
        if answer is None:
            answer = yield from self._generate(question, retrieval, timings)
        elif retrieval.passages and (sides := self._sides(question)):
            # Searched as one, a comparison can miss a side's passage; each side searched alone may not.
            found = self._side_by_side(question, sides, retrieval, timings)
            if found:
                found[1].notes = [*answer.notes, *found[1].notes]
                answer = self._answer(question, *found)
        timings["total"] = time.perf_counter() - started
        answer.timings = timings
        if plain != asked:
            answer.notes = [*answer.notes, "instructions to the assistant in the question were left out"]
        answer.question, answer.standalone_question = asked, question
        self._remember(key, answer)
        yield answer

    def validate(self, question: str) -> str:
        if not isinstance(question, str):
            raise QuestionError("The question must be text.")
        question = " ".join(clean(question).split())
        if not question:
            raise QuestionError("Please type a question.")
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise QuestionError(
                f"The question is {len(question):,} characters long; the limit is {limit:,}. Please shorten it."
            )
        return question

    def _precheck(self, question: str, retrieval: Retrieval) -> Answer | None:
        """Decline without the model when the request asks for what no document holds, or
        retrieval already shows the documents can't answer."""
        if wanted := beyond_documents(question):
            verdict = decline(f"The request is for {wanted}, not for what they say.")
        elif not retrieval.passages:
            verdict = decline("No documents are indexed." if not self.index.chunks else "Nothing relevant was found.")
        else:
            texts = "\n".join(f"{p.chunk.document}\n{p.chunk.section}\n{p.chunk.text}" for p in retrieval.passages)
            documents = {p.chunk.doc_id for p in retrieval.passages}
            asked = as_checked(question, (p.chunk.section for p in retrieval.passages))
            gaps = missing_specifics(
                asked,
                texts,
                background=lambda name: self._background(name, documents) or self._titled(name, documents),
            )
            if not gaps:
                return None
            verdict = decline(f"No passage mentions {', '.join(f'“{g}”' for g in gaps)}.")
        return Answer(
            question=question,
            text=verdict.text,
            refused=True,
            passages=retrieval.passages,
            notes=[*verdict.notes, "declined before generation"],
            retrieved=retrieval.ranked_ids,
        )

    def _generate(self, question: str, retrieval: Retrieval, timings: dict[str, float]) -> Iterator[Event]:
        mark = time.perf_counter()
        messages = build_messages(question, retrieval.passages, self.settings.prompt_title_words)
        timings["prompt"] = time.perf_counter() - mark
        draft = ""
        shown = 0
        mark = time.perf_counter()
        for piece in self.generator.stream(messages, self.settings.max_answer_tokens, STOP):
            if not draft:
                timings["first_token"] = time.perf_counter() - mark
            draft += piece
            # Hold back what may still turn out to be the decline token.
            if not DECLINE_TOKEN.startswith(draft.strip()):
                yield draft[shown:]
                shown = len(draft)
        timings["generate"] = time.perf_counter() - mark
        mark = time.perf_counter()
        verdict = self._check(question, draft, retrieval)
        timings["check"] = time.perf_counter() - mark
        tokens = dict(getattr(self.generator, "last_usage", {}))
        done: set[str] = set()
        budget = self.settings.answer_retries
        while budget > 0:
            # A misreading gets a note on the figures it misread, if the check found them,
            # then other readings: the passages reversed (the model leans on whatever comes
            # first), then also the question before them, the last. Each recovers other
            # questions; the same prompt twice would give the same draft.
            kind = verdict.retry
            if kind in _POINTED_OUT and kind in done:
                kind = "reorder"
            if kind == "reorder" and done & {"reorder", "question_first"}:
                kind = "question_first"
            if not kind or kind in done:
                break
            done.add(kind)
            if kind not in _POINTED_OUT:
                budget -= 1
            # Not streamed: the checked answer replaces what was shown of the first draft.
            mark = time.perf_counter()
            if kind == "reorder":
                again_from = retrieval.reordered()
                again = build_messages(question, again_from.passages, self.settings.prompt_title_words)
                notes = [*verdict.notes, "retried with the passages in reverse order"]
            elif kind == "question_first":
                again_from = retrieval
                again = build_messages(question, retrieval.passages, self.settings.prompt_title_words, True)
                notes = [*verdict.notes, "retried with the question also before the passages"]
            else:
                again_from = retrieval
                again = retry_messages(messages, draft, kind, verdict.hints)
                hints = verdict.hints
                if kind == "more":
                    missed = f"left out {'; '.join(hints)}"
                elif kind == "recount":
                    missed = f"gave figures that count other things: {'; '.join(hints)}"
                elif kind == "repair":
                    missed = f"mixed up the pairs: {'; '.join(hints)}"
                elif kind == "extreme":
                    missed = f"gave {hints[0]}, not the {hints[2]} figure"
                else:
                    missed = f"missed {RETRY_MISSED[kind]}"
                notes = [*verdict.notes, f"retried: the draft {missed}"]
            second = "".join(self.generator.stream(again, self.settings.max_answer_tokens, STOP))
            retried = self._check(question, second, again_from)
            timings["retry"] = timings.get("retry", 0.0) + time.perf_counter() - mark
            if retried.refused and not verdict.refused:
                # A comparison with one side is still an answer; a decline is not better.
                verdict.notes = [*notes, "the retry was declined: the first answer stands"]
                break
            messages, draft, verdict, retrieval = again, second, retried, again_from
            verdict.notes = [*notes, *verdict.notes]
        draft, verdict, retrieval = self._by_sides(question, draft, verdict, retrieval, timings)
        return self._answer(question, draft, verdict, retrieval, tokens)

    def _sides(self, question: str) -> tuple[tuple[str, str], str] | None:
        """The two plain questions a comparison, a difference or a sum splits into, and
        what is worked out of their figures: "difference", "sum" or "" (which is larger)."""
        gap = difference_questions(question)
        if asked := comparison_questions(question) or gap:
            return asked, "difference" if asked == gap else ""
        summed = sum_questions(question) if asks_sum(question) else None
        return (summed, "sum") if summed else None

    def _by_sides(
        self, question: str, draft: str, verdict: Verdict, retrieval: Retrieval, timings: dict[str, float]
    ) -> tuple[str, Verdict, Retrieval]:
        work = "difference" if difference_questions(question) else "sum" if asks_sum(question) else ""
        if work and not verdict.refused:
            worked_out = self._worked_out(question, verdict, work)
            if worked_out is not None:
                return draft, worked_out, retrieval
        # A difference or sum asked for but not given as two figures of one kind is asked side by side too.
        sides = self._sides(question) if verdict.refused or verdict.retry == "both" or work else None
        if sides:
            found = self._side_by_side(question, sides, retrieval, timings)
            if found is None:
                return draft, verdict, retrieval
            found[1].notes = [*verdict.notes, *found[1].notes]
            return found
        return draft, verdict, retrieval

    def _answer(
        self, question: str, draft: str, verdict: Verdict, retrieval: Retrieval, tokens: dict[str, int] | None = None
    ) -> Answer:
        return Answer(
            question=question,
            text=verdict.text,
            refused=verdict.refused,
            citations=verdict.citations,
            passages=retrieval.passages,
            notes=verdict.notes,
            draft=draft,
            retrieved=retrieval.ranked_ids,
            tokens=tokens or {},
        )

    def _side_by_side(
        self, question: str, sides: tuple[tuple[str, str], str], retrieval: Retrieval, timings: dict[str, float]
    ) -> tuple[str, Verdict, Retrieval] | None:
        """A comparison the model could not make, asked as two plain questions, one for each
        side, their checked answers then checked together against the comparison: the small
        model finds one figure far more often than two. When the difference or the sum was
        asked, it is worked out here, not by the model. None unless both hold up."""
        (first, second), work = sides
        mark = time.perf_counter()
        try:
            answers = []
            for side in (first, second):
                answer = self.ask(side)  # a plain question: no comparison to split again
                # It asks for a figure: a sentence without one ("Q1 commenced smoothly") strays.
                if answer.refused or not all(figures_but_years(strip_citations(s)) for s in sentences(answer.text)):
                    return None
                answers.append(answer)
        finally:
            timings["sides"] = timings.get("sides", 0.0) + time.perf_counter() - mark
        passages: list[Passage] = []
        drafts, labelled = [], []
        for side, answer in zip((first, second), answers, strict=True):
            numbers = {}
            for citation in answer.citations:
                held = next((p for p in passages if p.chunk.id == citation.chunk_id), None)
                if held is None:
                    given = next(p for p in answer.passages if p.chunk.id == citation.chunk_id)
                    held = dataclasses.replace(given, n=len(passages) + 1)
                    passages.append(held)
                numbers[citation.n] = held.n
            drafts.append(renumber_citations(answer.text, numbers))
            label = side_label(side, strip_citations(answer.text))
            labelled.append(f"{label}: {drafts[-1]}" if label else drafts[-1])
        both = Retrieval(passages, retrieval.ranked_ids, retrieval.query_vector)
        # Labelled if the labels hold up in the check, else as the sides answered; a
        # difference needs both figures kept.
        for draft in dict.fromkeys((" ".join(labelled), " ".join(drafts))):
            verdict = self._check(question, draft, both)
            if verdict.refused or verdict.retry == "both":
                continue
            worked_out = self._worked_out(question, verdict, work) if work else verdict
            # "Which grew faster, and by how many points?" wants the side it holds for too.
            if worked_out is not None and work != "sum":
                worked_out = self._with_winner(question, answers, worked_out)
            if worked_out is not None:
                verdict = worked_out
                break
        else:
            return None
        verdict.notes = [f"asked one side at a time: {first!r}, {second!r}", *verdict.notes]
        return draft, verdict, both

    def _with_winner(self, question: str, answers: list[Answer], verdict: Verdict) -> Verdict:
        """The answer to "which grew faster, A or B?" led by the side that did, worked out
        here from the two checked figures the sides' answers give: the sides alone leave the
        reader to compare them. As it was when the figures do not compare."""
        compared = comparison(question)
        said = [strip_citations(a.text) for a in answers]
        won = compared and compared.claims and winner(*said, compared.comparative, compared.rates)
        if not won:
            return verdict
        side, figure, other = won
        cited = ", ".join(str(n) for n in dedupe(c.n for c in verdict.citations))
        claim = compared.claims[side]
        return dataclasses.replace(
            verdict,
            text=f"{claim}: {figure} against {other} [{cited}]. {verdict.text}",
            notes=[*verdict.notes, "worked out which side the comparison holds for from the two figures"],
        )

    def _worked_out(self, question: str, verdict: Verdict, work: str) -> Verdict | None:
        """The answer to "what's the gap between A and B?" (or "what do A and B add up
        to?") with the difference (or the sum) of the two figures it gives worked out here,
        after them: the small model's own arithmetic is often wrong. The figures were
        checked; the arithmetic needs no passage of its own. None when the answer gives no
        such pair."""
        said = strip_citations(verdict.text)
        worked_out = difference(said, question) if work == "difference" else total(said)
        if not worked_out:
            return None
        cited = ", ".join(str(n) for n in dedupe(c.n for c in verdict.citations))
        return dataclasses.replace(
            verdict,
            text=f"{verdict.text} {capitalised(worked_out)} [{cited}].",
            notes=[*verdict.notes, f"worked out the {work} of the answer's figures"],
        )

    def _check(self, question: str, draft: str, retrieval: Retrieval) -> Verdict:
        return check_answer(
            question,
            draft,
            retrieval.passages,
            SYSTEM_PROMPT,
            self.settings.min_claim_support,
            self._background,
            self._kinds,
            self._titled,
        )

    def _background(self, name: str, documents: Collection[str]) -> bool:
        """A name in a fair share of a document's chunks ("China" in a report on China,
        "Fiscal Year" in a budget) is context there, not the subject of a question;
        in another document it is a subject. So is the people of such a country
        ("Chinese" where "China" is context)."""
        share = self.settings.background_name_share
        name_terms = terms(country_of(name) or name)
        counts = self.index.document_term_counts
        for size, counter in (counts[d] for d in documents if d in counts):
            floor = max(2, share * size)
            if name_terms and all(counter[t] >= floor for t in name_terms):
                return True
        return False

    def _titled(self, name: str, documents: Collection[str]) -> bool:
        """Whether a document's title names it, its acronyms spelled out ("Shanghai" where the
        title says "SSE", for the Shanghai Stock Exchange): a question naming it asks nothing
        more than the document is about. An answer's names are still checked where they stand."""
        name_terms = set(terms(name))
        titles = self.index.document_title_terms
        return bool(name_terms) and any(name_terms <= titles.get(d, frozenset()) for d in documents)

    def _kinds(self, documents: Collection[str]) -> set[tuple[str, str]]:
        kinds = self.index.document_kinds
        return {kind for d in documents for kind in kinds.get(d, ())}

    # --- answer cache: identical questions against the same index get the same answer

    def _cached(self, key: tuple[str, str]) -> Answer | None:
        with self._cache_lock:
            answer = self._cache.get(key)
            if answer is not None:
                self._cache.move_to_end(key)
            return answer

    def _remember(self, key: tuple[str, str], answer: Answer) -> None:
        if self.settings.answer_cache_size <= 0:
            return
        with self._cache_lock:
            self._cache[key] = answer
            while len(self._cache) > self.settings.answer_cache_size:
                self._cache.popitem(last=False)

    def _clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()
