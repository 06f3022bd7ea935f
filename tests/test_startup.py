"""What a command imports (issue 15 item 3): start-up is most of a small run, so each command
imports only what it uses. Measured with `python -X importtime`; here the import set is checked.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import PROJECT

PROBE = (
    "import sys, atexit\n"
    "heavy = {heavy!r}\n"
    "said = lambda: sys.stderr.write('IMPORTED ' + repr(sorted("
    "m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(tuple(heavy)))) + '\\n')\n"
    "atexit.register(said)\n"
    "sys.argv = ['naravard', *{args!r}]\n"
    "from naravard.cli import main\n"
    "main()\n"
)


def imported(args: list[str], heavy: set[str]) -> list[str]:
    """The heavy modules a command run with its output in a pipe (not a terminal) imported."""
    code = PROBE.format(heavy=heavy, args=args)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=PROJECT
    )
    line = next(line for line in done.stderr.splitlines() if line.startswith("IMPORTED "))
    return list(ast.literal_eval(line.removeprefix("IMPORTED ")))


NOT_FOR_CHECKS = {"rich", "ruamel", "matplotlib", "jinja2", "openpyxl", "naravard.diff", "naravard.report"}


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_validate_and_lint_import_only_what_they_use(command: str) -> None:
    assert imported([command, "--root", str(PROJECT), "--no-cache"], NOT_FOR_CHECKS) == []


def test_help_in_a_pipe_imports_no_rich_and_no_models() -> None:
    heavy = {"rich", "pydantic", "yaml", "matplotlib", "jinja2", "ruamel", "naravard.findings"}
    assert imported(["--help"], heavy | {"importlib.resources"}) == []


def test_the_commands_annotations_are_objects_not_strings() -> None:
    # typer evaluates a string annotation twice for every parameter of every command on every run,
    # --help too (10 ms of its 75): the command modules do without `from __future__ import annotations`.
    import naravard.cli  # noqa: F401  (registers the commands)
    from naravard.cli.app import app

    for info in app.registered_commands:
        assert info.callback is not None
        hints = info.callback.__annotations__
        assert not [name for name, hint in hints.items() if isinstance(hint, str)], info.callback
