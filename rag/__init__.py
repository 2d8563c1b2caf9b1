"""Grounded, cited question answering over a folder of documents.

The facade is ``Pipeline(Settings.from_env()).ask(question)``, which returns an ``Answer``.
"""

from rag.config import Settings
from rag.pipeline import Pipeline
from rag.types import Answer, Chunk, Citation, Document, Passage

__all__ = ["Answer", "Chunk", "Citation", "Document", "Passage", "Pipeline", "Settings"]
