"""Phone roll-up, time windows and weights on the demo case, imported through
the shipped ``people`` and ``call_records`` specs, checked against the files."""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections import Counter, defaultdict
from datetime import datetime

import pytest

from workstation.graph.filters import GraphFilter
from workstation.ingest.normalise import phone_key
from workstation.services.demo_data import RING
from workstation.services.graph import case_graph, has_phone_users, key_player_ranking


def _calls(folder):
    with open(folder / "calls.csv", encoding="utf-8", newline="") as handle:
        return [
            (
                phone_key(row["caller"]),
                phone_key(row["callee"]),
                datetime.fromisoformat(row["start_time"]),
                int(row["duration_s"]),
            )
            for row in csv.DictReader(handle)
        ]


def _expected_pairs(people, calls, start=None, end=None):
    """Calls and seconds per unordered pair of names, from the files."""
    user = {phone_key(p.phone): p.name for p in people}
    count, seconds = Counter(), defaultdict(int)
    for caller, callee, at, duration in calls:
        if (start and at < start) or (end and at >= end):
            continue
        pair = tuple(sorted((user[caller], user[callee])))
        count[pair] += 1
        seconds[pair] += duration
    return count, seconds


def _named_edges(graph, attribute="weight"):
    label = {n: d["label"] for n, d in graph.nodes(data=True)}
    return {
        tuple(sorted((label[a], label[b]))): d[attribute]
        for a, b, d in graph.edges(data=True)
    }


def test_calls_roll_up_to_the_people_using_the_phones(demo_case):
    ws, people, folder = demo_case
    calls = _calls(folder)
    expected, _ = _expected_pairs(people, calls)

    phones = case_graph(ws, "D-1", link_types=["call"])
    people_graph = case_graph(
        ws, "D-1", graph_filter=GraphFilter(link_types=("call",), roll_up=True)
    )

    assert has_phone_users(ws, "D-1")
    assert {d["type"] for _, d in phones.nodes(data=True)} == {"phone"}
    assert phones.number_of_nodes() == len({p for c in calls for p in c[:2]})
    assert {d["type"] for _, d in people_graph.nodes(data=True)} == {"person"}
    assert _named_edges(people_graph) == expected
    assert sum(expected.values()) == len(calls) == 365
    thief = next(
        n for n, d in people_graph.nodes(data=True) if d["label"] == RING[0][0]
    )
    assert people_graph.nodes[thief]["phones"] == [phone_key(people[0].phone)]


def test_vehicles_stay_and_uses_links_disappear(demo_case):
    ws, people, _ = demo_case

    graph = case_graph(ws, "D-1", graph_filter=GraphFilter(roll_up=True))
    types = Counter(d["type"] for _, d in graph.nodes(data=True))
    link_types = {t for _, _, d in graph.edges(data=True) for t in d["types"]}

    assert types == {"person": 41, "vehicle": sum(1 for p in people if p.plate)}
    assert link_types == {"call", "owns"}


def test_a_time_window_keeps_the_calls_in_it_and_the_standing_links(demo_case):
    ws, people, folder = demo_case
    start, end = datetime(2026, 10, 5), datetime(2026, 10, 12, 12)
    expected, _ = _expected_pairs(people, _calls(folder), start, end)

    chosen = GraphFilter(start=start, end=end, roll_up=True)
    graph = case_graph(ws, "D-1", graph_filter=chosen)
    calls = {
        pair: weight
        for pair, weight in _named_edges(graph).items()
        if pair[0] != pair[1] and all(not p.startswith("粤") for p in pair)
    }

    assert calls == expected
    owns = [d for _, _, d in graph.edges(data=True) if d["types"] == ("owns",)]
    assert len(owns) == sum(1 for p in people if p.plate)
    timed = [d for _, _, d in graph.edges(data=True) if d["first"] is not None]
    assert min(d["first"] for d in timed) >= start
    assert max(d["last"] for d in timed) < end


def test_weight_by_minutes(demo_case):
    ws, people, folder = demo_case
    _, seconds = _expected_pairs(people, _calls(folder))

    graph = case_graph(
        ws,
        "D-1",
        graph_filter=GraphFilter(link_types=("call",), roll_up=True, weight="duration"),
    )

    minutes = _named_edges(graph)
    assert minutes.keys() == seconds.keys()
    for pair, total in seconds.items():
        assert minutes[pair] == pytest.approx(total / 60)
    assert graph.graph["weight_by"] == "duration"


def test_the_ring_tops_the_rolled_up_ranking(demo_case):
    ws, _, _ = demo_case

    ranking = key_player_ranking(
        ws, "D-1", top=5, graph_filter=GraphFilter(roll_up=True)
    )

    ring = {name for name, _ in RING}
    assert {p.label for p in ranking.players[:3]} <= ring
    assert all(p.type == "person" for p in ranking.players)


def test_a_shared_phone_stays_a_phone(workspace, case):
    store = workspace.store

    def entity(kind, key):
        return store.execute(
            "INSERT INTO entities (case_id, type, key, label) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            [case.id, kind, key, key],
        ).fetchone()[0]

    wang, li, zhao = (entity("person", n) for n in ("王", "李", "赵"))
    shared, own = entity("phone", "+8613800000001"), entity("phone", "+8613800000002")
    store.execute(
        "INSERT INTO links (case_id, type, source_id, target_id) VALUES "
        "(?, 'uses', ?, ?), (?, 'uses', ?, ?), (?, 'uses', ?, ?), "
        "(?, 'call', ?, ?), (?, 'call', ?, ?)",
        [
            *(case.id, wang, shared, case.id, li, shared, case.id, own, zhao),
            *(case.id, shared, own, case.id, own, shared),
        ],
    )

    graph = case_graph(workspace, "T-001", graph_filter=GraphFilter(roll_up=True))

    assert graph.graph["rolled_up"] == {own: zhao}
    edges = {frozenset(edge) for edge in graph.edges()}
    assert edges == {
        frozenset(e) for e in ((wang, shared), (li, shared), (shared, zhao))
    }
    assert graph[shared][zhao]["count"] == 2
    assert graph[wang][shared]["types"] == ("uses",)


def test_filter_round_trip_and_its_checks():
    chosen = GraphFilter(
        link_types=("call", "meeting"),
        start=datetime(2026, 10, 1),
        end=datetime(2026, 11, 1),
        roll_up=True,
        weight="duration",
    )

    assert GraphFilter.from_dict(chosen.to_dict()) == chosen
    assert chosen.describe("zh").startswith("call, meeting；2026-10-01 00:00")
    with pytest.raises(Exception, match="weight"):
        GraphFilter(weight="calls")
    with pytest.raises(Exception, match="unknown"):
        GraphFilter(link_types=("phonecall",))
    with pytest.raises(Exception, match="start before the end"):
        GraphFilter(start=datetime(2026, 2, 1), end=datetime(2026, 1, 1))
    with pytest.raises(Exception, match="not a date"):
        GraphFilter.from_dict({"start": "yesterday"})


@pytest.mark.slow
def test_the_brief_shows_people_not_numbers(demo_case, tmp_path):
    from workstation.services.report import write_brief

    ws, _, _ = demo_case
    pdf = write_brief(ws, "D-1", tmp_path / "brief.pdf", lang="zh")
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils is needed to read the brief"
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    players = text[text.index("五、关键人物") : text.index("六、证据清单")]
    ring = [name for name, _ in RING]
    assert sum(name in players for name in ring) >= 4
    assert "+86" not in players
