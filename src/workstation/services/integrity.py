"""Checking evidence files against their hashes when opened and before export.

Every service that opens an evidence file gets it from :func:`verified_file`,
which re-hashes it the first time it is opened in a session (and again if the
file's status changed since), so a scan, an enhancement or the viewer never
works on a file that changed. An export (the PDF brief) lists evidence with
SHA-256 sums; :func:`verify_items` re-hashes exactly those vault files first
and audits a failure, so a brief never vouches for a file that changed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from workstation.domain.errors import IntegrityError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import Evidence
from workstation.security.hashing import sha256_file
from workstation.services.workspace import Workspace
from workstation.store import evidence_rows
from workstation.store.cases import list_cases

log = logging.getLogger(__name__)


def verify_items(
    ws: Workspace,
    evidence: Iterable[Evidence],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Re-hash the vault copies of some evidence items; fail if any changed.

    Args:
        ws: The open workspace.
        evidence: The items about to be exported (e.g. a brief's evidence list).
        progress: Called as ``progress(done, total, name)`` after each file.
        cancel: Checked before each file.

    Returns:
        How many files were verified.

    Raises:
        IntegrityError: A file is missing, changed or writable; the message
            names each one with its case and vault path. The failure is audited.
    """
    items = list(evidence)
    case_numbers = {case.id: case.number for case in list_cases(ws.store)}
    problems = []
    for done, item in enumerate(items, start=1):
        check_cancel(cancel)
        path = ws.root / item.vault_path
        problem = _problem(path, item.sha256)
        if problem:
            problems.append(
                {
                    "evidence_id": item.id,
                    "name": item.original_name,
                    "case": case_numbers.get(item.case_id, str(item.case_id)),
                    "vault_path": item.vault_path,
                    "problem": problem,
                    "other_cases": [
                        c
                        for c in evidence_rows.cases_holding(ws.store, item.sha256)
                        if c != case_numbers.get(item.case_id)
                    ],
                }
            )
        if progress:
            progress(done, len(items), item.original_name)
    if problems:
        ws.audit(
            "vault.integrity_failed",
            ", ".join(sorted({p["case"] for p in problems})),
            {"checked": len(items), "problems": problems},
        )
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise IntegrityError(
            f"Evidence {first['name']} of case {first['case']} "
            f"({first['vault_path']}) {first['problem']}{more}; nothing was "
            "exported. Run `workstation verify` and restore the file from the "
            "original before exporting."
        )
    log.info("verified %d evidence files before export", len(items))
    return len(items)


def verified_file(ws: Workspace, evidence: Evidence) -> Path:
    """The vault copy of an evidence item, checked against its SHA-256 first.

    The file is re-hashed the first time it is opened in a session, and again
    whenever its size, times or inode changed since. Safe to call from a
    worker thread: the database is read, if at all, through a connection of
    its own.

    Raises:
        IntegrityError: The file is missing, unreadable or changed; the message
            names it, its vault path and its case.
    """
    path = ws.root / evidence.vault_path
    stamp = _stamp(path)
    if stamp is not None and ws.verified_files.get(evidence.vault_path) == stamp:
        return path
    problem = _problem(path, evidence.sha256)
    if problem is None:
        ws.verified_files[evidence.vault_path] = stamp
        return path
    reader = ws.store.shared()
    try:
        numbers = {case.id: case.number for case in list_cases(reader)}
    finally:
        reader.close()
    case = numbers.get(evidence.case_id, str(evidence.case_id))
    log.warning("evidence %s of case %s %s", evidence.vault_path, case, problem)
    raise IntegrityError(
        f"Evidence {evidence.original_name} of case {case} ({evidence.vault_path}) "
        f"{problem}; it was not opened. Run `workstation verify` and restore the "
        "file from the original."
    )


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _problem(path, recorded: str) -> str | None:
    if not path.is_file():
        return "is missing from the vault"
    try:
        actual = sha256_file(path)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if actual != recorded:
        return (
            f"no longer matches its recorded SHA-256 {recorded[:16]}... "
            f"(now {actual[:16]}...)"
        )
    return None
