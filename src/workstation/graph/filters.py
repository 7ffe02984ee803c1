"""Which links make a case graph: link types, a time window, roll-up and weight.

A :class:`GraphFilter` is plain data: the services read the store with it, a
saved chart view stores it as JSON (:meth:`GraphFilter.to_dict`) and reads it
back (:meth:`GraphFilter.from_dict`), and the CLI builds it from its options.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from workstation.domain.errors import WorkstationError
from workstation.domain.types import LinkType

log = logging.getLogger(__name__)

#: Edge weights: summed link counts (calls) or summed durations in minutes.
WEIGHTS = ("count", "duration")


@dataclass(frozen=True)
class GraphFilter:
    """How a case's links become the analysis graph.

    Attributes:
        link_types: Only links of these types; all when None.
        start: Only links at or after this time (inclusive).
        end: Only links before this time (exclusive).
        roll_up: Move a phone's links onto the one person who uses it.
        weight: "count" (edge weight = number of calls, meetings, ...) or
            "duration" (edge weight = minutes).
    """

    link_types: tuple[str, ...] | None = None
    start: datetime | None = None
    end: datetime | None = None
    roll_up: bool = False
    weight: str = "count"

    def __post_init__(self) -> None:
        if self.weight not in WEIGHTS:
            raise WorkstationError(
                f"Graph weight {self.weight!r} is not one of: {', '.join(WEIGHTS)}."
            )
        if self.link_types is not None:
            known = [t.value for t in LinkType]
            unknown = [t for t in self.link_types if t not in known]
            if unknown:
                raise WorkstationError(
                    f"Link type {', '.join(unknown)} is unknown; use one of: "
                    f"{', '.join(known)}."
                )
        if self.start and self.end and self.start >= self.end:
            raise WorkstationError(
                f"The time window starts at {self.start:%Y-%m-%d %H:%M} but ends "
                f"at {self.end:%Y-%m-%d %H:%M}; give a start before the end."
            )

    def to_dict(self) -> dict:
        """The filter as JSON-ready data (times as ISO text)."""
        return {
            "link_types": list(self.link_types) if self.link_types else None,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "roll_up": self.roll_up,
            "weight": self.weight,
        }

    @classmethod
    def from_dict(cls, data: Mapping | None) -> GraphFilter:
        """Read a filter written by :meth:`to_dict`.

        Raises:
            WorkstationError: A value is of the wrong kind or out of range.
        """
        data = dict(data or {})
        unknown = sorted(
            set(data) - {"link_types", "start", "end", "roll_up", "weight"}
        )
        if unknown:
            raise WorkstationError(
                f"Graph filter key {', '.join(unknown)} is unknown; the keys are "
                "link_types, start, end, roll_up and weight."
            )
        types = data.get("link_types")
        if types is not None and (
            not isinstance(types, list | tuple)
            or not all(isinstance(t, str) for t in types)
        ):
            raise WorkstationError(
                f"Graph filter link_types must be a list of names, not {types!r}."
            )
        roll_up = data.get("roll_up", False)
        if not isinstance(roll_up, bool):
            raise WorkstationError(
                f"Graph filter roll_up must be true or false, not {roll_up!r}."
            )
        return cls(
            link_types=tuple(types) if types else None,
            start=_time(data.get("start"), "start"),
            end=_time(data.get("end"), "end"),
            roll_up=roll_up,
            weight=str(data.get("weight", "count")),
        )

    def describe(self, lang: str = "en") -> str:
        """One line for chart notes and logs, in "en" or "zh".

        Example:
            >>> GraphFilter(link_types=("call",), roll_up=True).describe()
            'call; phones rolled up to their users; weight: count'
        """
        words = _WORDS.get(lang, _WORDS["en"])
        parts = [", ".join(self.link_types) if self.link_types else words["all"]]
        if self.start or self.end:
            since = f"{self.start:%Y-%m-%d %H:%M}" if self.start else "…"
            until = f"{self.end:%Y-%m-%d %H:%M}" if self.end else "…"
            parts.append(f"{since} – {until}")
        if self.roll_up:
            parts.append(words["roll_up"])
        parts.append(words["duration" if self.weight == "duration" else "count"])
        return words["sep"].join(parts)


_WORDS = {
    "en": {
        "all": "all links",
        "roll_up": "phones rolled up to their users",
        "count": "weight: count",
        "duration": "weight: minutes",
        "sep": "; ",
    },
    "zh": {
        "all": "全部连线",
        "roll_up": "电话号码归并到使用人",
        "count": "权重：联系次数",
        "duration": "权重：通话分钟",
        "sep": "；",
    },
}


def _time(value, key: str) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise WorkstationError(
            f"Graph filter {key} {value!r} is not a date and time like "
            "2026-10-01T08:00:00."
        ) from exc
