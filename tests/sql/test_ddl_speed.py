"""Parsing speed stays in the thousands of tables per second (bench/ddl_parse.py
measures it properly; this guards against a regression by an order of magnitude)."""
from __future__ import annotations

import importlib.util
import time

from baseline.flavor import DEFAULT_FLAVOR
from baseline.engine.builder import schema_from_statements
from baseline.sql.split import split_sql

from conftest import ROOT


def _bench_module():
    spec = importlib.util.spec_from_file_location("ddl_parse_bench", ROOT / "bench" / "ddl_parse.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_thousand_table_dump_simulates_quickly():
    text = _bench_module().generate(1000, seed=7)
    statements = list(split_sql(text))
    start = time.perf_counter()
    schema = schema_from_statements(statements, flavor=DEFAULT_FLAVOR)
    elapsed = time.perf_counter() - start
    assert len(schema.tables) == 1000
    assert elapsed < 5.0, f"1000 tables took {elapsed:.1f} s"
