"""The command line: one module per command; each parses its options and calls the library."""

from __future__ import annotations

import importlib

from naravard.cli import ending, streams, swedish
from naravard.cli.app import app

__all__ = ["app", "main"]

swedish.install()

# Importing a module registers its commands; this order is the order `naravard --help` lists them.
for _module in ("check", "diff", "status", "report", "export", "form", "kolada", "authoring"):
    importlib.import_module(f"naravard.cli.{_module}")


def main() -> None:
    """Entry point of the `naravard` console script."""
    streams.make_safe()
    ending.run(app)
