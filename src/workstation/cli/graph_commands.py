"""`workstation graph`: key players, paths, neighbourhoods, timelines, files.

One command, several questions, chosen by option: the key-player table (the
default, ranked by ``--measure``), ``--path A B``, ``--expand KEY``,
``--connect A B C``, ``--timeline KEY`` and the saved views (``--views``,
``--view NAME``). ``--roll-up``, ``--types``, ``--since``/``--until`` and
``--weight`` filter the graph for all of them; ``--png`` draws the answer and
``--export`` writes the filtered graph as GraphML, GEXF or CSV.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from workstation.cli.common import open_workspace, positive_int, progress_bar
from workstation.domain.errors import WorkstationError

MEASURES = (
    "degree",
    "weighted",
    "betweenness",
    "closeness",
    "eigenvector",
    "kcore",
    "community",
)
_TIME_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")


def parse_time(text: str | None, option: str, *, end: bool = False) -> datetime | None:
    """A ``--since``/``--until`` value; a bare date as ``--until`` ends with that day.

    Raises:
        WorkstationError: The text is no date or date and time.
    """
    if text is None:
        return None
    cleaned = text.strip().replace("T", " ")
    for fmt in _TIME_FORMATS:
        try:
            value = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if end and fmt == "%Y-%m-%d":
            value += timedelta(days=1)
        return value
    raise WorkstationError(
        f"{option} {text!r} is not a date or time; write 2026-10-01 or "
        "'2026-10-01 22:00'."
    )


def graph_filter_from_args(args):
    """The graph filter the options ask for."""
    from workstation.graph.filters import GraphFilter

    types = None
    if args.types:
        types = tuple(t.strip() for t in args.types.split(",") if t.strip()) or None
    return GraphFilter(
        link_types=types,
        start=parse_time(args.since, "--since"),
        end=parse_time(args.until, "--until", end=True),
        roll_up=args.roll_up,
        weight=args.weight,
    )


def cmd_graph(args) -> int:
    chosen = graph_filter_from_args(args)
    with open_workspace(args) as ws:
        if args.timeline:
            return _timeline(ws, args, chosen)
        if args.save_view:
            return _save_view(ws, args, chosen)
        if args.views:
            return _views(ws, args)
        if args.view:
            return _view(ws, args)
        if args.path:
            lines = _path(ws, args, chosen)
        elif args.expand:
            lines = _expand(ws, args, chosen)
        elif args.connect:
            lines = _connect(ws, args, chosen)
        else:
            lines = _table(ws, args, chosen)
        if args.export:
            from workstation.services.graph_interchange import export_graph

            export_graph(ws, args.case, Path(args.export), graph_filter=chosen)
            lines.append(f"Graph written to {args.export}")
    print("\n".join(lines))
    return 0


def _table(ws, args, chosen) -> list[str]:
    from workstation.services.graph import case_measures, write_link_chart

    with progress_bar("measuring the network") as update:
        table = case_measures(
            ws,
            args.case,
            graph_filter=chosen,
            sort_by=args.measure,
            top=args.top,
            progress=update,
        )
    if args.png:
        write_link_chart(
            ws,
            args.case,
            Path(args.png),
            graph_filter=chosen,
            size_by=args.size,
            colour_by=args.colour,
            lang=args.lang,
        )
    lines = _community_lines(table) if args.measure == "community" else []
    lines.append(
        f"{'#':>3} {'entity':<20} {'type':<7} {'degree':>6} {'weighted':>9} "
        f"{'between':>8} {'close':>6} {'eigen':>6} {'kcore':>5} {'comm':>4}"
    )
    for rank, p in enumerate(table.players, start=1):
        close = f"{p.closeness:.3f}" if p.closeness is not None else "-"
        lines.append(
            f"{rank:>3} {p.label[:20]:<20} {p.type:<7} {p.degree:>6} "
            f"{p.weighted_degree:>9.1f} {p.betweenness:>8.3f} {close:>6} "
            f"{p.eigenvector:>6.3f} {p.kcore:>5} {p.community:>4}"
        )
    lines.append(f"{table.nodes} entities, {table.edges} links; {chosen.describe()}")
    lines += table.notes()
    if args.png:
        lines.append(f"Link chart written to {args.png}")
    return lines


def _community_lines(table) -> list[str]:
    parts = table.communities
    lines = [f"{'comm':>4} {'size':>5}  members in the table"]
    for number, size in enumerate(parts.sizes, start=1):
        listed = [p.label for p in table.players if p.community == number]
        if listed:
            lines.append(f"{number:>4} {size:>5}  {', '.join(listed[:12])}")
    return lines


def _path(ws, args, chosen) -> list[str]:
    from workstation.graph.paths import describe_path, path_edges
    from workstation.services.graph_paths import find_paths, write_subgraph_chart

    first, second = args.path
    result = find_paths(
        ws, args.case, first, second, cutoff=args.cutoff, graph_filter=chosen
    )
    if args.png:
        highlight = [(a, b) for a, b, _ in path_edges(result.graph, result.paths[0])]
        write_subgraph_chart(
            ws,
            args.case,
            result.subgraph(),
            Path(args.png),
            title=f"{args.case}: {first} → {second}",
            what="path",
            highlight=highlight,
            lang=args.lang,
        )
    kind = f"up to {args.cutoff} hops" if args.cutoff else "shortest"
    lines = [f"{len(result.paths)} {kind} path(s); shortest {result.shortest} hops"]
    lines += [describe_path(result.graph, path) for path in result.paths]
    if args.png:
        lines.append(f"Path chart written to {args.png}")
    return lines


def _expand(ws, args, chosen) -> list[str]:
    from workstation.services.graph_paths import expand_entities, write_subgraph_chart

    graph, expansion = expand_entities(
        ws,
        args.case,
        args.expand,
        hops=args.hops,
        max_new=args.max_new,
        graph_filter=chosen,
    )
    part = graph.subgraph(expansion.nodes).copy()
    if args.png:
        write_subgraph_chart(
            ws,
            args.case,
            part,
            Path(args.png),
            title=f"{args.case}: {', '.join(args.expand)} ({args.hops} hops)",
            what="expansion",
            lang=args.lang,
        )

    def label(node) -> str:
        return str(graph.nodes[node].get("label", node))

    lines = [
        f"{len(expansion.added)} entities added within {args.hops} hops; "
        f"{len(expansion.cut)} left out by --max-new {args.max_new}"
    ]
    for node in expansion.added:
        lines.append(f"  hop {expansion.hops[node]}  {label(node)}")
    if expansion.cut:
        strongest = ", ".join(f"{label(n)} ({w:g})" for n, _, w in expansion.cut[:10])
        lines.append(f"Cut (strongest first): {strongest}")
    if args.png:
        lines.append(f"Neighbourhood chart written to {args.png}")
    return lines


def _connect(ws, args, chosen) -> list[str]:
    from workstation.services.graph_paths import connect_entities, write_subgraph_chart

    method = "steiner" if args.steiner else "paths"
    network = connect_entities(
        ws, args.case, args.connect, method=method, graph_filter=chosen
    )
    sub = network.graph
    if args.png:
        write_subgraph_chart(
            ws,
            args.case,
            sub,
            Path(args.png),
            title=f"{args.case}: {', '.join(args.connect)}",
            what=f"connecting network ({method})",
            lang=args.lang,
        )
    labels = sorted(str(d.get("label", n)) for n, d in sub.nodes(data=True))
    lines = [
        f"Connecting network ({method}): {sub.number_of_nodes()} entities, "
        f"{sub.number_of_edges()} links",
        "  " + ", ".join(labels),
    ]
    for a, b in network.unreachable:
        lines.append(
            f"No path between {sub.nodes[a].get('label', a)} and "
            f"{sub.nodes[b].get('label', b)}"
        )
    if args.png:
        lines.append(f"Chart written to {args.png}")
    return lines


def _timeline(ws, args, chosen) -> int:
    from workstation.graph import timeline as patterns
    from workstation.services.timeline import (
        CONTACT_TYPES,
        entity_timeline,
        no_contacts,
        write_timeline_png,
    )

    types = chosen.link_types or CONTACT_TYPES
    found = entity_timeline(
        ws,
        args.case,
        args.timeline,
        other=args.other,
        link_types=types,
        start=chosen.start,
        end=chosen.end,
    )
    if not found.times:
        raise no_contacts(
            ws.case(args.case), found, types, windowed=bool(chosen.start or chosen.end)
        )
    if args.png:
        write_timeline_png(
            ws,
            args.case,
            args.timeline,
            Path(args.png),
            other=args.other,
            link_types=types,
            start=chosen.start,
            end=chosen.end,
            lang=args.lang,
        )
    days = patterns.calls_per_day(found.times)
    matrix = patterns.hour_weekday_matrix(found.times)
    who = found.label + (f" ↔ {found.other_label}" if found.other_label else "")
    print(f"{who}: {len(found.times)} contacts over {len(days)} days")
    busiest = max(days, key=lambda d: d[1])
    peak = divmod(int(matrix.argmax()), 24)
    weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[peak[0]]
    print(f"busiest day {busiest[0]} ({busiest[1]}); peak {weekday} {peak[1]}:00")
    print(f"at night (22:00-06:00): {patterns.night_share(found.times):.0%}")
    if args.png:
        print(f"Timeline written to {args.png}")
    return 0


def _save_view(ws, args, chosen) -> int:
    """Save the filtered graph, laid out as the chart draws it, as a named view."""
    from workstation.domain.errors import NotFoundError
    from workstation.graph.layout import layout_link_graph
    from workstation.services.graph import case_graph
    from workstation.services.graph_views import save_chart_view

    graph = case_graph(ws, args.case, graph_filter=chosen)
    by_name = {}
    for node, data in graph.nodes(data=True):
        for name in (data.get("key"), data.get("label")):
            if name:
                by_name.setdefault(str(name), node)
    notes = []
    for note in args.note or ():
        target, _, text = note.partition(":")
        if not text or target not in by_name:
            raise NotFoundError(
                f"--note {note!r}: write ENTITY:TEXT with an entity key or label "
                "that is on the chart."
            )
        notes.append({"text": text, "entity_id": by_name[target]})
    positions = layout_link_graph(graph)
    view = save_chart_view(
        ws,
        args.case,
        args.save_view,
        positions={int(n): (float(x), float(y)) for n, (x, y) in positions.items()},
        annotations=notes,
        graph_filter=chosen,
        state=args.state,
    )
    print(
        f"Saved chart view {view.name} v{view.version} ({view.state}): "
        f"{graph.number_of_nodes()} entities, {len(notes)} notes."
    )
    return 0


def _views(ws, args) -> int:
    from workstation.services.graph_views import list_chart_views

    views = list_chart_views(ws, args.case, all_versions=True)
    if not views:
        print(f"No saved chart views in case {args.case}.")
    for view in views:
        print(
            f"{view.name}  v{view.version}  {view.state:<9} {view.author}  "
            f"{view.created_at:%Y-%m-%d %H:%M}  {len(view.selection)} entities"
        )
    return 0


def _view(ws, args) -> int:
    from workstation.services.graph_views import load_chart_view, write_chart_view_png

    if args.png:
        write_chart_view_png(
            ws,
            args.case,
            args.view,
            Path(args.png),
            version=args.version,
            lang=args.lang,
        )
        print(f"Chart view {args.view} written to {args.png}")
        return 0
    view = load_chart_view(ws, args.case, args.view, version=args.version)
    print(
        f"{view.name} v{view.version} ({view.state}) by {view.author}, "
        f"{view.created_at:%Y-%m-%d %H:%M}: {len(view.selection)} entities, "
        f"{len(view.annotations)} notes; filter {view.filters}"
    )
    return 0


def register(commands) -> None:
    graph = commands.add_parser(
        "graph",
        help="key players, paths, neighbourhoods, timelines and the link chart",
        description="Key-player table (default, ranked by --measure), --path, "
        "--expand, --connect, --timeline or saved --views/--view. --types, "
        "--since/--until, --roll-up and --weight filter the graph for all of "
        "them; --png draws the answer; --export writes the filtered graph.",
    )
    graph.add_argument("case")
    ask = graph.add_argument_group("what to show")
    ask.add_argument(
        "--measure",
        choices=MEASURES,
        default="betweenness",
        help="rank the key-player table by this (default betweenness)",
    )
    ask.add_argument("--top", type=positive_int, default=10, help="rows of the table")
    ask.add_argument(
        "--path",
        nargs=2,
        metavar=("A", "B"),
        help="shortest paths between two entities (key or label)",
    )
    ask.add_argument(
        "--cutoff",
        type=positive_int,
        help="with --path: every path of at most this many hops",
    )
    ask.add_argument(
        "--expand", nargs="+", metavar="KEY", help="the neighbourhood of these entities"
    )
    ask.add_argument(
        "--hops", type=positive_int, default=2, help="with --expand (default 2)"
    )
    ask.add_argument(
        "--max-new",
        type=positive_int,
        default=50,
        help="with --expand: at most this many added (default 50)",
    )
    ask.add_argument(
        "--connect", nargs="+", metavar="KEY", help="the network joining these entities"
    )
    ask.add_argument(
        "--steiner",
        action="store_true",
        help="with --connect: smallest joining tree, not all paths",
    )
    ask.add_argument(
        "--timeline", metavar="KEY", help="contacts per day and by hour of an entity"
    )
    ask.add_argument(
        "--with",
        dest="other",
        metavar="KEY",
        help="with --timeline: only contacts with this entity",
    )
    ask.add_argument("--views", action="store_true", help="list saved chart views")
    ask.add_argument(
        "--save-view",
        metavar="NAME",
        help="save the filtered graph and its layout as a chart view (a new version)",
    )
    ask.add_argument(
        "--note",
        action="append",
        metavar="ENTITY:TEXT",
        help="with --save-view: a note on an entity (repeatable)",
    )
    ask.add_argument(
        "--state",
        default="draft",
        help="with --save-view: the view's state (default draft)",
    )
    ask.add_argument("--view", metavar="NAME", help="a saved chart view")
    ask.add_argument(
        "--view-version", type=int, dest="version", help="with --view: this version"
    )
    narrow = graph.add_argument_group("which links")
    narrow.add_argument("--types", help="link types, e.g. call,meeting")
    narrow.add_argument("--since", help="links from this date/time on")
    narrow.add_argument("--until", help="links up to this date (inclusive) or time")
    narrow.add_argument(
        "--roll-up",
        action="store_true",
        help="show a phone's links on the person who uses it",
    )
    narrow.add_argument(
        "--weight",
        choices=("count", "duration"),
        default="count",
        help="edge weight: number of contacts or minutes",
    )
    out = graph.add_argument_group("files")
    out.add_argument("--png", help="draw the answer to this PNG file")
    out.add_argument("--export", help="write the graph as .graphml, .gexf or .csv")
    out.add_argument(
        "--size",
        default="betweenness",
        choices=MEASURES[:-1],
        help="node size on the chart",
    )
    out.add_argument(
        "--colour",
        choices=("type", "community"),
        default="type",
        help="node colour on the chart",
    )
    out.add_argument("--lang", choices=("zh", "en"), help="chart language")
    graph.set_defaults(func=cmd_graph)
