"""Rough edges found by the third user pass (the pytest plugin from a user's own
project, each output format end to end, down strategies): each test here failed
before its fix. Real servers and real files, no doubles."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from baseline.cli import cli

from helpers import LEGACY, make



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
        "migrations/002_bad": "ALTER TABLE users ADD COLUMN name varchar(20);\n\n"
                              "ALTER TABLE nosuch ADD COLUMN x int;\n",
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


# ---------------------------------------------------------------- --strategy with a wrong down

#: 006's down forgets to rename the column back: it does not undo its up.
WRONG_006_DOWN = ("ALTER TABLE collaborators DROP INDEX idx_collaborators_email;\n"
                  "-- forgot to rename the column back\n"
                  "ALTER TABLE apps ADD INDEX accountId (accountId), DROP INDEX idx_apps_account_created;\n")


def _generate(server, source, chain, *args):
    argv = ["generate", str(source), "--migrations", str(chain), "--scratch", str(server.url.with_database(None)),
            *args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)


@pytest.fixture
def wrong_down_chain(tmp_path):
    chain = tmp_path / "chain"
    shutil.copytree(LEGACY / "migrations-updown", chain)
    (chain / "006_query_indexes.down.sql").write_text(WRONG_006_DOWN)
    return chain


def test_auto_names_the_wrong_down_and_the_up_line_it_leaves_undone(server, wrong_down_chain):
    r = _generate(server, LEGACY / "production.sql", wrong_down_chain)
    assert r.exit_code == 0, r.output
    assert "1 migration (006_query_indexes) by inversion (its down script does not undo its up)" in r.output
    assert "006_query_indexes.down.sql: info: down script of 006_query_indexes: not used" in r.output
    # the first of what the down leaves different: apps' keys come back in another order (it
    # re-adds the implicit index accountId after tenantId's), and the column rename is not undone
    assert ("table apps key order is 'PRIMARY, accountId, tenantId' before the up but 'PRIMARY, tenantId, "
            "accountId' after the down, and 3 more differences (left undone: 006_query_indexes.up.sql:2: "
            "CREATE INDEX idx_apps_account_created") in r.output
    assert "the migration was inverted instead" in r.output and "verified:" in r.output


def test_strategy_down_warns_about_the_wrong_down_it_was_told_to_use(server, wrong_down_chain):
    """Before, --strategy down ran no check: only the verification failed, at a line of
    an *up* script, and with --no-verify a wrong baseline was written without a word."""
    r = _generate(server, LEGACY / "production.sql", wrong_down_chain, "--strategy", "down", "--no-verify")
    assert r.exit_code == 0, r.output
    assert "006_query_indexes.down.sql: warning: down script of 006_query_indexes: used as --strategy down asks" \
        in r.output
    assert "left undone: 006_query_indexes.up.sql:2:" in r.output
    assert "--strategy auto inverts such a migration instead" in r.output
    baseline = (wrong_down_chain / "000_initial_schema.up.sql").read_text()
    assert "006_query_indexes.down.sql" in baseline  # listed at the top of the file too


PROD_ONE_TABLE = """CREATE TABLE `t` (
  `id` int(11) NOT NULL,
  `b` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
"""

GOOSE = {"20240101000000_add_b.sql": "-- +goose Up\nALTER TABLE t ADD COLUMN a INT;\n"
         "ALTER TABLE t ADD COLUMN b INT;\n-- +goose Down\nALTER TABLE t DROP COLUMN b;\n",
         "20240102000000_drop_a.sql": "-- +goose Up\nALTER TABLE t DROP COLUMN a;\n"
         "-- +goose Down\nALTER TABLE t ADD COLUMN a INT AFTER id;\n"}
DBMATE = {"20240101000000_add_b.sql": "-- migrate:up\nALTER TABLE t ADD COLUMN a INT;\n"
          "ALTER TABLE t ADD COLUMN b INT;\n\n-- migrate:down\nALTER TABLE t DROP COLUMN b;\n",
          "20240102000000_drop_a.sql": "-- migrate:up\nALTER TABLE t DROP COLUMN a;\n"
          "\n-- migrate:down\nALTER TABLE t ADD COLUMN a INT AFTER id;\n"}


@pytest.mark.parametrize("files", [GOOSE, DBMATE], ids=["goose", "dbmate"])
def test_a_wrong_down_in_goose_and_dbmate_chains_is_named_with_its_line(server, tmp_path, files):
    """The first migration's down forgets column a; the strategies each say so."""
    dump = tmp_path / "prod.sql"
    dump.write_text(PROD_ONE_TABLE)
    for strategy, said in (("auto", "not used"), ("down", "used as --strategy down asks")):
        chain = make(tmp_path / strategy, files)
        r = _generate(server, dump, chain, "--strategy", strategy)
        assert f"down script of 20240101000000_add_b: {said}" in r.output, r.output
        assert "column t.a exists" in r.output and "20240101000000_add_b.sql:2: ALTER TABLE t ADD COLUMN a" in r.output
        # the second down is right: inversion's guess at where column a stood (the chain never
        # shows the columns before it) is no reason to call it wrong; the round trip decides
        assert "down script of 20240102000000_drop_a" not in r.output
        if strategy == "auto":
            assert r.exit_code == 0 and "verified:" in r.output, r.output
        else:  # the wrong down's baseline has a column the chain adds again: verification refuses it
            assert r.exit_code != 0 and "not written" in r.output, r.output
