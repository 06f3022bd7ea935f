"""The parser's problems in Swedish, at the right place, whatever libyaml's English says (issue 13)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from naravard.cli import app
from naravard.loader import load_text
from naravard.loader.tree import MAX_DEPTH
from naravard.output.text import WIDTH, window
from tests.conftest import CONFORMANCE, PROJECT

HOSTILE = Path(__file__).parent / "hostile"
FOLLOWUP = PROJECT / "data/kommuner/ludvika/uppfoljning-2024.yaml"

# libyaml's vocabulary: none of these words may reach a person.
ENGLISH = re.compile(
    r"\b(while|found|expected|scanning|parsing|mapping|sequence|character|could|not|allowed|token|"
    r"stream|document|indentation|indicator|scalar|exceeded|nesting|depth|the|but|got|unknown|"
    r"cannot|start|end|block|flow|key|value|node|content|simple|reader|special)\b",
    re.IGNORECASE,
)

# A broken snippet for each kind of mistake libyaml tells apart.
BROKEN = {
    "colon in value": "a: b: c\n",
    "missing colon": "a:\n  b\n  c: 1\n",
    "bad indent": "a:\n    b: 1\n  c: 2\n",
    "list indent": "a:\n  - 1\n - 2\n",
    "unclosed quote": 'a: "abc\nb: 1\n',
    "unclosed single quote": "a: 'abc\n",
    "unclosed flow map": "a: {b: 1\n",
    "unclosed flow list": "a: [1, 2\n",
    "flow map junk": "a: {b: 1]\n",
    "flow list junk": "a: [1, 2}\n",
    "at sign": "a: @b\n",
    "backtick": "a: `b`\n",
    "escape": 'a: "\\q"\n',
    "hex escape": 'a: "\\xZZ"\n',
    "tab indent": "a:\n\tb: 1\n",
    "list in map": "a: 1\n- b\n",
    "document end junk": "a: 1\n--- x\n... y\n",
    "directive": "%YAML 2.0\n---\na: 1\n",
    "bad directive": "%FOO bar\n---\na: 1\n",
    "duplicate directive": "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "tag handle": "a: !x!y b\n",
    "verbatim tag": "a: !<b c\n",
    "anchor name": "a: &\n",
    "alias name": "a: * \n",
    "block scalar indicator": "a: |0\n  b\n",
    "block scalar junk": "a: | x\n  b\n",
    "question key": "a:\n  ? [b\n",
    "comment glued": "a: 'b'c\n",
    "deep flow": "a: " + "[" * 2000 + "\n",
    "deep flow map": "a: " + "{b: " * 1500 + "\n",
    "control": "a: b\x07\n",
}


def messages(text: str) -> list[tuple[str, int, int, str]]:
    doc = load_text("f.yaml", text.encode("utf-8"))
    return [(f.code, f.location.line, f.location.column, f.message) for f in doc.findings]


def assert_swedish(found: list[tuple[str, int, int, str]]) -> None:
    for code, line, column, message in found:
        words = ENGLISH.findall(message.replace("YAML", ""))
        assert not words, f"{code} {line}:{column} has English {words}: {message}"


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_every_parser_problem_is_said_in_swedish(case: str) -> None:
    found = messages(BROKEN[case])
    assert found, case
    assert_swedish(found)


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.yaml")))
def test_no_hostile_file_gets_a_word_of_english(name: str) -> None:
    assert_swedish(messages((HOSTILE / name).read_bytes().decode("utf-8", errors="replace")))


def test_slips_anywhere_in_a_real_file_are_said_in_swedish() -> None:
    # Each character that can break YAML, put at the start, middle and end of every 7th line.
    lines = FOLLOWUP.read_text(encoding="utf-8").splitlines()
    seen = 0
    for number in range(0, len(lines), 7):
        for slip in ['"', "'", "[", "{", "]", "}", ": ", "\t", "&", "*", "!", "%", "|", ">", "? ", "@", "`"]:
            line = lines[number]
            for at in (0, len(line) // 2, len(line)):
                changed = [*lines[:number], line[:at] + slip + line[at:], *lines[number + 1 :]]
                found = messages("\n".join(changed) + "\n")
                seen += bool(found)
                assert_swedish(found)
    assert seen > 200  # the slips really broke the file: the messages above were read


def test_libyamls_own_nesting_limit_is_nv007_where_the_structure_gets_too_deep() -> None:
    ((code, line, column, message),) = messages("kommun: " + "[" * 100_000 + "\n")
    assert (code, line, column) == ("NV007", 1, 9 + MAX_DEPTH - 1)
    assert "för djupt" in message


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    ((code, line, column, message),) = messages('ar: 2024\nresultat: "44 SIP\nstatus: klar\n')
    assert (code, line, column) == ("NV001", 2, 11)
    assert "citattecken" in message


def test_a_tab_anywhere_is_named_as_a_tab() -> None:
    ((code, line, _, message),) = messages("a:\n\tb: 1\n")
    assert (code, line) == ("NV001", 2)
    assert "Tabbtecken" in message


def test_a_long_line_is_quoted_around_the_column() -> None:
    line = "x" * 50_000 + "!" + "y" * 50_000
    shown, caret = window(line, 50_001)
    assert len(shown) == WIDTH
    assert shown[caret] == "!"
    assert shown.startswith("…") and shown.endswith("…")
    assert window("kort rad", 3) == ("kort rad", 2)
    start, _ = window("!" + "y" * 500, 1)
    assert start.startswith("!") and start.endswith("…")
    end, caret = window("y" * 500 + "!", 501)
    assert end.startswith("…") and end[caret] == "!"


def test_validate_quotes_a_100000_deep_flow_line_in_at_most_200_characters(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(CONFORMANCE, root)
    (root / "data/kommuner/borlange/uppfoljning-2024.yaml").write_text("kommun: " + "[" * 100_000 + "\n")
    result = CliRunner().invoke(app, ["validate", "--root", str(root)])
    assert result.exit_code == 1
    assert "NV007" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 200


# The slips people make in VS Code or Notepad++, pasting from Word: (what was there, what they typed).
SLIPS = {
    "tab before a key": ("  nara-for-alla: 3", "\tnara-for-alla: 3", 1, "tabbtecken"),
    "tab inside the indent": ("  nara-for-alla: 3", "  \tnara-for-alla: 3", 3, "tabbtecken"),
    "non-breaking space after the colon": ("fallskador-65: 2840", "fallskador-65:\u00a02840", 17, "U+00A0"),
    "non-breaking space as indent": ("  fallskador-65: 2840", "\u00a0 fallskador-65: 2840", 1, "U+00A0"),
    "no space after the colon": ("nara-for-alla: 3", "nara-for-alla:3", 16, "mellanslag"),
    "unclosed quote": ("resultat: 44 SIP", 'resultat: "44 SIP', 15, "citattecken"),
    "key de-indented": ("  nara-for-alla: 3", " nara-for-alla: 3", 2, "indraget"),
    "key indented too far": ("  nara-for-alla: 3", "   nara-for-alla: 3", 4, "indraget"),
    "list item de-indented": ("  - id: digital-tillsyn-norra", " - id: digital-tillsyn-norra", 2, "indraget"),
    "key moved to the margin": ("  nara-for-alla: 3", "nara-for-alla: 3", 1, "indraget"),
    "zero-width character as indent": ("  fallskador-65: 2840", "\u200b  fallskador-65: 2840", 1, "U+200B"),
}


@pytest.mark.parametrize("case", sorted(SLIPS))
def test_a_slip_is_reported_on_the_line_the_person_changed(case: str) -> None:
    old, new, column, named = SLIPS[case]
    text = FOLLOWUP.read_text(encoding="utf-8")
    changed = text.replace(old, new, 1)
    line = changed[: changed.index(new)].count("\n") + 1
    ((code, at_line, at_column, message),) = messages(changed)
    assert (code, at_line, at_column) == ("NV001", line, column)
    assert named.lower() in message.lower()


def test_the_quoted_line_shows_a_tab_and_a_non_breaking_space(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(CONFORMANCE, root)
    target = root / "data/kommuner/borlange/uppfoljning-2024.yaml"
    text = target.read_text(encoding="utf-8")
    key = next(
        line for line in text.splitlines() if line.startswith("  ") and ": " in line and "-" not in line[:4]
    )
    target.write_text(text.replace(key, key.replace(": ", ":\u00a0", 1), 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--root", str(root)])
    assert "⍽" in result.output and "U+00A0" in result.output
