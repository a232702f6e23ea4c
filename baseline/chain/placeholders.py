"""Stand-ins for objects the chain drops but never defines.

When a migration drops a column, table, index, view, routine, trigger, event or
sequence whose definition appears nowhere (the chain never created it, and the
migration has no down), the baseline must still contain *something* by that
name, or replaying the chain would fail at the DROP. What it contains cannot
matter for the end result, since the chain drops it: it only has to survive the
statements that run before the DROP. So a placeholder is as permissive as
possible, and says what it is in its comment:

* a column: nullable ``varchar(255)`` (any value fits, any key may cover it),
  or the type of the column on the other side of a foreign key it is part of;
* a table: one such column (plus the columns the chain's statements name);
* an index: a plain key on a column that exists (a PRIMARY KEY on a NOT NULL one);
* a view ``SELECT 1``, an empty procedure, a function returning NULL, a trigger
  doing nothing, a disabled event, a default sequence.
"""
from __future__ import annotations

from ..model import Column, Event, ForeignKey, Index, IndexPart, Routine, Schema, Sequence, Table, Trigger, View
from .shadow import GHOST_TYPE

PLACEHOLDER_COLUMN = "baseline_placeholder"


def _comment(where: str) -> str:
    return f"baseline placeholder: definition unknown, dropped by {where}"


def placeholder_column(schema: Schema, table: Table, name: str, where: str) -> Column:
    """A nullable column that cannot break the statements run before its DROP."""
    typed = _fk_partner(schema, table, name)
    if typed is not None:
        return Column(name, typed.type, unsigned=typed.unsigned, zerofill=typed.zerofill, charset=typed.charset,
                      collation=typed.collation, nullable=True, default="NULL", comment=_comment(where))
    return Column(name, GHOST_TYPE, charset=table.charset, collation=table.collation, nullable=True,
                  default="NULL", comment=_comment(where))


def _fk_partner(schema: Schema, table: Table, name: str) -> Column | None:
    """The column on the other side of a foreign key that ``table.name`` is part of
    (a foreign key needs both sides of one type)."""
    k = name.casefold()
    for fk in table.foreign_keys:
        for c, rc in zip(fk.columns, fk.ref_columns, strict=False):
            if c.casefold() == k and fk.ref_schema is None:
                target = schema.table(fk.ref_table)
                col = target.column(rc) if target is not None else None
                if col is not None:
                    return col
    for other in schema.tables.values():
        for fk in other.foreign_keys:
            if fk.ref_schema is None and fk.ref_table.casefold() == table.name.casefold():
                for c, rc in zip(fk.columns, fk.ref_columns, strict=False):
                    if rc.casefold() == k:
                        col = other.column(c)
                        if col is not None:
                            return col
    return None


def placeholder_table(schema: Schema, name: str, where: str, *, engine: str | None = "InnoDB") -> Table:
    t = Table(name, engine=engine, charset=schema.charset, collation=schema.collation, comment=_comment(where))
    t.columns.append(Column(PLACEHOLDER_COLUMN, GHOST_TYPE, charset=schema.charset, collation=schema.collation,
                            nullable=True, default="NULL"))
    return t


def placeholder_index(table: Table, name: str) -> Index | None:
    """A key named ``name`` on a column of ``table`` (on the columns of a foreign key
    that has no index left, which the dropped key must have served); ``None`` when
    the table has no column."""
    if not table.columns:
        return None
    from .edits import is_served

    unserved = [fk for fk in table.foreign_keys if not is_served(table, fk)]
    if unserved and name.upper() != "PRIMARY":
        fk = next((f for f in unserved if f.name.casefold() == name.casefold()), unserved[0])
        return Index(name, "INDEX", [IndexPart(c) for c in fk.columns], comment="baseline placeholder")
    if name.upper() == "PRIMARY":
        col = next((c for c in table.columns if not c.nullable), table.columns[0])
        col.nullable = False
        if col.default == "NULL":
            col.default = None
        return Index("PRIMARY", "PRIMARY", [IndexPart(col.name)])
    return Index(name, "INDEX", [IndexPart(table.columns[0].name)], comment="baseline placeholder")


def placeholder_view(name: str) -> View:
    return View(name, "select 1 AS `baseline_placeholder`")


def placeholder_routine(kind: str, name: str) -> Routine:
    if kind == "FUNCTION":
        return Routine("FUNCTION", name, returns="int(11)", body="RETURN NULL", comment="baseline placeholder")
    return Routine("PROCEDURE", name, body="BEGIN\nEND", comment="baseline placeholder")


def placeholder_trigger(schema: Schema, name: str) -> Trigger | None:
    """A trigger doing nothing on the first table (``None`` when there is no table)."""
    if not schema.tables:
        return None
    table = sorted(schema.tables)[0]
    return Trigger(name, table, "BEFORE", "INSERT", "BEGIN\nEND", order=99)


def placeholder_event(name: str) -> Event:
    return Event(name, "EVERY 1 DAY", status="DISABLE", preserve=True, body="BEGIN\nEND",
                 comment="baseline placeholder")


def placeholder_sequence(name: str) -> Sequence:
    return Sequence(name, comment="baseline placeholder")


def fk_is_named(fk: ForeignKey, table: str, pattern: str) -> bool:
    """Whether a foreign key's name was given (not the server's ``<table>_ibfk_<n>``)."""
    prefix = pattern.format(table=table, n="")
    rest = fk.name[len(prefix):] if fk.name.startswith(prefix) else None
    return not (rest is not None and rest.isdigit())
