"""Every migration tool's history table can be written on every server of the
matrix: ``bootstrap --tool`` (and ``adopt``) create it with the tool's own
definition. Flyway's index was created with MariaDB's ``CREATE INDEX IF NOT
EXISTS``, which MySQL refuses: an internal error on MySQL 9.7 until this test."""
from __future__ import annotations

import pytest

from helpers import make
from servers import matrix_keys
from verify_helpers import run_cli

TOOLS = {  # tool -> its table
    "golang-migrate": "schema_migrations", "goose": "goose_db_version", "dbmate": "schema_migrations",
    "flyway": "flyway_schema_history", "prisma": "_prisma_migrations",
}


@pytest.mark.parametrize("key", matrix_keys())
def test_bootstrap_records_every_tools_history(key, pairs, tmp_path):
    pair = pairs(key)
    chain = make(tmp_path / "m", {"001_t.sql": "CREATE TABLE t (id INT PRIMARY KEY);\n"})
    for tool, table in TOOLS.items():
        db = f"hist_{tool.replace('-', '_')}"
        try:
            r = run_cli("bootstrap", "--migrations", str(chain), "--to", pair.target.url(db), "--tool", tool)
            assert r.exit_code == 0, (tool, r.output)
            assert f"{tool} history recorded" in r.output
            (n,), = pair.target.sql(f"SELECT COUNT(*) FROM `{db}`.`{table}`")
            assert n >= 1, tool
        finally:
            pair.target.sql(f"DROP DATABASE IF EXISTS `{db}`")
