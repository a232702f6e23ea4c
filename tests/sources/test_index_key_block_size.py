"""Index ``KEY_BLOCK_SIZE``: the server keeps it per index and SHOW CREATE shows it
where it differs from the table's; ``information_schema`` has no column for it.
Read live, read from a ``mariadb-dump`` offline, rendered and reloaded, the
model holds the same sizes; a changed size is a difference ``diff`` reports."""
from __future__ import annotations

from baseline.compare import compare
from baseline.sources.live import read_live
from dump_agreement import offline, render
from roundtrip import load_with_client, show_create_differences
from helpers import run_sql
from verify_helpers import mariadb_dump, run_cli

TABLES = (
    # the index's own size differs from the table's: shown
    "CREATE TABLE z (a INT PRIMARY KEY, b VARCHAR(20), c INT, KEY kb (b) KEY_BLOCK_SIZE=8, KEY kc (c)) "
    "ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=4",
    # compressed, no table size: the index's is shown
    "CREATE TABLE z2 (a INT PRIMARY KEY, b VARCHAR(20), KEY kb (b) KEY_BLOCK_SIZE=8) ENGINE=InnoDB ROW_FORMAT=COMPRESSED",
    # indexes keep the size they were made under when the table's changes
    "CREATE TABLE z3 (a INT PRIMARY KEY, b VARCHAR(20), KEY kb (b) KEY_BLOCK_SIZE=4) "
    "ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8",
    "ALTER TABLE z3 KEY_BLOCK_SIZE=4",
    # MyISAM rounds to its block: every index shows 1024
    "CREATE TABLE m (a INT PRIMARY KEY, b VARCHAR(20), KEY kb (b)) ENGINE=MyISAM KEY_BLOCK_SIZE=8",
)

EXPECTED = {("z", "kb"): 8, ("z", "kc"): None, ("z", "PRIMARY"): None, ("z2", "kb"): 8, ("z2", "PRIMARY"): None,
            ("z3", "PRIMARY"): 8, ("z3", "kb"): None, ("m", "PRIMARY"): 1024, ("m", "kb"): 1024}


def _sizes(schema) -> dict:
    return {(t.name, i.name): i.key_block_size for t in schema.tables.values() for i in t.indexes}


def test_live_dump_and_reload_agree(server, scratch_db, tmp_path):
    run_sql(server, scratch_db, *TABLES)
    live = read_live(server.url.with_database(scratch_db), progress=False)
    assert _sizes(live) == EXPECTED

    dumped = offline(mariadb_dump(server, scratch_db, tmp_path / "d.sql"))
    assert _sizes(dumped) == EXPECTED
    assert compare(live, dumped) == []

    text = render(live)
    assert "KEY `kb` (`b`) KEY_BLOCK_SIZE=8" in text
    with server.database(charset=live.charset, collation=live.collation) as again:
        load_with_client(server, again, text)
        reloaded = read_live(server.url.with_database(again), progress=False)
        assert compare(live, reloaded) == []
        assert show_create_differences(server, scratch_db, again) == []


def test_a_changed_size_is_reported_by_diff(server, scratch_db, tmp_path):
    run_sql(server, scratch_db, *TABLES)
    before = mariadb_dump(server, scratch_db, tmp_path / "before.sql")
    run_sql(server, scratch_db, "ALTER TABLE z DROP INDEX kb, ADD INDEX kb (b) KEY_BLOCK_SIZE=2")
    url = str(server.url.with_database(scratch_db))
    res = run_cli("diff", str(before), url)
    assert res.exit_code == 1, res.output
    assert "key_block_size" in res.stdout and "A=8" in res.stdout and "B=2" in res.stdout, res.stdout
