"""Text for people, like a compiler's: `path:line:col: fel NV103 message`, the line and a caret."""

from __future__ import annotations

import os
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from naravard.findings import CheckResult, Finding, Severity
from naravard.loader.breaks import split_lines
from naravard.output.terminal import SLIPS

if TYPE_CHECKING:
    from rich.text import Text

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
    # Nothing from a file reaches the terminal as a control sequence (issue 7); a tab and a
    # non-breaking space are shown as what they are (→, ⍽), the mistakes people make with them;
    # anything else as a space, one character each, so the caret still fits.
    if line.isprintable():
        return line
    return "".join(c if c.isprintable() else SLIPS.get(c, " ") for c in line)


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


Piece = tuple[str, str | None]  # a run of text and its rich style


def _pieces(finding: Finding, lines: list[str]) -> list[Piece]:
    loc = finding.location
    pieces: list[Piece] = [
        (f"{_visible(loc.file)}:{loc.line}:{loc.column}:", "bold"),
        (" ", None),
        (finding.severity.swedish, _STYLE[finding.severity]),
        (f" {finding.code} ", "cyan"),
        (_visible(finding.message), None),
    ]
    if 0 < loc.line <= len(lines):
        number = str(loc.line)
        gutter = " " * len(number)
        source, caret = window(_visible(lines[loc.line - 1]), loc.column)
        pieces += [
            (f"\n  {number} | ", "dim"),
            (source, None),
            (f"\n  {gutter} | ", "dim"),
            (" " * caret + "^", _STYLE[finding.severity]),
        ]
    return pieces


def _coloured(stream: TextIO) -> bool:
    """Whether rich could colour `stream`: a terminal, or colour forced (FORCE_COLOR, as rich reads it)."""
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def write(result: CheckResult, root: Path, stream: TextIO) -> None:
    """Findings grouped per file, each with its source line; then a summary line.

    Only a terminal gets colours, through rich; a pipe or a CI log gets the same text without
    rich even being imported (issue 15: a tenth of a second of start-up, and ~0.3 ms a finding).
    """
    # One file's lines at a time: a national lint quotes thousands of files.
    groups = (
        (_source_lines(root, rel), group)
        for rel, group in groupby(result.findings, key=lambda f: f.location.file)
    )
    if not _coloured(stream):
        for lines, findings in groups:
            stream.write("\n".join("".join(t for t, _ in _pieces(f, lines)) for f in findings) + "\n\n")
        stream.write(summary(result) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    for lines, findings in groups:
        found = Text("\n").join(_text(_pieces(f, lines)) for f in findings)
        if console.color_system is None:
            stream.write(found.plain + "\n\n")
        else:
            console.print(found)
            console.print()
    style = "bold green" if not result.findings else "bold"
    console.print(Text(summary(result), style=style))


def _text(pieces: list[Piece]) -> Text:
    from rich.text import Text

    text = Text()
    for part, style in pieces:
        text.append(part, style=style)
    return text
