"""The fraud early warning on a generated case with known answers.

The case (``fraud_warning_case``) is imported through the shipped specs
(call_records, messages, residents) and a watch-list whose numbers are
written three ways; the warning must find exactly the residents it plants,
with their figures, ranked and grouped by officer, and the dispatch list must
carry them to CSV and to a PDF whose Chinese labels pdftotext reads back.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date

import pytest

from fraud_warning_case import CASE, END, EXPECTED, START, W1, W2, W3, build_case
from workstation.cli.main import main
from workstation.domain.errors import InputFileError, NotFoundError
from workstation.domain.warning_records import NO_OFFICER
from workstation.services.dispatch_export import (
    export_dispatch_csv,
    export_dispatch_pdf,
)
from workstation.services.fraud_warning import (
    list_watch_lists,
    load_watch_list,
    run_warning,
)
from workstation.services.warning_weights import load_weights


@pytest.fixture
def warned(workspace, tmp_path):
    """The generated case, imported, with its watch-list loaded."""
    files = build_case(workspace, tmp_path)
    return workspace, files


def by_name(result) -> dict:
    return {(r.name if r.listed else r.resident_key): r for r in result.residents}


def last_audit(ws) -> tuple[str, dict]:
    action, details = ws.store.execute(
        "SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return action, json.loads(details)


def test_the_watch_list_is_normalised_like_the_importer_and_audited(warned):
    ws, _ = warned
    (stored,) = list_watch_lists(ws, CASE)
    assert (stored.name, stored.numbers, stored.file_name) == (
        "十月预警号码",
        3,
        "watch.csv",
    )
    assert stored.loaded_by == "analyst.test"
    keys = ws.store.execute(
        "SELECT phone_key, written, source, line FROM watch_numbers ORDER BY line"
    ).fetchall()
    assert keys == [
        (W1, "+86 170-0000-0001", "反诈中心通报", 2),
        (W2, "0086 17000000002", "110 警情", 3),
        (W3, "17000000003", "", 4),
    ]
    (details,) = ws.store.execute(
        "SELECT details FROM audit_log WHERE action = 'watchlist.load'"
    ).fetchone()
    assert (
        json.loads(details)["numbers"] == 3 and len(json.loads(details)["sha256"]) == 64
    )


def test_a_resident_called_three_times_ranks_first_with_three_contacts(warned):
    ws, _ = warned
    result = run_warning(ws, CASE, START, END)
    first = result.residents[0]
    assert (first.rank, first.name, first.contacts, first.calls) == (1, "王秀英", 3, 3)
    assert first.call_seconds == 480 and first.days == 3
    assert first.watched_numbers == (W1,)
    assert first.phones == ("+8613800138001",)  # written "138 0013 8001" in the list
    assert (first.address, first.community, first.officer) == (
        "幸福路 1 号",
        "幸福社区",
        "李警官",
    )
    assert str(first.first_contact) == "2026-10-02 10:00:00"
    assert str(first.last_contact) == "2026-10-09 19:30:00"
    # 3 contacts + 8 minutes * 0.5 + 2 further days * 2 + recent: the first call
    # was 12 days 14 hours before the window's end, of 14 days
    recent = 5 * (1 - (12 + 14 / 24) / 14)
    assert first.score == pytest.approx(3 + 4 + 4 + recent, abs=0.01)
    assert [r.rank for r in result.residents] == [1, 2, 3, 4, 5]
    assert [r.score for r in result.residents] == sorted(
        (r.score for r in result.residents), reverse=True
    )


def test_every_planted_contact_is_found_with_its_figures(warned):
    ws, _ = warned
    found = by_name(run_warning(ws, CASE, START, END))
    assert set(found) == set(EXPECTED)
    for name, expected in EXPECTED.items():
        r = found[name]
        figures = (
            r.contacts,
            r.calls,
            r.messages,
            r.call_seconds,
            len(r.watched_numbers),
            r.days,
            r.callbacks,
            r.officer,
        )
        assert figures == expected, name


def test_outside_the_window_and_between_fraudsters_nothing_counts(warned):
    ws, _ = warned
    found = by_name(run_warning(ws, CASE, START, END))
    assert "刘芳" not in found  # called by W1 on 2026-09-20 only
    assert W2 not in found and W1 not in found  # W1 called W2: their own call
    earlier = by_name(run_warning(ws, CASE, date(2026, 9, 1), date(2026, 9, 30)))
    assert set(earlier) == {"刘芳"} and earlier["刘芳"].call_seconds == 200
    # the window's last day is included: 王秀英's third call is on 2026-10-09
    shorter = by_name(run_warning(ws, CASE, START, date(2026, 10, 9)))
    assert shorter["王秀英"].contacts == 3
    assert (
        by_name(run_warning(ws, CASE, START, date(2026, 10, 8)))["王秀英"].contacts == 2
    )


def test_messages_and_several_watched_numbers_add_up(warned):
    ws, _ = warned
    chen = by_name(run_warning(ws, CASE, START, END))["陈静"]
    assert (chen.messages, chen.calls, chen.watched_numbers) == (2, 0, (W1, W3))
    # 2 contacts + one further watched number * 3 + recent: 9 days 4 hours old
    assert chen.score == pytest.approx(2 + 3 + 5 * (1 - (9 + 4 / 24) / 14), abs=0.01)


def test_unlisted_phones_and_residents_without_officer_are_kept(warned):
    ws, _ = warned
    result = run_warning(ws, CASE, START, END)
    groups = {g.officer: g for g in result.groups}
    assert [g.officer for g in result.groups] == ["李警官", "陈警官", NO_OFFICER]
    assert [r.name for r in groups["李警官"].residents] == ["王秀英", "张伟"]
    assert [r.name for r in groups["陈警官"].residents] == ["陈静"]
    unassigned = groups[NO_OFFICER].residents
    assert [r.resident_key for r in unassigned] == [
        "+8613900139000",
        "11010119900307451X",
    ]
    stranger = unassigned[0]
    assert not stranger.listed and stranger.name == "" and stranger.callbacks == 1


def test_the_run_is_audited_as_a_bulk_read(warned):
    ws, _ = warned
    run_warning(ws, CASE, START, END)
    action, details = last_audit(ws)
    assert action == "warning.run"
    assert details["residents"] == 4 and details["unlisted_phones"] == 1
    assert (details["from"], details["to"], details["watched_numbers"]) == (
        "2026-10-01",
        "2026-10-14",
        3,
    )


def test_bad_numbers_are_named_with_their_lines_and_nothing_is_loaded(warned, tmp_path):
    ws, _ = warned
    bad = tmp_path / "bad.txt"
    bad.write_text("13800000001\n12\n\n138-0000-abc1,诈骗\n", encoding="utf-8")
    with pytest.raises(InputFileError) as error:
        load_watch_list(ws, CASE, bad)
    message = str(error.value)
    assert "bad.txt: 2 line(s) are not phone numbers" in message
    assert "line 2: '12' has too few digits" in message
    assert "line 4: '138-0000-abc1' has characters" in message
    assert len(list_watch_lists(ws, CASE)) == 1


def test_weights_come_from_an_editable_file(warned, tmp_path):
    ws, _ = warned
    assert load_weights().contact == 1.0
    only_contacts = tmp_path / "w.toml"
    only_contacts.write_text(
        "call_minute = 0\nextra_day = 0\nextra_number = 0\ncallback = 0\nrecent = 0\n"
    )
    result = run_warning(ws, CASE, START, END, weights=only_contacts)
    assert [r.score for r in result.residents] == [3.0, 2.0, 1.0, 1.0, 1.0]
    wrong = tmp_path / "wrong.toml"
    wrong.write_text("contacts = 1\n")
    with pytest.raises(InputFileError, match="contacts is not a weight"):
        load_weights(wrong)


def test_a_case_without_a_watch_list_says_how_to_load_one(workspace):
    from workstation.services.cases import create_case

    create_case(workspace, "EMPTY-1", "空")
    with pytest.raises(NotFoundError, match="watchlist load"):
        run_warning(workspace, "EMPTY-1", START, END)


def test_the_csv_dispatch_list_is_grouped_and_escaped(warned, tmp_path):
    ws, _ = warned
    result = run_warning(ws, CASE, START, END)
    path = export_dispatch_csv(ws, result, tmp_path / "dispatch.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["责任民警", "总排名", "风险分", "姓名"]
    assert [row[0] for row in rows[1:]] == ["李警官"] * 2 + ["陈警官"] + [
        "未指定责任民警"
    ] * 2
    assert rows[1][3:5] == ["王秀英", "'+8613800138001"]  # a formula start escaped
    assert rows[1][7] == "3" and rows[1][10] == "8.0"
    action, details = last_audit(ws)
    assert action == "warning.export" and details["format"] == "csv"
    assert details["rows"] == 5


def test_the_pdf_dispatch_list_has_a_section_per_officer_in_chinese(warned, tmp_path):
    ws, _ = warned
    result = run_warning(ws, CASE, START, END)
    path = export_dispatch_pdf(ws, result, tmp_path / "dispatch.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for label in (
        "涉诈预警劝阻走访名单",
        "责任民警：李警官（2 人）",
        "责任民警：陈警官（1 人）",
        "责任民警：未指定责任民警（2 人）",
        "处置情况",
        "王秀英",
        "内部",
    ):
        assert label in text, label
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "WenQuanYi" in fonts and "Helvetica" not in fonts
    assert last_audit(ws)[1]["pages"] == 4


def test_the_cli_loads_warns_and_exports(warned, tmp_path, capsys):
    ws, files = warned
    folder = str(ws.root)
    args = ["--workspace", folder, "--user", "officer.cli"]
    ws.close()
    assert (
        main([*args, "watchlist", "load", CASE, str(files["watch"]), "--name", "再次"])
        == 0
    )
    assert "Loaded watch-list 2 (再次): 3 numbers" in capsys.readouterr().out
    out_csv, out_pdf = tmp_path / "d.csv", tmp_path / "d.pdf"
    code = main(
        [
            *args,
            "warn",
            CASE,
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-14",
            "--list",
            "2",
            "--csv",
            str(out_csv),
            "--pdf",
            str(out_pdf),
            "--lang",
            "en",
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert "3 watched numbers reached 4 residents and 1 unlisted numbers" in printed
    assert "李警官: 2" in printed and "(no officer): 2" in printed
    assert out_csv.read_text(encoding="utf-8-sig").startswith("Officer,Rank,Score")
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert (
        main([*args, "warn", CASE, "--from", "2026-10-14", "--to", "2026-10-01"]) == 1
    )
    assert "ends (2026-10-01) before it starts" in capsys.readouterr().err


def test_an_analyst_runs_the_warning_but_may_not_export_it(
    warned, tmp_path, monkeypatch
):
    from workstation.security import passwords
    from workstation.security.errors import AccessDeniedError
    from workstation.security.passwords import ScryptCost
    from workstation.services.users import add_user, init_users, login

    ws, _ = warned
    monkeypatch.setattr(passwords, "PASSWORD_COST", ScryptCost(n=2**12, r=8, p=1))
    init_users(ws, "admin", "admin-password-1")
    add_user(ws, "ana", "analyst", "analyst-password-1")
    login(ws, "ana", "analyst-password-1")
    result = run_warning(ws, CASE, START, END)
    assert result.run_by == "ana" and result.residents[0].name == "王秀英"
    with pytest.raises(AccessDeniedError, match="export"):
        export_dispatch_pdf(ws, result, tmp_path / "refused.pdf")
    assert not (tmp_path / "refused.pdf").exists()
    assert last_audit(ws)[0] == "access.denied"
