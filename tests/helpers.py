"""Small helpers many test modules share (fixtures live in ``conftest.py``)."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

#: The repository; the folder of the shared test modules (tests/), its data; the
#: legacy fixture. Test modules sit in subfolders mirroring baseline/: they
#: reach files through these, never through their own ``__file__``.
ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
DATA = TESTS / "data"
LEGACY = ROOT / "fixtures" / "legacy"


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


def run_baseline(args: list[str], *, terminal: bool) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``baseline ARGS``; stderr a terminal or a pipe."""
    cmd = [sys.executable, "-m", "baseline", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not terminal:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
        return p.returncode, p.stdout, p.stderr
    master, slave = pty.openpty()
    seen: list[bytes] = []

    def drain():  # read as it comes: a full terminal buffer would block the child
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, text=True, env=env)
        os.close(slave)
        reader.start()
        out, _ = proc.communicate(timeout=300)
        reader.join(timeout=10)
    finally:
        os.close(master)
    return proc.returncode, out, b"".join(seen).decode(errors="replace")
