"""Flavor rules: the decisions that live in baseline/flavor.py, and the rule that
they live nowhere else."""
from __future__ import annotations

import re

import pytest

from baseline.flavor import Flavor
from baseline.sql.ddl.lexer import tokenize
from baseline.sql.versioned import evaluate_version_comments
from helpers import ROOT

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


# ------------------------------------------------------------------ rules at their boundaries


@pytest.mark.parametrize("flavor,field,value", [
    # the simulator's spelling of stored expressions and view bodies
    (MARIADB_10_11, "expression_style", "mariadb"), (MYSQL_8, "expression_style", "mysql"),
    (MARIADB_10_11, "view_rewrite", "mariadb"), (MYSQL_8, "view_rewrite", None),
    (MARIADB_10_11, "generated_columns_nullable", True), (MYSQL_8, "generated_columns_nullable", False),
    (MARIADB_10_11, "list_partition_null_first", True), (MYSQL_8, "list_partition_null_first", False),
    (MARIADB_10_11, "parenthesized_expression_defaults", False),
    (MYSQL_8, "parenthesized_expression_defaults", True), (MYSQL_57, "parenthesized_expression_defaults", True),
    # BLOB/TEXT may have defaults (and show DEFAULT NULL) from MariaDB 10.2.1; never on MySQL
    (Flavor("mariadb", (10, 1, 48)), "lob_default_null_shown", False),
    (Flavor("mariadb", (10, 2, 1)), "lob_default_null_shown", True),
    (MYSQL_57, "lob_default_null_shown", False), (MYSQL_8, "lob_default_null_shown", False),
])
def test_rule_values(flavor, field, value):
    assert getattr(flavor.rules, field) == value


def test_same_family_release_and_replay():
    assert MARIADB_10_11.same_family(Flavor("mariadb", (10, 6, 0)))
    assert not MARIADB_10_11.same_family(MYSQL_8) and not MARIADB_10_11.same_family(None)
    assert MARIADB_10_11.same_release(Flavor("mariadb", (10, 11, 9)))
    assert not MARIADB_10_11.same_release(Flavor("mariadb", (10, 6, 0)))
    assert MARIADB_10_11.runs_sql_of(Flavor("mariadb", (10, 6, 0)))
    assert not Flavor("mariadb", (10, 6, 0)).runs_sql_of(MARIADB_10_11)
    assert not MARIADB_10_11.runs_sql_of(MYSQL_57)


# ------------------------------------------------------------------ the rule itself

PACKAGE = ROOT / "baseline"

#: Ways code outside flavor.py decides by flavor family or version.
FLAVOR_TESTS = re.compile(
    r"\.is_mariadb\b|\.at_least\("                       # helpers that no longer exist
    r"|\.family\s*[!=]=|[!=]=\s*[\w.()]*\.family\b|\bfamily\s*[!=]="   # family comparisons
    r"|\.family\s+(?:not\s+)?in\b"
    r"|\.version\s*[<>]|\.version\[|\bversion_id\s*[<>]"               # version comparisons
    r"|[\"'](?:mariadb|mysql)[\"']\s+in\b"                # family guessed from a name
)

#: (file under baseline/, text of the line, why it may decide by flavor there).
#: Each is about *naming* a server (images, binaries, dump headers), never about
#: how a server behaves in SQL; those go into flavor.Rules.
ALLOWED = [
    ("scratch/docker.py", 'family = MARIADB if "mariadb" in repo.lower() else MYSQL',
     "an image tag names its server's family (mariadb:10.11 vs mysql:8.0)"),
    ("scratch/local.py", 'MARIADB if "mariadb" in Path(self.binary).name else MYSQL',
     "a server binary that prints no readable version is known by its name"),
    ("workflows/doctor.py", "mysqld.family != MYSQL",
     "doctor reports whether a real MySQL binary exists (Debian's mysqld is MariaDB's)"),
]


def _flavor_decisions() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "flavor.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FLAVOR_TESTS.search(line):
                found.append((rel, n, line.strip()))
    return found


def test_flavor_differences_live_only_in_flavor_py():
    """Code asks ``flavor.rules.X`` (or a Flavor method); it does not test families
    or versions itself (docs/ARCHITECTURE.md, Flavors)."""
    stray = [f"baseline/{rel}:{n}: {line}" for rel, n, line in _flavor_decisions()
             if not any(rel == a_rel and text in line for a_rel, text, _ in ALLOWED)]
    assert not stray, ("flavor decisions outside baseline/flavor.py; add a Rules field and a "
                       "RULE_TABLE entry instead:\n" + "\n".join(stray))


def test_the_allow_list_is_current():
    """An allowed line that no longer exists is dropped from the list, so the list
    never grows into a blanket exception."""
    found = _flavor_decisions()
    stale = [(rel, text) for rel, text, _ in ALLOWED
             if not any(rel == f_rel and text in line for f_rel, _, line in found)]
    assert not stale


def test_the_guard_sees_what_it_guards():
    """The pattern catches the spellings it was written for."""
    for line in ["if flavor.is_mariadb:", "if f.family == MARIADB:", "if MYSQL != f.family:",
                 "ok = flavor.version < (8, 0, 13)", "flavor.at_least(10, 5)", "v = flavor.version[0]",
                 "family = MARIADB if 'mariadb' in name else MYSQL", "if f.family in (MYSQL,):",
                 "if 'mysql' in text:"]:
        assert FLAVOR_TESTS.search(line), line
    for line in ["if flavor.rules.check_constraints:", "return Flavor.parse(text)"]:
        assert not FLAVOR_TESTS.search(line), line


def test_every_rule_entry_changes_what_it_names():
    """A RULE_TABLE entry that sets a value the flavor already has says nothing
    (and hides where the value really comes from)."""
    from dataclasses import replace

    from baseline.flavor import RULE_TABLE, Rules

    idle = []
    for i, (family, minimum, overrides) in enumerate(RULE_TABLE):
        before = Rules()
        for fam, least, earlier in RULE_TABLE[:i]:
            if fam == family and least <= minimum:
                before = replace(before, **earlier)
        idle += [f"{family} {minimum}: {k}" for k, v in overrides.items() if getattr(before, k) == v]
    assert not idle


def test_every_rule_is_read_outside_flavor_py():
    """A Rules field nothing asks about is dead data."""
    from dataclasses import fields

    from baseline.flavor import Rules

    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name != "flavor.py")
    unread = [f.name for f in fields(Rules) if not re.search(rf"\b{f.name}\b", code)]
    # read through Flavor methods inside flavor.py itself
    assert set(unread) <= {"executes_versioned_comments_up_to", "mariadb_version_comments", "docker_image"}


def test_view_bodies_rewritten_only_where_the_rules_say():
    """MariaDB's view rewriting is reproduced; MySQL bodies (here with a
    MySQL-only LATERAL join) are kept as written."""
    from baseline.engine.builder import schema_from_statements
    from baseline.sql.split import split_sql

    table = "CREATE TABLE t (id int, v int);\n"
    lateral = ("CREATE VIEW w AS SELECT t.id, d.m FROM t, LATERAL (SELECT max(v) AS m FROM t AS u "
               "WHERE u.id = t.id) AS d;\n")
    plain = "CREATE VIEW x AS SELECT id FROM t WHERE v > 1;\n"
    mysql = schema_from_statements(split_sql(table + lateral + plain), flavor=MYSQL_8, name="db")
    assert "LATERAL (SELECT max(v)" in mysql.views["w"].definition
    assert mysql.views["x"].definition == "SELECT id FROM t WHERE v > 1"
    mariadb = schema_from_statements(split_sql(table + plain), flavor=MARIADB_10_11, name="db")
    assert mariadb.views["x"].definition == "select `t`.`id` AS `id` from `t` where `t`.`v` > 1"
