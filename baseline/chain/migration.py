"""What a migration chain is, once read: plain data shared by reading, replay and inversion.

A :class:`Chain` is an ordered list of :class:`Migration` objects in the order
the chain's own tool would apply them. Each migration has an up :class:`Script`
and, where the format has one, a down script. A script remembers the file it
comes from and the line of that file where its text starts, so that a
statement's error or attribution names the real line of a goose/dbmate file
(whose up and down sections share one file).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..sql.split import Statement, split_sql
from .refs import MigrationRef

# ----------------------------------------------------------------------- formats

SQL = "sql"                       # numbered plain SQL files: 001_x.sql, 1_x.sql
GOLANG_MIGRATE = "golang-migrate"  # N_name.up.sql / N_name.down.sql
POPX = "popx"                     # ory/popx: <version>_<name>[.<dialect>][.autocommit].up.sql
GOOSE = "goose"                   # -- +goose Up / -- +goose Down in one file
DBMATE = "dbmate"                 # -- migrate:up / -- migrate:down in one file
FLYWAY = "flyway"                 # V1__x.sql, V1_1__x.sql, B1__x.sql, U1__x.sql, R__x.sql
PRISMA = "prisma"                 # NN_name/migration.sql (+ migration_lock.toml)
MANIFEST = "manifest"             # versioned/vX.Y/manifest.json listing the files (temporal)
SEQUELIZE = "sequelize"           # sequelize-cli: YYYYMMDDHHMMSS-name.js / .cjs

#: Every format name ``--chain-format`` accepts, in the order detection reports them.
FORMATS = (SQL, GOLANG_MIGRATE, POPX, GOOSE, DBMATE, FLYWAY, PRISMA, MANIFEST, SEQUELIZE)

#: Other spellings accepted by ``--chain-format``.
FORMAT_ALIASES = {
    "plain": SQL, "numbered": SQL, "raw": SQL,
    "migrate": GOLANG_MIGRATE, "golang_migrate": GOLANG_MIGRATE, "golangmigrate": GOLANG_MIGRATE,
    "ory": POPX, "pop": POPX,
    "temporal": MANIFEST,
    "sequelize-cli": SEQUELIZE, "sequelize_cli": SEQUELIZE,
}

#: Tables the tools themselves keep their bookkeeping in. Replaying a chain with
#: baseline's executor does not create them (sequelize-cli does create
#: ``SequelizeMeta``), so a comparison against a production database built by
#: the tool should not count them as differences.
BOOKKEEPING_TABLES: dict[str, tuple[str, ...]] = {
    SQL: (),
    GOLANG_MIGRATE: ("schema_migrations",),
    POPX: ("schema_migration",),
    GOOSE: ("goose_db_version",),
    DBMATE: ("schema_migrations",),
    FLYWAY: ("flyway_schema_history",),
    PRISMA: ("_prisma_migrations",),
    MANIFEST: ("schema_version", "schema_update_history"),
    SEQUELIZE: ("SequelizeMeta", "SequelizeData"),
}

#: Bookkeeping tables of migration tools in general, whatever the chain's own
#: format: a production database often carries those of a tool it used before
#: (Liquibase, Flyway, Rails...). Only names no application would choose for its
#: own data; generic ones (Laravel's ``migrations``) are left to the chain's format.
TOOL_TABLES: tuple[str, ...] = (
    "SequelizeMeta", "SequelizeData", "schema_migrations", "schema_migration", "goose_db_version",
    "flyway_schema_history", "DATABASECHANGELOG", "DATABASECHANGELOGLOCK", "_prisma_migrations",
    "seaql_migrations", "knex_migrations", "knex_migrations_lock", "alembic_version", "django_migrations",
    "ar_internal_metadata", "doctrine_migration_versions", "phinxlog", "__diesel_schema_migrations",
    "refinery_schema_history", "_sqlx_migrations", "atlas_schema_revisions", "gorp_migrations",
    "__EFMigrationsHistory",
)

#: Kinds of migration: SQL run through baseline's executor, or a sequelize-cli
#: JavaScript file run with Node.
KIND_SQL = "sql"
KIND_SEQUELIZE_JS = "sequelize-js"

#: How a script's text is cut into statements.
SPLIT_SQL = "sql"        # the mysql client's rules (DELIMITER-aware)
SPLIT_GOOSE = "goose"    # + goose StatementBegin/StatementEnd blocks
SPLIT_NONE = "none"      # not SQL (JavaScript)
SPLIT_SERVER = "server"  # the whole file goes to the server (golang-migrate, dbmate, Prisma):
                         # cut where the server would, routine bodies kept whole


def canonical_format(name: str) -> str | None:
    """The format a ``--chain-format`` value names, or ``None`` if unknown."""
    key = name.strip().lower()
    if key in FORMATS:
        return key
    return FORMAT_ALIASES.get(key)


# ----------------------------------------------------------------------- scripts


@dataclass(frozen=True)
class Script:
    """One direction of one migration: text plus where it lives."""

    #: The file, as reached from the chain folder the user gave (used in messages).
    path: Path
    #: The script's own text (a whole file, or one section of a goose/dbmate file).
    text: str
    #: 1-based line of ``path`` on which ``text`` starts.
    line: int = 1
    #: Path relative to the chain folder (for attribution: stable across machines).
    rel: str = ""
    #: How to cut ``text`` into statements (``sql``, ``goose``, ``none``).
    splitter: str = SPLIT_SQL
    #: goose ``-- +goose NO TRANSACTION`` / popx ``.autocommit.`` / dbmate
    #: ``transaction:false``: the tool runs it outside a transaction. MySQL DDL
    #: commits implicitly anyway; kept so writers can reproduce the file.
    no_transaction: bool = False

    @property
    def is_empty(self) -> bool:
        """True when the script holds no statement (an intentional no-op)."""
        if self.splitter == SPLIT_NONE:
            return not self.text.strip()
        return not self.statements()

    def statements(self) -> list[Statement]:
        """The statements in order, each with its line in :attr:`path`."""
        if self.splitter == SPLIT_NONE:
            return []
        if self.splitter == SPLIT_GOOSE:
            from .sections import goose_statements

            return goose_statements(self.text, file=str(self.path), first_line=self.line)
        if self.splitter == SPLIT_SERVER:
            from ..sql.compound import split_server

            return split_server(self.text, file=str(self.path), first_line=self.line)
        return list(split_sql(self.text, file=str(self.path), first_line=self.line))


# ----------------------------------------------------------------------- migrations


@dataclass(frozen=True)
class Migration:
    """One step of a chain."""

    #: The id the chain names it by: file stem without direction/extension
    #: (``001_unified_architecture``), Prisma folder name, ``v1.2/queue`` for a
    #: manifest chain, sequelize file stem (``20240101000000-create-accounts``).
    id: str
    #: Version part as the tool reads it (``001``, ``1.2``, ``20240101000000``);
    #: ``''`` for Flyway repeatable migrations.
    version: str
    #: Human name/description (``unified_architecture``).
    name: str
    #: The up script (``None`` only when a format lists a down without an up).
    up: Script | None
    #: The down script, where the format has one and the file exists.
    down: Script | None = None
    #: ``sql`` or ``sequelize-js``.
    kind: str = KIND_SQL

    @property
    def has_down(self) -> bool:
        return self.down is not None

    @property
    def path(self) -> Path | None:
        """The up file (or the down file when there is no up)."""
        s = self.up or self.down
        return s.path if s else None

    def ref(self, line: int | None = None, *, direction: str = "up") -> MigrationRef:
        """A reference to this migration for attribution (file relative to the chain)."""
        s = self.up if direction == "up" else self.down
        s = s or self.up or self.down
        return MigrationRef(migration=self.id, path=s.rel if s else self.id, line=line)


@dataclass
class Chain:
    """An ordered migration chain read from a folder."""

    #: The chain folder as given.
    root: Path
    #: One of :data:`FORMATS`.
    format: str
    #: In the order the tool applies them.
    migrations: list[Migration] = field(default_factory=list)
    #: Files in the folder that are not part of the chain (README, other
    #: dialects, unrecognized names), relative to ``root``.
    ignored: list[str] = field(default_factory=list)
    #: Things worth telling the user (dialect choices, lock file provider...).
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.migrations)

    def __iter__(self):
        return iter(self.migrations)

    @property
    def ids(self) -> list[str]:
        return [m.id for m in self.migrations]

    @property
    def has_downs(self) -> bool:
        """True when every migration has a down script."""
        return bool(self.migrations) and all(m.has_down for m in self.migrations)

    @property
    def kinds(self) -> set[str]:
        return {m.kind for m in self.migrations}

    @property
    def bookkeeping_tables(self) -> tuple[str, ...]:
        """Tables the chain's tool keeps its own records in (see :data:`BOOKKEEPING_TABLES`)."""
        return BOOKKEEPING_TABLES.get(self.format, ())

    @property
    def tool_tables(self) -> tuple[str, ...]:
        """:attr:`bookkeeping_tables` plus every other tool's (:data:`TOOL_TABLES`): what
        ``verify`` leaves out of a comparison by default."""
        own = self.bookkeeping_tables
        return own + tuple(t for t in TOOL_TABLES if t not in own)

    def index_of(self, migration_id: str) -> int:
        """Position of a migration by id (or by its version); ``KeyError`` if absent."""
        for i, m in enumerate(self.migrations):
            if m.id == migration_id:
                return i
        for i, m in enumerate(self.migrations):
            if m.version and m.version == migration_id:
                return i
        raise KeyError(migration_id)

    def slice(self, start: int | None = None, stop: int | None = None) -> "Chain":
        """The same chain restricted to ``migrations[start:stop]`` (e.g. "the first K were lost")."""
        return replace(self, migrations=self.migrations[start:stop], ignored=list(self.ignored),
                       notes=list(self.notes))
