"""Text from a repository made safe for a terminal, a CI log or a workflow command.

A file name or a key can hold ESC (`\\x1b]8;;…` is a terminal hyperlink, `\\x1b[2J` clears the
screen), other control characters, bidi overrides or line separators. None of them reaches the
reader as what it does: each is shown as its escape (`\\x1b`, `\\u202e`), so the name can still be
recognised and typed. A newline in a name becomes `\\n`: one finding stays one line.
"""

from __future__ import annotations


def visible(text: str) -> str:
    """`text` with every non-printable character (space and tab excepted) written as its escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\t" else _escape(c) for c in text)


SLIPS = {"\t": "→", "\u00a0": "⍽", "\u202f": "⍽", "\u2007": "⍽", "\u3000": "⍽"}
"""What an invisible slip looks like when shown: one character each (a tab, the hard spaces)."""


def visible_slips(text: str) -> str:
    """`visible`, with a tab and the hard spaces shown as what they are (→, ⍽)."""
    return visible("".join(SLIPS.get(c, c) for c in text))


def visible_lines(text: str) -> str:
    """`visible` for each line of `text` (LF stays a line break, nothing else does)."""
    return "\n".join(visible(line) for line in text.split("\n"))


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
