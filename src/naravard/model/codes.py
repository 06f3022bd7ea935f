"""The codes the schema check (model/messages.py) emits, each with its docs (collected by naravard.codes)."""

from __future__ import annotations

from naravard.findings import Code

WRONG_TYPE = Code(
    "NV101",
    "wrong-type",
    "Värdet har fel typ",
    doc="""
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
    fixes=(
        "`naravard fix` sätter ett tal där det ska stå text inom citattecken (`kod: 2080` → "
        '`kod: "2080"`), ett enda värde där det ska stå en lista inom hakparenteser '
        "(`kommuner: falun` → `kommuner: [falun]`) och skriver en hel skattning utan decimaler (`3.0` → `3`)."
    ),
)

MISSING_KEY = Code(
    "NV102",
    "missing-key",
    "Obligatorisk nyckel saknas",
    doc="""
En nyckel som formatet kräver saknas. Positionen är raden för avsnittet där
nyckeln ska stå (för nycklar på översta nivån: filens första nyckel).

Fel: en aktivitet i den lokala planen utan `ansvarig`. Varje aktivitet ska svara
på vad, hur, när, vem som ansvarar och hur den följs upp.

Så rättar du: lägg till nyckeln. Ett svar som inte är klart kan lämnas tomt för
stunden (`ansvarig:`); lint varnar för det.
""",
)

UNKNOWN_KEY = Code(
    "NV103",
    "unknown-key",
    "Okänd nyckel",
    doc="""
En nyckel som formatet inte har, oftast en felstavning. Meddelandet föreslår
den närmaste kända nyckeln och räknar upp de tillåtna.

Fel:

```yaml
sjalvskatning:
```

Så rättar du: stava som formatet (`sjalvskattning`). Nycklar skrivs utan å, ä och ö.
""",
    fixes="`naravard fix` byter en felstavad nyckel mot den föreslagna när det finns exakt ett förslag.",
)

INVALID_VALUE = Code(
    "NV104",
    "invalid-value",
    "Värdet är inte tillåtet",
    doc="""
Värdet är inte ett av de tillåtna (t.ex. status `klar` i stället för `genomford`),
ligger utanför tillåtet intervall, eller är en tom lista där minst ett värde krävs.

Så rättar du: välj ett av värdena som meddelandet räknar upp.
""",
    fixes="`naravard fix` byter ett felstavat värde mot det föreslagna när det finns exakt ett förslag.",
)

INVALID_NUMBER = Code(
    "NV105",
    "invalid-number",
    "Talet är skrivet fel",
    doc="""
Ett tal ska skrivas med siffror och decimalpunkt, utan mellanslag och enhet.
`52,1`, `1 234`, `12 %`, `.inf` och `.nan` är inte tal här.

Fel:

```yaml
fast-lakarkontakt: 43,2
```

Så rättar du: `fast-lakarkontakt: 43.2`, eller `null` om värdet inte är känt.
""",
    fixes=(
        "`naravard fix` skriver talet som det var menat: decimalpunkt i stället för komma "
        "(`52,1` → `52.1`, också inom klamrar), utan mellanslag mellan tusentalen (`2 840` → `2840`), "
        'utan citattecken (`"3"` → `3`) och utan osynliga tecken; en skattning i ord blir en siffra '
        "(`tre` → `3`)."
    ),
)

INVALID_DATE = Code(
    "NV106",
    "invalid-date",
    "Datumet eller tidpunkten är skriven fel",
    doc="""
Datum skrivs `ÅÅÅÅ-MM-DD` och ska finnas i kalendern (inte 2024-02-30). En
aktivitets `nar.start` och `nar.slut` får också vara ett år (`2024`) eller en
månad (`2024-09`).

Så rättar du: skriv datumet som i exemplet.
""",
    fixes="`naravard fix` skriver ett datum med året först i rätt form (`2025-2-7` → `2025-02-07`).",
)

INVALID_ID = Code(
    "NV107",
    "invalid-id",
    "Id:t har fel form",
    doc="""
Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä, ö och
mellanslag, eftersom andra filer och rapporter hänvisar till det.

Fel: `id: Mobilt team`, `id: hälsocafé`.

Så rättar du: `id: mobilt-team`, `id: halsocafe`.
""",
    fixes="`naravard fix` skriver ett id med versaler med små bokstäver (`Ludvika` → `ludvika`).",
)

CODES = (WRONG_TYPE, MISSING_KEY, UNKNOWN_KEY, INVALID_VALUE, INVALID_NUMBER, INVALID_DATE, INVALID_ID)
