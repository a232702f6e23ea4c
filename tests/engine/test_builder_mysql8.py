"""MySQL 8 dumps and chains that do not load on MariaDB, read offline with a
MySQL 8 flavor: every object of the dump is in the model (counts and names
checked against the dump's own text), and details MariaDB would have changed
(native JSON, 0900 collations, NOT NULL generated columns, functional index
parts, CHECK spelling) are kept as MySQL shows them."""
from __future__ import annotations

import re

import pytest

from baseline.flavor import Flavor
from baseline.engine.builder import SchemaBuilder
from baseline.sql.split import split_sql

pytestmark = pytest.mark.corpus


def _build(path, flavor: Flavor, name: str | None = None):
    text = path.read_text(encoding="utf-8", errors="replace")
    b = SchemaBuilder(flavor, name=name)
    b.apply_all(split_sql(text, file=str(path)), file=str(path))
    return b, text


def _section(text: str, db: str | None) -> str:
    """The parts of a multi-database dump that follow ``USE `db```."""
    if db is None:
        return text
    parts = re.split(r"^USE `([^`]+)`;$", text, flags=re.M)
    return "".join(body for name, body in zip(parts[1::2], parts[2::2], strict=True) if name == db)


def _names_in_dump(text: str) -> dict[str, set[str]]:
    return {
        "tables": set(re.findall(r"^CREATE TABLE `([^`]+)`", text, re.M)),
        "views": set(re.findall(r"VIEW `([^`]+)`(?: \([^)]*\))? AS", text)),
        "triggers": set(re.findall(r"TRIGGER `([^`]+)`", text)),
        "procedures": set(re.findall(r"CREATE\*/ /\*!50020 DEFINER=\S+\*/ /\*!50003 PROCEDURE `([^`]+)`", text)
                          + re.findall(r"CREATE DEFINER=\S+ PROCEDURE `([^`]+)`", text)),
        "functions": set(re.findall(r"CREATE\*/ /\*!50020 DEFINER=\S+\*/ /\*!50003 FUNCTION `([^`]+)`", text)
                         + re.findall(r"CREATE DEFINER=\S+ FUNCTION `([^`]+)`", text)),
    }


def _names_in_model(schema) -> dict[str, set[str]]:
    return {
        "tables": set(schema.tables),
        "views": set(schema.views),
        "triggers": {t.name for t in schema.triggers.values()},
        "procedures": {r.name for r in schema.routines.values() if r.kind == "PROCEDURE"},
        "functions": {r.name for r in schema.routines.values() if r.kind == "FUNCTION"},
    }


def _assert_expressions_as_in_dump(schema, text: str) -> None:
    """Printing the parsed expressions gives back the dump's own spelling."""
    for t in schema.tables.values():
        for c in t.columns:
            if c.generated:
                assert f"AS ({c.generated})" in text, (t.name, c.name, c.generated)
            if c.default not in (None, "NULL"):
                assert f"DEFAULT {c.default}" in text, (t.name, c.name, c.default)
        for chk in t.checks:
            assert f"CHECK ({chk.expression})" in text, (t.name, chk.name, chk.expression)


DUMPS = [
    # file, flavor, database (multi-database dumps), expected counts (tables, views, triggers, routines)
    ("world_x/world_x.sql", "8.0.19", None, (4, 0, 0, 0)),
    ("dump-lburiti-company-mysql8.0.30/company_backup.sql", "8.0.30", None, (7, 3, 2, 2)),
    ("dump-lburiti-company-mysql8.0.30/all_databases_backup.sql", "8.0.30", "company", (7, 3, 2, 0)),
    ("dump-lburiti-company-mysql8.0.30/all_databases_backup.sql", "8.0.30", "customer_managment", (3, 0, 0, 0)),
    ("dump-lburiti-company-mysql8.0.30/transaction_example_no_data_backup.sql", "8.0.30", None, (3, 0, 0, 0)),
    ("dump-womensmell-mysql8.0.27/createDB_womensmell.sql", "8.0.27", None, (15, 2, 2, 0)),
    ("dump-wordpress-frontity-mysql8.0/default-db.sql", "8.0.20", None, (12, 0, 0, 0)),
    ("dump-wordpress-frontity-mysql8.0/yoast-13.5.sql", "8.0.20", None, (20, 0, 0, 0)),
    ("dump-ecombiz-mysql5.7-cloudsql/mydb_Sales1.sql", "5.7.30", None, (1, 0, 0, 0)),
]


@pytest.mark.parametrize("path,version,db,counts", DUMPS, ids=[f"{d[0]}:{d[2] or ''}" for d in DUMPS])
def test_mysql_dump_holds_every_object(corpus, path, version, db, counts):
    b, text = _build(corpus / path, Flavor.parse(version), name=db)
    schema = b.schema
    got = _names_in_model(schema)
    want = _names_in_dump(_section(text, db))
    assert got == want
    assert (len(schema.tables), len(schema.views), len(schema.triggers), len(schema.routines)) == counts
    _assert_expressions_as_in_dump(schema, text)
    # a dump from macOS (names case-insensitive there): its triggers name their tables in
    # lower case; the reader says so, statement by statement, and takes the table
    recased = {"dump-womensmell-mysql8.0.27/createDB_womensmell.sql": [(340, "order_product", "Order_Product"),
                                                                      (428, "product", "Product")]}
    assert [(w.line, *re.findall(r"`([^`]+)`", w.message)[:2]) for w in b.warnings] == recased.get(path, [])
    assert all("case-insensitive table names" in w.message for w in b.warnings)


def test_world_x_keeps_mysql_only_features(corpus):
    b, _ = _build(corpus / "world_x/world_x.sql", Flavor.parse("8.0.19"))
    info = b.schema.tables["countryinfo"]
    doc, _id, schema_col = info.columns
    assert (doc.type, doc.charset, doc.default) == ("json", None, "NULL")
    assert _id.type == "varbinary(32)" and _id.generated_kind == "STORED" and _id.nullable is False
    assert _id.generated == "json_unquote(json_extract(`doc`,_utf8mb4'$._id'))"
    assert schema_col.generated == "_utf8mb4'{\"type\":\"object\"}'" and schema_col.generated_kind == "VIRTUAL"
    city = b.schema.tables["city"]
    assert city.columns[0].type == "int"            # 8.0.19+: no display width
    assert city.collation == "utf8mb4_0900_ai_ci"
    assert city.column("Info").type == "json"
    assert [fk.name for fk in b.schema.tables["countrylanguage"].foreign_keys] == ["countrylanguage_ibfk_1"]


def test_lburiti_checks_views_and_routines(corpus):
    b, _ = _build(corpus / "dump-lburiti-company-mysql8.0.30/company_backup.sql", Flavor.parse("8.0.30"))
    s = b.schema
    employee = s.tables["employee"]
    assert {c.name: c.expression for c in employee.checks} == {"chk_salary_employee": "(`Salary` > 2000.0)"}
    assert any(fk.ref_table == "employee" for fk in employee.foreign_keys)  # self reference
    assert s.views["v_today"].columns == ["Today"]
    assert s.views["v_today"].definition == "select curdate() AS `current_date()`"
    assert {r.definer for r in s.routines.values()} == {"root@localhost"}
    assert all(t.sql_mode for t in s.triggers.values())


def test_mysql8_flavor_reads_version_comments(corpus):
    """/*!80023 INVISIBLE */ and /*!80016 ...*/ are executed by MySQL 8.0.23+,
    skipped by older servers and by MariaDB."""
    text = "CREATE TABLE t (a INT, b INT /*!80023 INVISIBLE */) /*!80016 DEFAULT ENCRYPTION='N' */"
    for version, invisible in (("8.0.30", True), ("8.0.19", False), ("10.11.5-MariaDB", False)):
        b = SchemaBuilder(Flavor.parse(version), name="x", charset="utf8mb4")
        b.apply_all(split_sql(text))
        assert b.schema.tables["t"].column("b").invisible is invisible


def test_temporal_visibility_chain_on_mysql8(corpus):
    """The visibility chain (``->>`` generated columns, functional index parts)
    that fails at its third file on MariaDB, simulated with a MySQL 8 flavor."""
    root = corpus / "chain-temporal-mysql-v8"
    files = [root / line.strip() for line in (root / "order.visibility.txt").read_text().splitlines() if line.strip()]
    b = SchemaBuilder(Flavor.parse("8.0.30"), name="temporal_visibility", charset="utf8mb4")
    created = set()
    for f in files:
        text = f.read_text()
        created |= {m.lower() for m in re.findall(r"CREATE TABLE (?:IF NOT EXISTS )?`?(\w+)", text, re.I)}
        b.apply_all(split_sql(text, file=str(f)), file=str(f))
    assert set(b.schema.tables) == created
    ev = b.schema.tables["executions_visibility"]
    functional = [p for i in ev.indexes for p in i.parts if p.expression]
    assert functional and all(p.expression.startswith(("coalesce(`close_time`,cast(", "cast(`"))
                              for p in functional)
    assert any(p.expression.endswith(" as char(255) array)") for p in functional)  # multi-valued index
    batcher = ev.column("BatcherUser")
    assert batcher.generated == "json_unquote(json_extract(`search_attributes`,_utf8mb4'$.BatcherUser'))"
    assert b.warnings == []
