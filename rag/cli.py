"""Command line: ``rag index | ask | eval | serve | prepare``. Each has ``--help``."""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from rag.config import Settings
from rag.errors import RagError
from rag.pipeline import Pipeline


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return int(args.run(args) or 0)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rag", description="Grounded, cited answers from your documents.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    index = commands.add_parser("index", help="build the index of a corpus folder (if missing or stale)")
    _corpus_options(index)
    index.add_argument("--force", action="store_true", help="rebuild even if the index is current")
    index.set_defaults(run=_index)

    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the whole answer as JSON")
    _corpus_options(ask)
    ask.set_defaults(run=_ask)

    evaluate = commands.add_parser("eval", help="run a Q/A dataset and write a scored report")
    evaluate.add_argument("--dataset", type=Path, default=Path("eval/qa.jsonl"), help="JSON lines Q/A file")
    evaluate.add_argument("--report", type=Path, default=Path("eval/report.json"), help="where the JSON report goes")
    evaluate.add_argument("--limit", type=int, default=0, help="only the first N questions")
    _corpus_options(evaluate)
    evaluate.set_defaults(run=_eval)

    serve = commands.add_parser("serve", help="start the web app (app.py)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    _corpus_options(serve)
    serve.set_defaults(run=_serve)

    prepare = commands.add_parser("prepare", help="assemble and verify the model, build the index if needed")
    _corpus_options(prepare)
    prepare.set_defaults(run=_prepare)
    return parser


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, help="documents folder (default: corpus/)")
    parser.add_argument("--index", type=Path, help="index folder (default: index/, or one per other corpus)")


def settings_for(corpus: Path | None, index: Path | None) -> Settings:
    """Settings for a corpus; another corpus gets its own index so the default one is untouched."""
    settings = Settings.from_env()
    if corpus is not None:
        settings = settings.replace(corpus_dir=corpus)
        if index is None:
            resolved = str(corpus.resolve())
            digest = hashlib.sha256(resolved.encode()).hexdigest()[:10]
            index = settings.cache_dir / "indexes" / f"{corpus.resolve().name}-{digest}"
    if index is not None:
        settings = settings.replace(index_dir=index)
    return settings


def _pipeline(args: argparse.Namespace) -> Pipeline:
    return Pipeline(settings_for(args.corpus, args.index))


def _progress_bar(description: str) -> tuple[Callable[[float, str], None], Callable[[], None]]:
    from tqdm import tqdm

    bar = tqdm(total=100, desc=description, unit="%", leave=False, file=sys.stderr)

    def update(fraction: float, message: str) -> None:
        bar.set_description(message)
        bar.n = round(100 * fraction)
        bar.refresh()

    return update, bar.close


def _ensure_index(pipeline: Pipeline, force: bool = False) -> None:
    reason = "a rebuild was asked for" if force else pipeline.index_status()
    if reason is None:
        pipeline.ensure_index()
        return
    print(f"indexing {pipeline.settings.corpus_dir}: {reason}", file=sys.stderr)
    update, close = _progress_bar("indexing")
    try:
        index = pipeline.rebuild(update) if force else pipeline.ensure_index(update)
    finally:
        close()
    for error in index.manifest["load_errors"]:
        print(f"skipped {error['source']}: {error['message']}", file=sys.stderr)


def _index(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    _ensure_index(pipeline, force=args.force)
    counts = pipeline.index.manifest["counts"]
    print(
        f"index {pipeline.settings.index_dir} is current: {counts['documents']} documents, "
        f"{counts['chunks']} chunks (build {pipeline.index.build_id})"
    )
    return 0


def _ask(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    question = pipeline.validate(args.question)  # before any slow loading
    _ensure_index(pipeline)
    answer = pipeline.ask(question)
    if args.json:
        print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(answer.text)
    for c in answer.citations:
        print(f"  [{c.n}] {c.section or c.document} ({c.chunk_id})\n      “{c.quote}”")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from rag.evaluate import load_dataset, run_eval, write_report

    items = load_dataset(args.dataset)
    if args.limit:
        items = items[: args.limit]
    pipeline = _pipeline(args)
    _ensure_index(pipeline)
    pipeline.warm_up()
    with tqdm(total=len(items), desc="evaluating", unit="q", file=sys.stderr) as bar:

        def advance(row: dict[str, object]) -> None:
            bar.set_postfix_str(f"{row['id']} {'ok' if row['correct'] else 'wrong'}")
            bar.update(1)

        report = run_eval(pipeline, items, on_result=advance)
    paths = write_report(report, args.report)
    s = report["summary"]
    print(
        f"accuracy {s['accuracy']:.3f} (answerable {s['answerable_accuracy']}, declines {s['decline_accuracy']}), "
        f"cited {s['cited_share']}, latency p50 {s['latency_s']['p50']} s p95 {s['latency_s']['p95']} s"
    )
    for category, value in s["by_category"].items():
        print(f"  {category:<14} {value['accuracy']:.3f}  (n={value['n']})")
    print("wrote " + ", ".join(str(p) for p in paths))
    return 0


def _serve(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # app.py sits beside rag/
    import app

    return app.main(settings_for(args.corpus, args.index), host=args.host, port=args.port)


def prepare(pipeline: Pipeline) -> None:
    """Assemble and verify the model, build the index if needed: with progress bars."""
    from rag.backends.llamacpp import check_decodes
    from rag.generate import model_file

    if pipeline.settings.generator == "llama-cpp":
        update, close = _progress_bar("model")
        try:
            path = model_file(pipeline.settings, update)
        finally:
            close()
        check_decodes(path, pipeline.settings)
        print(f"model ready: {path}", file=sys.stderr)
    _ensure_index(pipeline)
    print(f"index ready: {pipeline.settings.index_dir} (build {pipeline.index.build_id})", file=sys.stderr)


def _prepare(args: argparse.Namespace) -> int:
    prepare(_pipeline(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
