"""Hostile identifiers and comments survive generate -> load -> reflect."""
from __future__ import annotations

import pytest

from baseline.render.quote import ident as q
from baseline.render.quote import string as s
from roundtrip import generate, load_with_executor, roundtrip

LONG = "x" * 64
T1, T2, T3 = "select", "quo'te\"d", "Ünï表 `we``ird`"
NASTY_COMMENT = "line1\nline2 'single' \"double\" \\back\\slash\t tab -- not a comment ; /* no */ ünï"


FN = 'f"n'
NL = chr(10)


def hostile_script() -> str:
    """A schema made of awkward names and texts; each entry carries its terminator."""
    return "\n".join([
        f"CREATE TABLE {q(T1)} ("
        f" {q('from')} int PRIMARY KEY,"
        f" {q('we`ird')} varchar(40) DEFAULT {s(NASTY_COMMENT[:40])} COMMENT {s(NASTY_COMMENT)},"
        f" {q('new' + NL + 'line')} int COMMENT 'x',"
        f" {q(LONG)} enum('a,b','c''d','e\\\\f') DEFAULT 'c''d',"
        f" {q('semi;colon')} int,"
        f" KEY {q('idx `1` ' + chr(39))} ({q('semi;colon')}) COMMENT {s(NASTY_COMMENT)},"
        f" CONSTRAINT {q('chk;--')} CHECK ({q('from')} >= 0)"
        f") COMMENT={s(NASTY_COMMENT)};",
        # unnamed key on an odd table name: the implicit index and the <table>_ibfk_1 name
        f"CREATE TABLE {q(T2)} (id int PRIMARY KEY, {q('from')} int,"
        f" FOREIGN KEY ({q('from')}) REFERENCES {q(T1)} ({q('from')}) ON DELETE CASCADE);",
        # a cycle through odd names, 64-character names
        f"CREATE TABLE {q(T3)} (id int PRIMARY KEY, ref int, KEY {q(LONG)} (ref));",
        f"ALTER TABLE {q(T2)} ADD COLUMN t3 int, ADD CONSTRAINT {q('fk`' + LONG[:61])} FOREIGN KEY (t3)"
        f" REFERENCES {q(T3)} (id);",
        f"ALTER TABLE {q(T3)} ADD CONSTRAINT {q('back#ref')} FOREIGN KEY (ref) REFERENCES {q(T2)} (id);",
        f"CREATE VIEW {q('v`iew ' + LONG[:50])} AS SELECT {q('from')} AS {q('a`b')}, 'x`y -- z;' AS lit"
        f" FROM {q(T1)};",
        "DELIMITER ;;",
        f"CREATE TRIGGER {q('t;rg')} BEFORE INSERT ON {q(T1)} FOR EACH ROW BEGIN"
        f" SET NEW.{q('semi;colon')} = 1; SET @x = ';;'; END;;",
        f"CREATE PROCEDURE {q('p r`oc')}(IN {q('par`am')} varchar(10) CHARSET latin1)"
        f" COMMENT {s(NASTY_COMMENT)} BEGIN SELECT 'DELIMITER $$', {q('par`am')}; END;;",
        f"CREATE FUNCTION {q(FN)}(a int) RETURNS int DETERMINISTIC RETURN a + 1;;",
        "DELIMITER ;",
        f"CREATE EVENT {q('e#v')} ON SCHEDULE EVERY 1 DAY STARTS '2031-02-03 04:05:06' DISABLE"
        f" COMMENT 'it''s' DO SELECT 1;",
    ])


@pytest.fixture
def hostile_db(server, scratch_db):
    load_with_executor(server, scratch_db, hostile_script())
    return scratch_db


@pytest.mark.parametrize("loader", ["client", "executor"])
def test_hostile_schema_round_trips(server, hostile_db, loader):
    model_diffs, show_diffs = roundtrip(server, hostile_db, loader)
    assert model_diffs == []
    assert show_diffs == []


def test_hostile_schema_is_read_faithfully(server, hostile_db):
    schema, text = generate(server, hostile_db)
    t1 = schema.tables[T1]
    assert t1.comment == NASTY_COMMENT
    assert t1.column("we`ird").comment == NASTY_COMMENT
    assert t1.index("idx `1` '").comment == NASTY_COMMENT
    assert t1.column(LONG).type == "enum('a,b','c''d','e\\\\f')"
    assert {fk.name for fk in schema.tables[T2].foreign_keys} == {f"{T2}_ibfk_1", "fk`" + LONG[:61]}
    # the implicit index of the unnamed key is left to the server, the cycle is closed later
    assert f"KEY {q('from')}" not in text
    assert text.count("ALTER TABLE") == 1
    assert schema.triggers["t;rg"].body.startswith("BEGIN SET NEW.")


def test_kept_definers_and_counters_round_trip(server, scratch_db):
    from baseline.render.ddl import RenderOptions
    from baseline.sources.live import read_live
    from modeldiff import mismatches
    from test_live import FEATURES

    load_with_executor(server, scratch_db, FEATURES + "\nDO NEXTVAL(sq); DO NEXTVAL(sq);\n")
    schema, text = generate(server, scratch_db, RenderOptions(keep_definers=True, keep_auto_increment=True))
    assert schema.sequences["sq"].next_value != schema.sequences["sq"].start
    assert "AUTO_INCREMENT=42" in text and "DO SETVAL(`sq`" in text and "DEFINER=`root`@`localhost`" in text
    with server.database() as copy:
        load_with_executor(server, copy, text)
        again = read_live(server.url.with_database(copy), progress=False)
    assert mismatches(schema, again, everything=True) == []


def test_no_backslash_escapes_routine_keeps_its_comment(server, scratch_db):
    from baseline.sources.live import read_live

    conn = server.connect(scratch_db)
    try:
        with conn.cursor() as cur:
            cur.execute("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'")
            cur.execute("CREATE PROCEDURE nbe() COMMENT 'C:\\dir\\ it''s' SELECT 'a\\b'")
    finally:
        conn.close()
    schema, text = generate(server, scratch_db)
    assert schema.routines[("PROCEDURE", "nbe")].comment == "C:\\dir\\ it's"
    with server.database() as copy:
        load_with_executor(server, copy, text)
        again = read_live(server.url.with_database(copy), progress=False)
    assert again.routines[("PROCEDURE", "nbe")] == schema.routines[("PROCEDURE", "nbe")]


def test_drop_statements_empty_a_loaded_baseline(server, hostile_db):
    from baseline.render.ddl import drop_statements
    from baseline.sources.live import read_live
    from baseline.connect.execute import execute_statements
    from baseline.sql.split import Statement

    schema, text = generate(server, hostile_db)
    with server.database() as copy:
        load_with_executor(server, copy, text)
        conn = server.connect(copy)
        try:
            execute_statements(conn, [Statement(s.sql, 1) for s in drop_statements(schema)])
        finally:
            conn.close()
        assert read_live(server.url.with_database(copy), progress=False).is_empty()
