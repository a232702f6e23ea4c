"""The comparison skips identical objects, and finds the same differences as before.

compare() no longer canonicalizes and walks objects that are equal field for
field when both sides have the same flavor rules and database defaults: at
5,000 tables that took 8 s of verify's time, now a third of a second. These
tests hold it to the full comparison (the same engine with the shortcut turned
off) where a shortcut could go wrong: identical objects that the databases'
defaults, names or flavors make different, and the mutation suite's changes.
"""
from __future__ import annotations

import copy

import pytest

from baseline.compare import CompareOptions, compare
from baseline.compare import engine
from baseline.model import ForeignKey, Table
from compare_models import MYSQL_8_0, mysql8_shop_schema, shop_schema
from test_compare_mutations import MUTATIONS


def full(a, b, options=None):
    """The comparison without the shortcut."""
    original = engine._Walker._identical
    engine._Walker._identical = lambda self, x, y: False
    try:
        return compare(a, b, options)
    finally:
        engine._Walker._identical = original


def both(a, b, options=None):
    fast = compare(a, b, options)
    assert fast == full(a, b, options)
    return fast


def test_identical_schemas_compare_quickly_and_empty():
    a, b = shop_schema(), shop_schema(name="baseline_chain_20260101_00000000")
    assert both(a, b) == []
    walker = engine._Walker(a, b, CompareOptions())
    assert walker.same_context and all(walker._identical(a.tables[k], b.tables[k]) for k in a.tables)


def test_an_inherited_charset_differs_when_the_database_defaults_do():
    a, b = shop_schema(), shop_schema()
    for s in (a, b):
        s.tables["plain"] = Table("plain", columns=[], charset=None, collation=None)
    b.charset, b.collation = "latin1", "latin1_swedish_ci"
    diffs = both(a, b)
    assert any(d.path == ("plain",) and d.attribute in ("charset", "collation") for d in diffs)


def test_an_object_naming_a_database_is_compared_in_full():
    a, b = shop_schema(name="shop"), shop_schema(name="shop_copy")
    for s in (a, b):  # a reference to `shop`: its own database on side A only
        s.tables["orders"].foreign_keys.append(
            ForeignKey("fk_x", ["account_id"], "accounts", ["id"], ref_schema="shop"))
    walker = engine._Walker(a, b, CompareOptions())
    assert not walker._identical(a.tables["orders"], b.tables["orders"])
    assert any(d.path[0] == "orders" for d in both(a, b))


def test_different_flavors_are_compared_in_full():
    a, b = shop_schema(), shop_schema(flavor=MYSQL_8_0)
    assert not engine._Walker(a, b, CompareOptions()).same_context
    both(a, b)
    both(shop_schema(), mysql8_shop_schema())


def test_definers_and_counters_when_asked():
    a, b = shop_schema(), shop_schema()
    b.views[next(iter(b.views))].definer = "someone@%"
    first = next(iter(b.tables.values()))
    first.auto_increment = 1234
    assert both(a, b) == []
    opts = CompareOptions(compare_definers=True, compare_counters=True)
    assert {d.attribute for d in both(a, b, opts)} == {"definer", "auto_increment"}


@pytest.mark.parametrize("case", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_every_mutation_is_found_as_before(case):
    _name, mutate, expected = case
    a = shop_schema()
    b = copy.deepcopy(a)
    b.name = "baseline_chain_x"
    mutate(b)
    diffs = both(a, b)
    assert {(d.kind, d.path, d.attribute) for d in diffs} >= set(expected)


def test_tables_whose_counters_alone_differ_are_identical_without_a_walk():
    """Production's tables carry AUTO_INCREMENT counters, a rebuilt copy none: that
    made every table with rows take the full walk (verify of a 1,000-table legacy
    schema: 3.2 s of comparison, 0.4 s now). With --include-auto-increment the
    counters are differences again."""
    a, b = shop_schema(), shop_schema(name="baseline_chain_20260101_00000000")
    for t in a.tables.values():
        t.auto_increment = 1000
    walker = engine._Walker(a, b, CompareOptions())
    assert all(walker._identical(a.tables[k], b.tables[k]) for k in a.tables)
    assert both(a, b) == []
    counted = both(a, b, CompareOptions(compare_counters=True))
    assert counted and all(d.attribute == "auto_increment" for d in counted)
    b.tables[next(iter(b.tables))].comment = "changed"
    assert [d.attribute for d in both(a, b)] == ["comment"]
