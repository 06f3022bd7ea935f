"""Every diagnostic code, from where it is defined; `python -m naravard.codes FILE` writes docs/rules.md.

Each code is a constant beside the code that emits it, with its documentation:
load codes (NV0xx) in naravard.loader.codes (and NV010 in naravard.repository),
schema codes (NV1xx) in naravard.model.codes, rule codes (NV2xx, NV3xx) in their
rule module (its docstring). A test fails when the committed docs differ from what
this module writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from naravard.analysis import ANALYSIS_HEADING
from naravard.findings import Code
from naravard.form.codes import FORM_CODES
from naravard.loader.codes import CODES as LOADER_CODES
from naravard.model.codes import CODES as SCHEMA_CODES
from naravard.repository import UNKNOWN_FILE
from naravard.rules import ALL_RULES, Rule
from naravard.rules.unused_waiver import UNUSED_WAIVER

ALL_CODES: tuple[Code, ...] = tuple(
    sorted(
        (
            *LOADER_CODES,
            UNKNOWN_FILE,
            *SCHEMA_CODES,
            *ALL_RULES,
            ANALYSIS_HEADING,
            UNUSED_WAIVER,
            *FORM_CODES,
        ),
        key=lambda c: c.code,
    )
)
"""Every code naravard emits, in code order: one registry, each entry defined beside its emitter."""

RULES: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}


def all_codes() -> list[Code]:
    """Every code: load and schema codes, then one per rule."""
    return list(ALL_CODES)


def _options(code: Code) -> list[str]:
    rule = RULES.get(code.code)
    if rule is None or not rule.options:
        return []
    lines = ["", "Inställningar under `regler:` i naravard.yaml:", ""]
    for option in rule.options:
        lines.append(f"- `{option.key}` (förval `{option.default}`): {option.summary}")
    return lines


def _fixes(code: Code) -> list[str]:
    return ["", f"Rättas av `naravard fix`: {code.fixes}"] if code.fixes else []


def render_docs() -> str:
    """docs/rules.md: every code with its meaning, an example and how to fix it."""
    lines = [
        "# Diagnoskoder och regler",
        "",
        "<!-- Genererad av `make docs` (python -m naravard.codes) från koden. Ändra inte för hand. -->",
        "",
        "Varje fel och varning som naravard visar har en kod. Koderna ändras aldrig; en kod som",
        "tas bort används inte igen. NV0xx: filen kan inte läsas. NV1xx: filen följer inte",
        "formatet. NV2xx: innehållet stämmer inte med strategin eller med andra filer. Dessa är",
        "fel: `naravard validate` och `naravard lint` avslutas med 1.",
        "",
        "NV4xx gäller formulär i Excel som läses in med `naravard form --read`.",
        "",
        "NV3xx är varningar från granskningen (`naravard lint`): sådant som bör ses över men inte",
        "hindrar. De ger exit 1 bara med `--strict`. En varning kan undantas på raden eller raden",
        "ovanför med `# naravard: ignore[NV301]`, eller i `naravard.yaml` i repositoriets rot:",
        "",
        "```yaml",
        "regler:",
        "  av: [NV305]                  # regler som inte används",
        "  nyckeltal_max_andring: 0.5   # NV307: största tillåtna ändring på ett år (0.5 = 50 %)",
        "  nyckeltal_max_andring_procentenheter: 10   # NV307 för procent och andel (i p.e.)",
        "undantag:",
        "  - regel: NV309",
        "    fil: data/kommuner/ludvika  # valfritt: fil eller mapp",
        "    skal: Ludvika redovisar fler nyckeltal från 2025.",
        "    ansvarig: Nära vård-samordnare, Ludvika kommun",
        "    galler_till: 2025-12-31     # därefter visas varningen igen",
        "```",
        "",
        "`naravard fix` rättar det som går utan att gissa; kolumnen fix säger vilka koder det gäller.",
        "",
        "| kod | namn | typ | fix | betydelse |",
        "|---|---|---|---|---|",
    ]
    codes = all_codes()
    lines += [
        f"| [{c.code}](#{c.code.lower()}) | {c.name} | {c.severity.swedish} | {'ja' if c.fixes else ''} "
        f"| {c.summary} |"
        for c in codes
    ]
    for c in codes:
        lines += [
            "",
            f"## {c.code}",
            "",
            f"**{c.name}** ({c.severity.swedish}) — {c.summary}.",
            "",
            c.doc.strip(),
            *_options(c),
            *_fixes(c),
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(render_docs(), encoding="utf-8")
