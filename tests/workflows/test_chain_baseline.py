"""``baseline generate SOURCE --migrations DIR`` end to end: exit codes of the
contract, what is written where (and only when it should be), the chain's own
naming, a previous baseline replaced, the known heuristics fixed and retried.
SOURCE is a production database on the test server, built for real."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from baseline.cli import cli
from invert_support import build


def run(server, b, *args, source=None):
    scratch = str(server.url.with_database(None))
    argv = ["generate", source or str(server.url.with_database(b.db)), "--migrations", str(b.chain_dir),
            "--scratch", scratch, *args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)


BEFORE = "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));"
CHAIN = {"001_a.sql": "ALTER TABLE t ADD COLUMN email VARCHAR(80);\n",
         "002_b.sql": "ALTER TABLE t MODIFY name VARCHAR(40);\n"}


def test_writes_the_verified_baseline_beside_the_chain_and_replaces_it_on_a_second_run(server, tmp_path):
    with build(server, tmp_path, BEFORE, CHAIN) as b:
        r = run(server, b)
        assert r.exit_code == 0, r.output
        target = b.chain_dir / "000_initial_schema.sql"
        first = target.read_text()
        assert "verified: the baseline + 2 migrations rebuild SOURCE exactly" in r.output
        assert "002_b.sql:1: warning: column t.name: MODIFY" in r.output
        assert f"wrote {target}" in r.output
        r = run(server, b)  # the baseline is now in the folder: it is not part of the chain
        assert r.exit_code == 0, r.output
        assert "left out:" in r.output and "000_initial_schema.sql (a baseline an earlier run wrote" in r.output
        assert "2 migrations rebuild SOURCE exactly" in r.output
        assert target.read_text() == first  # deterministic


def test_an_empty_folder_means_the_whole_schema(server, tmp_path):
    with build(server, tmp_path, BEFORE, {}) as b:
        r = run(server, b)
        assert r.exit_code == 0, r.output
        text = (b.chain_dir / "000_initial_schema.sql").read_text()
        assert "CREATE TABLE `t`" in text


def test_no_verify_writes_without_any_server(server, tmp_path):
    with build(server, tmp_path, BEFORE, CHAIN) as b:
        r = CliRunner().invoke(cli, ["generate", str(server.url.with_database(b.db)), "--migrations",
                                     str(b.chain_dir), "--no-verify", "--scratch", "mysql://nobody@127.0.0.1:1/"])
        assert r.exit_code == 0, r.output
        assert "not verified (--no-verify)" in r.output
        assert (b.chain_dir / "000_initial_schema.sql").is_file()


def test_no_throwaway_server_is_exit_3(server, tmp_path):
    with build(server, tmp_path, BEFORE, CHAIN) as b:
        r = CliRunner().invoke(cli, ["generate", str(server.url.with_database(b.db)), "--migrations",
                                     str(b.chain_dir), "--scratch", "mysql://nobody@127.0.0.1:1/"])
        assert r.exit_code == 3, r.output
        assert not (b.chain_dir / "000_initial_schema.sql").exists()


def test_differences_are_exit_1_and_nothing_is_written_unless_forced(server, tmp_path):
    """``--strategy down`` trusts a down that adds a column its up never had."""
    files = {"1_a.up.sql": "ALTER TABLE t ADD COLUMN x INT;",
             "1_a.down.sql": "ALTER TABLE t DROP COLUMN x, ADD COLUMN w INT;"}
    with build(server, tmp_path, BEFORE, files) as b:
        r = run(server, b, "--strategy", "down")
        assert r.exit_code == 1, r.output
        assert "table t  (last touched by" in r.output and "column w: only in baseline + chain" in r.output
        assert "not written" in r.output
        assert not list(b.chain_dir.glob("000_*"))
        r = run(server, b, "--strategy", "down", "--force")
        assert r.exit_code == 1, r.output  # written, but CI must not go green on it
        assert "wrote anyway (--force)" in r.output
        assert (b.chain_dir / "000_initial_schema.up.sql").is_file()
        r = run(server, b)  # auto: the down is checked, refused, and the migration inverted
        assert r.exit_code == 0, r.output
        assert "down script of 1_a: not used" in r.output


def test_a_replay_failure_is_exit_2_and_named(server, tmp_path):
    # a key nothing can stand in for: no column its name spells, its index dropped with it, on a
    # column no primary key matches (placeholders.placeholder_fk)
    before = """CREATE TABLE p (code VARCHAR(10) PRIMARY KEY);
                CREATE TABLE c (id INT PRIMARY KEY, code VARCHAR(10),
                                CONSTRAINT fk_weird FOREIGN KEY (code) REFERENCES p (code));"""
    with build(server, tmp_path, before, {"001_drop.sql": "ALTER TABLE c DROP FOREIGN KEY fk_weird, "
                                                          "DROP INDEX fk_weird;\n"}) as b:
        r = run(server, b)
        assert r.exit_code == 2, r.output
        assert "verification failed: replaying baseline + chain stopped at" in r.output
        assert "001_drop.sql:1" in r.output
        assert "001_drop.sql:1: warning: foreign key c.fk_weird" in r.output
        assert not (b.chain_dir / "000_initial_schema.sql").exists()


def test_strategy_down_needs_downs(server, tmp_path):
    with build(server, tmp_path, BEFORE, CHAIN) as b:
        r = run(server, b, "--strategy", "down")
        assert r.exit_code == 2
        assert "migration 002_b has no down script" in r.output


def test_an_implicit_looking_index_that_was_explicit_is_fixed_and_retried(server, tmp_path):
    """Trusting the down (``--strategy down``), nothing tells the walk that ``p_id``
    was explicit; the replay shows the chain's index dropping it, the heuristic
    explains it, and the retry matches."""
    before = """CREATE TABLE p (id INT PRIMARY KEY);
                CREATE TABLE c (id INT PRIMARY KEY, p_id INT, made DATE, KEY p_id (p_id),
                                FOREIGN KEY (p_id) REFERENCES p (id));"""
    files = {"1_idx.up.sql": "CREATE INDEX c_p_made ON c (p_id, made);",
             "1_idx.down.sql": "DROP INDEX c_p_made ON c;"}
    with build(server, tmp_path, before, files) as b:
        r = run(server, b, "--strategy", "down")
        assert r.exit_code == 0, r.output
        assert "index c.p_id looks implicit" in r.output and "retrying once" in r.output
        assert "verified after one fix" in r.output
        text = (b.chain_dir / "000_initial_schema.up.sql").read_text()
        assert "KEY `p_id` (`p_id`)" in text
        assert "-- Fixed after the first verification:\n--   index c.p_id looks implicit" in text


@pytest.mark.parametrize("what", ["table", "column"])
def test_if_not_exists_of_something_production_had_differently_is_kept(server, tmp_path, what):
    if what == "table":
        before = "CREATE TABLE parent (id INT PRIMARY KEY, extra INT);"
        chain = {"001_p.sql": "CREATE TABLE IF NOT EXISTS parent (id INT PRIMARY KEY);\n"}
    else:
        before = "CREATE TABLE t (id INT PRIMARY KEY, c BIGINT, d INT);"
        chain = {"001_c.sql": "ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT;\n"}
    with build(server, tmp_path, before, chain) as b:
        r = run(server, b)
        assert r.exit_code == 0, r.output
        assert "differs from what the chain's" in r.output and "verified after one fix" in r.output
        text = (b.chain_dir / "000_initial_schema.sql").read_text()
        assert ("`extra` int(11)" in text) if what == "table" else ("`c` bigint(20) DEFAULT NULL,\n  `d`" in text)


@pytest.mark.parametrize("layout,expected", [
    ({"01_init/migration.sql": "ALTER TABLE t ADD COLUMN a INT;", "migration_lock.toml": 'provider = "mysql"\n'},
     "000_initial_schema/migration.sql"),
    ({"002_a.sql": "-- +goose Up\nALTER TABLE t ADD COLUMN a INT;\n-- +goose Down\nALTER TABLE t DROP COLUMN a;\n"},
     "001_initial_schema.sql"),
    ({"20240101000000_a.sql": "-- migrate:up\nALTER TABLE t ADD COLUMN a INT;\n-- migrate:down\n"
                              "ALTER TABLE t DROP COLUMN a;\n"}, "000_initial_schema.sql"),
])
def test_the_chain_format_decides_the_file(server, tmp_path, layout, expected):
    with build(server, tmp_path, BEFORE, layout) as b:
        r = run(server, b)
        assert r.exit_code == 0, r.output
        assert (b.chain_dir / expected).is_file(), r.output


def test_a_tool_history_table_is_not_schema_the_baseline_creates(server, tmp_path):
    files = {"1_a.up.sql": "ALTER TABLE t ADD COLUMN x INT;", "1_a.down.sql": "ALTER TABLE t DROP COLUMN x;"}
    before = BEFORE + "\nCREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOL NOT NULL);"
    with build(server, tmp_path, before, files) as b:
        r = run(server, b)
        assert r.exit_code == 0, r.output
        assert "left out: the migration tool's own table schema_migrations" in r.output
        assert "schema_migrations" not in (b.chain_dir / "000_initial_schema.up.sql").read_text().split("\n\n", 1)[1]


_JS = """'use strict';
module.exports = {{
  async up(queryInterface, Sequelize) {{
    {up}
  }},
  async down(queryInterface, Sequelize) {{
    {down}
  }}
}};
"""


def test_a_sequelize_cli_chain_is_walked_back_by_its_down_functions(server, tmp_path, node_env):
    before = "CREATE TABLE accounts (id VARCHAR(255) NOT NULL PRIMARY KEY, email VARCHAR(255) NOT NULL);"
    files = {
        "20240101000000-add-sso.js": _JS.format(
            up="await queryInterface.addColumn('accounts', 'ssoId', { type: Sequelize.STRING, allowNull: true });",
            down="await queryInterface.removeColumn('accounts', 'ssoId');"),
        "20240201000000-releases.js": _JS.format(
            up="await queryInterface.createTable('releases', { id: { type: Sequelize.INTEGER, primaryKey: true, "
               "autoIncrement: true }, accountId: { type: Sequelize.STRING, references: { model: 'accounts', "
               "key: 'id' }, onDelete: 'CASCADE' } });",
            down="await queryInterface.dropTable('releases');"),
    }
    with build(server, tmp_path, before, files) as b:
        r = run(server, b)
        assert r.exit_code == 0, r.output
        assert "2 migrations (20240101000000-add-sso .. 20240201000000-releases) by down scripts" in r.output
        assert "verified: the baseline + 2 migrations rebuild SOURCE exactly" in r.output
        written = sorted(p.name for p in b.chain_dir.glob("*initial-schema.js"))
        assert written == ["20231231235959-initial-schema.js"]
        # inversion of JavaScript: the SQL each up() sends, recorded by a real run, inverted
        r = run(server, b, "--strategy", "invert")
        assert r.exit_code == 0, r.output
        assert "by inverting the SQL its up() sends" in r.output, r.output


def test_a_folder_with_no_migration_yet_is_an_empty_chain(server, tmp_path):
    with build(server, tmp_path, BEFORE, {"README.md": "Migrations go here.\n"}) as b:
        r = run(server, b)
        assert r.exit_code == 0, r.output
        assert "CREATE TABLE `t`" in (b.chain_dir / "000_initial_schema.sql").read_text()
