"""The Swedish words for the format's fixed values (status, enhet, riktning), in one place.

Files hold ASCII ids (`pagaende`, `per-1000-invanare`); people read these words.
"""

from __future__ import annotations

STATUS: dict[str, str] = {
    "planerad": "planerad",
    "pagaende": "pågående",
    "genomford": "genomförd",
    "pausad": "pausad",
    "avbruten": "avbruten",
}

ORSAK: dict[str, str] = {
    "bortfall": "bortfall",
    "ej-tillampligt": "ej tillämpligt",
    "sekretess": "sekretess",
}

UNIT: dict[str, str] = {
    "procent": "procent",
    "andel": "andel (0–1)",
    "antal": "antal",
    "index": "index",
    "kronor": "kronor",
    "dagar": "dagar",
    "per-1000-invanare": "per 1 000 invånare",
    "per-100000-invanare": "per 100 000 invånare",
}

# Short forms for a column header after the nyckeltal's name: "Fast vårdkontakt (%)".
UNIT_SHORT: dict[str, str] = {**UNIT, "procent": "%", "andel": "andel", "kronor": "kr"}

RIKTNING: dict[str, str] = {
    "hogre": "högre är bättre",
    "lagre": "lägre är bättre",
    "neutral": "varken högre eller lägre är bättre",
}
