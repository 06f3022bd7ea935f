"""Finding the repository and what each file in it is, from its place and name.

data/region/strategi.yaml, strategi-<namn>.yaml   the strategy (revisions)
data/region/handlingsplan-<år>.yaml               the regional handlingsplan
data/region/nyckeltal-<år>.yaml                   nyckeltal imported from Kolada (naravard kolada)
data/kommuner/<kommun>/lokal-plan.yaml            a local plan
data/kommuner/<kommun>/uppfoljning-<år>.yaml      a yearly follow-up
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from naravard.errors import UsageError


class Kind(StrEnum):
    """What a data file is."""

    STRATEGY = "strategi"
    HANDLINGSPLAN = "handlingsplan"
    NYCKELTAL = "nyckeltal"
    PLAN = "lokal-plan"
    FOLLOWUP = "uppfoljning"
    UNKNOWN = "okand"


@dataclass(frozen=True)
class DataFile:
    """A file under data/ and what its place and name say about it."""

    path: Path
    rel: str
    kind: Kind
    year: int | None = None
    folder: str | None = None  # the kommun folder, for files under data/kommuner/


_REGION_FILES = (
    (re.compile(r"strategi(-[a-z0-9-]+)?\.yaml\Z"), Kind.STRATEGY),
    (re.compile(r"handlingsplan-([0-9]{4})\.yaml\Z"), Kind.HANDLINGSPLAN),
    (re.compile(r"nyckeltal-([0-9]{4})\.yaml\Z"), Kind.NYCKELTAL),
)
_KOMMUN_FILES = (
    (re.compile(r"lokal-plan\.yaml\Z"), Kind.PLAN),
    (re.compile(r"uppfoljning-([0-9]{4})\.yaml\Z"), Kind.FOLLOWUP),
)
EXPECTED_NAMES = {
    "region": ("strategi.yaml", "handlingsplan-ÅÅÅÅ.yaml", "nyckeltal-ÅÅÅÅ.yaml"),
    "kommuner": ("lokal-plan.yaml", "uppfoljning-ÅÅÅÅ.yaml"),
}


def find_root(start: Path, explicit: Path | None = None) -> Path:
    """The repository root: `explicit`, or the nearest folder upwards holding data/region/."""
    if explicit is not None:
        if not (explicit / "data" / "region").is_dir():
            raise UsageError(f"{explicit} är inget naravard-repositorium: mappen data/region/ saknas där.")
        return explicit.resolve()
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / "data" / "region").is_dir():
            return folder
    raise UsageError(
        "Hittar inget naravard-repositorium: ingen mapp data/region/ här eller i någon "
        "mapp ovanför. Gå till repositoriets mapp eller ange --root."
    )


def relative_path(root: Path, path: Path) -> str:
    """A path given on the command line, relative to the repository (it must exist inside it).

    A path written the Windows way (`data\\kommuner\\falun`, copied from Explorer or a
    colleague's instructions) is read with `/` where no file has the name as written.
    """
    resolved = path.resolve()
    if not resolved.exists() and "\\" in str(path):
        resolved = Path(str(path).replace("\\", "/")).resolve()
    if not resolved.exists():
        raise UsageError(f"{path} finns inte.")
    if not resolved.is_relative_to(root):
        raise UsageError(f"{path} ligger inte i repositoriet {root}.")
    return resolved.relative_to(root).as_posix()


def within(rel: str, prefixes: Sequence[str]) -> bool:
    """True when the repository path `rel` is one of `prefixes` or inside one (`.` is everything)."""
    return any(p in ("", ".") or rel == p or rel.startswith(p.rstrip("/") + "/") for p in prefixes)


def classify(root: Path, path: Path) -> DataFile:
    """What the file at `path` is, judged by where it stands and what it is called."""
    rel = path.relative_to(root).as_posix()
    parts = rel.split("/")
    name = parts[-1]
    if parts[:2] == ["data", "region"] and len(parts) == 3:
        for pattern, kind in _REGION_FILES:
            match = pattern.match(name)
            if match:
                year = int(match.group(1)) if kind is not Kind.STRATEGY else None
                return DataFile(path, rel, kind, year=year)
    if parts[:2] == ["data", "kommuner"] and len(parts) == 4:
        for pattern, kind in _KOMMUN_FILES:
            match = pattern.match(name)
            if match:
                year = int(match.group(1)) if kind is Kind.FOLLOWUP else None
                return DataFile(path, rel, kind, year=year, folder=parts[2])
    folder = parts[2] if parts[:2] == ["data", "kommuner"] and len(parts) > 3 else None
    return DataFile(path, rel, Kind.UNKNOWN, folder=folder)


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def iter_data_files(root: Path) -> Iterator[DataFile]:
    """Every YAML file under data/, sorted, classified. Hidden folders are skipped.

    The walk keeps its own stack (1,100 nested folders made Path.rglob recurse past Python's
    limit) and never enters a folder that is a symbolic link: what lies behind one is outside
    what the repository holds. A file that is a link is listed, and the loader refuses it.
    """
    data = root / "data"
    if data.is_symlink():
        raise UsageError(
            "Mappen data/ är en symbolisk länk och läses inte: naravard läser bara filer som "
            "ligger i repositoriet. Lägg in själva mappen i stället för en länk."
        )
    found: list[Path] = []
    folders = [data]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif _is_yaml(path) and not entry.is_dir():
                found.append(path)
    for path in sorted(found):
        yield classify(root, path)


class GitSnapshot:
    """The data files of a git revision, read through git itself: no checkout is changed."""

    def __init__(self, root: Path, revision: str) -> None:
        self.root = root
        self.revision = revision
        self._blobs: dict[str, str] = {}
        self._contents: dict[str, bytes] | None = None
        from naravard.loader import MAX_BYTES  # not at the top: `--help` loads no YAML parser

        self.too_large: set[str] = set()  # blobs over the loader's size limit: never read (issue 21)
        if revision.startswith("-"):
            raise UsageError(
                f"`{revision}` är ingen git-version. Ange t.ex. --rev main..HEAD eller --rev HEAD~1."
            )
        # --end-of-options: a revision is never taken for an option of git's (`--rev --output=…`).
        listing = _git(
            root,
            "ls-tree",
            "-r",
            "-z",
            "-l",
            "--full-tree",
            "--end-of-options",
            revision,
            "--",
            "data",
            CONFIG_NAME,
        )
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, _, rel = record.partition(b"\t")
            mode, kind, blob, size = meta.split()
            name = rel.decode("utf-8", errors="replace")
            if kind == b"blob":
                self._blobs[name] = blob.decode() if mode != b"120000" else ""
                if size.isdigit() and int(size) > MAX_BYTES:
                    self.too_large.add(name)

    def files(self) -> list[DataFile]:
        """Every YAML file under data/ at the revision, classified like the working tree's."""
        found = [
            classify(self.root, self.root / rel)
            for rel in sorted(self._blobs)
            if rel.startswith("data/")
            and _is_yaml(Path(rel))
            and not any(p.startswith(".") for p in rel.split("/")[1:])
        ]
        return found

    def paths(self) -> list[str]:
        """Every file of the revision under data/ (YAML or not) and naravard.yaml, from the root."""
        return list(self._blobs)

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file at the revision; None for a symlink or a missing file."""
        blob = self._blobs.get(rel)
        if not blob:
            return None
        if rel in self.too_large:
            return None
        if self._contents is None:
            wanted = sorted({b for rel, b in self._blobs.items() if b and rel not in self.too_large})
            self._contents = _read_blobs(self.root, wanted)
        return self._contents.get(blob)


class MemorySnapshot:
    """A repository held in memory (path → bytes): what a test or an example checks, no disk."""

    def __init__(self, root: Path, contents: Mapping[str, bytes]) -> None:
        self.root = root
        self._contents = dict(contents)

    def files(self) -> list[DataFile]:
        """Every YAML file under data/, classified like the working tree's."""
        names = sorted(rel for rel in self._contents if rel.startswith("data/") and _is_yaml(Path(rel)))
        return [classify(self.root, self.root / rel) for rel in names]

    def paths(self) -> list[str]:
        """Every file held (YAML or not), from the root."""
        return list(self._contents)

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file; None when there is none."""
        return self._contents.get(rel)


Snapshot = GitSnapshot | MemorySnapshot
"""A repository's files read from somewhere else than the working tree (a git revision, memory)."""


CONFIG_NAME = "naravard.yaml"


def _read_blobs(root: Path, blobs: list[str]) -> dict[str, bytes]:
    # One `git cat-file --batch` for all files: a process per file would cost seconds.
    out = _git(root, "cat-file", "--batch", stdin="\n".join(blobs).encode() + b"\n")
    contents: dict[str, bytes] = {}
    position = 0
    while position < len(out):
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        contents[header[0].decode()] = out[position : position + size]
        position += size + 1
    return contents


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            check=False,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"git kunde inte köras: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args[:2])}: {message[-1] if message else 'misslyckades'}")
    return done.stdout


def describe_commit(root: Path) -> str:
    """The git commit of the data (with a note when data/ has uncommitted changes), for provenance."""
    try:
        commit = _git(root, "rev-parse", "HEAD").decode().strip()
        dirty = _git(root, "status", "--porcelain", "--", "data").strip()
    except UsageError:
        return "okänd (inte ett git-repositorium)"
    return f"{commit} (med ändringar som inte är incheckade)" if dirty else commit
