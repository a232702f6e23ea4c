"""The JSON snapshot round-trips exactly and serializes deterministically."""
from __future__ import annotations

import json

import pytest

from baseline.errors import InputError
from baseline.flavor import Flavor
from baseline.model import (Check, Column, Event, ForeignKey, Index, IndexPart, Param, Partition,
                            Partitioning, Routine, Schema, Sequence, Table, Trigger, View)
from baseline.snapshot import from_json, to_json
from baseline.sources.live import read_live
from roundtrip import load_with_executor
from test_hostile_names import hostile_script
from test_live import FEATURES


def rich_schema(reverse: bool = False) -> Schema:
    """Every model class with non-default values; ``reverse`` inserts in another order."""
    t = Table(
        name="t", engine="InnoDB", charset="utf8mb4", collation="utf8mb4_bin", row_format="DYNAMIC",
        comment="c", options={"stats_persistent": "1", "page_compressed": "'1'"}, system_versioned=True,
        auto_increment=99,
        columns=[Column("id", "int(11)", unsigned=True, nullable=False, auto_increment=True),
                 Column("s", "varchar(5)", charset="latin1", collation="latin1_bin", default="'x'",
                        comment="\u00fc", invisible=True, versioning="WITHOUT SYSTEM VERSIONING")],
        indexes=[Index("PRIMARY", "PRIMARY", [IndexPart("id")]),
                 Index("k", "INDEX", [IndexPart("s", length=2, descending=True), IndexPart(None, "`id` + 1")],
                       using="HASH", comment="ic", visible=False)],
        foreign_keys=[ForeignKey("fk", ["id"], "u", ["id"], ref_schema="other", on_delete="CASCADE")],
        checks=[Check("c1", "`id` > 0", column_level=False, enforced=False)],
        partitioning=Partitioning("RANGE", "`id`", partitions=[
            Partition("p0", "LESS THAN (10)", comment="pc", engine="InnoDB", options={"max_rows": "5"},
                      subpartitions=["s0", "s1"])], sub_method="HASH", sub_expression="`id`"),
    )
    objs = [
        t,
        Sequence("sq", start=5, cache=0, cycle=True, next_value=17),
        View("v", "select 1 AS `1`", columns=["a"], algorithm="MERGE", check_option="LOCAL", definer="a@b"),
        Routine("FUNCTION", "f", params=[Param("x", "varchar(3)", charset="utf8mb4", collation="utf8mb4_bin")],
                returns="int(11)", body="RETURN 1", deterministic=True, definer="a@%"),
        Routine("PROCEDURE", "f", params=[Param("y", "int(11)", mode="INOUT")], body="BEGIN END"),
        Trigger("tr", "t", "AFTER", "DELETE", "SET @a = 1", order=2, sql_mode="", definer="x@y"),
        Event("ev", "AT '2030-01-01 00:00:00'", preserve=True, status="DISABLE", body="DO 1",
              time_zone="+00:00"),
    ]
    s = Schema(name="db", charset="latin1", collation="latin1_swedish_ci", flavor=Flavor.parse("10.11.19-MariaDB"))
    for o in reversed(objs) if reverse else objs:
        s.add(o)
    return s


def test_round_trip_is_exact_including_definers_and_counters():
    s = rich_schema()
    again = from_json(json.loads(json.dumps(to_json(s))))
    assert again == s
    assert again.tables["t"].auto_increment == 99 and again.views["v"].definer == "a@b"
    assert isinstance(again.flavor.version, tuple)


def test_serialization_is_deterministic_whatever_the_insertion_order():
    a = json.dumps(to_json(rich_schema()), ensure_ascii=False)
    b = json.dumps(to_json(rich_schema(reverse=True)), ensure_ascii=False)
    assert a == b
    assert list(to_json(rich_schema())["tables"][0])[:3] == ["name", "columns", "indexes"]


def test_live_schemas_round_trip(server, scratch_db):
    load_with_executor(server, scratch_db, FEATURES + hostile_script())
    s = read_live(server.url.with_database(scratch_db), progress=False)
    assert from_json(json.loads(json.dumps(to_json(s)))) == s


@pytest.mark.parametrize("data, message", [
    ({"format": "something"}, "not a baseline snapshot"),
    ({"format": "baseline-snapshot", "version": 99}, "unsupported snapshot version"),
    ({"format": "baseline-snapshot", "version": 1, "tables": [{"name": "t", "bogus": 1}]}, "unknown Table fields"),
])
def test_bad_snapshots_are_input_errors(data, message):
    with pytest.raises(InputError, match=message):
        from_json(data)
