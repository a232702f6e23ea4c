"""The change planner and the naming of a next migration, without a server
(what they produce is proven on servers in test_next_migration.py)."""
from __future__ import annotations

import pytest

from baseline.chain.migration import Chain, Migration
from baseline.errors import UsageError
from baseline.model import Column, Index, IndexPart, Schema, Table
from baseline.render.changes import _widens, plan_changes
from baseline.render.formats import next_stem


def col(name, type_, nullable=True, unsigned=False):
    return Column(name, type_, nullable=nullable, unsigned=unsigned)


@pytest.mark.parametrize("a, b, widens", [
    ("varchar(40)", "varchar(255)", True), ("varchar(255)", "varchar(40)", False),
    ("int", "bigint", True), ("bigint", "int", False), ("char(10)", "varchar(10)", True),
    ("text", "longtext", True), ("longtext", "text", False), ("varchar(10)", "text", True),
    ("decimal(5,2)", "decimal(7,2)", True), ("decimal(7,2)", "decimal(7,3)", False),
    ("enum('a','b')", "enum('a','b','c')", True), ("enum('a','b')", "enum('b','a')", False),
    ("blob", "text", False), ("datetime", "date", False),
])
def test_which_type_changes_keep_every_value(a, b, widens):
    assert _widens(col("c", a), col("c", b)) is widens


def test_signedness_change_is_never_widening():
    assert not _widens(col("c", "int", unsigned=True), col("c", "int"))


def schema(*tables):
    s = Schema(name="db", charset="utf8mb4", collation="utf8mb4_general_ci")
    for t in tables:
        s.tables[t.name] = t
    return s


def table(name, *columns, indexes=()):
    return Table(name, columns=list(columns), indexes=list(indexes), charset="utf8mb4",
                 collation="utf8mb4_general_ci")


def test_a_plan_flags_what_loses_data_and_possible_renames():
    pk = Index("PRIMARY", "PRIMARY", [IndexPart("id")])
    a = schema(table("t", col("id", "int", False), col("old_name", "varchar(20)"), col("n", "varchar(50)"),
                     indexes=[pk]), table("gone", col("id", "int", False), indexes=[pk]))
    b = schema(table("t", col("id", "int", False), col("new_name", "varchar(20)"), col("n", "varchar(10)", False),
                     indexes=[pk]))
    plan = plan_changes(a, b)
    sql = "\n".join(s.sql for s in plan.statements)
    assert "DROP COLUMN `old_name`" in sql and "ADD COLUMN `new_name` varchar(20) AFTER `id`" in sql
    assert "MODIFY COLUMN `n` varchar(10) NOT NULL" in sql and "DROP TABLE `gone`" in sql
    assert any(u.startswith("DROP COLUMN t.old_name") for u in plan.unsafe)
    assert any("varchar(50) -> varchar(10)" in u for u in plan.unsafe)
    assert any("NOT NULL" in u for u in plan.unsafe)
    assert "DROP TABLE gone: its rows are lost" in plan.unsafe
    assert [r.split(" may be")[0] for r in plan.renames] == ["t.old_name -> new_name"]
    assert plan_changes(b, b).empty


def _chain(fmt, *ids):
    return Chain(root=None, format=fmt, migrations=[Migration(id=i, version=i.split("_")[0].split("-")[0],
                                                              name=i, up=None) for i in ids])


def test_the_next_migration_is_named_to_run_last():
    assert next_stem("sql", _chain("sql", "001_a", "007_views"), "add nickname") == "008_add_nickname"
    assert next_stem("golang-migrate", _chain("golang-migrate", "20191100000009000000_x"), None) == \
        "20191100000009000001_changes"
    # a 14-digit timestamp moves on by one second, whatever the clock says
    assert next_stem("sequelize", _chain("sequelize", "20191226063009-init"), "sync") == "20191226063010-sync"
    assert next_stem("sequelize", _chain("sequelize", "20191231235959-init"), "x") == "20200101000000-x"
    assert next_stem("flyway", _chain("flyway", "1.9"), "more") == "V1.10__more"
    assert next_stem("sql", None, None) == "001_changes"
    assert next_stem("sql", _chain("sql", "001_a", "007_b"), "010_mine") == "010_mine"
    with pytest.raises(UsageError):
        next_stem("sql", _chain("sql", "001_a", "007_b"), "005_mine")


def test_keys_after_a_new_one_in_the_middle_are_made_again_for_the_order():
    """An ALTER that adds keys puts them after the kept ones of their rank, so a key
    B has between two kept ones brings the later kept ones along (kratos' rename of
    a column in an index, on MySQL: the plan must give B's key order exactly)."""
    pk = Index("PRIMARY", "PRIMARY", [IndexPart("id")])
    cols = [col("id", "int", False), col("a", "int"), col("b", "int"), col("x", "int")]
    a = schema(table("t", *cols, indexes=[pk, Index("ia", "INDEX", [IndexPart("a")]),
                                          Index("ib", "INDEX", [IndexPart("b")])]))
    b = schema(table("t", *cols, indexes=[pk, Index("ia", "INDEX", [IndexPart("a")]),
                                          Index("ix", "INDEX", [IndexPart("x")]),
                                          Index("ib", "INDEX", [IndexPart("b")])]))
    (st,) = plan_changes(a, b).statements
    assert st.sql.splitlines()[1:] == ["  DROP INDEX `ib`,", "  ADD KEY `ix` (`x`),", "  ADD KEY `ib` (`b`)"]
    # appended at the end of its rank: nothing else moves
    b.tables["t"].indexes = [*a.tables["t"].indexes, Index("ix", "INDEX", [IndexPart("x")])]
    (st,) = plan_changes(a, b).statements
    assert st.sql.splitlines()[1:] == ["  ADD KEY `ix` (`x`)"]
