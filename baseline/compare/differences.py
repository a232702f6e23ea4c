"""What a comparison produces: structured differences and the options that shape them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..chain.refs import MigrationRef, TouchKey

#: Attribute name of a presence difference (the object exists on one side only).
EXISTS = "exists"

#: Order of kinds in a report (and in the comparison's output).
@dataclass(frozen=True)
class CompareOptions:
    """What counts as a difference beyond the defaults."""

    #: Column order is a difference by default (``SELECT *``, ``INSERT`` without a
    #: column list and dumps depend on it); this drops it.
    ignore_column_order: bool = False
    #: Compare DEFINER clauses of views, triggers, routines and events.
    compare_definers: bool = False
    #: Compare AUTO_INCREMENT counters and sequence positions (data, not schema).
    compare_counters: bool = False

    def included(self, field_name: str) -> bool:
        """Is a field marked ``compare=False`` in the model compared anyway?"""
        if field_name == "definer":
            return self.compare_definers
        if field_name in ("auto_increment", "next_value"):
            return self.compare_counters
        return False


@dataclass(frozen=True)
class Difference:
    """One attribute of one object that differs between side A and side B.

    ``a``/``b`` are the values as each side spells them (the model's values, so a
    report shows what the user would see on that server). Two exceptions: where a
    side leaves a value implied (``None``, e.g. a table collation), the implied
    value is shown; and where both spellings read the same but mean different
    things (MariaDB ``longtext`` that is JSON vs plain ``longtext``), the canonical
    values are shown. For a presence difference the attribute is :data:`EXISTS`
    and the values are booleans.
    """

    #: ``table``, ``column``, ``index``, ``foreign key``, ``check``, ``partitioning``,
    #: ``partition``, ``sequence``, ``view``, ``routine``, ``trigger``, ``event``, ``schema``.
    kind: str
    #: Names from the top-level object down: ``("accounts", "email")``;
    #: ``("procedure film_in_stock",)`` for a routine; ``()`` for the schema.
    path: tuple[str, ...]
    #: Model field (``type``, ``nullable``, ``options.row_format``...), or
    #: :data:`EXISTS`, ``column order``, ``partition order``.
    attribute: str
    a: Any
    b: Any
    #: The top-level object this belongs to, as the chain's touch maps key it:
    #: ``("table", "accounts")``, ``("routine", "procedure p")``, ``("schema", "")``.
    owner: TouchKey = ("schema", "")
    #: The migration that last touched ``owner`` (filled by :func:`attribute_differences`).
    migration: MigrationRef | None = None
    #: Where the model defining ``owner`` is, when one side is a ``sequelize:`` SOURCE
    #: (``migration`` holds the model's name).
    model: MigrationRef | None = None

    @property
    def object_name(self) -> str:
        """``accounts.email`` style name of the object itself."""
        return ".".join(self.path)

    @property
    def label(self) -> str:
        """``column accounts.email``; ``schema`` for the database itself."""
        return f"{self.kind} {self.object_name}".strip()


@dataclass
class Side:
    """One side of a comparison, for report headers. Never holds a password."""

    #: Short role: ``A``/``B`` for diff, ``SOURCE``/``chain`` for verify.
    label: str
    #: ``mysql://app@db:3306/prod (MariaDB 10.11.19)``.
    description: str = ""


@dataclass(frozen=True)
class ReplayFailure:
    """A migration that failed to replay (``verify``): nothing was compared."""

    #: Migration id (``002_add_status``).
    migration: str
    #: The file, as reached from the folder the user named (``db/migrations/002_add_status.sql``).
    path: str
    #: Line of the failing statement in that file, when known.
    line: int | None
    #: One-line reason (``migration 002_add_status failed: server error 1146: ...``).
    reason: str
    #: The statement the server refused (whole; reports shorten it).
    statement: str = ""
    server_code: int | None = None
    server_message: str = ""
    #: ``up`` (or ``down``).
    direction: str = "up"
    #: How many migrations ran before it.
    applied: int = 0


@dataclass(frozen=True)
class CommandError:
    """What stopped ``diff``/``verify`` before anything could be compared: bad input
    (exit 2) or a missing environment (exit 3). Reports carry it so a CI step
    reading only the report sees why (the message never holds a password)."""

    #: ``input``, ``usage`` or ``environment``.
    kind: str
    exit_code: int
    #: One-line message, without the file and line prefix.
    message: str
    file: str | None = None
    line: int | None = None
    hint: str | None = None


@dataclass
class ComparisonResult:
    """Everything a report needs: both sides, the differences, and what was compared."""

    a: Side
    b: Side
    differences: list[Difference]
    #: ``diff`` or ``verify`` (verify reports name migrations).
    command: str = "diff"
    #: Every top-level object compared (union of both sides), as touch keys, so a
    #: JUnit report can list the ones that passed too.
    objects: list[TouchKey] = field(default_factory=list)
    #: Objects present but left out of the comparison (``verify``: tool bookkeeping tables).
    excluded: list[TouchKey] = field(default_factory=list)
    #: Remarks for the reader (fallbacks taken while reading a side).
    notes: list[str] = field(default_factory=list)
    #: ``verify`` whose chain failed to replay: what failed (then nothing was compared).
    failure: ReplayFailure | None = None
    #: The command stopped before comparing (bad input, no server): why.
    error: CommandError | None = None

    @property
    def identical(self) -> bool:
        return self.failure is None and self.error is None and not self.differences
