"""Rough edges found by the third user pass (the pytest plugin from a user's own
project, each output format end to end, down strategies): each test here failed
before its fix. Real servers and real files, no doubles."""
from __future__ import annotations

from pathlib import Path

LEGACY = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"


# ---------------------------------------------------------------- the pytest plugin in a user's project

APP_TESTS = '''
def test_uses_the_database(baseline_db):
    assert baseline_db.applied
'''


def _scratch(server) -> str:
    return f"mysql://root@127.0.0.1:{server.url.port}/"


def test_a_failing_migration_names_file_and_line_without_a_traceback_of_ours(pytester, server):
    pytester.makefile(".sql", **{
        "migrations/001_users": "CREATE TABLE users (id int PRIMARY KEY);\n",
        "migrations/002_bad": "ALTER TABLE users ADD COLUMN name varchar(20);\n\nALTER TABLE nosuch ADD COLUMN x int;\n",
    })
    pytester.makeini("[pytest]\nbaseline_migrations = migrations\n")
    pytester.makepyfile(test_app=APP_TESTS)
    result = pytester.runpytest_subprocess("--baseline-scratch", _scratch(server), "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    out = result.stdout.str()
    assert "migrations/002_bad.sql:3" in out and "nosuch" in out
    assert "baseline_test_" not in out  # the throwaway database's name means nothing to the user
    assert "site-packages" not in out and "baseline/chain/replay.py" not in out and "raise MigrationFailed" not in out


def test_an_unreadable_folder_is_an_error_naming_it_without_a_traceback(pytester, server):
    pytester.makepyfile(test_app=APP_TESTS)
    result = pytester.runpytest_subprocess("--baseline-scratch", _scratch(server), "-p", "no:cacheprovider",
                                           "--baseline-migrations", "nope")
    result.assert_outcomes(errors=1)
    out = result.stdout.str()
    assert "nope" in out and "baseline/chain/read.py" not in out and "UsageError" not in out


def test_no_server_errors_the_suite_by_default_and_skips_when_asked(pytester, tmp_path, monkeypatch):
    """A suite that skipped every database test would go green having tested nothing."""
    pytester.makefile(".sql", **{"migrations/001_users": "CREATE TABLE users (id int PRIMARY KEY);\n"})
    pytester.makeini("[pytest]\nbaseline_migrations = migrations\nbaseline_scratch = local\n")
    pytester.makepyfile(test_app=APP_TESTS + "\ndef test_two(baseline_db):\n    pass\n")
    monkeypatch.setenv("BASELINE_MYSQLD", str(tmp_path / "no-such-mariadbd"))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=2)
    out = result.stdout.str()
    assert "no-such-mariadbd" in out and "baseline_no_server = skip" in out
    assert "Traceback" not in out and "scratch/local.py" not in out
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--baseline-no-server", "skip", "-rs")
    result.assert_outcomes(skipped=2)
    assert "no-such-mariadbd" in result.stdout.str()
