"""``sequelize:PATH``: the app's models, synced by real Sequelize on a throwaway
server, as a SOURCE of ``verify``/``diff``/``inspect``.

Production is made the way the legacy app made it, on each server: real
``sequelize.sync()`` of its first models (``fixtures/legacy/build/sync.js``),
rows, then the team's migrations. The models of today
(``fixtures/legacy/models/``, the seeds' definer-function shape, TypeScript)
must then agree with production and with 000 + the chain, and every single
change to a model must come out as exactly the drift it is, pointing at the
model file and line.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.workflows.chain_baseline import ChainBaselineOptions, generate_for_chain
from legacy import LEGACY, MIGRATIONS, sync_era
from servers import matrix_keys
from verify_helpers import run_cli, verify_json
from helpers import DATA

MODELS = LEGACY / "models"
#: the matrix members the Sequelize app runs on (MariaDB 11.8 adds nothing here a sync() would show)
KEYS = tuple(k for k in matrix_keys() if k in ("mariadb-10.11", "mysql-9.7"))
DB = "legacy_models"


def legacy_production_builder(pairs, node_env):
    """The ``production`` fixture (conftest): ``production(key)``: the pair whose
    source holds the legacy production database ``DB``, built once per server."""
    built = {}

    def get(key: str):
        if key not in built:
            pair = pairs(key)
            pair.source.drop(DB)
            # the team's collation, on MySQL too: its migrations state utf8mb4_general_ci
            pair.source.create(DB, "utf8mb4", "utf8mb4_general_ci")
            sync_era(pair.source, DB, node_env)
            replay_chain(read_chain(MIGRATIONS), pair.source.server, DB, progress=False)
            built[key] = pair
        return built[key]

    return get


def _models_copy(tmp_path: Path, old: str | None = None, new: str | None = None, file: str = "storage.ts") -> Path:
    """The fixture's models in ``tmp_path``, with one text change in ``file``."""
    folder = tmp_path / "models"
    shutil.copytree(MODELS, folder)
    if old is not None:
        path = folder / file
        text = path.read_text()
        assert text.count(old) == 1, f"{old!r} must occur once in {file}"
        path.write_text(text.replace(old, new))
    return folder


def _line_of(folder: Path, file: str, needle: str) -> int:
    for n, line in enumerate((folder / file).read_text().splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def _diff_json(a: str, b: str, scratch: str) -> tuple[int, dict]:
    res = run_cli("diff", a, b, "--scratch", scratch, "--report", "json")
    assert res.stdout.startswith("{"), (res.exit_code, res.stdout, res.stderr)
    return res.exit_code, json.loads(res.stdout)


def _drift(doc: dict) -> list[tuple]:
    return sorted((d["kind"], d["object"], d["attribute"]) for d in doc["differences"])


# ------------------------------------------------------------------ agreement


@pytest.mark.parametrize("key", KEYS)
def test_models_agree_with_production_and_with_baseline_plus_chain(key, production, tmp_path):
    pair = production(key)
    url = pair.source.url(DB)
    scratch = pair.target.url()
    # the models against production itself
    code, doc = _diff_json(url, f"sequelize:{MODELS}", scratch)
    assert code == 0 and doc["identical"], _drift(doc)
    notes = " ".join(doc["notes"])
    for rule in ("that sync() names otherwise are compared by definition", "order of columns and keys is not compared",
                 "Sequelize's timestamp columns are not compared", "a Sequelize model cannot define them"):
        assert rule in notes, (rule, doc["notes"])
    assert "synced by Sequelize" in json.dumps(doc["sides"]["b"]), doc["sides"]["b"]

    # 000 written from production before the chain, then 000 + chain against the models
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder)
    made = generate_for_chain(url, folder, ChainBaselineOptions(scratch=scratch, outdir=str(folder), fmt="sql",
                                                                progress=False))
    assert made.written, made.verification and made.verification.failure
    code, doc = verify_json(folder, f"sequelize:{MODELS}", scratch)
    assert code == 0 and doc["identical"], _drift(doc)


# ------------------------------------------------------------------ single changes

#: (file, old text, new text, the drift it is: [(kind, object, attribute)], what the model's line holds)
CHANGES = {
    "add column": ("storage.ts", '    lastName: { type: DataTypes.STRING, allowNull: true },\n',
                   '    lastName: { type: DataTypes.STRING, allowNull: true },\n'
                   '    nickname: { type: DataTypes.STRING(40), allowNull: true },\n',
                   [("column", "accounts.nickname", "exists")], 'sequelize.define("accounts"'),
    "remove column": ("storage.ts", '    microsoftId: { type: DataTypes.STRING, allowNull: true },\n', '',
                      [("column", "accounts.microsoftId", "exists")], 'sequelize.define("accounts"'),
    "rename column": ("storage.ts", "    gitHubId: {", "    githubLogin: {",
                      [("column", "accounts.gitHubId", "exists"), ("column", "accounts.githubLogin", "exists")],
                      'sequelize.define("accounts"'),
    "type": ("storage.ts", "appVersion: { type: DataTypes.STRING,", "appVersion: { type: DataTypes.STRING(64),",
             [("column", "packages.appVersion", "type")], 'sequelize.define("packages"'),
    "allowNull": ("storage.ts", "label: { type: DataTypes.STRING, allowNull: true }",
                  "label: { type: DataTypes.STRING, allowNull: false }",
                  [("column", "packages.label", "nullable")], 'sequelize.define("packages"'),
    "default": ("storage.ts", 'allowNull: false, defaultValue: "Viewer"', 'allowNull: false, defaultValue: "Editor"',
                [("column", "collaborators.role", "default")], 'sequelize.define("collaborators"'),
    "unique": ("storage.ts", "deploymentKey: { type: DataTypes.STRING, allowNull: false, unique: true }",
               "deploymentKey: { type: DataTypes.STRING, allowNull: false }",
               [("index", "deployments.key", "exists")], 'sequelize.define("deployments"'),
    "index": ("releases.ts", '{ name: "idx_release_builds_release", fields: ["releaseId", "platform"] }',
              '{ name: "idx_release_builds_release", fields: ["releaseId", "platform"] },\n'
              '      { name: "idx_release_builds_number", fields: ["buildNumber"] }',
              [("index", "release_builds.idx_release_builds_number", "exists")],
              'sequelize.define("release_builds"'),
    "association": ("storage.ts", 'references: { model: "packages", key: "id" }, onDelete: "SET NULL",\n    },\n'
                    '    createdTime',
                    'onDelete: "SET NULL",\n    },\n    createdTime',
                    # the foreign key, and the index InnoDB made for it
                    [("foreign key", "deployments.fk_deployments_current_package", "exists"),
                     ("index", "deployments.fk_deployments_current_package", "exists")],
                    'sequelize.define("deployments"'),
    "on delete": ("releases.ts", 'references: { model: "accounts", key: "id" },\n',
                  'references: { model: "accounts", key: "id" }, onDelete: "CASCADE",\n',
                  [("foreign key", "releases.fk_releases_creator", "on_delete")], 'sequelize.define("releases"'),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_each_model_change_is_reported_as_exactly_its_drift(change, production, tmp_path):
    """Every kind of change to a model is the drift it is (nothing else), on the
    table the model defines, pointing at the model's file and line."""
    file, old, new, expected, needle = CHANGES[change]
    pair = production(KEYS[0])
    folder = _models_copy(tmp_path, old, new, file)
    code, doc = _diff_json(pair.source.url(DB), f"sequelize:{folder}", pair.target.url())
    assert code == 1, (change, doc)
    got = _drift(doc)
    assert got == sorted(expected), got
    line = _line_of(folder, file, needle)
    for d in doc["differences"]:
        assert d["model"] is not None, d
        assert Path(d["model"]["path"]).name == file and d["model"]["line"] == line, (d["model"], line)
    # the text report names the model's place for people too
    res = run_cli("diff", pair.source.url(DB), f"sequelize:{folder}", "--scratch", pair.target.url())
    assert res.exit_code == 1
    assert f"{file}:{line}" in res.stdout, res.stdout


def test_drift_in_verify_points_at_the_migration_and_the_model(production, tmp_path):
    """``verify --against sequelize:``: the chain and the models disagree; the
    report names the model to change (and, where the chain touched the table,
    the migration)."""
    pair = production(KEYS[0])
    folder = _models_copy(tmp_path, "label: { type: DataTypes.STRING, allowNull: true }",
                          "label: { type: DataTypes.STRING(100), allowNull: true }")
    chain = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, chain)
    made = generate_for_chain(pair.source.url(DB), chain, ChainBaselineOptions(
        scratch=pair.target.url(), outdir=str(chain), fmt="sql", progress=False))
    assert made.written
    code, doc = verify_json(chain, f"sequelize:{folder}", pair.target.url())
    assert code == 1
    assert _drift(doc) == [("column", "packages.label", "type")]
    (d,) = doc["differences"]
    assert d["model"]["model"] == "packages"
    assert d["model"]["line"] == _line_of(folder, "storage.ts", 'sequelize.define("packages"')


# ------------------------------------------------------------------ inspect, errors


def test_inspect_shows_what_sync_creates(production, tmp_path):
    pair = production(KEYS[0])
    res = run_cli("inspect", f"sequelize:{MODELS}", "--scratch", pair.target.url(), "--json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    tables = {t["name"] for t in doc["tables"]} if isinstance(doc["tables"], list) else set(doc["tables"])
    assert {"accounts", "tenants", "apps", "collaborators", "deployments", "packages", "releases",
            "release_builds", "tenant_scm_integrations"} <= tables
    assert "SequelizeMeta" not in tables


def test_bad_models_are_errors_naming_the_file(production, tmp_path):
    pair = production(KEYS[0])
    scratch = pair.target.url()
    # not there: usage error before any server
    res = run_cli("diff", pair.source.url(DB), f"sequelize:{tmp_path / 'nope'}", "--scratch", scratch)
    assert res.exit_code == 2 and "models not found" in res.stderr, res.stderr
    # a model file that throws while loading: the file and its line
    folder = _models_copy(tmp_path, 'export function createTenant(sequelize: Sequelize) {\n',
                          'export function createTenant(sequelize: Sequelize) {\n'
                          '  throw new Error("tenant settings missing");\n')
    res = run_cli("diff", pair.source.url(DB), f"sequelize:{folder}", "--scratch", scratch)
    assert res.exit_code == 2, (res.stdout, res.stderr)
    assert "tenant settings missing" in res.stderr
    assert re.search(r"storage\.ts:\d+", res.stderr), res.stderr
    assert "Traceback" not in res.stderr
    # a folder without models
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("no models here\n")
    res = run_cli("diff", pair.source.url(DB), f"sequelize:{empty}", "--scratch", scratch)
    assert res.exit_code == 2 and "Traceback" not in res.stderr, res.stderr
    assert str(empty.name) in res.stderr


# ------------------------------------------------------------------ a real project

CORESERVICE = DATA / "models" / "coreservice-egg" / "app" / "model"
CORESERVICE_CHAIN = DATA / "chains" / "coreservice-sequelize" / "migrations"


def test_a_real_projects_models_against_its_own_migrations(pairs, tmp_path):
    """tatfook/coreservice (egg-sequelize models, sequelize-cli migrations, one
    commit): the models load and sync; where they disagree with the chain is
    reported per table with the model's file and line; the written migration
    (sequelize-cli JavaScript, replayed by sequelize-cli) closes the drift."""
    pair = pairs(KEYS[0])
    scratch = pair.target.url()
    res = run_cli("inspect", f"sequelize:{CORESERVICE}", "--scratch", scratch, "--json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    tables = {t["name"] for t in doc["tables"]} if isinstance(doc["tables"], list) else set(doc["tables"])
    assert len(tables) >= 45 and {"users", "projects", "illegalUsers", "accounts"} <= tables

    code, doc = _diff_json(str(CORESERVICE_CHAIN), f"sequelize:{CORESERVICE}", scratch)
    assert code == 1
    drift = set(_drift(doc))
    # what the chain has and no model defines, and what drifted in both
    assert ("table", "files", "exists") in drift and ("column", "logs.date", "exists") in drift
    assert ("column", "illegalSites.sitename", "type") in drift
    assert ("column", "pBlockAccesses.createdAt", "nullable") in drift
    for d in doc["differences"]:
        if d["owner"]["name"] in tables:
            assert d["model"] and d["model"]["path"].endswith(".js") and d["model"]["line"], d
    assert any("a Sequelize model cannot define them: procedure p_disable_project" in n for n in doc["notes"])

    chain = tmp_path / "migrations"
    shutil.copytree(CORESERVICE_CHAIN, chain)
    res = run_cli("diff", str(chain), f"sequelize:{CORESERVICE}", "--write", str(chain), "--name", "sync-with-models",
                  "--scratch", scratch)
    assert res.exit_code == 0, res.stderr
    (written,) = chain.glob("*-sync-with-models.js")
    assert "warning: unsafe: DROP TABLE files: its rows are lost" in res.stderr
    assert "// UNSAFE: DROP COLUMN logs.date: its values are lost" in written.read_text()
    code, doc = verify_json(chain, f"sequelize:{CORESERVICE}", scratch)
    assert code == 0 and doc["identical"], _drift(doc)
