"""The link graph of a case: measuring it and drawing the chart.

Every function takes an optional :class:`~workstation.graph.filters.GraphFilter`
(link types, time window, phone roll-up, weight by count or minutes). The graph
itself is built in ``graph_build`` (re-exported here); paths, timelines, saved
chart views and file exchange live in ``graph_paths``, ``timeline``,
``graph_views`` and ``graph_interchange``.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

import networkx as nx

from workstation.domain.errors import WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback
from workstation.domain.records import Case, KeyPlayer
from workstation.graph.chart import render_link_chart
from workstation.graph.communities import Communities, detect_communities
from workstation.graph.filters import GraphFilter
from workstation.graph.key_players import KeyPlayerRanking, rank_key_players
from workstation.graph.link_graph import summarize_graph
from workstation.graph.measures import SCORE_MEASURES, scores_for
from workstation.graph.player_table import MeasureTable, measure_table
from workstation.resources import cjk_font_path
from workstation.security.roles import Permission
from workstation.services.file_output import check_folder, write_atomically
from workstation.services.graph_build import (
    build_graph,
    case_graph,
    chosen_filter,
    has_phone_users,
)
from workstation.services.workspace import Workspace

log = logging.getLogger(__name__)

__all__ = [
    "case_communities",
    "case_graph",
    "case_measures",
    "has_phone_users",
    "key_player_ranking",
    "key_players",
    "link_chart_png",
    "render_case_chart",
    "write_atomically",
    "write_link_chart",
]

_CHART_TITLE = {
    "zh": "{number} 关系图：{title}",
    "en": "{number} link chart: {title}",
}
_SIZE_NAMES = {
    "zh": {
        "degree": "度数",
        "weighted": "加权度数",
        "betweenness": "中介中心性",
        "closeness": "接近中心性",
        "eigenvector": "特征向量中心性",
        "kcore": "k 核数",
    },
    "en": {},
}


def key_player_ranking(
    ws: Workspace,
    case_number: str,
    *,
    top: int | None = 10,
    link_types: Sequence[str] | None = None,
    graph_filter: GraphFilter | None = None,
) -> KeyPlayerRanking:
    """Rank a case's entities, saying whether betweenness was exact or sampled.

    Args:
        ws: The open workspace.
        case_number: The case.
        top: How many players to keep; all when None.
        link_types: Only links of these types; all when None.
        graph_filter: Link types, time window, roll-up and weight.

    Returns:
        The ranking of the case's linked entities.
    """
    graph = case_graph(
        ws, case_number, link_types=link_types, graph_filter=graph_filter
    )
    return rank_key_players(graph, top=top)


def key_players(
    ws: Workspace,
    case_number: str,
    *,
    top: int = 10,
    link_types: Sequence[str] | None = None,
    graph_filter: GraphFilter | None = None,
) -> list[KeyPlayer]:
    """Return the case's key players, by betweenness and then degree.

    Args:
        ws: The open workspace.
        case_number: The case.
        top: How many players to return.
        link_types: Only links of these types; all when None.
        graph_filter: Link types, time window, roll-up and weight.

    Returns:
        Up to ``top`` players, most central first.
    """
    ranking = key_player_ranking(
        ws, case_number, top=top, link_types=link_types, graph_filter=graph_filter
    )
    return list(ranking.players)


def case_measures(
    ws: Workspace,
    case_number: str,
    *,
    graph_filter: GraphFilter | None = None,
    sort_by: str = "betweenness",
    top: int | None = 10,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> MeasureTable:
    """The key-player table of a case: every measure, ranked by one.

    Args:
        ws: The open workspace.
        case_number: The case.
        graph_filter: Link types, time window, roll-up and weight.
        sort_by: degree, weighted, betweenness, closeness, eigenvector, kcore
            or community.
        top: How many rows; all when None.
        progress: Called after each measure.
        cancel: Checked between measures.

    Returns:
        The table, saying how betweenness, closeness, eigenvector and the
        communities were computed.
    """
    graph = case_graph(ws, case_number, graph_filter=graph_filter)
    table = measure_table(
        graph, sort_by=sort_by, top=top, progress=progress, cancel=cancel
    )
    # a ranking of the case's people is a bulk read of personal data
    used = graph_filter or GraphFilter()
    ws.audit(
        "graph.measures",
        case_number,
        {
            "sort_by": sort_by,
            "top": top,
            "rows": len(table.players),
            "nodes": table.nodes,
            "link_types": list(used.link_types) if used.link_types else None,
            "start": used.start.isoformat() if used.start else None,
            "end": used.end.isoformat() if used.end else None,
            "roll_up": used.roll_up,
        },
    )
    return table


def case_communities(
    ws: Workspace, case_number: str, *, graph_filter: GraphFilter | None = None
) -> tuple[nx.Graph, Communities]:
    """The case graph and its Louvain communities (seeded, so they repeat)."""
    graph = case_graph(ws, case_number, graph_filter=graph_filter)
    return graph, detect_communities(graph)


def link_chart_png(
    ws: Workspace,
    case_number: str,
    *,
    top_labels: int = 25,
    link_types: Sequence[str] | None = None,
    lang: str | None = None,
    graph_filter: GraphFilter | None = None,
    size_by: str = "betweenness",
    colour_by: str = "type",
) -> bytes:
    """Draw the case's link chart and return it as PNG bytes.

    Args:
        ws: The open workspace.
        case_number: The case.
        top_labels: How many of the most central entities are labelled.
        link_types: Only links of these types; all when None.
        lang: "zh" or "en"; the workspace's language when None.
        graph_filter: Link types, time window, roll-up and weight.
        size_by: The measure that sizes the nodes.
        colour_by: "type" or "community".

    Returns:
        The PNG image.
    """
    case = ws.case(case_number)
    graph = build_graph(ws, case, chosen_filter(link_types, graph_filter), False)
    return render_case_chart(
        graph,
        case,
        lang=lang or ws.settings.language,
        top_labels=top_labels,
        size_by=size_by,
        colour_by=colour_by,
    )


def write_link_chart(
    ws: Workspace,
    case_number: str,
    png_path: str | Path,
    *,
    top_labels: int = 25,
    link_types: Sequence[str] | None = None,
    lang: str | None = None,
    graph_filter: GraphFilter | None = None,
    size_by: str = "betweenness",
    colour_by: str = "type",
) -> Path:
    """Draw the case's link chart to a PNG file and audit the export.

    Args:
        ws: The open workspace.
        case_number: The case.
        png_path: Where to write the image; its folder must exist.
        top_labels: How many of the most central entities are labelled.
        link_types: Only links of these types; all when None.
        lang: "zh" or "en"; the workspace's language when None.
        graph_filter: Link types, time window, roll-up and weight.
        size_by: The measure that sizes the nodes.
        colour_by: "type" or "community".

    Returns:
        The path written.

    Raises:
        NotFoundError: No such case, no such link type, or the folder is missing.
        WorkstationError: The file cannot be written.
    """
    ws.require(Permission.EXPORT)
    case = ws.case(case_number)
    png_path = Path(png_path)
    check_folder(png_path)
    chosen = chosen_filter(link_types, graph_filter)
    graph = build_graph(ws, case, chosen, False)
    png = render_case_chart(
        graph,
        case,
        lang=lang or ws.settings.language,
        top_labels=top_labels,
        size_by=size_by,
        colour_by=colour_by,
    )
    write_atomically(png_path, png)
    summary = summarize_graph(graph)
    ws.audit(
        "chart.export",
        case.number,
        {
            "file": png_path.name,
            "nodes": summary.nodes,
            "edges": summary.edges,
            "link_types": list(chosen.link_types) if chosen.link_types else "all",
            "filter": chosen.to_dict(),
        },
    )
    log.info("wrote link chart of %s to %s", case.number, png_path)
    return png_path


def render_case_chart(
    graph: nx.Graph,
    case: Case,
    *,
    lang: str = "zh",
    top_labels: int = 25,
    ranking: KeyPlayerRanking | None = None,
    size_inches: tuple[float, float] = (11.0, 8.5),
    dpi: int = 150,
    size_by: str = "betweenness",
    colour_by: str = "type",
    positions: Mapping | None = None,
    annotations: Sequence[Mapping] = (),
    highlight: Collection[tuple] = (),
    title: str | None = None,
) -> bytes:
    """Draw a case's graph with its title, nodes sized by a measure.

    Args:
        graph: The case graph from :func:`case_graph`.
        case: The case, for the title.
        lang: "zh" or "en".
        top_labels: How many of the most central entities are labelled.
        ranking: Key players already ranked on this graph (betweenness sizes);
            ranked here when None.
        size_inches: Width and height of the image.
        dpi: Its resolution.
        size_by: degree, weighted, betweenness, closeness, eigenvector or kcore.
        colour_by: "type" or "community" (Louvain, seeded).
        positions: Node places to keep (a saved view).
        annotations: Notes with ``text`` and ``node`` or ``x``/``y``.
        highlight: Edges drawn in red (a path).
        title: Replaces the case's title line.

    Returns:
        The PNG image.

    Raises:
        WorkstationError: Unknown ``size_by`` or ``colour_by``.
    """
    if size_by not in SCORE_MEASURES:
        raise WorkstationError(
            f"Cannot size nodes by {size_by!r}; use one of {', '.join(SCORE_MEASURES)}."
        )
    if colour_by not in ("type", "community"):
        raise WorkstationError(
            f"Cannot colour nodes by {colour_by!r}; use type or community."
        )
    if size_by == "betweenness":
        if ranking is None or len(ranking.players) < graph.number_of_nodes():
            ranking = rank_key_players(graph)
        scores = {p.entity_id: p.betweenness for p in ranking.players}
    else:
        scores = scores_for(graph, size_by)
    if not any(scores.values()):
        # without any betweenness (a star, pairs) size by degree instead
        size_by, scores = "degree", scores_for(graph, "degree")
    heading = title or _CHART_TITLE.get(lang, _CHART_TITLE["en"]).format(
        number=case.number, title=case.title
    )
    communities = (
        detect_communities(graph).membership if colour_by == "community" else None
    )
    chosen = graph.graph.get("graph_filter")
    filtered = chosen.describe(lang) if chosen and chosen != GraphFilter() else None
    return render_link_chart(
        graph,
        title=heading,
        font_path=cjk_font_path(),
        top_labels=top_labels,
        lang=lang,
        size_inches=size_inches,
        dpi=dpi,
        scores=scores,
        size_label=_SIZE_NAMES.get(lang, {}).get(size_by, size_by),
        communities=communities,
        positions=positions,
        annotations=annotations,
        highlight=highlight,
        note=filtered,
    )
