"""Fixtures of the report tests: the cases of :mod:`report_cases` and poppler."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_cases import fill_phone_case, fill_timed_case


@pytest.fixture
def phone_case(workspace, case, shared_data):
    """A fresh workspace whose case T-001 holds the phone calls (see report_cases)."""
    return fill_phone_case(workspace, case, shared_data)


@pytest.fixture(scope="module")
def shared_phone_case(tmp_path_factory, shared_data):
    """The same case in a workspace shared by a module's read-only tests."""
    from workstation.services.cases import create_case
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    settings = Settings.from_environment(
        workspace_dir=tmp_path_factory.mktemp("brief") / "workspace",
        user_name="analyst.test",
    )
    with Workspace(settings) as ws:
        case = create_case(ws, "T-001", "测试案件：电话网络", kind="criminal")
        yield fill_phone_case(ws, case, shared_data)


@pytest.fixture(scope="module")
def timed_case(tmp_path_factory, shared_data):
    """A workspace whose case T-001 holds the phone case and the timed calls."""
    from workstation.services.cases import create_case
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    root = tmp_path_factory.mktemp("timed")
    settings = Settings.from_environment(
        workspace_dir=root / "workspace", user_name="analyst.test"
    )
    with Workspace(settings) as ws:
        case = create_case(ws, "T-001", "测试案件：电话网络", kind="criminal")
        yield fill_timed_case(ws, case, shared_data, root)


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to read the briefs back")
    return path


@pytest.fixture(scope="session")
def pdf_text():
    """``pdf_text(path, page=None)``: the PDF's text through pdftotext."""

    def read(path: Path, page: int | None = None) -> str:
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return subprocess.run(
            [_poppler("pdftotext"), "-layout", *pages, str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    return read


@pytest.fixture(scope="session")
def pdf_fonts():
    """``pdf_fonts(path)``: pdffonts rows as dicts (name, type, emb, ...)."""

    def read(path: Path) -> list[dict[str, str]]:
        lines = subprocess.run(
            [_poppler("pdffonts"), str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()[2:]
        rows = []
        for line in lines:
            parts = line.split()
            # name type [type...] encoding emb sub uni object-number generation
            rows.append(
                {
                    "name": parts[0],
                    "type": " ".join(parts[1:-6]),
                    "emb": parts[-5],
                    "sub": parts[-4],
                    "uni": parts[-3],
                }
            )
        return rows

    return read


@pytest.fixture(scope="session")
def pdf_page_png():
    """``pdf_page_png(path, page, out_dir)``: render one page with pdftoppm."""

    def render(path: Path, page: int, out_dir: Path) -> Path:
        prefix = out_dir / f"page{page}"
        subprocess.run(
            [
                _poppler("pdftoppm"),
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                "-singlefile",
                str(path),
                str(prefix),
            ],
            check=True,
            capture_output=True,
        )
        return prefix.with_suffix(".png")

    return render
