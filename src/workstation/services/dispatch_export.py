"""Exporting the fraud warning's dispatch list as CSV or PDF (audited).

The files leave the workstation with residents' personal data in them, so an
export needs the right to export and writes an audit entry with the file's
name, SHA-256 and how many residents it lists. Files are written whole or not
at all (:func:`workstation.services.file_output.write_atomically`).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from workstation.domain.warning_records import WarningResult
from workstation.reports.dispatch_csv import dispatch_csv
from workstation.reports.dispatch_list import dispatch_pdf
from workstation.resources import cjk_font_path
from workstation.security.roles import Permission
from workstation.services.file_output import check_folder, write_atomically
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)


def _write(
    ws: Workspace, result: WarningResult, path: Path, data: bytes, kind: str, **extra
) -> Path:
    write_atomically(path, data)
    ws.audit(
        "warning.export",
        result.case_number,
        {
            "format": kind,
            "file": path.name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "from": result.start.isoformat(),
            "to": result.end.isoformat(),
            "lists": [w.id for w in result.watch_lists],
            "rows": len(result.residents),
            **extra,
        },
    )
    log.info("wrote the dispatch list of %s to %s", result.case_number, path)
    return path


def export_dispatch_csv(
    ws: Workspace, result: WarningResult, csv_path: str | Path, *, lang: str = "zh"
) -> Path:
    """Write the dispatch list as CSV.

    Args:
        ws: the open workspace.
        result: a result of :func:`workstation.services.fraud_warning.run_warning`.
        csv_path: the file to write; its folder must exist.
        lang: "zh" or "en", the language of the heading row.

    Returns:
        The path written.

    Raises:
        AccessDeniedError: the user may not export.
        NotFoundError: the folder does not exist.
        WorkstationError: the file cannot be written.
    """
    ws.require(Permission.EXPORT)
    path = Path(csv_path)
    check_folder(path)
    return _write(ws, result, path, dispatch_csv(result, lang), "csv", lang=lang)


def export_dispatch_pdf(
    ws: Workspace,
    result: WarningResult,
    pdf_path: str | Path,
    *,
    lang: str = "zh",
    classification: str | None = None,
) -> Path:
    """Write the dispatch list as a PDF, one section per community officer.

    Args:
        ws: the open workspace.
        result: a result of :func:`workstation.services.fraud_warning.run_warning`.
        pdf_path: the file to write; its folder must exist.
        lang: "zh" or "en".
        classification: the marking printed on every page; 内部 / RESTRICTED
            when None.

    Returns:
        The path written.

    Raises:
        AccessDeniedError: the user may not export.
        NotFoundError: the folder does not exist.
        WorkstationError: the font is missing or the file cannot be written.
    """
    ws.require(Permission.EXPORT)
    path = Path(pdf_path)
    check_folder(path)
    data, pages = dispatch_pdf(
        result, font_path=cjk_font_path(), lang=lang, classification=classification
    )
    return _write(
        ws,
        result,
        path,
        data,
        "pdf",
        lang=lang,
        pages=pages,
        classification=classification or "",
    )
