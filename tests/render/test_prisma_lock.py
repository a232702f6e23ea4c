"""Prisma's ``migration_lock.toml`` beside the baseline: written when the folder
has none (Prisma's own text, deterministic), never overwritten, refused when it
locks the history to another database; and the second ``generate --migrations``
still recognizes its own baseline and does not take the lock file for a
migration. SOURCE is a production database built for real on the test server."""
from __future__ import annotations

from click.testing import CliRunner

from baseline.chain.read import read_chain
from baseline.cli import cli
from baseline.render.folder_files import PRISMA_LOCK_TEXT
from invert_support import build

BEFORE = "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));"
CHAIN = {"20240101000000_email/migration.sql": "ALTER TABLE t ADD COLUMN email VARCHAR(80);\n"}


def _generate(server, b, *args, outdir=None):
    argv = ["generate", str(server.url.with_database(b.db)), *args]
    if outdir is not None:
        argv += ["-o", str(outdir)]
    return CliRunner().invoke(cli, argv + ["--scratch", str(server.url.with_database(None))],
                              catch_exceptions=False)


def test_a_prisma_chain_without_a_lock_file_gets_one_and_the_second_run_knows_its_baseline(server, tmp_path):
    with build(server, tmp_path, BEFORE, CHAIN) as b:
        lock = b.chain_dir / "migration_lock.toml"
        assert not lock.exists()
        r = _generate(server, b, "--migrations", str(b.chain_dir))
        assert r.exit_code == 0, r.output
        assert lock.read_text() == PRISMA_LOCK_TEXT
        assert 'provider = "mysql"' in lock.read_text() and lock.read_text().startswith("# Please do not edit")
        baseline = b.chain_dir / "000_initial_schema" / "migration.sql"
        first = baseline.read_bytes()
        chain = read_chain(b.chain_dir)
        assert chain.format == "prisma" and chain.ids == ["000_initial_schema", "20240101000000_email"]
        assert "migration_lock.toml" not in chain.ignored and not chain.notes
        r = _generate(server, b, "--migrations", str(b.chain_dir))  # the baseline is left out, then replaced
        assert r.exit_code == 0, r.output
        assert "000_initial_schema/migration.sql (a baseline an earlier run wrote" in r.output
        assert "the baseline + 1 migration rebuild SOURCE exactly" in r.output
        assert baseline.read_bytes() == first and lock.read_text() == PRISMA_LOCK_TEXT


def test_an_existing_lock_file_is_kept_as_it_is(server, tmp_path):
    own = '# ours\nprovider = "mysql"\n'
    with build(server, tmp_path, BEFORE, {**CHAIN, "migration_lock.toml": own}) as b:
        r = _generate(server, b, "--migrations", str(b.chain_dir))
        assert r.exit_code == 0, r.output
        assert (b.chain_dir / "migration_lock.toml").read_text() == own
        assert "migration_lock.toml" not in r.output.split("wrote", 1)[1].splitlines()[0]


def test_a_lock_file_for_another_database_is_refused_before_anything_is_written(server, tmp_path):
    with build(server, tmp_path, BEFORE, {**CHAIN, "migration_lock.toml": '# x\nprovider = "postgresql"\n'}) as b:
        r = _generate(server, b, "--migrations", str(b.chain_dir))
        assert r.exit_code == 2, r.output
        assert 'migration_lock.toml:2: says provider = "postgresql"' in r.output
        assert not (b.chain_dir / "000_initial_schema").exists()


def test_plain_generate_in_prisma_format_writes_the_lock_too(server, tmp_path):
    with build(server, tmp_path, BEFORE, {}) as b:
        out = tmp_path / "prisma" / "migrations"
        r = _generate(server, b, "--format", "prisma", outdir=out)
        assert r.exit_code == 0, r.output
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
            "000_initial_schema", "000_initial_schema/migration.sql", "migration_lock.toml"]
        assert (out / "migration_lock.toml").read_text() == PRISMA_LOCK_TEXT
