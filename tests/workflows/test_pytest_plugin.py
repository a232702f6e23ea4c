"""The pytest plugin, used by a test suite of its own (pytester): a team's tests
get a fresh database built from their migrations folder."""
from __future__ import annotations

TESTS = '''
import pytest

def columns(db):
    conn = db.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s "
                    "AND TABLE_NAME = 'accounts' ORDER BY ORDINAL_POSITION", (db.name,))
        return [r[0] for r in cur.fetchall()]

def test_the_whole_chain_is_applied(baseline_db):
    assert columns(baseline_db) == ["id", "name", "email"]
    assert baseline_db.applied == ["000_initial_schema", "001_add_email"]
    assert baseline_db.url.startswith("mysql://") and baseline_db.name in baseline_db.url
    conn = baseline_db.connect()
    with conn.cursor() as cur:
        cur.execute("INSERT INTO accounts (id, name, email) VALUES (1, 'a', 'a@x')")

def test_each_test_gets_a_fresh_database(baseline_db):
    conn = baseline_db.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM accounts")
        assert cur.fetchone()[0] == 0

@pytest.mark.baseline_migrations("other_migrations")
def test_a_marker_picks_another_folder(baseline_db):
    assert columns(baseline_db) == ["id"]

NAMES = []

def test_module_scope_shares_one_database(baseline_db_module):
    NAMES.append(baseline_db_module.name)

def test_module_scope_again(baseline_db_module):
    NAMES.append(baseline_db_module.name)
    assert len(set(NAMES)) == 1
'''


def _project(pytester, ini: bool = True):
    pytester.makefile(".sql", **{
        "migrations/000_initial_schema": "CREATE TABLE accounts (id int PRIMARY KEY, name varchar(50));\n",
        "migrations/001_add_email": "ALTER TABLE accounts ADD COLUMN email varchar(255);\n",
        "other_migrations/000_initial_schema": "CREATE TABLE accounts (id int PRIMARY KEY);\n",
    })
    if ini:
        pytester.makeini("[pytest]\nbaseline_migrations = migrations\n")
    pytester.makepyfile(test_app=TESTS)


def _scratch(server) -> str:
    return f"mysql://root@127.0.0.1:{server.url.port}/"


def test_plugin_builds_databases_from_the_ini_folder(pytester, server):
    _project(pytester)
    result = pytester.runpytest_subprocess("--baseline-scratch", _scratch(server), "-p", "no:cacheprovider")
    result.assert_outcomes(passed=5)
    # every database it made is gone
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("SHOW DATABASES LIKE 'baseline_test%'")
        assert cur.fetchall() == ()


def test_command_line_folder_and_a_clear_error_without_one(pytester, server):
    _project(pytester, ini=False)
    result = pytester.runpytest_subprocess("--baseline-scratch", _scratch(server), "-p", "no:cacheprovider",
                                           "--baseline-migrations", "migrations", "-k", "whole_chain")
    result.assert_outcomes(passed=1)
    result = pytester.runpytest_subprocess("--baseline-scratch", _scratch(server), "-p", "no:cacheprovider",
                                           "-k", "whole_chain")
    assert "baseline_db needs a migrations folder" in result.stdout.str() + result.stderr.str()
    assert result.ret != 0


ENGINE_TESTS = '''
from sqlalchemy import inspect, text

ENGINES = []

def test_the_engine_is_bound_to_the_built_database(baseline_engine, baseline_db):
    assert baseline_engine.url.database == baseline_db.name
    assert [c["name"] for c in inspect(baseline_engine).get_columns("accounts")] == ["id", "name", "email"]
    with baseline_engine.begin() as conn:
        conn.execute(text("INSERT INTO accounts (id, name, email) VALUES (1, 'a', 'a@x')"))
    with baseline_db.connect().cursor() as cur:  # the app's write is in the fixture's database
        cur.execute("SELECT email FROM accounts")
        assert cur.fetchall() == (("a@x",),)
    assert "pw-789" not in repr(baseline_engine) and "***" in repr(baseline_engine)
    assert baseline_engine.pool.checkedin() == 1
    ENGINES.append(baseline_engine)

def test_the_engine_was_disposed(baseline_engine):
    assert ENGINES and ENGINES[0] is not baseline_engine
    assert ENGINES[0].pool.checkedin() == 0  # dispose() closed the pooled connection
'''


def test_baseline_engine_is_sqlalchemy_on_the_fresh_database(pytester, server):
    """A SQLAlchemy app's view of the same database, over a scratch URL with a password."""
    _project(pytester)
    pytester.makepyfile(test_engine=ENGINE_TESTS)
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("CREATE USER IF NOT EXISTS 'plug'@'%' IDENTIFIED BY 'pw-789'")
        cur.execute("GRANT ALL ON *.* TO 'plug'@'%'")
    try:
        result = pytester.runpytest_subprocess(
            "--baseline-scratch", f"mysql://plug:pw-789@127.0.0.1:{server.url.port}/", "-p", "no:cacheprovider",
            "test_engine.py")
    finally:
        with conn.cursor() as cur:
            cur.execute("DROP USER IF EXISTS 'plug'@'%'")
    result.assert_outcomes(passed=2)
    assert "pw-789" not in result.stdout.str() + result.stderr.str()
    with conn.cursor() as cur:
        cur.execute("SHOW DATABASES LIKE 'baseline_test%'")
        assert cur.fetchall() == ()
    conn.close()
