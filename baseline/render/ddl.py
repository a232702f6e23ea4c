"""Model -> CREATE / DROP statements, in a deterministic, loadable order.

The API every output format builds on:

* :func:`create_statements` -> ``[RenderedStatement]`` (kind, name, SQL text,
  whether it needs a ``DELIMITER`` block, session settings it needs);
* :func:`drop_statements` -> what undoes them, in reverse dependency order;
* :func:`render_sql_file` -> the plain ``.sql`` baseline (``templates/sql.sql.j2``).

Statements look like the source server's ``SHOW CREATE`` output. DEFINER
clauses and AUTO_INCREMENT counters are left out unless
:class:`RenderOptions` keeps them. Table charset/collation are always explicit,
column ones only where they differ from the table's.

Implicit foreign-key indexes: MySQL/MariaDB create an index for a foreign key
that has none usable (named after the constraint, or after the first column
for an unnamed key) and silently drop it when a later ALTER adds another index
that serves the key; an explicitly created copy would survive. So an index that
is exactly what the server would create for a key *as rendered* is left out and
the server makes it (see :func:`_plan_table`).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ..flavor import DEFAULT_FLAVOR, Rules
from ..model import Check, Column, Event, ForeignKey, Index, IndexPart, Routine, Schema, Sequence, Table, \
    Trigger, View
from .order import plan_tables, plan_views
from .quote import definer as quote_definer
from .quote import ident, idents, string


@dataclass(frozen=True)
class RenderOptions:
    #: Keep ``DEFINER=`` clauses of views, routines, triggers and events.
    keep_definers: bool = False
    #: Keep AUTO_INCREMENT counters (and MariaDB sequence positions).
    keep_auto_increment: bool = False
    #: ``(table, index name casefolded)`` of indexes shaped like an implicit
    #: foreign-key index that must still be created explicitly (the chain-aware
    #: baseline knows production's copy survived a later key that would have
    #: made the server drop an implicit one).
    explicit_indexes: frozenset = frozenset()


@dataclass(frozen=True)
class RenderedStatement:
    #: ``table``, ``key_order`` (the ALTER that keeps a table's key order, see
    #: :func:`key_order_fix`), ``foreign_keys``, ``sequence``, ``sequence_position``, ``view``,
    #: ``procedure``, ``function``, ``trigger``, ``event`` or ``event_completion``
    #: (the ``ALTER EVENT`` after an event that may be past, see :func:`event_may_lapse`).
    kind: str
    #: The object's name (for ``foreign_keys``: the table the keys are added to).
    name: str
    #: The statement, without a trailing delimiter.
    sql: str
    #: True for routines, triggers and events: their bodies may hold ``;``, so the
    #: plain client needs a ``DELIMITER`` block around them.
    compound: bool = False
    #: Session settings the statement must run under, as ``(variable, SQL value)``
    #: pairs (``sql_mode`` of routines/triggers/events, ``time_zone`` of events,
    #: ``foreign_key_checks`` for keys pointing outside the schema).
    session: tuple[tuple[str, str], ...] = ()


#: Session settings every baseline runs under (see templates/sql.sql.j2): a known
#: sql_mode so string escapes and quoting mean what the renderer meant, and an
#: error rather than a silent substitute when an engine is missing.
BASE_SESSION = (("sql_mode", "'NO_ENGINE_SUBSTITUTION'"),)


def _rules(schema: Schema) -> Rules:
    return (schema.flavor or DEFAULT_FLAVOR).rules


# =========================================================================== columns


_TIMESTAMP_TYPES = ("timestamp",)


def column_charset_sql(col: Column, table: Table, rules: Rules) -> list[str]:
    """The ``CHARACTER SET``/``COLLATE`` words of a column definition: none where
    the column takes the table's collation (unless, where the server records it,
    the source named it: MySQL 8 then prints both, and so must the baseline)."""
    if col.collation_explicit and rules.column_collation_explicit_recorded and col.charset and col.collation:
        return [f"CHARACTER SET {col.charset}", f"COLLATE {col.collation}"]
    out = []
    if col.collation and col.collation != table.collation:
        if col.charset and col.charset != table.charset:
            out.append(f"CHARACTER SET {col.charset}")
        out.append(f"COLLATE {col.collation}")
    elif col.charset and col.charset != table.charset:
        out.append(f"CHARACTER SET {col.charset}")
    return out


def column_sql(col: Column, table: Table, check: Check | None = None, rules: Rules | None = None) -> str:
    out = [ident(col.name), col.type]
    if col.unsigned:
        out.append("unsigned")
    if col.zerofill:
        out.append("zerofill")
    if col.compressed:
        out.append("/*M!100301 COMPRESSED*/")
    out.extend(column_charset_sql(col, table, rules or DEFAULT_FLAVOR.rules))
    if col.generated is not None:
        out.append(f"GENERATED ALWAYS AS ({col.generated}) {col.generated_kind or 'VIRTUAL'}")
        if not col.nullable:
            out.append("NOT NULL")
    elif col.versioning in ("ROW START", "ROW END"):
        out.append(f"GENERATED ALWAYS AS {col.versioning}")
    else:
        if not col.nullable:
            out.append("NOT NULL")
        elif col.type.lower().startswith(_TIMESTAMP_TYPES):
            out.append("NULL")  # explicit, as the server prints it for timestamps
    if col.invisible:
        out.append("INVISIBLE")
    if col.default is not None:
        out.append(f"DEFAULT {col.default}")
    if col.on_update:
        out.append(f"ON UPDATE {col.on_update}")
    if col.auto_increment:
        out.append("AUTO_INCREMENT")
    if col.srid is not None:
        out.append(f"/*!80003 SRID {col.srid} */")
    if col.storage:
        out.append(f"/*!50606 STORAGE {col.storage} */")
    if col.column_format:
        out.append(f"/*!50606 COLUMN_FORMAT {col.column_format} */")
    if col.comment:
        out.append(f"COMMENT {string(col.comment)}")
    if col.versioning == "WITHOUT SYSTEM VERSIONING":
        out.append("WITHOUT SYSTEM VERSIONING")
    if check is not None:
        out.append(f"CHECK ({check.expression})")
    return " ".join(out)


# =========================================================================== keys


_KEY_WORDS = {"UNIQUE": "UNIQUE KEY", "INDEX": "KEY", "FULLTEXT": "FULLTEXT KEY",
              "SPATIAL": "SPATIAL KEY", "VECTOR": "VECTOR KEY"}


def index_part_sql(p: IndexPart) -> str:
    """One key part as SHOW CREATE prints it: ```email`(10)``, ```created` DESC``, ``(lower(x))``."""
    text = f"({p.expression})" if p.column is None else ident(p.column)
    if p.length is not None:
        text += f"({p.length})"
    if p.descending:
        text += " DESC"
    return text


def index_sql(idx: Index, rules: Rules) -> str:
    parts = [index_part_sql(p) for p in idx.parts]
    head = "PRIMARY KEY" if idx.kind == "PRIMARY" else f"{_KEY_WORDS.get(idx.kind, 'KEY')} {ident(idx.name)}"
    out = f"{head} ({','.join(parts)})"
    if idx.using:
        out += f" USING {idx.using}"
    if idx.key_block_size is not None:
        out += f" KEY_BLOCK_SIZE={idx.key_block_size}"
    if idx.parser:
        out += f" WITH PARSER {ident(idx.parser)}"
    if idx.comment:
        out += f" COMMENT {string(idx.comment)}"
    if not idx.visible and rules.invisible_index_sql:
        out += f" {rules.invisible_index_sql}"
    return out


def fk_sql(fk: ForeignKey, rules: Rules, named: bool = True) -> str:
    ref = ident(fk.ref_table) if fk.ref_schema is None else f"{ident(fk.ref_schema)}.{ident(fk.ref_table)}"
    out = f"CONSTRAINT {ident(fk.name)} " if named else ""
    out += f"FOREIGN KEY ({idents(fk.columns)}) REFERENCES {ref} ({idents(fk.ref_columns)})"
    # the action an omitted clause means is left out, as SHOW CREATE does
    if fk.on_delete != rules.fk_default_action:
        out += f" ON DELETE {fk.on_delete}"
    if fk.on_update != rules.fk_default_action:
        out += f" ON UPDATE {fk.on_update}"
    return out


def check_sql(chk: Check) -> str:
    out = f"CONSTRAINT {ident(chk.name)} CHECK ({chk.expression})"
    if not chk.enforced:
        out += " /*!80016 NOT ENFORCED */"
    return out


# =========================================================================== tables


@dataclass
class _TableLayout:
    #: Definition lines of the CREATE TABLE, in order.
    lines: list[str] = field(default_factory=list)
    #: Indexes left for the server to create (implicit foreign-key indexes).
    implicit: dict[str, str] = field(default_factory=dict)  # fk name -> index name


def _leading_columns(idx: Index, n: int) -> list[str] | None:
    if len(idx.parts) < n or any(p.column is None for p in idx.parts[:n]):
        return None
    return [p.column.casefold() for p in idx.parts[:n]]


def _implicit_candidate(table: Table, fk: ForeignKey, explicit: frozenset = frozenset()) -> Index | None:
    """The index the server would have created for ``fk`` by itself, if there is
    exactly one such plain copy and nothing else already serves the key (and it is
    not one of the ``explicit`` ``(table, index)`` pairs)."""
    cols = [c.casefold() for c in fk.columns]
    if sum(1 for f in table.foreign_keys if [c.casefold() for c in f.columns] == cols) > 1:
        return None  # keys sharing columns share one implicit index: keep it explicit
    match = None
    for idx in table.indexes:
        if idx.kind in ("FULLTEXT", "SPATIAL", "VECTOR") or _leading_columns(idx, len(cols)) != cols:
            continue
        plain = (idx.kind == "INDEX" and len(idx.parts) == len(cols) and not idx.comment
                 and idx.visible and idx.using is None and idx.parser is None
                 and idx.key_block_size is None
                 and all(p.length is None and not p.descending for p in idx.parts))
        if not plain or match is not None:
            return None  # another index serves the key: the server would create none
        match = idx
    if match is not None and (table.name, match.key) in explicit:
        return None
    return match


def _plan_table(table: Table, rules: Rules, deferred: set[str],
                explicit: frozenset = frozenset()) -> tuple[_TableLayout, dict[str, bool]]:
    """Lay out one CREATE TABLE: which indexes stay implicit, where the inline
    foreign keys go, and which of them are written without a name.

    An inline key whose implicit index is left out is written at that index's
    position, so the server creates the index where the source has it. Unnamed
    keys get ``<table>_ibfk_<n>`` numbered in clause order; a key keeps that name
    by being written unnamed when it is the next number in order.
    """
    candidates = {fk.name: _implicit_candidate(table, fk, explicit) for fk in table.foreign_keys}
    # a key added later by ALTER TABLE (a cycle) makes its index last: one that is not
    # last (bar other such indexes) is written in place
    late = {id(i) for n, i in candidates.items() if n in deferred and i is not None}
    for n in [n for n in candidates if n in deferred and candidates[n] is not None]:
        pos = next(k for k, i in enumerate(table.indexes) if i is candidates[n])
        if any(id(i) not in late for i in table.indexes[pos + 1:]):
            candidates[n] = None
    implicit = {n: i for n, i in candidates.items() if i is not None}
    inline = [fk for fk in table.foreign_keys if fk.name not in deferred]
    while True:
        layout, named, index_names = _layout(table, rules, inline, implicit, deferred)
        keep = {n: i for n, i in implicit.items() if index_names.get(n) == i.name}
        if keep.keys() == implicit.keys():
            layout.implicit = {n: i.name for n, i in implicit.items()}
            return layout, named
        implicit = keep


def _layout(table: Table, rules: Rules, inline: list[ForeignKey], implicit: dict[str, Index],
            deferred: set[str]):
    by_index = {id(i): n for n, i in implicit.items()}
    fks = {fk.name: fk for fk in table.foreign_keys}
    col_checks = {c.name: c for c in table.checks if c.column_level}
    lines = [column_sql(c, table, col_checks.get(c.name), rules) for c in table.columns]
    placed: list[ForeignKey] = []
    slots: list = []  # indexes and foreign keys in clause order
    for idx in table.indexes:
        fk_name = by_index.get(id(idx))
        if fk_name is None:
            slots.append(idx)
        elif fk_name not in deferred:
            slots.append(fks[fk_name])
            placed.append(fks[fk_name])
    rest = [fk for fk in inline if fk not in placed]
    explicit_index_names = {i.name.casefold() for i in table.indexes if id(i) not in by_index}

    def numbering(order: list[ForeignKey]) -> tuple[dict[str, bool], dict[str, str]]:
        """Name each inline key: unnamed while it is the next <table>_ibfk_<n>."""
        named: dict[str, bool] = {}
        index_names: dict[str, str] = {}
        n = 0
        for fk in order:
            if fk.name == rules.fk_name_pattern.format(table=table.name, n=n + 1):
                n += 1
                named[fk.name] = False
                first = fk.columns[0]
                index_names[fk.name] = first if first.casefold() not in explicit_index_names else None
            else:
                named[fk.name] = True
                index_names[fk.name] = fk.name
        return named, index_names

    in_slots = [s for s in slots if isinstance(s, ForeignKey)]
    named, index_names = numbering(in_slots + rest)
    rest_first = False
    if rest and in_slots and any(named.values()):
        # keys the server numbers (`t_ibfk_1` served by another key, `t_ibfk_2` with an
        # implicit index): the ones with no index of their own go first, where their
        # clause position changes nothing but the server's numbering
        named_b, index_names_b = numbering(rest + in_slots)
        if sum(named_b.values()) < sum(named.values()):
            named, index_names, rest_first = named_b, index_names_b, True
    for name in deferred:  # added later by ALTER TABLE, always named
        index_names[name] = name
        named[name] = True
    if rest_first:
        lines.extend(fk_sql(fk, rules, named[fk.name]) for fk in rest)
    for s in slots:
        lines.append(index_sql(s, rules) if isinstance(s, Index) else fk_sql(s, rules, named[s.name]))
    starts = [c.name for c in table.columns if c.versioning == "ROW START"]
    ends = [c.name for c in table.columns if c.versioning == "ROW END"]
    if starts and ends:
        lines.append(f"PERIOD FOR SYSTEM_TIME ({ident(starts[0])}, {ident(ends[0])})")
    if not rest_first:
        lines.extend(fk_sql(fk, rules, named[fk.name]) for fk in rest)
    lines.extend(check_sql(c) for c in table.checks if not c.column_level)
    return _TableLayout(lines=lines), named, index_names


#: Standard table options in the order the server prints them; others are
#: engine-defined (MariaDB) and are written with backticks.
_STANDARD_OPTIONS = (
    "min_rows", "max_rows", "avg_row_length", "pack_keys", "stats_persistent", "stats_auto_recalc",
    "stats_sample_pages", "checksum", "page_checksum", "delay_key_write", "transactional",
    "key_block_size", "compression", "encryption", "insert_method", "union", "connection",
    "tablespace", "autoextend_size", "secondary_engine",
)


def table_options_sql(table: Table, options: RenderOptions) -> str:
    out = []
    if table.engine:
        out.append(f"ENGINE={table.engine}")
    if options.keep_auto_increment and table.auto_increment:
        out.append(f"AUTO_INCREMENT={table.auto_increment}")
    if table.charset:
        out.append(f"DEFAULT CHARSET={table.charset}")
    if table.collation:
        out.append(f"COLLATE={table.collation}")
    for key in _STANDARD_OPTIONS:
        if key in table.options:
            out.append(f"{key.upper()}={table.options[key]}")
    if table.row_format:
        out.append(f"ROW_FORMAT={table.row_format}")
    for key in sorted(k for k in table.options if k not in _STANDARD_OPTIONS):
        out.append(f"{ident(key)}={table.options[key]}")
    if table.comment:
        out.append(f"COMMENT={string(table.comment)}")
    if table.system_versioned:
        out.append("WITH SYSTEM VERSIONING")
    return " ".join(out)


def partition_sql(table: Table) -> str | None:
    p = table.partitioning
    if p is None:
        return None

    def method(m: str, expr: str, algorithm: int | None) -> str:
        if m.endswith("COLUMNS"):
            return f"{m}({expr})"
        if m == "SYSTEM_TIME":
            return f"{m} {expr}".rstrip()
        alg = f" ALGORITHM = {algorithm}" if algorithm is not None else ""
        return f"{m}{alg} ({expr})"

    out = [f" PARTITION BY {method(p.method, p.expression, p.algorithm)}"]
    if p.count is not None:
        out.append(f"PARTITIONS {p.count}")
    if p.sub_method:
        out.append(f"SUBPARTITION BY {method(p.sub_method, p.sub_expression or '', None)}")
    if p.sub_count is not None:
        out.append(f"SUBPARTITIONS {p.sub_count}")
    if p.partitions:
        defs = []
        for part in p.partitions:
            d = f"PARTITION {ident(part.name)}"
            if part.values in ("HISTORY", "CURRENT"):
                d += f" {part.values}"
            elif part.values is not None:
                d += f" VALUES {part.values}"
            if part.comment:
                d += f" COMMENT = {string(part.comment)}"
            for key in sorted(part.options):
                d += f" {key.replace('_', ' ').upper() if key.endswith('directory') else key.upper()} = {part.options[key]}"
            if part.engine:
                d += f" ENGINE = {part.engine}"
            if part.subpartitions:
                subs = ",\n  ".join(f"SUBPARTITION {ident(s)}" + (f" ENGINE = {part.engine}" if part.engine else "")
                                    for s in part.subpartitions)
                d += f"\n ({subs})"
            defs.append(d)
        out.append("(" + ",\n ".join(defs) + ")")
    return "\n".join(out)


def key_order_fix(table: Table, rules: Rules) -> list[str]:
    """Names of the columns to create NOT NULL and ``MODIFY`` back right after,
    so that the server keeps the table's key order; empty when a plain CREATE
    gives it.

    CREATE TABLE sorts the keys (``key_rank``: UNIQUE keys over NOT NULL columns
    before other UNIQUE keys). MariaDB keeps the order on an ALTER that adds no
    key, so a column made nullable after its UNIQUE key existed leaves that key
    ahead of NOT NULL ones, which no CREATE reproduces. Created NOT NULL first,
    then made nullable, it keeps its place (the same ALTER production saw). Only
    with a PRIMARY KEY (else the first NOT NULL UNIQUE key is the implicit one,
    and making it nullable re-sorts) and without column CHECKs (a MODIFY would
    add them again)."""
    from ..engine.builder import key_rank

    if not rules.alter_keeps_key_order or table.primary_key is None:
        return []
    flipped: set[str] = set()

    def nullable(column: str) -> bool:
        col = table.column(column)
        return col is not None and col.nullable and col.key not in flipped

    def ranks() -> list[tuple]:
        return [key_rank(i, nullable, rules.long_unique_hash and i.kind == "UNIQUE" and i.using == "HASH")
                for i in table.indexes]

    # only a UNIQUE key over a nullable column can be out of CREATE's order (most tables have none)
    if not any(i.kind == "UNIQUE" and any(p.column and nullable(p.column) for p in i.parts)
               for i in table.indexes):
        return []

    for _ in range(len(table.indexes) + 1):
        r = ranks()
        late = next((i for i in range(1, len(r)) if r[i] < r[i - 1]), None)
        if late is None:
            break
        # the key placed too early by the sort's rules: a nullable UNIQUE one ahead of NOT NULL ones
        ahead = next((j for j in range(late) if r[j] > r[late]), None)
        idx = table.indexes[ahead]
        cols = [table.column(p.column) for p in idx.parts if p.column and nullable(p.column)]
        if idx.kind != "UNIQUE" or not cols or any(c is None for c in cols):
            return []
        flipped.update(c.key for c in cols)
    else:
        return []
    if any(c.column_level and c.key in flipped for c in table.checks):
        return []
    return [c.name for c in table.columns if c.key in flipped]


def create_table_sql(table: Table, rules: Rules, options: RenderOptions, deferred: set[str]) -> str:
    fix = key_order_fix(table, rules)
    if fix:  # created NOT NULL, made nullable by the ALTER after it (key_order_sql)
        table = copy.deepcopy(table)
        for name in fix:
            col = table.column(name)
            col.nullable = False
            if col.default == "NULL":
                col.default = None
    layout, _named = _plan_table(table, rules, deferred, options.explicit_indexes)
    body = ",\n".join("  " + line for line in layout.lines)
    sql = f"CREATE TABLE {ident(table.name)} (\n{body}\n) {table_options_sql(table, options)}"
    part = partition_sql(table)
    if part:
        sql += "\n" + part
    return sql


def key_order_sql(table: Table, rules: Rules) -> str | None:
    """The ``ALTER TABLE … MODIFY`` that follows the CREATE of a table needing
    :func:`key_order_fix`; ``None`` for any other table."""
    fix = key_order_fix(table, rules)
    if not fix:
        return None
    modifies = ",\n  ".join(f"MODIFY {column_sql(table.column(n), table, None, rules)}" for n in fix)
    return f"ALTER TABLE {ident(table.name)}\n  {modifies}"


def implicit_indexes(table: Table, rules: Rules, deferred: set[str] = frozenset(),
                     explicit: frozenset = frozenset()) -> dict[str, str]:
    """``{fk name: index name}`` of the indexes the renderer leaves to the server."""
    layout, _ = _plan_table(table, rules, set(deferred), explicit)
    return layout.implicit


# =========================================================================== other objects


def _definer(obj, options: RenderOptions) -> str:
    if options.keep_definers and obj.definer:
        return f" DEFINER={quote_definer(obj.definer)}"
    return ""


def sequence_sql(seq: Sequence) -> str:
    out = f"CREATE SEQUENCE {ident(seq.name)}"
    if seq.value_type:
        out += f" AS {seq.value_type}"
    out += (f" start with {seq.start} minvalue {seq.min_value} maxvalue {seq.max_value}"
            f" increment by {seq.increment}")
    out += f" cache {seq.cache}" if seq.cache else " nocache"
    out += " cycle" if seq.cycle else " nocycle"
    if seq.engine:
        out += f" ENGINE={seq.engine}"
    if seq.comment:
        out += f" COMMENT={string(seq.comment)}"
    return out


def view_sql(view: View, options: RenderOptions) -> str:
    out = f"CREATE ALGORITHM={view.algorithm}{_definer(view, options)} SQL SECURITY {view.security}"
    out += f" VIEW {ident(view.name)}"
    if view.columns:
        out += f" ({idents(view.columns)})"
    out += f" AS {view.definition}"
    if view.check_option and view.check_option != "NONE":
        out += f" WITH {view.check_option} CHECK OPTION"
    return out


def _typed(type_text: str, charset: str | None, collation: str | None) -> str:
    """A routine parameter or return type with its resolved charset and
    collation written out, so the routine means the same whatever the loading
    database's default (the server prints a return type so, from its own record)."""
    out = type_text
    if charset:
        out += f" CHARSET {charset}"
        if collation:
            out += f" COLLATE {collation}"
    return out


def _literal(obj):
    """Quoting for literals inside a statement run under the object's own sql_mode."""
    escapes = "NO_BACKSLASH_ESCAPES" not in (obj.sql_mode or "").upper()
    return lambda text: string(text, backslash_escapes=escapes)


def routine_sql(routine: Routine, options: RenderOptions) -> str:
    if routine.params_text is not None:  # as the server keeps it
        params = routine.params_text
    else:
        params = ", ".join(f"{p.mode + ' ' if p.mode else ''}{ident(p.name)} {_typed(p.type, p.charset, p.collation)}"
                           for p in routine.params)
    out = f"CREATE{_definer(routine, options)} {routine.kind} {ident(routine.name)}({params})"
    if routine.kind == "FUNCTION" and routine.returns:
        out += f" RETURNS {_typed(routine.returns, routine.returns_charset, routine.returns_collation)}"
    traits = []
    if routine.comment:
        traits.append(f"COMMENT {_literal(routine)(routine.comment)}")
    if routine.deterministic:
        traits.append("DETERMINISTIC")
    if routine.data_access and routine.data_access != "CONTAINS SQL":
        traits.append(routine.data_access)
    if routine.security and routine.security != "DEFINER":
        traits.append(f"SQL SECURITY {routine.security}")
    for t in traits:
        out += f"\n    {t}"
    return out + "\n" + routine.body


def trigger_sql(trg: Trigger, rules: Rules, options: RenderOptions) -> str:
    if trg.head is not None and rules.trigger_head_as_written:  # the server keeps it as written
        return f"CREATE{_definer(trg, options)} {trg.head}{trg.body}"
    return (f"CREATE{_definer(trg, options)} TRIGGER {ident(trg.name)} {trg.timing} {trg.event}"
            f" ON {ident(trg.table)} FOR EACH ROW {trg.body}")


def event_may_lapse(ev: Event) -> bool:
    """An event whose time can be past when the baseline is loaded (an ``AT``
    schedule or an ``ENDS``), and whose ``CREATE`` the server would then change:
    drop it (``NOT PRESERVE``, note 1588) or disable it (note 1544). Such an event
    is created ``PRESERVE`` and then given its completion and status by
    :func:`event_completion_sql`. This depends on the model only, never on the
    clock, so the same schema renders the same bytes on any day."""
    if not (ev.schedule.upper().startswith("AT ") or ev.ends):
        return False
    return not (ev.preserve and ev.status == "DISABLE")


def _as_written(ev: Event, clock) -> dict[str, str]:
    """The schedule clauses a replayed chain left to the server's clock, as the
    chain wrote them (``{"starts": ""}`` for ``EVERY`` without ``STARTS``,
    ``{"schedule": "AT CURRENT_TIMESTAMP + INTERVAL 1 DAY"}``); ``clock`` is the
    event's :class:`~baseline.chain.eventclock.ClockTimes` from
    :attr:`Schema.replay_clock`, or ``None``. The replay's time is no value of
    the chain's, and rendering it made ``generate`` from a chain differ on every
    run. A field applies only where the event still has that kind of value."""
    if clock is None:
        return {}
    recurring = not ev.schedule.upper().startswith("AT ")
    out = {}
    for name, reason in zip(clock.fields, clock.reasons, strict=True):
        if name == "schedule" and not recurring:
            out["schedule"] = reason
        elif name == "starts" and recurring and ev.starts:
            out["starts"] = "" if reason == "no STARTS" else f" {reason}"
        elif name == "ends" and recurring and ev.ends:
            out["ends"] = f" {reason}"
    return out


def event_sql(ev: Event, options: RenderOptions, clock=None) -> str:
    """``clock``: what :func:`_as_written` takes (a chain SOURCE's replay clock)."""
    lit = _literal(ev)
    written = _as_written(ev, clock)
    out = f"CREATE{_definer(ev, options)} EVENT {ident(ev.name)} ON SCHEDULE {written.get('schedule', ev.schedule)}"
    if ev.starts:
        out += written.get("starts", f" STARTS {lit(ev.starts)}")
    if ev.ends:
        out += written.get("ends", f" ENDS {lit(ev.ends)}")
    out += " ON COMPLETION PRESERVE" if ev.preserve or event_may_lapse(ev) else " ON COMPLETION NOT PRESERVE"
    out += f" {ev.status}"
    if ev.comment:
        out += f" COMMENT {lit(ev.comment)}"
    return out + f" DO {ev.body}"


def event_completion_sql(ev: Event, options: RenderOptions) -> str:
    """The ``ALTER EVENT`` that follows :func:`event_sql` for an event that
    :func:`event_may_lapse`: its real completion and status. The server checks an
    event's time against the clock only when a statement sets its schedule, so
    this keeps a past ``NOT PRESERVE`` event (MariaDB 10.11, checked on the
    server) and re-enables a past ``ENABLE`` one; schedule, body, ``sql_mode`` and
    ``time_zone`` stay as created. ``DEFINER`` is repeated when kept: an
    ``ALTER EVENT`` without it makes the current user the definer."""
    completion = "ON COMPLETION PRESERVE" if ev.preserve else "ON COMPLETION NOT PRESERVE"
    return f"ALTER{_definer(ev, options)} EVENT {ident(ev.name)} {completion} {ev.status}"


def _sql_mode(obj) -> tuple[tuple[str, str], ...]:
    return (("sql_mode", string(obj.sql_mode)),) if obj.sql_mode is not None else ()


def _client(obj, *texts: str | None) -> tuple[tuple[str, str], ...]:
    """``character_set_client`` and ``collation_connection`` to create ``obj``
    under (the server stores them with it). A text holding non-ASCII characters
    is sent in the file's utf8mb4 whatever it says: read as another character
    set, its bytes would become other characters."""
    out = []
    cs = obj.client_charset
    if cs is not None and (cs.lower().startswith("utf8") or all(t is None or t.isascii() for t in texts)):
        out.append(("character_set_client", string(cs)))
    if obj.connection_collation is not None:
        out.append(("collation_connection", string(obj.connection_collation)))
    return tuple(out)


# =========================================================================== statements


_TIMING = {"BEFORE": 0, "AFTER": 1}
_EVENT = {"INSERT": 0, "UPDATE": 1, "DELETE": 2}


def _trigger_order(schema: Schema) -> list[Trigger]:
    return sorted(schema.triggers.values(),
                  key=lambda t: (t.table, _TIMING.get(t.timing, 9), _EVENT.get(t.event, 9), t.order, t.name))


def create_statements(schema: Schema, options: RenderOptions = RenderOptions()) -> list[RenderedStatement]:
    """Every CREATE needed to rebuild ``schema``, in a loadable order."""
    rules = _rules(schema)
    out: list[RenderedStatement] = []
    # sequences first: tables may take defaults from them (DEFAULT NEXTVAL(s))
    for name in sorted(schema.sequences):
        seq = schema.sequences[name]
        out.append(RenderedStatement("sequence", name, sequence_sql(seq)))
        if options.keep_auto_increment and seq.next_value is not None and seq.next_value != seq.start:
            out.append(RenderedStatement("sequence_position", name,
                                         f"DO SETVAL({ident(name)}, {seq.next_value}, 0)"))
    plan = plan_tables(schema)
    later = plan.deferred | plan.external
    for name in plan.order:
        table = schema.tables[name]
        deferred = {fk for (t, fk) in later if t == name}
        out.append(RenderedStatement("table", name, create_table_sql(table, rules, options, deferred)))
        fix = key_order_sql(table, rules)
        if fix:
            out.append(RenderedStatement("key_order", name, fix))
    # keys closing a cycle, then keys pointing outside the schema
    for group, session in ((plan.deferred, ()), (plan.external, (("foreign_key_checks", "0"),))):
        for name in plan.order:
            fks = [fk for fk in schema.tables[name].foreign_keys if (name, fk.name) in group]
            if fks:
                adds = ",\n  ".join(f"ADD {fk_sql(fk, rules)}" for fk in fks)
                out.append(RenderedStatement("foreign_keys", name, f"ALTER TABLE {ident(name)}\n  {adds}",
                                             session=session))
    view_order, early_functions = plan_views(schema)
    def routine(key) -> RenderedStatement:
        r = schema.routines[key]
        sql = routine_sql(r, options)
        return RenderedStatement(r.kind.lower(), r.name, sql, True, _sql_mode(r) + _client(r, sql))

    for key in early_functions:
        out.append(routine(key))
    for name in view_order:
        view = schema.views[name]
        sql = view_sql(view, options)
        out.append(RenderedStatement("view", name, sql, session=_client(view, sql)))
    for key in sorted(schema.routines):
        if key not in early_functions:
            out.append(routine(key))
    for trg in _trigger_order(schema):
        sql = trigger_sql(trg, rules, options)
        out.append(RenderedStatement("trigger", trg.name, sql, True, _sql_mode(trg) + _client(trg, sql)))
    for name in sorted(schema.events):
        ev = schema.events[name]
        sql = event_sql(ev, options, schema.replay_clock.get(name))
        session = _sql_mode(ev) + ((("time_zone", string(ev.time_zone)),) if ev.time_zone else ()) \
            + _client(ev, sql)
        out.append(RenderedStatement("event", ev.name, sql, True, session))
        if event_may_lapse(ev):
            out.append(RenderedStatement("event_completion", ev.name, event_completion_sql(ev, options),
                                         False, session))
    return out


def drop_statements(schema: Schema, options: RenderOptions = RenderOptions()) -> list[RenderedStatement]:
    """Statements dropping everything :func:`create_statements` makes, dependents first
    (for down migrations)."""
    out: list[RenderedStatement] = []
    for name in sorted(schema.events, reverse=True):
        out.append(RenderedStatement("event", name, f"DROP EVENT {ident(schema.events[name].name)}"))
    for trg in reversed(_trigger_order(schema)):
        out.append(RenderedStatement("trigger", trg.name, f"DROP TRIGGER {ident(trg.name)}"))
    view_order, early = plan_views(schema)
    for key in sorted((k for k in schema.routines if k not in early), reverse=True):
        r = schema.routines[key]
        out.append(RenderedStatement(r.kind.lower(), r.name, f"DROP {r.kind} {ident(r.name)}"))
    for name in reversed(view_order):
        out.append(RenderedStatement("view", name, f"DROP VIEW {ident(name)}"))
    for key in reversed(early):
        r = schema.routines[key]
        out.append(RenderedStatement(r.kind.lower(), r.name, f"DROP {r.kind} {ident(r.name)}"))
    plan = plan_tables(schema)
    for name in reversed(plan.order):
        fks = [fk for fk in schema.tables[name].foreign_keys if (name, fk.name) in plan.deferred]
        if fks:
            drops = ", ".join(f"DROP FOREIGN KEY {ident(fk.name)}" for fk in fks)
            out.append(RenderedStatement("foreign_keys", name, f"ALTER TABLE {ident(name)} {drops}"))
    for name in reversed(plan.order):
        out.append(RenderedStatement("table", name, f"DROP TABLE {ident(name)}"))
    for name in sorted(schema.sequences, reverse=True):
        out.append(RenderedStatement("sequence", name, f"DROP SEQUENCE {ident(name)}"))
    return out


def render_sql_file(schema: Schema, options: RenderOptions = RenderOptions(), *,
                    source_description: str) -> str:
    """The plain ``.sql`` baseline (see :mod:`.sqlfile`)."""
    from .sqlfile import render_sql_file as render

    return render(schema, options, source_description=source_description)
