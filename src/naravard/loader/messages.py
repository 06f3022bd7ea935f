"""The YAML parser's English problems, said in Swedish for a person who edits by hand."""

from __future__ import annotations

from typing import Any

# (fragment of libyaml's problem text, what we say instead). First match wins.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "tab",
        "Tabbtecken får inte användas för indrag i YAML. Ersätt tabben med mellanslag "
        "(i Notepad++: Inställningar → Språk → Ersätt med mellanslag).",
    ),
    (
        "mapping values are not allowed",
        "Ett kolon följt av mellanslag står mitt i ett värde, eller så är indraget fel. "
        'Sätt texten inom citattecken ("…") om den innehåller ": ".',
    ),
    (
        "could not find expected ':'",
        "Här väntades ett kolon efter en nyckel. Kontrollera att raden har formen "
        "`nyckel: värde` och att ett citattecken inte saknas.",
    ),
    (
        "did not find expected key",
        "Raden passar inte in i strukturen: indraget (mellanslagen i början av raden) "
        "stämmer inte med raderna ovanför.",
    ),
    (
        "did not find expected '-' indicator",
        "Raden passar inte in i listan ovanför: kontrollera indraget och att varje "
        "listpunkt börjar med `- `.",
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i ett värde: ett citattecken eller en klammer avslutas aldrig.",
    ),
    (
        "did not find expected ',' or '}'",
        "En `{`-mappning avslutas inte rätt: skilj paren med kommatecken och avsluta med `}`.",
    ),
    (
        "did not find expected ',' or ']'",
        "En `[`-lista avslutas inte rätt: skilj värdena med kommatecken och avsluta med `]`.",
    ),
    (
        "found character that cannot start any token",
        "Ett tecken här kan inte inleda ett värde (till exempel @ eller `). "
        'Sätt värdet inom citattecken ("…").',
    ),
    (
        "found unknown escape character",
        "En okänd escape-sekvens med \\ inom \"…\". Använd enkla citattecken ('…') "
        "eller skriv \\\\ för ett omvänt snedstreck.",
    ),
    (
        "did not find expected node content",
        "Här saknas ett värde, eller så står ett tecken på fel plats.",
    ),
    (
        "block sequence entries are not allowed",
        "En listpunkt (`- `) står där ett värde väntades: kontrollera indraget.",
    ),
    (
        "expected <document start>",
        "Något står efter slutet av dokumentet: kontrollera indraget på den här raden.",
    ),
    (
        "incompatible YAML document",
        "Direktivet `%YAML` anger en version som inte stöds. naravards filer har inga direktiv: "
        "ta bort raden.",
    ),
    (
        "control characters are not allowed",
        "Filen innehåller ett osynligt styrtecken som inte får finnas i en textfil.",
    ),
)


def parser_message(exc: Any) -> str:
    """A Swedish message for a PyYAML error; the original problem follows for reference."""
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc)
    for fragment, message in _PROBLEMS:
        if fragment in problem:
            return message
    original = problem.replace("\n", " ")[:120]
    return f"YAML-filen kan inte läsas här ({original})."


def parser_code(exc: Any) -> str:
    """NV005 for a directive the parser refuses, NV001 for everything else."""
    problem = str(getattr(exc, "problem", None) or "")
    return "NV005" if "incompatible YAML document" in problem else "NV001"
