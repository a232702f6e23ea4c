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
from .guard import deferred_signals

#: Prefix of every scratch database name (``<prefix>_<UTC time>_<random>``).
DB_PREFIX = "baseline_scratch"


class ScratchServer:
    """A server baseline may create and drop databases on.

    Subclasses start something in ``start()`` and undo it in ``stop()``
    (which must be safe to call twice, and after a failed or partial start);
    ``url`` is an admin URL without a database; ``flavor`` is the server's
    flavor and version once started. Used as a context manager, ``stop()`` runs
    on success, on error and on Ctrl-C/SIGTERM, and a second signal cannot cut
    it short (:func:`~.guard.deferred_signals`).
    """

    kind = "abstract"
    #: Stopping the server discards everything on it (a local process, a
    #: container), so a database need not be dropped first: ``database(drop=False)``
    #: skips the DROP there (26 s for a database of 5,000 tables) and keeps it elsewhere.
    disposable = False

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
            with deferred_signals():
                self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        with deferred_signals():
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
                        prefix: str = DB_PREFIX) -> str:
        """Create a uniquely named database with the given defaults; returns its name."""
        name = self.new_database_name(prefix)
        self._create(name, charset, collation)
        return name

    @staticmethod
    def new_database_name(prefix: str = DB_PREFIX) -> str:
        return f"{prefix}_{time.strftime('%Y%m%d%H%M%S', time.gmtime())}_{secrets.token_hex(4)}"

    def _create(self, name: str, charset: str | None, collation: str | None) -> None:
        clause = ""
        for word, value in (("CHARACTER SET", charset), ("COLLATE", collation)):
            if value:
                if not value.replace("_", "").isalnum():
                    raise UsageError(f"not a {word.lower()} name: {value!r}")
                clause += f" {word} {value}"
        # Recorded before the CREATE: if it is interrupted after the server ran
        # it, stop() and database() still drop it (DROP ... IF EXISTS).
        self._databases.append(name)
        try:
            conn = self.connect()
            try:
                with conn.cursor() as cur:
                    cur.execute(f"CREATE DATABASE `{name}`{clause}")
            finally:
                conn.close()
        except pymysql.err.MySQLError as e:
            self._databases.remove(name)
            raise EnvironmentProblem(
                f"cannot create a scratch database on {self.describe()}: "
                f"{e.args[-1] if e.args else e}") from None

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
                 prefix: str = DB_PREFIX, drop: bool = True) -> Iterator[str]:
        """A fresh, uniquely named database, dropped when the block ends
        (also on error and Ctrl-C, even one that hits the CREATE itself).

        ``drop=False`` is for callers that stop the server right after: on a
        :attr:`disposable` server the database is then left for ``stop()`` to
        discard; on others (a user's server) it is dropped all the same."""
        name = self.new_database_name(prefix)
        try:
            self._create(name, charset, collation)
            yield name
        finally:
            if name in self._databases and (drop or not self.disposable):
                with deferred_signals(), contextlib.suppress(Exception):
                    self.drop_database(name)

    @property
    def databases(self) -> list[str]:
        """Scratch databases this object created and has not dropped yet."""
        return list(self._databases)


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


def resolve_auto(image: str | None = None) -> str:
    """What ``--scratch auto`` picks here: ``docker`` or ``local``.

    Docker when an engine answers and can start a server without downloading
    anything (``--image`` given, or a server image already present); else a
    local ``mariadbd``/``mysqld``; else Docker anyway (it pulls the image, or
    says how to get one); else an :class:`EnvironmentProblem` saying what to install.
    """
    from . import docker, local

    engine = docker.engine_available()
    if engine:
        try:
            has_image = bool(image) or bool(docker.local_server_images())
        except Exception:
            has_image = False
        if has_image:
            return "docker"
    if local.find_server_binary() is not None:
        return "local"
    if engine:
        return "docker"
    raise EnvironmentProblem(
        "no throwaway server can be started here: no Docker engine answers and no "
        "mariadbd/mysqld is on PATH",
        hint="install MariaDB (apt-get install mariadb-server) or start Docker; "
             "or pass --scratch mysql://user:pass@host/ to use a server you have; "
             "`baseline doctor` shows what is missing",
    )


def _auto(image: str | None, flavor: Flavor | None) -> ScratchServer:
    if resolve_auto(image) == "docker":
        from .docker import DockerServer

        return DockerServer(image=image, flavor=flavor)
    from .local import LocalServer

    return LocalServer()
