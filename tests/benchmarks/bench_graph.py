"""Benchmark: link analysis on a generated 50,000-node, 250,000-edge graph.

Ours (``workstation.graph``) beside plain networkx calls computing the same
figures, and beside igraph's own betweenness call, each measured in this run:

* betweenness estimated from sampled sources (ours runs igraph's C code and
  rescales to networkx's estimate; networkx with 500 sources takes about ten
  minutes here, so its time is measured with 50 sources and scaled up, and
  both are also compared at 50 sources);
* the key-player table (betweenness, eigenvector, k-core, Louvain, closeness
  of the listed rows) against the networkx calls for the same measures;
* Louvain communities;
* the layout of a 2,000-node neighbourhood against ``networkx.spring_layout``.

The machine is shared, so our runs and igraph's take the best of two timings;
the networkx runs (minutes each) are timed once.

Run: ``python tests/benchmarks/bench_graph.py`` (``--nodes`` and ``--edges``
to change the size; ``--quick`` for a 5,000-node smoke run).
"""

from __future__ import annotations

import argparse
import platform
import random
import time

import igraph as ig
import networkx as nx
from ratios import report_ratio

from workstation.graph.communities import detect_communities
from workstation.graph.igraph_bridge import to_igraph
from workstation.graph.layout import layout_link_graph
from workstation.graph.measures import betweenness
from workstation.graph.player_table import measure_table

SEED = 20240601
SAMPLE = 500
SMALL_SAMPLE = 50
NEIGHBOURHOOD = 2000


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def best_of(runs: int, function, *args, **kwargs):
    """The result and the shortest of ``runs`` timings (the machine is shared)."""
    results = [timed(function, *args, **kwargs) for _ in range(runs)]
    return results[0][0], min(seconds for _, seconds in results)


def generated_graph(nodes: int, edges: int) -> nx.Graph:
    """A heavy-tailed graph with local clusters, like a call network."""
    per_node = max(1, round(edges / nodes))
    graph = nx.powerlaw_cluster_graph(nodes, per_node, 0.3, seed=SEED)
    for node in graph:
        graph.nodes[node].update(label=f"n{node}", type="phone", entity_id=node)
    rng = random.Random(SEED)
    for _, _, data in graph.edges(data=True):
        data["weight"] = float(rng.randint(1, 20))
    return graph


def neighbourhood(graph: nx.Graph, size: int) -> nx.Graph:
    """The first ``size`` nodes reached breadth-first from the busiest node."""
    start = max(graph, key=graph.degree)
    order = [start, *(v for _, v in nx.bfs_edges(graph, start))]
    return graph.subgraph(order[:size]).copy()


def networkx_table(graph: nx.Graph, sample: int, scale: float) -> float:
    """Seconds networkx takes for the measures of the key-player table."""
    _, between = timed(nx.betweenness_centrality, graph, k=sample, seed=SEED)
    _, eigen = timed(nx.eigenvector_centrality_numpy, graph)
    _, cores = timed(nx.core_number, graph)
    _, louvain = timed(nx.community.louvain_communities, graph, seed=7)
    top = sorted(graph, key=graph.degree, reverse=True)[:10]
    start = time.perf_counter()
    for node in top:
        nx.closeness_centrality(graph, u=node)
    close = time.perf_counter() - start
    return between * scale + eigen + cores + louvain + close


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=250_000)
    parser.add_argument("--quick", action="store_true", help="5,000 nodes")
    args = parser.parse_args()
    nodes, edges = (5000, 25_000) if args.quick else (args.nodes, args.edges)

    graph, made = timed(generated_graph, nodes, edges)
    print(
        f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} "
        f"edges (generated in {made:.1f} s); {platform.processor() or 'cpu'}"
    )
    rows = []

    ours = best_of(2, betweenness, graph, exact_limit=0, sample_size=SAMPLE, seed=SEED)[
        1
    ]
    theirs_small = timed(nx.betweenness_centrality, graph, k=SMALL_SAMPLE, seed=SEED)[1]
    ours_small = best_of(
        2, betweenness, graph, exact_limit=0, sample_size=SMALL_SAMPLE, seed=SEED
    )[1]
    copy, order = to_igraph(graph)
    index = {node: i for i, node in enumerate(order)}
    sources = [index[s] for s in random.Random(SEED).sample(order, SAMPLE)]
    igraph_time = best_of(2, copy.betweenness, directed=False, sources=sources)[1]
    scale = SAMPLE / SMALL_SAMPLE
    rows.append(
        (
            f"betweenness, {SMALL_SAMPLE} sources",
            ours_small,
            "networkx",
            theirs_small,
        )
    )
    rows.append(
        (
            f"betweenness, {SAMPLE} sources",
            ours,
            f"networkx (x{scale:g} of {SMALL_SAMPLE})",
            theirs_small * scale,
        )
    )
    rows.append((f"betweenness, {SAMPLE} sources", ours, "igraph call", igraph_time))

    table, ours_table = timed(measure_table, graph, top=10)
    theirs_table = networkx_table(graph, SMALL_SAMPLE, scale)
    rows.append(("key-player table", ours_table, "networkx calls", theirs_table))

    parts, ours_louvain = best_of(2, detect_communities, graph)
    theirs_louvain = timed(nx.community.louvain_communities, graph, seed=7)[1]
    rows.append(
        (
            f"communities ({parts.method})",
            ours_louvain,
            "networkx louvain",
            theirs_louvain,
        )
    )

    part = neighbourhood(graph, NEIGHBOURHOOD)
    ours_layout = best_of(2, layout_link_graph, part)[1]
    theirs_layout = timed(nx.spring_layout, part, seed=7)[1]
    rows.append(
        (
            f"layout, {part.number_of_nodes():,} nodes",
            ours_layout,
            "nx.spring_layout",
            theirs_layout,
        )
    )

    print()
    print("| measure | ours (s) | peer | peer (s) | peer / ours |")
    print("|---|---|---|---|---|")
    for name, mine, peer, theirs in rows:
        print(f"| {name} | {mine:.2f} | {peer} | {theirs:.2f} | {theirs / mine:.1f} |")
    for name, mine, peer, theirs in rows:
        report_ratio(name, mine, peer, theirs)
    print()
    print("table notes:", "; ".join(table.notes()))
    print(f"igraph {ig.__version__}, networkx {nx.__version__}")


if __name__ == "__main__":
    main()
