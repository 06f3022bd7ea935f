"""The codes the loader emits, each with its documentation (collected by naravard.codes)."""

from __future__ import annotations

from naravard.findings import Code

YAML_SYNTAX = Code(
    "NV001",
    "yaml-syntax",
    "Filen är inte giltig YAML",
    doc="""
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
    fixes=(
        "`naravard fix` byter en tabb i indraget mot mellanslag när bara ett indrag går att läsa, "
        "ett hårt mellanslag (U+00A0) mot ett vanligt, tar bort osynliga tecken i indraget och "
        "sätter mellanslag efter kolonet i `nyckel:3`."
    ),
)

ENCODING = Code(
    "NV002",
    "encoding",
    "Filen är inte UTF-8",
    doc="""
Filerna ska sparas som UTF-8 (med eller utan BOM, med LF- eller CRLF-radslut).
En fil sparad som Windows-1252 ("ANSI"), UTF-16 ("Unicode") eller UTF-32 kan
inte läsas säkert: å, ä och ö skulle bli fel. Osynliga styrtecken (t.ex. NUL) är
inte heller tillåtna.

Så rättar du: i Notepad++ Koda → Konvertera till UTF-8; i VS Code klicka på
kodningen nere till höger → Spara med kodning → UTF-8.
""",
    fixes="`naravard fix --koda-om` skriver om en fil sparad som Windows-1252 eller UTF-16 som UTF-8.",
)

EMPTY_FILE = Code(
    "NV003",
    "empty-file",
    "Filen är tom",
    doc="""
Filen innehåller inget (eller bara kommentarer).

Så rättar du: fyll i filen, eller ta bort den.
""",
)

DUPLICATE_KEY = Code(
    "NV004",
    "duplicate-key",
    "Nyckeln finns redan",
    doc="""
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
)

FORBIDDEN_YAML = Code(
    "NV005",
    "forbidden-yaml",
    "YAML-funktionen används inte i naravard",
    doc="""
Taggar (`!!python/...`, `!include`, `!!binary`), ankare (`&namn`), alias (`*namn`),
sammanslagningsnycklar (`<<`) och direktiv (`%YAML`) är inte tillåtna: de gör
filen svår att läsa för en människa och kan användas för att lura program.

Så rättar du: skriv ut värdena där de behövs. Text som börjar med `!`, `&` eller
`*` sätts inom citattecken.
""",
)

MULTIPLE_DOCUMENTS = Code(
    "NV006",
    "multiple-documents",
    "Flera dokument i en fil",
    doc="""
En fil innehåller flera YAML-dokument avdelade med `---`. Varje fil ska ha ett.

Så rättar du: dela upp filen, eller ta bort raden `---`.
""",
)

TOO_DEEP = Code(
    "NV007",
    "too-deep",
    "Strukturen är för djupt nästlad",
    doc="""
Filen nästlar mappningar och listor i fler nivåer än något naravard-format har.

Så rättar du: kontrollera indraget; det riktiga formatet har högst ett fåtal nivåer.
""",
)

UNREADABLE_FILE = Code(
    "NV009",
    "unreadable-file",
    "Filen kan inte läsas",
    doc="""
Filen är ingen vanlig fil (utan t.ex. en symbolisk länk ut ur repositoriet, en
enhet eller en pipe), är för stor (över 2 MB, eller fler än 50 000 nycklar och
värden) eller kan inte öppnas. I `diff --rev` gäller samma gränser för filerna i
en git-version.

Så rättar du: checka in själva filen i stället för en länk, och kontrollera att
rätt fil har sparats.
""",
)

CODES = (
    YAML_SYNTAX,
    ENCODING,
    EMPTY_FILE,
    DUPLICATE_KEY,
    FORBIDDEN_YAML,
    MULTIPLE_DOCUMENTS,
    TOO_DEEP,
    UNREADABLE_FILE,
)
