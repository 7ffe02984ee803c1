"""The same database gives the same report; the report names the state it shows.

Two copies of one workspace are exported a while apart: the text, the rendered
pages and the files are the same, and so is the content SHA-256 printed on the
cover, in either language. Exporting changes the database (the export is
audited), and the next report says so.
"""

from __future__ import annotations

import re
import shutil
import time

import numpy as np
import pytest
from PIL import Image
from report_cases import fill_timed_case

from workstation.domain.errors import WorkstationError
from workstation.services.report import write_report
from workstation.store.audit_log import read_audit


def _open(root):
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    return Workspace(
        Settings.from_environment(workspace_dir=root, user_name="analyst.test")
    )


@pytest.fixture(scope="module")
def timed_root(tmp_path_factory, shared_data):
    """A closed workspace folder holding the timed case."""
    from workstation.services.cases import create_case

    root = tmp_path_factory.mktemp("timed")
    with _open(root / "ws") as ws:
        case = create_case(ws, "T-001", "测试案件：电话网络", kind="criminal")
        fill_timed_case(ws, case, shared_data, root)
    return root / "ws"


@pytest.fixture
def twins(timed_root, tmp_path):
    """Two workspaces holding byte-identical copies of the timed case.

    Each export is audited (with its time), so the two differ after one.
    """
    shutil.copytree(timed_root, tmp_path / "a")
    shutil.copytree(timed_root, tmp_path / "b")
    first, second = _open(tmp_path / "a"), _open(tmp_path / "b")
    yield first, second
    first.close()
    second.close()


def _state(text: str) -> str:
    """The content SHA-256 printed on the cover."""
    label = r"(?:数据状态|Database state)"
    found = re.search(label + r"\s+([0-9a-f]{32})\s+([0-9a-f]{32})", text)
    return found.group(1) + found.group(2)


def _pixels(png) -> np.ndarray:
    return np.asarray(Image.open(png).convert("RGB"))


def test_two_exports_of_the_same_database_are_the_same(
    twins, tmp_path, pdf_text, pdf_page_png
):
    first, second = twins
    a = write_report(first, "T-001", tmp_path / "a.pdf", kind="full")
    time.sleep(1.1)  # a report that printed the time would differ now
    b = write_report(second, "T-001", tmp_path / "b.pdf", kind="full")

    text = pdf_text(a)
    assert text == pdf_text(b)
    pages = int(re.search(r"共 (\d+) 页", text).group(1))
    for folder in ("pages-a", "pages-b"):
        (tmp_path / folder).mkdir()
    for page in (1, 3, 4, pages):
        one = _pixels(pdf_page_png(a, page, tmp_path / "pages-a"))
        two = _pixels(pdf_page_png(b, page, tmp_path / "pages-b"))
        assert np.array_equal(one, two), f"page {page} renders differently"
    assert a.read_bytes() == b.read_bytes()

    digest = _state(text)
    assert f"SHA-256 {digest[:12]}" in pdf_text(a, pages)
    assert read_audit(first.store)[-1].details["content_sha256"] == digest


def test_language_and_marking_do_not_change_the_state(twins, tmp_path, pdf_text):
    first, second = twins
    before = len(read_audit(first.store))
    zh = write_report(first, "T-001", tmp_path / "zh.pdf", classification="秘密")
    en = write_report(second, "T-001", tmp_path / "en.pdf", lang="en")
    zh_text, en_text = pdf_text(zh), pdf_text(en)

    assert _state(zh_text) == _state(en_text)
    assert "秘密" in zh_text and "RESTRICTED" in en_text
    # the export itself was audited: the database, and so the state, moved on
    again = pdf_text(write_report(first, "T-001", tmp_path / "again.pdf"))
    assert _state(again) != _state(zh_text)
    seqs = [int(s) for s in re.findall(r"本案审计记录第 (\d+) 条", zh_text + again)]
    assert seqs == [before, before + 1]


def test_marking_is_on_the_cover_and_every_page(twins, tmp_path, pdf_text):
    first, _ = twins
    path = write_report(first, "T-001", tmp_path / "m.pdf", classification=" 机密 ")
    text = pdf_text(path)
    pages = int(re.search(r"共 (\d+) 页", text).group(1))

    cover = pdf_text(path, 1)
    assert re.search(r"密级\s+机密", cover) and cover.count("机密") >= 4
    for page in range(2, pages + 1):
        assert pdf_text(path, page).count("机密") == 2  # top and bottom


@pytest.mark.parametrize("marking", ["", "  ", "x" * 41])
def test_an_unusable_marking_is_refused(twins, tmp_path, marking):
    first, _ = twins
    with pytest.raises(WorkstationError, match="classification marking"):
        write_report(first, "T-001", tmp_path / "x.pdf", classification=marking)
    assert not (tmp_path / "x.pdf").exists()
