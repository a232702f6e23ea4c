"""``baseline verify`` through the CLI: every report format (differences, identical,
a migration that fails to replay), exit codes 2 and 3, streams, progress,
passwords. Real servers throughout: ``server`` plays production, ``scratch_server``
is the throwaway server (``--scratch URL``), and one run starts its own local one.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from baseline.report import report_schema
from helpers import make, run_baseline, run_sql
from verify_helpers import mariadb_dump, run_cli, scratch_url, target_database, url_of, verify

CHAIN = {
    "000_initial_schema.sql": """\
CREATE TABLE accounts (id VARCHAR(255) NOT NULL PRIMARY KEY, email VARCHAR(255) NOT NULL);
CREATE TABLE apps (id VARCHAR(255) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL);
CREATE TABLE tenants (id CHAR(36) NOT NULL PRIMARY KEY);
""",
    "001_unified_architecture.sql": """\
-- accounts get SSO
ALTER TABLE accounts ADD COLUMN ssoId VARCHAR(255) NULL;

ALTER TABLE apps ADD COLUMN tenantId CHAR(36) NULL;
CREATE VIEW app_names AS SELECT id, name FROM apps;
""",
}

BROKEN = {
    **CHAIN,
    "002_release_management.sql": """\
CREATE TABLE releases (id INT PRIMARY KEY);

-- the table is called apps, not applications
ALTER TABLE applications
  ADD COLUMN releaseId INT NULL;
""",
}

#: GitHub workflow commands: ``::name key=value,key=value::message``, one a line.
GITHUB_LINE = re.compile(r"^::(error|warning|notice)(?: ((?:file|line|title)=[^,:]*(?:,(?:file|line|title)=[^,:]*)*))?"
                         r"::(.+)$")


@pytest.fixture(scope="module")
def chain_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("repo")
    make(root / "db" / "migrations", CHAIN)
    make(root / "broken", BROKEN)
    return root


@pytest.fixture
def repo(chain_dir, monkeypatch):
    monkeypatch.chdir(chain_dir)
    return chain_dir


@pytest.fixture(scope="module")
def production(server, chain_dir):
    """The chain replayed on ``server``, then changed by hand in two tables."""
    with target_database(server, chain_dir / "db" / "migrations") as db:
        run_sql(server, db, "ALTER TABLE accounts MODIFY email VARCHAR(320) NOT NULL",
                "ALTER TABLE apps ADD INDEX apps_name (name)", "ALTER TABLE apps COMMENT 'all apps'",
                "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY)")
        yield Target(db, url_of(server, db))


@pytest.fixture(scope="module")
def identical(server, chain_dir):
    with target_database(server, chain_dir / "db" / "migrations") as db:
        yield Target(db, url_of(server, db))


@dataclass
class Target:
    db: str
    url: str


def parse_github(text: str) -> list[tuple[str, dict, str]]:
    out = []
    for line in text.splitlines():
        m = GITHUB_LINE.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in m.group(2).split(",")) if m.group(2) else {}
        out.append((m.group(1), props, m.group(3)))
    return out


# --------------------------------------------------------------------------- differences


def test_every_format_reports_the_differences(repo, production, scratch_server):
    scratch = scratch_url(scratch_server)
    runs = {fmt: verify("db/migrations", production.url, scratch, "--report", fmt)
            for fmt in ("text", "json", "junit", "github")}
    assert {fmt: r.exit_code for fmt, r in runs.items()} == dict.fromkeys(runs, 1)
    assert all(r.stderr == "" for r in runs.values())  # reports on stdout, nothing else said

    # text: grouped by object, naming the migration file that last touched it
    text = runs["text"].stdout.splitlines()
    assert "table accounts  (last touched by db/migrations/001_unified_architecture.sql:2)" in text
    assert "  column email: type: SOURCE=varchar(320)  chain=varchar(255)" in text
    assert "table apps  (last touched by db/migrations/001_unified_architecture.sql:4)" in text
    assert "  index apps_name: only in SOURCE" in text
    assert text[-1] == "3 differences in 2 objects"
    assert any(line.startswith("left out: table schema_migrations") for line in text)

    # json: valid against the schema in the repo
    doc = json.loads(runs["json"].stdout)
    jsonschema.validate(doc, report_schema(), cls=jsonschema.Draft202012Validator)
    assert doc["command"] == "verify" and doc["failure"] is None
    assert doc["summary"] == {"differences": 3, "objects_compared": 5, "objects_differing": 2}
    assert doc["excluded"] == [{"kind": "table", "name": "schema_migrations"}]

    # junit: parses; one test case per compared object, the left-out table skipped
    root = ET.fromstring(runs["junit"].stdout)
    cases = root.findall("./testsuite/testcase")
    names = [(c.get("classname"), c.get("name")) for c in cases]
    assert names == [("baseline.table", "schema_migrations"), ("baseline.schema", "(database)"),
                     ("baseline.table", "accounts"), ("baseline.table", "apps"), ("baseline.table", "tenants"),
                     ("baseline.view", "app_names")]
    assert len(cases) == doc["summary"]["objects_compared"] + 1
    failed = {c.get("name"): c for c in cases if c.find("failure") is not None}
    assert sorted(failed) == ["accounts", "apps"]
    assert failed["apps"].get("file") == "db/migrations/001_unified_architecture.sql"
    assert failed["apps"].get("line") == "4"
    assert root.find("./testsuite").get("failures") == "2" and root.find("./testsuite").get("skipped") == "1"

    # github: the documented form, errors pointing at files that exist from here
    lines = parse_github(runs["github"].stdout)
    errors = [(p["file"], p["line"], p["title"]) for kind, p, _ in lines if kind == "error"]
    assert errors == [("db/migrations/001_unified_architecture.sql", "2",
                       "baseline%3A table accounts differs (1 difference)"),
                      ("db/migrations/001_unified_architecture.sql", "4",
                       "baseline%3A table apps differs (2 differences)")]
    assert all(Path(f).is_file() for f, _, _ in errors)
    assert [kind for kind, _, _ in lines] == ["notice", "error", "error"]


def test_every_format_says_identical(repo, identical, scratch_server):
    scratch = scratch_url(scratch_server)
    for fmt, check in (
        ("text", lambda out: "identical: no differences (5 objects compared)" in out),
        ("json", lambda out: json.loads(out)["identical"] is True),
        ("junit", lambda out: ET.fromstring(out).get("failures") == "0"
         and len(ET.fromstring(out).findall("./testsuite/testcase")) == 5),
        ("github", lambda out: parse_github(out)[0][0] == "notice" and "identical" in out),
    ):
        r = verify("db/migrations", identical.url, scratch, "--report", fmt)
        assert r.exit_code == 0 and check(r.stdout), (fmt, r.stdout)


def test_json_is_the_same_run_to_run(repo, production, scratch_server):
    a = verify("db/migrations", production.url, scratch_url(scratch_server), "--report", "json").stdout
    b = verify("db/migrations", production.url, scratch_url(scratch_server), "--report", "json").stdout
    assert a == b


# --------------------------------------------------------------------------- replay failure


def test_a_failing_migration_in_every_format(repo, identical, scratch_server):
    scratch = scratch_url(scratch_server)
    runs = {fmt: verify("broken", identical.url, scratch, "--report", fmt)
            for fmt in ("text", "json", "junit", "github")}
    assert {fmt: r.exit_code for fmt, r in runs.items()} == dict.fromkeys(runs, 2)
    where = "broken/002_release_management.sql:4"
    server_error = "server error 1146: Table 'applications' doesn't exist"

    text = runs["text"].stdout
    assert f"migration 002_release_management failed to replay  ({where})" in text
    assert server_error in text and "near: ALTER TABLE applications ADD COLUMN releaseId INT NULL" in text

    doc = json.loads(runs["json"].stdout)
    jsonschema.validate(doc, report_schema(), cls=jsonschema.Draft202012Validator)
    assert doc["identical"] is False and doc["differences"] == []
    f = doc["failure"]
    assert (f["migration"], f["path"], f["line"], f["server_code"], f["applied"]) == (
        "002_release_management", "broken/002_release_management.sql", 4, 1146, 2)
    assert f["statement"].startswith("ALTER TABLE applications")

    root = ET.fromstring(runs["junit"].stdout)
    [case] = root.findall("./testsuite/testcase")
    assert (case.get("classname"), case.get("name"), case.get("file"), case.get("line")) == (
        "baseline.migration", "002_release_management", "broken/002_release_management.sql", "4")
    assert case.find("failure").get("type") == "ReplayFailure" and server_error in case.find("failure").text

    [(kind, props, message)] = parse_github(runs["github"].stdout)
    assert (kind, props["file"], props["line"]) == ("error", "broken/002_release_management.sql", "4")
    assert props["title"] == "baseline%3A migration 002_release_management failed to replay"
    assert message.startswith(server_error)

    # a machine-readable report is not all: the error is said on stderr too
    for fmt in ("json", "junit", "github"):
        assert runs[fmt].stderr.startswith(f"baseline: error: {where}: migration 002_release_management failed")
    assert "Traceback" not in "".join(r.stderr for r in runs.values())


# --------------------------------------------------------------------------- exit codes 2 and 3


@pytest.mark.parametrize("args, message", [
    (["--migrations", "nowhere", "--against", "x.sql"], "migrations folder not found: nowhere"),
    (["--migrations", "db/migrations", "--against", "missing.sql"], "source not found: missing.sql"),
    (["--migrations", "db/migrations", "--against", "x.sql", "--chain-format", "liquibase"],
     "unknown --chain-format 'liquibase'"),
    (["--migrations", "db", "--against", "x.sql"], "no migration chain recognized in db"),
    (["--migrations", "db/migrations", "--against", "x.sql", "--scratch", "kubernetes"],
     "unknown --scratch value"),
    (["--migrations", "db/migrations", "--against", "x.sql", "--report", "yaml"], "Invalid value for '--report'"),
    (["--against", "x.sql"], "Missing option '--migrations'"),
])
def test_bad_usage_exits_2_before_any_server(repo, args, message):
    (repo / "x.sql").write_text("CREATE TABLE t (id int);\n")
    r = run_cli("verify", *args)
    assert r.exit_code == 2, r.output
    assert message in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_a_file_that_is_not_a_dump_names_file_and_line(repo, scratch_server):
    (repo / "notes.sql").write_text("\n\nhello world, this is not SQL;\n")
    r = verify("db/migrations", "notes.sql", scratch_url(scratch_server))
    assert r.exit_code == 2
    assert r.stderr.startswith("baseline: error: notes.sql:3: does not look like a SQL dump")


def test_unreachable_source_exits_3(repo, scratch_server):
    r = verify("db/migrations", "mysql://app:hunter2@127.0.0.1:1/prod", scratch_url(scratch_server))
    assert r.exit_code == 3
    assert "cannot reach mysql://app:***@127.0.0.1:1/" in r.stderr and "hunter2" not in r.stderr + r.stdout


def test_no_throwaway_server_exits_3(repo, identical, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    monkeypatch.setenv("BASELINE_MYSQLD", "/nonexistent/mysqld")
    for scratch, message in (("local", "$BASELINE_MYSQLD (/nonexistent/mysqld) is not an executable server binary"),
                             ("auto", "no throwaway server can be started here"),
                             ("docker", "no Docker engine for --scratch docker"),
                             ("mysql://root@127.0.0.1:1/", "cannot reach scratch server")):
        r = verify("db/migrations", identical.url, scratch)
        assert r.exit_code == 3, (scratch, r.output)
        assert message in r.stderr and "Traceback" not in r.stderr
        assert r.stdout == ""


# --------------------------------------------------------------------------- sources, servers, streams


def test_dump_source_and_own_local_server(repo, server, identical, tmp_path):
    """A dump as SOURCE is replayed on the verify server itself; here that server is
    a local one this run starts and stops (``--scratch local``)."""
    dump = mariadb_dump(server, identical.db, tmp_path / "prod.sql")
    r = verify("db/migrations", str(dump), "local")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[:2] == [f"SOURCE: dump {dump} (MariaDB {_version(server)})",
                                         f"chain: chain db/migrations replayed on local MariaDB {_version(server)}"]


def test_dump_source_is_described_by_its_own_server_version(repo, server, identical, tmp_path):
    """The SOURCE line names the server that wrote the dump (its header), not the
    scratch server that replayed it, when both share their canonical forms."""
    dump = mariadb_dump(server, identical.db, tmp_path / "prod.sql")
    text = dump.read_text()
    header = re.search(r"^-- Server version\t(\S+)$", text, re.M)
    assert header, text[:400]
    dump.write_text(text.replace(header.group(0), "-- Server version\t10.11.5-MariaDB-log", 1))
    r = verify("db/migrations", str(dump), "local")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == f"SOURCE: dump {dump} (MariaDB 10.11.5)"


def _version(server) -> str:
    return ".".join(map(str, server.flavor.version))


def test_source_charset_reaches_the_scratch_database(server, scratch_server, tmp_path, monkeypatch):
    """A chain whose CREATE TABLEs name no charset rebuilds a latin1 production only
    if the scratch database is latin1 too."""
    make(tmp_path / "m", {"001_a.sql": "CREATE TABLE notes (body VARCHAR(100));\n"})
    monkeypatch.chdir(tmp_path)
    with target_database(server, tmp_path / "m", charset="latin1", collation="latin1_german1_ci") as db:
        r = verify("m", url_of(server, db), scratch_url(scratch_server), "--report", "json")
    assert r.exit_code == 0, r.stdout
    assert json.loads(r.stdout)["summary"]["objects_compared"] == 2


def test_passwords_never_appear(repo, server, scratch_server, production):
    run_sql(scratch_server, None, "CREATE USER IF NOT EXISTS 'ci'@'%' IDENTIFIED BY 'scratch-pw-123'",
            "GRANT ALL ON *.* TO 'ci'@'%'")
    run_sql(server, None, "CREATE USER IF NOT EXISTS 'reader'@'%' IDENTIFIED BY 'source-pw-456'",
            "GRANT SELECT, SHOW VIEW ON *.* TO 'reader'@'%'")
    db = production.db
    source = f"mysql://reader:source-pw-456@127.0.0.1:{server.url.port}/{db}"
    scratch = f"mysql://ci:scratch-pw-123@127.0.0.1:{scratch_server.url.port}/"
    try:
        runs = {fmt: verify("db/migrations", source, scratch, "--report", fmt)
                for fmt in ("text", "json", "junit", "github")}
    finally:
        run_sql(scratch_server, None, "DROP USER 'ci'@'%'")
        run_sql(server, None, "DROP USER 'reader'@'%'")
    for fmt, r in runs.items():
        assert r.exit_code == 1, r.output
        assert "pw-" not in r.stdout + r.stderr, fmt
    head = runs["text"].stdout.splitlines()[:2]
    assert head[0].startswith(f"SOURCE: mysql://reader:***@127.0.0.1:{server.url.port}/{db} (MariaDB")
    assert head[1].startswith("chain: chain db/migrations replayed on url MariaDB")
    assert f"at mysql://ci:***@127.0.0.1:{scratch_server.url.port}/" in head[1]


def test_real_process_report_on_stdout_progress_only_on_a_terminal(repo, production, scratch_server):
    """stdout is the report alone (parses as JSON) whether stderr is a terminal or
    not; progress appears on stderr only when it is one."""
    args = ["verify", "--migrations", "db/migrations", "--against", production.url,
            "--scratch", scratch_url(scratch_server), "--report", "json"]
    code, out, err = run_baseline(args, terminal=False)
    assert code == 1 and json.loads(out)["summary"]["differences"] == 3
    assert err == ""

    code, out, terminal = run_baseline(args, terminal=True)
    assert code == 1 and json.loads(out)["summary"]["differences"] == 3
    assert "replaying migrations: 2/2" in terminal and "reading" in terminal
