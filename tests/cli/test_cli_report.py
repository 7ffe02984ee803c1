"""`workstation report`: the brief or the full report from the command line."""

from __future__ import annotations

import subprocess

import pytest
from test_cli_errors import assert_one_line_error, run_cli

PHOTO = ("faces", "face_recognition", "examples", "obama.jpg")


def pdf_text(path) -> str:
    """The PDF's text through pdftotext."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def cli_case(tmp_path, shared_data):
    workspace = tmp_path / "ws"
    created = run_cli("case", "create", "C-1", "测试案件：命令行", workspace=workspace)
    assert created.returncode == 0, created.stderr
    photo = str(shared_data.joinpath(*PHOTO))
    added = run_cli("evidence", "add", "C-1", photo, workspace=workspace)
    assert added.returncode == 0, added.stderr
    return workspace


def test_full_report_in_english_with_a_marking(cli_case, tmp_path):
    out = tmp_path / "C-1-full.pdf"
    result = run_cli(
        "report", "C-1", "--kind", "full", "--lang", "en",
        "--classification", "SECRET", "-o", str(out),
        workspace=cli_case,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Full case report written to {out}"
    text = pdf_text(out)
    assert "Full case report" in text and "SECRET" in text
    assert "测试案件：命令行" in text and "obama.jpg" in text
    assert "evidence.add" in text  # the audit extract


def test_an_unusable_marking_is_one_line(cli_case, tmp_path):
    result = run_cli(
        "report", "C-1", "--classification", " ", "-o", str(tmp_path / "x.pdf"),
        workspace=cli_case,
    )  # fmt: skip

    assert_one_line_error(result, "classification marking")
    assert not (tmp_path / "x.pdf").exists()


def test_kind_must_be_brief_or_full(cli_case, tmp_path):
    result = run_cli(
        "report", "C-1", "--kind", "summary", "-o", str(tmp_path / "x.pdf"),
        workspace=cli_case,
    )  # fmt: skip

    assert result.returncode == 2
    assert "invalid choice: 'summary'" in result.stderr


def test_sections_choose_what_the_report_prints(cli_case, tmp_path):
    out = tmp_path / "C-1-sections.pdf"
    result = run_cli(
        "report", "C-1", "--lang", "en", "--sections", "suspects, evidence",
        "-o", str(out),
        workspace=cli_case,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "2. Suspects" in text and "6. Evidence list" in text
    assert "obama.jpg" in text
    assert "8. Audit extract" not in text and "evidence.add" not in text
    assert "4. Link chart and activity timeline" not in text
    assert "parts 3, 4, 5, 7, 8, 9" in text


def test_an_unknown_section_is_one_line(cli_case, tmp_path):
    result = run_cli(
        "report", "C-1", "--sections", "suspects,photos",
        "-o", str(tmp_path / "x.pdf"),
        workspace=cli_case,
    )  # fmt: skip

    assert_one_line_error(result, "no section photos")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("name", ["x.txt", "x", "x.pdf.txt"])
def test_an_output_not_named_pdf_is_one_line(cli_case, tmp_path, name):
    out = tmp_path / name
    result = run_cli("report", "C-1", "-o", str(out), workspace=cli_case)

    assert_one_line_error(result, f"-o {out}", "ending in .pdf")
    assert result.stdout == ""
    assert not out.exists()
    assert list(tmp_path.glob("x*")) == []


def test_an_upper_case_pdf_suffix_is_fine(cli_case, tmp_path):
    out = tmp_path / "C-1.PDF"
    result = run_cli(
        "report", "C-1", "--lang", "en", "-o", str(out), workspace=cli_case
    )

    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
