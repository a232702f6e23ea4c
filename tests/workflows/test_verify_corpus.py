"""``baseline verify`` on the corpus chains that replay on MariaDB 10.11, each in its
own format: kratos (popx) up to its first MariaDB failure, temporal (manifest)
whole, umami (Prisma) and openfga (goose) up to their first failures.

The truncated chains are copied into a temporary folder (never into the repo).
Production's stand-in is the chain replayed into a database on the ``server``
fixture; ``verify`` runs through the CLI with the separate ``scratch_server`` as
its throwaway server, against that database as a URL and as a ``mariadb-dump``
file (exit 0), then after one mutation of it (exit 1), where the difference must
be attributed to the file and line that last touched the mutated table. The
expected files and lines are read off the corpus files by hand, not computed.
"""
from __future__ import annotations

import shutil

import pytest

from baseline.chain.read import read_chain
from helpers import run_sql
from verify_helpers import copy_chain, mariadb_dump, scratch_url, summary, target_database, url_of, \
    verify_json

pytestmark = pytest.mark.corpus

#: name -> (chain folder in the corpus, format, migrations that replay on MariaDB 10.11 (None: all),
#:          mutation, expected differences, file and line the mutated table was last touched at)
CHAINS = {
    "kratos": ("chain-ory-kratos/migrations", "popx", 32,
               "ALTER TABLE selfservice_errors MODIFY seen_at DATETIME NOT NULL",
               [("column", "selfservice_errors.seen_at", "nullable")],
               "20191100000010000000_errors.mysql.up.sql", 1),
    "temporal": ("chain-temporal-mysql-v8/schema/mysql/v8/temporal/versioned", "manifest", None,
                 "ALTER TABLE tasks_v2 ADD INDEX by_pass (pass)",
                 [("index", "tasks_v2.by_pass", "exists")], "v1.18/tasks_v2.sql", 3),
    "umami": ("chain-umami-mysql/db/mysql/migrations", "prisma", 4,
              "ALTER TABLE website MODIFY created_by VARCHAR(64) NULL",
              [("column", "website.created_by", "type")], "04_team_redesign/migration.sql", 29),
    "openfga": ("chain-openfga-mysql-goose/assets/migrations/mysql", "goose", 6,
                "ALTER TABLE tuple MODIFY COLUMN object_id VARCHAR(128)",  # production never ran 006
                [("column", "tuple.object_id", "type")], "006_extend_object_id.sql", 2),
}


@pytest.mark.parametrize("name", list(CHAINS))
def test_corpus_chain_verifies_and_attributes_a_mutation(name, corpus, server, scratch_server, tmp_path,
                                                         monkeypatch):
    folder, fmt, upto, mutation, expected, file, line = CHAINS[name]
    source = read_chain(corpus / folder)
    dest = tmp_path / name / "migrations"
    if upto is None:
        shutil.copytree(corpus / folder, dest)
    else:
        assert upto < len(source)  # the next one is the documented first MariaDB failure
        copy_chain(source, dest, upto, extra=("migration_lock.toml",))
    monkeypatch.chdir(tmp_path / name)
    chain = read_chain("migrations")
    assert chain.format == fmt and len(chain) == (upto or len(source))
    scratch = scratch_url(scratch_server)
    with target_database(server, dest) as db:
        dump = mariadb_dump(server, db, tmp_path / f"{name}.sql")
        for against in (url_of(server, db), str(dump)):
            code, doc = verify_json("migrations", against, scratch)
            assert (code, summary(doc)) == (0, []), against
            assert doc["summary"]["objects_compared"] == len(chain_tables(server, db)) + 1  # + the database
        run_sql(server, db, mutation)
        code, doc = verify_json("migrations", url_of(server, db), scratch)
    assert code == 1
    assert summary(doc) == [(*e, f"migrations/{file}", line) for e in expected]


def chain_tables(server, db) -> list[str]:
    conn = server.connect(db)
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW TABLES")
            return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


@pytest.mark.parametrize("name, failing, line, code", [
    ("kratos", "20200317160354000002_create_profile_request_forms.mysql.up.sql", 1, 1364),
    ("umami", "05_add_visit_id/migration.sql", 4, 1305),
    ("openfga", "007_collate_object_id.sql", 7, 1064),
])
def test_corpus_chain_past_its_first_mariadb_failure_exits_2_naming_it(name, failing, line, code, corpus,
                                                                      server, scratch_server):
    """The whole chain: the report says which migration fails, where, and why."""
    folder, *_ = CHAINS[name]
    with server.database() as db:  # SOURCE hardly matters: nothing is compared
        code_, doc = verify_json(corpus / folder, url_of(server, db), scratch_url(scratch_server))
    assert code_ == 2 and not doc["identical"] and doc["differences"] == []
    f = doc["failure"]
    assert f["path"] == str(corpus / folder / failing) and f["line"] == line and f["server_code"] == code
    assert f["applied"] == read_chain(corpus / folder).index_of(f["migration"])
