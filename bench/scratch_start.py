"""Throwaway servers: how long one takes to start, and a whole cycle (start,
create a database, run DDL, stop), per backend: local (with the cached data-folder
template, and without it) and a container from the local test image.

The start is what a user waits for before anything else happens; targets: local
under 1.5 s, container under 5 s.
"""
from __future__ import annotations

import time

from common import Row, Sample, log

SECTION = "throwaway server"
DDL = ("CREATE TABLE a (id int PRIMARY KEY, name varchar(40), KEY ix (name))",
       "CREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id))")


def one_cycle(make) -> tuple[float, float]:
    """(start seconds, whole cycle seconds)."""
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
    return t1 - t0, time.monotonic() - t0


def run(reps: int) -> list[Row]:
    from baseline.scratch import docker as docker_backend
    from baseline.scratch.docker import TEST_IMAGE, DockerServer
    from baseline.scratch.local import LocalServer, find_server_binary, memory_dir

    where = "data in memory" if memory_dir() else "data on disk"
    backends = []
    if find_server_binary():
        LocalServer().__enter__().stop()  # make sure the template exists
        backends.append((f"local, cached template ({where})", LocalServer, 1.5))
        backends.append((f"local, no template ({where})", lambda: LocalServer(use_template=False), None))
    else:
        log("local: skipped (no mariadbd/mysqld on PATH)")
    if docker_backend.engine_available() and TEST_IMAGE in docker_backend.local_server_images():
        backends.append((f"docker {TEST_IMAGE}", lambda: DockerServer(image=TEST_IMAGE), 5.0))
    else:
        log(f"docker: skipped (no engine or no {TEST_IMAGE}; make test-image)")
    rows = []
    for name, make, target in backends:
        start = Row(SECTION, name, "start (until it answers)", extra={"target": target})
        cycle = Row(SECTION, name, "start, database, DDL, stop")
        for _ in range(reps):
            s, c = one_cycle(make)
            start.samples.append(Sample(s))
            cycle.samples.append(Sample(c))
        rows += [start, cycle]
        log(f"{SECTION} {name}: start {start.seconds:.2f} s, cycle {cycle.seconds:.2f} s")
    return rows
