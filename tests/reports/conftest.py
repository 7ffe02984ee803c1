"""A case for the brief tests: the Montagna phone calls and two evidence files.

The phone-call edge list (court records; Cavallaro et al., PLOS ONE 2020) is
loaded as person entities and call links with plain SQL, one link per line.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PHONE_CALLS = Path("networks", "montagna", "Montagna_phonecalls_edgelist.csv")
PHOTO = Path("faces", "face_recognition", "examples", "obama.jpg")
DESCRIPTION = (
    "数据来源：Montagna 行动法庭记录中的通话边表（Cavallaro 等，PLOS ONE 2020）。"
)


def load_phone_calls(ws, case_id: int, path: Path) -> None:
    """Insert the people and calls of the edge list."""
    rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if row]
    nodes = sorted({node for first, second, _ in rows for node in (first, second)})
    with ws.store.transaction():
        ws.store.execute(
            "INSERT INTO entities (case_id, type, key, label) "
            "SELECT ?, 'person', n, n FROM unnest(?::VARCHAR[]) AS t(n)",
            [case_id, nodes],
        )
        ws.store.execute(
            "INSERT INTO links (case_id, type, source_id, target_id, weight) "
            "SELECT ?, 'call', a.id, b.id, r.w FROM ("
            "SELECT unnest(?::VARCHAR[]) AS s, unnest(?::VARCHAR[]) AS t, "
            "unnest(?::DOUBLE[]) AS w) r "
            "JOIN entities a ON a.case_id = ? AND a.key = r.s "
            "JOIN entities b ON b.case_id = ? AND b.key = r.t",
            [
                case_id,
                [r[0] for r in rows],
                [r[1] for r in rows],
                [float(r[2]) for r in rows],
                case_id,
                case_id,
            ],
        )


def fill_phone_case(workspace, case, shared_data: Path):
    """Give case T-001 the phone calls, suspects 18 and 47, and two evidence files."""
    from workstation.services.evidence import add_evidence

    load_phone_calls(workspace, case.id, shared_data / PHONE_CALLS)
    workspace.store.execute(
        "UPDATE cases SET description = ? WHERE id = ?", [DESCRIPTION, case.id]
    )
    workspace.store.execute(
        "UPDATE entities SET role = 'suspect', attributes = ? "
        "WHERE case_id = ? AND key IN ('18', '47')",
        ['{"行动": "Montagna"}', case.id],
    )
    add_evidence(workspace, "T-001", [shared_data / PHONE_CALLS, shared_data / PHOTO])
    return workspace


@pytest.fixture
def phone_case(workspace, case, shared_data):
    """A fresh workspace whose case T-001 holds the phone calls (see above)."""
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
