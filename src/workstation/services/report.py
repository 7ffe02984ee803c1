"""Exporting a case report, brief or full: gather the case and write the PDF."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.reports.report_content import KINDS, chosen_sections

# Re-exported: the desktop offers the same sections.
from workstation.reports.report_content import SECTIONS as SECTIONS
from workstation.reports.report_document import write_report_pdf
from workstation.reports.report_labels import report_labels
from workstation.resources import cjk_font_path
from workstation.security.hashing import sha256_file
from workstation.security.roles import Permission
from workstation.services.report_gather import STEPS, gather_report
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)

#: The longest classification marking that fits the running header.
MARKING_LENGTH = 40

_STEPS = len(STEPS) + 1  # and writing the PDF


def write_report(
    ws: Workspace,
    case_number: str,
    out_pdf: str | Path,
    *,
    kind: str = "brief",
    lang: str = "zh",
    classification: str | None = None,
    sections: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Write the PDF report of a case and audit the export.

    A brief (a few pages) prints the case summary and where its data came
    from, the suspects with their clearest face, the latest face search of
    each probe with its first candidates, the link chart and activity
    timeline, the top key players, the evidence it refers to, every
    enhancement's processing report and the latest audit entries. A full
    report prints all of it: every search and candidate, the suspects' best
    faces, the whole key-player table, every evidence item with its original
    path, the imports' mappings and rejects, and the case's whole audit trail.

    The same database gives the same PDF: the report prints the state it shows
    (the case's latest audit entry and a SHA-256 over the rows it prints), not
    the time it was made; that time goes into the audit entry of the export.

    Args:
        ws: The open workspace.
        case_number: The case, e.g. "T-001".
        out_pdf: Where to write the PDF; its folder must exist.
        kind: "brief" (default) or "full".
        lang: "zh" (default) or "en" for headings and labels; data is printed
            as stored.
        classification: The marking printed on the cover and every page;
            "内部" (zh) or "RESTRICTED" (en) when None.
        sections: The sections after the case summary to print (see
            :data:`~workstation.reports.report_content.SECTIONS`); all when
            None. The summary names the parts left out.
        progress: Called as ``progress(done, total, message)`` after each step.
        cancel: Checked between steps; a cancelled export writes nothing.

    Returns:
        The path of the PDF.

    Raises:
        NotFoundError: No such case, or the output folder does not exist.
        WorkstationError: Unknown kind, language or section, an unusable
            marking, or the report font cannot be loaded.
        IntegrityError: An evidence file in the vault no longer matches its hash.
        AccessDeniedError: The acting user may not export.
    """
    ws.require(Permission.EXPORT)
    # bad options fail before any work is done
    labels = report_labels(lang)
    if kind not in KINDS:
        raise WorkstationError(
            f"A report's kind is {' or '.join(KINDS)}, not {kind!r}; choose one."
        )
    marking = _marking(classification, labels["default_marking"])
    sections = chosen_sections(sections)
    case = ws.case(case_number)
    out_pdf = Path(out_pdf)
    if not out_pdf.parent.is_dir():
        raise NotFoundError(
            f"Folder {out_pdf.parent} does not exist; create it or choose another "
            "place for the report."
        )

    def step(done: int, message: str) -> None:
        check_cancel(cancel)
        if progress:
            progress(done, _STEPS, message)

    content = gather_report(
        ws,
        case,
        kind=kind,
        lang=lang,
        classification=marking,
        step=step,
        sections=sections,
    )
    step(len(STEPS), "writing PDF")
    written = write_report_pdf(content, out_pdf, font_path=cjk_font_path(), lang=lang)

    ws.audit(
        "report.export",
        case.number,
        {
            "file": out_pdf.name,
            "sha256": sha256_file(out_pdf),
            "kind": kind,
            "pages": written.pages,
            "lang": lang,
            "classification": marking,
            "content_sha256": written.content_sha256,
            "sections": list(sections),
            "suspects": len(content.suspects),
            "searches": len(content.searches),
            "evidence": len(content.evidence),
        },
    )
    if progress:
        progress(_STEPS, _STEPS, "done")
    log.info(
        "exported the %s of %s (%d pages) to %s",
        kind,
        case.number,
        written.pages,
        out_pdf,
    )
    return out_pdf


def write_brief(
    ws: Workspace, case_number: str, out_pdf: str | Path, **options
) -> Path:
    """Write the case brief: :func:`write_report` with ``kind="brief"``."""
    return write_report(ws, case_number, out_pdf, kind="brief", **options)


def _marking(classification: str | None, default: str) -> str:
    """The classification marking to print, checked to fit one header line."""
    if classification is None:
        return default
    marking = " ".join(classification.split())
    if not marking or len(marking) > MARKING_LENGTH:
        raise WorkstationError(
            f"The classification marking must be 1 to {MARKING_LENGTH} characters "
            f"on one line, not {classification!r}; e.g. 内部, 秘密 or RESTRICTED."
        )
    return marking
