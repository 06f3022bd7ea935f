"""Mistakes people make, applied to real files, and what the editor and validate say about each.

`revised(root)` adds a strategy revision to a copy of a data repository: from 2026 the delmål
`nara-i-hela-dalarna` is called `nara-i-hela-lanet` and the scale is 1–5, and every 2024
follow-up gets a 2026 successor under the new revision. `mutants(root)` applies every mutation
that fits to every follow-up, plan and strategy (one mistake per file), and `compare()` runs the
editor (yaml-language-server, tests/lsp.py) and `naravard validate` on each and sorts the result:
both accept, both reject at the same line:column, both reject elsewhere, only one rejects.
Used by tests/test_editor_lsp.py and bench/editor_agreement.py.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from naravard.api import validate
from naravard.authoring.schemas import write_schema_files
from naravard.loader.cache import ParseCache
from naravard.repository import load_repository

OLD_DELMAL, NEW_DELMAL = "nara-i-hela-dalarna", "nara-i-hela-lanet"

# Codes of checks that need another file than the one in the editor: set aside (NV215 on a
# scale's labels is the file's own business; its cross-revision part is not mutated here).
CROSS_FILE = {"NV204", "NV208", "NV209", "NV210", "NV211", "NV212", "NV213", "NV214"}


def revised(root: Path) -> None:
    """Add the 2026 revision (a delmål renamed, scale 1–5) and 2026 follow-ups to `root`."""
    region = root / "data" / "region"
    first = (region / "strategi.yaml").read_text(encoding="utf-8")
    first = re.sub(r"giltig_tom: \S+", "giltig_tom: 2025-12-31", first, count=1)
    (region / "strategi.yaml").write_text(first, encoding="utf-8")
    second = re.sub(r"giltig_from: \S+", "giltig_from: 2026-01-01", first, count=1)
    second = re.sub(r"giltig_tom: \S+", "giltig_tom: 2030-12-31", second, count=1)
    second = second.replace(OLD_DELMAL, NEW_DELMAL).replace("  max: 4\n", "  max: 5\n")
    second = re.sub(r"(\n    4: [^\n]*\n)", r"\1    5: Stämmer helt\n", second, count=1)
    second += f"ersatter:\n  delmal:\n    {OLD_DELMAL}: {NEW_DELMAL}\n"
    (region / "strategi-2026.yaml").write_text(second, encoding="utf-8")
    for old in sorted(root.glob("data/kommuner/*/uppfoljning-2024.yaml")):
        text = old.read_text(encoding="utf-8").replace("ar: 2024", "ar: 2026", 1)
        text = re.sub(r"inlamnad: 2025-", "inlamnad: 2027-", text).replace(
            f"  {OLD_DELMAL}:", f"  {NEW_DELMAL}:"
        )
        old.with_name("uppfoljning-2026.yaml").write_text(text, encoding="utf-8")
    write_schema_files(load_repository(root), root / "schemas")


@dataclass(frozen=True)
class Mutation:
    name: str
    kind: str  # the file name's start: uppfoljning, lokal-plan, strategi
    pattern: str  # the first match is replaced
    replacement: str


# One mistake each; the pattern's first match in a file is replaced (group references allowed).
MUTATIONS = [
    Mutation("skattning 0", "uppfoljning", r"(\n  nara-for-alla: )\d", r"\g<1>0"),
    Mutation("skattning 5 (bara 2026)", "uppfoljning", r"(\n  nara-for-alla: )\d", r"\g<1>5"),
    Mutation("skattning 6", "uppfoljning", r"(\n  nara-for-alla: )\d", r"\g<1>6"),
    Mutation("skattning som ord", "uppfoljning", r"(\n  nara-for-alla: )\d", r"\g<1>tre"),
    Mutation("skattning som text", "uppfoljning", r"(\n  nara-for-alla: )(\d)", r'\g<1>"\2"'),
    Mutation("skattning null", "uppfoljning", r"(\n  nara-for-alla: )\d", r"\g<1>null"),
    Mutation(
        "skattning lång form, 5",
        "uppfoljning",
        r"(\n  nara-for-alla: )\d",
        r"\g<1>{varde: 5, kommentar: Bra}",
    ),
    Mutation(
        "skattning lång form, okänd nyckel",
        "uppfoljning",
        r"(\n  nara-for-alla: )(\d)",
        r"\1{varde: \2, komentar: Bra}",
    ),
    Mutation("delmål saknas", "uppfoljning", r"\n  nara-for-alla: [^\n]*", ""),
    Mutation("okänt delmål", "uppfoljning", r"\n  nara-for-alla: ", "\n  nara-for-all: "),
    Mutation("gammalt delmål-id", "uppfoljning", rf"\n  {NEW_DELMAL}: ", f"\n  {OLD_DELMAL}: "),
    Mutation("nytt delmål-id", "uppfoljning", rf"\n  {OLD_DELMAL}: ", f"\n  {NEW_DELMAL}: "),
    Mutation(
        "decimalkomma", "uppfoljning", r"(\nnyckeltal:(?:\n[^\n]*)*?\n  [a-z0-9-]+: \d+)\.(\d)", r"\1,\2"
    ),
    Mutation(
        "decimalkomma, lång form",
        "uppfoljning",
        r"(\nnyckeltal:\n  [a-z0-9-]+: )[^\n]*",
        r"\1{varde: 50,2, kommentar: Preliminärt}",
    ),
    Mutation("nyckeltal som text", "uppfoljning", r"(\nnyckeltal:\n  [a-z0-9-]+: )[^\n]*", r"\1ej känt"),
    Mutation(
        "nyckeltal, okänd nyckel",
        "uppfoljning",
        r"(\nnyckeltal:\n  [a-z0-9-]+: )[^\n]*",
        r"\1{varde: 3.5, kala: Kolada}",
    ),
    Mutation("okänt nyckeltal", "uppfoljning", r"\nnyckeltal:\n", "\nnyckeltal:\n  okant-nyckeltal: 3\n"),
    Mutation(
        "tusentalsavgränsare",
        "uppfoljning",
        r"(\nnyckeltal:(?:\n[^\n]*)*?\n  [a-z0-9-]+: )(\d)(\d{3})\b",
        r"\1\2 \3",
    ),
    Mutation("ogiltigt datum", "uppfoljning", r"inlamnad: (\d{4})-\d\d-\d\d", r"inlamnad: \1-02-30"),
    Mutation(
        "29 februari, inte skottår", "uppfoljning", r"inlamnad: \d{4}-\d\d-\d\d", "inlamnad: 2023-02-29"
    ),
    Mutation("29 februari, skottår", "uppfoljning", r"inlamnad: \d{4}-\d\d-\d\d", "inlamnad: 2024-02-29"),
    Mutation("31 april", "uppfoljning", r"inlamnad: (\d{4})-\d\d-\d\d", r"inlamnad: \1-04-31"),
    Mutation("datum på svenska", "uppfoljning", r"inlamnad: (\d{4})-\d\d-\d\d", r"inlamnad: 14/2 \1"),
    Mutation("år som text", "uppfoljning", r"\nar: (\d{4})", r'\nar: "\1"'),
    Mutation("okänd kommun", "uppfoljning", r"\nkommun: ([a-z-]+)", r"\nkommun: \1x"),
    Mutation("felstavad nyckel", "uppfoljning", r"\n    status: ", "\n    stauts: "),
    Mutation("okänd status", "uppfoljning", r"\n    status: pagaende", "\n    status: pågående"),
    Mutation("status null", "uppfoljning", r"\n    status: \w+", "\n    status: null"),
    Mutation("id med versaler", "uppfoljning", r"\n  - id: ([a-z])", r"\n  - id: X\1"),
    Mutation(
        "okänd nyckel",
        "uppfoljning",
        r"\nreflektion:\n",
        "\nreflektion:\n  kommentar: Ett fält som inte finns\n",
    ),
    Mutation("plan: okänt delmål", "lokal-plan", r"delmal: \[nara-for-(\w+)", r"delmal: [nara-for-\1x"),
    Mutation("plan: månad 13", "lokal-plan", r"start: (\d{4})-\d\d\b", r"start: \1-13"),
    Mutation("plan: 30 februari", "lokal-plan", r"start: (\d{4})-\d\d\b", r"start: \1-02-30"),
    Mutation("plan: okänd kommun", "lokal-plan", r"\nkommuner: \[([a-z-]+)", r"\nkommuner: [\1x"),
    Mutation("plan: felstavad nyckel", "lokal-plan", r"\n    ansvarig: ", "\n    ansvarg: "),
    Mutation("plan: antagen ogiltig", "lokal-plan", r"antagen: (\d{4})-\d\d-\d\d", r"antagen: \1-02-30"),
    Mutation(
        "strategi: nyckeltalets delmål",
        "strategi",
        r"\n    delmal: nara-for-mig",
        "\n    delmal: nara-for-mej",
    ),
    Mutation(
        "strategi: etikett utanför skalan",
        "strategi",
        r"\n    4: ([^\n]*)\n",
        "\n    4: \\1\n    7: Utanför\n",
    ),
    Mutation("strategi: etikett som text", "strategi", r"\n    1: ", "\n    ett: "),
    Mutation("strategi: okänd enhet", "strategi", r"enhet: procent", "enhet: promille"),
]


@dataclass(frozen=True)
class Mutant:
    mutation: str
    rel: str  # under the repository root
    text: str


def mutants(root: Path, names: set[str] | None = None) -> Iterator[Mutant]:
    """Every mutation that applies to every file of `root` (a mutation per file)."""
    for path in sorted(root.glob("data/**/*.yaml")):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        for mutation in MUTATIONS:
            if names is not None and mutation.name not in names:
                continue
            if not path.name.startswith(mutation.kind):
                continue
            changed = re.sub(mutation.pattern, mutation.replacement, text, count=1)
            if changed != text:
                yield Mutant(mutation.name, rel, changed)


Place = tuple[int, int]

# Both reject at exactly the same line:column places, at some of them, or at none.
OUTCOMES = (
    "båda godtar",
    "samma rad:kolumn",
    "delvis samma",
    "annan plats",
    "bara editorn avvisar",
    "bara validate avvisar",
)


@dataclass(frozen=True)
class Verdict:
    mutant: Mutant | None  # None: the file as it is
    rel: str
    editor: frozenset[Place]
    cli: frozenset[Place]

    @property
    def outcome(self) -> str:
        if not self.editor and not self.cli:
            return "båda godtar"
        if self.editor == self.cli:
            return "samma rad:kolumn"
        if self.editor and self.cli:
            return "delvis samma" if self.editor & self.cli else "annan plats"
        return "bara editorn avvisar" if self.editor else "bara validate avvisar"


def cli_places(root: Path, rel: str, cache: ParseCache | None = None) -> frozenset[Place]:
    findings = validate(root, [root / rel], cache=cache).findings
    return frozenset((f.location.line, f.location.column) for f in findings if f.code not in CROSS_FILE)


def compare(
    template: Path,
    work: Path,
    found: list[Mutant],
    editor: Callable[[list[Path]], dict[Path, frozenset[Place]]],
    originals: bool = True,
) -> list[Verdict]:
    """Each mutant in its own copy of `template` under `work`, judged by the editor and validate.

    validate keeps a parse cache in `work`, as the CLI does: each copy differs from the template in
    one file, and the unchanged files are parsed once instead of once per copy (the findings are the
    same, naravard.loader.cache)."""
    cases: list[tuple[Mutant | None, Path, str]] = []
    if originals:
        clean = work / "original"
        shutil.copytree(template, clean)
        cases += [
            (None, clean, p.relative_to(clean).as_posix()) for p in sorted(clean.glob("data/**/*.yaml"))
        ]
    for i, mutant in enumerate(found):
        root = work / f"m{i:04d}"
        shutil.copytree(template, root)
        (root / mutant.rel).write_text(mutant.text, encoding="utf-8")
        cases.append((mutant, root, mutant.rel))
    seen = editor([root / rel for _, root, rel in cases])
    cache = ParseCache(work / "parse-cache")
    return [
        Verdict(mutant, rel, seen[root / rel], cli_places(root, rel, cache)) for mutant, root, rel in cases
    ]


def table(verdicts: list[Verdict]) -> str:
    """The agreement as a Markdown table: the valid files, then the mutants by outcome."""
    valid = [v for v in verdicts if v.mutant is None]
    mutated = [v for v in verdicts if v.mutant is not None]
    lines = [
        "| | filer | " + " | ".join(OUTCOMES) + " |",
        "|---|---|" + "---|" * len(OUTCOMES),
    ]
    for label, group in (("giltiga filer", valid), ("muterade filer", mutated)):
        counts = Counter(v.outcome for v in group)
        lines.append(f"| {label} | {len(group)} | " + " | ".join(str(counts[o]) for o in OUTCOMES) + " |")
    return "\n".join(lines)
