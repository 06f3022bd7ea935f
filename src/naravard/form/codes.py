"""The diagnostic codes of `naravard form --read` (NV4xx), with their documentation.

A problem in a form is located at its sheet and cell: the file is the .xlsx, the line
and column are the cell's row and column number, and the message starts with the
cell's name (`Självskattning!E4: …`). When the follow-up that the form would write does
not pass validate, those findings keep their own codes (NV1xx, NV2xx) and are located
at the cell the value came from.
"""

from __future__ import annotations

from naravard.findings import Code

NOT_A_FORM = "NV401"
STRUCTURE = "NV402"
VALUE = "NV403"
FORMULA = "NV404"
CONFLICT = "NV405"

FORM_CODES: tuple[Code, ...] = (
    Code(
        NOT_A_FORM,
        "form-unreadable",
        "Filen är inget formulär som naravard kan läsa",
        doc="""
Filen kan inte öppnas som en Excel-arbetsbok (.xlsx), eller den har inte skapats med
`naravard form`, eller dess dolda blad `naravard` saknas.

Så rättar du: spara formuläret som Excel-arbetsbok (.xlsx), inte som .xls eller .ods.
Skapa ett nytt formulär med `naravard form ÅR --kommun KOMMUN` om det behövs.
""",
    ),
    Code(
        STRUCTURE,
        "form-structure-changed",
        "Formulärets uppställning har ändrats",
        doc="""
Ett blad har bytt namn eller saknas, en rubrik har ändrats, rader har flyttats,
sorterats, lagts till eller tagits bort, ett dolt id i kolumn A har ändrats, eller de
dolda uppgifterna i bladet `naravard` stämmer inte längre. Då går det inte att veta
säkert vilken cell som hör till vilket svar, så inget läses in.

Fel: raderna på bladet Nyckeltal har sorterats i bokstavsordning.

Så rättar du: ångra ändringen, eller skriv över svaren i ett nytt formulär
(`naravard form ÅR --kommun KOMMUN`). Bladen är skyddade (utan lösenord) just för att
det här inte ska hända av misstag.
""",
    ),
    Code(
        VALUE,
        "form-value",
        "Värdet i cellen passar inte",
        doc="""
Cellen har ett värde som inte kan läsas in: en text där en skattning eller ett tal ska
stå, en skattning utanför skalan, en status som inte finns i listan, eller ett tal som
är sparat som text (cellen är formaterad som text, eller talet klistrades in).

Fel: `3,5` i en skattning (ett heltal 1–4 väntades), `52,1` sparat som text i ett
nyckeltal, en tom skattning där uppföljningen redan har en.

Så rättar du: välj i listan, eller skriv talet på nytt i cellen. Står det kvar som
text: markera cellen, välj Format celler → Tal och skriv talet igen.
""",
    ),
    Code(
        FORMULA,
        "form-formula",
        "En formel i stället för ett värde",
        doc="""
En cell som ska fyllas i innehåller en formel (den börjar med `=`). Resultatet som
kalkylprogrammet har sparat läses inte in: det kan vara inaktuellt, och formeln
säger inte själv vad värdet är.

Så rättar du: skriv värdet i cellen (kopiera och klistra in som värde).
""",
    ),
    Code(
        CONFLICT,
        "form-conflict",
        "Uppföljningen har ändrats sedan formuläret skapades",
        doc="""
Både formuläret och uppföljningsfilen har ändrat samma värde, till olika saker, sedan
formuläret skapades. naravard väljer inte åt dig.

Så rättar du: bestäm vilket värde som gäller. Skriv det i cellen och läs in igen, eller
skapa ett nytt formulär från filen som den är nu.
""",
    ),
)
