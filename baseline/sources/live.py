"""Live introspection of a MySQL/MariaDB server (strictly read-only).

The session is put in a read-only, consistent-snapshot transaction and only
reads: bulk ``information_schema`` queries (one per catalog table, whatever the
number of tables), plus ``SHOW CREATE`` for the few objects whose details the
catalog lacks or garbles (see :mod:`.showcreate`). Nothing takes a lock that
would block production (no ``FLUSH TABLES``, no ``LOCK TABLES``).

Speed (5,000 tables are read in a few seconds): :data:`LANES` connections, each
in its own read-only snapshot transaction, each with a worker thread running its
queries in order; the bulk queries are all sent ahead, spread over the lanes, so
the server computes several catalog tables at once (every ``information_schema``
table of MariaDB opens each table's definition: at 5,000 tables the server's
share is most of the time) while Python assembles the previous one. Rows come
from PyMySQL directly (no SQLAlchemy layer: its result objects and its import
cost more than the reading of a small schema).

Consistency: the catalog of MariaDB and the data dictionary of MySQL are not
read through a transaction's snapshot (a DDL statement is seen by the next
catalog query, whichever connection runs it), so several connections see the
same as one; the snapshots keep the data reads (sequence values) consistent.

Errors: an unreachable server or refused login is an
:class:`~baseline.errors.EnvironmentProblem` (exit 3), an unknown database a
:class:`~baseline.errors.UsageError` (exit 2); messages never hold the password.
"""
from __future__ import annotations

import contextlib
import re
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import ClassVar, Iterator

import pymysql
from pymysql.constants import CLIENT

from ..errors import EnvironmentProblem, UsageError
from ..flavor import Flavor
from ..model import Schema, Table
from ..sql.scan import strip_qualifier
from ..util.gcpause import gc_paused
from ..util.progress import Progress
from . import assemble, catalog
from .showcreate import TableLines, scan_create_table, true_tail
from ..connect.url import ServerURL

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

#: SHOW CREATE statements sent in one round trip (small enough that the first
#: texts are scanned while the server computes the rest and the catalog).
SHOW_CREATE_BATCH = 50

#: Connections an introspection reads through (see the module's note on speed).
LANES = 3

#: The catalog reads with a row per column, key part or constraint (the many
#: rows): read as JSON where the flavor can (``Rules.catalog_json_rows``).
_JSON_READS = frozenset({"columns", "statistics", "referential", "key_columns", "checks", "check_clauses"})

#: MySQL client error codes meaning "the server cannot be reached".
_UNREACHABLE = {2002, 2003, 2005, 2006, 2013, 2026}


def read_live(url: ServerURL, *, progress: bool = True, label: str | None = None) -> Schema:
    """Read the schema named by ``url.database`` into the model, writing nothing.

    ``progress``: a line on a terminal counting the tables, views and routines read,
    headed ``reading LABEL`` (default: the database's name; a scratch database's
    random name means nothing to the user, so callers reading one name what it holds)."""
    flavor, rest = read_live_ahead(url, progress=progress, label=label, background=False)
    return rest.result()


def read_live_ahead(url: ServerURL, *, progress: bool = True, label: str | None = None,
                    background: bool = True) -> tuple[Flavor, Future]:
    """:func:`read_live` in two steps: connect and read the server's version and
    the database's defaults now (an unreachable server, a refused login or an
    unknown database raise here, before the caller starts anything), the rest in
    a worker thread (``background``; else before returning): the future gives the
    schema. ``verify`` reads its SOURCE so while its throwaway server starts."""
    if not url.database:
        raise UsageError(f"the server URL names no database: {url}",
                         hint="name the database in the URL path: mysql://HOST:3306/DBNAME")
    stack = contextlib.ExitStack()
    try:
        reader = Reader([stack.enter_context(_connection(url)) for _ in range(LANES)])
        stack.callback(reader.close)
        intro = Introspection(reader, url.database)
        intro.head()
    except BaseException:
        stack.close()
        raise

    def rest() -> Schema:
        with stack, gc_paused(), Progress(f"reading {label or url.database}",
                                          enabled=None if progress else False) as bar:
            intro.bar = bar
            return intro.run()

    if not background:
        done: Future = Future()
        done.set_result(rest())
        return intro.flavor, done
    worker = ThreadPoolExecutor(1, thread_name_prefix="baseline-live-ahead")
    future = worker.submit(rest)
    worker.shutdown(wait=False)
    return intro.flavor, future


#: URL query options passed on to the driver, with their types (as SQLAlchemy's
#: PyMySQL dialect would): ``mysql://h/db?ssl_ca=/ca.pem&connect_timeout=5``.
_URL_OPTIONS = {
    "ssl_ca": str, "ssl_cert": str, "ssl_key": str, "ssl_capath": str, "ssl_cipher": str,
    "ssl_disabled": bool, "ssl_verify_cert": bool, "ssl_verify_identity": bool,
    "connect_timeout": int, "read_timeout": int, "write_timeout": int, "charset": str,
    "init_command": str, "program_name": str, "server_public_key": str, "auth_plugin_map": None,
}


def connect_kwargs(url: ServerURL) -> dict:
    """``pymysql.connect`` arguments for ``url`` (its query options included).

    A server on this machine (loopback or a unix socket) is read without TLS
    unless the URL asks for it: the traffic never leaves the machine, and making
    the TLS context alone costs 20 ms, a tenth of reading a small schema.
    Elsewhere PyMySQL's default stands (TLS when the server offers it)."""
    kw = url.pymysql_kwargs(database=False)  # no TLS to this machine (see there)
    kw["connect_timeout"] = 10
    for key, value in url.query:
        kind = _URL_OPTIONS.get(key, "unknown")
        if kind in ("unknown", None):
            raise UsageError(f"unsupported option {key!r} in the server URL",
                             hint="supported: " + ", ".join(k for k, v in _URL_OPTIONS.items() if v))
        if kind is bool:
            kw[key] = value.strip().lower() in ("1", "true", "yes", "on")
        elif kind is int:
            try:
                kw[key] = int(value)
            except ValueError:
                raise UsageError(f"option {key} in the server URL must be a number, not {value!r}") from None
        else:
            kw[key] = value
    return kw


class _Connection(pymysql.connections.Connection):
    """PyMySQL's connection, whose TLS context (where the URL sets no ``ssl_*``
    option: TLS when the server offers it, unverified) is made once per process:
    making one loads the system's CA store, about 30 ms, for each of the
    :data:`LANES` connections of every read."""

    _preferred: ClassVar[object | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def _create_ssl_ctx(self, sslp):
        if sslp:
            return super()._create_ssl_ctx(sslp)
        with _Connection._lock:
            if _Connection._preferred is None:
                _Connection._preferred = super()._create_ssl_ctx({})
            return _Connection._preferred


@contextlib.contextmanager
def _connection(url: ServerURL) -> Iterator[pymysql.connections.Connection]:
    # No default database on the connection: the database is checked by name (so
    # an unknown one is a usage error, not a login failure) and every query names it.
    try:
        # several SHOW CREATEs go in one round trip (Reader.show_creates)
        conn = _Connection(autocommit=True, client_flag=CLIENT.MULTI_STATEMENTS, **connect_kwargs(url))
    except pymysql.err.MySQLError as e:
        raise _connect_error(e, url) from None
    try:
        with conn.cursor() as cur:
            for stmt in _SESSION:
                cur.execute(stmt)
        yield conn
    finally:
        with contextlib.suppress(Exception):
            conn.rollback()
        with contextlib.suppress(Exception):
            conn.close()


def _code_and_message(e: Exception) -> tuple[int | None, str]:
    args = getattr(e, "args", ()) or ()
    code = args[0] if args and isinstance(args[0], int) else None
    msg = str(args[1]) if len(args) > 1 else str(e)
    return code, msg


def _connect_error(e: Exception, url: ServerURL) -> Exception:
    code, msg = _code_and_message(e)
    where = url.with_database(None).redacted()
    if code in (1044, 1045, 1698):
        return EnvironmentProblem(f"cannot log in to {where}: {msg}",
                                  hint="check the user and password in the URL")
    if code in _UNREACHABLE or code is None:
        return EnvironmentProblem(f"cannot reach {where}: {msg}",
                                  hint="check the host and port, and that the server is running")
    return EnvironmentProblem(f"cannot connect to {where}: server error {code}: {msg}")


_NAMED_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def _pyformat(sql: str) -> str:
    """``:db`` placeholders (catalog.py's spelling) as PyMySQL's ``%(db)s``."""
    return _NAMED_PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))


#: The catalog reads a table needs (not made where tables are built from their text).
_TABLE_CATALOG = ("columns", "statistics", "referential", "key_columns", "checks", "check_clauses")


def _default_needs_text(col) -> bool:
    """Whether a column's DEFAULT (as :func:`.assemble.column_default` made it)
    is one a catalog that garbles expressions (MySQL's) may have garbled: an
    expression (parenthesized by then; ``CURRENT_TIMESTAMP[(n)]`` is not, and
    the catalog spells it exactly), a binary column's (raw bytes), or one with
    '?' (a 4-byte character may read so). Plain literals are spelled exactly.
    The one test for both questions: does the table's text need reading, and
    which of its columns then."""
    d = col.default
    return d.startswith("(") or "?" in d or assemble.base_type(col.type) in ("binary", "varbinary")


class Reader:
    """Runs the read queries of one introspection on one or more connections.

    Each connection (a lane) has a worker thread that runs its queries in order;
    :meth:`submit` queues a query and returns at once (a future), so the caller
    can assemble one result while the server computes the next ones.
    """

    def __init__(self, conns: list):
        self.conns = list(conns)
        self._workers = [ThreadPoolExecutor(1, thread_name_prefix=f"baseline-live-{k}")
                         for k in range(len(self.conns))]
        self._next = 0

    def close(self) -> None:
        for w in self._workers:
            w.shutdown(wait=True, cancel_futures=True)

    def _lane(self, lane: int | None) -> int:
        """``lane`` folded onto the connections there are; ``None``: the next in turn."""
        if lane is None:
            lane, self._next = self._next, self._next + 1
        return lane % len(self.conns)

    def submit(self, sql: str, params: dict | None = None, lane: int | None = 0, *, as_json: bool = False) -> Future:
        """Queue ``sql``; the future gives its rows as dicts. ``as_json``: read them
        as one JSON array (:func:`.catalog.json_rows_sql`; the flavor must have
        ``JSON_ARRAYAGG``), the same rows at a fraction of the driver's work."""
        k = self._lane(lane)
        if as_json:
            return self._workers[k].submit(self._json_rows, self.conns[k], sql, params)
        return self._workers[k].submit(self._rows, self.conns[k], sql, params)

    def _json_rows(self, conn, sql: str, params: dict | None) -> list[dict]:
        import json

        wrapped, names, keys = catalog.json_rows_sql(sql)
        out: list[dict] = []
        for group in self._rows(conn, wrapped, params):
            try:
                rows = json.loads(group["J"])
            except (TypeError, ValueError):
                rows = None
            if rows is None or len(rows) != group["N"]:  # cut by the server: read it row by row
                return self._rows(conn, sql, params)
            out += [dict(zip(names, row, strict=True)) for row in rows]
        if keys:
            out.sort(key=lambda r: tuple(r[k] for k in keys))
        return out

    def rows(self, sql: str, **params) -> list[dict]:
        return self.submit(sql, params).result()

    def _rows(self, conn, sql: str, params: dict | None) -> list[dict]:
        try:
            with conn.cursor() as cur:
                if params:
                    cur.execute(_pyformat(sql), params)
                else:
                    cur.execute(sql)
                if cur.description is None:
                    return []
                names = [d[0] for d in cur.description]
                return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        except pymysql.err.MySQLError as e:
            code, msg = _code_and_message(e)
            raise EnvironmentProblem(f"the server refused a catalog read (error {code}): {msg}",
                                     hint="the user needs SELECT, SHOW VIEW, TRIGGER, EVENT and "
                                          "routine-reading privileges on the database") from None

    def show_create(self, kind: str, schema: str, name: str) -> str:
        return self.submit_show_create(kind, schema, name).result()

    def submit_show_creates(self, kind: str, schema: str, names: list[str], lane: int | None = None) -> list[Future]:
        """SHOW CREATE of each name, :data:`SHOW_CREATE_BATCH` statements a round
        trip; one future per batch, each giving ``{name: result row}``. Batches go
        to ``lane``, or in turn to every lane (``None``)."""
        out = []
        for k in range(0, len(names), SHOW_CREATE_BATCH):
            n = self._lane(lane)
            out.append(self._workers[n].submit(self._show_creates, self.conns[n], kind, schema,
                                               names[k:k + SHOW_CREATE_BATCH]))
        return out

    def _show_creates(self, conn, kind: str, schema: str, names: list[str]) -> dict[str, tuple]:
        out = {}
        try:
            with conn.cursor() as cur:
                cur.execute(";".join(catalog.show_create_sql(kind, schema, n) for n in names))
                for name in names:
                    out[name] = cur.fetchone()
                    cur.nextset()
        except pymysql.err.MySQLError as e:
            code, msg = _code_and_message(e)
            raise EnvironmentProblem(f"SHOW CREATE {kind} in {schema} failed (error {code}): {msg}",
                                     hint="a table dropped or renamed while it was read? run again") from None
        return out

    def submit_show_create(self, kind: str, schema: str, name: str) -> Future:
        k = self._lane(None)
        return self._workers[k].submit(self._show_create, self.conns[k], kind, schema, name)

    def _show_create(self, conn, kind: str, schema: str, name: str) -> str:
        try:
            with conn.cursor() as cur:
                cur.execute(catalog.show_create_sql(kind, schema, name))
                row = cur.fetchone()
        except pymysql.err.MySQLError as e:
            code, msg = _code_and_message(e)
            raise EnvironmentProblem(f"SHOW CREATE {kind} {schema}.{name} failed (error {code}): {msg}") from None
        return row[catalog.SHOW_CREATE_COLUMN[kind]]


class Introspection:
    """One read of one database: bulk catalog queries, then the few SHOW CREATEs."""

    def __init__(self, reader: Reader, database: str, bar: Progress | None = None):
        self.r = reader
        self.db = database
        self.bar = bar or Progress("", enabled=False)
        self._ahead: dict[str, Future] = {}
        #: the builder of the tables read from their text (:meth:`_table_from_text`)
        self._builder = None

    # ------------------------------------------------------------------ main

    def head(self) -> None:
        """The server's version (the flavor's rules) and the database's defaults."""
        head = self.r.rows(
            "SELECT VERSION() AS VERSION, s.DEFAULT_CHARACTER_SET_NAME AS CHARSET, "
            "s.DEFAULT_COLLATION_NAME AS COLLATION, "
            "(SELECT COUNT(*) FROM information_schema.PLUGINS "
            " WHERE PLUGIN_TYPE = 'FTPARSER' AND PLUGIN_STATUS = 'ACTIVE') AS FTPARSERS, "
            "@@table_definition_cache AS DEFINITION_CACHE "
            "FROM (SELECT 1) AS one LEFT JOIN information_schema.SCHEMATA s ON s.SCHEMA_NAME = :db",
            db=self.db)[0]
        if head["CHARSET"] is None:
            raise UsageError(f"database {self.db!r} not found on the server (or not visible to this user)")
        self.flavor = Flavor.parse(head["VERSION"])
        self.rules = self.flavor.rules
        self.ftparsers = int(head["FTPARSERS"] or 0)
        for stmt in self.rules.introspection_session:
            for lane in range(len(self.r.conns)):
                self.r.submit(stmt, lane=lane).result()

        self._head = head

    def run(self) -> Schema:
        if not hasattr(self, "_head"):
            self.head()
        head = self._head
        schema = Schema(name=self.db, charset=head["CHARSET"], collation=head["COLLATION"],
                        flavor=self.flavor)
        self._send_ahead()
        table_rows = self.r.rows(catalog.tables_sql(details=not self.rules.live_tables_from_text), db=self.db)
        self._table_rows = table_rows
        self._send_show_creates()
        self.bar.total = len(table_rows)
        kinds = {t["TABLE_NAME"]: t["TABLE_TYPE"] for t in table_rows}
        #: tables, views and sequences: what a two-part `db`.`x` may name (see strip_qualifier)
        self.names = {n.casefold() for n in kinds}
        self._read_tables(schema, table_rows, kinds)
        self._read_sequences(schema, table_rows)
        self._read_views(schema)
        self._read_triggers(schema)
        self._read_routines(schema)
        self._read_events(schema)
        return schema

    def _send_ahead(self) -> None:
        """Queue every bulk catalog query now; :meth:`_result` waits for one."""
        rules = self.rules
        queries = {
            "columns": catalog.columns_sql(rules), "statistics": catalog.statistics_sql(rules),
            "referential": catalog.referential_sql(), "key_columns": catalog.key_columns_sql(),
            "checks": catalog.checks_sql(rules), "check_clauses": catalog.check_clauses_sql(rules),
            "triggers": catalog.triggers_sql(),
            "routines": catalog.routines_sql(), "parameters": catalog.parameters_sql(),
            "events": catalog.events_sql(),
        }
        # lanes after the first take the catalog queries in turn; the first one
        # reads the list of tables, then SHOW CREATE of each (about as long)
        lanes = len(self.r.conns)
        k = 0
        for name, sql in queries.items():
            if sql and not (rules.live_tables_from_text and name in _TABLE_CATALOG):
                self._ahead[name] = self.r.submit(sql, {"db": self.db}, lane=1 + k % max(lanes - 1, 1),
                                                  as_json=rules.catalog_json_rows and name in _JSON_READS)
                k += 1

    def _send_show_creates(self) -> None:
        # SHOW CREATE TABLE of every table: the key order, the USING clauses and
        # (MySQL) which columns name their collation are in no catalog
        base = [r["TABLE_NAME"] for r in self._table_rows if r["TABLE_TYPE"] in ("BASE TABLE", "SYSTEM VERSIONED")]
        # One lane keeps the other cores for the Python side, unless the server is the
        # slower side: SHOW CREATE of a table its definition cache does not hold reads
        # the data dictionary (MySQL 9.7, 3,411 tables, cache 2,000: 0.6 ms a table
        # against 0.35 ms; the read waited 1.2 s for texts, 0.8 s over every lane)
        spread = self.rules.live_tables_from_text and len(base) > int(self._head["DEFINITION_CACHE"] or 0)
        self._pending_texts = self.r.submit_show_creates("TABLE", self.db, base, lane=None if spread else 0)
        # and of every view (the catalog's VIEW_DEFINITION is rewritten), queued behind
        # them: the server is done with both before the tables are built
        views = [r["TABLE_NAME"] for r in self._table_rows if r["TABLE_TYPE"] == "VIEW"]
        self._pending_views = self.r.submit_show_creates("VIEW", self.db, views, lane=0)
        #: each table's SHOW CREATE text, and its scan (see :meth:`_take_texts`)
        self._texts: dict[str, str] = {}
        self._lines: dict[str, TableLines | None] = {}

    def _result(self, name: str) -> list[dict]:
        future = self._ahead.get(name)
        if future is None:
            return []
        if not future.done():
            self.bar.update(self.bar.done, note=f"catalog: {name}")
        return future.result()

    # ------------------------------------------------------------------ tables

    def _take_texts(self, until: Future | None = None, name: str | None = None) -> None:
        """Scan the SHOW CREATE TABLE texts as their batches come in: those that
        are there while ``until`` (a catalog query) is computed, else up to the
        batch holding table ``name``. The main thread would wait idle for the
        catalog meanwhile (on MySQL, whose every table needs its text scanned,
        the texts start arriving before the column catalog is ready)."""
        pending = self._pending_texts
        while pending and (name is None or name not in self._texts):
            if until is not None:
                if until.done():
                    return
                wait([until, pending[0]], return_when=FIRST_COMPLETED)
                if not pending[0].done():
                    return
            for table, row in pending.pop(0).result().items():
                self._texts[table] = row[1]
                if not self.rules.live_tables_from_text:
                    self._lines[table] = scan_create_table(row[1], self.rules.column_collation_explicit_recorded)

    def _read_tables(self, schema: Schema, table_rows: list[dict], kinds: dict[str, str]) -> None:
        rules = self.rules
        if rules.live_tables_from_text:
            return self._tables_from_text(schema, table_rows)
        self._take_texts(until=self._ahead.get("columns"))
        columns = assemble.by_table(self._result("columns"))
        self._sequence_columns = {n: columns.get(n, []) for n, k in kinds.items() if k == "SEQUENCE"}
        stats = assemble.by_table(self._result("statistics"))
        fks = assemble.foreign_keys(self._result("referential"), self._result("key_columns"), self.db)
        checks = assemble.by_table(assemble.with_clauses(self._result("checks"), self._result("check_clauses")))
        texts = self._texts

        for row in table_rows:
            if row["TABLE_TYPE"] not in ("BASE TABLE", "SYSTEM VERSIONED"):
                continue
            self.bar.advance(note="tables")
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
            if name not in texts:
                self._take_texts(name=name)
            lines = self._lines.get(name)
            # what the catalog lacks or garbles, and a text not laid out as the server
            # usually prints it (the line scan does not read it): built from the text
            if lines is None or self._needs_show_create(t, row):
                schema.add(self._table_from_text(schema, name))
                continue
            self._apply_lines(t, lines)
            schema.add(t)

    def _tables_from_text(self, schema: Schema, table_rows: list[dict]) -> None:
        """Every table built from its SHOW CREATE text (``Rules.live_tables_from_text``)."""
        for row in table_rows:
            if row["TABLE_TYPE"] not in ("BASE TABLE", "SYSTEM VERSIONED"):
                continue
            self.bar.advance(note="tables")
            name = row["TABLE_NAME"]
            if name not in self._texts:
                self._take_texts(name=name)
            schema.add(self._table_from_text(schema, name))

    def _table_from_text(self, schema: Schema, name: str) -> Table:
        """Table ``name`` built from its SHOW CREATE text by the DDL parser and the
        builder, as a dump holding that text is read: the one reader of table
        definitions. One builder serves the whole read (a foreign key may name a
        table built later, as in a dump)."""
        from ..engine.builder import SchemaBuilder
        from ..sql.split import Statement

        b = self._builder
        if b is None:
            b = self._builder = SchemaBuilder(self.flavor, name=self.db, charset=schema.charset,
                                              collation=schema.collation, server_text=True)
        b.apply(Statement(self._texts.pop(name), 1), file=f"SHOW CREATE TABLE {name}")
        return b.schema.table(name)

    def _needs_show_create(self, t: Table, row: dict) -> bool:
        """The few tables whose details the catalog lacks or garbles: built from their text."""
        rules = self.rules
        if "partitioned" in (row["CREATE_OPTIONS"] or "").lower():
            return True  # clause details (PARTITIONS n, engines, long comments) are not in the catalog
        if self.ftparsers and any(i.kind == "FULLTEXT" for i in t.indexes):
            return True  # WITH PARSER is not in the catalog
        if _may_show_key_block_sizes(t, row):
            return True  # index KEY_BLOCK_SIZE is not in the catalog
        # the catalog is utf8mb3: 4-byte characters in expressions come back as '?'
        if any("?" in (c.generated or "") for c in t.columns) or any("?" in c.expression for c in t.checks):
            return True
        limit = rules.catalog_check_clause_limit
        if limit and any(len(c.expression) >= limit for c in t.checks):
            return True
        if not rules.catalog_expressions_exact:
            if (any(c.generated for c in t.columns) or t.checks
                    or any(p.expression for i in t.indexes for p in i.parts)
                    or any(c.default is not None and _default_needs_text(c) for c in t.columns)):
                return True
        return False

    def _apply_lines(self, t: Table, lines: TableLines) -> None:
        """Take from SHOW CREATE TABLE what no catalog has: the order of the keys,
        the ``USING`` clauses, and which columns name their collation (MySQL).
        ``lines``: the text scanned (:func:`.showcreate.scan_create_table`)."""
        order = {n.casefold(): k for k, n in enumerate(lines.keys)}
        if len(order) == len(t.indexes) and all(i.key in order for i in t.indexes):
            t.indexes.sort(key=lambda i: order[i.key])
        for idx in t.indexes:
            idx.using = lines.using.get(idx.name)
        order = {n.casefold(): k for k, n in enumerate(lines.constraints)}
        if all(f.key in order for f in t.foreign_keys):
            t.foreign_keys.sort(key=lambda f: order[f.key])
        if self.rules.column_collation_explicit_recorded:
            for col in t.columns:
                charset, collation = lines.column_charsets.get(col.name, (None, None))
                col.collation_explicit = charset is not None and collation is not None

    # ------------------------------------------------------------------ sequences

    def _read_sequences(self, schema: Schema, table_rows: list[dict]) -> None:
        seqs = [r for r in table_rows if r["TABLE_TYPE"] == "SEQUENCE"]
        if not seqs:
            return
        names = [r["TABLE_NAME"] for r in seqs]
        values = {int(v["N"]): v for v in self.r.rows(catalog.sequences_sql(self.db, names))}
        for k, row in enumerate(seqs):
            self.bar.advance(note="sequences")
            vt = assemble.sequence_value_type(self._sequence_columns.get(row["TABLE_NAME"], []))
            schema.add(assemble.sequence_from_row(row["TABLE_NAME"], values[k], row, vt))

    # ------------------------------------------------------------------ views

    def _read_views(self, schema: Schema) -> None:
        full: dict[str, tuple] = {}
        for batch in self._pending_views:
            full.update(batch.result())
        # the text read by the DDL parser, as a dump holding it is, and made a model view the
        # way the builder makes one; the body is the server's own print, kept as printed
        from ..engine.builder import view_from_node
        from ..sql.ddl.parser import parse_statement

        cs, coll = catalog.SHOW_CREATE_CHARSET_COLUMNS["VIEW"]
        for name, row in full.items():
            self.bar.advance(note="views")
            node = parse_statement(row[catalog.SHOW_CREATE_COLUMN["VIEW"]], flavor=self.flavor,
                                   file=f"SHOW CREATE VIEW {name}", line=1)
            v = view_from_node(node, strip_qualifier(node.select_text, self.db, self.names), node.columns,
                               row[cs], row[coll])
            v.name = name
            schema.add(v)

    # ------------------------------------------------------------------ code objects

    def _true_body(self, kind: str, name: str, body: str | None, full: str | None = None, node=None) -> str:
        """The body as written: the catalog's, unless it is a re-print, then
        taken from ``full`` (the SHOW CREATE text, read here when not given;
        ``node``: its parse tree when the caller has it)."""
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
        if full is None:
            full = self.r.show_create(kind, self.db, name)
        if node is None:
            node = self._parsed(full)
        return getattr(node, "body", None) or true_tail(full, body) or body

    def _parsed(self, full: str | None, sql_mode: str | None = None):
        """SHOW CREATE text of a code object as a parse tree (``None`` when unreadable)."""
        from ..errors import InputError
        from ..sql.ddl.parser import parse_statement

        if not full:
            return None
        flags = frozenset(f.strip().upper() for f in (sql_mode or "").split(",") if f.strip())
        try:
            return parse_statement(full, flavor=self.flavor, sql_mode=flags)
        except InputError:
            return None

    def _show_create_all(self, kind: str, names: list[str]) -> dict[str, tuple]:
        out: dict[str, tuple] = {}
        for batch in self.r.submit_show_creates(kind, self.db, names):
            out.update(batch.result())
        return out

    def _read_triggers(self, schema: Schema) -> None:
        rows = self._result("triggers")
        # MariaDB keeps the statement as written, which only SHOW CREATE TRIGGER prints
        full = self._show_create_all("TRIGGER", [r["TRIGGER_NAME"] for r in rows]) \
            if self.rules.trigger_head_as_written else {}
        column = catalog.SHOW_CREATE_COLUMN["TRIGGER"]
        for row in rows:
            trg = assemble.trigger_from_row(row)
            text = full[trg.name][column] if trg.name in full else None
            node = self._parsed(text, trg.sql_mode)
            trg.body = self._true_body("TRIGGER", trg.name, trg.body, text, node)
            if getattr(node, "head", None) is not None:
                trg.head = strip_qualifier(node.head, self.db)
            schema.add(trg)

    def _read_routines(self, schema: Schema) -> None:
        rows = self._result("routines")
        params = self._result("parameters")
        routines = assemble.routines_from_rows(rows, params)
        # the parameter list as stored is only in SHOW CREATE
        full = {kind: self._show_create_all(kind, [r.name for r in routines if r.kind == kind])
                for kind in ("PROCEDURE", "FUNCTION")}
        column = catalog.SHOW_CREATE_COLUMN["PROCEDURE"]
        for routine in routines:
            row = full[routine.kind].get(routine.name)
            text = row[column] if row else None
            node = self._parsed(text, routine.sql_mode)
            routine.body = self._true_body(routine.kind, routine.name, routine.body, text, node)
            routine.params_text = getattr(node, "params_text", None)
            schema.add(routine)

    def _read_events(self, schema: Schema) -> None:
        for row in self._result("events"):
            ev = assemble.event_from_row(row)
            ev.body = self._true_body("EVENT", ev.name, ev.body)
            schema.add(ev)


def _may_show_key_block_sizes(t: Table, row: dict) -> bool:
    """Can SHOW CREATE give an index of this table a KEY_BLOCK_SIZE? The server
    prints an index's size where it differs from the table's, and the catalog
    has neither. MyISAM and Aria round every size to their block (``8`` shows
    as ``1024``), and a table with a ``key_block_size`` option (or a compressed
    row format, which is where one writes sizes on InnoDB) gives its size to
    every index, which keeps it when ALTER TABLE changes the table's. Not
    covered: an InnoDB table with neither and a size written on an index (InnoDB
    ignores it; reading SHOW CREATE of every table would cost 0.04-0.11 s per
    1,000 tables, 10-20% of a live read)."""
    options = (row["CREATE_OPTIONS"] or "").lower()
    return (t.engine or "").casefold() != "innodb" or "key_block_size" in options \
        or "row_format=compressed" in options
