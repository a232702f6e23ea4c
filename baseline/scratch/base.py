"""The throwaway-server interface and the backend choice."""
from __future__ import annotations

import contextlib
import secrets
import time
from typing import Iterator

import pymysql

from ..errors import EnvironmentProblem, UsageError
from ..flavor import Flavor
from ..sources.url import ServerURL, is_server_url


class ScratchServer:
    """A server baseline may create and drop databases on.

    Subclasses start something in ``start()`` and undo it in ``stop()``;
    ``url`` is an admin URL without a database.
    """

    kind = "abstract"

    def __init__(self) -> None:
        self.url: ServerURL | None = None
        self.flavor: Flavor | None = None
        self._databases: list[str] = []

    # -- lifecycle
    def start(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def stop(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __enter__(self) -> "ScratchServer":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- use
    def connect(self, database: str | None = None, **kw) -> pymysql.connections.Connection:
        args = self.url.pymysql_kwargs(database=database or False)
        args.update(kw)
        return pymysql.connect(autocommit=True, **args)

    def describe(self) -> str:
        return f"{self.kind} {self.flavor}" if self.flavor else self.kind

    def _read_flavor(self) -> Flavor:
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT VERSION()")
                return Flavor.parse(cur.fetchone()[0])
        finally:
            conn.close()

    def create_database(self, charset: str | None = None, collation: str | None = None,
                        prefix: str = "baseline_scratch") -> str:
        name = f"{prefix}_{time.strftime('%Y%m%d%H%M%S')}_{secrets.token_hex(4)}"
        clause = ""
        if charset:
            clause += f" CHARACTER SET {charset}"
        if collation:
            clause += f" COLLATE {collation}"
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(f"CREATE DATABASE `{name}`{clause}")
        finally:
            conn.close()
        self._databases.append(name)
        return name

    def drop_database(self, name: str) -> None:
        if name not in self._databases:
            raise ValueError(f"refusing to drop a database this server object did not create: {name}")
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
        finally:
            conn.close()
        self._databases.remove(name)

    @contextlib.contextmanager
    def database(self, charset: str | None = None, collation: str | None = None,
                 prefix: str = "baseline_scratch") -> Iterator[str]:
        """A fresh, uniquely named database, dropped when the block ends."""
        name = self.create_database(charset, collation, prefix)
        try:
            yield name
        finally:
            with contextlib.suppress(Exception):
                self.drop_database(name)


def open_scratch(spec: str = "auto", *, image: str | None = None,
                 flavor: Flavor | None = None) -> ScratchServer:
    """Return an (unstarted) scratch server for ``--scratch SPEC``; use it with ``with``."""
    spec = (spec or "auto").strip()
    if is_server_url(spec):
        from .remote import RemoteServer

        return RemoteServer(ServerURL.parse(spec))
    if spec == "local":
        from .local import LocalServer

        return LocalServer()
    if spec == "docker":
        from .docker import DockerServer

        return DockerServer(image=image, flavor=flavor)
    if spec == "auto":
        return _auto(image=image, flavor=flavor)
    raise UsageError(f"unknown --scratch value: {spec!r}",
                     hint="use auto, docker, local, or a server URL (mysql://user:pass@host/)")


def _auto(image: str | None, flavor: Flavor | None) -> ScratchServer:
    from . import docker, local

    if docker.engine_available():
        return docker.DockerServer(image=image, flavor=flavor)
    if local.find_server_binary() is not None:
        return local.LocalServer()
    raise EnvironmentProblem(
        "no throwaway server can be started here: no Docker engine answers and no "
        "mariadbd/mysqld is on PATH",
        hint="install MariaDB (apt-get install mariadb-server) or start Docker; "
             "or pass --scratch mysql://user:pass@host/ to use a server you have; "
             "`baseline doctor` shows what is missing",
    )
