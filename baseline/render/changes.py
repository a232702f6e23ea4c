"""The migration between two schemas: the statements that turn A into B.

:func:`plan_changes` compares two :class:`~baseline.model.Schema` objects
object by object and renders what changes, in an order the server accepts:

1. views, routines, triggers, events and sequences that change or go are dropped
   (dependents first, as :func:`.ddl.drop_statements` orders them);
2. foreign keys that change or go are dropped, so no key or column they hold
   is in the way;
3. new sequences, then new tables (their foreign keys left for step 6);
4. one ``ALTER TABLE`` per changed table: indexes and CHECKs that change or go
   dropped, columns dropped, changed (``MODIFY``) and added, at their place in
   B, new indexes and CHECKs, table options;
5. tables that go are dropped;
6. foreign keys of new tables and new or changed ones of kept tables;
7. views, routines, triggers and events that are new or changed, as
   :func:`.ddl.create_statements` orders them.

What can lose data is never chosen silently: each such step is listed in
:attr:`ChangePlan.unsafe` (``DROP TABLE``, ``DROP COLUMN``, a ``MODIFY`` that
narrows a type, adds NOT NULL or converts a character set), and a column or
table that goes while one of the same definition comes is named as a possible
rename (:attr:`ChangePlan.renames`): the plan writes DROP + ADD, which loses the
values a ``RENAME`` would keep. The down migration is the plan from B to A.

Nothing here touches a server: proving a plan (replaying it) is the caller's
job (:mod:`baseline.workflows.next_migration`).
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from ..model import Column, Schema, Table
from .ddl import (
    RenderedStatement,
    RenderOptions,
    check_sql,
    column_sql,
    create_statements,
    create_table_sql,
    drop_statements,
    fk_sql,
    index_sql,
    key_order_sql,
    table_options_sql,
)
from .order import plan_tables
from .quote import ident

#: Object kinds dropped and created whole when they change.
_WHOLE = ("view", "procedure", "function", "trigger", "event", "sequence")


@dataclass
class ChangePlan:
    """The statements of one direction, and what in them can lose data."""

    statements: list[RenderedStatement] = field(default_factory=list)
    #: One line per step that can lose or change data: ``DROP COLUMN accounts.x: its values are lost``.
    unsafe: list[str] = field(default_factory=list)
    #: One line per DROP + ADD that may be meant as a rename.
    renames: list[str] = field(default_factory=list)
    #: What the plan cannot write (partitioning changes): the proof then fails on it.
    unsupported: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.statements


def plan_changes(a: Schema, b: Schema, *, column_order: bool = True, generated_indexes: bool = True) -> ChangePlan:
    """The statements turning ``a`` into ``b``. ``column_order=False`` leaves
    column positions alone (a model's order is not the table's).
    ``generated_indexes=False``: ``a``'s foreign-key indexes are not the server's
    own (the state a plan's up left: it named them), so a re-added key keeps them."""
    return _Planner(a, b, column_order, generated_indexes).plan()


def _fold(names) -> dict[str, str]:
    return {n.casefold(): n for n in names}


class _Planner:
    def __init__(self, a: Schema, b: Schema, column_order: bool, generated_indexes: bool = True):
        self.a, self.b = a, b
        self.rules = (b.flavor or a.flavor).rules if (b.flavor or a.flavor) else None
        if self.rules is None:
            from ..flavor import DEFAULT_FLAVOR

            self.rules = DEFAULT_FLAVOR.rules
        self.options = RenderOptions()
        self.column_order = column_order
        self.generated_indexes = generated_indexes
        self.out = ChangePlan()

    # ------------------------------------------------------------------ plan
    def plan(self) -> ChangePlan:
        a, b = self.a, self.b
        changed_whole = self._changed_whole()
        # 1. dependent objects that change or go
        for st in drop_statements(a, self.options):
            if st.kind in _WHOLE and (st.kind, st.name.casefold()) in changed_whole["drop"]:
                self.out.statements.append(st)
        ta, tb = _fold(a.tables), _fold(b.tables)
        kept = sorted((k for k in ta if k in tb), key=lambda k: tb[k])
        gone = sorted((k for k in ta if k not in tb), key=lambda k: ta[k])
        new = [n for n in plan_tables(b).order if n.casefold() not in ta]
        self._table_renames(gone, new)
        # 2. foreign keys that change or go (also those of tables that go)
        later_fks: list[tuple[str, list]] = []
        for key in kept + gone:
            t_a = a.tables[ta[key]]
            t_b = b.tables[tb[key]] if key in tb else None
            drop = [fk for fk in t_a.foreign_keys
                    if t_b is None or not self._same_fk(fk, t_b.foreign_key(fk.name), t_a, t_b)]
            if drop:
                self._add("foreign_keys", t_a.name, f"ALTER TABLE {ident(t_a.name)} "
                          + ", ".join(f"DROP FOREIGN KEY {ident(fk.name)}" for fk in drop))
        # 3. new sequences and tables
        for st in create_statements(b, self.options):
            if st.kind in ("sequence", "sequence_position") and (st.kind, st.name.casefold()) in changed_whole["create"]:
                self.out.statements.append(st)
        for name in new:
            t = b.tables[name]
            sql = create_table_sql(t, self.rules, self.options, {fk.name for fk in t.foreign_keys})
            if t.charset and t.collation and (t.charset, t.collation) == (b.charset, b.collation):
                # the database's default, as a migration leaves it: whatever database the
                # chain runs in (a developer's, production's) gives the table its own
                sql = sql.replace(f" DEFAULT CHARSET={t.charset} COLLATE={t.collation}", "", 1)
            self._add("table", name, sql)
            fix = key_order_sql(t, self.rules)
            if fix:
                self._add("key_order", name, fix)
            if t.foreign_keys:
                later_fks.append((name, list(t.foreign_keys)))
        # 4. tables that change
        for key in kept:
            t_a, t_b = a.tables[ta[key]], b.tables[tb[key]]
            clauses = self._alter(t_a, t_b)
            if clauses:
                self._add("table", t_b.name, f"ALTER TABLE {ident(t_a.name)}\n  " + ",\n  ".join(clauses))
            adds = [fk for fk in t_b.foreign_keys
                    if not self._same_fk(t_a.foreign_key(fk.name), fk, t_a, t_b)]
            if adds:
                later_fks.append((t_b.name, adds))
        # 5. tables that go
        for key in gone:
            name = ta[key]
            self.out.unsafe.append(f"DROP TABLE {name}: its rows are lost")
            self._add("table", name, f"DROP TABLE {ident(name)}")
        # 6. foreign keys
        for name, fks in later_fks:
            self._add("foreign_keys", name, f"ALTER TABLE {ident(name)}\n  "
                      + ",\n  ".join(f"ADD {fk_sql(fk, self.rules)}" for fk in fks))
            kept = a.tables.get(ta.get(name.casefold(), ""))
            if kept is not None:
                self._keep_generated_indexes(kept, b.tables[name], fks)
        # 7. dependent objects that come or change
        for st in create_statements(b, self.options):
            if st.kind in _WHOLE and st.kind != "sequence" or st.kind == "event_completion":
                kind = "event" if st.kind == "event_completion" else st.kind
                if (kind, st.name.casefold()) in changed_whole["create"]:
                    self.out.statements.append(st)
        if (a.charset, a.collation) != (b.charset, b.collation) and b.charset and b.collation:
            self._add("schema", b.name or "", f"ALTER DATABASE CHARACTER SET {b.charset} COLLATE {b.collation}")
        return self.out

    def _add(self, kind: str, name: str, sql: str) -> None:
        self.out.statements.append(RenderedStatement(kind, name, sql))

    # ------------------------------------------------------------------ whole objects
    def _changed_whole(self) -> dict[str, set]:
        """``(kind, name)`` pairs to drop from A and to create from B."""
        drop, create = set(), set()
        for kind, get in (("view", lambda s: s.views), ("trigger", lambda s: s.triggers),
                          ("event", lambda s: s.events), ("sequence", lambda s: s.sequences)):
            xa, xb = _fold(get(self.a)), _fold(get(self.b))
            for key in set(xa) | set(xb):
                oa = get(self.a)[xa[key]] if key in xa else None
                ob = get(self.b)[xb[key]] if key in xb else None
                if oa == ob:
                    continue
                if oa is not None:
                    drop.add((kind, key))
                if ob is not None:
                    create.add((kind, key))
        ra = {(r.kind.lower(), r.name.casefold()): r for r in self.a.routines.values()}
        rb = {(r.kind.lower(), r.name.casefold()): r for r in self.b.routines.values()}
        for key in set(ra) | set(rb):
            if ra.get(key) != rb.get(key):
                if key in ra:
                    drop.add(key)
                if key in rb:
                    create.add(key)
        # a trigger goes with its table: one on a table that is re-created or dropped is re-made
        return {"drop": drop, "create": create}

    # ------------------------------------------------------------------ tables
    def _same_fk(self, fa, fb, t_a: Table, t_b: Table) -> bool:
        if fa is None or fb is None:
            return False
        return fk_sql(fa, self.rules) == fk_sql(fb, self.rules) and \
            fa.ref_table.casefold() == fb.ref_table.casefold()

    def _col(self, c: Column, t: Table) -> str:
        chk = next((k for k in t.checks if k.column_level and k.name.casefold() == c.name.casefold()), None)
        if not c.nullable and c.default == "NULL" and c.generated is None:
            # a side aligned by the models' rules can carry the other side's DEFAULT NULL
            # onto a NOT NULL column (Sequelize's timestamps): no server takes that
            c = copy.copy(c)
            c.default = None
        return column_sql(c, t, chk, self.rules)

    def _alter(self, t_a: Table, t_b: Table) -> list[str]:
        clauses: list[str] = []
        # indexes and CHECKs that change or go
        ia, ib = {i.name.casefold(): i for i in t_a.indexes}, {i.name.casefold(): i for i in t_b.indexes}
        changed_ix = {k for k in ia if k not in ib or index_sql(ia[k], self.rules) != index_sql(ib[k], self.rules)}
        for k in sorted(changed_ix):
            clauses.append("DROP PRIMARY KEY" if ia[k].kind == "PRIMARY" else f"DROP INDEX {ident(ia[k].name)}")
        ca = {c.name.casefold(): c for c in t_a.checks if not c.column_level}
        cb = {c.name.casefold(): c for c in t_b.checks if not c.column_level}
        changed_ck = {k for k in ca if k not in cb or check_sql(ca[k]) != check_sql(cb[k])}
        for k in sorted(changed_ck):
            clauses.append(f"DROP CONSTRAINT {ident(ca[k].name)}")
        # columns
        cols_a = {c.name.casefold(): c for c in t_a.columns}
        cols_b = {c.name.casefold(): c for c in t_b.columns}
        dropped = [c for c in t_a.columns if c.name.casefold() not in cols_b]
        added = [c for c in t_b.columns if c.name.casefold() not in cols_a]
        self._column_renames(t_b.name, dropped, added, t_a, t_b)
        for c in dropped:
            self.out.unsafe.append(f"DROP COLUMN {t_a.name}.{c.name}: its values are lost")
            clauses.append(f"DROP COLUMN {ident(c.name)}")
        current = [c.name.casefold() for c in t_a.columns if c.name.casefold() in cols_b]
        prev: str | None = None
        for c in t_b.columns:
            key = c.name.casefold()
            want = 0 if prev is None else current.index(prev) + 1 if prev in current else None
            place = "FIRST" if prev is None else f"AFTER {ident(cols_b[prev].name)}"
            if key not in cols_a:
                clauses.append(f"ADD COLUMN {self._col(c, t_b)}" + (f" {place}" if self.column_order else ""))
                current.insert(want if want is not None else len(current), key)
            else:
                differs = self._col(cols_a[key], t_a) != self._col(c, t_b)
                moved = self.column_order and current.index(key) != want
                if differs or moved:
                    if differs:
                        self._narrowing(t_b.name, cols_a[key], c, t_a, t_b)
                    clauses.append(f"MODIFY COLUMN {self._col(c, t_b)}" + (f" {place}" if moved else ""))
                    if moved:
                        current.remove(key)
                        current.insert(current.index(prev) + 1 if prev is not None else 0, key)
            prev = key
        # new and changed indexes (and those re-made so that the keys come out in B's order)
        redo = self._key_order_redo(t_a, t_b, changed_ix)
        if redo:
            at = next(n for n, c in enumerate(clauses) if not c.startswith(("DROP PRIMARY", "DROP INDEX"))) \
                if any(not c.startswith(("DROP PRIMARY", "DROP INDEX")) for c in clauses) else len(clauses)
            clauses[at:at] = [f"DROP INDEX {ident(ia[k].name)}" for k in sorted(redo)]
            changed_ix |= redo
        for i in t_b.indexes:
            k = i.name.casefold()
            if k not in ia or k in changed_ix:
                clauses.append(f"ADD {index_sql(i, self.rules)}")
        for k, c in cb.items():
            if k not in ca or k in changed_ck:
                clauses.append(f"ADD {check_sql(c)}")
        # table options (AUTO_INCREMENT counters are not part of a schema change)
        opts_a, opts_b = table_options_sql(t_a, self.options), table_options_sql(t_b, self.options)
        if opts_a != opts_b:
            # what B leaves unset is said explicitly, else the ALTER keeps A's
            if t_a.comment and not t_b.comment:
                opts_b += " COMMENT=''"
            if t_a.row_format and not t_b.row_format:
                opts_b += " ROW_FORMAT=DEFAULT"
            clauses.append(opts_b.strip())
        if t_a.partitioning != t_b.partitioning:
            self.out.unsupported.append(f"table {t_b.name}: partitioning changes are not written")
        return clauses

    def _keep_generated_indexes(self, t_a: Table, t_b: Table, fks: list) -> None:
        """Where the server gives a re-added foreign key an index of its own name in
        place of the one it made for the key before (``fk_replaces_generated_index``),
        the index gets back the name both sides show."""
        if not self.rules.fk_replaces_generated_index or not self.generated_indexes:
            return
        for fk in fks:
            if t_a.foreign_key(fk.name) is None or t_b.index(fk.name) is not None:
                continue
            cols = [c.casefold() for c in fk.columns]
            serving = [i for i in t_b.indexes if [(p.column or "").casefold() for p in i.parts][:len(cols)] == cols]
            old = t_a.index(fk.columns[0]) if fk.columns else None
            if (len(serving) == 1 and serving[0].name.casefold() == fk.columns[0].casefold() and old is not None
                    and index_sql(old, self.rules) == index_sql(serving[0], self.rules)):
                self._add("key_name", t_b.name, f"ALTER TABLE {ident(t_b.name)} RENAME INDEX {ident(fk.name)} "
                          f"TO {ident(serving[0].name)}")

    def _key_order_redo(self, t_a: Table, t_b: Table, changed: set[str]) -> set[str]:
        """Keys of both sides to drop and add again so that the ALTER leaves B's key
        order: an ALTER that adds keys sorts them (PRIMARY, UNIQUE, plain,
        FULLTEXT: ``key_rank``) and, within a rank, puts the added ones after the
        kept ones, so a key B has between two kept ones must bring the kept ones
        after it along (what a rename of its column, say, did in place)."""
        from ..engine.builder import key_rank

        ia = {i.name.casefold(): i for i in t_a.indexes}
        want = [i.name.casefold() for i in t_b.indexes]
        added = [k for k in want if k not in ia or k in changed]
        if not added:
            return set()
        cols = {c.name.casefold(): c for c in t_b.columns}

        def nullable(column: str) -> bool:
            c = cols.get(column.casefold())
            return c is None or c.nullable

        by_name = {i.name.casefold(): i for i in t_b.indexes}

        def rank(k: str) -> tuple:
            i = by_name[k]
            return key_rank(i, nullable, self.rules.long_unique_hash and i.kind == "UNIQUE" and i.using == "HASH")

        redo: set[str] = set()
        for _ in range(2):
            kept = [i.name.casefold() for i in t_a.indexes
                    if i.name.casefold() in by_name and i.name.casefold() not in changed | redo]
            got = sorted(kept + [k for k in want if k not in kept], key=rank)
            if got == want:
                return redo
            first = next(n for n, (x, y) in enumerate(zip(got, want, strict=False)) if x != y)
            redo |= {k for k in want[first:] if k in kept and by_name[k].kind != "PRIMARY"}
        return redo

    # ------------------------------------------------------------------ safety
    def _narrowing(self, table: str, ca: Column, cb: Column, t_a: Table, t_b: Table) -> None:
        where = f"MODIFY COLUMN {table}.{cb.name}"
        if ca.nullable and not cb.nullable:
            self.out.unsafe.append(f"{where}: NOT NULL, fails on (or changes) rows holding NULL")
        if not _widens(ca, cb):
            self.out.unsafe.append(f"{where}: {_type(ca)} -> {_type(cb)}, values may be cut or converted")
        elif (ca.collation or t_a.collation) != (cb.collation or t_b.collation) and _is_text(cb):
            self.out.unsafe.append(f"{where}: character set or collation changes, stored text is converted")

    def _column_renames(self, table: str, dropped: list[Column], added: list[Column], t_a: Table,
                        t_b: Table) -> None:
        for d in dropped:
            shape = _shape(self._col(d, t_a), d.name)
            for n in added:
                if _shape(self._col(n, t_b), n.name) == shape:
                    self.out.renames.append(
                        f"{table}.{d.name} -> {n.name} may be a rename (same definition): written as DROP COLUMN + "
                        f"ADD COLUMN, which loses its values; for a rename write "
                        f"RENAME COLUMN {ident(d.name)} TO {ident(n.name)} instead")

    def _table_renames(self, gone: list[str], new: list[str]) -> None:
        ta = _fold(self.a.tables)
        for key in gone:
            old = self.a.tables[ta[key]]
            shape = [self._col(c, old) for c in old.columns]
            for name in new:
                t = self.b.tables[name]
                if [self._col(c, t) for c in t.columns] == shape:
                    self.out.renames.append(
                        f"table {old.name} -> {name} may be a rename (same columns): written as DROP TABLE + "
                        f"CREATE TABLE, which loses its rows; for a rename write "
                        f"RENAME TABLE {ident(old.name)} TO {ident(name)} instead")


def _shape(text: str, name: str) -> str:
    return text[len(ident(name)):]


_TYPE = re.compile(r"^\s*([a-z]+)\s*(?:\((.*)\))?", re.I)
_INTS = ["tinyint", "smallint", "mediumint", "int", "integer", "bigint"]
_TEXTS = {"tinytext": 0, "text": 1, "mediumtext": 2, "longtext": 3,
          "tinyblob": 0, "blob": 1, "mediumblob": 2, "longblob": 3}


def _type(c: Column) -> str:
    return c.type + (" unsigned" if c.unsigned else "")


def _is_text(c: Column) -> bool:
    return bool(re.match(r"\s*(var)?char|.*text|enum|set", c.type, re.I))


def _widens(ca: Column, cb: Column) -> bool:
    """True when every value of ``ca``'s type fits ``cb``'s unchanged."""
    if _type(ca) == _type(cb):
        return True
    ma, mb = _TYPE.match(ca.type), _TYPE.match(cb.type)
    if not ma or not mb or ca.unsigned != cb.unsigned:
        return False
    na, nb = ma.group(1).lower(), mb.group(1).lower()
    args_a = [x.strip() for x in (ma.group(2) or "").split(",") if x.strip()]
    args_b = [x.strip() for x in (mb.group(2) or "").split(",") if x.strip()]
    if na in _INTS and nb in _INTS:
        return _INTS.index(nb if nb != "integer" else "int") >= _INTS.index(na if na != "integer" else "int")
    if na in _TEXTS and nb in _TEXTS:
        return (na.endswith("blob")) == (nb.endswith("blob")) and _TEXTS[nb] >= _TEXTS[na]
    if (na, nb) in (("char", "varchar"), ("varchar", "varchar"), ("char", "char"), ("varbinary", "varbinary"),
                    ("binary", "varbinary"), ("binary", "binary")) and len(args_a) == len(args_b) == 1:
        return args_a[0].isdigit() and args_b[0].isdigit() and int(args_b[0]) >= int(args_a[0])
    if na in ("varchar", "char") and nb in _TEXTS and not nb.endswith("blob"):
        return True
    if na == nb == "decimal" and len(args_a) == len(args_b) == 2 and all(x.isdigit() for x in args_a + args_b):
        (pa, sa), (pb, sb) = map(int, args_a), map(int, args_b)
        return sb >= sa and pb - sb >= pa - sa
    if na == nb and na in ("enum", "set"):
        return ", ".join(args_b).startswith(", ".join(args_a)) or args_b[:len(args_a)] == args_a
    return False
