"""Stage 2: cut Documents into section-aware paragraph Chunks with stable ids.

Headings make sections: markdown ``#`` headings, and in plain text or PDF,
numbered lines ("II. Revenues", "3.1 Charging", "Chapter 4 ...") and short
all-caps lines. Paragraphs inside a section are the chunks; a paragraph over the
token limit is split at sentence boundaries. Ids are ``doc#s<section>.p<paragraph>``
(``.k`` appended for the parts of a split paragraph), where s0 holds what comes
before the first section heading; they change only if the document's structure does.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from rag.text import count_tokens, leans_on_previous, numbered_heading, sentences
from rag.types import Chunk, Document

_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SETEXT_RE = re.compile(r"^(=+|-+)\s*$")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_FIELD_RE = re.compile(r"^\s*[^\W\d_][^:]{0,40}:\s+\S")
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


@dataclass
class _Section:
    number: int
    title: str
    level: int
    paragraphs: list[str] = field(default_factory=list)


def chunk_document(doc: Document, max_tokens: int, heading_max_chars: int) -> list[Chunk]:
    markdown = doc.source.lower().endswith((".md", ".markdown"))
    blocks = _markdown_blocks(doc.text) if markdown else _text_blocks(doc.text, heading_max_chars)
    # Plain-text title lines (title and subtitle) open section 0 instead of being sections.
    title_lines = doc.title.split(" — ") if not markdown else [doc.title]
    while blocks and blocks[0][2] in title_lines and not markdown:
        blocks.pop(0)
    if not markdown:
        blocks.insert(0, ("h", 0, doc.title))
    sections = _sections(blocks, doc.title)
    chunks: list[Chunk] = []
    for section in sections:
        for p_index, paragraph in enumerate(section.paragraphs, start=1):
            parts = split_paragraph(paragraph, max_tokens)
            for k, part in enumerate(parts, start=1):
                suffix = f".{k}" if len(parts) > 1 else ""
                chunks.append(
                    Chunk(
                        id=f"{doc.doc_id}#s{section.number}.p{p_index}{suffix}",
                        doc_id=doc.doc_id,
                        document=doc.title,
                        section=section.title,
                        text=part,
                    )
                )
    return chunks


# A block is ("h", level, text) for a heading or ("p", 0, text) for a paragraph.
_Block = tuple[str, int, str]


def _markdown_blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    lines: list[str] = []
    in_fence = False

    def flush() -> None:
        if lines:
            blocks.append(("p", 0, _join(lines, markdown=True)))
            lines.clear()

    for line in text.split("\n"):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            lines.append(line)
            continue
        if in_fence:
            lines.append(line)
            continue
        heading = _MD_HEADING_RE.match(line)
        if heading:
            flush()
            blocks.append(("h", len(heading.group(1)), _strip_markdown(heading.group(2))))
        elif _SETEXT_RE.match(line) and len(lines) == 1:
            blocks.append(("h", 1 if line.lstrip()[0] == "=" else 2, _strip_markdown(lines[0].strip())))
            lines.clear()
        elif not line.strip():
            flush()
        else:
            lines.append(line)
    flush()
    return blocks


def _text_blocks(text: str, heading_max_chars: int) -> list[_Block]:
    blocks: list[_Block] = []
    for raw in re.split(r"\n\s*\n", text):
        lines = [ln for ln in raw.split("\n") if ln.strip()]
        while lines:
            level = _plain_heading_level(lines[0].strip(), heading_max_chars)
            if not level:
                break
            blocks.append(("h", level, lines.pop(0).strip()))
        if lines:
            blocks.append(("p", 0, _join(lines, markdown=False)))
    return blocks


def _plain_heading_level(line: str, max_chars: int) -> int:
    if len(line) > max_chars or line[-1] in ".,;:!?" or not re.search(r"[^\W\d_]", line):
        return 0
    level = numbered_heading(line)
    letters = re.sub(r"[^A-Za-z]", "", line)
    if not level and len(letters) >= 4 and letters.isupper() and len(line.split()) <= 12:
        level = 1  # "SAFETY INSTRUCTIONS"
    return level


def _sections(blocks: list[_Block], doc_title: str) -> list[_Section]:
    """Number the sections; the document's own title heading opens section 0."""
    headings = [b for b in blocks if b[0] == "h"]
    title_first = bool(blocks) and blocks[0][0] == "h" and blocks[0][2] == doc_title
    if title_first and all(level > blocks[0][1] for _, level, _ in headings[1:]):
        blocks = blocks[1:]
    sections = [_Section(0, "", 0)]
    path: list[tuple[int, str]] = []
    for kind, level, text in blocks:
        if kind == "h":
            path = [(lv, t) for lv, t in path if lv < level] + [(level, text)]
            sections.append(_Section(len(sections), " › ".join(t for _, t in path), level))
        elif sections[-1].paragraphs and sections[-1].paragraphs[-1].endswith(":"):
            # "The following projects are funded:" says nothing without the list after it,
            # and the list says neither what it lists nor for when: one paragraph.
            sections[-1].paragraphs[-1] += f"\n{text}"
        else:
            sections[-1].paragraphs.append(text)
    return [s for s in sections if s.paragraphs or s.number]


def split_paragraph(paragraph: str, max_tokens: int) -> list[str]:
    """The paragraph itself, or runs of its sentences of about equal length under ``max_tokens``."""
    total = count_tokens(paragraph)
    if total <= max_tokens:
        return [paragraph]
    joiner = "\n" if "\n" in paragraph else " "
    units: list[str] = []
    for sentence in sentences(paragraph):
        # A sentence over the limit on its own is cut at word boundaries.
        n = count_tokens(sentence)
        words = sentence.split()
        if n > max_tokens:
            units.extend(_pack(words, max_tokens, n / math.ceil(n / max_tokens)))
        elif units and leans_on_previous(sentence) and count_tokens(units[-1]) + n <= max_tokens:
            # "This project has become ..." stays with the sentence that names the project:
            # a piece starting with it would say neither to the search nor to the reader what it is about.
            units[-1] = f"{units[-1]}{joiner}{sentence}"
        else:
            units.append(sentence)
    return _pack(units, max_tokens, total / math.ceil(total / max_tokens), joiner)


def _pack(units: list[str], max_tokens: int, target: float, joiner: str = " ") -> list[str]:
    """Join consecutive units into pieces near ``target`` and never over ``max_tokens``.

    A unit goes to the piece its middle falls in, which balances the pieces.
    """
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for unit in units:
        n = count_tokens(unit)
        if current and (size + n > max_tokens or size + n / 2 > target):
            parts.append(joiner.join(current))
            current, size = [], 0
        current.append(unit)
        size += n
    if current:
        parts.append(joiner.join(current))
    return parts


def _join(lines: list[str], markdown: bool) -> str:
    listing = any(_LIST_ITEM_RE.match(ln) for ln in lines[1:])
    fields = sum(bool(_FIELD_RE.match(ln)) for ln in lines)
    if listing or (len(lines) > 1 and fields * 2 >= len(lines)):
        joined = "\n".join(ln.strip() for ln in lines)  # list items and "Key: value" lines stay lines
    else:
        joined = " ".join(ln.strip() for ln in lines)
    return _strip_markdown(joined) if markdown else joined


def _strip_markdown(text: str) -> str:
    text = _MD_LINK_RE.sub(r"\1", text)
    return _MD_EMPHASIS_RE.sub(r"\2", text)
