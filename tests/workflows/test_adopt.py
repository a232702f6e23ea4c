"""adopt and bootstrap on the legacy fixture, checked with the tools themselves.

The user's Sequelize team: production was built by ``sync()`` and seven SQL
migrations. Their chain is written here as sequelize-cli migrations (each
wrapping its SQL), behind a baseline of the schema *before* the chain (the
production copy walked back with the fixture's hand-written downs). ``adopt``
then records baseline + chain in ``SequelizeMeta`` of a production copy, and the
real sequelize-cli reports nothing pending and runs only the next new migration.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baseline.workflows.adopt import history
from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.compare import compare
from baseline.render.formats import js_string, migration_stem, render_migration, write_migration
from baseline.sources.live import read_live
from helpers import ROOT, make, query as table_rows
from legacy import LEGACY, MIGRATIONS, load_production, objects
import tools

SCRATCH: list[str] = []


@pytest.fixture(autouse=True)
def _scratch_url(server):
    SCRATCH[:] = [f"mysql://root@127.0.0.1:{server.url.port}/"]


def cli(*args):
    if args[0] == "adopt":  # replay on the session's own test server: fast, and no container needed
        args = (*args, "--scratch", SCRATCH[0])
    res = subprocess.run([sys.executable, "-m", "baseline", *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    return res.returncode, res.stdout, res.stderr


def url_of(server, db):
    return f"mysql://root@127.0.0.1:{server.url.port}/{db}"


@pytest.fixture(scope="module")
def pre_chain(server):
    """The schema before the chain: production walked back by the hand-written downs."""
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="prechain") as db:
        load_production(server, db)
        replay_chain(read_chain(LEGACY / "migrations-updown"), server, db, direction="down", progress=False)
        return read_live(server.url.with_database(db), progress=False)


def _js_migration(statements: list[str]) -> str:
    """The team's SQL migration as a sequelize-cli file, run under the server's own
    sql_mode as the mysql client ran it (sequelize's connection adds IGNORE_SPACE,
    which a trigger would keep)."""
    items = "".join(f"      {js_string(s)},\n" for s in ["SET SESSION sql_mode = @@GLOBAL.sql_mode", *statements])
    return ("'use strict';\n\nmodule.exports = {\n  async up(queryInterface) {\n"
            "    await queryInterface.sequelize.transaction(async (transaction) => {\n      for (const sql of [\n"
            f"{items}      ]) {{\n        await queryInterface.sequelize.query(sql, {{ transaction }});\n      }}\n"
            "    });\n  },\n\n  async down() {},\n};\n")


@pytest.fixture(scope="module")
def sequelize_dir(pre_chain, tmp_path_factory):
    """baseline (pre-chain, sequelize format) + the seven migrations as sequelize-cli files."""
    root = tmp_path_factory.mktemp("sequelize-chain")
    for k, m in enumerate(read_chain(MIGRATIONS), start=1):
        name = f"202401{k:02d}000000-{m.name.replace('_', '-')}.js"
        (root / name).write_text(_js_migration([s.text for s in m.up.statements()]))
    stem = migration_stem("sequelize", read_chain(root))
    write_migration(render_migration(pre_chain, "sequelize", name=stem, source_description="production"), root)
    return root


def sequelize_cli(node_env, server, db, migrations: Path, *args) -> str:
    from baseline.chain.sequelize import _config_module

    work = migrations.parent / f"cfg-{db}"
    work.mkdir(exist_ok=True)
    (work / "config.cjs").write_text(_config_module(server.url, db))
    res = subprocess.run([node_env.node, str(node_env.sequelize_cli), *args, "--config", str(work / "config.cjs"),
                          "--migrations-path", str(migrations), "--env", "baseline"], cwd=work,
                         env=dict(os.environ, NODE_PATH=str(node_env.node_modules), NO_COLOR="1"),
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr + res.stdout
    return "\n".join(line for line in res.stdout.splitlines() if not line.startswith("\x00"))


def test_adopt_sequelize_on_a_production_copy(node_env, server, sequelize_dir, tmp_path):
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="prodcopy") as db:
        load_production(server, db)
        target = url_of(server, db)
        code, out, err = cli("adopt", "--migrations", str(sequelize_dir), "--target", target, "--tool", "sequelize")
        assert code == 0, out + err
        assert out.count("INSERT INTO `SequelizeMeta`") == 8 and "dry run: nothing was written" in err
        assert "SequelizeMeta" not in objects(server, db)  # a dry run writes nothing

        code, out, err = cli("adopt", "--migrations", str(sequelize_dir), "--target", target, "--tool",
                             "sequelize", "--yes")
        assert code == 0, err
        assert "only the sequelize history table" in err
        assert len(table_rows(server, db, "SELECT name FROM SequelizeMeta")) == 8

        status = sequelize_cli(node_env, server, db, sequelize_dir, "db:migrate:status")
        assert status.count("up ") == 8 and "down " not in status, status

        # the team's next migration: only it runs
        nxt = tmp_path / "migrations"
        shutil.copytree(sequelize_dir, nxt)
        (nxt / "20250101000000-add-phone.js").write_text(
            "module.exports = {\n  async up(qi, Sequelize) { await qi.addColumn('accounts', 'phone', "
            "{ type: Sequelize.STRING }); },\n  async down(qi) { await qi.removeColumn('accounts', 'phone'); },\n};\n")
        ran = sequelize_cli(node_env, server, db, nxt, "db:migrate")
        assert ran.count(": migrating") == 1 and "20250101000000-add-phone: migrating" in ran, ran
        assert ("phone",) in table_rows(server, db, "SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                                                    f"WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = 'accounts'")

        # the old folder no longer describes the target; the new one does, and is all recorded
        code, out, err = cli("adopt", "--migrations", str(sequelize_dir), "--target", target, "--tool", "sequelize")
        assert code == 1 and "phone" in out, out + err
        code, out, err = cli("adopt", "--migrations", str(nxt), "--target", target, "--tool", "sequelize")
        assert code == 0 and "nothing to write" in err, out + err


def test_adopt_refuses_a_target_that_differs(server, tmp_path, pre_chain):
    write_migration(render_migration(pre_chain, "dbmate", source_description="x"), tmp_path)
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        load_production(server, db)  # production has the chain applied; the folder holds only the baseline
        code, out, err = cli("adopt", "--migrations", str(tmp_path), "--target", url_of(server, db),
                             "--tool", "dbmate", "--yes")
        assert code == 1, err
        assert "refusing to adopt" in err and "nothing was written" in err
        assert "releases" in out  # the differences are listed
        assert "schema_migrations" not in objects(server, db)


def _production_baseline(server, fmt, root):
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        load_production(server, db)
        schema = read_live(server.url.with_database(db), progress=False)
    write_migration(render_migration(schema, fmt, source_description="production"), root)


def test_adopt_dbmate_then_dbmate_runs_only_the_new_migration(server, tmp_path):
    dbmate = tools.dbmate()
    _production_baseline(server, "dbmate", tmp_path)
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        load_production(server, db)
        code, _out, err = cli("adopt", "--migrations", str(tmp_path), "--target", url_of(server, db),
                              "--tool", "dbmate", "--yes")
        assert code == 0, err
        env = dict(os.environ, DATABASE_URL=url_of(server, db))
        base = [dbmate, "--migrations-dir", str(tmp_path), "--no-dump-schema"]
        status = subprocess.run(base + ["status"], env=env, capture_output=True, text=True)
        assert "Pending: 0" in status.stdout, status.stdout + status.stderr
        (tmp_path / "20250101000000_add_phone.sql").write_text(
            "-- migrate:up\nALTER TABLE accounts ADD COLUMN phone varchar(32);\n\n"
            "-- migrate:down\nALTER TABLE accounts DROP COLUMN phone;\n")
        up = subprocess.run(base + ["up"], env=env, capture_output=True, text=True)
        assert up.returncode == 0, up.stderr
        assert up.stdout.count("Applying:") == 1 and "20250101000000_add_phone.sql" in up.stdout, up.stdout


def test_adopt_liquibase_then_liquibase_runs_only_the_new_changeset(server, tmp_path):
    liquibase = tools.liquibase()
    _production_baseline(server, "liquibase", tmp_path)
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        load_production(server, db)
        code, _out, err = cli("adopt", "--migrations", str(tmp_path), "--target", url_of(server, db),
                              "--tool", "liquibase", "--yes")
        assert code == 0, err
        base = [liquibase, f"--url=jdbc:mariadb://127.0.0.1:{server.url.port}/{db}", "--username=root",
                "--password=", f"--search-path={tmp_path}", "--changelog-file=000_initial_schema.sql",
                "--show-banner=false"]
        status = subprocess.run(base + ["status"], capture_output=True, text=True)
        assert "is up to date" in status.stdout, status.stdout + status.stderr
        code, _out, err = cli("adopt", "--migrations", str(tmp_path), "--target", url_of(server, db),
                              "--tool", "liquibase")
        assert code == 0 and "nothing to write" in err, err
        with open(tmp_path / "000_initial_schema.sql", "a") as fh:
            fh.write("\n--changeset team:add-phone\nALTER TABLE accounts ADD COLUMN phone varchar(32);\n"
                     "--rollback ALTER TABLE accounts DROP COLUMN phone;\n")
        up = subprocess.run(base + ["update"], capture_output=True, text=True)
        assert up.returncode == 0, up.stderr
        assert "Run:                          1" in up.stdout and "Previously run:              12" in up.stdout, up.stdout


def test_bootstrap_builds_production_and_records_history(node_env, server, sequelize_dir):
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="prod") as prod:
        load_production(server, prod)
        production = read_live(server.url.with_database(prod), progress=False)
    name = server.new_database_name("newdev")
    server._databases.append(name)  # the test server drops it afterwards
    try:
        code, out, err = cli("bootstrap", "--migrations", str(sequelize_dir), "--to", url_of(server, name))
        assert code == 0, err
        assert "created and built" in out and "8 migration(s)" in out
        built = read_live(server.url.with_database(name), progress=False)
        built.tables.pop("SequelizeMeta")
        assert compare(production, built) == []
        assert len(table_rows(server, name, "SELECT name FROM SequelizeMeta")) == 8
        charset = table_rows(server, name, "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM "
                                           f"information_schema.SCHEMATA WHERE SCHEMA_NAME = '{name}'")
        assert charset == [("utf8mb4", "utf8mb4_general_ci")]
        code, out, err = cli("bootstrap", "--migrations", str(sequelize_dir), "--to", url_of(server, name))
        assert code == 2 and "is not empty" in err
    finally:
        server.drop_database(name)


# ---------------------------------------------------------------- history rows of the other tools


def test_flyway_checksum_follows_flyways_rules():
    import zlib

    # CRC32 of the lines without their endings, BOM ignored, as a signed int
    assert history.flyway_checksum(b"a\nb\r\nc") == history.flyway_checksum(b"\xef\xbb\xbfa\r\nb\nc")
    crc = zlib.crc32(b"c", zlib.crc32(b"b", zlib.crc32(b"a")))
    assert history.flyway_checksum(b"a\nb\nc") == (crc - 2**32 if crc >= 2**31 else crc)


@pytest.mark.parametrize("tool", ["golang-migrate", "goose", "flyway", "prisma"])
def test_history_rows_for_tools_without_a_runner_here(tool, server, tmp_path, pre_chain):
    fmt = {"golang-migrate": "golang-migrate", "goose": "goose", "flyway": "flyway", "prisma": "prisma"}[tool]
    write_migration(render_migration(pre_chain, fmt, source_description="x"), tmp_path)
    # the team's first migration after the baseline
    second = {"golang-migrate": {"1_add.up.sql": "SELECT 1;", "1_add.down.sql": "SELECT 1;"},
              "goose": {"002_add.sql": "-- +goose Up\nSELECT 1;\n"},
              "flyway": {"V1__add_phone.sql": "SELECT 1;\n"},
              "prisma": {"20240101000000_add/migration.sql": "SELECT 1;\n"}}[tool]
    chain = read_chain(make(tmp_path, second))
    with server.database() as db:
        conn = server.connect(db)
        try:
            p = history.plan(tool, chain, conn)
            history.apply(conn, p)
            again = history.plan(tool, chain, conn)
        finally:
            conn.close()
        assert again.rows == [] and again.create == []  # idempotent: all recorded
        if tool == "golang-migrate":
            assert table_rows(server, db, "SELECT version, dirty FROM schema_migrations") == [(1, 0)]
        elif tool == "goose":
            assert table_rows(server, db, "SELECT version_id, is_applied FROM goose_db_version ORDER BY id") == \
                [(0, 1), (1, 1), (2, 1)]
        elif tool == "flyway":
            rows = table_rows(server, db, "SELECT installed_rank, version, description, type, script, checksum, "
                                          "success FROM flyway_schema_history ORDER BY installed_rank")
            body = (tmp_path / "V0__initial_schema.sql").read_bytes()
            assert rows == [(1, "0", "initial schema", "SQL", "V0__initial_schema.sql",
                             history.flyway_checksum(body), 1),
                            (2, "1", "add phone", "SQL", "V1__add_phone.sql",
                             history.flyway_checksum(b"SELECT 1;\n"), 1)]
        elif tool == "prisma":
            import hashlib

            rows = table_rows(server, db, "SELECT migration_name, checksum, applied_steps_count, "
                                          "finished_at IS NOT NULL FROM _prisma_migrations ORDER BY migration_name")
            body = (tmp_path / "000_initial_schema" / "migration.sql").read_bytes()
            assert rows[0] == ("000_initial_schema", hashlib.sha256(body).hexdigest(), 1, 1)
            assert [r[0] for r in rows] == ["000_initial_schema", "20240101000000_add"]


def test_bootstrap_failure_drops_the_database_it_created(server, tmp_path):
    """A migration that fails half-way left 23 objects and no history, and a rerun
    refused the database as "not empty" (issue 14). Now a database bootstrap
    created is dropped again; one it did not create is left, and said so."""
    chain = make(tmp_path / "m", {
        "001_a.sql": "CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE b (id INT PRIMARY KEY);\n",
        "002_b.sql": "CREATE TABLE c (id INT);\nALTER TABLE nowhere ADD COLUMN x INT;\n",
    })
    name = server.new_database_name("halfbuilt")
    server._databases.append(name)
    try:
        code, out, err = cli("bootstrap", "--migrations", str(chain), "--to", url_of(server, name))
        assert code == 2, err
        assert "migration 002_b failed" in err and "002_b.sql:2" in err
        assert f"database {name} was created by this run and has been dropped again: nothing is left" in err
        assert err.count("migration 002_b failed") == 1 and "Traceback" not in err
        exists = table_rows(server, "information_schema",
                            f"SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{name}'")
        assert exists == [(0,)]
        # a database that was there (empty) is not dropped: what is left is said
        with server.connect().cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}`")
        code, out, err = cli("bootstrap", "--migrations", str(chain), "--to", url_of(server, name))
        assert code == 2, err
        assert (f"database {name} existed before this run, so it was left as the failure left it: "
                "3 objects in it now, no migration history recorded for the 2 migrations") in err
        # fixed chain: the rerun into the same (now non-empty) database needs --force, as documented
        (chain / "002_b.sql").write_text("CREATE TABLE c (id INT);\n")
        code, out, err = cli("bootstrap", "--migrations", str(chain), "--to", url_of(server, name), "--force")
        assert code == 2 and "already exists" in err  # replaying into leftovers fails on table a
        with server.connect().cursor() as cur:
            cur.execute(f"DROP DATABASE `{name}`")
        code, out, err = cli("bootstrap", "--migrations", str(chain), "--to", url_of(server, name))
        assert code == 0 and "created and built" in out, err
    finally:
        server.drop_database(name)
