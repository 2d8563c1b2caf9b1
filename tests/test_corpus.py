import pytest

from rag.corpus import safe_name
from rag.errors import DocumentError
from rag.pipeline import Pipeline

from .fakes import ScriptedGenerator, make_pdf


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("report.md", "report.md"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\notes.TXT", "notes.txt"),
        ("..", "document"),
        ("a\x00b<script>.md", "ab_script.md"),
        ("  spaced name .pdf", "spaced name.pdf"),
        ("年报 2023.md", "年报 2023.md"),
        ("x" * 500 + ".md", "x" * 117 + ".md"),
    ],
)
def test_safe_name(given, expected):
    assert safe_name(given) == expected


@pytest.fixture
def pipeline(settings, embedder):
    return Pipeline(settings, embedder=embedder, generator=ScriptedGenerator("Kestrel meters run for 14 hours [1]."))


def test_an_uploaded_document_is_indexed_and_answerable(pipeline, corpus):
    pipeline.ensure_index()
    doc = pipeline.add_document("kestrel.md", b"# Kestrel Manual\n\n## Battery\n\nKestrel meters run for 14 hours.\n")
    assert doc["doc_id"] == "kestrel" and doc["sections"] == ["Battery"]
    assert (corpus / "kestrel.md").exists()
    answer = pipeline.ask("How long do Kestrel meters run?")
    assert not answer.refused and answer.citations[0].chunk_id == "kestrel#s1.p1"


def test_a_pdf_upload_works(pipeline):
    pipeline.ensure_index()
    doc = pipeline.add_document("spec.pdf", make_pdf(["Spec Sheet", "", "1. Battery", "It runs for 14 hours."]))
    assert doc["sections"] == ["1. Battery"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "no text"),
        ("image.png", b"\x89PNG", "unsupported"),
        ("fake.pdf", b"not a pdf", "not a PDF"),
        ("broken.pdf", b"%PDF-1.4 garbage", "broken or unreadable"),
        ("disguised.md", b"%PDF-1.4\n", "content is a PDF"),
        ("northwind.md", b"# Other\n\nText.\n", "already exists"),
        ("copy.md", None, "same content"),
        ("huge.md", b"x" * 2000, "limit"),
    ],
)
def test_bad_uploads_leave_corpus_and_index_untouched(pipeline, settings, corpus, name, data, message):
    pipeline = Pipeline(
        settings.replace(max_file_bytes=1000), embedder=pipeline.embedder, generator=ScriptedGenerator("x")
    )
    before = pipeline.ensure_index().build_id
    files = sorted(p.name for p in corpus.iterdir())
    data = (corpus / "northwind.md").read_bytes() if data is None else data
    with pytest.raises(DocumentError, match=message):
        pipeline.add_document(name, data)
    assert sorted(p.name for p in corpus.iterdir()) == files
    assert pipeline.index.build_id == before


def test_the_document_count_is_limited(settings, embedder, corpus):
    pipeline = Pipeline(settings.replace(max_documents=1), embedder=embedder, generator=ScriptedGenerator("x"))
    with pytest.raises(DocumentError, match="limit"):
        pipeline.add_document("more.md", b"# More\n\nText.\n")


def test_a_failed_rebuild_removes_the_upload(pipeline, corpus, monkeypatch):
    pipeline.ensure_index()

    def fail(progress=None):
        raise OSError("disk full")

    monkeypatch.setattr(pipeline, "rebuild", fail)
    with pytest.raises(OSError):
        pipeline.add_document("new.md", b"# New\n\nText.\n")
    assert not (corpus / "new.md").exists()


def test_remove_a_document(pipeline, corpus):
    pipeline.ensure_index()
    pipeline.add_document("kestrel.md", b"# Kestrel\n\nText about meters.\n")
    pipeline.remove_document("kestrel")
    assert not (corpus / "kestrel.md").exists()
    assert [d["doc_id"] for d in pipeline.documents()] == ["northwind"]
    with pytest.raises(DocumentError, match="no document"):
        pipeline.remove_document("kestrel")


def test_a_failed_removal_puts_the_file_back(pipeline, corpus, monkeypatch):
    pipeline.ensure_index()
    original = (corpus / "northwind.md").read_bytes()
    monkeypatch.setattr(pipeline, "rebuild", lambda progress=None: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        pipeline.remove_document("northwind")
    assert (corpus / "northwind.md").read_bytes() == original
