"""The legacy Sequelize fixture (fixtures/legacy) as a live database: the
production dump replayed into a scratch database of the test server."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from baseline.sources.live import read_live
from baseline.connect.execute import execute_script
from roundtrip import load_with_client

ROOT = Path(__file__).resolve().parents[1]
LEGACY = ROOT / "fixtures" / "legacy"
PRODUCTION = LEGACY / "production.sql"
MIGRATIONS = LEGACY / "migrations"


def load_production(server, database: str) -> None:
    """Load ``production.sql`` (schema and rows) into ``database`` with the stock
    client, as a team restoring a production copy would (the dump's own
    CREATE DATABASE / USE lines are left out so it lands in ``database``)."""
    text = re.sub(r"^(CREATE DATABASE|USE) .*$", "", PRODUCTION.read_text(), flags=re.M)
    load_with_client(server, database, text)


def production_schema(server, database: str):
    load_production(server, database)
    return read_live(server.url.with_database(database), progress=False)


def objects(server, database: str) -> list[str]:
    """Every table, view, routine, trigger and event left in ``database``."""
    conn = server.connect(database)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s "
                        "UNION ALL SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s "
                        "UNION ALL SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = %s "
                        "UNION ALL SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = %s",
                        (database,) * 4)
            return sorted(r[0] for r in cur.fetchall())
    finally:
        conn.close()


def sync_era(server, db: str, node_env) -> None:
    """The tables as the app's ``sequelize.sync()`` made them, and its rows."""
    url = server.server.url
    env = {**os.environ, "NODE_PATH": str(node_env.node_modules), "DB_NAME": db, "DB_USER": url.user or "root",
           "DB_PASSWORD": url.password or "", "DB_HOST": url.host or "127.0.0.1", "DB_PORT": str(url.port or 3306)}
    if url.unix_socket:
        env["DB_SOCKET"] = url.unix_socket
    subprocess.run([node_env.node, str(LEGACY / "build" / "sync.js")], check=True, env=env, cwd=LEGACY / "build",
                   capture_output=True, timeout=120)
    conn = server.server.connect(db)
    try:
        execute_script(conn, (LEGACY / "build" / "seed.sql").read_text(), file="seed.sql")
    finally:
        conn.close()
