"""The link chart: a real PNG, drawn the same way each time, with Chinese glyphs."""

from __future__ import annotations

import io
import warnings

import networkx as nx
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from workstation.domain.errors import WorkstationError
from workstation.graph.chart import missing_glyphs, render_link_chart
from workstation.resources import cjk_font_path
from workstation.services.graph import link_chart_png, write_link_chart
from workstation.store.audit_log import read_audit

PERSON_RGB = (0xD1, 0x49, 0x5B)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _glyph_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_montagna_chart_is_a_real_picture(montagna, tmp_path):
    out = tmp_path / "chart.png"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = write_link_chart(montagna, "T-001", out, link_types=["call"])

    assert written == out
    assert _glyph_warnings(caught) == []
    assert out.stat().st_size > 50_000
    pixels = _pixels(out.read_bytes())
    assert pixels.shape == (1275, 1650, 3)
    # not blank: edges, nodes and labels cover a real share of the picture
    inked = (pixels < 235).any(axis=2).mean()
    assert 0.01 < inked < 0.5
    # nodes are drawn in the person colour
    person = (np.abs(pixels.astype(int) - PERSON_RGB).sum(axis=2) < 12).sum()
    assert person > 2_000
    assert not list(tmp_path.glob(".*.part"))

    entry = read_audit(montagna.store)[-1]
    assert entry.action == "chart.export"
    assert entry.details["nodes"] == 100 and entry.details["edges"] == 124


def test_chart_is_the_same_every_time(montagna):
    first = link_chart_png(montagna, "T-001", link_types=["meeting"], lang="en")
    again = link_chart_png(montagna, "T-001", link_types=["meeting"], lang="en")

    assert first == again


def _named_graph(name: str) -> nx.Graph:
    graph = nx.Graph()
    graph.add_node(1, label=name, type="person")
    graph.add_node(2, label="13800138000", type="phone")
    graph.add_edge(1, 2, weight=3.0)
    return graph


def test_chinese_labels_render_as_real_glyphs():
    font = cjk_font_path()
    assert missing_glyphs("测试案件：电话网络 张伟 李娜", font) == ""

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        zhang = render_link_chart(_named_graph("张伟"), title="关系图", font_path=font)
        li = render_link_chart(_named_graph("李娜"), title="关系图", font_path=font)

    assert _glyph_warnings(caught) == []
    # a font without the glyphs draws the same empty box for every character;
    # real glyphs make the two names differ
    assert not np.array_equal(_pixels(zhang), _pixels(li))


def test_the_glyph_check_would_catch_boxes():
    # control: text in a Latin-only font makes matplotlib warn, so the check
    # above is able to fail
    figure = Figure()
    figure.text(0.5, 0.5, "张伟", fontfamily="DejaVu Sans")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(io.BytesIO(), format="png")

    assert _glyph_warnings(caught)
    assert missing_glyphs("\U0001f600", cjk_font_path()) == "\U0001f600"


def test_chart_of_a_case_without_links(workspace, case, tmp_path):
    out = write_link_chart(workspace, "T-001", tmp_path / "empty.png")

    pixels = _pixels(out.read_bytes())
    assert (pixels < 235).any(axis=2).mean() > 0.0005  # title and the note


def test_missing_chart_font_is_an_error(tmp_path):
    with pytest.raises(WorkstationError, match="missing"):
        render_link_chart(
            _named_graph("张伟"), title="x", font_path=tmp_path / "none.ttc"
        )


def test_chart_into_a_missing_folder_is_reported(montagna, tmp_path):
    with pytest.raises(WorkstationError, match="does not exist"):
        write_link_chart(montagna, "T-001", tmp_path / "no" / "chart.png")
