"""The simulator against a real server: hand-written DDL is run on MariaDB and
through SchemaBuilder; the builder's model must equal the model parsed from the
server's own SHOW CREATE output (see tests/ddl_cases.py for the cases)."""
from __future__ import annotations

import re

import pytest

from baseline.errors import InputError

from baseline.engine.builder import SchemaBuilder
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


FAILING = {
    "fk-index-drop": """CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (id INT, pid INT, KEY k (pid, id), FOREIGN KEY (pid) REFERENCES p (id));
ALTER TABLE c DROP INDEX k""",
    "alter-missing-table": "ALTER TABLE nope ADD COLUMN a INT",
    "create-existing": "CREATE TABLE t (a INT); CREATE TABLE t (b INT)",
    "drop-missing-column": "CREATE TABLE t (a INT, b INT); ALTER TABLE t DROP COLUMN c",
    "duplicate-column": "CREATE TABLE t (a INT, A INT)",
    "second-primary-key": "CREATE TABLE t (a INT PRIMARY KEY, b INT); ALTER TABLE t ADD PRIMARY KEY (b)",
    "duplicate-key-name": "CREATE TABLE t (a INT, b INT, KEY k (a)); ALTER TABLE t ADD KEY k (b)",
    "drop-missing-table": "DROP TABLE nope",
    "unknown-key-column": "CREATE TABLE t (a INT, KEY (b))",
    "after-unknown-column": "CREATE TABLE t (a INT); ALTER TABLE t ADD b INT AFTER nope",
    "follows-missing-trigger": "CREATE TABLE t (a INT); CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW FOLLOWS y SET @a = 1",
    "drop-missing-index": "CREATE TABLE t (a INT); DROP INDEX i ON t",
    "varchar-without-length": "CREATE TABLE t (a VARCHAR)",
}


@pytest.mark.parametrize("name", sorted(FAILING))
def test_builder_rejects_what_the_server_rejects(server, scratch_db, name):
    """A statement the server refuses is an InputError at the same statement,
    naming the file and line."""
    statements = list(split_sql(FAILING[name], file="bad.sql"))
    conn = server.connect(scratch_db)
    failed_at = None
    try:
        with conn.cursor() as cur:
            for i, st in enumerate(statements):
                try:
                    cur.execute(st.text)
                except Exception:
                    failed_at = i
                    break
    finally:
        conn.close()
    assert failed_at is not None, "the server accepted the script"
    builder = SchemaBuilder(server.flavor, name=scratch_db, charset="utf8mb4")
    for st in statements[:failed_at]:
        builder.apply(st, file="bad.sql")
    with pytest.raises(InputError) as e:
        builder.apply(statements[failed_at], file="bad.sql")
    assert e.value.file == "bad.sql" and e.value.line == statements[failed_at].line


def test_database_default_charset_is_inherited(server):
    """Tables without a charset take the database's; ALTER DATABASE changes
    that default for tables created afterwards."""
    script = """CREATE TABLE a (v VARCHAR(5), t TEXT, e ENUM('x'));
CREATE TABLE b (v VARCHAR(5) CHARSET utf8mb4) COLLATE latin1_bin;
CREATE PROCEDURE p(x VARCHAR(5)) SELECT x;
CREATE FUNCTION f() RETURNS VARCHAR(5) RETURN 'x'"""
    with server.database(charset="latin1", collation="latin1_swedish_ci") as db:
        conn = server.connect(db)
        try:
            builder = SchemaBuilder(server.flavor, name=db, charset="latin1", collation="latin1_swedish_ci")
            with conn.cursor() as cur:
                for st in split_sql(script):
                    cur.execute(st.text)
                    builder.apply(st)
                alter = f"ALTER DATABASE `{db}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                for st in split_sql(alter + "; CREATE TABLE c (v VARCHAR(5))"):
                    cur.execute(st.text)
                    builder.apply(st)
            expected = show_create_schema(conn, db, server.flavor)
        finally:
            conn.close()
    assert expected.tables["a"].columns[0].collation == "latin1_swedish_ci"
    assert expected.tables["c"].collation == "utf8mb4_unicode_ci"
    assert diff_models(expected, builder.schema, kinds=("tables", "routines")) == []


@pytest.mark.parametrize("column", ["BIT(5) DEFAULT 'a'", "BIT(8) DEFAULT 'ab'", "BIT(5) DEFAULT '0'"])
def test_a_bit_string_default_too_wide_is_refused_like_the_server(server, scratch_db, column):
    """A string is a BIT value by its bytes ('0' is 0x30): wider than the column, the
    server refuses it (1067) and so does the simulator."""
    import pymysql

    text = f"CREATE TABLE t (c {column})"
    conn = server.connect(scratch_db)
    try:
        with conn.cursor() as cur, pytest.raises(pymysql.err.OperationalError) as e:
            cur.execute(text)
        assert e.value.args[0] == 1067
    finally:
        conn.close()
    builder = SchemaBuilder(server.flavor, name=scratch_db, charset="utf8mb4", collation="utf8mb4_general_ci")
    with pytest.raises(InputError, match="invalid default value"):
        for st in split_sql(text, file="t.sql"):
            builder.apply(st)


#: Key order after ALTERs: each script is checked against the server after every
#: statement. MariaDB re-sorts keys in an ALTER only when it adds a key or a foreign
#: key (or the implicit primary key loses NOT NULL); otherwise keys keep their places.
KEY_ORDER = {
    "json-unique-to-not-null-and-back": """
CREATE TABLE r (id INT PRIMARY KEY, c0 JSON UNIQUE, c1 INT UNIQUE);
ALTER TABLE r MODIFY COLUMN c0 INT NOT NULL;
ALTER TABLE r MODIFY COLUMN c0 INT;
ALTER TABLE r MODIFY COLUMN c0 JSON;
ALTER TABLE r ADD KEY (id)""",
    "int-unique-to-json": """
CREATE TABLE r (id INT PRIMARY KEY, c0 INT UNIQUE, c1 INT UNIQUE);
ALTER TABLE r MODIFY c0 JSON;
ALTER TABLE r MODIFY c0 INT NOT NULL;
ALTER TABLE r ADD KEY (id)""",
    "text-blob-uniques": """
CREATE TABLE r (id INT PRIMARY KEY, c0 TEXT, c1 INT, c2 BLOB, UNIQUE (c0), UNIQUE (c1), UNIQUE (c2));
ALTER TABLE r MODIFY c0 INT NOT NULL;
ALTER TABLE r MODIFY c0 TEXT;
ALTER TABLE r MODIFY c1 TEXT;
ALTER TABLE r MODIFY c2 VARCHAR(10) NOT NULL;
ALTER TABLE r ADD KEY (id)""",
    "prefix-unique": """
CREATE TABLE r (id INT PRIMARY KEY, a INT UNIQUE, b INT NOT NULL UNIQUE, c VARCHAR(20), d TEXT,
  UNIQUE (c(4)), UNIQUE (d(10)));
ALTER TABLE r MODIFY b INT, MODIFY a INT NOT NULL;
ALTER TABLE r MODIFY c VARCHAR(4) NOT NULL;
ALTER TABLE r MODIFY d TEXT NOT NULL;
ALTER TABLE r ADD KEY (id)""",
    "not-null-cycle-plain-int-uniques": """
CREATE TABLE r (id INT PRIMARY KEY, a INT UNIQUE, b INT NOT NULL UNIQUE, c INT UNIQUE);
ALTER TABLE r MODIFY a INT NOT NULL;
ALTER TABLE r MODIFY a INT;
ALTER TABLE r MODIFY b INT;
ALTER TABLE r MODIFY c INT NOT NULL;
ALTER TABLE r ADD COLUMN z INT, ENGINE=MyISAM;
ALTER TABLE r RENAME KEY a TO a2;
ALTER TABLE r ADD UNIQUE (z)""",
    "no-primary-key-implicit-primary": """
CREATE TABLE r (a INT UNIQUE, b INT NOT NULL UNIQUE, c INT UNIQUE);
ALTER TABLE r MODIFY c INT NOT NULL;
ALTER TABLE r MODIFY b INT;
ALTER TABLE r MODIFY b INT NOT NULL;
ALTER TABLE r ADD COLUMN id INT NOT NULL FIRST, ADD PRIMARY KEY (id);
ALTER TABLE r DROP PRIMARY KEY""",
    "what-re-sorts": """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE r (id INT PRIMARY KEY, a INT, b INT NOT NULL, UNIQUE (a), UNIQUE (b));
ALTER TABLE r MODIFY b INT, MODIFY a INT NOT NULL;
ALTER TABLE r DROP INDEX b, ADD UNIQUE b (b);
ALTER TABLE r ADD CONSTRAINT x CHECK (a > 0);
ALTER TABLE r ADD FOREIGN KEY (id) REFERENCES p (id);
ALTER TABLE r MODIFY b INT NOT NULL, MODIFY a INT;
CREATE INDEX k ON r (id);
ALTER TABLE r MODIFY b INT, MODIFY a INT NOT NULL;
ALTER TABLE r MODIFY a INT NOT NULL UNIQUE""",
    "re-created-key-by-engine": """
CREATE TABLE r (id INT PRIMARY KEY, a INT, b INT NOT NULL, UNIQUE (a), UNIQUE (b));
ALTER TABLE r MODIFY b INT, MODIFY a INT NOT NULL;
ALTER TABLE r DROP INDEX b, ADD UNIQUE b (b);
ALTER TABLE r MODIFY b INT NOT NULL, MODIFY a INT;
ALTER TABLE r ALGORITHM=COPY, DROP INDEX b, ADD UNIQUE b (b);
ALTER TABLE r MODIFY b INT, MODIFY a INT NOT NULL, ENGINE=MyISAM;
ALTER TABLE r DROP INDEX a, ADD UNIQUE a (a);
ALTER TABLE r ENGINE=Aria, DROP INDEX b, ADD UNIQUE b (b)""",
}


@pytest.mark.parametrize("name", sorted(KEY_ORDER))
def test_key_order_after_every_alter_matches_server(server, scratch_db, name):
    conn = server.connect(scratch_db)
    builder = SchemaBuilder(server.flavor, name=scratch_db, charset="utf8mb4", collation="utf8mb4_general_ci")
    try:
        with conn.cursor() as cur:
            for st in split_sql(KEY_ORDER[name], file=f"case {name}"):
                cur.execute(st.text)
                builder.apply(st)
                expected = show_create_schema(conn, scratch_db, server.flavor)
                assert diff_models(expected, builder.schema) == [], st.text
    finally:
        conn.close()
    assert builder.schema.tables["r"].indexes


@pytest.mark.parametrize("replacement", ["c1 INT NOT NULL UNIQUE", "c1 INT NOT NULL"])
def test_dropping_the_primary_key_a_foreign_key_needs_when_another_takes_its_place(server, scratch_db,
                                                                                  replacement):
    """MariaDB's in-place ALTER lets a new clustered index (a new PRIMARY KEY, or a
    NOT NULL UNIQUE key as implicit one) replace the primary key a foreign key
    needs, leaving that key without an index; the simulator accepts it alike."""
    script = f"""CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE r (id INT NOT NULL PRIMARY KEY, c0 INT, {replacement});
ALTER TABLE r ADD FOREIGN KEY (id) REFERENCES p (id);
ALTER TABLE r DROP PRIMARY KEY{'' if 'UNIQUE' in replacement else ', ADD PRIMARY KEY (c1)'};
ALTER TABLE r ADD KEY (c0)"""
    conn = server.connect(scratch_db)
    builder = SchemaBuilder(server.flavor, name=scratch_db, charset="utf8mb4", collation="utf8mb4_general_ci")
    try:
        with conn.cursor() as cur:
            for st in split_sql(script, file="fk.sql"):
                cur.execute(st.text)
                builder.apply(st, file="fk.sql")
            cur.execute("SHOW CREATE TABLE r")
            shown = cur.fetchone()[1]
    finally:
        conn.close()
    # SHOW CREATE's own text, not its re-parse: run again, that CREATE would add an FK index
    keys = re.findall(r"^  (?:PRIMARY KEY|UNIQUE KEY `(\w+)`|KEY `(\w+)`)", shown, re.M)
    names = [u or k or "PRIMARY" for u, k in keys]
    table = builder.schema.tables["r"]
    assert [ix.name for ix in table.indexes] == names
    assert "FOREIGN KEY (`id`)" in shown and [fk.columns for fk in table.foreign_keys] == [["id"]]
