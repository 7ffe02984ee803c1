"""The link graph of a case: building it, ranking key players, drawing the chart."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.domain.records import Case, KeyPlayer
from workstation.graph.chart import render_link_chart
from workstation.graph.key_players import KeyPlayerRanking, rank_key_players
from workstation.graph.link_graph import build_link_graph, summarize_graph
from workstation.resources import cjk_font_path
from workstation.services.workspace import Workspace
from workstation.store import graph_rows

log = logging.getLogger(__name__)

_CHART_TITLE = {
    "zh": "{number} 关系图：{title}",
    "en": "{number} link chart: {title}",
}


def case_graph(
    ws: Workspace,
    case_number: str,
    *,
    link_types: Sequence[str] | None = None,
    include_isolated: bool = False,
) -> nx.Graph:
    """Build the undirected analysis graph of a case.

    Args:
        ws: The open workspace.
        case_number: The case, e.g. "T-001".
        link_types: Only links of these types (e.g. ``["call"]``); all when None.
        include_isolated: Also add the case's entities that have no such link.

    Returns:
        The graph keyed by entity id; see
        :func:`~workstation.graph.link_graph.build_link_graph`.

    Raises:
        NotFoundError: No such case, or a requested link type has no links in it.
    """
    case = ws.case(case_number)
    return _case_graph(ws, case, link_types, include_isolated)


def key_player_ranking(
    ws: Workspace,
    case_number: str,
    *,
    top: int | None = 10,
    link_types: Sequence[str] | None = None,
) -> KeyPlayerRanking:
    """Rank a case's entities, saying whether betweenness was exact or sampled.

    Args:
        ws: The open workspace.
        case_number: The case.
        top: How many players to keep; all when None.
        link_types: Only links of these types; all when None.

    Returns:
        The ranking of the case's linked entities.
    """
    graph = case_graph(ws, case_number, link_types=link_types)
    return rank_key_players(graph, top=top)


def key_players(
    ws: Workspace,
    case_number: str,
    *,
    top: int = 10,
    link_types: Sequence[str] | None = None,
) -> list[KeyPlayer]:
    """Return the case's key players, by betweenness and then degree.

    Args:
        ws: The open workspace.
        case_number: The case.
        top: How many players to return.
        link_types: Only links of these types; all when None.

    Returns:
        Up to ``top`` players, most central first.
    """
    ranking = key_player_ranking(ws, case_number, top=top, link_types=link_types)
    return list(ranking.players)


def link_chart_png(
    ws: Workspace,
    case_number: str,
    *,
    top_labels: int = 25,
    link_types: Sequence[str] | None = None,
    lang: str | None = None,
) -> bytes:
    """Draw the case's link chart and return it as PNG bytes.

    Args:
        ws: The open workspace.
        case_number: The case.
        top_labels: How many of the most central entities are labelled.
        link_types: Only links of these types; all when None.
        lang: "zh" or "en"; the workspace's language when None.

    Returns:
        The PNG image.
    """
    case = ws.case(case_number)
    graph = _case_graph(ws, case, link_types, False)
    return render_case_chart(
        graph, case, lang=lang or ws.settings.language, top_labels=top_labels
    )


def write_link_chart(
    ws: Workspace,
    case_number: str,
    png_path: str | Path,
    *,
    top_labels: int = 25,
    link_types: Sequence[str] | None = None,
    lang: str | None = None,
) -> Path:
    """Draw the case's link chart to a PNG file and audit the export.

    Args:
        ws: The open workspace.
        case_number: The case.
        png_path: Where to write the image; its folder must exist.
        top_labels: How many of the most central entities are labelled.
        link_types: Only links of these types; all when None.
        lang: "zh" or "en"; the workspace's language when None.

    Returns:
        The path written.

    Raises:
        NotFoundError: No such case, no such link type, or the folder is missing.
        WorkstationError: The file cannot be written.
    """
    case = ws.case(case_number)
    png_path = Path(png_path)
    _check_folder(png_path)
    graph = _case_graph(ws, case, link_types, False)
    png = render_case_chart(
        graph, case, lang=lang or ws.settings.language, top_labels=top_labels
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
            "link_types": list(link_types) if link_types else "all",
        },
    )
    log.info("wrote link chart of %s to %s", case.number, png_path)
    return png_path


def _check_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise NotFoundError(
            f"Folder {path.parent} does not exist; create it or choose another place."
        )


def write_atomically(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, then rename it over.

    Raises:
        NotFoundError: The folder does not exist.
        WorkstationError: The file cannot be written there.
    """
    _check_folder(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        raise WorkstationError(
            f"Cannot write {path} ({exc.strerror or exc}); choose a folder you can "
            "write to."
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _case_graph(
    ws: Workspace,
    case: Case,
    link_types: Sequence[str] | None,
    include_isolated: bool,
) -> nx.Graph:
    if link_types is not None:
        present = graph_rows.link_type_counts(ws.store, case.id)
        absent = [t for t in link_types if t not in present]
        if absent:
            known = ", ".join(f"{t} ({n})" for t, n in present.items()) or "none yet"
            raise NotFoundError(
                f"Case {case.number} has no links of type {', '.join(absent)}; "
                f"link types in the case: {known}. Choose one of those."
            )
    entities = graph_rows.graph_entities(
        ws.store, case.id, link_types=link_types, include_isolated=include_isolated
    )
    pairs = graph_rows.link_pair_rows(ws.store, case.id, link_types)
    graph = build_link_graph(entities, pairs)
    graph.graph["case"] = case.number
    graph.graph["link_types"] = tuple(link_types) if link_types else None
    log.debug(
        "graph of %s: %d nodes, %d edges",
        case.number,
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    return graph


def render_case_chart(
    graph: nx.Graph,
    case: Case,
    *,
    lang: str = "zh",
    top_labels: int = 25,
    ranking: KeyPlayerRanking | None = None,
    size_inches: tuple[float, float] = (11.0, 8.5),
    dpi: int = 150,
) -> bytes:
    """Draw a case's graph with its title, nodes sized by betweenness.

    Args:
        graph: The case graph from :func:`case_graph`.
        case: The case, for the title.
        lang: "zh" or "en".
        top_labels: How many of the most central entities are labelled.
        ranking: Key players already ranked on this graph; ranked here when None.
        size_inches: Width and height of the image.
        dpi: Its resolution.

    Returns:
        The PNG image.
    """
    if ranking is None or len(ranking.players) < graph.number_of_nodes():
        ranking = rank_key_players(graph)
    scores = {p.entity_id: p.betweenness for p in ranking.players}
    title = _CHART_TITLE.get(lang, _CHART_TITLE["en"]).format(
        number=case.number, title=case.title
    )
    return render_link_chart(
        graph,
        title=title,
        font_path=cjk_font_path(),
        # without any betweenness (a star, pairs) size by degree instead
        betweenness=scores if any(scores.values()) else None,
        top_labels=top_labels,
        lang=lang,
        size_inches=size_inches,
        dpi=dpi,
    )
