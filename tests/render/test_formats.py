"""Every output format on the legacy fixture: generate, apply, compare, apply the down.

The production dump (fixtures/legacy/production.sql) is loaded into a scratch
database; its baseline is written in each format into a folder, that folder is
read back with :func:`baseline.chain.read.read_chain` *without naming the
format* (so the file names are what the chain reader, and the tool, recognize),
replayed into a fresh database (sequelize-cli runs for real; the SQL formats go
through baseline's executor, cut the way each tool cuts them), and compared with
production: identical. Then the downs run: nothing is left but the tool's
bookkeeping table.
"""
from __future__ import annotations

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.compare import compare
from baseline.errors import UsageError
from baseline.render.formats import (
    FORMAT_INFO, FORMATS, check_format, format_for_chain, js_string, migration_files, migration_stem,
    render_migration, write_migration,
)
from baseline.sources.live import read_live
from helpers import make
from legacy import objects, production_schema
from requirements import missing


def without(schema, names):
    for n in names:
        schema.tables.pop(n, None)
    return schema


@pytest.fixture(scope="module")
def production(server):
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="prod") as db:
        yield production_schema(server, db)


CHAIN_FORMATS = [f for f in FORMATS if FORMAT_INFO[f].chain_format]


@pytest.mark.parametrize("fmt", CHAIN_FORMATS)
def test_format_rebuilds_production_and_its_down_empties_it(fmt, production, server, tmp_path, request):
    if fmt == "sequelize":
        request.getfixturevalue("node_env")
    files = render_migration(production, fmt, source_description="database `delivr_ota`")
    assert sorted(files) == sorted(migration_files(fmt, migration_stem(fmt)))
    write_migration(files, tmp_path)
    chain = read_chain(tmp_path)  # detected from the names and markers alone
    assert chain.format == FORMAT_INFO[fmt].chain_format
    assert len(chain) == 1 and not chain.ignored
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        replay_chain(chain, server, db, progress=False)
        rebuilt = without(read_live(server.url.with_database(db), progress=False), chain.bookkeeping_tables)
        assert compare(production, rebuilt) == []
        if FORMAT_INFO[fmt].has_down:
            replay_chain(chain, server, db, direction="down", progress=False)
            assert [o for o in objects(server, db) if o not in chain.bookkeeping_tables] == []
        else:
            assert not chain.migrations[0].has_down


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic_and_carries_notes(fmt, production):
    notes = ["WARNING: 005_cleanup_legacy.sql:3: placeholder for dropped column `legacyChecksum`"]
    a = render_migration(production, fmt, source_description="database `delivr_ota`", notes=notes)
    b = render_migration(production, fmt, source_description="database `delivr_ota`", notes=notes)
    assert a == b
    text = next(iter(a.values()))
    assert notes[0] in text
    assert "DELIMITER" not in text or fmt in ("sql", "flyway")
    assert text.index(notes[0]) < text.index("CREATE TABLE")


def test_down_drops_in_reverse_dependency_order(production):
    down = render_migration(production, "golang-migrate", source_description="x")["000_initial_schema.down.sql"]
    order = [line.split("`")[1] for line in down.splitlines() if line.startswith("DROP TABLE")]
    # tables referenced by others are dropped after them
    assert order.index("release_builds") < order.index("releases") < order.index("apps") < order.index("accounts")
    assert down.index("DROP TRIGGER") < down.index("DROP VIEW") < down.index("DROP TABLE")
    # the FK cycle deployments <-> packages is cut first
    assert down.index("DROP FOREIGN KEY `fk_deployments_current_package`") < down.index("DROP TABLE")


def test_js_string_is_exact():
    import json
    import subprocess
    import shutil

    if shutil.which("node") is None:
        missing("NODE", "node not on PATH (apt-get install nodejs)")
    samples = ["a `b` ${c} \\n 'q' \"d\"\r\n\x00 é \u2028 end\\", "SELECT '\\\\'"]
    script = "process.stdout.write(JSON.stringify([" + ",".join(js_string(s) for s in samples) + "]))"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == samples


def test_names_sort_first_beside_each_chain(tmp_path):
    """The baseline's name, beside an existing chain, is ordered first by the chain's
    own tool (checked by reading the folder back with read_chain)."""
    cases = {
        "sql": {"001_a.sql": "CREATE TABLE a (x int);", "010_b.sql": "SELECT 1;"},
        "golang-migrate": {"1_a.up.sql": "SELECT 1;", "1_a.down.sql": "SELECT 1;"},
        "dbmate": {"20240101000000_a.sql": "-- migrate:up\nSELECT 1;\n-- migrate:down\n"},
        "goose": {"20240101000000_a.sql": "-- +goose Up\nSELECT 1;\n"},
        "flyway": {"V1__a.sql": "SELECT 1;", "V1.1__b.sql": "SELECT 1;"},
        "prisma": {"20240101000000_a/migration.sql": "SELECT 1;"},
        "sequelize": {"20240101000000-create-accounts.js": "module.exports = { up() {}, down() {} };\n",
                      "20240301000000-more.js": "module.exports = { up() {}, down() {} };\n"},
    }
    expected = {"sql": "000_initial_schema", "golang-migrate": "000_initial_schema",
                "dbmate": "000_initial_schema", "goose": "001_initial_schema",
                "flyway": "V0__initial_schema", "prisma": "000_initial_schema",
                "sequelize": "20231231235959-initial-schema"}
    for chain_format, files in cases.items():
        root = make(tmp_path / chain_format, files)
        chain = read_chain(root)
        fmt = format_for_chain(chain.format)
        stem = migration_stem(fmt, chain)
        assert stem == expected[chain_format]
        again = read_chain(make(root, {rel: _minimal(fmt) for rel in migration_files(fmt, stem)}))
        assert again.format == chain.format
        assert again.migrations[0].id.startswith(stem), (chain_format, again.ids)
        assert len(again) == len(chain) + 1


def _minimal(fmt: str) -> str:
    return {"dbmate": "-- migrate:up\nSELECT 1;\n-- migrate:down\n", "goose": "-- +goose Up\nSELECT 1;\n",
            "sequelize": "module.exports = { up() {}, down() {} };\n"}.get(fmt, "SELECT 1;\n")


def test_no_name_before_the_first_migration_is_a_clear_error(tmp_path):
    (tmp_path / "00001_a.sql").write_text("-- +goose Up\nSELECT 1;\n")
    chain = read_chain(tmp_path)
    with pytest.raises(UsageError, match="sorts before 00001_a"):
        migration_stem("goose", chain)


def test_unknown_format_names_the_choices():
    with pytest.raises(UsageError, match="golang-migrate"):
        check_format("alembic")
    assert check_format("sequelize-cli") == "sequelize"


def test_files_follow_each_tools_documented_rules(production):
    """For the tools that cannot be installed here (their binaries come from hosts
    other than PyPI/npm/Debian), the files are checked against their documentation;
    baseline's executor applies them above, cut the way each tool cuts them."""
    import re

    files = {fmt: render_migration(production, fmt, source_description="x") for fmt in FORMATS}

    # golang-migrate MIGRATIONS.md: "{version}_{title}.up.{extension}" and
    # "{version}_{title}.down.{extension}"; the MySQL driver runs a file as one
    # multi-statement query (README: multiStatements=true), so no DELIMITER lines.
    gm = files["golang-migrate"]
    assert all(re.fullmatch(r"\d+_[^/]+\.(up|down)\.sql", p) for p in gm)
    assert all("DELIMITER" not in t for t in gm.values())
    assert "multiStatements=true" in gm["000_initial_schema.up.sql"]

    # goose README: "-- +goose Up" / "-- +goose Down"; statements holding semicolons
    # between "-- +goose StatementBegin" and "-- +goose StatementEnd"; versions > 0
    # ("migration IDs must be greater than zero").
    (name, text), = files["goose"].items()
    assert int(name.split("_")[0]) > 0
    assert text.index("-- +goose Up") < text.index("-- +goose Down")
    block = re.search(r"-- \+goose StatementBegin\n(.*?)\n-- \+goose StatementEnd", text, re.S).group(1)
    assert block.startswith("CREATE TRIGGER") and "END IF;" in block

    # Flyway "Migrations" docs: versioned scripts are V<version>__<description>.sql,
    # run in version order; its MySQL parser understands DELIMITER.
    (name, text), = files["flyway"].items()
    assert re.fullmatch(r"V\d+(?:[._]\d+)*__\w+\.sql", name) and name.startswith("V0__")

    # Prisma "Migration histories" / "Baselining": migrations/<name>/migration.sql,
    # applied in folder-name order; the script is sent as it is (no DELIMITER).
    (name, text), = files["prisma"].items()
    assert re.fullmatch(r"\d+_\w+/migration\.sql", name) and "DELIMITER" not in text

    # dbmate README: "-- migrate:up" and "-- migrate:down" sections.
    (name, text), = files["dbmate"].items()
    assert text.startswith("-- migrate:up\n") and text.count("-- migrate:down") == 1

    # Liquibase formatted SQL: the first line "--liquibase formatted sql", then
    # "--changeset author:id" blocks, each with "--rollback".
    (name, text), = files["liquibase"].items()
    assert text.startswith("--liquibase formatted sql\n")
    assert text.count("--changeset baseline:") == text.count("--rollback ") == len(production.tables) + 3
