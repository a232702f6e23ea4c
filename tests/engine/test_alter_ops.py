"""The registry of ALTER TABLE operations (engine/alter.py): every operation
type the parser produces says how the server applies it and how the walk back
undoes it, and a type without a handler raises instead of being skipped (a
skipped operation was a wrong schema, silently). Pure: no server."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from baseline.engine.alter import APPLY, UNDO, missing, operation_types
from baseline.engine.builder import SchemaBuilder
from baseline.flavor import DEFAULT_FLAVOR
from baseline.sql.ddl import nodes as N
from baseline.sql.parse import parse_statement
from baseline.sql.split import split_sql


def test_every_operation_is_applied_and_undone():
    assert len(operation_types()) > 20
    assert missing() == {"apply": [], "undo": []}


@dataclass
class Unheard(N.AlterOp):
    """An operation type no handler knows (as a new one is, before its handlers)."""


def test_an_operation_without_a_handler_raises_in_both_directions():
    b = SchemaBuilder(DEFAULT_FLAVOR, name="x", charset="utf8mb4")
    create, alter = split_sql("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\n")
    b.apply(create)
    node = parse_statement(alter.text, flavor=DEFAULT_FLAVOR)
    node.operations = [Unheard()]
    with pytest.raises(NotImplementedError, match="apply Unheard"):
        b.apply(node)
    with pytest.raises(NotImplementedError, match="undo Unheard"):
        UNDO.run(None, Unheard())


def test_a_second_handler_for_one_type_is_refused():
    with pytest.raises(ValueError, match="two handlers"):
        APPLY(N.AddColumn)(lambda ctx, op: None)
