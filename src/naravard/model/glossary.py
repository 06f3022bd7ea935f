"""Swedish titles for the ASCII keys of the format (shown on hover in the editor, and in the README)."""

from __future__ import annotations

from typing import Any

GLOSSARY: dict[str, str] = {
    "aktiviteter": "Aktiviteter",
    "ansvarig": "Ansvarig",
    "antagen": "Antagen",
    "ar": "År",
    "bedomning": "Bedömning",
    "beskrivning": "Beskrivning",
    "beslutad": "Beslutad",
    "beslutad_av": "Beslutad av",
    "delmal": "Delmål",
    "diarienummer": "Diarienummer",
    "enhet": "Enhet",
    "etiketter": "Etiketter",
    "framgangsfaktorer": "Framgångsfaktorer",
    "fran": "Från",
    "giltig_from": "Giltig från",
    "giltig_tom": "Giltig till och med",
    "hur": "Hur",
    "id": "Id",
    "inlamnad": "Inlämnad",
    "kalla": "Källa",
    "kod": "Kommunkod",
    "kolada": "Kolada-id",
    "kommentar": "Kommentar",
    "kommun": "Kommun",
    "kommuner": "Kommuner",
    "lanskod": "Länskod",
    "lardomar": "Lärdomar",
    "malbild": "Målbild",
    "malgrupp": "Målgrupp",
    "max": "Högsta värde",
    "min": "Lägsta värde",
    "namn": "Namn",
    "nar": "När",
    "nyckeltal": "Nyckeltal",
    "parter": "Parter",
    "period": "Period",
    "principer": "Principer för samverkan",
    "prioritering": "Prioritering",
    "prioriteringar": "Prioriteringar",
    "reflektion": "Reflektion",
    "region": "Region",
    "resultat": "Resultat",
    "riktning": "Riktning",
    "sjalvskattning": "Självskattning",
    "skala": "Skala",
    "skattningsfraga": "Skattningsfråga",
    "slut": "Slut",
    "start": "Start",
    "status": "Status",
    "strategi": "Strategi",
    "till": "Till",
    "titel": "Titel",
    "uppfoljning": "Uppföljning",
    "utmaningar": "Utmaningar",
    "vad": "Vad",
    "varde": "Värde",
}


def title_for(name: str, _info: Any = None) -> str:
    """The Swedish title of a key."""
    return GLOSSARY.get(name, name)
