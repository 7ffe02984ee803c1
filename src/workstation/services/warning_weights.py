"""The risk score's weights, read from the shipped TOML file or one of the user's.

``resources/warning/risk_weights.toml`` ships the defaults with a comment on
each weight; a copy with other numbers is passed as ``weights`` (CLI
``--weights FILE``). Every key is optional; an unknown key or a value that is
not a number of zero or more is refused with its name.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import fields, replace
from pathlib import Path

from workstation.domain.errors import InputFileError
from workstation.domain.warning_records import RiskWeights
from workstation.resources import resource_path

log = logging.getLogger(__name__)

_NAMES = tuple(f.name for f in fields(RiskWeights) if f.name != "source")
#: These divide, so they must be above zero.
_POSITIVE = ("minutes_cap", "recent_days")


def shipped_weights_path() -> Path:
    """The weights file shipped with the workstation."""
    return resource_path("warning", "risk_weights.toml")


def load_weights(path: str | Path | None = None) -> RiskWeights:
    """The weights in ``path``, or the shipped ones when None.

    Args:
        path: a TOML file of ``name = number`` lines.

    Returns:
        The weights, with the file they came from.

    Raises:
        InputFileError: the file is missing, not TOML, or a weight is wrong.
    """
    path = Path(path) if path is not None else shipped_weights_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputFileError(
            f"Risk weights {path}: cannot be read ({exc.strerror or exc}); check "
            "the path."
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputFileError(
            f"Risk weights {path}: not valid TOML ({exc}); fix the file."
        ) from exc
    unknown = sorted(set(data) - set(_NAMES))
    if unknown:
        raise InputFileError(
            f"Risk weights {path}: {', '.join(unknown)} is not a weight; the "
            f"weights are {', '.join(_NAMES)}."
        )
    values = {}
    for name, value in data.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputFileError(
                f"Risk weights {path}: {name} = {value!r} must be a number."
            )
        if value < 0 or (name in _POSITIVE and value == 0):
            least = "above 0" if name in _POSITIVE else "0 or more"
            raise InputFileError(
                f"Risk weights {path}: {name} = {value!r} must be {least}."
            )
        values[name] = float(value)
    log.debug("risk weights from %s: %s", path, values)
    return replace(RiskWeights(**values), source=str(path))
