"""The command line: one module per command; each parses its options and calls the library."""

from __future__ import annotations

import gc
import importlib

from naravard.cli import streams, swedish
from naravard.cli.app import app

__all__ = ["app", "main"]

swedish.install()

# Importing a module registers its commands; this order is the order `naravard --help` lists them.
for _module in ("check", "diff", "status", "report", "export", "form", "kolada", "authoring"):
    importlib.import_module(f"naravard.cli.{_module}")


def main() -> None:
    """Entry point of the `naravard` console script."""
    streams.make_safe()
    # A command is one short process that builds millions of objects and keeps them to its end
    # (a national repository's models), and nothing it loads makes reference cycles: the cycle
    # collector would only scan them again and again (issue 9: a third of loading). It stays on
    # for anyone who imports naravard as a library; the charts collect after each figure.
    gc.disable()
    app()
