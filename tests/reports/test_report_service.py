"""write_brief: a real brief of the Montagna phone-call case, read back from the PDF."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image
from report_cases import SECTIONS_ZH

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.progress import Cancelled
from workstation.security.hashing import sha256_file
from workstation.services.report import write_brief
from workstation.store.audit_log import read_audit
from workstation.store.evidence_rows import list_evidence

SECTIONS_EN = (
    "1. Case summary",
    "2. Suspects",
    "3. Face-search candidates",
    "4. Link chart and activity timeline",
    "5. Key players",
    "6. Evidence list",
    "7. Image enhancement processing report",
    "8. Audit extract",
)


@pytest.fixture(scope="module")
def brief_zh(shared_phone_case, tmp_path_factory):
    """One Chinese brief, written once and read by several tests."""
    steps = []
    path = write_brief(
        shared_phone_case,
        "T-001",
        tmp_path_factory.mktemp("out") / "T-001.pdf",
        progress=lambda done, total, message: steps.append((done, total, message)),
    )
    return path, steps


def test_chinese_brief_prints_the_case(brief_zh, pdf_text):
    path, _ = brief_zh
    text = pdf_text(path)

    assert "测试案件：电话网络" in text
    positions = [text.index(title) for title in SECTIONS_ZH]
    assert positions == sorted(positions)
    # where the data came from: the case description, as stored
    assert "Montagna 行动法庭记录中的通话边表" in text
    assert "刑事" in text and "analyst.test" in text
    # no faces and no searches in this case: said, not skipped
    assert "本案尚未扫描人脸" in text
    assert "本案尚无人脸检索记录" in text
    assert "比对候选仅为侦查线索，不构成身份认定" in text


def test_brief_lists_suspects_key_players_and_graph(brief_zh, pdf_text):
    text = pdf_text(brief_zh[0])

    suspects = text[text.index("二、嫌疑人") : text.index("三、人脸检索候选")]
    assert "行动: Montagna" in suspects
    assert len(re.findall(r"^\s*无参考人脸\s*$", suspects, re.M)) == 2

    players = text[text.index("五、关键人物") : text.index("六、证据清单")]
    rows = re.findall(
        r"^\s*(\d+)\s+(\d+)\s+人员\s+(\d+)\s+([\d.]+)\s+([\d.]+)", players, re.M
    )
    assert [(r[1], r[2], r[4]) for r in rows[:4]] == [
        ("18", "25", "0.418"),
        ("61", "17", "0.282"),
        ("47", "21", "0.236"),
        ("29", "9", "0.220"),
    ]
    assert "节点 100 个，连线 124 条" in text
    assert "连通分量 5 个，最大分量 89 个节点" in text


def test_brief_lists_every_evidence_hash_in_full(brief_zh, shared_phone_case, pdf_text):
    text = pdf_text(brief_zh[0])
    evidence = list_evidence(shared_phone_case.store)

    assert len(evidence) == 2
    for item in evidence:
        assert item.original_name in text
        # printed in two lines of 32 hex digits
        assert item.sha256[:32] in text and item.sha256[32:] in text


def test_every_page_has_the_running_header_and_page_number(brief_zh, pdf_text):
    path, _ = brief_zh
    pages = int(re.search(r"共 (\d+) 页", pdf_text(path)).group(1))

    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdf_text(path, page)
        assert "案件 T-001" in text
        assert f"第 {page} 页，共 {pages} 页" in text


def test_cjk_font_is_embedded_and_nothing_else_is_used(brief_zh, pdf_fonts):
    fonts = pdf_fonts(brief_zh[0])

    assert fonts
    assert all("WenQuanYi" in f["name"] for f in fonts)
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts)
    assert not any("Helvetica" in f["name"] for f in fonts)
    # hashes are set in the font's monospaced face
    assert any("Mono" in f["name"] for f in fonts)


def test_first_page_renders(brief_zh, pdf_page_png, tmp_path):
    png = pdf_page_png(brief_zh[0], 1, tmp_path)

    pixels = np.asarray(Image.open(png).convert("L"))
    assert pixels.shape[0] > pixels.shape[1] > 400  # A4 portrait
    assert 0.01 < (pixels < 200).mean() < 0.3


def test_export_is_audited_and_reported(brief_zh, shared_phone_case):
    path, steps = brief_zh
    entry = read_audit(shared_phone_case.store)[-1]

    assert entry.action == "report.export"
    assert entry.object == "T-001"
    assert entry.details["sha256"] == sha256_file(path)
    assert entry.details["lang"] == "zh"
    assert entry.details["kind"] == "brief"
    assert entry.details["classification"] == "内部"
    assert re.fullmatch(r"[0-9a-f]{64}", entry.details["content_sha256"])
    assert entry.details["evidence"] == 2 and entry.details["suspects"] == 2
    assert [s[0] for s in steps] == sorted(s[0] for s in steps)
    assert steps[-1][:2] == (9, 9)


def test_english_brief(phone_case, tmp_path, pdf_text):
    path = write_brief(phone_case, "T-001", tmp_path / "brief-en.pdf", lang="en")
    text = pdf_text(path)

    for title in SECTIONS_EN:
        assert title in text
    assert "测试案件：电话网络" in text  # data as stored
    assert "No faces scanned in this case" in text
    assert "No searches recorded in this case" in text
    assert "an investigative lead, not an identification" in text
    assert re.search(r"Page 1 of \d+", text)


def test_unknown_language_writes_nothing(phone_case, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(WorkstationError, match="'fr'"):
        write_brief(phone_case, "T-001", out / "brief.pdf", lang="fr")

    assert list(out.iterdir()) == []


def test_missing_output_folder_is_reported(phone_case, tmp_path):
    with pytest.raises(NotFoundError, match="does not exist"):
        write_brief(phone_case, "T-001", tmp_path / "no" / "brief.pdf")


class _Set:
    def is_set(self) -> bool:
        return True


def test_cancelled_export_writes_nothing(phone_case, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        write_brief(phone_case, "T-001", out / "brief.pdf", cancel=_Set())

    assert list(out.iterdir()) == []
    assert read_audit(phone_case.store)[-1].action != "report.export"


def test_brief_of_an_empty_case(workspace, case, tmp_path, pdf_text):
    path = write_brief(workspace, "T-001", tmp_path / "empty.pdf")
    text = pdf_text(path)

    assert "本案尚未登记嫌疑人" in text
    assert "本案尚无关联记录" in text
    assert "本案的关联记录均未记录时间" in text
    assert "本案尚无登记证据" in text
    assert "本案没有经过增强处理的图像" in text
    assert "未填写案件说明" in text
    # the case's creation is its one audit entry
    audit = text[text.index("八、审计摘录") :]
    assert "本案全部 1 条审计记录" in audit and "case.create" in audit
