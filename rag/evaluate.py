"""Batch evaluation: run a Q/A dataset through the Pipeline, score it, write reports.

Dataset: JSON lines ``{"id", "category", "question", "answers": [...]}`` (any one
gold string suffices) or ``"all_of": [...]`` (every one is needed); an empty
``answers`` means the right response is to decline.

An answer is correct if it is not a decline and contains a gold string after
case, thousands separators and whitespace are normalised; a no-answer question
is correct if declined.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.errors import RagError
from rag.pipeline import Pipeline
from rag.text import normalize_for_match
from rag.types import Answer


class DatasetError(RagError, ValueError):
    """A dataset line that does not have the expected shape."""


@dataclass(frozen=True)
class QAItem:
    id: str
    category: str
    question: str
    answers: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()

    @property
    def expects_decline(self) -> bool:
        return not self.answers and not self.all_of

    @property
    def gold(self) -> tuple[str, ...]:
        return self.all_of or self.answers


def load_dataset(path: Path) -> list[QAItem]:
    items: list[QAItem] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            raise DatasetError(f'{where}: needs an object with a "question" string')
        gold = {k: row.get(k) for k in ("answers", "all_of") if k in row}
        if not gold or any(not isinstance(v, list) or not all(isinstance(x, str) for x in v) for v in gold.values()):
            raise DatasetError(f'{where}: needs "answers" or "all_of" as a list of strings')
        item_id = str(row.get("id", f"q{number}"))
        if item_id in seen:
            raise DatasetError(f"{where}: duplicate id {item_id!r}")
        seen.add(item_id)
        items.append(
            QAItem(
                id=item_id,
                category=str(row.get("category", "uncategorised")),
                question=row["question"],
                answers=tuple(row.get("answers", ())),
                all_of=tuple(row.get("all_of", ())),
            )
        )
    if not items:
        raise DatasetError(f"{path.name}: no questions")
    return items


def is_correct(item: QAItem, text: str, refused: bool) -> bool:
    if item.expects_decline:
        return refused
    return not refused and _contains_gold(item, text)


def _contains_gold(item: QAItem, text: str) -> bool:
    found = normalize_for_match(text)
    gold = [normalize_for_match(g) for g in item.gold]
    return all(g in found for g in gold) if item.all_of else any(g in found for g in gold)


def _holds_gold(item: QAItem, chunk_text: str) -> bool:
    """Whether one chunk holds any gold item, for hit@k and citation precision: a list's
    items may stand in several chunks, so ``all_of`` is not asked of each one (the answer
    and the prompt as a whole are held to it, see _contains_gold)."""
    text = normalize_for_match(chunk_text)
    return any(normalize_for_match(g) in text for g in item.gold)


def score(item: QAItem, answer: Answer | None, error: str, latency: float, chunks: dict[str, str]) -> dict[str, Any]:
    """One result row of the report."""
    refused = answer.refused if answer else False
    text = answer.text if answer else ""
    retrieved = answer.retrieved if answer else []
    row: dict[str, Any] = {
        "id": item.id,
        "category": item.category,
        "question": item.question,
        "answer": text,
        "refused": refused,
        "citations": [c.chunk_id for c in answer.citations] if answer else [],
        "retrieved": retrieved,
        "latency_s": round(latency, 3),
        "correct": answer is not None and is_correct(item, text, refused),
        "gold": list(item.gold),
        "expects_decline": item.expects_decline,
        "notes": answer.notes if answer else [],
        "draft": answer.draft if answer else "",
        "timings": answer.timings if answer else {},
    }
    if error:
        row["error"] = error
    if not item.expects_decline:
        hit_rank = next((i for i, cid in enumerate(retrieved) if _holds_gold(item, chunks.get(cid, ""))), None)
        row["gold_rank"] = hit_rank
        row["cited_with_gold"] = [cid for cid in row["citations"] if _holds_gold(item, chunks.get(cid, ""))]
        # Tells a retrieval miss from a misreading: the sentences the model was shown hold the answer.
        shown = "\n".join(f"{p.chunk.section}\n{p.shown_text}" for p in answer.passages) if answer else ""
        row["gold_in_prompt"] = _contains_gold(item, shown)
    return row


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def share(part: Iterable[bool]) -> float | None:
        values = list(part)
        return round(sum(values) / len(values), 4) if values else None

    answerable = [r for r in rows if not r["expects_decline"]]
    declinable = [r for r in rows if r["expects_decline"]]
    declined = [r for r in rows if r["refused"]]
    answered = [r for r in rows if not r["refused"] and "error" not in r]
    cited_pairs = [(r, c) for r in answered if not r["expects_decline"] for c in r["citations"]]
    latencies = sorted(r["latency_s"] for r in rows if "error" not in r)
    categories = sorted({r["category"] for r in rows})
    return {
        "questions": len(rows),
        "accuracy": share(r["correct"] for r in rows),
        "answerable_accuracy": share(r["correct"] for r in answerable),
        "decline_accuracy": share(r["correct"] for r in declinable),
        "decline_precision": share(r["expects_decline"] for r in declined),
        "decline_recall": share(r["refused"] for r in declinable),
        "cited_share": share(bool(r["citations"]) for r in answered),
        "citation_precision": share(c in r["cited_with_gold"] for r, c in cited_pairs),
        "retrieval_hit": {
            f"@{k}": share(r["gold_rank"] is not None and r["gold_rank"] < k for r in answerable) for k in (1, 3, 5)
        },
        "gold_in_prompt": share(r["gold_in_prompt"] for r in answerable),
        "latency_s": {
            "p50": round(_percentile(latencies, 50), 3) if latencies else None,
            "p95": round(_percentile(latencies, 95), 3) if latencies else None,
            "mean": round(statistics.fmean(latencies), 3) if latencies else None,
        },
        "errors": sum("error" in r for r in rows),
        "by_category": {
            c: {
                "n": sum(r["category"] == c for r in rows),
                "accuracy": share(r["correct"] for r in rows if r["category"] == c),
            }
            for c in categories
        },
    }


def _percentile(sorted_values: list[float], pct: float) -> float:
    if len(sorted_values) == 1:
        return sorted_values[0]
    rank = (len(sorted_values) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


def run_eval(
    pipeline: Pipeline,
    items: list[QAItem],
    on_result: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Every question through ``pipeline.ask``; a failing question is an error row, not a crash."""
    import time

    chunks = {c.id: f"{c.section}\n{c.text}" for c in pipeline.index.chunks}
    rows = []
    for item in items:
        started = time.perf_counter()
        answer, error = None, ""
        try:
            answer = pipeline.ask(item.question)
        except RagError as exc:
            error = str(exc)
        row = score(item, answer, error, time.perf_counter() - started, chunks)
        rows.append(row)
        if on_result:
            on_result(row)
    return {
        "summary": summarize(rows),
        "config": {
            "corpus_dir": str(pipeline.settings.corpus_dir),
            "index_build": pipeline.index.build_id,
            "settings": {k: str(v) for k, v in vars(pipeline.settings).items()},
        },
        "results": rows,
    }


def write_report(report: dict[str, Any], path: Path) -> list[Path]:
    """The JSON report, plus a Markdown summary and a PNG chart beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    markdown = path.with_suffix(".md")
    markdown.write_text(render_markdown(report), encoding="utf-8")
    chart = path.with_suffix(".png")
    _chart(report, chart)
    return [path, markdown, chart]


def render_markdown(report: dict[str, Any]) -> str:
    s = report["summary"]

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.1f}%"

    lines = [
        "# Evaluation report",
        "",
        f"{s['questions']} questions, corpus `{report['config']['corpus_dir']}`, "
        f"index build `{report['config']['index_build']}`.",
        "",
        "| metric | value |",
        "|---|---|",
        f"| accuracy | {pct(s['accuracy'])} |",
        f"| answerable correct | {pct(s['answerable_accuracy'])} |",
        f"| no-answer questions declined | {pct(s['decline_accuracy'])} |",
        f"| decline precision / recall | {pct(s['decline_precision'])} / {pct(s['decline_recall'])} |",
        f"| answers with a citation | {pct(s['cited_share'])} |",
        f"| citation precision | {pct(s['citation_precision'])} |",
        "| retrieval hit@1 / @3 / @5 | " + " / ".join(pct(s["retrieval_hit"][k]) for k in ("@1", "@3", "@5")) + " |",
        f"| answerable questions whose prompt held the gold | {pct(s['gold_in_prompt'])} |",
        f"| latency p50 / p95 | {s['latency_s']['p50']} s / {s['latency_s']['p95']} s |",
        f"| errors | {s['errors']} |",
        "",
        "## By category",
        "",
        "| category | n | accuracy |",
        "|---|---|---|",
        *(f"| {c} | {v['n']} | {pct(v['accuracy'])} |" for c, v in s["by_category"].items()),
        "",
        "## Wrong answers",
        "",
    ]
    wrong = [r for r in report["results"] if not r["correct"]]
    for r in wrong:
        gold = "decline" if r["expects_decline"] else " | ".join(r["gold"])
        lines.append(f"- **{r['id']}** ({r['category']}) {r['question']}  \n  expected: {gold}  \n  got: {r['answer']}")
    if not wrong:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def _chart(report: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    summary = report["summary"]
    categories = list(summary["by_category"])
    accuracy = [100 * (summary["by_category"][c]["accuracy"] or 0) for c in categories]
    latencies = [r["latency_s"] for r in report["results"] if "error" not in r]
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    left.barh(categories, accuracy, color="#3b6ea5")
    left.set_xlim(0, 100)
    left.set_xlabel("accuracy (%)")
    left.set_title("Accuracy per category")
    left.invert_yaxis()
    for y, value in enumerate(accuracy):
        left.text(min(value + 1, 92), y, f"{value:.0f}%", va="center")
    right.hist(latencies, bins=20, color="#6a9f58")
    right.set_xlabel("seconds per question")
    right.set_ylabel("questions")
    p50, p95 = summary["latency_s"]["p50"], summary["latency_s"]["p95"]
    right.set_title(f"Latency (p50 {p50} s, p95 {p95} s)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
