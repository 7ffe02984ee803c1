"""The ``workstation enhance`` commands, run as a user would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workstation.cli.main import main
from workstation.services.enhance import load_chain
from workstation.vision.enhance import chain_from_toml

PHOTO = ("faces", "face_recognition", "examples", "obama_small.jpg")


@pytest.fixture
def cli(model_settings, tmp_path, shared_data, capsys):
    """``cli(*args)`` -> (exit code, stdout) in a workspace with case T-001."""
    base = [
        "--workspace",
        str(tmp_path / "ws"),
        "--models",
        str(model_settings.models_dir),
        "--user",
        "examiner.one",
    ]

    def run(*args):
        code = main([*base, *args])
        return code, capsys.readouterr().out

    assert run("case", "create", "T-001", "增强")[0] == 0
    assert run("evidence", "add", "T-001", str(shared_data.joinpath(*PHOTO)))[0] == 0
    run.base = base
    return run


def test_apply_list_show_and_verify(cli, tmp_path):
    copy = tmp_path / "out.png"
    code, out = cli(
        "enhance", "T-001", "1", "--chain", "small_face", "--out", str(copy)
    )
    assert code == 0
    assert "Derivation 1: evidence 1 (obama_small.jpg) -> evidence 2" in out
    assert "chain small_face: 1 upscale" in out
    assert "(original unchanged)" in out
    assert "face scores (match against the unprocessed original):" in out
    assert copy.is_file() and copy.stat().st_size > 1000

    code, out = cli("enhance", "list", "T-001")
    assert code == 0 and "small_face" in out and "examiner.one" in out

    code, out = cli("enhance", "show", "T-001", "1")
    assert code == 0 and "# input  obama_small.jpg SHA-256 " in out
    shown = chain_from_toml(out)
    assert shown.steps == load_chain("small_face").steps

    code, out = cli("enhance", "verify", "T-001", "1")
    assert code == 0 and out.startswith("VERIFIED  derivation 1: ")


def test_presets_and_operations_are_listed(cli):
    code, out = cli("enhance", "presets")
    assert code == 0
    for name in ("night_cctv", "motion_blur", "compressed_video", "deblur", "clahe"):
        assert name in out


def test_usage_mistakes_are_refused_by_the_parser(cli):
    with pytest.raises(SystemExit):
        cli("enhance", "verify", "T-001")
    with pytest.raises(SystemExit):
        cli("enhance", "T-001", "1")  # no --chain


def test_a_bad_chain_file_is_one_line_and_writes_nothing(cli, tmp_path):
    bad = tmp_path / "sharpen.toml"
    bad.write_text(
        'name = "sharpen"\n[[step]]\nop = "unsharp_mask"\n[[step]]\n'
        'op = "upscale"\nfactor = 12\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workstation",
            *cli.base,
            "enhance",
            "T-001",
            "1",
            "--chain",
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        "error: sharpen.toml: step 2 (upscale), parameter 'factor': 12 is out of "
        "range; use a value from 1.0 to 8.0."
    ]
    assert cli("enhance", "list", "T-001") == (
        0,
        "No enhancements recorded in case T-001.\n",
    )
