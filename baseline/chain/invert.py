"""Walk a migration chain backwards on a model: SOURCE's schema in, the schema
before the chain out, plus what had to be assumed on the way. Pure: no I/O.

The walk takes the chain's up scripts newest first, their statements in
reverse, and the operations of each ``ALTER TABLE`` in reverse, undoing each on
the model:

* whatever a statement *created* (table, view, trigger, routine, event,
  sequence, index, column, key, foreign key, CHECK) is removed; a ``CREATE ...
  IF NOT EXISTS`` / ``CREATE OR REPLACE`` of something the chain had not
  mentioned before counts as created by the chain;
* renames (table, column, ``CHANGE``, index) are undone, in keys, foreign keys
  on both sides and CHECK / generated expressions too;
* what a statement *dropped* or *overwrote* comes back from the chain's own
  earlier definitions (:mod:`.shadow`) when there are some; when there are
  none, a placeholder the chain then drops stands in (:mod:`.placeholders`) or
  the new definition is kept, and a :class:`~.findings.Finding` says so;
* what the server did on its own is undone too: the index it created for a
  foreign key that had none goes with the key; an implicit foreign-key index it
  dropped because a new index could serve the key comes back when that index
  goes (and an index of that shape that survived such an addition is marked
  *explicit*, so the baseline creates it explicitly);
* data statements (INSERT/UPDATE/DELETE...), ``SET``, ``USE`` and comments
  change no schema and are passed over; a statement the parser does not
  understand is a warning naming its file and line, never a silent skip.

Tables the chain created (rather than altered) are known exactly before each
statement, so an ALTER of one is undone by taking that earlier state whole.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from ..flavor import Flavor
from ..model import Schema, Table
from ..sql.ddl import nodes as N
from ..sql.scan import retarget_trigger_head
from ..engine import edits as E
from ..engine.findings import INFO, WARNING, Finding, finding
from .parsed import ParsedMigration, ParsedStatement, parse_migrations
from ..engine.placeholders import (PLACEHOLDER_COLUMN, placeholder_event, placeholder_routine, placeholder_sequence,
                           placeholder_table, placeholder_trigger, placeholder_view)
from ..engine.tablestate import TableState
from .shadow import ChainKnowledge

_CALL = re.compile(r"\s*CALL\s+(?:`?\w+`?\s*\.\s*)?(?:`((?:[^`]|``)+)`|(\w+))", re.I)
_DDL = re.compile(r"\b(?:ALTER|CREATE|DROP|RENAME)\s+(?:\w+\s+){0,3}?(?:TABLE|INDEX|VIEW|TRIGGER|PROCEDURE|"
                  r"FUNCTION|EVENT|SEQUENCE|KEY|COLUMN)\b", re.I)
_NOT_ATOMIC = re.compile(r"^\s*BEGIN\s+NOT\s+ATOMIC\b", re.I)
_IMMEDIATE = re.compile(r"^\s*EXECUTE\s+IMMEDIATE\b", re.I)
_KIND_OF_DROP = {"VIEW": "views", "TRIGGER": "triggers", "PROCEDURE": "procedures", "FUNCTION": "functions",
                 "EVENT": "events", "SEQUENCE": "sequences"}
_SYSTEM_DATABASES = {"mysql", "sys", "information_schema", "performance_schema"}


@dataclass
class InversionResult:
    #: The schema before the inverted migrations.
    schema: Schema
    findings: list[Finding] = field(default_factory=list)
    #: ``(table, index)`` (index name casefolded) of indexes shaped like an implicit
    #: foreign-key index that must be created explicitly (see module docstring).
    explicit_indexes: set[tuple[str, str]] = field(default_factory=set)
    #: Tables removed because a ``CREATE TABLE IF NOT EXISTS`` "created" them, with
    #: the state they had just before it (for the verification's retry).
    if_not_exists: dict[str, Table] = field(default_factory=dict)
    #: Likewise for ``ADD COLUMN IF NOT EXISTS``: ``(table, column)`` -> (the column,
    #: the column it followed).
    if_not_exists_columns: dict = field(default_factory=dict)


class Inverter:
    """Undo migrations one at a time on a model (newest first).

    ``parsed`` is the whole chain (parsed once, see :func:`parse_migrations`);
    ``knowledge`` the forward simulation of it. :meth:`invert` may be called for
    any migration, so a caller can interleave inversion with other ways of
    walking back (down scripts on a server) and hand the model over in between
    (:attr:`schema` may be replaced).
    """

    def __init__(self, schema: Schema, parsed: list[ParsedMigration], knowledge: ChainKnowledge, *,
                 flavor: Flavor):
        self.schema = schema
        self.parsed = parsed
        self.know = knowledge
        self.flavor = flavor
        self.rules = flavor.rules
        self.findings: list[Finding] = []
        self.explicit: set[tuple[str, str]] = set()
        self.if_not_exists: dict[str, Table] = {}
        self.if_not_exists_columns: dict = {}
        #: foreign keys the chain adds (undone already, newest first): by (table, name)
        #: casefolded, the definition and where; a key dropped earlier under that
        #: name without a definition most likely had this one
        self.readded_fks: dict[tuple[str, str], tuple] = {}
        #: Likewise keys (not PRIMARY) a later statement adds: (table, name) -> key.
        self.readded_indexes: dict[tuple[str, str], object] = {}
        #: (table, index) casefolded: implicit foreign-key indexes the walk brought back
        self.restored_implicit: set[tuple[str, str]] = set()
        self._pm: ParsedMigration | None = None
        self._ps: ParsedStatement | None = None

    # ================================================================== walking
    def invert(self, pm: ParsedMigration) -> None:
        """Undo migration ``pm`` (its statements in reverse)."""
        self._pm = pm
        for ps in reversed(pm.statements):
            self._ps = ps
            self._statement(ps)
        self._pm = self._ps = None

    @property
    def pos(self) -> tuple[int, int]:
        return (self._pm.index, self._ps.index)

    def result(self) -> InversionResult:
        return InversionResult(self.schema, list(self.findings), set(self.explicit), dict(self.if_not_exists),
                               dict(self.if_not_exists_columns))

    def note(self, severity: str, obj: str, message: str) -> None:
        pm, ps = self._pm, self._ps
        self.findings.append(finding(severity, pm.id, pm.rel, ps.line if ps else None, ps.text if ps else "",
                                     obj, message))

    @property
    def _where(self) -> str:
        """``005_cleanup_legacy.sql:4``: for placeholder comments."""
        return f"{self._pm.rel}:{self._ps.line}"

    def _statement(self, ps: ParsedStatement) -> None:
        node = ps.node
        if node is None:
            self.note(WARNING, "statement", f"not understood ({ps.error.reason}); whatever it changes in "
                                            "the schema was not undone")
            return
        if not node.changes_schema:
            self._hidden_sql(node)
            return
        if isinstance(node, (N.Use, N.CreateDatabase)):
            return
        if getattr(node, "schema", None) and node.schema.casefold() in _SYSTEM_DATABASES:
            return
        handler = _HANDLERS.get(type(node))
        if handler is None:  # pragma: no cover - every schema node kind has a handler
            self.note(WARNING, "statement", f"{node.kind} is not inverted; whatever it changes was not undone")
            return
        handler(self, node)

    def _hidden_sql(self, node: N.Node) -> None:
        """Statements that run SQL the walk cannot see: a procedure (``CALL``), dynamic
        SQL (``EXECUTE``), an anonymous block. Said, never silently passed over, when
        what they run may change the schema."""
        verb = getattr(node, "verb", "")
        text = node.text
        if verb == "CALL":
            m = _CALL.match(text)
            name = (m.group(1) or m.group(2)) if m else None
            proc = self.schema.routines.get(("PROCEDURE", name.casefold())) if name else None
            if proc is not None and not _DDL.search(proc.body or ""):
                return
            what = f"procedure {name}" if name else "the procedure"
            reason = "changes the schema" if proc is not None else "is not in the schema, so what it runs is unknown"
            self.note(WARNING, what, f"CALL: the {what} {reason}; the walk cannot see which of its statements ran, "
                                     "so whatever it changed was not undone")
        elif verb == "EXECUTE" or (verb == "BEGIN" and _NOT_ATOMIC.search(text)):
            kind = "an anonymous block" if verb == "BEGIN" else "dynamic SQL"
            if verb == "EXECUTE" and _IMMEDIATE.match(text) and not _DDL.search(text):
                return
            self.note(WARNING, "statement", f"runs {kind} the walk cannot see; if it changes the schema, that "
                                            "change was not undone")

    # ================================================================== tables
    def _create_table(self, node: N.CreateTable) -> None:
        if node.temporary:
            return
        before = self.know.table(self.pos, node.name)
        if node.if_not_exists and before is not None:
            return  # the table existed already: the statement changed nothing
        t = self.schema.table(node.name)
        if t is None:
            self.note(WARNING, f"table {node.name}", "this statement creates it, but it is not in the schema "
                                                     "at this point of the chain; nothing was removed")
            return
        if node.or_replace and before is not None:
            self._put_table_state(t, before)
            return
        if node.if_not_exists:
            dependent = self._dependent_of(t)
            if dependent:
                # neither can be created on a missing table: it existed, the statement was a no-op
                self.note(INFO, f"table {t.name}", f"CREATE TABLE IF NOT EXISTS of a table {dependent} needs: it "
                                                   "existed before, so the statement changed nothing")
                return
            self.if_not_exists[t.name] = copy.deepcopy(t)
        self._remove_table(t)

    def _dependent_of(self, t: Table) -> str | None:
        """A trigger on ``t`` or a view reading it, in the schema at this point."""
        trg = next((x for x in sorted(self.schema.triggers.values(), key=lambda x: x.name) if x.table == t.name),
                   None)
        if trg is not None:
            return f"trigger {trg.name}"
        from ..sql.scan import referenced_names

        k = t.name.casefold()
        for name in sorted(self.schema.views):
            if k in referenced_names(self.schema.views[name].definition)[0]:
                return f"view {name}"
        return None

    def _remove_table(self, t: Table) -> None:
        del self.schema.tables[t.name]
        for key in [k for k, trg in self.schema.triggers.items() if trg.table == t.name]:
            del self.schema.triggers[key]
        self.explicit = {(tn, i) for tn, i in self.explicit if tn != t.name}

    def _put_table_state(self, current: Table | None, st: TableState) -> Table:
        """Replace ``current`` (if any) by the known state ``st`` of a table."""
        if current is not None:
            del self.schema.tables[current.name]
        t = st.table
        self.schema.tables[t.name] = t
        for trg in st.triggers:
            if self._find(self.schema.triggers, trg.name) is None:
                self.schema.triggers[trg.key] = trg
        names = {i.key for i in t.indexes}
        self.explicit = {(tn, i) for tn, i in self.explicit if tn != t.name or i in names}
        return t

    def _drop(self, node: N.Drop) -> None:
        if node.object_kind == "DATABASE":
            self.note(WARNING, f"database {node.names[0][1]}", "DROP DATABASE is not inverted")
            return
        if node.temporary:
            return
        for _, name in reversed(node.names):
            if node.object_kind == "TABLE":
                self._undo_drop_table(name, node)
            else:
                self._undo_drop_object(node.object_kind, name, node)

    def _undo_drop_table(self, name: str, node: N.Drop) -> None:
        if self.schema.table(name) is not None:
            return  # a temporary table, or one this script re-created: nothing was lost here
        st = self.know.table(self.pos, name)
        if st is not None and not st.stub:
            self._put_table_state(None, st)
            return
        if st is None and node.if_exists:
            self.note(INFO, f"table {name}", "DROP TABLE IF EXISTS of a table the chain never defined: "
                                             "nothing restored (the replay works either way)")
            return
        t = placeholder_table(self.schema, name, self._where, engine=self._engine_hint(st))
        if st is not None:  # a table from before the chain: what the chain added to it is known
            known = st.table
            t.columns += [c for c in known.columns if c.key != PLACEHOLDER_COLUMN]
            t.indexes = known.indexes
            t.foreign_keys = known.foreign_keys
            t.checks = known.checks
            for trg in st.triggers:
                self.schema.triggers.setdefault(trg.key, trg)
        self.schema.tables[t.name] = t
        self.note(WARNING, f"table {name}", "dropped here, but its definition appears nowhere in the chain: "
                                            "the baseline has a placeholder table that this statement drops")

    def _engine_hint(self, st: TableState | None) -> str | None:
        return st.table.engine if st is not None and st.table.engine else "InnoDB"

    def _rename_tables(self, node: N.RenameTables) -> None:
        for (_, a), (_, b) in reversed(node.pairs):
            self._rename_table(b, a)

    def _rename_table(self, current: str, old: str) -> None:
        t = self.schema.table(current)
        if t is None:
            self.note(WARNING, f"table {current}", "renamed here, but not in the schema at this point of the "
                                                   "chain; the rename was not undone")
            return
        if self.schema.table(old) is not None and self.schema.table(old) is not t:
            self.note(WARNING, f"table {old}", "cannot undo the rename: a table of that name is in the schema")
            return
        new = t.name
        del self.schema.tables[new]
        prefix = self.rules.fk_name_pattern.format(table=new, n="")
        for fk in t.foreign_keys:
            rest = fk.name[len(prefix):] if fk.name.startswith(prefix) else ""
            if rest.isdigit():
                fk.name = self.rules.fk_name_pattern.format(table=old, n=rest)
        t.name = old
        for other in list(self.schema.tables.values()) + [t]:
            for fk in other.foreign_keys:
                if fk.ref_schema is None and fk.ref_table.casefold() == new.casefold():
                    fk.ref_table = old
        self.schema.tables[old] = t
        for trg in self.schema.triggers.values():
            if trg.table == new:
                trg.table = old
                if trg.head is not None:
                    trg.head = retarget_trigger_head(trg.head, old)
        self.explicit = {((old if tn == new else tn), i) for tn, i in self.explicit}

    # ================================================================== ALTER TABLE
    def _create_index(self, node: N.CreateIndex) -> None:
        ops: list[N.AlterOp] = [N.AddIndex(node.index, if_not_exists=node.if_not_exists)]
        if node.or_replace and node.index.name:
            ops.insert(0, N.DropIndex(node.index.name, if_exists=True))
        self._alter_table(N.AlterTable(node.table, operations=ops, text=node.text, file=node.file, line=node.line))

    def _drop_index(self, node: N.DropIndexStatement) -> None:
        self._alter_table(N.AlterTable(node.table, operations=[N.DropIndex(node.name, node.if_exists)],
                                       text=node.text, file=node.file, line=node.line))

    def _alter_table(self, node: N.AlterTable) -> None:
        final = node.name
        for op in node.operations:
            if isinstance(op, N.RenameTable):
                final = op.new_name
        t = self.schema.table(final)
        if t is None:
            if not node.if_exists:
                self.note(WARNING, f"table {final}", "altered here, but not in the schema at this point of the "
                                                     "chain; the statement was not undone")
            return
        st = self.know.table(self.pos, node.name)
        if any(isinstance(op, N.RenameTable) for op in node.operations):
            self._rename_table(t.name, node.name)
            t = self.schema.table(node.name) or t
        if st is not None and not st.stub:
            # a table the chain created: its state before this statement is known whole
            for op in reversed(node.operations):
                if isinstance(op, N.RenameColumn):
                    E.rename_referenced_column(self.schema, t.name, op.new_name, op.old_name)
                elif isinstance(op, N.ChangeColumn) and op.old_name != op.column.name:
                    E.rename_referenced_column(self.schema, t.name, op.column.name, op.old_name)
            self._put_table_state(t, st)
            return
        from ..engine.undo import TableUndo

        TableUndo(self, t, node, st).run()

    # ================================================================== views, triggers, routines...
    def _undo_drop_object(self, kind: str, name: str, node: N.Drop) -> None:
        coll_kind = _KIND_OF_DROP[kind]
        if self._object(coll_kind, name) is not None:
            return
        obj = self.know.object(self.pos, coll_kind, name)
        label = f"{kind.lower()} {name}"
        if obj is not None:
            self.schema.add(obj)
            return
        if node.if_exists:
            self.note(INFO, label, f"DROP {kind} IF EXISTS of a {kind.lower()} the chain never defined: nothing "
                                   "restored (the replay works either way)")
            return
        if kind == "VIEW":
            obj = placeholder_view(name)
        elif kind in ("PROCEDURE", "FUNCTION"):
            obj = placeholder_routine(kind, name)
        elif kind == "EVENT":
            obj = placeholder_event(name)
        elif kind == "SEQUENCE":
            obj = placeholder_sequence(name)
        else:
            obj = placeholder_trigger(self.schema, name)
            if obj is None:
                self.note(WARNING, label, "dropped here, its definition appears nowhere in the chain, and there "
                                          "is no table to put a placeholder on: replay will fail here")
                return
            same = [t for t in self.schema.triggers.values()
                    if t.table == obj.table and t.timing == obj.timing and t.event == obj.event]
            obj.order = len(same) + 1
        self.schema.add(obj)
        self.note(WARNING, label, "dropped here, but its definition appears nowhere in the chain: the baseline "
                                  f"has a placeholder {kind.lower()} that this statement drops")

    def _object(self, coll_kind: str, name: str):
        if coll_kind in ("procedures", "functions"):
            kind = "FUNCTION" if coll_kind == "functions" else "PROCEDURE"
            return self.schema.routines.get((kind, name.casefold()))
        return self._find(getattr(self.schema, coll_kind), name)

    @staticmethod
    def _find(coll: dict, name: str):
        obj = coll.get(name)
        if obj is None:
            k = name.casefold()
            obj = next((v for n, v in coll.items() if isinstance(n, str) and n.casefold() == k), None)
        return obj

    def _remove_object(self, coll_kind: str, name: str) -> bool:
        obj = self._object(coll_kind, name)
        if obj is None:
            return False
        self.schema.remove(obj)
        return True

    def _created(self, coll_kind: str, label: str, name: str, node, *, replaces: bool, alters: bool) -> None:
        """Undo a CREATE [OR REPLACE] / ALTER of a view, trigger, routine, event or sequence."""
        before = self.know.object(self.pos, coll_kind, name)
        if getattr(node, "if_not_exists", False) and before is not None:
            return
        if (replaces or alters) and before is not None:
            self._remove_object(coll_kind, name)
            self.schema.add(before)
            return
        if alters:
            if self._object(coll_kind, name) is None:
                self.note(WARNING, f"{label} {name}", "altered here, but not in the schema at this point")
            else:
                self.note(WARNING, f"{label} {name}", "altered here, and its definition before this migration "
                                                      "appears nowhere in the chain: the baseline keeps the new one")
            return
        if not self._remove_object(coll_kind, name):
            self.note(WARNING, f"{label} {name}", "this statement creates it, but it is not in the schema at this "
                                                  "point of the chain; nothing was removed")

    def _create_view(self, node: N.CreateView) -> None:
        self._created("views", "view", node.name, node, replaces=node.or_replace, alters=node.alter)

    def _create_trigger(self, node: N.CreateTrigger) -> None:
        self._created("triggers", "trigger", node.name, node, replaces=node.or_replace, alters=False)

    def _create_routine(self, node: N.CreateRoutine) -> None:
        kind = "functions" if node.routine_kind == "FUNCTION" else "procedures"
        self._created(kind, node.routine_kind.lower(), node.name, node, replaces=node.or_replace, alters=False)

    def _alter_routine(self, node: N.AlterRoutine) -> None:
        kind = "functions" if node.routine_kind == "FUNCTION" else "procedures"
        self._created(kind, node.routine_kind.lower(), node.name, node, replaces=False, alters=True)

    def _create_event(self, node: N.CreateEvent) -> None:
        if node.alter and node.rename_to is not None:
            ev = self._object("events", node.rename_to[1])
            if ev is not None:
                self.schema.remove(ev)
                ev.name = node.name
                self.schema.add(ev)
        self._created("events", "event", node.name, node, replaces=node.or_replace, alters=node.alter)

    def _create_sequence(self, node: N.CreateSequence) -> None:
        if node.temporary:
            return
        self._created("sequences", "sequence", node.name, node, replaces=node.or_replace, alters=node.alter)


_HANDLERS = {
    N.CreateTable: Inverter._create_table,
    N.AlterTable: Inverter._alter_table,
    N.CreateIndex: Inverter._create_index,
    N.DropIndexStatement: Inverter._drop_index,
    N.Drop: Inverter._drop,
    N.RenameTables: Inverter._rename_tables,
    N.CreateView: Inverter._create_view,
    N.CreateTrigger: Inverter._create_trigger,
    N.CreateRoutine: Inverter._create_routine,
    N.AlterRoutine: Inverter._alter_routine,
    N.CreateEvent: Inverter._create_event,
    N.CreateSequence: Inverter._create_sequence,
}


def chain_knowledge(parsed: list[ParsedMigration], schema: Schema, flavor: Flavor) -> ChainKnowledge:
    """The forward simulation of ``parsed`` with ``schema`` (SOURCE) as hints."""
    return ChainKnowledge(parsed, flavor=flavor, name=schema.name, charset=schema.charset,
                          collation=schema.collation, hints=schema)


def invert_chain(schema: Schema, migrations, *, flavor: Flavor | None = None) -> InversionResult:
    """The schema before ``migrations`` (a :class:`~.migration.Chain` or a list of
    :class:`~.migration.Migration`), walked back from ``schema`` by inversion alone.

    ``schema`` is not changed. Raises :class:`~baseline.errors.InputError` for a
    script that cannot be split (unterminated string) and
    :class:`~baseline.errors.UsageError` for a JavaScript migration (no SQL to read).
    """
    from ..errors import UsageError
    from ..flavor import DEFAULT_FLAVOR

    flavor = flavor or schema.flavor or DEFAULT_FLAVOR
    migs = list(getattr(migrations, "migrations", migrations))
    parsed = parse_migrations(migs, flavor)
    js = next((pm for pm in parsed if not pm.is_sql), None)
    if js is not None:
        raise UsageError(f"migration {js.id} is JavaScript: it cannot be inverted offline",
                         hint="walk it back with its down() (--strategy down or auto)")
    inv = Inverter(schema.copy(), parsed, chain_knowledge(parsed, schema, flavor), flavor=flavor)
    for pm in reversed(parsed):
        inv.invert(pm)
    return inv.result()


__all__ = ["Inverter", "InversionResult", "invert_chain", "chain_knowledge", "parse_migrations"]
