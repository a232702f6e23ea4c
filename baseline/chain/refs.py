"""References from schema objects to the migrations that touched them (for attribution)."""
from __future__ import annotations

import posixpath
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


def prefixed_path(prefix: str | None, path: str) -> str:
    """``path`` (chain-relative) as reached from the folder the user named."""
    return _join(prefix, path) if prefix else path


def _join(prefix: str, path: str) -> str:
    prefix = prefix.replace("\\", "/")
    path = path.replace("\\", "/")
    if path.startswith("/") or path.startswith(prefix.rstrip("/") + "/"):
        return path
    return posixpath.normpath(posixpath.join(prefix, path))
