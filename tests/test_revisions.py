"""Strategy revisions: a follow-up is checked against the revision in force for its year, diff
compares across the boundary where the revision maps its ids, and migrate moves a follow-up."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from naravard.api import diff_years
from naravard.cli import app
from tests.conftest import Repo

REVISION = "region/strategi-2026.yaml"
FU26 = "kommuner/borlange/uppfoljning-2026.yaml"
MAPPING = "ersatter:\n  nyckeltal:\n    sip-antal: sip-per-1000\n"
runner = CliRunner()


def test_without_a_mapping_diff_says_what_cannot_be_compared(repo: Repo) -> None:
    result = diff_years(repo.root, 2024, 2026, ["borlange"])
    assert result.not_comparable == ("Antal upprättade samordnade individuella planer (SIP) (sip-antal)",)
    [borlange] = result.kommuner
    sip = next(n for n in borlange.nyckeltal if n.id == "sip-per-1000")
    assert (sip.old, sip.new) == (None, 1.4)
    out = runner.invoke(app, ["diff", "2024", "2026", "--root", str(repo.root)], catch_exceptions=False)
    assert "Strategin reviderades mellan 2024 och 2026. Går inte att jämföra" in out.stdout


def test_with_a_mapping_diff_compares_across_the_revision(repo: Repo) -> None:
    repo.write(REVISION, repo.read(REVISION) + MAPPING)
    assert repo.validate().findings == ()
    result = diff_years(repo.root, 2024, 2026, ["borlange"])
    assert result.not_comparable == ()
    sip = next(n for n in result.kommuner[0].nyckeltal if n.id == "sip-per-1000")
    assert (sip.old, sip.new) == (14, 1.4)


def test_a_mapping_must_name_ids_of_both_revisions(repo: Repo) -> None:
    repo.write(REVISION, repo.read(REVISION) + "ersatter:\n  nyckeltal:\n    sip-antl: sip-per-100\n")
    found = {(line, column, code) for rel, line, column, code in repo.codes() if rel == REVISION}
    assert found == {(118, 5, "NV215"), (118, 15, "NV215")}  # the old id (key) and the new one (value)
    messages = [f.message for f in repo.validate().findings]
    assert any("`sip-per-100` finns inte" in m for m in messages)
    assert any("`sip-antl` finns inte" in m for m in messages)


def test_migrate_renames_only_the_keys_and_keeps_everything_else(repo: Repo) -> None:
    repo.write(REVISION, repo.read(REVISION) + MAPPING)
    text = repo.read(FU26).replace("  sip-per-1000: 1.4\n", "  sip-antal: 3   # preliminärt\n")
    repo.write_bytes(FU26, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert [f.code for f in repo.validate().findings] == ["NV202"]
    result = runner.invoke(app, ["migrate", "--root", str(repo.root)], catch_exceptions=False)
    assert result.exit_code == 0
    assert f"data/{FU26}:25:3: `sip-antal` → `sip-per-1000`" in result.stdout
    after = repo.path(FU26).read_bytes()
    assert (
        after == b"\xef\xbb\xbf" + text.replace("sip-antal:", "sip-per-1000:").replace("\n", "\r\n").encode()
    )
    assert repo.validate().findings == ()
    again = runner.invoke(app, ["migrate", "--check", "--root", str(repo.root)], catch_exceptions=False)
    assert again.exit_code == 0


def test_migrate_names_what_the_new_revision_does_not_have(repo: Repo) -> None:
    repo.write(REVISION, repo.read(REVISION) + "ersatter:\n  nyckeltal: {}\n")
    repo.replace(FU26, "  sip-per-1000: 1.4\n", "  sip-per-1000: 1.4\n  sip-antal: 3\n")
    result = runner.invoke(app, ["migrate", "--check", "--root", str(repo.root)], catch_exceptions=False)
    assert "`nyckeltal.sip-antal` finns inte i strategin och ersätts inte av något" in result.stdout
    assert "sip-antal: 3" in repo.read(FU26)


def test_migrate_dot_means_the_whole_repository(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.write(REVISION, repo.read(REVISION) + MAPPING)
    repo.replace(FU26, "  sip-per-1000: 1.4\n", "  sip-antal: 3\n")
    monkeypatch.chdir(repo.root)
    result = runner.invoke(app, ["migrate", "--check", "."], catch_exceptions=False)
    assert result.exit_code == 1
    assert "`sip-antal` → `sip-per-1000`" in result.stdout


def test_a_file_that_cannot_be_written_is_said_and_exits_1(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from naravard.authoring import migrate

    def refuse(_path: object, _data: bytes, **_: object) -> None:
        raise PermissionError(13, "Åtkomst nekad")

    monkeypatch.setattr(migrate, "write_atomic", refuse)
    repo.write(REVISION, repo.read(REVISION) + MAPPING)
    repo.replace(FU26, "  sip-per-1000: 1.4\n", "  sip-antal: 3\n")
    result = runner.invoke(app, ["migrate", "--root", str(repo.root)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "filen kan inte skrivas (Åtkomst nekad); inget i den har ändrats." in result.stderr
    assert "sip-antal: 3" in repo.read(FU26)
