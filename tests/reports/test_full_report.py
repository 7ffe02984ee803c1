"""The full report against the brief: the Montagna calls plus bandicoot's timed
calls, read back from the PDFs."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import datetime

import pytest
from report_cases import CDR, SECTIONS_ZH

from workstation.domain.errors import WorkstationError
from workstation.graph.timeline import matrix_night_share
from workstation.services import report_gather
from workstation.services.report import write_report
from workstation.store.audit_log import read_audit
from workstation.store.evidence_rows import list_evidence


def _section(text: str, title: str) -> str:
    start = text.index(title)
    following = [text.find(t, start + 1) for t in SECTIONS_ZH]
    ends = [at for at in following if at > start]
    return text[start : min(ends, default=len(text))]


def _pages(text: str) -> int:
    return int(re.search(r"共 (\d+) 页", text).group(1))


@pytest.fixture(scope="module")
def reports(timed_case, tmp_path_factory):
    """A full report and a brief of the case (Chinese), written once."""
    folder = tmp_path_factory.mktemp("reports")
    audit_before = [e for e in read_audit(timed_case.store) if e.object == "T-001"]
    full = write_report(timed_case, "T-001", folder / "full.pdf", kind="full")
    brief = write_report(timed_case, "T-001", folder / "brief.pdf", kind="brief")
    return full, brief, audit_before


def test_full_report_has_every_section_in_order(reports, pdf_text):
    full, _, _ = reports
    text = pdf_text(full)

    positions = [text.index(title) for title in SECTIONS_ZH]
    assert positions == sorted(positions)
    assert "案件完整报告" in text
    assert "本报告列出案件数据库中本案的全部记录" in text
    pages = _pages(text)
    for page in range(1, pages + 1):
        page_text = pdf_text(full, page)
        assert "案件 T-001" in page_text and "案件完整报告" in page_text
        assert f"第 {page} 页，共 {pages} 页" in page_text


def test_full_report_lists_every_key_player(reports, timed_case, pdf_text):
    full, brief, _ = reports
    nodes = timed_case.store.execute(
        "SELECT count(*) FROM entities WHERE case_id = 1"
    ).fetchone()[0]

    players = _section(pdf_text(full), "五、关键人物")
    row = r"^\s*(\d+)\s+\S+\s+(?:人员|电话)"
    ranks = [int(r) for r in re.findall(row, players, re.M)]
    assert ranks == list(range(1, nodes + 1))
    # the table runs over pages (a running header starts each one after the
    # first), its header row repeated on each
    headers = re.findall(r"^\s*序号\s+实体\s+类型\s+度数", players, re.M)
    assert len(headers) == players.count("案件完整报告") + 1 >= 2
    brief_players = _section(pdf_text(brief), "五、关键人物")
    assert f"按中介中心性列出前 15 个实体（关系图共 {nodes} 个）" in brief_players
    assert "16 " not in re.findall(r"^\s*\d+ ", brief_players, re.M)


def test_full_report_shows_imports_with_their_rejects(reports, pdf_text):
    summary = _section(pdf_text(reports[0]), "一、案件概况")

    assert "导入明细" in summary and "bandicoot_calls" in summary
    assert re.search(r"u_test\.csv\s+500\s+0\s+analyst\.test", summary)
    assert re.search(r"u_test_cut\.csv\s+40\s+1\s+analyst\.test", summary)
    assert "拒绝行（按原因计数）" in summary
    assert re.search(
        r"u_test_cut\.csv\s+wrong number of columns: expected 8, found 5\s+1", summary
    )
    # the brief leaves the details out
    assert "导入明细" not in _section(pdf_text(reports[1]), "一、案件概况")


def test_timeline_counts_the_timed_calls(reports, shared_data, pdf_text):
    with open(shared_data / CDR, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    times = [datetime.strptime(row[4], "%Y-%m-%d %H:%M:%S") for row in rows]
    times += times[:40]  # the file cut short loaded its first 40 calls again
    days = sorted({t.date() for t in times})
    hours = Counter((t.weekday(), t.hour) for t in times)
    matrix = [[hours[(d, h)] for h in range(24)] for d in range(7)]

    section = " ".join(_section(pdf_text(reports[0]), "四、关系图与活动时间线").split())
    assert "活动时间线" in section
    assert (
        f"共 {len(times)} 条带时间的关联记录（通话），自 {days[0]} 至 {days[-1]}，"
        f"共 {(days[-1] - days[0]).days + 1} 天；"
        f"夜间（22 时至 6 时）占 {matrix_night_share(matrix):.0%}。"
    ) in section


def test_evidence_says_who_added_what_when(reports, timed_case, pdf_text):
    full = _section(pdf_text(reports[0]), "六、证据清单")

    for item in list_evidence(timed_case.store):
        assert f"#{item.id}" in full and item.original_name in full
        assert item.sha256[:32] in full and item.sha256[32:] in full
        assert item.added_at.strftime("%Y-%m-%d %H:%M") in full
    assert "添加人 / 添加时间" in full and full.count("analyst.test") == 2
    # the full report also prints where each original came from
    assert "Montagna_phonecalls_edgelist.csv" in full.replace("\n", "")


def test_audit_extract_lists_the_case_entries(reports, pdf_text):
    full, brief, entries = reports
    audit = _section(pdf_text(full), "八、审计摘录")

    assert f"本案全部 {len(entries)} 条审计记录，按时间先后排列" in audit
    listed = [int(n) for n in re.findall(r"^\s*(\d+)\s+\d{4}-\d\d-\d\d", audit, re.M)]
    assert listed == [e.seq for e in entries]
    for entry in entries:
        assert entry.action in audit
    assert audit.count("import") >= 2 and "evidence.add" in audit
    # the brief holds the same entries: there are fewer than it prints
    assert "case.create" in _section(pdf_text(brief), "八、审计摘录")


def test_brief_cuts_each_section_and_says_so(
    timed_case, tmp_path, pdf_text, monkeypatch
):
    small = report_gather.ReportLimits(
        searches=1,
        candidates=1,
        latest_per_probe=True,
        suspect_faces=1,
        key_players=5,
        evidence=1,
        audit=3,
    )
    monkeypatch.setitem(report_gather.LIMITS, "brief", small)
    total = sum(1 for e in read_audit(timed_case.store) if e.object == "T-001")

    text = pdf_text(write_report(timed_case, "T-001", tmp_path / "b.pdf"))

    audit = _section(text, "八、审计摘录")
    assert f"本案最近的 3 条审计记录（共 {total} 条）" in audit
    assert len(re.findall(r"^\s*\d+\s+\d{4}-\d\d-\d\d", audit, re.M)) == 3
    assert "按中介中心性列出前 5 个实体" in _section(text, "五、关键人物")
    evidence = _section(text, "六、证据清单")
    assert "共 1 件（本案共 2 件）" in evidence
    assert "obama.jpg" not in evidence


def test_english_full_report(timed_case, tmp_path, pdf_text):
    path = write_report(
        timed_case, "T-001", tmp_path / "full-en.pdf", kind="full", lang="en"
    )
    text = pdf_text(path)

    assert "Full case report" in text and "RESTRICTED" in text
    assert "8. Audit extract" in text and "Import details" in text
    assert "Activity timeline" in text and "timed link records (call)" in text
    assert "Added by / at" in text
    assert "测试案件：电话网络" in text  # data as stored


def test_unknown_kind_writes_nothing(phone_case, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(WorkstationError, match="brief or full, not 'summary'"):
        write_report(phone_case, "T-001", out / "x.pdf", kind="summary")

    assert list(out.iterdir()) == []


def test_audit_extract_needs_the_right_to_read_the_audit(
    phone_case, tmp_path, pdf_text
):
    from workstation.services.users import add_user, init_users, login

    init_users(phone_case, "admin.test", "correct horse battery")
    add_user(phone_case, "investigator.test", "investigator", "staple battery horse")
    login(phone_case, "investigator.test", "staple battery horse")

    text = pdf_text(
        write_report(phone_case, "T-001", tmp_path / "inv.pdf", kind="full")
    )
    audit = _section(text, "八、审计摘录")
    assert "审计记录仅向主管和管理员角色开放" in audit
    assert "case.create" not in audit and "evidence.add" not in audit

    login(phone_case, "admin.test", "correct horse battery")
    text = pdf_text(write_report(phone_case, "T-001", tmp_path / "admin.pdf"))
    audit = _section(text, "八、审计摘录")
    # the investigator's export is in the trail the administrator sees
    assert "evidence.add" in audit and "report.export" in audit
    assert "investigator" in audit  # the user column may wrap the name
