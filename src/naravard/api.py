"""The library behind the CLI: what commands and tests call."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from naravard.errors import UsageError
from naravard.findings import CheckResult, Finding
from naravard.repository import Repository, load_repository
from naravard.rules import iter_findings

__all__ = ["check", "load_repository", "validate"]


def check(repo: Repository) -> list[Finding]:
    """Every finding of a loaded repository: load, schema and rule findings."""
    return [*repo.findings, *iter_findings(repo)]


def validate(root: Path, paths: Sequence[Path] = ()) -> CheckResult:
    """Validate the whole repository; report only findings in `paths` when some are given."""
    repo = load_repository(root)
    findings = check(repo)
    files = len(repo.files)
    if paths:
        prefixes = [_relative(root, p) for p in paths]
        findings = [f for f in findings if _within(f.location.file, prefixes)]
        files = sum(1 for f in repo.files if _within(f.rel, prefixes))
    return CheckResult.build(findings, files=files)


def _relative(root: Path, path: Path) -> str:
    resolved = path.resolve()
    if not resolved.exists():
        raise UsageError(f"{path} finns inte.")
    if not resolved.is_relative_to(root):
        raise UsageError(f"{path} ligger inte i repositoriet {root}.")
    return resolved.relative_to(root).as_posix()


def _within(rel: str, prefixes: list[str]) -> bool:
    return any(p in ("", ".") or rel == p or rel.startswith(p + "/") for p in prefixes)
