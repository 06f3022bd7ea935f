"""Free text between two follow-ups: which texts were rewritten, and a short word diff of each."""

from __future__ import annotations

from difflib import SequenceMatcher

from naravard.diff.changes import TextChange
from naravard.model.followup import Uppfoljning

REFLECTION = {
    "lardomar": "lärdomar",
    "framgangsfaktorer": "framgångsfaktorer",
    "utmaningar": "utmaningar",
    "bedomning": "bedömning",
}
_SHOWN = 3  # changes shown per text
_WIDTH = 40  # characters of one side of a change


def _quote(words: list[str]) -> str:
    text = " ".join(words)
    return f"„{text if len(text) <= _WIDTH else text[: _WIDTH - 1] + '…'}“"


def word_diff(old: str, new: str) -> str:
    """What changed, word by word: `„Tio“ → „Tolv“; +„och kaffe“; −„i Orsa“` (at most three changes)."""
    a, b = old.split(), new.split()
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "replace":
            parts.append(f"{_quote(a[i1:i2])} → {_quote(b[j1:j2])}")
        elif tag == "delete":
            parts.append(f"−{_quote(a[i1:i2])}")
        elif tag == "insert":
            parts.append(f"+{_quote(b[j1:j2])}")
    if not parts:
        return "bara mellanrum och radbrytningar"
    more = len(parts) - _SHOWN
    return "; ".join(parts[:_SHOWN]) + (f" och {more} ändringar till" if more > 0 else "")


def text_changes(old: Uppfoljning, new: Uppfoljning, titles: dict[str, str]) -> tuple[TextChange, ...]:
    """Every activity whose `resultat` and every part of the reflection whose text changed."""
    changes = []
    before = {a.id: a.resultat for a in old.aktiviteter}
    for activity in new.aktiviteter:
        was = before.get(activity.id)
        if was is not None and was.strip() != activity.resultat.strip():
            where = f"resultat för {titles.get(activity.id, activity.id)}"
            changes.append(TextChange(where, word_diff(was, activity.resultat)))
    for key, name in REFLECTION.items():
        a, b = getattr(old.reflektion, key), getattr(new.reflektion, key)
        if a.strip() != b.strip():
            changes.append(TextChange(f"reflektionen, {name}", word_diff(a, b)))
    return tuple(changes)
