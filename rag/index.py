"""Stage 3: build, persist and load the searchable index of a corpus folder.

On disk (``index/``)::

    current              name of the live build, replaced atomically
    builds/<id>/         manifest.json, chunks.jsonl, chunks.faiss, sentences.npy
    .lock                held while a build writes

A build is written into a temporary folder and only then named and made
current, so a crash mid-build leaves the last good index in place. The manifest
records what the index was built from; any difference makes it stale.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.bm25 import BM25
from rag.chunk import chunk_document
from rag.config import Settings
from rag.embed import Embedder
from rag.errors import IndexCorruptError
from rag.files import atomic_write, file_lock, fsync_file
from rag.load import corpus_files, load_corpus
from rag.text import kind_pairs, sentence_spans, terms
from rag.types import Chunk
from rag.vectors import VectorIndex, build_vector_index, load_vector_index

log = logging.getLogger(__name__)

# Bump when the on-disk layout or the chunker's output changes.
FORMAT_VERSION = 6

# (fraction done, what is happening) -> None
Progress = Callable[[float, str], None]

_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")


@dataclass
class CorpusIndex:
    """Everything retrieval needs, in memory."""

    manifest: dict[str, Any]
    chunks: list[Chunk]
    vectors: VectorIndex
    # Sentence character spans inside each chunk's text, and their vectors;
    # chunk i owns rows sentence_offsets[i]:sentence_offsets[i + 1].
    sentence_spans: list[list[tuple[int, int]]]
    sentence_vectors: np.ndarray
    sentence_offsets: np.ndarray
    bm25: BM25

    @property
    def build_id(self) -> str:
        return str(self.manifest["build_id"])

    @functools.cached_property
    def document_term_counts(self) -> dict[str, tuple[int, Counter[str]]]:
        """Per document: its number of chunks, and in how many of them each term occurs."""
        counts: dict[str, tuple[int, Counter[str]]] = {}
        for chunk in self.chunks:
            size, counter = counts.get(chunk.doc_id, (0, Counter()))
            counter.update(set(terms(chunk.indexed_text)))
            counts[chunk.doc_id] = (size + 1, counter)
        return counts

    @functools.cached_property
    def words(self) -> Counter[str]:
        """The documents' lower-case words, titles too, and how often each occurs."""
        return Counter(w for c in self.chunks for w in re.findall(r"[a-z]+", c.indexed_text.lower()))

    @functools.cached_property
    def document_kinds(self) -> dict[str, frozenset[tuple[str, str]]]:
        """Per document: the kinds of things it names, stemmed ("sales tax", "biopharmaceutical companies")."""
        kinds: dict[str, set[tuple[str, str]]] = {}
        for chunk in self.chunks:
            kinds.setdefault(chunk.doc_id, set()).update((m, h) for m, h, _ in kind_pairs(chunk.text))
        return {doc_id: frozenset(found) for doc_id, found in kinds.items()}

    @functools.cached_property
    def document_title_terms(self) -> dict[str, frozenset[str]]:
        """Per document: the terms of its title, with the words its title's acronyms stand for
        where the document spells them out ("SSE" of "the Shanghai Stock Exchange (SSE)")."""
        found: dict[str, set[str]] = {}
        for chunk in self.chunks:
            title = found.setdefault(chunk.doc_id, set(terms(chunk.document)))
            for acronym in _ACRONYM_RE.findall(chunk.document):
                for spelled in re.finditer(rf"((?:[A-Z][\w-]*\s+){{{len(acronym)}}})\({acronym}\)", chunk.text):
                    words = spelled.group(1).split()
                    if "".join(w[0] for w in words) == acronym:
                        title.update(terms(spelled.group(1)))
        return {doc_id: frozenset(found_terms) for doc_id, found_terms in found.items()}

    def sentence_rows(self, chunk_row: int) -> range:
        return range(int(self.sentence_offsets[chunk_row]), int(self.sentence_offsets[chunk_row + 1]))


def fingerprint(settings: Settings, embedder_id: str) -> dict[str, Any]:
    """What an index is built from. Two equal fingerprints give the same index."""
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus_files(settings.corpus_dir)}
    corpus_hash = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()
    return {
        "format_version": FORMAT_VERSION,
        "corpus_hash": corpus_hash,
        "files": files,
        "embed_model": embedder_id,
        "chunking": {
            "max_chunk_tokens": settings.max_chunk_tokens,
            "heading_max_chars": settings.heading_max_chars,
        },
    }


def stale_reason(manifest: dict[str, Any] | None, current: dict[str, Any]) -> str | None:
    """Why an index built as ``manifest`` no longer fits ``current``, or None if it does."""
    if manifest is None:
        return "no index has been built yet"
    for key, what in (
        ("format_version", "the index format changed"),
        ("embed_model", "the embedding model changed"),
        ("chunking", "the chunking settings changed"),
        ("corpus_hash", "the documents changed"),
    ):
        if manifest.get(key) != current[key]:
            return what
    return None


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    """The live build's manifest; None if there is none or it is unreadable."""
    try:
        build = _current_build(index_dir)
        return json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def build_index(
    settings: Settings,
    embedder: Embedder,
    progress: Progress | None = None,
) -> CorpusIndex:
    """Load, chunk and embed the corpus, write it atomically and make it current."""
    report = progress or (lambda fraction, message: None)
    started = time.perf_counter()
    current = fingerprint(settings, embedder.model_id)
    report(0.0, "reading documents")
    documents, errors = load_corpus(settings.corpus_dir, settings.max_file_bytes)
    chunks = [
        c for doc in documents for c in chunk_document(doc, settings.max_chunk_tokens, settings.heading_max_chars)
    ]
    spans = [sentence_spans(c.text) for c in chunks]
    sentence_texts = [c.text[s:e] for c, sp in zip(chunks, spans, strict=True) for s, e in sp]
    chunk_vectors = _embed_batches(
        embedder, [c.indexed_text for c in chunks], settings.embed_batch_size, report, 0.05, 0.45, "chunks"
    )
    sentence_vectors = _embed_batches(
        embedder, sentence_texts, settings.embed_batch_size, report, 0.45, 0.95, "sentences"
    )
    manifest = {
        **current,
        "build_id": f"{time.strftime('%Y%m%dT%H%M%S')}-{current['corpus_hash'][:8]}",
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "documents": [
            {
                "doc_id": d.doc_id,
                "title": d.title,
                "source": d.source,
                "sections": list(dict.fromkeys(c.section for c in chunks if c.doc_id == d.doc_id)),
                "chunks": sum(1 for c in chunks if c.doc_id == d.doc_id),
            }
            for d in documents
        ],
        "load_errors": [asdict(e) for e in errors],
        "counts": {"documents": len(documents), "chunks": len(chunks), "sentences": len(sentence_texts)},
    }
    report(0.95, "writing index")
    index = CorpusIndex(
        manifest=manifest,
        chunks=chunks,
        vectors=build_vector_index(chunk_vectors),
        sentence_spans=spans,
        sentence_vectors=sentence_vectors,
        sentence_offsets=np.cumsum([0] + [len(sp) for sp in spans]),
        bm25=_bm25(chunks, settings),
    )
    _write(settings.index_dir, index)
    log.info("index built in %.2f s", time.perf_counter() - started)
    report(1.0, f"indexed {len(documents)} documents, {len(chunks)} chunks")
    return index


def load_index(settings: Settings) -> CorpusIndex:
    """The live build from disk. Raises IndexCorruptError if any part is unreadable."""
    build = _current_build(settings.index_dir)
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexCorruptError(
                f"index at {build} has format {manifest.get('format_version')}, expected {FORMAT_VERSION}"
            )
        rows = [json.loads(line) for line in (build / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
        chunks = [Chunk(**{k: r[k] for k in ("id", "doc_id", "document", "section", "text")}) for r in rows]
        spans = [[(int(s), int(e)) for s, e in r["sentences"]] for r in rows]
        vectors = load_vector_index(build / "chunks.faiss")
        sentence_vectors = np.load(build / "sentences.npy", allow_pickle=False)
    except IndexCorruptError:
        raise
    except Exception as exc:  # truncated JSON, bad FAISS file, missing file...: all mean "rebuild"
        raise IndexCorruptError(f"index at {build} is unreadable ({type(exc).__name__}: {exc})") from exc
    offsets = np.cumsum([0] + [len(sp) for sp in spans])
    if len(chunks) != manifest["counts"]["chunks"] or len(sentence_vectors) != offsets[-1]:
        raise IndexCorruptError(f"index at {build} is incomplete: its parts disagree on their sizes")
    return CorpusIndex(manifest, chunks, vectors, spans, sentence_vectors, offsets, _bm25(chunks, settings))


def _bm25(chunks: list[Chunk], settings: Settings) -> BM25:
    return BM25([terms(c.indexed_text) for c in chunks], settings.bm25_k1, settings.bm25_b)


def _embed_batches(
    embedder: Embedder,
    texts: list[str],
    batch_size: int,
    report: Progress,
    start: float,
    end: float,
    what: str,
) -> np.ndarray:
    parts = []
    for i in range(0, len(texts), batch_size):
        parts.append(embedder.embed(texts[i : i + batch_size]))
        report(start + (end - start) * min(1.0, (i + batch_size) / len(texts)), f"embedding {what}")
    if parts:
        return np.vstack(parts).astype(np.float32)
    dim = embedder.embed(["dimension probe"]).shape[1]
    return np.zeros((0, dim), dtype=np.float32)


def _current_build(index_dir: Path) -> Path:
    name = (index_dir / "current").read_text(encoding="utf-8").strip()
    if not name or "/" in name or name.startswith("."):
        raise FileNotFoundError(f"{index_dir / 'current'} names no build")
    return index_dir / "builds" / name


def _write(index_dir: Path, index: CorpusIndex) -> None:
    builds = index_dir / "builds"
    with file_lock(index_dir / ".lock"):
        builds.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=builds))
        try:
            with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
                for chunk, spans in zip(index.chunks, index.sentence_spans, strict=True):
                    f.write(json.dumps({**asdict(chunk), "sentences": spans}, ensure_ascii=False) + "\n")
            index.vectors.save(tmp / "chunks.faiss")
            np.save(tmp / "sentences.npy", index.sentence_vectors, allow_pickle=False)
            (tmp / "manifest.json").write_text(json.dumps(index.manifest, indent=2, ensure_ascii=False))
            for path in tmp.iterdir():
                fsync_file(path)
            final = builds / index.build_id
            if final.exists():
                shutil.rmtree(final)
            os.replace(tmp, final)
            atomic_write(index_dir / "current", f"{index.build_id}\n".encode())
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        # Older builds go only once the new one is live; readers holding one
        # already have it in memory.
        for old in builds.iterdir():
            if old.name != index.build_id:
                shutil.rmtree(old, ignore_errors=True)
