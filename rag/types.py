"""Small value classes that flow between the stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    doc_id: str  # slug of the file name, stable across rebuilds
    title: str
    source: str  # file name inside the corpus folder
    text: str  # normalised text: markdown as written, plain text with recovered paragraphs


@dataclass(frozen=True)
class Chunk:
    id: str  # e.g. "star-market-2023#s3.p2"
    doc_id: str
    document: str  # the document's title
    section: str  # the heading the paragraph sits under ("" if none)
    text: str

    @property
    def paragraph_id(self) -> str:
        """The paragraph this chunk is a piece of: an over-long paragraph is split into
        "…#s3.p2.1", "…#s3.p2.2"."""
        head, _, piece = self.id.rpartition(".")
        return head if piece.isdigit() and "." in head.partition("#")[2] else self.id

    @property
    def indexed_text(self) -> str:
        """What is embedded and matched: document and section titles are part of the evidence.

        A manual's sections rarely repeat the product's name; its title does.
        """
        return "\n".join(part for part in (self.document, self.section, self.text) if part)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk as given to the generator, numbered from 1."""

    n: int
    chunk: Chunk
    score: float
    # The chunk's sentences the model was shown (best ones only, in document order).
    sentences: tuple[str, ...]

    @property
    def shown_text(self) -> str:
        """The shown sentences as one text; one that starts a line in the chunk (a list item,
        a "Key: value" line) starts one here too: run together, a list reads as one sentence."""
        text = self.chunk.text
        shown = ""
        for sentence in self.sentences:
            at = text.find(sentence)
            shown += ("\n" if at > 0 and text[at - 1] == "\n" else " ") if shown else ""
            shown += sentence
        return shown


@dataclass(frozen=True)
class Citation:
    n: int
    chunk_id: str
    document: str
    section: str
    quote: str  # the sentence of the passage that supports the claim


@dataclass
class Answer:
    question: str
    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # Prompt, reused-prefix and generated token counts, where the generator reports them.
    tokens: dict[str, int] = field(default_factory=dict)
    # Why the answer was declined or corrected, for the UI and the eval report.
    notes: list[str] = field(default_factory=list)
    # The question actually searched for (a follow-up rewritten to stand alone).
    standalone_question: str = ""
    # The generator's unchecked reply, and every candidate chunk id in rank order.
    draft: str = ""
    retrieved: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question or self.question,
            "answer": self.text,
            "refused": self.refused,
            "citations": [asdict(c) for c in self.citations],
            "passages": [
                {
                    "n": p.n,
                    "chunk_id": p.chunk.id,
                    "document": p.chunk.document,
                    "section": p.chunk.section,
                    "score": round(p.score, 4),
                    "text": p.chunk.text,
                    "shown": p.shown_text,
                }
                for p in self.passages
            ],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
            "tokens": self.tokens,
            "notes": self.notes,
            "draft": self.draft,
            "retrieved": self.retrieved,
        }
