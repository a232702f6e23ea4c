"""The DDL simulator: apply statements to a :class:`~baseline.model.Schema`
the way the flavor's server would, landing on the model's canonical form.

What the server does implicitly, and this module does too (each checked
against a real MariaDB 10.11 in the tests):

* column types, charsets and defaults canonicalized (:mod:`baseline.engine.normalize`);
  nullable columns without a default get ``DEFAULT NULL``; PRIMARY KEY columns
  become NOT NULL; TIMESTAMP columns follow ``explicit_defaults_for_timestamp``;
* unnamed indexes are named after their first column (``a``, ``a_2``,
  ``a_3``...; checked against the keys already defined);
* unnamed foreign keys are ``<table>_ibfk_<n>`` (1..n in a CREATE, max+1 in an
  ALTER); a foreign key without a usable index gets an *implicit* index (named
  after the constraint if named, else its index name, else its first column),
  which the server drops again when a later key serves the foreign key; an
  explicit index never disappears (the simulator remembers which indexes are
  implicit, per table);
* unnamed CHECKs are ``CONSTRAINT_<n>`` (MariaDB: first free number) or
  ``<table>_chk_<n>`` (MySQL); column-level CHECKs are named after the column
  on MariaDB; JSON on MariaDB adds the column CHECK ``json_valid(`c`)``;
* index order: PRIMARY, UNIQUE over NOT NULL columns, UNIQUE without prefix
  parts, other UNIQUE (MariaDB: long hash keys last), plain, FULLTEXT; creation
  order otherwise (the server's ``sort_keys``); MariaDB UNIQUE keys over
  BLOB/TEXT become ``USING HASH``. A MariaDB ALTER sorts again only when it
  adds a key or foreign key (or the implicit primary key loses NOT NULL):
  otherwise keys keep their places, even out of that order
  (``Rules.alter_keeps_key_order``);
* ``RENAME TABLE`` renames ``<old>_ibfk_<n>`` constraints and follows the
  references of other tables; ``DROP TABLE`` drops the table's triggers;
* session state: ``SET sql_mode`` (also through ``@saved`` user variables, as
  mysqldump writes it) is recorded into routines, triggers and events created
  afterwards; ``SET NAMES``, ``time_zone``, ``default_storage_engine`` and
  ``explicit_defaults_for_timestamp`` are followed.

Statements that would fail on the server (ALTER of a missing table, CREATE of
an existing one without IF NOT EXISTS, ...) raise :class:`InputError` naming the
file and line. Approximations (a CREATE TABLE ... SELECT whose columns cannot be
known offline, a view body the canonical printer does not cover) are recorded
in :attr:`SchemaBuilder.warnings`.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Iterable

from . import normalize as NZ
from .alter import APPLY
from . import spellings as SP
from ..errors import InputError
from ..flavor import Flavor
from ..model import (Check, Column, Event, ForeignKey, Index, IndexPart, Param, Routine, Schema,
                      Sequence, Table, Trigger, View)
from ..sql.literals import quote_ident, unescape
from ..sql.scan import retarget_trigger_head
from ..sql.split import Statement
from ..sql.ddl import nodes as N
from ..sql.ddl.expr import Func, Ident, Lit
from ..sql.ddl.lexer import rename_quoted_ident
from ..sql.ddl.parser import parse_statement
from ..sql.ddl.printer import Printer, mariadb_rewrite, style_for


@dataclass
class BuildWarning:
    message: str
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (f"{self.file}: " if self.file else "")
        return where + self.message


class SchemaBuilder:
    """Applies statements one by one to a schema.

    ``schema`` may be given to continue from an existing model (its implicit
    foreign-key indexes are then recognized by shape: a non-unique index named
    after a foreign key or its first column, over exactly the key's columns).
    """

    def __init__(self, flavor: Flavor, *, name: str | None = None, charset: str | None = None,
                 collation: str | None = None, schema: Schema | None = None,
                 sql_mode: str | None = None, connection_charset: str = "utf8mb4",
                 file: str | None = None, server_text: bool = False):
        self.flavor = flavor
        #: The CREATE TABLEs are SHOW CREATE output describing existing tables (a
        #: dump's), not commands: where the two read differently (a column's
        #: ``COLLATE x`` alone is an inherited collation the server prints, not
        #: one the definition names), the description wins.
        self.server_text = server_text
        self.rules = flavor.rules
        self.file = file
        if schema is None:
            cs, co = SP.resolve_charset(charset, collation, self.rules)
            if cs is None:
                cs = SP.server_charset(self.rules.default_charset, self.rules)
                co = SP.server_default_collation(cs, self.rules)
            schema = Schema(name=name, charset=cs, collation=co, flavor=flavor)
        else:
            schema.flavor = schema.flavor or flavor
        self.schema = schema
        self.warnings: list[BuildWarning] = []
        self.sql_mode = SP.server_sql_mode(sql_mode if sql_mode is not None else self.rules.default_sql_mode,
                                              self.rules)
        self.user_vars: dict[str, str | None] = {}
        self.connection_charset = connection_charset
        #: ``character_set_client`` and ``collation_connection``: stored with the
        #: views, routines, triggers and events the session creates
        self.client_charset = SP.server_charset(connection_charset, self.rules)
        self.connection_collation = SP.server_default_collation(self.client_charset, self.rules)
        self.time_zone = "SYSTEM"
        self.default_engine = "InnoDB"
        self.explicit_defaults_for_timestamp = self.rules.explicit_defaults_for_timestamp
        #: the database unqualified names refer to (USE); None = ours
        self.current_db = name
        #: implicit (foreign-key generated) index names per table, casefolded
        self.implicit: dict[str, set[str]] = {}
        self.temporary: dict[str, Table] = {}
        self._style = style_for(flavor)
        self._ci_index: dict[str, str] = {}
        #: (name as written, table it matched) of lookups that ignored letter case
        self._recased: list[tuple[str, str]] = []
        self._reindex()
        if schema.tables:
            for t in schema.tables.values():
                self._guess_implicit(t)

    # ================================================================== entry points
    def apply(self, statement: Statement | N.Node, *, file: str | None = None) -> N.Node:
        """Apply one statement (a :class:`Statement` from the splitter, or an
        already parsed node); returns the node."""
        if isinstance(statement, Statement):
            node = parse_statement(statement.text, flavor=self.flavor, file=file or self.file,
                                   line=statement.line, sql_mode=self._mode_flags())
        else:
            node = statement
        handler = _HANDLERS.get(type(node))
        if handler is not None:
            self._recased = []
            try:
                handler(self, node)
            except RecursionError:
                raise InputError("statement nested too deeply", file=node.file or self.file, line=node.line,
                                 excerpt=node.text[:120]) from None
            for written, name in dict.fromkeys(self._recased):
                self._warn(node, f"table `{written}` is `{name}` here only by ignoring letter case, as a server "
                                 f"with case-insensitive table names does (lower_case_table_names 1 or 2: "
                                 f"Windows, macOS); a server on Linux refuses this statement")
        return node

    def apply_all(self, statements: Iterable[Statement | N.Node], *, file: str | None = None) -> Schema:
        for st in statements:
            self.apply(st, file=file)
        return self.schema

    def canonical_column(self, table: Table, column: N.ColumnDef) -> Column:
        """The model column a definition gives in ``table`` (charset inherited
        from the table, defaults and type canonicalized), without changing
        anything. Chain inversion uses it to rebuild a column a later
        migration drops or modifies."""
        probe = copy.deepcopy(table)
        ctx = _TableCtx(self, probe, N.Node())
        col = ctx.column_from_def(column)
        if ctx._ts_candidates:
            probe.columns.append(col)
            ctx.finish()
        pk = table.primary_key
        if pk is not None and col.key in {p.column.casefold() for p in pk.parts if p.column} and col.nullable:
            col.nullable = False  # a column of the primary key is NOT NULL, as the server makes it
            if col.default == "NULL":
                col.default = None
        return col

    def implicit_indexes(self, table: str) -> set[str]:
        """Names (casefolded) of the indexes the server created implicitly for
        foreign keys of ``table`` and would drop again when another index serves
        the key."""
        return set(self.implicit.get(table, ()))

    def _mode_flags(self) -> frozenset:
        return frozenset(f for f in self.sql_mode.split(",") if f)

    # ================================================================== helpers
    def _err(self, node: N.Node, message: str):
        raise InputError(message, file=node.file or self.file, line=node.line,
                         excerpt=node.text[:120] if node.text else None)

    def _warn(self, node: N.Node, message: str) -> None:
        self.warnings.append(BuildWarning(message, node.file or self.file, node.line))

    def _ours(self, schema_name: str | None) -> bool:
        """Whether a (possibly qualified) name refers to the schema being built."""
        if schema_name is None:
            return self.current_db is None or self.schema.name is None or \
                self.current_db == self.schema.name
        if self.schema.name is None:
            return self.current_db is None or schema_name == self.current_db
        return schema_name == self.schema.name

    def _only_temporary(self, name: str) -> bool:
        """``name`` is a TEMPORARY table (not kept in the schema) and no permanent
        one: statements on it change nothing the baseline holds."""
        return name.casefold() in self.temporary and self._table(name) is None

    def _table(self, name: str) -> Table | None:
        """Exact name first, then case-insensitively (hand-written DDL)."""
        tables = self.schema.tables
        t = tables.get(name)
        if t is not None:
            return t
        n = self._ci_index.get(name.casefold())
        if n is not None:
            t = tables.get(n)
            if t is None:  # the schema was changed behind our back: rebuild
                self._reindex()
                n = self._ci_index.get(name.casefold())
                t = tables.get(n) if n is not None else None
        if t is not None:
            self._recased.append((name, t.name))
        return t

    def _reindex(self) -> None:
        self._ci_index = {}
        for n in self.schema.tables:
            self._ci_index.setdefault(n.casefold(), n)

    def _put_table(self, t: Table) -> None:
        self.schema.tables[t.name] = t
        self._ci_index.setdefault(t.name.casefold(), t.name)

    def _pop_table(self, name: str) -> None:
        self.schema.tables.pop(name, None)
        k = name.casefold()
        if self._ci_index.get(k) == name:
            del self._ci_index[k]
            other = next((n for n in self.schema.tables if n.casefold() == k), None) if self._ci_dupes else None
            if other is not None:
                self._ci_index[k] = other

    @property
    def _ci_dupes(self) -> bool:
        return len(self._ci_index) != len(self.schema.tables)

    def _print(self, expr) -> str:
        """An expression as the server stores it (generated columns, CHECKs, defaults)."""
        return Printer(self._style, introducers=True, connection_charset=self.connection_charset,
                       schema_name=self.current_db or self.schema.name, own_schema=self.schema.name)(expr)

    # ================================================================== CREATE TABLE
    def _create_table(self, node: N.CreateTable) -> None:
        if not self._ours(node.schema):
            return
        if node.temporary:
            self.temporary[node.name.casefold()] = Table(node.name)
            return
        existing = self._table(node.name) or self.schema.views.get(node.name)
        if existing is not None:
            if node.if_not_exists:
                return
            if node.or_replace and isinstance(existing, Table):
                self._drop_table(existing)
            else:
                self._err(node, f"table `{node.name}` already exists")
        if node.like is not None:
            src_schema, src_name = node.like
            src = self._table(src_name) if self._ours(src_schema) else None
            if src is None:
                self._err(node, f"CREATE TABLE ... LIKE: table `{src_name}` does not exist")
            t = copy.deepcopy(src)
            t.name = node.name
            t.foreign_keys = []
            t.auto_increment = None
            self.implicit[node.name] = set(self.implicit.get(src.name, set()))
            self._put_table(t)
            return
        t = Table(node.name, engine=None)
        self._apply_options(t, node.options, creating=True, node=node)
        if t.engine is None:
            t.engine = self.default_engine
        if node.select is not None and not node.columns:
            self._warn(node, f"CREATE TABLE `{node.name}` ... SELECT: the selected columns cannot be "
                             "known offline; the table is created without them")
        self.implicit[t.name] = set()
        ctx = _TableCtx(self, t, node)
        for el in node.elements:
            if isinstance(el, N.ColumnDef):
                ctx.add_column(el, None)
        for el in node.elements:
            if isinstance(el, N.ColumnDef):
                ctx.column_keys(el)
            elif isinstance(el, N.IndexDef):
                ctx.add_index(el)
            elif isinstance(el, N.ForeignKeyDef):
                ctx.add_foreign_key(el)
            elif isinstance(el, N.CheckDef):
                ctx.add_check(el, column=None)
            elif isinstance(el, N.PeriodDef):
                ctx.add_period(el)
        if node.system_versioned:
            t.system_versioned = True
        ctx.finish()
        if node.partitioning is not None:
            t.partitioning = self._finish_partitioning(node.partitioning, t)
        self._put_table(t)

    def _finish_partitioning(self, part, t: Table):
        part = copy.deepcopy(part)
        for p in part.partitions:
            if p.engine is None:
                p.engine = t.engine
            else:
                p.engine = NZ.canonical_engine(p.engine)
        return part

    def _apply_options(self, t: Table, opts: N.TableOptions, *, creating: bool, node) -> None:
        rules = self.rules
        items = opts.items
        cs = items.get("CHARSET")
        co = items.get("COLLATE")
        if creating or cs is not None or co is not None:
            if cs is None and co is None:
                inherit = (self.schema.charset, self.schema.collation)
                t.charset, t.collation = inherit
            else:
                if cs is not None and cs.lower() == "default":
                    cs = self.schema.charset
                if co is not None and co.lower() == "default":
                    co = None
                t.charset, t.collation = SP.resolve_charset(cs, co, rules)
        for key, value in items.items():
            if key in ("CHARSET", "COLLATE"):
                continue
            if key == "ENGINE":
                t.engine = NZ.canonical_engine(value)
            elif key == "COMMENT":
                t.comment = value
            elif key == "ROW_FORMAT":
                rf = NZ.canonical_row_format(value)
                t.row_format = None if rf == "DEFAULT" else rf
            elif key == "AUTO_INCREMENT":
                try:
                    n = int(value)
                except ValueError:
                    self._err(node, f"AUTO_INCREMENT must be a number: {value}")
                t.auto_increment = n if n > 1 else None
            else:
                k, v = _canonical_option(key, value)
                if v is None:
                    t.options.pop(k, None)
                else:
                    t.options[k] = v
        # options an engine always shows / never keeps
        for k, v in NZ.ENGINE_IMPLIED_OPTIONS.get(t.engine or "", {}).items():
            t.options.setdefault(k, v)
        for k in list(t.options):
            engines = NZ.ENGINE_ONLY_OPTIONS.get(k)
            if engines is not None and t.engine not in engines:
                del t.options[k]

    # ================================================================== ALTER TABLE
    def _alter_table(self, node: N.AlterTable) -> None:
        if not self._ours(node.schema):
            return
        if self._only_temporary(node.name):
            return
        t = self._table(node.name)
        if t is None:
            if node.if_exists:
                return
            self._err(node, f"ALTER TABLE: table `{node.name}` does not exist")
        ctx = _TableCtx(self, t, node)
        renamed_to = None
        for op in node.operations:
            r = ctx.apply_op(op)
            if r is not None:
                renamed_to = r
        ctx.finish()
        if renamed_to is not None:
            new_schema, new_name = renamed_to
            if self._ours(new_schema) or new_schema is None:
                self._rename_table(t, new_name, node)
            else:
                self._drop_table(t)

    # ================================================================== indexes
    def _create_index(self, node: N.CreateIndex) -> None:
        if not self._ours(node.schema):
            return
        if self._only_temporary(node.table):
            return
        t = self._table(node.table)
        if t is None:
            self._err(node, f"CREATE INDEX: table `{node.table}` does not exist")
        if node.if_not_exists and t.index(node.index.name or "") is not None:
            return
        if node.or_replace and t.index(node.index.name or "") is not None:
            ops = [N.DropIndex(node.index.name), N.AddIndex(node.index)]
        else:
            ops = [N.AddIndex(node.index)]
        alter = N.AlterTable(node.table, schema=node.schema, operations=ops, text=node.text,
                             file=node.file, line=node.line)
        self._alter_table(alter)

    def _drop_index_statement(self, node: N.DropIndexStatement) -> None:
        if not self._ours(node.schema):
            return
        alter = N.AlterTable(node.table, schema=node.schema,
                             operations=[N.DropIndex(node.name, node.if_exists)],
                             text=node.text, file=node.file, line=node.line)
        if self._only_temporary(node.table):
            return
        self._alter_table(alter)

    # ================================================================== DROP / RENAME
    def _drop(self, node: N.Drop) -> None:
        kind = node.object_kind
        if kind == "DATABASE":
            name = node.names[0][1]
            if name == self.schema.name:
                for k in ("tables", "sequences", "views", "routines", "triggers", "events"):
                    getattr(self.schema, k).clear()
                self.implicit.clear()
                self._reindex()
            return
        for schema_name, name in node.names:
            if not self._ours(schema_name):
                continue
            if kind == "TABLE":
                if node.temporary or self._only_temporary(name):
                    self.temporary.pop(name.casefold(), None)
                    continue
                t = self._table(name)
                if t is None:
                    if not node.if_exists:
                        self._err(node, f"DROP TABLE: table `{name}` does not exist")
                    continue
                self._drop_table(t)
            elif kind == "VIEW":
                if self.schema.views.pop(name, None) is None and not node.if_exists:
                    self._err(node, f"DROP VIEW: view `{name}` does not exist")
            elif kind == "SEQUENCE":
                if self.schema.sequences.pop(name, None) is None and not node.if_exists:
                    self._err(node, f"DROP SEQUENCE: sequence `{name}` does not exist")
            elif kind == "TRIGGER":
                trg = self._find_ci(self.schema.triggers, name)
                if trg is None:
                    if not node.if_exists:
                        self._err(node, f"DROP TRIGGER: trigger `{name}` does not exist")
                    continue
                del self.schema.triggers[trg.key]
                self._renumber_triggers(trg.table, trg.timing, trg.event)
            elif kind in ("PROCEDURE", "FUNCTION"):
                if self.schema.routines.pop((kind, name.casefold()), None) is None and not node.if_exists:
                    self._err(node, f"DROP {kind}: {kind.lower()} `{name}` does not exist")
            elif kind == "EVENT":
                if self.schema.events.pop(name.casefold(), None) is None and not node.if_exists:
                    self._err(node, f"DROP EVENT: event `{name}` does not exist")

    @staticmethod
    def _find_ci(coll: dict, name: str):
        obj = coll.get(name)
        if obj is not None:
            return obj
        k = name.casefold()
        return next((v for n, v in coll.items() if isinstance(n, str) and n.casefold() == k), None)

    def _drop_table(self, t: Table) -> None:
        self._pop_table(t.name)
        self.implicit.pop(t.name, None)
        for key in [k for k, trg in self.schema.triggers.items() if trg.table == t.name]:
            del self.schema.triggers[key]

    def _rename_tables(self, node: N.RenameTables) -> None:
        for (sa, a), (sb, b) in node.pairs:
            if not self._ours(sa):
                continue
            t = self._table(a)
            if t is None:
                if a.casefold() in self.temporary:
                    self.temporary[b.casefold()] = self.temporary.pop(a.casefold())
                    continue
                self._err(node, f"RENAME TABLE: table `{a}` does not exist")
            if not self._ours(sb):
                self._drop_table(t)
                continue
            self._rename_table(t, b, node)

    def _rename_table(self, t: Table, new: str, node) -> None:
        old = t.name
        if old == new:
            return
        if self._table(new) is not None and self._table(new) is not t:
            self._err(node, f"table `{new}` already exists")
        self._pop_table(old)
        t.name = new
        # InnoDB renames <old>_ibfk_<n> constraints with the table
        prefix = old + "_ibfk_"
        for fk in t.foreign_keys:
            if fk.name.startswith(prefix) and fk.name[len(prefix):].isdigit():
                fk.name = new + "_ibfk_" + fk.name[len(prefix):]
        for other in self.schema.tables.values():
            for fk in other.foreign_keys:
                if fk.ref_table == old and fk.ref_schema is None:
                    fk.ref_table = new
        for fk in t.foreign_keys:
            if fk.ref_table == old and fk.ref_schema is None:
                fk.ref_table = new
        self._put_table(t)
        self.implicit[new] = self.implicit.pop(old, set())
        for trg in self.schema.triggers.values():
            if trg.table == old:
                trg.table = new
                if trg.head is not None:
                    trg.head = retarget_trigger_head(trg.head, new)

    # ================================================================== views
    def _create_view(self, node: N.CreateView) -> None:
        if not self._ours(node.schema):
            return
        name = node.name
        existing = self.schema.views.get(name)
        if node.alter:
            if existing is None:
                self._err(node, f"ALTER VIEW: view `{name}` does not exist")
        elif existing is not None or self._table(name) is not None:
            if node.if_not_exists:
                return
            if not node.or_replace or existing is None:
                self._err(node, f"`{name}` already exists")
        from ..sql.ddl.views import canonical_view_definition
        definition, columns = canonical_view_definition(self, node)
        self.schema.views[name] = view_from_node(node, definition, columns, self.client_charset,
                                                 self.connection_collation)

    # ================================================================== triggers
    def _create_trigger(self, node: N.CreateTrigger) -> None:
        if not self._ours(node.schema):
            return
        if self._only_temporary(node.table):
            return
        table = self._table(node.table)
        if table is None:
            self._err(node, f"CREATE TRIGGER: table `{node.table}` does not exist")
        existing = self._find_ci(self.schema.triggers, node.name)
        if existing is not None:
            if node.if_not_exists:
                return
            if not node.or_replace:
                self._err(node, f"trigger `{node.name}` already exists")
            del self.schema.triggers[existing.key]
            self._renumber_triggers(existing.table, existing.timing, existing.event)
        same = sorted((t for t in self.schema.triggers.values()
                       if t.table == table.name and t.timing == node.timing and t.event == node.event),
                      key=lambda t: t.order)
        pos = len(same)
        if node.order is not None:
            how, other = node.order
            idx = next((i for i, t in enumerate(same) if t.name.casefold() == other.casefold()), None)
            if idx is None:
                self._err(node, f"{how} `{other}`: no such trigger for the same table, time and event")
            pos = idx + 1 if how == "FOLLOWS" else idx
        trg = Trigger(node.name, table.name, node.timing, node.event, node.body, sql_mode=self.sql_mode,
                      definer=node.definer if node.definer != "CURRENT_USER" else None,
                      client_charset=self.client_charset, connection_collation=self.connection_collation)
        if self.rules.trigger_head_as_written and node.head is not None:
            trg.head = self._own_head(node.head)
        same.insert(pos, trg)
        for i, t in enumerate(same, 1):
            t.order = i
        self.schema.triggers[trg.key] = trg

    def _own_head(self, head: str) -> str:
        """A trigger's head as written, its own database's qualifiers taken out
        (a baseline loads into a database of any name)."""
        from ..sql.scan import strip_qualifier

        for db in {self.schema.name, self.current_db} - {None}:
            head = strip_qualifier(head, db)  # in a head, `db`.`x` is always a qualified name
        return head

    def _renumber_triggers(self, table: str, timing: str, event: str) -> None:
        same = sorted((t for t in self.schema.triggers.values()
                       if t.table == table and t.timing == timing and t.event == event), key=lambda t: t.order)
        for i, t in enumerate(same, 1):
            t.order = i

    # ================================================================== routines
    def _create_routine(self, node: N.CreateRoutine) -> None:
        if not self._ours(node.schema):
            return
        key = (node.routine_kind, node.name.casefold())
        if key in self.schema.routines:
            if node.if_not_exists:
                return
            if not node.or_replace:
                self._err(node, f"{node.routine_kind.lower()} `{node.name}` already exists")
        r = Routine(node.routine_kind, node.name)
        for p in node.params:
            info, cs, co = self._param_type(p.type, node)
            mode = (p.mode or "IN") if node.routine_kind == "PROCEDURE" else None
            r.params.append(Param(p.name, info, mode, cs, co))
        if node.returns is not None:
            r.returns, r.returns_charset, r.returns_collation = self._param_type(node.returns, node)
        r.body = node.body
        r.deterministic = bool(node.deterministic)
        r.data_access = node.data_access or "CONTAINS SQL"
        r.security = node.security or "DEFINER"
        r.comment = node.comment or ""
        r.sql_mode = self.sql_mode
        r.definer = node.definer if node.definer != "CURRENT_USER" else None
        r.client_charset, r.connection_collation = self.client_charset, self.connection_collation
        r.params_text = node.params_text
        if r.params_text is not None and node.routine_kind == "FUNCTION" and self.rules.function_params_lstripped:
            r.params_text = r.params_text.lstrip()
        self.schema.routines[key] = r

    def _param_type(self, dt: N.DataType, node) -> tuple[str, str | None, str | None]:
        try:
            info = NZ.canonical_type(dt, self.rules)
        except NZ.TypeError_ as e:
            self._err(node, str(e))
        text = info.text
        if info.unsigned and "unsigned" not in text:
            text += " unsigned"
        if info.zerofill:
            text += " zerofill"
        if not info.textual:
            return text, None, None
        cs, co = SP.resolve_charset(dt.charset or info.charset, dt.collation or info.collation, self.rules,
                                    inherit=(self.schema.charset, self.schema.collation))
        if dt.binary and dt.collation is None and cs:
            co = "binary" if cs == "binary" else f"{cs}_bin"
        text, textual = NZ.finish_textual(info, cs)
        if not textual:
            return text, None, None
        return text, cs, co

    def _alter_routine(self, node: N.AlterRoutine) -> None:
        if not self._ours(node.schema):
            return
        r = self.schema.routines.get((node.routine_kind, node.name.casefold()))
        if r is None:
            self._err(node, f"ALTER {node.routine_kind}: `{node.name}` does not exist")
        if node.deterministic is not None:
            r.deterministic = node.deterministic
        if node.data_access is not None:
            r.data_access = node.data_access
        if node.security is not None:
            r.security = node.security
        if node.comment is not None:
            r.comment = node.comment

    # ================================================================== events
    def _create_event(self, node: N.CreateEvent) -> None:
        if not self._ours(node.schema):
            return
        key = node.name.casefold()
        existing = self.schema.events.get(key)
        if node.alter:
            if existing is None:
                self._err(node, f"ALTER EVENT: event `{node.name}` does not exist")
            ev = existing
            # any ALTER EVENT stores the session's character sets with the event again
            ev.client_charset, ev.connection_collation = self.client_charset, self.connection_collation
            if node.schedule is not None:
                ev.schedule, ev.starts, ev.ends = node.schedule, _event_time(node.starts), _event_time(node.ends)
            if node.preserve is not None:
                ev.preserve = node.preserve
            if node.status is not None:
                ev.status = node.status
            if node.comment is not None:
                ev.comment = node.comment
            if node.body is not None:
                ev.body = node.body
                ev.sql_mode = self.sql_mode
            if node.definer is not None:
                ev.definer = node.definer
            if node.rename_to is not None:
                del self.schema.events[key]
                ev.name = node.rename_to[1]
                self.schema.events[ev.key] = ev
            return
        if existing is not None:
            if node.if_not_exists:
                return
            if not node.or_replace:
                self._err(node, f"event `{node.name}` already exists")
        ev = Event(node.name, node.schedule or "", _event_time(node.starts), _event_time(node.ends),
                   bool(node.preserve),
                   node.status or "ENABLE", node.comment or "", node.body or "", self.sql_mode,
                   self.time_zone, node.definer if node.definer != "CURRENT_USER" else None,
                   client_charset=self.client_charset, connection_collation=self.connection_collation)
        self.schema.events[ev.key] = ev

    # ================================================================== sequences
    def _sequence(self, node: N.CreateSequence) -> None:
        if not self._ours(node.schema) or node.temporary:
            return
        o = node.options
        if node.alter:
            s = self.schema.sequences.get(node.name)
            if s is None:
                if node.if_exists:
                    return
                self._err(node, f"ALTER SEQUENCE: sequence `{node.name}` does not exist")
        else:
            if node.name in self.schema.sequences or self._table(node.name) is not None:
                if node.if_not_exists:
                    return
                if not node.or_replace:
                    self._err(node, f"`{node.name}` already exists")
            inc = o.get("increment", 1) or 1
            s = Sequence(node.name)
            if inc < 0:
                s.min_value, s.max_value = -9223372036854775807, -1
            s.increment = inc
        if "increment" in o:
            s.increment = o["increment"]
        if "min_value" in o:
            s.min_value = o["min_value"] if o["min_value"] is not None else (
                1 if s.increment > 0 else -9223372036854775807)
        if "max_value" in o:
            s.max_value = o["max_value"] if o["max_value"] is not None else (
                9223372036854775806 if s.increment > 0 else -1)
        if "start" in o:
            s.start = o["start"]
        elif not node.alter:
            s.start = s.min_value if s.increment > 0 else s.max_value
        if "cache" in o:
            s.cache = o["cache"]
        if "cycle" in o:
            s.cycle = o["cycle"]
        if "engine" in o:
            s.engine = NZ.canonical_engine(o["engine"])
        if "comment" in o:
            s.comment = o["comment"]
        if "value_type" in o:
            s.value_type = NZ.canonical_type(o["value_type"], self.rules).text
        self.schema.sequences[s.name] = s

    # ================================================================== databases, session
    def _database(self, node: N.CreateDatabase) -> None:
        name = node.name if node.name is not None else self.current_db
        if self.schema.name is None and not node.alter and name is not None and not self.schema.tables:
            self.schema.name = name
        if name != self.schema.name:
            return
        if node.alter and node.charset is None and node.collation is None:
            return
        if node.charset or node.collation:
            self.schema.charset, self.schema.collation = SP.resolve_charset(node.charset, node.collation,
                                                                            self.rules)

    def _use(self, node: N.Use) -> None:
        self.current_db = node.name
        if self.schema.name is None and self.schema.is_empty():
            self.schema.name = node.name

    def _set(self, node: N.SetStatement) -> None:
        for a in node.assignments:
            value = a.value
            if a.expression:
                value = self._eval_var(a.value)
                if value is _UNKNOWN:
                    if a.name in _TRACKED_VARS:
                        self._warn(node, f"SET {a.name}: value not evaluated offline ({a.value})")
                    continue
            if a.scope == "USER":
                self.user_vars[a.name] = value
                continue
            if a.scope == "GLOBAL":
                continue
            if a.scope == "NAMES":
                cs = SP.server_charset(value or self.rules.default_charset, self.rules)
                self.connection_charset = self.client_charset = cs
                self.connection_collation = SP.server_collation(a.collation, self.rules) or \
                    SP.server_default_collation(cs, self.rules)
                continue
            if a.scope == "CHARSET":  # SET CHARACTER SET: the connection takes the database's
                self.client_charset = SP.server_charset(value or self.rules.default_charset, self.rules)
                self.connection_charset, self.connection_collation = self.schema.charset, self.schema.collation
                continue
            name = a.name
            if name == "character_set_client":
                self.client_charset = SP.server_charset(value or self.rules.default_charset, self.rules)
                continue
            if name == "character_set_connection":
                self.connection_charset = SP.server_charset(value or self.rules.default_charset, self.rules)
                self.connection_collation = SP.server_default_collation(self.connection_charset, self.rules)
                continue
            if name == "collation_connection":
                if value is not None:
                    self.connection_collation = SP.server_collation(value, self.rules)
                    self.connection_charset = SP.charset_of_collation(self.connection_collation, self.rules)
                continue
            if name == "sql_mode":
                self.sql_mode = SP.server_sql_mode(value if value is not None else self.rules.default_sql_mode,
                                                      self.rules)
            elif name == "time_zone":
                self.time_zone = value if value is not None else "SYSTEM"
            elif name in ("default_storage_engine", "storage_engine"):
                self.default_engine = NZ.canonical_engine(value) if value else "InnoDB"
            elif name == "explicit_defaults_for_timestamp":
                self.explicit_defaults_for_timestamp = (str(value).upper() in ("1", "ON", "TRUE")) \
                    if value is not None else self.rules.explicit_defaults_for_timestamp

    def _eval_var(self, text: str):
        t = text.strip()
        low = t.lower()
        if low.startswith("@@"):
            name = low[2:]
            for prefix in ("session.", "local.", "global."):
                if name.startswith(prefix):
                    name = name[len(prefix):]
            if name == "sql_mode":
                return self.sql_mode
            if name == "time_zone":
                return self.time_zone
            if name == "character_set_client":
                return self.client_charset
            if name == "character_set_connection":
                return self.connection_charset
            if name == "collation_connection":
                return self.connection_collation
            return _UNKNOWN
        if low.startswith("@"):
            return self.user_vars.get(low, None)
        return _UNKNOWN

    # ================================================================== implicit FK indexes
    def _guess_implicit(self, t: Table) -> None:
        names = set()
        for fk in t.foreign_keys:
            for ix in t.indexes:
                if ix.kind == "INDEX" and [p.column for p in ix.parts] == fk.columns and \
                        all(p.length is None for p in ix.parts) and \
                        ix.name.casefold() in (fk.name.casefold(), fk.columns[0].casefold()):
                    names.add(ix.key)
        self.implicit[t.name] = names


_UNKNOWN = object()


def checks_after_drop(t: Table, col: Column) -> list[Check]:
    """The CHECKs of ``t`` that survive dropping ``col`` (already out of
    ``t.columns``): a CHECK on that column alone goes with it, column-level or
    not (the server refuses the DROP when a CHECK also names other columns)."""
    names = {c.key for c in t.columns} | {col.key}
    return [c for c in t.checks if not (c.column_level and c.key == col.key)
            and _check_columns(c.expression, names) != {col.key}]


def _check_columns(expression: str, columns: set[str]) -> set[str]:
    """The (case-folded) columns among ``columns`` a CHECK expression names."""
    from ..sql.scan import referenced_names

    names, called = referenced_names(expression)
    return {n for n in names - called if n in columns}
_DATETIME_LITERAL = re.compile(r"'(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d*)?'")


def _event_time(text: str | None) -> str | None:
    """An event's STARTS/ENDS as the model holds it (docs/CANONICAL.md): the
    datetime without quotes, to the second, as the catalog shows it; an
    expression (``CURRENT_TIMESTAMP + INTERVAL 1 DAY``) stays as written."""
    if text is None:
        return None
    m = _DATETIME_LITERAL.fullmatch(text.strip())
    if not m:
        return text
    y, mo, d, h, mi, sec = (int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{sec:02d}"
_TRACKED_VARS = {"sql_mode", "time_zone", "default_storage_engine", "explicit_defaults_for_timestamp"}


# ====================================================================== one table's changes


class _TableCtx:
    """Applies column/key/constraint changes to one table, then finishes it the
    way the server does (implicit FK indexes, key order, check order)."""

    def __init__(self, b: SchemaBuilder, t: Table, node: N.Node):
        self.b = b
        self.t = t
        self.node = node
        self.rules = b.rules
        self.implicit = b.implicit.setdefault(t.name, set())
        #: ids of the indexes the server generated for foreign keys
        self.generated: set[int] = {id(ix) for ix in t.indexes if ix.key in self.implicit}
        #: unnamed keys of this statement: id -> name base (named after deduplication)
        self.pending: dict[int, str] = {}
        self._fk_counter = None
        # an index stores the table's key_block_size it was made under: make
        # it explicit, so a change of the table's size in this statement leaves it
        old_kbs = t.options.get("key_block_size")
        for ix in t.indexes:
            if ix.key_block_size is None and old_kbs not in (None, "0"):
                ix.key_block_size = int(old_kbs)
        self._cols: dict[str, Column] | None = None
        self._infos: dict[int, object] = {}
        self.dropped_indexes: list[str] = []
        #: definitions of the keys this statement dropped / ids of those it added
        #: (an ALTER re-sorts keys only when it really adds one: see finish)
        self.dropped_defs: list[tuple] = []
        self.added: list[Index] = []
        self.added_fk = False
        self.dropped_primary = False
        #: the storage as the statement found it: another engine re-fits the keys
        self.storage = (t.engine, t.row_format)
        self.had_long_hash = self._has_long_hash()
        #: the first key when it serves as the implicit primary key (no PRIMARY
        #: KEY, NOT NULL UNIQUE): it losing NOT NULL re-sorts the keys
        self.implicit_pk: Index | None = self._implicit_primary() if isinstance(node, N.AlterTable) else None
        #: columns whose definition changed in this statement (MODIFY/CHANGE)
        self.modified_columns: set[str] = set()
        #: CHECK names written in this statement (generated names avoid them)
        self.reserved_checks: set[str] = set()
        if isinstance(node, N.CreateTable):
            self.reserved_checks = {c.name.casefold() for c in node.checks if c.name}
        elif isinstance(node, N.AlterTable):
            self.reserved_checks = {op.check.name.casefold() for op in node.operations
                                    if isinstance(op, N.AddCheck) and op.check.name}

    # ------------------------------------------------------------------ columns
    def _col(self, name: str) -> Column | None:
        """Case-insensitive column lookup (indexed: tables can be wide)."""
        cols = self._cols
        if cols is None:
            cols = self._cols = {}
            for c in self.t.columns:
                cols.setdefault(c.name.casefold(), c)
        return cols.get(name.casefold())

    def _columns_changed(self) -> None:
        self._cols = None

    def _type_info(self, cd: N.ColumnDef):
        info = self._infos.get(id(cd))
        if info is None:
            try:
                info = NZ.canonical_type(cd.type, self.rules)
            except NZ.TypeError_ as e:
                self.b._err(self.node, f"column `{cd.name}`: {e}")
            self._infos[id(cd)] = info
        return info

    def add_column(self, cd: N.ColumnDef, position: N.Position | None) -> Column:
        t = self.t
        if self._col(cd.name) is not None:
            self.b._err(self.node, f"duplicate column `{cd.name}` in `{t.name}`")
        col = self.column_from_def(cd)
        self._place(col, position)
        if self._cols is not None:
            self._cols.setdefault(col.name.casefold(), col)
        return col

    def _place(self, col: Column, position: N.Position | None) -> None:
        cols = self.t.columns
        if position is None:
            cols.append(col)
        elif position.first:
            cols.insert(0, col)
        else:
            idx = next((i for i, c in enumerate(cols) if c.key == position.after.casefold()), None)
            if idx is None:
                self.b._err(self.node, f"AFTER `{position.after}`: no such column in `{self.t.name}`")
            cols.insert(idx + 1, col)

    def column_from_def(self, cd: N.ColumnDef) -> Column:
        b = self.b
        rules = self.rules
        dt = cd.type
        info = self._type_info(cd)
        col = Column(cd.name, info.text, unsigned=info.unsigned, zerofill=info.zerofill)
        text = info.text
        if info.textual:
            cs, co = SP.resolve_charset(dt.charset or info.charset, dt.collation or info.collation, rules,
                                        inherit=(self.t.charset, self.t.collation))
            if dt.binary and dt.collation is None and cs:
                co = "binary" if cs == "binary" else f"{cs}_bin"
            text, textual = NZ.finish_textual(info, cs)
            col.type = text
            if textual:
                col.charset, col.collation = cs, co
                if rules.column_collation_explicit_recorded:
                    # SHOW CREATE prints both exactly for the collations a definition named
                    col.collation_explicit = (dt.charset is not None and dt.collation is not None) \
                        if b.server_text else (dt.charset is not None or dt.collation is not None or dt.binary)
        base = text.split("(", 1)[0]
        col.nullable = True if cd.nullable is None else cd.nullable
        if cd.primary or info.serial:
            col.nullable = False
        col.auto_increment = cd.auto_increment or info.serial
        if cd.serial_default:
            col.nullable = False
            col.auto_increment = True
        col.comment = cd.comment or ""
        col.invisible = cd.invisible
        col.srid = cd.srid
        col.compressed = cd.compressed
        for name, value in cd.attrs.items():  # kept as written (ColumnDef.attrs)
            setattr(col, name, value)
        if cd.versioning in ("ROW START", "ROW END"):
            col.versioning = cd.versioning
            col.nullable = False
        elif cd.versioning == "WITHOUT SYSTEM VERSIONING":
            col.versioning = cd.versioning
        if cd.generated is not None:
            col.generated = b._print(cd.generated)
            col.generated_kind = cd.generated_kind or "VIRTUAL"
            if rules.generated_columns_nullable:
                col.nullable = True
        ts_implicit = (base == "timestamp" and not b.explicit_defaults_for_timestamp and cd.nullable is not True
                       and cd.generated is None and cd.versioning is None)
        if ts_implicit:
            col.nullable = False
        if col.auto_increment:
            col.nullable = False
        # defaults
        col.default = self._default(cd, col, base)
        if cd.on_update is not None:
            p = NZ.current_timestamp_call(cd.on_update)
            if p is None:
                b._err(self.node, f"column `{cd.name}`: ON UPDATE takes CURRENT_TIMESTAMP")
            col.on_update = NZ.spell_current_timestamp(_fsp(col.type), rules)
        if ts_implicit and cd.default is None:
            self._ts_candidates.append((col, cd))
        return col

    @property
    def _ts_candidates(self) -> list:
        if not hasattr(self, "_ts"):
            self._ts = []
        return self._ts

    def _default(self, cd: N.ColumnDef, col: Column, base: str) -> str | None:
        b = self.b
        rules = self.rules
        if cd.generated is not None or cd.versioning in ("ROW START", "ROW END"):
            return None
        expr = cd.default
        if expr is None:
            if col.auto_increment or not col.nullable:
                return None
            if not rules.lob_default_null_shown and base in _TEXT_BLOB_BASES:
                return None
            return "NULL"
        p = NZ.current_timestamp_call(expr)
        if p is not None and base in ("timestamp", "datetime"):
            # shown with the column's own precision, whatever was written (MySQL
            # requires them equal; MariaDB adjusts)
            return NZ.spell_current_timestamp(_fsp(col.type), rules)
        lit = NZ.literal_value(expr)
        if lit is not None:
            if lit[0] == "null":
                if not col.nullable:
                    b._err(self.node, f"column `{cd.name}`: NOT NULL column with DEFAULT NULL")
                return "NULL"
            if col.auto_increment:
                return None
            try:
                return NZ.format_literal_default(lit[0], lit[1], base, col.type, rules,
                                                 enum_values=cd.type.values)
            except NZ.DefaultError as e:
                b._err(self.node, f"column `{cd.name}`: {e}")
        # an expression
        text = b._print(expr)
        if rules.parenthesized_expression_defaults:
            return f"({text})"
        if _needs_parens_in_default(mariadb_rewrite(expr, b.connection_charset)):
            return f"({text})"
        return text

    def column_keys(self, cd: N.ColumnDef) -> None:
        """Inline PRIMARY KEY / UNIQUE / REFERENCES / CHECK of a column, in the
        order the server creates them (at the column's position)."""
        col = self._col(cd.name)
        info = self._type_info(cd)
        if cd.primary:
            self.add_index(N.IndexDef("PRIMARY", [N.KeyPart(cd.name)]))
        if cd.unique or cd.serial_default or info.serial:
            self.add_index(N.IndexDef("UNIQUE", [N.KeyPart(cd.name)]))
        if info.json_check and not cd.checks:
            # MariaDB adds json_valid() only when the column has no CHECK of its own
            self._column_check(col, f"json_valid({quote_ident(col.name)})")
        for chk in cd.checks:
            self.add_check(chk, column=col)
        if cd.references is not None and self.rules.inline_references_create_fk:
            self.add_foreign_key(N.ForeignKeyDef([cd.name], cd.references))

    # ------------------------------------------------------------------ indexes
    def add_index(self, idef: N.IndexDef, *, generated: bool = False) -> Index:
        t = self.t
        b = self.b
        kind = idef.kind
        parts = []
        for kp in idef.parts:
            if kp.column is not None:
                col = self._col(kp.column)
                if col is None:
                    b._err(self.node, f"key column `{kp.column}` doesn't exist in table `{t.name}`")
                length = kp.length
                if length is not None and (kind == "FULLTEXT" or _is_full_length(col, length)):
                    length = None          # a FULLTEXT key part has no prefix: the server drops it
                desc = kp.descending and self.rules.descending_indexes
                parts.append(IndexPart(col.name, None, length, desc))
                if kind == "PRIMARY" and col.nullable:
                    col.nullable = False
                    if col.default == "NULL":
                        col.default = None
            else:
                parts.append(IndexPart(None, b._print(kp.expr), None,
                                       kp.descending and self.rules.descending_indexes))
        if kind == "PRIMARY":
            if t.primary_key is not None:
                b._err(self.node, f"multiple primary key defined in `{t.name}`")
            name = "PRIMARY"
        else:
            name = idef.name or idef.constraint
            if name is None:
                name = ""
            elif t.index(name) is not None:
                b._err(self.node, f"duplicate key name `{name}` in `{t.name}`")
        using = NZ.shown_index_algorithm(idef.using, kind, t.engine, self.rules)
        if kind == "UNIQUE" and self.rules.long_unique_hash and self._needs_long_hash(parts):
            using = "HASH"
        if kind == "INDEX" and len(parts) == 1 and parts[0].column is not None and self.rules.auto_prefix_long_keys:
            self._fit_prefix(parts[0])
        visible = True if idef.visible is None else idef.visible
        idx = Index(name, kind, parts, using=using, parser=idef.parser, comment=idef.comment or "",
                    visible=visible, key_block_size=self._key_block_size(idef))
        t.indexes.append(idx)
        self.added.append(idx)
        if not name:
            self.pending[id(idx)] = parts[0].column if parts[0].column is not None else "functional_index"
        if generated:
            self.generated.add(id(idx))
        return idx

    def _name_pending(self) -> None:
        """Name unnamed keys in key order, each after its first column, made
        unique against the keys before it (``make_unique_key_name``)."""
        if not self.pending:
            return
        seen: set[str] = set()
        for idx in self.t.indexes:
            base = self.pending.get(id(idx))
            if base is not None:
                name = base
                if base.casefold() == "primary" or base.casefold() in seen:
                    n = 2
                    while f"{base}_{n}".casefold() in seen:
                        n += 1
                    name = f"{base}_{n}"
                idx.name = name
            seen.add(idx.name.casefold())
        self.pending.clear()

    def _key_block_size(self, idef: N.IndexDef) -> int | None:
        if idef.key_block_size is None:
            return None
        try:
            return int(idef.key_block_size)
        except ValueError:
            self.b._err(self.node, f"KEY_BLOCK_SIZE must be a number: {idef.key_block_size}")

    def _settle_key_block_sizes(self) -> None:
        """SHOW CREATE shows an index's KEY_BLOCK_SIZE only where it differs
        from the table's (``0`` means the table's). MyISAM and Aria also round
        sizes to their block; that is not simulated (dumps hold the rounded size)."""
        table_kbs = self.t.options.get("key_block_size")
        for ix in self.t.indexes:
            if ix.key_block_size is not None and (ix.key_block_size == 0 or str(ix.key_block_size) == table_kbs):
                ix.key_block_size = None

    def _fit_prefix(self, part: IndexPart) -> None:
        """MariaDB shortens a plain key over a long column to the longest
        prefix the engine takes (``KEY (text_col)`` -> ``(`text_col`(768))``)."""
        col = self._col(part.column)
        limit = NZ.max_key_bytes(self.t.engine, self.t.row_format)
        maxlen = NZ.charset_maxlen(col.charset) if col.charset else 1
        base = col.type.split("(", 1)[0]
        if base in _TEXT_BLOB_BASES:
            chars = part.length
            if chars is None or chars * maxlen > limit:
                part.length = limit // maxlen
            return
        if base in ("varchar", "char", "varbinary", "binary"):
            chars = part.length or int(col.type[col.type.index("(") + 1:-1])
            if chars * maxlen > limit:
                part.length = limit // maxlen

    def _refit_keys(self) -> None:
        """Keys over a column whose type changed get the prefix / hash the new
        type needs, as if created now."""
        for idx in self.t.indexes:
            cols = {p.column.casefold() for p in idx.parts if p.column}
            if not cols & self.modified_columns:
                continue
            for p in idx.parts:
                if p.column and p.length is not None and p.column.casefold() in self.modified_columns:
                    col = self._col(p.column)
                    base = col.type.split("(", 1)[0]
                    if base not in _TEXT_BLOB_BASES and base not in ("char", "varchar", "binary", "varbinary"):
                        p.length = None          # no prefix on a non-string type
                    elif _is_full_length(col, p.length, at_least=True):
                        p.length = None
            if idx.kind == "INDEX" and len(idx.parts) == 1 and idx.parts[0].column and \
                    self.rules.auto_prefix_long_keys:
                self._fit_prefix(idx.parts[0])
            elif idx.kind == "UNIQUE" and self.rules.long_unique_hash and self._needs_long_hash(idx.parts):
                idx.using = "HASH"

    def _needs_long_hash(self, parts: list[IndexPart]) -> bool:
        total = 0
        for p in parts:
            if p.column is None:
                continue
            col = self._col(p.column)
            base = col.type.split("(", 1)[0]
            if base in _LOB_BASES and p.length is None:
                return True
            total += _key_bytes(col, p.length)
        return total > NZ.max_key_bytes(self.t.engine, self.t.row_format)

    def drop_index(self, name: str, if_exists: bool) -> None:
        t = self.t
        idx = t.index(name)
        if idx is None:
            if if_exists:
                return
            self.b._err(self.node, f"can't DROP INDEX `{name}`; check that it exists")
        self.dropped_indexes.append(idx.name)
        if idx.kind == "PRIMARY" or idx is self.implicit_pk:
            self.dropped_primary = True
        at = next(i for i, ix in enumerate(t.indexes) if ix is idx)
        self.dropped_defs.append((_key_shape(idx), t.indexes[at - 1] if at else None))
        t.indexes.remove(idx)
        self.generated.discard(id(idx))
        self.pending.pop(id(idx), None)

    # ------------------------------------------------------------------ foreign keys
    def add_foreign_key(self, fdef: N.ForeignKeyDef) -> ForeignKey:
        t = self.t
        b = self.b
        self.added_fk = True
        rules = self.rules
        cols = []
        for c in fdef.columns:
            col = self._col(c)
            if col is None:
                b._err(self.node, f"foreign key column `{c}` doesn't exist in table `{t.name}`")
            cols.append(col.name)
        name = fdef.name
        if name is None and fdef.index_name is not None and rules.fk_index_name_names_constraint:
            name = fdef.index_name
        if name is None:
            name = self._next_fk_name()
        elif t.foreign_key(name) is not None:
            b._err(self.node, f"duplicate foreign key constraint name `{name}`")
        ref = fdef.ref
        ref_schema = ref.schema if ref.schema is not None and ref.schema != b.schema.name else None
        ref_table = ref.table
        ref_cols = list(ref.columns)
        if ref_schema is None:
            target = b._table(ref_table) if ref_table != t.name else t
            if target is not None:
                ref_table = target.name
                fixed = []
                for c in ref_cols:
                    rc = target.column(c)
                    fixed.append(rc.name if rc is not None else c)
                ref_cols = fixed
        fk = ForeignKey(name, cols, ref_table, ref_cols, ref_schema=ref_schema,
                        on_delete=ref.on_delete or b.rules.fk_default_action,
                        on_update=ref.on_update or b.rules.fk_default_action)
        if (t.engine or "InnoDB") in NZ.FK_ENGINES:
            t.foreign_keys.append(fk)
        # the implicit index, at the FK's position among the keys
        idx_name = fdef.name or fdef.index_name
        ix = Index(idx_name or "", "INDEX", [IndexPart(c) for c in cols])
        t.indexes.append(ix)
        self.generated.add(id(ix))
        if not idx_name:
            self.pending[id(ix)] = cols[0]
        return fk

    def _next_fk_name(self) -> str:
        t = self.t
        pattern = self.rules.fk_name_pattern
        prefix = pattern.format(table=t.name, n="")
        if self._fk_counter is None:
            top = 0
            existing = [] if isinstance(self.node, N.CreateTable) else t.foreign_keys
            for fk in existing:
                if fk.name.startswith(prefix) and fk.name[len(prefix):].isdigit():
                    top = max(top, int(fk.name[len(prefix):]))
            self._fk_counter = top
        self._fk_counter += 1
        return pattern.format(table=t.name, n=self._fk_counter)

    # ------------------------------------------------------------------ checks
    def add_check(self, cdef: N.CheckDef, column: Column | None) -> None:
        b = self.b
        rules = self.rules
        if not rules.check_constraints:
            return  # parsed and ignored (MySQL before 8.0.16, MariaDB before 10.2.1)
        expr = b._print(cdef.expr)
        if column is not None and rules.column_check_named_after_column:
            self._column_check(column, expr, cdef.name)
            return
        name = cdef.name
        if name is None:
            name = self._next_check_name()
        elif self.t.check(name) is not None:
            b._err(self.node, f"duplicate CHECK constraint name `{name}`")
        self.t.checks.append(Check(name, expr, column_level=False, enforced=cdef.enforced))

    def _column_check(self, col: Column, expr: str, name: str | None = None) -> None:
        t = self.t
        existing = next((c for c in t.checks if c.column_level and c.key == col.key), None)
        if existing is not None:
            existing.expression = f"{existing.expression} and {expr}" if existing.expression != expr else expr
            return
        t.checks.append(Check(name or col.name, expr, column_level=True))

    def _next_check_name(self) -> str:
        t = self.t
        pattern = self.rules.check_name_pattern
        names = {c.key for c in t.checks}
        if "{table}" in pattern:
            prefix = pattern.format(table=t.name, n="")
            top = 0
            for c in t.checks:
                if c.name.startswith(prefix) and c.name[len(prefix):].isdigit():
                    top = max(top, int(c.name[len(prefix):]))
            return pattern.format(table=t.name, n=top + 1)
        names |= self.reserved_checks
        n = 1
        while pattern.format(table=t.name, n=n).casefold() in names:
            n += 1
        return pattern.format(table=t.name, n=n)

    def add_period(self, p: N.PeriodDef) -> None:
        if p.name.upper() == "SYSTEM_TIME":
            for cname in (p.start, p.end):
                c = self._col(cname)
                if c is not None and c.versioning is None:
                    c.versioning = "ROW START" if cname == p.start else "ROW END"
            self.t.system_versioned = True if self.t.system_versioned else self.t.system_versioned

    # ------------------------------------------------------------------ ALTER operations
    def apply_op(self, op: N.AlterOp):
        """Apply one operation as the server would (one handler per operation
        type, :data:`.alter.APPLY`; a type without one raises). Returns
        ``(schema, name)`` for ``RENAME TO``, else ``None``."""
        return APPLY.run(self, op)

    def _column_or_fail(self, name: str, if_exists: bool = False) -> Column | None:
        """The column ``name``, or the server's error (``None`` under ``IF EXISTS``)."""
        col = self._col(name)
        if col is None and not if_exists:
            self.b._err(self.node, f"unknown column `{name}` in `{self.t.name}`")
        return col

    def _index_or_fail(self, name: str) -> Index:
        """The index ``name``, or the server's error."""
        idx = self.t.index(name)
        if idx is None:
            self.b._err(self.node, f"key `{name}` does not exist in `{self.t.name}`")
        return idx

    @APPLY(N.AddColumn)
    def _apply_add_column(self, op: N.AddColumn):
        if op.if_not_exists and self._col(op.column.name) is not None:
            return None
        self.add_column(op.column, op.position)
        self.column_keys(op.column)

    @APPLY(N.DropColumn)
    def _apply_drop_column(self, op: N.DropColumn):
        self.drop_column(op.name, op.if_exists)

    @APPLY(N.ModifyColumn, N.ChangeColumn)
    def _apply_modify_column(self, op: N.ModifyColumn | N.ChangeColumn):
        t = self.t
        b = self.b
        old_name = op.old_name if isinstance(op, N.ChangeColumn) else op.column.name
        old = self._column_or_fail(old_name, op.if_exists)
        if old is None:
            return None
        cd = op.column
        if cd.name.casefold() != old.key and self._col(cd.name) is not None:
            b._err(self.node, f"duplicate column `{cd.name}` in `{t.name}`")
        new = self.column_from_def(cd)
        i = t.columns.index(old)
        t.columns[i] = new
        self._columns_changed()
        self.modified_columns.add(new.key)
        if op.position is not None:
            t.columns.remove(new)
            self._place(new, op.position)
        if new.name != old.name:
            self._rename_column_refs(old.name, new.name)
        # a column-level CHECK is replaced by the new definition's
        t.checks = [c for c in t.checks if not (c.column_level and c.key == new.key)]
        self._keep_pk_not_null(new)
        self.column_keys(cd)

    @APPLY(N.RenameColumn)
    def _apply_rename_column(self, op: N.RenameColumn):
        col = self._column_or_fail(op.old_name, op.if_exists)
        if col is None:
            return None
        if op.new_name.casefold() != col.key and self._col(op.new_name) is not None:
            self.b._err(self.node, f"duplicate column `{op.new_name}` in `{self.t.name}`")
        old = col.name
        col.name = op.new_name
        self._columns_changed()
        self._rename_column_refs(old, op.new_name)

    @APPLY(N.AlterColumnDefault)
    def _apply_alter_column_default(self, op: N.AlterColumnDefault):
        col = self._column_or_fail(op.name)
        if op.default is None:
            # DROP DEFAULT: as if none had been given (a nullable column shows DEFAULT NULL)
            base = col.type.split("(", 1)[0]
            col.default = self._default(N.ColumnDef(col.name, N.DataType("X")), col, base)
        else:
            cd = N.ColumnDef(col.name, N.DataType("X"), nullable=col.nullable, default=op.default)
            base = col.type.split("(", 1)[0]
            values = _enum_values(col.type)
            cd.type.values = values
            col.default = self._default(cd, col, base)

    @APPLY(N.AlterColumnVisibility)
    def _apply_alter_column_visibility(self, op: N.AlterColumnVisibility):
        self._column_or_fail(op.name).invisible = not op.visible

    @APPLY(N.AddIndex)
    def _apply_add_index(self, op: N.AddIndex):
        t = self.t
        b = self.b
        if op.if_not_exists and op.index.name and t.index(op.index.name) is not None:
            return None
        if op.index.kind == "PRIMARY" and t.primary_key is not None:
            b._err(self.node, f"multiple primary key defined in `{t.name}`")
        self.add_index(op.index)

    @APPLY(N.DropIndex)
    def _apply_drop_index(self, op: N.DropIndex):
        self.drop_index(op.name, op.if_exists)

    @APPLY(N.AddForeignKey)
    def _apply_add_foreign_key(self, op: N.AddForeignKey):
        t = self.t
        if op.if_not_exists and op.foreign_key.name and t.foreign_key(op.foreign_key.name):
            return None
        self.add_foreign_key(op.foreign_key)

    @APPLY(N.DropForeignKey)
    def _apply_drop_foreign_key(self, op: N.DropForeignKey):
        t = self.t
        b = self.b
        fk = t.foreign_key(op.name)
        if fk is None:
            if op.if_exists:
                return None
            b._err(self.node, f"can't DROP FOREIGN KEY `{op.name}`; check that it exists")
        t.foreign_keys.remove(fk)

    @APPLY(N.AddCheck)
    def _apply_add_check(self, op: N.AddCheck):
        self.add_check(op.check, None)

    @APPLY(N.DropConstraint)
    def _apply_drop_constraint(self, op: N.DropConstraint):
        self.drop_constraint(op)

    @APPLY(N.AlterCheck)
    def _apply_alter_check(self, op: N.AlterCheck):
        t = self.t
        b = self.b
        chk = t.check(op.name)
        if chk is None:
            b._err(self.node, f"no CHECK constraint `{op.name}`")
        chk.enforced = op.enforced

    @APPLY(N.RenameIndex)
    def _apply_rename_index(self, op: N.RenameIndex):
        idx = self._index_or_fail(op.old_name)
        if op.new_name.casefold() != idx.key and self.t.index(op.new_name) is not None:
            self.b._err(self.node, f"duplicate key name `{op.new_name}`")
        idx.name = op.new_name

    @APPLY(N.AlterIndexVisibility)
    def _apply_alter_index_visibility(self, op: N.AlterIndexVisibility):
        self._index_or_fail(op.name).visible = op.visible

    @APPLY(N.RenameTable)
    def _apply_rename_table(self, op: N.RenameTable):
        return (op.new_schema, op.new_name)

    @APPLY(N.SetTableOptions)
    def _apply_set_table_options(self, op: N.SetTableOptions):
        t = self.t
        b = self.b
        # a new DEFAULT CHARSET changes only the default, not the columns
        b._apply_options(t, op.options, creating=False, node=self.node)

    @APPLY(N.ConvertCharset)
    def _apply_convert_charset(self, op: N.ConvertCharset):
        self.convert_charset(op)

    @APPLY(N.PartitionOp)
    def _apply_partition_op(self, op: N.PartitionOp):
        self.partition_op(op)

    @APPLY(N.AddPeriod)
    def _apply_add_period(self, op: N.AddPeriod):
        self.add_period(op.period)

    @APPLY(N.DropPeriod)
    def _apply_drop_period(self, op: N.DropPeriod):
        t = self.t
        for c in t.columns:
            if c.versioning in ("ROW START", "ROW END"):
                c.versioning = None

    @APPLY(N.SystemVersioning)
    def _apply_system_versioning(self, op: N.SystemVersioning):
        t = self.t
        t.system_versioned = op.add
        if not op.add:
            t.columns = [c for c in t.columns if c.versioning not in ("ROW START", "ROW END")
                         or not c.invisible]
            self._columns_changed()
            for c in t.columns:
                if c.versioning in ("ROW START", "ROW END"):
                    c.versioning = None

    @APPLY(N.NoOp)
    def _apply_no_op(self, op: N.NoOp) -> None:
        """``ALGORITHM=``, ``LOCK=``, ``FORCE``...: nothing in the model changes."""

    def drop_column(self, name: str, if_exists: bool) -> None:
        t = self.t
        col = self._col(name)
        if col is None:
            if if_exists:
                return
            self.b._err(self.node, f"can't DROP COLUMN `{name}`; check that it exists")
        t.columns.remove(col)
        self._columns_changed()
        for idx in list(t.indexes):
            idx.parts = [p for p in idx.parts if p.column is None or p.column.casefold() != col.key]
            if not idx.parts:
                t.indexes.remove(idx)
                self.generated.discard(id(idx))
        t.checks = checks_after_drop(t, col)
        t.foreign_keys = [fk for fk in t.foreign_keys
                          if not any(c.casefold() == col.key for c in fk.columns)]

    def _rename_column_refs(self, old: str, new: str) -> None:
        rename_column_in_table(self.t, old, new, self.b.flavor)
        rename_referenced_column(self.b.schema, self.t.name, old, new)

    def _keep_pk_not_null(self, col: Column) -> None:
        pk = self.t.primary_key
        if pk is not None and any(p.column and p.column.casefold() == col.key for p in pk.parts):
            col.nullable = False
            if col.default == "NULL":
                col.default = None

    def drop_constraint(self, op: N.DropConstraint) -> None:
        t = self.t
        chk = t.check(op.name)
        if chk is not None:
            t.checks.remove(chk)
            return
        if op.kind == "CONSTRAINT":
            fk = t.foreign_key(op.name)
            if fk is not None:
                t.foreign_keys.remove(fk)
                return
            idx = t.index(op.name)
            if idx is not None and idx.kind in ("UNIQUE", "PRIMARY"):
                t.indexes.remove(idx)
                return
        if op.if_exists:
            return
        self.b._err(self.node, f"constraint `{op.name}` does not exist in `{t.name}`")

    def convert_charset(self, op: N.ConvertCharset) -> None:
        t = self.t
        rules = self.rules
        cs = op.charset
        if cs.lower() == "default":
            cs = self.b.schema.charset
        cs, co = SP.resolve_charset(cs, op.collation, rules)
        t.charset, t.collation = cs, co
        for c in t.columns:
            if c.charset is None:
                continue
            old_max = NZ.charset_maxlen(c.charset)
            c.charset, c.collation = cs, co
            self.modified_columns.add(c.key)          # key prefixes re-fit to the new byte width
            # the server grows TEXT types so that as many characters still fit
            sizes = [("tinytext", 255), ("text", 65535), ("mediumtext", 16777215), ("longtext", 4294967295)]
            size = dict(sizes).get(c.type)
            if size is not None:
                need = (size // old_max) * NZ.charset_maxlen(cs)
                c.type = next((name for name, cap in sizes if need <= cap), "longtext")

    def partition_op(self, op: N.PartitionOp) -> None:
        t = self.t
        if op.action == "PARTITION BY":
            t.partitioning = self.b._finish_partitioning(op.partitioning, t)
        elif op.action == "REMOVE PARTITIONING":
            t.partitioning = None
        elif t.partitioning is None:
            self.b._err(self.node, f"`{t.name}` is not partitioned")
        elif op.action == "ADD PARTITION":
            part = t.partitioning
            if op.count is not None:
                part.count = (part.count or len(part.partitions) or 1) + op.count
            else:
                new = self.b._finish_partitioning(_Wrap(op.partitions), t).partitions
                part.partitions.extend(new)
        elif op.action == "DROP PARTITION":
            names = {n.casefold() for n in op.names}
            t.partitioning.partitions = [p for p in t.partitioning.partitions if p.name.casefold() not in names]
        elif op.action == "COALESCE PARTITION":
            part = t.partitioning
            if part.count is not None:
                part.count -= op.count or 0
        elif op.action == "REORGANIZE PARTITION":
            part = t.partitioning
            new = self.b._finish_partitioning(_Wrap(op.partitions), t).partitions
            if not op.names:
                part.partitions = new
            else:
                names = [n.casefold() for n in op.names]
                idx = [i for i, p in enumerate(part.partitions) if p.name.casefold() in names]
                if idx:
                    first = idx[0]
                    keep = [p for p in part.partitions if p.name.casefold() not in names]
                    part.partitions = keep[:first] + new + keep[first:]
        # TRUNCATE / ANALYZE / CHECK / OPTIMIZE / REBUILD / REPAIR / EXCHANGE change no schema

    # ------------------------------------------------------------------ finishing
    def finish(self) -> None:
        """What the server does once all changes of a statement are in."""
        t = self.t
        if t.foreign_keys and (t.engine or "InnoDB") not in NZ.FK_ENGINES:
            self.b._err(self.node, f"`{t.name}` has foreign keys; engine {t.engine} cannot keep them "
                                   "(the server refuses with error 1217)")
        # TIMESTAMP columns under explicit_defaults_for_timestamp=OFF
        if self._ts_candidates:
            first_ts = next((c for c in t.columns if c.type.startswith("timestamp")), None)
            for col, cd in self._ts_candidates:
                fsp = _fsp(col.type)
                if col is first_ts and cd.on_update is None:
                    col.default = NZ.spell_current_timestamp(fsp, self.rules)
                    col.on_update = NZ.spell_current_timestamp(fsp, self.rules)
                elif col is first_ts and cd.on_update is not None:
                    col.default = NZ.format_literal_default("num", "0", "timestamp", col.type, self.rules)
                else:
                    col.default = NZ.format_literal_default("num", "0", "timestamp", col.type, self.rules)
        self._dedupe_generated_keys()
        self._name_pending()
        if isinstance(self.node, N.AlterTable) and (t.engine, t.row_format) != self.storage:
            # the new engine's key length limit applies to every key, as if created now
            self.modified_columns.update(p.column.casefold() for ix in t.indexes for p in ix.parts if p.column)
        if self.modified_columns:
            self._refit_keys()
        if isinstance(self.node, N.AlterTable) and self.rules.long_unique_hash:
            # an ALTER rebuilds UNIQUE keys: USING HASH stays only where it is a
            # long unique key (MariaDB; an InnoDB UNIQUE ... USING HASH is a BTREE)
            for idx in t.indexes:
                if idx.kind == "UNIQUE" and idx.using == "HASH" and t.engine != "MEMORY" and \
                        not self._needs_long_hash(idx.parts):
                    idx.using = None
        self._settle_key_block_sizes()
        self._order_keys()
        if self.dropped_indexes:
            self._check_fk_indexes()
        # InnoDB keeps foreign keys in a set ordered by name; SHOW CREATE lists them so
        t.foreign_keys.sort(key=lambda fk: fk.name)
        # checks: column-level in column order, then table-level in creation order
        order = {c.key: i for i, c in enumerate(t.columns)}
        col_checks = sorted((c for c in t.checks if c.column_level), key=lambda c: order.get(c.key, 1 << 30))
        t.checks = col_checks + [c for c in t.checks if not c.column_level]
        # nullable columns of the primary key became NOT NULL
        pk = t.primary_key
        if pk is not None:
            for p in pk.parts:
                if p.column:
                    c = self._col(p.column)
                    if c is not None and c.nullable:
                        c.nullable = False
                        if c.default == "NULL":
                            c.default = None
        self.implicit.clear()
        self.implicit.update(ix.key for ix in t.indexes if id(ix) in self.generated)

    def _check_fk_indexes(self) -> None:
        """A foreign key needs an index that starts with its columns; dropping
        the last one is an error on the server (1553), not a silent change."""
        t = self.t
        if self.dropped_primary and self.rules.fk_check_skips_dropped_primary and \
                (t.primary_key is not None or self._implicit_primary() is not None):
            return          # the server leaves such a foreign key without an index (see Rules)
        for fk in t.foreign_keys:
            cols = [c.casefold() for c in fk.columns]
            if not any([p.column.casefold() if p.column else None for p in ix.parts[:len(cols)]] == cols
                       for ix in t.indexes):
                self.b._err(self.node, f"cannot drop index `{self.dropped_indexes[-1]}`: needed in a foreign "
                                       f"key constraint (`{fk.name}` of `{t.name}`)")

    def _dedupe_generated_keys(self) -> None:
        """Drop implicit FK indexes that another key serves (the server's
        ``foreign_key_prefix`` rule), then drop implicit indexes that no foreign
        key needs any more is *not* done: the server keeps them."""
        t = self.t
        keys = t.indexes
        implicit = self.generated
        dropped: set[int] = set()
        for i, key in enumerate(keys):
            if i in dropped:
                continue
            for j in range(i):
                if j in dropped:
                    continue
                key2 = keys[j]
                if not _fk_prefix(key, key2, implicit):
                    continue
                if id(key2) not in implicit or (id(key) in implicit and len(key.parts) < len(key2.parts)):
                    dropped.add(i)
                else:
                    dropped.add(j)
                break
        if dropped:
            for i in sorted(dropped, reverse=True):
                implicit.discard(id(keys[i]))
                self.pending.pop(id(keys[i]), None)
                del keys[i]

    def _nullable_key(self, idx: Index) -> bool:
        """Some part of the key may be NULL (an expression part counts as nullable)."""
        for p in idx.parts:
            col = self._col(p.column) if p.column else None
            if col is None or col.nullable:
                return True
        return False

    def _recreates_in_place(self) -> bool:
        """A key dropped and added again unchanged stays the same key only on
        InnoDB's in-place path: not on another engine (MyISAM, Aria), not with
        ``ALGORITHM=COPY`` or an engine change, not beside a long hash key."""
        t = self.t
        copy = any(isinstance(op, N.NoOp) and op.what.replace(" ", "") == "ALGORITHM=COPY"
                   for op in getattr(self.node, "operations", ()))
        return (t.engine or "InnoDB") == "InnoDB" and (t.engine, t.row_format) == self.storage and not copy \
            and not self.had_long_hash and not self._has_long_hash()

    def _has_long_hash(self) -> bool:
        return self.rules.long_unique_hash and (self.t.engine or "InnoDB") != "MEMORY" and \
            any(ix.kind == "UNIQUE" and ix.using == "HASH" for ix in self.t.indexes)

    def _implicit_primary(self) -> Index | None:
        """The key the server treats as primary key in a table without one: the
        first key, when it is a NOT NULL UNIQUE key without prefix parts (and not
        a long hash key)."""
        t = self.t
        if not t.indexes or t.primary_key is not None:
            return None
        first = t.indexes[0]
        if first.kind != "UNIQUE" or first.using == "HASH" or self._nullable_key(first) or \
                any(p.length is not None for p in first.parts):
            return None
        return first

    def _order_keys(self) -> None:
        """Put the keys in the order the server leaves them. CREATE sorts them
        (``sort_keys``). Where ``alter_keeps_key_order`` holds, an ALTER sorts
        only when it adds a foreign key, or a key that is not the re-creation of
        one it dropped (see ``_recreates_in_place``), or when the implicit
        primary key stops being NOT NULL; otherwise every key keeps its place,
        a re-created one included (measured on MariaDB 10.11: a MODIFY to NOT
        NULL, to another type, or out of a long hash key moves no key)."""
        if self.b.server_text and isinstance(self.node, N.CreateTable):
            return  # SHOW CREATE lists the keys in the table's order, sorted or not (a dump's)
        if not isinstance(self.node, N.AlterTable) or not self.rules.alter_keeps_key_order or self.added_fk:
            self._sort_keys()
            return
        keys = self.t.indexes
        alive = {id(ix) for ix in keys}
        dropped = list(self.dropped_defs)
        recreated = []
        for idx in self.added:
            if id(idx) not in alive:
                continue
            match = next((d for d in dropped if d[0] == _key_shape(idx)), None)
            if match is None or not self._recreates_in_place():
                self._sort_keys()
                return
            dropped.remove(match)
            recreated.append((idx, match[1]))
        pk = self.implicit_pk
        if pk is not None and id(pk) in alive and self._nullable_key(pk):
            self._sort_keys()
            return
        for idx, prev in recreated:          # back where the dropped key was
            keys.remove(idx)
            keys.insert(next((i + 1 for i, ix in enumerate(keys) if ix is prev), 0), idx)

    def _sort_keys(self) -> None:
        long_hash = self.rules.long_unique_hash

        def nullable(column: str) -> bool:
            col = self._col(column)
            return col is not None and col.nullable

        self.t.indexes.sort(key=lambda idx: key_rank(idx, nullable, long_hash and self._needs_long_hash(idx.parts)))


def key_rank(idx: Index, nullable, long_hash: bool = False) -> tuple:
    """Where the server's ``sort_keys`` puts a key (CREATE TABLE, and every ALTER
    that re-sorts): PRIMARY, then UNIQUE keys over NOT NULL columns only, other
    UNIQUE keys, keys with prefix parts after whole ones, hash-based long unique
    keys last of the unique ones; then plain keys; FULLTEXT last. The sort is
    stable: creation order decides within a rank. ``nullable(column)`` tells a
    column's nullability; ``long_hash``: the key is a long unique hash key."""
    if idx.kind == "PRIMARY":
        return (0, 0)
    if idx.kind == "UNIQUE":
        if long_hash:
            return (0, 2)
        null = any(p.column is None or nullable(p.column) for p in idx.parts)
        partial = any(p.length is not None for p in idx.parts)
        return (0, 1, null, partial)
    if idx.kind == "FULLTEXT":
        return (2, 0)
    return (1, 0)


def _key_shape(idx: Index) -> tuple:
    """What makes a dropped and re-added key the same key to the server."""
    return (idx.name.casefold(), idx.kind, idx.using,
            tuple((p.column.casefold() if p.column else None, p.expression, p.length, p.descending)
                  for p in idx.parts))


class _Wrap:
    def __init__(self, partitions):
        self.partitions = partitions


def _fk_prefix(a: Index, b: Index, implicit: set) -> bool:
    """True when one of the two keys is generated and its columns (same
    lengths) are a prefix of the other's: the server then needs only one."""
    ag, bg = id(a) in implicit, id(b) in implicit
    if not ag and not bg:
        return False
    if ag:
        if bg and len(a.parts) > len(b.parts):
            a, b = b, a
    else:
        a, b = b, a
    return is_prefix_of(a, b)


def is_prefix_of(short: Index, long: Index) -> bool:
    """The server's rule for dropping a generated foreign-key key: its parts
    (columns, same prefix lengths) lead ``long``'s."""
    if len(short.parts) > len(long.parts):
        return False
    for a, b in zip(short.parts, long.parts, strict=False):
        if a.column is None or b.column is None or a.column.casefold() != b.column.casefold():
            return False
        if (a.length or 0) != (b.length or 0):
            return False
    return True


_LOB_BASES = {"tinytext", "text", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob",
              "json", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
              "multipolygon", "geometrycollection", "geomcollection"}


#: MySQL shows no DEFAULT NULL for these (JSON and spatial columns do show it)
_TEXT_BLOB_BASES = {"tinytext", "text", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob"}


def _is_full_length(col: Column, length: int, at_least: bool = False) -> bool:
    m = re.match(r"(var)?(char|binary)\((\d+)\)", col.type)
    if not m:
        return False
    return length >= int(m.group(3)) if at_least else length == int(m.group(3))


def _key_bytes(col: Column, length: int | None) -> int:
    m = re.match(r"(?:var)?(?:char|binary)\((\d+)\)", col.type)
    if m:
        n = length or int(m.group(1))
        return n * NZ.charset_maxlen(col.charset)
    return 8


def _fsp(type_text: str) -> int:
    m = re.search(r"\((\d)\)", type_text)
    return int(m.group(1)) if m else 0


def _enum_values(type_text: str) -> list[str] | None:
    if not (type_text.startswith("enum(") or type_text.startswith("set(")):
        return None
    body = type_text[type_text.index("(") + 1:-1]
    out = []
    for m in re.finditer(r"'((?:[^'\\]|''|\\.)*)'", body):
        out.append(unescape(m.group(1)))
    return out


def rename_column_in_table(table: Table, old: str, new: str, flavor: Flavor) -> None:
    """What renaming column ``old`` to ``new`` changes inside its own table, as
    the server does it: key parts (and key expressions), the table's foreign-key
    columns, CHECKs (a column-level one takes the new name) and generated
    expressions. The column itself and other tables' references are the caller's."""
    k = old.casefold()
    for idx in table.indexes:
        for p in idx.parts:
            if p.column is not None and p.column.casefold() == k:
                p.column = new
            if p.expression is not None:
                p.expression = rename_quoted_ident(p.expression, old, new, flavor)
    for fk in table.foreign_keys:
        fk.columns = [new if c.casefold() == k else c for c in fk.columns]
    for chk in table.checks:
        if chk.column_level and chk.key == k:
            chk.name = new
        chk.expression = rename_quoted_ident(chk.expression, old, new, flavor)
    for c in table.columns:
        if c.generated:
            c.generated = rename_quoted_ident(c.generated, old, new, flavor)


def references_table(fk: ForeignKey, table: str) -> bool:
    """Does ``fk`` (same schema) point at the table named ``table``? Exactly by
    name: a server with ``lower_case_table_names=0`` (the Linux default) keeps
    a referenced name as written and matches it case-sensitively (a reference
    to ``Parent`` is not one to ``parent``); with 1 every name is lower-cased,
    so exact matching holds there too. The simulator resolves the target's
    spelling when it creates a foreign key, so its references are exact."""
    return fk.ref_schema is None and fk.ref_table == table


def rename_referenced_column(schema: Schema, table: str, old: str, new: str) -> None:
    """Foreign keys of every table of ``schema`` that point at ``table.old`` now
    point at ``table.new``: the other half of renaming a column (the simulator's
    RENAME/CHANGE COLUMN and the walk back of one both use it)."""
    k = old.casefold()
    for other in schema.tables.values():
        for fk in other.foreign_keys:
            if references_table(fk, table):
                fk.ref_columns = [new if c.casefold() == k else c for c in fk.ref_columns]


def _needs_parens_in_default(e) -> bool:
    """MariaDB shows an expression DEFAULT in parentheses unless it is a plain
    function call, a column or a literal (``need_parentheses_in_default``)."""
    if isinstance(e, Func):
        return False
    if isinstance(e, (Ident, Lit)):
        return False
    return True


def _canonical_option(key: str, value: str) -> tuple[str, str | None]:
    """A table option as SHOW CREATE shows it: lower-case key, canonical value;
    ``None`` for values the server does not show (``CHECKSUM=0``, ``DEFAULT``)."""
    k = key.lower().replace(" ", "_")
    v = value.strip()
    up = v.upper()
    if k == "table_checksum":
        k = "checksum"
    if k in ("checksum", "delay_key_write", "page_checksum", "transactional") and up in ("0",):
        return k, None if k in ("checksum", "delay_key_write") else "0"
    if up == "DEFAULT" and k in ("pack_keys", "stats_persistent", "stats_auto_recalc", "stats_sample_pages"):
        return k, None
    if k in ("insert_method",):
        return k, up
    if re.fullmatch(r"[-+]?\d+", v):
        return k, str(int(v))
    return k, v


def view_from_node(node: N.CreateView, definition: str, columns: list[str] | None,
                   client_charset: str | None, connection_collation: str | None) -> View:
    """The model view a CREATE/ALTER VIEW makes: ``definition`` and ``columns`` as the
    server stores them; what the statement does not say takes the server's default
    (ALTER VIEW, like CREATE OR REPLACE, resets it). The live reader makes its views
    from their SHOW CREATE VIEW text with it too."""
    v = View(node.name, definition)
    v.columns = columns
    v.algorithm = (node.algorithm or "UNDEFINED").upper()
    v.security = (node.security or "DEFINER").upper()
    v.check_option = node.check_option or "NONE"
    v.definer = node.definer if node.definer not in ("CURRENT_USER",) else None
    v.client_charset, v.connection_collation = client_charset, connection_collation
    return v


_HANDLERS = {
    N.CreateTable: SchemaBuilder._create_table,
    N.AlterTable: SchemaBuilder._alter_table,
    N.CreateIndex: SchemaBuilder._create_index,
    N.DropIndexStatement: SchemaBuilder._drop_index_statement,
    N.Drop: SchemaBuilder._drop,
    N.RenameTables: SchemaBuilder._rename_tables,
    N.CreateView: SchemaBuilder._create_view,
    N.CreateTrigger: SchemaBuilder._create_trigger,
    N.CreateRoutine: SchemaBuilder._create_routine,
    N.AlterRoutine: SchemaBuilder._alter_routine,
    N.CreateEvent: SchemaBuilder._create_event,
    N.CreateSequence: SchemaBuilder._sequence,
    N.CreateDatabase: SchemaBuilder._database,
    N.Use: SchemaBuilder._use,
    N.SetStatement: SchemaBuilder._set,
}


def schema_from_statements(statements: Iterable[Statement], *, flavor: Flavor, name: str | None = None,
                           charset: str | None = None, collation: str | None = None,
                           file: str | None = None, warnings: list | None = None,
                           server_text: bool = False) -> Schema:
    """Apply DDL statements in order to an empty schema and return it.

    ``name``: the database to build (statements for other databases of a
    multi-database dump are ignored; ``None`` adopts the first ``USE`` /
    ``CREATE DATABASE``). ``charset``/``collation``: the database default when no
    ``CREATE DATABASE`` says it (else ``rules.default_charset``). ``warnings``,
    when given, receives the :class:`BuildWarning` s (approximations).
    ``server_text``: the CREATE TABLEs are SHOW CREATE output (a dump tool's),
    read as describing a table rather than as commands (see :class:`SchemaBuilder`).
    """
    b = SchemaBuilder(flavor, name=name, charset=charset, collation=collation, file=file,
                      server_text=server_text)
    schema = b.apply_all(statements, file=file)
    if warnings is not None:
        warnings.extend(b.warnings)
    return schema
