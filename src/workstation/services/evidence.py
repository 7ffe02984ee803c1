"""Adding evidence files to a case and verifying the vault."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from workstation.domain.errors import InputFileError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import Evidence, VerifyProblem
from workstation.security.roles import Permission
from workstation.services.integrity import verified_file
from workstation.services.workspace import Workspace
from workstation.store import evidence_rows

log = logging.getLogger(__name__)


def add_evidence(
    ws: Workspace,
    case_number: str,
    paths: list[str | Path],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[tuple[Evidence, bool]]:
    """Copy files into the vault and record them; return (evidence, new) pairs.

    A file already in the case is recorded once; the originals are only read.
    """
    ws.require(Permission.EDIT_CASE)
    case = ws.case(case_number)
    for path in map(Path, paths):
        if path.is_dir():
            raise InputFileError(
                f"{path}: is a folder; nothing was added. Give the files in it "
                f"({path}/*) or `workstation faces scan`, which takes folders."
            )
        if not path.is_file():
            raise InputFileError(
                f"{path}: no such file; nothing was added. Check the path."
            )
    added = []
    for done, path in enumerate(paths, start=1):
        check_cancel(cancel)
        path = Path(path)
        sha256, stored, _ = ws.vault.add(path)
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        with ws.store.transaction():
            evidence, new = evidence_rows.insert_evidence(
                ws.store,
                case.id,
                sha256=sha256,
                original_name=path.name,
                original_path=str(path.resolve()),
                size_bytes=path.stat().st_size,
                media_type=media_type,
                vault_path=str(stored.relative_to(ws.root)),
                added_by=ws.user,
            )
            if new:
                ws.audit(
                    "evidence.add",
                    case.number,
                    {"sha256": sha256, "name": path.name, "bytes": evidence.size_bytes},
                )
        added.append((evidence, new))
        if progress:
            progress(done, len(paths), path.name)
    return added


def case_evidence(ws: Workspace, case_number: str) -> list[Evidence]:
    """The evidence items of a case, in the order they were added."""
    ws.require(Permission.VIEW_CASE)
    case = ws.case(case_number)
    return evidence_rows.list_evidence(ws.store, case.id)


def evidence_file(ws: Workspace, evidence: Evidence) -> Path:
    """The read-only vault copy of an evidence item, checked against its hash.

    Raises:
        IntegrityError: The file is missing or changed (see
            :func:`workstation.services.integrity.verified_file`).
    """
    return verified_file(ws, evidence)


def verify_vault(
    ws: Workspace, *, progress: ProgressCallback | None = None
) -> list[VerifyProblem]:
    """Re-hash every vault file and every recorded evidence item."""
    recorded = {
        ws.root / e.vault_path: e for e in evidence_rows.list_evidence(ws.store)
    }
    files = sorted(set(ws.vault.stored_files()) | set(recorded))
    problems = []
    for done, path in enumerate(files, start=1):
        problem = ws.vault.check(path)
        if problem is None and path not in recorded:
            problem = "stored in the vault but recorded in no case"
        if problem:
            sha = path.stem
            problems.append(
                VerifyProblem(
                    sha256=sha,
                    path=str(path),
                    problem=problem,
                    cases=tuple(evidence_rows.cases_holding(ws.store, sha)),
                )
            )
        if progress:
            progress(done, len(files), path.name)
    ws.audit(
        "vault.verify", str(ws.root), {"files": len(files), "problems": len(problems)}
    )
    log.info("verified %d vault files, %d problems", len(files), len(problems))
    return problems
