"""The YAML parser's problems, said in Swedish for a person who edits by hand.

libyaml reports a problem as an exception with a kind (scanner, parser, reader), a context
("while scanning a quoted scalar", with the mark where that began) and a problem at a mark. We
classify by those parts and by the character that stands at the mark, never by passing the
library's English on: every message here is Swedish, whatever the library's wording (a test runs
every hostile file and parser-error case and fails on English in a message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from naravard.loader.codes import FORBIDDEN_YAML, YAML_SYNTAX


@dataclass(frozen=True)
class ParserProblem:
    """A parser error as naravard reports it: code, Swedish message and 1-based position."""

    code: str
    message: str
    line: int
    column: int


# What the problem is, by the words libyaml's problem text is built from (first match wins).
# The matching keys are libyaml's vocabulary; what a person reads is only the Swedish.
_PROBLEMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("mapping values are not allowed",),
        "Ett kolon följt av mellanslag står mitt i ett värde, eller så är indraget fel. "
        'Sätt texten inom citattecken ("…") om den innehåller ": ".',
    ),
    (
        ("could not find expected ':'",),
        "Här väntades ett kolon efter en nyckel. Kontrollera att raden har formen "
        "`nyckel: värde` och att ett citattecken inte saknas.",
    ),
    (
        ("did not find expected key", "expected <block end>"),
        "Raden passar inte in i strukturen: indraget (mellanslagen i början av raden) "
        "stämmer inte med raderna ovanför.",
    ),
    (
        ("did not find expected '-' indicator",),
        "Raden passar inte in i listan ovanför: kontrollera indraget och att varje "
        "listpunkt börjar med `- `.",
    ),
    (
        ("unexpected end of stream",),
        "Filen tar slut mitt i ett värde: ett citattecken eller en klammer avslutas aldrig.",
    ),
    (
        ("expected ',' or '}'",),
        "En `{`-mappning avslutas inte rätt: skilj paren med kommatecken och avsluta med `}`.",
    ),
    (
        ("expected ',' or ']'",),
        "En `[`-lista avslutas inte rätt: skilj värdena med kommatecken och avsluta med `]`.",
    ),
    (
        ("cannot start any token",),
        "Ett tecken här kan inte inleda ett värde (till exempel @ eller `). "
        'Sätt värdet inom citattecken ("…").',
    ),
    (
        ("unknown escape character", "escape sequence", "hexdecimal", "hexadecimal"),
        "En okänd escape-sekvens med \\ inom \"…\". Använd enkla citattecken ('…') "
        "eller skriv \\\\ för ett omvänt snedstreck.",
    ),
    (
        ("node content",),
        "Här saknas ett värde, eller så står ett tecken på fel plats.",
    ),
    (
        ("sequence entries are not allowed",),
        "En listpunkt (`- `) står där ett värde väntades: kontrollera indraget.",
    ),
    (
        ("mapping keys are not allowed",),
        "Ett frågetecken följt av mellanslag (`? `) inleder en sammansatt nyckel, som inte används "
        'i naravards filer. Sätt texten inom citattecken ("…").',
    ),
    (
        ("document start", "document separator", "document end"),
        "Något står efter slutet av dokumentet: kontrollera indraget på den här raden.",
    ),
    (
        ("incompatible YAML document", "duplicate YAML directive", "directive"),
        "Direktiv som `%YAML` och `%TAG` används inte i naravards filer: ta bort raden.",
    ),
    (
        ("control characters are not allowed", "special characters are not allowed"),
        "Filen innehåller ett osynligt styrtecken som inte får finnas i en textfil.",
    ),
    (
        ("indentation indicator", "chomping"),
        "Efter `|` eller `>` får bara `+`, `-` eller en siffra 1–9 stå före radslutet.",
    ),
    (
        ("tag handle", "URI", "'!'", "'>'"),
        "Taggar (som `!!str`) används inte i naravards filer: skriv värdet utan tagg; "
        "text som börjar med ! måste stå inom citattecken.",
    ),
    (
        ("alphabetic or numeric character",),
        "Ankare och alias (`&namn`, `*namn`) används inte i naravards filer: text som börjar med & "
        "eller * måste stå inom citattecken.",
    ),
    (
        ("a comment or a line break",),
        "Efter värdet får bara en kommentar (`# …`) stå på samma rad.",
    ),
)

# Where the problem was met (libyaml's context), as a Swedish phrase for the fallback message.
_CONTEXTS: tuple[tuple[str, str], ...] = (
    ("quoted scalar", "i en text inom citattecken"),
    ("block scalar", "i ett textblock (efter `|` eller `>`)"),
    ("flow mapping", "i en `{…}`-mappning"),
    ("flow sequence", "i en `[…]`-lista"),
    ("flow level", "i en `[…]`-lista eller `{…}`-mappning"),
    ("block mapping", "bland nycklarna"),
    ("block collection", "i listan eller bland nycklarna"),
    ("simple key", "i en nyckel"),
    ("directive", "i ett direktiv"),
    ("tag", "i en tagg"),
    ("anchor", "i ett ankare"),
    ("alias", "i ett alias"),
)

_TAB = (
    "Tabbtecken får inte användas för indrag i YAML. Ersätt tabben med mellanslag "
    "(i Notepad++: Inställningar → Språk → Ersätt med mellanslag)."
)
_UNCLOSED = (
    "Ett citattecken öppnas här men stängs aldrig: lägg till det avslutande citattecknet i slutet av texten."
)
_VERSION = (
    "Direktivet `%YAML` anger en version som inte stöds. naravards filer har inga direktiv: ta bort raden."
)


def _mark(mark: Any) -> tuple[int, int] | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None


def _char_at(text: str, line: int, column: int) -> str:
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    index = start + column - 1
    return text[index] if 0 <= index < len(text) else ""


# Characters that look like a space in Word and in an editor but are not one to YAML.
LOOKS_LIKE_SPACE = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_SPACE_NAMES = {
    "\u00a0": "ett hårt mellanslag (U+00A0, ofta inklistrat från Word)",
    "\u202f": "ett smalt hårt mellanslag (U+202F)",
    "\u2007": "ett siffermellanslag (U+2007)",
    "\u3000": "ett brett mellanslag (U+3000)",
}
ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")
"""Characters with no width, from web pages and Word: invisible in an editor."""
ODD_INDENT = re.compile(f"^[ ]*([{LOOKS_LIKE_SPACE}]|{ZERO_WIDTH.pattern})")
ODD_AFTER_KEY = re.compile(f"^[ ]*(?:- )?[^\\s#:'\"{LOOKS_LIKE_SPACE}][^:#]*:([{LOOKS_LIKE_SPACE}])")
GLUED_KEY = re.compile(r"^[ ]*(?:- )?([a-z0-9][a-z0-9_-]*):(?=[^\s:/])")


def space_name(char: str) -> str:
    """A Swedish name for a character that looks like a space (or is a tab)."""
    if char == "\t":
        return "ett tabbtecken"
    if ZERO_WIDTH.fullmatch(char):
        return f"ett osynligt tecken utan bredd (U+{ord(char):04X})"
    return _SPACE_NAMES.get(char, f"ett ovanligt mellanslag (U+{ord(char):04X})")


def _slip(text: str, first: int, last: int) -> ParserProblem | None:
    """A typing slip on the lines where the parser lost its way, at the character the person typed.

    libyaml reports the line where it gave up, often the one after the slip: a key and value
    joined by a non-breaking space from Word (`fallskador-65:\u00a02840`) or with no space at all
    (`nara-for-alla:3`) read as one long key, so the error is the missing colon on the next line.
    The lines from where the parser's context began (or the line before) to the error are searched
    for such a slip, earliest first.
    """
    lines = text.split("\n")
    for number in range(max(min(first, last - 1), 1), last + 1):
        if number > len(lines):
            break
        line = lines[number - 1].rstrip("\r")
        for pattern in (ODD_INDENT, ODD_AFTER_KEY):
            match = pattern.match(line)
            if match:
                char = match.group(1)
                message = (
                    f"Här står {space_name(char)}, som inte syns men som YAML läser som text: "
                    "ta bort tecknet."
                    if ZERO_WIDTH.fullmatch(char)
                    else f"Här står {space_name(char)} i stället för ett vanligt mellanslag. YAML räknar "
                    "bara vanliga mellanslag: ta bort tecknet och skriv ett vanligt mellanslag."
                )
                return ParserProblem(YAML_SYNTAX.code, message, number, match.start(1) + 1)
        match = GLUED_KEY.match(line)
        if match and number < last:
            key = match.group(1)
            value = line[match.end() :].strip()
            return ParserProblem(
                YAML_SYNTAX.code,
                f"Efter kolonet måste det stå ett mellanslag: skriv `{key}: {value[:30]}`.",
                number,
                match.end(),
            )
    return None


_INLINE_VALUE = re.compile(r"^([ ]*)(?:- )?[^\s#:'\"][^:#]*: +[^\s#|>]")


def _dedented(text: str, last: int) -> ParserProblem | None:
    """`key: 3` with less indentation than the lines around it, which the parser finds a line late.

    The line left the section above it, so the next line, indented as before, no longer fits.
    """
    rows = text.split("\n")
    lines = [(n, line.rstrip("\r")) for n, line in enumerate(rows[: last - 1], start=1)]
    seen = [(n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")]
    if len(seen) < 2 or last > len(rows):
        return None
    (_, above), (number, line) = seen[-2], seen[-1]
    after = rows[last - 1]
    match = _INLINE_VALUE.match(line)
    indent = _indent_of(above)
    if match is None or not len(match.group(1)) < indent == _indent_of(after):
        return None
    return ParserProblem(
        YAML_SYNTAX.code,
        f"Raden har {len(match.group(1))} mellanslag i indraget men raderna runt den har {indent}, "
        "så den hamnar utanför avsnittet den står i. Skriv den med samma indrag som raden ovanför.",
        number,
        len(match.group(1)) + 1,
    )


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def classify(exc: yaml.YAMLError, text: str) -> ParserProblem:
    """The Swedish problem for a PyYAML error raised while parsing `text`."""
    if isinstance(exc, yaml.MarkedYAMLError):
        at = _mark(exc.problem_mark) or _mark(exc.context_mark) or (1, 1)
    else:  # a ReaderError has an index into the text, not a line
        position = getattr(exc, "position", 0) or 0
        at = (text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1)
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or "")
    context = str(getattr(exc, "context", None) or "")
    opened = _mark(getattr(exc, "context_mark", None))
    if "end of stream" in problem and "quoted scalar" in context and opened:
        return ParserProblem(YAML_SYNTAX.code, _UNCLOSED, *opened)
    if "incompatible YAML document" in problem:
        return ParserProblem(FORBIDDEN_YAML.code, _VERSION, *at)
    slip = _slip(text, (opened or at)[0], at[0]) or _dedented(text, at[0])
    if slip is not None:
        return slip
    if _char_at(text, *at) == "\t" or "tab" in problem.split():
        return ParserProblem(YAML_SYNTAX.code, _TAB, *at)
    for fragments, message in _PROBLEMS:
        if any(fragment in problem for fragment in fragments):
            return ParserProblem(YAML_SYNTAX.code, message, *at)
    where = next((swedish for key, swedish in _CONTEXTS if key in context), "")
    char = _char_at(text, *at)
    shown = f"tecknet `{char}`" if char.isprintable() and char not in "` " else "det som står här"
    message = f"YAML-filen kan inte läsas här{' ' + where if where else ''}: {shown} passar inte in."
    return ParserProblem(YAML_SYNTAX.code, message, *at)


__all__ = ["ParserProblem", "classify"]
