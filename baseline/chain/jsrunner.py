"""baseline's own runner for JavaScript migrations (``node/runner.cjs``).

sequelize-cli runs CommonJS ``up(queryInterface, Sequelize)`` migrations; teams
also write umzug migrations (``up({ context })``), ESM and TypeScript. The
runner loads any of them (TypeScript through tsx) with the app's own Sequelize
when its migrations folder resolves one, and:

* ``capture``: runs the migration against a database holding the schema *after*
  it, with every statement that would change something recorded instead of
  sent (reads and transaction control go to the server): what the migration
  sends, to be inverted like a SQL migration (:mod:`baseline.workflows.prechain`);
* ``run``: runs it for real, recording every statement it sends.

Each statement comes with the line of the migration file it was sent from, and
statements sent while others were still in flight (``Promise.all``) are
grouped: they race, and the tables they touch are named.

The job (connection settings, password included) goes to the runner on stdin:
the password is never on a command line or in the environment.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field

from ..errors import EnvironmentProblem
from ..connect.url import ServerURL, redact
from ..sql.split import Statement
from .migration import Migration
from .nodeenv import PACKAGE_DIR, NodeEnv

RUNNER = PACKAGE_DIR / "runner.cjs"
CAPTURE, RUN = "capture", "run"


@dataclass
class JsRun:
    """What one migration sent (``capture``: would have sent)."""

    migration: Migration
    statements: list[Statement] = field(default_factory=list)
    #: Tables touched by statements that were in flight together, one list per race.
    concurrent: list[list[str]] = field(default_factory=list)
    #: Reads it made (SQL, line), for notes.
    reads: list[tuple[str, int | None]] = field(default_factory=list)
    #: ``(message, line)`` when it failed.
    error: tuple[str, int | None] | None = None


def run_js(env: NodeEnv, url: ServerURL, database: str, migrations: list[Migration], *,
           mode: str = CAPTURE, direction: str = "up", timeout: float = 900) -> list[JsRun]:
    """Run (or capture) ``migrations`` in order; stops after the first that fails
    (its :attr:`JsRun.error` says why). Raises :class:`EnvironmentProblem` when
    Node itself cannot run the runner."""
    connection = {"host": url.host, "port": url.port, "user": url.user or "root",
                  "password": url.effective_password() if hasattr(url, "effective_password") else (url.password or ""),
                  "database": database}
    if url.unix_socket:
        connection["socketPath"] = url.unix_socket
    job = {"mode": mode, "direction": direction, "connection": connection,
           "migrations": [{"id": m.id, "path": str((m.up if direction == "up" else (m.down or m.up)).path)}
                          for m in migrations]}
    node_env = dict(os.environ, NODE_PATH=str(env.node_modules), NO_COLOR="1", FORCE_COLOR="0")
    try:
        res = subprocess.run([env.node, str(RUNNER)], input=json.dumps(job), capture_output=True, text=True,
                             env=node_env, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise EnvironmentProblem(f"the JavaScript migration runner did not finish within {timeout:.0f} s") from None
    by_id = {m.id: m for m in migrations}
    out: list[JsRun] = []
    for line in res.stdout.splitlines():
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue  # a migration's own console.log
        if not isinstance(item, dict):
            continue
        if "fatal" in item:
            raise EnvironmentProblem(f"the JavaScript migration runner failed: {redact(str(item['fatal']))}")
        m = by_id.get(item.get("migration"))
        if m is None:
            continue
        run = JsRun(m)
        for s in item.get("statements", []):
            run.statements.append(Statement(_one(s["sql"]), s.get("line") or 1))
        run.concurrent = [list(t) for t in item.get("concurrent", [])]
        run.reads = [(r["sql"], r.get("line")) for r in item.get("reads", [])]
        err = item.get("error")
        if err:
            run.error = (redact(str(err.get("message") or "failed")), err.get("line"))
        out.append(run)
    if res.returncode not in (0, 1) or (not out and migrations):
        tail = redact((res.stderr or res.stdout or "").strip())[-600:]
        raise EnvironmentProblem(f"the JavaScript migration runner failed (exit {res.returncode}): {tail}")
    return out


_UMZUG_UP = re.compile(r"\bup\s*(?::\s*|=\s*)?(?:async\s+)?(?:function\s*)?\(\s*\{|"
                       r"\bup\s*(?::|=)\s*(?:async\s*)?\(\s*\{")
_ESM = re.compile(r"^\s*export\s+(?:default|async|function|const|let)\b", re.M)


def needs_runner(m: Migration) -> bool:
    """Whether sequelize-cli cannot run ``m`` (CommonJS ``up(queryInterface,
    Sequelize)`` only): TypeScript, ESM, or umzug's ``up({ context })``."""
    script = m.up
    if script is None:
        return False
    name = script.path.name.lower()
    if not name.endswith((".js", ".cjs")):
        return True
    text = script.text
    return bool(_ESM.search(text) or _UMZUG_UP.search(text))


def _one(sql: str) -> str:
    """A statement as Sequelize sends it, without its final semicolon."""
    text = sql.strip()
    while text.endswith(";"):
        text = text[:-1].rstrip()
    return text
