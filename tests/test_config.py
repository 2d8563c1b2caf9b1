from pathlib import Path

import pytest

from rag.config import Settings


def test_defaults_then_environment_then_overrides(monkeypatch):
    monkeypatch.setenv("RAG_TOP_K", "7")
    monkeypatch.setenv("RAG_BM25_WEIGHT", "0.5")
    monkeypatch.setenv("RAG_INDEX_DIR", "/tmp/elsewhere")
    monkeypatch.setenv("RAG_GENERATOR", "openai")
    settings = Settings.from_env(bm25_weight=0.9)
    assert settings.top_k == 7
    assert settings.bm25_weight == 0.9
    assert settings.index_dir == Path("/tmp/elsewhere")
    assert settings.generator == "openai"
    assert Settings().top_k == Settings.__dataclass_fields__["top_k"].default


def test_a_bad_environment_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("RAG_TOP_K", "many")
    with pytest.raises(ValueError, match="RAG_TOP_K"):
        Settings.from_env()


def test_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Settings().cache_dir == tmp_path / "rag"
