"""Helpers for the chain-aware baseline tests: build a "production" database from
a pre-chain schema plus a chain (on the real test server), walk it back, replay,
and compare - by baseline's own comparison and by an independent one.

The independent comparison reads ``SHOW CREATE`` of every object of both
databases with its own queries and normalizes only what differs between two
builds of one schema and is not schema: ``AUTO_INCREMENT=N`` counters and
``DEFINER=`` clauses. Nothing of baseline's model or comparison is used, so a
bug there cannot hide a difference here.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from baseline.chain.replay import replay_chain
from baseline.workflows.chain_baseline import replay_and_compare
from baseline.compare import compare
from baseline.workflows.prechain import pre_chain_schema
from baseline.render.ddl import RenderOptions
from baseline.render.sqlfile import render_sql_file
from baseline.sources.live import read_live
from helpers import make

_COUNTER = re.compile(r" AUTO_INCREMENT=\d+")
_DEFINER = re.compile(r"DEFINER=(`(?:[^`]|``)*`|'[^']*'|[^\s@]+)@(`(?:[^`]|``)*`|'[^']*'|\S+) ")


def _client(server) -> list[str]:
    exe = shutil.which("mariadb") or shutil.which("mysql") or "mariadb"
    args = [exe, "--no-defaults", "-uroot"]
    if server.url.unix_socket:
        args.append(f"--socket={server.url.unix_socket}")
    else:
        args += ["-h", server.url.host, "-P", str(server.url.port)]
    return args


def run_client(server, db: str, text: str) -> None:
    """Run ``text`` through the stock ``mariadb`` client (DELIMITER blocks and all)."""
    proc = subprocess.run(_client(server) + [db], input=text.encode(), capture_output=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"mariadb client failed: {proc.stderr.decode(errors='replace')[:1500]}")


def mariadb_dump_no_data(server, db: str) -> str:
    """``mariadb-dump --no-data`` of ``db``: the naive baseline."""
    exe = shutil.which("mariadb-dump") or shutil.which("mysqldump")
    args = [exe, "--no-defaults", "-uroot", "--no-data", "--skip-lock-tables", "--routines", "--triggers",
            "--events", "--skip-dump-date"]
    if server.url.unix_socket:
        args.append(f"--socket={server.url.unix_socket}")
    proc = subprocess.run(args + [db], capture_output=True, timeout=120, check=True)
    return proc.stdout.decode()


def show_create_all(server, db: str) -> dict[tuple[str, str], str]:
    """``{(kind, name): normalized SHOW CREATE text}`` of every table, view,
    routine and event of ``db``, and the server's record of every trigger."""
    conn = server.connect(db)
    out = {}
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s", (db,))
            objects = [("VIEW" if t == "VIEW" else "SEQUENCE" if t == "SEQUENCE" else "TABLE", n)
                       for n, t in cur.fetchall()]
            # SHOW CREATE TRIGGER gives the statement as it was written (quoting,
            # spacing): compare what the server made of it instead
            cur.execute("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, "
                        "ACTION_STATEMENT, SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = %s", (db,))
            for row in cur.fetchall():
                out[("TRIGGER", row[0])] = " | ".join(str(x) for x in row[1:])
            cur.execute("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES "
                        "WHERE ROUTINE_SCHEMA = %s", (db,))
            objects += list(cur.fetchall())
            cur.execute("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = %s", (db,))
            objects += [("EVENT", n) for (n,) in cur.fetchall()]
            for kind, name in objects:
                cur.execute(f"SHOW CREATE {kind} `{name}`")
                row = cur.fetchone()
                text = row[2] if kind in ("PROCEDURE", "FUNCTION", "EVENT") else row[1]
                out[(kind, name)] = _DEFINER.sub("", _COUNTER.sub("", text))
    finally:
        conn.close()
    return out


def write_chain(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    return make(root, files)


class Built:
    """A production database built from ``before`` (the pre-chain schema) plus the chain."""

    def __init__(self, server, db: str, truth_db: str, chain_dir: Path):
        self.server = server
        self.db = db
        self.truth_db = truth_db
        self.chain_dir = chain_dir
        self.chain = _read(chain_dir)
        self.source = read_live(server.url.with_database(db), progress=False)
        self.truth = read_live(server.url.with_database(truth_db), progress=False)

    def walk(self, strategy: str = "invert"):
        return pre_chain_schema(self.source, self.chain, strategy=strategy, server=lambda: self.server,
                                progress=False)

    def verify(self, pre):
        text = render_sql_file(pre.schema, RenderOptions(explicit_indexes=frozenset(pre.explicit_indexes)),
                               source_description="test")
        return replay_and_compare(self.server, self.source, self.chain, text), text

    def truth_differences(self, pre):
        """How the walked-back schema differs from the real pre-chain schema."""
        truth = self.truth
        truth.name = pre.schema.name
        return compare(truth, pre.schema)


def build(server, tmp_path: Path, before: str, migrations: dict[str, str], *, charset: str = "utf8mb4",
          collation: str = "utf8mb4_general_ci"):
    """Context manager yielding :class:`Built`."""
    import contextlib

    @contextlib.contextmanager
    def cm():
        chain_dir = write_chain(tmp_path / "migrations", migrations)
        with server.database(charset, collation, prefix="prod") as db, \
                server.database(charset, collation, prefix="truth") as truth:
            if before.strip():
                run_client(server, db, before)
                run_client(server, truth, before)
            replay_chain(_read(chain_dir), server, db, progress=False)
            yield Built(server, db, truth, chain_dir)

    return cm()


def _read(chain_dir: Path):
    """The chain (an empty folder is an empty chain, as for generate)."""
    from baseline.workflows.chain_baseline import read_for_baseline

    return read_for_baseline(chain_dir, None, "000_initial_schema")[0]


def finding_keys(pre) -> list[tuple]:
    """``(severity, file, line, object)`` of every finding, in chain order."""
    return [f.key() for f in pre.findings]
