"""Each migration tool's history table: its layout and the rows that say "applied".

``adopt`` and ``bootstrap`` write only these tables. The layouts are the ones
the tools create themselves on MySQL/MariaDB, so the tool finds its table as
if it had made it; rows carry what the tool checks:

* sequelize-cli ``SequelizeMeta``: one row per migration file name (``x.js``);
* golang-migrate ``schema_migrations(version, dirty)``: one row, the newest version;
* dbmate ``schema_migrations(version)``: one row per version (the file's digits);
* goose ``goose_db_version``: the table's initial version-0 row, then one row per version;
* Flyway ``flyway_schema_history``: one row per script with Flyway's checksum
  (CRC32 of the file's lines without line endings, as a signed int);
* Liquibase ``DATABASECHANGELOG`` (+ ``DATABASECHANGELOGLOCK``): one row per
  changeset; ``MD5SUM`` is NULL, which Liquibase fills in on its next run
  (what ``clear-checksums`` leaves too);
* Prisma ``_prisma_migrations``: one row per folder, checksum = SHA-256 of migration.sql.

Timestamps come from the server (``NOW()``), ids are derived from names, so the
SQL is the same on every run (a dry run can be reviewed and then applied).
"""
from __future__ import annotations

import hashlib
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

import pymysql

from ...errors import EnvironmentProblem, UsageError
from ...sql.literals import quote_ident as ident, quote_string

TOOLS = ("sequelize", "golang-migrate", "goose", "dbmate", "flyway", "liquibase", "prisma")

#: History tables of each tool (the first is the one rows go to).
TABLES = {
    "sequelize": ("SequelizeMeta",),
    "golang-migrate": ("schema_migrations",),
    "dbmate": ("schema_migrations",),
    "goose": ("goose_db_version",),
    "flyway": ("flyway_schema_history",),
    "liquibase": ("DATABASECHANGELOG", "DATABASECHANGELOGLOCK"),
    "prisma": ("_prisma_migrations",),
}

#: The tool that applies a chain of each format.
TOOL_FOR_CHAIN = {"sequelize": "sequelize", "golang-migrate": "golang-migrate", "popx": None, "goose": "goose",
                  "dbmate": "dbmate", "flyway": "flyway", "prisma": "prisma", "liquibase": "liquibase",
                  "sql": None, "manifest": None}

_CREATE = {
    "sequelize": [
        "CREATE TABLE IF NOT EXISTS `SequelizeMeta` (`name` varchar(255) NOT NULL, PRIMARY KEY (`name`), "
        "UNIQUE KEY `name` (`name`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci"],
    "golang-migrate": [
        "CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint not null primary key, dirty boolean not null)"],
    "dbmate": ["CREATE TABLE IF NOT EXISTS `schema_migrations` (version varchar(128) primary key)"],
    "goose": [
        "CREATE TABLE IF NOT EXISTS `goose_db_version` (id serial NOT NULL, version_id bigint NOT NULL, "
        "is_applied boolean NOT NULL, tstamp timestamp NULL default now(), PRIMARY KEY(id))"],
    "flyway": [
        "CREATE TABLE IF NOT EXISTS `flyway_schema_history` (\n"
        "  `installed_rank` INT NOT NULL,\n  `version` VARCHAR(50),\n  `description` VARCHAR(200) NOT NULL,\n"
        "  `type` VARCHAR(20) NOT NULL,\n  `script` VARCHAR(1000) NOT NULL,\n  `checksum` INT,\n"
        "  `installed_by` VARCHAR(100) NOT NULL,\n"
        "  `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  `execution_time` INT NOT NULL,\n"
        "  `success` BOOL NOT NULL,\n  CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`),\n"
        # Flyway creates this index by a separate CREATE INDEX; inline it is the same
        # table, and MySQL has no CREATE INDEX IF NOT EXISTS
        "  KEY `flyway_schema_history_s_idx` (`success`)\n"
        ") ENGINE=InnoDB"],
    "liquibase": [
        "CREATE TABLE IF NOT EXISTS DATABASECHANGELOGLOCK (ID INT NOT NULL, `LOCKED` TINYINT(1) NOT NULL, "
        "LOCKGRANTED datetime NULL, LOCKEDBY VARCHAR(255) NULL, CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))",
        "CREATE TABLE IF NOT EXISTS DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, "
        "FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED datetime NOT NULL, ORDEREXECUTED INT NOT NULL, "
        "EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL, DESCRIPTION VARCHAR(255) NULL, "
        "COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL, LIQUIBASE VARCHAR(20) NULL, "
        "CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL)"],
    "prisma": [
        "CREATE TABLE IF NOT EXISTS `_prisma_migrations` (\n"
        "    `id`                    VARCHAR(36) PRIMARY KEY NOT NULL,\n"
        "    `checksum`              VARCHAR(64) NOT NULL,\n"
        "    `finished_at`           DATETIME(3),\n"
        "    `migration_name`        VARCHAR(255) NOT NULL,\n"
        "    `logs`                  TEXT,\n"
        "    `rolled_back_at`        DATETIME(3),\n"
        "    `started_at`            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
        "    `applied_steps_count`   INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
        ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"],
}


@dataclass(frozen=True)
class Entry:
    """One migration as its tool records it."""

    #: What identifies the row: file name (sequelize), version (dbmate, goose,
    #: golang-migrate, Flyway), ``id::author::file`` (Liquibase), folder (Prisma).
    key: str
    version: str
    name: str
    #: The file the tool reads (checksums), relative name as the tool records it.
    script: str
    path: Path | None = None
    #: Liquibase: changeset id and author.
    author: str | None = None
    changeset: str | None = None
    kind: str = ""


def flyway_checksum(data: bytes) -> int:
    """Flyway's checksum of a script: CRC32 over the UTF-8 bytes of each line
    without its line ending (BOM dropped), as a signed 32-bit int."""
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    crc = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        crc = zlib.crc32(line.encode("utf-8"), crc)
    return crc - (1 << 32) if crc >= (1 << 31) else crc


def prisma_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _q(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return str(value)
    return quote_string(str(value))


def entries_for(tool: str, chain) -> list[Entry]:
    """The rows ``tool`` keeps for ``chain`` (read by baseline.chain or the Liquibase reader)."""
    out = []
    for m in chain.migrations:
        path = m.up.path if m.up else m.path
        if tool == "sequelize":
            if m.kind != "sequelize-js":
                raise UsageError(f"{m.id} is not a sequelize-cli JavaScript migration; sequelize-cli would "
                                 "never run it", hint="write the baseline with --format sequelize")
            out.append(Entry(key=path.name, version=m.version, name=m.name, script=path.name, path=path))
        elif tool == "liquibase":
            cid, author = m.id.split("::", 1)
            out.append(Entry(key=f"{cid}::{author}::{m.up.rel}", version=cid, name=cid, script=m.up.rel,
                             path=path, author=author, changeset=cid))
        elif tool == "prisma":
            out.append(Entry(key=m.id, version=m.version, name=m.name, script=f"{m.id}/migration.sql", path=path))
        elif tool == "flyway":
            kind = "SQL_BASELINE" if path.name.startswith("B") else "SQL"
            out.append(Entry(key=m.version or m.id, version=m.version, name=m.name, script=path.name, path=path,
                             kind=kind))
        else:
            out.append(Entry(key=str(int(m.version)) if tool != "dbmate" else m.version, version=m.version,
                             name=m.name, script=path.name, path=path))
    return out


@dataclass
class Plan:
    """What adopting writes: statements creating the tables (DDL, committed as
    it runs), then the rows (one transaction)."""

    tool: str
    create: list[str]
    rows: list[str]
    #: Entries already recorded in the target (left alone).
    present: list[str]
    entries: list[Entry]

    @property
    def sql(self) -> str:
        out = [s + ";" for s in self.create]
        if self.rows:
            out += ["START TRANSACTION;"] + [s + ";" for s in self.rows] + ["COMMIT;"]
        return "\n".join(out) + "\n"


def existing_keys(conn, tool: str) -> tuple[bool, list]:
    """(table exists, keys recorded) in the connected database."""
    table = TABLES[tool][0]
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                    "AND TABLE_NAME = %s", (table,))
        if not cur.fetchone()[0]:
            return False, []
        query = {
            "sequelize": "SELECT name FROM `SequelizeMeta`",
            "golang-migrate": "SELECT version, dirty FROM `schema_migrations`",
            "dbmate": "SELECT version FROM `schema_migrations`",
            "goose": "SELECT version_id FROM `goose_db_version` WHERE is_applied",
            "flyway": "SELECT COALESCE(version, description), installed_rank FROM `flyway_schema_history`",
            "liquibase": "SELECT CONCAT(ID, '::', AUTHOR, '::', FILENAME), ORDEREXECUTED FROM DATABASECHANGELOG",
            "prisma": "SELECT migration_name FROM `_prisma_migrations` WHERE rolled_back_at IS NULL "
                      "AND finished_at IS NOT NULL",
        }[tool]
        cur.execute(query)
        return True, [tuple(r) for r in cur.fetchall()]


def _has_table(conn, name: str) -> bool:
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                    "AND TABLE_NAME = %s", (name,))
        return cur.fetchone()[0] > 0


def plan(tool: str, chain, conn) -> Plan:
    """The statements recording every migration of ``chain`` as applied by ``tool``
    in the database ``conn`` is connected to (rows already there are kept)."""
    if tool not in TOOLS:
        raise UsageError(f"unknown --tool {tool!r}", hint="one of: " + ", ".join(TOOLS))
    entries = entries_for(tool, chain)
    exists, rows = existing_keys(conn, tool)
    create = [] if exists else list(_CREATE[tool])
    if tool == "liquibase" and exists and not _has_table(conn, "DATABASECHANGELOGLOCK"):
        create = [_CREATE[tool][0]]
    present_keys = {str(r[0]) for r in rows}
    todo = [e for e in entries if e.key not in present_keys]
    present = [e.key for e in entries if e.key in present_keys]
    out: list[str] = []
    if tool == "golang-migrate":
        newest = max((int(e.version) for e in entries), default=None)
        current = rows[0] if rows else None
        if newest is not None and (current is None or int(current[0]) != newest or current[1]):
            if current is not None:
                out.append("DELETE FROM `schema_migrations`")
            out.append(f"INSERT INTO `schema_migrations` (version, dirty) VALUES ({newest}, 0)")
        present = [str(newest)] if current is not None and not out else []
        return Plan(tool, create, out, present, entries)
    if tool == "liquibase":
        lock_rows = "INSERT INTO DATABASECHANGELOGLOCK (ID, `LOCKED`, LOCKGRANTED, LOCKEDBY) " \
                    "SELECT 1, 0, NULL, NULL FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM DATABASECHANGELOGLOCK WHERE ID = 1)"
        if todo:
            out.append(lock_rows)
        order = max((int(r[1]) for r in rows), default=0)
        deployment = hashlib.sha256("".join(e.key for e in todo).encode()).hexdigest()[:10]
        for e in todo:
            order += 1
            out.append("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, "
                       "MD5SUM, DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID) VALUES "
                       f"({_q(e.changeset)}, {_q(e.author)}, {_q(e.script)}, NOW(), {order}, 'EXECUTED', NULL, "
                       f"'sql', 'recorded by baseline adopt', NULL, NULL, NULL, NULL, {_q(deployment)})")
        return Plan(tool, create, out, present, entries)
    if tool == "goose" and not exists:
        out.append("INSERT INTO `goose_db_version` (version_id, is_applied) VALUES (0, 1)")
    rank = max((int(r[1]) for r in rows), default=0) if tool == "flyway" else 0
    for e in todo:
        if tool == "sequelize":
            out.append(f"INSERT INTO `SequelizeMeta` (`name`) VALUES ({_q(e.script)})")
        elif tool == "dbmate":
            out.append(f"INSERT INTO `schema_migrations` (version) VALUES ({_q(e.version)})")
        elif tool == "goose":
            out.append(f"INSERT INTO `goose_db_version` (version_id, is_applied) VALUES ({int(e.version)}, 1)")
        elif tool == "flyway":
            rank += 1
            checksum = flyway_checksum(e.path.read_bytes())
            out.append("INSERT INTO `flyway_schema_history` (installed_rank, version, description, type, script, "
                       "checksum, installed_by, execution_time, success) VALUES "
                       f"({rank}, {_q(e.version or None)}, {_q(e.name)}, {_q(e.kind)}, {_q(e.script)}, {checksum}, "
                       "SUBSTRING_INDEX(CURRENT_USER(), '@', 1), 0, 1)")
        elif tool == "prisma":
            checksum = prisma_checksum(e.path.read_bytes())
            rid = uuid.uuid5(uuid.NAMESPACE_URL, f"baseline:prisma:{e.key}:{checksum}")
            out.append("INSERT INTO `_prisma_migrations` (id, checksum, finished_at, migration_name, logs, "
                       "rolled_back_at, started_at, applied_steps_count) VALUES "
                       f"({_q(str(rid))}, {_q(checksum)}, NOW(3), {_q(e.key)}, NULL, NULL, NOW(3), 1)")
    if tool == "goose" and not exists and not todo:
        out = []
    return Plan(tool, create, out, present, entries)


def apply(conn, p: Plan) -> None:
    """Run the plan: tables first (DDL commits by itself), then all rows in one
    transaction. A statement the server refuses is an :class:`EnvironmentProblem`
    naming the tool's table and the server's words."""
    try:
        with conn.cursor() as cur:
            for s in p.create:
                cur.execute(s)
        if not p.rows:
            return
        conn.begin()
        try:
            with conn.cursor() as cur:
                for s in p.rows:
                    cur.execute(s)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    except pymysql.err.MySQLError as e:
        code = e.args[0] if e.args and isinstance(e.args[0], int) else None
        raise EnvironmentProblem(f"cannot write the {p.tool} history ({', '.join(TABLES[p.tool])}): server error "
                                 f"{code}: {e.args[-1]}") from None


__all__ = ["TOOLS", "TABLES", "Entry", "Plan", "plan", "apply", "flyway_checksum",
           "prisma_checksum", "entries_for", "ident"]
