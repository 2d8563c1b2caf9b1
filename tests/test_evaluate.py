import json
from pathlib import Path

import pytest

from rag.evaluate import DatasetError, QAItem, is_correct, load_dataset, run_eval, summarize, write_report
from rag.pipeline import Pipeline

from .fakes import ScriptedGenerator


def test_scorer_normalises_case_separators_and_space():
    item = QAItem("a", "number", "q", answers=("1,397.78 billion",))
    assert is_correct(item, "Revenue was RMB 1397.78  Billion [1].", refused=False)
    assert not is_correct(item, "Revenue was RMB 1397.78 billion [1].", refused=True)
    assert not is_correct(item, "Revenue was RMB 397.78 billion.", refused=False)


def test_scorer_all_of_needs_every_item():
    item = QAItem("b", "list", "q", all_of=("Jinko", "Trina"))
    assert is_correct(item, "Jinko Solar and Trina Solar [1].", refused=False)
    assert not is_correct(item, "Jinko Solar [1].", refused=False)


def test_scorer_no_answer_items_need_a_decline():
    item = QAItem("c", "unanswerable", "q")
    assert item.expects_decline
    assert is_correct(item, "The documents don't say.", refused=True)
    assert not is_correct(item, "It was 5% [1].", refused=False)


def test_dataset_loads_and_rejects_bad_lines(tmp_path):
    good = tmp_path / "qa.jsonl"
    good.write_text(
        '{"id": "1", "category": "number", "question": "q?", "answers": ["5"]}\n\n'
        '{"id": "2", "category": "list", "question": "r?", "all_of": ["a", "b"]}\n'
        '{"id": "3", "category": "unanswerable", "question": "s?", "answers": []}\n'
    )
    items = load_dataset(good)
    assert [i.id for i in items] == ["1", "2", "3"] and items[2].expects_decline
    for bad, message in [
        ("{not json", "line 1: not valid JSON"),
        ('{"question": "q"}', '"answers" or "all_of"'),
        ('{"question": "q", "answers": [1]}', "list of strings"),
        ('{"answers": []}', '"question" string'),
        (
            '{"id": "x", "question": "q", "answers": []}\n{"id": "x", "question": "q", "answers": []}',
            "duplicate",
        ),
        ("", "no questions"),
    ]:
        path = tmp_path / "bad.jsonl"
        path.write_text(bad)
        with pytest.raises(DatasetError, match=message):
            load_dataset(path)


def _rows():
    def row(**kw):
        base = {
            "category": "number",
            "refused": False,
            "citations": ["d#1"],
            "cited_with_gold": ["d#1"],
            "expects_decline": False,
            "gold_rank": 0,
            "gold_in_prompt": True,
            "latency_s": 1.0,
            "correct": True,
        }
        return {**base, **kw}

    return [
        row(),
        row(correct=False, gold_rank=4, gold_in_prompt=False, citations=["d#2"], cited_with_gold=[], latency_s=3.0),
        row(category="unanswerable", expects_decline=True, refused=True, citations=[], latency_s=0.5),
        row(category="unanswerable", expects_decline=True, correct=False, refused=False, citations=[]),
    ]


def test_summary_metrics():
    s = summarize([{**r, "id": str(i), "question": "q", "answer": "a"} for i, r in enumerate(_rows())])
    assert s["accuracy"] == 0.5
    assert s["answerable_accuracy"] == 0.5 and s["decline_accuracy"] == 0.5
    assert s["decline_precision"] == 1.0 and s["decline_recall"] == 0.5
    assert s["cited_share"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["citation_precision"] == 0.5
    assert s["retrieval_hit"] == {"@1": 0.5, "@3": 0.5, "@5": 1.0}
    assert s["gold_in_prompt"] == 0.5
    assert s["latency_s"]["p50"] == 1.0
    assert s["by_category"]["unanswerable"] == {"n": 2, "accuracy": 0.5}


def test_run_eval_writes_json_markdown_and_chart(settings, embedder, tmp_path):
    pipeline = Pipeline(settings, embedder=embedder, generator=ScriptedGenerator("It employed 312 people [1]."))
    items = [
        QAItem("p1", "count", "How many people did the company employ?", answers=("312",)),
        QAItem("u1", "unanswerable", "How many people did it employ in 2019?"),
        QAItem("p2", "count", "How many people did the company employ?", answers=("999",)),
    ]
    report = run_eval(pipeline, items)
    assert [r["correct"] for r in report["results"]] == [True, True, False]
    assert [r.get("gold_in_prompt") for r in report["results"]] == [True, None, False]
    first = report["results"][0]
    assert set(first) >= {
        "id",
        "category",
        "question",
        "answer",
        "refused",
        "citations",
        "retrieved",
        "latency_s",
        "correct",
    }
    assert first["citations"] == ["northwind#s2.p1"] and first["gold_rank"] == 0
    paths = write_report(report, tmp_path / "out" / "report.json")
    assert [p.suffix for p in paths] == [".json", ".md", ".png"]
    assert json.loads(paths[0].read_text())["summary"]["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert "| accuracy | 66.7% |" in paths[1].read_text()
    assert "| answerable questions whose prompt held the gold | 50.0% |" in paths[1].read_text()
    assert paths[2].read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    "dataset",
    [
        "qa.jsonl",
        "general/qa.jsonl",
        *(f"probe{n}.jsonl" for n in ("", 2, 3, 4, 5, 6, 7)),
    ],
)
def test_the_shipped_datasets_load_with_ids_unique(dataset):
    items = load_dataset(Path(__file__).parent.parent / "eval" / dataset)
    assert len({item.id for item in items}) == len(items) > 0
