"""The HTTP API with fake backends: limits, errors, streaming, and clients that are slow or leave."""

import json
import threading
import time

import pytest
from fastapi.testclient import TestClient

from rag.api import Gate, _decoupled
from rag.errors import RagError
from rag.pipeline import Pipeline
from rag.types import Answer

from .fakes import ScriptedGenerator


class SlowGenerator(ScriptedGenerator):
    """Holds a lock while it streams, like the real model, one piece every `delay` seconds."""

    def __init__(self, reply: str, delay: float) -> None:
        super().__init__(reply)
        self.delay = delay
        self.lock = threading.Lock()
        self.pieces = 0

    def stream(self, messages, max_tokens, stop):
        with self.lock:
            for piece in super().stream(messages, max_tokens, stop):
                time.sleep(self.delay)
                self.pieces += 1
                yield piece


@pytest.fixture
def client(settings, embedder):
    import app

    pipeline = Pipeline(settings, embedder=embedder, generator=ScriptedGenerator("It employed 312 people [1]."))
    return TestClient(app.build_app(pipeline))


def test_ask_returns_the_public_json(client):
    question = "How many people did Northwind employ at the end of 2021?"
    response = client.post("/api/ask", json={"question": question, "history": [{"question": "Any news?"}]})
    assert response.status_code == 200
    body = response.json()
    assert body["refused"] is False and body["citations"][0]["chunk_id"] == "northwind#s2.p1"


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"", 400, "question"),
        (b"{not json", 400, "JSON"),
        (b"[1, 2]", 400, "question"),
        (json.dumps({"question": 5}).encode(), 400, "question"),
        (json.dumps({"question": "ok?", "history": "no"}).encode(), 400, "history"),
        (json.dumps({"question": ""}).encode(), 400, "type a question"),
        (json.dumps({"question": "x" * 3000}).encode(), 400, "limit"),
        (json.dumps({"question": "x" * 70_000}).encode(), 413, "bytes"),
    ],
)
def test_bad_requests_get_clear_errors(client, body, status, message):
    response = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status and message in response.json()["error"]


def test_stream_sends_tokens_then_the_answer(client):
    response = client.post("/api/ask/stream", json={"question": "How many people did it employ?"})
    events = [line.split(":", 1)[1].strip() for line in response.text.splitlines() if line.startswith("event:")]
    assert events[0] == "token" and events[-1] == "answer"


def test_a_full_queue_says_busy_and_the_rest_are_answered(settings, embedder):
    import app

    generator = SlowGenerator("The company employed 312 people [1].", delay=0.2)
    pipeline = Pipeline(settings.replace(max_pending_requests=1), embedder=embedder, generator=generator)
    with TestClient(app.build_app(pipeline)) as c:
        pipeline.ensure_index()
        first: dict = {}
        worker = threading.Thread(target=lambda: first.update(r=c.post("/api/ask", json={"question": "Staff count?"})))
        worker.start()
        time.sleep(0.3)  # the first question holds the only slot
        busy = c.post("/api/ask", json={"question": "Staff count today?"})
        worker.join()
    assert busy.status_code == 503 and "busy" in busy.json()["error"] and busy.headers["retry-after"]
    assert first["r"].status_code == 200


def test_a_client_that_leaves_stops_the_worker_and_frees_the_model(settings, embedder):
    generator = SlowGenerator("one two three four five six seven eight nine ten", delay=0.05)
    pipeline = Pipeline(settings, embedder=embedder, generator=generator)
    stream = _decoupled(pipeline, Gate(2), "How many people did it employ?", [])
    next(stream)  # the first piece arrives, then the reader goes away
    stream.close()
    time.sleep(0.3)
    assert generator.pieces < 10
    assert generator.lock.acquire(timeout=1)  # the model is free again


def test_a_slow_reader_does_not_hold_the_model(settings, embedder):
    generator = SlowGenerator("one two three four five", delay=0.01)
    pipeline = Pipeline(settings, embedder=embedder, generator=generator)
    stream = _decoupled(pipeline, Gate(2), "How many people did it employ?", [])
    next(stream)
    time.sleep(0.5)  # the reader dawdles; the worker has finished meanwhile
    assert generator.lock.acquire(timeout=0.1)
    generator.lock.release()
    rest = list(stream)
    assert isinstance(rest[-1], Answer)


def test_worker_errors_arrive_as_events(settings, embedder):
    class Broken(ScriptedGenerator):
        def stream(self, messages, max_tokens, stop):
            raise RagError("the model failed")
            yield  # pragma: no cover

    pipeline = Pipeline(settings, embedder=embedder, generator=Broken())
    events = list(_decoupled(pipeline, Gate(1), "How many people did it employ?", []))
    assert isinstance(events[-1], RagError) and "failed" in str(events[-1])
