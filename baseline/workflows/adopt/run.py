"""``baseline adopt`` and ``baseline bootstrap``.

adopt: the target already has the schema. First prove it: the chain (baseline
first) is replayed into a throwaway server and compared with the target, the
tools' bookkeeping tables left out; any difference refuses the adoption. Then
the history rows are planned (printed on a dry run) or written (``--yes``):
only the tool's history table is ever written, nothing else.

bootstrap: a new developer's database: created if missing (with the chain's
charset and collation), refused when it already holds objects unless
``force``, the chain replayed into it (sequelize-cli runs JS migrations for
real), then the history recorded like adopt.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pymysql

from ...errors import BaselineError, EnvironmentProblem, UsageError
from ...connect.url import ServerURL
from ...sql.literals import quote_ident
from . import history

_CHARSET_RE = re.compile(r"database default CHARACTER SET (\w+) COLLATE (\w+)")


def read_tool_chain(migrations: Path | str, tool: str | None, chain_format: str | None = None):
    """The chain in ``migrations`` as ``tool`` runs it."""
    if tool == "liquibase":
        from .liquibase import read_liquibase_chain

        return read_liquibase_chain(migrations)
    from ...chain.read import read_chain

    return read_chain(Path(migrations), chain_format)


def default_tool(chain) -> str | None:
    return history.TOOL_FOR_CHAIN.get(chain.format)


class TargetServer:
    """A user's server as :func:`~baseline.chain.replay.replay_chain` wants it
    (``url`` and ``connect``); nothing is created or dropped by this object."""

    def __init__(self, url: ServerURL):
        self.url = url.with_database(None)

    def connect(self, database: str | None = None, **kw):
        args = self.url.pymysql_kwargs(database=database or False)
        args.update(kw)
        try:
            return pymysql.connect(autocommit=True, **args)
        except pymysql.err.OperationalError as e:
            raise EnvironmentProblem(f"cannot connect to {self.url}: {e.args[-1] if e.args else e}") from None


#: Server errors of a missing privilege (table, database, command).
_DENIED = (1142, 1044, 1227, 1045)


def _connect(url: ServerURL):
    return TargetServer(url).connect(url.database)


# ---------------------------------------------------------------------------- adopt


@dataclass
class AdoptResult:
    plan: history.Plan | None
    #: The check that the target is what the chain builds (``None`` when skipped).
    check: object = None
    applied: bool = False

    @property
    def differences(self) -> list:
        return self.check.differences if self.check is not None else []


def check_target(chain, target: str, *, scratch: str = "auto", image: str | None = None,
                 progress: bool = False):
    """:func:`~baseline.workflows.verify.run_verify` of the chain against the target: the
    chain replayed on a throwaway server of the target's flavor, tools' history
    tables left out, differences attributed to migrations."""
    from ..verify import run_verify

    result = run_verify(chain, target, scratch=scratch, image=image, progress=progress)
    result.raise_failure()  # a chain that does not replay cannot be adopted (exit 2)
    return result


def _known_tool(tool: str) -> None:
    if tool not in history.TOOLS:
        raise UsageError(f"unknown --tool {tool!r}", hint="one of: " + ", ".join(history.TOOLS))


def _database_url(spec: str, option: str) -> ServerURL:
    """The URL given with ``option``, which must name a database."""
    url = ServerURL.parse(spec)
    if not url.database:
        raise UsageError(f"{option} names no database: {url}", hint="mysql://user:pass@host:3306/dbname")
    return url


def _nonempty_chain(migrations: Path | str, tool: str | None, chain_format: str | None):
    chain = read_tool_chain(migrations, tool, chain_format)
    if not chain.migrations:
        raise UsageError(f"no migrations in {migrations}")
    return chain


def adopt(migrations: Path | str, target: str, tool: str, *, yes: bool = False, scratch: str = "auto",
          image: str | None = None, chain_format: str | None = None, verify: bool = True,
          progress: bool = False) -> AdoptResult:
    _known_tool(tool)
    url = _database_url(target, "--target")
    chain = _nonempty_chain(migrations, tool, chain_format)
    result = AdoptResult(plan=None)
    if verify:
        result.check = check_target(chain, target, scratch=scratch, image=image, progress=progress)
        if result.differences:
            return result
    conn = _connect(url)
    try:
        result.plan = history.plan(tool, chain, conn)
        if yes:
            try:
                history.apply(conn, result.plan)
            except pymysql.err.MySQLError as e:
                if not e.args or e.args[0] not in _DENIED:
                    raise
                table = history.TABLES[tool][0]
                raise EnvironmentProblem(
                    f"cannot write {table} on {url}: {e.args[-1]}; no history row was written",
                    hint=f"adopt writes only {table}: the --target user needs CREATE (when the table is new) "
                         "and INSERT on it") from None
            result.applied = True
    finally:
        conn.close()
    return result


# ---------------------------------------------------------------------------- bootstrap


def chain_charset(chain) -> tuple[str, str]:
    """The database default a baseline names in its header, else utf8mb4."""
    for m in chain.migrations[:1]:
        text = m.up.text if m.up else ""
        found = _CHARSET_RE.search(text[:4000])
        if found:
            return found.group(1), found.group(2)
    return "utf8mb4", "utf8mb4_general_ci"


def _object_count(conn, database: str) -> int:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT (SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s)"
            " + (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s)"
            " + (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = %s)"
            " + (SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = %s)", (database,) * 4)
        return int(cur.fetchone()[0])


@dataclass
class BootstrapResult:
    database: str
    created: bool
    applied: list[str]
    plan: history.Plan | None


def bootstrap(migrations: Path | str, to: str, *, tool: str | None = None, force: bool = False,
              chain_format: str | None = None, progress: bool = False) -> BootstrapResult:
    from ...chain.replay import replay_chain

    url = _database_url(to, "--to")
    chain = _nonempty_chain(migrations, tool, chain_format)
    tool = tool or default_tool(chain)
    if tool is not None:
        _known_tool(tool)
    server = TargetServer(url)
    admin = server.connect()
    created = False
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s", (url.database,))
            exists = cur.fetchone()[0] > 0
            if not exists:
                charset, collation = chain_charset(chain)
                name = quote_ident(url.database)
                try:
                    cur.execute(f"CREATE DATABASE {name} CHARACTER SET {charset} COLLATE {collation}")
                except pymysql.err.MySQLError as e:
                    if not e.args or e.args[0] not in _DENIED:
                        raise
                    raise EnvironmentProblem(
                        f"cannot create database {url.database} on {server.url}: {e.args[-1]}",
                        hint="bootstrap needs a user that may create the database (or create it empty "
                             "first) and the tables in it") from None
                created = True
        if exists and not force and _object_count(admin, url.database):
            raise UsageError(f"database {url.database} on {server.url} is not empty",
                             hint="bootstrap builds a fresh database: name a new one, or pass --force "
                                  "to replay the chain into it anyway")
    finally:
        admin.close()
    try:
        replay = replay_chain(chain, server, url.database, progress=progress)
        plan = None
        if tool is not None:
            conn = server.connect(url.database)
            try:
                plan = history.plan(tool, chain, conn)
                history.apply(conn, plan)
            finally:
                conn.close()
    except BaseException as e:  # a failing migration, an interrupt: never leave a half-built database unsaid
        left = _clean_up_after_failure(server, url.database, created, len(chain))
        if isinstance(e, BaselineError):
            e.hint = left if not e.hint else f"{e.hint}\n  {left}"
        else:
            sys.stderr.write(f"baseline: {left}\n")
        raise
    return BootstrapResult(database=url.database, created=created, applied=replay.applied, plan=plan)


def _clean_up_after_failure(server: TargetServer, database: str, created: bool, total: int) -> str:
    """Drop the database this run created (nothing half-built is left), or say
    exactly what is left in one it did not create."""
    try:
        admin = server.connect()
    except Exception as e:  # the server went away: say so, with what we know
        return (f"database {database} may be half-built: the server could not be reached to "
                f"{'drop' if created else 'examine'} it ({e})")
    try:
        if created:
            try:
                with admin.cursor() as cur:
                    cur.execute(f"DROP DATABASE {quote_ident(database)}")
            except pymysql.err.MySQLError as e:
                return f"database {database} (created by this run) is half-built and could not be dropped: {e.args[-1]}"
            return f"database {database} was created by this run and has been dropped again: nothing is left"
        n = _object_count(admin, database)
        return (f"database {database} existed before this run, so it was left as the failure left it: "
                f"{n} object{'s' if n != 1 else ''} in it now, no migration history recorded for the "
                f"{total} migration{'s' if total != 1 else ''}")
    finally:
        admin.close()
