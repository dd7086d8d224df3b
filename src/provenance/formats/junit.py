"""JUnit XML: one test case per article, one failure per shown finding at or above `fail-on` (by
default what a writer should fix, `provenance.writer`; the suite's `system-out` counts the rest); an input
that could not be read is a test case with an error (the run exits with code 2).

CI systems (GitLab, Jenkins, Azure Pipelines) show these as test results. Findings below the
threshold are listed in the test case's `system-out`. XML 1.0 cannot hold most control
characters even escaped, so they are shown as `\\x1b`-style text before ElementTree escapes the rest.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from provenance import findings as fnd
from provenance.core.globs import relative_path
from provenance.formats.interface import RenderContext, strip_controls
from provenance.model import Report


def _clean(text: str) -> str:
    return strip_controls(text, keep="\n\t")


def render(report: Report, ctx: RenderContext) -> str:
    from provenance.writer import view

    fail_on = ctx.config.fail_on
    shown = view(report, ctx.findings, ctx.config)
    findings = shown.shown
    failing_ids = {id(f) for f in fnd.failing(findings, fail_on)}
    suites = ET.Element("testsuites", name="provenance")
    suite = ET.SubElement(suites, "testsuite", name="provenance")
    tests = failures = errors = 0
    for article in report.articles:
        tests += 1
        src = relative_path(article.source, ctx.config.root)
        case = ET.SubElement(suite, "testcase", classname="provenance", name=_clean(src), file=_clean(src))
        notes: list[str] = []
        for f in findings:
            if f.source != article.source:
                continue
            text = f"{src}:{f.line}:{f.column}: {f.rule_id} {f.name} [{f.severity.value}] {f.message}"
            if id(f) in failing_ids:
                failures += 1
                failure = ET.SubElement(case, "failure", message=_clean(f"{f.rule_id} {f.message}"),
                                        type=f.rule_id)
                failure.text = _clean(text)
            else:
                notes.append(("(suppressed) " if f.suppressed else "") + text)
        if notes:
            ET.SubElement(case, "system-out").text = _clean("\n".join(notes))
    for sk in report.skipped:  # an input that could not be read fails the run (exit code 2): an error
        tests += 1
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="provenance", name=_clean(sk.source))
        ET.SubElement(case, "error", message=_clean(sk.reason), type="unreadable-input").text = _clean(
            f"{sk.source}: {sk.reason}")
    for el in (suites, suite):
        el.set("tests", str(tests))
        el.set("failures", str(failures))
        el.set("errors", str(errors))
    suite.set("skipped", "0")
    if shown.summary:
        ET.SubElement(suite, "system-out").text = _clean(shown.summary)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
