"""Stage 3b: nearest-neighbour search over chunk vectors (the VectorIndex protocol)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np


class VectorIndex(Protocol):
    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(row, cosine similarity) of the ``k`` nearest rows, best first."""
        ...

    def save(self, path: Path) -> None: ...


def build_vector_index(vectors: np.ndarray) -> VectorIndex:
    from rag.backends.faiss_index import FaissIndex

    return FaissIndex.build(vectors)


def load_vector_index(path: Path) -> VectorIndex:
    from rag.backends.faiss_index import FaissIndex

    return FaissIndex.load(path)
