"""Stage 3a: turn texts into unit-length vectors (the Embedder protocol)."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from rag.config import Settings


class Embedder(Protocol):
    # Recorded in the index manifest: vectors from another model make the index stale.
    model_id: str

    def embed(self, texts: list[str], query: bool = False) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text. ``query`` marks the latency path."""
        ...

    def vocabulary(self) -> frozenset[str]:
        """The words the model knows whole (for telling a misspelt word); empty if it cannot tell."""
        ...


def load_embedder(settings: Settings) -> Embedder:
    if settings.embedder == "sentence-transformers":
        from rag.backends.st_embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(settings)
    raise ValueError(f"unknown embedder {settings.embedder!r}; known: sentence-transformers")
