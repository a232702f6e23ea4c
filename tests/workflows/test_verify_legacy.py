"""``verify`` on the legacy fixture (a Sequelize ``sync()`` app whose migrations only
ALTER): the naive baseline (production's schema as ``000``) fails on the first
``ADD COLUMN`` of ``001`` and verify says exactly where; a baseline of the schema
as it was before the chain (walked back here with the fixture's own downs) plus
the chain rebuilds ``production.sql`` exactly."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.sources.dump import read_dump_contents
from baseline.sources.dumpreplay import replay_into
from verify_helpers import run_cli, scratch_url, url_of, verify
from helpers import LEGACY



@pytest.fixture(scope="module")
def production(server):
    """``production.sql`` loaded into a database on ``server``."""
    contents = read_dump_contents(str(LEGACY / "production.sql"), progress=False)
    section = contents.select()
    with server.database(section.charset, section.collation, prefix="production") as db:
        replay_into(server, db, contents, section)
        yield db


def test_the_naive_baseline_fails_on_the_first_add_column(server, scratch_server, production, tmp_path,
                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(LEGACY / "migrations", "migrations")
    r = run_cli("generate", url_of(server, production), "-o", "migrations")  # production as it is now
    assert r.exit_code == 0, r.output
    r = verify("migrations", LEGACY / "production.sql", scratch_url(scratch_server), "--report", "json")
    assert r.exit_code == 2
    f = json.loads(r.stdout)["failure"]
    assert (f["path"], f["line"], f["server_code"], f["applied"]) == (
        "migrations/001_unified_architecture.sql", 4, 1060, 1)
    assert f["server_message"] == "Duplicate column name 'ssoId'"


def test_a_pre_chain_baseline_plus_the_chain_rebuilds_production(server, scratch_server, production, tmp_path,
                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(LEGACY / "migrations-updown", "migrations")
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as before:
        contents = read_dump_contents(str(LEGACY / "production.sql"), progress=False)
        replay_into(server, before, contents, contents.select())
        replay_chain(read_chain("migrations"), server, before, direction="down", progress=False)
        r = run_cli("generate", url_of(server, before), "-o", ".")
        assert r.exit_code == 0, r.output
    Path("000_initial_schema.sql").rename("migrations/000_initial_schema.up.sql")  # golang-migrate naming
    scratch = scratch_url(scratch_server)
    for against in (str(LEGACY / "production.sql"), url_of(server, production)):
        r = verify("migrations", against, scratch)
        assert r.exit_code == 0, r.output
        assert r.stdout.splitlines()[-1] == "identical: no differences (12 objects compared)"
