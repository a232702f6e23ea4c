"""The simulator against a real server: hand-written DDL is run on MariaDB and
through SchemaBuilder; the builder's model must equal the model parsed from the
server's own SHOW CREATE output (see tests/ddl_cases.py for the cases)."""
from __future__ import annotations

import pytest

from baseline.sql.parse import SchemaBuilder
from baseline.sql.split import split_sql

from ddl_cases import CASES
from ddl_support import diff_models, show_create_schema


@pytest.mark.parametrize("name", sorted(CASES))
def test_handwritten_case_matches_server(server, scratch_db, name):
    conn = server.connect(scratch_db)
    try:
        builder = SchemaBuilder(server.flavor, name=scratch_db, charset="utf8mb4",
                                collation="utf8mb4_general_ci")
        with conn.cursor() as cur:
            for st in split_sql(CASES[name], file=f"case {name}"):
                cur.execute(st.text)
                while cur.nextset():
                    pass
                builder.apply(st)
        expected = show_create_schema(conn, scratch_db, server.flavor)
    finally:
        conn.close()
    assert not expected.is_empty()
    assert diff_models(expected, builder.schema) == []


def test_diff_models_reports_a_difference(server, scratch_db):
    """The comparison used above is not vacuous: a wrong simulation is caught."""
    conn = server.connect(scratch_db)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE t (a INT, b VARCHAR(5) DEFAULT 'x', KEY (a))")
        expected = show_create_schema(conn, scratch_db, server.flavor)
    finally:
        conn.close()
    builder = SchemaBuilder(server.flavor, name=scratch_db, charset="utf8mb4", collation="utf8mb4_general_ci")
    builder.apply(next(split_sql("CREATE TABLE t (a BIGINT, b VARCHAR(5) DEFAULT 'y', KEY k (a))")))
    diff = diff_models(expected, builder.schema)
    assert any("columns[0].type" in d for d in diff)
    assert any("columns[1].default" in d for d in diff)
    assert any("indexes[0].name" in d for d in diff)
