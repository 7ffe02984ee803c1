"""Build an offline installation bundle on a connected machine.

The bundle is one ``.tar.gz`` holding every wheel the workstation needs for one
Python version and platform, the face model packs with their manifests, and
``install.sh``, which sets up a virtual environment on the air-gapped workstation
with ``pip install --no-index`` and provisions and checks the model pack.

Usage::

    python installers/build_offline_bundle.py --output case-workstation-bundle.tar.gz
    python installers/build_offline_bundle.py --python-version 3.11 \\
        --platform manylinux2014_x86_64 --output bundle.tar.gz
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

log = logging.getLogger("build_offline_bundle")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
INSTALL_SCRIPT = Path(__file__).with_name("install_offline.sh")


def run(command: list[str]) -> None:
    log.info("running %s", " ".join(command))
    subprocess.run(command, check=True)


def collect_wheels(
    wheels: Path, *, python_version: str | None, platform: str | None
) -> None:
    """Build the project's wheel and download every dependency as a wheel."""
    wheels.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip"]
    run([*pip, "wheel", "--no-deps", "--wheel-dir", str(wheels), str(PROJECT_ROOT)])
    project_wheel = next(wheels.glob("case_workstation-*.whl"))
    target = []
    if python_version:
        target += ["--python-version", python_version]
    if platform:
        target += ["--platform", platform]
    run(
        [
            *pip,
            "download",
            "--only-binary=:all:",
            "--dest",
            str(wheels),
            *target,
            str(project_wheel),
        ]
    )


def collect_models(models: Path) -> None:
    """Provision the default pack and copy every other adopted pack of the checkout.

    Provisioning checks the default pack's files against the SHA-256 sums the
    workstation ships; other packs travel with their own ``pack.toml``.
    """
    models.mkdir(parents=True, exist_ok=True)
    workstation = [sys.executable, "-m", "workstation", "--models", str(models)]
    run([*workstation, "models", "provision"])
    source = PROJECT_ROOT / "models"
    for pack in sorted(p for p in source.iterdir() if (p / "pack.toml").is_file()):
        if not (models / pack.name).exists():
            shutil.copytree(pack, models / pack.name)
            log.info("bundled model pack %s", pack.name)


def write_checksums(root: Path) -> None:
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    (root / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_bundle(
    output: Path, *, python_version: str | None = None, platform: str | None = None
) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "case-workstation-offline"
        collect_wheels(
            root / "wheels", python_version=python_version, platform=platform
        )
        collect_models(root / "models")
        shutil.copy(INSTALL_SCRIPT, root / "install.sh")
        (root / "install.sh").chmod(0o755)
        write_checksums(root)
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(output, "w:gz") as archive:
            archive.add(root, arcname=root.name)
    log.info("wrote %s", output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--python-version", help="target Python, e.g. 3.11")
    parser.add_argument("--platform", help="target wheel platform tag")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build_bundle(
        args.output, python_version=args.python_version, platform=args.platform
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
