"""A SHA-256 over the data a report prints: the database state it was made from.

The digest covers every row of a :class:`~workstation.reports.report_content.
ReportContent` (case, suspects, searches and candidates, graph figures, key
players, timeline counts, evidence with its hashes, imports, enhancements and
audit entries) written as canonical JSON, with the names of the sections it
prints; a section left out has no rows in the content, so only what is
printed is covered. It leaves out how the report was made (kind, language,
classification marking, author, software version) and the pictures, which
are drawn from the rows. So two reports of the same database and sections
carry the same digest, and any changed row changes it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum

log = logging.getLogger(__name__)

#: Fields of the report content that say how a report was made, not what it shows.
NOT_DATA = frozenset({"kind", "classification", "author", "software_version"})


def content_digest(content: object) -> str:
    """The SHA-256 (hex) of the data fields of ``content``.

    Args:
        content: A report content dataclass (any frozen dataclass tree).

    Returns:
        64 hex digits.

    Example:
        >>> from workstation.reports.report_content import AuditLine
        >>> line = AuditLine(1, datetime(2026, 1, 2, 3, 4), "a", "case.create", "T")
        >>> content_digest(line) == content_digest(AuditLine(*line.__dict__.values()))
        True
        >>> content_digest(line) == content_digest(dataclasses.replace(line, seq=2))
        False
    """
    text = json.dumps(
        _plain(content), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: object) -> object:
    """JSON-ready data: dataclasses as dicts of their data fields, images left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in NOT_DATA and not isinstance(getattr(value, f.name), bytes)
        }
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value if not isinstance(v, bytes)]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float):
        return repr(value)
    return value
