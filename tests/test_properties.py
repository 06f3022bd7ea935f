"""Properties over generated input (hypothesis): no input crashes naravard, fmt never changes data."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from naravard.api import validate
from naravard.authoring.fmt import format_bytes
from naravard.codes import ALL_CODES
from naravard.findings import Severity
from naravard.loader import load_text
from naravard.model.followup import Uppfoljning
from tests.conftest import CONFORMANCE

TARGET = "data/kommuner/borlange/uppfoljning-2024.yaml"
PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(st.binary(max_size=400))
def test_any_bytes_give_findings_with_positions_never_an_exception(data: bytes) -> None:
    doc = load_text("x.yaml", data)
    assert all(f.location.line >= 1 and f.location.column >= 1 for f in doc.findings)
    assert all(f.message and f.code.startswith("NV") for f in doc.findings)


YAMLISH = st.sampled_from(
    ["a", ":", " ", "\n", "-", "[", "]", "{", "}", "&x", "*x", "!t", "#", "'", '"', "\t", "%", "---",
     "kommun", "ar", "2024", "nyckeltal", "å", "\u202e", "\\e", "1e999", "<<", "? "]
)  # fmt: skip


@pytest.fixture(scope="module")
def scratch_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(CONFORMANCE, root, dirs_exist_ok=True)
    return root


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(YAMLISH, max_size=40).map("".join))
def test_any_yaml_like_text_as_a_follow_up_gives_a_result(scratch_repo: Path, text: str) -> None:
    (scratch_repo / TARGET).write_text(text, encoding="utf-8")
    result = validate(scratch_repo)
    known = {c.code for c in ALL_CODES}
    last_line = text.count("\n") + 2  # an empty document ends on the line after the text
    for f in result.findings:
        assert f.code in known and f.severity is Severity.ERROR, f
        assert f.message.strip() and f.location.line >= 1 and f.location.column >= 1, f
        if f.location.file == TARGET:
            assert f.location.line <= last_line, (f, text)
    assert result.exit_code() == (1 if result.findings else 0)


SLUG = st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn")), max_size=40)
SCORE = st.one_of(st.integers(1, 4), st.fixed_dictionaries({"varde": st.integers(1, 4), "kommentar": TEXT}))
VALUE = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    # Up to four decimals, as nyckeltal are written. ruamel.yaml rewrites some 16-digit floats with
    # another last digit; fmt then refuses the file rather than change a value (see the note on #5).
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 4)),
    st.fixed_dictionaries({"varde": st.floats(0, 1000).map(lambda f: round(f, 4)), "kalla": TEXT}),
)
FOLLOWUP = st.fixed_dictionaries(
    {
        "kommun": SLUG,
        "ar": st.integers(2022, 2030),
        "aktiviteter": st.lists(
            st.fixed_dictionaries(
                {
                    "id": SLUG,
                    "status": st.sampled_from(["planerad", "pagaende", "genomford"]),
                    "resultat": TEXT,
                }
            ),
            max_size=3,
        ),
        "reflektion": st.fixed_dictionaries(
            {"lardomar": TEXT, "framgangsfaktorer": TEXT, "utmaningar": TEXT, "bedomning": TEXT}
        ),
        "sjalvskattning": st.dictionaries(SLUG, SCORE, max_size=4),
        "nyckeltal": st.dictionaries(SLUG, VALUE, max_size=4),
    }
)


def _dump(document: dict[str, object]) -> str:
    # ruamel.yaml writes YAML 1.2, as naravard reads it (PyYAML would leave `0E0` unquoted).
    out = io.StringIO()
    writer = YAML(typ="safe", pure=True)
    writer.allow_unicode = True
    writer.default_flow_style = False  # libyaml and ruamel disagree on `?0` inside {...}
    writer.dump(document, out)
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(FOLLOWUP, st.booleans())
def test_fmt_keeps_the_data_of_any_valid_follow_up(document: dict[str, object], crlf: bool) -> None:
    text = "# en kommentar som ska finnas kvar\n" + _dump(document)
    data = text.replace("\n", "\r\n").encode() if crlf else text.encode()
    before = load_text("x.yaml", data)
    assert before.findings == []
    Uppfoljning.model_validate(before.value)
    result = format_bytes(Path("x.yaml"), "x.yaml", data, Uppfoljning)
    assert result.refusal is None, result.refusal
    assert result.after is not None
    after = load_text("x.yaml", result.after)
    assert after.value == before.value
    assert b"# en kommentar som ska finnas kvar" in result.after
    assert (b"\r\n" in result.after) == crlf
    again = format_bytes(Path("x.yaml"), "x.yaml", result.after, Uppfoljning)
    assert again.after == result.after  # idempotent
