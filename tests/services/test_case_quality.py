"""Case quality and timeliness, from a generated case list with known answers.

See :mod:`quality_cases` for the planted late registration, the planted
problem points and how each figure below follows from them.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime

import pytest
from quality_cases import (
    AS_OF,
    CHENGGUAN,
    FINDINGS,
    MONTH,
    ROWS,
    ZHANG,
    build_review_case,
    row,
    write_case_list,
    write_case_list_xlsx,
)

from workstation.domain.errors import InputFileError, NotFoundError, WorkstationError
from workstation.security import passwords
from workstation.security.errors import AccessDeniedError
from workstation.security.passwords import ScryptCost
from workstation.services.audit import recent_audit
from workstation.services.case_quality import (
    list_findings,
    parse_month,
    quality_summary,
    record_finding,
    withdraw_finding,
)
from workstation.services.cases import create_case
from workstation.services.ingest import import_table
from workstation.services.quality_checklist import (
    load_checklist,
    shipped_checklist_path,
)
from workstation.services.quality_figures import shared_ranks
from workstation.services.users import add_user, init_users, login

CASE = "QA-2026-11"
CG = CHENGGUAN


@pytest.fixture
def review(workspace, tmp_path):
    build_review_case(workspace, tmp_path)
    return workspace


def test_the_case_list_imports_through_the_shipped_spec(workspace, tmp_path):
    summary = build_review_case(workspace, tmp_path)
    assert summary.encoding.lower() in {"gb18030", "gbk"}
    assert (summary.rows_read, summary.rows_loaded, summary.rejected) == (7, 7, ())
    # 7 records and 4 officers; a lead link per row, 4 assists
    assert summary.entities_added == 11
    assert summary.links_added == 7 + 4


def test_timeliness_of_the_month(review):
    summary = quality_summary(review, CASE, MONTH, as_of=AS_OF)
    totals = summary.totals
    assert (totals.cases, totals.administrative, totals.criminal) == (6, 5, 1)
    assert totals.late_registrations == 1  # XZ-2026-1102, three days
    assert totals.mean_registration_hours == pytest.approx((6 + 74) / 5)
    assert (totals.closed_in_time, totals.overdue, totals.pending) == (2, 2, 1)
    assert totals.closure_rate == pytest.approx(0.5)
    assert summary.problem_points == pytest.approx(5.0)
    assert [r.number for r in summary.records][:2] == ["XS-2026-1101", "XZ-2026-1101"]
    # the October case is only in the trend
    assert [(t.month, t.timeliness.closure_rate) for t in summary.trend] == [
        ("2026-10", 1.0),
        ("2026-11", 0.5),
    ]
    (note,) = summary.problems
    assert note.record_no == "XZ-2026-1105" and note.line == 8
    assert note.column == "报案时间" and "no report time" in note.describe()


def test_stations_are_ranked_by_their_mean_case_score(review):
    summary = quality_summary(review, CASE, MONTH, as_of=AS_OF)
    first, second = summary.stations
    assert (first.station, first.rank) == ("城关派出所", 1)
    # 100, 100 - 2 (late), 100 - 3 (finding)
    assert first.score == pytest.approx((100 + 98 + 97) / 3)
    assert first.timeliness.closure_rate == 1.0 and first.problem_points == 3.0
    assert [(c.category, c.points) for c in first.by_category] == [
        ("investigation", 3.0)
    ]
    # 100 - 2 (finding) - 2 (overdue), 100 (pending), 100 - 2 (overdue)
    assert (second.station, second.rank) == ("东城派出所", 2)
    assert second.score == pytest.approx((96 + 100 + 98) / 3)
    assert second.timeliness.closure_rate == 0.0


def test_officers_share_cases_and_points_by_weight(review):
    summary = quality_summary(review, CASE, MONTH, as_of=AS_OF)
    by_name = {o.name: o for o in summary.officers}
    assert [o.name for o in summary.officers] == ["李娜", "张伟", "王强", "刘洋"]
    assert [o.rank for o in summary.officers] == [1, 2, 3, 4]
    li, zhang, wang, liu = (by_name[n] for n in ("李娜", "张伟", "王强", "刘洋"))
    assert (li.lead_cases, li.assist_cases, li.weighted_cases) == (1, 1, 1.5)
    assert li.late_registrations == 1 and li.score == pytest.approx(148 / 1.5)
    assert (zhang.lead_cases, zhang.weighted_cases) == (2, 2.0)
    # XS-2026-1101: lead 1 and two assists of 0.5 share its 3 points 1.5/0.75/0.75
    assert zhang.problem_points == pytest.approx(1.5)
    # XZ-2026-1103: lead 1 and an assist 0.5 share its 2 points 4/3 and 2/3
    assert wang.problem_points == pytest.approx(0.75 + 4 / 3)
    assert liu.problem_points == pytest.approx(0.75 + 2 / 3)
    assert sum(o.problem_points for o in summary.officers) == pytest.approx(5.0)
    assert (wang.weighted_cases, wang.score) == (2.5, pytest.approx(244.5 / 2.5))
    assert wang.stations == ("东城派出所", "城关派出所")


def test_problem_points_by_category(review):
    summary = quality_summary(review, CASE, MONTH, as_of=AS_OF)
    assert [(c.kind, c.label, c.points, c.findings) for c in summary.categories] == [
        ("criminal", "侦查取证", 3.0, 1),
        ("administrative", "调查取证", 2.0, 1),
    ]
    assert [f.record_no for f in summary.findings] == [r for r, *_ in FINDINGS]


def test_the_month_filter(review):
    october = quality_summary(review, CASE, "2026-10", as_of=AS_OF)
    assert october.totals.cases == 1 and october.totals.closure_rate == 1.0
    assert october.problem_points == 0 and october.findings == ()
    assert [o.name for o in october.officers] == ["张伟"]
    empty = quality_summary(review, CASE, "2026-08", as_of=AS_OF)
    assert empty.totals.cases == 0 and empty.stations == () and len(empty.trend) == 1
    with pytest.raises(WorkstationError, match="YYYY-MM"):
        parse_month("2026-13")


def test_an_open_case_turns_overdue_after_its_limit(review):
    early = quality_summary(review, CASE, MONTH, as_of=date(2026, 11, 30))
    # 1105 (registered 11-01 22:00) is open and its 30 days are not up on 11-30
    assert (early.totals.overdue, early.totals.pending) == (1, 2)


def test_a_finding_is_audited_and_can_be_withdrawn(review):
    (first, second) = list_findings(review, CASE)
    assert (second.category, second.point, second.points) == (
        "evidence",
        "statement_irregular",
        2.0,
    )
    entry = next(e for e in recent_audit(review) if e.action == "quality.finding")
    assert entry.details["record_no"] == "XS-2026-1101"
    withdrawn = withdraw_finding(review, CASE, first.id, "重复录入")
    assert withdrawn.withdrawn_by == "analyst.test"
    assert [f.id for f in list_findings(review, CASE)] == [second.id]
    summary = quality_summary(review, CASE, MONTH, as_of=AS_OF)
    assert summary.problem_points == 2.0
    actions = [e.action for e in recent_audit(review)]
    assert actions[-2:] == ["quality.withdraw", "quality.figures"]


def test_a_finding_names_what_exists(review):
    with pytest.raises(NotFoundError, match="no case record 'XZ-404'"):
        record_finding(review, CASE, "XZ-404", "evidence", "x", note="n")
    # an administrative case does not take the criminal checklist's categories
    with pytest.raises(NotFoundError, match="coercive") as caught:
        record_finding(review, CASE, "XZ-2026-1101", "coercive", "x", note="n")
    assert "acceptance (受案登记)" in str(caught.value)
    with pytest.raises(NotFoundError, match="no point 'x'"):
        record_finding(review, CASE, "XZ-2026-1101", "evidence", "x", note="n")
    with pytest.raises(WorkstationError, match="give a note"):
        record_finding(review, CASE, "XZ-2026-1101", "evidence", "x", note=" ")
    override = record_finding(
        review, CASE, "xz-2026-1101", "file", "卷宗装订不规范", note="缺页码", points=1
    )
    assert (override.record_no, override.points) == ("XZ-2026-1101", 1.0)


def test_only_supervisors_read_figures_and_record_findings(review, monkeypatch):
    monkeypatch.setattr(passwords, "PASSWORD_COST", ScryptCost(n=2**12, r=8, p=1))
    init_users(review, "admin", "admin-password-1")
    add_user(review, "ana", "analyst", "analyst-password-1")
    add_user(review, "sue", "supervisor", "supervisor-pw-1")
    login(review, "ana", "analyst-password-1")
    with pytest.raises(AccessDeniedError, match="case-quality"):
        quality_summary(review, CASE, MONTH, as_of=AS_OF)
    with pytest.raises(AccessDeniedError):
        record_finding(
            review, CASE, "XZ-2026-1101", "file", "material_missing", note="n"
        )
    login(review, "sue", "supervisor-pw-1")
    finding = record_finding(
        review, CASE, "XZ-2026-1101", "file", "material_missing", note="缺少回执"
    )
    assert finding.recorded_by == "sue"
    assert quality_summary(review, CASE, MONTH, as_of=AS_OF).problem_points == 6.0


def test_bad_dates_are_rejected_with_line_and_column(workspace, tmp_path):
    create_case(workspace, CASE, "考评")
    rows = (
        *ROWS[:2],
        row("XZ-2026-1199", "日期错误", "行政", CHENGGUAN, "2026-11-02",
            "2026-11-31", "", ZHANG),
    )  # fmt: skip
    summary = import_table(
        workspace, CASE, write_case_list(tmp_path / "l.csv", rows), "case_list"
    )
    (bad,) = summary.rejected
    assert (bad.line, bad.column) == (4, "登记时间")
    assert "'2026-11-31' is not a date" in bad.reason


def test_dates_out_of_order_and_unknown_kinds_are_left_out(workspace, tmp_path):
    create_case(workspace, CASE, "考评")
    rows = (
        row("XZ-1", "倒填", "行政", CG, "2026-11-05", "2026-11-02", "", ZHANG),
        row("XZ-2", "未知", "交通", CG, "2026-11-05", "2026-11-05", "", ZHANG),
        row("XZ-3", "正常", "行政", CG, "2026-11-05", "2026-11-05", "", ZHANG),
    )  # fmt: skip
    import_table(
        workspace, CASE, write_case_list(tmp_path / "l.csv", rows), "case_list"
    )
    summary = quality_summary(workspace, CASE, MONTH, as_of=AS_OF)
    assert [r.number for r in summary.records] == ["XZ-3"]
    first, second = (p.describe() for p in summary.problems)
    assert first.startswith("Record XZ-1 (import 1, line 2, column 登记时间)")
    assert "before it was reported" in first
    assert second.startswith("Record XZ-2 (import 1, line 3, column 案件类别)")
    assert "'交通'" in second
    with pytest.raises(WorkstationError, match="left out of the figures"):
        record_finding(workspace, CASE, "XZ-1", "file", "material_missing", note="n")


def test_a_bare_registration_day_counts_from_the_report(workspace, tmp_path):
    create_case(workspace, CASE, "考评")
    rows = (
        row("XZ-1", "当日登记", "行政", CG, "2026-11-04 09:00", "2026年11月04日",
            "2026-11-04", ZHANG),
        row("XZ-2", "次日登记", "行政", CG, "2026-11-04 09:00", "2026-11-05",
            "", ZHANG),
    )  # fmt: skip
    import_table(
        workspace, CASE, write_case_list(tmp_path / "l.csv", rows), "case_list"
    )
    summary = quality_summary(workspace, CASE, MONTH, as_of=AS_OF)
    same_day, next_day = summary.records
    assert same_day.registered_at == same_day.closed_at == same_day.reported_at
    assert next_day.registered_at == datetime(2026, 11, 5)
    (note,) = [p.describe() for p in summary.problems]
    assert note.startswith("Record XZ-1 (import 1, line 2, column 登记时间)")
    assert "without a time" in note
    assert summary.totals.late_registrations == 0


def test_a_later_list_replaces_a_record_and_xlsx_imports(review, tmp_path):
    closed = list(ROWS[4])
    closed[6] = "2026-12-03"  # XZ-2026-1104 is closed now
    path = write_case_list_xlsx(tmp_path / "update.xlsx", [tuple(closed)])
    summary = import_table(review, CASE, path, "case_list")
    assert summary.rows_loaded == 1 and summary.entities_added == 0
    totals = quality_summary(review, CASE, MONTH, as_of=AS_OF).totals
    assert (totals.closed_in_time, totals.overdue, totals.pending) == (3, 2, 0)


def test_the_shipped_checklist(tmp_path):
    checklist = load_checklist()
    assert checklist.source == str(shipped_checklist_path())
    admin, criminal = checklist.kinds
    assert admin.category("受案登记").point("late_entry").points == 2.0
    assert criminal.category("coercive").label_en == "Coercive measures"
    assert checklist.kind_of("治安案件") == "administrative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[settings]\nlead_weight = 'one'", "settings.lead_weight must be a number"),
        ("[settings", "not valid TOML"),
        ("[settings]\nassist_weight = -1", "settings.assist_weight must be at least 0"),
        ("[settings]\nspeed = 1", "settings has keys this checklist format does not"),
        ("[kinds.administrative]\nlabel = '行政'", "administrative.categories must"),
    ],
)  # fmt: skip
def test_a_bad_checklist_is_one_clear_message(tmp_path, text, expected):
    path = tmp_path / "checklist.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        load_checklist(path)
    assert str(caught.value).startswith(f"Checklist {path}: ")
    assert expected in str(caught.value)


def test_the_workspace_copy_of_the_checklist_is_used(review):
    text = shipped_checklist_path().read_text(encoding="utf-8")
    folder = review.root / "quality"
    folder.mkdir()
    (folder / "checklist.toml").write_text(
        text.replace("assist_weight = 0.5", "assist_weight = 1.0"), encoding="utf-8"
    )
    summary = quality_summary(review, CASE, MONTH, as_of=AS_OF)
    assert summary.checklist.settings.assist_weight == 1.0
    li = next(o for o in summary.officers if o.name == "李娜")
    assert li.weighted_cases == 2.0


# -- the command line and the monthly PDF ------------------------------------------


def quality_cli(ws, capsys, *words) -> tuple[int, str, str]:
    from workstation.cli.main import main

    code = main(["--workspace", str(ws.root), "--user", ws.user, *words])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_the_cli_prints_the_tables_and_writes_the_pdf(review, capsys, tmp_path):
    review.close()
    out_pdf = tmp_path / "summary.pdf"
    code, out, err = quality_cli(
        review, capsys, "quality", CASE, "--month", MONTH, "--as-of", "2026-12-04",
        "-o", str(out_pdf),
    )  # fmt: skip
    assert code == 0, err
    assert "6 cases (5 administrative, 1 criminal), 1 registered late" in out
    assert "closed in 30 days 50% (2 in time, 2 overdue, 1 pending)" in out
    lines = out.splitlines()
    first_station = lines[lines.index("stations") + 2].split()
    assert first_station == ["1", "城关派出所", "3", "1", "100%", "3", "98.33"]
    first_officer = lines[lines.index("officers") + 2].split()
    assert first_officer[:3] == ["1", "李娜", "(001002)"]
    assert out.rstrip().endswith(f"Wrote the monthly summary to {out_pdf}")

    text = pdf_text(out_pdf)
    for label in ("案件质量与时效月度汇总", "单位排名", "民警排名", "问题点明细"):
        assert label in text
    assert "行政案件 30 日结案率" in text and "侦查取证" in text
    assert "现场指纹未提取" in text and "城关派出所" in text and "98.33" in text
    # the charts are vector text in the same font
    assert "单位得分排名" in text and "刑事·侦查取证" in text


def test_the_cli_records_lists_and_withdraws_findings(review, capsys):
    review.close()
    code, out, _ = quality_cli(
        review, capsys, "quality", "finding", CASE, "XZ-2026-1104",
        "--category", "卷宗材料", "--point", "material_missing", "--note", "缺少回执",
    )  # fmt: skip
    assert code == 0
    assert out.strip() == (
        "Recorded finding 3 on XZ-2026-1104: file / material_missing, 1 points."
    )
    code, out, _ = quality_cli(
        review, capsys, "quality", "withdraw", CASE, "3", "--reason", "录入错误"
    )
    assert code == 0 and out.strip() == "Withdrew finding 3 on XZ-2026-1104."
    words = ("quality", "findings", CASE, "--withdrawn")
    code, out, _ = quality_cli(review, capsys, *words)
    assert len(out.splitlines()) == 3 and "WITHDRAWN by analyst.test: 录入错误" in out


def test_cli_mistakes_are_one_line(review, capsys, tmp_path):
    review.close()
    bad = tmp_path / "bad.toml"
    bad.write_text("[settings]\nclosure_days = 0\n", encoding="utf-8")
    for words, expected in [
        (("quality", CASE, "--month", "11/2026"), "'11/2026' is not a month"),
        (("quality", CASE, "--month", MONTH, "--as-of", "12-04"), "--as-of '12-04'"),
        (
            ("quality", CASE, "--month", MONTH, "--checklist", str(bad)),
            "settings.closure_days must be above 0",
        ),
        (("quality", "NO-SUCH", "--month", MONTH), "NO-SUCH"),
    ]:
        code, out, err = quality_cli(review, capsys, *words)
        assert code == 1 and out == ""
        assert len(err.strip().splitlines()) == 1 and expected in err


def test_the_english_pdf(review, tmp_path):
    from workstation.services.quality_report import write_quality_summary

    path = write_quality_summary(
        review, CASE, MONTH, tmp_path / "s.pdf", lang="en", as_of=AS_OF
    )
    text = pdf_text(path)
    assert "Case quality and timeliness: monthly summary" in text
    assert "Key evidence missing" in text and "城关派出所" in text
    entry = recent_audit(review)[-1]
    assert entry.action == "quality.export" and entry.details["pages"] >= 1


def test_equal_merit_shares_a_rank():
    # sorted best first: score, then cases; the name only orders the page
    assert shared_ranks([(98.0, 3), (97.0, 2), (97.0, 2), (95.5, 4)]) == [1, 2, 2, 4]
    assert shared_ranks([(97.0, 3), (97.0, 2)]) == [1, 2]
    assert shared_ranks([(90.0, 1)] * 3) == [1, 1, 1]
    assert shared_ranks([]) == []
