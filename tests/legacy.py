"""The legacy Sequelize fixture (fixtures/legacy) as a live database: the
production dump replayed into a scratch database of the test server."""
from __future__ import annotations

from pathlib import Path

import re

from baseline.sources.live import read_live
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
