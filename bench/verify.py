"""Verify: replay a baseline of N tables into a throwaway server, introspect, compare.

The input is the ``000_initial_schema.sql`` that ``baseline generate`` writes
for the source database gN (generated once per run, not timed), alone in a
migrations folder. Measured, fresh processes, interleaved round by round:

* ``baseline verify --migrations DIR --against URL --scratch local`` (the CLI;
  while it is not built, ``bench/verify_pieces.py`` does the same work through
  the library, and the row says so);
* ``skeema diff`` in a ``skeema init`` folder of the same schema: skeema loads
  every CREATE into a temporary schema on the source server (its default
  ``workspace=temp-schema``), introspects it and diffs it with the live one;
* the plain ``mariadb`` client loading the same file into an empty database:
  (a) on the source server (a server with default settings, data on disk), and
  (b) on a throwaway server started like baseline's (``LocalServer``: data in
  memory where the machine has a memory file system), for the like-for-like view.

The breakdown table (from verify_pieces) shows where verify's time goes.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from common import BASELINE, DATA, HERE, PY, QUICK, python_env, CommandFailed, Row, log, run_timed, settle, workloads

SECTION = "verify"
SIZES = (100, 1000) if QUICK else (100, 1000, 5000)
PIECES = HERE / "verify_pieces.py"


def prepare(server, db: str) -> tuple[Path, Path | None]:
    """The migrations folder holding the baseline of ``db``, and a skeema folder of it
    (``db`` is loaded by the introspection section, or here)."""
    work = DATA / f"verify-{db}"
    migrations = work / "migrations"
    shutil.rmtree(work, ignore_errors=True)
    migrations.mkdir(parents=True)
    subprocess.run([*BASELINE, "generate", server.url(db), "-o", str(migrations)], check=True,
                   stdout=subprocess.DEVNULL, env=_env())
    skeema_dir = None
    if shutil.which("skeema"):
        skeema_dir = work / "skeema"
        subprocess.run(["skeema", "init", "--skip-my-cnf", "-h", "127.0.0.1", "-P", str(server.port), "-u", "root",
                        "--schema", db, "-d", skeema_dir.name], check=True, cwd=work,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return migrations, skeema_dir


def _env() -> dict[str, str]:
    import os

    return {**os.environ, **python_env()}


def verify_cli_available() -> bool:
    p = subprocess.run([*BASELINE, "verify", "--help"], capture_output=True, text=True, env=_env())
    if p.returncode != 0:
        return False
    probe = subprocess.run([*BASELINE, "verify", "--migrations", str(HERE), "--against", str(HERE / "missing.sql")],
                           capture_output=True, text=True, env=_env())
    return "not built yet" not in probe.stderr


class _Throwaway:
    """A fresh throwaway server per run for the like-for-like client load (dropping
    thousands of tables between runs would take longer than starting anew)."""

    def __init__(self):
        self.server = None

    def before(self) -> None:
        from baseline.scratch.local import LocalServer

        self.server = LocalServer()
        self.server.__enter__()
        conn = self.server.connect()
        with conn.cursor() as cur:
            cur.execute("CREATE DATABASE bench_load CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
        conn.close()

    def cmd(self) -> list[str]:
        return ["mariadb", f"--socket={self.server.url.unix_socket}", "-u", "root", "bench_load"]

    def after(self) -> None:
        if self.server is not None:
            self.server.__exit__(None, None, None)
            self.server = None


def run(server, reps: int) -> tuple[list[Row], list[dict]]:
    rows: list[Row] = []
    breakdowns: list[dict] = []
    cli = verify_cli_available()
    log(f"{SECTION}: baseline verify CLI {'present' if cli else 'not built yet: timing the same work via verify_pieces.py'}")
    for wl, n in [(wl, n) for wl in workloads() for n in SIZES]:
        server.load(wl.db(n), wl.schema_file(n))
        migrations, skeema_dir = prepare(server, wl.db(n))
        baseline_file = migrations / "000_initial_schema.sql"
        url = server.url(wl.db(n))
        verify_name = "baseline verify" if cli else "baseline verify (library, CLI not built yet)"
        verify_cmd = ([*BASELINE, "verify", "--migrations", str(migrations), "--against", url, "--scratch", "local"]
                      if cli else [*PY, str(PIECES), str(migrations), url, "--scratch", "local"])
        loads = iter(range(10**6))
        throwaway = _Throwaway()
        tools = [(verify_name, lambda c=verify_cmd: c, {}),
                 (f"{verify_name}, CREATE TABLEs over 3 connections", lambda c=verify_cmd: c,
                  {"env": {"BASELINE_REPLAY_CONNECTIONS": "3"}})]
        if skeema_dir is not None:
            tools.append(("skeema diff", lambda: ["skeema", "diff", "--skip-my-cnf"],
                          # exit 1: differences, or tables it skips as unsupported (the legacy workload's
                          # partitioned and Aria tables); still the time of its whole pass
                          {"cwd": str(skeema_dir), "slow": True, "ok": (0, 1)}))
        source_db = {}

        def fresh_source_db(source_db=source_db, loads=loads):  # this size's, bound now
            source_db["name"] = f"bench_load_{next(loads)}"
            server.fresh_database(source_db["name"])

        tools.append(("mariadb client load, source server (defaults, disk)",
                      lambda source_db=source_db: ["mariadb", f"--socket={server.sock}", "-u", "root",
                                                   source_db["name"]],
                      {"stdin": baseline_file, "before": fresh_source_db, "slow": True}))
        tools.append(("mariadb client load, throwaway server like baseline's", throwaway.cmd,
                      {"stdin": baseline_file, "before": throwaway.before, "after": throwaway.after}))
        by = {name: Row(SECTION, wl.case(n), name, extra={"n": n, "workload": wl.name}) for name, _, _ in tools}
        try:
            for r in range(reps):
                for name, cmd, opts in tools:
                    if opts.get("slow") and n >= 5000 and r > 0:
                        continue
                    if opts.get("before"):
                        opts["before"]()
                    settle(server.query)
                    try:
                        by[name].samples.append(run_timed(cmd(), stdin=opts.get("stdin"), cwd=opts.get("cwd"),
                                                          env=opts.get("env"), ok=opts.get("ok", (0,))))
                    except CommandFailed as e:
                        by[name].note = f"failed: {str(e).splitlines()[0][:120]}"
                        log(str(e))
                    finally:
                        if opts.get("after"):
                            opts["after"]()
        finally:
            throwaway.after()
        # where verify's time goes (one more run of the library version, its own timers)
        p = subprocess.run([*PY, str(PIECES), str(migrations), url, "--scratch", "local"],
                           capture_output=True, text=True, env=_env())
        if p.returncode == 0:
            breakdowns.append({"n": n, "workload": wl.name, **json.loads(p.stdout)})
        else:
            log(f"verify_pieces failed: {p.stderr[-500:]}")
        for name, _, opts in tools:
            row = by[name]
            if opts.get("slow") and n >= 5000:
                row.note = row.note or "one run (slow)"
            rows.append(row)
            log(f"{SECTION} {wl.case(n)}: {name}: {row.seconds and round(row.seconds, 2)} s")
        log(f"{SECTION}: dropping the loaded copies on the source server (not timed)")
        for k in range(next(loads)):
            server.drop_database(f"bench_load_{k}")
    return rows, breakdowns


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run bench/run.py")
