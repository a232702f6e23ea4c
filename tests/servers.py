"""The server matrix: every server baseline supports, each with its own client and
dump tool (never mocks).

* ``mariadb-10.11``: local ``mariadbd`` processes (Debian 12's server), with the
  ``mariadb``/``mariadb-dump`` on this machine;
* ``mysql-9.7`` and ``mariadb-11.8``: containers of the local test images
  (``make test-image``), with the ``mysql``/``mysqldump`` and
  ``mariadb``/``mariadb-dump`` inside them.

A flavor comes as a :class:`Pair`: ``source`` plays production (a schema is
loaded there with the server's own client), ``target`` receives a baseline in a
database of the same name, so the two servers' ``SHOW CREATE`` texts compare
with no renaming at all (:mod:`baseline.compare.servertext`).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from dataclasses import dataclass

from baseline.compare.servertext import read_texts, text_differences
from baseline.scratch.base import ScratchServer
from baseline.sql.literals import quote_ident
from requirements import missing

#: Keys of the matrix, in test order.
MATRIX = ("mariadb-10.11", "mysql-9.7", "mariadb-11.8")
#: The local test image of each containerized member.
IMAGES = {"mysql-9.7": "baseline-test-mysql:9.7", "mariadb-11.8": "baseline-test-mariadb:11.8"}


@dataclass
class MatrixServer:
    """One running server of the matrix, with its stock tools."""

    key: str
    server: ScratchServer

    @property
    def flavor(self):
        return self.server.flavor

    @property
    def container(self) -> str | None:
        return getattr(self.server, "container_id", None)

    @property
    def is_mysql(self) -> bool:
        return self.key.startswith("mysql")

    def url(self, database: str | None = None) -> str:
        """The URL to give baseline, password included."""
        return self.server.url.with_database(database).unredacted()

    # ------------------------------------------------------------------ tools
    def _tool(self, mysql: str, mariadb: str) -> list[str]:
        """The command line of a stock tool, logged in as root, before its own arguments."""
        url = self.server.url
        name = mysql if self.is_mysql else mariadb
        if self.container:
            # inside the container; the password goes through the environment (see _env), never argv
            return ["docker", "exec", "-i", "-e", "MYSQL_PWD", self.container, name, "--no-defaults", "-uroot"]
        exe = shutil.which(name)
        if exe is None:
            missing("SERVER", f"no {name} on PATH (apt-get install mariadb-client)")
        args = [exe, "--no-defaults", f"-u{url.user or 'root'}"]
        return args + ([f"--socket={url.unix_socket}"] if url.unix_socket else ["-h", url.host, "-P", str(url.port)])

    def _env(self) -> dict:
        return {**os.environ, "MYSQL_PWD": self.server.url.password or ""}

    def client(self, text: str | bytes, database: str | None = None) -> subprocess.CompletedProcess:
        """Run ``text`` through the server's own command-line client (utf8mb4, as a
        modern client connects), as a user would; ``CompletedProcess`` with bytes."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        args = self._tool("mysql", "mariadb") + ["--default-character-set=utf8mb4"]
        return subprocess.run(args + ([database] if database else []), input=data, capture_output=True,
                              timeout=600, env=self._env())

    def load(self, text: str | bytes, database: str | None = None) -> None:
        proc = self.client(text, database)
        if proc.returncode != 0:
            raise AssertionError(f"{self.key} client failed: {proc.stderr.decode(errors='replace')[:2000]}")

    def dump(self, database: str) -> bytes:
        """The schema of ``database`` as the server's own dump tool writes it."""
        args = self._tool("mysqldump", "mariadb-dump") + [
            "--no-data", "--routines", "--triggers", "--events", "--skip-lock-tables"]
        if self.is_mysql:
            args.append("--set-gtid-purged=OFF")
        proc = subprocess.run(args + [database], capture_output=True, timeout=600, env=self._env())
        if proc.returncode != 0:
            raise AssertionError(f"{self.key} dump failed: {proc.stderr.decode(errors='replace')[:2000]}")
        return proc.stdout

    # ------------------------------------------------------------------ databases
    def sql(self, *statements: str, database: str | None = None) -> list[tuple]:
        conn = self.server.connect(database)
        try:
            with conn.cursor() as cur:
                rows: list[tuple] = []
                for st in statements:
                    cur.execute(st)
                    rows = [tuple(r) for r in cur.fetchall()] if cur.description else []
                return rows
        finally:
            conn.close()

    def create(self, database: str, charset: str, collation: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {quote_ident(database)}",
                 f"CREATE DATABASE {quote_ident(database)} CHARACTER SET {charset} COLLATE {collation}")

    def drop(self, *databases: str) -> None:
        self.sql(*(f"DROP DATABASE IF EXISTS {quote_ident(d)}" for d in databases))

    def defaults(self, database: str) -> tuple[str, str]:
        (row,) = self.sql("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM "
                          f"information_schema.SCHEMATA WHERE SCHEMA_NAME = '{database}'")
        return row

    def databases(self) -> set[str]:
        return {r[0] for r in self.sql("SHOW DATABASES")} - {
            "mysql", "sys", "information_schema", "performance_schema"}

    def texts(self, database: str):
        conn = self.server.connect()
        try:
            return read_texts(conn, database)
        finally:
            conn.close()


@dataclass
class Pair:
    """Two servers of one flavor: ``source`` (production) and ``target``."""

    key: str
    source: MatrixServer
    target: MatrixServer

    def differences(self, database: str) -> list[str]:
        """How the server shows ``database`` on ``target`` differently from ``source``."""
        return text_differences(self.source.texts(database), self.target.texts(database), ("source", "rebuilt"))


def _start(key: str) -> ScratchServer:
    if key == "mariadb-10.11":
        from baseline.scratch.local import LocalServer
        from requirements import server_binary

        server_binary()
        return LocalServer()
    from baseline.scratch.docker import DockerServer
    from scratch_helpers import docker_client_or_skip

    docker_client_or_skip().close()
    return DockerServer(image=IMAGES[key])


@contextlib.contextmanager
def started_pair(key: str):
    """A :class:`Pair` of running servers of ``key``'s flavor, stopped afterwards."""
    with _start(key) as a, _start(key) as b:
        yield Pair(key, MatrixServer(key, a), MatrixServer(key, b))


def matrix_keys() -> tuple[str, ...]:
    """``BASELINE_MATRIX=mysql-9.7,...`` narrows the matrix (a developer's quick run)."""
    wanted = os.environ.get("BASELINE_MATRIX")
    if not wanted:
        return MATRIX
    keys = tuple(k.strip() for k in wanted.split(",") if k.strip())
    unknown = set(keys) - set(MATRIX)
    assert not unknown, f"BASELINE_MATRIX names unknown servers {sorted(unknown)}; known: {MATRIX}"
    return keys
