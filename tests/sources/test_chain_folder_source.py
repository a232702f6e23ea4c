"""A migrations folder as a SOURCE: replayed into a throwaway local server, then introspected."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import MigrationFailed
from baseline.sources.chainfolder import build_chain_schema, read_chain_schema, replayed
from baseline.errors import UsageError
from requirements import needs_server_binary
from baseline.sources import SourceOptions, load_schema, source_kind

from helpers import make


LOCAL = SourceOptions(scratch="local", progress=False)


pytestmark = needs_server_binary


@pytest.fixture(autouse=True)
def _private_tmp(tmp_path, monkeypatch):
    """Throwaway servers put their folders here, so leftovers are ours to see
    (other test runs on the machine use the shared temp folder)."""
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))


def _local_dirs() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("baseline-local-*"))


def test_scratch_database_gets_the_requested_charset_and_is_removed(tmp_path):
    chain = read_chain(make(tmp_path, {"001_a.sql": "CREATE TABLE a (name varchar(10));\n"}))
    before = _local_dirs()
    with replayed(chain, SourceOptions(scratch="local", progress=False, charset="latin1",
                                       collation="latin1_bin")) as r:
        assert r.replay.applied == ["001_a"]
        conn = r.server.connect(r.database)
        with conn.cursor() as cur:
            cur.execute("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                        "WHERE SCHEMA_NAME = %s", (r.database,))
            assert cur.fetchone() == ("latin1", "latin1_bin")
            cur.execute("SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s",
                        (r.database,))
            assert cur.fetchone() == ("latin1_bin",)
        conn.close()
        assert _local_dirs() - before  # a throwaway server is running
    assert _local_dirs() == before     # ...and gone afterwards


def test_default_charset_is_utf8mb4_general_ci(tmp_path):
    chain = read_chain(make(tmp_path, {"001_a.sql": "SELECT 1;\n"}))
    with replayed(chain, LOCAL) as r:
        conn = r.server.connect(r.database)
        with conn.cursor() as cur:
            cur.execute("SELECT @@character_set_database, @@collation_database")
            assert cur.fetchone() == ("utf8mb4", "utf8mb4_general_ci")
        conn.close()


def test_a_failing_chain_cleans_up_its_server(tmp_path):
    root = make(tmp_path, {"001_a.sql": "CREATE TABLE a (id int);\n", "002_b.sql": "ALTER TABLE nope ADD x int;\n"})
    before = _local_dirs()
    with pytest.raises(MigrationFailed) as e:
        read_chain_schema(root, LOCAL)
    assert e.value.line == 1 and e.value.file.endswith("002_b.sql")
    assert _local_dirs() == before


def test_not_a_chain_is_a_usage_error_before_any_server(tmp_path):
    make(tmp_path, {"notes.txt": "x"})
    before = _local_dirs()
    with pytest.raises(UsageError):
        read_chain_schema(tmp_path, LOCAL)
    assert _local_dirs() == before
    with pytest.raises(UsageError):
        read_chain_schema(tmp_path, SourceOptions(scratch="local", chain_format="flyway", progress=False))


def test_migrations_folder_through_load_schema(tmp_path):
    root = make(tmp_path, {"001_a.sql": "CREATE TABLE accounts (id varchar(255) primary key);\n",
                           "002_b.sql": "CREATE TABLE apps (id int, accountId varchar(255));\n"})
    assert source_kind(str(root)) == "migrations"
    schema = load_schema(str(root), LOCAL)
    assert sorted(schema.tables) == ["accounts", "apps"]
    build = build_chain_schema(read_chain(root), LOCAL)
    assert build.replay.touched[("table", "apps")].migration == "002_b"
    assert build.server.startswith("local")
