"""Load test: N concurrent API clients, each asking M questions, against a server on loopback.

    python bench/load.py [--clients 8] [--questions 25] [--url http://127.0.0.1:7860]

Without --url it starts its own server (answer cache off, so every request is
really answered). Every question is first asked alone; then the clients ask
theirs concurrently, in shuffled orders. Prints errors, p50/p95 latency,
throughput and how many concurrent answers differ from the same question asked
alone (the target is 0 errors and 0 differences). Bounded: at most
clients x questions requests and --max-seconds of wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--questions", type=int, default=25, help="questions per client")
    parser.add_argument("--dataset", type=Path, default=ROOT / "eval" / "qa.jsonl")
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--max-seconds", type=float, default=3600)
    args = parser.parse_args()
    questions = [json.loads(line)["question"] for line in args.dataset.read_text().splitlines() if line.strip()]
    questions = questions[: args.questions]
    server = None
    url = args.url
    if url is None:
        server, url = start_server()
    try:
        return run(url, questions, args.clients, args.max_seconds)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)


def start_server() -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "RAG_ANSWER_CACHE_SIZE": "0", "RAG_MAX_PENDING_REQUESTS": "64"}
    server = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 600
    while time.time() < deadline:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                return server, url
        except httpx.HTTPError:
            time.sleep(1)
    server.kill()
    raise SystemExit("the server did not start within 10 minutes")


def ask(client: httpx.Client, url: str, question: str) -> tuple[float, dict[str, Any] | None, str]:
    started = time.perf_counter()
    try:
        response = client.post(url + "/api/ask", json={"question": question}, timeout=900)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            return elapsed, None, f"HTTP {response.status_code}: {response.text[:120]}"
        return elapsed, response.json(), ""
    except httpx.HTTPError as exc:
        return time.perf_counter() - started, None, f"{type(exc).__name__}: {exc}"


def run(url: str, questions: list[str], clients: int, max_seconds: float) -> int:
    print(f"asking {len(questions)} questions alone …", file=sys.stderr)
    alone: dict[str, dict[str, Any] | None] = {}
    with httpx.Client() as client:
        for q in questions:
            _, alone[q], error = ask(client, url, q)
            if error:
                print(f"  alone: {error}", file=sys.stderr)
    print(f"{clients} clients x {len(questions)} questions, concurrently …", file=sys.stderr)
    results: list[tuple[str, float, dict[str, Any] | None, str]] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + max_seconds

    def worker(seed: int) -> None:
        order = questions[:]
        random.Random(seed).shuffle(order)
        with httpx.Client() as client:
            for q in order:
                if time.perf_counter() > deadline:
                    return
                elapsed, body, error = ask(client, url, q)
                with lock:
                    results.append((q, elapsed, body, error))

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    errors = [r for r in results if r[3]]
    latencies = sorted(r[1] for r in results if not r[3])
    differ = [r for r in results if not r[3] and _key(r[2]) != _key(alone.get(r[0]))]
    print(f"requests      {len(results)} (of {clients * len(questions)})")
    print(f"errors        {len(errors)}")
    for _, _, _, error in errors[:5]:
        print(f"  {error}")
    if latencies:
        print(f"latency p50   {_pct(latencies, 50):.2f} s")
        print(f"latency p95   {_pct(latencies, 95):.2f} s")
    print(f"throughput    {len(latencies) / wall:.3f} answers/s over {wall:.0f} s")
    print(f"differ alone  {len(differ)}")
    for q, _, body, _ in differ[:5]:
        print(f"  {q!r}: {(body or {}).get('answer', '')[:80]!r} vs {(alone.get(q) or {}).get('answer', '')[:80]!r}")
    return 1 if errors or differ else 0


def _key(body: dict[str, Any] | None) -> tuple[Any, ...] | None:
    if body is None:
        return None
    return body["answer"], body["refused"], tuple(c["chunk_id"] for c in body["citations"])


def _pct(values: list[float], q: float) -> float:
    rank = (len(values) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (rank - low)


if __name__ == "__main__":
    sys.exit(main())
