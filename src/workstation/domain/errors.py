"""Typed errors a user can meet; each message says what, where and what to do."""

from __future__ import annotations


class WorkstationError(Exception):
    """Base class of every error the CLI and UI show to a person as one line."""


class WorkstationWarning(UserWarning):
    """Warnings of the project's own code (tests turn them into errors)."""


class NotFoundError(WorkstationError):
    """A case, file, entity or face that was asked for does not exist."""


class InputFileError(WorkstationError):
    """A file given by the user cannot be read (missing, unreadable, wrong format)."""


class AlreadyImportedError(WorkstationError):
    """A file was already imported into the case with the same spec."""


class ImportSpecError(WorkstationError):
    """A mapping spec is malformed or does not fit the file it is applied to."""


class ModelPackError(WorkstationError):
    """A face model pack is missing, incomplete or fails its hash check."""


class IntegrityError(WorkstationError):
    """Stored evidence or records no longer match their recorded hashes."""
