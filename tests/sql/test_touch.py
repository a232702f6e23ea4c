"""Which objects a statement touches (attribution), and what a JS migration names."""
from __future__ import annotations

import pytest

from baseline.chain.jsrefs import js_touches, strip_comments
from baseline.sql.touch import touched_keys, touched_objects


@pytest.mark.parametrize("sql, keys", [
    # tables
    ("CREATE TABLE accounts (id varchar(255) PRIMARY KEY)", [("table", "accounts")]),
    ("create table if not exists `tenant_scm_integrations` (id int)", [("table", "tenant_scm_integrations")]),
    ("CREATE OR REPLACE TABLE t2 LIKE t1", [("table", "t2")]),
    ("CREATE TABLE `db`.`user` (id int)", [("table", "user")]),
    ("CREATE TABLE 2fa_codes (a int)", [("table", "2fa_codes")]),
    ("CREATE TABLE `we``ird` (a int)", [("table", "we`ird")]),
    ("CREATE TEMPORARY TABLE tmp (a int)", []),
    ("ALTER TABLE accounts ADD COLUMN ssoId VARCHAR(255)", [("table", "accounts")]),
    ("ALTER ONLINE IGNORE TABLE t ADD x int", [("table", "t")]),
    ("ALTER TABLE t RENAME COLUMN a TO b, RENAME INDEX i TO j", [("table", "t")]),
    ("ALTER TABLE old_name RENAME TO new_name", [("table", "old_name"), ("table", "new_name")]),
    ("ALTER TABLE a ADD x int, RENAME AS `b`", [("table", "a"), ("table", "b")]),
    ("ALTER TABLE t COMMENT 'rename to x'", [("table", "t")]),
    ("DROP TABLE IF EXISTS a, `b`, db.c CASCADE", [("table", "a"), ("table", "b"), ("table", "c")]),
    ("DROP TEMPORARY TABLE IF EXISTS tmp", []),
    ("RENAME TABLE a TO b, c TO d", [("table", "a"), ("table", "b"), ("table", "c"), ("table", "d")]),
    ("RENAME TABLE a WAIT 5 TO b", [("table", "a"), ("table", "b")]),
    # indexes touch their table
    ("CREATE UNIQUE INDEX idx_tuple_ulid ON tuple (ulid)", [("table", "tuple")]),
    ("CREATE INDEX i USING BTREE ON `t` (a) LOCK = NONE", [("table", "t")]),
    ("CREATE FULLTEXT INDEX ft ON docs (body)", [("table", "docs")]),
    ("CREATE SPATIAL INDEX sp ON geo (pt)", [("table", "geo")]),
    ("DROP INDEX idx_reverse_lookup_user ON tuple LOCK = NONE", [("table", "tuple")]),
    # views, triggers, routines, events, sequences
    ("CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1",
     [("view", "v")]),
    ("ALTER VIEW v AS SELECT 2", [("view", "v")]),
    ("DROP VIEW IF EXISTS v1, v2", [("view", "v1"), ("view", "v2")]),
    ("CREATE DEFINER=`root`@`localhost` TRIGGER ins_film AFTER INSERT ON film FOR EACH ROW BEGIN END",
     [("trigger", "ins_film")]),
    ("DROP TRIGGER IF EXISTS db.ins_film", [("trigger", "ins_film")]),
    ("CREATE DEFINER=CURRENT_USER() PROCEDURE film_in_stock(IN p int) BEGIN SELECT 1; END",
     [("routine", "procedure film_in_stock")]),
    ("create definer = 'root'@'%' function f() returns int return 1", [("routine", "function f")]),
    ("CREATE AGGREGATE FUNCTION agg(x int) RETURNS int BEGIN RETURN 1; END", [("routine", "function agg")]),
    ("ALTER PROCEDURE p COMMENT 'x'", [("routine", "procedure p")]),
    ("DROP FUNCTION IF EXISTS f", [("routine", "function f")]),
    ("CREATE EVENT IF NOT EXISTS e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t", [("event", "e")]),
    ("ALTER EVENT e RENAME TO e2", [("event", "e"), ("event", "e2")]),
    ("DROP EVENT e", [("event", "e")]),
    ("CREATE SEQUENCE s START WITH 10", [("sequence", "s")]),
    ("DROP SEQUENCE IF EXISTS s1, s2", [("sequence", "s1"), ("sequence", "s2")]),
    # dump-style version comments
    ("/*!50001 CREATE ALGORITHM=UNDEFINED */ /*!50013 DEFINER=`root`@`localhost` */ /*!50001 VIEW `v` AS select 1 */",
     [("view", "v")]),
    # statements that touch no schema object
    ("INSERT INTO accounts VALUES ('a')", []),
    ("UPDATE t SET x = 1", []),
    ("DELETE FROM t", []),
    ("SET FOREIGN_KEY_CHECKS = 0", []),
    ("CREATE DATABASE x", []),
    ("DROP DATABASE IF EXISTS x", []),
    ("CREATE USER u", []),
    ("TRUNCATE TABLE t", []),
    ("SELECT 1", []),
])
def test_touched_keys(sql, keys):
    assert touched_keys(sql) == keys


def test_touch_actions():
    acts = [(t.name, t.action) for t in touched_objects("RENAME TABLE a TO b")]
    assert acts == [("a", "rename-from"), ("b", "rename-to")]
    assert touched_objects("DROP TABLE x")[0].action == "drop"
    assert touched_objects("CREATE TABLE x (a int)")[0].action == "create"
    assert touched_objects("CREATE INDEX i ON x (a)")[0].action == "alter"


def test_touch_never_fails_on_odd_input():
    for sql in ["CREATE", "ALTER TABLE", "DROP TABLE IF EXISTS", "RENAME TABLE a", "", "CREATE INDEX i",
                "ALTER TABLE t RENAME"]:
        touched_objects(sql)  # no exception
    assert touched_keys("CREATE TABLE") == []


# ---------------------------------------------------------------- JavaScript migrations

JS = """\
'use strict';
// queryInterface.dropTable('commented_out')
const table = 'tenants';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('accounts', 'ssoId', { type: Sequelize.STRING });
    await queryInterface.createTable(table, { id: { type: Sequelize.UUID, primaryKey: true } });
    await queryInterface.addIndex({ tableName: "apps", schema: 'x' }, ['name']);
    /* await queryInterface.removeColumn('ghost', 'x'); */
    await queryInterface.renameTable('old_name', 'new_name');
    await queryInterface.bulkInsert('accounts', [{ id: 'a' }]);
    await queryInterface.sequelize.query(`CREATE VIEW active AS SELECT id FROM accounts`);
    await queryInterface.createFunction('f1', [], 'integer', 'plpgsql', 'RETURN 1;');
  },
  async down(queryInterface) {
    await queryInterface.dropTable(table);
  },
};
"""


def test_js_touches_names_tables_with_lines():
    found = js_touches(JS)
    assert found == [
        (("table", "accounts"), 6),
        (("table", "tenants"), 7),
        (("table", "apps"), 8),
        (("table", "old_name"), 10),
        (("table", "new_name"), 10),
        (("view", "active"), 12),
        (("routine", "function f1"), 13),
        (("table", "tenants"), 16),
    ]


def test_strip_comments_keeps_lines_and_strings():
    src = "a('//not a comment') // gone\n/* x\ny */ b('/* kept */')\n"
    out = strip_comments(src)
    assert out.count("\n") == src.count("\n")
    assert "gone" not in out and "x\ny" not in out
    assert "'//not a comment'" in out and "'/* kept */'" in out
