"""Renderer rules on hand-built models: order, cycles, implicit FK indexes, quoting."""
from __future__ import annotations

from baseline.flavor import DEFAULT_FLAVOR
from baseline.model import (Column, Event, ForeignKey, Index, IndexPart, Routine, Schema, Table,
                            Trigger, View)
from baseline.render.ddl import (RenderOptions, create_statements, drop_statements, implicit_indexes,
                                 render_sql_file)
from baseline.render.order import plan_tables, plan_views
from baseline.render.quote import definer, ident, string
from baseline.render.sqlfile import delimiter_for, layout
from baseline.sql.split import split_sql

RULES = DEFAULT_FLAVOR.rules


def table(name, *fks, cols=("id", "pid", "other"), indexes=None):
    t = Table(name=name, charset="utf8mb4", collation="utf8mb4_general_ci")
    t.columns = [Column(c, "int(11)", nullable=(c != "id"), default=None if c == "id" else "NULL") for c in cols]
    t.indexes = [Index("PRIMARY", "PRIMARY", [IndexPart("id")])] + list(indexes or [])
    t.foreign_keys = list(fks)
    return t


def fk(name, ref, col="pid"):
    return ForeignKey(name=name, columns=[col], ref_table=ref, ref_columns=["id"])


def key(name, *cols, **kw):
    return Index(name, kw.pop("kind", "INDEX"), [IndexPart(c) for c in cols], **kw)


def schema(*tables, **more):
    s = Schema(name="db", charset="utf8mb4", collation="utf8mb4_general_ci", flavor=DEFAULT_FLAVOR)
    for t in tables:
        s.add(t)
    for obj in more.get("objects", ()):
        s.add(obj)
    return s


# ----------------------------------------------------------------------------- order


def test_fk_targets_first_ties_by_name():
    s = schema(table("c", fk("c_a", "a")), table("b"), table("a", fk("a_b", "b")), table("z"))
    plan = plan_tables(s)
    assert plan.order == ["b", "a", "c", "z"]
    assert not plan.deferred and not plan.external


def test_cycle_is_closed_after_all_tables_self_reference_stays_inline():
    s = schema(table("staff", fk("fk_staff_store", "store")),
               table("store", fk("fk_store_staff", "staff")),
               table("node", fk("fk_parent", "node")))
    plan = plan_tables(s)
    assert plan.order == ["node", "staff", "store"]
    assert plan.deferred == {("staff", "fk_staff_store")}
    stmts = create_statements(s)
    kinds = [(x.kind, x.name) for x in stmts]
    assert kinds == [("table", "node"), ("table", "staff"), ("table", "store"), ("foreign_keys", "staff")]
    assert "fk_parent" in stmts[0].sql                         # self-reference inline
    assert "fk_staff_store" not in stmts[1].sql
    assert stmts[3].sql.startswith("ALTER TABLE `staff`\n  ADD CONSTRAINT `fk_staff_store`")
    drops = [(x.kind, x.name) for x in drop_statements(s)]
    assert drops == [("foreign_keys", "staff"), ("table", "store"), ("table", "staff"), ("table", "node")]


def test_only_keys_inside_a_cycle_are_deferred():
    # a -> b <-> c : a is not in the cycle, its key stays inline
    s = schema(table("a", fk("a_b", "b")), table("b", fk("b_c", "c")), table("c", fk("c_b", "b")))
    plan = plan_tables(s)
    assert plan.order == ["b", "c", "a"]
    assert plan.deferred == {("b", "b_c")}


def test_external_keys_run_without_fk_checks_and_nothing_else_does():
    t = table("t", fk("to_nowhere", "missing_table"))
    t2 = table("u", ForeignKey("other_db", ["pid"], "x", ["id"], ref_schema="elsewhere"))
    stmts = create_statements(schema(t, t2))
    external = [x for x in stmts if x.kind == "foreign_keys"]
    assert [x.name for x in external] == ["t", "u"]
    assert all(x.session == (("foreign_key_checks", "0"),) for x in external)
    assert "REFERENCES `elsewhere`.`x`" in external[1].sql
    assert all(not x.session for x in stmts if x.kind == "table")
    text = render_sql_file(schema(t, t2), source_description="test")
    assert text.count("SET SESSION foreign_key_checks = 0") == 1
    assert "SET SESSION foreign_key_checks = @baseline_saved_foreign_key_checks" in text


def test_views_after_views_they_use_and_functions_they_call_before():
    f = Routine("FUNCTION", "fmt", body="RETURN 1", returns="int(11)")
    p = Routine("PROCEDURE", "aaa", body="SELECT 1")
    v1 = View("a_top", "select `b_mid`.`x` AS `x` from `b_mid`")
    v2 = View("b_mid", "select `fmt`(`c_base`.`x`) AS `x` from `c_base`")
    v3 = View("c_base", "select 'b_mid' AS `x`")   # a string literal is not a dependency
    s = schema(objects=[f, p, v1, v2, v3])
    order, early = plan_views(s)
    assert order == ["c_base", "b_mid", "a_top"]
    assert early == [("FUNCTION", "fmt")]
    kinds = [(x.kind, x.name) for x in create_statements(s)]
    assert kinds == [("function", "fmt"), ("view", "c_base"), ("view", "b_mid"), ("view", "a_top"),
                     ("procedure", "aaa")]


def test_triggers_by_table_timing_event_order():
    tr = [Trigger("z1", "t", "AFTER", "INSERT", "SET @a = 1", order=1),
          Trigger("a2", "t", "BEFORE", "INSERT", "SET @a = 1", order=2),
          Trigger("b1", "t", "BEFORE", "INSERT", "SET @a = 1", order=1),
          Trigger("c1", "a", "BEFORE", "DELETE", "SET @a = 1", order=1)]
    s = schema(table("a"), table("t"), objects=tr)
    assert [x.name for x in create_statements(s) if x.kind == "trigger"] == ["c1", "b1", "a2", "z1"]


# ----------------------------------------------------------------------------- implicit FK indexes


def test_implicit_index_of_a_named_key_is_left_to_the_server_in_place():
    t = table("c", fk("fk_c_p", "p"), indexes=[key("kx", "other"), key("fk_c_p", "pid"), key("ky", "other", "id")])
    s = schema(table("p"), t)
    assert implicit_indexes(t, RULES) == {"fk_c_p": "fk_c_p"}
    sql = next(x.sql for x in create_statements(s) if x.name == "c")
    assert "KEY `fk_c_p`" not in sql
    # the key clause sits where the index was, so the server keeps the index order
    assert sql.index("KEY `kx`") < sql.index("CONSTRAINT `fk_c_p`") < sql.index("KEY `ky`")


def test_implicit_index_of_an_unnamed_key_needs_the_unnamed_clause():
    t = table("d", fk("d_ibfk_1", "p"), indexes=[key("pid", "pid")])
    assert implicit_indexes(t, RULES) == {"d_ibfk_1": "pid"}
    sql = next(x.sql for x in create_statements(schema(table("p"), t)) if x.name == "d")
    assert "KEY `pid`" not in sql and "CONSTRAINT" not in sql
    assert "  FOREIGN KEY (`pid`) REFERENCES `p` (`id`)" in sql


def test_indexes_the_server_would_not_recreate_stay_explicit():
    cases = [
        table("e", fk("fk_e", "p"), indexes=[key("e_explicit", "pid")]),          # other name
        table("e", fk("fk_e", "p"), indexes=[key("fk_e", "pid", comment="c")]),    # has a comment
        table("e", fk("fk_e", "p"), indexes=[key("fk_e", "pid", kind="UNIQUE")]),  # unique
        table("e", fk("fk_e", "p"), indexes=[key("fk_e", "pid"), key("k2", "pid", "other")]),  # served twice
        table("e", fk("e_ibfk_2", "p"), indexes=[key("pid", "pid")]),              # number 1 is gone
        table("e", fk("fk_e", "p"), fk("fk_f", "p"), indexes=[key("fk_e", "pid")]),  # two keys, one index
    ]
    for t in cases:
        assert implicit_indexes(t, RULES) == {}, t.indexes
        sql = next(x.sql for x in create_statements(schema(table("p"), t)) if x.name == "e")
        assert sql.count("KEY `") == len(t.indexes) - 1  # every index but PRIMARY, by name


def test_unnamed_numbering_follows_clause_order():
    # in index order `other` comes first, but its key is number 2: both cannot be
    # implicit (clause order gives the numbers), so `other` stays an explicit index
    t = table("u", fk("u_ibfk_1", "p", "pid"), fk("u_ibfk_2", "p", "other"),
              indexes=[key("other", "other"), key("pid", "pid")])
    assert implicit_indexes(t, RULES) == {"u_ibfk_1": "pid"}
    sql = next(x.sql for x in create_statements(schema(table("p"), t)) if x.name == "u")
    lines = [line.strip().rstrip(",") for line in sql.splitlines()]
    assert lines[5:8] == ["KEY `other` (`other`)", "FOREIGN KEY (`pid`) REFERENCES `p` (`id`)",
                          "FOREIGN KEY (`other`) REFERENCES `p` (`id`)"]


def test_deferred_key_keeps_its_implicit_index_implicit():
    staff = table("staff", fk("fk_staff_store", "store", "pid"), indexes=[key("fk_staff_store", "pid")])
    store = table("store", fk("fk_store_staff", "staff", "pid"), indexes=[key("fk_store_staff", "pid")])
    stmts = create_statements(schema(staff, store))
    staff_sql = next(x.sql for x in stmts if x.kind == "table" and x.name == "staff")
    assert "fk_staff_store" not in staff_sql   # neither the key nor its index: the ALTER makes both


# ----------------------------------------------------------------------------- quoting and layout


def test_quoting():
    assert ident("we`ird") == "`we``ird`"
    assert ident("select") == "`select`"
    assert string("it's a \\ back\nslash\0") == "'it''s a \\\\ back\\nslash\\0'"
    assert definer("root@localhost") == "`root`@`localhost`"
    assert definer("a@b@%") == "`a@b`@`%`"


def test_definers_and_counters_only_when_kept():
    t = table("t")
    t.auto_increment = 500
    v = View("v", "select 1 AS `1`", definer="admin@%")
    s = schema(t, objects=[v])
    plain = "\n".join(x.sql for x in create_statements(s))
    kept = "\n".join(x.sql for x in create_statements(s, RenderOptions(keep_definers=True, keep_auto_increment=True)))
    assert "DEFINER=" not in plain and "AUTO_INCREMENT=500" not in plain
    assert "DEFINER=`admin`@`%`" in kept and "AUTO_INCREMENT=500" in kept


def test_compound_statements_get_a_delimiter_not_in_their_body():
    r = Routine("PROCEDURE", "p", body="BEGIN SELECT ';;'; SELECT 1; END", sql_mode="STRICT_ALL_TABLES")
    e = Event("e", "EVERY 1 DAY", body="SELECT 1", sql_mode="", time_zone="+00:00")
    s = schema(objects=[r, e])
    stmts = create_statements(s)
    assert all(x.compound for x in stmts)
    proc = next(x for x in stmts if x.kind == "procedure")
    assert delimiter_for(proc.sql) == "$$"   # ';;' occurs in the body
    text = render_sql_file(s, source_description="t")
    parsed = [st.text for st in split_sql(text)]
    assert any(p.startswith("CREATE PROCEDURE `p`()") and p.endswith("END") for p in parsed)
    assert "SET SESSION sql_mode = 'STRICT_ALL_TABLES'" in parsed
    assert "SET SESSION time_zone = '+00:00'" in parsed
    assert set(parsed[-2:]) == {"SET SESSION time_zone = @baseline_saved_time_zone",
                                "SET SESSION sql_mode = @baseline_saved_sql_mode"}


def test_session_sets_only_when_the_value_changes():
    r1 = Routine("PROCEDURE", "a", body="SELECT 1", sql_mode="X")
    r2 = Routine("PROCEDURE", "b", body="SELECT 1", sql_mode="X")
    prologue, items, epilogue = layout(create_statements(schema(objects=[r1, r2])))
    assert prologue == ["SET NAMES utf8mb4", "SET @baseline_saved_sql_mode = @@SESSION.sql_mode"]
    assert items[0]["sets"] == ["SET SESSION sql_mode = 'X'"] and items[1]["sets"] == []
    assert epilogue == ["SET SESSION sql_mode = @baseline_saved_sql_mode"]


def test_hostile_names_cannot_break_out_of_comments():
    t = table("evil\nDROP DATABASE x; -- ")
    text = render_sql_file(schema(t), source_description="db `a\nb`")
    statements = [st.text for st in split_sql(text)]
    assert not any(s.startswith("DROP") for s in statements)
    assert "-- table `evil\\nDROP DATABASE x; -- `" in text
