"""A data file's text and how it is stored (byte-order mark, line ending), so a rewrite keeps both.

Kommun staff save from Notepad++ and VS Code on Windows: CRLF and a UTF-8 BOM
are common and must survive a rewrite byte for byte (issue 5). ruamel.yaml
drops the BOM and writes LF, so the text is worked on with LF and encoded back
here.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from naravard.loader.encoding import Decoded, DecodeProblem, decode


@dataclass(frozen=True)
class TextFile:
    """Text with `\\n` line ends, plus the file's byte-order mark and dominant line ending."""

    text: str
    bom: bool = False
    newline: str = "\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> TextFile | DecodeProblem:
        """Decode a file's bytes (UTF-8 only, as the loader reads them)."""
        decoded = decode(data)
        if not isinstance(decoded, Decoded):
            return decoded
        crlf = decoded.text.count("\r\n")
        lf = decoded.text.count("\n") - crlf
        # A file that mixes both is written back with the one most of its lines use.
        newline = "\r\n" if crlf > lf else "\n"
        return cls(decoded.text.replace("\r\n", "\n"), decoded.bom, newline)

    def with_text(self, text: str) -> TextFile:
        """The same storage with other text."""
        return TextFile(text, self.bom, self.newline)

    def to_bytes(self) -> bytes:
        """The bytes to write: the BOM and the line ending as the file had them."""
        body = self.text.replace("\n", self.newline) if self.newline != "\n" else self.text
        return (codecs.BOM_UTF8 if self.bom else b"") + body.encode("utf-8")
