"""`workstation graph`: key players and the link chart."""

from __future__ import annotations

from pathlib import Path

from workstation.cli.common import open_workspace


def cmd_graph(args) -> int:
    from workstation.services.graph import key_players, write_link_chart

    with open_workspace(args) as ws:
        players = key_players(ws, args.case, top=args.top)
        if args.png:
            write_link_chart(ws, args.case, Path(args.png))
    print(
        f"{'entity':<24} {'type':<8} {'degree':>6} {'weighted':>9} {'betweenness':>11}"
    )
    for p in players:
        print(
            f"{p.label[:24]:<24} {p.type:<8} {p.degree:>6} {p.weighted_degree:>9.1f} "
            f"{p.betweenness:>11.3f}"
        )
    if args.png:
        print(f"Link chart written to {args.png}")
    return 0


def register(commands) -> None:
    graph = commands.add_parser("graph", help="key players and the link chart")
    graph.add_argument("case")
    graph.add_argument("--top", type=int, default=10)
    graph.add_argument("--png", help="write the link chart to this PNG file")
    graph.set_defaults(func=cmd_graph)
