"""Stage 5: write the answer text (the Generator protocol).

Backends: a local GGUF model through llama-cpp-python (default, the packaged
Qwen2.5-Coder-1.5B-Instruct) and any OpenAI-compatible chat server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from rag.config import Settings
from rag.models import ensure_model, packaged_model

Message = dict[str, str]


class Generator(Protocol):
    model_id: str

    def stream(self, messages: list[Message], max_tokens: int, stop: list[str]) -> Iterator[str]:
        """Pieces of the reply as they are produced; deterministic for a given prompt."""
        ...


def model_file(settings: Settings, progress: Callable[[float, str], None] | None = None) -> Path:
    """The GGUF file to run: an explicit path, else the packaged model, assembled if needed."""
    if settings.model_path:
        return Path(settings.model_path).expanduser()
    return ensure_model(packaged_model(settings.model), settings.cache_dir, progress)


def load_generator(settings: Settings) -> Generator:
    if settings.generator == "llama-cpp":
        from rag.backends.llamacpp import LlamaCppGenerator

        return LlamaCppGenerator(model_file(settings), settings)
    if settings.generator == "openai":
        from rag.backends.openai_compat import OpenAICompatGenerator

        return OpenAICompatGenerator(settings)
    raise ValueError(f"unknown generator {settings.generator!r}; known: llama-cpp, openai")
