"""Rules of keys and foreign keys the server follows on its own: the index it
creates for a foreign key that has none, and which index can serve one."""
from __future__ import annotations


def implicit_fk_index_names(fk_name: str, columns: list[str]) -> set[str]:
    """Names the server gives the index it creates for a foreign key with no usable
    index: the constraint's name when it has one, else the first column's."""
    names = {fk_name.casefold()} if fk_name else set()
    if columns:
        names.add(columns[0].casefold())
    return names




def index_serves_fk(kind: str, parts: list[tuple[str | None, int | None]], fk_columns: list[str]) -> bool:
    """Can an index (``kind``, parts as ``(column, prefix length)``) serve a foreign
    key on ``fk_columns``? It must start with those columns, in order, without
    prefixes; FULLTEXT, SPATIAL and VECTOR indexes cannot."""
    if kind in ("FULLTEXT", "SPATIAL", "VECTOR") or len(parts) < len(fk_columns):
        return False
    for (col, length), want in zip(parts, fk_columns, strict=False):
        if col is None or length is not None or col.casefold() != want.casefold():
            return False
    return True
