"""A generated station case list with known case-quality answers.

Two stations, four officers, seven cases (six registered in November 2026,
one in October), judged on 2026-12-04 with the shipped checklist:

* XZ-2026-1102 is registered three days after its report: the one late
  registration.
* Administrative cases of November: 1101 and 1102 closed in time, 1103
  closed after 45 days and 1105 still open past its limit (both overdue),
  1104 open within its limit (pending): a closure rate of 2 / 4.
* 1105 has no report time (a note, still counted).
* Planted problem points (:data:`FINDINGS`): 3 points on the criminal case
  XS-2026-1101 (three officers) and 2 on XZ-2026-1103 (two officers).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

HEADER = (
    "案件编号",
    "案件名称",
    "案件类别",
    "办案单位",
    "报案时间",
    "登记时间",
    "结案时间",
    "主办民警",
    "主办警号",
    "协办民警1",
    "协办警号1",
    "协办民警2",
    "协办警号2",
)
CHENGGUAN, DONGCHENG = "城关派出所", "东城派出所"
ZHANG, LI, WANG, LIU = (
    ("张伟", "001001"),
    ("李娜", "001002"),
    ("王强", "002001"),
    (
        "刘洋",
        "002002",
    ),
)
NOBODY = ("", "")
MONTH, AS_OF = "2026-11", date(2026, 12, 4)


def row(number, title, kind, station, reported, registered, closed, lead, *assists):
    first, second = [*assists, NOBODY, NOBODY][:2]
    return (
        number,
        title,
        kind,
        station,
        reported,
        registered,
        closed,
        *lead,
        *first,
        *second,
    )


ROWS = (
    row("XZ-2026-1001", "盗窃电动车", "行政", CHENGGUAN, "2026-10-08 09:00",
        "2026-10-08 11:00", "2026-10-20", ZHANG),
    row("XZ-2026-1101", "邻里纠纷殴打", "行政案件", CHENGGUAN, "2026-11-02 09:00",
        "2026-11-02 15:00", "2026-11-20 10:00", ZHANG, LI),
    row("XZ-2026-1102", "酒后滋事", "行政", CHENGGUAN, "2026-11-03 08:00",
        "2026-11-06 10:00", "2026/11/30", LI),
    row("XZ-2026-1103", "无证经营", "行政", DONGCHENG, "2026-11-05 09:00",
        "2026-11-05 09:00", "2026年12月20日", WANG, LIU),
    row("XZ-2026-1104", "噪音扰民", "行政", DONGCHENG, "2026-11-25 20:00",
        "2026-11-25 20:00", "", WANG),
    row("XS-2026-1101", "入室盗窃", "刑事", CHENGGUAN, "2026-11-10 07:30",
        "2026-11-10 07:30", "", ZHANG, WANG, LIU),
    row("XZ-2026-1105", "巡逻发现赌博", "行政", DONGCHENG, "",
        "2026-11-01 22:00", "", LIU),
)  # fmt: skip

#: ``(record, category, point, note)`` planted by a supervisor.
FINDINGS = (
    ("XS-2026-1101", "investigation", "key_evidence_missing", "现场指纹未提取"),
    ("XZ-2026-1103", "调查取证", "询问笔录不规范", "笔录未经本人签名"),
)


def write_case_list(path: Path, rows=ROWS, *, encoding: str = "gbk") -> Path:
    """The list as a CSV file, GBK-encoded like a Chinese Excel export."""
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_case_list_xlsx(path: Path, rows=ROWS) -> Path:
    """The list as an Excel workbook."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for values in rows:
        sheet.append(list(values))
    book.save(path)
    return path


def build_review_case(ws, folder: Path, number: str = "QA-2026-11"):
    """A review case with the list imported and the planted findings recorded."""
    from workstation.services.case_quality import record_finding
    from workstation.services.cases import create_case
    from workstation.services.ingest import import_table

    create_case(ws, number, "2026年11月案件质量考评", kind="administrative")
    summary = import_table(
        ws, number, write_case_list(folder / "案件清单.csv"), "case_list"
    )
    for record, category, point, note in FINDINGS:
        record_finding(ws, number, record, category, point, note=note)
    return summary
