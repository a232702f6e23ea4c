"""The simulator on the real schemas, dumps and chains of the shared corpus.

Each entry's files are run statement by statement on a scratch database of the
session server, and given to the SchemaBuilder; a statement the server rejects
is skipped on both sides (the corpus notes say which fail on MariaDB 10.11 and
why; their number is checked so that a new rejection is noticed). ``USE`` and
``CREATE/DROP DATABASE`` are skipped on both sides so that everything lands in
the scratch database. At the end the builder's model must equal the model
parsed from the server's SHOW CREATE output of every object.
"""
from __future__ import annotations

from pathlib import Path

import pymysql
import pytest

from baseline.sql.parse import CreateDatabase, DataStatement, Drop, Use, parse_statement
from baseline.engine.builder import SchemaBuilder
from baseline.sql.split import split_sql

from ddl_support import diff_models, show_create_schema

pytestmark = pytest.mark.corpus


def _lines(corpus: Path, order: str, prefix: str = "") -> list[str]:
    base = corpus / order
    return [prefix + line.strip() for line in base.read_text().splitlines() if line.strip()]


#: name -> (files relative to the corpus, or a callable giving them; server rejections expected)
#: Entries in OWN_DATABASE run as written, in the database the files create themselves.
OWN_DATABASE = {"sakila": "sakila", "magentadesk": "base", "employees-own": "employees"}

ENTRIES = {
    "employees-own": (["employees/derived/employees.schema-only.sql", "employees/objects.sql"], 0),
    "employees": (["employees/derived/employees.schema-only.sql", "employees/objects.sql"], 0),
    "employees-partitioned": (["employees/derived/employees_partitioned.schema-only.sql"], 0),
    "sakila": (["sakila/sakila-schema.sql"], 0),
    "phpbb-3.0": (["phpbb-3.0/mysql_41_schema.sql"], 0),
    "world": (["world/world.sql"], 0),
    "world_x-partial": (["world_x/world_x.sql"], 1),
    "magentadesk": (["dump-magentadesk-mariadb10.10/1_base.sql", "dump-magentadesk-mariadb10.10/2_compare.sql"], 0),
    "dbatoolkit": (["dump-dbatoolkit-mysql5.6/dbatools.schema.20161007-133143.sql"], 0),
    "kiigeeks": (["dump-kiigeeks-mariadb10.4/12-10-2021_202203_db_testing_backup.sql"], 0),
    "tfg": (["dump-tfg-mariadb10.11-sandbox/esquema.sql"], 0),
    "wordpress": (["dump-wordpress-frontity-mysql8.0/default-db.sql"], 0),
    "wordpress-yoast": (["dump-wordpress-frontity-mysql8.0/yoast-13.5.sql"], 0),
    "lburiti-patched": (["dump-lburiti-company-mysql8.0.30/derived/company_backup.collation-patched.sql"], 0),
    "womensmell-patched": (["dump-womensmell-mysql8.0.27/derived/createDB_womensmell.collation-patched.sql"], 4),
    "openfga-chain": (lambda c: [f"chain-openfga-mysql-goose/derived/{n}" for n in sorted(
        p.name for p in (c / "chain-openfga-mysql-goose/derived").glob("00[1-6]*.up.sql"))], 0),
    "umami-chain": (lambda c: _lines(c, "chain-umami-mysql/order.txt", "chain-umami-mysql/"), 1),
    "temporal-chain": (lambda c: _lines(c, "chain-temporal-mysql-v8/order.temporal.txt",
                                        "chain-temporal-mysql-v8/"), 0),
    "kratos-chain": (lambda c: _lines(c, "chain-ory-kratos/order.txt", "chain-ory-kratos/"), 1),
}

#: the dumps baseline made of every corpus schema (SHOW CREATE text, parsed offline)
DUMPS = [
    "chain-openfga-mysql-goose/mariadb-dump.nodata.sql", "chain-ory-kratos/mariadb-dump.nodata.sql",
    "chain-temporal-mysql-v8/mariadb-dump.nodata.sql", "chain-temporal-mysql-v8/mariadb-dump.baseline.nodata.sql",
    "chain-umami-mysql/mariadb-dump.nodata.sql", "dump-dbatoolkit-mysql5.6/mariadb-dump.nodata.sql",
    "dump-ecombiz-mysql5.7-cloudsql/mariadb-dump.nodata.sql", "dump-kiigeeks-mariadb10.4/mariadb-dump.nodata.sql",
    "dump-lburiti-company-mysql8.0.30/mariadb-dump.nodata.sql",
    "dump-tfg-mariadb10.11-sandbox/mariadb-dump.nodata.sql",
    "dump-womensmell-mysql8.0.27/mariadb-dump.nodata.sql", "dump-wordpress-frontity-mysql8.0/mariadb-dump.nodata.sql",
    "dump-wordpress-frontity-mysql8.0/mariadb-dump.yoast.nodata.sql", "employees/mariadb-dump.nodata.sql",
    "employees/mariadb-dump.partitioned.nodata.sql", "phpbb-3.0/mariadb-dump.nodata.sql",
    "sakila/mariadb-dump.nodata.sql", "world/mariadb-dump.nodata.sql", "world_x/mariadb-dump.nodata.sql",
]


def _replay(server, db: str, files: list[Path], flavor, own: bool = False) -> tuple[SchemaBuilder, int]:
    """Run the files on the server and through the builder, statement by statement."""
    builder = SchemaBuilder(flavor, name=db, charset="utf8mb4", collation="utf8mb4_general_ci")
    rejected = 0
    conn = server.connect(None if own else db)
    try:
        with conn.cursor() as cur:
            for path in files:
                text = path.read_text(encoding="utf-8", errors="replace")
                for st in split_sql(text, file=str(path)):
                    node = parse_statement(st.text, flavor=flavor, file=str(path), line=st.line,
                                           sql_mode=builder._mode_flags())
                    if not own and (isinstance(node, (Use, CreateDatabase)) or (
                            isinstance(node, Drop) and node.object_kind == "DATABASE")):
                        continue
                    if isinstance(node, DataStatement) and node.verb in ("INSERT", "REPLACE", "LOAD"):
                        continue  # data changes no schema; skipping it keeps the test fast
                    try:
                        cur.execute(st.text)
                        while cur.nextset():
                            pass
                    except pymysql.err.MySQLError:
                        rejected += 1
                        continue
                    builder.apply(node)
    finally:
        conn.close()
    return builder, rejected


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_corpus_source_files_match_server(server, scratch_db, corpus, entry):
    spec, expected_rejections = ENTRIES[entry]
    names = spec(corpus) if callable(spec) else spec
    files = [corpus / n for n in names]
    assert files and all(f.is_file() for f in files), names
    own = OWN_DATABASE.get(entry)
    db = own or scratch_db
    before = _databases(server)
    try:
        builder, rejected = _replay(server, db, files, server.flavor, own=bool(own))
        assert rejected == expected_rejections
        conn = server.connect(db)
        try:
            expected = show_create_schema(conn, db, server.flavor)
        finally:
            conn.close()
    finally:
        _drop_new_databases(server, before)
    assert expected.tables
    assert diff_models(expected, builder.schema) == []


def _databases(server) -> set[str]:
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT schema_name FROM information_schema.schemata")
            return {r[0] for r in cur.fetchall()}
    finally:
        conn.close()


def _drop_new_databases(server, before: set[str]) -> None:
    """Drop the databases a corpus file created itself (never one that existed)."""
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT schema_name FROM information_schema.schemata")
            for (name,) in cur.fetchall():
                if name not in before:
                    cur.execute("DROP DATABASE `" + name.replace("`", "``") + "`")
    finally:
        conn.close()


@pytest.mark.parametrize("dump", DUMPS)
def test_corpus_dump_text_matches_server(server, scratch_db, corpus, dump):
    """A mariadb-dump (SHOW CREATE text) parsed offline equals the server's model
    of the same dump loaded."""
    builder, rejected = _replay(server, scratch_db, [corpus / dump], server.flavor)
    assert rejected == 0
    conn = server.connect(scratch_db)
    try:
        expected = show_create_schema(conn, scratch_db, server.flavor)
    finally:
        conn.close()
    assert diff_models(expected, builder.schema) == []


def test_corpus_multi_database_dump_matches_server(server, corpus):
    """magentadesk's dump holds two databases (``base``, ``compare``) that differ
    on purpose, with sequences referenced by database name: loaded as written,
    each database's model from the dump text equals the server's."""
    dump = corpus / "dump-magentadesk-mariadb10.10/mariadb-dump.nodata.sql"
    before = _databases(server)
    try:
        for db in ("base", "compare"):
            builder, rejected = _replay(server, db, [dump], server.flavor, own=True)
            assert rejected == 0
            conn = server.connect(db)
            try:
                expected = show_create_schema(conn, db, server.flavor)
            finally:
                conn.close()
            assert expected.sequences and expected.tables
            assert diff_models(expected, builder.schema) == []
    finally:
        _drop_new_databases(server, before)
