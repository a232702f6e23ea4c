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
  doing nothing, a disabled event, a default sequence;
* a CHECK constraint: ``CHECK (true)``;
* a foreign key: it cannot be permissive (every row must satisfy it), so it is
  the most likely definition, see :func:`placeholder_fk`.
"""
from __future__ import annotations

import copy
import re
from collections import Counter

from ..model import Check, Column, Event, ForeignKey, Index, IndexPart, Routine, Schema, Sequence, Table, Trigger, View
from .tablestate import GHOST_TYPE

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


def take_type(col: Column, like: Column) -> None:
    """Give a placeholder column the type of the column a key joins it to."""
    col.type, col.unsigned, col.charset, col.collation = like.type, like.unsigned, like.charset, like.collation


def key_referenced_placeholders(schema: Schema) -> list[str]:
    """A placeholder table that a foreign key references gets a UNIQUE key on the
    referenced columns (MySQL 8.4+ accepts a reference to nothing else), and its
    unknown columns the referencing columns' types; returns ``table.key`` names made."""
    made = []
    for t in sorted(schema.tables.values(), key=lambda t: t.name):
        for fk in t.foreign_keys:
            target = schema.table(fk.ref_table) if fk.ref_schema is None else None
            if target is None or not (target.comment or "").startswith("baseline placeholder"):
                continue
            cols = [target.column(c) for c in fk.ref_columns]
            if None in cols:
                continue
            for mine, col in zip(fk.columns, cols, strict=False):
                src = t.column(mine)
                if src is not None and col.type == GHOST_TYPE:
                    take_type(col, src)
            want = [c.key for c in cols]
            if any(i.kind in ("PRIMARY", "UNIQUE") and [(p.column or "").casefold() for p in i.parts] == want
                   and not any(p.length for p in i.parts) for i in target.indexes):
                continue
            n = 1
            while target.index(f"baseline_placeholder_{n}") is not None:
                n += 1
            target.indexes.append(Index(f"baseline_placeholder_{n}", "UNIQUE", [IndexPart(c.name) for c in cols],
                                        comment="baseline placeholder"))
            made.append(f"{target.name}.baseline_placeholder_{n}")
    return made


def placeholder_index(table: Table, name: str, same_name_fk: ForeignKey | None = None) -> Index | None:
    """A key named ``name`` on a column of ``table`` (on the columns of a foreign key
    that has no index left, which the dropped key must have served; on those of
    ``same_name_fk``, a key of its name the chain adds again later, whose index the
    server named after it); ``None`` when the table has no column."""
    if not table.columns:
        return None
    if same_name_fk is not None and name.upper() != "PRIMARY" and all(table.column(c) for c in same_name_fk.columns):
        return Index(name, "INDEX", [IndexPart(c) for c in same_name_fk.columns], comment="baseline placeholder")
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
    # a key named after a column is most likely on it (servers name a foreign key's index
    # so), one that spells columns on them (`variants_flag_key_key` -> flag_key, key)
    # only columns a plain key takes whole: not JSON (MySQL refuses it), BLOB/TEXT
    # (a key needs a prefix length there) or spatial ones
    spelled = [c for c in _spelled_columns(table, name) or [] if _plainly_indexable(table.column(c))]
    fallback = table.column(name) if _plainly_indexable(table.column(name)) else None
    fallback = fallback or next((c for c in table.columns if _plainly_indexable(c)), table.columns[0])
    cols = spelled or [fallback.name]
    return Index(name, "INDEX", [IndexPart(c) for c in cols], comment="baseline placeholder")


_NOT_PLAIN = re.compile(r"^\s*(json|(tiny|medium|long)?(blob|text)|geometry|point|linestring|polygon|multi\w+|"
                        r"geometrycollection|vector)\b", re.I)


def _plainly_indexable(col) -> bool:
    return col is not None and not _NOT_PLAIN.match(col.type)


def _spelled_columns(table: Table, name: str) -> list[str] | None:
    """The columns an index name spells after the table's name (``<table>_a_b``,
    ``idx_<table>_a``, with or without a ``_key``/``_idx``/``_index``/``_unique``
    suffix), each column whole; ``None`` when it spells none."""
    low = name.casefold()
    rests = []
    # every tail after an underscore, longest first: `sp_idx_rollout_group_parent` -> `parent`
    tails = [low] + [low[i + 1:] for i, ch in enumerate(low) if ch == "_" and i + 1 < len(low)]
    for rest in tails:
        if rest:
            rests.append(rest)
            for suffix in ("_key", "_idx", "_index", "_unique", "_uniq", "_uk", "_fk"):
                if rest.endswith(suffix) and len(rest) > len(suffix):
                    rests.append(rest[: -len(suffix)])
    by_key = {c.key: c.name for c in table.columns}

    def split(rest: str) -> list[str] | None:
        if rest in by_key:
            return [by_key[rest]]
        for i, ch in enumerate(rest):
            if ch == "_" and rest[:i] in by_key:
                tail = split(rest[i + 1:])
                if tail is not None:
                    return [by_key[rest[:i]]] + tail
        return None

    for rest in rests:
        found = split(rest)
        if found and len(found) == len(set(found)):
            return found
    return None


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


def placeholder_check(schema: Schema, table: Table, name: str, rules) -> Check | None:
    """A CHECK named ``name`` that admits every row (``CHECK (true)``), standing in
    for a constraint the chain drops (``DROP CHECK`` / ``DROP CONSTRAINT``)
    without defining it; ``None`` where the server has no CHECK constraints or
    the name is taken (MySQL's check names are unique in the schema)."""
    if not rules.check_constraints:
        return None
    for other in schema.tables.values():
        if any(c.key == name.casefold() for c in other.checks) or \
                other is table and (other.foreign_key(name) or other.index(name)):
            return None
    return Check(name, "true")


def placeholder_fk(schema: Schema, table: Table, name: str, readded: tuple[ForeignKey, str] | None,
                   siblings: list[ForeignKey] = (), paired: ForeignKey | None = None,
                   fk_pattern: str = "{table}_ibfk_{n}") -> tuple[ForeignKey, str] | None:
    """A foreign key named ``name`` on ``table`` for the baseline, where the
    chain drops one it never defined; ``(key, why it was chosen)`` or ``None``.

    A foreign key cannot be made harmless the way a column can: it constrains
    every row, needs an index and matching types, and blocks changes to its
    columns. A key on the table's own primary key referencing itself would be
    the most neutral, but MySQL 8.4+ refuses it (a referenced key must be
    another unique key) and MariaDB rejects the first row inserted. So the
    placeholder is the key as it most likely was:

    1. the definition the chain gives a key of this name when it adds it again
       later (a migration that drops a key to re-create it: the common case);
    2. else the key the same statement adds in its place: paired in order when
       it drops as many keys as it adds (``paired``), or one added over a column
       named in the dropped key's name (a key renamed: ``DROP FOREIGN KEY old_name, ADD
       CONSTRAINT new_name FOREIGN KEY (identity_id) …``);
    3. else, when a column of the table is named in the key's name
       (``apps_accountId_fk``, ``…_nid_fk_idx``), the reference other tables make
       from a column of that name (``nid`` -> ``networks (id)``), the most common
       one, if its target exists with a key on the referenced columns;
    4. else a guessed reference, see :func:`_guessed_reference`.
    """
    if readded is not None:
        fk, where = readded
        fk = copy.deepcopy(fk)
        fk.name = name
        if _target_ok(schema, table, fk):
            return fk, f"the definition {where} gives it again"
    if paired is not None:
        fk = copy.deepcopy(paired)
        fk.name = name
        if _target_ok(schema, table, fk):
            return fk, f"the definition of `{paired.name}`, which the same statement adds in its place"
    named = [col for col in table.columns if names_column(name, col.name)]
    for sibling in siblings:
        if len(sibling.columns) == 1 and any(sibling.columns[0].casefold() == c.key for c in named):
            fk = copy.deepcopy(sibling)
            fk.name = name
            if _target_ok(schema, table, fk):
                return fk, f"the definition of `{sibling.name}`, which the same statement adds in its place"
    for col in named:
        refs = Counter((fk.ref_table, tuple(fk.ref_columns), fk.on_delete, fk.on_update)
                       for other in schema.tables.values() for fk in other.foreign_keys
                       if fk.ref_schema is None and [c.casefold() for c in fk.columns] == [col.key])
        for (ref_table, ref_columns, on_delete, on_update), _n in refs.most_common():
            fk = ForeignKey(name, [col.name], ref_table, list(ref_columns), on_delete=on_delete,
                            on_update=on_update)
            if _target_ok(schema, table, fk):
                return fk, f"the reference other tables make from a column `{col.name}` (named in the key's name)"
    return _guessed_reference(schema, table, name, fk_pattern)


def _guessed_reference(schema: Schema, table: Table, name: str,
                       fk_pattern: str = "{table}_ibfk_{n}") -> tuple[ForeignKey, str] | None:
    """Rule 4 of :func:`placeholder_fk`: a column the key's name points at
    (``posts_owner_fk`` -> ``ownerId``, ``fk_author`` -> ``author_id``), or the
    one column of an index of the key's name (the index the server made for it
    outlives the key), that an
    index already leads (so the server adds none the DROP would leave behind),
    referencing the single-column primary key of the table its stem names
    (``author`` -> ``authors``) or, failing that, of its own table: a key
    every server accepts on an empty database and that constrains nothing else."""
    key_words = _words(name)
    # the index the server made for the key keeps its name after the DROP
    own = next((idx for idx in table.indexes if idx.name.casefold() == name.casefold() and len(idx.parts) == 1
                and idx.parts[0].column), None)
    # a name the server gave (`t_ibfk_2`): its column is one an index leads that no
    # foreign key of the table uses (the key's index outlived it)
    server_named = not fk_is_named(ForeignKey(name, [], table.name, []), table.name, fk_pattern)
    throwaway = (table.comment or "").startswith("baseline placeholder")
    used = {fk.columns[0].casefold() for fk in table.foreign_keys if fk.columns}
    for col in table.columns:
        words = _words(col.name)
        stem = words[:-1] if len(words) > 1 and words[-1] in ("id", "uuid", "key", "fk") else words
        leftover = server_named and col.key not in used and any(
            idx.kind != "PRIMARY" and idx.parts and (idx.parts[0].column or "").casefold() == col.key
            for idx in table.indexes)
        if not stem or not (_run_in(stem, key_words) or _abbreviated_in(stem, key_words) or leftover
                            or own is not None and own.parts[0].column.casefold() == col.key):
            continue
        # a table the chain drops later may get the index the key makes: the DROP TABLE takes it
        if not throwaway and not any(idx.parts and idx.parts[0].column and idx.parts[0].column.casefold() == col.key
                                     for idx in table.indexes):
            continue
        joined = "_".join(stem)
        wanted = {joined, joined + "s", joined + "es", joined[:-1] + "ies" if joined.endswith("y") else joined}
        targets = sorted((t for t in schema.tables.values()
                          if t.name.casefold() in wanted or any(t.name.casefold().endswith("_" + w) for w in wanted)),
                         key=lambda t: (t.name.casefold() not in wanted, t.name))
        for target, why in [(t, f"the table `{t.name}` its column `{col.name}` names") for t in targets] + \
                [(table, f"its own table (nothing names another one), from the column `{col.name}` the key's "
                         f"name points at")]:
            pk = next((idx for idx in target.indexes if idx.kind == "PRIMARY"), None)
            if pk is None or len(pk.parts) != 1 or not pk.parts[0].column:
                continue
            ref = target.column(pk.parts[0].column)
            ghost = col.type == GHOST_TYPE and (throwaway or (col.comment or "").startswith("baseline placeholder"))
            if ref is None or ref.key == col.key and target is table or not (ghost or _same_type(col, ref)):
                continue
            fk = ForeignKey(name, [col.name], target.name, [ref.name])
            if _target_ok(schema, table, fk):
                return fk, f"a guessed reference to {why}"
    return _composite_reference(schema, table, name) if server_named else None


def _composite_reference(schema: Schema, table: Table, name: str) -> tuple[ForeignKey, str] | None:
    """For a server-named key (``t_ibfk_3``): the columns of an index no foreign key
    of the table has, referencing the primary key (as many columns, of the same
    types) of the table one of them names (``(namespace_key, segment_key)`` ->
    ``segments (namespace_key, key)``)."""
    have = {tuple(c.casefold() for c in fk.columns) for fk in table.foreign_keys}
    for idx in table.indexes:
        cols = [table.column(p.column) for p in idx.parts if p.column and not p.length]
        if idx.kind == "PRIMARY" or len(cols) < 2 or len(cols) != len(idx.parts) or None in cols \
                or tuple(c.key for c in cols) in have:
            continue
        for col in reversed(cols):
            words = _words(col.name)
            stem = "_".join(words[:-1] if len(words) > 1 and words[-1] in ("id", "uuid", "key") else words)
            for target in sorted(schema.tables.values(), key=lambda t: t.name):
                if target is table or target.name.casefold() not in (stem, stem + "s", stem + "es"):
                    continue
                pk = next((i for i in target.indexes if i.kind == "PRIMARY"), None)
                refs = [target.column(p.column) for p in pk.parts] if pk and all(p.column for p in pk.parts) else []
                if len(refs) != len(cols) or None in refs or not all(_same_type(a, b) for a, b in zip(cols, refs, strict=True)):
                    continue
                fk = ForeignKey(name, [c.name for c in cols], target.name, [r.name for r in refs])
                if _target_ok(schema, table, fk):
                    return fk, (f"a guessed reference from the columns of index `{idx.name}` to the table "
                                f"`{target.name}` its column `{col.name}` names")
    return None


def names_column(name: str, column: str) -> bool:
    """Whether an object's name spells ``column`` as a run of its words
    (``identity_recovery_tokens_identity_id_fk`` names ``identity_id``)."""
    want = _words(column)
    return bool(want) and _run_in(want, _words(name))


def _words(text: str) -> list[str]:
    """``ownerId`` / ``owner_id`` / ``OwnerID`` -> ``['owner', 'id']``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return [w.casefold() for w in re.split(r"[^0-9A-Za-z]+", spaced) if w]


def _abbreviated_in(want: list[str], words: list[str]) -> bool:
    """``want`` as a run of ``words`` where a word may be cut short (three letters
    at least): ``target`` in ``fk_targ_stat_targ``."""
    return any(all(k == w or len(k) >= 3 and w.startswith(k) for k, w in zip(words[i:i + len(want)], want, strict=True))
               for i in range(len(words) - len(want) + 1))


def _run_in(want: list[str], words: list[str]) -> bool:
    return any(words[i:i + len(want)] == want for i in range(len(words) - len(want) + 1))


def _same_type(a: Column, b: Column) -> bool:
    """Types InnoDB lets a foreign key join: same type and sign, same character
    set for text (display widths aside)."""
    base = lambda c: re.sub(r"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)", r"\1", c.type.casefold())  # noqa: E731
    return base(a) == base(b) and a.unsigned == b.unsigned and (a.charset or "") == (b.charset or "")




def _target_ok(schema: Schema, table: Table, fk: ForeignKey) -> bool:
    """The referenced table exists here with a key starting with the referenced
    columns, and every column exists on both sides."""
    target = table if fk.ref_table.casefold() == table.name.casefold() else schema.table(fk.ref_table)
    if target is None or any(table.column(c) is None for c in fk.columns) \
            or any(target.column(c) is None for c in fk.ref_columns):
        return False
    want = [c.casefold() for c in fk.ref_columns]
    return any([p.column.casefold() if p.column else None for p in idx.parts[:len(want)]] == want
               for idx in target.indexes if idx.kind in ("PRIMARY", "UNIQUE", "INDEX"))
