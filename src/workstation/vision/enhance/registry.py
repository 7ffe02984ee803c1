"""The catalogue of enhancement operations, filled by the operation modules.

An operation is a pure function ``apply(image, params) -> image`` on an 8-bit
BGR array, a frozen parameter dataclass, a one-line description of its
algorithm and a literature reference. Modules register theirs with
:func:`operation`; :data:`OPERATIONS` maps each name to its :class:`Operation`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)

ApplyFunction = Callable[[np.ndarray, object], np.ndarray]


@dataclass(frozen=True)
class Operation:
    """One enhancement operation.

    Attributes:
        name: The name chain files use (``op = "..."``).
        family: One of :data:`FAMILIES`.
        params: The parameter dataclass.
        apply: The pure function.
        summary: One line saying what the algorithm does.
        reference: Where the algorithm is published.
    """

    name: str
    family: str
    params: type
    apply: ApplyFunction
    summary: str
    reference: str


#: Operation name -> operation, in registration order.
OPERATIONS: dict[str, Operation] = {}


def operation(
    name: str, *, family: str, params: type, summary: str, reference: str
) -> Callable[[ApplyFunction], ApplyFunction]:
    """Register the decorated function as operation ``name``."""

    def register(function: ApplyFunction) -> ApplyFunction:
        if name in OPERATIONS:
            raise ValueError(f"operation {name!r} registered twice")
        OPERATIONS[name] = Operation(
            name=name,
            family=family,
            params=params,
            apply=function,
            summary=summary,
            reference=reference,
        )
        return function

    return register


#: Families in the order a chain usually applies them (and listings show them).
FAMILIES = (
    "geometry",
    "interlace",
    "tone",
    "denoise",
    "deblur",
    "sharpen",
    "resample",
)


def catalogue() -> list[Operation]:
    """Every operation, grouped by family in :data:`FAMILIES` order."""
    return sorted(OPERATIONS.values(), key=lambda op: FAMILIES.index(op.family))
