"""One change at a time on a realistic hand-built model: the comparison reports
exactly that change, on the right object, with both original values."""
from __future__ import annotations

import pytest

from baseline.compare import CompareOptions, compare
from baseline.flavor import MARIADB, MYSQL, Flavor
from baseline.model import Check, Column, Event, Index, IndexPart, Param, Partition, Routine, Sequence, \
    Table, Trigger, View
from compare_models import shop_schema


def _col(s, table, name):
    return s.tables[table].column(name)


def _idx(s, table, name):
    return s.tables[table].index(name)


def _set(obj, **kw):
    for k, v in kw.items():
        setattr(obj, k, v)


# (id, mutation of side B, expected [(kind, path, attribute)])
MUTATIONS = [
    ("column type", lambda s: _set(_col(s, "orders", "qty"), type="bigint(20)"),
     [("column", ("orders", "qty"), "type")]),
    ("column length", lambda s: _set(_col(s, "accounts", "name"), type="varchar(150)"),
     [("column", ("accounts", "name"), "type")]),
    ("column unsigned", lambda s: _set(_col(s, "orders", "qty"), unsigned=True),
     [("column", ("orders", "qty"), "unsigned")]),
    ("column zerofill", lambda s: _set(_col(s, "orders", "qty"), zerofill=True),
     [("column", ("orders", "qty"), "zerofill")]),
    ("column nullability", lambda s: _set(_col(s, "accounts", "name"), nullable=False, default=None),
     [("column", ("accounts", "name"), "nullable")]),
    ("column default", lambda s: _set(_col(s, "accounts", "active"), default="0"),
     [("column", ("accounts", "active"), "default")]),
    ("column default added", lambda s: _set(_col(s, "orders", "price"), default="9.99"),
     [("column", ("orders", "price"), "default")]),
    ("column on update", lambda s: _set(_col(s, "accounts", "updated_at"), on_update=None),
     [("column", ("accounts", "updated_at"), "on_update")]),
    ("column charset", lambda s: _set(_col(s, "accounts", "email"), charset="latin1",
                                      collation="latin1_swedish_ci"),
     [("column", ("accounts", "email"), "charset"), ("column", ("accounts", "email"), "collation")]),
    ("column collation", lambda s: _set(_col(s, "accounts", "email"), collation="utf8mb4_unicode_ci"),
     [("column", ("accounts", "email"), "collation")]),
    ("column comment", lambda s: _set(_col(s, "accounts", "name"), comment="full name"),
     [("column", ("accounts", "name"), "comment")]),
    ("column auto_increment flag", lambda s: _set(_col(s, "orders", "id"), auto_increment=False),
     [("column", ("orders", "id"), "auto_increment")]),
    ("generated expression", lambda s: _set(_col(s, "orders", "total"), generated="`qty` * `price` + 1"),
     [("column", ("orders", "total"), "generated")]),
    ("generated kind", lambda s: _set(_col(s, "orders", "total"), generated_kind="STORED"),
     [("column", ("orders", "total"), "generated_kind")]),
    ("column invisible", lambda s: _set(_col(s, "accounts", "name"), invisible=True),
     [("column", ("accounts", "name"), "invisible")]),
    ("column name case", lambda s: _set(_col(s, "accounts", "name"), name="Name"),
     [("column", ("accounts", "name"), "name")]),
    ("column order", lambda s: s.tables["orders"].columns.insert(1, s.tables["orders"].columns.pop(2)),
     [("table", ("orders",), "column order")]),
    ("extra column", lambda s: s.tables["accounts"].columns.append(Column("phone", "varchar(20)",
                                                                           charset="utf8mb4",
                                                                           collation="utf8mb4_general_ci")),
     [("column", ("accounts", "phone"), "exists")]),
    ("missing column", lambda s: s.tables["orders"].columns.remove(_col(s, "orders", "status")),
     [("column", ("orders", "status"), "exists")]),
    ("index kind", lambda s: _set(_idx(s, "accounts", "ix_name"), kind="FULLTEXT",
                                  parts=[IndexPart("name")]),
     [("index", ("accounts", "ix_name"), "kind"), ("index", ("accounts", "ix_name"), "prefix lengths")]),
    ("index uniqueness", lambda s: _set(_idx(s, "accounts", "uq_email"), kind="INDEX"),
     [("index", ("accounts", "uq_email"), "kind")]),
    ("index columns", lambda s: _set(_idx(s, "orders", "ix_status"), parts=[IndexPart("status")]),
     [("index", ("orders", "ix_status"), "columns")]),
    ("index column order", lambda s: _set(_idx(s, "orders", "ix_status"),
                                          parts=[IndexPart("id"), IndexPart("status")]),
     [("index", ("orders", "ix_status"), "columns")]),
    ("index prefix", lambda s: _set(_idx(s, "accounts", "ix_name").parts[0], length=30),
     [("index", ("accounts", "ix_name"), "prefix lengths")]),
    ("index descending", lambda s: _set(_idx(s, "orders", "ix_status").parts[1], descending=True),
     [("index", ("orders", "ix_status"), "descending")]),
    ("index visibility", lambda s: _set(_idx(s, "accounts", "ix_name"), visible=False),
     [("index", ("accounts", "ix_name"), "visible")]),
    ("index comment", lambda s: _set(_idx(s, "accounts", "ix_name"), comment="for search"),
     [("index", ("accounts", "ix_name"), "comment")]),
    ("index algorithm", lambda s: _set(_idx(s, "accounts", "ix_name"), using="HASH"),
     [("index", ("accounts", "ix_name"), "using")]),
    ("extra index", lambda s: s.tables["orders"].indexes.append(Index("ix_price", "INDEX",
                                                                        [IndexPart("price")])),
     [("index", ("orders", "ix_price"), "exists")]),
    ("missing index", lambda s: s.tables["accounts"].indexes.remove(_idx(s, "accounts", "ix_name")),
     [("index", ("accounts", "ix_name"), "exists")]),
    ("primary key columns", lambda s: _set(_idx(s, "event_log", "PRIMARY"),
                                           parts=[IndexPart("logged"), IndexPart("id")]),
     [("index", ("event_log", "PRIMARY"), "columns")]),
    ("primary key missing", lambda s: s.tables["event_log"].indexes.clear(),
     [("index", ("event_log", "PRIMARY"), "exists")]),
    ("fk columns", lambda s: _set(s.tables["orders"].foreign_keys[0], columns=["qty"]),
     [("foreign key", ("orders", "fk_orders_account"), "columns")]),
    ("fk target table", lambda s: _set(s.tables["orders"].foreign_keys[0], ref_table="event_log"),
     [("foreign key", ("orders", "fk_orders_account"), "ref_table")]),
    ("fk target columns", lambda s: _set(s.tables["orders"].foreign_keys[0], ref_columns=["balance"]),
     [("foreign key", ("orders", "fk_orders_account"), "ref_columns")]),
    ("fk on delete", lambda s: _set(s.tables["orders"].foreign_keys[0], on_delete="SET NULL"),
     [("foreign key", ("orders", "fk_orders_account"), "on_delete")]),
    ("fk on update", lambda s: _set(s.tables["orders"].foreign_keys[0], on_update="CASCADE"),
     [("foreign key", ("orders", "fk_orders_account"), "on_update")]),
    ("fk missing", lambda s: s.tables["orders"].foreign_keys.clear(),
     [("foreign key", ("orders", "fk_orders_account"), "exists")]),
    ("check expression", lambda s: _set(s.tables["orders"].checks[0], expression="`qty` >= 0"),
     [("check", ("orders", "chk_qty"), "expression")]),
    ("check enforced", lambda s: _set(s.tables["orders"].checks[0], enforced=False),
     [("check", ("orders", "chk_qty"), "enforced")]),
    ("extra check", lambda s: s.tables["orders"].checks.append(Check("chk_price", "`price` >= 0")),
     [("check", ("orders", "chk_price"), "exists")]),
    ("table engine", lambda s: _set(s.tables["event_log"], engine="MyISAM"),
     [("table", ("event_log",), "engine")]),
    ("table charset", lambda s: _set(s.tables["event_log"], charset="latin1", collation="latin1_swedish_ci"),
     [("table", ("event_log",), "charset"), ("table", ("event_log",), "collation")]),
    ("table collation", lambda s: _set(s.tables["accounts"], collation="utf8mb4_unicode_ci"),
     [("table", ("accounts",), "collation")]),
    ("table row format", lambda s: _set(s.tables["accounts"], row_format="COMPRESSED"),
     [("table", ("accounts",), "row_format")]),
    ("table comment", lambda s: _set(s.tables["accounts"], comment="people"),
     [("table", ("accounts",), "comment")]),
    ("table option", lambda s: s.tables["orders"].options.update(stats_persistent="0"),
     [("table", ("orders",), "options.stats_persistent")]),
    ("table option added", lambda s: s.tables["accounts"].options.update(key_block_size="8"),
     [("table", ("accounts",), "options.key_block_size")]),
    ("system versioning", lambda s: _set(s.tables["accounts"], system_versioned=True),
     [("table", ("accounts",), "system_versioned")]),
    ("partition values", lambda s: _set(s.tables["event_log"].partitioning.partitions[0], values="2023"),
     [("partition", ("event_log", "p2023"), "values")]),
    ("partition added", lambda s: s.tables["event_log"].partitioning.partitions.insert(
        2, Partition("p2025", "2026")),
     [("partition", ("event_log", "p2025"), "exists")]),
    ("partition method", lambda s: _set(s.tables["event_log"].partitioning, method="RANGE COLUMNS",
                                        expression="`logged`"),
     [("partitioning", ("event_log",), "method"), ("partitioning", ("event_log",), "expression")]),
    ("partition order", lambda s: s.tables["event_log"].partitioning.partitions.reverse(),
     [("partitioning", ("event_log",), "partition order")]),
    ("partitioning removed", lambda s: _set(s.tables["event_log"], partitioning=None),
     [("partitioning", ("event_log",), "exists")]),
    ("extra table", lambda s: s.add(Table("audit", columns=[Column("id", "int(11)", nullable=False)],
                                          charset="utf8mb4", collation="utf8mb4_general_ci")),
     [("table", ("audit",), "exists")]),
    ("missing table", lambda s: s.tables.pop("event_log"),
     [("table", ("event_log",), "exists")]),
    ("view body", lambda s: _set(s.views["paid_orders"], definition=s.views["paid_orders"].definition.replace(
        "'paid'", "'shipped'")),
     [("view", ("paid_orders",), "definition")]),
    ("view algorithm", lambda s: _set(s.views["paid_orders"], algorithm="MERGE"),
     [("view", ("paid_orders",), "algorithm")]),
    ("view security", lambda s: _set(s.views["paid_orders"], security="INVOKER"),
     [("view", ("paid_orders",), "security")]),
    ("view check option", lambda s: _set(s.views["paid_orders"], check_option="CASCADED"),
     [("view", ("paid_orders",), "check_option")]),
    ("extra view", lambda s: s.add(View("v2", "select 1 AS `1`")),
     [("view", ("v2",), "exists")]),
    ("trigger body", lambda s: _set(s.triggers["orders_bi"], body=s.triggers["orders_bi"].body.replace(
        "= 1", "= 2")),
     [("trigger", ("orders_bi",), "body")]),
    ("trigger timing", lambda s: _set(s.triggers["orders_bi"], timing="AFTER"),
     [("trigger", ("orders_bi",), "timing")]),
    ("trigger event", lambda s: _set(s.triggers["orders_bi"], event="UPDATE"),
     [("trigger", ("orders_bi",), "event")]),
    ("missing trigger", lambda s: s.triggers.pop("orders_bi"),
     [("trigger", ("orders_bi",), "exists")]),
    ("routine body", lambda s: _set(s.routines[("PROCEDURE", "close_account")],
                                    body="BEGIN\n  DELETE FROM accounts WHERE id = p_id;\nEND"),
     [("routine", ("procedure close_account",), "body")]),
    ("routine params", lambda s: s.routines[("PROCEDURE", "close_account")].params.pop(),
     [("routine", ("procedure close_account",), "params")]),
    ("routine param type", lambda s: _set(s.routines[("FUNCTION", "order_total")].params[0], type="int(11)"),
     [("routine", ("function order_total",), "params")]),
    ("function returns", lambda s: _set(s.routines[("FUNCTION", "order_total")], returns="decimal(14,2)"),
     [("routine", ("function order_total",), "returns")]),
    ("function deterministic", lambda s: _set(s.routines[("FUNCTION", "order_total")], deterministic=True),
     [("routine", ("function order_total",), "deterministic")]),
    ("routine security", lambda s: _set(s.routines[("PROCEDURE", "close_account")], security="INVOKER"),
     [("routine", ("procedure close_account",), "security")]),
    ("extra routine", lambda s: s.add(Routine("PROCEDURE", "order_total", body="SELECT 1")),
     [("routine", ("procedure order_total",), "exists")]),
    ("event schedule", lambda s: _set(s.events["purge_log"], schedule="EVERY 1 HOUR"),
     [("event", ("purge_log",), "schedule")]),
    ("event status", lambda s: _set(s.events["purge_log"], status="DISABLE"),
     [("event", ("purge_log",), "status")]),
    ("event body", lambda s: _set(s.events["purge_log"], body="DELETE FROM event_log")),
    ("missing event", lambda s: s.events.pop("purge_log"),
     [("event", ("purge_log",), "exists")]),
    ("sequence increment", lambda s: _set(s.sequences["invoice_numbers"], increment=2),
     [("sequence", ("invoice_numbers",), "increment")]),
    ("sequence cycle", lambda s: _set(s.sequences["invoice_numbers"], cycle=True),
     [("sequence", ("invoice_numbers",), "cycle")]),
    ("extra sequence", lambda s: s.add(Sequence("ticket_numbers")),
     [("sequence", ("ticket_numbers",), "exists")]),
    ("schema charset", lambda s: _set(s, charset="latin1", collation="latin1_swedish_ci"),
     None),  # filled below: the tables' implied defaults do not move (they are explicit)
    ("schema collation", lambda s: _set(s, collation="utf8mb4_unicode_ci"),
     [("schema", (), "collation")]),
]
MUTATIONS = [m if len(m) == 3 else (*m, [("event", ("purge_log",), "body")]) for m in MUTATIONS]
MUTATIONS = [(i, f, e if e is not None else [("schema", (), "charset"), ("schema", (), "collation")])
             for i, f, e in MUTATIONS]


def _keys(diffs):
    return [(d.kind, d.path, d.attribute) for d in diffs]


def test_identical_models_have_no_differences():
    assert compare(shop_schema(), shop_schema()) == []


def test_enough_kinds_of_mutation():
    assert len(MUTATIONS) >= 60
    kinds = {k for _, _, exp in MUTATIONS for k, _, _ in exp}
    assert kinds == {"schema", "table", "column", "index", "foreign key", "check", "partitioning",
                     "partition", "view", "trigger", "routine", "event", "sequence"}


@pytest.mark.parametrize("mutation,expected", [(m[1], m[2]) for m in MUTATIONS], ids=[m[0] for m in MUTATIONS])
def test_single_mutation_reports_exactly_that(mutation, expected):
    a, b = shop_schema(), shop_schema()
    mutation(b)
    diffs = compare(a, b)
    assert _keys(diffs) == expected
    # and the other way round: the same objects, values swapped
    back = compare(b, a)
    assert [(k, tuple(n.casefold() for n in p), at) for k, p, at in _keys(back)] == \
        [(k, tuple(n.casefold() for n in p), at) for k, p, at in expected]
    for d, r in zip(diffs, back, strict=True):
        assert (d.a, d.b) == (r.b, r.a)
        assert d.a != d.b


def test_values_are_the_originals_and_owner_is_the_top_object():
    a, b = shop_schema(), shop_schema()
    _col(b, "orders", "qty").type = "bigint(20)"
    [d] = compare(a, b)
    assert (d.a, d.b) == ("int(11)", "bigint(20)")
    assert d.owner == ("table", "orders")
    assert d.label == "column orders.qty"


def test_presence_values_are_booleans():
    a, b = shop_schema(), shop_schema()
    b.tables.pop("event_log")
    [d] = compare(a, b)
    assert (d.attribute, d.a, d.b) == ("exists", True, False)
    [r] = compare(b, a)
    assert (r.a, r.b) == (False, True)


def test_routine_owner_names_kind():
    a, b = shop_schema(), shop_schema()
    b.routines[("FUNCTION", "order_total")].body = "RETURN 0"
    [d] = compare(a, b)
    assert d.owner == ("routine", "function order_total")


def test_counters_and_definers_are_not_differences_by_default():
    a, b = shop_schema(), shop_schema()
    b.tables["accounts"].auto_increment = 1
    b.tables["orders"].auto_increment = None
    b.sequences["invoice_numbers"].next_value = 5000
    for obj in (b.views["paid_orders"], b.triggers["orders_bi"], b.events["purge_log"],
                b.routines[("PROCEDURE", "close_account")]):
        obj.definer = "deploy@%"
    assert compare(a, b) == []
    with_counters = compare(a, b, CompareOptions(compare_counters=True))
    assert _keys(with_counters) == [("table", ("accounts",), "auto_increment"),
                                    ("table", ("orders",), "auto_increment"),
                                    ("sequence", ("invoice_numbers",), "next_value")]
    with_definers = compare(a, b, CompareOptions(compare_definers=True))
    assert sorted(d.owner for d in with_definers) == [
        ("event", "purge_log"), ("routine", "procedure close_account"), ("trigger", "orders_bi"),
        ("view", "paid_orders")]
    assert all(d.attribute == "definer" and d.b == "deploy@%" for d in with_definers)


def test_definer_quoting_is_not_a_difference_even_when_compared():
    a, b = shop_schema(), shop_schema()
    b.views["paid_orders"].definer = "`root`@`localhost`"
    assert compare(a, b, CompareOptions(compare_definers=True)) == []


def test_ignore_column_order_drops_only_the_order():
    a, b = shop_schema(), shop_schema()
    cols = b.tables["orders"].columns
    cols.insert(0, cols.pop(3))
    _col(b, "orders", "qty").type = "smallint(6)"
    assert _keys(compare(a, b)) == [("table", ("orders",), "column order"), ("column", ("orders", "qty"), "type")]
    assert _keys(compare(a, b, CompareOptions(ignore_column_order=True))) == [
        ("column", ("orders", "qty"), "type")]


def test_column_order_ignores_added_and_dropped_columns():
    a, b = shop_schema(), shop_schema()
    b.tables["orders"].columns.insert(0, Column("first", "int(11)"))
    b.tables["orders"].columns.remove(_col(b, "orders", "qty"))
    assert _keys(compare(a, b)) == [("column", ("orders", "qty"), "exists"),
                                    ("column", ("orders", "first"), "exists")]


def test_key_order_is_one_difference_between_servers_of_a_family():
    """The server shows its keys in an order (MariaDB keeps one no CREATE gives
    after some ALTERs); between flavors of one family it is compared, once."""
    a, b = shop_schema(), shop_schema()
    b.tables["orders"].indexes.reverse()
    b.tables["accounts"].checks.reverse()
    [d] = compare(a, b)
    names = [i.name for i in a.tables["orders"].indexes]
    assert (d.kind, d.path, d.attribute, d.a, d.b) == ("table", ("orders",), "key order", ", ".join(names),
                                                       ", ".join(reversed(names)))
    b.flavor = Flavor(MYSQL, (8, 0, 36)) if a.flavor.family == MARIADB else Flavor(MARIADB, (10, 11, 0))
    assert "key order" not in [x.attribute for x in compare(a, b)]  # other sorting rules: not comparable


def test_children_match_case_insensitively():
    a, b = shop_schema(), shop_schema()
    _idx(b, "accounts", "ix_name").name = "IX_NAME"
    [d] = compare(a, b)
    assert (d.kind, d.path, d.attribute, d.a, d.b) == ("index", ("accounts", "ix_name"), "name", "ix_name",
                                                       "IX_NAME")


def test_order_is_deterministic_by_object_then_attribute():
    a, b = shop_schema(), shop_schema()
    b.events["purge_log"].status = "DISABLE"
    b.views["paid_orders"].algorithm = "MERGE"
    _col(b, "orders", "qty").type = "bigint(20)"
    _col(b, "orders", "qty").comment = "how many"
    b.tables["orders"].comment = "orders"
    _col(b, "accounts", "email").comment = "login"
    b.collation = "utf8mb4_bin"
    got = _keys(compare(a, b))
    assert got == [
        ("schema", (), "collation"),
        ("column", ("accounts", "email"), "comment"),
        ("table", ("orders",), "comment"),
        ("column", ("orders", "qty"), "type"),
        ("column", ("orders", "qty"), "comment"),
        ("view", ("paid_orders",), "algorithm"),
        ("event", ("purge_log",), "status"),
    ]
    assert got == _keys(compare(a, b))


def test_inputs_are_not_modified():
    a, b = shop_schema(), shop_schema()
    b.tables["accounts"].collation = None
    compare(a, b)
    assert a == shop_schema()
    assert b.tables["accounts"].collation is None
    assert b.tables["accounts"].checks[0].name == "settings"


def test_trigger_and_param_details():
    a, b = shop_schema(), shop_schema()
    b.triggers["orders_bi"].order = 2
    b.routines[("PROCEDURE", "close_account")].params[0] = Param("p_id", "int(10) unsigned", "INOUT")
    got = compare(a, b)
    assert _keys(got) == [("routine", ("procedure close_account",), "params"),
                          ("trigger", ("orders_bi",), "order")]
    assert got[0].a.startswith("IN p_id int(10) unsigned")
    assert got[0].b.startswith("INOUT p_id int(10) unsigned")


def test_new_model_fields_are_compared_without_code_changes():
    """The walk is generic: every dataclass field counts (here: one the engine has no
    special case for)."""
    a, b = shop_schema(), shop_schema()
    _col(b, "accounts", "name").compressed = "zlib"
    _col(b, "accounts", "id").srid = 4326
    assert _keys(compare(a, b)) == [("column", ("accounts", "id"), "srid"),
                                    ("column", ("accounts", "name"), "compressed")]


def test_unrelated_objects_compare_with_triggers_and_events_present():
    a, b = shop_schema(), shop_schema()
    b.add(Trigger("orders_bu", "orders", "BEFORE", "UPDATE", "SET NEW.qty = NEW.qty"))
    b.add(Event("ping", "EVERY 1 MINUTE", body="DO 1"))
    assert _keys(compare(a, b)) == [("trigger", ("orders_bu",), "exists"), ("event", ("ping",), "exists")]
