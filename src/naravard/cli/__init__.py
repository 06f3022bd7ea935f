"""The command line: one module per command; each parses its options and calls the library.

The command modules do without `from __future__ import annotations`: typer would evaluate each
annotation string twice for every parameter of every command on every run, --help too (issue 18).
"""

from __future__ import annotations

import importlib
import os

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
    # pydantic looks for plugins (observability hooks) in every installed package's metadata when
    # the first model is built: 22 ms of a 420 ms validate (issue 18), for nothing naravard uses.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    ending.run(app)
