"""Forensic image enhancement: operations, chains, fusion, measured effect.

Every operation is a pure function on a copy of an 8-bit BGR image with typed,
range-checked parameters, a one-line description and a literature reference
(:data:`OPERATIONS`). Chains of them are read from and written to TOML
(:mod:`.chain`). Nothing here touches the case store or the vault.
"""

from workstation.vision.enhance.chain import (
    Chain,
    Fusion,
    Step,
    apply_chain,
    chain_from_dict,
    chain_from_records,
    chain_from_toml,
    chain_to_dict,
    chain_to_toml,
    step_records,
)
from workstation.vision.enhance.errors import ChainError, ParameterError
from workstation.vision.enhance.registry import OPERATIONS, Operation

__all__ = [
    "OPERATIONS",
    "Chain",
    "ChainError",
    "Fusion",
    "Operation",
    "ParameterError",
    "Step",
    "apply_chain",
    "chain_from_dict",
    "chain_from_records",
    "chain_from_toml",
    "chain_to_dict",
    "chain_to_toml",
    "step_records",
]
