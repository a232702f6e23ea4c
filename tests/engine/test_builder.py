"""The builder (no server): statements applied to a model as the server would,
in each flavor's spelling (hand-written forms canonicalized, MySQL 8 and 5.7
forms, SHOW CREATE text read as written, a model continued from a live read).
Their agreement with a real server is tests/engine_vs_server/'s."""
from __future__ import annotations

from baseline.flavor import DEFAULT_FLAVOR, Flavor
from baseline.sql.parse import parse_statement

MARIADB = DEFAULT_FLAVOR
MYSQL8 = Flavor.parse("8.0.36")


def parse(text, flavor=MARIADB, **kw):
    return parse_statement(text, flavor=flavor, file="m.sql", line=7, **kw)


def test_canonical_column_for_chain_inversion():
    from baseline.engine.builder import SchemaBuilder
    from baseline.sql.split import split_sql
    b = SchemaBuilder(MARIADB, name="x", charset="latin1")
    b.apply_all(split_sql("CREATE TABLE t (id INT PRIMARY KEY) CHARSET utf8mb4; "
                          "CREATE TABLE p (id INT PRIMARY KEY); "
                          "CREATE TABLE c (pid INT, FOREIGN KEY (pid) REFERENCES p (id))"))
    node = parse("ALTER TABLE t ADD COLUMN name VARCHAR(20) DEFAULT 'x'")
    col = b.canonical_column(b.schema.tables["t"], node.operations[0].column)
    assert (col.type, col.charset, col.collation, col.default) == ("varchar(20)", "utf8mb4", "utf8mb4_general_ci",
                                                                   "'x'")
    assert b.schema.tables["t"].column("name") is None   # nothing applied
    assert b.implicit_indexes("c") == {"pid"}
    assert b.implicit_indexes("t") == set()


def test_schema_from_statements_reports_warnings():
    from baseline.engine.builder import schema_from_statements
    from baseline.sql.split import split_sql
    warnings = []
    s = schema_from_statements(split_sql("CREATE TABLE a (x INT); CREATE TABLE b AS SELECT * FROM a"),
                               flavor=MARIADB, name="d", charset="utf8mb4", warnings=warnings)
    assert set(s.tables) == {"a", "b"}
    assert len(warnings) == 1 and "SELECT" in str(warnings[0])


def _one_table(flavor, sql):
    from baseline.engine.builder import SchemaBuilder
    from baseline.sql.split import split_sql
    b = SchemaBuilder(flavor, name="x", charset="utf8mb4")
    b.apply_all(split_sql(sql))
    return next(iter(b.schema.tables.values()))


MYSQL_TABLE = """CREATE TABLE t (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, a INTEGER DEFAULT 0, f BOOL DEFAULT TRUE,
  d DECIMAL(5,2) DEFAULT 1.5, ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, ts2 TIMESTAMP,
  j JSON, tx TEXT, v VARCHAR(10) CHARSET utf8, u VARCHAR(36) DEFAULT (uuid()), g INT AS (a + 1), y YEAR DEFAULT 2020,
  CHECK (a > 0), c INT CHECK (c < 5), z INT ZEROFILL, b BIT(3) DEFAULT b'101', pid INT REFERENCES p(id), KEY (a))"""


def test_mysql8_canonical_forms():
    """MySQL 8.0.30 spellings (from its SHOW CREATE, as in the corpus dumps)."""
    t = _one_table(MYSQL8, MYSQL_TABLE)
    col = {c.name: c for c in t.columns}
    assert [col[n].type for n in ("id", "a", "f", "y", "z")] == ["int", "int", "tinyint(1)", "year", "int(10)"]
    assert [col[n].default for n in ("a", "f", "d", "y", "b")] == ["'0'", "'1'", "'1.50'", "'2020'", "b'101'"]
    assert (col["ts"].default, col["ts"].on_update, col["ts"].nullable) == ("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", True)
    assert (col["j"].type, col["j"].default, col["tx"].default) == ("json", "NULL", None)
    assert (col["v"].charset, col["v"].collation) == ("utf8mb3", "utf8mb3_general_ci")
    assert col["tx"].collation == "utf8mb4_0900_ai_ci" and t.collation == "utf8mb4_0900_ai_ci"
    assert col["u"].default == "(uuid())" and col["g"].generated == "(`a` + 1)"
    assert [(c.name, c.expression, c.column_level) for c in t.checks] == [
        ("t_chk_1", "(`a` > 0)", False), ("t_chk_2", "(`c` < 5)", False)]
    assert t.foreign_keys == []          # MySQL ignores an inline REFERENCES


def test_mysql57_canonical_forms():
    t = _one_table(Flavor.parse("5.7.40"), MYSQL_TABLE)
    col = {c.name: c for c in t.columns}
    assert [col[n].type for n in ("id", "a", "y")] == ["int(10)", "int(11)", "year(4)"]
    assert (col["ts2"].nullable, col["ts2"].default) == (False, "'0000-00-00 00:00:00'")
    assert (col["v"].charset, col["v"].collation) == ("utf8", "utf8_general_ci")
    assert t.checks == []                 # parsed and ignored before 8.0.16


MYSQL8_SHOW_CREATE = """CREATE TABLE `geo` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `pt` point NOT NULL /*!80003 SRID 4326 */,
  `name` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL,
  `secret` varchar(10) DEFAULT NULL /*!80023 INVISIBLE */,
  `doc` json DEFAULT NULL,
  `n` int GENERATED ALWAYS AS (json_unquote(json_extract(`doc`,_utf8mb4'$.n'))) VIRTUAL NOT NULL,
  `created` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  `uid` binary(16) NOT NULL DEFAULT (uuid_to_bin(uuid())),
  `flag` tinyint(1) NOT NULL DEFAULT '0',
  `body` text COLLATE utf8mb4_unicode_ci,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uid` (`uid`),
  KEY `lname` ((lower(`name`))) /*!80000 INVISIBLE */,
  KEY `desc_idx` (`created` DESC),
  SPATIAL KEY `pt` (`pt`),
  FULLTEXT KEY `ft` (`name`) /*!50100 WITH PARSER `ngram` */ ,
  CONSTRAINT `geo_chk_1` CHECK ((`id` > 0)),
  CONSTRAINT `geo_chk_2` CHECK ((`flag` in (0,1))) /*!80016 NOT ENFORCED */
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci STATS_PERSISTENT=0 ROW_FORMAT=DYNAMIC COMMENT='geo'
/*!50100 PARTITION BY KEY (`id`)
PARTITIONS 4 */"""


def test_mysql8_show_create_text_is_read_as_written():
    from baseline.engine.builder import SchemaBuilder
    from baseline.sql.split import split_sql
    b = SchemaBuilder(MYSQL8, name="x")
    b.apply_all(split_sql(MYSQL8_SHOW_CREATE))
    t = b.schema.tables["geo"]
    c = {col.name: col for col in t.columns}
    assert (c["pt"].type, c["pt"].srid, c["pt"].nullable) == ("point", 4326, False)
    assert c["secret"].invisible and c["name"].collation == "utf8mb4_0900_ai_ci"
    assert (c["n"].generated, c["n"].nullable) == ("json_unquote(json_extract(`doc`,_utf8mb4'$.n'))", False)
    assert (c["created"].default, c["created"].on_update) == ("CURRENT_TIMESTAMP(3)", "CURRENT_TIMESTAMP(3)")
    assert c["uid"].default == "(uuid_to_bin(uuid()))" and c["flag"].default == "'0'"
    assert (c["body"].default, c["body"].collation) == (None, "utf8mb4_unicode_ci")
    idx = {i.name: i for i in t.indexes}
    assert list(idx) == ["PRIMARY", "uid", "lname", "desc_idx", "pt", "ft"]
    assert idx["lname"].parts[0].expression == "lower(`name`)" and idx["lname"].visible is False
    assert idx["desc_idx"].parts[0].descending and idx["ft"].parser == "ngram" and idx["pt"].kind == "SPATIAL"
    assert [(k.name, k.expression, k.enforced) for k in t.checks] == [
        ("geo_chk_1", "(`id` > 0)", True), ("geo_chk_2", "(`flag` in (0,1))", False)]
    assert (t.auto_increment, t.options, t.row_format, t.comment) == (42, {"stats_persistent": "0"}, "DYNAMIC", "geo")
    assert (t.partitioning.method, t.partitioning.expression, t.partitioning.count) == ("KEY", "`id`", 4)


def test_mariadb_sequence_show_create_round_trip():
    from baseline.engine.builder import SchemaBuilder
    from baseline.sql.split import split_sql
    b = SchemaBuilder(MARIADB, name="x")
    b.apply_all(split_sql("CREATE SEQUENCE `s` start with 5 minvalue 1 maxvalue 9223372036854775806 increment by 2 "
                          "cache 1000 nocycle ENGINE=InnoDB; "
                          "CREATE SEQUENCE `d` start with -1 minvalue -9223372036854775807 maxvalue -1 "
                          "increment by -1 cache 10 cycle ENGINE=MyISAM COMMENT='down'"))
    s, d = b.schema.sequences["s"], b.schema.sequences["d"]
    assert (s.start, s.increment, s.cache, s.cycle, s.engine) == (5, 2, 1000, False, "InnoDB")
    assert (d.start, d.min_value, d.max_value, d.cycle, d.engine, d.comment) == (
        -1, -9223372036854775807, -1, True, "MyISAM", "down")


def test_builder_continues_from_an_existing_model():
    """Given a model (e.g. read from a live server), implicit FK indexes are
    recognized by shape, so a later ALTER drops them as the server would."""
    from baseline.engine.builder import SchemaBuilder
    from baseline.sql.split import split_sql
    first = SchemaBuilder(MARIADB, name="x", charset="utf8mb4")
    first.apply_all(split_sql("CREATE TABLE p (id INT PRIMARY KEY); "
                              "CREATE TABLE c (id INT, pid INT, FOREIGN KEY (pid) REFERENCES p (id))"))
    model = first.schema.copy()
    again = SchemaBuilder(MARIADB, schema=model)
    assert again.implicit_indexes("c") == {"pid"}
    again.apply_all(split_sql("ALTER TABLE c ADD INDEX both_cols (pid, id)"))
    assert [i.name for i in again.schema.tables["c"].indexes] == ["both_cols"]
