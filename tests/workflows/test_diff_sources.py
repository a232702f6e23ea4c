"""``baseline diff A B`` end to end with every pair of SOURCE kinds: server URL,
``mariadb-dump`` file, migrations folder. Each kind stands for the same schema
(a chain replayed on the ``server`` fixture, its dump, the chain itself), and for
the same schema with one change (the database altered by hand, its dump, the
chain with one more migration). Dumps and chains are read on ``scratch_server``.
"""
from __future__ import annotations

import itertools
import json

import pytest

from helpers import make, run_sql
from verify_helpers import mariadb_dump, run_cli, scratch_url, target_database, url_of

CHAIN = {
    "001_init.sql": "CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(255) NOT NULL);\n"
                    "CREATE VIEW account_ids AS SELECT id FROM accounts;\n",
    "002_names.sql": "ALTER TABLE accounts ADD COLUMN name VARCHAR(100) NULL;\n",
}
CHANGE = "ALTER TABLE accounts MODIFY email VARCHAR(320) NOT NULL"
KINDS = ("url", "dump", "migrations")


@pytest.fixture(scope="module")
def sources(server, tmp_path_factory):
    """kind -> (same, changed) SOURCE specs."""
    root = tmp_path_factory.mktemp("diff")
    same_chain = make(root / "same", CHAIN)
    changed_chain = make(root / "changed", {**CHAIN, "003_change.sql": CHANGE + ";\n"})
    with target_database(server, same_chain) as same, target_database(server, same_chain) as changed:
        run_sql(server, changed, CHANGE)
        yield {
            "url": (url_of(server, same), url_of(server, changed)),
            "dump": (str(mariadb_dump(server, same, root / "same.sql")),
                     str(mariadb_dump(server, changed, root / "changed.sql"))),
            "migrations": (str(same_chain), str(changed_chain)),
        }


@pytest.mark.parametrize("kind_a, kind_b", list(itertools.product(KINDS, KINDS)))
def test_diff_every_pair_of_source_kinds(kind_a, kind_b, sources, scratch_server):
    scratch = scratch_url(scratch_server)
    same_a, changed_a = sources[kind_a]
    same_b, _ = sources[kind_b]
    r = run_cli("diff", same_a, same_b, "--scratch", scratch, "--report", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["summary"]["objects_compared"] == 3  # database, table, view
    r = run_cli("diff", changed_a, same_b, "--scratch", scratch, "--report", "json")
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert [(d["kind"], d["object"], d["attribute"], d["a"], d["b"]) for d in doc["differences"]] == [
        ("column", "accounts.email", "type", "varchar(320)", "varchar(255)")]
    assert all(d["migration"] is None for d in doc["differences"])  # diff attributes nothing


def test_diff_reads_dumps_offline_without_scratch(sources, monkeypatch):
    """Without --scratch a dump is parsed offline (the parser's job) and no server
    is started for it: here none could be (no engine, no server binary)."""
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    monkeypatch.setenv("BASELINE_MYSQLD", "/nonexistent/mysqld")
    r = run_cli("diff", sources["dump"][0], sources["url"][0])
    assert r.exit_code == 0, r.output
