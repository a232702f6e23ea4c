"""Live introspection against a real MariaDB: canonical values, errors, round trips."""
from __future__ import annotations

import dataclasses

import pymysql
import pytest

from baseline.errors import EnvironmentProblem, UsageError
from baseline.sources.live import LANES, read_live
from baseline.connect.execute import execute_script

FEATURES = r"""
CREATE TABLE p (id int PRIMARY KEY, a varchar(10));
CREATE TABLE t (
  id int unsigned zerofill NOT NULL AUTO_INCREMENT PRIMARY KEY,
  s varchar(20) DEFAULT 'it''s a \\ back\nslash',
  n int DEFAULT 0, d decimal(10,2) DEFAULT 1.5, b bit(3) DEFAULT b'101',
  nu int, tx text, tnn text NOT NULL,
  ts timestamp NOT NULL DEFAULT current_timestamp ON UPDATE current_timestamp,
  ts6 timestamp(6) NULL DEFAULT current_timestamp(6),
  e enum('a','b''q') DEFAULT 'a',
  u char(36) DEFAULT (uuid()),
  g int AS (n + 1) VIRTUAL, gs int AS (n * 2) STORED,
  j json, inv int INVISIBLE DEFAULT 3,
  l1 varchar(10) CHARACTER SET latin1,
  pid int, pid2 int,
  KEY kp (s(5) DESC, n), UNIQUE KEY uq (n, d), FULLTEXT KEY ft (tx),
  KEY cm (nu) COMMENT 'idx ''comment''',
  KEY ig (d) IGNORED,
  CONSTRAINT fkx FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE,
  FOREIGN KEY (pid2) REFERENCES p (id) ON UPDATE SET NULL,
  CONSTRAINT chk1 CHECK (n > -100),
  CHECK (d < 1000)
) ENGINE=InnoDB COMMENT='tbl ''c'' \\ x' ROW_FORMAT=DYNAMIC STATS_PERSISTENT=1 AUTO_INCREMENT=42;
CREATE TABLE part (id int NOT NULL, y int NOT NULL, PRIMARY KEY (id, y))
  PARTITION BY RANGE (y) (PARTITION p0 VALUES LESS THAN (2000) COMMENT 'old',
                          PARTITION p1 VALUES LESS THAN MAXVALUE);
CREATE TABLE sv (id int PRIMARY KEY, x int WITHOUT SYSTEM VERSIONING) WITH SYSTEM VERSIONING;
CREATE SEQUENCE sq START WITH 10 INCREMENT BY 5 MINVALUE 3 MAXVALUE 1000 CACHE 20 CYCLE;
CREATE VIEW v AS SELECT p.id, 'x' AS lit FROM p WHERE p.id > 1 WITH CASCADED CHECK OPTION;
CREATE FUNCTION f(x varchar(10) CHARSET latin1) RETURNS varchar(20) DETERMINISTIC RETURN concat(x, '!');
DELIMITER ;;
CREATE PROCEDURE pr(IN a int, OUT b text) COMMENT 'proc' SQL SECURITY INVOKER BEGIN SELECT a; END;;
DELIMITER ;
CREATE TRIGGER trg BEFORE INSERT ON p FOR EACH ROW SET NEW.a = 'x';
CREATE EVENT ev ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE
  COMMENT 'evc' DO DELETE FROM p WHERE id < 0;
"""


def load(server, db: str, sql: str) -> None:
    conn = server.connect(db)
    try:
        execute_script(conn, sql, file="fixture.sql")
    finally:
        conn.close()


def url(server, db: str):
    return server.url.with_database(db)


@pytest.fixture
def features(server, scratch_db):
    load(server, scratch_db, FEATURES)
    return read_live(url(server, scratch_db), progress=False)


def test_columns_take_the_show_create_spelling(features):
    t = features.tables["t"]
    c = {col.name: col for col in t.columns}
    assert (c["id"].type, c["id"].unsigned, c["id"].zerofill, c["id"].auto_increment) == ("int(10)", True, True, True)
    assert c["id"].default is None and not c["id"].nullable
    assert c["s"].default == "'it''s a \\\\ back\\nslash'"
    assert (c["n"].default, c["d"].default, c["b"].default) == ("0", "1.50", "b'101'")
    assert c["nu"].default == "NULL" and c["tx"].default == "NULL"   # implicit DEFAULT NULL
    assert c["tnn"].default is None and not c["tnn"].nullable
    assert (c["ts"].default, c["ts"].on_update) == ("current_timestamp()", "current_timestamp()")
    assert c["ts6"].default == "current_timestamp(6)"
    assert c["e"].type == "enum('a','b''q')" and c["e"].default == "'a'"
    assert c["u"].default == "uuid()"
    assert (c["g"].generated, c["g"].generated_kind, c["g"].default) == ("`n` + 1", "VIRTUAL", None)
    assert c["gs"].generated_kind == "STORED"
    assert (c["j"].type, c["j"].collation) == ("longtext", "utf8mb4_bin")
    assert c["inv"].invisible and c["inv"].default == "3"
    assert (c["l1"].charset, c["l1"].collation) == ("latin1", "latin1_swedish_ci")
    assert (c["pid"].charset, c["pid"].collation) == (None, None)


def test_indexes_keys_checks_and_options(features):
    t = features.tables["t"]
    assert [i.name for i in t.indexes] == ["PRIMARY", "uq", "kp", "cm", "ig", "fkx", "pid2", "ft"]
    kp = t.index("kp")
    assert [(p.column, p.length, p.descending) for p in kp.parts] == [("s", 5, True), ("n", None, False)]
    assert t.index("cm").comment == "idx 'comment'"
    assert not t.index("ig").visible and t.index("uq").kind == "UNIQUE" and t.index("ft").kind == "FULLTEXT"
    assert [(f.name, f.columns, f.ref_table, f.on_delete, f.on_update) for f in t.foreign_keys] == [
        ("fkx", ["pid"], "p", "CASCADE", "RESTRICT"), ("t_ibfk_1", ["pid2"], "p", "RESTRICT", "SET NULL")]
    assert [(c.name, c.expression, c.column_level) for c in t.checks] == [
        ("j", "json_valid(`j`)", True), ("chk1", "`n` > -100", False), ("CONSTRAINT_1", "`d` < 1000", False)]
    assert (t.engine, t.charset, t.collation, t.row_format) == ("InnoDB", "utf8mb4", "utf8mb4_general_ci", "DYNAMIC")
    assert t.options == {"stats_persistent": "1"}
    assert t.comment == "tbl 'c' \\ x"
    assert t.auto_increment == 42


def test_partitions_versioning_sequences(features):
    p = features.tables["part"].partitioning
    assert (p.method, p.expression) == ("RANGE", "`y`")
    assert [(x.name, x.values, x.comment, x.engine) for x in p.partitions] == [
        ("p0", "LESS THAN (2000)", "old", "InnoDB"), ("p1", "LESS THAN MAXVALUE", "", "InnoDB")]
    sv = features.tables["sv"]
    assert sv.system_versioned and sv.column("x").versioning == "WITHOUT SYSTEM VERSIONING"
    s = features.sequences["sq"]
    assert (s.start, s.increment, s.min_value, s.max_value, s.cache, s.cycle) == (10, 5, 3, 1000, 20, True)


def test_views_routines_triggers_events(features, scratch_db):
    v = features.views["v"]
    assert scratch_db not in v.definition          # own-database qualifier removed
    assert v.definition.startswith("select `p`.`id` AS `id`")
    assert (v.check_option, v.algorithm, v.security) == ("CASCADED", "UNDEFINED", "DEFINER")
    assert v.definer == "root@localhost"
    f = features.routines[("FUNCTION", "f")]
    assert (f.returns, f.returns_charset, f.deterministic) == ("varchar(20)", "utf8mb4", True)
    assert [(p.name, p.type, p.mode, p.charset) for p in f.params] == [("x", "varchar(10)", None, "latin1")]
    pr = features.routines[("PROCEDURE", "pr")]
    assert [(p.name, p.type, p.mode) for p in pr.params] == [("a", "int(11)", "IN"), ("b", "text", "OUT")]
    assert (pr.comment, pr.security, pr.body) == ("proc", "INVOKER", "BEGIN SELECT a; END")
    trg = features.triggers["trg"]
    assert (trg.table, trg.timing, trg.event, trg.order, trg.body) == ("p", "BEFORE", "INSERT", 1, "SET NEW.a = 'x'")
    ev = features.events["ev"]
    assert (ev.schedule, ev.starts, ev.preserve, ev.status, ev.comment) == (
        "EVERY 1 HOUR", "2030-01-01 00:00:00", True, "DISABLE", "evc")


def test_four_byte_characters_survive_the_utf8mb3_catalog(server, scratch_db):
    # information_schema turns these into '?'; SHOW CREATE has them
    load(server, scratch_db, """
        CREATE TABLE e (a varchar(10), b int AS (octet_length('\U0001F600')) VIRTUAL,
                        CONSTRAINT ce CHECK (a <> '\U0001F600'));
        CREATE VIEW ve AS SELECT '\U0001F600' AS smile;
        CREATE PROCEDURE pe() SELECT '\U0001F600';
        CREATE TRIGGER te BEFORE INSERT ON e FOR EACH ROW SET NEW.a = '\U0001F600';
    """)
    s = read_live(url(server, scratch_db), progress=False)
    assert s.tables["e"].column("b").generated == "octet_length('\U0001F600')"
    assert s.tables["e"].check("ce").expression == "`a` <> '\U0001F600'"
    assert "\U0001F600" in s.views["ve"].definition
    assert s.routines[("PROCEDURE", "pe")].body == "SELECT '\U0001F600'"
    assert s.triggers["te"].body == "SET NEW.a = '\U0001F600'"


def test_unknown_database_is_a_usage_error(server):
    with pytest.raises(UsageError, match="not found"):
        read_live(url(server, "no_such_database_here"), progress=False)


def test_url_without_database_is_a_usage_error(server):
    with pytest.raises(UsageError, match="names no database"):
        read_live(server.url.with_database(None), progress=False)


def test_bad_password_is_an_environment_problem_without_the_password(server, scratch_db):
    from dataclasses import replace

    bad = replace(url(server, scratch_db), password="Wr0ngPassw0rd!", unix_socket=None)
    with pytest.raises(EnvironmentProblem) as info:
        read_live(bad, progress=False)
    assert "Wr0ngPassw0rd!" not in str(info.value)
    assert "log in" in str(info.value) and info.value.exit_code == 3


def test_unreachable_server_is_an_environment_problem(server):
    from dataclasses import replace

    from baseline.scratch.local import _free_port

    dead = replace(server.url, host="127.0.0.1", port=_free_port(), unix_socket=None, password="pw123456",
                   database="x")
    with pytest.raises(EnvironmentProblem) as info:
        read_live(dead, progress=False)
    assert "cannot reach" in str(info.value) and "pw123456" not in str(info.value)


def _schema_with(n_tables: int) -> str:
    parts = ["CREATE TABLE root (id int PRIMARY KEY, name varchar(20) NOT NULL DEFAULT '', UNIQUE KEY (name));"]
    for k in range(n_tables):
        parts.append(
            f"CREATE TABLE t{k} (id int PRIMARY KEY, rid int, v varchar(30) COMMENT 'c{k}', "
            f"KEY kv (v(10)), CONSTRAINT fk{k} FOREIGN KEY (rid) REFERENCES root (id), CHECK (id > 0));")
    parts.append("CREATE VIEW vroot AS SELECT id FROM root;")
    parts.append("CREATE TRIGGER troot BEFORE INSERT ON root FOR EACH ROW SET NEW.name = lower(NEW.name);")
    parts.append("CREATE PROCEDURE proot() SELECT 1;")
    return "\n".join(parts)


def _count_round_trips(server, db: str, monkeypatch) -> tuple[int, int]:
    """Statements read_live sends (every one goes through a PyMySQL cursor)."""
    statements = []
    execute = pymysql.cursors.Cursor.execute

    def counting(self, query, args=None):
        statements.append(query)
        return execute(self, query, args)

    with monkeypatch.context() as m:
        m.setattr(pymysql.cursors.Cursor, "execute", counting)
        schema = read_live(url(server, db), progress=False)
    return len(statements), len(schema.tables)


def test_round_trips_do_not_grow_with_the_number_of_tables(server, monkeypatch):
    with server.database() as small, server.database() as large:
        load(server, small, _schema_with(3))
        load(server, large, _schema_with(40))
        few, n_small = _count_round_trips(server, small, monkeypatch)
        many, n_large = _count_round_trips(server, large, monkeypatch)
    assert (n_small, n_large) == (4, 41)
    assert few == many, f"{few} queries for 4 tables but {many} for 41"
    # counted for real: the catalog reads go through the cursor; each of the
    # LANES connections sets up its session (four statements, and on MariaDB the
    # group_concat_max_len the JSON catalog reads need)
    assert 10 < many < 20 + 5 * LANES


def _read_with(server, db: str, monkeypatch, *, json_rows: bool, session: tuple = ()):
    """read_live with the flavor's JSON catalog reads on or off, and extra session statements."""
    from baseline import flavor

    real = flavor.Flavor.rules.fget

    def rules(self):
        r = real(self)
        return dataclasses.replace(r, catalog_json_rows=json_rows,
                                   introspection_session=r.introspection_session + session)

    with monkeypatch.context() as m:
        m.setattr(flavor.Flavor, "rules", property(rules))
        return read_live(url(server, db), progress=False)


def test_json_catalog_reads_give_the_rows_the_driver_gives(server, scratch_db, monkeypatch):
    """The many-row catalog reads come as JSON arrays (Rules.catalog_json_rows):
    the model is the one row-by-row reads make, quotes, backslashes, newlines,
    4-byte characters and NULLs included."""
    load(server, scratch_db, FEATURES + "\nCREATE TABLE u8 (c varchar(5) DEFAULT '😀\\\\\"' COMMENT 'é\\n😀');")
    by_json = _read_with(server, scratch_db, monkeypatch, json_rows=True)
    by_rows = _read_with(server, scratch_db, monkeypatch, json_rows=False)
    # (MariaDB keeps column defaults and comments in utf8mb3: SHOW CREATE too shows '?')
    assert by_json.tables["u8"].columns[0].default == "'?\\\\\"'"
    assert by_json == by_rows


def test_json_catalog_reads_cut_by_the_server_are_read_again_row_by_row(server, scratch_db, monkeypatch):
    """A JSON group longer than the server allows comes back cut (MariaDB cuts
    GROUP_CONCAT at group_concat_max_len, every server at max_allowed_packet):
    the read notices by the group's count or the broken text and reads those
    rows one by one, so the model is whole."""
    load(server, scratch_db, _schema_with(30))
    whole = _read_with(server, scratch_db, monkeypatch, json_rows=False)
    cut = _read_with(server, scratch_db, monkeypatch, json_rows=True,
                     session=("SET SESSION group_concat_max_len = 100",))
    assert len(cut.tables) == 31 and all(t.columns for t in cut.tables.values())
    assert cut == whole
