"""References from schema objects to the migrations that touched them (for attribution)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MigrationRef:
    #: Migration id as the chain names it (``001_unified_architecture``).
    migration: str
    #: File holding the statement (relative to the chain folder when possible).
    path: str
    #: Line of the statement in that file, when known.
    line: int | None = None


#: Keys of a touch map: ``(kind, name)`` with kind one of ``table``, ``view``,
#: ``routine``, ``trigger``, ``event``, ``sequence`` and name as
#: :func:`baseline.model.object_name` gives it (``procedure p`` for routines).
TouchKey = tuple[str, str]
