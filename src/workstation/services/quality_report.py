"""Exporting the monthly case-quality summary as a PDF (audited)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from workstation import __version__
from workstation.reports.quality_labels import quality_labels
from workstation.reports.quality_summary import quality_summary_pdf
from workstation.resources import cjk_font_path
from workstation.security.hashing import sha256_file
from workstation.security.roles import Permission
from workstation.services.case_quality import quality_summary
from workstation.services.file_output import check_folder, write_atomically
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)


def write_quality_summary(
    ws: Workspace,
    case_number: str,
    month: str,
    out_pdf: str | Path,
    *,
    lang: str = "zh",
    as_of: date | None = None,
    checklist: str | Path | None = None,
) -> Path:
    """Write the month's case-quality summary of a review case as a PDF.

    Args:
        ws: The open workspace.
        case_number: The review case holding the case lists.
        month: ``YYYY-MM``.
        out_pdf: Where to write the PDF; its folder must exist.
        lang: "zh" (default) or "en" for headings and labels.
        as_of: The day open administrative cases are judged on (today).
        checklist: A checklist file to use instead of the one in force.

    Returns:
        The path of the PDF.

    Raises:
        AccessDeniedError: Not a supervisor (who may also export).
        NotFoundError: No such case, or the folder does not exist.
        WorkstationError: Bad month or language, or the file cannot be written.
    """
    ws.require(Permission.EXPORT)
    quality_labels(lang)  # a bad language fails before any work
    out_pdf = Path(out_pdf)
    check_folder(out_pdf)
    summary = quality_summary(ws, case_number, month, as_of=as_of, checklist=checklist)
    pdf = quality_summary_pdf(
        summary,
        font_path=str(cjk_font_path()),
        lang=lang,
        case_title=ws.case(case_number).title,
        author=ws.user,
        software_version=__version__,
    )
    write_atomically(out_pdf, pdf.data)
    ws.audit(
        "quality.export",
        summary.case_number,
        {
            "file": out_pdf.name,
            "sha256": sha256_file(out_pdf),
            "month": summary.month,
            "as_of": summary.as_of.isoformat(),
            "lang": lang,
            "pages": pdf.pages,
        },
    )
    log.info("wrote the %s quality summary of %s to %s", month, case_number, out_pdf)
    return out_pdf
