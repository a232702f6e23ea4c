"""The legacy Sequelize fixture (fixtures/legacy): a ``sync()`` app whose
migrations only ALTER. The naive baseline (production's schema as ``000``) fails
on ``001``'s first ``ADD COLUMN``; ``generate --migrations`` writes the schema
before the chain, and baseline + chain rebuild production exactly - checked by
generate's own replay and by an independent ``SHOW CREATE`` comparison made with
the stock client.

Both chain variants: ``migrations/`` (ups only: inversion, with warnings exactly
where the chain lost information) and ``migrations-updown/`` (golang-migrate
with downs: walked back by them, nothing assumed); both SOURCE kinds: the live
production database and ``production.sql`` read offline.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from baseline.chain.read import read_chain
from baseline.chain.replay import MigrationFailed, replay_chain
from baseline.cli import cli
from invert_support import mariadb_dump_no_data, run_client, show_create_all
from helpers import LEGACY

PRODUCTION = LEGACY / "production.sql"

#: Where the raw-SQL chain loses information, and nowhere else.
LOST = [
    "004_package_rollout.sql:2: warning: column packages.rollout",
    "005_cleanup_legacy.sql:2: warning: column packages.legacyChecksum",
    "005_cleanup_legacy.sql:3: warning: column accounts.azureAdId",
    "005_cleanup_legacy.sql:4: warning: table accessKeys",
]


@pytest.fixture(scope="module")
def production(server):
    """``production.sql`` (schema and rows) loaded with the stock client, as a team
    restoring a production copy would."""
    text = re.sub(r"^(CREATE DATABASE|USE) .*$", "", PRODUCTION.read_text(), flags=re.M)
    with server.database("utf8mb4", "utf8mb4_general_ci", prefix="production") as db:
        run_client(server, db, text)
        yield db


_WARNING = re.compile(r"^(?:--)?\s*(\S+:\d+: warning: [^:]+):", re.M)


def _warnings(text: str) -> list[str]:
    """``file:line: warning: object`` of each warning line."""
    return _WARNING.findall(text)


def _generate(server, source: str, chain_dir: Path, *extra: str):
    scratch = str(server.url.with_database(None))
    return CliRunner().invoke(cli, ["generate", source, "--migrations", str(chain_dir), "--scratch", scratch,
                                    *extra], catch_exceptions=False)


def _verify(server, chain_dir: Path, source: str):
    """``baseline verify`` itself, as a team's CI would run it."""
    r = CliRunner().invoke(cli, ["verify", "--migrations", str(chain_dir), "--against", source,
                                 "--scratch", str(server.url.with_database(None))], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "identical: no differences" in r.output


def _independent_replay(server, files: list[Path]) -> dict:
    """The baseline then each up file through the stock ``mariadb`` client; the
    normalized SHOW CREATE of everything it built."""
    with server.database("utf8mb4", "utf8mb4_general_ci", prefix="replayed") as db:
        for f in files:
            run_client(server, db, f.read_text())
        return show_create_all(server, db)


def test_the_naive_recipe_fails_at_the_first_add_column_of_001(server, production):
    naive = mariadb_dump_no_data(server, production)
    with server.database("utf8mb4", "utf8mb4_general_ci", prefix="naive") as db:
        run_client(server, db, naive)
        with pytest.raises(MigrationFailed) as e:
            replay_chain(read_chain(LEGACY / "migrations"), server, db, progress=False)
    f = e.value
    assert (f.migration.id, f.line, f.server_code) == ("001_unified_architecture", 4, 1060)
    assert f.server_message == "Duplicate column name 'ssoId'"


@pytest.mark.parametrize("source_kind", ["live", "dump"])
def test_raw_sql_chain_by_inversion(server, production, tmp_path, source_kind):
    chain_dir = tmp_path / "migrations"
    shutil.copytree(LEGACY / "migrations", chain_dir)
    source = str(server.url.with_database(production)) if source_kind == "live" else str(PRODUCTION)
    r = _generate(server, source, chain_dir)
    assert r.exit_code == 0, r.output
    assert "verified: the baseline + 7 migrations rebuild SOURCE exactly" in r.output
    baseline = chain_dir / "000_initial_schema.sql"
    text = baseline.read_text()
    assert _warnings(r.output) == LOST  # the summary at the end
    assert _warnings(text) == LOST      # the comment block at the top of the baseline
    assert "7 migrations (001_unified_architecture .. 007_release_views) by inversion" in text
    _verify(server, chain_dir, source)
    # independently: the stock client replays baseline + chain into what production is
    ups = sorted(chain_dir.glob("0*.sql"))
    assert ups[0] == baseline
    assert _independent_replay(server, ups) == show_create_all(server, production)


@pytest.mark.parametrize("source_kind", ["live", "dump"])
def test_up_down_chain_by_its_downs(server, production, tmp_path, source_kind):
    chain_dir = tmp_path / "migrations"
    shutil.copytree(LEGACY / "migrations-updown", chain_dir)
    source = str(server.url.with_database(production)) if source_kind == "live" else str(PRODUCTION)
    r = _generate(server, source, chain_dir)
    assert r.exit_code == 0, r.output
    assert "verified: the baseline + 7 migrations rebuild SOURCE exactly" in r.output
    assert ": warning: " not in r.output and "nothing assumed" in r.output
    up = chain_dir / "000_initial_schema.up.sql"
    assert (chain_dir / "000_initial_schema.down.sql").is_file()
    text = up.read_text()
    assert "5 migrations (001_unified_architecture .. 005_cleanup_legacy) by down scripts" in text
    assert "1 migration (007_release_views) by down scripts" in text
    # 006's down re-creates the implicit index `accountId` after `tenantId`'s, where sync()
    # had made it first: a key order the up's CREATE INDEX re-sorts away, but not the
    # schema before the chain; inversion puts it back where it was
    assert ("1 migration (006_query_indexes) by inversion (its down script does not undo its up)" in text
            and "table apps key order is 'PRIMARY, accountId, tenantId' before the up" in text)
    assert "CREATE TABLE `accessKeys`" in text and "`azureAdId` varchar(255) DEFAULT NULL" in text
    assert "`rollout` float DEFAULT NULL" in text
    _verify(server, chain_dir, source)
    ups = sorted(chain_dir.glob("*.up.sql"))
    assert ups[0] == up
    assert _independent_replay(server, ups) == show_create_all(server, production)


def test_the_downs_and_inversion_agree_wherever_inversion_knows(server, production, tmp_path):
    """Forcing inversion on the up/down variant gives the same warnings as the
    raw chain: the downs are what fills them in."""
    chain_dir = tmp_path / "migrations"
    shutil.copytree(LEGACY / "migrations-updown", chain_dir)
    r = _generate(server, str(PRODUCTION), chain_dir, "--strategy", "invert")
    assert r.exit_code == 0, r.output
    assert _warnings(r.output) == [w.replace(".sql:", ".up.sql:") for w in LOST]
