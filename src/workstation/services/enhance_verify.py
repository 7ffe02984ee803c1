"""Re-running a recorded enhancement to confirm its output, bit for bit.

The stored chain is rebuilt from the derivation's operations (checked again as
if read from a file), its source is made again from the vault original (the
same frames, the same fusion, the same face landmarks) and the output PNG is
hashed. On the machine and library versions that made it the hash is the
same; elsewhere the difference is measured and stated.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from workstation.domain.errors import InputFileError, NotFoundError
from workstation.domain.progress import ProgressCallback
from workstation.security.hashing import sha256_bytes
from workstation.services.enhance import case_derivation
from workstation.services.evidence import evidence_file
from workstation.services.workspace import Workspace
from workstation.store import evidence_rows
from workstation.store.derivation_rows import DerivationRow
from workstation.vision.enhance import Chain, apply_chain, chain_from_records
from workstation.vision.enhance.encoding import decode_png, encode_png
from workstation.vision.enhance.provenance import software_versions
from workstation.vision.enhance.quality import Comparison, compare_images
from workstation.vision.enhance.sources import Rendered, rerender_source

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VerificationResult:
    """The outcome of re-running a stored derivation.

    ``comparison`` compares the re-run with the stored output pixels (None
    when sizes differ or the stored output is unreadable).
    """

    derivation_id: int
    expected_sha256: str
    actual_sha256: str
    input_problem: str | None
    output_problem: str | None
    comparison: Comparison | None
    software_then: dict
    software_now: dict

    @property
    def identical(self) -> bool:
        """Whether the re-run gave exactly the stored output bytes."""
        return self.expected_sha256 == self.actual_sha256

    @property
    def ok(self) -> bool:
        """Identical output and intact stored files."""
        return self.identical and not self.input_problem and not self.output_problem

    def summary(self) -> str:
        """One paragraph for a person: what matched, what did not, by how much."""
        lines = []
        if self.input_problem:
            lines.append(f"The original in the vault {self.input_problem}.")
        if self.output_problem:
            lines.append(f"The stored result {self.output_problem}.")
        if self.identical:
            lines.append(
                f"Re-running the chain gave the stored output bit for bit "
                f"(SHA-256 {self.actual_sha256})."
            )
            return " ".join(lines)
        lines.append(
            f"Re-running the chain gave SHA-256 {self.actual_sha256}, not the "
            f"stored {self.expected_sha256}."
        )
        if self.comparison is not None:
            lines.append(
                f"Pixels differ by at most {self.comparison.max_abs_diff} levels "
                f"of 255 (PSNR {self.comparison.psnr:.1f} dB, SSIM "
                f"{self.comparison.ssim:.4f})."
            )
        changed = sorted(
            k
            for k in set(self.software_then) | set(self.software_now)
            if self.software_then.get(k) != self.software_now.get(k)
        )
        if changed:
            lines.append(
                "Software differs from when it was made: "
                + "; ".join(
                    f"{k} {self.software_then.get(k, '-')} -> "
                    f"{self.software_now.get(k, '-')}"
                    for k in changed
                )
                + "."
            )
        return " ".join(lines)


def stored_chain(row: DerivationRow) -> Chain:
    """The chain a derivation recorded, checked again."""
    fusion = row.source.get("fusion")
    if row.source.get("kind") in ("image", "frame"):
        fusion = None
    return chain_from_records(
        row.chain_name or "stored",
        row.operations,
        fusion,
        row.source.get("chain_description", ""),
    )


def rerun_derivation(ws: Workspace, row: DerivationRow) -> tuple[Rendered, np.ndarray]:
    """Re-make a derivation from the vault original: its source and its output.

    Raises:
        NotFoundError: The input evidence item no longer exists.
        InputFileError: The vault original cannot be read.
    """
    if row.evidence_id is None:
        raise NotFoundError(f"Derivation {row.id} names no input evidence item.")
    evidence = evidence_rows.get_evidence(ws.store, row.evidence_id)
    rendered = rerender_source(
        evidence_file(ws, evidence), evidence.original_name, row.source
    )
    return rendered, apply_chain(rendered.image, stored_chain(row))


def verify_derivation(
    ws: Workspace,
    case_number: str,
    derivation_id: int,
    *,
    progress: ProgressCallback | None = None,
) -> VerificationResult:
    """Re-run a stored chain on the vault original and compare the output hash.

    The stored input and output files are re-hashed too. On the machine and
    library versions that made it, the output is bit-identical; elsewhere the
    result states the largest pixel difference, PSNR and SSIM.

    Raises:
        NotFoundError: No such derivation in the case.
        InputFileError: The vault original cannot be read.
    """
    row = case_derivation(ws, case_number, derivation_id)
    if progress:
        progress(0, 3, "checking the stored files")
    evidence = evidence_rows.get_evidence(ws.store, row.evidence_id)
    original = evidence_file(ws, evidence)
    input_problem = ws.vault.check(original)
    if input_problem is None and original.stem != row.input_sha256:
        input_problem = "is not the file the derivation was made from"
    stored_output = ws.root / row.output_path
    output_problem = ws.vault.check(stored_output) if row.output_path else "is missing"
    if progress:
        progress(1, 3, "re-running the chain")
    if input_problem and not original.exists():
        raise InputFileError(
            f"The original of derivation {row.id} ({evidence.original_name}) is "
            "missing from the vault; restore the vault from a backup."
        )
    _, output = rerun_derivation(ws, row)
    actual = sha256_bytes(encode_png(output))
    comparison = None
    if actual != row.output_sha256 and stored_output.is_file():
        try:
            comparison = compare_images(
                decode_png(stored_output.read_bytes(), name=stored_output.name), output
            )
        except InputFileError as exc:
            log.warning("stored output of derivation %d unreadable: %s", row.id, exc)
    result = VerificationResult(
        derivation_id=row.id,
        expected_sha256=row.output_sha256,
        actual_sha256=actual,
        input_problem=input_problem,
        output_problem=output_problem,
        comparison=comparison,
        software_then=row.software,
        software_now=software_versions(),
    )
    ws.audit(
        "enhance.verify",
        case_number,
        {
            "derivation_id": row.id,
            "identical": result.identical,
            "expected_sha256": row.output_sha256,
            "actual_sha256": actual,
            "input_problem": input_problem,
            "output_problem": output_problem,
            "max_abs_diff": comparison.max_abs_diff if comparison else None,
        },
    )
    if progress:
        progress(3, 3, "done")
    return result
