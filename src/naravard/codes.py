"""Every diagnostic code with its documentation; `python -m naravard.codes FILE` writes docs/rules.md.

Load (NV0xx) and schema (NV1xx) codes are described here; rule codes (NV2xx)
are documented by their rule module's docstring. A test fails when the
committed docs differ from what this module writes.
"""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass
from pathlib import Path

from naravard.findings import Severity
from naravard.rules import ALL_RULES


@dataclass(frozen=True)
class Code:
    """A diagnostic code: id, kebab-case name, one-line summary and Markdown documentation."""

    code: str
    name: str
    summary: str
    doc: str
    severity: Severity = Severity.ERROR


LOAD_AND_SCHEMA: tuple[Code, ...] = (
    Code(
        "NV001",
        "yaml-syntax",
        "Filen är inte giltig YAML",
        """
YAML-tolken kan inte läsa filen: ofta fel indrag, en tabb i stället för mellanslag,
ett kolon mitt i en text eller ett citattecken som aldrig avslutas. Positionen är
där tolken märkte felet; orsaken står ibland på raden ovanför.

Fel:

```yaml
reflektion:
	lardomar: Tabb i stället för mellanslag
titel: Möte: kl 10
```

Så rättar du: använd mellanslag för indrag och sätt text med `: ` inom citattecken
(`titel: "Möte: kl 10"`).
""",
    ),
    Code(
        "NV002",
        "encoding",
        "Filen är inte UTF-8",
        """
Filerna ska sparas som UTF-8 (med eller utan BOM, med LF- eller CRLF-radslut).
En fil sparad som Windows-1252 ("ANSI"), UTF-16 ("Unicode") eller UTF-32 kan
inte läsas säkert: å, ä och ö skulle bli fel. Osynliga styrtecken (t.ex. NUL) är
inte heller tillåtna.

Så rättar du: i Notepad++ Koda → Konvertera till UTF-8; i VS Code klicka på
kodningen nere till höger → Spara med kodning → UTF-8.
""",
    ),
    Code(
        "NV003",
        "empty-file",
        "Filen är tom",
        """
Filen innehåller inget (eller bara kommentarer).

Så rättar du: fyll i filen, eller ta bort den.
""",
    ),
    Code(
        "NV004",
        "duplicate-key",
        "Nyckeln finns redan",
        """
Samma nyckel står två gånger i samma avsnitt (även om den ena är skriven med
en annan Unicode-form av å, ä eller ö). Det ena värdet skulle tyst försvinna.

Fel:

```yaml
sjalvskattning:
  nara-for-mig: 2
  nara-for-mig: 3
```

Så rättar du: ta bort eller slå ihop den ena.
""",
    ),
    Code(
        "NV005",
        "forbidden-yaml",
        "YAML-funktionen används inte i naravard",
        """
Taggar (`!!python/...`, `!include`, `!!binary`), ankare (`&namn`), alias (`*namn`),
sammanslagningsnycklar (`<<`) och direktiv (`%YAML`) är inte tillåtna: de gör
filen svår att läsa för en människa och kan användas för att lura program.

Så rättar du: skriv ut värdena där de behövs. Text som börjar med `!`, `&` eller
`*` sätts inom citattecken.
""",
    ),
    Code(
        "NV006",
        "multiple-documents",
        "Flera dokument i en fil",
        """
En fil innehåller flera YAML-dokument avdelade med `---`. Varje fil ska ha ett.

Så rättar du: dela upp filen, eller ta bort raden `---`.
""",
    ),
    Code(
        "NV007",
        "too-deep",
        "Strukturen är för djupt nästlad",
        """
Filen nästlar mappningar och listor i fler nivåer än något naravard-format har.

Så rättar du: kontrollera indraget; det riktiga formatet har högst ett fåtal nivåer.
""",
    ),
    Code(
        "NV009",
        "unreadable-file",
        "Filen kan inte läsas",
        """
Filen är ingen vanlig fil (utan t.ex. en symbolisk länk ut ur repositoriet, en
enhet eller en pipe), är för stor (över 2 MB, eller fler än 50 000 nycklar och
värden) eller kan inte öppnas. I `diff --rev` gäller samma gränser för filerna i
en git-version.

Så rättar du: checka in själva filen i stället för en länk, och kontrollera att
rätt fil har sparats.
""",
    ),
    Code(
        "NV010",
        "unknown-file",
        "Filnamnet känns inte igen",
        """
En YAML-fil under data/ har ett namn som naravard inte känner igen, och
kontrolleras därför inte. Filerna heter `strategi.yaml`, `handlingsplan-ÅÅÅÅ.yaml`,
`nyckeltal-ÅÅÅÅ.yaml` (i data/region/) och `lokal-plan.yaml`,
`uppfoljning-ÅÅÅÅ.yaml` (i data/kommuner/<kommun>/).

Fel: `data/kommuner/falun/uppföljning-2024.yaml` (med ö), `uppfoljning-2024.yml`.

Så rättar du: byt namn på filen; meddelandet föreslår det närmaste namnet.
""",
    ),
    Code(
        "NV101",
        "wrong-type",
        "Värdet har fel typ",
        """
Här ska det stå något annat: en text, ett tal, en lista eller en mappning.
naravard gissar inte: `NO` är text, inte "falskt", och ett tal där det ska stå
text måste stå inom citattecken.

Fel:

```yaml
kommuner: falun        # ska vara en lista: [falun]
kod: 2080              # ska vara text: "2080"
```

Så rättar du: skriv värdet i den form som meddelandet anger.
""",
    ),
    Code(
        "NV102",
        "missing-key",
        "Obligatorisk nyckel saknas",
        """
En nyckel som formatet kräver saknas. Positionen är raden för avsnittet där
nyckeln ska stå (för nycklar på översta nivån: filens första nyckel).

Fel: en aktivitet i den lokala planen utan `ansvarig`. Varje aktivitet ska svara
på vad, hur, när, vem som ansvarar och hur den följs upp.

Så rättar du: lägg till nyckeln. Ett svar som inte är klart kan lämnas tomt för
stunden (`ansvarig:`); lint varnar för det.
""",
    ),
    Code(
        "NV103",
        "unknown-key",
        "Okänd nyckel",
        """
En nyckel som formatet inte har, oftast en felstavning. Meddelandet föreslår
den närmaste kända nyckeln och räknar upp de tillåtna.

Fel:

```yaml
sjalvskatning:
```

Så rättar du: stava som formatet (`sjalvskattning`). Nycklar skrivs utan å, ä och ö.
""",
    ),
    Code(
        "NV104",
        "invalid-value",
        "Värdet är inte tillåtet",
        """
Värdet är inte ett av de tillåtna (t.ex. status `klar` i stället för `genomford`),
ligger utanför tillåtet intervall, eller är en tom lista där minst ett värde krävs.

Så rättar du: välj ett av värdena som meddelandet räknar upp.
""",
    ),
    Code(
        "NV105",
        "invalid-number",
        "Talet är skrivet fel",
        """
Ett tal ska skrivas med siffror och decimalpunkt, utan mellanslag och enhet.
`52,1`, `1 234`, `12 %`, `.inf` och `.nan` är inte tal här.

Fel:

```yaml
fast-lakarkontakt: 43,2
```

Så rättar du: `fast-lakarkontakt: 43.2`, eller `null` om värdet inte är känt.
""",
    ),
    Code(
        "NV106",
        "invalid-date",
        "Datumet eller tidpunkten är skriven fel",
        """
Datum skrivs `ÅÅÅÅ-MM-DD` och ska finnas i kalendern (inte 2024-02-30). En
aktivitets `nar.start` och `nar.slut` får också vara ett år (`2024`) eller en
månad (`2024-09`).

Så rättar du: skriv datumet som i exemplet.
""",
    ),
    Code(
        "NV107",
        "invalid-id",
        "Id:t har fel form",
        """
Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä, ö och
mellanslag, eftersom andra filer och rapporter hänvisar till det.

Fel: `id: Mobilt team`, `id: hälsocafé`.

Så rättar du: `id: mobilt-team`, `id: halsocafe`.
""",
    ),
)


def all_codes() -> list[Code]:
    """Every code: load and schema codes, then one per rule."""
    codes = list(LOAD_AND_SCHEMA)
    for module in ALL_RULES:
        rule = module.RULE
        doc = inspect.getdoc(module) or ""
        codes.append(Code(rule.code, rule.name, rule.summary, doc, rule.severity))
    return codes


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
        "NV3xx är varningar från granskningen (`naravard lint`): sådant som bör ses över men inte",
        "hindrar. De ger exit 1 bara med `--strict`. En varning kan undantas på raden eller raden",
        "ovanför med `# naravard: ignore[NV301]`, eller i `naravard.yaml` i repositoriets rot:",
        "",
        "```yaml",
        "regler:",
        "  av: [NV305]                  # regler som inte används",
        "  nyckeltal_max_andring: 0.5   # NV307: största tillåtna ändring på ett år (0.5 = 50 %)",
        "undantag:",
        "  - regel: NV309",
        "    fil: data/kommuner/ludvika  # valfritt: fil eller mapp",
        "    skal: Ludvika redovisar fler nyckeltal från 2025.",
        "    ansvarig: Nära vård-samordnare, Ludvika kommun",
        "    galler_till: 2025-12-31     # därefter visas varningen igen",
        "```",
        "",
        "| kod | namn | typ | betydelse |",
        "|---|---|---|---|",
    ]
    codes = all_codes()
    lines += [
        f"| [{c.code}](#{c.code.lower()}) | {c.name} | {c.severity.swedish} | {c.summary} |" for c in codes
    ]
    for c in codes:
        lines += [
            "",
            f"## {c.code}",
            "",
            f"**{c.name}** ({c.severity.swedish}) — {c.summary}.",
            "",
            c.doc.strip(),
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(render_docs(), encoding="utf-8")
