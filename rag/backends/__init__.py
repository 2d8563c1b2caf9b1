"""Swappable implementations of the Embedder, VectorIndex and Generator protocols."""
