"""`make bench`: baseline and its peers, side by side, on the same data in one run.

Sections (bench/<section>.py): introspection of N generated tables (baseline
inspect/generate, skeema init, SQLAlchemy, mariadb-dump), verify of a baseline
of N tables (baseline verify, skeema diff, the plain mariadb client), the same
two on a MySQL 9.7 server (bench/mysql.py: skeema, mysqldump, the mysql client), dump
reading at 1 and 5 GiB (the reader, cat|cat, sqlparse.split), throwaway server
start. Each figure is the median of several runs of a fresh process; tools
are interleaved round by round so background load hits them alike.

Writes bench/RESULTS.md (tables, the machine, a closing note with the ratios
and every target met or missed) and bench/out/results.json (every run).

    make bench                      # the full run (about half an hour)
    BENCH_QUICK=1 make bench        # small sizes, one run each: bench/out/RESULTS-quick.md
    python bench/run.py --only dump # some sections: bench/out/RESULTS-partial.md

Generated schemas and dumps go to bench/data/ (git-ignored) and are reused.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import common  # noqa: E402
import machine  # noqa: E402
from common import OUT, QUICK, Row, log  # noqa: E402
from report import render  # noqa: E402

SECTIONS = ("introspection", "verify", "mysql", "dump", "scratch")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", choices=SECTIONS, help="run only these sections (repeatable)")
    ap.add_argument("--reps", type=int, help="runs per measurement (default 3; quick 1)")
    ap.add_argument("--render", metavar="JSON", help="only write the report again from a results.json")
    args = ap.parse_args()
    if args.render:
        return rerender(Path(args.render))
    chosen = args.only or list(SECTIONS)
    reps = args.reps or (1 if QUICK else 3)
    started = time.time()
    facts = machine.facts()
    facts["load average at start (1/5/15 min)"] = machine.load_average()
    rows: list[Row] = []
    breakdowns: list[dict] = []
    server_vars = {}
    log(f"sections: {', '.join(chosen)}; {reps} run(s) each; {'quick' if QUICK else 'full'} sizes")
    common.install_checkout()

    def checkpoint() -> None:
        """Every row measured so far in results.json: a run that ends early keeps them."""
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "results.json").write_text(json.dumps(
            {"facts": facts, "server": server_vars, "rows": [r.as_json() for r in rows],
             "verify_breakdown": breakdowns}, indent=1) + "\n")

    def section(name: str, run) -> None:
        """One section; its failure is logged and the others still run."""
        try:
            run()
        except Exception as e:  # noqa: BLE001 - a benchmark run goes on without the section
            import traceback

            log(f"section {name} failed: {e}\n{traceback.format_exc()}")
        checkpoint()

    if "introspection" in chosen or "verify" in chosen:
        from source_server import SourceServer

        with SourceServer() as server:
            server_vars = server.variables("version", "table_definition_cache", "table_open_cache",
                                           "innodb_buffer_pool_size", "innodb_flush_log_at_trx_commit")
            if "introspection" in chosen:
                import introspect

                section("introspection", lambda: rows.extend(introspect.run(server, reps)))
            if "verify" in chosen:
                import verify

                def run_verify() -> None:
                    v_rows, found = verify.run(server, reps)
                    rows.extend(v_rows)
                    breakdowns.extend(found)

                section("verify", run_verify)
    if "mysql" in chosen:
        import mysql

        section("mysql", lambda: rows.extend(mysql.run(reps)))
    if "dump" in chosen:
        import dump_read

        section("dump", lambda: rows.extend(dump_read.run(reps)))
    if "scratch" in chosen:
        import scratch_start

        section("scratch", lambda: rows.extend(scratch_start.run(max(reps, 2) if QUICK else 5)))
    facts["load average at end (1/5/15 min)"] = machine.load_average()
    facts["bench duration"] = f"{(time.time() - started) / 60:.1f} min"
    facts["run finished"] = time.strftime("%Y-%m-%d %H:%M %Z")
    text = render(rows, breakdowns, facts, server_vars, quick=QUICK)
    checkpoint()
    if QUICK:
        target = OUT / "RESULTS-quick.md"
    elif args.only and set(args.only) != set(SECTIONS):
        target = OUT / "RESULTS-partial.md"
    else:
        target = HERE / "RESULTS.md"
    from baseline.util.atomic import write_file

    write_file(target, text)
    print(text)
    log(f"wrote {target.relative_to(HERE.parent)}")
    return 0


def rerender(path: Path) -> int:
    """RESULTS.md again from a results.json (after a change to the report's layout)."""
    from common import Sample

    data = json.loads(path.read_text())
    rows = [Row(r["section"], r["case"], r["tool"], samples=[Sample(x["seconds"], x["rss"]) for x in r["runs"]],
                note=r["note"], size=r["size"], extra=r["extra"],
                seconds_override=r["seconds"] if r["tool"].startswith(("sqlparse", "cat ")) else None)
            for r in data["rows"]]
    quick = "0.0625 GiB" in json.dumps(data["rows"])
    text = render(rows, data["verify_breakdown"], data["facts"], data["server"], quick=quick)
    from baseline.util.atomic import write_file

    target = OUT / "RESULTS-quick.md" if quick else HERE / "RESULTS.md"
    write_file(target, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
