"""Paged, sorted, filtered reads behind the tables (no Qt needed)."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest
from montagna_case import build_case

from workstation.services import browse


@pytest.fixture
def edges(workspace, case, shared_data):
    return build_case(workspace, case, shared_data)


def test_overview_counts_the_real_case(workspace, edges):
    overview = browse.case_overview(workspace, "T-001")

    assert overview.case.title == "测试案件：电话网络"
    assert (overview.entities, overview.links, overview.evidence) == (100, 150, 3)
    assert (overview.faces, overview.searches, overview.imports) == (0, 0, 0)
    assert overview.entity_types == (("person", 100),)


def test_entity_pages_cover_every_row_once(workspace, edges):
    pages = [
        browse.entity_page(workspace, "T-001", offset=offset, limit=30)
        for offset in range(0, 120, 30)
    ]

    assert [len(p) for p in pages] == [30, 30, 30, 10]
    keys = [row.key for page in pages for row in page]
    nodes = {n for e in edges for n in (e.source, e.target)}
    assert len(keys) == len(set(keys)) == 100
    assert set(keys) == nodes


def test_entities_sort_by_degree(workspace, edges):
    ends = Counter(n for e in edges for n in (e.source, e.target))

    top = browse.entity_page(
        workspace, "T-001", sort="degree", descending=True, limit=3
    )

    assert [(r.key, r.degree) for r in top] == ends.most_common(3)
    assert top[0].key == "18"


def test_search_matches_key_or_label_anywhere(workspace, edges):
    nodes = {n for e in edges for n in (e.source, e.target)}
    expected = sorted(n for n in nodes if "18" in n)

    rows = browse.entity_page(workspace, "T-001", search="18", sort="key")

    assert browse.count_entities(workspace, "T-001", "18") == len(expected)
    assert [r.key for r in rows] == expected
    # Wildcards typed by a user are taken literally.
    assert browse.count_entities(workspace, "T-001", "%") == 0
    assert browse.count_entities(workspace, "T-001", "_") == 0


def test_links_search_either_end_and_sort_by_weight(workspace, edges):
    touching = [e for e in edges if "47" in e.source or "47" in e.target]

    rows = browse.link_page(
        workspace, "T-001", search="47", sort="weight", descending=True, limit=500
    )

    assert browse.count_links(workspace, "T-001", "47") == len(touching) == len(rows)
    assert [r.weight for r in rows] == sorted(
        (e.weight for e in touching), reverse=True
    )
    assert browse.count_links(workspace, "T-001") == 150


def test_evidence_page_carries_the_file_hashes(workspace, edges):
    from montagna_case import vectron_photos

    hashes = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in vectron_photos()
    }

    rows = browse.evidence_page(workspace, "T-001", sort="original_name")

    assert [r.original_name for r in rows] == sorted(hashes)
    assert {r.original_name: r.sha256 for r in rows} == hashes
    assert browse.count_evidence(workspace, "T-001", hashes["gdp.jpg"][:12]) == 1


def test_unknown_sort_column_is_refused(workspace, edges):
    with pytest.raises(ValueError, match="cannot sort by 'label; DROP'"):
        browse.entity_page(workspace, "T-001", sort="label; DROP")
