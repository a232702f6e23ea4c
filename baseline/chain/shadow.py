"""What the chain itself says about each object, just before each of its statements.

The inverter walks the chain backwards and sometimes needs an object as it was
*before* a statement: the column a ``DROP COLUMN`` removes, the old type a
``MODIFY`` replaced, the table a ``DROP TABLE`` drops, the view body an
``ALTER VIEW`` overwrote. When an earlier statement of the chain defined it,
that definition is known exactly; only when it appears nowhere is information
really lost (and the inverter says so).

This module finds those definitions by simulating the chain *forwards* with the
engine's :class:`~baseline.engine.builder.SchemaBuilder` (so they come out in the
model's canonical form) from a start it does not know: the tables that existed
before the chain (created by an ORM's ``sync()``, say) are unknown. Such a
table becomes a *stub* the first time a statement names it: it holds only what
the chain put into it (columns it added or redefined, keys it added, options it
set). A column a statement names but whose definition the chain never gave (an
index over a pre-chain column, say) is a *ghost*: present, so the statement
applies, but marked unknown. Statements that cannot be applied to this partial
picture are skipped one operation at a time; the simulation never fails.

Before every statement it records the objects the statement touches
(:class:`TableState` for tables; views, triggers, routines, events and
sequences as model objects). :class:`ChainKnowledge` answers "what was known
about X just before position P" from those records.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..flavor import Flavor
from ..model import Column, Schema, Table
from ..sql.ddl import nodes as N
from ..engine.builder import SchemaBuilder
from ..engine.tablestate import GHOST_TYPE, TableState, fold, option_attribute
from .parsed import ParsedMigration

Position = tuple[int, int]  # (migration index, statement index)


@dataclass
class _Meta:
    stub: bool
    ghosts: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)


class ChainKnowledge:
    """Forward simulation of a chain from an unknown start; see the module docstring.

    ``hints`` (SOURCE's schema) gives a stub its character set, collation and
    engine, so that columns the chain adds to it get the canonical charset they
    really have.
    """

    def __init__(self, parsed: list[ParsedMigration], *, flavor: Flavor, name: str | None = None,
                 charset: str | None = None, collation: str | None = None, hints: Schema | None = None):
        self.flavor = flavor
        self.hints = hints
        self.b = SchemaBuilder(flavor, name=name, charset=charset, collation=collation)
        self.meta: dict[str, _Meta] = {}
        self._tables: dict[Position, dict[str, TableState | None]] = {}
        self._objects: dict[Position, dict[tuple, object]] = {}
        for pm in parsed:
            for ps in pm.statements:
                if ps.node is None or not ps.node.changes_schema:
                    if isinstance(ps.node, (N.SetStatement, N.DataStatement)):
                        self._apply(ps.node)
                    continue
                pos = (pm.index, ps.index)
                self._record(pos, ps.node)
                self._apply(ps.node)

    # ------------------------------------------------------------------ answers
    def table(self, pos: Position, name: str) -> TableState | None:
        """The table ``name`` just before the statement at ``pos`` (a copy), or ``None``
        when the chain had not mentioned it (or it did not exist)."""
        st = self._tables.get(pos, {}).get(fold(name))
        return copy.deepcopy(st) if st is not None else None

    def object(self, pos: Position, kind: str, name: str):
        """A view, trigger, routine (``kind`` ``procedures``/``functions``), event or
        sequence just before ``pos`` (a copy), or ``None`` when the chain had not
        defined it."""
        obj = self._objects.get(pos, {}).get((kind, fold(name)))
        return copy.deepcopy(obj)

    # ------------------------------------------------------------------ recording
    def _record(self, pos: Position, node: N.Node) -> None:
        tables: list[str] = []
        objects: list[tuple[str, str]] = []
        if isinstance(node, N.AlterTable):
            tables.append(node.name)
        elif isinstance(node, (N.CreateIndex, N.DropIndexStatement)):
            tables.append(node.table)
        elif isinstance(node, N.CreateTable):
            tables.append(node.name)
        elif isinstance(node, N.RenameTables):
            tables += [a for (_, a), _b in node.pairs]
        elif isinstance(node, N.Drop):
            kind = _DROP_KINDS.get(node.object_kind)
            for _, name in node.names:
                if node.object_kind == "TABLE":
                    tables.append(name)
                elif kind is not None:
                    objects.append((kind, name))
        elif isinstance(node, N.CreateView):
            objects.append(("views", node.name))
        elif isinstance(node, N.CreateTrigger):
            objects.append(("triggers", node.name))
        elif isinstance(node, (N.CreateRoutine, N.AlterRoutine)):
            objects.append(("functions" if node.routine_kind == "FUNCTION" else "procedures", node.name))
        elif isinstance(node, N.CreateEvent):
            objects.append(("events", node.name))
        elif isinstance(node, N.CreateSequence):
            objects.append(("sequences", node.name))
        if tables:
            self._tables[pos] = {fold(n): self._state(n) for n in tables}
        if objects:
            self._objects[pos] = {(k, fold(n)): copy.deepcopy(self._find(k, n)) for k, n in objects}

    def _state(self, name: str) -> TableState | None:
        t = self.b.schema.table(name)
        if t is None:
            return None
        meta = self.meta.get(fold(t.name)) or _Meta(stub=True)
        triggers = [copy.deepcopy(trg) for trg in self.b.schema.triggers.values() if trg.table == t.name]
        return TableState(copy.deepcopy(t), meta.stub, frozenset(meta.ghosts), frozenset(meta.known), triggers,
                          frozenset(self.b.implicit_indexes(t.name)))

    def _find(self, kind: str, name: str):
        s = self.b.schema
        k = fold(name)
        if kind in ("procedures", "functions"):
            return s.routines.get(("FUNCTION" if kind == "functions" else "PROCEDURE", k))
        coll = getattr(s, kind)
        obj = coll.get(name)
        if obj is None:
            obj = next((v for n, v in coll.items() if isinstance(n, str) and fold(n) == k), None)
        return obj

    # ------------------------------------------------------------------ applying
    def _apply(self, node: N.Node) -> None:
        if isinstance(node, N.AlterTable):
            self._alter(node)
        elif isinstance(node, N.CreateIndex):
            ops = [N.AddIndex(node.index)]
            if node.or_replace and node.index.name:
                ops.insert(0, N.DropIndex(node.index.name, if_exists=True))
            self._alter(N.AlterTable(node.table, operations=ops, text=node.text, file=node.file, line=node.line))
        elif isinstance(node, N.DropIndexStatement):
            self._alter(N.AlterTable(node.table, operations=[N.DropIndex(node.name, node.if_exists)],
                                     text=node.text, file=node.file, line=node.line))
        elif isinstance(node, N.CreateTable):
            self._create_table(node)
        elif isinstance(node, N.Drop):
            self._drop(node)
        elif isinstance(node, N.RenameTables):
            for (_, a), (_, b) in node.pairs:
                t = self._ensure_table(a)
                old = t.name
                if self._try(N.RenameTables([((None, old), (None, b))], text=node.text, file=node.file,
                                            line=node.line)):
                    self.meta[fold(b)] = self.meta.pop(fold(old), _Meta(stub=True))
        elif isinstance(node, N.CreateTrigger):
            self._ensure_table(node.table)
            self._try(replace(node, schema=None, table_schema=None))
        elif isinstance(node, (N.Use, N.CreateDatabase)):
            return
        elif isinstance(node, N.DataStatement):
            self._data_ghosts(node)
        else:
            self._try(_unqualified(node))

    def _try(self, node: N.Node, table: str | None = None) -> bool:
        """Apply ``node``; on failure leave the schema as it was and return False."""
        backup = None
        if table is not None:
            t = self.b.schema.table(table)
            if t is not None:
                backup = (t, t.name, copy.deepcopy(t), set(self.b.implicit.get(t.name, set())))
        try:
            self.b.apply(node)
            return True
        except (InputError, RecursionError, ValueError, KeyError, IndexError, AttributeError, TypeError):
            # the partial picture lacks what the statement needs: skip it
            if backup is not None:
                original, name, saved, implicit = backup
                tables = self.b.schema.tables
                for n in [n for n, v in tables.items() if v is original or fold(n) == fold(name)]:
                    del tables[n]
                tables[name] = saved
                self.b.implicit[name] = implicit
            return False

    def _ensure_table(self, name: str) -> Table:
        """The table, or a stub for a table that existed before the chain."""
        t = self.b.schema.table(name)
        if t is not None:
            return t
        hint = self.hints.table(name) if self.hints is not None else None
        items = {}
        if hint is not None:
            if hint.engine:
                items["ENGINE"] = hint.engine
            if hint.charset:
                items["CHARSET"] = hint.charset
            if hint.collation:
                items["COLLATE"] = hint.collation
        real = hint.name if hint is not None else name
        self.b.apply(N.CreateTable(real, options=N.TableOptions(items)))
        self.meta[fold(real)] = _Meta(stub=True)
        return self.b.schema.table(real)

    def _create_table(self, node: N.CreateTable) -> None:
        node = replace(node, schema=None)
        existing = self.b.schema.table(node.name)
        if existing is not None and not node.if_not_exists and not node.or_replace:
            # it ran on the real server, so the table did not exist there: our picture is wrong
            self._try(N.Drop("TABLE", [(None, existing.name)], if_exists=True))
            self.meta.pop(fold(existing.name), None)
        if existing is not None and node.if_not_exists:
            return
        if self._try(node):
            stub = node.select is not None or node.like is not None and \
                self.meta.get(fold(node.like[1]), _Meta(stub=True)).stub
            self.meta[fold(node.name)] = _Meta(stub=stub)

    def _drop(self, node: N.Drop) -> None:
        for _schema, name in node.names:  # the shadow is one database, as in _alter
            single = replace(node, names=[(None, name)], if_exists=True)
            if node.object_kind == "TABLE":
                t = self.b.schema.table(name)
                if t is None:
                    continue
                if self._try(single):
                    self.meta.pop(fold(t.name), None)
            else:
                self._try(single)

    # ------------------------------------------------------------------ ALTER TABLE
    def _alter(self, node: N.AlterTable) -> None:
        node = replace(node, schema=None)
        t = self._ensure_table(node.name)
        name = t.name
        meta = self.meta.setdefault(fold(name), _Meta(stub=True))
        if not meta.stub and self._try(replace(node, name=name), name):
            for op in node.operations:
                name = self._after(op, name, meta)
            return
        for op in node.operations:
            if meta.stub:
                self._ghosts(op, name, meta)
            single = N.AlterTable(name, operations=[op], text=node.text, file=node.file, line=node.line)
            if self._try(single, name):
                name = self._after(op, name, meta)

    def _data_ghosts(self, node: N.DataStatement) -> None:
        """The pre-chain columns a data statement names as ``alias.column`` of a table
        known only as a stub (``UPDATE t JOIN old_info AS i ON t.id = i.target_id SET
        t.a = i.a``): a placeholder for a table dropped later must have them, or the
        statement fails before the DROP. Statements are not parsed: table aliases and
        qualified names are read from the text."""
        text = node.text or ""
        aliases: dict[str, str] = {}
        for m in _TABLE_REF.finditer(text):
            table, alias = _bare(m.group(1)), _bare(m.group(2) or "")
            if table.upper() in _NOT_ALIASES or table.casefold() == "dual":
                continue
            aliases.setdefault(fold(table), table)
            if alias and alias.upper() not in _NOT_ALIASES:
                aliases[fold(alias)] = table
        for m in _QUALIFIED.finditer(text):
            table = aliases.get(fold(_bare(m.group(1))))
            if table is None:
                continue
            if self.b.schema.table(table) is None:
                self._ensure_table(table)  # a table from before the chain, first named here
            meta = self.meta.get(fold(self.b.schema.table(table).name)) if self.b.schema.table(table) else None
            if meta is None or not meta.stub:
                continue
            t = self.b.schema.table(table)
            if t is not None:
                _add_ghost(t, meta, _bare(m.group(2)))

    def _ghosts(self, op: N.AlterOp, table: str, meta: _Meta) -> None:
        """Add the pre-chain columns ``op`` names (definition unknown) to a stub."""
        t = self.b.schema.table(table)
        for col in _columns_named(op):
            _add_ghost(t, meta, col)

    def _after(self, op: N.AlterOp, table: str, meta: _Meta) -> str:
        """Bookkeeping after an operation applied; returns the table's (new) name."""
        if isinstance(op, (N.AddColumn, N.ModifyColumn)):
            meta.ghosts.discard(fold(op.column.name))
        elif isinstance(op, N.ChangeColumn):
            meta.ghosts.discard(fold(op.old_name))
            meta.ghosts.discard(fold(op.column.name))
        elif isinstance(op, N.RenameColumn):
            if fold(op.old_name) in meta.ghosts:
                meta.ghosts.discard(fold(op.old_name))
                meta.ghosts.add(fold(op.new_name))
        elif isinstance(op, N.DropColumn):
            meta.ghosts.discard(fold(op.name))
        elif isinstance(op, N.SetTableOptions):
            for key in op.options.items:
                meta.known.add(option_attribute(key))
        elif isinstance(op, N.ConvertCharset):
            meta.known.add("charset")
        elif isinstance(op, N.PartitionOp) and op.action in ("PARTITION BY", "REMOVE PARTITIONING"):
            meta.known.add("partitioning")
        elif isinstance(op, N.RenameTable):
            self.meta[fold(op.new_name)] = self.meta.pop(fold(table), meta)
            return op.new_name
        return table


_NAME = r"(`(?:[^`]|``)+`|[A-Za-z_$][\w$]*)"
#: ``FROM t``, ``JOIN t AS a``, ``UPDATE t a``, ``INTO t``: a table and its alias.
_TABLE_REF = re.compile(rf"\b(?:FROM|JOIN|UPDATE|INTO)\s+{_NAME}(?:\s+(?:AS\s+)?{_NAME})?", re.I)
#: ``a.column`` (a string's content can match too: only names of known stubs are used).
_QUALIFIED = re.compile(rf"{_NAME}\s*\.\s*{_NAME}")
_NOT_ALIASES = {"SET", "WHERE", "ON", "INNER", "LEFT", "RIGHT", "CROSS", "JOIN", "NATURAL", "STRAIGHT_JOIN",
                "VALUES", "VALUE", "SELECT", "USING", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "AS", "PARTITION",
                "FORCE", "USE", "IGNORE", "WINDOW", "FOR", "LOCK", "INTO", "DEFAULT", "OUTER", "FULL", "WITH"}


def _add_ghost(t: Table, meta: _Meta, col: str | None) -> None:
    """A pre-chain column of a stub, its definition unknown (named by a statement)."""
    if col and t.column(col) is None:
        t.columns.append(Column(col, GHOST_TYPE, charset=t.charset, collation=t.collation,
                                nullable=True, default="NULL"))
        meta.ghosts.add(fold(col))


def _bare(name: str) -> str:
    return name[1:-1].replace("``", "`") if name.startswith("`") else name


_DROP_KINDS = {"VIEW": "views", "TRIGGER": "triggers", "PROCEDURE": "procedures", "FUNCTION": "functions",
               "EVENT": "events", "SEQUENCE": "sequences"}


def _columns_named(op: N.AlterOp) -> list[str]:
    """Existing columns an operation needs (its own new column excluded)."""
    out: list[str | None] = []
    pos = getattr(op, "position", None)
    if pos is not None and pos.after:
        out.append(pos.after)
    if isinstance(op, (N.DropColumn, N.AlterColumnDefault, N.AlterColumnVisibility)):
        out.append(op.name)
    elif isinstance(op, N.ModifyColumn):
        out.append(op.column.name)
    elif isinstance(op, (N.ChangeColumn, N.RenameColumn)):
        out.append(op.old_name)
    elif isinstance(op, N.AddIndex):
        out += [p.column for p in op.index.parts]
    elif isinstance(op, N.AddForeignKey):
        out += list(op.foreign_key.columns)
    return [c for c in out if c]


def _unqualified(node: N.Node) -> N.Node:
    """Migrations run against one database: a qualifier names it (or a copy of it)."""
    if hasattr(node, "schema") and getattr(node, "schema", None) is not None:
        try:
            return replace(node, schema=None)
        except TypeError:
            return node
    return node
