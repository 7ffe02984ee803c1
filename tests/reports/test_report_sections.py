"""Reports with sections left out: what prints, and what the digest covers."""

from __future__ import annotations

import re

import pytest
from test_report_repeatable import _state

from workstation.domain.errors import WorkstationError
from workstation.reports.report_content import SECTIONS, only_sections
from workstation.reports.report_digest import content_digest
from workstation.services.report import write_report
from workstation.services.report_gather import gather_report
from workstation.store.audit_log import read_audit

#: The English heading of each section.
TITLES = {
    "suspects": "2. Suspects",
    "searches": "3. Face-search candidates",
    "chart": "4. Link chart and activity timeline",
    "key_players": "5. Key players",
    "evidence": "6. Evidence list",
    "processing": "7. Image enhancement processing report",
    "audit": "8. Audit extract",
    "reviews": "9. Supervisor reviews",
}
KEPT = ("suspects", "key_players", "evidence")


def test_only_the_chosen_sections_print(timed_case, tmp_path, pdf_text):
    every = write_report(timed_case, "T-001", tmp_path / "all.pdf", lang="en")
    text = pdf_text(every)
    assert all(title in text for title in TITLES.values())
    assert "This report covers" in text

    path = write_report(
        timed_case, "T-001", tmp_path / "some.pdf", lang="en", sections=KEPT
    )
    text = pdf_text(path)
    for section, title in TITLES.items():
        assert (title in text) == (section in KEPT), title
    assert "1. Case summary" in text and "u_test.csv" in text  # always printed
    assert "parts 3, 4, 7, 8, 9" in text
    assert "This report covers" not in text  # its counts are of left-out parts
    assert "all.pdf" not in text and "Activity timeline" not in text  # audit, chart
    entry = read_audit(timed_case.store)[-1]
    assert entry.details["sections"] == list(KEPT)
    assert entry.details["content_sha256"] == _state(text)


def gather(ws, sections=None):
    return gather_report(
        ws,
        ws.case("T-001"),
        kind="brief",
        lang="en",
        classification="RESTRICTED",
        step=lambda *_: None,
        sections=sections,
    )


def test_the_digest_covers_only_the_sections_printed(phone_case):
    whole = gather(phone_case)
    assert whole.sections == SECTIONS
    some = gather(phone_case, ["evidence", "suspects"])
    assert some.sections == ("suspects", "evidence")
    assert some == only_sections(whole, some.sections)
    assert some.graph is None and some.key_players == () and some.chart_png is None
    assert some.audit == () and some.searches == () and some.reviews == ()
    assert some.evidence == whole.evidence and some.suspects == whole.suspects
    assert content_digest(some) != content_digest(whole)

    # A new link changes the graph: only a report that prints it changes.
    case_id = phone_case.case("T-001").id
    phone_case.store.execute(
        "INSERT INTO links (case_id, source_id, target_id, type, weight) "
        "SELECT ?, min(id), max(id), 'call', 5 FROM entities WHERE case_id = ?",
        [case_id, case_id],
    )
    assert content_digest(gather(phone_case, some.sections)) == content_digest(some)
    assert content_digest(gather(phone_case)) != content_digest(whole)
    charted = gather(phone_case, ["chart"])
    assert charted.graph.links == whole.graph.links + 1


def test_unknown_or_no_sections_are_refused_before_any_work(phone_case, tmp_path):
    before = len(read_audit(phone_case.store))
    with pytest.raises(WorkstationError, match=re.escape("no section photos")):
        write_report(phone_case, "T-001", tmp_path / "x.pdf", sections=["photos"])
    with pytest.raises(WorkstationError, match="at least one section"):
        write_report(phone_case, "T-001", tmp_path / "x.pdf", sections=[])
    assert not (tmp_path / "x.pdf").exists()
    assert len(read_audit(phone_case.store)) == before
