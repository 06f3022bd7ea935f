"""Personnummer in git history: every commit of a range, not only the last one (issue 12).

A number that one commit of a branch adds and a later one removes is no longer in the files,
but it is in git, and a merge would bring it into the history of main for good. So
`naravard validate --rev A..B` reads every version of a data file that a commit of A..B wrote
(what a pull request adds) and looks for personnummer in each. git runs without a shell,
with `--end-of-options` before the revisions a person gave, and everything is read through
git: nothing is checked out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from naravard.discover import CONFIG_NAME, GitSnapshot, _git, _read_blobs
from naravard.errors import UsageError
from naravard.findings import Finding, Location
from naravard.privacy import mask, scan
from naravard.rules.personal_identity_number import RULE


@dataclass(frozen=True)
class Written:
    """A version of a data file that a commit wrote."""

    commit: str
    subject: str
    path: str
    blob: str


def split_range(spec: str) -> tuple[str, str | None]:
    """`A..B` as (A, B); `A` alone as (A, None): from A to the working tree."""
    base, dots, tip = spec.partition("..")
    if not base or (dots and (not tip or tip.startswith("."))):
        raise UsageError(
            f"`{spec}` är inget intervall av git-versioner: skriv t.ex. --rev main..HEAD eller --rev main."
        )
    return base, tip or None


def check_history(root: Path, spec: str) -> list[Finding]:
    """NV217 for every number that a commit of the range added and the range's end no longer has.

    Numbers still in the last version are left to the check of that version, which shows
    them where they stand now.
    """
    base, tip = split_range(spec)
    written = _written(root, base, tip or "HEAD")
    blobs = _read_blobs(root, sorted({w.blob for w in written})) if written else {}
    last = GitSnapshot(root, tip) if tip else None
    reported: set[tuple[str, str]] = set()
    still: dict[str, set[str]] = {}
    findings = []
    for version in written:
        for hit in scan(blobs.get(version.blob, b"")):
            key = (version.path, hit.number.digits)
            if key in reported:
                continue
            reported.add(key)
            if version.path not in still:
                still[version.path] = {h.number.digits for h in scan(_current(root, last, version.path))}
            if hit.number.digits in still[version.path]:
                continue
            text = (
                f"I commit {version.commit[:10]} ({mask(version.subject)}) lades ett {hit.number.kind} "
                f"({hit.number.masked}) till på den här raden. Det har tagits bort sedan, men finns kvar i "
                "git-historiken: rensa historiken innan ändringen slås ihop (se README, Personuppgifter)."
            )
            findings.append(Finding(Location(version.path, hit.line, hit.column), RULE.code, text))
    return findings


def _current(root: Path, last: GitSnapshot | None, rel: str) -> bytes:
    if last is not None:
        return last.read(rel) or b""
    path = root / rel
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else b""
    except OSError:
        return b""


def _written(root: Path, base: str, tip: str) -> list[Written]:
    """Every data file version that a commit in base..tip wrote, oldest commit first."""
    out = _git(
        root,
        *("log", "--reverse", "-z", "--raw", "--no-abbrev", "--no-renames", "--diff-merges=first-parent"),
        "--format=%H%x1f%s",
        "--end-of-options",
        f"{base}..{tip}",
        "--",
        "data",
        CONFIG_NAME,
    )
    found: list[Written] = []
    commit = subject = ""
    blob: str | None = None
    for token in out.split(b"\0"):
        token = token.lstrip(b"\n")
        if not token:
            continue
        if blob is not None:  # the path after a change's line
            path = token.decode("utf-8", errors="replace")
            if _is_data(path):
                found.append(Written(commit, subject, path, blob))
            blob = None
        elif token.startswith(b":"):
            meta = token.split()
            mode, new, status = meta[1], meta[3].decode(), meta[4]
            kept = not status.startswith(b"D") and mode != b"120000" and new.strip("0")
            blob = new if kept else ""  # the path follows; a removed file has nothing to read
        else:
            head, _, rest = token.partition(b"\x1f")
            commit, subject = head.decode(), rest.decode("utf-8", errors="replace")
    return [w for w in found if w.blob]


def _is_data(path: str) -> bool:
    return path == CONFIG_NAME or (path.startswith("data/") and path.lower().endswith((".yaml", ".yml")))
