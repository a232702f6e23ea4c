"""Flavor rules: the decisions that live in baseline/flavor.py, and the rule that
they live nowhere else."""
from __future__ import annotations

import pytest

from baseline.flavor import Flavor
from baseline.sql.ddl.lexer import tokenize
from baseline.sql.versioned import evaluate_version_comments

MARIADB_10_11 = Flavor("mariadb", (10, 11, 2))
MYSQL_8 = Flavor("mysql", (8, 0, 30))
MYSQL_57 = Flavor("mysql", (5, 7, 44))


# ------------------------------------------------------------------ version comments


@pytest.mark.parametrize("flavor,version,mariadb_only,runs", [
    (MARIADB_10_11, None, False, True),
    (MARIADB_10_11, 40101, False, True),
    (MARIADB_10_11, 50699, False, True),
    (MARIADB_10_11, 50700, False, False),   # MySQL 5.7+ syntax: MariaDB skips it
    (MARIADB_10_11, 80016, False, False),
    (MARIADB_10_11, 100301, False, True),   # six digits: a MariaDB version
    (MARIADB_10_11, 101102, False, True),
    (MARIADB_10_11, 101103, False, False),
    (MARIADB_10_11, 50701, True, True),     # /*M!50701: MariaDB's own comment runs
    (MARIADB_10_11, 110000, True, False),
    (MYSQL_8, 80016, False, True),
    (MYSQL_8, 80030, False, True),
    (MYSQL_8, 80031, False, False),
    (MYSQL_8, None, True, False),           # /*M! is MariaDB's alone
    (MYSQL_8, 100100, True, False),
    (MYSQL_57, 50705, False, True),
    (MYSQL_57, 80016, False, False),
])
def test_which_version_comments_a_server_runs(flavor, version, mariadb_only, runs):
    assert flavor.executes_version_comment(version, mariadb_only) is runs


def test_version_id():
    assert MARIADB_10_11.version_id == 101102
    assert MYSQL_8.version_id == 80030


CORNERS = [
    "SELECT 1 /*!100301 +1*/ /*!50701 +10*/ /*M!50701 +100*/ /*!40101 +1000*/",
    "SELECT 2 /*M!110000 +1*/ /*!101102 +10*/ /*!101103 +100*/ /*!80016 +1000*/",
    "SELECT 3 /*!+1*/ /*M!+10*/ + /*!1234*/",
]


@pytest.mark.parametrize("flavor", [MARIADB_10_11, MYSQL_8, MYSQL_57], ids=str)
@pytest.mark.parametrize("sql", CORNERS)
def test_lexer_and_dump_reader_make_the_same_decision(flavor, sql):
    """The DDL lexer evaluates version comments while tokenizing; the dump reader
    rewrites the text first. Both must see the same statement."""
    direct = [t.text for t in tokenize(sql, flavor).tokens]
    rewritten = [t.text for t in tokenize(evaluate_version_comments(sql, flavor), flavor).tokens]
    assert direct == rewritten


def test_the_decision_is_the_servers(server):
    """The real server runs exactly the version comments the rules say it runs."""
    flavor = server.flavor
    with server.connect(None) as conn, conn.cursor() as cur:
        for sql in CORNERS:
            cur.execute(sql)
            served = cur.fetchone()[0]
            evaluated = evaluate_version_comments(sql, flavor)
            cur.execute(evaluated)
            assert cur.fetchone()[0] == served, (sql, evaluated)
            assert "/*" not in evaluated
