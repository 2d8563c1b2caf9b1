import json
import os

import numpy as np
import pytest

from rag.errors import IndexCorruptError
from rag.index import FORMAT_VERSION, build_index, fingerprint, load_index, read_manifest, stale_reason
from rag.pipeline import Pipeline
from rag.text import stem


def test_build_then_load_round_trips(settings, embedder):
    built = build_index(settings, embedder)
    loaded = load_index(settings)
    assert [c.id for c in loaded.chunks] == [c.id for c in built.chunks]
    assert loaded.manifest["counts"] == {"documents": 1, "chunks": 4, "sentences": 6}
    assert np.allclose(loaded.sentence_vectors, built.sentence_vectors)
    assert loaded.manifest["documents"][0]["sections"] == ["", "I. Results", "II. People"]


def test_manifest_records_what_the_index_was_built_from(settings, embedder):
    build_index(settings, embedder)
    manifest = read_manifest(settings.index_dir)
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["embed_model"] == "hash-embedder"
    assert manifest["chunking"]["max_chunk_tokens"] == settings.max_chunk_tokens
    assert set(manifest["files"]) == {"northwind.md"}
    assert stale_reason(manifest, fingerprint(settings, embedder.model_id)) is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda s, c: (c / "northwind.md").write_text("# Changed\n\nNew text.\n"), "documents changed"),
        (lambda s, c: (c / "extra.txt").write_text("Another document.\n"), "documents changed"),
        (lambda s, c: (c / "northwind.md").unlink(), "documents changed"),
    ],
)
def test_index_goes_stale_when_the_corpus_changes(settings, embedder, corpus, change, reason):
    build_index(settings, embedder)
    change(settings, corpus)
    assert reason in stale_reason(read_manifest(settings.index_dir), fingerprint(settings, embedder.model_id))


def test_index_goes_stale_when_model_or_chunking_changes(settings, embedder):
    build_index(settings, embedder)
    manifest = read_manifest(settings.index_dir)
    assert "embedding model" in stale_reason(manifest, fingerprint(settings, "other-model"))
    rechunked = settings.replace(max_chunk_tokens=50)
    assert "chunking" in stale_reason(manifest, fingerprint(rechunked, embedder.model_id))
    assert "no index" in stale_reason(None, fingerprint(settings, embedder.model_id))


def test_a_crash_mid_build_leaves_the_last_good_index(settings, embedder, corpus, monkeypatch):
    build_index(settings, embedder)
    good = read_manifest(settings.index_dir)["build_id"]
    (corpus / "extra.md").write_text("# Extra\n\nMore text.\n")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "save", crash)
    with pytest.raises(OSError, match="disk full"):
        build_index(settings, embedder)
    assert read_manifest(settings.index_dir)["build_id"] == good
    assert [p.name for p in (settings.index_dir / "builds").iterdir()] == [good]  # no temp folder left
    assert load_index(settings).build_id == good


def test_old_builds_are_removed_after_a_new_one_goes_live(settings, embedder, corpus):
    build_index(settings, embedder)
    (corpus / "extra.md").write_text("# Extra\n\nMore text.\n")
    new = build_index(settings, embedder)
    assert [p.name for p in (settings.index_dir / "builds").iterdir()] == [new.build_id]


@pytest.mark.parametrize("damage", ["truncate_chunks", "delete_vectors", "garbage_manifest", "old_format"])
def test_corrupt_index_raises_a_clear_error(settings, embedder, damage):
    index = build_index(settings, embedder)
    build = settings.index_dir / "builds" / index.build_id
    if damage == "truncate_chunks":
        text = (build / "chunks.jsonl").read_text()
        (build / "chunks.jsonl").write_text(text[: len(text) // 2])
    elif damage == "delete_vectors":
        os.remove(build / "chunks.faiss")
    elif damage == "garbage_manifest":
        (build / "manifest.json").write_text("{not json")
    else:
        manifest = json.loads((build / "manifest.json").read_text())
        manifest["format_version"] = 0
        (build / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexCorruptError):
        load_index(settings)


def test_pipeline_rebuilds_a_corrupt_or_missing_index(settings, embedder):
    pipeline = Pipeline(settings, embedder=embedder)
    first = pipeline.ensure_index()
    (settings.index_dir / "builds" / first.build_id / "chunks.faiss").write_bytes(b"garbage")
    fresh = Pipeline(settings, embedder=embedder)
    assert len(fresh.ensure_index().chunks) == 4
    (settings.index_dir / "current").unlink()
    assert len(Pipeline(settings, embedder=embedder).ensure_index().chunks) == 4


def test_empty_corpus_builds_an_empty_index(settings, embedder, corpus):
    (corpus / "northwind.md").unlink()
    index = build_index(settings, embedder)
    assert index.chunks == [] and load_index(settings).chunks == []


def test_each_documents_kinds_of_things_are_listed(settings, embedder):
    kinds = build_index(settings, embedder).document_kinds
    assert set(kinds) == {"northwind"}
    assert {(stem("coffee"), stem("sales")), (stem("chief"), stem("executive"))} <= kinds["northwind"]
