"""JUnit XML (Azure DevOps, Jenkins, GitLab's test report and most CI systems).

One test case per checked file, named by its path; each finding in the file is a `failure`
whose type is the code and whose text is the compiler-style line (`fil:rad:kolumn: fel NV105 …`).
A file without findings is a test case that passed.
"""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path
from typing import TextIO
from xml.etree import ElementTree as ET

from naravard.findings import CheckResult

# XML 1.0 cannot hold most control characters at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def tree(result: CheckResult) -> ET.Element:
    """The <testsuites> element."""
    by_file = {rel: list(group) for rel, group in groupby(result.findings, key=lambda f: f.location.file)}
    files = sorted({*result.checked, *by_file})
    counts = {"tests": str(len(files)), "failures": str(len(by_file)), "errors": "0"}
    suites = ET.Element("testsuites", {"name": "naravard", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "naravard", **counts, "skipped": "0"})
    for rel in files:
        case = ET.SubElement(
            suite, "testcase", {"classname": "naravard", "name": _xml(rel), "file": _xml(rel)}
        )
        for f in by_file.get(rel, []):
            loc = f.location
            failure = ET.SubElement(
                case, "failure", {"type": f.code, "message": _xml(f"{f.code} {f.message}")}
            )
            failure.text = _xml(
                f"{loc.file}:{loc.line}:{loc.column}: {f.severity.swedish} {f.code} {f.message}"
            )
    return suites


def write(result: CheckResult, root: Path, stream: TextIO) -> None:
    """Write the JUnit XML document."""
    element = tree(result)
    ET.indent(element)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(element, encoding="unicode") + "\n")
