"""The report font: the shipped CJK font or no report at all, never Helvetica."""

from __future__ import annotations

from datetime import datetime

import pytest

from workstation.domain.errors import WorkstationError
from workstation.domain.records import Case
from workstation.reports.fonts import missing_glyphs, register_report_fonts
from workstation.reports.report_content import ReportContent
from workstation.reports.report_document import write_report_pdf
from workstation.resources import cjk_font_path

PHONE_CALLS = ("networks", "montagna", "Montagna_phonecalls_edgelist.csv")


def test_shipped_font_has_text_and_monospaced_faces():
    fonts = register_report_fonts(cjk_font_path())

    assert fonts.text != fonts.mono
    assert (
        missing_glyphs("测试案件：电话网络 案件简报 第 1 页，共 3 页", fonts.text) == ""
    )
    assert missing_glyphs("0123456789abcdef", fonts.mono) == ""
    assert missing_glyphs("\U0001f600", fonts.text) == "\U0001f600"


def test_missing_font_is_an_error(tmp_path):
    with pytest.raises(WorkstationError, match="missing"):
        register_report_fonts(tmp_path / "wqy-microhei.ttc")


def test_a_file_that_is_no_font_is_an_error(shared_data):
    with pytest.raises(WorkstationError, match="cannot be loaded"):
        register_report_fonts(shared_data.joinpath(*PHONE_CALLS))


def test_no_brief_without_the_font(tmp_path, shared_data):
    content = ReportContent(
        case=Case(
            1, "T-001", "测试案件：电话网络", "criminal", "open", "a", datetime.now()
        ),
        classification="内部",
        author="a",
        software_version="test",
    )
    out = tmp_path / "out"
    out.mkdir()

    with pytest.raises(WorkstationError):
        write_report_pdf(
            content, out / "brief.pdf", font_path=shared_data.joinpath(*PHONE_CALLS)
        )
    assert list(out.iterdir()) == []
