"""The web app: a Gradio chat over the documents, a documents tab, the JSON API and the widget.

Run it with `make run` (or `rag serve`). Everything goes through rag.Pipeline.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# No analytics or update checks: the app runs offline.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from rag.api import Gate, public_answer, router
from rag.config import Settings
from rag.errors import RagError
from rag.pipeline import Pipeline
from rag.types import Answer

EXAMPLES = [
    "What was the total operating revenue of STAR Market companies in 2023?",
    "How much did STAR Market companies invest in R&D in 2023?",
    "Which companies ranked first, second and fifth in global PV module shipments?",
    "And in the first quarter of 2024?",
]
THINKING = "🔎 *Searching the documents…*"

CSS = """
#sources { max-height: 640px; overflow-y: auto; }
.rag-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
  margin-bottom: 10px; background: var(--background-fill-secondary); }
.rag-source:target { outline: 2px solid var(--color-accent); }
.rag-source-head { font-weight: 600; margin-bottom: 4px; }
.rag-source-meta { font-size: 0.8em; opacity: 0.7; margin-top: 6px; font-family: var(--font-mono); }
.rag-source mark { background: #fff3a3; color: inherit; padding: 0 2px; border-radius: 3px; }
.rag-standalone { font-size: 0.9em; margin-bottom: 10px; opacity: 0.85; }
.rag-decline { border-left: 4px solid #6b8fbf; padding: 6px 10px; background: var(--background-fill-secondary); }
.rag-muted { opacity: 0.7; }
#chat blockquote { border-left: 4px solid #6b8fbf; margin: 0; padding-left: 10px; opacity: 0.9; }
"""

# System fonts only: the default theme would fetch Google Fonts.
THEME = gr.themes.Soft(
    font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)


# --- rendering: everything from documents or the model is shown as text, never as markup

_MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
_MARKER_RE = re.compile(r"\\\[(\d{1,3})\\\]")


def as_markdown_text(text: str) -> str:
    """Markdown that displays ``text`` literally: no links, no HTML, no formatting tricks."""
    return _MARKDOWN_SPECIAL_RE.sub(r"\\\1", html.escape(text, quote=False))


def render_answer(answer: Answer) -> str:
    """The answer as chat markdown: citation markers link to their source and show its quote on hover."""
    quotes = {c.n: c.quote for c in answer.citations}
    body = as_markdown_text(answer.text)
    if answer.refused:
        return f"> ℹ️ **Not in the documents.** {body}"

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in quotes:
            return match.group(0)
        title = quotes[n].replace('"', "'").replace("\\", "")[:300]
        return f'[[{n}]](#source-{n} "{as_title(title)}")'

    return _MARKER_RE.sub(link, body)


def as_title(text: str) -> str:
    return html.escape(text, quote=True).replace("(", "&#40;").replace(")", "&#41;")


def render_sources(answer: Answer | None) -> str:
    if answer is None:
        return '<div class="rag-muted">Sources of the answer appear here.</div>'
    parts = []
    if answer.standalone_question and answer.standalone_question != answer.question:
        parts.append(
            f'<div class="rag-standalone">Searched for: <q>{html.escape(answer.standalone_question)}</q></div>'
        )
    if answer.refused:
        parts.append(f'<div class="rag-decline">No passage answers this question. {html.escape(answer.text)}</div>')
        if answer.passages:
            parts.append('<div class="rag-muted" style="margin:8px 0">Closest passages searched:</div>')
            parts += [
                _source_card(p.n, p.chunk.document, p.chunk.section, p.chunk.text, "", p.chunk.id)
                for p in answer.passages[:3]
            ]
        return "\n".join(parts)
    by_n = {p.n: p for p in answer.passages}
    for c in answer.citations:
        text = by_n[c.n].chunk.text if c.n in by_n else c.quote
        parts.append(_source_card(c.n, c.document, c.section, text, c.quote, c.chunk_id))
    return "\n".join(parts)


def _source_card(n: int, document: str, section: str, text: str, quote: str, chunk_id: str) -> str:
    body = html.escape(text)
    if quote and quote in text:
        start = text.index(quote)
        body = (
            html.escape(text[:start]) + f"<mark>{html.escape(quote)}</mark>" + html.escape(text[start + len(quote) :])
        )
    title = " — ".join(html.escape(t) for t in (document, section) if t)
    return (
        f'<div class="rag-source" id="source-{n}"><div class="rag-source-head">[{n}] {title}</div>'
        f'<div>{body}</div><div class="rag-source-meta">{html.escape(chunk_id)}</div></div>'
    )


def render_documents(pipeline: Pipeline) -> str:
    docs = pipeline.documents()
    if not docs:
        return "<p>No documents yet: add one below.</p>"
    rows = []
    for d in docs:
        sections = "".join(f"<li>{html.escape(s)}</li>" for s in d["sections"] if s) or "<li><i>no sections</i></li>"
        rows.append(
            f"<details><summary><b>{html.escape(d['title'])}</b> "
            f"<span class='rag-muted'>({html.escape(d['source'])}, {d['chunks']} passages)</span></summary>"
            f"<ul>{sections}</ul></details>"
        )
    errors = "".join(
        f"<li>{html.escape(e['source'])}: {html.escape(e['message'])}</li>" for e in pipeline.load_errors()
    )
    if errors:
        rows.append(f"<p class='rag-muted'>Files that could not be read:</p><ul>{errors}</ul>")
    return "\n".join(rows)


# --- the UI


def build_ui(pipeline: Pipeline) -> gr.Blocks:
    with gr.Blocks(title="Ask the documents", analytics_enabled=False) as ui:
        gr.Markdown("## Ask the documents\nAnswers come only from the documents, with their sources.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(
                            elem_id="chat",
                            label="Conversation",
                            height=520,
                            feedback_options=None,
                            buttons=["copy"],
                            placeholder="Ask a question about the documents.",
                        )
                        with gr.Row():
                            box = gr.Textbox(
                                elem_id="question",
                                show_label=False,
                                placeholder="Ask a question about the documents…",
                                max_length=pipeline.settings.max_question_chars,
                                scale=8,
                                autofocus=True,
                            )
                            ask = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                        gr.Examples(EXAMPLES, inputs=box, label="Examples")
                        clear = gr.Button("Clear conversation", size="sm", elem_id="clear")
                    with gr.Column(scale=2):
                        gr.Markdown("#### Sources")
                        sources = gr.HTML(render_sources(None), elem_id="sources")
                asked = gr.State([])  # the conversation's standalone questions, for follow-ups
            with gr.Tab("Documents", id="documents-tab"):
                docs = gr.HTML(render_documents(pipeline), elem_id="documents")
                with gr.Row():
                    upload = gr.File(
                        label="Add a document (.md, .txt, .pdf)",
                        file_types=[".md", ".txt", ".pdf"],
                        elem_id="upload",
                    )
                    with gr.Column():
                        remove_choice = gr.Dropdown(label="Remove a document", choices=_doc_choices(pipeline))
                        remove = gr.Button("Remove", variant="stop", elem_id="remove")
                status = gr.Markdown(elem_id="doc-status")

        def respond(message: str, history: list[dict[str, Any]], questions: list[str]) -> Iterator[tuple]:
            history = [
                *history,
                {"role": "user", "content": as_markdown_text(message)},
                {"role": "assistant", "content": THINKING},
            ]
            yield history, gr.skip(), questions, ""
            draft = ""
            try:
                for event in pipeline.stream(message, questions):
                    if isinstance(event, Answer):
                        history[-1]["content"] = render_answer(event)
                        yield history, render_sources(event), [*questions, event.standalone_question], ""
                        return
                    draft += event
                    history[-1]["content"] = as_markdown_text(draft) + " ▌"
                    yield history, gr.skip(), questions, ""
            except RagError as exc:
                history[-1]["content"] = f"⚠️ {as_markdown_text(str(exc))}"
                yield history, gr.skip(), questions, message

        outputs = [chat, sources, asked, box]
        for trigger in (box.submit, ask.click):
            trigger(
                respond,
                [box, chat, asked],
                outputs,
                concurrency_limit=1,
                concurrency_id="ask",
                api_visibility="private",
            )
        clear.click(lambda: ([], render_sources(None), [], ""), None, outputs, api_visibility="private")

        def add(path: str | None, progress: gr.Progress = gr.Progress()) -> tuple:  # noqa: B008 - Gradio's idiom
            if not path:
                return gr.skip(), gr.skip(), gr.skip(), gr.skip()
            name = Path(path).name
            try:
                doc = pipeline.add_document(name, Path(path).read_bytes(), lambda f, m: progress(f, desc=m))
            except RagError as exc:
                return gr.skip(), f"❌ **Not added.** {as_markdown_text(str(exc))}", None, gr.skip()
            message = f"✅ Added **{as_markdown_text(doc['title'])}** ({doc['chunks']} passages). Ask about it now."
            return render_documents(pipeline), message, None, gr.update(choices=_doc_choices(pipeline))

        def drop(doc_id: str | None, progress: gr.Progress = gr.Progress()) -> tuple:  # noqa: B008
            if not doc_id:
                return gr.skip(), "Choose a document to remove.", gr.skip()
            try:
                pipeline.remove_document(doc_id, lambda f, m: progress(f, desc=m))
            except RagError as exc:
                return gr.skip(), f"❌ {as_markdown_text(str(exc))}", gr.skip()
            return (
                render_documents(pipeline),
                "Removed.",
                gr.update(choices=_doc_choices(pipeline), value=None),
            )

        upload.upload(
            add,
            upload,
            [docs, status, upload, remove_choice],
            concurrency_limit=1,
            concurrency_id="corpus",
            api_visibility="private",
        )
        remove.click(
            drop,
            remove_choice,
            [docs, status, remove_choice],
            concurrency_limit=1,
            concurrency_id="corpus",
            api_visibility="private",
        )

        def ask_api(question: str, history: list[str] | None = None) -> dict[str, Any]:
            """Answer a question from the documents: answer, refused flag and citations."""
            return public_answer(pipeline.ask(question, history or []))

        gr.api(ask_api, api_name="ask", concurrency_limit=1, concurrency_id="ask")
    return ui


def _doc_choices(pipeline: Pipeline) -> list[tuple[str, str]]:
    return [(f"{d['title']} ({d['source']})", d["doc_id"]) for d in pipeline.documents()]


def build_app(pipeline: Pipeline) -> FastAPI:
    """The FastAPI app: JSON API and widget first, the Gradio UI mounted at /."""
    settings = pipeline.settings
    app = FastAPI(title="Document Q&A", docs_url=None, redoc_url=None)
    origins = [o.strip().rstrip("/") for o in settings.allowed_origins.split(",") if o.strip()]
    app.add_middleware(
        CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"], allow_headers=["Content-Type"]
    )
    app.include_router(router(pipeline, Gate(settings.max_pending_requests)))
    ui = build_ui(pipeline)
    ui.queue(max_size=settings.max_pending_requests, default_concurrency_limit=1)
    return gr.mount_gradio_app(
        app,
        ui,
        path="/",
        theme=THEME,
        css=CSS,
        max_file_size=settings.max_file_bytes,
        ssr_mode=False,
        footer_links=["api"],
    )


def main(settings: Settings | None = None, host: str = "127.0.0.1", port: int = 7860) -> int:
    from rag.cli import prepare

    pipeline = Pipeline(settings or Settings.from_env())
    prepare(pipeline)
    print("loading models…", file=sys.stderr)
    pipeline.warm_up()
    print(f"ready: http://{host}:{port}/", file=sys.stderr)
    uvicorn.run(build_app(pipeline), host=host, port=port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
