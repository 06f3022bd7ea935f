"""docs/cli.md: every command's `--help`, generated (`make docs`; a test fails when it is stale).

As sqlite-utils keeps its CLI reference: the help text is the source, this writes it out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from typer.testing import CliRunner

from naravard.cli import app

WIDTH = "100"


def commands() -> Iterator[tuple[str, ...]]:
    """Every command's words after `naravard`, groups first, in the order --help lists them."""

    def walk(command: object, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        yield path
        subcommands: dict[str, object] = getattr(command, "commands", {})  # a group's, in their order
        for name, sub in subcommands.items():
            if not getattr(sub, "hidden", False):
                yield from walk(sub, (*path, name))

    yield from walk(typer.main.get_command(app), ())


def help_text(path: tuple[str, ...]) -> str:
    """What `naravard PATH --help` prints, at a fixed width and without colour."""
    env = {"COLUMNS": WIDTH, "TERMINAL_WIDTH": WIDTH, "NO_COLOR": "1", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    result = CliRunner().invoke(app, [*path, "--help"], env=env, prog_name="naravard")
    assert result.exit_code == 0, result.output
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def render() -> str:
    lines = [
        "# Kommandon",
        "",
        "<!-- Genererad av `make docs` (python -m naravard.cli.reference). Ändra inte för hand. -->",
        "",
        "Varje kommando med det som `--help` visar. Felkoderna förklaras i [rules.md](rules.md).",
    ]
    for path in commands():
        lines += ["", f"## naravard {' '.join(path)}".rstrip(), "", "```", help_text(path), "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(render(), encoding="utf-8")
