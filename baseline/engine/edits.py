"""Small, exact edits of a model table that undoing a migration needs.

Each does what the server does when the corresponding forward change happens,
so that undoing it leaves every reference consistent: renaming a column renames
it in the table's keys, foreign keys (both sides) and CHECK / generated
expressions (token-aware, so ``a`` in ```a` + 1`` is renamed but not the string
``'a'``); removing a column removes it from keys; whether a key *serves* a
foreign key follows the server's rule (its leading columns are the key's, with
no prefix lengths).
"""
from __future__ import annotations

from .keys import index_serves_fk
from ..flavor import Flavor
from ..model import Column, ForeignKey, Index, IndexPart, Schema, Table
from .builder import is_prefix_of as is_prefix_of  # re-exported: engine/undo.py calls E.is_prefix_of
from .builder import checks_after_drop, rename_column_in_table, rename_referenced_column


def rename_column(schema: Schema, table: Table, column: Column, new: str, flavor: Flavor) -> None:
    """Rename ``column`` of ``table`` to ``new`` everywhere the server would."""
    old = column.name
    column.name = new
    rename_column_in_table(table, old, new, flavor)
    rename_referenced_column(schema, table.name, old, new)


def remove_column(table: Table, column: Column) -> list[Index]:
    """Remove ``column`` and what cannot exist without it; returns the keys that disappeared."""
    k = column.key
    table.columns = [c for c in table.columns if c is not column]
    gone = []
    for idx in list(table.indexes):
        parts = [p for p in idx.parts if p.column is None or p.column.casefold() != k]
        if not parts:
            table.indexes.remove(idx)
            gone.append(idx)
        else:
            idx.parts = parts
    table.checks = checks_after_drop(table, column)
    table.foreign_keys = [fk for fk in table.foreign_keys if all(c.casefold() != k for c in fk.columns)]
    return gone


def serves(idx: Index, columns: list[str]) -> bool:
    """Whether ``idx`` can serve a foreign key over ``columns`` (``flavor.index_serves_fk``)."""
    return index_serves_fk(idx.kind, [(p.column, p.length) for p in idx.parts], columns)


def is_served(table: Table, fk: ForeignKey, *, without: Index | None = None) -> bool:
    return any(serves(i, fk.columns) for i in table.indexes if i is not without)


def plain_on(idx: Index, columns: list[str]) -> bool:
    """A plain key on exactly ``columns`` (the shape of an implicit foreign-key index)."""
    return (idx.kind == "INDEX" and len(idx.parts) == len(columns) and serves(idx, columns)
            and not any(p.descending for p in idx.parts))


def unique_index_name(table: Table, base: str) -> str:
    """``base``, or ``base_2``, ``base_3``... whichever is free (the server's rule)."""
    names = {i.key for i in table.indexes}
    if base.casefold() not in names and base.casefold() != "primary":
        return base
    n = 2
    while f"{base}_{n}".casefold() in names:
        n += 1
    return f"{base}_{n}"


def implicit_index(table: Table, fk: ForeignKey, named: bool) -> Index:
    """The index the server creates for ``fk``: after the constraint when it was named,
    else after its first column."""
    name = fk.name if named else unique_index_name(table, fk.columns[0])
    return Index(name, "INDEX", [IndexPart(c) for c in fk.columns])


def place_column(table: Table, column: Column, after: str | None, first: bool = False) -> None:
    """Insert ``column`` after ``after`` (or first, or last when ``after`` is gone)."""
    if first:
        table.columns.insert(0, column)
        return
    if after is not None:
        k = after.casefold()
        for i, c in enumerate(table.columns):
            if c.key == k:
                table.columns.insert(i + 1, column)
                return
    table.columns.append(column)


def describe_fk(fk: ForeignKey) -> str:
    """``(nid) REFERENCES networks (id) ON DELETE CASCADE``: for messages."""
    out = f"({', '.join(fk.columns)}) REFERENCES {fk.ref_table} ({', '.join(fk.ref_columns)})"
    for what, action in (("DELETE", fk.on_delete), ("UPDATE", fk.on_update)):
        if action not in ("RESTRICT", "NO ACTION"):
            out += f" ON {what} {action}"
    return out


def describe_column(c: Column) -> str:
    """``decimal(5,2) NULL``, ``varchar(64) NOT NULL DEFAULT 'x'``: for messages."""
    out = c.type + (" unsigned" if c.unsigned else "")
    out += " NULL" if c.nullable else " NOT NULL"
    if c.default is not None and c.default != "NULL":
        out += f" DEFAULT {c.default}"
    return out
