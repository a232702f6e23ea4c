"""The equivalence rules in baseline/flavor.py, one by one."""
from __future__ import annotations

import pytest

from baseline.engine import keys, spellings as SP
from baseline.flavor import Flavor

MARIADB = Flavor("mariadb", (10, 11, 0)).rules
MARIADB_11_8 = Flavor("mariadb", (11, 8, 0)).rules
MYSQL8 = Flavor("mysql", (8, 0, 36)).rules
MYSQL57 = Flavor("mysql", (5, 7, 44)).rules


def test_charsets_and_collations():
    assert SP.neutral_charset("UTF8") == "utf8mb3"
    assert SP.neutral_charset("utf8mb4") == "utf8mb4"
    assert SP.neutral_collation("utf8_general_ci") == "utf8mb3_general_ci"
    assert SP.neutral_collation("utf8mb4_bin") == "utf8mb4_bin"
    assert SP.charset_of_collation("utf8_unicode_ci") == "utf8mb3"
    assert SP.charset_of_collation("binary") == "binary"


@pytest.mark.parametrize("rules,charset,expected", [
    (MARIADB, "utf8mb4", "utf8mb4_general_ci"),
    (MARIADB_11_8, "utf8mb4", "utf8mb4_uca1400_ai_ci"),
    (MYSQL8, "utf8mb4", "utf8mb4_0900_ai_ci"),
    (MYSQL57, "utf8mb4", "utf8mb4_general_ci"),
    (MYSQL57, "utf8", "utf8mb3_general_ci"),
    (MARIADB, "latin1", "latin1_swedish_ci"),
    (MARIADB, None, None),
])
def test_implied_collation_per_flavor(rules, charset, expected):
    assert SP.implied_collation(charset, rules) == expected


@pytest.mark.parametrize("a,b,out", [
    ("int(11)", "int", ("int", "int")),
    ("int(10) unsigned", "int unsigned", ("int unsigned", "int unsigned")),
    ("tinyint(1)", "tinyint(4)", ("tinyint(1)", "tinyint(4)")),
    ("varchar(10)", "varchar(20)", ("varchar(10)", "varchar(20)")),
    (None, "int(11)", (None, "int(11)")),
])
def test_display_width_pair(a, b, out):
    assert SP.display_width_pair(a, b) == out


@pytest.mark.parametrize("text,out", [
    ("CURRENT_TIMESTAMP", "current_timestamp()"),
    ("current_timestamp()", "current_timestamp()"),
    ("now( 3 )", "current_timestamp(3)"),
    ("LOCALTIME", "current_timestamp()"),
    ("curdate()", "curdate()"),
    ("'CURRENT_TIMESTAMP'", "'CURRENT_TIMESTAMP'"),
])
def test_current_timestamp(text, out):
    assert SP.neutral_current_timestamp(text) == out


@pytest.mark.parametrize("default,type_,out", [
    ("'0'", "int(11)", "0"),
    ("'1.50'", "decimal(5,2)", "1.50"),
    ("'abc'", "int(11)", "'abc'"),
    ("'0'", "varchar(5)", "'0'"),
    ("NULL", "int(11)", None),
    ("((uuid()))", "char(36)", "uuid()"),
    ("(1) + (2)", "int", "(1) + (2)"),
    ("CURRENT_TIMESTAMP(6)", "datetime(6)", "current_timestamp(6)"),
])
def test_canonical_default(default, type_, out):
    assert SP.neutral_default(default, type_) == out


def test_generated_check_names():
    assert SP.is_generated_check_name("CONSTRAINT_3", "t", None, MARIADB)
    assert SP.is_generated_check_name("email", "users", "email", MARIADB)
    assert not SP.is_generated_check_name("email", "users", "email", MYSQL8)
    assert SP.is_generated_check_name("users_chk_2", "users", None, MYSQL8)
    assert not SP.is_generated_check_name("users_chk_x", "users", None, MYSQL8)
    assert not SP.is_generated_check_name("positive_qty", "users", None, MARIADB)


def test_json_storage_and_check():
    assert SP.is_json_storage("longtext", "utf8mb4", "utf8mb4_bin")
    assert SP.is_json_storage("LONGTEXT", None, "utf8mb4_bin")
    assert not SP.is_json_storage("longtext", "utf8mb4", "utf8mb4_general_ci")
    assert SP.is_json_check("json_valid(`doc`)", "doc")
    assert SP.is_json_check("(JSON_VALID(`doc`))", "doc")
    assert not SP.is_json_check("json_valid(`other`)", "doc")


def test_small_rules():
    assert SP.neutral_fk_action("no  action") == "RESTRICT"
    assert SP.neutral_fk_action("SET NULL") == "SET NULL"
    assert SP.neutral_definer("`root`@`%`") == "root@%"
    assert SP.neutral_sql_mode("b,A, a") == "A,B"
    assert keys.implicit_fk_index_names("FK_X", ["Col", "b"]) == {"fk_x", "col"}
    assert MARIADB.check_level_recorded and not MYSQL8.check_level_recorded
