"""Offline DDL parsing into the model. Built by the parser work."""
from __future__ import annotations

from typing import Iterable

from ..errors import NotBuiltYet
from ..flavor import Flavor
from ..model import Schema
from .split import Statement


def schema_from_statements(statements: Iterable[Statement], *, flavor: Flavor, name: str | None = None,
                           charset: str | None = None, collation: str | None = None,
                           file: str | None = None) -> Schema:
    """Apply DDL statements in order to an empty schema and return it."""
    raise NotBuiltYet("the offline DDL parser is not built yet")
