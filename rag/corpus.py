"""Adding and removing documents in the corpus folder, safely.

Uploads come from anyone: the name is reduced to a plain file name, the
content is parsed before anything is written (type checked by content), size,
count and duplicates are limited, and the file appears atomically.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from rag.errors import DocumentError
from rag.load import SUPPORTED_SUFFIXES, corpus_files, parse_document
from rag.types import Document

_MAX_NAME_CHARS = 120


def safe_name(name: str) -> str:
    """A plain file name from whatever a browser sent: no folders, no control or odd characters."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip().strip(".")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^\w\- ]+", "_", stem, flags=re.UNICODE).strip(" _") or "document"
    suffix = re.sub(r"[^A-Za-z0-9]", "", suffix).lower()
    stem = stem[: _MAX_NAME_CHARS - len(suffix) - 1]
    return f"{stem}.{suffix}" if suffix else stem


def check_upload(folder: Path, name: str, data: bytes, max_bytes: int, max_documents: int) -> tuple[str, Document]:
    """The safe name and parsed document for an upload, or a DocumentError saying why not."""
    filename = safe_name(name)
    if Path(filename).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"{filename}: unsupported file type; upload {', '.join(SUPPORTED_SUFFIXES)} files")
    existing = corpus_files(folder)
    if len(existing) >= max_documents:
        raise DocumentError(f"{filename}: the collection already holds {len(existing)} documents, the limit")
    if any(p.name == filename for p in existing):
        raise DocumentError(f"{filename}: a document with this name already exists; remove it first")
    digest = hashlib.sha256(data).hexdigest()
    for path in existing:
        if hashlib.sha256(path.read_bytes()).hexdigest() == digest:
            raise DocumentError(f"{filename}: the same content is already in the collection as {path.name}")
    return filename, parse_document(filename, data, max_bytes)
