"""Replaying chains into a real MariaDB: results, failures, downs, attribution.

The corpus tests use the ``mariadb`` command-line client as an independent
oracle: the same files fed to it must leave the same tables (same SHOW CREATE
TABLE) as baseline's executor does.
"""
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import MigrationFailed, replay_chain, select_migrations
from baseline.errors import InputError, UsageError
from baseline.connect.execute import ExecutionError, execute_statements
from baseline.sql.split import split_sql
from requirements import client

from helpers import make


# ---------------------------------------------------------------- helpers


def tables(server, db) -> list[str]:
    conn = server.connect(db)
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW FULL TABLES")
            return sorted(r[0] for r in cur.fetchall())
    finally:
        conn.close()


def creates(server, db) -> dict[str, str]:
    """SHOW CREATE of every table/view, AUTO_INCREMENT counters and the db name removed."""
    conn = server.connect(db)
    out = {}
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW FULL TABLES")
            for name, kind in cur.fetchall():
                cur.execute(f"SHOW CREATE {'VIEW' if kind == 'VIEW' else 'TABLE'} `{name}`")
                text = cur.fetchone()[1]
                text = re.sub(r" AUTO_INCREMENT=\d+", "", text).replace(f"`{db}`.", "")
                out[name] = text
    finally:
        conn.close()
    return out


@pytest.fixture(scope="session")
def mariadb_client():
    return client()


def client_replay(client, server, db, files: list[Path]) -> int:
    """Feed ``files`` to the command-line client until one fails; returns how many succeeded."""
    url = server.url
    for i, f in enumerate(files):
        with open(f, "rb") as fh:
            res = subprocess.run([client, "--no-defaults", f"--user={url.user or 'root'}",
                                  f"--socket={url.unix_socket}", db], stdin=fh, capture_output=True)
        if res.returncode != 0:
            return i
    return len(files)


def load_dump(server, db, dump: Path) -> None:
    """A corpus mariadb-dump loaded into ``db`` (its CREATE DATABASE/USE left out)."""
    conn = server.connect(db)
    try:
        sts = [s for s in split_sql(dump.read_text(), file=str(dump))
               if not re.match(r"(CREATE DATABASE|USE)\b", s.text)]
        execute_statements(conn, sts, file=str(dump))
    finally:
        conn.close()


# ---------------------------------------------------------------- synthetic chains

CHAIN = {
    "001_sync_tables.sql": """\
CREATE TABLE accounts (
  id VARCHAR(255) NOT NULL PRIMARY KEY,
  email VARCHAR(255) UNIQUE
);
CREATE TABLE apps (id VARCHAR(255) PRIMARY KEY, accountId VARCHAR(255),
  FOREIGN KEY (accountId) REFERENCES accounts (id) ON DELETE CASCADE);
""",
    "002_unified_architecture.sql": """\
-- add SSO columns
ALTER TABLE accounts ADD COLUMN ssoId VARCHAR(255);
ALTER TABLE accounts ADD COLUMN firstName VARCHAR(255);
CREATE INDEX apps_account ON apps (accountId);
INSERT INTO accounts (id, email) VALUES ('a1', 'a@example.com');
""",
    "003_routines.sql": """\
CREATE VIEW account_emails AS SELECT id, email FROM accounts;
DELIMITER $$
CREATE PROCEDURE count_accounts(OUT n INT)
BEGIN
  SELECT COUNT(*) INTO n FROM accounts;
END$$
CREATE TRIGGER accounts_bi BEFORE INSERT ON accounts FOR EACH ROW
BEGIN
  SET NEW.email = LOWER(NEW.email);
END$$
DELIMITER ;
""",
    "010_rename.sql": "RENAME TABLE apps TO applications;\n",
}


def test_replay_runs_the_chain_and_attributes_each_object_to_its_last_migration(server, scratch_db, tmp_path):
    chain = read_chain(make(tmp_path, CHAIN))
    result = replay_chain(chain, server, scratch_db, progress=False)
    assert result.applied == ["001_sync_tables", "002_unified_architecture", "003_routines", "010_rename"]
    assert result.statements == 2 + 4 + 3 + 1
    assert tables(server, scratch_db) == ["account_emails", "accounts", "applications"]
    t = result.touched
    assert (t[("table", "accounts")].migration, t[("table", "accounts")].line) == ("002_unified_architecture", 3)
    assert t[("table", "accounts")].path == "002_unified_architecture.sql"
    assert t[("table", "apps")].migration == "010_rename"  # renamed away last
    assert t[("table", "applications")].migration == "010_rename"
    assert (t[("view", "account_emails")].migration, t[("view", "account_emails")].line) == ("003_routines", 1)
    assert t[("routine", "procedure count_accounts")].line == 3
    assert t[("trigger", "accounts_bi")].line == 7
    assert set(t) == {("table", "accounts"), ("table", "apps"), ("table", "applications"),
                      ("view", "account_emails"), ("routine", "procedure count_accounts"),
                      ("trigger", "accounts_bi")}


def test_a_failing_migration_names_file_line_statement_and_server_error(server, scratch_db, tmp_path):
    root = make(tmp_path, {
        "001_a.sql": "CREATE TABLE a (id int);\n",
        "002_b.sql": "ALTER TABLE a ADD x int;\n\nALTER TABLE missing_table ADD y int;\nALTER TABLE a ADD z int;\n",
        "003_c.sql": "CREATE TABLE c (id int);\n",
    })
    with pytest.raises(MigrationFailed) as e:
        replay_chain(read_chain(root), server, scratch_db, progress=False)
    err = e.value
    assert isinstance(err, ExecutionError) and isinstance(err, InputError) and err.exit_code == 2
    assert err.file == str(root / "002_b.sql") and err.line == 3
    assert err.server_code == 1146 and "missing_table" in err.server_message
    assert err.migration.id == "002_b"
    text = str(err)
    assert text.startswith(f"{root / '002_b.sql'}:3: migration 002_b failed: server error 1146")
    assert "near: ALTER TABLE missing_table ADD y int" in text
    assert err.partial.applied == ["001_a"]
    # the statement before the failing one did run (as with the mysql client), and is attributed
    assert err.partial.touched[("table", "a")].migration == "002_b"
    conn = server.connect(scratch_db)
    with conn.cursor() as cur:
        cur.execute("SHOW COLUMNS FROM a")
        assert [r[0] for r in cur.fetchall()] == ["id", "x"]
    conn.close()


def test_goose_blocks_and_downs_round_trip(server, scratch_db, tmp_path):
    root = make(tmp_path, {
        "001_init.sql": "-- +goose Up\nCREATE TABLE t (id int primary key, n int);\n"
                        "-- +goose Down\nDROP TABLE t;\n",
        "002_proc.sql": "-- +goose Up\n-- +goose StatementBegin\nCREATE PROCEDURE bump()\nBEGIN\n"
                        "  UPDATE t SET n = n + 1;\n  SELECT 1;\nEND;\n-- +goose StatementEnd\n\n"
                        "-- +goose Down\nDROP PROCEDURE bump;\n",
    })
    chain = read_chain(root)
    up = replay_chain(chain, server, scratch_db, progress=False)
    assert up.touched[("routine", "procedure bump")].line == 3
    conn = server.connect(scratch_db)
    with conn.cursor() as cur:
        cur.execute("SELECT ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s",
                    (scratch_db,))
        assert "SELECT 1;" in cur.fetchone()[0]
    conn.close()
    down = replay_chain(chain, server, scratch_db, direction="down", progress=False)
    assert down.applied == ["002_proc", "001_init"]
    assert down.touched[("table", "t")].line == 4  # the down section's line in 001_init.sql
    assert tables(server, scratch_db) == []


def test_dbmate_up_and_down(server, scratch_db, tmp_path):
    root = make(tmp_path, {
        "20240101000000_a.sql": "-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n",
        "20240102000000_b.sql": "-- migrate:up\nALTER TABLE a ADD b int;\n-- migrate:down\nALTER TABLE a DROP b;\n",
    })
    chain = read_chain(root)
    replay_chain(chain, server, scratch_db, progress=False)
    assert tables(server, scratch_db) == ["a"]
    r = replay_chain(chain, server, scratch_db, direction="down", upto=1, progress=False)
    assert r.applied == ["20240102000000_b"]
    conn = server.connect(scratch_db)
    with conn.cursor() as cur:
        cur.execute("SHOW COLUMNS FROM a")
        assert [x[0] for x in cur.fetchall()] == ["id"]
    conn.close()


def test_upto_and_down_selection(tmp_path):
    chain = read_chain(make(tmp_path, {f"{i}_m.up.sql": "" for i in range(1, 6)}
                            | {f"{i}_m.down.sql": "" for i in range(1, 6)}))
    ids = lambda ms: [m.id for m in ms]  # noqa: E731
    assert ids(select_migrations(chain, "up", 2)) == ["1_m", "2_m"]
    assert ids(select_migrations(chain, "up", "3_m")) == ["1_m", "2_m", "3_m"]
    assert ids(select_migrations(chain, "up", "3")) == ["1_m", "2_m", "3_m"]
    assert ids(select_migrations(chain, "down")) == ["5_m", "4_m", "3_m", "2_m", "1_m"]
    assert ids(select_migrations(chain, "down", 2)) == ["5_m", "4_m"]
    assert ids(select_migrations(chain, "down", "4_m")) == ["5_m", "4_m"]
    with pytest.raises(UsageError):
        select_migrations(chain, "up", "nope")
    with pytest.raises(UsageError):
        select_migrations(chain, "sideways")


def test_down_without_down_scripts_is_refused_before_running(server, scratch_db, tmp_path):
    chain = read_chain(make(tmp_path, {"001_a.sql": "CREATE TABLE a (id int);\n"}))
    replay_chain(chain, server, scratch_db, progress=False)
    with pytest.raises(InputError) as e:
        replay_chain(chain, server, scratch_db, direction="down", progress=False)
    assert "001_a" in str(e.value) and "no down script" in str(e.value)
    assert tables(server, scratch_db) == ["a"]


def test_empty_migrations_are_no_ops(server, scratch_db, tmp_path):
    chain = read_chain(make(tmp_path, {"1_a.up.sql": "CREATE TABLE a (id int);", "2_b.up.sql": "",
                                       "3_c.up.sql": "-- nothing for MySQL\n"}))
    r = replay_chain(chain, server, scratch_db, progress=False)
    assert r.applied == ["1_a", "2_b", "3_c"] and r.empty == ["2_b", "3_c"] and r.statements == 1


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_on_a_terminal_only(server, tmp_path, monkeypatch, capsys):
    chain = read_chain(make(tmp_path, {"1_a.sql": "CREATE TABLE a (id int);", "2_b.sql": "SELECT 1;"}))
    with server.database() as db:
        replay_chain(chain, server, db, progress=True)
    assert capsys.readouterr().err == ""  # piped: silent
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    with server.database() as db:
        replay_chain(chain, server, db, progress=True)
    assert "2/2" in term.getvalue() and "replaying" in term.getvalue()


# ---------------------------------------------------------------- corpus chains on MariaDB 10.11


def _dump_tables(dump: Path) -> list[str]:
    return sorted(re.findall(r"^CREATE TABLE `([^`]+)`", dump.read_text(), re.M))


@pytest.mark.corpus
def test_temporal_replays_fully_to_the_38_tables_of_its_dump(server, scratch_db, corpus):
    base = corpus / "chain-temporal-mysql-v8"
    chain = read_chain(base / "schema/mysql/v8/temporal")
    r = replay_chain(chain, server, scratch_db, progress=False)
    assert len(r.applied) == 26
    got = tables(server, scratch_db)
    assert len(got) == 38  # SOURCE.md: 38 tables
    assert got == _dump_tables(base / "mariadb-dump.nodata.sql")
    assert {k[1] for k in r.touched if k[0] == "table"} >= set(got)


@pytest.mark.corpus
@pytest.mark.parametrize("folder, chain_dir, oracle_files, index, file_end, line, code", [
    ("chain-ory-kratos", "migrations", "order.txt", 33,
     "20200317160354000002_create_profile_request_forms.mysql.up.sql", 1, 1364),
    ("chain-umami-mysql", "db/mysql/migrations", "order.txt", 5, "05_add_visit_id/migration.sql", 4, 1305),
    ("chain-openfga-mysql-goose", "assets/migrations/mysql", "order.txt", 7, "007_collate_object_id.sql", 7, 1064),
])
def test_corpus_chain_stops_at_its_first_mariadb_failure_like_the_client(
        server, corpus, mariadb_client, folder, chain_dir, oracle_files, index, file_end, line, code):
    base = corpus / folder
    chain = read_chain(base / chain_dir)
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as ours, \
            server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as theirs:
        with pytest.raises(MigrationFailed) as e:
            replay_chain(chain, server, ours, progress=False)
        err = e.value
        assert len(err.partial.applied) == index - 1
        assert err.migration.id == chain.migrations[index - 1].id
        assert err.file.endswith(file_end) and err.line == line and err.server_code == code
        files = [base / p for p in (base / oracle_files).read_text().split()][:index]
        assert client_replay(mariadb_client, server, theirs, files) == index - 1
        assert creates(server, ours) == creates(server, theirs)
        assert tables(server, ours)


@pytest.mark.corpus
@pytest.mark.parametrize("folder, chain_dir, good", [
    ("chain-ory-kratos", "migrations", 32),
    ("chain-openfga-mysql-goose", "assets/migrations/mysql", 6),
])
def test_corpus_downs_walk_back_to_an_empty_database(server, scratch_db, corpus, folder, chain_dir, good):
    chain = read_chain(corpus / folder / chain_dir)
    replay_chain(chain, server, scratch_db, upto=good, progress=False)
    assert tables(server, scratch_db)
    r = replay_chain(chain.slice(0, good), server, scratch_db, direction="down", progress=False)
    assert r.applied == [m.id for m in reversed(chain.migrations[:good])]
    assert tables(server, scratch_db) == []


@pytest.mark.corpus
def test_all_352_kratos_downs_from_its_dumped_schema(server, scratch_db, corpus):
    base = corpus / "chain-ory-kratos"
    load_dump(server, scratch_db, base / "mariadb-dump.nodata.sql")
    assert len(tables(server, scratch_db)) == 26
    r = replay_chain(read_chain(base / "migrations"), server, scratch_db, direction="down", progress=False)
    assert len(r.applied) == 352
    assert tables(server, scratch_db) == []


@pytest.mark.corpus
def test_openfga_007_down_fails_on_mariadb_at_its_line(server, scratch_db, corpus):
    base = corpus / "chain-openfga-mysql-goose"
    load_dump(server, scratch_db, base / "mariadb-dump.nodata.sql")
    with pytest.raises(MigrationFailed) as e:
        replay_chain(read_chain(base / "assets/migrations/mysql"), server, scratch_db, direction="down",
                     progress=False)
    err = e.value
    assert err.migration.id == "007_collate_object_id" and err.direction == "down"
    assert err.line == 10 and err.server_code == 1064 and "(down)" in str(err)
    assert err.partial.applied == ["008_collate_identifiers"]


@pytest.mark.corpus
@pytest.mark.parametrize("folder, chain_dir, failing, count", [
    ("chain-ory-kratos", "migrations", [33, 345], 26),
    ("chain-umami-mysql", "db/mysql/migrations", [5], 11),
])
def test_corpus_chain_past_its_failures_reaches_the_documented_tables(
        server, scratch_db, corpus, folder, chain_dir, failing, count):
    """Like the corpus's --continue runs: skip each failing migration and go on; the
    failures are exactly the documented ones and the tables are those of the dump."""
    base = corpus / folder
    chain = read_chain(base / chain_dir)
    r = replay_chain(chain, server, scratch_db, progress=False, keep_going=True)
    failed = [chain.index_of(e.migration.id) + 1 for e in r.failed]
    assert failed == failing and len(r.applied) == len(chain) - len(failing)
    assert all(e.file and e.line and e.server_code for e in r.failed)
    got = tables(server, scratch_db)
    assert len(got) == count and got == _dump_tables(base / "mariadb-dump.nodata.sql")
