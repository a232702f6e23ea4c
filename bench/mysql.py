"""MySQL 9.7: introspection and verify on a MySQL server, baseline beside its peers.

The source server is a container of the local MySQL test image (``make
test-image``: Debian's mysql-server-core 9.7, whose catalog and SHOW CREATE are
MySQL 8.0.19+'s), started once with MySQL's default settings and its data on
disk (:data:`SOURCE_OPTIONS`: the production server every tool reads, tuned for
none, as the MariaDB source of bench/source_server.py). The schemas are ``bench/gen_schema.py``'s,
MySQL variant (every table InnoDB), and the legacy-style workload in MySQL's
dialect (bench/legacy_mysql.py: what a MySQL server accepts of it, counted in
the case's label). Fresh processes, interleaved round by round:

* introspection: ``baseline inspect`` and ``baseline generate`` against the
  server URL; ``skeema init``; ``mysqldump --no-data --routines --events`` (run
  inside the container: the MySQL client tools live there);
* verify: ``baseline verify --scratch docker --image baseline-test-mysql:9.7``
  (a container of its own, started and removed by every run); ``skeema diff``
  in a ``skeema init`` folder (it loads every CREATE into a temporary schema on
  the source server); the stock ``mysql`` client loading the same baseline into
  an empty database on the source server.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import BASELINE, DATA, QUICK, CommandFailed, Row, log, n_label, python_env, run_timed, settle

SECTION = "mysql"
IMAGE = "baseline-test-mysql:9.7"
SIZES = (100,) if QUICK else (100, 1000, 5000)
#: Sizes measured once (a round of every tool takes minutes there), without mysqldump
#: (about 36 s per 1,000 tables on this server: it reads each table's DDL apart).
ONE_RUN = 5000
#: The source server's options over the test image's throwaway ones: MySQL's
#: defaults (binary log, durable commits, doublewrite buffer).
SOURCE_OPTIONS = ("--log-bin=binlog", "--innodb-flush-log-at-trx-commit=1", "--innodb-doublewrite=ON")


def schema_file(n: int) -> Path:
    import gen_schema

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"schema-mysql-{n}.sql"
    text = gen_schema.generate(n, flavor="mysql")
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


class MySQLSource:
    """The MySQL source server, a container; tools inside it get the root
    password through their environment (``MYSQL_PWD``), never argv."""

    def __enter__(self) -> "MySQLSource":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from baseline.scratch.docker import DockerServer

        self.server = DockerServer(image=IMAGE)
        # MySQL's own settings, data on disk: the production server every tool reads,
        # tuned for none (as bench/source_server.py's MariaDB); the image's
        # throwaway settings turned back
        self.server.options = list(SOURCE_OPTIONS)
        memory = os.environ.get("BASELINE_SCRATCH_MEMORY")
        os.environ["BASELINE_SCRATCH_MEMORY"] = "0"
        try:
            self.server.__enter__()
        finally:
            if memory is None:
                os.environ.pop("BASELINE_SCRATCH_MEMORY", None)
            else:
                os.environ["BASELINE_SCRATCH_MEMORY"] = memory
        self.url0 = self.server.url
        self.version = self.sql("SELECT VERSION()")[0][0]
        return self

    def __exit__(self, *exc) -> None:
        self.server.__exit__(*exc)

    @property
    def port(self) -> int:
        return self.url0.port

    def url(self, db: str) -> str:
        """The URL every tool gets (skeema the same host and port): loopback, where
        the container's port is published (the engine may hand out its bridge's
        address instead)."""
        from dataclasses import replace

        return replace(self.url0, host="127.0.0.1").with_database(db).unredacted()

    def env(self) -> dict[str, str]:
        return {"MYSQL_PWD": self.url0.password}

    def sql(self, *statements: str) -> list[tuple]:
        conn = self.server.connect()
        try:
            with conn.cursor() as cur:
                rows: list[tuple] = []
                for st in statements:
                    cur.execute(st)
                    rows = list(cur.fetchall())
                return rows
        finally:
            conn.close()

    def inside(self, *args: str) -> list[str]:
        """A command run in the container (its MySQL tools)."""
        return ["docker", "exec", "-i", "-e", "MYSQL_PWD", self.server.container_id, *args]

    def fresh(self, db: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS `{db}`",
                 f"CREATE DATABASE `{db}` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci")

    def load(self, db: str, path: Path) -> None:
        self.fresh(db)
        with open(path, "rb") as f:
            subprocess.run(self.inside("mysql", "-uroot", db), stdin=f, check=True,
                           env={**os.environ, **self.env()}, stdout=subprocess.DEVNULL)


def run(reps: int) -> list[Row]:
    from common import LEGACY_GEN

    rows: list[Row] = []
    with MySQLSource() as server:
        log(f"{SECTION}: source server MySQL {server.version} in a container of {IMAGE}")
        for legacy in (False, True) if LEGACY_GEN.is_file() else (False,):
            for n in SIZES:
                try:
                    rows += _size(server, n, 1 if n >= ONE_RUN else reps, legacy)
                except (subprocess.CalledProcessError, OSError) as e:  # one case lost, not the run
                    log(f"{SECTION} {n_label(n)}{', legacy' if legacy else ''}: not measured: {e}")
    return rows


def _size(server: MySQLSource, n: int, reps: int, legacy: bool = False) -> list[Row]:
    """Every tool on the schema of ``n`` tables, interleaved round by round."""
    import legacy_mysql

    db = f"{'l' if legacy else 'g'}{n}"
    case = n_label(n)
    if legacy:
        path, counts = legacy_mysql.mysql_file(n, server)
        case += f", legacy ({counts['tables_kept']:,} of {counts['tables']:,} tables)"
    else:
        path = schema_file(n)
    server.load(db, path)
    work = Path(tempfile.mkdtemp(prefix=f"bench-mysql-{n}-"))
    migrations = work / "migrations"
    subprocess.run([*BASELINE, "generate", server.url(db), "-o", str(migrations)], check=True,
                   stdout=subprocess.DEVNULL, env={**os.environ, **python_env()})
    baseline_file = migrations / "000_initial_schema.sql"
    skeema = shutil.which("skeema")
    # readTimeout: skeema's default (20 s) is shorter than its foreign-key catalog query
    # takes on MySQL 9.7 at 5,000 tables (the connection dies, exit 2); raised for every size
    sk_init = ["skeema", "init", "--skip-my-cnf", "-h", "127.0.0.1", "-P", str(server.port), "-u", "root",
               "--schema", db, "--connect-options", "readTimeout=600s"]
    skdiff_failed = ""
    if skeema:  # the folder skeema diff works in
        made = subprocess.run([*sk_init, "-d", "skdiff"], cwd=work, env={**os.environ, **server.env()},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if made.returncode != 0:  # then skeema diff has no folder: its row says why, the others run
            skdiff_failed = (f"skeema init for its folder failed (exit {made.returncode}): "
                             f"{(made.stderr.strip().splitlines() or [''])[-1][:120]}")
            log(f"{SECTION} {n_label(n)}: {skdiff_failed}")
    loads = iter(range(10**6))
    target: dict[str, str] = {}

    def fresh_target() -> None:
        target["db"] = f"bench_load_{next(loads)}"
        server.fresh(target["db"])

    tools = [
        ("introspection", "baseline inspect", lambda: [*BASELINE, "inspect", server.url(db)], {}),
        ("introspection", "baseline generate", lambda: [*BASELINE, "generate", server.url(db), "-o", str(work / "gen")],
         {"before": lambda: shutil.rmtree(work / "gen", ignore_errors=True)}),
    ]
    # with TLS, as skeema negotiates it (baseline reads a server on this machine without it)
    tools.append(("introspection", "baseline generate, TLS as skeema",
                  lambda: [*BASELINE, "generate", server.url(db) + "?ssl_disabled=0", "-o", str(work / "gen")],
                  {"before": lambda: shutil.rmtree(work / "gen", ignore_errors=True)}))
    if skeema:
        tools.append(("introspection", "skeema init", lambda: [*sk_init, "-d", "skinit"],
                      {"before": lambda: shutil.rmtree(work / "skinit", ignore_errors=True), "cwd": work,
                       "env": server.env()}))
    if n < ONE_RUN:
        tools.append(("introspection", "mysqldump --no-data (in the container)",
                      lambda: server.inside("mysqldump", "-uroot", "--no-data", "--routines", "--events",
                                            "--set-gtid-purged=OFF", db), {"env": server.env()}))
    tools += [
        ("verify", "baseline verify",
         lambda: [*BASELINE, "verify", "--migrations", str(migrations), "--against", server.url(db),
                  "--scratch", "docker", "--image", IMAGE], {}),
    ]
    # skeema diff replays each file in a workspace with the server's default sql_mode,
    # which refuses the legacy app's zero dates: it gets the session the schema was
    # loaded with (legacy_mysql.SQL_MODE), as the client load and baseline do
    sk_diff = ["skeema", "diff", "--skip-my-cnf", "--connect-options", "readTimeout=600s" + (
        f",sql_mode='{legacy_mysql.SQL_MODE}'" if legacy else "")]
    if skeema and not skdiff_failed:  # exit 1: skeema 1.9 counts the tables it cannot diff on MySQL 9.7 as differences
        tools.append(("verify", "skeema diff", lambda: sk_diff,
                      {"cwd": work / "skdiff", "env": server.env(), "ok": (0, 1),
                       "note": "skeema 1.9 skips the tables whose features it cannot diff on MySQL 9.7 and exits 1"}))
    tools.append(("verify", "mysql client load, source server", lambda: server.inside("mysql", "-uroot", target["db"]),
                  {"stdin": baseline_file, "before": fresh_target, "env": server.env()}))
    one = " (one run)" if reps == 1 and n >= ONE_RUN else ""
    by = {(section, name): Row(SECTION, f"{section}, {case}", name,
                               extra={"n": n, "kind": section, "workload": "legacy" if legacy else "generated"},
                               note=one.strip(" ()") if one else "")
          for section, name, _, _ in tools}
    for _ in range(reps):
        for section, name, cmd, opts in tools:
            if opts.get("before"):
                opts["before"]()
            settle(server.sql)
            row = by[(section, name)]
            try:
                row.samples.append(run_timed(cmd(), stdin=opts.get("stdin"), cwd=opts.get("cwd"),
                                             env=opts.get("env"), ok=opts.get("ok", (0,))))
                row.note = opts.get("note", row.note)
            except CommandFailed as e:
                row.note = f"failed: {str(e).splitlines()[0][:120]}"
                log(str(e))
    for row in by.values():
        log(f"{SECTION} {row.case}: {row.tool}: {row.seconds and round(row.seconds, 2)} s")
    for k in range(next(loads)):
        server.sql(f"DROP DATABASE IF EXISTS `bench_load_{k}`")
    shutil.rmtree(work, ignore_errors=True)
    return list(by.values())


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run bench/run.py")
