"""Progress lines: on a terminal for every phase that takes long on big inputs,
never when stderr is piped.

Phases: introspecting a live database (tables, views and sequences counted),
reading a dump (bytes), building a model from its DDL offline (statements),
replaying a dump's DDL on a throwaway server (statements), replaying a chain
(migrations, and the statements of a big file such as a baseline). Each runs as
a real CLI process twice: stderr on a pseudo-terminal, and stderr piped.
"""
from __future__ import annotations

import re
import subprocess

import pytest

from baseline.connect.execute import execute_script
from helpers import run_baseline

SCHEMA = "\n".join(
    [f"CREATE TABLE t{i} (id int PRIMARY KEY, name varchar(20) NOT NULL DEFAULT '', KEY k (name));"
     for i in range(60)]
    + ["CREATE VIEW v AS SELECT id FROM t0;"])


def both(args: list[str]) -> tuple[str, str]:
    """The terminal's stderr and the piped stderr; both runs must succeed alike."""
    code_t, out_t, err_t = run_baseline(args, terminal=True)
    code_p, out_p, err_p = run_baseline(args, terminal=False)
    assert code_t == code_p == 0, (err_t, err_p)
    assert out_t == out_p  # progress never reaches stdout
    assert "\r" not in err_p and "\x1b[" not in err_p
    return err_t, err_p


@pytest.fixture(scope="module")
def source(server):
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        conn = server.connect(db)
        execute_script(conn, SCHEMA)
        conn.close()
        yield server.url.with_database(db), db


@pytest.fixture(scope="module")
def dump_file(server, source, tmp_path_factory):
    url, db = source
    path = tmp_path_factory.mktemp("dump") / "shop.sql"
    with open(path, "w") as f:
        subprocess.run(["mariadb-dump", f"--socket={server.url.unix_socket}", "-u", "root", "--no-data", db],
                       stdout=f, check=True)
    return path


def test_introspection_counts_tables_and_views(source):
    url, db = source
    terminal, piped = both(["inspect", str(url)])
    assert f"reading {db}: 61/61 (100%)" in terminal and "\r\x1b[2K" in terminal
    assert piped == ""


def test_a_dump_shows_bytes_read_then_statements_parsed(dump_file):
    terminal, piped = both(["inspect", str(dump_file)])
    assert f"reading {dump_file}:" in terminal and " KB" in terminal
    assert f"reading the DDL of {dump_file}:" in terminal and "(100%)" in terminal
    assert piped == ""


def test_a_dump_replayed_on_a_throwaway_server_counts_statements(dump_file):
    terminal, piped = both(["inspect", str(dump_file), "--scratch", "local"])
    assert "replaying the DDL: " in terminal and "(100%)" in terminal
    assert "reading" in terminal and piped == ""


def test_a_chain_shows_migrations_and_the_statements_of_a_big_file(source, tmp_path):
    url, _db = source
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    (migrations / "000_initial_schema.sql").write_text(SCHEMA + "\n")
    (migrations / "001_more.sql").write_text("CREATE TABLE extra (id int);\n")
    code, _out, terminal = run_baseline(["diff", str(migrations), str(url), "--scratch", "local"], terminal=True)
    code_p, _out_p, piped = run_baseline(["diff", str(migrations), str(url), "--scratch", "local"], terminal=False)
    assert code == code_p == 1  # the chain adds `extra`
    assert "replaying migrations: 2/2" in terminal
    assert re.search(r"000_initial_schema: \d+/61 statements", terminal)  # drawn at most 10 times a second
    assert "\r" not in piped and "replaying" not in piped
