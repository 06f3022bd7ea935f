"""The command line: one module per command; each parses its options and calls the library."""

from __future__ import annotations

import gc
import importlib
import os
import sys

from naravard.cli.app import app

__all__ = ["app", "main"]

# Importing a module registers its commands; this order is the order `naravard --help` lists them.
for _module in ("check", "diff", "report", "export", "kolada", "authoring"):
    importlib.import_module(f"naravard.cli.{_module}")


def main() -> None:
    """Entry point of the `naravard` console script."""
    # A command is one short process that builds millions of objects and keeps them to its end
    # (a national repository's models), and nothing it loads makes reference cycles: the cycle
    # collector would only scan them again and again (issue 9: a third of loading). It stays on
    # for anyone who imports naravard as a library; the charts collect after each figure.
    gc.disable()
    if not os.environ.get("FORCE_COLOR") and not (sys.stdout.isatty() and sys.stderr.isatty()):
        # Help and usage errors as plain text where no one sees colours (a pipe, a CI log): the
        # same words, without importing rich for them (issue 15: half of `--help`'s start-up).
        app.rich_markup_mode = None
    app()
