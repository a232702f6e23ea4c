"""CREATE TABLEs over several connections give exactly what a serial run gives.

baseline/connect/parallel.py runs long runs of independent CREATE TABLEs of a
script concurrently. Checked here on a real server: the same tables (SHOW
CREATE TABLE text and the introspected model) as a serial run for a generated
legacy schema with foreign keys, cycles, views and routines; the same error
(file, line, server message) and the same statements reported before it when
something fails; session state (sql_mode, character set) carried to the extra
connections; and which statements may run in parallel at all.
"""
from __future__ import annotations

import importlib.util

import pytest

from baseline.compare import CompareOptions, compare
from baseline.render.ddl import create_statements
from baseline.render.sqlfile import render_statements
from baseline.sources.live import read_live
from baseline.connect.execute import ExecutionError, execute_script
from baseline.connect.parallel import ParallelExecutor, plain_create, plan
from baseline.sql.split import Statement, split_sql
from helpers import ROOT



def _gen_schema():
    spec = importlib.util.spec_from_file_location("gen_schema", ROOT / "bench" / "gen_schema.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _show_creates(server, db: str) -> dict[str, str]:
    conn = server.connect(db)
    out = {}
    with conn.cursor() as cur:
        cur.execute("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s "
                    "AND TABLE_TYPE = 'BASE TABLE'", (db,))
        for (name,) in cur.fetchall():
            cur.execute(f"SHOW CREATE TABLE `{name}`")
            out[name] = cur.fetchone()[1]
    conn.close()
    return out


def _run(server, db: str, statements, connections: int, min_batch: int = 4, file: str = "000.sql"):
    conn = server.connect(db)
    seen: list[int] = []
    try:
        with ParallelExecutor(conn, lambda: server.connect(db), connections=connections,
                              min_batch=min_batch) as ex:
            try:
                ex.execute(statements, file=file, on_statement=lambda st: seen.append(st.line))
                error = None
            except ExecutionError as e:
                error = e
            return ex.parallel_statements, seen, error
    finally:
        conn.close()


# ------------------------------------------------------------------ which statements


def test_plain_create_reads_names_references_and_constraints():
    info = plain_create("CREATE TABLE IF NOT EXISTS `Orders` (id int, c int,\n"
                        "  CONSTRAINT `fk_c` FOREIGN KEY (c) REFERENCES `shop`.`Customers` (id),\n"
                        "  KEY k (c)) ENGINE=InnoDB COMMENT 'x'")
    assert info.name == "orders" and info.references == {"customers"} and info.constraints == {"fk_c"}
    for unsafe in ("CREATE TABLE t LIKE s", "CREATE TABLE t (a int) SELECT 1 AS a",
                   "CREATE TABLE t (a int) ENGINE=MRG_MyISAM UNION=(a,b)", "CREATE TABLE `db`.`t` (a int)",
                   "CREATE TABLE t (a int) ENGINE=CONNECT", "CREATE TABLE t (a int DEFAULT NEXTVAL(s))",
                   "CREATE TABLE t (a int /*!50100 REFERENCES x (id) */)", "CREATE TEMPORARY TABLE t (a int)",
                   "CREATE TABLE t (a int, CONSTRAINT t_ibfk_1 FOREIGN KEY (a) REFERENCES p (id))",
                   "CREATE VIEW v AS SELECT 1", "INSERT INTO t VALUES (1)"):
        assert plain_create(unsafe) is None, unsafe


def _st(texts):
    return [Statement(t, i + 1) for i, t in enumerate(texts)]


def test_batches_end_at_forward_references_repeats_and_other_statements():
    tables = [f"CREATE TABLE t{i} (id int PRIMARY KEY)" for i in range(10)]
    assert plan(_st(tables), min_batch=4) == [(0, 10)]
    assert plan(_st(tables), min_batch=11) == []
    # t5 references t9, created later: the batch stops before t5
    fwd = tables[:5] + ["CREATE TABLE t5 (id int, p int, FOREIGN KEY (p) REFERENCES t9 (id))"] + tables[6:]
    assert plan(_st(fwd), min_batch=4)[0] == (0, 5)
    # a repeated name (it fails the second time, serially) ends the batch before the repeat
    rep = tables[:6] + ["CREATE TABLE T2 (id int)"] + tables[6:]
    assert plan(_st(rep), min_batch=4)[0] == (0, 6)
    # equal constraint names in two tables: the same
    con = [f"CREATE TABLE c{i} (id int, CONSTRAINT `ck` CHECK (id > 0))" for i in range(6)]
    assert plan(_st(con), min_batch=1)[:2] == [(0, 1), (1, 2)]
    # anything else runs in order between batches
    mixed = tables[:5] + ["SET @a = 1"] + tables[5:]
    assert plan(_st(mixed), min_batch=4) == [(0, 5), (6, 11)]


# ------------------------------------------------------------------ same result as serial


@pytest.fixture(scope="module")
def generated_baseline(server):
    """The baseline baseline writes for a generated legacy schema of 150 tables."""
    sql = _gen_schema().generate(150, seed=3)
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        conn = server.connect(db)
        execute_script(conn, sql)
        conn.close()
        schema = read_live(server.url.with_database(db), progress=False)
    return render_statements(create_statements(schema)), schema


def test_parallel_and_serial_loads_build_the_same_schema(server, generated_baseline):
    text, source = generated_baseline
    statements = list(split_sql(text))
    batches = plan(statements, min_batch=4)
    assert sum(e - s for s, e in batches) >= 140  # the tables do run in parallel
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as serial_db, \
            server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as parallel_db:
        n1, lines1, e1 = _run(server, serial_db, statements, connections=1)
        n4, lines4, e4 = _run(server, parallel_db, statements, connections=4)
        assert e1 is None and e4 is None
        assert n1 == 0 and n4 >= 140
        assert lines1 == lines4 == [s.line for s in statements]  # reported in script order
        assert _show_creates(server, serial_db) == _show_creates(server, parallel_db)
        a = read_live(server.url.with_database(serial_db), progress=False)
        b = read_live(server.url.with_database(parallel_db), progress=False)
        assert compare(a, b, CompareOptions()) == []
        assert compare(source, b, CompareOptions()) == []


def test_a_chain_of_foreign_keys_waits_for_each_parent(server):
    # each table references the one before it: no two can run at once, and none may fail
    texts = ["CREATE TABLE n0 (id int PRIMARY KEY)"] + [
        f"CREATE TABLE n{i} (id int PRIMARY KEY, p int, FOREIGN KEY (p) REFERENCES n{i - 1} (id))"
        for i in range(1, 30)]
    with server.database() as db:
        n, lines, error = _run(server, db, _st(texts), connections=4)
        assert error is None and n == 30
        conn = server.connect(db)
        with conn.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS "
                        "WHERE CONSTRAINT_SCHEMA = %s", (db,))
            assert cur.fetchone()[0] == 29
        conn.close()


def test_session_state_reaches_the_extra_connections(server):
    """Zero dates need the script's non-strict sql_mode; after SET NAMES latin1 the
    server reads the comment's UTF-8 bytes as latin1 (mojibake, on every
    connection alike): without the state copied, the parallel run would fail or
    store another comment."""
    texts = ["SET SESSION sql_mode = ''", "SET NAMES latin1"] + [
        f"CREATE TABLE z{i} (id int, d datetime NOT NULL DEFAULT '0000-00-00 00:00:00') COMMENT 'caf\u00e9'"
        for i in range(12)]
    statements = [Statement(t, i + 1) for i, t in enumerate(texts)]
    comments = []
    for connections in (1, 3):
        with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
            n, _lines, error = _run(server, db, statements, connections=connections)
            assert error is None and n == (12 if connections > 1 else 0)
            conn = server.connect(db)
            with conn.cursor() as cur:
                cur.execute("SELECT DISTINCT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s",
                            (db,))
                comments.append(cur.fetchall())
            conn.close()
    assert comments[0] == comments[1] and len(comments[0]) == 1
    assert comments[0][0][0] != "caf\u00e9"  # the latin1 reading did happen


# ------------------------------------------------------------------ same errors as serial


@pytest.mark.parametrize("bad", [
    "CREATE TABLE b7 (id int, p int, FOREIGN KEY (p) REFERENCES missing_table (id))",   # errno 150
    "CREATE TABLE b7 (id int, v varchar(10) DEFAULT 'x' CHECK (v > ))",                  # syntax
    "CREATE TABLE b7 (id int, id int)",                                                 # duplicate column
])
def test_the_first_failing_statement_is_reported_as_serially(server, bad):
    texts = [f"CREATE TABLE b{i} (id int PRIMARY KEY)" for i in range(7)] + [bad] + [
        f"CREATE TABLE b{i} (id int PRIMARY KEY, x int)" for i in range(8, 20)] + [
        "CREATE TABLE b30 (id int, id int)"]  # a later failure must not win
    statements = _st(texts)
    results = []
    for connections in (1, 4):
        with server.database() as db:
            _n, lines, error = _run(server, db, statements, connections=connections, file="m/001.sql")
            assert error is not None
            results.append(tuple(x.replace(db, "DB") if isinstance(x, str) else x for x in (
                lines, error.file, error.line, error.server_code, error.server_message, str(error))))
    assert results[0] == results[1]
    assert results[0][0] == list(range(1, 8)) and results[0][2] == 8


def test_a_table_that_exists_fails_where_it_fails_serially(server):
    texts = [f"CREATE TABLE e{i} (id int)" for i in range(10)]
    with server.database() as db:
        conn = server.connect(db)
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE e4 (id int)")
        conn.close()
        _n, lines, error = _run(server, db, _st(texts), connections=4)
        assert error.line == 5 and error.server_code == 1050 and lines == [1, 2, 3, 4]

