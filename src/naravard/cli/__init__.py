"""The command line: one module per command; each parses its options and calls the library."""

from __future__ import annotations

from naravard.cli import check, diff, export, kolada, report  # noqa: F401  (importing registers the commands)
from naravard.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `naravard` console script."""
    app()
