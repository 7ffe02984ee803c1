"""The brief's image enhancement processing report, read back from the PDF."""

from __future__ import annotations

import dataclasses
import subprocess

import pytest

from workstation.services.cases import create_case
from workstation.services.enhance import enhance_evidence
from workstation.services.evidence import add_evidence
from workstation.services.report import write_brief

EXAMPLES = ("faces", "face_recognition", "examples")


@pytest.fixture(scope="module")
def enhanced_case(model_settings, shared_data, tmp_path_factory):
    """Case T-001 with a photo and a video frame enhanced, one with a reference."""
    from workstation.services.workspace import Workspace

    settings = dataclasses.replace(
        model_settings, workspace_dir=tmp_path_factory.mktemp("report") / "ws"
    )
    ws = Workspace(settings)
    create_case(ws, "T-001", "图像增强案件", kind="criminal")
    add_evidence(
        ws,
        "T-001",
        [
            shared_data.joinpath(*EXAMPLES, "obama_small.jpg"),
            shared_data.joinpath("video", "carphone", "carphone_distorted.mp4"),
            shared_data.joinpath(*EXAMPLES, "obama.jpg"),
        ],
    )
    photo = enhance_evidence(
        ws, "T-001", 1, "small_face", reference=3, purpose="compare with portrait"
    )
    frame = enhance_evidence(ws, "T-001", 2, "compressed_video", frame=60)
    yield ws, photo.derivation, frame.derivation
    ws.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brief_prints_the_processing_report(enhanced_case, tmp_path, pdf_to_text, lang):
    ws, photo, frame = enhanced_case
    pdf = write_brief(ws, "T-001", tmp_path / f"brief_{lang}.pdf", lang=lang)
    text = pdf_to_text(pdf)
    flat = " ".join(text.split())
    heading = {
        "en": "7. Image enhancement processing report",
        "zh": "七、图像增强处理报告",
    }[lang]
    assert heading in text
    for row in (photo, frame):
        for digest in (row.input_sha256, row.output_sha256):
            assert digest[:32] in text and digest[32:] in text
    assert "obama_small.small_face.png" in flat
    assert "carphone_distorted.f000060.compressed_video.png" in flat
    assert "analyst.test" in flat
    if lang == "en":
        assert flat.count("The original is unchanged") == 2
        assert "Processing 1: obama_small.small_face.png" in flat
        assert "Video frame 60 (0:00:02.002)" in flat
        assert "Duchon, Lanczos filtering" in flat
        assert "factor = 4" in flat and "method = lanczos" in flat
        assert "match against reference photo obama.jpg (evidence 3)" in flat
        assert "compare with portrait" in flat
    else:
        assert flat.count("原始文件未被修改") == 2
        assert "视频第 60 帧" in flat


def test_processing_report_pages_render(enhanced_case, tmp_path):
    ws, *_ = enhanced_case
    pdf = write_brief(ws, "T-001", tmp_path / "brief.pdf", lang="en")
    pages = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    count = next(
        int(line.split()[1]) for line in pages.splitlines() if line.startswith("Pages")
    )
    out = tmp_path / "last"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", str(count), "-l", str(count), "-png",
         "-singlefile", str(pdf), str(out)],
        check=True,
    )  # fmt: skip
    assert out.with_suffix(".png").stat().st_size > 10_000
