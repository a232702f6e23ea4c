"""The source server sees only reads: its general log, captured while baseline
introspects, holds nothing but reads and session settings from baseline's
connection (which uses an account that may only read)."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from baseline.scratch.local import LocalServer
from baseline.sources.live import LANES, read_live
from roundtrip import load_with_executor
from test_live import FEATURES

READER, PASSWORD = "baseline_reader", "R3ad-only!pw"

#: What a read-only introspection may send: reads and session-level settings.
ALLOWED = re.compile(
    r"^\s*(SELECT|SHOW|START TRANSACTION|ROLLBACK|COMMIT|SET (SESSION |NAMES |AUTOCOMMIT|@@SESSION\.))",
    re.I)
WRITES = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|TRUNCATE|RENAME|GRANT|REVOKE|"
                    r"LOCK|FLUSH|SET GLOBAL|OPTIMIZE|ANALYZE|REPAIR|LOAD)\b", re.I)


@pytest.fixture(scope="module")
def private_server(server_binary):
    with LocalServer() as srv:
        yield srv


def admin(srv, sql: str, params=None):
    conn = srv.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        conn.close()


def test_introspection_writes_nothing(private_server):
    srv = private_server
    admin(srv, "CREATE DATABASE src CHARACTER SET utf8mb4")
    load_with_executor(srv, "src", FEATURES)
    for host in ("localhost", "127.0.0.1"):
        admin(srv, f"CREATE USER '{READER}'@'{host}' IDENTIFIED BY '{PASSWORD}'")
        admin(srv, f"GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON src.* TO '{READER}'@'{host}'")
        admin(srv, f"GRANT SELECT ON mysql.proc TO '{READER}'@'{host}'")
    admin(srv, "SET GLOBAL log_output = 'TABLE'")
    admin(srv, "TRUNCATE TABLE mysql.general_log")
    admin(srv, "SET GLOBAL general_log = 1")
    try:
        url = replace(srv.url, user=READER, password=PASSWORD, database="src")
        schema = read_live(url, progress=False)
    finally:
        admin(srv, "SET GLOBAL general_log = 0")
    assert "t" in schema.tables and schema.routines and schema.views     # it did read

    log = admin(srv, "SELECT thread_id, command_type, argument FROM mysql.general_log ORDER BY event_time")
    decode = (lambda v: v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v))
    rows = [(tid, cmd, decode(arg)) for tid, cmd, arg in log]
    readers = {tid for tid, cmd, arg in rows if cmd == "Connect" and arg.startswith(f"{READER}@")}
    assert len(readers) == LANES, rows[:5]  # its connections, no other
    for tid in readers:  # each one read-only in a snapshot before anything else
        first = [arg for t, cmd, arg in rows if t == tid and cmd == "Query"]
        assert first.index("START TRANSACTION WITH CONSISTENT SNAPSHOT") < 6, first[:8]
        assert "SET SESSION TRANSACTION READ ONLY" in first[:6]
    queries = [arg for tid, cmd, arg in rows if tid in readers and cmd == "Query"]
    others = {cmd for tid, cmd, arg in rows if tid in readers} - {"Connect", "Query", "Quit"}
    assert not others, f"unexpected commands: {others}"
    assert len(queries) > 10
    bad = [q for q in queries if not ALLOWED.match(q) or (WRITES.search(q) and not q.upper().startswith(("SELECT", "SHOW")))]
    assert bad == [], f"non-read statements sent to the source: {bad}"
    assert "SET SESSION TRANSACTION READ ONLY" in queries
    assert "START TRANSACTION WITH CONSISTENT SNAPSHOT" in queries
    assert any(q.startswith("SHOW CREATE VIEW") for q in queries)
    assert PASSWORD not in " ".join(queries)
