"""Typed, range-checked operation parameters, declared once per operation.

Each operation's parameters are a frozen dataclass whose fields are made with
:func:`number`, :func:`choice`, :func:`flag`, :func:`points` or :func:`region`.
The field metadata carries the kind, the allowed range or choices, the unit and
a short help text, so the same declaration validates chain files and can drive
an editor's sliders and menus.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Blur:
...     sigma: float = number(1.0, 0.1, 10.0, unit="px", doc="kernel width")
>>> build_params(Blur, {"sigma": 2}, where="step 1 (blur)")
Blur(sigma=2.0)
>>> build_params(Blur, {"sigma": 20}, where="step 1 (blur)")
Traceback (most recent call last):
...
workstation.vision.enhance.errors.ChainError: step 1 (blur), parameter 'sigma': \
20 is out of range; use a value from 0.1 to 10.0 px.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

from workstation.vision.enhance.errors import ChainError, ParameterError

_INT, _FLOAT, _BOOL, _CHOICE, _POINTS, _REGION = (
    "int",
    "float",
    "bool",
    "choice",
    "points",
    "region",
)


def number(
    default: float,
    low: float,
    high: float,
    *,
    integer: bool = False,
    odd: bool = False,
    unit: str = "",
    doc: str = "",
    when: tuple[str, str] | None = None,
):
    """A numeric parameter in ``[low, high]`` (an odd integer when ``odd``).

    ``when=("kernel", "motion")`` says the value matters only while parameter
    ``kernel`` is "motion" (it is still checked and recorded).
    """
    return dataclasses.field(
        default=default,
        metadata={
            "kind": _INT if integer or odd else _FLOAT,
            "range": (low, high),
            "odd": odd,
            "unit": unit,
            "doc": doc,
            "when": when,
        },
    )


def choice(default: str, options: tuple[str, ...], *, doc: str = ""):
    """A parameter that takes one of ``options``."""
    return dataclasses.field(
        default=default, metadata={"kind": _CHOICE, "choices": options, "doc": doc}
    )


def flag(default: bool, *, doc: str = ""):
    """A true/false parameter."""
    return dataclasses.field(default=default, metadata={"kind": _BOOL, "doc": doc})


def points(count: int, *, doc: str = ""):
    """``count`` (x, y) pixel positions; required (no default)."""
    return dataclasses.field(
        default=(), metadata={"kind": _POINTS, "count": count, "doc": doc}
    )


def region(*, doc: str = ""):
    """An optional rectangle ``[x, y, width, height]`` in pixels (None: whole)."""
    return dataclasses.field(default=None, metadata={"kind": _REGION, "doc": doc})


def describe_field(field: dataclasses.Field) -> str:
    """One line saying what values a parameter takes (for help and errors)."""
    meta = field.metadata
    kind = meta["kind"]
    if kind in (_INT, _FLOAT):
        low, high = meta["range"]
        odd = "odd " if meta.get("odd") else ""
        unit = f" {meta['unit']}" if meta.get("unit") else ""
        what = "integer" if kind == _INT else "number"
        return f"{odd}{what} from {low} to {high}{unit}"
    if kind == _CHOICE:
        return "one of " + ", ".join(meta["choices"])
    if kind == _BOOL:
        return "true or false"
    if kind == _POINTS:
        return f"{meta['count']} [x, y] pixel positions"
    return "[x, y, width, height] in pixels"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_number(field: dataclasses.Field, value: Any) -> float | int:
    meta = field.metadata
    low, high = meta["range"]
    unit = f" {meta['unit']}" if meta.get("unit") else ""
    if not _is_number(value) or not math.isfinite(value):
        raise ParameterError(field.name, f"{value!r} is not a number")
    if meta["kind"] == _INT:
        if float(value) != int(value):
            raise ParameterError(field.name, f"{value!r} is not a whole number")
        value = int(value)
    else:
        value = float(value)
    if not low <= value <= high:
        raise ParameterError(
            field.name,
            f"{value:g} is out of range; use a value from {low} to {high}{unit}",
        )
    if meta.get("odd") and value % 2 == 0:
        raise ParameterError(field.name, f"{value} must be odd (e.g. {value + 1})")
    return value


def _check_points(field: dataclasses.Field, value: Any) -> tuple:
    count = field.metadata["count"]
    ok = isinstance(value, list | tuple) and len(value) == count
    ok = ok and all(
        isinstance(p, list | tuple)
        and len(p) == 2
        and all(_is_number(v) and math.isfinite(v) and v >= 0 for v in p)
        for p in value
    )
    if not ok:
        raise ParameterError(
            field.name,
            f"give {count} [x, y] pixel positions (non-negative numbers), "
            f"e.g. [[10, 12], [200, 8], [205, 150], [12, 160]]",
        )
    return tuple((float(x), float(y)) for x, y in value)


def _check_region(field: dataclasses.Field, value: Any) -> tuple | None:
    if value is None:
        return None
    ok = isinstance(value, list | tuple) and len(value) == 4
    ok = ok and all(_is_number(v) and float(v) == int(v) and v >= 0 for v in value)
    if not ok or value[2] < 1 or value[3] < 1:
        raise ParameterError(
            field.name,
            "give [x, y, width, height] as whole pixels, width and height at least "
            "1, e.g. [40, 30, 64, 64]",
        )
    return tuple(int(v) for v in value)


def check_value(field: dataclasses.Field, value: Any) -> Any:
    """Check one parameter value against its declaration; return it typed.

    Raises:
        ParameterError: The value has the wrong type or is out of range.
    """
    kind = field.metadata["kind"]
    if kind in (_INT, _FLOAT):
        return _check_number(field, value)
    if kind == _BOOL:
        if not isinstance(value, bool):
            raise ParameterError(field.name, f"{value!r} is not true or false")
        return value
    if kind == _CHOICE:
        options = field.metadata["choices"]
        if value not in options:
            raise ParameterError(
                field.name, f"{value!r} is not one of {', '.join(options)}"
            )
        return value
    if kind == _POINTS:
        return _check_points(field, value)
    return _check_region(field, value)


def build_params(cls: type, values: Mapping[str, Any], *, where: str):
    """Make a parameter dataclass from a mapping, checking every value.

    Args:
        cls: The operation's parameter dataclass.
        values: Parameter names to values (as read from TOML or JSON).
        where: How to name the step in errors, e.g. "night.toml: step 2 (clahe)".

    Returns:
        An instance of ``cls``; missing parameters take their defaults.

    Raises:
        ChainError: An unknown parameter, a missing required one, a wrong type,
            a value out of range or an inconsistent combination. The message
            names ``where`` and the parameter.
    """
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = [k for k in values if k not in fields]
    if unknown:
        raise ChainError(
            f"{where}: unknown parameter {unknown[0]!r}; this operation takes "
            f"{', '.join(fields) or 'no parameters'}."
        )
    typed = {}
    try:
        for name, field in fields.items():
            if name in values:
                typed[name] = check_value(field, values[name])
            elif field.metadata["kind"] == _POINTS:
                raise ParameterError(name, "is required; " + describe_field(field))
        return cls(**typed)
    except ParameterError as exc:
        raise ChainError(
            f"{where}, parameter {exc.parameter!r}: {exc.reason}."
        ) from exc


def params_to_dict(params) -> dict[str, Any]:
    """Every parameter of an instance as plain JSON/TOML values (None left out)."""
    out = {}
    for field in dataclasses.fields(params):
        value = getattr(params, field.name)
        if value is None:
            continue
        if isinstance(value, tuple):
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        out[field.name] = value
    return out


def relevant_params(params) -> dict[str, Any]:
    """The parameters that affect the result (see ``when`` in :func:`number`)."""
    out = {}
    for name, value in params_to_dict(params).items():
        when = next(
            f.metadata.get("when") for f in dataclasses.fields(params) if f.name == name
        )
        if when is None or getattr(params, when[0]) == when[1]:
            out[name] = value
    return out
