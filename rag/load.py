"""Stage 1: read a corpus folder into Documents (.md, .txt, .pdf).

A file that cannot be read becomes a LoadError naming it; the others still load.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from rag.errors import DocumentError
from rag.text import clean, numbered_heading, slugify
from rag.types import Document

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf")


@dataclass(frozen=True)
class LoadError:
    source: str
    message: str


def corpus_files(folder: Path) -> list[Path]:
    """Every visible file directly in ``folder``, sorted for a stable corpus hash."""
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus folder {folder} does not exist")
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def load_corpus(folder: Path, max_bytes: int) -> tuple[list[Document], list[LoadError]]:
    documents: list[Document] = []
    errors: list[LoadError] = []
    seen: set[str] = set()
    for path in corpus_files(folder):
        try:
            doc = load_document(path, max_bytes)
        except DocumentError as exc:
            errors.append(LoadError(path.name, str(exc)))
            log.warning("%s", exc)
            continue
        if doc.doc_id in seen:  # "a.md" and "a.txt": keep both, distinctly
            doc = Document(f"{doc.doc_id}-{path.suffix.lstrip('.')}", doc.title, doc.source, doc.text)
        seen.add(doc.doc_id)
        documents.append(doc)
    return documents, errors


def load_document(path: Path, max_bytes: int) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"{path.name}: unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    return parse_document(path.name, data, max_bytes)


def parse_document(name: str, data: bytes, max_bytes: int) -> Document:
    """Bytes of a named file to a Document; the type is checked by content, not only by name."""
    suffix = Path(name).suffix.lower()
    if len(data) > max_bytes:
        raise DocumentError(f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit")
    if data.startswith(b"%PDF"):
        if suffix != ".pdf":
            raise DocumentError(f"{name}: content is a PDF but the name says {suffix or 'no type'}")
        text, meta_title = _pdf_text(name, data)
    elif suffix == ".pdf":
        raise DocumentError(f"{name}: not a PDF file (no %PDF header)")
    else:
        text, meta_title = _plain_text(name, data), ""
    text = clean(text).strip()
    if not re.search(r"\w", text):
        raise DocumentError(f"{name}: no text found")
    stem = Path(name).stem
    title = _title(text, suffix) or meta_title or stem.replace("-", " ").replace("_", " ").strip()
    return Document(doc_id=slugify(stem), title=title, source=name, text=text)


def _plain_text(name: str, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name}: looks like a binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(f"{name}: not UTF-8 text")


def _pdf_text(name: str, data: bytes) -> tuple[str, str]:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name}: the PDF is encrypted; upload an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = str((reader.metadata or {}).get("/Title") or "").strip()
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise DocumentError(f"{name}: broken or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not any(p.strip() for p in pages):
        raise DocumentError(f"{name}: the PDF has no extractable text (a scan?)")
    return "\n\n".join(reflow_pdf_page(p) for p in pages), meta_title


def reflow_pdf_page(page: str) -> str:
    """PDF text comes as visual lines: rejoin them into blank-line separated paragraphs.

    A numbered heading line stands alone; a line that ends a sentence well short
    of the usual line width ends its paragraph, and so does a short unpunctuated
    line (a title or an unnumbered heading).
    """
    lines = [ln.strip() for ln in page.splitlines()]
    widths = sorted(len(ln) for ln in lines if ln)
    if not widths:
        return ""
    full = widths[int((len(widths) - 1) * 0.9)] if len(widths) >= 10 else widths[-1]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if not line:
            blocks.append([])
        elif numbered_heading(line) and line[-1] not in ".,;:!?":
            blocks.extend([[line], []])
        else:
            blocks[-1].append(line)
            ends_sentence = line[-1] in '.!?:"”' and len(line) < 0.85 * full
            unpunctuated_short = line[-1] not in ".,;:-" and len(line) < 0.5 * full
            if ends_sentence or unpunctuated_short:
                blocks.append([])
    return "\n\n".join(" ".join(block) for block in blocks if block)


def _title(text: str, suffix: str) -> str:
    """A markdown document's first "# " heading; for plain text, its leading title lines.

    Plain text often opens with a title and a subtitle ("CITY OF VELLMONT" /
    "ADOPTED BUDGET BRIEF, FISCAL YEAR 2026"): both belong to the title, which
    dates and names everything the document says.
    """
    lines = [ln.strip() for ln in text.strip().split("\n")]
    if suffix in (".md", ".markdown"):
        match = re.match(r"#\s+(.+?)\s*#*$", lines[0])
        return match.group(1) if match else ""
    titles: list[str] = []
    for line in lines[:4]:
        if not line:
            continue
        if len(line) > 200 or line[-1] in ".,;:!?" or numbered_heading(line) or len(titles) == 2:
            break
        titles.append(line)
    if len(titles) == 2 and not titles[1].isupper():
        titles = titles[:1]  # a second line in mixed case is body text, not a subtitle
    return " — ".join(titles) if len(lines) > len(titles) else ""
