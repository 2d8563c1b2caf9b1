import json
import re

import httpx
import pytest

from rag.backends import llamacpp
from rag.backends.openai_compat import OpenAICompatGenerator
from rag.config import Settings
from rag.errors import GenerationError, ModelLoadError
from rag.generate import load_generator, model_file


def _sse(*pieces: str) -> bytes:
    events = [{"choices": [{"delta": {"content": p}}]} for p in pieces]
    return b"".join(f"data: {json.dumps(e)}\n\n".encode() for e in events) + b"data: [DONE]\n\n"


def test_openai_compatible_backend_streams_the_reply():
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(json.loads(request.content))
        seen["url"] = str(request.url)
        return httpx.Response(200, content=_sse("Revenue was ", "RMB 1 billion [1]."))

    settings = Settings(openai_base_url="http://model.local/v1", openai_model="qwen")
    generator = OpenAICompatGenerator(settings, client=httpx.Client(transport=httpx.MockTransport(handler)))
    reply = "".join(generator.stream([{"role": "user", "content": "q"}], 50, ["<|im_end|>"]))
    assert reply == "Revenue was RMB 1 billion [1]."
    assert seen["url"] == "http://model.local/v1/chat/completions"
    assert seen["model"] == "qwen" and seen["stream"] is True and seen["temperature"] == 0.0


@pytest.mark.parametrize(
    "response",
    [httpx.Response(500, content=b"boom"), httpx.Response(200, content=b"data: {not json}\n\n")],
)
def test_openai_compatible_backend_errors_are_clear(response):
    generator = OpenAICompatGenerator(
        Settings(), client=httpx.Client(transport=httpx.MockTransport(lambda request: response))
    )
    with pytest.raises(GenerationError):
        list(generator.stream([{"role": "user", "content": "q"}], 10, []))


def test_unreachable_server_is_a_clear_error():
    def refuse(request):
        raise httpx.ConnectError("refused")

    generator = OpenAICompatGenerator(Settings(), client=httpx.Client(transport=httpx.MockTransport(refuse)))
    with pytest.raises(GenerationError, match="cannot reach"):
        list(generator.stream([{"role": "user", "content": "q"}], 10, []))


def test_unknown_backends_and_models_are_named():
    with pytest.raises(ValueError, match="unknown generator"):
        load_generator(Settings(generator="magic"))
    with pytest.raises(ModelLoadError, match="unknown model"):
        model_file(Settings(model="gpt-9"))


def test_a_missing_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_generator(Settings(model_path=str(tmp_path / "missing.gguf")))


def test_a_corrupt_model_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a gguf file at all")
    with pytest.raises(ModelLoadError, match="cannot load the language model"):
        load_generator(Settings(model_path=str(bad)))


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "crashed (signal 11)"),
        ("import sys; sys.exit('no such file: model.gguf')", "failed a test prompt: no such file: model.gguf"),
    ],
)
def test_a_model_that_cannot_decode_is_reported_before_use(monkeypatch, tmp_path, script, expected):
    # A segfault inside llama.cpp would otherwise kill the app at the first question, with no message.
    monkeypatch.setattr(llamacpp, "_DECODE_CHECK", script)
    settings = Settings(cache_dir=tmp_path / "cache")
    for _ in range(2):  # a failed check is not remembered
        with pytest.raises(ModelLoadError, match=re.escape(expected)):
            llamacpp.check_decodes(tmp_path / "model.gguf", settings)


def test_a_passed_decode_check_is_remembered_until_the_model_changes(monkeypatch, tmp_path):
    model = tmp_path / "model.gguf"
    model.write_bytes(b"weights")
    settings = Settings(cache_dir=tmp_path / "cache")
    monkeypatch.setattr(llamacpp, "_DECODE_CHECK", "pass")
    llamacpp.check_decodes(model, settings)
    monkeypatch.setattr(llamacpp, "_DECODE_CHECK", "import sys; sys.exit('ran again')")
    llamacpp.check_decodes(model, settings)  # remembered: the child does not run
    model.write_bytes(b"other weights")
    with pytest.raises(ModelLoadError, match="ran again"):
        llamacpp.check_decodes(model, settings)
