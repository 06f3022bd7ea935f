"""Every word of the command line in Swedish, and output that survives a Windows console (issue 16)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from naravard.cli import app
from naravard.cli.streams import ascii_equivalent
from naravard.cli.swedish import say
from tests.conftest import PROJECT

runner = CliRunner()

# Typer's and Click's vocabulary: none of it may reach a person.
ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Arguments|Show|message|Try|Error|Invalid|value|Missing|"
    r"such|option|command|argument|current|shell|Install|customize|default|required|"
    r"Aborted|unexpected|extra|requires|does|exist|valid|integer|Path|list|bool|dir|OPTIONS|ARGS|"
    r"COMMAND|Did|mean|one|of)\b"
)


def _commands(group: typer.core.TyperGroup, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, typer.core.TyperGroup):
            found += _commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


COMMANDS = _commands(typer.main.get_command(app))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "naravard")
def test_help_has_no_english(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Användning:" in result.output
    assert not ENGLISH.findall(re.sub(r"--[\w-]+", "", result.output)), result.output


WRONG = [
    ["nosuch"],
    ["validate", "--format", "xml"],
    ["validate", "--rooot", "x"],
    ["report", "--format"],
    ["new", "uppfoljning"],
    ["new", "uppfoljning", "tjugo"],
    ["export", "2024", "extra", "argument"],
    ["validate", "--root", "/finns/inte"],
    ["kolada"],
]


@pytest.mark.parametrize("args", WRONG, ids=" ".join)
def test_a_wrong_command_line_is_told_in_swedish(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert not ENGLISH.findall(result.output), result.output
    assert "Traceback" not in result.output


def test_an_unknown_library_wording_is_never_passed_on() -> None:
    assert say("Something went wrong with the value.") == "Kommandoraden kan inte tolkas."
    assert say("'x' is not one of 'a', 'b'.") == "'x' är inte ett av de möjliga värdena: a, b."
    assert say("Mappen finns inte.") == "Mappen finns inte."


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_diff_to_a_windows_console_writes_what_it_can_and_never_crashes(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run(
        [sys.executable, "-m", "naravard", "diff", "2023", "2024", "--root", str(PROJECT)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(encoding, errors="replace")
    text = result.stdout.decode(encoding)  # every byte is valid in the console's encoding
    assert "Självskattning" in text  # å, ä and ö kept: the encoding has them
    assert "2023 -> 2024" in text  # → has no place in it: written as ->


def test_ascii_equivalents() -> None:
    assert [ascii_equivalent(c) for c in "→⚠…é"] == ["->", "!", "...", "e"]
    assert ascii_equivalent("\u2603") == "?"
