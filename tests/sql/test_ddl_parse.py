"""Parsing statements into nodes (no server): what each node holds for the
simulator and for chain inversion, classification of non-schema statements,
errors naming file and line."""
from __future__ import annotations

import pytest

from baseline.errors import InputError
from baseline.flavor import DEFAULT_FLAVOR, Flavor
from baseline.sql import parse as P
from baseline.sql.parse import parse_statement

MARIADB = DEFAULT_FLAVOR
MYSQL8 = Flavor.parse("8.0.36")


def parse(text, flavor=MARIADB, **kw):
    return parse_statement(text, flavor=flavor, file="m.sql", line=7, **kw)


def test_alter_table_operations_say_what_they_change():
    node = parse("""ALTER TABLE IF EXISTS `db`.accounts
        ADD COLUMN ssoId VARCHAR(255) NULL AFTER email, ADD firstName VARCHAR(100) FIRST,
        DROP COLUMN legacy, MODIFY COLUMN name VARCHAR(80) NOT NULL,
        CHANGE old_name new_name INT DEFAULT 0, RENAME COLUMN a TO b,
        ALTER COLUMN c SET DEFAULT 5, ALTER d DROP DEFAULT,
        ADD INDEX idx_sso (ssoId), ADD UNIQUE KEY uq (email), ADD PRIMARY KEY (id),
        ADD CONSTRAINT fk_t FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE,
        ADD CONSTRAINT ck CHECK (a > 0), DROP INDEX old_idx, DROP PRIMARY KEY,
        DROP FOREIGN KEY fk_old, DROP CONSTRAINT ck_old, RENAME INDEX i1 TO i2,
        ALTER INDEX i3 IGNORED, ENGINE=InnoDB, ALGORITHM=INPLACE, LOCK=NONE""")
    assert isinstance(node, P.AlterTable)
    assert (node.schema, node.name, node.if_exists) == ("db", "accounts", True)
    ops = node.operations
    kinds = [type(o).__name__ for o in ops]
    assert kinds == ["AddColumn", "AddColumn", "DropColumn", "ModifyColumn", "ChangeColumn", "RenameColumn",
                     "AlterColumnDefault", "AlterColumnDefault", "AddIndex", "AddIndex", "AddIndex",
                     "AddForeignKey", "AddCheck", "DropIndex", "DropIndex", "DropForeignKey", "DropConstraint",
                     "RenameIndex", "AlterIndexVisibility", "SetTableOptions", "NoOp", "NoOp"]
    assert ops[0].column.name == "ssoId" and ops[0].position.after == "email"
    assert ops[1].position.first
    assert ops[2].name == "legacy"
    assert ops[3].column.nullable is False and ops[3].column.type.args == ["80"]
    assert (ops[4].old_name, ops[4].column.name) == ("old_name", "new_name")
    assert (ops[5].old_name, ops[5].new_name) == ("a", "b")
    assert ops[6].default is not None and ops[7].default is None
    assert ops[8].index.name == "idx_sso" and ops[9].index.kind == "UNIQUE" and ops[10].index.kind == "PRIMARY"
    fk = ops[11].foreign_key
    assert (fk.name, fk.columns, fk.ref.table, fk.ref.on_delete) == ("fk_t", ["tenant_id"], "tenants", "CASCADE")
    assert ops[12].check.name == "ck"
    assert ops[14].name == "PRIMARY"
    assert (ops[18].name, ops[18].visible) == ("i3", False)
    assert ops[19].options.get("ENGINE") == "InnoDB"


def test_create_table_elements_in_written_order():
    node = parse("""CREATE TABLE IF NOT EXISTS t (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(20) CHARACTER SET utf8 COLLATE utf8_bin,
        KEY (name), CONSTRAINT f FOREIGN KEY (id) REFERENCES p (id), CHECK (id > 0), PRIMARY KEY (id)
    ) ENGINE InnoDB CHARSET utf8mb4 COMMENT 'x'""")
    assert isinstance(node, P.CreateTable) and node.if_not_exists
    assert [type(e).__name__ for e in node.elements] == ["ColumnDef", "ColumnDef", "IndexDef", "ForeignKeyDef",
                                                         "CheckDef", "IndexDef"]
    idcol = node.columns[0]
    assert idcol.type.unsigned and idcol.auto_increment and idcol.nullable is False
    assert (node.columns[1].type.charset, node.columns[1].type.collation) == ("utf8", "utf8_bin")
    assert node.options.items == {"ENGINE": "InnoDB", "CHARSET": "utf8mb4", "COMMENT": "x"}


@pytest.mark.parametrize("text,cls,extra", [
    ("CREATE TABLE b LIKE a", P.CreateTable, lambda n: n.like == (None, "a")),
    ("CREATE TABLE b (LIKE a)", P.CreateTable, lambda n: n.like == (None, "a")),
    ("CREATE TABLE c AS SELECT * FROM a", P.CreateTable, lambda n: n.select == "SELECT * FROM a"),
    ("CREATE UNIQUE INDEX ix ON t (a(10) DESC, b) USING BTREE", P.CreateIndex,
     lambda n: n.index.kind == "UNIQUE" and n.index.parts[0].length == 10 and n.index.parts[0].descending),
    ("DROP INDEX ix ON t", P.DropIndexStatement, lambda n: (n.name, n.table) == ("ix", "t")),
    ("DROP TABLE IF EXISTS a, b.c", P.Drop, lambda n: n.names == [(None, "a"), ("b", "c")] and n.if_exists),
    ("DROP TEMPORARY TABLE x", P.Drop, lambda n: n.temporary),
    ("RENAME TABLE a TO b, c TO d", P.RenameTables, lambda n: n.pairs == [((None, "a"), (None, "b")),
                                                                        ((None, "c"), (None, "d"))]),
    ("CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`u`@`%` SQL SECURITY INVOKER VIEW v (x) AS SELECT 1 "
     "WITH CASCADED CHECK OPTION", P.CreateView,
     lambda n: (n.or_replace, n.algorithm, n.definer, n.security, n.columns, n.check_option, n.select_text)
     == (True, "MERGE", "u@%", "INVOKER", ["x"], "CASCADED", "SELECT 1")),
    ("ALTER VIEW v AS SELECT 2", P.CreateView, lambda n: n.alter),
    ("CREATE DEFINER='root'@'localhost' TRIGGER tr AFTER UPDATE ON t FOR EACH ROW PRECEDES other SET @x=1",
     P.CreateTrigger, lambda n: (n.definer, n.timing, n.event, n.order, n.body)
     == ("root@localhost", "AFTER", "UPDATE", ("PRECEDES", "other"), "SET @x=1")),
    ("CREATE FUNCTION f(a INT, b VARCHAR(5)) RETURNS DECIMAL(5,2) DETERMINISTIC NO SQL RETURN a",
     P.CreateRoutine, lambda n: ([p.name for p in n.params], n.returns.name, n.deterministic, n.data_access,
                                n.body) == (["a", "b"], "DECIMAL", True, "NO SQL", "RETURN a")),
    ("CREATE EVENT IF NOT EXISTS e ON SCHEDULE EVERY 5 MINUTE STARTS '2020-01-01' DO DELETE FROM t",
     P.CreateEvent, lambda n: (n.schedule, n.starts, n.body) == ("EVERY 5 MINUTE", "'2020-01-01'", "DELETE FROM t")),
    ("CREATE SEQUENCE IF NOT EXISTS s START WITH 10 INCREMENT BY 2 NOCYCLE", P.CreateSequence,
     lambda n: n.options == {"start": 10, "increment": 2, "cycle": False}),
    ("CREATE DATABASE IF NOT EXISTS d CHARACTER SET = utf8mb4 COLLATE utf8mb4_bin", P.CreateDatabase,
     lambda n: (n.name, n.charset, n.collation) == ("d", "utf8mb4", "utf8mb4_bin")),
    ("CREATE SCHEMA s", P.CreateDatabase, lambda n: n.name == "s"),
    ("USE `my db`", P.Use, lambda n: n.name == "my db"),
    ("SET sql_mode = 'ANSI_QUOTES', @a := 1, NAMES utf8mb4", P.SetStatement,
     lambda n: [(a.scope, a.name, a.value) for a in n.assignments]
     == [("SESSION", "sql_mode", "ANSI_QUOTES"), ("USER", "@a", "1"), ("NAMES", "names", "utf8mb4")]),
    ("SET @@SESSION.sql_mode = @OLD_SQL_MODE", P.SetStatement,
     lambda n: n.assignments[0].expression and n.assignments[0].value == "@OLD_SQL_MODE"),
])
def test_statement_kinds(text, cls, extra):
    node = parse(text)
    assert isinstance(node, cls)
    assert extra(node)
    assert (node.file, node.line, node.text) == ("m.sql", 7, text)


@pytest.mark.parametrize("text,verb", [
    ("INSERT INTO t VALUES (1)", "INSERT"), ("update t set a = 1", "UPDATE"), ("DELETE FROM t", "DELETE"),
    ("REPLACE INTO t VALUES (1)", "REPLACE"), ("LOAD DATA INFILE 'x' INTO TABLE t", "LOAD"),
    ("SELECT 1", "SELECT"), ("CALL p()", "CALL"), ("DO SETVAL(s, 1)", "DO"), ("TRUNCATE TABLE t", "TRUNCATE"),
    ("(SELECT 1)", "SELECT"),
])
def test_data_statements_are_recognized_not_parsed(text, verb):
    node = parse(text + " garbage )(")
    assert isinstance(node, P.DataStatement) and node.verb == verb
    assert node.changes_schema is False


@pytest.mark.parametrize("text", [
    "LOCK TABLES t WRITE", "UNLOCK TABLES", "START TRANSACTION", "COMMIT", "BEGIN", "ROLLBACK",
    "GRANT ALL ON *.* TO x", "FLUSH PRIVILEGES", "ANALYZE TABLE t", "CREATE USER x", "DROP USER x",
    "ALTER USER x IDENTIFIED BY 'p'", "SET PASSWORD = 'x'", "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
    "CREATE FUNCTION udf RETURNS STRING SONAME 'x.so'", "SHOW TABLES", "SET ROLE r",
])
def test_non_schema_statements_are_other(text):
    node = parse(text)
    assert isinstance(node, P.Other)
    assert node.changes_schema is False


@pytest.mark.parametrize("text,message", [
    ("CREATE TABLE t (a INT", "expected ')'"),
    ("CREATE TABLE t (a VARCHAR(MAX))", "VARCHAR(MAX)"),
    ("ALTER TABLE t FROBNICATE x", "ALTER TABLE operation"),
    ("FROBNICATE everything", "not a statement"),
    ("CREATE TABLE t (a INT) ENGINE=InnoDB junk junk", "unexpected text"),
    ("CREATE TABLE 't' (a INT)", "expected table name"),
    ("CREATE TABLE t (a INT DEFAULT 'x)", "unterminated string"),
    ("CREATE TABLE t (a INT /* open", "unterminated comment"),
    ("CREATE TABLE t (`a INT)", "unterminated quoted identifier"),
    ("CREATE VIEW v AS", "expected SELECT"),
])
def test_errors_name_file_line_and_excerpt(text, message):
    with pytest.raises(InputError) as e:
        parse(text)
    err = e.value
    assert err.file == "m.sql" and err.line == 7
    assert message in str(err)
    assert err.excerpt


def test_error_line_counts_lines_inside_the_statement():
    with pytest.raises(InputError) as e:
        parse("CREATE TABLE t (\n  a INT,\n  b FLOAT(\n)")
    assert e.value.line == 10


def test_version_comments_follow_the_flavor():
    text = "CREATE TABLE t (a INT) /*!50100 PARTITION BY HASH (a) PARTITIONS 2 */ /*!80016 ENCRYPTION='N' */"
    m = parse(text)
    assert m.partitioning.method == "HASH" and "ENCRYPTION" not in m.options.items
    y = parse(text, MYSQL8)
    assert y.options.get("ENCRYPTION") == "N"
    sandbox = parse("/*M!999999\\- enable the sandbox mode */ CREATE TABLE t (a INT)")
    assert isinstance(sandbox, P.CreateTable)
    assert parse("/*M!100100 CREATE TABLE t (a INT) */").name == "t"
    assert isinstance(parse("/*M!100100 CREATE TABLE t (a INT) */ SELECT 1", MYSQL8), P.DataStatement)


def test_dump_wrapped_trigger_and_view_bodies():
    trg = parse("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 trigger t_ins after insert on t "
                "for each row insert into log values(now(), 'insert') \n*/")
    assert trg.definer == "root@%" and trg.body == "insert into log values(now(), 'insert')"
    view = parse("/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY "
                 "DEFINER */\n/*!50001 VIEW `v` AS select `t`.`a` AS `a` from `t` */")
    assert view.select_text == "select `t`.`a` AS `a` from `t`" and view.query is not None


def test_ansi_quotes_and_no_backslash_escapes():
    node = parse('CREATE TABLE "t" ("a" INT DEFAULT 1)', sql_mode={"ANSI_QUOTES"})
    assert node.name == "t" and node.columns[0].name == "a"
    node = parse(r"CREATE TABLE t (a VARCHAR(5) DEFAULT 'a\b')", sql_mode={"NO_BACKSLASH_ESCAPES"})
    assert node.columns[0].default.value == "a\\b"


def test_hand_written_forms():
    node = parse("create table if not exists t (id serial, flag bool default true, n numeric, "
                 "r real, v varchar(10) charset utf8mb4, pid integer references p(id) on delete set null,"
                 " key idx (v), unique (n)) engine innodb auto_increment 5 default charset=latin1")
    assert [c.type.name for c in node.columns] == ["SERIAL", "BOOL", "NUMERIC", "REAL", "VARCHAR", "INTEGER"]
    assert node.columns[5].references.on_delete == "SET NULL"
    assert node.options.items == {"ENGINE": "innodb", "AUTO_INCREMENT": "5", "CHARSET": "latin1"}


def test_huge_data_statements_are_not_tokenized():
    import time
    big = "INSERT INTO t VALUES " + ",".join(f"({i},'x')" for i in range(200000))
    start = time.perf_counter()
    node = parse(big)
    assert isinstance(node, P.DataStatement) and time.perf_counter() - start < 0.05
