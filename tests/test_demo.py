"""`workstation demo` runs the whole job offline and writes a readable brief."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

# Runs the CLI with every way of opening a network connection replaced by one
# that records the attempt and fails, so the test sees any code path that tries.
_OFFLINE_RUNNER = textwrap.dedent(
    """
    import socket, sys

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network blocked by test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from workstation.cli import main

    code = main(sys.argv[1:])
    if attempts:
        print("NETWORK ATTEMPTS:", attempts, file=sys.stderr)
        code = 99
    sys.exit(code)
    """
)


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    workspace = root / "demo-workspace"
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["QT_QPA_PLATFORM"] = ""
    env["WORKSTATION_MODELS"] = str(root / "models")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _OFFLINE_RUNNER,
            "--workspace",
            str(workspace),
            "demo",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
        cwd=root,
    )
    return result, workspace


@pytest.mark.slow
def test_demo_runs_offline_and_says_no_display(demo_run):
    result, workspace = demo_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert "NETWORK ATTEMPTS" not in result.stderr
    assert "Traceback" not in result.stderr
    assert "No display found" in result.stdout
    assert "players.jpg" in result.stdout
    assert (workspace / "DEMO-2026-001-brief.pdf").is_file()


@pytest.mark.slow
def test_demo_brief_shows_chinese_faces_and_chart(demo_run, tmp_path):
    for tool in ("pdftotext", "pdffonts", "pdftoppm", "pdfimages"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} (poppler-utils) is needed; .ci/run installs it")
    _, workspace = demo_run
    pdf = workspace / "DEMO-2026-001-brief.pdf"

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "DEMO-2026-001" in text
    assert "夜间盗车团伙" in text
    assert "：" in text
    assert "嫌疑人甲" in text
    assert "players.jpg" in text

    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    cjk = [
        line
        for line in fonts.stdout.splitlines()
        if "WenQuanYi" in line or "wqy" in line.lower()
    ]
    assert cjk, fonts.stdout
    assert all(" yes " in line for line in cjk), fonts.stdout

    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True
    )
    image_rows = [row for row in images.stdout.splitlines()[2:] if row.strip()]
    assert len(image_rows) >= 3, images.stdout  # suspect crop, candidates, chart

    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    assert list(tmp_path.glob("p*.png"))
