"""The editor against validate on the shipped data with a strategy revision and one mistake per file.

A copy of the repository gets a 2026 revision that renames a delmål and widens the scale to 1–5
(tests/editor_mutations.py), its schemas are generated, and every mutation is applied to every
file it fits. yaml-language-server (the YAML extension's server in VS Code, `make editor-server`)
and `naravard validate` judge each file; the table counts where they agree at line:column.

    python bench/editor_agreement.py [--detail]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.editor_mutations import compare, mutants, revised, table  # noqa: E402
from tests.lsp import YamlLanguageServer, server_command  # noqa: E402


def main() -> int:
    if server_command() is None:
        print("yaml-language-server saknas: kör `make editor-server` (kräver node och npm).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        template.mkdir()
        shutil.copytree(ROOT / "data", template / "data")
        revised(template)
        found = list(mutants(template))
        work = Path(tmp) / "work"
        work.mkdir()
        with YamlLanguageServer(work, {}) as server:

            def editor(paths: list[Path]) -> dict[Path, frozenset[tuple[int, int]]]:
                seen = server.diagnostics(paths)
                return {p: frozenset((d.line, d.column) for d in ds) for p, ds in seen.items()}

            verdicts = compare(template, work, found, editor)
    print(table(verdicts))
    if "--detail" in sys.argv:
        by = Counter((v.mutant.mutation if v.mutant else "(giltig fil)", v.outcome) for v in verdicts)
        for (name, outcome), n in sorted(by.items()):
            print(f"{n:4d}  {name}: {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
