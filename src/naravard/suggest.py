"""Did-you-mean: the nearest known key or id to what a person typed."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from naravard.findings import Edit, FixKind


def fold(text: str) -> str:
    """Lower case without accents, spaces and underscores as `-`: how ids are compared."""
    # å/ä → a, ö → o, spaces and underscores → -, so `uppföljning` finds `uppfoljning`.
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.replace(" ", "-").replace("_", "-")


def nearest(word: object, known: Iterable[str]) -> str | None:
    """The one known word closest to `word`, or None when nothing is close enough."""
    choices = list(dict.fromkeys(known))
    if not isinstance(word, str) or not choices:
        return None
    folded = {fold(c): c for c in choices}
    target = fold(word)
    if target in folded and folded[target] != word:
        return folded[target]
    match = difflib.get_close_matches(target, list(folded), n=1, cutoff=0.75)
    if match:
        return folded[match[0]]
    # `sip-antal` → `sip-per-1000`: the one known id that shares the first word.
    head = target.split("-")[0]
    same_head = [c for f, c in folded.items() if "-" in target and f.split("-")[0] == head]
    return same_head[0] if len(same_head) == 1 else None


@dataclass(frozen=True)
class Guess:
    """What a person typed and the one known word nearest to it, as a finding's data."""

    typed: object
    nearest: str | None

    @property
    def hint(self) -> str:
        """` Menade du `x`?` or an empty string: the message's part rendered from the suggestion."""
        return f" Menade du `{self.nearest}`?" if self.nearest else ""

    @property
    def fix(self) -> Edit | None:
        """Replacing the typed word with the suggestion (only where the word itself stands)."""
        if self.nearest is None or not isinstance(self.typed, str) or self.typed == self.nearest:
            return None
        return Edit(self.typed, self.nearest, FixKind.SPELLING)

    @property
    def values(self) -> tuple[tuple[str, str], ...]:
        typed = (("typed", self.typed),) if isinstance(self.typed, str) else ()
        return (*typed, *((("suggestion", self.nearest),) if self.nearest else ()))


def guess(word: object, known: Iterable[str]) -> Guess:
    """The nearest known word to `word`, kept with it."""
    return Guess(word, nearest(word, known))


def did_you_mean(word: object, known: Iterable[str]) -> str:
    """` Menade du `x`?` or an empty string (for messages that are not findings)."""
    return guess(word, known).hint


def show(value: object, limit: int = 40) -> str:
    """A user's value, short and with control characters made visible, for a message."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
