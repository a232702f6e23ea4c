"""Introspection: reading a live schema of N tables, baseline vs its peers.

Same server (bench/source_server.py, default settings), same generated schema
(bench/gen_schema.py, and the legacy-style one of ../shared/bench/gen_legacy.py
where it is at hand), fresh processes, tools interleaved round by round so
background load hits them alike:

* ``baseline inspect URL`` (prints the normalized schema) and
  ``baseline generate URL -o DIR`` (writes 000_initial_schema.sql);
* ``skeema init`` (Debian's skeema 1.9 community: tables and routines; views need
  its premium edition), config files ignored (``--skip-my-cnf``), loopback TCP;
* SQLAlchemy ``MetaData.reflect(views=True)`` and its per-table Inspector calls;
* ``mariadb-dump --no-data --routines --events`` (its defaults otherwise).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from common import BASELINE, HERE, PY, QUICK, CommandFailed, Row, log, run_timed, settle, workloads

SECTION = "introspection"
SIZES = (100, 1000) if QUICK else (100, 1000, 5000)


def schema_file(n: int) -> Path:
    """bench/data/schema-N.sql from the generator (rewritten only when it changes)."""
    from common import GENERATED

    return GENERATED.schema_file(n)


def tools(server, db: str, work: Path) -> list[tuple[str, list[str], dict]]:
    url = server.url(db)
    gen_dir = work / "generate"
    sk_dir = work / "skeema"
    out = [
        ("baseline inspect", [*BASELINE, "inspect", url], {}),
        ("baseline generate", [*BASELINE, "generate", url, "-o", str(gen_dir)],
         {"before": lambda: shutil.rmtree(gen_dir, ignore_errors=True)}),
    ]
    if shutil.which("skeema"):
        out.append(("skeema init", ["skeema", "init", "--skip-my-cnf", "-h", "127.0.0.1", "-P", str(server.port),
                                    "-u", "root", "--schema", db, "-d", sk_dir.name],
                    {"before": lambda: shutil.rmtree(sk_dir, ignore_errors=True), "cwd": str(work)}))
    out += [
        ("SQLAlchemy MetaData.reflect()", [*PY, str(HERE / "peers" / "sqlalchemy_reflect.py"), url, "reflect"], {}),
        ("SQLAlchemy Inspector, per table", [*PY, str(HERE / "peers" / "sqlalchemy_reflect.py"), url, "inspector"],
         {}),
        ("mariadb-dump --no-data", ["mariadb-dump", *server.cli_args(), "--no-data", "--routines", "--events", db],
         {"slow": True}),
    ]
    return out


def run(server, reps: int) -> list[Row]:
    rows: list[Row] = []
    for wl in workloads():
        for n in SIZES:
            rows += _run_one(server, reps, wl, n)
    return rows


def _run_one(server, reps: int, wl, n: int) -> list[Row]:
    rows: list[Row] = []
    db = wl.db(n)
    server.load(db, wl.schema_file(n))
    work = Path(tempfile.mkdtemp(prefix=f"bench-introspect-{n}-"))
    try:
        ts = tools(server, db, work)
        by_tool = {name: Row(SECTION, wl.case(n), name, extra={"n": n, "workload": wl.name})
                   for name, _, _ in ts}
        # warm-up: the first read after loading or starting pays for cold caches
        run_timed([*BASELINE, "inspect", server.url(db)])
        for r in range(reps):
            for name, cmd, opts in ts:
                if opts.get("slow") and n >= 5000 and r > 0:
                    continue  # mariadb-dump takes minutes at 5,000 tables: one run
                if opts.get("before"):
                    opts["before"]()
                settle(server.query)
                try:
                    by_tool[name].samples.append(run_timed(cmd, cwd=opts.get("cwd")))
                except CommandFailed as e:
                    by_tool[name].note = f"failed: {str(e).splitlines()[0][:120]}"
                    log(str(e))
        for name, _, opts in ts:
            row = by_tool[name]
            if opts.get("slow") and n >= 5000:
                row.note = row.note or "one run (takes minutes)"
            rows.append(row)
            log(f"{SECTION} {wl.case(n)}: {name}: {row.seconds and round(row.seconds, 2)} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows
