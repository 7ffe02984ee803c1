"""Choosing onnxruntime execution providers: a GPU where one is offered, else CPU.

>>> choose_providers(["CUDAExecutionProvider", "CPUExecutionProvider"])
['CUDAExecutionProvider', 'CPUExecutionProvider']
>>> choose_providers(["CUDAExecutionProvider", "CPUExecutionProvider"], force_cpu=True)
['CPUExecutionProvider']
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

log = logging.getLogger(__name__)

CPU = "CPUExecutionProvider"

#: GPU providers in order of preference. CUDA comes before TensorRT because
#: TensorRT compiles an engine for every new input shape on first use, which
#: makes the first scan of a case very slow; it is used when CUDA is not offered.
GPU_PREFERENCE = (
    "CUDAExecutionProvider",
    "TensorrtExecutionProvider",
    "DmlExecutionProvider",
    "CoreMLExecutionProvider",
)


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def available_providers() -> list[str]:
    """The providers this onnxruntime build offers on this machine."""
    import onnxruntime

    return list(onnxruntime.get_available_providers())


def is_gpu_provider(name: str) -> bool:
    """Whether ``name`` is one of the accelerator providers the workstation uses."""
    return name in GPU_PREFERENCE


def choose_providers(
    available: Sequence[str] | None = None, *, force_cpu: bool = False
) -> list[str]:
    """Pick the providers to request: the best GPU one plus CPU, or CPU alone.

    Args:
        available: Provider names on offer; read from onnxruntime when None.
        force_cpu: Ignore any GPU provider (``Settings.force_cpu``).

    Returns:
        Provider names in the order onnxruntime should try them.
    """
    offered = available_providers() if available is None else list(available)
    if not force_cpu:
        for name in GPU_PREFERENCE:
            if name in offered:
                log.info("using %s for face models (CPU as fallback)", name)
                return [name, CPU]
    log.info(
        "using the CPU for face models (%s)",
        "forced by settings" if force_cpu else "no GPU provider offered",
    )
    return [CPU]


def context_id(providers: Sequence[str]) -> int:
    """insightface's ``ctx_id``: 0 for the first GPU, -1 to pin sessions to CPU."""
    return 0 if any(is_gpu_provider(p) for p in providers) else -1
