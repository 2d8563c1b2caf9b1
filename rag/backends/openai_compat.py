"""Generator backed by any OpenAI-compatible chat completions server (llama.cpp server, vLLM, Ollama, ...).

    RAG_GENERATOR=openai RAG_OPENAI_BASE_URL=http://127.0.0.1:8080/v1 RAG_OPENAI_MODEL=qwen make run

Streams the reply over server-sent events. The same grounding checks apply to
whatever the server says.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx

from rag.config import Settings
from rag.errors import GenerationError
from rag.generate import Message


class OpenAICompatGenerator:
    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.model_id = f"{settings.openai_model}@{settings.openai_base_url}"
        self._url = settings.openai_base_url.rstrip("/") + "/chat/completions"
        self._model = settings.openai_model
        self._temperature = settings.temperature
        self._seed = settings.seed
        headers = {"Authorization": f"Bearer {settings.openai_api_key}"} if settings.openai_api_key else {}
        self._client = client or httpx.Client(timeout=settings.openai_timeout_s, headers=headers)
        self.last_usage: dict[str, int] = {}

    def stream(self, messages: list[Message], max_tokens: int, stop: list[str]) -> Iterator[str]:
        body = {
            "model": self._model,
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": self._temperature,
            "seed": self._seed,
            "stop": stop[:4],  # the API accepts at most four
            "stream": True,
        }
        generated = 0
        try:
            with self._client.stream("POST", self._url, json=body) as response:
                if response.status_code != 200:
                    detail = response.read().decode("utf-8", "replace")[:200]
                    raise GenerationError(f"the model server answered {response.status_code}: {detail}")
                for line in response.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    delta = json.loads(data)["choices"][0].get("delta", {}).get("content")
                    if delta:
                        generated += 1
                        yield delta
        except httpx.HTTPError as exc:
            raise GenerationError(f"cannot reach the model server at {self._url}: {exc}") from exc
        except (ValueError, KeyError, IndexError) as exc:
            raise GenerationError(f"the model server sent an unexpected reply: {exc}") from exc
        self.last_usage = {"completion_tokens": generated}
