"""The offline bundle installs and runs on a machine with no network."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _no_network_prefix() -> list[str]:
    """Run in a new network namespace, which has no route anywhere."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("unshare (util-linux) is needed to block the network")
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.fail(f"cannot create a network namespace: {probe.stderr!r}")
    return [unshare, "-n"]


@pytest.mark.slow
def test_bundle_installs_offline_and_provisions_models(tmp_path):
    offline = _no_network_prefix()
    archive = tmp_path / "bundle.tar.gz"
    built = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "installers" / "build_offline_bundle.py"),
            "--output",
            str(archive),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert built.returncode == 0, built.stderr[-3000:]

    with tarfile.open(archive) as bundle:
        names = bundle.getnames()
        bundle.extractall(tmp_path / "unpacked", filter="data")
    root = tmp_path / "unpacked" / "case-workstation-offline"
    assert any(n.endswith("models/default/pack.toml") for n in names)
    assert any(Path(n).name.startswith("case_workstation-") for n in names)

    target = tmp_path / "installed"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.pop("VIRTUAL_ENV", None)
    installed = subprocess.run(
        [*offline, "bash", str(root / "install.sh"), str(target)],
        capture_output=True,
        text=True,
        timeout=1200,
        env=env,
    )
    assert installed.returncode == 0, (
        installed.stdout[-3000:] + installed.stderr[-3000:]
    )
    assert "default          ready" in installed.stdout

    workstation = target / "venv" / "bin" / "workstation"
    listed = subprocess.run(
        [
            *offline,
            str(workstation),
            "--models",
            str(target / "models"),
            "models",
            "list",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert listed.returncode == 0 and "ready" in listed.stdout

    # A damaged bundle is refused before anything is installed.
    wheel = next((root / "wheels").glob("numpy-*.whl"))
    wheel.write_bytes(wheel.read_bytes()[:-10])
    refused = subprocess.run(
        [*offline, "bash", str(root / "install.sh"), str(tmp_path / "second")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert refused.returncode != 0
    assert not (tmp_path / "second" / "venv").exists()
