"""Every report format: JSON validates against the schema in the repo, JUnit parses,
GitHub lines have the documented form, text is grouped and plain when piped."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from baseline.chain.refs import MigrationRef
from baseline.compare import ComparisonResult, Side, attribute_differences, compare, compared_objects
from baseline.errors import UsageError
from baseline.report import FORMATS, render_report, report_schema
from baseline.report.github import escape_data, escape_property
from compare_models import shop_schema
from helpers import ROOT, TESTS

BASELINE = MigrationRef("000_initial_schema", "migrations/000_initial_schema.sql", 1)
TOUCHES = {
    ("table", "orders"): MigrationRef("003_add_status", "migrations/003_add_status.sql", 12),
    ("view", "paid_orders"): MigrationRef("005_views", "migrations/005_views.sql", 3),
}


def _result(command="diff", attribute=False, *, mutate=True) -> ComparisonResult:
    a, b = shop_schema(), shop_schema()
    if mutate:
        b.tables["orders"].column("qty").type = "bigint(20)"
        b.tables["orders"].indexes.pop()                         # ix_status only in A
        b.tables["accounts"].comment = "100% customers: all, of them\r\nsecond line"
        b.views["paid_orders"].definition += " and `o`.`qty` > 1"
        b.tables.pop("event_log")
        b.routines[("FUNCTION", "order_total")].body = "RETURN 0"
    diffs = compare(a, b)
    if attribute:
        diffs = attribute_differences(diffs, TOUCHES, BASELINE)
    labels = ("SOURCE", "chain") if command == "verify" else ("A", "B")
    return ComparisonResult(Side(labels[0], "mysql://app:***@db:3306/shop (MariaDB 10.11.19)"),
                            Side(labels[1], "chain migrations/ replayed on MariaDB 10.11.19"),
                            diffs, command=command, objects=compared_objects(a, b))


# --------------------------------------------------------------------------- json


@pytest.mark.parametrize("command,attribute,mutate", [("diff", False, True), ("verify", True, True),
                                                      ("diff", False, False)])
def test_json_validates_against_the_schema(command, attribute, mutate):
    result = _result(command, attribute, mutate=mutate)
    doc = json.loads(render_report(result, "json"))
    jsonschema.Draft202012Validator.check_schema(report_schema())
    jsonschema.validate(doc, report_schema(), cls=jsonschema.Draft202012Validator)
    assert doc["identical"] is (not mutate)
    assert doc["summary"]["differences"] == len(result.differences)
    assert doc["summary"]["objects_compared"] == len(result.objects)
    assert doc["sides"]["a"]["label"] == result.a.label


def test_json_difference_content():
    doc = json.loads(render_report(_result("verify", True), "json"))
    by = {(d["kind"], d["object"], d["attribute"]): d for d in doc["differences"]}
    qty = by[("column", "orders.qty", "type")]
    assert (qty["a"], qty["b"]) == ("int(11)", "bigint(20)")
    assert qty["owner"] == {"kind": "table", "name": "orders"}
    assert qty["migration"] == {"migration": "003_add_status", "path": "migrations/003_add_status.sql", "line": 12}
    gone = by[("table", "event_log", "exists")]
    assert (gone["a"], gone["b"]) == (True, False)
    assert gone["migration"]["path"] == "migrations/000_initial_schema.sql"  # untouched -> baseline


def test_json_schema_rejects_a_broken_document():
    doc = json.loads(render_report(_result(), "json"))
    doc["differences"][0]["kind"] = "spaceship"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, report_schema())


def test_json_is_deterministic():
    assert render_report(_result(), "json") == render_report(_result(), "json")


# --------------------------------------------------------------------------- junit


def test_junit_parses_with_one_testcase_per_object():
    result = _result("verify", True)
    root = ET.fromstring(render_report(result, "junit"))
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(result.objects) == int(suite.get("tests"))
    failed = [c for c in cases if c.find("failure") is not None]
    owners = {d.owner for d in result.differences}
    assert len(failed) == len(owners) == int(suite.get("failures"))
    orders = next(c for c in cases if c.get("name") == "orders")
    assert orders.get("classname") == "baseline.table"
    assert orders.get("file") == "migrations/003_add_status.sql" and orders.get("line") == "12"
    failure = orders.find("failure")
    assert failure.get("message").startswith("table orders: 2 differences")
    lines = failure.text.splitlines()
    assert lines == ["column qty: type: SOURCE=int(11)  chain=bigint(20)", "index ix_status: only in SOURCE"]
    passed = next(c for c in cases if c.get("name") == "invoice_numbers")
    assert list(passed) == []


def test_junit_escapes_and_replaces_invalid_characters():
    result = _result()
    result.differences[0] = type(result.differences[0])("table", ("x<&>",), "comment", "a\x00b", "\"q\"",
                                                        ("table", "x<&>"))
    text = render_report(result, "junit")
    root = ET.fromstring(text)
    case = next(c for c in root.iter("testcase") if c.get("name") == "x<&>")
    assert "a\ufffdb" in case.find("failure").text


def test_junit_for_identical_schemas_has_no_failures():
    root = ET.fromstring(render_report(_result(mutate=False), "junit"))
    assert root.get("failures") == "0" and int(root.get("tests")) > 5
    assert not list(root.iter("failure"))


# --------------------------------------------------------------------------- github

#: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
GITHUB_LINE = re.compile(r"^::(error|warning|notice)( (file|line|endLine|col|endColumn|title)=[^,:\r\n]*"
                         r"(,(file|line|endLine|col|endColumn|title)=[^,:\r\n]*)*)?::[^\r\n]*$")


def test_github_lines_have_the_documented_form():
    out = render_report(_result("verify", True), "github")
    lines = out.splitlines()
    assert lines and all(GITHUB_LINE.match(line) for line in lines), out
    orders = next(line for line in lines if "table orders" in line)
    assert orders.startswith("::error file=migrations/003_add_status.sql,line=12,title=baseline%3A table orders")
    assert "%0A" in orders  # one annotation per object, differences on separate lines


def test_github_escapes_message_and_properties():
    out = render_report(_result("verify", True), "github")
    accounts = next(line for line in out.splitlines() if "table accounts" in line)
    assert "100%25 customers: all, of them second line" in accounts and "\r" not in accounts
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_without_migrations_has_no_file():
    out = render_report(_result(), "github")
    assert all(line.startswith("::error title=") for line in out.splitlines())


def test_github_identical_is_a_notice():
    out = render_report(_result(mutate=False), "github")
    assert out.startswith("::notice title=baseline%3A no differences::") and GITHUB_LINE.match(out.strip())


# --------------------------------------------------------------------------- text


def test_text_is_grouped_one_difference_a_line_and_plain_when_piped():
    result = _result("verify", True)
    out = render_report(result, "text", stream_is_tty=False)
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "SOURCE: mysql://app:***@db:3306/shop (MariaDB 10.11.19)"
    assert lines[1] == "chain: chain migrations/ replayed on MariaDB 10.11.19"
    headers = [line for line in lines if line and not line.startswith(" ") and line not in lines[:2]]
    assert headers[:-1] == [
        "table accounts  (last touched by migrations/000_initial_schema.sql:1)",
        "table event_log  (last touched by migrations/000_initial_schema.sql:1)",
        "table orders  (last touched by migrations/003_add_status.sql:12)",
        "view paid_orders  (last touched by migrations/005_views.sql:3)",
        "function order_total  (last touched by migrations/000_initial_schema.sql:1)",
    ]
    assert headers[-1] == f"{len(result.differences)} differences in 5 objects"
    body = [line for line in lines if line.startswith("  ")]
    assert len(body) == len(result.differences)
    assert "  column qty: type: SOURCE=int(11)  chain=bigint(20)" in body
    assert "  event_log: only in SOURCE" not in body and "  table event_log: only in SOURCE" in body
    assert "  comment: SOURCE=customer accounts  chain=100% customers: all, of them second line" in body


def test_text_shows_whitespace_when_it_is_the_only_difference():
    a, b = shop_schema(), shop_schema()
    b.tables["accounts"].comment = "customer\naccounts"
    result = ComparisonResult(Side("A"), Side("B"), compare(a, b), objects=compared_objects(a, b))
    out = render_report(result, "text")
    assert "  comment: A=customer accounts  B=customer\\naccounts" in out.splitlines()


def test_text_shortens_long_bodies_around_the_change():
    out = render_report(_result(), "text")
    line = next(x for x in out.splitlines() if x.startswith("  definition:"))
    assert "…" in line and "and `o`.`qty` > 1" in line and len(line) < 220


def test_text_colors_on_a_terminal():
    out = render_report(_result(), "text", stream_is_tty=True)
    assert "\x1b[1m" in out and "\x1b[31m" in out and "\x1b[32m" in out


def test_text_identical():
    out = render_report(_result(mutate=False), "text")
    assert "identical: no differences (10 objects compared)" in out


def test_no_report_carries_a_password():
    result = _result()
    result.a.description = "mysql://app:***@db:3306/shop (MariaDB 10.11.19)"
    for fmt in FORMATS:
        out = render_report(result, fmt)
        assert "***" in out or fmt == "github"
        assert "app:secret" not in out


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError):
        render_report(_result(), "yaml")


def test_database_level_differences_read_as_database():
    a, b = shop_schema(), shop_schema()
    b.collation = "utf8mb4_bin"
    result = ComparisonResult(Side("A"), Side("B"), compare(a, b), objects=compared_objects(a, b))
    lines = render_report(result, "text").splitlines()
    assert lines[lines.index("database") + 1] == "  collation: A=utf8mb4_general_ci  B=utf8mb4_bin"


def test_reports_are_byte_identical_across_hash_seeds(tmp_path):
    """Same input, same bytes: no set or dict order leaks into the output."""
    import os
    import subprocess
    import sys

    script = (
        f"import sys; sys.path[:0] = [{str(TESTS)!r}, {str(TESTS / 'report')!r}]\n"
        "from test_report_formats import _result\n"
        "from baseline.report import render_report\n"
        "r = _result('verify', True)\n"
        "print(''.join(render_report(r, f) for f in ('text', 'json', 'junit', 'github')), end='')\n"
    )
    root = ROOT
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", script], cwd=root, env=env, check=True,
                                capture_output=True).stdout)
    assert len(outs) == 1 and len(outs.pop()) > 1000
