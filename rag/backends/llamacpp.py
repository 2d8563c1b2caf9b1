"""Generator backed by llama-cpp-python running a local GGUF model on the CPU.

Reading the prompt is most of the latency on a CPU. Every prompt starts with a
fixed system prompt, so its KV state is computed once and kept; before each
question the context is cut back to exactly that prefix. Cutting back always to
the same point also makes answers independent of the question asked before
(a longer accidental overlap would change how the rest is batched). Each
distinct prefix (answering, rewriting follow-ups) keeps its own saved state,
so switching between them does not read a prefix again.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from rag.config import Settings
from rag.errors import GenerationError, ModelLoadError
from rag.generate import Message

_MAX_PREFIX_STATES = 4

# Decodes a few tokens in a child process: a llama.cpp build that does not run on
# this CPU dies by a signal, which no Python code in the same process can catch.
_DECODE_CHECK = """
import sys
from llama_cpp import Llama
llm = Llama(model_path=sys.argv[1], n_ctx=256, n_threads=int(sys.argv[2]), verbose=False)
llm("The capital of France is", max_tokens=4, temperature=0)
"""


def check_decodes(model_path: Path, settings: Settings, timeout_s: float = 300) -> None:
    """Raise ModelLoadError, saying what to do, if llama.cpp cannot decode on this machine.

    A passed check is remembered for this build of llama.cpp and this model file, so
    only the first start after installing either pays for it (seconds)."""
    stamp = settings.cache_dir / "decode-checked.json"
    key = _build_key(model_path)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return
    try:
        done = subprocess.run(
            [sys.executable, "-c", _DECODE_CHECK, str(model_path), str(settings.n_threads)],
            capture_output=True,
            text=True,
            timeout=timeout_s,
        )
    except subprocess.TimeoutExpired as exc:
        raise ModelLoadError(f"the language model did not answer a test prompt within {timeout_s:.0f} s") from exc
    if done.returncode < 0:
        raise ModelLoadError(
            f"llama.cpp crashed (signal {-done.returncode}) decoding a test prompt: this build of "
            "llama-cpp-python does not run on this CPU. Rebuild it: `rm .venv/.installed && make setup` "
            "(see README, 'llama.cpp crashes')."
        )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ModelLoadError(f"the language model failed a test prompt: {last}")
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key, encoding="utf-8")


def _build_key(model_path: Path) -> str:
    """What a passed decode check holds for: llama.cpp's compiled libraries and the model file."""
    spec = importlib.util.find_spec("llama_cpp")
    files = sorted(Path(spec.origin).parent.rglob("*.so*")) if spec and spec.origin else []
    files.append(model_path)
    stats = [(str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file()]
    return json.dumps(stats)


class LlamaCppGenerator:
    def __init__(self, model_path: Path, settings: Settings) -> None:
        if not model_path.is_file():
            raise ModelLoadError(f"model file {model_path} does not exist")
        try:
            from llama_cpp import Llama
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            self._llm = Llama(
                model_path=str(model_path),
                n_ctx=settings.n_ctx,
                n_threads=settings.n_threads,
                n_threads_batch=settings.n_threads,
                n_batch=settings.n_batch,
                seed=settings.seed,
                verbose=False,
            )
            eos = self._llm.token_eos()
            self._format = Jinja2ChatFormatter(
                template=self._llm.metadata["tokenizer.chat_template"],
                eos_token=self._llm.detokenize([eos], special=True).decode("utf-8", "ignore"),
                bos_token="",
                stop_token_ids=[eos],
            )
        except Exception as exc:  # a bad file, a failed engine build, no chat template: say which
            raise ModelLoadError(f"cannot load the language model {model_path.name}: {exc}") from exc
        self.model_id = model_path.name
        self._temperature = settings.temperature
        self._reuse_prefix = settings.reuse_prompt_prefix
        self._prefix_states: OrderedDict[tuple[int, ...], bytes] = OrderedDict()
        self.last_usage: dict[str, int] = {}
        # One context, one generation at a time: interleaved calls would corrupt its KV cache.
        self._lock = threading.Lock()

    def stream(self, messages: list[Message], max_tokens: int, stop: list[str]) -> Iterator[str]:
        tokens = self._tokens(messages)
        if len(tokens) + max_tokens > self._llm.n_ctx():
            raise GenerationError(f"the prompt ({len(tokens)} tokens) does not fit the model's context")
        prefix = self._prefix_length(messages, tokens)
        with self._lock:
            if self._reuse_prefix:
                self._keep_only_prefix(tokens[:prefix])
            else:
                self._llm.reset()  # the baseline: read the whole prompt every time
            reused = self._llm.n_tokens
            generated = 0
            for part in self._llm.create_completion(
                prompt=tokens,
                max_tokens=max_tokens,
                temperature=self._temperature,
                stop=stop,
                stream=True,
            ):
                text = part["choices"][0]["text"]  # type: ignore[index]
                generated += 1
                if text:
                    yield text
            self.last_usage = {
                "prompt_tokens": len(tokens),
                "reused_tokens": reused,
                "completion_tokens": generated,
            }

    def _tokens(self, messages: list[Message]) -> list[int]:
        result = self._format(messages=messages)  # type: ignore[arg-type]
        return self._llm.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True)

    def _prefix_length(self, messages: list[Message], tokens: list[int]) -> int:
        """How many leading tokens belong to the system prompt alone."""
        system_only = self._tokens(messages[:1])
        length = 0
        for a, b in zip(system_only, tokens, strict=False):
            if a != b:
                break
            length += 1
        return length

    def _keep_only_prefix(self, prefix: list[int]) -> None:
        llm = self._llm
        n = len(prefix)
        if llm.n_tokens >= n and llm.input_ids[:n].tolist() == prefix:
            llm.n_tokens = n  # the rest of the KV cache is dropped when the prompt is read
            return
        key = tuple(prefix)
        state = self._prefix_states.get(key)
        if state is None:
            llm.reset()
            llm.eval(prefix)
            self._prefix_states[key] = self._save_sequence()
            while len(self._prefix_states) > _MAX_PREFIX_STATES:
                self._prefix_states.popitem(last=False)
            return
        self._prefix_states.move_to_end(key)
        self._load_sequence(state, prefix)

    # Only the KV cells of sequence 0 are saved: Llama.save_state would also copy
    # a logits buffer of hundreds of megabytes.

    def _save_sequence(self) -> bytes:
        import llama_cpp

        ctx = self._llm._ctx.ctx
        size = llama_cpp.llama_state_seq_get_size(ctx, 0)
        buffer = (ctypes.c_uint8 * size)()
        written = llama_cpp.llama_state_seq_get_data(ctx, buffer, size, 0)
        return bytes(buffer[:written])

    def _load_sequence(self, state: bytes, prefix: list[int]) -> None:
        import llama_cpp

        ctx = self._llm._ctx.ctx
        llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(ctx), 0, -1, -1)
        buffer = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        if llama_cpp.llama_state_seq_set_data(ctx, buffer, len(state), 0) != len(state):
            self._llm.reset()  # could not restore: read the prefix again instead
            self._llm.eval(prefix)
            return
        self._llm.input_ids[: len(prefix)] = prefix
        self._llm.n_tokens = len(prefix)
