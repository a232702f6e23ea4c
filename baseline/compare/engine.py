"""The comparison: two models in, a deterministic list of :class:`Difference` out.

Both sides are first put in canonical spelling (:mod:`.canonical`); then the
models are walked *generically*: every dataclass field that the model marks as
compared (``dataclasses.fields`` + ``compare=False`` metadata, see
:func:`baseline.model.comparable_fields`) is compared, so a field added to the
model is compared without touching this file. Only what needs identity or
structure has a handler here: child objects matched by name (columns, indexes,
foreign keys, CHECKs, partitions), index parts, routine parameters. Rules that
need both sides at once are looked up in :data:`PAIR_RULES`; their logic lives in
:mod:`baseline.flavor`.

Order: the schema's own attributes, then tables, sequences, views, routines,
triggers, events (the model's creation order), objects by name; inside an object
its own attributes in declaration order, then its children.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Callable

from .. import flavor as fl
from ..engine import keys, spellings as SP
from ..chain.refs import TouchKey
from ..model import KIND_NAMES, KINDS, Check, Column, Event, Index, IndexPart, Param, Partitioning, Routine, \
    Schema, Sequence, Table, Trigger, View, object_name
from ..render.ddl import index_part_sql
from .canonical import canonical_head, canonical_object, rules_of
from .differences import EXISTS, CompareOptions, Difference

SCHEMA_OWNER: TouchKey = ("schema", "")


def _absent_is_unknown(a, b):
    """A value one side does not record is not a difference (MySQL keeps a view's
    explicit column list, MariaDB folds it into the SELECT)."""
    if a is None or b is None:
        return None, None
    return a, b


#: Equivalences that need both values at once: ``(model class, field) -> rule``.
PAIR_RULES: dict[tuple[type, str], Callable[[Any, Any], tuple[Any, Any]]] = {
    (Column, "type"): SP.display_width_pair,
    (Routine, "returns"): SP.display_width_pair,
    (Sequence, "value_type"): SP.display_width_pair,
    (View, "columns"): _absent_is_unknown,
    (Routine, "params_text"): _absent_is_unknown,
    (Trigger, "head"): _absent_is_unknown,
    **{(cls, f): _absent_is_unknown for cls in (View, Routine, Trigger, Event)
       for f in ("client_charset", "connection_collation")},
}

#: Fields only some flavors record: compared only when both sides' rules say so.
RECORDED_WHEN: dict[tuple[type, str], str] = {
    (Check, "column_level"): "check_level_recorded",
    (Column, "collation_explicit"): "column_collation_explicit_recorded",
    (Trigger, "head"): "trigger_head_as_written",
}


#: Fields that spell out, as the server keeps the text, what other fields say:
#: their difference is reported only where those others agree (a trigger
#: re-created BEFORE instead of AFTER differs in timing, not also in its head).
SPELLING_OF: dict[tuple[type, str], tuple[str, ...]] = {
    (Trigger, "head"): ("name", "table", "timing", "event"),
    (Routine, "params_text"): ("params",),
}


@dataclass(frozen=True)
class _Pair:
    """An object as the user has it (``orig``) and in canonical spelling (``canon``)."""

    orig: Any
    canon: Any


def compare(a: Schema, b: Schema, options: CompareOptions | None = None) -> list[Difference]:
    """Every difference between ``a`` and ``b``, in a deterministic order."""
    return _Walker(a, b, options or CompareOptions()).run()


def compared_objects(a: Schema, b: Schema) -> list[TouchKey]:
    """The schema and every top-level object of either side, as touch keys, in report order."""
    out: list[TouchKey] = [SCHEMA_OWNER]
    for kind in KINDS:
        ca, cb = getattr(a, kind), getattr(b, kind)
        for key in sorted(set(ca) | set(cb), key=_sort_key):
            obj = ca.get(key) or cb.get(key)
            out.append((KIND_NAMES[kind], object_name(kind, obj)))
    return out


def _sort_key(k):
    return (k,) if isinstance(k, str) else tuple(k)


def _relations(s: Schema) -> set[str]:
    """Case-folded names a view's ``db.name`` may qualify: tables, views, sequences."""
    return {n.casefold() for coll in (s.tables, s.views, s.sequences) for n in coll}


class _Walker:
    def __init__(self, a: Schema, b: Schema, options: CompareOptions):
        self.options = options
        self.a, self.b = a, b
        self.ca, self.cb = canonical_head(a), canonical_head(b)
        self.ra, self.rb = rules_of(a), rules_of(b)
        self.relations_a, self.relations_b = _relations(a), _relations(b)
        # Identical objects need no comparing when nothing else tells the two sides
        # apart: same flavor rules, same database defaults (what unnamed charsets
        # inherit). The databases' names matter only to objects that mention one
        # (own-schema qualifiers are removed), so those are always compared.
        self.same_context = (self.ra == self.rb and (self.ca.charset, self.ca.collation)
                             == (self.cb.charset, self.cb.collation))
        self.names = {n.casefold() for n in (a.name, b.name) if n} if a.name != b.name else set()
        self.out: list[Difference] = []
        self.children: dict[tuple[type, str], Callable] = {
            (Table, "columns"): self._columns,
            (Table, "indexes"): self._indexes,
            (Table, "foreign_keys"): self._foreign_keys,
            (Table, "checks"): self._checks,
            (Table, "partitioning"): self._partitioning,
            (Index, "parts"): self._parts,
            (Routine, "params"): self._params,
            (Partitioning, "partitions"): self._partitions,
        }

    # ------------------------------------------------------------------ driver

    def run(self) -> list[Difference]:
        self._fields("schema", (), SCHEMA_OWNER, _Pair(self.a, self.ca), _Pair(self.b, self.cb),
                     skip={"name", "flavor", *KINDS})
        for kind in KINDS:
            oa, ob = getattr(self.a, kind), getattr(self.b, kind)
            label = KIND_NAMES[kind]
            for key in sorted(set(oa) | set(ob), key=_sort_key):
                obj = oa.get(key) or ob.get(key)
                name = object_name(kind, obj)
                owner = (label, name)
                if key not in ob or key not in oa:
                    self._exists(label, (name,), owner, key in oa)
                    continue
                if self._identical(oa[key], ob[key]):
                    continue
                self._fields(label, (name,), owner,
                             _Pair(oa[key], canonical_object(kind, oa[key], self.ca, self.relations_a,
                                                             (self.b.name,))),
                             _Pair(ob[key], canonical_object(kind, ob[key], self.cb, self.relations_b,
                                                             (self.a.name,))))
        return self.out

    def _identical(self, x, y) -> bool:
        """Equal as dataclasses in the same context (canonicalizing both the same way
        cannot make them differ), fields left out of the comparison aside: a table
        whose AUTO_INCREMENT counter alone differs (a production table beside its
        rebuilt copy: every table with rows) is identical without a field walk."""
        if not self.same_context:
            return False
        if x != y:
            left_out = {f.name for f in _fields_of(type(x))
                        if not f.metadata.get("compare", True) and not self.options.included(f.name)}
            if not left_out or any(getattr(x, f.name) != getattr(y, f.name) for f in fields(x)
                                   if f.compare and f.name not in left_out):
                return False
        if self.names:
            text = repr(x).casefold()
            return not any(n in text for n in self.names)
        return True

    # ------------------------------------------------------------------ generic

    def _compared(self, cls: type, f) -> bool:
        if not f.metadata.get("compare", True) and not self.options.included(f.name):
            return False
        recorded = RECORDED_WHEN.get((cls, f.name))
        if recorded and not (getattr(self.ra, recorded) and getattr(self.rb, recorded)):
            return False
        return True

    def _fields(self, kind: str, path: tuple[str, ...], owner: TouchKey, A: _Pair, B: _Pair,
                skip=frozenset()) -> None:
        """Compare every compared field of one object: own values first, then children."""
        cls = type(A.canon)
        later = []
        for f in _fields_of(cls):
            if f.name in skip or not self._compared(cls, f):
                continue
            handler = self.children.get((cls, f.name))
            if handler is not None:
                later.append(handler)
                continue
            va, vb = getattr(A.canon, f.name), getattr(B.canon, f.name)
            spelled = SPELLING_OF.get((cls, f.name), ())
            if any(getattr(A.canon, x) != getattr(B.canon, x) for x in spelled):
                continue
            rule = PAIR_RULES.get((cls, f.name))
            if rule is not None:
                va, vb = rule(va, vb)
            oa, ob = getattr(A.orig, f.name), getattr(B.orig, f.name)
            if isinstance(va, dict) or isinstance(vb, dict):
                self._mapping(kind, path, owner, f.name, oa or {}, ob or {}, va or {}, vb or {})
            elif va != vb:
                self._report(kind, path, owner, f.name, oa, ob, va, vb)
        for handler in later:
            handler(kind, path, owner, A, B)

    def _mapping(self, kind, path, owner, name, oa: dict, ob: dict, va: dict, vb: dict) -> None:
        """Option dicts: one difference per key (``options.row_format``)."""
        ka = {k.lower(): k for k in oa}
        kb = {k.lower(): k for k in ob}
        for key in sorted(set(va) | set(vb)):
            if va.get(key) != vb.get(key):
                self._report(kind, path, owner, f"{name}.{key}",
                             oa.get(ka.get(key, key)), ob.get(kb.get(key, key)), va.get(key), vb.get(key))

    def _report(self, kind, path, owner, attribute, oa, ob, va, vb) -> None:
        # Show what the user has; where a side leaves a value implied (a table
        # collation), show what it implies; and if the originals read the same (the
        # difference only appears after canonicalization, e.g. JSON storage), show
        # the canonical values.
        if _plain(oa) == _plain(ob):
            oa, ob = va, vb
        oa = va if oa is None else oa
        ob = vb if ob is None else ob
        self.out.append(Difference(kind, path, attribute, _plain(oa), _plain(ob), owner))

    def _exists(self, kind, path, owner, in_a: bool) -> None:
        self.out.append(Difference(kind, path, EXISTS, in_a, not in_a, owner))

    def _named(self, kind, path, owner, orig_a, canon_a, orig_b, canon_b, *, by_name: bool,
               skip_a=frozenset(), skip_b=frozenset(), alias_b=None, unnamed_pairs=frozenset()) -> None:
        """Children matched by key; ``by_name`` orders them by name, else A's order then B's."""
        alias_b = alias_b or {}
        oa = {c.key: c for c in orig_a}
        ob = {c.key: c for c in orig_b}
        ca = {c.key: c for c in canon_a if c.key not in skip_a}
        cb = {alias_b.get(c.key, c.key): c for c in canon_b if c.key not in skip_b}
        ob = {alias_b.get(k, k): v for k, v in ob.items()}
        keys = list(ca) + [k for k in cb if k not in ca]
        if by_name:
            keys.sort()
        for k in keys:
            name = (oa.get(k) or ob.get(k)).name
            if k not in ca or k not in cb:
                self._exists(kind, path + (name,), owner, k in ca)
                continue
            skip = {"name"} if k in unnamed_pairs else frozenset()
            self._fields(kind, path + (name,), owner, _Pair(oa[k], ca[k]), _Pair(ob[k], cb[k]), skip=skip)

    # ------------------------------------------------------------------ tables

    def _columns(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        if not self.options.ignore_column_order:
            ka = [c.key for c in A.canon.columns]
            kb = [c.key for c in B.canon.columns]
            common = set(ka) & set(kb)
            order_a = [k for k in ka if k in common]
            order_b = [k for k in kb if k in common]
            if order_a != order_b:
                na = {c.key: c.name for c in A.orig.columns}
                nb = {c.key: c.name for c in B.orig.columns}
                self.out.append(Difference("table", path, "column order", [na[k] for k in order_a],
                                           [nb[k] for k in order_b], owner))
        self._named("column", path, owner, A.orig.columns, A.canon.columns, B.orig.columns, B.canon.columns,
                    by_name=False)

    def _indexes(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        keys_a = {i.key for i in A.canon.indexes}
        keys_b = {i.key for i in B.canon.indexes}
        skip_a = {i.key for i in A.canon.indexes
                  if i.key not in keys_b and _implicit_fk_index(i, A.canon, B.canon)}
        skip_b = {i.key for i in B.canon.indexes
                  if i.key not in keys_a and _implicit_fk_index(i, B.canon, A.canon)}
        before = len(self.out)
        self._named("index", path, owner, A.orig.indexes, A.canon.indexes, B.orig.indexes, B.canon.indexes,
                    by_name=True, skip_a=skip_a, skip_b=skip_b)
        # the order the server keeps the keys in (SHOW CREATE shows it; MariaDB
        # keeps an order no CREATE gives after some ALTERs): between servers of
        # one family, whose sorting rules are the same, and only where the keys
        # are alike (a key of another kind sits elsewhere for that reason alone)
        if len(self.out) == before and self.a.flavor is not None and self.a.flavor.same_family(self.b.flavor):
            order_a = [i.name for i in A.orig.indexes if i.key in keys_b]
            order_b = [i.name for i in B.orig.indexes if i.key in keys_a]
            if [n.casefold() for n in order_a] != [n.casefold() for n in order_b]:
                self._report(kind, path, owner, "key order", ", ".join(order_a), ", ".join(order_b),
                             order_a, order_b)

    def _foreign_keys(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        self._named("foreign key", path, owner, A.orig.foreign_keys, A.canon.foreign_keys,
                    B.orig.foreign_keys, B.canon.foreign_keys, by_name=True)

    def _checks(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        """CHECKs by name; CHECKs whose names the server made up on both sides
        (``t_chk_1`` vs ``CONSTRAINT_1``) are matched by expression instead."""
        ta, tb = A.canon, B.canon
        keys_a = {c.key for c in ta.checks}
        keys_b = {c.key for c in tb.checks}
        loose_a = [c for c in ta.checks if c.key not in keys_b and _server_named(c, ta, self.ra)]
        loose_b = [c for c in tb.checks if c.key not in keys_a and _server_named(c, tb, self.rb)]
        alias_b: dict[str, str] = {}
        for cb in loose_b:
            match = next((ca for ca in loose_a if ca.expression == cb.expression), None)
            if match is not None:
                loose_a.remove(match)
                alias_b[cb.key] = match.key
        self._named("check", path, owner, A.orig.checks, ta.checks, B.orig.checks, tb.checks, by_name=True,
                    alias_b=alias_b, unnamed_pairs=frozenset(alias_b.values()))

    def _partitioning(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        pa, pb = A.canon.partitioning, B.canon.partitioning
        if pa is None and pb is None:
            return
        if pa is None or pb is None:
            self._exists("partitioning", path, owner, pa is not None)
            return
        self._fields("partitioning", path, owner, _Pair(A.orig.partitioning, pa), _Pair(B.orig.partitioning, pb))

    def _partitions(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        oa = {p.name.casefold(): p for p in A.orig.partitions}
        ob = {p.name.casefold(): p for p in B.orig.partitions}
        ca = {p.name.casefold(): p for p in A.canon.partitions}
        cb = {p.name.casefold(): p for p in B.canon.partitions}
        order_a = [k for k in ca if k in cb]
        order_b = [k for k in cb if k in ca]
        if order_a != order_b:
            self.out.append(Difference("partitioning", path, "partition order", [oa[k].name for k in order_a],
                                       [ob[k].name for k in order_b], owner))
        for k in list(ca) + [k for k in cb if k not in ca]:
            name = (oa.get(k) or ob.get(k)).name
            if k not in ca or k not in cb:
                self._exists("partition", path + (name,), owner, k in ca)
                continue
            self._fields("partition", path + (name,), owner, _Pair(oa[k], ca[k]), _Pair(ob[k], cb[k]))

    # ------------------------------------------------------------------ structured values

    def _parts(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        """Index parts: which columns (or expressions), then prefixes, then direction."""
        pa, pb = A.canon.parts, B.canon.parts
        ra, rb = render_parts(A.orig.parts), render_parts(B.orig.parts)
        if [(p.column, p.expression) for p in pa] != [(p.column, p.expression) for p in pb]:
            self._report(kind, path, owner, "columns", ra, rb, render_parts(pa), render_parts(pb))
        elif [p.length for p in pa] != [p.length for p in pb]:
            self._report(kind, path, owner, "prefix lengths", ra, rb, render_parts(pa), render_parts(pb))
        elif [p.descending for p in pa] != [p.descending for p in pb]:
            self._report(kind, path, owner, "descending", ra, rb, render_parts(pa), render_parts(pb))

    def _params(self, kind, path, owner, A: _Pair, B: _Pair) -> None:
        pa, pb = A.canon.params, B.canon.params
        ta = [p.type for p in pa]
        tb = [p.type for p in pb]
        if len(pa) == len(pb):
            pairs = [SP.display_width_pair(x, y) for x, y in zip(ta, tb, strict=True)]
            ta, tb = [x for x, _ in pairs], [y for _, y in pairs]
        ka = [(p.name, p.mode, t, p.charset, p.collation) for p, t in zip(pa, ta, strict=True)]
        kb = [(p.name, p.mode, t, p.charset, p.collation) for p, t in zip(pb, tb, strict=True)]
        if ka != kb:
            self._report(kind, path, owner, "params", render_params(A.orig.params), render_params(B.orig.params),
                         render_params(pa), render_params(pb))


# --------------------------------------------------------------------------- helpers


@lru_cache(maxsize=None)
def _fields_of(cls) -> tuple:
    return fields(cls)


def _implicit_fk_index(index: Index, own: Table, other: Table) -> bool:
    """Is ``index`` (present in ``own`` only) the one the server creates by itself
    for a foreign key that, in ``other``, has no usable index (so the server there
    would create the very same one)?"""
    if index.kind != "INDEX" or not index.visible or index.comment or index.using or index.key_block_size or \
            any(p.column is None or p.length is not None or p.descending for p in index.parts):
        return False
    cols = [p.column for p in index.parts]
    for fk in own.foreign_keys:
        if [c.casefold() for c in fk.columns] != cols:
            continue
        if index.key not in keys.implicit_fk_index_names(fk.name, fk.columns):
            continue
        twin = other.foreign_key(fk.name) or next(
            (f for f in other.foreign_keys if [c.casefold() for c in f.columns] == cols), None)
        if twin is None:
            continue
        if not any(keys.index_serves_fk(i.kind, [(p.column, p.length) for p in i.parts], twin.columns)
                   for i in other.indexes):
            return True
    return False


def _server_named(check: Check, table: Table, rules: fl.Rules) -> bool:
    column = check.name if check.column_level else None
    return SP.is_generated_check_name(check.name, table.name, column, rules)


def render_parts(parts: list[IndexPart]) -> str:
    """``\\`email\\`(10), \\`created\\` DESC, (lower(x))`` as a person reads an index."""
    return ", ".join(index_part_sql(p) for p in parts)


def render_params(params: list[Param]) -> str:
    """``IN p_id int(11), OUT p_count int(11)``."""
    out = []
    for p in params:
        text = f"{p.mode + ' ' if p.mode else ''}{p.name} {p.type}"
        if p.charset:
            text += f" CHARSET {p.charset}"
        if p.collation:
            text += f" COLLATE {p.collation}"
        out.append(text)
    return ", ".join(out)


def _plain(value):
    """JSON-ready value: tuples become lists, everything else is already plain."""
    if isinstance(value, tuple):
        return list(value)
    return value
