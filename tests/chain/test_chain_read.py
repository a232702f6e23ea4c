"""Chain reading: format detection, the tools' orders, and the corpus chains' known orders."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from baseline.chain.migration import KIND_SEQUELIZE_JS, KIND_SQL
from baseline.chain.read import detect_format, read_chain
from baseline.errors import InputError, UsageError

from helpers import make


SQL1 = "CREATE TABLE t (id int);\n"


# ---------------------------------------------------------------- plain numbered SQL


def test_plain_numbered_in_natural_order_with_baseline_first(tmp_path):
    make(tmp_path, {"10_ten.sql": SQL1, "2_two.sql": SQL1, "1_one.sql": SQL1,
                    "000_initial_schema.sql": SQL1, "README.md": "notes", "schema.sql": SQL1})
    chain = read_chain(tmp_path)
    assert chain.format == "sql"
    assert chain.ids == ["000_initial_schema", "1_one", "2_two", "10_ten"]
    assert [m.version for m in chain] == ["000", "1", "2", "10"]
    assert chain.migrations[1].name == "one"
    assert set(chain.ignored) == {"README.md", "schema.sql"}
    assert not chain.has_downs and all(m.kind == KIND_SQL for m in chain)
    m = chain.migrations[0]
    assert m.up.rel == "000_initial_schema.sql" and m.up.line == 1 and m.up.text == SQL1
    assert m.ref(3).path == "000_initial_schema.sql" and m.ref(3).line == 3


def test_plain_dotted_versions(tmp_path):
    make(tmp_path, {"1.10_c.sql": SQL1, "1.9_b.sql": SQL1, "1.2_a.sql": SQL1})
    assert read_chain(tmp_path).ids == ["1.2_a", "1.9_b", "1.10_c"]


# ---------------------------------------------------------------- golang-migrate


def test_golang_migrate_pairs_in_numeric_order(tmp_path):
    make(tmp_path, {"10_later.up.sql": SQL1, "10_later.down.sql": "DROP TABLE t;",
                    "2_first.up.sql": SQL1, "2_first.down.sql": "DROP TABLE t;",
                    "000_initial_schema.up.sql": SQL1, "000_initial_schema.down.sql": "",
                    "3_with.dots.up.sql": SQL1})
    chain = read_chain(tmp_path)
    assert chain.format == "golang-migrate"
    assert chain.ids == ["000_initial_schema", "2_first", "3_with.dots", "10_later"]
    assert chain.migrations[1].down.text == "DROP TABLE t;"
    assert chain.migrations[2].down is None
    assert not chain.has_downs
    assert chain.bookkeeping_tables == ("schema_migrations",)


def test_golang_migrate_duplicate_version_is_an_input_error(tmp_path):
    make(tmp_path, {"1_a.up.sql": SQL1, "1_b.up.sql": SQL1})
    with pytest.raises(InputError) as e:
        read_chain(tmp_path)
    assert "1_a.up.sql" in str(e.value) and "1_b.up.sql" in str(e.value)


# ---------------------------------------------------------------- popx


def test_popx_prefers_the_mysql_file_per_direction(tmp_path):
    make(tmp_path, {
        "20200101000000000000_a.up.sql": "generic up",
        "20200101000000000000_a.mysql.up.sql": "mysql up",
        "20200101000000000000_a.postgres.up.sql": "pg up",
        "20200101000000000000_a.down.sql": "generic down",
        "20200101000000000000_a.sqlite3.down.sql": "sqlite down",
        "20200101000000000001_b.cockroach.up.sql": "crdb only",
        "20200101000000000001_b.up.sql": "",
        "20200101000000000001_b.down.sql": "",
        "20200102000000000000_c.autocommit.up.sql": "CREATE INDEX i ON t (id)",
        "20200102000000000000_c.autocommit.down.sql": "DROP INDEX i ON t",
    })
    chain = read_chain(tmp_path)
    assert chain.format == "popx"
    assert chain.ids == ["20200101000000000000_a", "20200101000000000001_b", "20200102000000000000_c"]
    a, b, c = chain.migrations
    assert (a.up.text, a.down.text) == ("mysql up", "generic down")
    assert b.up.is_empty and b.up.text == ""  # empty file: an intentional no-op
    assert c.up.no_transaction and c.down.no_transaction and not a.up.no_transaction
    assert "20200101000000000000_a.postgres.up.sql" in chain.ignored
    assert any("other dialects" in n for n in chain.notes)
    assert chain.has_downs


def test_popx_detected_by_autocommit_alone(tmp_path):
    make(tmp_path, {"1_a.autocommit.up.sql": SQL1, "1_a.autocommit.down.sql": ""})
    assert detect_format(tmp_path) == "popx"


# ---------------------------------------------------------------- goose and dbmate


def test_goose_files_with_sections(tmp_path):
    make(tmp_path, {
        "00002_add.sql": "-- +goose Up\nALTER TABLE t ADD x int;\n\n-- +goose Down\nALTER TABLE t DROP x;\n",
        "00001_init.sql": "-- comment\n-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n",
        "00010_late.sql": "-- +goose Up\n-- +goose StatementBegin\nCREATE PROCEDURE p() BEGIN SELECT 1; END;\n"
                          "-- +goose StatementEnd\n-- +goose Down\nDROP PROCEDURE p;\n",
        "00003_go_migration.go": "package migrations",
    })
    chain = read_chain(tmp_path)
    assert chain.format == "goose"
    assert chain.ids == ["00001_init", "00002_add", "00010_late"]
    init = chain.migrations[0]
    assert (init.up.line, init.down.line) == (3, 5)
    assert [s.line for s in init.up.statements()] == [3]
    late = chain.migrations[2]
    (proc,) = late.up.statements()
    assert proc.line == 3 and proc.text == "CREATE PROCEDURE p() BEGIN SELECT 1; END"
    assert any(".go" in n for n in chain.notes)


def test_goose_baseline_without_annotations_runs_whole(tmp_path):
    make(tmp_path, {"000_initial_schema.sql": SQL1,
                    "001_a.sql": "-- +goose Up\nALTER TABLE t ADD x int;\n-- +goose Down\nALTER TABLE t DROP x;\n"})
    chain = read_chain(tmp_path)
    assert chain.format == "goose"
    assert chain.migrations[0].up.text == SQL1 and chain.migrations[0].down is None


def test_dbmate_in_name_order(tmp_path):
    make(tmp_path, {
        "20240102000000_b.sql": "-- migrate:up\nALTER TABLE t ADD x int;\n-- migrate:down\nALTER TABLE t DROP x;\n",
        "20240101000000_a.sql": "-- migrate:up\nCREATE TABLE t (id int);\n\n-- migrate:down\nDROP TABLE t;\n",
    })
    chain = read_chain(tmp_path)
    assert chain.format == "dbmate"
    assert chain.ids == ["20240101000000_a", "20240102000000_b"]
    a = chain.migrations[0]
    assert (a.up.line, a.down.line) == (2, 5)
    assert [s.line for s in a.down.statements()] == [5]


# ---------------------------------------------------------------- Flyway


def test_flyway_versions_undo_and_repeatables(tmp_path):
    make(tmp_path, {
        "V1__init.sql": SQL1, "V1_1__add_x.sql": "a", "V1.10__late.sql": "b", "V1.2__mid.sql": "c",
        "V2__two.sql": "d", "U2__two.sql": "undo two", "R__views_b.sql": "rb", "R__a_view.sql": "ra",
    })
    chain = read_chain(tmp_path)
    assert chain.format == "flyway"
    assert chain.ids == ["V1__init", "V1_1__add_x", "V1.2__mid", "V1.10__late", "V2__two",
                         "R__a_view", "R__views_b"]
    assert [m.version for m in chain][:5] == ["1", "1.1", "1.2", "1.10", "2"]
    assert chain.migrations[4].down.text == "undo two"
    assert chain.migrations[1].name == "add x"


def test_flyway_newest_baseline_replaces_older_versions(tmp_path):
    make(tmp_path, {"V1__a.sql": "1", "V2__b.sql": "2", "V3__c.sql": "3", "B2__base.sql": "b2",
                    "B1__old.sql": "b1"})
    chain = read_chain(tmp_path)
    assert chain.ids == ["B2__base", "V3__c"]
    assert {"V1__a.sql", "V2__b.sql", "B1__old.sql"} <= set(chain.ignored)


def test_flyway_duplicate_version(tmp_path):
    make(tmp_path, {"V1__a.sql": "1", "V1.0__b.sql": "2"})
    with pytest.raises(InputError):
        read_chain(tmp_path)


# ---------------------------------------------------------------- Prisma and manifest folders


def test_prisma_folders_in_name_order(tmp_path):
    make(tmp_path, {
        "20240102000000_second/migration.sql": "b",
        "20240101000000_init/migration.sql": "a",
        "migration_lock.toml": 'provider = "mysql"\n',
        "not_a_migration/readme.txt": "x",
    })
    chain = read_chain(tmp_path)
    assert chain.format == "prisma"
    assert chain.ids == ["20240101000000_init", "20240102000000_second"]
    assert chain.migrations[0].up.rel == "20240101000000_init/migration.sql"
    assert "not_a_migration/" in chain.ignored and not chain.notes


def test_prisma_lock_for_another_provider_is_noted(tmp_path):
    make(tmp_path, {"1_init/migration.sql": "a", "migration_lock.toml": 'provider = "postgresql"\n'})
    assert any("postgresql" in n for n in read_chain(tmp_path).notes)


def test_manifest_folders_in_version_order(tmp_path):
    def manifest(*files):
        return json.dumps({"CurrVersion": "x", "SchemaUpdateCqlFiles": list(files)})

    make(tmp_path, {
        "schema.sql": "baseline", "versioned/v1.10/manifest.json": manifest("z.sql"), "versioned/v1.10/z.sql": "",
        "versioned/v1.2/manifest.json": manifest("b.sql", "a.sql"), "versioned/v1.2/a.sql": "",
        "versioned/v1.2/b.sql": "", "versioned/v1.2/unlisted.sql": "",
        "versioned/v1.0/manifest.json": manifest("schema.sql"), "versioned/v1.0/schema.sql": "",
    })
    for root in (tmp_path, tmp_path / "versioned"):
        chain = read_chain(root)
        assert chain.format == "manifest"
        assert chain.ids == ["v1.0/schema", "v1.2/b", "v1.2/a", "v1.10/z"]
    assert "schema.sql" in read_chain(tmp_path).ignored
    assert "v1.2/unlisted.sql" in read_chain(tmp_path / "versioned").ignored


def test_manifest_naming_a_missing_file_is_an_input_error(tmp_path):
    make(tmp_path, {"v1.0/manifest.json": json.dumps({"SchemaUpdateCqlFiles": ["gone.sql"]})})
    with pytest.raises(InputError) as e:
        read_chain(tmp_path)
    assert "manifest.json" in str(e.value) and "gone.sql" in str(e.value)


def test_manifest_bad_json_names_the_line(tmp_path):
    make(tmp_path, {"v1.0/manifest.json": '{\n  "SchemaUpdateCqlFiles": [\n  "a.sql",\n}\n'})
    with pytest.raises(InputError) as e:
        read_chain(tmp_path)
    assert e.value.file.endswith("manifest.json") and e.value.line == 4


# ---------------------------------------------------------------- sequelize-cli


def test_sequelize_js_with_sql_baseline_in_file_name_order(tmp_path):
    js = "module.exports = {\n  up: async (qi) => {},\n  down: async (qi) => {},\n};\n"
    make(tmp_path, {"20240102000000-b.js": js, "20240101000000-a.cjs": js, "000_initial_schema.sql": SQL1,
                    "helper.ts": "", ".sequelizerc": ""})
    chain = read_chain(tmp_path)
    assert chain.format == "sequelize"
    assert chain.ids == ["000_initial_schema", "20240101000000-a", "20240102000000-b"]
    assert [m.kind for m in chain] == [KIND_SQL, KIND_SEQUELIZE_JS, KIND_SEQUELIZE_JS]
    a = chain.migrations[1]
    assert (a.version, a.name) == ("20240101000000", "a")
    assert a.down is not None and a.down.line == 3
    assert a.up.statements() == []
    assert chain.bookkeeping_tables[0] == "SequelizeMeta"


def test_knex_javascript_is_not_taken_for_sequelize(tmp_path):
    make(tmp_path, {"20240101_init.js": "exports.up = function (knex) { return knex.schema.createTable('t'); };\n"})
    with pytest.raises(UsageError) as e:
        read_chain(tmp_path)
    assert "20240101_init.js" in str(e.value)
    assert read_chain(tmp_path, "sequelize").ids == ["20240101_init"]  # forced: the user knows better


# ---------------------------------------------------------------- detection errors and overrides


def test_unknown_folder_lists_what_it_found(tmp_path):
    make(tmp_path, {"notes.txt": "", "data.csv": ""})
    with pytest.raises(UsageError) as e:
        read_chain(tmp_path)
    text = str(e.value)
    assert "data.csv" in text and "notes.txt" in text and "--chain-format" in text


def test_ambiguous_folder_names_the_candidates(tmp_path):
    make(tmp_path, {"001_a.sql": "-- +goose Up\nSELECT 1;\n", "002_b.sql": "-- migrate:up\nSELECT 1;\n"})
    with pytest.raises(UsageError) as e:
        read_chain(tmp_path)
    assert "goose" in str(e.value) and "dbmate" in str(e.value) and "--chain-format" in str(e.value)


def test_mixed_up_down_and_plain_files_are_ambiguous(tmp_path):
    make(tmp_path, {"001_a.up.sql": SQL1, "002_b.sql": SQL1})
    with pytest.raises(UsageError) as e:
        read_chain(tmp_path)
    assert "golang-migrate" in str(e.value) and "sql" in str(e.value)


def test_chain_format_overrides_detection(tmp_path):
    make(tmp_path, {"001_a.sql": "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n",
                    "002_b.sql": "-- migrate:up\nSELECT 1;\n"})
    chain = read_chain(tmp_path, "goose")
    assert chain.format == "goose" and chain.migrations[0].down is not None
    plain = read_chain(tmp_path, "plain")
    assert plain.format == "sql" and plain.migrations[0].down is None
    with pytest.raises(UsageError) as e:
        read_chain(tmp_path, "liquibase")
    assert "unknown --chain-format" in str(e.value)
    with pytest.raises(UsageError):
        read_chain(tmp_path, "prisma")  # nothing of that format here


def test_missing_or_non_folder(tmp_path):
    with pytest.raises(UsageError):
        read_chain(tmp_path / "absent")
    f = make(tmp_path, {"x.sql": ""}) / "x.sql"
    with pytest.raises(UsageError):
        read_chain(f)


def test_non_utf8_file_names_file_and_line(tmp_path):
    (tmp_path / "001_a.sql").write_bytes(b"CREATE TABLE t (id int);\n-- caf\xe9\n")
    with pytest.raises(InputError) as e:
        read_chain(tmp_path)
    assert e.value.file.endswith("001_a.sql") and e.value.line == 2


def test_slice_and_index(tmp_path):
    make(tmp_path, {f"{i}_m.sql": SQL1 for i in range(1, 6)})
    chain = read_chain(tmp_path)
    assert chain.slice(2).ids == ["3_m", "4_m", "5_m"]
    assert chain.index_of("4_m") == 3 and chain.index_of("4") == 3
    assert len(chain.slice(None, 2)) == 2 and len(chain) == 5


# ---------------------------------------------------------------- the corpus chains


def _lines(path: Path) -> list[str]:
    return [l for l in path.read_text().splitlines() if l.strip()]


@pytest.mark.corpus
@pytest.mark.parametrize("folder, chain_dir, order, fmt", [
    ("chain-ory-kratos", "migrations", "order.txt", "popx"),
    ("chain-temporal-mysql-v8", "schema/mysql/v8/temporal", "order.temporal.txt", "manifest"),
    ("chain-temporal-mysql-v8", "schema/mysql/v8/visibility/versioned", "order.visibility.txt", "manifest"),
    ("chain-umami-mysql", "db/mysql/migrations", "order.txt", "prisma"),
])
def test_corpus_up_order_matches_the_recorded_order(corpus, folder, chain_dir, order, fmt):
    base = corpus / folder
    chain = read_chain(base / chain_dir)
    assert chain.format == fmt
    got = [m.up.path.relative_to(base).as_posix() for m in chain]
    assert got == _lines(base / order)


@pytest.mark.corpus
def test_kratos_selects_352_files_and_its_downs_reverse(corpus):
    base = corpus / "chain-ory-kratos"
    chain = read_chain(base / "migrations")
    assert len(chain) == 352 and chain.has_downs
    downs = [m.down.path.relative_to(base).as_posix() for m in reversed(chain.migrations)]
    assert downs == _lines(base / "order.down.txt")
    # SOURCE.md: 139 of the selected files are empty on purpose (no-ops for MySQL)
    assert sum(not m.up.text for m in chain) + sum(not m.down.text for m in chain) == 139
    assert sum(m.up.is_empty for m in chain) >= sum(not m.up.text for m in chain)
    auto = [m.id for m in chain if m.up.no_transaction]
    assert auto == ["20241031094100000002_foreign_key", "20250708190000000000_identities_external_id"]


@pytest.mark.corpus
def test_openfga_goose_sections_equal_the_split_copies(corpus):
    base = corpus / "chain-openfga-mysql-goose"
    chain = read_chain(base / "assets/migrations/mysql")
    assert chain.format == "goose" and chain.ignored == ["collation_migrations.md"]
    assert chain.ids == [Path(p).name.removesuffix(".up.sql") for p in _lines(base / "order.txt")]
    for m in chain:
        for direction, script in (("up", m.up), ("down", m.down)):
            derived = (base / "derived" / f"{m.id}.{direction}.sql").read_text()
            assert script.text.strip() == derived.strip(), (m.id, direction)
    m7 = chain.migrations[6]
    assert [s.line for s in m7.up.statements()] == [2, 5, 7]
