"""Ett personnummer eller samordningsnummer står i en fil.

Planer och uppföljningar skrivs av personer som arbetar med patienter, och ett
personnummer som klistras in från journalen ("SIP för 19121212-1212 klar") hamnar
annars i årsrapporten som publiceras, i exporten som skickas runt och i git-historiken.
Enligt IMY ska personnummer inte exponeras. naravard letar därför i varje text, i
kommentarer och i varje sorts fil (planer, uppföljningar, handlingsplaner, strategin,
nyckeltal från Kolada och skälen i naravard.yaml) efter personnummer och
samordningsnummer (dagen + 60): 10 eller 12 siffror, med `-`, `+` eller utan
skiljetecken, som klarar kontrollsiffran och är ett datum som har varit. Numret
visas aldrig helt: i meddelandet står det som `121212-****`, och det gäller allt som
naravard skriver. Så länge ett sådant fel finns skriver `naravard report` och
`naravard export` ingenting.

Datum (`2024-02-14`), diarienummer (`KS 2024/00386`), kommunkoder, belopp
(`1 234 567`), telefonnummer som `070-123 45 67` och tiosiffriga tal som inte
klarar kontrollsiffran eller datumet räknas inte. Ett tiosiffrigt nummer som börjar
med 0 och står efter "tel", "mobil", "ring" eller liknande är ett telefonnummer.

Godkänt (data/kommuner/borlange/uppfoljning-2024.yaml):

```yaml
    resultat: Startade i augusti, 14 SIP under hösten.
```

Fel (NV217): Skatteverkets testnummer, som står för vem som helst:

```yaml
    resultat: Startade i augusti, 14 SIP under hösten, en av dem för 19121212-1212.
```

Felet kan inte undantas. Så rättar du: ta bort numret och skriv om texten så att
ingen person kan kännas igen ("en brukare"). Har numret redan checkats in finns det
kvar i git-historiken: `naravard validate --rev main..HEAD` visar var, och README
beskriver hur historiken rensas.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from naravard.findings import Finding, Location
from naravard.loader import SourceDocument
from naravard.loader.personal import NumberAt
from naravard.rules.base import Context, Rule


def message(number: NumberAt) -> str:
    """What is said about a number: never the number itself."""
    return (
        f"Texten innehåller ett {number.kind} ({number.masked}). Personnummer och samordningsnummer "
        "får inte stå i planer och uppföljningar: filerna sparas i git och texterna hamnar i rapporten "
        'och exporten. Ta bort numret och skriv om texten (t.ex. "en brukare"); har det redan '
        "checkats in, rensa git-historiken (se README, Personuppgifter)."
    )


def check(ctx: Context) -> Iterator[Finding]:
    """No file the repository reads holds a personnummer or samordningsnummer."""
    repo = ctx.repo
    docs = [repo.config_doc] if repo.config_doc is not None else []
    today = date.today()  # the day privacy.mask judges by, so what is found is also what is masked
    for doc in [*docs, *repo.documents]:
        yield from check_document(doc, today)


def check_document(doc: SourceDocument, today: date) -> Iterator[Finding]:
    """Every identity number in one file, where it stands in the file's text (the loader found them)."""
    seen = set()
    for number in doc.personal.numbers:
        if number.counts_on(today):
            seen.add(number.number)
            yield RULE.at(Location(doc.rel, number.line, number.column), message(number))
    # An escape in a double-quoted text (`"\x38…"`, a `\` at the end of a line) can make a number
    # of the value that the file's text does not show: it is found in the values, at the start of
    # the text that holds it.
    for number in doc.personal.escaped:
        if number.counts_on(today) and number.number not in seen:
            seen.add(number.number)
            yield RULE.at(Location(doc.rel, number.line, number.column), message(number))


RULE = Rule(
    "NV217",
    "personal-identity-number",
    "Ett personnummer eller samordningsnummer i texten",
    check=check,
)
