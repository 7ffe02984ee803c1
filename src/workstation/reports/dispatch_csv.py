"""The fraud-warning dispatch list as CSV: one row a resident, grouped by officer.

Written as UTF-8 with a byte-order mark, so Excel opens the Chinese headings
and names correctly, and every cell passes through
:func:`workstation.security.csv_cells.escape_cell` (a phone number written
``+86...`` is therefore ``'+86...``, which a spreadsheet shows as text).
"""

from __future__ import annotations

import csv
import io

from workstation.domain.warning_records import ContactedResident, WarningResult
from workstation.reports.dispatch_labels import COLUMNS, dispatch_labels
from workstation.reports.pdf_parts import when
from workstation.security.csv_cells import escape_cell

#: Phones and watched numbers in one cell are separated by this.
LIST_SEPARATOR = " "


def call_minutes(seconds: int) -> str:
    """Call seconds as minutes with one decimal.

    >>> call_minutes(95)
    '1.6'
    """
    return f"{seconds / 60:.1f}"


def resident_cells(resident: ContactedResident, labels: dict) -> dict[str, str]:
    """The dispatch list's cells of one resident, by column name."""
    return {
        "officer": resident.officer or labels["no_officer"],
        "rank": str(resident.rank),
        "score": f"{resident.score:.2f}",
        "name": resident.name if resident.listed else labels["unlisted"],
        "phones": LIST_SEPARATOR.join(resident.phones),
        "address": resident.address,
        "community": resident.community,
        "contacts": str(resident.contacts),
        "calls": str(resident.calls),
        "messages": str(resident.messages),
        "call_minutes": call_minutes(resident.call_seconds),
        "watched_numbers": LIST_SEPARATOR.join(resident.watched_numbers),
        "days": str(resident.days),
        "callbacks": str(resident.callbacks),
        "first_contact": when(resident.first_contact, seconds=True),
        "last_contact": when(resident.last_contact, seconds=True),
    }


def dispatch_csv(result: WarningResult, lang: str = "zh") -> bytes:
    """The dispatch list as CSV bytes: a heading row, then officer by officer.

    Args:
        result: the warning's result.
        lang: "zh" or "en", the language of the heading row.

    Returns:
        UTF-8 with a byte-order mark, lines ended by CRLF.
    """
    labels = dispatch_labels(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([escape_cell(labels["columns"][c]) for c in COLUMNS])
    for group in result.groups:
        for resident in group.residents:
            cells = resident_cells(resident, labels)
            writer.writerow([escape_cell(cells[c]) for c in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")
