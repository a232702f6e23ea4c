"""Replay a chain into a scratch database, recording which migration touched what.

SQL migrations run statement by statement through baseline's own executor
(:mod:`baseline.connect.execute`: DELIMITER-aware; goose ``StatementBegin/End``
blocks kept whole) on one connection, the way the tools run them; long runs of
independent CREATE TABLEs (a baseline's) also use a few more connections, with
the results and errors of a serial run (:mod:`baseline.connect.parallel`). sequelize-cli
JavaScript migrations run for real with Node (:mod:`.sequelize`), consecutive
ones in one batch.

A failing migration stops the replay with :class:`MigrationFailed` (an
:class:`~baseline.connect.execute.ExecutionError`, so an ``InputError`` with exit
code 2) naming the migration, its file and line, the statement and the
server's error; ``error.partial`` holds what was replayed before it.

Attribution: ``ReplayResult.touched`` maps every object a statement created,
altered, dropped or renamed to the last migration (file and line) that did so.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

from ..errors import InputError, UsageError
from ..flavor import Flavor
from ..connect.execute import ExecutionError
from ..connect.parallel import ParallelExecutor
from ..sql.split import Statement
from ..sql.touch import touched_objects
from .eventclock import ClockTimes, track_event_clock
from ..util.progress import Progress
from .migration import KIND_SEQUELIZE_JS, Chain, Migration, Script
from .refs import MigrationRef, TouchKey

UP, DOWN = "up", "down"


@dataclass
class ReplayResult:
    """What a replay did."""

    direction: str
    database: str
    #: Migration ids in the order their scripts ran (no-ops included).
    applied: list[str] = field(default_factory=list)
    #: Migrations whose script held no statement (intentional no-ops, e.g. popx).
    empty: list[str] = field(default_factory=list)
    #: Statements executed (JS migrations: the SQL sequelize sent).
    statements: int = 0
    #: Object -> last migration (and line) that touched it.
    touched: dict[TouchKey, MigrationRef] = field(default_factory=dict)
    #: With ``keep_going``: the migrations that failed (the replay went on past them).
    failed: list["MigrationFailed"] = field(default_factory=list)
    seconds: float = 0.0
    #: Events whose schedule times the replay's clock set (EVERY without STARTS...),
    #: by case-folded name: :mod:`.eventclock`; :mod:`baseline.compare.clock` uses it.
    clock: dict[str, ClockTimes] = field(default_factory=dict)
    #: The flavor statements are parsed with for :attr:`clock` (the server's).
    flavor: "Flavor | None" = None
    #: With ``record_races``: ``(migration id, tables)`` for each set of statements a
    #: JavaScript migration sent while others were still in flight (``Promise.all``)
    #: that touched one table more than once: their order is up to chance.
    races: list[tuple[str, list[str]]] = field(default_factory=list)

    def touch(self, key: TouchKey, ref: MigrationRef) -> None:
        self.touched.pop(key, None)  # keep dict order = order of last touch
        self.touched[key] = ref


class MigrationFailed(ExecutionError):
    """A migration the server (or sequelize-cli) rejected; the replay stopped there."""

    def __init__(self, migration: Migration, direction: str, *, reason: str, file: str | None,
                 line: int | None, statement: str, server_code: int | None, server_message: str,
                 partial: ReplayResult):
        self.migration = migration
        self.direction = direction
        self.partial = partial
        what = f"migration {migration.id}" + (" (down)" if direction == DOWN else "")
        super().__init__(f"{what} failed: {reason}", file=file, line=line, statement=statement,
                         server_code=server_code, server_message=server_message)

    def without_database(self, text: str) -> str:
        """``text`` (the server's words) without the name of the database the replay
        ran in (``Table 'baseline_scratch_…'.'t' doesn't exist`` -> ``Table 't'
        doesn't exist``): a throwaway name means nothing to the reader and would
        make every report different."""
        db = self.partial.database
        return text.replace(f"`{db}`.", "").replace(f"{db}.", "") if db else text


def select_migrations(chain: Chain, direction: str = UP, upto: int | str | None = None) -> list[Migration]:
    """The migrations a replay runs, in run order.

    ``up``: the first ``upto`` migrations (an int), or up to and including the
    migration with id/version ``upto`` (a str); all when ``None``.
    ``down``: newest first; the newest ``upto`` migrations (int), or down to and
    including the migration ``upto`` (str); all when ``None``.
    """
    if direction not in (UP, DOWN):
        raise UsageError(f"direction must be 'up' or 'down', not {direction!r}")
    migs = chain.migrations
    if upto is None:
        chosen = list(migs)
        return chosen if direction == UP else chosen[::-1]
    if isinstance(upto, int) and not isinstance(upto, bool):
        if upto < 0:
            raise UsageError(f"upto must be >= 0, not {upto}")
        return list(migs[:upto]) if direction == UP else list(migs[::-1][:upto])
    try:
        k = chain.index_of(str(upto))
    except KeyError:
        raise UsageError(f"no migration {upto!r} in {chain.root}",
                         hint="migrations: " + ", ".join(chain.ids[:5]) + (" …" if len(chain) > 5 else "")) from None
    return list(migs[: k + 1]) if direction == UP else list(migs[k:][::-1])


def replay_chain(chain: Chain, server, database: str, *, direction: str = UP,
                 upto: int | str | None = None, progress: bool = True,
                 keep_going: bool = False, record_races: bool = False) -> ReplayResult:
    """Run ``chain``'s up (or down) scripts into ``database`` on ``server``.

    ``server`` is a :class:`~baseline.scratch.ScratchServer` (anything with
    ``connect(database)`` and ``url``). Down runs need every selected migration
    to have a down script (:class:`InputError` naming the first that has none).
    ``keep_going`` records a failing migration in ``result.failed`` and goes on
    with the next one (like ``mysql --force`` per file: the rest of the failing
    file is skipped), to see how far a chain gets on this server.
    ``record_races``: JavaScript migrations run by baseline's runner, which
    records the statements each sends concurrently (:attr:`ReplayResult.races`).
    """
    selected = select_migrations(chain, direction, upto)
    if direction == DOWN:
        lacking = next((m for m in selected if m.down is None), None)
        if lacking is not None:
            raise InputError(f"migration {lacking.id} has no down script, so the chain cannot be walked "
                             "back by its downs", file=str(lacking.path) if lacking.path else None,
                             hint="use inversion for this part of the chain")
    result = ReplayResult(direction=direction, database=database, flavor=getattr(server, "flavor", None))
    start = time.monotonic()
    conn = server.connect(database)
    executor = ParallelExecutor(conn, lambda: server.connect(database))
    label = f"replaying {chain.root.name or chain.root}" + (" (downs)" if direction == DOWN else "")
    try:
        with Progress(label, total=len(selected), enabled=None if progress else False) as bar:
            i = 0
            while i < len(selected):
                m = selected[i]
                if m.kind == KIND_SEQUELIZE_JS:
                    j = i
                    while j < len(selected) and selected[j].kind == KIND_SEQUELIZE_JS:
                        j += 1
                    if keep_going:
                        j = i + 1  # one at a time, so a failure skips only its own file
                    try:
                        _run_js(selected[i:j], server, conn, database, direction, result, record_races)
                    except MigrationFailed as e:
                        if not keep_going:
                            raise
                        result.failed.append(e)
                    bar.advance(j - i, note=selected[j - 1].id)
                    i = j
                    continue
                try:
                    _run_sql(m, direction, executor, result, bar)
                except MigrationFailed as e:
                    if not keep_going:
                        raise
                    result.failed.append(e)
                bar.advance(note=m.id)
                i += 1
    finally:
        executor.close()
        conn.close()
        result.seconds = time.monotonic() - start
    return result


def _run_sql(m: Migration, direction: str, executor: ParallelExecutor, result: ReplayResult,
             bar: Progress | None = None) -> None:
    script: Script | None = m.up if direction == UP else m.down
    if script is None:  # a popx version with only a down file: nothing to do going up
        result.applied.append(m.id)
        result.empty.append(m.id)
        return
    statements = script.statements()
    if not statements:
        result.applied.append(m.id)
        result.empty.append(m.id)
        return

    total = len(statements)
    done = 0

    def record(st: Statement) -> None:
        nonlocal done
        result.statements += 1
        done += 1
        ref = MigrationRef(migration=m.id, path=script.rel, line=st.line)
        touches = touched_objects(st.text)
        for key in dict.fromkeys(t.key for t in touches):
            result.touch(key, ref)
        track_event_clock(result.clock, touches, st.text, ref, result.flavor)
        if bar is not None and total > 50:  # a big file (a baseline): show its statements too
            bar.update(bar.done, note=f"{m.id}: {done:,}/{total:,} statements")

    try:
        executor.execute(statements, file=str(script.path), on_statement=record)
    except ExecutionError as e:
        raise MigrationFailed(m, direction, reason=e.reason, file=e.file, line=e.line, statement=e.statement,
                              server_code=e.server_code, server_message=e.server_message,
                              partial=result) from None
    result.applied.append(m.id)


def _run_js(batch: list[Migration], server, conn, database: str, direction: str,
            result: ReplayResult, record_races: bool = False) -> None:
    from .jsrefs import js_touches
    from .nodeenv import ensure_node_env
    from .sequelize import META_TABLE, JsMigrationError, drop_meta_if_empty, record_executed, run_js_batch

    env = ensure_node_env(log=lambda msg: print(msg, file=sys.stderr))
    from .jsrunner import needs_runner

    if record_races or any(needs_runner(m) for m in batch):
        _run_js_runner(env, batch, server, conn, database, direction, result)
        return
    created_meta = False
    had_meta = _table_exists(conn, META_TABLE)
    if direction == DOWN:
        created_meta = record_executed(conn, batch)
    try:
        outcomes = run_js_batch(env, server.url, database, batch, direction)
    except JsMigrationError as e:
        for o in e.outcomes:
            if o.done:
                _attribute_js(o.migration, o.sql, direction, result, js_touches)
            elif o.started:
                # statements before the failing one did run: the file is half applied
                ran = o.sql[:-1] if e.statement else o.sql
                if ran:
                    _attribute_js(o.migration, ran, direction, result, js_touches, applied=False)
        m = e.migration or batch[0]
        raise MigrationFailed(m, direction, reason=e.message, file=str(m.up.path), line=e.line,
                              statement=e.statement or "", server_code=None, server_message=e.message,
                              partial=result) from None
    if direction == UP and not had_meta and outcomes:
        # sequelize-cli created its bookkeeping table for the first migration of the batch
        result.touch(("table", META_TABLE), outcomes[0].migration.ref(direction=direction))
    for o in outcomes:
        _attribute_js(o.migration, o.sql, direction, result, js_touches)
    if direction == DOWN and created_meta:
        drop_meta_if_empty(conn)


def _run_js_runner(env, batch: list[Migration], server, conn, database: str, direction: str,
                   result: ReplayResult) -> None:
    """TypeScript, ESM and umzug migrations, which sequelize-cli cannot run: by
    baseline's runner (:mod:`.jsrunner`), which keeps ``SequelizeMeta`` as
    sequelize-cli and umzug's SequelizeStorage do (the migration's file name)."""
    from .jsrefs import js_touches
    from .jsrunner import RUN, run_js
    from .sequelize import META_TABLE, record_executed

    runs = run_js(env, server.url, database, batch, mode=RUN, direction=direction)
    for run in runs:
        sql = [st.text for st in run.statements]
        if run.error:
            message, line = run.error
            if sql:  # what ran before the failure did run: the file is half applied
                _attribute_js(run.migration, sql, direction, result, js_touches, applied=False)
            m = run.migration
            raise MigrationFailed(m, direction, reason=message, file=str(m.up.path), line=line,
                                  statement=sql[-1] if sql else "", server_code=None, server_message=message,
                                  partial=result)
        _attribute_js(run.migration, sql, direction, result, js_touches)
        for tables in run.concurrent:
            if tables:
                result.races.append((run.migration.id, sorted(set(tables), key=str.casefold)))
        if direction == UP:
            if record_executed(conn, [run.migration]):  # created for the first migration, as the tools do
                result.touch(("table", META_TABLE), run.migration.ref(direction=direction))
        elif _table_exists(conn, META_TABLE):
            with conn.cursor() as cur:
                cur.execute(f"DELETE FROM `{META_TABLE}` WHERE `name` = %s", (run.migration.up.path.name,))


def _table_exists(conn, name: str) -> bool:
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM information_schema.TABLES "
                    "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s", (name,))
        return cur.fetchone()[0] > 0


def _attribute_js(m: Migration, sql: list[str], direction: str, result: ReplayResult, js_touches,
                  *, applied: bool = True) -> None:
    """Objects: what the SQL sequelize sent touched; lines: where the source names them."""
    script = (m.up if direction == UP else m.down) or m.up
    # the file holds both functions: prefer calls inside the direction's own function
    down_line = m.down.line if m.down is not None and m.down.line > 1 else None
    found = js_touches(script.text)
    lines: dict[TouchKey, int] = {}
    for key, line in found:  # the last call naming the object, as for SQL statements
        in_down = down_line is not None and line >= down_line
        if in_down == (direction == DOWN):
            lines[key] = line
    for key, line in found:
        lines.setdefault(key, line)
    keys: list[TouchKey] = []
    for text in sql:
        result.statements += 1
        touches = touched_objects(text)
        keys += [k for k in dict.fromkeys(t.key for t in touches) if k[1] != "SequelizeMeta"]
        if any(t.kind == "event" for t in touches):
            event = next(t for t in touches if t.kind == "event")
            track_event_clock(result.clock, touches, text, MigrationRef(
                migration=m.id, path=script.rel, line=lines.get(event.key)), result.flavor)
    if not sql:
        keys = list(lines)  # nothing logged (should not happen): fall back to the source
    for key in keys:
        result.touch(key, MigrationRef(migration=m.id, path=script.rel, line=lines.get(key)))
    if applied:
        result.applied.append(m.id)
        if not keys and not sql:
            result.empty.append(m.id)
