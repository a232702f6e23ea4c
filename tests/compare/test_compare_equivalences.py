"""Equivalences that are not differences (rules in baseline/flavor.py): each one is
equal under its rule, and still a difference where the rule does not apply."""
from __future__ import annotations

import pytest

from baseline.engine import keys
from baseline.compare import compare
from baseline.model import Check, Column, ForeignKey, Index, IndexPart, Schema, Table, View
from compare_models import MARIADB_10_11, MYSQL_5_7, MYSQL_8_0, mysql8_shop_schema, shop_schema


def _keys(diffs):
    return [(d.kind, d.path, d.attribute) for d in diffs]


def _one_table(flavor, *columns, **table_kw) -> Schema:
    s = Schema(name="db", charset="utf8mb4", collation="utf8mb4_general_ci", flavor=flavor)
    table_kw.setdefault("charset", "utf8mb4")
    table_kw.setdefault("collation", "utf8mb4_general_ci")
    s.add(Table("t", columns=list(columns), **table_kw))
    return s


def _col_pair(flavor_a, col_a: Column, flavor_b, col_b: Column):
    return compare(_one_table(flavor_a, col_a), _one_table(flavor_b, col_b))


# --------------------------------------------------------------------------- the whole picture


def test_mysql8_spelling_of_the_same_schema_is_identical():
    a = shop_schema()
    a.sequences.clear()
    assert compare(a, mysql8_shop_schema()) == []
    assert compare(mysql8_shop_schema(), a) == []


def test_mysql8_spelling_still_shows_a_real_change():
    a = shop_schema()
    a.sequences.clear()
    b = mysql8_shop_schema()
    b.tables["orders"].column("qty").type = "bigint"
    b.tables["accounts"].column("active").default = "'0'"
    assert _keys(compare(a, b)) == [("column", ("accounts", "active"), "default"),
                                    ("column", ("orders", "qty"), "type")]
    d = compare(a, b)[1]
    assert (d.a, d.b) == ("int(11)", "bigint")


# --------------------------------------------------------------------------- display widths


@pytest.mark.parametrize("ta,tb,equal", [
    ("int(11)", "int", True),
    ("int", "int(11)", True),
    ("bigint(20)", "bigint", True),
    ("tinyint(4)", "tinyint", True),
    ("year(4)", "year", True),
    ("int(11)", "int(10)", False),          # both show a width: it is meant
    ("tinyint(1)", "tinyint(4)", False),
    ("tinyint(1)", "tinyint(1)", True),
    ("int(11)", "bigint", False),
    ("varchar(10)", "varchar", False),       # not a display width
    ("decimal(10,2)", "decimal", False),
])
def test_integer_display_widths(ta, tb, equal):
    diffs = _col_pair(MARIADB_10_11, Column("c", ta), MYSQL_8_0, Column("c", tb))
    assert (diffs == []) is equal
    if not equal:
        assert _keys(diffs) == [("column", ("t", "c"), "type")]
        assert (diffs[0].a, diffs[0].b) == (ta, tb)


def test_display_width_rule_on_routine_types():
    a, b = shop_schema(), shop_schema(MYSQL_8_0)
    for s in (a, b):
        s.tables.clear(); s.views.clear(); s.triggers.clear(); s.events.clear(); s.sequences.clear()
    b.routines[("FUNCTION", "order_total")].params[0].type = "bigint"
    b.routines[("PROCEDURE", "close_account")].params[0].type = "int unsigned"
    assert compare(a, b) == []
    b.routines[("PROCEDURE", "close_account")].params[0].type = "int(11) unsigned"
    assert _keys(compare(a, b)) == [("routine", ("procedure close_account",), "params")]


# --------------------------------------------------------------------------- charsets


@pytest.mark.parametrize("cs_a,coll_a,cs_b,coll_b,equal", [
    ("utf8", "utf8_general_ci", "utf8mb3", "utf8mb3_general_ci", True),
    ("utf8", "utf8_unicode_ci", "utf8mb3", "utf8mb3_unicode_ci", True),
    ("UTF8", "UTF8_BIN", "utf8mb3", "utf8mb3_bin", True),
    ("utf8", "utf8_general_ci", "utf8mb4", "utf8mb4_general_ci", False),
    ("utf8mb3", "utf8mb3_general_ci", "utf8mb3", "utf8mb3_bin", False),
])
def test_utf8_is_utf8mb3(cs_a, coll_a, cs_b, coll_b, equal):
    diffs = _col_pair(MYSQL_5_7, Column("c", "varchar(5)", charset=cs_a, collation=coll_a),
                      MARIADB_10_11, Column("c", "varchar(5)", charset=cs_b, collation=coll_b))
    assert (diffs == []) is equal


def test_table_charset_alias_and_schema_default():
    a = _one_table(MYSQL_5_7, Column("c", "int(11)"), charset="utf8", collation="utf8_general_ci")
    b = _one_table(MARIADB_10_11, Column("c", "int(11)"), charset="utf8mb3", collation="utf8mb3_general_ci")
    a.charset, a.collation = "utf8", "utf8_general_ci"
    b.charset, b.collation = "utf8mb3", "utf8mb3_general_ci"
    assert compare(a, b) == []


# --------------------------------------------------------------------------- implied collations


def test_default_collation_spelled_or_implied():
    a = _one_table(MARIADB_10_11, Column("c", "int(11)"), collation=None)
    b = _one_table(MARIADB_10_11, Column("c", "int(11)"), collation="utf8mb4_general_ci")
    assert compare(a, b) == []
    # on MySQL 8 the implied utf8mb4 collation is another one
    m = _one_table(MYSQL_8_0, Column("c", "int"), collation=None)
    diffs = compare(m, b)
    assert _keys(diffs) == [("table", ("t",), "collation")]
    assert (diffs[0].a, diffs[0].b) == ("utf8mb4_0900_ai_ci", "utf8mb4_general_ci")


def test_table_without_charset_takes_the_database_defaults():
    a = _one_table(MARIADB_10_11, Column("c", "int(11)"), charset=None, collation=None)
    b = _one_table(MARIADB_10_11, Column("c", "int(11)"))
    assert compare(a, b) == []


def test_column_charset_implied_from_table():
    a = _one_table(MARIADB_10_11, Column("c", "varchar(5)"))
    b = _one_table(MARIADB_10_11, Column("c", "varchar(5)", charset="utf8mb4", collation="utf8mb4_general_ci"))
    assert compare(a, b) == []
    c = _one_table(MARIADB_10_11, Column("c", "varchar(5)", charset="latin1"))
    diffs = compare(c, b)
    assert _keys(diffs) == [("column", ("t", "c"), "charset"), ("column", ("t", "c"), "collation")]
    assert diffs[1].a == "latin1_swedish_ci"  # implied collation shown when the originals lack one


# --------------------------------------------------------------------------- CURRENT_TIMESTAMP


@pytest.mark.parametrize("da,db,equal", [
    ("CURRENT_TIMESTAMP", "current_timestamp()", True),
    ("now()", "current_timestamp()", True),
    ("NOW()", "CURRENT_TIMESTAMP", True),
    ("LOCALTIMESTAMP", "current_timestamp()", True),
    ("current_timestamp(0)", "CURRENT_TIMESTAMP", True),
    ("CURRENT_TIMESTAMP(3)", "current_timestamp(3)", True),
    ("now(6)", "CURRENT_TIMESTAMP(6)", True),
    ("(now())", "current_timestamp()", True),               # MySQL 8 expression default
    ("current_timestamp(3)", "current_timestamp(6)", False),
    ("current_timestamp()", "current_timestamp(3)", False),
    ("'2020-01-01 00:00:00'", "current_timestamp()", False),
])
def test_current_timestamp_spellings(da, db, equal):
    ua = da.strip("()") + "()" if da.startswith("(") else da  # ON UPDATE is never parenthesized
    diffs = _col_pair(MYSQL_8_0, Column("c", "timestamp(6)", nullable=False, default=da, on_update=ua),
                      MARIADB_10_11, Column("c", "timestamp(6)", nullable=False, default=db, on_update=db))
    assert (diffs == []) is equal
    if not equal:
        assert _keys(diffs) == [("column", ("t", "c"), "default"), ("column", ("t", "c"), "on_update")]


# --------------------------------------------------------------------------- quoted numbers


@pytest.mark.parametrize("type_,da,db,equal", [
    ("int", "'0'", "0", True),
    ("decimal(10,2)", "'1.50'", "1.50", True),
    ("double", "'-2.5e3'", "-2.5e3", True),
    ("decimal(10,2)", "'1.50'", "1.5", False),
    ("int", "'1'", "2", False),
    ("varchar(5)", "'0'", "0", False),        # a string column keeps its quotes
    ("int", "NULL", None, True),              # DEFAULT NULL and no default are one thing
])
def test_quoted_numeric_defaults(type_, da, db, equal):
    kw = {"charset": "utf8mb4", "collation": "utf8mb4_general_ci"} if type_.startswith("varchar") else {}
    diffs = _col_pair(MYSQL_8_0, Column("c", type_, default=da, **kw),
                      MARIADB_10_11, Column("c", type_, default=db, **kw))
    assert (diffs == []) is equal


def test_parenthesized_expression_defaults_and_case():
    diffs = _col_pair(MYSQL_8_0, Column("c", "char(36)", charset="utf8mb4", collation="utf8mb4_general_ci",
                                        default="(UUID())"),
                      MARIADB_10_11, Column("c", "char(36)", charset="utf8mb4", collation="utf8mb4_general_ci",
                                            default="uuid()"))
    assert diffs == []


# --------------------------------------------------------------------------- JSON


def _json_maria(with_check=True, collation="utf8mb4_bin"):
    s = _one_table(MARIADB_10_11, Column("doc", "longtext", charset="utf8mb4", collation=collation,
                                         default="NULL"))
    if with_check:
        s.tables["t"].checks.append(Check("doc", "json_valid(`doc`)", column_level=True))
    return s


def test_mariadb_json_equals_mysql_json():
    mysql = _one_table(MYSQL_8_0, Column("doc", "json", default="NULL"))
    assert compare(_json_maria(), mysql) == []
    assert compare(mysql, _json_maria()) == []


def test_mariadb_json_equals_mariadb_json():
    assert compare(_json_maria(), _json_maria()) == []


def test_longtext_without_json_check_is_not_json():
    mysql = _one_table(MYSQL_8_0, Column("doc", "json", default="NULL"))
    diffs = compare(_json_maria(with_check=False), mysql)
    # one difference: json is stored as utf8mb4_bin, so charset and collation agree
    assert [d.attribute for d in diffs] == ["type"]
    assert (diffs[0].a, diffs[0].b) == ("longtext", "json")


def test_json_check_missing_between_mariadb_sides_is_reported():
    diffs = compare(_json_maria(), _json_maria(with_check=False))
    assert _keys(diffs) == [("column", ("t", "doc"), "type")]
    # the originals read the same, so the canonical meaning is shown
    assert (diffs[0].a, diffs[0].b) == ("json", "longtext")


def test_own_schema_in_defaults_and_expressions():
    a = _one_table(MARIADB_10_11, Column("id", "int(11)", nullable=False, default="nextval(`prod`.`s_seq`)"))
    b = _one_table(MARIADB_10_11, Column("id", "int(11)", nullable=False, default="nextval(`copy`.`s_seq`)"))
    a.name, b.name = "prod", "copy"
    assert compare(a, b) == []
    b.tables["t"].columns[0].default = "nextval(`other`.`s_seq`)"
    assert _keys(compare(a, b)) == [("column", ("t", "id"), "default")]


def test_longtext_with_other_collation_stays_longtext():
    diffs = compare(_json_maria(collation="utf8mb4_general_ci"),
                    _one_table(MYSQL_8_0, Column("doc", "json", default="NULL")))
    assert diffs and diffs[0].attribute == "type"


# --------------------------------------------------------------------------- implicit FK indexes


def _fk_tables(flavor, *, index: Index | None, other_indexes=()):
    s = Schema(name="db", charset="utf8mb4", collation="utf8mb4_general_ci", flavor=flavor)
    s.add(Table("parent", columns=[Column("id", "int(11)", nullable=False)],
                indexes=[Index("PRIMARY", "PRIMARY", [IndexPart("id")])],
                charset="utf8mb4", collation="utf8mb4_general_ci"))
    indexes = [Index("PRIMARY", "PRIMARY", [IndexPart("id")]), *other_indexes]
    if index is not None:
        indexes.append(index)
    s.add(Table("child", columns=[Column("id", "int(11)", nullable=False), Column("parent_id", "int(11)"),
                                  Column("kind", "int(11)")],
                indexes=indexes,
                foreign_keys=[ForeignKey("fk_child_parent", ["parent_id"], "parent", ["id"])],
                charset="utf8mb4", collation="utf8mb4_general_ci"))
    return s


def test_implicit_fk_index_is_not_a_difference():
    live = _fk_tables(MARIADB_10_11, index=Index("fk_child_parent", "INDEX", [IndexPart("parent_id")]))
    written = _fk_tables(MARIADB_10_11, index=None)
    assert compare(live, written) == []
    assert compare(written, live) == []


def test_implicit_fk_index_named_after_first_column():
    live = _fk_tables(MARIADB_10_11, index=Index("parent_id", "INDEX", [IndexPart("parent_id")]))
    assert compare(live, _fk_tables(MARIADB_10_11, index=None)) == []


def test_fk_index_is_a_difference_when_another_index_serves_the_fk():
    live = _fk_tables(MARIADB_10_11, index=Index("fk_child_parent", "INDEX", [IndexPart("parent_id")]),
                      other_indexes=[Index("ix_parent_kind", "INDEX", [IndexPart("parent_id"), IndexPart("kind")])])
    written = _fk_tables(MARIADB_10_11, index=None,
                         other_indexes=[Index("ix_parent_kind", "INDEX",
                                              [IndexPart("parent_id"), IndexPart("kind")])])
    assert _keys(compare(live, written)) == [("index", ("child", "fk_child_parent"), "exists")]


def test_index_that_is_not_the_implicit_shape_is_a_difference():
    for index in (Index("ix_other_name", "INDEX", [IndexPart("parent_id")]),
                  Index("fk_child_parent", "UNIQUE", [IndexPart("parent_id")]),
                  Index("fk_child_parent", "INDEX", [IndexPart("parent_id"), IndexPart("kind")]),
                  Index("fk_child_parent", "INDEX", [IndexPart("parent_id")], comment="explicit")):
        live = _fk_tables(MARIADB_10_11, index=index)
        assert _keys(compare(live, _fk_tables(MARIADB_10_11, index=None))) == [
            ("index", ("child", index.name), "exists")], index


def test_implicit_fk_index_without_the_fk_on_the_other_side_is_a_difference():
    live = _fk_tables(MARIADB_10_11, index=Index("fk_child_parent", "INDEX", [IndexPart("parent_id")]))
    written = _fk_tables(MARIADB_10_11, index=None)
    written.tables["child"].foreign_keys.clear()
    assert _keys(compare(live, written)) == [("index", ("child", "fk_child_parent"), "exists"),
                                             ("foreign key", ("child", "fk_child_parent"), "exists")]


def test_prefix_index_does_not_serve_a_fk():
    assert keys.index_serves_fk("INDEX", [("a", None), ("b", 10)], ["a"])
    assert not keys.index_serves_fk("INDEX", [("a", 10)], ["a"])
    assert not keys.index_serves_fk("FULLTEXT", [("a", None)], ["a"])
    assert not keys.index_serves_fk("VECTOR", [("a", None)], ["a"])
    assert not keys.index_serves_fk("INDEX", [("b", None), ("a", None)], ["a"])
    assert keys.index_serves_fk("PRIMARY", [("A", None), ("b", None)], ["a", "b"])


# --------------------------------------------------------------------------- views


def _view_schema(name, definition, flavor=MARIADB_10_11, **kw):
    """A schema with table ``t`` and a view ``v`` on it (a two-part `db`.`x` in a
    view is qualified by the database only where x is one of its relations)."""
    s = Schema(name=name, charset="utf8mb4", collation="utf8mb4_general_ci", flavor=flavor)
    s.add(Table("t", [Column("a", "int(11)")]))
    s.add(View("v", definition, **kw))
    return s


@pytest.mark.parametrize("da,db,equal", [
    ("select `t`.`a` AS `a` from `t`", "select `t`.`a` AS `a` from `t`", True),
    ("select `app`.`t`.`a` AS `a` from `app`.`t`", "select `t`.`a` AS `a` from `t`", True),
    ("select `t`.`a` AS `a` from `t`", "SELECT  `t`.`a`  AS `a`\n  FROM `t`", True),
    ("select `t`.`a` AS `a` from `t` where `t`.`b` = 'x  y'", "select `t`.`a` AS `a` from `t` where `t`.`b` = 'x y'",
     False),
    ("select `t`.`a` AS `a` from `t` where `t`.`b` = 'X'", "select `t`.`a` AS `a` from `t` where `t`.`b` = 'x'",
     False),
    ("select `t`.`a` AS `a` from `t`", "select `t`.`A` AS `a` from `t`", False),
    ("select `other`.`t`.`a` AS `a` from `other`.`t`", "select `t`.`a` AS `a` from `t`", False),
    ("select _utf8mb4'x' AS `x`", "select 'x' AS `x`", True),
])
def test_view_text_canonicalization(da, db, equal):
    diffs = compare(_view_schema("app", da, MYSQL_8_0), _view_schema("app_copy", db))
    assert (diffs == []) is equal
    if not equal:
        assert _keys(diffs) == [("view", ("v",), "definition")]


def test_view_own_schema_of_each_side():
    a = _view_schema("prod", "select `prod`.`t`.`a` AS `a` from `prod`.`t`")
    b = _view_schema("replay_123", "select `replay_123`.`t`.`a` AS `a` from `replay_123`.`t`")
    assert compare(a, b) == []


def test_view_definer_and_column_list():
    a = _view_schema("app", "select 1 AS `x`", MYSQL_8_0, definer="`admin`@`%`", columns=["x"])
    b = _view_schema("app", "select 1 AS `x`", definer="root@localhost")
    assert compare(a, b) == []
    c = _view_schema("app", "select 1 AS `x`", MYSQL_8_0, columns=["y"])
    assert _keys(compare(a, c)) == [("view", ("v",), "columns")]


def test_bodies_ignore_whitespace_and_keyword_case_but_not_literals():
    a, b = shop_schema(), shop_schema()
    b.triggers["orders_bi"].body = "begin if new.qty is null then set new.qty = 1; end if; end"
    assert compare(a, b) == []
    b.triggers["orders_bi"].body = "begin if new.qty is null then set new.qty = '1'; end if; end"
    assert _keys(compare(a, b)) == [("trigger", ("orders_bi",), "body")]


# --------------------------------------------------------------------------- other equivalences


def test_fk_no_action_is_restrict():
    a = _fk_tables(MYSQL_8_0, index=None)
    b = _fk_tables(MARIADB_10_11, index=None)
    a.tables["child"].foreign_keys[0].on_delete = "NO ACTION"
    assert compare(a, b) == []
    a.tables["child"].foreign_keys[0].on_delete = "CASCADE"
    assert _keys(compare(a, b)) == [("foreign key", ("child", "fk_child_parent"), "on_delete")]


def test_server_named_checks_match_by_expression():
    mysql = _one_table(MYSQL_8_0, Column("n", "int"))
    maria = _one_table(MARIADB_10_11, Column("n", "int(11)"))
    mysql.tables["t"].checks.append(Check("t_chk_1", "(`n` > 0)"))
    maria.tables["t"].checks.append(Check("CONSTRAINT_1", "`n` > 0"))
    assert compare(mysql, maria) == []
    maria.tables["t"].checks[0].expression = "`n` >= 0"
    assert _keys(compare(mysql, maria)) == [("check", ("t", "CONSTRAINT_1"), "exists"),
                                            ("check", ("t", "t_chk_1"), "exists")]


def test_user_named_checks_are_matched_by_name():
    a = _one_table(MARIADB_10_11, Column("n", "int(11)"))
    b = _one_table(MARIADB_10_11, Column("n", "int(11)"))
    a.tables["t"].checks.append(Check("positive", "`n` > 0"))
    b.tables["t"].checks.append(Check("non_negative", "`n` > 0"))
    assert _keys(compare(a, b)) == [("check", ("t", "non_negative"), "exists"),
                                    ("check", ("t", "positive"), "exists")]


def test_check_level_compared_only_where_both_flavors_record_it():
    maria_col = _one_table(MARIADB_10_11, Column("n", "int(11)"))
    maria_col.tables["t"].checks.append(Check("n", "`n` > 0", column_level=True))
    maria_tab = _one_table(MARIADB_10_11, Column("n", "int(11)"))
    maria_tab.tables["t"].checks.append(Check("n", "`n` > 0", column_level=False))
    assert _keys(compare(maria_col, maria_tab)) == [("check", ("t", "n"), "column_level")]
    mysql = _one_table(MYSQL_8_0, Column("n", "int"))
    mysql.tables["t"].checks.append(Check("n", "(`n` > 0)"))
    assert compare(maria_col, mysql) == []


def test_sql_mode_order_does_not_matter():
    a, b = shop_schema(), shop_schema()
    b.triggers["orders_bi"].sql_mode = ",".join(reversed(a.triggers["orders_bi"].sql_mode.split(",")))
    assert compare(a, b) == []
    b.triggers["orders_bi"].sql_mode = "STRICT_TRANS_TABLES"
    assert _keys(compare(a, b)) == [("trigger", ("orders_bi",), "sql_mode")]


def test_spelling_case_of_keywords_in_attributes():
    a, b = shop_schema(), shop_schema()
    b.tables["accounts"].engine = "INNODB"
    b.views["paid_orders"].algorithm = "undefined"
    b.tables["orders"].column("qty").type = "INT(11)"
    assert compare(a, b) == []


def test_enum_values_keep_their_case():
    a = _one_table(MARIADB_10_11, Column("e", "enum('a','B')", charset="utf8mb4", collation="utf8mb4_general_ci"))
    b = _one_table(MARIADB_10_11, Column("e", "ENUM('a','b')", charset="utf8mb4", collation="utf8mb4_general_ci"))
    assert _keys(compare(a, b)) == [("column", ("t", "e"), "type")]
