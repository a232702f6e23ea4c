"""Run sequelize-cli JavaScript migrations for real against a scratch database.

A run takes a batch of consecutive JS migrations and hands them to the real
``sequelize-cli`` (``db:migrate`` up, ``db:migrate:undo:all`` down) with:

* a migrations folder of its own holding symlinks to exactly those files, so a
  sliced chain never runs files outside the slice (Node resolves the links, so a
  migration's relative ``require``s still work);
* a temporary config module (mode 0600 in a 0700 folder, removed afterwards)
  that holds the connection settings (the password never appears on a
  command line or in output) and a ``logging`` hook printing every SQL
  statement sequelize sends, tagged, on stdout;
* ``NODE_PATH`` pointing at the cached packages, so ``require('sequelize')``
  inside a migration resolves without the user's ``node_modules``.

sequelize-cli prints ``== name: migrating`` / ``migrated`` lines; together with
the tagged SQL they say which statements each migration ran (for attribution)
and, on failure, which migration failed and the statement the server rejected.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..connect.url import ServerURL, redact
from .migration import Migration
from .nodeenv import NodeEnv

_SQL_TAG = "\x00BASELINE-SQL "
_MARK_RE = re.compile(r"^== (?P<name>.+?): (?P<state>migrating|migrated|reverting|reverted)\b")
_EXECUTING_RE = re.compile(r"^Executing \([^)]*\):\s*", re.S)
META_TABLE = "SequelizeMeta"


@dataclass
class JsOutcome:
    """What one JS migration did: the SQL it sent, in order."""

    migration: Migration
    sql: list[str] = field(default_factory=list)
    started: bool = False
    done: bool = False


class JsMigrationError(Exception):
    """A JS migration failed; carries what is known about where."""

    def __init__(self, migration: Migration | None, message: str, *, line: int | None,
                 statement: str | None, outcomes: list[JsOutcome], output: str):
        super().__init__(message)
        self.migration = migration
        self.message = message
        self.line = line
        self.statement = statement
        self.outcomes = outcomes
        self.output = output


def _config_module(url: ServerURL, database: str) -> str:
    cfg = {
        "username": url.user or "root",
        "password": url.password or "",
        "database": database,
        "host": url.host,
        "port": url.port,
        "dialect": "mysql",
    }
    if url.unix_socket:
        cfg["dialectOptions"] = {"socketPath": url.unix_socket}
    return ("'use strict';\n"
            f"const tag = {json.dumps(_SQL_TAG)};\n"
            f"const cfg = {json.dumps(cfg)};\n"
            "cfg.logging = (sql) => { process.stdout.write(tag + JSON.stringify(String(sql)) + '\\n'); };\n"
            "module.exports = { baseline: cfg };\n")


def run_js_batch(env: NodeEnv, url: ServerURL, database: str, migrations: list[Migration],
                 direction: str = "up", *, timeout: float = 1800) -> list[JsOutcome]:
    """Run ``migrations`` (consecutive JS migrations, in the order given) up or down.

    Down runs expect the migrations to be recorded in ``SequelizeMeta`` (see
    :func:`record_executed`). Raises :class:`JsMigrationError` on failure.
    """
    work = Path(tempfile.mkdtemp(prefix="baseline-sequelize-"))  # 0700
    try:
        mdir = work / "migrations"
        mdir.mkdir()
        for m in migrations:
            src = m.up.path.resolve()
            os.symlink(src, mdir / src.name)
        config = work / "config.cjs"
        fd = os.open(config, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(_config_module(url, database))
        command = "db:migrate" if direction == "up" else "db:migrate:undo:all"
        cmd = [env.node, str(env.sequelize_cli), command, "--config", str(config),
               "--migrations-path", str(mdir), "--env", "baseline", "--debug"]
        node_env = dict(os.environ, NODE_PATH=str(env.node_modules), NO_COLOR="1", FORCE_COLOR="0",
                        NODE_ENV="baseline")
        try:
            res = subprocess.run(cmd, cwd=work, env=node_env, capture_output=True, text=True,
                                 timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise JsMigrationError(migrations[0], f"sequelize-cli did not finish within {timeout:.0f} s",
                                   line=None, statement=None, outcomes=[], output="") from None
        outcomes = _parse_stdout(res.stdout, migrations)
        if res.returncode != 0:
            raise _failure(res, outcomes, migrations)
        missing = [o.migration.id for o in outcomes if not o.done]
        if missing:
            raise JsMigrationError(next(o.migration for o in outcomes if not o.done),
                                   "sequelize-cli did not run this migration (is it a valid migration "
                                   "module exporting up/down?)", line=None, statement=None,
                                   outcomes=outcomes, output=redact(res.stdout + res.stderr))
        return outcomes
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _parse_stdout(stdout: str, migrations: list[Migration]) -> list[JsOutcome]:
    by_name = {m.up.path.name: m for m in migrations}
    by_stem = {m.id: m for m in migrations}
    outcomes: dict[str, JsOutcome] = {}
    order: list[JsOutcome] = []
    current: JsOutcome | None = None
    for line in stdout.splitlines():
        if line.startswith(_SQL_TAG):
            if current is not None:
                try:
                    sql = json.loads(line[len(_SQL_TAG):])
                except json.JSONDecodeError:
                    continue
                current.sql.append(_EXECUTING_RE.sub("", sql, count=1))
            continue
        m = _MARK_RE.match(line)
        if not m:
            continue
        name = m.group("name")
        mig = by_name.get(name) or by_stem.get(name) or by_stem.get(Path(name).stem)
        if mig is None:
            continue
        if m.group("state") in ("migrating", "reverting"):
            current = outcomes.get(mig.id)
            if current is None:
                current = outcomes[mig.id] = JsOutcome(mig)
                order.append(current)
            current.started = True
        else:
            o = outcomes.setdefault(mig.id, JsOutcome(mig))
            o.done = True
            current = None
    for mig in migrations:
        if mig.id not in outcomes:
            order.append(JsOutcome(mig))
    return order


_STACK_RE = re.compile(r"(?P<file>/[^():\s]+?\.c?js):(?P<line>\d+)(?::\d+)?")
_JS_ERROR_RE = re.compile(r"^(?:[A-Z]\w*)?Error: .+$", re.M)


def _failure(res, outcomes: list[JsOutcome], migrations: list[Migration]) -> JsMigrationError:
    err = res.stderr or ""
    failed = next((o for o in outcomes if o.started and not o.done), None)
    mig = failed.migration if failed else None
    extra = re.search(r"^EXTRA MESSAGE:\s*(.+)$", err, re.M)   # the server's message (with --debug)
    js_error = _JS_ERROR_RE.search(err)                       # SyntaxError: …, TypeError: …
    head = re.search(r"^ERROR:\s*(.+)$", err, re.M)
    if extra:
        message = extra.group(1).strip()
    elif js_error and js_error.group(0).strip() != "Error: Error":
        message = js_error.group(0).strip()
    elif head:
        message = head.group(1).strip()
    else:
        message = (err.strip().splitlines() or ["sequelize-cli failed"])[-1]
    line = None
    if mig is not None:
        target = str(mig.up.path.resolve())
        for fm in _STACK_RE.finditer(err):
            if fm.group("file") == target:
                line = int(fm.group("line"))
                break
    statement = failed.sql[-1] if failed and failed.sql and extra else None
    if mig is None and migrations:
        mig = migrations[0]
    return JsMigrationError(mig, redact(message), line=line, statement=statement, outcomes=outcomes,
                            output=redact(res.stdout + err))


def record_executed(conn, migrations: list[Migration]) -> bool:
    """Make ``SequelizeMeta`` list ``migrations`` as executed (so sequelize-cli can
    undo them on a database loaded from elsewhere). Returns True when the table
    had to be created here (the caller drops it again when it ends empty)."""
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM information_schema.TABLES "
                    "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s", (META_TABLE,))
        created = cur.fetchone()[0] == 0
        if created:
            # the definition sequelize-cli itself creates
            cur.execute(f"CREATE TABLE `{META_TABLE}` (`name` varchar(255) NOT NULL, "
                        "PRIMARY KEY (`name`), UNIQUE KEY `name` (`name`)) "
                        "ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci")
        for m in migrations:
            cur.execute(f"INSERT IGNORE INTO `{META_TABLE}` (`name`) VALUES (%s)", (m.up.path.name,))
    return created


def drop_meta_if_empty(conn) -> None:
    with conn.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM `{META_TABLE}`")
        if cur.fetchone()[0] == 0:
            cur.execute(f"DROP TABLE `{META_TABLE}`")
