"""What a chain editor needs: the operations' parameters, checked chains, previews.

The editor works with plain data: each operation and its parameters as
:class:`OperationSpec` and :class:`ParameterSpec` (read from the parameter
declarations the engine validates with, so an editor's widgets and a chain
file obey the same ranges), steps as ``(op, {parameter: value})`` pairs, and
:func:`build_chain` to turn them into a checked chain. :func:`preview_enhancement`
runs a chain on an evidence photo and measures the face before and after,
writing nothing; :func:`workstation.services.enhance.enhance_evidence` stores it.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from workstation.domain.progress import CancelToken, ProgressCallback
from workstation.domain.records import Evidence
from workstation.security.roles import Permission
from workstation.services.enhance import find_evidence, run_chain, step_reporter
from workstation.services.file_output import write_atomically
from workstation.services.workspace import Workspace
from workstation.store import evidence_rows
from workstation.vision.enhance import (
    OPERATIONS,
    Chain,
    ChainError,
    chain_from_dict,
    chain_to_dict,
    chain_to_toml,
)
from workstation.vision.enhance.effect import MeasuredEffect
from workstation.vision.enhance.params import describe_field
from workstation.vision.enhance.registry import catalogue

log = logging.getLogger(__name__)

#: Steps as the editor holds them: operation name and parameter values.
StepValues = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class ParameterSpec:
    """One parameter of an operation, as an editor shows it.

    Attributes:
        name: The name chain files use.
        kind: "int", "float", "bool", "choice", "points" or "region".
        default: The value a step takes when the parameter is left out.
        low: Smallest allowed number (numbers only).
        high: Largest allowed number (numbers only).
        odd: The integer must be odd.
        unit: Unit of a number ("px", "degrees"; "" for none).
        doc: What the parameter does.
        choices: The allowed values of a choice.
        count: How many points a "points" parameter takes.
        when: ``(parameter, value)``: it matters only while that parameter has
            that value.
        allowed: One line saying what values it takes.
    """

    name: str
    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    odd: bool = False
    unit: str = ""
    doc: str = ""
    choices: tuple[str, ...] = ()
    count: int = 0
    when: tuple[str, str] | None = None
    allowed: str = ""


@dataclass(frozen=True)
class OperationSpec:
    """One enhancement operation: its name, family, algorithm and parameters."""

    name: str
    family: str
    summary: str
    reference: str
    parameters: tuple[ParameterSpec, ...]

    def defaults(self) -> dict[str, Any]:
        """Every parameter at its default (required points left empty)."""
        return {p.name: p.default for p in self.parameters if p.default is not None}


def _parameter(field: dataclasses.Field) -> ParameterSpec:
    meta = field.metadata
    low, high = meta.get("range", (None, None))
    default = field.default
    if isinstance(default, tuple):
        default = [list(v) if isinstance(v, tuple) else v for v in default]
    return ParameterSpec(
        name=field.name,
        kind=meta["kind"],
        default=default,
        low=low,
        high=high,
        odd=bool(meta.get("odd")),
        unit=meta.get("unit", ""),
        doc=meta.get("doc", ""),
        choices=tuple(meta.get("choices", ())),
        count=int(meta.get("count", 0)),
        when=meta.get("when"),
        allowed=describe_field(field),
    )


def operation_specs() -> list[OperationSpec]:
    """Every enhancement operation, grouped by family in the usual chain order.

    Example:
        >>> specs = {s.name: s for s in operation_specs()}
        >>> clahe = {p.name: p for p in specs["clahe"].parameters}
        >>> clahe["tiles"].kind, clahe["tiles"].low, clahe["tiles"].high
        ('int', 1, 32)
    """
    return [
        OperationSpec(
            name=op.name,
            family=op.family,
            summary=op.summary,
            reference=op.reference,
            parameters=tuple(_parameter(f) for f in dataclasses.fields(op.params)),
        )
        for op in catalogue()
    ]


def operation_spec(name: str) -> OperationSpec:
    """The operation called ``name``.

    Raises:
        ChainError: No such operation.
    """
    for spec in operation_specs():
        if spec.name == name:
            return spec
    raise ChainError(f"Unknown operation {name!r}; use one of {', '.join(OPERATIONS)}.")


def build_chain(
    name: str,
    steps: Sequence[tuple[str, Mapping[str, Any]]],
    *,
    description: str = "",
    fusion: Mapping[str, Any] | None = None,
) -> Chain:
    """A checked chain from the editor's steps.

    Args:
        name: The chain's name, recorded with every result.
        steps: ``(op, parameters)`` in order; parameters left out take their
            defaults.
        description: What the chain is for.
        fusion: A ``[fusion]`` table kept from a loaded chain file.

    Returns:
        The chain, every value checked as a chain file's would be.

    Raises:
        ChainError: A bad name, operation or parameter; the message names the
            step and the parameter and says what values are allowed.

    Example:
        >>> chain = build_chain("demo", [("clahe", {"tiles": 4})])
        >>> chain.steps[0].params.tiles
        4
        >>> build_chain("demo", [("clahe", {"tiles": 40})])
        Traceback (most recent call last):
        ...
        workstation.vision.enhance.errors.ChainError: demo: step 1 (clahe), \
parameter 'tiles': 40 is out of range; use a value from 1 to 32.
    """
    data: dict[str, Any] = {
        "name": name,
        "description": description,
        "step": [{"op": op, **dict(values)} for op, values in steps],
    }
    if fusion:
        data["fusion"] = dict(fusion)
    return chain_from_dict(data, source=name.strip() or "chain")


def chain_steps(chain: Chain) -> list[StepValues]:
    """The chain's steps as ``(op, parameters)``, every parameter written out."""
    return [(s.pop("op"), s) for s in chain_to_dict(chain)["step"]]


def chain_fusion(chain: Chain) -> dict[str, Any] | None:
    """The chain's ``[fusion]`` table as plain data, or None."""
    return chain_to_dict(chain).get("fusion")


def chain_text(chain: Chain) -> str:
    """The chain as the TOML text a chain file holds."""
    return chain_to_toml(chain)


def save_chain_file(chain: Chain, path: str | Path) -> Path:
    """Write the chain to a TOML file that :func:`load_chain` reads back.

    Raises:
        NotFoundError: The folder does not exist.
        WorkstationError: The file cannot be written.
    """
    path = Path(path)
    if path.suffix.lower() != ".toml":
        path = path.with_name(path.name + ".toml")
    write_atomically(path, chain_to_toml(chain).encode("utf-8"))
    log.info("saved chain %s to %s", chain.name, path)
    return path


def case_images(ws: Workspace, case_number: str) -> list[Evidence]:
    """The case's photos (what the chain editor can enhance), oldest first."""
    case = ws.case(case_number)
    return [
        e
        for e in evidence_rows.list_evidence(ws.store, case.id)
        if e.media_type.startswith("image/")
    ]


@dataclass(frozen=True)
class EnhancementPreview:
    """A chain tried on an evidence photo; nothing was stored.

    Attributes:
        evidence: The photo.
        chain: The chain run.
        before: The unprocessed photo (uint8 BGR).
        after: The result (uint8 BGR).
        effect: Detector and match scores at every stage, or None.
        effect_note: Why the scores were not measured ("" when they were).
    """

    evidence: Evidence
    chain: Chain
    before: np.ndarray
    after: np.ndarray
    effect: MeasuredEffect | None
    effect_note: str = ""


def preview_enhancement(
    ws: Workspace,
    case_number: str,
    evidence_ref: str | int,
    chain: Chain,
    *,
    reference: str | int | None = None,
    measure: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> EnhancementPreview:
    """Run a chain on a copy of an evidence photo and measure its effect on faces.

    The same code path as :func:`~workstation.services.enhance.enhance_evidence`
    up to storing, so what is previewed is what "apply" records.

    Args:
        ws: The open workspace.
        case_number: The case.
        evidence_ref: The photo's evidence id (or SHA-256 prefix).
        chain: The checked chain.
        reference: A photo of the person (evidence id) to score the face
            against; the unprocessed photo when None.
        measure: Find the face after every stage (needs the model pack).
        progress: Called as ``progress(done, total, message)``.
        cancel: Checked between steps.

    Raises:
        ChainError: A step does not fit the image.
        NotFoundError: No such evidence, or no face in the reference photo.
        InputFileError: The evidence is not a readable photo.
        Cancelled: ``cancel`` was set.
    """
    ws.require(Permission.VIEW_CASE)
    case = ws.case(case_number)
    evidence = find_evidence(ws, case, evidence_ref)
    total = len(chain.steps) + 2
    step = step_reporter(progress, cancel, total)
    applied = run_chain(
        ws,
        case,
        evidence,
        chain,
        reference=None if reference is None else str(reference),
        measure=measure,
        step=step,
        cancel=cancel,
    )
    step(total, "preview ready")
    return EnhancementPreview(
        evidence=evidence,
        chain=chain,
        before=applied.rendered.before,
        after=applied.output,
        effect=applied.effect,
        effect_note=applied.effect_note,
    )
