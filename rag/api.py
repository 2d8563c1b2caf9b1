"""The plain HTTP API and the embeddable widget, served beside the Gradio app.

    POST /api/ask          {"question": "...", "history": ["earlier question", ...]}
                           -> {"answer", "refused", "citations": [...], "standalone_question"}
    POST /api/ask/stream   the same, as server-sent events: "token" pieces, then "answer"
    GET  /widget.js        the chat widget other pages embed with one <script> tag

Requests are bounded: a body over the size limit, a bad question or a full
queue get a clear 4xx/503 with {"error": "..."}.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from rag.errors import ModelLoadError, QuestionError, RagError
from rag.pipeline import Pipeline
from rag.types import Answer

WIDGET_JS = Path(__file__).parent / "static" / "widget.js"


class Busy(RagError):
    """More requests are waiting than the server accepts."""


class Gate:
    """At most ``limit`` requests in flight; the rest are turned away at once, not queued forever."""

    def __init__(self, limit: int) -> None:
        self._slots = threading.BoundedSemaphore(limit)

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._slots.acquire(blocking=False):
            raise Busy("The server is busy answering other questions; please try again in a moment.")
        try:
            yield
        finally:
            self._slots.release()


def public_answer(answer: Answer) -> dict[str, Any]:
    return {
        "answer": answer.text,
        "refused": answer.refused,
        "citations": [
            {"n": c.n, "chunk_id": c.chunk_id, "document": c.document, "section": c.section, "quote": c.quote}
            for c in answer.citations
        ],
        "standalone_question": answer.standalone_question or answer.question,
    }


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


def _status(exc: Exception) -> int:
    if isinstance(exc, Busy):
        return 503
    if isinstance(exc, QuestionError):
        return 400
    if isinstance(exc, ModelLoadError):
        return 503
    return 500


def router(pipeline: Pipeline, gate: Gate) -> APIRouter:
    api = APIRouter()
    max_body = pipeline.settings.max_request_bytes

    async def parse(request: Request) -> tuple[str, list[str]] | JSONResponse:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_body:
            return _error(413, f"The request is over {max_body:,} bytes.")
        body = await request.body()
        if len(body) > max_body:
            return _error(413, f"The request is over {max_body:,} bytes.")
        try:
            data = json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError):
            return _error(400, 'The body must be JSON: {"question": "...", "history": [...]}.')
        if not isinstance(data, dict) or not isinstance(data.get("question"), str):
            return _error(400, 'The body needs a "question" string.')
        history = data.get("history") or []
        if not isinstance(history, list):
            return _error(400, '"history" must be a list of earlier questions.')
        # Accept plain strings or {"question": ...} turns; anything else is ignored.
        turns = [h if isinstance(h, str) else h.get("question") for h in history if isinstance(h, str | dict)]
        return data["question"], [t for t in turns if isinstance(t, str)]

    @api.post("/api/ask")
    async def ask(request: Request) -> Response:
        parsed = await parse(request)
        if isinstance(parsed, JSONResponse):
            return parsed
        question, history = parsed

        def run() -> dict[str, Any]:
            with gate.slot():
                return public_answer(pipeline.ask(question, history))

        try:
            return JSONResponse(await run_in_threadpool(run))
        except RagError as exc:
            headers = {"Retry-After": "5"} if isinstance(exc, Busy) else {}
            return _error(_status(exc), str(exc), **headers)

    @api.post("/api/ask/stream")
    async def ask_stream(request: Request) -> Response:
        parsed = await parse(request)
        if isinstance(parsed, JSONResponse):
            return parsed
        question, history = parsed
        try:
            question = pipeline.validate(question)  # a bad question is a 400, not an event
        except QuestionError as exc:
            return _error(400, str(exc))

        def events() -> Iterator[str]:
            for event in _decoupled(pipeline, gate, question, history):
                if isinstance(event, Answer):
                    yield _sse("answer", public_answer(event))
                elif isinstance(event, RagError):
                    yield _sse("error", {"error": str(event), "status": _status(event)})
                else:
                    yield _sse("token", {"text": event})

        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(events(), media_type="text/event-stream", headers=headers)

    @api.get("/widget.js")
    def widget() -> Response:
        return Response(
            WIDGET_JS.read_text(encoding="utf-8"),
            media_type="application/javascript",
            headers={"Cache-Control": "public, max-age=300"},
        )

    return api


def _decoupled(pipeline: Pipeline, gate: Gate, question: str, history: list[str]) -> Iterator[str | Answer | RagError]:
    """The pipeline's events, produced by a worker of their own.

    A slow reader then never holds the model (the worker runs at the model's pace
    and queues), and a reader that goes away stops the worker at its next token.
    """
    events: queue.Queue[object] = queue.Queue()
    gone = threading.Event()
    done = object()

    def work() -> None:
        try:
            with gate.slot():
                for event in pipeline.stream(question, history):
                    if gone.is_set():
                        return
                    events.put(event)
        except RagError as exc:
            events.put(exc)
        finally:
            events.put(done)

    threading.Thread(target=work, name="answer-worker", daemon=True).start()
    try:
        while (event := events.get()) is not done:
            yield event  # type: ignore[misc]
    finally:
        gone.set()


def _sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
