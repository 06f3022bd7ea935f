"""The accessibility gate: axe-core finds no WCAG 2.1 A/AA violation in the HTML report.

axe-core runs in the machine's Chromium. It is not a Python package: `make axe` installs it with
npm into build/axe/ (gitignored; .ci/run runs it before the tests), or NARAVARD_AXE_CORE names an
axe.min.js. Without Chromium or axe-core the tests skip. The Word and PDF files have their own
checks (headings, alt text, table headers, language) in test_report_word.py and test_report_pdf.py.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from naravard.api import build_report
from tests.conftest import PROJECT, Repo
from tests.report_support import CHROMIUM, chromium_page

AXE = Path(os.environ.get("NARAVARD_AXE_CORE", PROJECT / "build/axe/node_modules/axe-core/axe.min.js"))
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed: run `make axe`"),
]


def violations(browser: Any, page_path: Path) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations of a page: rule, help and the elements it names."""
    # The report forbids every script (Content-Security-Policy); the test page may run axe only.
    with chromium_page(browser, bypass_csp=True) as page:
        page.goto(page_path.as_uri())
        page.add_script_tag(path=str(AXE))
        result: dict[str, Any] = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_21_AA,
        )
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


def test_the_region_report_has_no_wcag_violation(browser: Any, repo: Repo, tmp_path: Path) -> None:
    [html] = build_report(repo.root, 2024, tmp_path, formats=("html",))
    assert violations(browser, html) == []


def test_a_kommuns_own_report_has_no_wcag_violation(browser: Any, repo: Repo, tmp_path: Path) -> None:
    [html] = build_report(repo.root, 2024, tmp_path, formats=("html",), kommuner=("borlange",))
    assert violations(browser, html) == []


def test_the_gate_fails_on_a_violation(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><title>t</title></head><body><img src="data:,"></body></html>',
        encoding="utf-8",
    )
    found = violations(browser, page)
    assert any(v.startswith("image-alt:") for v in found)
    assert any(v.startswith("html-has-lang:") for v in found)
