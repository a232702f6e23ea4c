"""How commands fail, for people and for CI (issue 14 items 7 and 11): every
report format has a document for exit 2 and 3, a failure's line is the line the
server names, a failure is said once, ``diff`` leaves tool history tables out
unless asked, and every command's --help lists its exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from baseline.cli import cli
from baseline.report import report_schema
from conftest import ROOT
from helpers import make

UNREACHABLE = "mysql://nobody@127.0.0.1:1/app"


def run(*args):
    r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _valid(doc: dict) -> dict:
    jsonschema.validate(doc, report_schema(), cls=jsonschema.Draft202012Validator)
    return doc


@pytest.mark.parametrize("command", ["verify", "diff"])
def test_every_report_has_a_document_for_exit_3(tmp_path, command):
    chain = make(tmp_path / "m", {"001_a.sql": "CREATE TABLE a (id INT);\n"})
    args = (["verify", "--migrations", chain, "--against", UNREACHABLE] if command == "verify"
            else ["diff", UNREACHABLE, chain])
    code, out, err = run(*args, "--report", "json")
    assert code == 3 and "baseline: error: cannot reach mysql://***@127.0.0.1:1/" in err, err
    doc = _valid(json.loads(out))
    assert doc["identical"] is False and doc["command"] == command
    assert doc["failure"]["error"] == "environment" and doc["failure"]["exit_code"] == 3
    assert doc["failure"]["message"].startswith("cannot reach mysql://***@127.0.0.1:1/")
    code, out, err = run(*args, "--report", "junit")
    assert code == 3
    suite = ET.fromstring(out)
    assert suite.get("failures") == "1"
    failure = suite.find(".//testcase/failure")
    assert failure is not None and failure.get("type") == "EnvironmentProblem" and "cannot reach" in failure.get("message")
    code, out, err = run(*args, "--report", "github")
    assert code == 3 and out.startswith(f"::error title=baseline {command} could not run (exit 3)::")
    code, out, err = run(*args)  # text: the message on stderr is the whole story, stdout stays empty
    assert code == 3 and out == "" and "cannot reach" in err


def test_every_report_has_a_document_for_exit_2(tmp_path):
    chain = make(tmp_path / "m", {"001_a.sql": "ALTER TABLE a ADD COLUMN b INT;\n"})
    dump = tmp_path / "bad.sql"
    dump.write_text("CREATE TABLE a (id INT);\nFROBNICATE THE WIDGETS NOW;\n")
    code, out, err = run("verify", "--migrations", chain, "--against", dump, "--report", "json")
    assert code == 2, err
    f = _valid(json.loads(out))["failure"]
    assert (f["error"], f["exit_code"], f["file"], f["line"]) == ("input", 2, str(dump), 2)
    assert f["message"].startswith("unknown statement 'FROBNICATE'") and "--force" in f["hint"]
    code, out, err = run("verify", "--migrations", chain, "--against", dump, "--report", "github")
    assert code == 2 and out.startswith(f"::error file={dump},line=2,title=baseline verify could not run (exit 2)::")
    code, out, err = run("verify", "--migrations", chain, "--against", dump, "--report", "junit")
    case = ET.fromstring(out).find(".//testcase")
    assert case.get("file") == str(dump) and case.get("line") == "2" and case.find("failure").get("type") == "InputError"


def test_failure_line_is_the_line_the_server_names(server, tmp_path):
    """The statement starts on line 2; the server's syntax error is on its third line."""
    chain = make(tmp_path / "m", {
        "000_base.sql": "CREATE TABLE a (id INT);\n",
        "001_bad.sql": "-- a comment\nALTER TABLE a\n  ADD COLUMN b INT,\n  ADD COLUMN c INT BOGUS;\n",
    })
    dump = tmp_path / "prod.sql"
    dump.write_text("CREATE TABLE a (id INT, b INT, c INT);\n")
    code, out, err = run("verify", "--migrations", chain, "--against", dump, "--scratch", server.url,
                         "--report", "json")
    assert code == 2, err
    f = _valid(json.loads(out))["failure"]
    assert f["path"].endswith("001_bad.sql") and f["line"] == 4, f
    code, out, err = run("verify", "--migrations", chain, "--against", dump, "--scratch", server.url)
    assert "001_bad.sql:4" in out, out


def test_a_failure_is_said_once_when_both_streams_go_to_one_place(server, tmp_path):
    chain = make(tmp_path / "m", {"000_base.sql": "CREATE TABLE a (id INT);\n",
                                  "001_bad.sql": "ALTER TABLE nowhere ADD COLUMN b INT;\n"})
    dump = tmp_path / "prod.sql"
    dump.write_text("CREATE TABLE a (id INT);\n")
    args = [sys.executable, "-m", "baseline", "verify", "--migrations", str(chain), "--against", str(dump),
            "--scratch", server.url.unredacted()]
    merged = subprocess.run(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
    assert merged.returncode == 2
    assert merged.stdout.count("doesn't exist") == 1, merged.stdout
    # apart (the report to a file, people reading the terminal): on both
    apart = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert apart.returncode == 2 and "doesn't exist" in apart.stdout
    assert apart.stderr.count("migration 001_bad failed") == 1, apart.stderr


def test_diff_leaves_tool_history_tables_out_unless_asked(server, tmp_path):
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        with server.connect(db).cursor() as cur:
            cur.execute("CREATE TABLE a (id INT)")
            cur.execute("CREATE TABLE `SequelizeMeta` (name VARCHAR(255) NOT NULL PRIMARY KEY)")
        dump = tmp_path / "d.sql"
        dump.write_text("CREATE TABLE a (id INT);\n")
        url = server.url.with_database(db)
        code, out, err = run("diff", url, dump)
        assert code == 0, out
        assert "left out: table SequelizeMeta" in out
        code, out, err = run("diff", url, dump, "--include-bookkeeping")
        assert code == 1 and "SequelizeMeta" in out


@pytest.mark.parametrize("command", ["generate", "verify", "diff", "inspect", "adopt", "bootstrap", "doctor"])
def test_help_lists_exit_codes(command):
    code, out, err = run(command, "--help")
    assert code == 0
    text = " ".join(out.split())
    assert ("Exit codes:" in out or "Exit 0 " in text) and " 2 " in text or "3 otherwise" in text, out
    assert "3" in text.split("Exit", 1)[1]
