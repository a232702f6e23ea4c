"""Helpers for the throwaway-server tests: probes of real processes, folders and containers."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from requirements import missing

from helpers import query

ROOT = Path(__file__).resolve().parents[1]


def pid_alive(pid: int) -> bool:
    """True while a process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.05)
    return False


def database_exists(server, db: str) -> bool:
    return query(server, None, "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s",
                 (db,)) == [(1,)]


def probe_table(server, db: str) -> str:
    """Create a small table in ``db`` on a scratch server; its SHOW CREATE text
    (which shows whether the database's charset and collation took)."""
    conn = server.connect(db)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE t (id int PRIMARY KEY, name varchar(20))")
            cur.execute("SHOW CREATE TABLE t")
            return cur.fetchone()[1]
    finally:
        conn.close()


def docker_client_or_skip():
    """A Docker SDK client, or a skip; in CI (BASELINE_REQUIRE_DOCKER=1) a failure instead."""
    from baseline.scratch import docker as backend

    ok, detail = backend.engine_status()
    if not ok:
        missing("DOCKER", f"no Docker engine answers: {detail}")
    client = backend._client()
    for image in backend.TEST_IMAGES:
        try:
            client.images.get(image)
        except Exception:
            client.close()
            missing("DOCKER", f"{image} is absent (make test-image)")
    return client


def baseline_cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    """Start ``python -m baseline ARGS`` with Ctrl-C enabled (a background shell may have
    set SIGINT to ignored, which the child would inherit)."""
    def enable_sigint():  # pragma: no cover - runs in the child
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    return subprocess.Popen([sys.executable, "-m", "baseline", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, preexec_fn=enable_sigint)


HOLD_RE = re.compile(r"doctor: holding (.*) for ")


def wait_for_hold(proc: subprocess.Popen, timeout: float = 120.0) -> dict[str, str]:
    """Read the child's stderr up to the ``doctor: holding k=v ...`` line; return the pairs."""
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not sel.select(timeout=0.5):
            if proc.poll() is not None:
                break
            continue
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        m = HOLD_RE.search(line)
        if m:
            return dict(kv.split("=", 1) for kv in m.group(1).split())
    proc.kill()
    out = proc.stdout.read() if proc.stdout else ""
    raise AssertionError(f"the CLI never held a server; stdout: {out!r} stderr: {''.join(seen)!r}")
