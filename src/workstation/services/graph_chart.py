"""The desktop's link chart: which entities are shown, where, how large, and why.

A :class:`ChartState` is what the chart tab draws: the case graph (under a
filter), the entities shown, their places, the measure that sizes them and a
highlighted path. The functions here make a new state from an old one (expand
the selected entities by some hops, find a path between two, size by another
measure, show everything again), so the tab only draws. The state is saved as
a versioned chart view (:mod:`workstation.services.graph_views`) and a saved
view is submitted for supervisor review (:mod:`workstation.services.reviews`).
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import random
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import networkx as nx

from workstation.domain.errors import WorkstationError
from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.domain.records import KeyPlayer

# Re-exported: the desktop colours communities as the exported chart does.
from workstation.graph.chart import community_colour as community_colour
from workstation.graph.communities import detect_communities
from workstation.graph.filters import GraphFilter
from workstation.graph.key_players import rank_key_players
from workstation.graph.layout import layout_link_graph
from workstation.graph.measures import SCORE_MEASURES, scores_for
from workstation.graph.paths import Expansion, expand, shortest_path
from workstation.services.graph_build import case_graph
from workstation.services.graph_views import (
    ChartView,
    chart_view_graph,
    list_chart_views,
    load_chart_view,
    save_chart_view,
)
from workstation.services.reviews import submit_review
from workstation.services.workspace import Workspace
from workstation.store.review_rows import Review

log = logging.getLogger(__name__)

#: Measures the chart can size nodes by, in the order a menu lists them.
CHART_MEASURES = SCORE_MEASURES
#: What the chart can colour nodes by: their entity type or their community.
CHART_COLOURINGS = ("type", "community")
#: Seed of the layout of entities added to a chart, so a chart repeats.
LAYOUT_SEED = 7


@dataclass(frozen=True)
class ChartState:
    """What the link chart shows.

    Attributes:
        graph: The case graph under ``graph_filter`` (every linked entity).
        shown: The entities drawn.
        positions: ``(x, y)`` in layout units of every shown entity.
        measure: The measure that sizes the nodes (see :data:`CHART_MEASURES`).
        scores: That measure of every entity of ``graph``.
        path: The entities of a highlighted path, in order (empty: none).
        graph_filter: How the graph was built from the case's links.
        view: The saved view this state was opened from or saved as.
        colour_by: What colours the nodes (see :data:`CHART_COLOURINGS`).
        communities: With ``colour_by == "community"``, the Louvain community
            of every entity of ``graph`` (1 = largest), else empty.
    """

    graph: nx.Graph
    shown: frozenset
    positions: dict
    measure: str = "degree"
    scores: dict = field(default_factory=dict)
    path: tuple = ()
    graph_filter: GraphFilter = field(default_factory=GraphFilter)
    view: ChartView | None = None
    colour_by: str = "type"
    communities: dict = field(default_factory=dict)

    @property
    def shows_all(self) -> bool:
        """Whether every entity of the graph is drawn."""
        return len(self.shown) == self.graph.number_of_nodes()

    def subgraph(self) -> nx.Graph:
        """The part of the graph drawn: shown entities and the links between them."""
        return self.graph.subgraph(self.shown)

    def path_edges(self) -> set[frozenset]:
        """The links of the highlighted path, each as a set of its two ends."""
        return {frozenset(pair) for pair in itertools.pairwise(self.path)}


def _layout(graph: nx.Graph) -> dict:
    """The whole graph laid out, as plain ``(x, y)`` floats by node."""
    placed = layout_link_graph(graph, seed=LAYOUT_SEED)
    return {n: (float(p[0]), float(p[1])) for n, p in placed.items()}


def size_scores(graph: nx.Graph, measure: str) -> dict:
    """One measure of every entity, to size the chart's nodes by.

    Raises:
        WorkstationError: The measure is not one of :data:`CHART_MEASURES`.

    Example:
        >>> size_scores(nx.star_graph(2), "degree")
        {0: 2.0, 1: 1.0, 2: 1.0}
    """
    if measure not in CHART_MEASURES:
        raise WorkstationError(
            f"Cannot size the chart by {measure!r}; use one of "
            f"{', '.join(CHART_MEASURES)}."
        )
    return scores_for(graph, measure)


def case_chart(
    ws: Workspace,
    case_number: str,
    *,
    measure: str = "degree",
    colour_by: str = "type",
    graph_filter: GraphFilter | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ChartState:
    """The whole case graph, laid out, sized by ``measure`` and coloured.

    Args:
        ws: The open workspace.
        case_number: The case.
        measure: What sizes the nodes.
        colour_by: What colours them (see :data:`CHART_COLOURINGS`).
        graph_filter: Link types, time window, roll-up and weight.
        progress: Called as ``progress(done, total, message)``.
        cancel: Checked between the steps.

    Raises:
        NotFoundError: No such case.
        WorkstationError: Unknown measure or colouring.
    """
    chosen = graph_filter or GraphFilter()
    report = progress or (lambda *_: None)
    report(0, 3, "reading the case graph")
    graph = case_graph(ws, case_number, graph_filter=chosen)
    check_cancel(cancel)
    report(1, 3, f"laying out {graph.number_of_nodes()} entities")
    positions = _layout(graph)
    check_cancel(cancel)
    report(2, 3, f"measuring {measure}")
    scores = size_scores(graph, measure)
    report(3, 3, "chart ready")
    state = ChartState(
        graph=graph,
        shown=frozenset(graph),
        positions=positions,
        measure=measure,
        scores=scores,
        graph_filter=chosen,
    )
    return coloured_by(state, colour_by)


def sized_by(state: ChartState, measure: str) -> ChartState:
    """The same chart sized by another measure (of the whole graph).

    Raises:
        WorkstationError: Unknown measure.
    """
    return dataclasses.replace(
        state, measure=measure, scores=size_scores(state.graph, measure)
    )


def coloured_by(state: ChartState, colour_by: str) -> ChartState:
    """The same chart coloured by entity type or by Louvain community.

    Communities are those of the chart's whole graph (under its filter), as
    :func:`workstation.services.graph.case_communities` finds them.

    Raises:
        WorkstationError: Unknown colouring.
    """
    if colour_by not in CHART_COLOURINGS:
        raise WorkstationError(
            f"Cannot colour the chart by {colour_by!r}; use one of "
            f"{', '.join(CHART_COLOURINGS)}."
        )
    communities = (
        detect_communities(state.graph).membership if colour_by == "community" else {}
    )
    return dataclasses.replace(state, colour_by=colour_by, communities=communities)


def windowed_chart(
    ws: Workspace,
    case_number: str,
    state: ChartState,
    start: datetime | None,
    end: datetime | None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ChartState:
    """The case chart again, from the links between ``start`` and ``end`` only.

    The other parts of the chart's filter, its measure and its colouring are
    kept; the entities are laid out afresh.

    Args:
        ws: The open workspace.
        case_number: The case.
        state: The chart now.
        start: Links at or after this time; no lower bound when None.
        end: Links before this time; no upper bound when None.
        progress: Called as ``progress(done, total, message)``.
        cancel: Checked between the steps.

    Raises:
        WorkstationError: The window ends before it starts.
        NotFoundError: No links in the window.
    """
    chosen = dataclasses.replace(state.graph_filter, start=start, end=end)
    return case_chart(
        ws,
        case_number,
        measure=state.measure,
        colour_by=state.colour_by,
        graph_filter=chosen,
        progress=progress,
        cancel=cancel,
    )


def time_span(graph: nx.Graph) -> tuple[datetime, datetime] | None:
    """The earliest and latest link time of a case graph; None when untimed.

    Example:
        >>> g = nx.Graph()
        >>> g.add_edge(1, 2, first=datetime(2024, 3, 1), last=datetime(2024, 3, 9))
        >>> g.add_edge(2, 3, first=None, last=None)
        >>> time_span(g)
        (datetime.datetime(2024, 3, 1, 0, 0), datetime.datetime(2024, 3, 9, 0, 0))
    """
    firsts = [t for *_, t in graph.edges(data="first") if t is not None]
    lasts = [t for *_, t in graph.edges(data="last") if t is not None]
    if not firsts:
        return None
    return min(firsts), max(lasts)


def _edge_length(graph: nx.Graph, positions: dict) -> float:
    lengths = [
        (
            (positions[a][0] - positions[b][0]) ** 2
            + (positions[a][1] - positions[b][1]) ** 2
        )
        ** 0.5
        for a, b in graph.edges()
        if a in positions and b in positions and a != b
    ]
    return statistics.median(lengths) if lengths else 1.0


def grow_layout(graph: nx.Graph, placed: dict, *, seed: int = LAYOUT_SEED) -> dict:
    """Place the nodes of ``graph`` not in ``placed`` near their placed neighbours.

    Nodes already placed keep their place; each new node starts beside the
    mean of its placed neighbours and a spring layout with the placed nodes
    held fixed settles it. Without any placed node the whole graph is laid
    out afresh.

    Args:
        graph: The nodes to place and the links between them.
        placed: ``(x, y)`` of nodes already on the chart.
        seed: Seed of the starting jitter and the spring layout.

    Returns:
        ``(x, y)`` of every node of ``graph``.

    Example:
        >>> g = nx.path_graph(3)
        >>> places = grow_layout(g, {0: (0.0, 0.0), 1: (1.0, 0.0)})
        >>> places[0], places[1]
        ((0.0, 0.0), (1.0, 0.0))
        >>> sorted(places)
        [0, 1, 2]
    """
    fixed = {n: tuple(map(float, p)) for n, p in placed.items() if n in graph}
    if not fixed:
        return _layout(graph)
    new = [n for n in sorted(graph, key=str) if n not in fixed]
    if not new:
        return fixed
    step = _edge_length(graph, fixed)
    jitter = random.Random(seed)
    start = dict(fixed)
    for node in new:
        near = [start[m] for m in graph.adj[node] if m in start]
        cx = statistics.fmean(p[0] for p in near) if near else 0.0
        cy = statistics.fmean(p[1] for p in near) if near else 0.0
        start[node] = (
            cx + step * jitter.uniform(-1, 1),
            cy + step * jitter.uniform(-1, 1),
        )
    settled = nx.spring_layout(
        graph, k=step, pos=start, fixed=list(fixed), seed=seed, iterations=50
    )
    out = {n: (float(p[0]), float(p[1])) for n, p in settled.items()}
    out.update(fixed)
    return out


def _showing(state: ChartState, shown: Collection, **changes) -> ChartState:
    shown = frozenset(shown)
    kept = {n: p for n, p in state.positions.items() if n in shown}
    positions = grow_layout(state.graph.subgraph(shown), kept)
    # a chart that shows other entities is no longer the saved view
    view = state.view if shown == state.shown else None
    return dataclasses.replace(
        state, shown=shown, positions=positions, view=view, **changes
    )


def expand_chart(
    state: ChartState, seeds: Sequence, *, hops: int = 1, max_new: int = 50
) -> tuple[ChartState, Expansion]:
    """Show the neighbourhood of some entities, strongest links first.

    When the chart shows every entity, it is cut down to the seeds and their
    neighbourhood (laid out afresh); otherwise at most ``max_new`` entities
    not yet shown are added, and what was shown keeps its place. Entities are
    taken hop by hop, each hop's strongest links first
    (:func:`~workstation.graph.paths.expand`).

    Args:
        state: The chart now.
        seeds: The selected entities.
        hops: How many steps out.
        max_new: At most this many entities are added.

    Returns:
        The new chart and the expansion (what was added, what the cap cut).

    Raises:
        WorkstationError: No entity is selected.
        NotFoundError: A seed is not in the graph.
    """
    if not seeds:
        raise WorkstationError(
            "Select one or more entities on the chart to expand, then Expand."
        )
    graph = state.graph
    reach = expand(graph, list(seeds), hops=hops, max_new=graph.number_of_nodes())
    before = set() if state.shows_all else set(state.shown)
    fresh = [n for n in reach.added if n not in before]
    kept, left = fresh[:max_new], fresh[max_new:]
    shown = before | set(reach.seeds) | set(kept)
    cut = tuple(
        (
            n,
            reach.hops[n],
            sum(float(graph[n][m].get("weight", 1.0)) for m in graph[n] if m in shown),
        )
        for n in left
    )
    expansion = Expansion(
        seeds=reach.seeds,
        hops={n: reach.hops[n] for n in (*reach.seeds, *kept)},
        added=tuple(kept),
        cut=cut,
    )
    if state.shows_all:
        state = dataclasses.replace(state, positions={})
    path = state.path if set(state.path) <= shown else ()
    return _showing(state, shown, path=path), expansion


def path_chart(state: ChartState, source, target) -> ChartState:
    """Highlight a shortest path (fewest hops) between two entities.

    Entities of the path not on the chart yet are added beside their
    neighbours on it.

    Raises:
        WorkstationError: The two are one entity.
        NotFoundError: No chain of links joins them (the message says how far
            apart the two parts of the network are).
    """
    if source == target:
        raise WorkstationError("Select two different entities to find a path.")
    path = tuple(shortest_path(state.graph, source, target))
    return _showing(state, set(state.shown) | set(path), path=path)


def show_everything(state: ChartState) -> ChartState:
    """Every entity of the graph again, laid out as a whole, no path."""
    positions = _layout(state.graph)
    return dataclasses.replace(
        state, shown=frozenset(state.graph), positions=positions, path=(), view=None
    )


def save_chart(
    ws: Workspace, case_number: str, name: str, state: ChartState
) -> ChartState:
    """Save the chart as the next version of the view ``name`` (audited).

    The view keeps the shown entities (none when the chart shows them all),
    their places and the graph filter.

    Returns:
        The state, now naming the saved view.

    Raises:
        WorkstationError: A bad name.
    """
    selection = () if state.shows_all else sorted(state.shown)
    view = save_chart_view(
        ws,
        case_number,
        name,
        selection=selection,
        positions={int(n): p for n, p in state.positions.items() if n in state.shown},
        graph_filter=state.graph_filter,
    )
    return dataclasses.replace(state, view=view)


def open_chart(
    ws: Workspace,
    case_number: str,
    name: str,
    *,
    version: int | None = None,
    measure: str = "degree",
    colour_by: str = "type",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ChartState:
    """A saved view as it was saved: its entities at their places (audited).

    Entities the view shows that no longer have links under its filter are
    shown unlinked; entities that came into the case since are not shown.

    Raises:
        NotFoundError: No such view; the message lists the saved ones.
    """
    report = progress or (lambda *_: None)
    report(0, 2, "opening the saved view")
    view = load_chart_view(ws, case_number, name, version=version)
    chosen = GraphFilter.from_dict(view.filters)
    graph = case_graph(ws, case_number, graph_filter=chosen)
    shown_graph = chart_view_graph(ws, case_number, view)
    graph = nx.compose(graph, shown_graph)
    check_cancel(cancel)
    report(1, 2, f"placing {shown_graph.number_of_nodes()} entities")
    positions = grow_layout(shown_graph, view.positions)
    report(2, 2, "chart ready")
    state = ChartState(
        graph=graph,
        shown=frozenset(shown_graph),
        positions=positions,
        measure=measure,
        scores=size_scores(graph, measure),
        graph_filter=chosen,
        view=view,
    )
    return coloured_by(state, colour_by)


def saved_charts(ws: Workspace, case_number: str) -> list[ChartView]:
    """Every saved version of every chart view of the case, oldest first."""
    return list_chart_views(ws, case_number, all_versions=True)


def view_reference(view: ChartView) -> str:
    """How a review names a saved view: ``view:NAME@VERSION``."""
    return f"view:{view.name}@{view.version}"


def submit_chart(
    ws: Workspace, case_number: str, state: ChartState, note: str = ""
) -> Review:
    """Submit the saved view the chart shows for supervisor review.

    Returns:
        The new review.

    Raises:
        WorkstationError: The chart was changed since it was saved (or never
            saved): save it first, so the supervisor sees exactly this chart.
    """
    if state.view is None:
        raise WorkstationError(
            "Save the chart as a view first; the review covers that saved version."
        )
    return submit_review(
        ws, case_number, "chart", view_reference(state.view), note=note
    )


def chart_players(state: ChartState, *, top: int = 10) -> list[KeyPlayer]:
    """The key players of the chart's whole graph, by betweenness then degree."""
    return list(rank_key_players(state.graph, top=top).players)
