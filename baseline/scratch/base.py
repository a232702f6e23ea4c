"""The throwaway-server interface and the backend choice."""
from __future__ import annotations

import contextlib
import os
import secrets
import sys
import time
from dataclasses import dataclass
from typing import Iterator

import pymysql

from ..errors import EnvironmentProblem, UsageError
from ..flavor import Flavor
from ..connect.url import ServerURL, is_server_url
from .guard import deferred_signals

def say_swept(removed, what: str) -> None:
    """One line on stderr when a start removed what runs killed outright (SIGKILL,
    no cleanup possible) left behind: the user who killed one sees it recovered."""
    if not removed:
        return
    names = ", ".join(str(r)[:12] if what == "container" else str(r) for r in removed)
    plural = "s" if len(removed) > 1 else ""
    print(f"baseline: note: removed {len(removed)} throwaway server {what}{plural} left by a killed "
          f"baseline run ({names})", file=sys.stderr)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` still exists (one of another user's counts): the
    owner test by which the local and the docker backends sweep what a killed
    run left behind."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
        #: Set by ``--scratch auto`` when it settled for less than the SOURCE's flavor: why.
        self.auto_note: str | None = None

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
    """Return an (unstarted) scratch server for ``--scratch SPEC``; use it with ``with``.

    ``flavor`` is the SOURCE's flavor, when known: ``docker`` and ``auto`` start
    an image of that flavor and version where they can (see :func:`choose_auto`).
    When ``auto`` settles for something else, it says why in one line on stderr,
    and the returned server's ``auto_note`` holds that line.
    """
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


@dataclass(frozen=True)
class AutoChoice:
    """What ``--scratch auto`` settled on, and why when it is a fallback."""

    #: ``docker`` or ``local``.
    backend: str
    #: The image to start (``docker``), present in the engine.
    image: str | None = None
    #: One line saying why this is not the SOURCE-matching image; ``None`` when it is.
    note: str | None = None


NO_SERVER_HINT = ("install MariaDB (apt-get install mariadb-server) or start Docker; "
                  "or pass --scratch mysql://user:pass@host/ to use a server you have; "
                  "`baseline doctor` shows what is missing")


def choose_auto(image: str | None = None, flavor: Flavor | None = None, *, pull: bool = True,
                pull_timeout: float | None = None) -> AutoChoice:
    """The ``--scratch auto`` policy (see ../shared/CONTRACT.md and issue 4).

    A Docker engine answers: docker, with ``--image`` when given, else an image
    matching ``flavor`` (family and major.minor; the default flavor when ``None``)
    present in the engine, else that image pulled (giving up after
    ``pull_timeout`` seconds without an answer: no registry), else the local test
    image, else the local backend, else any other server image present; each
    fallback carries a one-line note. No engine: the local backend. Neither: an
    :class:`EnvironmentProblem` saying how to get one. ``pull=False`` decides
    without pulling (what ``doctor`` shows).
    """
    from . import docker, local

    from ..flavor import DEFAULT_FLAVOR

    engine, detail = docker.engine_status()
    binary = local.find_server_binary()
    target = flavor or DEFAULT_FLAVOR
    binary_flavor = local.binary_flavor(binary) if binary is not None else None
    if not engine:
        if binary is not None:
            if binary_flavor is not None and not binary_flavor.same_family(target):
                return AutoChoice("local", note=f"no Docker engine answers ({detail}); using the local "
                                                f"{binary_flavor} server, of another flavor than {target}")
            return AutoChoice("local")
        raise EnvironmentProblem(
            f"no throwaway server can be started here: no Docker engine answers ({detail}) and no "
            "mariadbd/mysqld is on PATH", hint=NO_SERVER_HINT)
    if image:
        return AutoChoice("docker", image)
    try:
        present = docker.local_server_images()
    except Exception:
        present = []
    match = docker.matching_image(present, target)
    if match:
        return AutoChoice("docker", match)
    wanted = target.docker_image
    why = "not pulled"
    if pull:
        pulled, why = docker.try_pull(wanted, pull_timeout if pull_timeout is not None else docker.PULL_TIMEOUT)
        if pulled:
            return AutoChoice("docker", wanted)
    lack = f"no {wanted} image in Docker and it cannot be pulled ({why})"
    choice = fallback(present, target, lack, binary, binary_flavor)
    if choice is not None:
        return choice
    raise EnvironmentProblem(
        f"no throwaway server can be started here: {lack}, it has no other server image, and no "
        "mariadbd/mysqld is on PATH",
        hint=f"{docker.build_hint(docker.test_image_for(target))}; or install MariaDB (apt-get install "
             "mariadb-server); or pass --scratch mysql://user:pass@host/ to use a server you have")


def fallback(present: list[str], target: Flavor, lack: str, binary: str | None,
             binary_flavor: Flavor | None) -> AutoChoice | None:
    """What ``--scratch auto`` settles for when SOURCE's own release is not to
    be had (``lack`` says why): the nearest present image of SOURCE's family
    (MySQL for MySQL, MariaDB for MariaDB), else a local server binary of that
    family, else, saying so, a server of the other family; ``None`` when there
    is nothing at all. Pure: the engine's images and the binary are given."""
    from . import docker

    near = docker.nearest_image(present, target)
    if near:
        what = "the local test image" if near in docker.TEST_IMAGES else "the image"
        return AutoChoice("docker", near, note=f"{lack}; using {what} {near} instead")
    if binary is not None and binary_flavor is not None and binary_flavor.same_family(target):
        return AutoChoice("local", note=f"{lack}; using the local {binary_flavor} server instead")
    # nothing of SOURCE's family: say so, and what would give one
    other = f"of another flavor than {target} ({docker.build_hint(docker.test_image_for(target))})"
    if docker.TEST_IMAGE in present:
        return AutoChoice("docker", docker.TEST_IMAGE,
                          note=f"{lack}; using the local test image {docker.TEST_IMAGE}, {other}")
    if binary is not None:
        return AutoChoice("local", note=f"{lack}; using the local {binary_flavor or binary} server, {other}")
    if present:
        pick = sorted(present)[0]
        return AutoChoice("docker", pick, note=f"{lack}; using {pick}, {other}")
    return None


def resolve_auto(image: str | None = None, flavor: Flavor | None = None) -> str:
    """What ``--scratch auto`` picks here, ``docker`` or ``local``, decided without
    pulling anything (for ``doctor``); :func:`choose_auto` is the policy itself."""
    return choose_auto(image, flavor, pull=False).backend


def _auto(image: str | None, flavor: Flavor | None) -> ScratchServer:
    choice = choose_auto(image, flavor)
    if choice.note:
        print(f"baseline: note: --scratch auto: {choice.note}", file=sys.stderr)
    if choice.backend == "docker":
        from .docker import DockerServer

        server: ScratchServer = DockerServer(image=choice.image, flavor=flavor, pull=bool(image))
    else:
        from .local import LocalServer

        server = LocalServer()
    server.auto_note = choice.note
    return server
