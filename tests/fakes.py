"""Small fake backends and sample text, so unit tests run in milliseconds without models."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from rag.text import terms

ROOT = Path(__file__).resolve().parent.parent


class HashEmbedder:
    """Bag of hashed terms: texts sharing words get similar vectors."""

    model_id = "hash-embedder"
    dim = 64

    def vocabulary(self) -> frozenset[str]:
        return frozenset()

    def embed(self, texts: list[str], query: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in terms(text):
                out[row, int(hashlib.md5(term.encode()).hexdigest(), 16) % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
        return out


class ScriptedGenerator:
    """Replies with a fixed text (or one computed from the prompt) and records the prompts."""

    model_id = "scripted"

    def __init__(self, reply: str | None = None, reply_for=None) -> None:
        self.reply = reply
        self.reply_for = reply_for
        self.calls: list[list[dict[str, str]]] = []

    def stream(self, messages: list[dict[str, str]], max_tokens: int, stop: list[str]) -> Iterator[str]:
        self.calls.append(messages)
        text = self.reply_for(messages) if self.reply_for else self.reply or ""
        # Word by word, as a real model streams.
        for i, word in enumerate(text.split(" ")):
            yield word if i == 0 else " " + word


SAMPLE_MD = """# Northwind Annual Review 2021

Northwind Foods is a tea and coffee trader based in Mombasa.

## I. Results

Northwind Foods sold 1,240 tonnes of tea in 2021, up 8.5% year on year. Revenue reached USD 14.2 million.

Coffee sales fell to 310 tonnes, a decline of 4.7% on the year before.

## II. People

At the end of 2021 the company employed 312 people, 40% of them in Kenya. The chief executive is Amina Otieno.
"""


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (one visual line each)."""

    def escape(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 72 740 Td 14 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
