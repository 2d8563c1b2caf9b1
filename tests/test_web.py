"""The web app in a real browser (Debian's chromium through playwright) against a real server
with the real models: chat, sources, declines, uploads, the widget on another origin, the APIs."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .fakes import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
ANSWER_TIMEOUT_MS = 180_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def host_port() -> int:
    """The port of the page that embeds the widget: another origin than the app."""
    return _free_port()


@pytest.fixture(scope="module")
def server(tmp_path_factory, host_port) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    port = _free_port()
    env = {
        **os.environ,
        "RAG_CORPUS_DIR": str(folder / "corpus"),
        "RAG_INDEX_DIR": str(folder / "index"),
        "RAG_ALLOWED_ORIGINS": f"http://127.0.0.1:{host_port}",
    }
    log = open(folder / "server.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 600
    while True:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.time() > deadline:
            process.kill()
            pytest.fail("the app did not start:\n" + (folder / "server.log").read_text()[-3000:])
        time.sleep(1)
    yield url
    process.terminate()
    process.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, tmp_path):
    """A page that records (and blocks) any request leaving this machine."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    outside: list[str] = []

    def guard(route):
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.outside_requests = outside
    yield page
    context.close()


def _screenshot(page, name: str, tmp_path: Path) -> None:
    folder = ROOT / "docs" if os.environ.get("RAG_SCREENSHOTS") else tmp_path
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / name))


def _ask_in_chat(page, question: str) -> str:
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    # The question appears together with the thinking state, which the checked answer
    # replaces. (A decline before generation can replace it too fast to be seen.)
    page.wait_for_function(
        "(q) => { const t = document.querySelector('#chat').innerText;"
        " return t.includes(q) && !t.includes('Searching the documents') && !t.includes('▌'); }",
        arg=question,
        timeout=ANSWER_TIMEOUT_MS,
    )
    return page.locator("#chat").inner_text()


def test_chat_answers_with_a_citation_and_shows_the_source(server, page, tmp_path):
    page.goto(server)
    text = _ask_in_chat(page, "What was the total operating revenue of STAR Market companies in 2023?")
    assert "1,397.78" in text
    marker = page.locator("#chat a[href='#source-1']")
    assert marker.count() >= 1 and "1,397.78" in (marker.first.get_attribute("title") or "")
    source = page.locator("#sources #source-1")
    assert "I. Maintaining Stability" in source.inner_text()
    assert "1,397.78" in source.locator("mark").inner_text()
    _screenshot(page, "chat.png", tmp_path)
    assert page.outside_requests == []


def test_chat_declines_what_the_documents_do_not_say(server, page):
    page.goto(server)
    text = _ask_in_chat(page, "How much did Cambricon spend on R&D in 2023?")
    assert "Not in the documents" in text
    assert page.locator("#chat blockquote").count() >= 1  # styled as a decline, not an error
    assert "No passage answers this question" in page.locator("#sources").inner_text()


def test_an_uploaded_document_is_answerable_right_away(server, page, tmp_path):
    doc = tmp_path / "kestrel-notes.md"
    doc.write_text("# Kestrel Field Notes\n\n## Battery\n\nThe Kestrel Z9 meter runs for 31 hours on one charge.\n")
    page.goto(server)
    page.get_by_role("tab", name="Documents").click()
    page.locator("#upload input[type=file]").set_input_files(str(doc))
    page.wait_for_function(
        "() => document.querySelector('#doc-status').innerText.includes('Added')", timeout=ANSWER_TIMEOUT_MS
    )
    assert "Kestrel Field Notes" in page.locator("#documents").inner_text()
    page.get_by_role("tab", name="Chat").click()
    text = _ask_in_chat(page, "How many hours does the Kestrel Z9 meter run on one charge?")
    assert "31 hours" in text
    assert "kestrel-notes#s1.p1" in page.locator("#sources").inner_text()


def test_a_bad_upload_is_refused_and_changes_nothing(server, page, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a real pdf")
    page.goto(server)
    page.get_by_role("tab", name="Documents").click()
    before = page.locator("#documents").inner_text()
    page.locator("#upload input[type=file]").set_input_files(str(bad))
    page.wait_for_function(
        "() => document.querySelector('#doc-status').innerText.includes('Not added')",
        timeout=ANSWER_TIMEOUT_MS,
    )
    assert "broken or unreadable PDF" in page.locator("#doc-status").inner_text()
    assert page.locator("#documents").inner_text() == before


@pytest.fixture
def host_page(host_port, server, tmp_path) -> Iterator[str]:
    """examples/embed.html, pointed at the test server and served from another origin."""
    html = (ROOT / "examples" / "embed.html").read_text().replace("http://127.0.0.1:7860", server)
    (tmp_path / "embed.html").write_text(html)
    handler = lambda *a, **kw: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **kw)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", host_port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{host_port}/embed.html"
    httpd.shutdown()


def test_the_widget_on_another_origin_answers_with_citation_badges(host_page, page, tmp_path):
    page.goto(host_page)
    page.locator("[data-rag-widget] .btn").click()
    panel = page.locator("[data-rag-widget] .panel")
    assert panel.is_visible()
    # The host page hides every <input>; the widget's still shows: its styles are its own.
    page.locator("[data-rag-widget] input").fill("How much did STAR Market companies invest in R&D in 2023?")
    page.locator("[data-rag-widget] form button").click()
    badge = page.locator("[data-rag-widget] .badge").first
    badge.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert "156.12" in page.locator("[data-rag-widget] .msg.bot").last.inner_text()
    badge.click()
    assert "156.12" in page.locator("[data-rag-widget] .quote").first.inner_text()
    _screenshot(page, "widget.png", tmp_path)
    assert page.outside_requests == []


def test_gradio_client_gets_json_from_the_named_endpoint(server):
    from gradio_client import Client

    result = Client(server, verbose=False).predict(
        "How much did STAR Market companies invest in R&D in 2023?", [], api_name="/ask"
    )
    assert result["refused"] is False and "156.12" in result["answer"]
    assert result["citations"][0]["chunk_id"].startswith("star-market-2023#")
    assert set(result["citations"][0]) == {"n", "chunk_id", "document", "section", "quote"}


def test_http_json_api(server, host_port):
    ok = httpx.post(
        server + "/api/ask", json={"question": "What was the total operating revenue in 2023?"}, timeout=300
    )
    assert ok.status_code == 200
    body = ok.json()
    assert set(body) == {"answer", "refused", "citations", "standalone_question"}
    assert "1,397.78" in body["answer"] and body["citations"][0]["quote"]
    assert httpx.post(server + "/api/ask", json={"question": "  "}).status_code == 400
    assert httpx.post(server + "/api/ask", content=b"{not json").status_code == 400
    assert httpx.post(server + "/api/ask", json={"question": "x" * 100_000}).status_code == 413
    too_long = httpx.post(server + "/api/ask", json={"question": "why " * 1000})
    assert too_long.status_code == 400 and "limit" in too_long.json()["error"]


def test_http_streaming_api_sends_tokens_then_the_answer(server):
    events = []
    question = {"question": "What share of total revenue did overseas revenue account for in 2023?"}
    with httpx.stream("POST", server + "/api/ask/stream", json=question, timeout=300) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        for line in response.iter_lines():
            if line.startswith("event:"):
                events.append(line.split(":", 1)[1].strip())
            elif line.startswith("data:") and events[-1] == "answer":
                answer = json.loads(line[5:])
    assert events[-1] == "answer" and "token" in events
    assert "28.8%" in answer["answer"]


def test_cors_allows_only_configured_origins(server, host_port):
    allowed = f"http://127.0.0.1:{host_port}"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    good = httpx.options(server + "/api/ask", headers={"Origin": allowed, **preflight})
    assert good.headers.get("access-control-allow-origin") == allowed
    bad = httpx.options(server + "/api/ask", headers={"Origin": "http://evil.example", **preflight})
    assert "access-control-allow-origin" not in bad.headers


XSS_DOC = (
    "# Tricky Notes\n\n## Codenames\n\n"
    'The project codename is Falcon <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
    "[open](javascript:window.__pwned=3) and its budget is 7 million.\n"
)


@pytest.fixture(scope="module")
def hostile_document(server, tmp_path_factory):
    """A document full of markup tricks, to upload through the page."""
    path = tmp_path_factory.mktemp("xss") / "tricky.md"
    path.write_text(XSS_DOC)
    return path


def test_markup_in_documents_and_questions_is_shown_as_text_in_the_chat(server, page, hostile_document):
    page.goto(server)
    page.get_by_role("tab", name="Documents").click()
    page.locator("#upload input[type=file]").set_input_files(str(hostile_document))
    page.wait_for_function(
        "() => /Added|already exists/.test(document.querySelector('#doc-status').innerText)",
        timeout=ANSWER_TIMEOUT_MS,
    )
    page.get_by_role("tab", name="Chat").click()
    text = _ask_in_chat(page, '<img src=x onerror="window.__pwned=4">What is the budget of the Falcon project?')
    assert "onerror" in text  # the question is echoed as text
    assert page.evaluate("window.__pwned") is None
    sources = page.locator("#sources").inner_text()
    if "tricky#" in sources:
        assert "<script>" in sources
    assert page.locator("#sources script, #chat script").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_markup_is_shown_as_text_in_the_widget(host_page, page):
    page.goto(host_page)
    page.locator("[data-rag-widget] .btn").click()
    page.locator("[data-rag-widget] input").fill('<img src=x onerror="window.__pwned=5">What is revenue?')
    page.locator("[data-rag-widget] form button").click()
    page.locator("[data-rag-widget] .msg.bot:not(.thinking)").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(500)
    assert "onerror" in page.locator("[data-rag-widget] .msg.user").last.inner_text()
    assert page.evaluate("window.__pwned") is None
