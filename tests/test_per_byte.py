"""The loader's work per byte (issue 15 item 2, issue 18 item 3): one pass over the text, linear in it.

No test here times anything: linearity is shown by counting how much of the text the position
lookups read, and by files of many matches that a quadratic scan could not finish.
"""

from __future__ import annotations

import sys

from naravard.loader import find_waivers, load_text
from naravard.loader.encoding import Decoded, decode, positions_of_chars
from naravard.model.followup import AktivitetsRapport


class Counting(str):
    """A text that adds up how many characters `count` and `rfind` are asked to look at."""

    read = 0

    def count(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        Counting.read += (len(self) if end is None else end) - (start or 0)
        return super().count(sub, start, end)

    def rfind(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        Counting.read += (len(self) if end is None else end) - (start or 0)
        return super().rfind(sub, start, end)


def test_positions_of_many_places_read_the_text_about_once() -> None:
    text = Counting("# \u200b\n" * 20_000)
    Counting.read = 0
    places = list(positions_of_chars(text, range(2, len(text), 4)))
    assert places[0] == (1, 3) and places[-1] == (20_000, 3)
    assert Counting.read <= 2 * len(text)  # counting from the start each time would read ~40,000×


def test_waivers_are_found_in_one_pass() -> None:
    text = Counting("a: 1  # naravard: ignore[NV301]\n" * 5_000)
    Counting.read = 0
    waivers = find_waivers(text)
    assert len(waivers) == 5_000 and waivers[5_000] == (7, ("NV301",))
    assert Counting.read <= 2 * len(text)


def test_a_waiver_stays_on_its_line() -> None:
    # Without its `]` a waiver is no waiver, and its search stops at the end of the line.
    assert find_waivers("a: 1  # naravard: ignore[NV301\nb: 2  # x]\n") == {}
    assert find_waivers("a: 1  #\nnaravard: ignore[NV301]\n") == {}


def test_a_file_full_of_zero_width_spaces_is_read_with_every_one_named() -> None:
    # 2 MB of `# \u200b` lines: lint took four minutes when each was counted from the start.
    data = ("# \u200b\n" * 350_000).encode("utf-8")
    decoded = decode(data)
    assert isinstance(decoded, Decoded)
    assert len(decoded.hidden) == 350_000
    assert decoded.hidden[-1] == (350_000, 3, "\u200b")


def test_eighty_thousand_waivers_are_all_read() -> None:
    lines = [f"k{n}: 1  # naravard: ignore[NV301, nv309]\n" for n in range(80_659)]
    data = "".join(lines).encode("utf-8")
    doc = load_text("f.yaml", data)
    assert len(doc.waivers) == 80_659
    assert doc.waivers[80_659] == (len("k80658: 1  ") + 1, ("NV301", "NV309"))


def test_the_first_control_character_is_the_problem_even_after_hidden_ones() -> None:
    problem = decode("a: \u200b\nb: x\x07\n".encode())
    assert not isinstance(problem, Decoded)
    assert (problem.line, problem.column) == (2, 5)


def test_the_parser_reads_the_bytes_it_was_given_with_the_same_positions() -> None:
    text = "# \u200bkommentar\ntitel: Åtgärd ”citat” \u202e\nlista: [ett, två]\n"
    doc = load_text("f.yaml", text.encode("utf-8"))
    assert doc.hidden == ((1, 3, "\u200b"), (2, 23, "\u202e"))
    assert doc.value == {"titel": "Åtgärd ”citat” \u202e", "lista": ["ett", "två"]}
    assert doc.at(("lista", 1)).column == 14


def test_a_text_in_a_model_keeps_no_utf8_copy() -> None:
    # pydantic's max_length made Python keep a UTF-8 copy inside every non-ASCII string it checked.
    text = ("Hälsocentralen följer upp åtgärderna. " * 12)[:425]
    before = sys.getsizeof(text)
    AktivitetsRapport.model_validate({"id": "a", "status": "pagaende", "resultat": text})
    assert sys.getsizeof(text) == before


def test_a_text_too_long_is_still_refused() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as error:
        AktivitetsRapport.model_validate({"id": "a", "status": "pagaende", "resultat": "å" * 20_001})
    assert [e["type"] for e in error.value.errors()] == ["string_too_long"]
    AktivitetsRapport.model_validate({"id": "a", "status": "pagaende", "resultat": "å" * 20_000})
