"""The ``workstation`` command; one module per group of sub-commands."""

from workstation.cli.main import main

__all__ = ["main"]
