"""The JUnit XML report: one test case per object, failing ones carry the differences.

CI systems (GitLab, Jenkins, GitHub test reporters) show each compared object as a
test; a failure's message counts the differences and its text lists them, one a
line, as in the text report. A chain that failed to replay (``verify``) is one
failing test case named after the migration (with its file and line); tables left
out of the comparison are skipped test cases. Built with ``xml.etree`` so escaping is right;
characters XML 1.0 cannot carry are replaced.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..compare.differences import ComparisonResult
from .grouping import group_by_owner
from .values import (EXCLUDED_WHY, describe, error_line, failure_cause, failure_lines, failure_where,
                     owner_title, show_model, show_ref)

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def render_junit(result: ComparisonResult) -> str:
    groups = dict(group_by_owner(result.differences))
    objects = list(result.objects) or list(groups)
    objects += [o for o in groups if o not in objects]
    failures = sum(1 for o in objects if o in groups)
    if result.failure is not None or result.error is not None:
        objects, failures = [], 1
    excluded = list(result.excluded)
    tests = len(objects) + len(excluded) + (1 if result.failure is not None or result.error is not None else 0)
    name = f"baseline {result.command}: {result.a.label} vs {result.b.label}"
    suites = ET.Element("testsuites", name="baseline", tests=str(tests), failures=str(failures),
                        errors="0")
    suite = ET.SubElement(suites, "testsuite", name=_clean(name), tests=str(tests),
                          failures=str(failures), errors="0", skipped=str(len(excluded)))
    props = ET.SubElement(suite, "properties")
    for key, side in (("a", result.a), ("b", result.b)):
        ET.SubElement(props, "property", name=f"{key}.label", value=_clean(side.label))
        ET.SubElement(props, "property", name=f"{key}.description", value=_clean(side.description))
    for i, text in enumerate(result.notes, 1):
        ET.SubElement(props, "property", name=f"note.{i}", value=_clean(text))
    if result.failure is not None:
        f = result.failure
        case = ET.SubElement(suite, "testcase", classname="baseline.migration", name=_clean(f.migration),
                             file=_clean(f.path))
        if f.line:
            case.set("line", str(f.line))
        failure = ET.SubElement(case, "failure", message=_clean(f"failed to replay at {failure_where(f)}: "
                                                                f"{failure_cause(f)}"), type="ReplayFailure")
        failure.text = _clean("\n".join(failure_lines(f)))
    if result.error is not None:
        e = result.error
        case = ET.SubElement(suite, "testcase", classname=f"baseline.{result.command}",
                             name=_clean(f"{result.command} could not run"))
        if e.file:
            case.set("file", _clean(e.file))
            if e.line:
                case.set("line", str(e.line))
        failure = ET.SubElement(case, "failure", message=_clean(error_line(e)),
                                type="EnvironmentProblem" if e.exit_code == 3 else "InputError")
        failure.text = _clean(error_line(e) + (f"\nhint: {e.hint}" if e.hint else ""))
    for kind, obj in excluded:
        case = ET.SubElement(suite, "testcase", classname=f"baseline.{kind}", name=_clean(obj))
        ET.SubElement(case, "skipped", message=f"left out: {EXCLUDED_WHY}")
    for owner in objects:
        kind, obj = owner
        case = ET.SubElement(suite, "testcase", classname=f"baseline.{kind}", name=_clean(obj or "(database)"))
        diffs = groups.get(owner)
        if not diffs:
            continue
        ref = diffs[0].migration
        if ref is not None:
            case.set("file", _clean(ref.path))
            if ref.line:
                case.set("line", str(ref.line))
        n = len(diffs)
        message = f"{owner_title(owner)}: {n} difference{'s' if n != 1 else ''}"
        if ref is not None:
            message += f" (last touched by {show_ref(ref)})"
        if diffs[0].model is not None:
            message += f" (model {show_model(diffs[0].model)})"
        failure = ET.SubElement(case, "failure", message=_clean(message), type="SchemaDifference")
        failure.text = _clean("\n".join(describe(d, result.a.label, result.b.label) for d in diffs))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
