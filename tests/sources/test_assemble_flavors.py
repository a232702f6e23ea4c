"""Catalog rows -> model for every flavor. MariaDB 10.11 is exercised live elsewhere;
the MySQL 5.7/8.0 catalogs cannot be run here, so their rows are written out as
MySQL returns them and the conversion to SHOW CREATE spelling is checked."""
from __future__ import annotations

import pytest

from baseline.flavor import Flavor
from baseline.sources import assemble, catalog

MYSQL80 = Flavor.parse("8.0.36").rules
MYSQL8018 = Flavor.parse("8.0.18").rules
MYSQL57 = Flavor.parse("5.7.44-log").rules
MARIADB = Flavor.parse("10.11.19-MariaDB").rules


def col(type_, default=None, nullable="YES", extra="", charset=None, collation=None, expr=None, srid=None):
    return {"COLUMN_NAME": "c", "COLUMN_TYPE": type_, "COLUMN_DEFAULT": default, "IS_NULLABLE": nullable,
            "EXTRA": extra, "CHARACTER_SET_NAME": charset, "COLLATION_NAME": collation, "COLUMN_COMMENT": "",
            "GENERATION_EXPRESSION": expr, "SRS_ID": srid}


@pytest.mark.parametrize("rules, row, expected", [
    # MySQL 8.0.19+: no display widths (tinyint(1) and zerofill keep theirs), quoted numbers
    (MYSQL80, col("int", "0"), ("int", "'0'")),
    (MYSQL80, col("int(11)", None), ("int", "NULL")),               # upgraded table still shows a width
    (MYSQL80, col("tinyint(1)", "1"), ("tinyint(1)", "'1'")),
    (MYSQL80, col("int(5) unsigned zerofill", None), ("int(5)", "NULL")),
    (MYSQL8018, col("int(11)", "7"), ("int(11)", "'7'")),
    (MYSQL80, col("decimal(10,2)", "1.50"), ("decimal(10,2)", "'1.50'")),
    (MYSQL80, col("varchar(20)", "it's \\ x"), ("varchar(20)", "'it''s \\\\ x'")),
    (MYSQL80, col("bit(3)", "b'101'"), ("bit(3)", "b'101'")),
    (MYSQL80, col("timestamp", "CURRENT_TIMESTAMP", "NO", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP"),
     ("timestamp", "CURRENT_TIMESTAMP")),
    (MYSQL80, col("datetime(3)", "CURRENT_TIMESTAMP(3)", "YES", "DEFAULT_GENERATED"),
     ("datetime(3)", "CURRENT_TIMESTAMP(3)")),
    (MYSQL80, col("char(36)", "uuid()", "YES", "DEFAULT_GENERATED"), ("char(36)", "(uuid())")),
    (MYSQL80, col("text"), ("text", None)),                         # no DEFAULT NULL for BLOB/TEXT
    (MYSQL80, col("json"), ("json", "NULL")),                       # ...but JSON gets one
    (MYSQL80, col("point", srid=4326), ("point", "NULL")),
    (MYSQL80, col("varchar(5)", None, "NO"), ("varchar(5)", None)),
    (MYSQL57, col("timestamp", "CURRENT_TIMESTAMP", "NO", "on update CURRENT_TIMESTAMP"),
     ("timestamp", "CURRENT_TIMESTAMP")),
    (MYSQL57, col("int(11)", "0"), ("int(11)", "'0'")),
    # MariaDB 10.2.7+: the catalog already has the SHOW CREATE spelling
    (MARIADB, col("int(11)", "0"), ("int(11)", "0")),
    (MARIADB, col("text", "NULL"), ("text", "NULL")),
    (MARIADB, col("char(36)", "uuid()"), ("char(36)", "uuid()")),
    (MARIADB, col("blob /*M!100301 COMPRESSED*/", "NULL"), ("blob", "NULL")),
])
def test_type_and_default(rules, row, expected):
    c = assemble.column_from_row(row, rules)
    assert (c.type, c.default) == expected


def test_mysql_column_attributes():
    c = assemble.column_from_row(col("timestamp(6)", "CURRENT_TIMESTAMP(6)", "NO",
                                     "DEFAULT_GENERATED on update CURRENT_TIMESTAMP"), MYSQL80)
    assert c.on_update == "CURRENT_TIMESTAMP(6)"            # the catalog drops the precision here
    g = assemble.column_from_row(col("int", None, "YES", "VIRTUAL GENERATED", expr="(`a` + 1)"), MYSQL80)
    assert (g.generated_kind, g.default) == ("VIRTUAL", None)
    inv = assemble.column_from_row(col("int", None, "YES", "INVISIBLE"), MYSQL80)
    assert inv.invisible
    assert assemble.column_from_row(col("point", srid=4326), MYSQL80).srid == 4326
    u = assemble.column_from_row(col("int(10) unsigned zerofill", None, "NO", "auto_increment"), MYSQL80)
    assert (u.type, u.unsigned, u.zerofill, u.auto_increment, u.default) == ("int(10)", True, True, True, None)


def stat(name, seq, column, non_unique=1, itype="BTREE", collation="A", sub=None, visible="YES", expr=None):
    return {"INDEX_NAME": name, "SEQ_IN_INDEX": seq, "COLUMN_NAME": column, "NON_UNIQUE": non_unique,
            "INDEX_TYPE": itype, "COLLATION": collation, "SUB_PART": sub, "INDEX_COMMENT": "",
            "VISIBLE": visible, "EXPRESSION": expr}


def test_mysql_indexes_functional_invisible_descending_and_sorted():
    rows = [stat("k_expr", 1, None, expr="(`a` + 1)"), stat("k_b", 2, "c", collation="D", visible="NO"),
            stat("ft", 1, "t", itype="FULLTEXT", collation=None), stat("k_b", 1, "b", visible="NO"),
            stat("PRIMARY", 1, "id", non_unique=0), stat("u", 1, "e", non_unique=0)]
    idx = assemble.indexes_from_rows(rows, "InnoDB", MYSQL80)
    assert [i.name for i in idx] == ["PRIMARY", "u", "k_expr", "k_b", "ft"]   # server's display classes
    k_b = next(i for i in idx if i.name == "k_b")
    assert [(p.column, p.descending) for p in k_b.parts] == [("b", False), ("c", True)]
    assert not k_b.visible
    assert next(i for i in idx if i.name == "k_expr").parts[0].expression == "(`a` + 1)"


def test_the_catalogs_algorithm_is_not_the_using_clause():
    # INDEX_TYPE is the algorithm in effect; SHOW CREATE prints the one the
    # definition named (live.py takes it from there), so the catalog sets none
    mem = assemble.indexes_from_rows([stat("h", 1, "a", itype="HASH"), stat("b", 1, "a")], "MEMORY", MARIADB)
    assert [(i.name, i.using) for i in mem] == [("h", None), ("b", None)]
    inno = assemble.indexes_from_rows([stat("lu", 1, "blobcol", non_unique=0, itype="HASH")], "InnoDB", MARIADB)
    assert inno[0].using is None


def test_catalog_sql_follows_the_rules():
    assert "IS_VISIBLE" in catalog.statistics_sql(MYSQL80) and "EXPRESSION AS" in catalog.statistics_sql(MYSQL80)
    assert "IGNORED" in catalog.statistics_sql(MARIADB) and "NULL AS EXPRESSION" in catalog.statistics_sql(MARIADB)
    assert "TABLE_CONSTRAINTS" in catalog.checks_sql(MYSQL80)
    assert "LEVEL AS LEVEL" in catalog.checks_sql(MARIADB)
    assert catalog.checks_sql(MYSQL57) is None
    assert "SRS_ID AS" in catalog.columns_sql(MYSQL80) and "NULL AS SRS_ID" in catalog.columns_sql(MARIADB)
    assert MYSQL80.introspection_session == ("SET SESSION information_schema_stats_expiry = 0",)
    assert not MYSQL80.catalog_expressions_exact and MARIADB.catalog_expressions_exact


def test_mysql_checks_and_mariadb_column_checks():
    cols = [assemble.column_from_row({**col("int"), "COLUMN_NAME": n}, MARIADB) for n in ("a", "j")]
    rows = [{"CONSTRAINT_NAME": "t_chk", "CHECK_CLAUSE": "`a` > 0", "LEVEL": "Table", "ENFORCED": "YES"},
            {"CONSTRAINT_NAME": "j", "CHECK_CLAUSE": "json_valid(`j`)", "LEVEL": "Column", "ENFORCED": "YES"}]
    checks = assemble.checks_from_rows(rows, cols, MARIADB)
    assert [(c.name, c.column_level) for c in checks] == [("j", True), ("t_chk", False)]
    my = assemble.checks_from_rows([{"CONSTRAINT_NAME": "t_chk_1", "CHECK_CLAUSE": "(`a` > 0)", "LEVEL": None,
                                     "ENFORCED": "NO"}], cols, MYSQL80)
    assert (my[0].column_level, my[0].enforced) == (False, False)


def test_create_options_and_events():
    assert assemble.parse_create_options("stats_persistent=1 row_format=DYNAMIC `page_compressed`='1' partitioned") \
        == ("DYNAMIC", {"stats_persistent": "1", "page_compressed": "'1'"})
    ev = assemble.event_from_row({
        "EVENT_NAME": "e", "DEFINER": "a@b", "TIME_ZONE": "SYSTEM", "EVENT_DEFINITION": "DO 1",
        "EVENT_TYPE": "RECURRING", "EXECUTE_AT": None, "INTERVAL_VALUE": "1:30", "INTERVAL_FIELD": "HOUR_MINUTE",
        "SQL_MODE": "", "STARTS": None, "ENDS": None, "STATUS": "SLAVESIDE_DISABLED", "ON_COMPLETION": "NOT PRESERVE",
        "EVENT_COMMENT": "", "CHARACTER_SET_CLIENT": "latin1", "COLLATION_CONNECTION": "latin1_bin"})
    assert (ev.schedule, ev.status) == ("EVERY '1:30' HOUR_MINUTE", "DISABLE ON SLAVE")
    assert (ev.client_charset, ev.connection_collation) == ("latin1", "latin1_bin")
