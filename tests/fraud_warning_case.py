"""A small generated case for the fraud early warning, with known answers.

Window 2026-10-01 to 2026-10-14. Three watched numbers (170 0000 0001..3),
written three ways in the watch-list and other ways again in the records:

* 王秀英 (officer 李警官) is called three times by watched number 1 on three
  days (2, 5 and 1 minutes): 3 contacts, 480 s, ranked first.
* 张伟 (李警官) gets one text message from watched number 2.
* 陈静 (officer 陈警官) gets texts from watched numbers 1 and 3 on one day.
* 刘芳 (陈警官) was called by watched number 1 only before the window, and by
  an ordinary number inside it: she is not listed.
* 赵强 has no officer on record: one 30 s call from watched number 3.
* 139 0013 9000 is on no resident list and calls watched number 2 back.
* Watched numbers 1 and 2 call each other: the fraudsters' own call, left out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

START, END = date(2026, 10, 1), date(2026, 10, 14)
CASE = "FW-2026-01"

W1, W2, W3 = "+8617000000001", "+8617000000002", "+8617000000003"
WATCH_LIST = (
    "号码,来源\n"
    "+86 170-0000-0001,反诈中心通报\n"
    "0086 17000000002,110 警情\n"
    "17000000003,\n"
)

RESIDENTS = (
    "id_number,name,phone,address,community,officer\n"
    "110101195001011234,王秀英,138 0013 8001,幸福路 1 号,幸福社区,李警官\n"
    "110101196203155678,张伟,13800138002,幸福路 8 号,幸福社区,李警官\n"
    "110101197511202345,陈静,138-0013-8005,和平街 3 号,和平社区,陈警官\n"
    "110101198807079876,刘芳,13800138003,和平街 9 号,和平社区,陈警官\n"
    "11010119900307451x,赵强,13800138004,新村 2 号,新村社区,\n"
)

CALLS = (
    "caller,callee,start_time,duration_s,cell_id\n"
    "+86 170-0000-0001,+8613800138001,2026-10-02 10:00:00,120,A1\n"
    "17000000001,8613800138001,2026-10-05 11:00:00,300,A1\n"
    "0086-170-0000-0001,13800138001,2026-10-09 19:30:00,60,A2\n"
    "17000000001,13800138003,2026-09-20 09:00:00,200,A3\n"
    "13912345678,13800138003,2026-10-03 09:00:00,100,A3\n"
    "17000000003,13800138004,2026-10-11 15:00:00,30,A4\n"
    "13900139000,+86 170 0000 0002,2026-10-13 08:00:00,90,A5\n"
    "17000000001,17000000002,2026-10-04 12:00:00,600,A6\n"
)

MESSAGES = (
    "sender,recipient,sent_at\n"
    "17000000002,13800138002,2026-10-07 09:15:00\n"
    "17000000001,13800138005,2026-10-05 20:00:00\n"
    "+86 17000000003,13800138005,2026-10-05 20:05:00\n"
)

#: What the warning must find, by name: contacts, calls, messages,
#: call seconds, distinct watched numbers, days, callbacks, officer.
EXPECTED = {
    "王秀英": (3, 3, 0, 480, 1, 3, 0, "李警官"),
    "陈静": (2, 0, 2, 0, 2, 1, 0, "陈警官"),
    "张伟": (1, 0, 1, 0, 1, 1, 0, "李警官"),
    "赵强": (1, 1, 0, 30, 1, 1, 0, ""),
    "+8613900139000": (1, 1, 0, 90, 1, 1, 1, ""),
}


def write_inputs(folder: Path) -> dict[str, Path]:
    """Write the case's four input files; return them by spec name."""
    files = {
        "call_records": (folder / "calls.csv", CALLS),
        "messages": (folder / "messages.csv", MESSAGES),
        "residents": (folder / "residents.csv", RESIDENTS),
        "watch": (folder / "watch.csv", WATCH_LIST),
    }
    for path, text in files.values():
        path.write_text(text, encoding="utf-8")
    return {name: path for name, (path, _) in files.items()}


def build_case(ws, folder: Path) -> dict[str, Path]:
    """Create the case, import calls, messages and residents, load the list."""
    from workstation.services.cases import create_case
    from workstation.services.fraud_warning import load_watch_list
    from workstation.services.ingest import import_table

    files = write_inputs(folder)
    create_case(ws, CASE, "电信诈骗预警：幸福派出所")
    for spec in ("call_records", "messages", "residents"):
        summary = import_table(ws, CASE, files[spec], spec)
        assert summary.rows_loaded == summary.rows_read, summary.rejected
    load_watch_list(ws, CASE, files["watch"], name="十月预警号码")
    return files
