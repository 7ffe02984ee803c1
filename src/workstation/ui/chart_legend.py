"""What the link chart's colours mean: entity types or Louvain communities."""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import QCoreApplication

from workstation.services.graph_chart import ChartState, community_colour
from workstation.ui.chart_canvas import OTHER_COLOUR, TYPE_COLOURS
from workstation.ui.labels import entity_type_text

log = logging.getLogger(__name__)

#: Communities named in the legend; the rest are counted.
LEGEND_COMMUNITIES = 8

translate = QCoreApplication.translate


def node_colours(state: ChartState) -> dict:
    """Each entity's disc colour (``#rrggbb``): by its type, or its community."""
    if state.colour_by == "community":
        return {n: community_colour(c) for n, c in state.communities.items()}
    return {
        n: TYPE_COLOURS.get(str(t), OTHER_COLOUR)
        for n, t in state.graph.nodes(data="type", default="")
    }


def colour_swatches(state: ChartState) -> str:
    """Rich text naming each colour of the chart: a dot, then what it stands for."""
    if state.colour_by == "community":
        sizes = Counter(state.communities.values())
        named = sorted(sizes)[:LEGEND_COMMUNITIES]
        pairs = [
            (
                community_colour(n),
                translate("ChartLegend", "community {number} ({size})").format(
                    number=n, size=sizes[n]
                ),
            )
            for n in named
        ]
        rest = len(sizes) - len(named)
        tail = (
            " " + translate("ChartLegend", "and %n more", "", rest) if rest > 0 else ""
        )
    else:
        types = sorted({str(t) for _, t in state.graph.nodes(data="type", default="")})
        pairs = [
            (TYPE_COLOURS.get(t, OTHER_COLOUR), entity_type_text(t)) for t in types
        ]
        tail = ""
    dots = " ".join(
        f'<span style="color:{colour}">●</span> {text}' for colour, text in pairs
    )
    return dots + tail
