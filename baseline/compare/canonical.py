"""One side's schema in canonical spelling, for comparing (never for rendering).

:func:`canonical_head` (the schema's own attributes) and :func:`canonical_object`
(one object) return deep copies in which every value is run through the equivalence rules of :mod:`baseline.flavor` that need only that
side (charset aliases, implied collations, CURRENT_TIMESTAMP spellings, quoted
numeric defaults, MariaDB JSON storage, SQL text canonicalization...). Object
names and keys are unchanged, so the comparison can find each canonical object's
original by the same key and report the values the user actually has. Rules that
need both sides (display widths, implicit FK indexes, server-named CHECKs) are
applied by the comparison itself (:mod:`.engine`).
"""
from __future__ import annotations

import copy

from .. import flavor as fl
from ..engine import spellings as SP
from ..sql.scan import strip_qualifier
from ..model import KINDS, Column, Event, ForeignKey, Index, IndexPart, Param, Partition, \
    Partitioning, Routine, Schema, Sequence, Table, Trigger, View
from ..model import clone as _clone


def rules_of(schema: Schema) -> fl.Rules:
    return (schema.flavor or fl.DEFAULT_FLAVOR).rules


def canonical_head(schema: Schema) -> Schema:
    """The schema's own attributes in canonical spelling, without its objects
    (the comparison canonicalizes those one by one, and only where needed)."""
    s = copy.copy(schema)
    for kind in KINDS:
        setattr(s, kind, {})
    rules = rules_of(s)
    s.charset = SP.neutral_charset(s.charset) or SP.charset_of_collation(s.collation)
    s.collation = SP.neutral_collation(s.collation) or SP.implied_collation(s.charset, rules)
    return s


def canonical_object(kind: str, obj, head: Schema, relations: set[str] | None = None, also_own: tuple = ()):
    """A canonical deep copy of one object of the schema whose :func:`canonical_head` is ``head``;
    ``relations``: its tables', views' and sequences' names, case-folded (which
    two-part names in a view are qualified by the own database). ``also_own``:
    other database names that stand for the own one in code bodies (the other
    side's: a baseline copies a routine's ``db.t`` verbatim into a database of
    another name)."""
    o = _clone(obj)
    rules = rules_of(head)
    own = tuple(dict.fromkeys(n for n in (head.name, *also_own) if n))
    if kind == "tables":
        _table(o, head, rules)
    elif kind == "sequences":
        _sequence(o)
    elif kind == "views":
        _view(o, head.name, relations)
    elif kind == "routines":
        _routine(o, own, t_charset=head.charset, t_collation=head.collation, rules=rules)
    elif kind == "triggers":
        _trigger(o, own)
    elif kind == "events":
        _event(o, own)
    return o


# --------------------------------------------------------------------------- tables


def _table(t: Table, s: Schema, rules: fl.Rules) -> None:
    t.engine = _lower(t.engine)
    t.charset = SP.neutral_charset(t.charset) or SP.charset_of_collation(t.collation)
    if t.charset is None:  # nothing named: the database's defaults apply
        t.charset, t.collation = s.charset, s.collation
    t.collation = SP.neutral_collation(t.collation) or SP.implied_collation(t.charset, rules)
    t.row_format = _upper(t.row_format)
    t.options = _options(t.options)
    own = (s.name,) if s.name else ()
    for c in t.columns:
        _column(c, t, rules, own)
    for i in t.indexes:
        _index(i, own)
    for f in t.foreign_keys:
        _foreign_key(f, s.name)
    for c in t.checks:
        c.expression = SP.neutral_fragment(c.expression, own, strip_parens=True)
    if t.partitioning is not None:
        _partitioning(t.partitioning)
    if not rules.native_json:
        _json_columns(t)


def _column(c: Column, t: Table, rules: fl.Rules, own) -> None:
    # own-schema qualifiers appear in defaults too (``nextval(`app`.`seq`)``)
    c.default = SP.neutral_fragment(SP.neutral_default(c.default, c.type), own)
    c.type = SP.neutral_type(c.type)
    if c.type == SP.JSON_TYPE:  # MySQL's json: stored as utf8mb4_bin, like MariaDB's
        c.charset, c.collation = SP.JSON_STORAGE["charset"], SP.JSON_STORAGE["collation"]
    elif SP.type_name(c.type) in SP.TEXTUAL_TYPES:
        c.charset = SP.neutral_charset(c.charset) or SP.charset_of_collation(c.collation) or t.charset
        if c.collation is None:
            c.collation = t.collation if c.charset == t.charset else SP.implied_collation(c.charset, rules)
    else:
        c.charset = SP.neutral_charset(c.charset)
    c.collation = SP.neutral_collation(c.collation)
    c.on_update = SP.neutral_fragment(SP.neutral_current_timestamp(c.on_update))
    c.generated = SP.neutral_fragment(c.generated, own, strip_parens=True)
    c.generated_kind = _upper(c.generated_kind)
    c.versioning = _upper(c.versioning)
    c.compressed = _lower(c.compressed)


def _json_columns(t: Table) -> None:
    """MariaDB's JSON (``longtext`` + ``utf8mb4_bin`` + CHECK ``json_valid``) -> ``json``
    (its charset and collation stay: MySQL's json reads as utf8mb4_bin too)."""
    for c in t.columns:
        if not SP.is_json_storage(c.type, c.charset, c.collation):
            continue
        check = next((k for k in t.checks if SP.is_json_check(k.expression, c.name)), None)
        if check is None:
            continue
        c.type = SP.JSON_TYPE
        t.checks.remove(check)


def _index(i: Index, own) -> None:
    i.kind = i.kind.upper()
    i.parts = [_part(p, own) for p in i.parts]
    i.using = _upper(i.using)
    i.parser = _lower(i.parser)


def _part(p: IndexPart, own) -> IndexPart:
    return IndexPart(column=p.column.casefold() if p.column is not None else None,
                     expression=SP.neutral_fragment(p.expression, own, strip_parens=True),
                     length=p.length, descending=p.descending)


def _foreign_key(f: ForeignKey, own_schema: str | None) -> None:
    f.columns = [c.casefold() for c in f.columns]
    f.ref_columns = [c.casefold() for c in f.ref_columns]
    if f.ref_schema is not None and f.ref_schema == own_schema:
        f.ref_schema = None
    f.on_delete = SP.neutral_fk_action(f.on_delete)
    f.on_update = SP.neutral_fk_action(f.on_update)


def _partitioning(p: Partitioning) -> None:
    p.method = " ".join(p.method.upper().split())
    p.expression = SP.neutral_fragment(p.expression, strip_parens=True)
    p.sub_method = " ".join(p.sub_method.upper().split()) if p.sub_method else None
    p.sub_expression = SP.neutral_fragment(p.sub_expression, strip_parens=True)
    for part in p.partitions:
        _partition(part)


def _partition(part: Partition) -> None:
    part.values = SP.neutral_fragment(part.values, strip_parens=True)
    part.engine = _lower(part.engine)
    part.options = _options(part.options)
    part.subpartitions = [n.casefold() for n in part.subpartitions]


# --------------------------------------------------------------------------- other objects


def _sequence(seq: Sequence) -> None:
    seq.engine = _lower(seq.engine)
    seq.value_type = SP.neutral_type(seq.value_type) or "bigint"


def _client(obj) -> None:
    obj.client_charset = SP.neutral_charset(obj.client_charset)
    obj.connection_collation = SP.neutral_collation(obj.connection_collation)


def _view(v: View, own: str | None, relations: set[str] | None) -> None:
    _client(v)
    # the own database's qualifiers, of names that are the schema's relations:
    # `employees`.`emp_no` is table.column where a table is named like its database
    if own and relations is not None:
        v.definition = strip_qualifier(v.definition, own, relations)
    v.definition = SP.neutral_fragment(v.definition, () if relations is not None else ((own,) if own else ()))
    v.algorithm = v.algorithm.upper()
    v.security = v.security.upper()
    v.check_option = v.check_option.upper()
    v.definer = SP.neutral_definer(v.definer)


def _trigger(tr: Trigger, own) -> None:
    _client(tr)
    tr.timing = tr.timing.upper()
    tr.event = tr.event.upper()
    tr.body = SP.neutral_fragment(tr.body, own)
    tr.sql_mode = SP.neutral_sql_mode(tr.sql_mode)
    tr.definer = SP.neutral_definer(tr.definer)


def _routine(r: Routine, own, *, t_charset, t_collation, rules) -> None:
    _client(r)
    r.params = [_param(p, t_charset, t_collation, rules) for p in r.params]
    r.returns = SP.neutral_type(r.returns)
    r.returns_charset, r.returns_collation = _text_charset(r.returns, r.returns_charset, r.returns_collation,
                                                           t_charset, t_collation, rules)
    r.body = SP.neutral_fragment(r.body, own)
    r.data_access = " ".join(r.data_access.upper().split())
    r.security = r.security.upper()
    r.sql_mode = SP.neutral_sql_mode(r.sql_mode)
    r.definer = SP.neutral_definer(r.definer)


def _param(p: Param, t_charset, t_collation, rules) -> Param:
    cs, coll = _text_charset(p.type, p.charset, p.collation, t_charset, t_collation, rules)
    return Param(name=p.name.casefold(), type=SP.neutral_type(p.type), mode=_upper(p.mode),
                 charset=cs, collation=coll)


def _text_charset(type_text, charset, collation, d_charset, d_collation, rules):
    """Routine parameters and return values take the database's charset when unnamed."""
    if type_text is None or SP.type_name(type_text) not in SP.TEXTUAL_TYPES:
        return SP.neutral_charset(charset), SP.neutral_collation(collation)
    cs = SP.neutral_charset(charset) or SP.charset_of_collation(collation) or d_charset
    if collation is None:
        collation = d_collation if cs == d_charset else SP.implied_collation(cs, rules)
    return cs, SP.neutral_collation(collation)


def _event(e: Event, own) -> None:
    _client(e)
    e.schedule = SP.neutral_fragment(e.schedule)
    e.starts = SP.neutral_fragment(e.starts)
    e.ends = SP.neutral_fragment(e.ends)
    e.status = " ".join(e.status.upper().split())
    e.body = SP.neutral_fragment(e.body, own)
    e.sql_mode = SP.neutral_sql_mode(e.sql_mode)
    e.definer = SP.neutral_definer(e.definer)


# --------------------------------------------------------------------------- helpers


def _options(options: dict[str, str]) -> dict[str, str]:
    out = {}
    for k, v in options.items():
        v = str(v).strip()
        if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
            v = v[1:-1]
        out[k.lower()] = v.lower()
    return out


def _lower(v: str | None) -> str | None:
    return v.lower() if v is not None else None


def _upper(v: str | None) -> str | None:
    return v.upper() if v is not None else None
