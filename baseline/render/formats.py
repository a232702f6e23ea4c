"""The baseline as a migration of the team's own framework.

:func:`render_migration` turns a schema into the files of one format (relative
path -> text), each laid out by its template in ``templates/``:

============== ============================================ =========================
format         files (default name ``000_initial_schema``)   down / rollback
============== ============================================ =========================
sql            ``000_initial_schema.sql``                   none (plain script)
golang-migrate ``000_initial_schema.up.sql`` + ``.down.sql`` the ``.down.sql`` file
dbmate         ``000_initial_schema.sql``                   ``-- migrate:down``
goose          ``001_initial_schema.sql`` (goose: ids > 0)  ``-- +goose Down``
sequelize      ``00000000000000-initial-schema.js``         ``down()``
flyway         ``V0__initial_schema.sql``                   none (undo is not in
                                                            every Flyway edition)
liquibase      ``000_initial_schema.sql`` (formatted SQL)   ``--rollback`` per changeset
prisma         ``000_initial_schema/migration.sql``         none (Prisma has no downs)
============== ============================================ =========================

How each tool runs the text decides its shape: golang-migrate, dbmate and
Prisma send a whole file to the server in multi-statement mode, so their files
have no ``DELIMITER`` lines (the server itself knows where a trigger body
ends); goose wraps routine bodies in ``StatementBegin/End``; Flyway's MySQL
parser and the plain client understand ``DELIMITER``; sequelize-cli gets an
array of statements run one by one through ``queryInterface.sequelize.query``
on one connection (a transaction pins it, so session settings hold); Liquibase
gets one changeset per object, with ``endDelimiter`` where a body holds ``;``.

:func:`migration_stem` names the new migration so it sorts *first* in the tool's
own order (beside an existing chain too), :func:`format_for_chain` picks the
format matching a chain read by :mod:`baseline.chain`, and :func:`write_migration`
writes all files of one migration together or none of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..util.gcpause import gc_paused
from ..errors import UsageError
from ..model import Schema
from .ddl import BASE_SESSION, RenderedStatement, RenderOptions, create_statements, drop_statements
from .quote import ident
from .ownership import stamp
from .sqlfile import comment_safe, delimiter_for, header_lines, layout, template

DEFAULT_NAME = "000_initial_schema"


@dataclass(frozen=True)
class FormatInfo:
    """What a format is and what its framework can do."""

    name: str
    #: The framework, as people call it.
    tool: str
    #: True when the files hold a down/rollback.
    has_down: bool
    #: The :mod:`baseline.chain` format that reads these files back (None: not a chain format).
    chain_format: str | None


FORMAT_INFO: dict[str, FormatInfo] = {f.name: f for f in (
    FormatInfo("sql", "plain SQL (mysql client)", False, "sql"),
    FormatInfo("golang-migrate", "golang-migrate", True, "golang-migrate"),
    FormatInfo("dbmate", "dbmate", True, "dbmate"),
    FormatInfo("goose", "goose", True, "goose"),
    FormatInfo("sequelize", "sequelize-cli", True, "sequelize"),
    FormatInfo("flyway", "Flyway", False, "flyway"),
    FormatInfo("liquibase", "Liquibase", True, None),
    FormatInfo("prisma", "Prisma Migrate", False, "prisma"),
)}

#: Every ``--format`` value, the default first.
FORMATS = tuple(FORMAT_INFO)

#: Chain format -> output format written beside it.
_FOR_CHAIN = {
    "sql": "sql", "golang-migrate": "golang-migrate", "popx": "golang-migrate", "goose": "goose",
    "dbmate": "dbmate", "flyway": "flyway", "prisma": "prisma", "sequelize": "sequelize",
}


def check_format(fmt: str) -> str:
    key = (fmt or "").strip().lower()
    aliases = {"migrate": "golang-migrate", "golang_migrate": "golang-migrate", "sequelize-cli": "sequelize",
               "plain": "sql"}
    key = aliases.get(key, key)
    if key not in FORMAT_INFO:
        raise UsageError(f"unknown --format {fmt!r}", hint="one of: " + ", ".join(FORMATS))
    return key


def format_for_chain(chain_format: str) -> str:
    """The output format to write beside a chain of ``chain_format`` (as read by
    :func:`baseline.chain.read.read_chain`)."""
    fmt = _FOR_CHAIN.get(chain_format)
    if fmt is None:
        raise UsageError(f"baseline cannot place a baseline migration in a {chain_format} chain",
                         hint="write it elsewhere with --format sql and load it before the chain")
    return fmt


# =========================================================================== naming

_LEAD = re.compile(r"^(?P<version>\d+)(?P<sep>[_\-.]?)(?P<title>.*)$")
_SEQUELIZE_DATED = re.compile(r"^(?P<stamp>\d{14})-(?P<title>.+)$")
_FLYWAY = re.compile(r"^[VB]\d+(?:[._]\d+)*__.+$")


def _split_name(name: str) -> tuple[str | None, str]:
    m = _LEAD.match(name)
    if not m or not m.group("title") and not m.group("sep"):
        return (m.group("version"), "") if m else (None, name)
    return m.group("version"), m.group("title")


def _adapt(fmt: str, name: str) -> str:
    """``name`` in the tool's own grammar (idempotent: a fitting name is kept)."""
    version, title = _split_name(name)
    title = title or "initial_schema"
    if fmt in ("sql", "liquibase", "prisma"):
        return name
    if fmt in ("golang-migrate", "dbmate"):
        return name if version is not None and title else f"000_{title}"
    if fmt == "goose":
        if version is None:
            return f"00001_{title}"
        if int(version) < 1:  # goose: "migration IDs must be greater than zero"
            return f"{'1'.zfill(len(version))}_{title}"
        return f"{version}_{title}"
    if fmt == "sequelize":
        if _SEQUELIZE_DATED.match(name):
            return name
        return f"{'0' * 14}-{title.replace('_', '-')}"
    if fmt == "flyway":
        if _FLYWAY.match(name):
            return name
        return f"V{int(version) if version is not None else 0}__{title}"
    raise UsageError(f"unknown format {fmt!r}")  # pragma: no cover


def migration_files(fmt: str, stem: str) -> list[str]:
    """Relative paths of the files a migration named ``stem`` consists of."""
    fmt = check_format(fmt)
    if fmt == "golang-migrate":
        return [f"{stem}.up.sql", f"{stem}.down.sql"]
    if fmt == "sequelize":
        return [f"{stem}.js"]
    if fmt == "prisma":
        return [f"{stem}/migration.sql"]
    return [f"{stem}.sql"]


def migration_stem(fmt: str, chain=None, name: str = DEFAULT_NAME) -> str:
    """The name of the baseline migration in format ``fmt``.

    Without ``chain``: ``name`` adapted to the tool's file-name grammar. With a
    :class:`~baseline.chain.migration.Chain` (read from the folder the file goes
    into): a name that the tool orders *before* every migration of the chain
    (sequelize-cli: a timestamp one second before the first dated file);
    :class:`UsageError` when the tool has no such name (a goose chain starting
    at version 1, a chain that already has version 0...).
    """
    fmt = check_format(fmt)
    stem = _adapt(fmt, name)
    if chain is None or not chain.migrations:
        return stem
    first = chain.migrations[0]
    if fmt == "sequelize" and name == DEFAULT_NAME:
        js = [m for m in chain.migrations if m.kind != "sql"]
        dated = _SEQUELIZE_DATED.match(js[0].id) if js else None
        if dated:
            when = datetime.strptime(dated.group("stamp"), "%Y%m%d%H%M%S") - timedelta(seconds=1)
            stem = f"{when:%Y%m%d%H%M%S}-initial-schema"
    if not _sorts_before(fmt, stem, first):
        hint = "renumber the chain so a version before it is free, or pass --name with one"
        if fmt == "goose" and str(first.version or "").lstrip("0") == "1":
            # goose refuses version 0, so no --name can help here
            hint = ("goose versions start at 1, which the chain's first migration has: renumber the chain "
                    "(001 -> 002, ...), or write the baseline elsewhere (-o OUTDIR --format sql) and load it "
                    "before running goose")
        raise UsageError(
            f"no {FORMAT_INFO[fmt].tool} migration name sorts before {first.id} in {chain.root}, "
            f"so a baseline named {stem} would run after it",
            hint=hint)
    return stem


def _sorts_before(fmt: str, stem: str, first) -> bool:
    from ..chain import naming

    if any(m in (stem,) for m in (first.id,)):
        return False
    if fmt in ("sql",):
        ours = naming.parse_numbered(stem + ".sql")
        theirs = naming.parse_numbered(first.up.path.name) if first.up else None
        return ours is not None and (theirs is None or ours.sort_key < theirs.sort_key)
    if fmt in ("golang-migrate", "goose"):
        return int(_LEAD.match(stem).group("version")) < int(first.version or 0)
    if fmt == "flyway":
        ours = naming.version_tuple(re.match(r"^[VB]([\d._]+)__", stem).group(1))
        return bool(first.version) and ours < naming.version_tuple(first.version)
    if fmt == "sequelize":
        return f"{stem}.js" < first.up.path.name
    # dbmate, prisma: file / folder names as strings
    theirs = first.id
    return stem < theirs


# =========================================================================== rendering


def render_migration(schema: Schema, fmt: str = "sql", *, name: str = DEFAULT_NAME,
                     options: RenderOptions = RenderOptions(), source_description: str,
                     notes: tuple[str, ...] | list[str] = ()) -> dict[str, str]:
    """The files of the baseline migration of ``schema`` in format ``fmt``:
    ``{relative path: text}``, deterministic.

    ``name`` is adapted to the tool's grammar (:func:`migration_stem` without a
    chain); ``notes`` are comment lines placed at the top (warnings of the
    chain-aware baseline).
    """
    fmt = check_format(fmt)
    stem = migration_stem(fmt, None, name)
    with gc_paused():
        creates = create_statements(schema, options)
    drops = drop_statements(schema, options)
    header = header_lines(schema, options, source_description)
    ctx = _Context(schema, fmt, stem, creates, drops, header, [comment_safe(n) for n in notes])
    return {path: stamp(text) for path, text in _RENDERERS[fmt](ctx).items()}


@dataclass
class _Context:
    schema: Schema
    fmt: str
    stem: str
    creates: list[RenderedStatement]
    drops: list[RenderedStatement]
    header: list[str]
    notes: list[str]
    #: A change migration (:func:`render_change`): ``drops`` is then the down's
    #: statements in run order, laid out like the up's (sessions, delimiters).
    change: bool = False

    def files(self) -> list[str]:
        return migration_files(self.fmt, self.stem)

    @property
    def session(self) -> tuple:
        return CHANGE_SESSION if self.change else BASE_SESSION

    def common(self, **extra) -> dict:
        prologue, items, epilogue = layout(self.creates, self.session)
        out = dict(header=self.header, notes=self.notes, prologue=prologue, items=items, epilogue=epilogue,
                   drops=[d.sql for d in self.drops], tool=[], change=self.change)
        if self.change:
            out["down_prologue"], out["down_items"], out["down_epilogue"] = layout(self.drops, self.session)
        out.update(extra)
        return out


def _sql(ctx: _Context) -> dict[str, str]:
    text = template("sql.sql.j2").render(**ctx.common(header=ctx.header + ctx.notes))
    return {ctx.files()[0]: text}


def _golang_migrate(ctx: _Context) -> dict[str, str]:
    up_path, down_path = ctx.files()
    tool = ["golang-migrate sends each file whole: use multiStatements=true in the database URL."]
    up = template("golang-migrate.sql.j2").render(direction="up", **ctx.common(tool=tool))
    down = template("golang-migrate.sql.j2").render(direction="down", **ctx.common(tool=tool))
    return {up_path: up, down_path: down}


def _dbmate(ctx: _Context) -> dict[str, str]:
    return {ctx.files()[0]: template("dbmate.sql.j2").render(**ctx.common())}


def _goose(ctx: _Context) -> dict[str, str]:
    return {ctx.files()[0]: template("goose.sql.j2").render(**ctx.common())}


def _flyway(ctx: _Context) -> dict[str, str]:
    tool = ["Flyway versioned migration: it sorts before V1 and runs first on an empty database.",
            "No undo script: Flyway undo migrations are not in every Flyway edition; "
            "drop the schema with flyway clean."]
    if ctx.change:
        tool = ["Flyway versioned migration: it runs after the chain's migrations.",
                "No undo script: Flyway undo migrations are not in every Flyway edition."]
    params = ctx.common()
    params["header"] = ctx.header + tool + ctx.notes
    return {ctx.files()[0]: template("flyway.sql.j2").render(**params)}


def _prisma(ctx: _Context) -> dict[str, str]:
    tool = ["Prisma Migrate migration: prisma migrate deploy applies it "
            + ("after the chain's migrations" if ctx.change else "first") + " (folders run in name order).",
            "Prisma migrations have no down."]
    return {ctx.files()[0]: template("prisma.sql.j2").render(**ctx.common(tool=tool))}


# ---------------------------------------------------------------- sequelize-cli


def js_string(text: str) -> str:
    """``text`` as a JavaScript template literal, exactly: backslashes, backticks
    and ``${`` escaped; carriage returns and NULs written as escapes (a template
    literal would turn a raw CR into LF)."""
    out = (text.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
           .replace("\r", "\\r").replace("\x00", "\\x00"))
    return "`" + out + "`"


def _sequelize(ctx: _Context) -> dict[str, str]:
    def run(statements: list[RenderedStatement]) -> list[dict]:
        prologue, items, epilogue = layout(statements, ctx.session)
        out: list[tuple[str | None, str]] = [(None, s) for s in prologue]
        for item in items:
            out += [(None, s) for s in item["sets"]]
            out.append((item["title"], item["sql"]))
        out += [(None, s) for s in epilogue]
        return [{"title": t, "sql": js_string(s)} for t, s in out]

    down = run(ctx.drops) if ctx.change else [{"title": None, "sql": js_string(d.sql)} for d in ctx.drops]
    text = template("sequelize.js.j2").render(header=ctx.header, notes=ctx.notes, change=ctx.change,
                                              up=run(ctx.creates), down=down)
    return {ctx.files()[0]: text}


# ---------------------------------------------------------------- Liquibase


def _needs_base_session(sql: str) -> bool:
    """A statement whose meaning depends on sql_mode (string escapes, double quotes)."""
    return "\\" in sql or '"' in sql


def _rollback_for(stmt: RenderedStatement, drops: dict[tuple[str, str], str], schema: Schema) -> str:
    if stmt.kind == "foreign_keys":
        table = schema.tables[stmt.name]
        names = re.findall(r"ADD CONSTRAINT (`(?:[^`]|``)+`)", stmt.sql)
        return f"ALTER TABLE {ident(table.name)} " + ", ".join(f"DROP FOREIGN KEY {n}" for n in names)
    if stmt.kind == "sequence_position":
        return "DO 0"  # the sequence's own changeset drops it
    if stmt.kind == "event_completion":
        return "DO 0"  # the event's own changeset drops it
    return drops[(stmt.kind, stmt.name)]


def _liquibase(ctx: _Context) -> dict[str, str]:
    drops = {(d.kind, d.name): d.sql for d in ctx.drops if d.kind != "foreign_keys"}
    changesets = []
    for n, stmt in enumerate(ctx.creates, start=1):
        session = dict(stmt.session)
        if _needs_base_session(stmt.sql) or stmt.session:
            session = {**dict(BASE_SESSION), **session}
        sqls = [f"SET @baseline_saved_{v} = @@SESSION.{v}" for v in sorted(session)]
        sqls += [f"SET SESSION {v} = {session[v]}" for v in sorted(session)]
        sqls.append(stmt.sql)
        sqls += [f"SET SESSION {v} = @baseline_saved_{v}" for v in sorted(session)]
        delimiter = delimiter_for("\n".join(sqls)) if stmt.compound else None
        changesets.append({
            "id": f"{ctx.stem}-{n:04d}",
            "title": comment_safe(f"{stmt.kind} {stmt.name}"),
            "delimiter": delimiter,
            "statements": sqls,
            "rollback": _rollback_for(stmt, drops, ctx.schema),
        })
    text = template("liquibase.sql.j2").render(header=ctx.header, notes=ctx.notes, changesets=changesets)
    return {ctx.files()[0]: text}


_RENDERERS = {
    "sql": _sql, "golang-migrate": _golang_migrate, "dbmate": _dbmate, "goose": _goose,
    "sequelize": _sequelize, "flyway": _flyway, "liquibase": _liquibase, "prisma": _prisma,
}


# =========================================================================== change migrations

#: The session a change migration runs its statements under: strict, so that a
#: MODIFY meeting a value it cannot keep fails instead of changing the row (and
#: so that the server allows NULL -> NOT NULL on a foreign-key column, which it
#: refuses in a non-strict mode that would write '' there: MySQL error 1832).
CHANGE_SESSION = (("sql_mode", "'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'"),)


def render_change(fmt: str, stem: str, up: list[RenderedStatement], down: list[RenderedStatement], *,
                  header: list[str], notes: list[str] | tuple[str, ...] = (), schema: Schema) -> dict[str, str]:
    """The files of a migration named ``stem`` running ``up`` (and ``down``,
    where the format has one): ``{relative path: text}``. ``schema`` is the
    schema the migration leads to."""
    fmt = check_format(fmt)
    if fmt == "liquibase":
        raise UsageError("baseline does not write Liquibase change migrations yet",
                         hint="write it in another folder as SQL (--write DIR of a plain SQL chain) and add it "
                              "to the changelog as a sqlFile changeset")
    ctx = _Context(schema, fmt, stem, list(up), list(down), list(header), [comment_safe(n) for n in notes],
                   change=True)
    return {path: stamp(text) for path, text in _RENDERERS[fmt](ctx).items()}


def next_stem(fmt: str, chain=None, name: str | None = None) -> str:
    """The name of a migration that the tool runs *after* every migration of
    ``chain``: the next number at the chain's width (``008_``), the next second
    of a 14-digit timestamp (sequelize-cli, dbmate, Prisma), the next Flyway
    version. Deterministic: derived from the chain, not from the clock (an
    empty chain starts at 1). ``name`` that starts with its own version is
    taken as given (checked to sort after the chain)."""
    fmt = check_format(fmt)
    title = re.sub(r"[^A-Za-z0-9]+", "_", name or "changes").strip("_") or "changes"
    migs = [m for m in (chain.migrations if chain is not None else []) if m.version]
    last = migs[-1] if migs else None
    if name and _LEAD.match(name) and _split_name(name)[0] is not None or name and _FLYWAY.match(name):
        stem = _adapt(fmt, name)
        if last is not None and not _sorts_after(fmt, stem, last):
            raise UsageError(f"--name {name}: {FORMAT_INFO[fmt].tool} would run it before {last.id}, "
                             "the chain's last migration", hint="leave the version out of --name to get the next one")
        return stem
    version = last.version if last is not None else ""
    if fmt == "flyway":
        parts = [int(x) for x in re.split(r"[._]", version)] if version else [0]
        parts[-1] += 1
        return f"V{'.'.join(map(str, parts))}__{title}"
    if len(version) == 14 and version.isdigit() or (not version and fmt in ("sequelize", "dbmate", "prisma")):
        try:
            when = datetime.strptime(version, "%Y%m%d%H%M%S") + timedelta(seconds=1)
            nxt = f"{when:%Y%m%d%H%M%S}"
        except ValueError:
            nxt = str(int(version or 0) + 1).zfill(14)
    else:
        nxt = str(int(version or 0) + 1).zfill(len(version) if version else 3)
    if fmt == "sequelize":
        return f"{nxt}-{title.replace('_', '-')}"
    return f"{nxt}_{title}"


def _sorts_after(fmt: str, stem: str, last) -> bool:
    from ..chain import naming

    if fmt == "flyway":
        ours = naming.version_tuple(re.match(r"^[VB]([\d._]+)__", stem).group(1))
        return ours > naming.version_tuple(last.version)
    m = _LEAD.match(stem)
    if m and str(last.version).isdigit():
        return int(m.group("version")) > int(last.version)
    return stem > last.id


# =========================================================================== writing


def write_migration(files: dict[str, str], outdir: Path | str, fmt: str | None = None, *,
                    force: bool = False, replaced: list[str] | None = None) -> list[Path]:
    """Write a migration's files under ``outdir`` as one group: all appear, or none.

    With ``fmt``, the files that tool expects beside its migrations and ``outdir``
    lacks (Prisma's ``migration_lock.toml``: :mod:`.folder_files`) are part of the group.
    An existing file baseline did not write, or wrote and someone edited since,
    is not replaced (:mod:`.ownership`) unless ``force``; ``replaced`` then
    receives a line per such file.
    """
    from ..util.atomic import write_files
    from .folder_files import folder_files
    from .ownership import check_replaceable

    root = Path(outdir)
    files = {**folder_files(fmt, root), **files} if fmt else files
    targets = {root / rel: text for rel, text in sorted(files.items())}
    forced = check_replaceable(targets, force=force)
    if replaced is not None:
        replaced.extend(forced)
    return write_files(targets)
