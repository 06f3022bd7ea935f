"""`naravard init [DIR]`: a new data repository for a region, ready for editors and CI.

It holds a strategy to start from (Region Dalarna's, marked as a template), a
README for editors, naravard.yaml, .gitignore, .editorconfig, VS Code settings
that map the schemas and recommend the YAML extension, pre-commit and CI files,
and the schemas generated from the strategy. `naravard validate` passes in it
from the start. Nothing that exists is overwritten: init refuses instead.
The templates ship as package data in naravard/templates/init/ (without leading
dots in their names, so no tool mistakes them for this project's own files).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from naravard.atomic import create_new
from naravard.errors import UsageError
from naravard.model.schema import build_schemas, render
from naravard.repository import load_repository

# Template file → where it goes in the new repository.
FILES: dict[str, str] = {
    "strategi.yaml": "data/region/strategi.yaml",
    "gitkeep": "data/kommuner/.gitkeep",
    "README.md": "README.md",
    "naravard.yaml": "naravard.yaml",
    "gitignore": ".gitignore",
    "editorconfig": ".editorconfig",
    "vscode-settings.json": ".vscode/settings.json",
    "vscode-extensions.json": ".vscode/extensions.json",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-actions.yml": ".github/workflows/naravard.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}


def template(name: str) -> bytes:
    """The bytes of one template file."""
    return (resources.files("naravard") / "templates" / "init" / name).read_bytes()


def init_repository(target: Path) -> list[Path]:
    """Create the repository's files in `target` (made if missing); return every path written."""
    if (target / "data" / "region").exists():
        raise UsageError(f"{target} är redan ett naravard-repositorium (data/region/ finns).")
    existing = [rel for rel in FILES.values() if (target / rel).exists() or (target / rel).is_symlink()]
    if existing:
        raise UsageError(
            f"{target} har redan {', '.join(existing)}. naravard init skriver inte över något: "
            "välj en tom mapp eller flytta filerna först."
        )
    written = []
    for name, rel in FILES.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        create_new(path, template(name))
        written.append(path)
    schemas = target / "schemas"
    schemas.mkdir(exist_ok=True)
    for name, schema in build_schemas(load_repository(target.resolve())).items():
        path = schemas / name
        create_new(path, render(schema).encode("utf-8"))
        written.append(path)
    return written
