"""``baseline diff A B --write DIR``: the next migration, written in DIR's format
and proven before it is written.

* The legacy app's models (``fixtures/legacy/models``): each single model
  change is closed by the written migration: ``verify --against sequelize:``
  is identical again, and the stock client loading the whole SQL chain gives a
  database the models agree with, on MariaDB and MySQL.
* Real chains: between consecutive states (after migration k and after k+1),
  the written migration turns one into the other: the server shows DIR + it
  exactly as it shows the chain up to k+1 (SHOW CREATE text).
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.workflows.chain_baseline import ChainBaselineOptions, generate_for_chain
from legacy import MIGRATIONS
from servers import matrix_keys
from test_matrix_chains import _copy
from test_models_source import CHANGES, DB, KEYS, _models_copy
from verify_helpers import run_cli, verify_json


@pytest.fixture(scope="module")
def legacy_folder(production, tmp_path_factory):
    """``legacy_folder(key)``: the legacy chain with its 000 (written from that
    server's production), once per server."""
    made = {}

    def get(key: str) -> Path:
        if key not in made:
            pair = production(key)
            folder = tmp_path_factory.mktemp(f"legacy-{key}") / "migrations"
            shutil.copytree(MIGRATIONS, folder)
            done = generate_for_chain(pair.source.url(DB), folder, ChainBaselineOptions(
                scratch=pair.target.url(), outdir=str(folder), fmt="sql", progress=False))
            assert done.written
            made[key] = folder
        return made[key]

    return get


def _cases():
    """Every change in SQL on the first server; a few on the others, and a few
    written as sequelize-cli JavaScript (replayed by sequelize-cli)."""
    few = ("add column", "type", "association")
    out = [(KEYS[0], c, "sql") for c in sorted(CHANGES)] if KEYS else []
    out += [(k, c, "sql") for k in KEYS[1:] for c in few]
    out += [(k, c, "sequelize") for k in KEYS for c in few[:2]]
    return out


@pytest.fixture(scope="module")
def js_folder(production, tmp_path_factory):
    """``js_folder(key)``: a sequelize-cli chain of the legacy app: its schema as one
    JavaScript baseline written from that server's production."""
    made = {}

    def get(key: str) -> Path:
        if key not in made:
            pair = production(key)
            folder = tmp_path_factory.mktemp(f"legacy-js-{key}") / "migrations"
            res = run_cli("generate", pair.source.url(DB), "--format", "sequelize", "-o", str(folder))
            assert res.exit_code == 0, res.stderr
            made[key] = folder
        return made[key]

    return get


@pytest.mark.parametrize("key, change, fmt", _cases())
def test_each_model_change_is_closed_by_the_written_migration(key, change, fmt, production, legacy_folder,
                                                               js_folder, tmp_path):
    pair = production(key)
    file, old, new, _expected, _needle = CHANGES[change]
    models = _models_copy(tmp_path, old, new, file)
    folder = tmp_path / "migrations"
    origin = legacy_folder(key) if fmt == "sql" else js_folder(key)
    shutil.copytree(origin, folder)
    scratch = pair.target.url()
    res = run_cli("diff", str(folder), f"sequelize:{models}", "--write", str(folder), "--name", change,
                  "--scratch", scratch)
    assert res.exit_code == 0, (res.stdout, res.stderr)
    written = sorted(set(p.name for p in folder.iterdir()) - set(p.name for p in origin.iterdir()))
    if fmt == "sequelize":
        assert len(written) == 1 and written[0].endswith(f"-{change.replace(' ', '-')}.js"), written
        code, doc = verify_json(folder, f"sequelize:{models}", scratch)  # sequelize-cli replays it
        assert code == 0 and doc["identical"], doc["differences"]
        return
    assert written == [f"008_{change.replace(' ', '_')}.sql"], written
    assert "proven on" in res.stderr
    text = (folder / written[0]).read_text()
    if change in ("remove column", "rename column"):
        assert "UNSAFE: DROP COLUMN" in text and "warning: unsafe: DROP COLUMN" in res.stderr
    if change == "rename column":
        assert "RENAME?: accounts.gitHubId -> githubLogin may be a rename" in text
    # verify: the chain with it agrees with the models
    code, doc = verify_json(folder, f"sequelize:{models}", scratch)
    assert code == 0 and doc["identical"], doc["differences"]
    # the stock client runs the whole chain, the new file included
    db = "legacy_next"
    pair.target.drop(db)
    pair.target.create(db, "utf8mb4", "utf8mb4_general_ci")
    try:
        for path in sorted(folder.glob("*.sql")):
            pair.target.load(path.read_bytes(), db)
        res = run_cli("diff", pair.target.url(db), f"sequelize:{models}", "--scratch", scratch)
        assert res.exit_code == 0, res.stdout
    finally:
        pair.target.drop(db)
    # nothing left to write
    res = run_cli("diff", str(folder), f"sequelize:{models}", "--write", str(folder), "--scratch", scratch)
    assert res.exit_code == 0 and "no migration to write" in res.stderr, res.stderr


def test_a_plan_that_does_not_prove_out_is_not_written(production, legacy_folder, tmp_path):
    """A model change the server refuses as a plain MODIFY (a column foreign
    keys refer to): nothing is written, and the reason is the server's."""
    pair = production(KEYS[0])
    folder = tmp_path / "migrations"
    shutil.copytree(legacy_folder(KEYS[0]), folder)
    before = sorted(p.name for p in folder.iterdir())
    models = _models_copy(tmp_path, 'sequelize.define("accounts", {\n'
                          '    id: { type: DataTypes.STRING, allowNull: false, primaryKey: true },',
                          'sequelize.define("accounts", {\n'
                          '    id: { type: DataTypes.STRING(100), allowNull: false, primaryKey: true },')
    res = run_cli("diff", str(folder), f"sequelize:{models}", "--write", str(folder), "--scratch",
                  pair.target.url())
    assert res.exit_code == 1, (res.stdout, res.stderr)
    assert "not written" in res.stderr and "does not replay" in res.stderr, res.stderr
    assert "accounts" in res.stderr
    assert sorted(p.name for p in folder.iterdir()) == before


def test_name_goes_with_write(tmp_path):
    res = run_cli("diff", str(tmp_path), str(tmp_path), "--name", "x")
    assert res.exit_code == 2 and "--name goes with --write" in res.stderr


# ------------------------------------------------------------------ consecutive states of real chains

#: chain -> the number of steps tried in the suite (spread over the chain);
#: ``BASELINE_NEXT_STEPS=N`` tries N steps of each. (The legacy chain starts from
#: sync()'s tables, which no prefix of it creates: the model tests above cover it.)
STEPS = {"kratos": 4, "temporal": 3, "visibility": 2, "openfga": 3, "umami": 3, "coreservice": 3}
SWEEP = int(os.environ.get("BASELINE_NEXT_STEPS") or 0)
_RENAME = re.compile(r"\bRENAME\b|\bCHANGE\s+(COLUMN\s+)?`?\w+`?\s+`?\w+", re.I)


def _states(chain) -> list[int]:
    """Where a state of the chain ends: after every migration, or for a manifest
    chain after every version folder (its manifest lists the folder's files)."""
    n = len(chain)
    if chain.format != "manifest":
        return list(range(n + 1))
    dirs = [m.up.path.parent for m in chain.migrations]
    return [k for k in range(n + 1) if k in (0, n) or dirs[k] != dirs[k - 1]]


def _steps(chain, count: int) -> list[tuple[int, int]]:
    """About ``count`` pairs of consecutive states (A: the first k migrations, B: the next state)."""
    states = _states(chain)
    pairs_ = [(states[i], states[i + 1]) for i in range(1, len(states) - 1)]
    if len(pairs_) <= count:
        return pairs_
    return sorted({pairs_[round(i * (len(pairs_) - 1) / (count - 1))] for i in range(count)})


@pytest.mark.corpus
@pytest.mark.parametrize("key", matrix_keys())
@pytest.mark.parametrize("name", sorted(STEPS))
def test_written_migration_turns_each_state_into_the_next(key, name, pairs, productions, tmp_path, capsys):
    pair = pairs(key)
    chain, _db, _source = productions(key, name)
    results = {}
    for k, k2 in _steps(chain, SWEEP or STEPS[name]):
        a_dir = _copy(chain.slice(0, k), tmp_path / f"k{k}" / "a")
        b_dir = _copy(chain.slice(0, k2), tmp_path / f"k{k}" / "b")
        res = run_cli("diff", str(a_dir), str(b_dir), "--write", str(a_dir), "--name", "next",
                      "--scratch", pair.target.url())
        if res.exit_code != 0:
            results[k] = f"not written: {res.stderr[-1500:]}"
            continue
        nothing = "no migration to write" in res.stderr
        db = "next_state"
        for side in (pair.source, pair.target):
            side.drop(db)
            side.create(db, "utf8mb4", "utf8mb4_general_ci" if "mariadb" in key else "utf8mb4_0900_ai_ci")
        try:
            replay_chain(read_chain(b_dir), pair.source.server, db, progress=False)
            replay_chain(read_chain(a_dir), pair.target.server, db, progress=False)
            diffs = pair.differences(db)
        finally:
            pair.source.drop(db)
            pair.target.drop(db)
        original = "\n".join(m.up.path.read_text(errors="replace") for m in chain.migrations[k:k2] if m.up)
        kind = ("rename in the original; written as drop + add" if _RENAME.search(original)
                and "may be a rename" in res.stderr else "")
        results[k] = "; ".join(diffs) if diffs else ("identical (nothing to write)" if nothing else "identical") \
            + (f" [{kind}]" if kind else "")
    if SWEEP:
        with capsys.disabled():
            print(f"\nNEXT {key} {name}: " + " ".join(f"k={k}:{v.split(' [')[0] if v.startswith('identical') else 'DIFFERENT'}"
                                                      for k, v in sorted(results.items())))
            for k, v in sorted(results.items()):
                if "[" in v or not v.startswith("identical"):
                    print(f"  k={k}: {v[:400]}")
    failing = {k: v for k, v in results.items() if not v.startswith("identical")}
    assert not failing, "\n".join(f"k={k}: {v}" for k, v in failing.items())
