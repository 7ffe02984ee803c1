"""Errors of image enhancement: a bad chain, and a parameter that does not fit."""

from __future__ import annotations

from workstation.domain.errors import WorkstationError


class ChainError(WorkstationError):
    """A chain file or step is invalid, or a step cannot apply to the image.

    The message names the chain file, the step (number and operation) and the
    parameter at fault, and says what values are allowed.
    """


class ParameterError(ValueError):
    """Raised inside an operation; the chain runner names the step around it.

    Args:
        parameter: The parameter at fault.
        reason: What is wrong and what would be right.
    """

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__(f"{parameter}: {reason}")
        self.parameter = parameter
        self.reason = reason
