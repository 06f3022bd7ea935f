"""`naravard init` and `naravard schema`, and the recipes around them: pre-commit, CI, VS Code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from naravard import __version__
from naravard.api import validate
from naravard.authoring.init import FILES, region_files, template
from naravard.markdown import escape_inline
from naravard.model.schema import build_schemas, render
from naravard.repository import load_repository
from tests.authoring_support import fill_followup, fill_in, fill_plan, invoke, shipped_copy
from tests.conftest import PROJECT, Repo

BIN = Path(sys.executable).parent
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


def test_init_makes_a_repository_that_validates_and_has_every_file(tmp_path: Path) -> None:
    target = tmp_path / "region"

    code, out, _ = invoke("init", str(target), "--region", "dalarna")

    assert code == 0
    for rel in FILES.values():
        assert (target / rel).is_file(), rel
    assert f"Skapade {target / '.vscode' / 'settings.json'}" in out
    assert validate(target.resolve()).findings == ()
    schemas = build_schemas(load_repository(target.resolve()))
    for name, schema in schemas.items():
        assert (target / "schemas" / name).read_text(encoding="utf-8") == render(schema)


def test_init_refuses_to_overwrite_anything(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("Vår egen README\n", encoding="utf-8")
    code, _, err = invoke("init", str(tmp_path), "--region", "dalarna")
    assert code == 2
    assert "har redan README.md" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]
    assert invoke("init", str(PROJECT), "--region", "dalarna")[0] == 2  # a data repository already


def test_a_new_repository_takes_a_plan_and_a_follow_up(tmp_path: Path) -> None:
    target = tmp_path / "region"
    invoke("init", str(target), "--region", "dalarna")
    root = str(target)
    assert invoke("new", "plan", "--kommun", "falun", "--fran", "2025", "--root", root)[0] == 0
    fill_in(target / "data" / "kommuner" / "falun" / "lokal-plan.yaml", fill_plan)
    assert invoke("new", "uppfoljning", "2025", "--kommun", "falun", "--root", root)[0] == 0
    fill_in(target / "data" / "kommuner" / "falun" / "uppfoljning-2025.yaml", fill_followup)
    assert validate(target.resolve()).findings == ()


def test_dalarnas_template_is_the_shipped_strategy() -> None:
    shipped = (PROJECT / "data" / "region" / "strategi.yaml").read_bytes()
    copy = region_files("dalarna", examples=False)["data/region/strategi.yaml"]
    assert copy == shipped


@pytest.mark.parametrize(
    ("name", "copy"),
    [
        ("github-actions.yml", PROJECT / "docs" / "ci" / "github-actions.yml"),
        ("gitlab-ci.yml", PROJECT / "docs" / "ci" / "gitlab-ci.yml"),
        ("vscode-settings.json", PROJECT / ".vscode" / "settings.json"),
        ("vscode-extensions.json", PROJECT / ".vscode" / "extensions.json"),
    ],
)
def test_the_recipes_in_docs_and_the_templates_are_the_same(name: str, copy: Path) -> None:
    assert template(name) == copy.read_bytes()


def test_vscode_maps_every_schema_to_its_files_and_recommends_the_yaml_extension() -> None:
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    extensions = json.loads((PROJECT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    mapped = {Path(schema).name for schema in settings["yaml.schemas"]}
    assert mapped >= {name for name in build_schemas(load_repository(PROJECT))}
    patterns = [
        p
        for value in settings["yaml.schemas"].values()
        for p in ([value] if isinstance(value, str) else value)
    ]
    for path in (PROJECT / "data").rglob("*.yaml"):
        rel = path.relative_to(PROJECT).as_posix()
        assert sum(Path(rel).match(p) for p in patterns) == 1, rel


def test_schema_writes_the_schemas_and_says_what_changed(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    (root / "schemas" / "uppfoljning.schema.json").write_text("{}\n", encoding="utf-8")
    code, out, _ = invoke("schema", "--root", str(root))
    assert code == 0
    assert f"Skrev {root / 'schemas' / 'uppfoljning.schema.json'}" in out
    assert f"Oförändrad {root / 'schemas' / 'strategi.schema.json'}" in out
    code, out, _ = invoke("schema", "--root", str(root), "--out", str(tmp_path / "ut"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == sorted(build_schemas(load_repository(root)))


# --- pre-commit ----------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV}
    )


def _local_hooks() -> str:
    """The hooks of .pre-commit-hooks.yaml as a `repo: local` config, run with this environment's naravard.

    pre-commit installs a `language: python` hook from naravard's git repository with pip, which
    needs the network; here the same hooks (entry, files, pass_filenames) run as `language: system`.
    """
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        hook["language"] = "system"
        # The authoring commands are registered by importing naravard.cli.authoring.
        hook["entry"] = (
            f"{sys.executable} -c 'import naravard.cli.authoring, naravard.cli as c; c.main()' "
            + (hook["entry"].removeprefix("naravard "))
        )
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, allow_unicode=True)


def _committed_with_hooks(root: Path) -> dict[str, str]:
    """The repository committed as a git repository with naravard's hooks; the env to commit with."""
    (root / ".pre-commit-config.yaml").write_text(_local_hooks(), encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    return {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home")}


@pytest.mark.skipif(
    shutil.which("pre-commit", path=str(BIN)) is None, reason="pre-commit är inte installerat"
)
def test_pre_commit_catches_a_bad_file_and_still_checks_it_against_the_whole_repository(repo: Repo) -> None:
    root = repo.root
    env = _committed_with_hooks(root)

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "pre-commit"), "run", "--color", "never"],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    # An activity that the plan (in another, unchanged file) does not have: only a check that
    # reads the whole repository can see it.
    repo.replace("kommuner/smedjebacken/uppfoljning-2024.yaml", "- id: halsocafe", "- id: halsokafe")
    # A problem in a file that is not part of the commit is not reported.
    repo.replace("kommuner/borlange/uppfoljning-2024.yaml", "nara-for-mig: 3", "nara-for-mig: 9")
    _git(root, "add", "data/kommuner/smedjebacken/uppfoljning-2024.yaml")

    failed = pre_commit()

    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "data/kommuner/smedjebacken/uppfoljning-2024.yaml:5:9: fel NV204" in failed.stdout
    assert "Menade du `halsocafe`?" in failed.stdout
    assert "borlange" not in failed.stdout

    repo.replace("kommuner/smedjebacken/uppfoljning-2024.yaml", "- id: halsokafe", "- id: halsocafe")
    _git(root, "add", "data/kommuner/smedjebacken/uppfoljning-2024.yaml")
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr


@pytest.mark.skipif(
    shutil.which("pre-commit", path=str(BIN)) is None, reason="pre-commit är inte installerat"
)
def test_pre_commit_checks_the_whole_repository_when_the_strategy_changes(repo: Repo) -> None:
    root = repo.root
    env = _committed_with_hooks(root)
    # A delmål removed from the strategy: the follow-ups that score it break, not the strategy.
    text = repo.read("region/strategi.yaml")
    start = text.index("  - id: nara-till-halsa")
    end = text.index("skala:", start)
    repo.write("region/strategi.yaml", text[:start] + text[end:])
    _git(root, "add", "data/region/strategi.yaml")
    done = subprocess.run(
        [str(BIN / "pre-commit"), "run", "--color", "never"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "uppfoljning-2024.yaml" in done.stdout


# --- CI recipes ----------------------------------------------------------------------------------


def test_the_github_workflow_runs_commands_that_work(repo: Repo, tmp_path: Path) -> None:
    """Run the workflow's naravard steps, as bash would, in a repository with a base commit and a change."""
    workflow = yaml.safe_load((PROJECT / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = [s for s in workflow["jobs"]["kontroll"]["steps"] if "naravard " in s.get("run", "")]
    assert [s["name"] for s in steps] == [
        "Kontrollera filerna",
        "Kontrollera editorns scheman",
        "Skriv fel och varningar som SARIF",
        "Sammanfatta vad ändringen betyder",
    ]
    root = repo.root
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "bas")
    base = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    )
    repo.replace(
        "kommuner/ludvika/uppfoljning-2024.yaml", "fast-lakarkontakt: 43.2", "fast-lakarkontakt: 47.9"
    )
    _git(root, "commit", "-q", "-am", "ändring")
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        **GIT_ENV,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "BASE_SHA": base.stdout.strip(),
    }
    for step in steps:
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=root, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, (step["name"], done.stdout, done.stderr)
    # The summary is Markdown through the strict escaper (naravard.markdown), as it is posted.
    name = escape_inline("Andel invånare som har en fast läkarkontakt i primärvården")
    assert f"Ludvika 2024\\: {name} 43,2 → 47,9" in summary.read_text(encoding="utf-8")
    sarif = json.loads((root / "naravard.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"


def test_the_gitlab_job_is_valid_yaml_with_the_commands_of_the_cli() -> None:
    job = yaml.safe_load((PROJECT / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))["naravard"]
    assert any(line.startswith("naravard validate") for line in job["script"])
    report = job["artifacts"]["reports"]["codequality"]
    assert f"naravard lint --format gitlab > {report} || test $? -eq 1" in job["script"]
    after = "\n".join(job["after_script"])
    assert 'naravard diff --rev "$CI_MERGE_REQUEST_DIFF_BASE_SHA..HEAD" --format md' in after
    assert "merge_requests/$CI_MERGE_REQUEST_IID/notes" in after


def test_init_checks_every_file_before_it_writes_one(tmp_path: Path) -> None:
    target = tmp_path / "region"
    (target / "schemas").mkdir(parents=True)
    (target / "schemas" / "strategi.schema.json").write_text("{}", encoding="utf-8")
    code, _, err = invoke("init", str(target), "--region", "dalarna")
    assert code == 2
    assert "schemas/strategi.schema.json" in err
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        "schemas",
        "schemas/strategi.schema.json",
    ]


# --- where naravard is installed from --------------------------------------------------------------

PLACEHOLDER = "https://<git-adressen till naravard>"


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_recipes_install_naravard_from_its_git_repository_at_this_version(name: str) -> None:
    recipe = yaml.safe_load(template(name))
    variables = recipe["env"] if "env" in recipe else recipe["naravard"]["variables"]
    # Never the bare name: naravard is not on PyPI, and whoever registers the name would be installed.
    assert variables["NARAVARD_PAKET"] == f"naravard @ git+{PLACEHOLDER}@v{__version__}"
    assert "v" + __version__ in (PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="git saknas")
def test_a_workflow_from_init_installs_naravard_from_a_git_clone_and_runs(tmp_path: Path) -> None:
    """The generated workflow's install step, with its placeholder address pointing at a local clone
    of this repository tagged as this version, in a fresh environment; then its check step.

    naravard's dependencies, pip and setuptools come from this test environment (a .pth line)
    and nothing is downloaded: pip builds naravard from the clone and installs only naravard.
    """
    if subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("inte ett git-repositorium")
    clone = tmp_path / "naravard-klon"
    _git(tmp_path, "clone", "-q", str(PROJECT), str(clone))
    _git(clone, "tag", f"v{__version__}")
    region = tmp_path / "region"
    assert invoke("init", str(region), "--region", "dalarna")[0] == 0
    # As actions/checkout leaves it: a git repository (the check reads the commits of the range).
    _git(region, "init", "-q")
    _git(region, "add", "-A")
    _git(region, "commit", "-q", "-m", "region")
    workflow = yaml.safe_load((region / ".github" / "workflows" / "naravard.yml").read_text(encoding="utf-8"))
    steps = {s.get("name"): s for s in workflow["jobs"]["kontroll"]["steps"]}
    address = clone.as_uri()
    package = workflow["env"]["NARAVARD_PAKET"].replace(PLACEHOLDER, address)

    venv = tmp_path / "venv"
    # No pip or setuptools of its own: this environment's (the lock's) are found through the .pth.
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True
    )
    [site] = (venv / "lib").glob("python*/site-packages")
    (site / "beroenden.pth").write_text(
        "\n".join(p for p in sys.path if p.endswith("site-packages")) + "\n", encoding="utf-8"
    )
    env = {
        **os.environ,
        **GIT_ENV,
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "NARAVARD_PAKET": package,
        "PIP_NO_INDEX": "1",  # nothing from an index: the dependencies are there already
        "PIP_NO_BUILD_ISOLATION": "0",  # build with the setuptools that is there (pip reads 0 as off)
        "VIRTUAL_ENV": str(venv),
    }
    for name in ("Installera naravard", "Kontrollera filerna"):
        done = subprocess.run(
            ["bash", "-e", "-c", steps[name]["run"]], cwd=region, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, (name, done.stdout, done.stderr)
    version = subprocess.run(["naravard", "--version"], env=env, capture_output=True, text=True, check=True)
    assert version.stdout == f"naravard {__version__}\n"
    [record] = site.glob("naravard-*.dist-info/direct_url.json")
    source = json.loads(record.read_text(encoding="utf-8"))
    assert source["url"] == address
    assert source["vcs_info"]["requested_revision"] == f"v{__version__}"
