"""The link chart, the activity timeline and the key-player table."""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from workstation.reports.composer import Composer
from workstation.reports.report_content import ReportContent

log = logging.getLogger(__name__)


def chart_and_timeline(page: Composer, content: ReportContent) -> list[Flowable]:
    """Section 4: the link chart with the graph's size, then the timeline."""
    return [*_chart(page, content), *_timeline(page, content)]


def _chart(page: Composer, content: ReportContent) -> list[Flowable]:
    labels, graph = page.labels, content.graph
    flow = page.section(labels["chart"])
    if graph is None or graph.nodes == 0 or not content.chart_png:
        flow.append(page.para(labels["no_links"]))
        return flow
    flow += [
        page.image(content.chart_png, page.width, 150 * mm),
        Spacer(1, 2 * mm),
        page.para(
            labels["graph_facts"].format(
                nodes=graph.nodes,
                edges=graph.edges,
                links=graph.links,
                components=graph.components,
                largest=graph.largest_component,
                types=_types(page, graph.link_types),
            ),
            page.styles.small,
        ),
    ]
    return [KeepTogether(flow)]


def _timeline(page: Composer, content: ReportContent) -> list[Flowable]:
    labels, timeline = page.labels, content.timeline
    heading = page.para(labels["timeline"], page.styles.subheading)
    if timeline is None or not timeline.total:
        return [heading, page.para(labels["no_timeline"])]
    facts = labels["timeline_facts"].format(
        total=timeline.total,
        types=_types(page, timeline.link_types),
        first=timeline.days[0][0].isoformat(),
        last=timeline.days[-1][0].isoformat(),
        days=len(timeline.days),
        night=timeline.night_share,
    )
    return [
        CondPageBreak(120 * mm),
        KeepTogether(
            [
                heading,
                page.image(timeline.chart_png, page.width, 140 * mm),
                Spacer(1, 2 * mm),
                page.para(facts, page.styles.small),
            ]
        ),
    ]


def key_players(page: Composer, content: ReportContent) -> list[Flowable]:
    """Section 5: entities ranked by betweenness, with how it was computed."""
    labels, styles, graph = page.labels, page.styles, content.graph
    flow = page.section(labels["key_players"])
    if not content.key_players:
        flow.append(page.para(labels["no_players"]))
        return flow
    flow += page.cut_note("players_more", content.key_players, content.players_total)
    rows = [page.header_row(labels["player_columns"])]
    for rank, player in enumerate(content.key_players, start=1):
        rows.append(
            [
                page.para(str(rank), styles.cell_centre),
                page.para(player.label, styles.cell),
                page.para(page.value(player.type), styles.cell),
                page.para(str(player.degree), styles.cell_right),
                page.para(f"{player.weighted_degree:g}", styles.cell_right),
                page.para(f"{player.betweenness:.3f}", styles.cell_right),
            ]
        )
    widths = [12 * mm, 0, 22 * mm, 22 * mm, 30 * mm, 30 * mm]
    widths[1] = page.width - sum(widths)
    flow.append(page.table(rows, widths))
    if graph is not None and graph.sample_size is not None:
        note = labels["sampled_note"].format(k=graph.sample_size, seed=graph.seed)
    else:
        note = labels["exact_note"]
    flow += [Spacer(1, 2 * mm), page.para(note, styles.small)]
    return flow


def _types(page: Composer, link_types: tuple[str, ...]) -> str:
    names = [page.value(t) for t in link_types]
    return page.labels["list_separator"].join(names) or page.labels["all_types"]
