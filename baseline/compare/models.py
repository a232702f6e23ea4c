"""Rules for comparing an app's Sequelize models with a database or a chain.

A ``sequelize:PATH`` SOURCE is what ``sync()`` of the models creates. Some of
what it shows is not a statement about the app's schema but about how
``sync()`` spells things, and some of what a database holds cannot be said in
a model at all. Reporting those would bury the real drift under noise, so each
is set aside by one of these rules, and every rule that applied is named in a
note (docs/sequelize-guide.md lists them):

1. **Names of keys and indexes.** ``sync()`` lets the server name foreign keys
   (``apps_ibfk_1``) and names a ``unique: true`` index after its column; a
   hand-written migration names them itself. A foreign key or index of the
   models that has the same definition as one of the other side (columns,
   prefix lengths, kind; referenced table and columns, ON DELETE/ON UPDATE) is
   compared under the other side's name. A definition that differs is drift.
2. **Column and key order.** ``sync()`` puts ``createdAt``/``updatedAt`` last
   and a model lists columns as the team likes; a chain appends every added
   column and key. The order of columns and of keys is not compared.
3. **Sequelize's timestamps** (``createdAt``, ``updatedAt``, ``deletedAt`` or
   their ``underscored`` names, as the model's options make them): Sequelize
   fills them from JavaScript, so ``sync()`` creates them without a DEFAULT or
   ON UPDATE; those two attributes of them are not compared (type and
   nullability are).
4. **What a model cannot define**: views, triggers, routines, events,
   sequences and CHECK constraints other than the ``json_valid`` check MariaDB
   gives a JSON column are left out, with their names in the note.
5. **sync()'s own duplicate unique keys**: for models with cyclic references
   ``sync()`` runs a second, ``alter`` pass that re-adds every ``unique: true``
   index under a new name (``email_2``); such an exact duplicate is dropped.
"""
from __future__ import annotations

import copy
import re

from ..model import Index, Schema, Table

RULE_NAMES = "names of keys and indexes"
RULE_ORDER = "column order"
RULE_TIMESTAMPS = "timestamp defaults"
RULE_UNDEFINABLE = "objects a model cannot define"
RULE_DUPLICATES = "sync()'s duplicate unique keys"


def align_with_models(models: Schema, other: Schema) -> tuple[Schema, Schema, list[str]]:
    """``(models', other', notes)``: both sides with the rules above applied
    (copies; the inputs are not changed). ``models`` is a schema read from a
    ``sequelize:`` SOURCE (it carries :attr:`Schema.models`)."""
    m, o = copy.deepcopy(models), copy.deepcopy(other)
    notes: list[str] = []
    renamed: list[str] = []
    timestamps: list[str] = []
    duplicates = _drop_sync_duplicates(m)
    for name, tm in m.tables.items():
        to = _table(o, name)
        if to is None:
            continue
        renamed += _take_names(tm, to)
        _follow_key_order(tm, to)
        origin = m.models.tables.get(name) if m.models is not None else None
        for col_name in (origin.timestamps if origin else ()):
            cm, co = _column(tm, col_name), _column(to, col_name)
            if cm is None or co is None:
                continue
            if (cm.default, cm.on_update) != (co.default, co.on_update):
                timestamps.append(f"{name}.{co.name}")
                cm.default, cm.on_update = co.default, co.on_update
    left_out = _drop_undefinable(o) + _drop_undefinable(m)
    if renamed:
        notes.append(f"models: {len(renamed)} foreign key(s) and index(es) that sync() names otherwise are "
                     f"compared by definition under the other side's names ({_shown(renamed)})")
    if timestamps:
        notes.append("models: DEFAULT/ON UPDATE of Sequelize's timestamp columns are not compared "
                     f"(Sequelize sets them itself): {_shown(timestamps)}")
    if duplicates:
        notes.append("models: sync()'s alter pass for cyclic references duplicated unique keys, "
                     f"set aside: {_shown(duplicates)}")
    if left_out:
        notes.append(f"models: not compared, a Sequelize model cannot define them: {_shown(left_out)}")
    notes.append("models: the order of columns and keys is not compared (sync() puts timestamps last, "
                 "a chain appends)")
    return m, o, notes


def _shown(items: list[str], limit: int = 8) -> str:
    items = sorted(set(items), key=str.casefold)
    text = ", ".join(items[:limit])
    return text + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _table(schema: Schema, name: str) -> Table | None:
    return schema.tables.get(name) or next((t for k, t in schema.tables.items() if k.casefold() == name.casefold()),
                                           None)


def _column(table: Table, name: str):
    return next((c for c in table.columns if c.name.casefold() == name.casefold()), None)


def _index_shape(ix: Index) -> tuple:
    return (ix.kind, tuple((p.column or "").casefold() for p in ix.parts), tuple(p.length for p in ix.parts),
            tuple(p.expression for p in ix.parts), tuple(p.descending for p in ix.parts))


def _fk_shape(fk) -> tuple:
    return (tuple(c.casefold() for c in fk.columns), fk.ref_table.casefold(),
            tuple(c.casefold() for c in fk.ref_columns), fk.on_delete, fk.on_update)


def _follow_key_order(tm: Table, to: Table) -> None:
    """Rule 2 for keys: ``tm``'s indexes in ``to``'s order (those ``to`` lacks last)."""
    place = {ix.name.casefold(): i for i, ix in enumerate(to.indexes)}
    tm.indexes.sort(key=lambda ix: place.get(ix.name.casefold(), len(place)))


def _take_names(tm: Table, to: Table) -> list[str]:
    """Give ``tm``'s foreign keys and indexes the names of ``to``'s ones with the
    same definition, where the names differ (rule 1)."""
    out: list[str] = []
    for attr, shape, loose_shape in (("foreign_keys", _fk_shape, lambda fk: _fk_shape(fk)[:3]),
                                     ("indexes", _index_shape, lambda ix: _index_shape(ix)[1:])):
        mine, theirs = getattr(tm, attr), getattr(to, attr)
        their_names = {x.name.casefold() for x in theirs}
        my_names = {x.name.casefold() for x in mine}
        free = [x for x in theirs if x.name.casefold() not in my_names]
        for x in mine:
            if x.name.casefold() in their_names or getattr(x, "kind", None) == "PRIMARY":
                continue
            match = next((y for y in free if shape(y) == shape(x)), None)
            if match is not None:
                free.remove(match)
                out.append(f"{tm.name}.{x.name} as {match.name}")
                x.name = match.name
        # then the same columns (and referenced ones) with another rule or kind, one
        # on each side: the same key changed, reported by the attribute that differs
        # (a model's ``onDelete``), not as one key gone and another come
        mine_left = [x for x in mine if x.name.casefold() not in their_names and getattr(x, "kind", None) != "PRIMARY"]
        free = [x for x in theirs if x.name.casefold() not in {m.name.casefold() for m in mine}]
        for x in mine_left:
            loose = [y for y in free if loose_shape(y) == loose_shape(x)]
            if len(loose) == 1 and sum(loose_shape(m) == loose_shape(x) for m in mine_left) == 1:
                free.remove(loose[0])
                out.append(f"{tm.name}.{x.name} as {loose[0].name}")
                x.name = loose[0].name
    return out


_JSON_CHECK = re.compile(r"^json_valid\(`[^`]+`\)$", re.I)


def _drop_undefinable(schema: Schema) -> list[str]:
    out = [f"view {n}" for n in schema.views] + [f"trigger {n}" for n in schema.triggers]
    out += [f"{r.kind.lower()} {r.name}" for r in schema.routines.values()]
    out += [f"event {n}" for n in schema.events] + [f"sequence {n}" for n in schema.sequences]
    schema.views.clear()
    schema.triggers.clear()
    schema.routines.clear()
    schema.events.clear()
    schema.sequences.clear()
    for t in schema.tables.values():
        kept = []
        for c in t.checks:
            if _JSON_CHECK.match(c.expression.strip()):
                kept.append(c)
            else:
                out.append(f"check {t.name}.{c.name}")
        t.checks = kept
    return out


_ALTER_UNIQUE = re.compile(r"^ALTER TABLE `((?:[^`]|``)+)` CHANGE `((?:[^`]|``)+)` `(?:[^`]|``)+` .*\bUNIQUE\b",
                           re.I | re.S)


def _drop_sync_duplicates(m: Schema) -> list[str]:
    """Rule 5: unique keys ``col_N`` that repeat ``col`` exactly, on columns that
    sync()'s alter pass changed with UNIQUE."""
    if m.models is None:
        return []
    changed: set[tuple[str, str]] = set()
    for sql in m.models.statements:
        hit = _ALTER_UNIQUE.match(sql.strip())
        if hit:
            changed.add((hit.group(1).replace("``", "`").casefold(), hit.group(2).replace("``", "`").casefold()))
    out = []
    for t in m.tables.values():
        keep = []
        seen: dict[tuple, str] = {}
        for ix in t.indexes:
            shape = _index_shape(ix)
            cols = shape[1]
            dup_of = seen.get(shape)
            if (dup_of is not None and ix.kind == "UNIQUE" and len(cols) == 1 and (t.name.casefold(), cols[0]) in changed
                    and re.fullmatch(re.escape(dup_of) + r"_\d+", ix.name, re.I)):
                out.append(f"{t.name}.{ix.name}")
                continue
            seen.setdefault(shape, ix.name)
            keep.append(ix)
        t.indexes = keep
    return out


def with_model_refs(differences, synced) -> list:
    """Each difference of a table the models define, with where that model is
    (:attr:`Difference.model`)."""
    from dataclasses import replace

    from ..chain.refs import MigrationRef

    by_table = {name.casefold(): origin for name, origin in synced.tables.items()}
    out = []
    for d in differences:
        origin = by_table.get(d.owner[1].casefold()) if d.owner[0] == "table" else None
        if origin is not None:
            d = replace(d, model=MigrationRef(migration=origin.model, path=origin.file or "", line=origin.line))
        out.append(d)
    return out
