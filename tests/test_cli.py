"""The command-line contract: exit codes, output formats, --root, paths and --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from naravard import __version__
from naravard.cli import app
from tests.conftest import PROJECT, Repo

runner = CliRunner()
FU = "kommuner/ludvika/uppfoljning-2024.yaml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert invoke("--version") == (0, f"naravard {__version__}\n", "")


def test_help_lists_validate_in_swedish() -> None:
    code, out, _ = invoke("--help")
    assert code == 0
    assert "validate" in out
    assert "Kontrollera filerna" in out


def test_clean_repository_exits_0_with_a_summary(repo: Repo) -> None:
    code, out, _ = invoke("validate", "--root", str(repo.root))
    assert code == 0
    assert out.strip() == "Inga fel i 9 filer."


def test_text_output_reads_like_a_compiler(repo: Repo) -> None:
    repo.replace(FU, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2")
    code, out, _ = invoke("validate", "--root", str(repo.root))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"data/{FU}:20:22: fel NV105 Här ska det stå ett tal")
    assert lines[1] == "  20 |   fast-lakarkontakt: 43,2"
    assert lines[2] == "     |                      ^"
    assert lines[-1] == "1 fel och 0 varningar i 9 filer."
    assert "\x1b[" not in out  # no colour when not a terminal


def test_json_output_has_the_shape_of_the_contract(repo: Repo) -> None:
    repo.replace(FU, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2")
    code, out, _ = invoke("validate", "--root", str(repo.root), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["summary"] == {"files": 9, "errors": 1, "warnings": 0}
    [diagnostic] = document["diagnostics"]
    assert diagnostic == {
        "file": f"data/{FU}",
        "line": 20,
        "column": 22,
        "severity": "error",
        "code": "NV105",
        "message": diagnostic["message"],
    }
    assert "43.2" in diagnostic["message"]


def test_github_output_is_annotations(repo: Repo) -> None:
    repo.replace(FU, "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 43,2")
    code, out, _ = invoke("validate", "--root", str(repo.root), "--format", "github")
    assert code == 1
    assert out.startswith(f"::error file=data/{FU},line=20,col=22,title=NV105::Här ska det stå")


def test_paths_limit_what_is_reported_but_cross_file_checks_see_everything(repo: Repo) -> None:
    # Removing smedjebacken from the gemensam plan breaks smedjebacken's follow-up.
    repo.replace("kommuner/ludvika/lokal-plan.yaml", ", smedjebacken]", "]")
    smedjebacken = repo.path("kommuner/smedjebacken")
    code, out, _ = invoke("validate", "--root", str(repo.root), str(smedjebacken))
    assert code == 1
    assert "NV211" in out
    code, out, _ = invoke("validate", "--root", str(repo.root), str(repo.path("kommuner/ludvika")))
    assert (code, out.strip()) == (0, "Inga fel i 2 filer.")


def test_a_path_written_with_backslashes_as_on_windows_works(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.replace(FU, "43.2", "43,2")
    monkeypatch.chdir(repo.root)
    code, out, _ = invoke("validate", "data\\kommuner\\ludvika")
    assert code == 1
    assert f"data/{FU}:" in out
    assert invoke("validate", "data\\kommuner\\smedjebacken")[0] == 0


def test_no_repository_exits_2_with_a_message(tmp_path: Path) -> None:
    code, out, err = invoke("validate", "--root", str(tmp_path))
    assert code == 2
    assert out == ""
    assert "data/region/ saknas" in err


def test_a_path_outside_the_repository_exits_2(repo: Repo, tmp_path: Path) -> None:
    code, _, err = invoke("validate", "--root", str(repo.root), str(tmp_path))
    assert code == 2
    assert "ligger inte i repositoriet" in err


def test_a_missing_strategy_exits_2(repo: Repo) -> None:
    for path in repo.path("region").glob("strategi*.yaml"):
        path.unlink()
    code, _, err = invoke("validate", "--root", str(repo.root))
    assert code == 2
    assert "strategi.yaml saknas" in err


def test_an_unknown_format_is_a_usage_error(repo: Repo) -> None:
    result = runner.invoke(app, ["validate", "--root", str(repo.root), "--format", "xml"])
    assert result.exit_code == 2


def test_the_root_is_found_from_a_subfolder(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo.path("kommuner/borlange"))
    code, out, _ = invoke("validate")
    assert (code, out.strip()) == (0, "Inga fel i 9 filer.")


def test_python_m_naravard_runs_the_same_cli(repo: Repo) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "naravard", "validate", "--root", str(repo.root)],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "Inga fel i 9 filer.")


def test_bad_input_never_gives_a_traceback(repo: Repo) -> None:
    repo.write_bytes(FU, b"\xff\xfe" + "kommun: ludvika\n".encode("utf-16-le"))
    repo.write("kommuner/borlange/uppfoljning-2024.yaml", "a: [\n")
    repo.write("kommuner/borlange/uppfoljning-2026.yaml", "- 1\n- 2\n")
    code, out, err = invoke("validate", "--root", str(repo.root))
    assert code == 1
    assert "Traceback" not in out + err
    assert "NV002" in out and "NV001" in out and "NV101" in out


def test_help_loads_no_models_charts_or_templates() -> None:
    # `naravard --help` should answer at once (issue 9: ≤ 0.3 s): nothing heavy is imported for it.
    code = (
        "import sys\nfrom typer.testing import CliRunner\nimport naravard.cli\n"
        "CliRunner().invoke(naravard.cli.app, ['--help'])\n"
        "heavy = {'pydantic', 'matplotlib', 'jinja2', 'ruamel', 'yaml'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
