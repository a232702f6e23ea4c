"""Run a script's independent CREATE TABLEs over several connections, with serial results.

Why: a baseline of thousands of tables is thousands of CREATE TABLEs, and
replaying it one statement at a time leaves the server waiting on the client
between statements (and, on a machine with several cores, idle cores). This
executor runs long runs of independent CREATE TABLE statements concurrently and
everything else in order on the one connection, so that the outcome is the one a
serial run gives:

* **Which statements.** A *batch* is a run of consecutive plain
  ``CREATE TABLE name (...)`` statements (:func:`plain_create`): no ``LIKE``,
  ``SELECT``, ``UNION`` (MERGE tables), sequences or unusual engines, no
  qualified name, no version comment, no constraint name that an InnoDB
  generated name could collide with. A batch never holds two tables of the same
  name or two equal explicit constraint names (those would fail in an order).
* **Foreign keys.** A table waits for the tables of its batch it references
  (as the server's order requires with ``FOREIGN_KEY_CHECKS=1``); a reference
  to a table defined *later* in the batch ends the batch before it, so that
  statement runs when it would serially. Foreign key checks are never turned
  off: what fails serially fails here.
* **Session state.** Before a batch, the extra connections take the session
  variables (``SHOW SESSION VARIABLES``: sql_mode, character sets, time zone,
  foreign_key_checks...) and current database of the main connection; if one
  cannot be copied, the batch runs serially.
* **Errors.** When statements fail, the error reported is the one of the
  *first* failing statement in script order (file, line, server message exactly
  as :func:`~baseline.connect.execute.execute_statements` reports it), and
  ``on_statement`` has been called for exactly the statements before it, in
  order; no statement after a failure is started once the failure is known.

Tests (tests/connect/test_parallel_replay.py) check that parallel and serial loads of
generated schemas give identical ``SHOW CREATE TABLE`` output and models, and
identical errors.
"""
from __future__ import annotations

import heapq
import os
import re
import threading
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import pymysql

from .execute import ExecutionError, execute_statements
from ..sql.literals import ident_class, quote_ident
from ..sql.split import Statement

#: Environment variable: how many connections a replay may use (1 = serial).
CONNECTIONS_ENV = "BASELINE_REPLAY_CONNECTIONS"
#: Shorter runs of CREATE TABLE are not worth extra connections.
MIN_BATCH = 8

_ID = r"(?:`((?:[^`]|``)+)`|(" + ident_class("A-Za-z0-9_$") + r"+))"
_PLAIN = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _ID + r"\s*\(", re.I)
# The rest is matched on the upper-cased text (case-sensitive patterns with a
# literal start are several times faster; names are compared case-folded anyway).
_UID = r"(?:`((?:[^`]|``)+)`|(" + ident_class("A-Z0-9_$") + r"+))"
_REFERENCES = re.compile(r"REFERENCES\s*" + _UID + r"(?:\s*\.\s*" + _UID + r")?")
_CONSTRAINT = re.compile(r"CONSTRAINT\s*" + _UID)
#: Words that may make a CREATE TABLE depend on other objects, and comments
#: (version comments hide text). Matched on the whole text: a hit inside a
#: literal only costs parallelism.
_UNSAFE = re.compile(r"(?<![A-Z0-9_$])(?:SELECT|LIKE|UNION|NEXTVAL|NEXT\s+VALUE|LASTVAL|SETVAL|SEQUENCE)"
                     r"(?![A-Z0-9_$])|/\*")
_ENGINE = re.compile(r"ENGINE\s*=?\s*`?([A-Z_]+)")
_SAFE_ENGINES = {"INNODB", "MYISAM", "ARIA", "MEMORY", "HEAP", "ARCHIVE", "CSV", "BLACKHOLE"}
_WORD_CHAR = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
#: Names the server generates for unnamed constraints (InnoDB foreign keys, MySQL 8 checks).
_GENERATED_NAME = re.compile(r"_(?:IBFK|CHK)_\d+$")

#: Session variables that are not state a statement inherits (counters, clocks, ids).
_VOLATILE = {
    "timestamp", "pseudo_thread_id", "last_insert_id", "insert_id", "identity", "rand_seed1", "rand_seed2",
    "warning_count", "error_count", "last_gtid", "gtid_seq_no", "in_transaction", "thread_pool_priority",
    "pseudo_slave_mode", "server_id", "gtid_next", "gtid_owned", "original_commit_timestamp",
    "immediate_commit_timestamp", "original_server_version", "immediate_server_version",
    "transaction_isolation", "tx_isolation", "transaction_read_only", "tx_read_only",
}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def default_connections() -> int:
    """``$BASELINE_REPLAY_CONNECTIONS``, else one per core (at most 8) where there
    are more than two cores, else 1.

    Measured on 2 cores with MariaDB 10.11 (bench/RESULTS.md): 1,000 to 5,000
    CREATE TABLEs took as long over 2-4 connections as over one (the server runs
    much of a CREATE TABLE under global locks, and its threads and the client
    share the two cores), so small machines keep the simple path."""
    env = os.environ.get(CONNECTIONS_ENV, "").strip()
    if env.isdigit() and int(env) >= 1:
        return int(env)
    cores = os.cpu_count() or 1
    return min(8, cores) if cores > 2 else 1


@dataclass(frozen=True)
class PlainCreate:
    """What the scheduler needs to know of a parallelizable CREATE TABLE."""

    name: str
    references: frozenset[str]
    constraints: frozenset[str]


def _ident(m: re.Match, first: int) -> str | None:
    q, bare = m.group(first), m.group(first + 1)
    if q is not None:
        return q.replace("``", "`")
    return bare


def _word_at(upper: str, m: re.Match) -> bool:
    """The match starts a word (not ``XREFERENCES``)."""
    return m.start() == 0 or upper[m.start() - 1] not in _WORD_CHAR


def plain_create(text: str) -> PlainCreate | None:
    """The table a plain ``CREATE TABLE name (...)`` creates, the tables it
    references and its constraint names; None for any other statement (those
    run serially)."""
    m = _PLAIN.match(text)
    if m is None:
        return None
    upper = text.upper()
    if _UNSAFE.search(upper):
        return None
    for e in _ENGINE.finditer(upper):
        if _word_at(upper, e) and e.group(1) not in _SAFE_ENGINES:
            return None
    refs = set()
    for r in _REFERENCES.finditer(upper):
        if _word_at(upper, r):
            last = _ident(r, 3) if (r.group(3) or r.group(4)) else _ident(r, 1)
            refs.add(last.casefold())
    constraints = set()
    for c in _CONSTRAINT.finditer(upper):
        if _word_at(upper, c):
            name = _ident(c, 1)
            if _GENERATED_NAME.search(name):
                return None
            constraints.add(name.casefold())
    return PlainCreate(_ident(m, 1).casefold(), frozenset(refs), frozenset(constraints))


def plan(statements: Sequence[Statement], min_batch: int = MIN_BATCH) -> list[tuple[int, int]]:
    """``(start, end)`` index ranges of the batches, in order; the rest runs serially."""
    infos = [plain_create(s.text) for s in statements]
    batches = []
    i, n = 0, len(statements)
    while i < n:
        if infos[i] is None:
            i += 1
            continue
        start = i
        names: set[str] = set()
        constraints: set[str] = set()
        while i < n and infos[i] is not None and infos[i].name not in names \
                and not infos[i].constraints & constraints:
            names.add(infos[i].name)
            constraints |= infos[i].constraints
            i += 1
        # the batch ends before a table referencing one created later in the run
        end, seen = start, set()
        for k in range(start, i):
            if (infos[k].references & names) - seen - {infos[k].name}:
                break
            seen.add(infos[k].name)
            end = k + 1
        if end - start >= min_batch:
            batches.append((start, end))
        i = end if end > start else start + 1
    return batches


class ParallelExecutor:
    """Executes scripts on ``conn``, with extra connections from ``connect()``
    for the batches (opened on first need, kept until :meth:`close`)."""

    def __init__(self, conn, connect: Callable[[], object], connections: int | None = None,
                 min_batch: int = MIN_BATCH):
        self.conn = conn
        self.connect = connect
        self.connections = connections or default_connections()
        self.min_batch = min_batch
        self._extra: list = []
        #: Statements run in parallel batches so far (tests and benchmarks look).
        self.parallel_statements = 0

    def close(self) -> None:
        for c in self._extra:
            try:
                c.close()
            except Exception:
                pass
        self._extra = []

    def __enter__(self) -> "ParallelExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ scripts

    def execute(self, statements: Iterable[Statement], *, file: str | None = None,
                on_statement: Callable[[Statement], None] | None = None) -> int:
        """Like :func:`~baseline.connect.execute.execute_statements`, batches in parallel."""
        statements = list(statements)
        batches = plan(statements, self.min_batch) if self.connections > 1 else []
        count = 0
        pos = 0
        for start, end in batches:
            if start > pos:
                count += execute_statements(self.conn, statements[pos:start], file=file, on_statement=on_statement)
            count += self._batch(statements[start:end], file=file, on_statement=on_statement)
            pos = end
        if pos < len(statements):
            count += execute_statements(self.conn, statements[pos:], file=file, on_statement=on_statement)
        return count

    # ------------------------------------------------------------------ batches

    def _workers(self) -> list | None:
        """The main connection plus extras in its session state; None if they cannot be."""
        want = self.connections - 1
        try:
            while len(self._extra) < want:
                self._extra.append(self.connect())
            state = _session_state(self.conn)
            for c in self._extra:
                if not _take_state(c, state):
                    return None
        except pymysql.err.MySQLError:
            return None
        return [self.conn, *self._extra]

    def _batch(self, batch: list[Statement], *, file, on_statement) -> int:
        workers = self._workers()
        if workers is None:
            return execute_statements(self.conn, batch, file=file, on_statement=on_statement)
        infos = [plain_create(s.text) for s in batch]
        index = {info.name: k for k, info in enumerate(infos)}
        deps = [{index[r] for r in info.references if r in index and index[r] < k}
                for k, info in enumerate(infos)]
        run = _Run(batch, deps)
        threads = [threading.Thread(target=run.work, args=(c,), daemon=True) for c in workers]
        for t in threads:
            t.start()
        reported = 0
        try:
            while True:
                alive = any(t.is_alive() for t in threads)
                while reported < run.prefix:
                    if on_statement is not None:
                        on_statement(batch[reported])
                    reported += 1
                if not alive:
                    break
                threads[0].join(0.05)
        finally:
            run.stop()
            for t in threads:
                t.join()
        self.parallel_statements += reported
        if run.failures:
            k = min(run.failures)
            raise ExecutionError.from_server(run.failures[k], batch[k], file)
        return reported


class _Run:
    """The shared state of one batch: a ready heap in script order, completions.

    Workers wake each other only when a statement becomes ready or the run ends;
    the main thread polls the completed prefix (for ``on_statement``, progress)
    instead of being woken on every completion: on a small machine the wake-ups
    cost more than the polls.
    """

    def __init__(self, batch: list[Statement], deps: list[set[int]]):
        self.batch = batch
        self.waiting = [len(d) for d in deps]
        self.children: list[list[int]] = [[] for _ in batch]
        for k, d in enumerate(deps):
            for p in d:
                self.children[p].append(k)
        self.ready = [k for k, n in enumerate(self.waiting) if n == 0]
        heapq.heapify(self.ready)
        self.done = [False] * len(batch)
        self.prefix = 0
        self.running = 0
        self.idle = 0
        self.failures: dict[int, BaseException] = {}
        self.stopped = False
        self.cond = threading.Condition()

    def _first_failure(self) -> int:
        return min(self.failures) if self.failures else len(self.batch)

    def _next(self) -> int | None:
        """The next statement to run (lowest ready index), or None when the run is over for this worker."""
        with self.cond:
            while True:
                if self.stopped:
                    return None
                if self.ready and self.ready[0] < self._first_failure():
                    self.running += 1
                    return heapq.heappop(self.ready)
                if not self.running or self.failures:
                    # nothing runs that could make more ready, or a failure ends the batch
                    self.cond.notify_all()
                    return None
                self.idle += 1
                self.cond.wait()
                self.idle -= 1

    def _finish(self, k: int, error: BaseException | None) -> None:
        with self.cond:
            self.running -= 1
            if error is not None:
                self.failures[k] = error
                self.cond.notify_all()
                return
            self.done[k] = True
            while self.prefix < len(self.done) and self.done[self.prefix]:
                self.prefix += 1
            woken = 0
            for c in self.children[k]:
                self.waiting[c] -= 1
                if self.waiting[c] == 0:
                    heapq.heappush(self.ready, c)
                    woken += 1
            if self.idle and (woken or not self.running):
                self.cond.notify(woken if self.running else self.idle)

    def work(self, conn) -> None:
        cur = conn.cursor()
        try:
            while True:
                k = self._next()
                if k is None:
                    return
                error = None
                try:
                    cur.execute(self.batch[k].text)
                    while cur.nextset():
                        pass
                except BaseException as e:  # the server's refusal, a dead connection: this statement failed
                    error = e
                self._finish(k, error)
        finally:
            cur.close()

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify_all()


def _session_state(conn) -> tuple[str | None, dict[str, str]]:
    with conn.cursor() as cur:
        cur.execute("SELECT DATABASE()")
        db = cur.fetchone()[0]
        cur.execute("SHOW SESSION VARIABLES")
        return db, {name.lower(): value for name, value in cur.fetchall()}


def _take_state(conn, state: tuple[str | None, dict[str, str]]) -> bool:
    """Give ``conn`` the main connection's current database and session variables."""
    db, wanted = state
    mine_db, mine = _session_state(conn)
    with conn.cursor() as cur:
        if db != mine_db:
            if db is None:
                return False
            cur.execute("USE " + quote_ident(db))
        for name, value in wanted.items():
            if name in _VOLATILE or mine.get(name) == value:
                continue
            literal = value if value is not None and _NUMBER.fullmatch(value) else (
                "NULL" if value is None else conn.escape(value))
            try:
                cur.execute(f"SET SESSION `{name}` = {literal}")
            except pymysql.err.MySQLError:
                return False
    return True
