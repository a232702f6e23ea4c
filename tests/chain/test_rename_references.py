"""Renaming a referenced column, undone on a model read from a real server: the
walk back (``engine/edits.py``) and the simulator (``engine/builder.py``) share
one rule for which foreign keys point at the table (exact names, as on a
``lower_case_table_names=0`` server; tests/ddl_cases.py holds the simulator's case)."""
from __future__ import annotations

from baseline.engine import edits as E
from baseline.compare import compare
from baseline.sources.live import read_live
from helpers import run_sql

SCHEMA = (
    "SET FOREIGN_KEY_CHECKS = 0",
    "CREATE TABLE c (id INT PRIMARY KEY, pid INT, KEY (pid), "
    "CONSTRAINT c_up FOREIGN KEY (pid) REFERENCES Parent (id))",
    "CREATE TABLE parent (id INT PRIMARY KEY)",
    "CREATE TABLE c2 (id INT PRIMARY KEY, pid INT, CONSTRAINT c2_p FOREIGN KEY (pid) REFERENCES parent (id))",
)


def test_rename_follows_only_references_spelled_like_the_table(server, scratch_db):
    run_sql(server, scratch_db, *SCHEMA)
    url = server.url.with_database(scratch_db)
    before = read_live(url, progress=False)
    run_sql(server, scratch_db, "ALTER TABLE parent RENAME COLUMN id TO pid")
    after = read_live(url, progress=False)
    assert after.tables["c"].foreign_keys[0].ref_columns == ["id"]    # `Parent` is another table
    assert after.tables["c2"].foreign_keys[0].ref_columns == ["pid"]

    parent = before.tables["parent"]
    E.rename_column(before, parent, parent.column("id"), "pid", server.flavor)
    assert compare(before, after) == []
