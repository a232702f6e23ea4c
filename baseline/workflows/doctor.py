"""``baseline doctor``: which throwaway servers can be had here, and how to get the others.

The plain report only looks (Docker engine, server images, server binaries);
``--check`` really starts each usable backend, creates a database with a
charset, runs DDL, reflects it and cleans up, with timings. ``--hold SECONDS``
(hidden, a test aid) keeps each checked server and database alive that long
after the DDL, so tests can kill a CLI run that is mid-work and prove that
nothing is left behind.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

from ..errors import BaselineError
from ..flavor import MYSQL
from ..scratch import docker as docker_backend
from ..scratch import local as local_backend
from ..scratch.base import ScratchServer, open_scratch, resolve_auto
from ..connect.url import ServerURL, is_server_url

Echo = Callable[[str], None]

#: What --check creates: a charset that differs from every server default, so
#: the reflected table proves the database's defaults were applied.
CHECK_CHARSET = "latin1"
CHECK_COLLATION = "latin1_german2_ci"
CHECK_DDL = (
    "CREATE TABLE parent (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(40) NOT NULL,"
    " UNIQUE KEY uq_name (name))",
    "CREATE TABLE child (id int NOT NULL PRIMARY KEY, parent_id int NOT NULL, note text,"
    " KEY ix_parent (parent_id), CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
)

MYSQL_HINT = ("for MySQL, install Oracle's mysql-server packages (https://dev.mysql.com/downloads/), "
              "or use --scratch docker --image mysql:8.0")
MARIADB_HINT = ("apt-get install mariadb-server (Debian/Ubuntu), dnf install mariadb-server "
                "(Fedora/RHEL), brew install mariadb (macOS)")
DOCKER_HINT = ("apt-get install docker.io, then start the engine: systemctl start docker "
               "(or `dockerd &` where there is no systemd); non-root users need the docker group")


@dataclass
class Finding:
    """One backend as seen without starting anything."""

    backend: str
    ok: bool
    summary: str
    notes: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


def examine_docker(image: str | None = None) -> Finding:
    reachable, detail = docker_backend.engine_status()
    if not reachable:
        return Finding("docker", False, f"no engine: {detail}", hints=[DOCKER_HINT])
    try:
        present = docker_backend.local_server_images()
    except Exception as e:  # engine answered a moment ago; report, do not crash
        return Finding("docker", False, f"{detail}; cannot list images: {e}")
    f = Finding("docker", bool(present), detail)
    if present:
        f.notes.append("server images: " + ", ".join(_describe_image(t) for t in present))
    else:
        f.notes.append("no MySQL/MariaDB/Percona image present")
    absent = [t for t in docker_backend.TEST_IMAGES if t not in present]
    if absent:
        f.hints.append(f"local test image{'s' if len(absent) > 1 else ''} {', '.join(absent)} (no registry "
                       f"needed): {docker_backend.build_hint(absent[0] if len(absent) == 1 else None)}")
    official = [t for t in ("mysql:8.0", "mariadb:10.11") if t not in present]
    if official:
        reachable = _registry_reachable(official[0])
        if reachable:
            f.notes.append(f"a registry answers: images such as {official[0]} are pulled on first use")
            f.ok = True
        f.hints.append("official images: " + "; ".join(f"`docker pull {t}`" for t in official)
                       + " (needs access to Docker Hub)")
        if not reachable:  # the one way in then: an image saved on a machine that has it
            f.hints.append(f"no registry answers here: `docker save {official[0]} -o image.tar` on a machine "
                           f"that has it, then `docker load -i image.tar` here")
    if image and image not in present:
        f.hints.append(f"--image {image} is not present: `docker pull {image}`")
    return f


def _describe_image(tag: str) -> str:
    flavor = docker_backend.image_flavor(tag)
    if tag in docker_backend.TEST_IMAGES:
        return f"{tag} (local test image, {flavor})"
    return f"{tag} ({flavor})" if flavor else tag


def _registry_reachable(tag: str) -> bool:
    """Ask the registry about an image's manifest (nothing is downloaded)."""
    try:
        client = docker_backend._client(timeout=5)
    except Exception:
        return False
    try:
        client.api.inspect_distribution(tag)
        return True
    except Exception:
        return False
    finally:
        client.close()


def examine_local() -> Finding:
    found = local_backend.find_server_binaries()
    if not found:
        where = (f"${local_backend.BINARY_ENV} ({os.environ[local_backend.BINARY_ENV]}) is not an "
                 "executable" if local_backend.BINARY_ENV in os.environ else "no mariadbd or mysqld on PATH")
        return Finding("local", False, where,
                       hints=[f"MariaDB: {MARIADB_HINT}", MYSQL_HINT])
    f = Finding("local", False, "")
    parts = []
    for name, path in found.items():
        version = local_backend.server_version(path)
        flavor = local_backend.binary_flavor(path)
        if version is None or flavor is None:
            parts.append(f"{path}: does not run")
            continue
        usable = True
        if flavor.rules.local_initialize == "install-db":
            if local_backend.find_installer(path) is None:
                usable = False
                f.hints.append(f"{name} needs mariadb-install-db: {MARIADB_HINT}")
        parts.append(f"{path}: {flavor}" + ("" if usable else " (cannot initialize)"))
        f.ok = f.ok or usable
    f.summary = "; ".join(parts)
    mysqld = local_backend.binary_flavor(found["mysqld"]) if "mysqld" in found else None
    if mysqld is None or mysqld.family != MYSQL:  # Debian's mysqld is MariaDB's
        f.notes.append("no MySQL server binary: local replays run on MariaDB")
        f.hints.append(MYSQL_HINT)
    if "mariadbd" not in found:
        f.hints.append(f"MariaDB: {MARIADB_HINT}")
    return f


def examine_url(spec: str) -> Finding:
    url = ServerURL.parse(spec)
    server = open_scratch(spec)
    try:
        server.start()
    except BaselineError as e:
        return Finding(f"url {url}", False, e.message,
                       hints=["check host, port, user and password; the user needs CREATE and DROP"])
    finally:
        server.stop()
    return Finding(f"url {url}", True, f"{server.flavor} answers")


# --------------------------------------------------------------------------- --check


@dataclass
class CheckResult:
    backend: str
    ok: bool
    server: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    error: str = ""


def check_backend(spec: str, image: str | None = None, hold: float = 0.0,
                  err: Echo | None = None) -> CheckResult:
    """Start SPEC's server, create a database with a charset, run DDL, reflect it, clean up."""
    name = "url" if is_server_url(spec) else spec
    result = CheckResult(name, False)
    t = time.monotonic()

    def lap(label: str) -> None:
        nonlocal t
        now = time.monotonic()
        result.timings[label] = now - t
        t = now

    try:
        server = open_scratch(spec, image=image)
        with server:
            lap("start")
            result.server = server.describe()
            with server.database(charset=CHECK_CHARSET, collation=CHECK_COLLATION) as db:
                lap("database")
                conn = server.connect(db)
                try:
                    with conn.cursor() as cur:
                        for ddl in CHECK_DDL:
                            cur.execute(ddl)
                        lap("ddl")
                        cur.execute("SHOW CREATE TABLE child")
                        text = cur.fetchone()[1]
                        lap("reflect")
                finally:
                    conn.close()
                _expect(text, f"CHARSET={CHECK_CHARSET}", f"COLLATE={CHECK_COLLATION}",
                        "CONSTRAINT `fk_parent` FOREIGN KEY")
                if hold > 0:
                    _hold(server, db, hold, err)
                t = time.monotonic()
        lap("cleanup")
        result.ok = True
    except BaselineError as e:
        result.error = e.message
    except AssertionError as e:
        result.error = str(e)
    return result


def _expect(text: str, *parts: str) -> None:
    for part in parts:
        if part not in text:
            raise AssertionError(f"SHOW CREATE TABLE lacks {part!r}: {' '.join(text.split())}")


def _hold(server: ScratchServer, db: str, seconds: float, err: Echo | None) -> None:
    """Test aid: announce the live resources on stderr, then wait."""
    what = [f"kind={server.kind}", f"database={db}"]
    if isinstance(server, local_backend.LocalServer) and server.proc is not None:
        what += [f"pid={server.proc.pid}", f"dir={server.tmpdir}"]
    if isinstance(server, docker_backend.DockerServer) and server.container_id:
        what.append(f"container={server.container_id}")
    (err or _stderr)(f"doctor: holding {' '.join(what)} for {seconds:g} s")
    time.sleep(seconds)


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- report


def run(echo: Echo, *, check: bool = False, scratch: tuple[str, ...] = (), image: str | None = None,
        hold: float = 0.0, err: Echo | None = None) -> int:
    """Print the report; returns the exit code (0 when at least one backend works, else 3)."""
    specs = list(scratch) or ["docker", "local"]
    findings: dict[str, Finding] = {}
    for spec in specs:
        if spec == "docker":
            findings[spec] = examine_docker(image)
        elif spec == "local":
            findings[spec] = examine_local()
        elif spec == "auto":
            findings["docker"] = examine_docker(image)
            findings["local"] = examine_local()
        elif is_server_url(spec):
            findings[spec] = examine_url(spec)
        else:
            from ..errors import UsageError

            raise UsageError(f"unknown --scratch value: {spec!r}",
                             hint="use auto, docker, local, or a server URL (mysql://user:pass@host/)")

    echo("Throwaway servers (--scratch):")
    for f in findings.values():
        echo(f"  {f.backend:<7} {'ok' if f.ok else 'missing':<8} {f.summary}")
        for note in f.notes:
            echo(f"  {'':<7} {'':<8} {note}")
        for hint in f.hints:
            echo(f"  {'':<7} {'':<8} to get: {hint}")
    try:
        echo(f"  {'auto':<7} {'->':<8} {resolve_auto(image)}")
    except BaselineError:
        echo(f"  {'auto':<7} {'->':<8} nothing (see above)")
    usable = [spec for spec, f in findings.items() if f.ok]
    echo("")
    echo(f"{len(usable)} of {len(findings)} backends can start a throwaway server here.")
    if not check:
        return 0 if usable else 3

    echo("")
    echo(f"Checks (start, CREATE DATABASE {CHECK_CHARSET}/{CHECK_COLLATION}, DDL, "
         "SHOW CREATE TABLE, clean up):")
    passed = 0
    for spec in usable:
        r = check_backend(spec, image=image, hold=hold, err=err)
        label = "url" if is_server_url(spec) else spec
        if r.ok:
            passed += 1
            times = ", ".join(f"{k} {v:.2f} s" for k, v in r.timings.items())
            echo(f"  {label:<7} {'ok':<8} {r.server}: {times}")
        else:
            echo(f"  {label:<7} {'FAILED':<8} {r.error}")
    if not usable:
        echo("  (nothing to check)")
    return 0 if passed else 3
