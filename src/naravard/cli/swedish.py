"""Typer's and Click's own words in Swedish: the help screens' headings and the usage errors.

Typer (with its vendored Click) writes "Show this message and exit.", "Usage:" and "Invalid
value for '--format'" in English, mostly as fixed strings. `install()` puts Swedish in their
place once, before a command runs: section titles, the help option's text, the usage line, the
type shown beside an option, and every usage error, said again from the error's own data (which
option, which value, which choices). The help is Click's plain layout (`rich_markup_mode=None`):
rich's help panels cost 0.12 s of imports on every start. A test walks every command's --help
and a set of wrong command lines and fails on an English word; the versions are fixed by the
lock, and `make test-latest` shows when a new Typer moves a string.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

import typer
from typer import _click, core

# Typer's own gettext texts (typer.core calls `_()` at run time).
_TYPER_TEXTS = {
    "(dynamic)": "(beräknas)",
    "Aborted!": "Avbrutet.",
    "default: {default}": "standard: {default}",
    "required": "krävs",
    "env var: {var}": "miljövariabel: {var}",
    "Arguments": "Argument",
    "Options": "Alternativ",
    "Commands": "Kommandon",
    "Missing command.": "Ett kommando saknas.",
    "No such command {name!r}.": "Det finns inget kommando {name!r}.",
}

_OPTION_HELP = {
    "--help": "Visa den här hjälpen och avsluta.",
    "--install-completion": "Installera komplettering med tabb för skalet du använder.",
    "--show-completion": "Visa skriptet för komplettering med tabb, för att kopiera eller anpassa det.",
}

_TYPES = {
    "bool": "",
    "text": "text",
    "str": "text",
    "int": "heltal",
    "integer": "heltal",
    "float": "tal",
    "path": "sökväg",
    "Path": "sökväg",
    "dir": "mapp",
    "directory": "mapp",
    "file": "fil",
    "choice": "val",
}

# What an argument is called in the usage line and the help (its Python name is English).
_ARGUMENTS = {
    "year": "ÅR",
    "years": "ÅR",
    "paths": "SÖKVÄG",
    "files": "FIL",
    "directory": "MAPP",
    "file": "FIL",
    "forms": "FIL",
    "args": "ÅR|FIL",
}

_USAGE = {"[OPTIONS]": "[ALTERNATIV]", "COMMAND [ARGS]...": "KOMMANDO [ARGUMENT]..."}

_KINDS = {"Directory": "Mappen", "File": "Filen", "Path": "Sökvägen"}

# A usage error's message, said again in Swedish (first match wins).
_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"(?:Value error, )?(.+?) is not one of (.+)\.$"),
        lambda m: f"{m[1]} är inte ett av de möjliga värdena: {m[2].replace(chr(39), '')}.",
    ),
    (
        re.compile(r"(Directory|File|Path) (.+) does not exist\.$"),
        lambda m: f"{_KINDS[m[1]]} {m[2]} finns inte.",
    ),
    (
        re.compile(r"(Directory|File|Path) (.+) is a directory\.$"),
        lambda m: f"{_KINDS[m[1]]} {m[2]} är en mapp, inte en fil.",
    ),
    (
        re.compile(r"(Directory|File|Path) (.+) is a file\.$"),
        lambda m: f"{_KINDS[m[1]]} {m[2]} är en fil, inte en mapp.",
    ),
    (
        re.compile(r"(?:Value error, )?(?:Value )?(.+?) is not a valid (integer|int)\.?$"),
        lambda m: f"{m[1]} är inget heltal.",
    ),
    (
        re.compile(r"(?:Value error, )?(?:Value )?(.+?) is not a valid (float|number)\.?$"),
        lambda m: f"{m[1]} är inget tal.",
    ),
    (
        re.compile(r"(?:Value error, )?Input should be (greater|less) than( or equal to)? (.+?)\.?$"),
        lambda m: (
            f"värdet måste vara {'minst' if m[1] == 'greater' else 'högst'} {m[3]}."
            if m[2]
            else f"värdet måste vara {'större' if m[1] == 'greater' else 'mindre'} än {m[3]}."
        ),
    ),
    (
        re.compile(r"(?:Value error, )?Input should be a valid (integer|number).*$"),
        lambda m: "ett heltal väntades." if m[1] == "integer" else "ett tal väntades.",
    ),
    (
        re.compile(r"(.+?) is not in the range (.+?)\.?$"),
        lambda m: f"{m[1]} ligger utanför det tillåtna: {m[2]}.",
    ),
    (
        re.compile(r"Option (.+) requires an argument\.$"),
        lambda m: f"Alternativet {m[1]} behöver ett värde.",
    ),
    (
        re.compile(r"Option (.+) does not take a value\.$"),
        lambda m: f"Alternativet {m[1]} tar inget värde.",
    ),
    (
        re.compile(r"Got unexpected extra arguments? \((.+)\)$"),
        lambda m: f"Oväntade argument: {m[1]}.",
    ),
    (
        re.compile(r"Det finns inget kommando (.+?)\.(?: Did you mean (.+)\?)?$"),
        lambda m: f"Det finns inget kommando {m[1]}." + (f" Menade du {m[2]}?" if m[2] else ""),
    ),
)


_ENGLISH = re.compile(
    r"\b(is|not|the|an?|of|for|does|exist|invalid|value|option|argument|missing|error|must|be|"
    r"cannot|expected|got|no|such|file|directory|path|only|requires?|allowed)\b",
    re.IGNORECASE,
)


def say(message: str) -> str:
    """A usage error's message in Swedish (a generic sentence where the wording is unknown)."""
    message = message.strip()
    for pattern, swedish in _MESSAGES:
        match = pattern.match(message)
        if match:
            return swedish(match)
    if not _ENGLISH.search(message):
        return message  # already ours (naravard's own errors are Swedish)
    return "Kommandoraden kan inte tolkas."


def _hint(error: Any) -> str:
    ctx = getattr(error, "ctx", None)
    param = getattr(error, "param", None)
    hint = getattr(error, "param_hint", None)
    if hint is None and param is not None:
        try:
            hint = param.get_error_hint(ctx)
        except TypeError:  # pragma: no cover - older signature
            hint = param.get_error_hint()
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(f"'{h}'" for h in hint)
    return str(hint or "")


def describe(error: _click.exceptions.ClickException) -> str:
    """What went wrong on the command line, in Swedish, from the error's own data."""
    exceptions = _click.exceptions
    if isinstance(error, exceptions.NoSuchOption):
        text = f"Det finns inget alternativ {error.option_name}."
        if error.possibilities:
            text += " Menade du " + " eller ".join(sorted(error.possibilities)) + "?"
        return text
    if isinstance(error, exceptions.MissingParameter):
        hint = _hint(error)
        kind = "Argumentet" if getattr(error, "param_type", None) == "argument" else "Alternativet"
        param = getattr(error, "param", None)
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            kind = "Argumentet"
        return f"{kind} {hint} saknas." if hint else "Ett argument saknas."
    if isinstance(error, exceptions.BadParameter):
        hint = _hint(error)
        detail = say(error.message)
        return f"Ogiltigt värde för {hint}: {detail}" if hint else f"Ogiltigt värde: {detail}"
    return say(error.format_message())


def _show(error: _click.exceptions.ClickException, file: Any = None) -> None:
    ctx = getattr(error, "ctx", None)
    stream = file or sys.stderr
    if ctx is not None:
        stream.write(ctx.get_usage() + "\n")
        if ctx.command.get_help_option(ctx) is not None:
            stream.write(f"Se '{ctx.command_path} {ctx.help_option_names[0]}' för hjälp.\n")
    stream.write(f"naravard: {describe(error)}\n")


def _swedish_type(shown: str | None) -> str | None:
    if not shown:
        return shown
    inner = shown.strip("<>")
    many = ""
    list_of = re.fullmatch(r"list\[(.+)\]", inner)
    if list_of:
        inner, many = list_of[1], "..."
    if "|" in inner:
        return shown  # choices are our own words
    word = _TYPES.get(inner, inner)
    return f"<{word}>{many}" if word else None


_installed = False


def _replace(owner: object, name: str, value: object) -> None:
    setattr(owner, name, value)


def install() -> None:
    """Put the Swedish texts in place (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    _replace(core, "_", lambda text: _TYPER_TEXTS.get(text, text))
    exceptions = _click.exceptions
    _replace(exceptions.ClickException, "show", _show)
    _replace(exceptions.UsageError, "show", _show)

    original_usage = _click.formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Användning: " if prefix is None else prefix)

    _replace(_click.formatting.HelpFormatter, "write_usage", write_usage)

    original_help = _click.core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help(self, ctx)
        if option is not None:
            option.help = _OPTION_HELP["--help"]
        return option

    _replace(_click.core.Command, "get_help_option", get_help_option)

    for cls in (core.TyperOption, core.TyperArgument):
        original_type = cls.display_type_rich

        def display_type_rich(self: Any, ctx: Any, _original: Any = original_type) -> str | None:
            if getattr(self, "is_flag", False) or isinstance(self, core.TyperArgument):
                return None  # a flag has no value; an argument's name says what it is
            return _swedish_type(_original(self, ctx))

        _replace(cls, "display_type_rich", display_type_rich)

    for command in (_click.core.Command, core.TyperCommand, core.TyperGroup):
        if "collect_usage_pieces" in vars(command):
            original_pieces = vars(command)["collect_usage_pieces"]

            def collect_usage_pieces(self: Any, ctx: Any, _original: Any = original_pieces) -> list[str]:
                return [_USAGE.get(piece, piece) for piece in _original(self, ctx)]

            _replace(command, "collect_usage_pieces", collect_usage_pieces)

    original_params = _click.core.Command.get_params

    def get_params(self: Any, ctx: Any) -> Any:
        params = original_params(self, ctx)
        for param in params:
            if isinstance(param, core.TyperArgument):
                param.metavar = _ARGUMENTS.get(param.name or "", (param.name or "").upper())
            for opt in getattr(param, "opts", ()):
                if opt in _OPTION_HELP and opt != "--help":
                    _replace(param, "help", _OPTION_HELP[opt])
        return params

    _replace(_click.core.Command, "get_params", get_params)


__all__ = ["describe", "install", "say", "typer"]
