"""`workstation demo` opens its window only where a person can see it."""

from __future__ import annotations

import pytest

from workstation.cli.demo_commands import invisible_platform
from workstation.cli.main import main


@pytest.fixture
def quick_demo(monkeypatch, tmp_path):
    """The demo command with the case building replaced by a finished result.

    Opening the window fails the test instead of waiting for a person.
    """
    from workstation.services import demo
    from workstation.ui import app

    def built(settings, **_options):
        return demo.DemoResult(
            workspace=tmp_path / "ws",
            case_number="DEMO-2026-001",
            brief=tmp_path / "ws" / "DEMO-2026-001-brief.pdf",
            imported_rows=12,
            faces_found=7,
            top_candidate="players.jpg",
            top_score=0.63,
        )

    def no_window(*_args, **_kwargs):
        raise AssertionError("the demo opened a window nobody can see")

    monkeypatch.setattr(demo, "run_demo", built)
    monkeypatch.setattr(app, "run_gui", no_window)
    return ["--workspace", str(tmp_path / "ws"), "demo"]


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "offscreen:size=800x600"])
def test_an_invisible_platform_counts_as_no_display(
    quick_demo, monkeypatch, capsys, platform
):
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    monkeypatch.setenv("DISPLAY", ":0")  # a display is set, yet nothing shows

    code = main(quick_demo)

    out = capsys.readouterr().out
    assert code == 0
    assert "case brief: " in out
    last = out.splitlines()[-1]
    assert last.startswith("No display found")
    assert f"QT_QPA_PLATFORM={platform.split(':')[0]} shows no window" in last
    assert "the brief is written" in last


def test_no_display_at_all_says_so(quick_demo, monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")

    assert main(quick_demo) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "No display found: the main window is not opened (the brief is written)."
    )


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("offscreen", "offscreen"), (" minimal ", "minimal"), ("xcb", None), ("", None)],
)
def test_invisible_platform(setting, expected):
    assert invisible_platform(setting) == expected
