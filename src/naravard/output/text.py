"""Text for people, like a compiler's: `path:line:col: fel NV103 message`, the line and a caret."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from naravard.findings import CheckResult, Finding, Severity
from naravard.loader.breaks import split_lines

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow"}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(result: CheckResult) -> str:
    """The closing line, e.g. `2 fel och 1 varning i 48 filer.`"""
    files = _plural(result.files, "fil", "filer")
    if not result.findings:
        return f"Inga fel i {files}."
    return (
        f"{_plural(result.errors, 'fel', 'fel')} och "
        f"{_plural(result.warnings, 'varning', 'varningar')} i {files}."
    )


def _source_lines(root: Path, rel: str) -> list[str]:
    path = root / rel
    try:
        # Quote only regular files: never the target of a symlink that was refused (NV009).
        if path.is_symlink() or not path.is_file():
            return []
        with open(path, "rb") as handle:
            data = handle.read(2 * 1024 * 1024)
    except OSError:
        return []
    return split_lines(data.decode("utf-8", errors="replace").lstrip("\ufeff"))


def _visible(line: str) -> str:
    # Nothing from a file reaches the terminal as a control sequence (issue 7).
    if line.isprintable():
        return line
    return "".join(c if c.isprintable() else " " for c in line.replace("\t", " "))


WIDTH = 120  # the most of a source line that is quoted, as compilers cut a long line around the column


def window(line: str, column: int, width: int = WIDTH) -> tuple[str, int]:
    """The part of `line` around `column` that fits in `width` characters, and the caret's offset.

    A 100,000-character flow line is quoted as `…` + the characters around the mistake + `…`.
    """
    if len(line) <= width:
        return line, column - 1
    start = min(max(column - 1 - width // 2, 0), len(line) - width)
    shown = line[start : start + width]
    caret = column - 1 - start
    if start > 0:
        shown = "…" + shown[1:]
    if start + width < len(line):
        shown = shown[:-1] + "…"
    return shown, caret


def _finding(finding: Finding, lines: list[str]) -> Text:
    loc = finding.location
    text = Text()
    text.append(f"{_visible(loc.file)}:{loc.line}:{loc.column}:", style="bold")
    text.append(" ")
    text.append(finding.severity.swedish, style=_STYLE[finding.severity])
    text.append(f" {finding.code} ", style="cyan")
    text.append(_visible(finding.message))
    if 0 < loc.line <= len(lines):
        number = str(loc.line)
        gutter = " " * len(number)
        source, caret = window(_visible(lines[loc.line - 1]), loc.column)
        text.append(f"\n  {number} | ", style="dim")
        text.append(source)
        text.append(f"\n  {gutter} | ", style="dim")
        text.append(" " * caret + "^", style=_STYLE[finding.severity])
    return text


def write(result: CheckResult, root: Path, stream: TextIO) -> None:
    """Findings grouped per file, each with its source line; then a summary line."""
    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    for rel, group in groupby(result.findings, key=lambda f: f.location.file):
        lines = _source_lines(root, rel)
        found = Text("\n").join(_finding(finding, lines) for finding in group)
        if console.color_system is None:
            # No colour (a pipe, a CI log): the text as it is. Rich costs ~0.3 ms a finding even
            # then, a second for a national repository's warnings (issue 9).
            stream.write(found.plain + "\n\n")
        else:
            console.print(found)
            console.print()
    style = "bold green" if not result.findings else "bold"
    console.print(Text(summary(result), style=style))
