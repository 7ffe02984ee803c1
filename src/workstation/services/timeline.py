"""Timelines and pattern of life of an entity or a pair, as data and as a PNG.

A person's timeline includes the contacts of every phone they use (by "uses"
links), so the analyst asks about people, not numbers. Reading a person's
contact times is a read of personal data and is audited.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from workstation.domain.errors import NotFoundError
from workstation.domain.records import Case
from workstation.graph import timeline
from workstation.graph.filters import GraphFilter
from workstation.graph.timeline_chart import render_timeline_chart
from workstation.resources import cjk_font_path
from workstation.security.roles import Permission
from workstation.services.file_output import write_atomically
from workstation.services.graph_build import case_graph
from workstation.services.graph_paths import resolve_entity
from workstation.services.workspace import Workspace
from workstation.store import graph_rows

log = logging.getLogger(__name__)

#: Contacts: the link types a timeline counts unless told otherwise.
CONTACT_TYPES = ("call", "message")
#: The window's end is exclusive: its last day is the day of end minus this.
_TICK = timedelta(microseconds=1)

_TITLE = {
    "zh": {"one": "{number} 时间线：{who}", "pair": "{number} 时间线：{who} ↔ {other}"},
    "en": {
        "one": "{number} timeline: {who}",
        "pair": "{number} timeline: {who} ↔ {other}",
    },
}


@dataclass(frozen=True)
class Timeline:
    """The contact times of an entity (or a pair) and who they are.

    Attributes:
        label: The entity's label.
        other_label: The second entity's label, for a pair.
        times: One time per contact, oldest first.
        entity_ids: The entities counted (a person and their phones).
    """

    label: str
    other_label: str | None
    times: tuple[datetime, ...]
    entity_ids: tuple[int, ...]


def entity_timeline(
    ws: Workspace,
    case_number: str,
    entity: str,
    *,
    other: str | None = None,
    link_types: Sequence[str] = CONTACT_TYPES,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Timeline:
    """Read the contact times of an entity, or of a pair, and audit the read.

    Args:
        ws: The open workspace.
        case_number: The case.
        entity: Key, label, phone number or ``TYPE:KEY``.
        other: Only contacts with this entity.
        link_types: The link types counted; calls and messages by default.
        start: Only contacts at or after this time.
        end: Only contacts before this time.

    Returns:
        The times, oldest first (empty when there are none).

    Raises:
        NotFoundError: An entity is unknown.
    """
    case = ws.case(case_number)
    present = graph_rows.link_type_counts(ws.store, case.id)
    types = [t for t in link_types if t in present]
    graph = case_graph(ws, case_number, graph_filter=GraphFilter(roll_up=True))
    first = resolve_entity(ws, case_number, entity, graph)
    first_ids = _with_phones(graph, first)
    second_ids = None
    other_label = None
    if other is not None:
        second = resolve_entity(ws, case_number, other, graph)
        second_ids = _with_phones(graph, second)
        other_label = str(graph.nodes[second].get("label", second))
    times = (
        graph_rows.link_times(
            ws.store,
            case.id,
            first_ids,
            second_ids,
            link_types=types,
            start=start,
            end=end,
        )
        if types
        else []
    )
    label = str(graph.nodes[first].get("label", first))
    ws.audit(
        "timeline.read",
        case.number,
        {
            "entity": label,
            "other": other_label,
            "link_types": list(link_types),
            "contacts": len(times),
        },
    )
    return Timeline(label, other_label, tuple(times), tuple(first_ids))


def _with_phones(graph, node) -> list[int]:
    rolled = graph.graph.get("rolled_up", {})
    return [node, *sorted(phone for phone, user in rolled.items() if user == node)]


def calls_per_day(
    ws: Workspace,
    case_number: str,
    entity: str,
    *,
    other: str | None = None,
    link_types: Sequence[str] = CONTACT_TYPES,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[tuple[date, int]]:
    """Contacts per day of an entity or pair, days without any as 0.

    Arguments as for :func:`entity_timeline`; the days run from ``start`` (or
    the first contact) to the day before ``end`` (or the last contact).
    """
    found = entity_timeline(
        ws,
        case_number,
        entity,
        other=other,
        link_types=link_types,
        start=start,
        end=end,
    )
    last = end - _TICK if end is not None else None
    return timeline.calls_per_day(found.times, start=start, end=last)


def hour_weekday_matrix(
    ws: Workspace,
    case_number: str,
    entity: str,
    *,
    other: str | None = None,
    link_types: Sequence[str] = CONTACT_TYPES,
    start: datetime | None = None,
    end: datetime | None = None,
) -> np.ndarray:
    """Contacts of an entity or pair by weekday (rows, Monday first) and hour.

    Arguments as for :func:`entity_timeline`.

    Returns:
        A 7 x 24 integer array.
    """
    found = entity_timeline(
        ws,
        case_number,
        entity,
        other=other,
        link_types=link_types,
        start=start,
        end=end,
    )
    return timeline.hour_weekday_matrix(found.times)


def timeline_png(
    ws: Workspace,
    case_number: str,
    entity: str,
    *,
    other: str | None = None,
    link_types: Sequence[str] = CONTACT_TYPES,
    start: datetime | None = None,
    end: datetime | None = None,
    lang: str | None = None,
) -> bytes:
    """Draw contacts per day and the weekday-by-hour heat map as PNG bytes.

    Arguments as for :func:`entity_timeline`; ``lang`` is "zh" or "en" (the
    workspace's language when None).

    Raises:
        NotFoundError: An entity is unknown, or it has no timed contacts.
    """
    case = ws.case(case_number)
    found = entity_timeline(
        ws,
        case_number,
        entity,
        other=other,
        link_types=link_types,
        start=start,
        end=end,
    )
    if not found.times:
        raise no_contacts(case, found, link_types, windowed=bool(start or end))
    return _draw(case, found, lang or ws.settings.language, start, end)


def no_contacts(
    case: Case, found: Timeline, link_types: Sequence[str], *, windowed: bool
) -> NotFoundError:
    """The error for a timeline without any timed contact, saying why."""
    who = found.label + (f" ↔ {found.other_label}" if found.other_label else "")
    return NotFoundError(
        f"{who} has no timed {'/'.join(link_types)} links in case {case.number}"
        f"{' in that window' if windowed else ''}; a timeline needs records with "
        "a start time (call records, not edge lists)."
    )


def _draw(case: Case, found: Timeline, lang: str, start, end) -> bytes:
    titles = _TITLE.get(lang, _TITLE["en"])
    title = (titles["pair"] if found.other_label else titles["one"]).format(
        number=case.number, who=found.label, other=found.other_label
    )
    last = end - _TICK if end is not None else None
    return render_timeline_chart(
        timeline.calls_per_day(found.times, start=start, end=last),
        timeline.hour_weekday_matrix(found.times),
        title=title,
        font_path=cjk_font_path(),
        night=timeline.night_share(found.times),
        lang=lang,
    )


def write_timeline_png(
    ws: Workspace,
    case_number: str,
    entity: str,
    png_path: str | Path,
    *,
    other: str | None = None,
    link_types: Sequence[str] = CONTACT_TYPES,
    start: datetime | None = None,
    end: datetime | None = None,
    lang: str | None = None,
) -> Path:
    """Write the timeline PNG of an entity or pair and audit the export.

    Arguments as for :func:`timeline_png`, plus the file to write.

    Returns:
        The path written.
    """
    ws.require(Permission.EXPORT)
    png_path = Path(png_path)
    png = timeline_png(
        ws,
        case_number,
        entity,
        other=other,
        link_types=link_types,
        start=start,
        end=end,
        lang=lang,
    )
    write_atomically(png_path, png)
    ws.audit(
        "timeline.export",
        ws.case(case_number).number,
        {"file": png_path.name, "entity": entity, "other": other},
    )
    return png_path
