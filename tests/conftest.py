"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.config import Settings

from .fakes import SAMPLE_MD, HashEmbedder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "northwind.md").write_text(SAMPLE_MD, encoding="utf-8")
    return folder


@pytest.fixture
def settings(tmp_path: Path, corpus: Path) -> Settings:
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")


@pytest.fixture
def embedder() -> HashEmbedder:
    return HashEmbedder()
