"""Attribution of differences to the migration that last touched their object."""
from __future__ import annotations

from baseline.chain.refs import MigrationRef
from baseline.compare import attribute_differences, compare
from compare_models import shop_schema

BASE = MigrationRef("000_initial_schema", "000_initial_schema.sql", 1)


def _diffs():
    a, b = shop_schema(), shop_schema()
    b.tables["orders"].column("qty").type = "bigint(20)"
    b.tables["accounts"].comment = "x"
    b.routines[("PROCEDURE", "close_account")].body = "BEGIN END"
    b.triggers.pop("orders_bi")
    b.collation = "utf8mb4_bin"
    return compare(a, b)


def test_each_difference_gets_the_last_migration_of_its_object():
    touches = {
        ("table", "orders"): MigrationRef("004_qty", "004_qty.sql", 7),
        ("routine", "procedure close_account"): MigrationRef("006_proc", "006_proc.sql", 2),
        ("trigger", "orders_bi"): MigrationRef("007_drop_trigger", "007_drop_trigger.sql", 1),
    }
    got = {d.owner: d.migration for d in attribute_differences(_diffs(), touches, BASE)}
    assert got == {
        ("schema", ""): BASE,
        ("table", "accounts"): BASE,
        ("table", "orders"): touches[("table", "orders")],
        ("routine", "procedure close_account"): touches[("routine", "procedure close_account")],
        ("trigger", "orders_bi"): touches[("trigger", "orders_bi")],
    }


def test_names_match_case_insensitively_after_exact():
    touches = {("table", "Orders"): MigrationRef("004", "004.sql"),
               ("routine", "PROCEDURE Close_Account"): MigrationRef("006", "006.sql")}
    got = {d.owner: d.migration for d in attribute_differences(_diffs(), touches)}
    assert got[("table", "orders")].migration == "004"
    assert got[("routine", "procedure close_account")].migration == "006"
    assert got[("table", "accounts")] is None  # no baseline given


def test_inputs_are_left_alone():
    diffs = _diffs()
    attribute_differences(diffs, {("table", "orders"): BASE})
    assert all(d.migration is None for d in diffs)


def test_paths_can_be_made_relative_to_where_the_command_runs():
    touches = {("table", "orders"): MigrationRef("v1.2/blob_size", "v1.2/blob_size.sql", 11),
               ("table", "accounts"): MigrationRef("x", "db/migrations/x.sql", 2)}
    got = {d.owner: d.migration for d in attribute_differences(_diffs(), touches, BASE,
                                                                path_prefix="db/migrations/")}
    assert got[("table", "orders")] == MigrationRef("v1.2/blob_size", "db/migrations/v1.2/blob_size.sql", 11)
    assert got[("table", "accounts")].path == "db/migrations/x.sql"      # already prefixed
    assert got[("schema", "")].path == "db/migrations/000_initial_schema.sql"
