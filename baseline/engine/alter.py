"""One registry for the operations of ``ALTER TABLE``: for each operation type
(:mod:`baseline.sql.ddl.nodes`), how the server applies it to a table
(:data:`APPLY`, handlers in :mod:`.builder`) and how the walk back undoes it
(:data:`UNDO`, handlers in :mod:`.undo`).

Dispatch is by the operation's exact type. A type without a handler in a
direction raises :class:`NotImplementedError`: a skipped operation would be a
wrong schema, silently. ``tests/engine/test_alter_ops.py`` checks that every
operation type has both."""
from __future__ import annotations

from typing import Callable


class Direction:
    """The handlers of one direction, keyed by operation type."""

    def __init__(self, name: str, home: str):
        self.name = name
        self.home = home
        self._by_type: dict[type, Callable] = {}

    def __call__(self, *types: type) -> Callable[[Callable], Callable]:
        """Decorator: ``fn(owner, op)`` handles ``types``."""
        def register(fn: Callable) -> Callable:
            for t in types:
                if t in self._by_type:
                    raise ValueError(f"two handlers to {self.name} {t.__name__}")
                self._by_type[t] = fn
            return fn
        return register

    def run(self, owner, op):
        fn = self._by_type.get(type(op))
        if fn is None:
            raise NotImplementedError(f"no handler to {self.name} {type(op).__name__} ({self.home})")
        return fn(owner, op)

    def handled(self) -> frozenset[type]:
        return frozenset(self._by_type)


#: How the server applies each operation to the table (``_TableCtx`` of :mod:`.builder`).
APPLY = Direction("apply", "engine/builder.py")
#: How the walk back undoes each (``TableUndo`` of :mod:`.undo`).
UNDO = Direction("undo", "engine/undo.py")


def operation_types() -> list[type]:
    """Every concrete ``ALTER TABLE`` operation type the parser produces."""
    from ..sql.ddl import nodes as N

    return sorted((c for c in vars(N).values()
                   if isinstance(c, type) and issubclass(c, N.AlterOp) and c is not N.AlterOp),
                  key=lambda c: c.__name__)


def missing() -> dict[str, list[str]]:
    """Direction -> the operation types it has no handler for (both modules loaded)."""
    from . import builder, undo  # noqa: F401 - their handlers register on import

    return {d.name: [t.__name__ for t in operation_types() if t not in d.handled()] for d in (APPLY, UNDO)}
