"""Benchmarks. `make bench` runs this.

Built so far: the throwaway-server layer (how long a scratch server takes to
start, create a database, run DDL and go away, per backend). The pipeline
benchmarks (generate/verify on the corpus) are not built yet; they are added
here by the modules that own them.

Results print as a table and are written to bench/out/scratch.json.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from baseline.scratch import docker as docker_backend  # noqa: E402
from baseline.scratch.docker import TEST_IMAGE, DockerServer  # noqa: E402
from baseline.scratch.local import LocalServer, find_server_binary  # noqa: E402
from baseline.util.atomic import write_file  # noqa: E402

DDL = ("CREATE TABLE a (id int PRIMARY KEY, name varchar(40), KEY ix (name))",
       "CREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id))")


def one_cycle(make) -> dict[str, float]:
    t0 = time.monotonic()
    server = make()
    with server:
        t1 = time.monotonic()
        with server.database(charset="utf8mb4", collation="utf8mb4_unicode_ci") as db:
            conn = server.connect(db)
            with conn.cursor() as cur:
                for ddl in DDL:
                    cur.execute(ddl)
            conn.close()
        t2 = time.monotonic()
    t3 = time.monotonic()
    return {"start": t1 - t0, "database+ddl": t2 - t1, "stop": t3 - t2, "total": t3 - t0}


def bench(name: str, make, repeat: int) -> dict:
    runs = [one_cycle(make) for _ in range(repeat)]
    summary = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"  {name:<36} " + "  ".join(f"{k} {v:6.3f} s" for k, v in summary.items()), flush=True)
    return {"name": name, "repeat": repeat, "median": summary, "runs": runs}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    results = []
    print(f"scratch servers (median of {args.repeat}):")
    if find_server_binary():
        results.append(bench("local, no template", lambda: LocalServer(use_template=False), args.repeat))
        LocalServer().__enter__().stop()  # make sure the template exists
        results.append(bench("local, cached template", LocalServer, args.repeat))
    else:
        print("  local: skipped (no mariadbd/mysqld on PATH)")
    if docker_backend.engine_available() and TEST_IMAGE in docker_backend.local_server_images():
        results.append(bench(f"docker {TEST_IMAGE}", lambda: DockerServer(image=TEST_IMAGE), args.repeat))
    else:
        print(f"  docker: skipped (no engine or no {TEST_IMAGE}; make test-image)")
    print("pipeline benchmarks (generate/verify on the corpus): not built yet")
    write_file(ROOT / "bench" / "out" / "scratch.json", json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
