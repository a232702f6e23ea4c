"""``baseline verify``: does the chain in a folder rebuild SOURCE exactly?

:func:`run_verify` replays every migration of the chain (the baseline first) into
a fresh database on a throwaway server, reads the result back with
:func:`~baseline.sources.live.read_live`, compares it with SOURCE (side A,
``SOURCE``; the replayed chain is side B, ``chain``) and attributes each
difference to the migration that last touched its object, or to the baseline
file when none did. ``generate --migrations`` (issue 5) and ``adopt`` (issue 6)
call it to check their own output.

Why each step is the way it is:

* SOURCE is read *before* the throwaway server starts, so its flavor picks the
  server (``--scratch auto`` starts an image of SOURCE's flavor and version when
  Docker has one) and its default character set and collation become the scratch
  database's: a chain's ``CREATE TABLE`` without a charset then inherits what
  production's did.
* A dump SOURCE is replayed on *the same* scratch server as the chain, so both
  sides go through one server's own normalization (the fairest comparison);
  when that server refuses the dump (a MySQL-only collation on MariaDB), it is
  read offline instead, with a note.
* Tables migration tools keep their own records in (``SequelizeMeta``,
  ``schema_migrations``, ``flyway_schema_history``...) are not schema the chain
  builds; they are left out of the comparison unless asked for, and the report
  says which were.
* A migration that fails to replay is a result, not a crash: the result carries
  it (file, line, statement, server error) so every report format can show it,
  and the exit code is 2.
"""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..chain.eventclock import ClockTimes
from ..chain.migration import KIND_SEQUELIZE_JS, Chain
from ..chain.read import read_chain
from ..chain.refs import MigrationRef
from ..chain.replay import MigrationFailed, ReplayResult, replay_chain
from ..sources.chainfolder import placed_clock
from ..compare import (
    CompareOptions,
    ComparisonResult,
    Side,
    attribute_differences,
    compare,
    compared_objects,
)
from ..compare.differences import ReplayFailure
from ..compare.sources import compare_sources
from ..compare.unstated import problem_notes
from ..errors import InputError
from ..model import Schema
from ..sources import SourceOptions, source_kind
from ..connect.url import ServerURL, redact
from ..engine.spellings import charset_of_collation

#: Side labels of a verify report.
SOURCE_LABEL, CHAIN_LABEL = "SOURCE", "chain"
#: Used when SOURCE names no default character set (a chain as SOURCE).
DEFAULT_CHARSET, DEFAULT_COLLATION = "utf8mb4", "utf8mb4_general_ci"


@dataclass
class VerifyResult:
    """Everything a verify run found out."""

    #: What the reports render (sides, attributed differences, left-out tables,
    #: notes, and the replay failure if there was one).
    comparison: ComparisonResult
    #: The chain as read from ``--migrations``.
    chain: Chain
    #: What the replay did (partial when a migration failed): applied migrations,
    #: the touch map used for attribution, timings.
    replay: ReplayResult
    #: SOURCE's model, bookkeeping tables included.
    source: Schema
    #: The replayed chain's model (``None`` when a migration failed).
    replayed: Schema | None
    #: The throwaway server the chain ran on (``local MariaDB 10.11.14``); no password.
    server: str
    #: The migration that failed to replay, if one did.
    failure: MigrationFailed | None = None
    #: Tool bookkeeping tables left out of the comparison.
    excluded: list[str] = field(default_factory=list)
    #: Things the user should know (fallbacks taken).
    notes: list[str] = field(default_factory=list)
    #: Set when the failure is one the scratch server's flavor explains (SOURCE is
    #: MySQL, the only server at hand MariaDB): what the user must provide.
    server_gap: str | None = None
    #: How many times the chain was replayed (``repeat``).
    replays: int = 1
    #: Differences between two replays of the chain on fresh databases: the chain
    #: itself is not deterministic (empty when the replays agreed or ran once).
    unstable: list[str] = field(default_factory=list)

    @property
    def differences(self):
        return self.comparison.differences

    @property
    def identical(self) -> bool:
        return self.failure is None and not self.comparison.differences

    @property
    def exit_code(self) -> int:
        """The contract's code: 0 identical, 1 differences, 2 a migration failed to
        replay, 3 when it failed on a server of another flavor than SOURCE's for a
        reason that flavor explains (the environment lacks the right server)."""
        if self.failure is not None:
            return 3 if self.server_gap else 2
        return 1 if self.comparison.differences else 0

    def raise_failure(self) -> None:
        """Raise the replay failure (an ``InputError``, exit 2) if there was one."""
        if self.failure is not None:
            raise self.failure


def run_verify(migrations: Path | str | Chain, against: str | Schema, *, scratch: str = "auto",
               image: str | None = None, chain_format: str | None = None,
               compare_options: CompareOptions | None = None, source_options: SourceOptions | None = None,
               progress: bool = True, include_bookkeeping: bool = False,
               source_description: str | None = None,
               note: Callable[[str], None] | None = None, server=None,
               repeat: int | None = None) -> VerifyResult:
    """Replay ``migrations`` into a throwaway server and compare the result with ``against``.

    ``migrations`` is the chain folder as the user named it (its spelling prefixes
    every attributed path, so GitHub annotations point at repository files), or an
    already read :class:`Chain`. ``against`` is a SOURCE of the contract (server
    URL, dump file or ``-``, migrations folder) or an already loaded
    :class:`Schema` (``generate`` has one; ``source_description`` then names it).
    ``source_options`` gives ``schema_name`` (``--schema`` for a multi-database dump).
    ``note`` receives each note as it arises (default: printed on stderr).
    ``server``: an already started :class:`~baseline.scratch.ScratchServer` to use
    instead of opening one (``generate --migrations`` has one open for the downs);
    it is left running.
    ``repeat``: replay the chain this many times on fresh databases and compare
    the replays with each other; ``None`` (the default) replays twice when a
    JavaScript migration sends statements concurrently on one table (the first
    replay records it), else once. Replays that differ make the chain itself
    not deterministic: the notes say so and name the racing migrations.

    Raises :class:`~baseline.errors.UsageError`/``InputError`` (exit 2) for a bad
    folder, option or SOURCE file, :class:`~baseline.errors.EnvironmentProblem`
    (exit 3) when no throwaway server can be had or SOURCE cannot be reached. A
    migration that fails to replay does *not* raise: see :attr:`VerifyResult.failure`.
    """
    from ..scratch import open_scratch

    source_options = source_options or SourceOptions()
    notes: list[str] = []

    def tell(text: str) -> None:
        notes.append(text)
        (note or _print_note)(text)

    chain = migrations if isinstance(migrations, Chain) else read_chain(Path(migrations), chain_format)
    folder = str(chain.root) if isinstance(migrations, Chain) else str(migrations)
    loader = _SourceLoader(against, source_options, progress, tell, tool_tables=chain.tool_tables)
    loader.before_server()  # bad input and unreachable servers show up before anything starts

    opened = open_scratch(scratch, image=image, flavor=loader.flavor) if server is None \
        else contextlib.nullcontext(server)
    with opened as server:
        source = loader.on_server(server)
        for text in problem_notes([(SOURCE_LABEL, source)]):
            tell(text)
        charset, collation = _usable_charset(server, source.charset, source.collation, tell)
        # drop=False: a throwaway server discards it on stop (a DROP of thousands of tables takes longer)
        with server.database(charset=charset, collation=collation, drop=False) as db:
            failure = None
            replayed = None
            server_flavor = server.flavor
            js = any(m.kind == KIND_SEQUELIZE_JS for m in chain.migrations)
            try:
                replay = replay_chain(chain, server, db, progress=progress, record_races=js)
            except MigrationFailed as e:
                failure, replay = e, e.partial
            else:
                from ..sources.live import read_live

                replayed = read_live(server.url.with_database(db), progress=progress, label="the replayed chain")
        times = repeat if repeat is not None else (2 if replay.races else 1)
        if replay.races:
            tell(_races_note(replay.races))
        unstable: list[str] = []
        for n in range(2, times + 1):
            if replayed is None:
                break
            unstable = _replay_again(chain, server, charset, collation, replayed, progress, js, n)
            if unstable:
                tell(_unstable_note(unstable, replay.races, n))
                break
        where = _server_label(server)

    a_side = Side(SOURCE_LABEL, source_description or _describe_source(against, source))
    b_side = Side(CHAIN_LABEL, f"chain {redact(folder)} replayed on {where}")
    gap = None
    if failure is not None:
        b_side.description += f" (failed at migration {failure.migration.id})"
        missing = no_baseline_hint(failure, chain, folder)
        if missing:
            tell(missing)
        gap = server_gap(failure, server_flavor, source.flavor)
        if gap:
            tell(gap)
    result = ComparisonResult(a_side, b_side, [], command="verify", notes=notes)
    excluded: list[str] = []
    if failure is not None:
        result.failure = replay_failure(failure)
        skip = set() if include_bookkeeping else {t.casefold() for t in chain.tool_tables}
        excluded = sorted((n for n in source.tables if n.casefold() in skip), key=str.casefold)
    else:
        # each side carries the event times its replay took from the clock (a chain SOURCE's too)
        source = replace(source, replay_clock=placed_clock(loader.clock, str(against))) if loader.clock else source
        replayed = replace(replayed, replay_clock=placed_clock(replay.clock, folder))
        compared = compare_sources(source, replayed, compare_options or CompareOptions(),
                                   include_bookkeeping=include_bookkeeping, labels=(SOURCE_LABEL, CHAIN_LABEL),
                                   tool_tables=chain.tool_tables, problems=False)
        for text in compared.notes:
            tell(text)
        excluded = compared.excluded
        result.differences = attribute_differences(compared.differences, _with_races(replay, chain),
                                                   _baseline_ref(chain), path_prefix=folder)
        result.objects = compared_objects(compared.a, compared.b)
    result.excluded = [("table", name) for name in excluded]
    return VerifyResult(comparison=result, chain=chain, replay=replay, source=source, replayed=replayed,
                        server=where, failure=failure, excluded=excluded, notes=notes,
                        server_gap=gap, replays=times, unstable=unstable)


def _replay_again(chain: Chain, server, charset, collation, first: Schema, progress: bool, js: bool,
                  n: int) -> list[str]:
    """Replay ``chain`` once more on a fresh database; how the result differs from
    the first replay's (rendered differences; a failure this time is one too)."""
    from ..sources.live import read_live

    with server.database(charset=charset, collation=collation, drop=False) as db:
        try:
            replay_chain(chain, server, db, progress=progress, record_races=js)
        except MigrationFailed as e:
            return [f"replay {n} failed at migration {e.migration.id}: {e.reason}"]
        again = read_live(server.url.with_database(db), progress=progress, label=f"replay {n} of the chain")
    return [f"{d.label}: {d.attribute} {_short(d.a)} vs {_short(d.b)}" for d in compare(first, again, CompareOptions())]


def _short(value) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _with_races(replay: ReplayResult, chain: Chain) -> dict:
    """The touch map, where a table some migration's concurrent statements raced
    on points at that migration: a difference there comes from the race more
    likely than from whichever migration touched the table last."""
    touched = dict(replay.touched)
    for mid, tables in replay.races:
        m = next((m for m in chain.migrations if m.id == mid), None)
        if m is not None:
            for t in tables:
                touched[("table", t)] = MigrationRef(migration=mid, path=m.up.rel)
    return touched


def _races_note(races: list[tuple[str, list[str]]]) -> str:
    return "concurrent statements (Promise.all) on one table, whose order is up to chance: " + "; ".join(
        f"migration {mid} ({', '.join(tables)})" for mid, tables in races)


def _unstable_note(unstable: list[str], races: list[tuple[str, list[str]]], n: int) -> str:
    shown = "; ".join(unstable[:5]) + (f"; and {len(unstable) - 5} more" if len(unstable) > 5 else "")
    text = f"the chain itself is not deterministic: replay {n} on a fresh database differs from replay 1 ({shown})"
    if races:
        text += ". Migrations whose concurrent statements touched the same table: " + "; ".join(
            f"{mid} ({', '.join(tables)})" for mid, tables in races)
    return text


# ---------------------------------------------------------------------------- SOURCE


class _SourceLoader:
    """SOURCE in two steps: what can be read before the throwaway server starts
    (a live server, a dump file's statements, a chain folder), then what needs it."""

    def __init__(self, against: str | Schema, options: SourceOptions, progress: bool,
                 tell: Callable[[str], None], tool_tables: tuple[str, ...] = ()):
        self.against = against
        self.tool_tables = {t.casefold() for t in tool_tables}
        self.options = options
        self.progress = progress
        self.tell = tell
        self.schema: Schema | None = against if isinstance(against, Schema) else None
        self.kind = "schema" if self.schema is not None else source_kind(against)
        self.contents = None
        self.section = None
        self.chain: Chain | None = None
        self.flavor = self.schema.flavor if self.schema is not None else None
        #: A chain SOURCE's event times its replay's clock set (:mod:`.chain.eventclock`).
        self.clock: dict[str, ClockTimes] = {}
        #: A live SOURCE being read (a future of its schema) while the server starts.
        self._reading = None

    def before_server(self) -> None:
        if self.kind == "url":
            from ..sources.live import read_live_ahead

            # connected and checked now; the rest is read while the throwaway server starts
            self.flavor, self._reading = read_live_ahead(ServerURL.parse(self.against), progress=self.progress)
        elif self.kind == "dump":
            from ..sources.dump import read_dump_contents

            self.contents = read_dump_contents(self.against, progress=self.progress,
                                               accept_damaged=self.options.accept_damaged)
            for w in self.contents.warnings + self.contents.problems:
                sys.stderr.write(f"baseline: warning: {w}\n")
            self.section = self.contents.select(self.options.schema_name)
            self.flavor = self.contents.flavor
        elif self.kind == "migrations":
            self.chain = read_chain(Path(self.against))

    def on_server(self, server) -> Schema:
        if self._reading is not None:
            self.schema, self._reading = self._reading.result(), None
        if self.schema is not None:
            return self.schema
        if self.kind == "models":
            from ..sources.models import read_models_on

            return read_models_on(server, self.against, charset=DEFAULT_CHARSET, collation=DEFAULT_COLLATION,
                                  progress=self.progress)
        if self.kind == "dump":
            from ..sources.dump import describe_reading

            return describe_reading(self._dump(server), self.contents, self.section)
        return self._chain(server)

    def _dump(self, server) -> Schema:
        """The dump replayed on the verify server (its own normalization, like the
        chain's), else read offline with a note."""
        from ..sources.dumpreplay import replay_and_read

        contents, section = self.contents, self.section
        lacking = _lacking(server, section.charset, section.collation)
        if lacking:
            return self._dump_offline(server, InputError(
                f"it has no {lacking} (the dump's database default)", file=contents.file,
                line=section.created_line))
        try:
            schema = replay_and_read(server, contents, section, charset=section.charset,
                                     collation=section.collation, progress=self.progress)
        except InputError as e:
            return self._dump_offline(server, e)
        if section.charset_source == "most common table character set":
            schema.charset, schema.collation = self._app_charset(schema)
        return schema

    def _app_charset(self, schema: Schema) -> tuple[str | None, str | None]:
        """A dump without ``CREATE DATABASE`` only hints at the database's default
        character set through its tables; the dump reader takes the most common
        one. Tool tables do not vote here: sequelize-cli creates ``SequelizeMeta``
        as ``utf8mb3_unicode_ci`` whatever the database's default, and in a small
        schema that tie would make the chain's tables inherit the wrong one."""
        votes: dict[tuple[str, str], int] = {}
        for t in schema.tables.values():
            if t.collation and t.name.casefold() not in self.tool_tables:
                pair = (t.charset or charset_of_collation(t.collation), t.collation)
                votes[pair] = votes.get(pair, 0) + 1
        if not votes:
            return schema.charset, schema.collation
        return max(votes, key=lambda p: votes[p])  # ties: the first table's (dicts keep order)

    def _dump_offline(self, server, refused: InputError) -> Schema:
        from ..engine.builder import schema_from_statements

        contents, section = self.contents, self.section
        why = f"{refused.file}:{refused.line}: {refused.reason}" if refused.line else refused.reason
        schema = schema_from_statements(section.statements, flavor=contents.flavor, name=section.name,
                                        charset=section.charset, collation=section.collation,
                                        file=contents.file, server_text=contents.header.tool is not None)
        self.tell(f"the scratch server ({server.flavor}) cannot replay dump SOURCE ({why}); "
                  "it was read offline instead, so SOURCE is normalized by baseline, "
                  f"not by the server (--scratch docker --image {contents.flavor.docker_image} "
                  "replays it on its own flavor)")
        return schema

    def _chain(self, server) -> Schema:
        from ..sources.live import read_live

        with server.database(charset=DEFAULT_CHARSET, collation=DEFAULT_COLLATION, drop=False) as db:
            built = replay_chain(self.chain, server, db, progress=self.progress)  # its failure is bad input
            self.clock = built.clock
            schema = read_live(server.url.with_database(db), progress=self.progress,
                               label="the replayed SOURCE chain")
        schema.name = None
        return schema


def _describe_source(against: str | Schema, source: Schema) -> str:
    if isinstance(against, Schema):
        return f"database `{source.name}`" if source.name else "the source schema"
    from ..report.sides import describe_source

    return describe_source(against, source)


# ---------------------------------------------------------------------------- scratch database


def _spellings(name: str | None) -> list[str]:
    """``utf8`` and ``utf8mb3`` (and their collations) are one thing spelled two ways;
    a server lists only its own spelling in ``information_schema``."""
    if not name:
        return []
    low = name.lower()
    if low == "utf8" or low.startswith("utf8_"):
        return [name, "utf8mb3" + name[4:]]
    if low == "utf8mb3" or low.startswith("utf8mb3_"):
        return [name, "utf8" + name[7:]]
    return [name]


def _known(cur, table: str, column: str, name: str | None) -> str | None:
    """The spelling of ``name`` the server knows, or ``None``."""
    for spelling in _spellings(name):
        cur.execute(f"SELECT {column} FROM information_schema.{table} WHERE {column} = %s", (spelling,))
        row = cur.fetchone()
        if row:
            return row[0]
    return None


def _lacking(server, charset: str | None, collation: str | None) -> str | None:
    """``collation utf8mb4_0900_ai_ci`` when the server does not know it; else ``None``."""
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            if charset and not _known(cur, "CHARACTER_SETS", "CHARACTER_SET_NAME", charset):
                return f"character set {charset}"
            if collation and not _known(cur, "COLLATIONS", "COLLATION_NAME", collation):
                return f"collation {collation}"
    finally:
        conn.close()
    return None


def _usable_charset(server, charset: str | None, collation: str | None,
                    tell: Callable[[str], None]) -> tuple[str, str | None]:
    """SOURCE's default charset/collation if the scratch server knows them; else the
    nearest it does, with a note (a MySQL 8 ``utf8mb4_0900_ai_ci`` on MariaDB)."""
    charset = charset or DEFAULT_CHARSET
    if collation is None and charset == DEFAULT_CHARSET:
        collation = DEFAULT_COLLATION
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            known_charset = _known(cur, "CHARACTER_SETS", "CHARACTER_SET_NAME", charset)
            known_collation = _known(cur, "COLLATIONS", "COLLATION_NAME", collation)
            default = None
            if known_charset:
                cur.execute("SELECT DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS "
                            "WHERE CHARACTER_SET_NAME = %s", (known_charset,))
                default = cur.fetchone()[0]
    finally:
        conn.close()
    if known_charset is None:
        tell(f"the scratch server ({server.flavor}) has no character set {charset}: the chain is replayed "
             f"into a {DEFAULT_CHARSET} database; use a server of SOURCE's flavor")
        return DEFAULT_CHARSET, DEFAULT_COLLATION
    if not collation or known_collation:
        return known_charset, known_collation  # None: the charset's default on this server
    tell(f"the scratch server ({server.flavor}) has no collation {collation}: the chain is replayed into a "
         f"{known_charset} database with collation {default}; use a server of SOURCE's flavor")
    return known_charset, default


def _server_label(server) -> str:
    """``local MariaDB 10.11.14``; docker adds its image, a URL its (redacted) address.
    No process ids, folders or container ids: reports stay the same run to run."""
    from ..scratch.base import ScratchServer

    text = ScratchServer.describe(server)
    if server.kind == "docker" and getattr(server, "image_used", None):
        text += f" ({server.image_used})"
    elif server.kind == "url":
        text += f" at {server.url}"
    return text


# ---------------------------------------------------------------------------- comparison


def _baseline_ref(chain: Chain) -> MigrationRef | None:
    """Where an object no migration touched belongs: the chain's first file (its baseline)."""
    return chain.migrations[0].ref() if chain.migrations else None


#: Server errors of a statement on a table that does not exist (MySQL and MariaDB).
_NO_SUCH_TABLE = (1146,)


def no_baseline_hint(e: MigrationFailed, chain: Chain, folder: str) -> str | None:
    """The situation baseline is for, seen from ``verify``: the chain's very first
    migration works on a table no migration creates (the tables came from
    ``sync()`` or by hand). Say what to do instead of leaving the user with the
    server's error alone."""
    if e.partial.applied or e.server_code not in _NO_SUCH_TABLE or not chain.migrations:
        return None
    first = chain.migrations[0]
    script = first.up or first.down
    if script is not None and "Generated by baseline" in script.text[:4000]:
        return None  # the baseline itself failed: not a missing baseline
    return (f"the first migration of {folder} changes a table that no migration creates: the chain has no "
            f"baseline. Write one, the schema before the chain: baseline generate SOURCE --migrations {folder}")


#: Server errors that say the server lacks something (a syntax, a collation, a
#: character set, a function, a feature): on a server of another flavor than
#: SOURCE's they blame the server, not the chain.
_SERVER_LACKS = (1064, 1115, 1235, 1273, 1289, 1305, 1901)


def server_gap(e: MigrationFailed, server_flavor, source_flavor) -> str | None:
    """What to do when a migration fails on a throwaway server that cannot stand
    for SOURCE's flavor (a MySQL 8.0 chain on the only server at hand, MariaDB)
    with an error that flavor explains: the chain may be fine; the machine lacks
    a server. ``None`` when the servers match or the error is the chain's own."""
    if source_flavor is None or server_flavor is None or server_flavor.runs_sql_of(source_flavor):
        return None
    if e.server_code not in _SERVER_LACKS:
        return None
    image = source_flavor.docker_image
    return (f"migration {e.migration.id} failed on {server_flavor}, which cannot stand for SOURCE's "
            f"{source_flavor}: the chain was not checked. Give baseline a server of SOURCE's flavor: "
            f"`docker pull {image}` (where no registry is reachable: `docker save {image} -o image.tar` "
            f"on a machine that has it, then `docker load -i image.tar` here), then --scratch docker; "
            f"or --scratch mysql://USER:PASS@HOST:PORT/ naming a {source_flavor} server "
            f"where USER may create databases")


def replay_failure(e: MigrationFailed) -> ReplayFailure:
    """The report's view of a failed migration, the scratch database's name taken
    out of the server's words (:meth:`MigrationFailed.without_database`)."""
    clean = e.without_database
    return ReplayFailure(migration=e.migration.id, path=e.file or str(e.migration.path or e.migration.id),
                         line=e.line, reason=clean(e.reason), statement=e.statement or "",
                         server_code=e.server_code, server_message=clean(e.server_message or ""),
                         direction=e.direction, applied=len(e.partial.applied))


def failure_message(f: ReplayFailure) -> str:
    """``db/migrations/003.sql:3: migration 003 failed: server error 1146: ...`` + the statement."""
    from ..errors import shorten

    where = f.path + (f":{f.line}" if f.line else "")
    text = f"{where}: {f.reason}"
    return text + (f"\n  near: {shorten(f.statement)}" if f.statement else "")


def _print_note(text: str) -> None:
    print(f"baseline: note: {text}", file=sys.stderr)


__all__ = ["CHAIN_LABEL", "SOURCE_LABEL", "VerifyResult", "failure_message", "replay_failure", "run_verify", "server_gap"]
