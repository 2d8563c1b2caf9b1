"""Grounded, cited question answering over a folder of documents.

    from rag import Pipeline, Settings
    answer = Pipeline(Settings.from_env()).ask("What was total revenue in 2023?")
"""

from rag.config import Settings
from rag.pipeline import Pipeline
from rag.types import Answer, Chunk, Citation, Document, Passage

__all__ = ["Answer", "Chunk", "Citation", "Document", "Passage", "Pipeline", "Settings"]
