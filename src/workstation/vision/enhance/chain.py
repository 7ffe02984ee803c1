"""A chain: ordered enhancement steps, read from and written to TOML.

A chain file names its steps in order, each with its operation and any
parameters that differ from the defaults (see ``resources/chains/README.md``).
Optionally a ``[fusion]`` table says how frames of a video are combined first.
:func:`chain_from_toml` checks everything before any pixel is touched;
:func:`chain_to_toml` writes a chain so that reading it back gives it again.

>>> chain = chain_from_toml('name = "demo"\\n[[step]]\\nop = "flip"\\n')
>>> [step.op for step in chain.steps]
['flip']
>>> chain_from_toml(chain_to_toml(chain)) == chain
True
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import tomli_w

from workstation.domain.progress import CancelToken, ProgressCallback, check_cancel
from workstation.vision.enhance import (  # noqa: F401  (they register operations)
    deblur,
    denoise,
    geometry,
    interlace,
    resample,
    sharpen,
    tone,
)
from workstation.vision.enhance.errors import ChainError, ParameterError
from workstation.vision.enhance.fusion import FUSIONS
from workstation.vision.enhance.params import build_params, params_to_dict
from workstation.vision.enhance.pixels import check_image
from workstation.vision.enhance.registry import OPERATIONS, catalogue

log = logging.getLogger(__name__)

FORMAT = 1
_TOP_KEYS = ("format", "name", "description", "fusion", "step")
#: Most steps a chain may have.
MAX_STEPS = 50


@dataclass(frozen=True)
class Step:
    """One operation and its checked parameters."""

    op: str
    params: Any


@dataclass(frozen=True)
class Fusion:
    """How several video frames are combined before the steps run.

    ``kind`` is "frames" (register whole frames or a region and average them)
    or "face" (align one face across frames by its landmarks and average).
    """

    kind: str
    params: Any


@dataclass(frozen=True)
class Chain:
    """A named, ordered list of steps, with an optional frame fusion first."""

    name: str
    steps: tuple[Step, ...]
    description: str = ""
    fusion: Fusion | None = None
    source: str = field(default="", compare=False)


def _where(source: str, index: int, op: str) -> str:
    return f"{source}: step {index} ({op})"


def make_step(op: str, values: Mapping[str, Any], *, where: str) -> Step:
    """Check an operation name and its parameters; return the step.

    Raises:
        ChainError: Unknown operation or a bad parameter (named in the message).
    """
    operation = OPERATIONS.get(op) if isinstance(op, str) else None
    if operation is None:
        raise ChainError(
            f"{where}: unknown operation {op!r}; use one of "
            f"{', '.join(o.name for o in catalogue())}."
        )
    return Step(op, build_params(operation.params, values, where=where))


def make_fusion(values: Mapping[str, Any], *, where: str) -> Fusion:
    """Check a ``[fusion]`` table; return the fusion.

    Raises:
        ChainError: Unknown kind or a bad parameter.
    """
    values = dict(values)
    kind = values.pop("kind", None)
    if kind not in FUSIONS:
        raise ChainError(
            f"{where}: parameter 'kind' is {kind!r}; use one of {', '.join(FUSIONS)}."
        )
    return Fusion(kind, build_params(FUSIONS[kind], values, where=where))


def chain_from_dict(data: Mapping[str, Any], *, source: str = "chain") -> Chain:
    """Build and check a chain from a mapping shaped like the TOML file.

    Args:
        data: The parsed file: ``name``, ``description``, optional ``fusion``
            table, ``step`` list of tables each with ``op``.
        source: How to name the chain in errors (usually its file name).

    Raises:
        ChainError: Anything that is not a valid chain; the message names the
            file, the step and the parameter.
    """
    unknown = [k for k in data if k not in _TOP_KEYS]
    if unknown:
        raise ChainError(
            f"{source}: unknown key {unknown[0]!r}; a chain has "
            f"{', '.join(_TOP_KEYS)}. Steps go in [[step]] tables."
        )
    version = data.get("format", FORMAT)
    if version != FORMAT:
        raise ChainError(
            f"{source}: chain format {version!r} is not supported (this version "
            f"reads format {FORMAT}); update the workstation."
        )
    name = data.get("name", "")
    description = data.get("description", "")
    if not isinstance(name, str) or not name.strip():
        raise ChainError(f'{source}: give the chain a name, e.g. name = "my_chain".')
    if not isinstance(description, str):
        raise ChainError(f"{source}: description must be text.")
    raw_steps = data.get("step", [])
    if not isinstance(raw_steps, list) or not all(
        isinstance(s, dict) for s in raw_steps
    ):
        raise ChainError(f"{source}: steps must be [[step]] tables.")
    if len(raw_steps) > MAX_STEPS:
        raise ChainError(f"{source}: {len(raw_steps)} steps; at most {MAX_STEPS}.")
    fusion = None
    if "fusion" in data:
        if not isinstance(data["fusion"], dict):
            raise ChainError(f"{source}: fusion must be a [fusion] table.")
        fusion = make_fusion(data["fusion"], where=f"{source}: [fusion]")
    if not raw_steps and fusion is None:
        raise ChainError(f"{source}: the chain has no [[step]]; add at least one.")
    steps = []
    for index, raw in enumerate(raw_steps, start=1):
        values = dict(raw)
        op = values.pop("op", None)
        if op is None:
            raise ChainError(
                f'{source}: step {index} has no op; add e.g. op = "unsharp_mask".'
            )
        steps.append(make_step(op, values, where=_where(source, index, op)))
    return Chain(
        name=name.strip(),
        description=description.strip(),
        steps=tuple(steps),
        fusion=fusion,
        source=source,
    )


def chain_from_toml(text: str, *, source: str = "chain") -> Chain:
    """Read and check a chain from TOML text.

    Raises:
        ChainError: The text is not TOML, or not a valid chain.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ChainError(f"{source}: not valid TOML ({exc}).") from exc
    return chain_from_dict(data, source=source)


def chain_to_dict(chain: Chain) -> dict[str, Any]:
    """The chain as plain data shaped like its TOML file (every parameter)."""
    data: dict[str, Any] = {"format": FORMAT, "name": chain.name}
    if chain.description:
        data["description"] = chain.description
    if chain.fusion is not None:
        data["fusion"] = {
            "kind": chain.fusion.kind,
            **params_to_dict(chain.fusion.params),
        }
    data["step"] = [{"op": s.op, **params_to_dict(s.params)} for s in chain.steps]
    return data


def chain_to_toml(chain: Chain) -> str:
    """The chain as TOML text, every parameter written out."""
    return tomli_w.dumps(chain_to_dict(chain))


def step_records(chain: Chain) -> list[dict[str, Any]]:
    """Each step with all its parameters, its algorithm and reference (provenance)."""
    records = []
    for index, step in enumerate(chain.steps, start=1):
        operation = OPERATIONS[step.op]
        records.append(
            {
                "step": index,
                "op": step.op,
                "params": params_to_dict(step.params),
                "summary": operation.summary,
                "reference": operation.reference,
            }
        )
    return records


def chain_from_records(
    name: str,
    records: list[Mapping[str, Any]],
    fusion: Mapping | None = None,
    description: str = "",
) -> Chain:
    """Rebuild a chain from :func:`step_records` output (and a fusion table).

    Raises:
        ChainError: A record is no longer a valid step (e.g. written by a newer
            version with an operation this one lacks).
    """
    source = f"stored chain {name!r}"
    steps = tuple(
        make_step(r["op"], r["params"], where=_where(source, i, r["op"]))
        for i, r in enumerate(records, start=1)
    )
    made = make_fusion(fusion, where=f"{source}: [fusion]") if fusion else None
    return Chain(
        name=name, steps=steps, description=description, fusion=made, source=source
    )


@contextmanager
def single_thread() -> Iterator[None]:
    """Run OpenCV on one thread, so results are the same run after run."""
    threads = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        yield
    finally:
        cv2.setNumThreads(threads)


StepCallback = Callable[[int, Step, np.ndarray], None]


def apply_chain(
    image: np.ndarray,
    chain: Chain,
    *,
    on_step: StepCallback | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> np.ndarray:
    """Run the chain's steps on a copy of an 8-bit BGR image.

    The input array is never changed. OpenCV runs single-threaded, so the
    same input gives the same bytes on the same machine.

    Args:
        image: ``uint8`` H x W x 3 BGR.
        chain: The checked chain (its fusion, if any, is done by the caller).
        on_step: Called as ``on_step(index, step, image_after)`` after each step.
        progress: Called as ``progress(done, total, op)``.
        cancel: Checked before each step.

    Returns:
        The result, ``uint8`` BGR.

    Raises:
        ChainError: A step cannot apply to this image (e.g. a crop outside it);
            the message names the step and the parameter.
        Cancelled: The user cancelled.
    """
    current = check_image(image).copy()
    total = len(chain.steps)
    with single_thread():
        for index, step in enumerate(chain.steps, start=1):
            check_cancel(cancel)
            operation = OPERATIONS[step.op]
            try:
                current = check_image(operation.apply(current, step.params))
            except ParameterError as exc:
                raise ChainError(
                    f"{_where(chain.source or chain.name, index, step.op)}, "
                    f"parameter {exc.parameter!r}: {exc.reason}."
                ) from exc
            log.debug("step %d (%s): %s", index, step.op, current.shape)
            if on_step:
                on_step(index, step, current)
            if progress:
                progress(index, total, step.op)
    return current
