"""The audit trail's anchor: its newest entry, kept outside the database.

The hash chain (:mod:`workstation.security.audit_chain`) shows an entry that
was edited, inserted or deleted, but a log whose newest entries were removed
is a shorter chain that is still valid. The anchor is a small JSON file beside
the database holding the number, time and hash of the newest entry, rewritten
atomically after every committed entry. A log that ends before the anchor's
entry, or whose entry of that number has another hash, has lost entries.

What the anchor defends against: entries removed by changing the database
alone, with a database tool or by putting back an older copy of the file.
What it does not: someone who rewrites both the database and the anchor file;
whoever can write one can write the other. Against that, a head written down
outside the workstation (``audit verify`` prints it, a brief can carry it) is
compared with :func:`compare_with_reference`.

>>> head = AuditHead(412, "2026-05-01T08:00:00.000000", "ab" * 32)
>>> parse_reference(head.reference) == (412, "ab" * 32)
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from workstation.domain.errors import InputFileError, WorkstationError
from workstation.security.audit_chain import AuditEntry
from workstation.security.files import write_json_atomically

ANCHOR_SUFFIX = ".audit-head.json"
#: Fewest hex digits of a hash accepted by :func:`parse_reference`.
MIN_REFERENCE_DIGITS = 12
_FORMAT = "case-workstation audit head"
_REFERENCE = re.compile(r"\s*(\d+)\s*:\s*([0-9a-fA-F]+)\s*")


@dataclass(frozen=True)
class AuditHead:
    """One entry's place in the chain: its number, time (UTC) and hash."""

    seq: int
    logged_at: str
    hash: str

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditHead:
        return cls(entry.seq, entry.logged_at, entry.hash)

    @property
    def reference(self) -> str:
        """``SEQ:HASH``, the form ``workstation audit verify --expect`` takes."""
        return f"{self.seq}:{self.hash}"

    def describe(self) -> str:
        """The entry in words, e.g. for a brief or the verify output."""
        return f"entry {self.seq}, logged {self.logged_at} UTC, sha256 {self.hash}"


class AuditAnchorError(InputFileError):
    """The anchor file exists but cannot be read."""


class AnchorState(StrEnum):
    """How the audit log compares with its anchor (or an expected head)."""

    MATCHES = "matches"
    BEHIND = "behind"
    NOT_STARTED = "not started"
    MISSING = "missing"
    DAMAGED = "damaged"
    TRUNCATED = "truncated"
    DIFFERENT = "different"


#: States that do not show a tampered log.
SOUND_STATES = frozenset(
    {AnchorState.MATCHES, AnchorState.BEHIND, AnchorState.NOT_STARTED}
)


@dataclass(frozen=True)
class AnchorFinding:
    """The comparison's outcome and one sentence a person can act on.

    Attributes:
        state: What was found.
        message: What, where and what to do.
        missing: How many of the newest entries are gone, at least (only for
            :attr:`AnchorState.TRUNCATED`).
    """

    state: AnchorState
    message: str
    missing: int = 0

    @property
    def sound(self) -> bool:
        """Whether this finding leaves the log trusted."""
        return self.state in SOUND_STATES


def anchor_file_for(database: str | Path) -> Path:
    """Where the anchor of ``database`` lives (beside it)."""
    database = Path(database)
    return database.with_name(database.name + ANCHOR_SUFFIX)


def write_anchor(path: str | Path, head: AuditHead) -> None:
    """Write the anchor atomically (temporary file, fsync, rename).

    Raises:
        OSError: The folder cannot be written.
    """
    write_json_atomically(
        path,
        {
            "format": _FORMAT,
            "seq": head.seq,
            "logged_at": head.logged_at,
            "hash": head.hash,
        },
    )


def read_anchor(path: str | Path) -> AuditHead | None:
    """The head recorded in ``path``, or None when there is no such file.

    Raises:
        AuditAnchorError: The file exists but is not a readable anchor.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise _damaged(path, exc) from exc
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("not an audit anchor file")
        head = AuditHead(int(data["seq"]), str(data["logged_at"]), str(data["hash"]))
        if head.seq < 1 or not re.fullmatch(r"[0-9a-f]{64}", head.hash):
            raise ValueError("its entry number or hash is not valid")
    except (ValueError, KeyError, TypeError) as exc:
        raise _damaged(path, exc) from exc
    return head


def _damaged(path: Path, exc: Exception) -> AuditAnchorError:
    return AuditAnchorError(
        f"{path}: the audit trail's anchor file is damaged ({exc}); compare the "
        "trail with a head recorded elsewhere (`workstation audit verify --expect "
        "SEQ:HASH`), then an administrator may restart the anchor with "
        "`workstation audit anchor --reset --reason TEXT`."
    )


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _missing(count: int) -> str:
    verb = "is" if count == 1 else "are"
    return f"at least {_entries(count)} at the end {verb} missing"


def _where_to_go(since: str) -> str:
    return (
        f"Restore the database from a backup made after {since} UTC, or have an "
        "administrator accept the trail as it is with `workstation audit anchor "
        "--reset --reason TEXT`."
    )


def compare_with_anchor(
    entries: Sequence[AuditEntry], anchor: AuditHead, *, where: str
) -> AnchorFinding:
    """Compare the log with the head its anchor file records.

    Args:
        entries: The whole log, oldest first.
        anchor: The head read from the anchor file.
        where: The anchor file's name, for the message.

    Returns:
        MATCHES when the anchor names the newest entry; BEHIND when it names an
        older one that is still there (the workstation stopped between a
        commit and the anchor's update); TRUNCATED when the log ends before the
        anchor's entry; DIFFERENT when the log's entry of that number is
        another.

    Example:
        >>> compare_with_anchor([], AuditHead(3, "t", "0" * 64), where="a").missing
        3
    """
    last = entries[-1] if entries else None
    last_seq = last.seq if last else 0
    if anchor.seq > last_seq:
        missing = anchor.seq - last_seq
        remaining = (
            f"the last entry left is {last.seq} ({last.logged_at} UTC, "
            f"{last.action} {last.object})"
            if last
            else "no entry is left"
        )
        return AnchorFinding(
            AnchorState.TRUNCATED,
            f"Audit trail truncated: it ends at entry {last_seq}, but its anchor "
            f"{where} records entry {anchor.seq} (logged {anchor.logged_at} UTC, "
            f"sha256 {anchor.hash[:16]}…), so {_missing(missing)}; {remaining}. "
            f"{_where_to_go(anchor.logged_at)}",
            missing,
        )
    entry = next((e for e in entries if e.seq == anchor.seq), None)
    if entry is None or entry.hash != anchor.hash:
        found = (
            f"the trail's has sha256 {entry.hash[:16]}… (logged {entry.logged_at} UTC)"
            if entry
            else "the trail has no such entry"
        )
        return AnchorFinding(
            AnchorState.DIFFERENT,
            f"Audit trail does not match its anchor: {where} records entry "
            f"{anchor.seq} with sha256 {anchor.hash[:16]}… (logged "
            f"{anchor.logged_at} UTC), but {found}. The trail was cut back to "
            f"before entry {anchor.seq} and other entries written in their place, "
            f"or the anchor file was edited. {_where_to_go(anchor.logged_at)}",
        )
    if anchor.seq < last_seq:
        return AnchorFinding(
            AnchorState.BEHIND,
            f"The anchor {where} records entry {anchor.seq}, "
            f"{_entries(last_seq - anchor.seq)} behind the newest: the workstation "
            "stopped before updating it. It is brought up to date with the next "
            "entry.",
        )
    return AnchorFinding(
        AnchorState.MATCHES,
        f"The anchor {where} records the newest entry, {anchor.seq}: nothing was "
        "removed from the end.",
    )


def parse_reference(text: str) -> tuple[int, str]:
    """``(seq, hash prefix)`` from ``SEQ:HASH`` as printed by ``audit verify``.

    Raises:
        WorkstationError: The text is not of that form, or the hash is shorter
            than :data:`MIN_REFERENCE_DIGITS` hex digits.
    """
    match = _REFERENCE.fullmatch(text or "")
    if not match or len(match[2]) < MIN_REFERENCE_DIGITS or int(match[1]) < 1:
        raise WorkstationError(
            f"{text!r} is not an audit head; write it as SEQ:HASH (the entry "
            f"number, a colon and at least {MIN_REFERENCE_DIGITS} hex digits of its "
            "sha256), as `workstation audit verify` and the brief print it."
        )
    return int(match[1]), match[2].lower()


def compare_with_reference(
    entries: Sequence[AuditEntry], reference: str
) -> AnchorFinding:
    """Compare the log with a head written down earlier (``SEQ:HASH``).

    Raises:
        WorkstationError: ``reference`` is not of the form ``SEQ:HASH``.
    """
    seq, digits = parse_reference(reference)
    last_seq = entries[-1].seq if entries else 0
    if seq > last_seq:
        missing = seq - last_seq
        return AnchorFinding(
            AnchorState.TRUNCATED,
            f"Audit trail truncated: it ends at entry {last_seq}, but entry {seq} "
            f"was expected ({digits[:16]}…), so {_missing(missing)}. Restore the "
            "database from a backup made after that head was written down.",
            missing,
        )
    entry = next((e for e in entries if e.seq == seq), None)
    if entry is None or not entry.hash.startswith(digits):
        found = f"sha256 {entry.hash[:16]}…" if entry else "no such entry"
        return AnchorFinding(
            AnchorState.DIFFERENT,
            f"Audit trail rewritten: entry {seq} was expected with sha256 "
            f"{digits[:16]}…, but the trail has {found}: it was rewritten from entry "
            f"{seq} or earlier. Restore the database from a backup made after that "
            "head was written down.",
        )
    return AnchorFinding(
        AnchorState.MATCHES,
        f"Entry {seq} is the one expected ({digits[:16]}…); "
        f"{_entries(last_seq - seq)} added since.",
    )
