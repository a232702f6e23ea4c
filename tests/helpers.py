"""Small helpers many test modules share (fixtures live in ``conftest.py``)."""
from __future__ import annotations

from pathlib import Path


def make(root: Path, files: dict[str, str]) -> Path:
    """Write ``{relative path: text}`` below ``root`` (folders created); returns ``root``."""
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return root


def run_sql(server, database: str | None, *statements: str) -> None:
    """Run ``statements`` in order on ``server`` (in ``database``, or none)."""
    conn = server.connect(database)
    try:
        with conn.cursor() as cur:
            for st in statements:
                cur.execute(st)
    finally:
        conn.close()


def query(server, database: str | None, sql: str, args=None) -> list[tuple]:
    """The rows of one query on ``server``, as tuples."""
    conn = server.connect(database)
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return [tuple(r) for r in cur.fetchall()]
    finally:
        conn.close()
