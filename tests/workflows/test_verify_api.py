"""``run_verify`` as other commands call it (``generate --migrations``, ``adopt``):
a chain or a folder, a SOURCE spec or an already loaded model; what the result holds."""
from __future__ import annotations

import json

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import MigrationFailed
from baseline.compare import ReplayFailure
from baseline.sources.live import read_live
from baseline.workflows.verify import VerifyResult, run_verify
from helpers import make, run_sql
from verify_helpers import scratch_url, target_database, url_of, verify

CHAIN = {
    "000_initial_schema.sql": "CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(255));\n",
    "001_add_name.sql": "-- who\nALTER TABLE accounts ADD COLUMN name VARCHAR(100);\n",
}


@pytest.fixture
def chain_dir(tmp_path):
    return make(tmp_path / "migrations", CHAIN)


def test_a_chain_object_against_a_loaded_model(server, scratch_server, chain_dir):
    with target_database(server, chain_dir) as db:
        source = read_live(server.url.with_database(db), progress=False)
    result = run_verify(read_chain(chain_dir), source, scratch=scratch_url(scratch_server), progress=False,
                        source_description="production (from generate)")
    assert isinstance(result, VerifyResult)
    assert (result.exit_code, result.identical, result.failure) == (0, True, None)
    assert result.replay.applied == ["000_initial_schema", "001_add_name"]
    assert sorted(result.replayed.tables) == ["accounts"] and result.source is source
    assert result.server.startswith("url MariaDB 10.11.") and "pid=" not in result.server
    assert result.comparison.a.description == "production (from generate)"
    result.raise_failure()  # nothing to raise


def test_differences_are_attributed_with_the_folder_as_given(server, scratch_server, chain_dir, monkeypatch):
    monkeypatch.chdir(chain_dir.parent)
    with target_database(server, chain_dir) as db:
        run_sql(server, db, "ALTER TABLE accounts MODIFY name VARCHAR(50)")
        result = run_verify("migrations", url_of(server, db), scratch=scratch_url(scratch_server), progress=False)
    assert result.exit_code == 1
    [d] = result.differences
    assert (d.label, d.attribute, d.a, d.b) == ("column accounts.name", "type", "varchar(50)", "varchar(100)")
    assert (d.migration.migration, d.migration.path, d.migration.line) == (
        "001_add_name", "migrations/001_add_name.sql", 2)


def test_a_failing_migration_is_a_result(server, scratch_server, chain_dir):
    make(chain_dir, {"002_bad.sql": "ALTER TABLE acounts ADD x INT;\n"})
    with server.database() as db:
        result = run_verify(chain_dir, url_of(server, db), scratch=scratch_url(scratch_server), progress=False)
    assert result.exit_code == 2 and not result.identical and result.replayed is None
    assert isinstance(result.failure, MigrationFailed) and result.failure.line == 1
    assert result.replay.applied == ["000_initial_schema", "001_add_name"]
    f = result.comparison.failure
    assert isinstance(f, ReplayFailure)
    assert (f.migration, f.line, f.server_code, f.applied) == ("002_bad", 1, 1146, 2)
    assert f.server_message == "Table 'acounts' doesn't exist"  # the scratch database's name taken out
    with pytest.raises(MigrationFailed):
        result.raise_failure()


def test_a_collation_the_scratch_server_lacks_is_replaced_with_a_note(server, scratch_server, chain_dir):
    """A MySQL 8 production (``utf8mb4_0900_ai_ci``) verified on MariaDB 10.11: the
    chain runs in the nearest database the server can make, the note says so, and
    the database default itself remains a difference (it is one)."""
    with target_database(server, chain_dir) as db:
        source = read_live(server.url.with_database(db), progress=False)
    source.collation = "utf8mb4_0900_ai_ci"
    heard = []
    result = run_verify(chain_dir, source, scratch=scratch_url(scratch_server), progress=False, note=heard.append)
    assert heard == result.notes == [
        f"the scratch server ({scratch_server.flavor}) has no collation utf8mb4_0900_ai_ci: the chain is "
        "replayed into a utf8mb4 database with collation utf8mb4_general_ci; use a server of SOURCE's flavor"]
    assert result.comparison.notes == heard
    assert [(d.kind, d.attribute, d.a, d.b) for d in result.differences] == [
        ("schema", "collation", "utf8mb4_0900_ai_ci", "utf8mb4_general_ci")]
    assert result.differences[0].migration.path.endswith("000_initial_schema.sql")  # database level: baseline


@pytest.mark.corpus
def test_a_mysql8_dump_the_scratch_server_cannot_replay(corpus, scratch_server, chain_dir):
    """MySQL 8's ``utf8mb4_0900_ai_ci`` is unknown to MariaDB 10.11: the dump is read
    offline with a note, or, while the offline parser is not there, exit 2 naming
    the dump's line and how to verify on its own flavor."""
    dump = corpus / "dump-lburiti-company-mysql8.0.30" / "all_databases_backup.sql"
    r = verify(chain_dir, dump, scratch_url(scratch_server), "--schema", "company")
    if r.exit_code == 2:
        assert r.stderr.startswith(f"baseline: error: {dump}:22: the scratch server (MariaDB 10.11.")
        assert "cannot replay the dump written by MySQL 8.0.30: it has no collation utf8mb4_0900_ai_ci" in r.stderr
        assert "hint: verify on a server of the dump's flavor: --scratch docker --image mysql:8.0" in r.stderr
    else:
        assert r.exit_code == 1  # a different schema from this little chain
        offline = (f"the scratch server ({scratch_server.flavor}) cannot replay dump SOURCE ({dump}:22: it has no "
                   "collation utf8mb4_0900_ai_ci (the dump's database default)); it was read offline instead")
        assert any(line.startswith(f"note: {offline}") for line in r.stdout.splitlines())
        assert r.stderr == ""  # the text report says it; not twice on a terminal
        r = verify(chain_dir, dump, scratch_url(scratch_server), "--schema", "company", "--report", "json")
        assert r.exit_code == 1 and json.loads(r.stdout)["notes"][0].startswith(offline)
        assert r.stderr.startswith(f"baseline: note: {offline}")


def test_utf8_spelled_the_mysql_57_way_needs_no_fallback(server, scratch_server, chain_dir):
    """``utf8``/``utf8_general_ci`` (MySQL 5.7, old MariaDB) is ``utf8mb3`` on MariaDB
    10.11: the scratch database gets it, silently, and the tables inherit it."""
    with target_database(server, chain_dir, charset="utf8mb3", collation="utf8mb3_general_ci") as db:
        source = read_live(server.url.with_database(db), progress=False)
    source.charset, source.collation = "utf8", "utf8_general_ci"
    heard = []
    result = run_verify(chain_dir, source, scratch=scratch_url(scratch_server), progress=False, note=heard.append)
    assert heard == [] and result.exit_code == 0, [d.label for d in result.differences]
    assert result.replayed.tables["accounts"].collation == "utf8mb3_general_ci"
