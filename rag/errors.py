"""Errors a user can act on. Each message says what went wrong and what to do."""


class RagError(Exception):
    """Base class: anything the CLI, app or API shows to a person as-is."""


class QuestionError(RagError, ValueError):
    """The question cannot be asked as given (empty, too long, ...)."""


class DocumentError(RagError, ValueError):
    """A file that cannot become a document; the message names the file."""


class IndexCorruptError(RagError):
    """The index on disk is unreadable; it will be rebuilt."""


class ModelLoadError(RagError, RuntimeError):
    """A model could not be loaded; the message says which and what to do."""


class GenerationError(RagError, RuntimeError):
    """The model could not produce an answer for this request."""
