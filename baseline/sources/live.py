"""Live introspection of a MySQL/MariaDB server (strictly read-only).

The session is put in a read-only, consistent-snapshot transaction and only
reads: bulk ``information_schema`` queries (one per catalog table, whatever the
number of tables), plus ``SHOW CREATE`` for the few objects whose details the
catalog lacks or garbles (see :mod:`.showcreate`). Nothing takes a lock that
would block production (no ``FLUSH TABLES``, no ``LOCK TABLES``).

Errors: an unreachable server or refused login is an
:class:`~baseline.errors.EnvironmentProblem` (exit 3), an unknown database a
:class:`~baseline.errors.UsageError` (exit 2); messages never hold the password.
"""
from __future__ import annotations

import contextlib
import re
from typing import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from ..errors import EnvironmentProblem, UsageError
from ..flavor import Flavor
from ..model import Schema, Table, View
from ..sql.scan import strip_qualifier
from ..util.progress import Progress
from . import assemble, catalog
from .showcreate import parse_column, parse_constraint, parse_key, parse_partitioning, parse_view, \
    split_create_table, true_tail
from .url import ServerURL

#: Session setup before any read: a neutral sql_mode (so SHOW CREATE prints the
#: standard spelling: no ANSI_QUOTES, no ORACLE mode), then a read-only snapshot.
_SESSION = (
    "SET SESSION sql_mode = ''",
    "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
    "SET SESSION TRANSACTION READ ONLY",
    "START TRANSACTION WITH CONSISTENT SNAPSHOT",
)

#: What a catalog body may hold where its text differs from the body as written:
#: string literals (re-escaped, introducers dropped) and '?' (4-byte characters).
_REPRINTED = re.compile(r"['\"?\\]")

#: MySQL client error codes meaning "the server cannot be reached".
_UNREACHABLE = {2002, 2003, 2005, 2006, 2013, 2026}


def read_live(url: ServerURL, *, progress: bool = True) -> Schema:
    """Read the schema named by ``url.database`` into the model, writing nothing."""
    if not url.database:
        raise UsageError(f"the server URL names no database: {url}",
                         hint="name the database in the URL path: mysql://HOST:3306/DBNAME")
    with _connection(url) as conn:
        reader = Reader(conn)
        with Progress(f"reading {url.database}", enabled=None if progress else False) as bar:
            reader.on_query = lambda: bar.advance()
            return Introspection(reader, url.database).run()


@contextlib.contextmanager
def _connection(url: ServerURL) -> Iterator[Connection]:
    # No default database on the connection: the database is checked by name (so
    # an unknown one is a usage error, not a login failure) and every query names it.
    engine = create_engine(url.with_database(None).sqlalchemy_url(), poolclass=NullPool,
                           connect_args={"connect_timeout": 10})
    try:
        try:
            conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except DBAPIError as e:
            raise _connect_error(e, url) from None
        try:
            for stmt in _SESSION:
                conn.exec_driver_sql(stmt)
            yield conn
        finally:
            with contextlib.suppress(Exception):
                conn.exec_driver_sql("ROLLBACK")
            with contextlib.suppress(Exception):
                conn.close()
    finally:
        engine.dispose()


def _code_and_message(e: DBAPIError) -> tuple[int | None, str]:
    args = getattr(e.orig, "args", ()) or ()
    code = args[0] if args and isinstance(args[0], int) else None
    msg = str(args[1]) if len(args) > 1 else str(e.orig)
    return code, msg


def _connect_error(e: DBAPIError, url: ServerURL) -> Exception:
    code, msg = _code_and_message(e)
    where = url.with_database(None).redacted()
    if code in (1044, 1045, 1698):
        return EnvironmentProblem(f"cannot log in to {where}: {msg}",
                                  hint="check the user and password in the URL")
    if code in _UNREACHABLE or code is None:
        return EnvironmentProblem(f"cannot reach {where}: {msg}",
                                  hint="check the host and port, and that the server is running")
    return EnvironmentProblem(f"cannot connect to {where}: server error {code}: {msg}")


class Reader:
    """Runs read queries and counts them (one call = one round trip)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.round_trips = 0
        self.on_query = None

    def rows(self, sql: str, **params) -> list[dict]:
        self.round_trips += 1
        try:
            result = self.conn.execute(text(sql), params)
            rows = [dict(r) for r in result.mappings()] if result.returns_rows else []
        except DBAPIError as e:
            code, msg = _code_and_message(e)
            raise EnvironmentProblem(f"the server refused a catalog read (error {code}): {msg}",
                                     hint="the user needs SELECT, SHOW VIEW, TRIGGER, EVENT and "
                                          "routine-reading privileges on the database") from None
        if self.on_query:
            self.on_query()
        return rows

    def show_create(self, kind: str, schema: str, name: str) -> str:
        self.round_trips += 1
        try:
            row = self.conn.exec_driver_sql(catalog.show_create_sql(kind, schema, name)).fetchone()
        except DBAPIError as e:
            code, msg = _code_and_message(e)
            raise EnvironmentProblem(f"SHOW CREATE {kind} {schema}.{name} failed (error {code}): {msg}") from None
        if self.on_query:
            self.on_query()
        return row[catalog.SHOW_CREATE_COLUMN[kind]]


class Introspection:
    """One read of one database: bulk catalog queries, then the few SHOW CREATEs."""

    def __init__(self, reader: Reader, database: str):
        self.r = reader
        self.db = database

    # ------------------------------------------------------------------ main

    def run(self) -> Schema:
        head = self.r.rows(
            "SELECT VERSION() AS VERSION, s.DEFAULT_CHARACTER_SET_NAME AS CHARSET, "
            "s.DEFAULT_COLLATION_NAME AS COLLATION, "
            "(SELECT COUNT(*) FROM information_schema.PLUGINS "
            " WHERE PLUGIN_TYPE = 'FTPARSER' AND PLUGIN_STATUS = 'ACTIVE') AS FTPARSERS "
            "FROM (SELECT 1) AS one LEFT JOIN information_schema.SCHEMATA s ON s.SCHEMA_NAME = :db",
            db=self.db)[0]
        if head["CHARSET"] is None:
            raise UsageError(f"database {self.db!r} not found on the server (or not visible to this user)")
        self.flavor = Flavor.parse(head["VERSION"])
        self.rules = self.flavor.rules
        self.ftparsers = int(head["FTPARSERS"] or 0)
        for stmt in self.rules.introspection_session:
            self.r.rows(stmt)

        schema = Schema(name=self.db, charset=head["CHARSET"], collation=head["COLLATION"],
                        flavor=self.flavor)
        table_rows = self.r.rows(catalog.tables_sql(), db=self.db)
        kinds = {t["TABLE_NAME"]: t["TABLE_TYPE"] for t in table_rows}
        #: tables, views and sequences: what a two-part `db`.`x` may name (see strip_qualifier)
        self.names = {n.casefold() for n in kinds}
        self._read_tables(schema, table_rows, kinds)
        self._read_sequences(schema, table_rows)
        self._read_views(schema, table_rows)
        self._read_triggers(schema)
        self._read_routines(schema)
        self._read_events(schema)
        return schema

    # ------------------------------------------------------------------ tables

    def _read_tables(self, schema: Schema, table_rows: list[dict], kinds: dict[str, str]) -> None:
        rules = self.rules
        columns = assemble.by_table(self.r.rows(catalog.columns_sql(rules), db=self.db))
        self._sequence_columns = {n: columns.get(n, []) for n, k in kinds.items() if k == "SEQUENCE"}
        stats = assemble.by_table(self.r.rows(catalog.statistics_sql(rules), db=self.db))
        fks = assemble.foreign_keys(self.r.rows(catalog.referential_sql(), db=self.db),
                                    self.r.rows(catalog.key_columns_sql(), db=self.db), self.db)
        checks_sql = catalog.checks_sql(rules)
        checks = assemble.by_table(self.r.rows(checks_sql, db=self.db)) if checks_sql else {}

        for row in table_rows:
            if row["TABLE_TYPE"] not in ("BASE TABLE", "SYSTEM VERSIONED"):
                continue
            name = row["TABLE_NAME"]
            t = assemble.table_from_row(row)
            t.columns = [assemble.column_from_row(c, rules) for c in columns.get(name, [])]
            for col in t.columns:  # DEFAULT nextval(`db`.`seq`): keep the baseline movable
                if col.default is not None and "." in col.default:
                    col.default = strip_qualifier(col.default, self.db, self.names)
            t.indexes = assemble.indexes_from_rows(stats.get(name, []), t.engine, rules)
            t.foreign_keys = fks.get(name, [])
            t.checks = assemble.checks_from_rows(checks.get(name, []), t.columns, rules)
            t.auto_increment = assemble.table_auto_increment(row["AUTO_INCREMENT"], t.columns)
            if self._needs_show_create(t, row, columns.get(name, [])):
                self._apply_show_create(t, self.r.show_create("TABLE", self.db, name))
            schema.add(t)

    def _needs_show_create(self, t: Table, row: dict, column_rows: list[dict]) -> bool:
        """The few tables whose details the catalog lacks or garbles."""
        rules = self.rules
        if "partitioned" in (row["CREATE_OPTIONS"] or "").lower():
            return True  # clause details (PARTITIONS n, engines, long comments) are not in the catalog
        if self.ftparsers and any(i.kind == "FULLTEXT" for i in t.indexes):
            return True  # WITH PARSER is not in the catalog
        # the catalog is utf8mb3: 4-byte characters in expressions come back as '?'
        if any("?" in (c.generated or "") for c in t.columns) or any("?" in c.expression for c in t.checks):
            return True
        limit = rules.catalog_check_clause_limit
        if limit and any(len(c.expression) >= limit for c in t.checks):
            return True
        if not rules.catalog_expressions_exact:
            extra = " ".join((c["EXTRA"] or "").lower() for c in column_rows)
            if (any(c.generated for c in t.columns) or t.checks or "default_generated" in extra
                    or any(p.expression for i in t.indexes for p in i.parts)
                    or any(assemble.base_type(c.type) in ("binary", "varbinary") and c.default
                           for c in t.columns)):
                return True
        return False

    def _apply_show_create(self, t: Table, create: str) -> None:
        """Take from SHOW CREATE TABLE what it states exactly and the catalog does not."""
        ct = split_create_table(create)
        if ct.partition:
            t.partitioning = parse_partitioning(ct.partition)
        lines = ct.column_lines()
        for col in t.columns:
            rest = lines.get(col.name)
            if rest is None:
                continue
            parsed = parse_column(rest)
            if col.generated is not None and parsed.generated is not None:
                col.generated = parsed.generated
            if col.default is not None and parsed.default is not None:
                col.default = parsed.default
            chk = t.check(col.name)
            if chk is not None and chk.column_level and parsed.check is not None:
                chk.expression = parsed.check
        for line in ct.constraint_lines():
            c = parse_constraint(line)
            chk = t.check(c.name)
            if c.kind == "CHECK" and chk is not None and not chk.column_level:
                chk.expression = c.check
        for line in ct.key_lines():
            k = parse_key(line)
            idx = t.index(k.name)
            if idx is None:
                continue
            idx.parser = k.parser
            for part, text_part in zip(idx.parts, k.parts):
                if part.expression is not None and text_part.startswith("("):
                    part.expression = text_part[1:text_part.rindex(")")]

    # ------------------------------------------------------------------ sequences

    def _read_sequences(self, schema: Schema, table_rows: list[dict]) -> None:
        seqs = [r for r in table_rows if r["TABLE_TYPE"] == "SEQUENCE"]
        if not seqs:
            return
        names = [r["TABLE_NAME"] for r in seqs]
        values = {int(v["N"]): v for v in self.r.rows(catalog.sequences_sql(self.db, names))}
        for k, row in enumerate(seqs):
            vt = assemble.sequence_value_type(self._sequence_columns.get(row["TABLE_NAME"], []))
            schema.add(assemble.sequence_from_row(row["TABLE_NAME"], values[k], row, vt))

    # ------------------------------------------------------------------ views

    def _read_views(self, schema: Schema, table_rows: list[dict]) -> None:
        for row in table_rows:
            if row["TABLE_TYPE"] != "VIEW":
                continue
            v = parse_view(self.r.show_create("VIEW", self.db, row["TABLE_NAME"]))
            schema.add(View(name=row["TABLE_NAME"], definition=strip_qualifier(v.definition, self.db, self.names),
                            columns=v.columns, algorithm=v.algorithm, security=v.security,
                            check_option=v.check_option, definer=v.definer))

    # ------------------------------------------------------------------ code objects

    def _true_body(self, kind: str, name: str, body: str | None) -> str:
        if body is None:
            raise EnvironmentProblem(
                f"the server does not show the body of {kind.lower()} {self.db}.{name} to this user",
                hint="grant SHOW ROUTINE (MariaDB 11/MySQL 8) or SELECT on mysql.proc, or read as the definer")
        if not _REPRINTED.search(body):
            return body
        # The catalog holds a re-print of the body: 4-byte characters become '?'
        # and string literals are re-escaped (a newline in a literal becomes \n,
        # \' becomes '', introducers such as _latin1 are dropped). SHOW CREATE
        # has the body as written; the DDL parser finds where it starts.
        full = self.r.show_create(kind, self.db, name)
        return self._parsed_body(full) or true_tail(full, body) or body

    def _parsed_body(self, full: str) -> str | None:
        from ..errors import InputError
        from ..sql.parse import parse_statement

        try:
            node = parse_statement(full, flavor=self.flavor)
        except InputError:
            return None
        return getattr(node, "body", None)

    def _read_triggers(self, schema: Schema) -> None:
        for row in self.r.rows(catalog.triggers_sql(), db=self.db):
            trg = assemble.trigger_from_row(row)
            trg.body = self._true_body("TRIGGER", trg.name, trg.body)
            schema.add(trg)

    def _read_routines(self, schema: Schema) -> None:
        rows = self.r.rows(catalog.routines_sql(), db=self.db)
        params = self.r.rows(catalog.parameters_sql(), db=self.db)
        for routine in assemble.routines_from_rows(rows, params):
            routine.body = self._true_body(routine.kind, routine.name, routine.body)
            schema.add(routine)

    def _read_events(self, schema: Schema) -> None:
        for row in self.r.rows(catalog.events_sql(), db=self.db):
            ev = assemble.event_from_row(row)
            ev.body = self._true_body("EVENT", ev.name, ev.body)
            schema.add(ev)
