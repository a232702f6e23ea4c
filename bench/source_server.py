"""The benchmark's source server: a local MariaDB with its *default* settings.

It stands for the legacy production server every tool reads, so it is not tuned
for anyone: ``--no-defaults`` plus what a private instance needs (its own
folder, socket, loopback port, temporary folder). Its data folder lives in
``bench/data/source-server`` and is kept between runs; the generated schemas are
loaded once (``mariadb`` client) into ``g100``, ``g1000``, ``g5000``... and
reloaded only when the generator's output changes (fingerprint file).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pymysql

from common import DATA, log

FOLDER = DATA / "source-server"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _which(name: str) -> str:
    found = shutil.which(name) or next((d + name for d in ("/usr/sbin/", "/usr/local/sbin/")
                                        if os.access(d + name, os.X_OK)), None)
    if found is None:
        raise SystemExit(f"bench: {name} not found (apt-get install mariadb-server)")
    return found


class SourceServer:
    def __init__(self, folder: Path = FOLDER):
        self.folder = folder
        self.datadir = folder / "data"
        self.sock = folder / "mysqld.sock"
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url_base(self) -> str:
        return f"mysql://root@127.0.0.1:{self.port}"

    def url(self, db: str) -> str:
        return f"{self.url_base}/{db}"

    def cli_args(self) -> list[str]:
        return ["-h", "127.0.0.1", "-P", str(self.port), "-u", "root"]

    def __enter__(self) -> "SourceServer":
        self.folder.mkdir(parents=True, exist_ok=True)
        user = ["--user=root"] if os.geteuid() == 0 else []
        if not (self.datadir / "mysql").is_dir():
            log("initializing the source server's data folder")
            shutil.rmtree(self.datadir, ignore_errors=True)
            subprocess.run([_which("mariadb-install-db"), "--no-defaults", f"--datadir={self.datadir}",
                            "--auth-root-authentication-method=normal", "--skip-test-db", *user],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tmp = self.folder / "tmp"
        tmp.mkdir(exist_ok=True)
        self.log = open(self.folder / "server.log", "ab")
        self.proc = subprocess.Popen(
            [_which("mariadbd"), "--no-defaults", f"--datadir={self.datadir}", f"--socket={self.sock}",
             f"--port={self.port}", "--bind-address=127.0.0.1", f"--tmpdir={tmp}",
             f"--pid-file={self.folder / 'mysqld.pid'}", *user],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:
            try:
                self.connect().close()
                break
            except pymysql.err.OperationalError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"bench: the source server did not start; see {self.folder / 'server.log'}") \
                        from None
                time.sleep(0.1)
        with self.connect() as c, c.cursor() as cur:
            cur.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'")
            cur.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION")
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def connect(self, db: str | None = None):
        return pymysql.connect(unix_socket=str(self.sock), user="root", database=db, autocommit=True)

    def query(self, sql: str) -> list[tuple]:
        with self.connect() as c, c.cursor() as cur:
            cur.execute(sql)
            return list(cur.fetchall())

    def variables(self, *names: str) -> dict[str, str]:
        with self.connect() as c, c.cursor() as cur:
            cur.execute("SHOW GLOBAL VARIABLES WHERE Variable_name IN (" + ",".join(["%s"] * len(names)) + ")",
                        names)
            return dict(cur.fetchall())

    # ------------------------------------------------------------------ data

    def _marks(self) -> dict:
        p = self.folder / "loaded.json"
        return json.loads(p.read_text()) if p.exists() else {}

    def _save_marks(self, marks: dict) -> None:
        (self.folder / "loaded.json").write_text(json.dumps(marks, indent=1))

    def load(self, db: str, sql_file: Path) -> float | None:
        """Have ``db`` hold exactly ``sql_file``; returns the load time, None when it was there."""
        digest = hashlib.sha256(sql_file.read_bytes()).hexdigest()
        marks = self._marks()
        with self.connect() as c, c.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s", (db,))
            present = cur.fetchone()[0] == 1
            if present and marks.get(db) == digest:
                return None
            cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
            cur.execute(f"CREATE DATABASE `{db}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
        log(f"loading {sql_file.name} into {db} on the source server")
        t0 = time.perf_counter()
        with open(sql_file, "rb") as f:
            subprocess.run(["mariadb", f"--socket={self.sock}", "-u", "root", db], stdin=f, check=True)
        dt = time.perf_counter() - t0
        marks[db] = digest
        self._save_marks(marks)
        return dt

    def fresh_database(self, db: str) -> None:
        with self.connect() as c, c.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
            cur.execute(f"CREATE DATABASE `{db}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")

    def drop_database(self, db: str) -> None:
        with self.connect() as c, c.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
