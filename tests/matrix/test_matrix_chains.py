"""Chain cuts on every server, judged by the server's text.

Production is a chain replayed on the source server of a flavor (as far as that
flavor runs it; kratos' 33rd migration, for one, fails on MariaDB's strict
INSERT..SELECT check). Then the first K migrations are "lost": the baseline is
walked back from production through the rest (by inversion only, and using the
chain's downs where it has them), loaded into a database of production's name
on the target server, the rest of the chain replayed there with the chain's
own layout, and the server must show that database exactly as it shows
production (:mod:`baseline.compare.servertext`).

The legacy fixture is the seeds' own situation: production is made the way the
app made it, ``sequelize.sync()`` of its models (``fixtures/legacy/build/sync.js``,
real Sequelize), some rows, then the team's migrations.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from baseline.chain.migration import TOOL_TABLES
from baseline.chain.replay import MigrationFailed
from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.workflows.chain_baseline import ChainBaselineOptions, generate_for_chain
from baseline.sources.live import read_live
from baseline.connect.execute import execute_script
from conftest import FIXTURES
from helpers import DATA as TEST_DATA
from legacy import sync_era
from servers import matrix_keys

KEYS = matrix_keys()
LEGACY = FIXTURES / "legacy"
#: real chains kept as test data with their provenance (each folder's SOURCE.md)
DATA = TEST_DATA / "chains"

#: name -> its folder (in the corpus, or a path)
CHAINS = {
    "kratos": "chain-ory-kratos/migrations",
    "temporal": "chain-temporal-mysql-v8/schema/mysql/v8/temporal",
    "visibility": "chain-temporal-mysql-v8/schema/mysql/v8/visibility",
    "openfga": "chain-openfga-mysql-goose/assets/migrations/mysql",
    "umami": "chain-umami-mysql/db/mysql/migrations",
    "legacy": LEGACY / "migrations",
    "legacy-updown": LEGACY / "migrations-updown",
    "coreservice": DATA / "coreservice-sequelize" / "migrations",
    "flipt": DATA / "flipt-golang-migrate" / "migrations",
    "hawkbit": DATA / "hawkbit-flyway" / "migrations",
    "nca": DATA / "nca-goose" / "migrations",
}

#: Strategies each chain is walked back with: inversion only, and the downs where it has some.
STRATEGIES = {"kratos": ("invert", "auto"), "openfga": ("invert", "auto"), "legacy-updown": ("invert", "auto"),
              "coreservice": ("invert", "auto"), "nca": ("invert", "auto")}


#: Cut points per chain and strategy (kratos: 352 migrations, whose downs each
#: run on the server when they are used: minutes on MySQL's slower DDL).
CUTS = {("kratos", "invert"): 6, ("kratos", "auto"): 5}

#: The chains kept under tests/data are cut at one point in the suite, inside
#: what is hardest to walk back (coreservice: 13 hand-written JavaScript
#: migrations, Promise.all among them; flipt: the namespaces re-keying of
#: server-named keys; hawkbit: renamed tables, keys and indexes; nca: 36 goose
#: migrations); ``BASELINE_CHAIN_CUTS=N`` sweeps ~N cuts of every chain and
#: strategy instead (the table in the issue 13 note: every cut identical).
SUITE_CUTS = {"coreservice": 60, "flipt": 5, "hawkbit": 30, "nca": 20}
SWEEP = int(os.environ.get("BASELINE_CHAIN_CUTS") or 0)
if SWEEP:
    CUTS = {key: SWEEP for key in CUTS}
else:
    STRATEGIES["coreservice"] = STRATEGIES["nca"] = ("auto",)


def cut_points(chain, n_cuts: int = 10) -> list[int]:
    """About ``n_cuts`` cut points spread over the chain (every one for a short
    chain); for a manifest chain only where a version folder starts (its
    manifest lists the folder's files)."""
    n = len(chain)
    allowed = list(range(n + 1))
    if chain.format == "manifest":
        dirs = [m.up.path.parent for m in chain.migrations]
        allowed = [k for k in allowed if k in (0, n) or dirs[k] != dirs[k - 1]]
    if len(allowed) <= n_cuts + 1:
        return allowed
    picks = {allowed[round(i * (len(allowed) - 1) / (n_cuts - 1))] for i in range(n_cuts)} | {allowed[1]}
    return sorted(picks)


def _corpus_path(corpus, name) -> Path:
    where = CHAINS[name]
    return where if isinstance(where, Path) else corpus / where


def productions_builder(pairs, corpus, node_env):
    """The ``productions`` fixture (conftest): ``productions(key, name)``: ``(chain as far as the flavor runs it, database,
    SOURCE model)`` on the key's source server, built once."""
    built: dict = {}

    def get(key: str, name: str):
        if (key, name) not in built:
            pair = pairs(key)
            chain = read_chain(_corpus_path(corpus, name))
            db = f"prod_{name.replace('-', '_')}"
            pair.source.create(db, *_defaults(key, name))
            if name.startswith("legacy"):
                sync_era(pair.source, db, node_env)
            try:
                replay_chain(chain, pair.source.server, db, progress=False)
            except MigrationFailed as e:  # the flavor runs the chain this far
                chain = chain.slice(0, len(e.partial.applied))
                pair.source.drop(db)
                pair.source.create(db, *_defaults(key, name))
                if name.startswith("legacy"):
                    sync_era(pair.source, db, node_env)
                replay_chain(chain, pair.source.server, db, progress=False)
            source = read_live(pair.source.server.url.with_database(db), progress=False)
            built[(key, name)] = (chain, db, source)
        return built[(key, name)]

    return get


def _defaults(key: str, name: str = "") -> tuple[str, str]:
    """The database defaults production has: the server's own, except for the
    legacy app, whose team runs utf8mb4_general_ci everywhere (its migrations name
    it; on MySQL's 0900 default the second one fails on a foreign key between the
    two collations)."""
    if name.startswith("legacy"):
        return "utf8mb4", "utf8mb4_general_ci"
    return "utf8mb4", "utf8mb4_general_ci" if "mariadb" in key else "utf8mb4_0900_ai_ci"


#: SOURCE read live (one snapshot of production) or from the server's own
#: ``--no-data`` dump of it (``mysqldump``/``mariadb-dump``, routines, triggers
#: and events included). The suite reads these chains from a dump too (at their
#: suite cut, or the sweep's cuts with the inversion strategy); a sweep reads
#: every chain both ways.
DUMPED_IN_SUITE = {"legacy", "umami", "flipt", "hawkbit", "openfga"}


def _cases():
    out = []
    for key in KEYS:
        for name in CHAINS:
            for strategy in STRATEGIES.get(name, ("invert",)):
                origins = ("live", "dump") if SWEEP or (name in DUMPED_IN_SUITE and strategy == "invert") \
                    else ("live",)
                for origin in origins:
                    suffix = "" if origin == "live" else "-dump"
                    out.append(pytest.param(key, name, strategy, origin, id=f"{key}-{name}-{strategy}{suffix}"))
    return out


def _copy(chain, dest: Path) -> Path:
    """The chain's files (ups, downs, their folders' manifests) under ``dest``."""
    dest.mkdir(parents=True)
    for m in chain.migrations:
        for script in (m.up, m.down):
            if script is None:
                continue
            target = dest / script.rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(script.path, target)
            manifest = script.path.parent / "manifest.json"
            if manifest.is_file() and not (target.parent / "manifest.json").exists():
                shutil.copy2(manifest, target.parent / "manifest.json")
    return dest


@pytest.mark.corpus
@pytest.mark.parametrize("key, name, strategy, origin", _cases())
def test_every_cut_rebuilds_productions_text(key, name, strategy, origin, pairs, productions, tmp_path, capsys):
    pair = pairs(key)
    chain, db, source = productions(key, name)
    spec = pair.source.url(db)
    if origin == "dump":
        spec = str(tmp_path / f"{db}.sql")
        Path(spec).write_bytes(pair.source.dump(db))
    results = {}
    suite_cut = None if SWEEP else SUITE_CUTS.get(name)
    n_cuts = CUTS.get((name, strategy), 10) if SWEEP or origin == "live" else 3
    cuts = [min(suite_cut, len(chain))] if suite_cut is not None else cut_points(chain, n_cuts)
    for k in cuts:
        part = chain.slice(k)
        # generate --migrations: the walk, its verification on the target server
        # (and, with downs, inversion instead where they do not rebuild SOURCE)
        folder = _copy(part, tmp_path / f"k{k}" / "migrations")
        made = generate_for_chain(spec, folder, ChainBaselineOptions(
            scratch=pair.target.url(), strategy=strategy, outdir=str(tmp_path / f"k{k}" / "out"), fmt="sql",
            progress=False))
        if not made.written:  # every cut is tried: the failure lists all that fail
            v = made.verification
            results[k] = [f"not written: {v.failure if v and v.failure else v and v.comparison.differences[:3]}"]
            continue
        text = (tmp_path / f"k{k}" / "out" / "000_initial_schema.sql").read_text()
        pair.target.create(db, source.charset, source.collation)
        try:
            conn = pair.target.server.connect(db)
            try:
                execute_script(conn, text, file="000_initial_schema.sql")
            finally:
                conn.close()
            if part.migrations:
                replay_chain(part, pair.target.server, db, progress=False)
                results[k] = pair.differences(db)
            else:  # nothing ran the migration tool, which creates its own table (left out of the baseline)
                results[k] = [d for d in pair.differences(db)
                              if not any(d == f"table {t}: only in source" for t in TOOL_TABLES)]
        finally:
            pair.target.drop(db)
    if SWEEP:  # the table of the issue 13 note
        with capsys.disabled():
            print(f"\nSWEEP {key} {name} {strategy} {origin}: " + " ".join(
                f"K={k}:{'identical' if not d else 'DIFFERENT'}" for k, d in sorted(results.items())))
    assert len(results) >= (1 if suite_cut is not None else min(len(chain) + 1, n_cuts))
    failing = {k: d for k, d in results.items() if d}
    assert not failing, "\n".join(f"K={k}:\n" + "\n".join(d) for k, d in failing.items())
