"""The review workflow: submit, return with comments, resubmit, approve."""

from __future__ import annotations

import pytest
from account_data import log_in

from workstation.domain.errors import IntegrityError, NotFoundError, WorkstationError
from workstation.security.errors import AccessDeniedError
from workstation.services import reviews
from workstation.services.ingest import import_table
from workstation.store.audit_log import read_audit

PHONE_CALLS = ("networks", "montagna", "Montagna_phonecalls_edgelist.csv")


@pytest.fixture
def chart_case(accounts, shared_data):
    """T-001 holding the Montagna phone calls (100 people, 124 pairs)."""
    log_in(accounts, "ivan")
    import_table(
        accounts, "T-001", shared_data.joinpath(*PHONE_CALLS), "montagna_phonecalls"
    )
    return accounts


def test_chart_review_returned_resubmitted_and_approved(chart_case, shared_data):
    ws = chart_case
    log_in(ws, "ana")
    review = reviews.submit_review(ws, "T-001", "chart", "call", note="核心成员")
    assert (review.kind, review.object_ref, review.state) == (
        "chart",
        "call",
        "submitted",
    )
    assert (review.snapshot["nodes"], review.snapshot["edges"]) == (100, 124)

    with pytest.raises(AccessDeniedError, match="approve or return reviews"):
        reviews.approve_review(ws, review.id)
    log_in(ws, "ivan")
    with pytest.raises(AccessDeniedError, match="approve or return reviews"):
        reviews.approve_review(ws, review.id)

    log_in(ws, "sue")
    with pytest.raises(WorkstationError, match="give a comment"):
        reviews.return_review(ws, review.id, "  ")
    returned = reviews.return_review(ws, review.id, "标出会面关系")
    assert (returned.state, returned.decided_by) == ("returned", "sue")
    with pytest.raises(WorkstationError, match="not awaiting a decision"):
        reviews.approve_review(ws, review.id)

    with pytest.raises(AccessDeniedError, match="only they"):
        reviews.resubmit_review(ws, review.id)
    log_in(ws, "ana")
    again = reviews.resubmit_review(ws, review.id, "已补充")
    assert (again.state, again.decided_by) == ("submitted", None)

    log_in(ws, "sam")
    approved = reviews.approve_review(ws, review.id, "可以")
    assert (approved.state, approved.decided_by) == ("approved", "sam")
    assert approved.decided_at is not None

    _, history = reviews.review_history(ws, review.id)
    assert [(e.action, e.user_name, e.role, e.comment) for e in history] == [
        ("submitted", "ana", "analyst", "核心成员"),
        ("returned", "sue", "supervisor", "标出会面关系"),
        ("resubmitted", "ana", "analyst", "已补充"),
        ("approved", "sam", "supervisor", "可以"),
    ]
    audited = [e.action for e in read_audit(ws.store) if e.action.startswith("review")]
    assert audited == [
        "review.submit",
        "review.return",
        "review.resubmit",
        "review.approve",
    ]
    assert [r.id for r in reviews.list_reviews(ws, "T-001", "approved")] == [review.id]
    assert reviews.list_reviews(ws, state="submitted") == []


def test_nobody_decides_their_own_submission(chart_case):
    ws = chart_case
    log_in(ws, "sue")
    review = reviews.submit_review(ws, "T-001", "chart", "all")
    with pytest.raises(AccessDeniedError, match="cannot also decide it"):
        reviews.approve_review(ws, review.id)
    denied = read_audit(ws.store)[-1]
    assert (denied.action, denied.details["reason"]) == (
        "access.denied",
        "own submission",
    )
    log_in(ws, "sam")
    assert reviews.approve_review(ws, review.id).state == "approved"


def test_chart_changed_after_submission_is_not_approved(chart_case, shared_data):
    ws = chart_case
    log_in(ws, "ana")
    review = reviews.submit_review(ws, "T-001", "chart", "all")
    log_in(ws, "ivan")  # more calls arrive after the chart was submitted
    meetings = shared_data / "networks/montagna/Montagna_meetings_edgelist.csv"
    import_table(ws, "T-001", meetings, "montagna_meetings")
    log_in(ws, "sue")
    with pytest.raises(IntegrityError, match="changed after it was submitted"):
        reviews.approve_review(ws, review.id)
    assert reviews.return_review(ws, review.id, "数据已更新").state == "returned"
    log_in(ws, "ana")
    again = reviews.resubmit_review(ws, review.id)
    assert again.snapshot["edges"] > 124
    log_in(ws, "sue")
    assert reviews.approve_review(ws, review.id).state == "approved"


def test_a_saved_chart_view_is_reviewed_as_saved(chart_case, shared_data):
    from workstation.services.graph_chart import case_chart, expand_chart, save_chart

    ws = chart_case
    log_in(ws, "ana")
    state = case_chart(ws, "T-001")
    hub = next(n for n, d in state.graph.nodes(data=True) if d["label"] == "18")
    focused, _ = expand_chart(state, [hub], hops=1)
    saved = save_chart(ws, "T-001", "18 的通话圈", focused).view
    review = reviews.submit_review(ws, "T-001", "chart", "view:18 的通话圈@1")
    assert review.object_ref == "view:18 的通话圈@1"
    assert review.snapshot["nodes"] == len(saved.selection) == 26
    assert (review.snapshot["author"], review.snapshot["version"]) == ("ana", 1)

    # meetings between the shown people change what the view shows
    log_in(ws, "ivan")
    meetings = shared_data / "networks/montagna/Montagna_meetings_edgelist.csv"
    import_table(ws, "T-001", meetings, "montagna_meetings")
    log_in(ws, "sue")
    with pytest.raises(IntegrityError, match="view:18 的通话圈@1 changed after"):
        reviews.approve_review(ws, review.id)
    reviews.return_review(ws, review.id, "会面关系已导入，请重新提交")
    log_in(ws, "ana")
    again = reviews.resubmit_review(ws, review.id)
    assert again.snapshot["edges"] > review.snapshot["edges"]
    log_in(ws, "sue")
    assert reviews.approve_review(ws, review.id, "可以").state == "approved"


def test_bad_submissions_are_refused_with_reasons(chart_case, tmp_path):
    ws = chart_case
    log_in(ws, "ana")
    with pytest.raises(WorkstationError, match="no review kind 'memo'"):
        reviews.submit_review(ws, "T-001", "memo", "x")
    with pytest.raises(NotFoundError, match="no links of type meeting"):
        reviews.submit_review(ws, "T-001", "chart", "meeting")
    with pytest.raises(NotFoundError, match="No face search 99"):
        reviews.submit_review(ws, "T-001", "faces", "99")
    fake = tmp_path / "brief.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    with pytest.raises(WorkstationError, match="is not a PDF"):
        reviews.submit_review(ws, "T-001", "brief", str(fake))
    with pytest.raises(WorkstationError, match="no such file"):
        reviews.submit_review(ws, "T-001", "brief", str(tmp_path / "none.pdf"))
    with pytest.raises(NotFoundError, match="No review with id 7"):
        reviews.review_history(ws, 7)
    assert reviews.list_reviews(ws) == []


def test_brief_review_covers_exactly_the_submitted_pdf(chart_case, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    ws = chart_case
    pdf = tmp_path / "T-001.pdf"
    page = Canvas(str(pdf))
    page.drawString(72, 720, "T-001 brief")
    page.save()
    log_in(ws, "ivan")
    review = reviews.submit_review(ws, "T-001", "brief", str(pdf))
    assert review.snapshot["file"] == "T-001.pdf"
    with open(pdf, "ab") as handle:  # the file is edited after submission
        handle.write(b"\n% edited\n")
    log_in(ws, "sue")
    with pytest.raises(IntegrityError, match=r"T-001\.pdf changed after it was"):
        reviews.approve_review(ws, review.id)
    reviews.return_review(ws, review.id, "the PDF was changed")
    log_in(ws, "ivan")
    reviews.resubmit_review(ws, review.id, "re-exported")
    log_in(ws, "sue")
    assert reviews.approve_review(ws, review.id).state == "approved"


@pytest.fixture
def face_decisions_case(face_workspace, cheap_scrypt):
    """Case F-1: players.jpg scanned, yaoming.jpg searched, accounts created."""
    from account_data import PASSWORDS, ROLES

    from faces_fixtures import vectron_photo
    from workstation.services import faces, users
    from workstation.services.cases import create_case
    from workstation.services.evidence import add_evidence

    ws = face_workspace
    create_case(ws, "F-1", "人脸复核")
    add_evidence(ws, "F-1", [vectron_photo("players.jpg")])
    faces.scan_faces(ws, "F-1")
    search = faces.search_faces(ws, "F-1", vectron_photo("yaoming.jpg"), top_k=5)
    users.init_users(ws, "admin", PASSWORDS["admin"])
    for name, role in ROLES.items():
        users.add_user(ws, name, role, PASSWORDS[name])
    return ws, search


@pytest.mark.slow
def test_face_decisions_review_is_bound_to_the_decisions_submitted(
    face_decisions_case,
):
    from workstation.services import faces

    ws, search = face_decisions_case
    best, second = search.candidates[:2]
    log_in(ws, "ana")
    with pytest.raises(WorkstationError, match="has no decisions yet"):
        reviews.submit_review(ws, "F-1", "faces", str(search.search_id))
    faces.record_decision(ws, search.search_id, best.face_id, "confirmed", "同一人")
    faces.record_decision(ws, search.search_id, second.face_id, "rejected", "不像")
    review = reviews.submit_review(ws, "F-1", "faces", str(search.search_id))
    assert review.object_ref == f"search:{search.search_id}"
    assert (review.snapshot["confirmed"], review.snapshot["rejected"]) == (1, 1)
    assert review.snapshot["pending"] == 3

    faces.record_decision(ws, search.search_id, second.face_id, "confirmed", "改了")
    log_in(ws, "sue")
    with pytest.raises(IntegrityError, match="changed after it was submitted"):
        reviews.approve_review(ws, review.id)
    reviews.return_review(ws, review.id, "第二个候选不应确认")
    log_in(ws, "ana")
    faces.record_decision(ws, search.search_id, second.face_id, "rejected", "复核")
    reviews.resubmit_review(ws, review.id)
    log_in(ws, "sue")
    approved = reviews.approve_review(ws, review.id, "同意")
    assert approved.state == "approved"
    assert approved.snapshot["confirmed"] == 1


def test_the_report_shows_each_review_its_state_and_history(chart_case, tmp_path):
    import subprocess

    from workstation.services.audit import entry_head
    from workstation.services.report import write_report

    ws = chart_case
    log_in(ws, "ana")
    review = reviews.submit_review(ws, "T-001", "chart", "call", note="核心成员")
    log_in(ws, "sue")
    reviews.return_review(ws, review.id, "标出会面关系")
    log_in(ws, "ana")
    reviews.resubmit_review(ws, review.id, "已补充")
    log_in(ws, "sam")
    reviews.approve_review(ws, review.id, "可以")

    pdf = write_report(ws, "T-001", tmp_path / "full.pdf", kind="full", lang="en")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    section = " ".join(text[text.index("9. Supervisor reviews") :].split())
    assert f"#{review.id}" in section and "chart: call" in section
    for step in (
        "submitted · ana (analyst): 核心成员",
        "returned · sue",
        "标出会面关系",
    ):
        assert step in section
    assert "resubmitted · ana" in section and "approved · sam (supervisor)" in section
    # the cover names the case's latest audit entry so the trail can be checked
    latest = [e for e in read_audit(ws.store) if e.object == "T-001"][-2]
    reference = entry_head(ws, latest.seq).reference
    # (a table cell may wrap the 64 hex digits)
    assert f"auditverify--expect{reference}" in "".join(text.split())
