"""A throwaway server in a container (through testcontainers).

Any official ``mysql:*``, ``mariadb:*`` or ``percona:*`` image works, and so does
baseline's own test image (``make test-image``), which is built from Debian
packages without a registry. Without ``--image``, the image matching the flavor
hint (``Flavor.docker_image``, e.g. ``mariadb:10.11``) is used when present
locally, else the local test image, else the flavor's image is pulled.

Cleanup does not rely on testcontainers' reaper (Ryuk): its image cannot be
pulled everywhere, so ``TESTCONTAINERS_RYUK_DISABLED`` defaults to true and every
container is removed by us on success, error, Ctrl-C and SIGTERM. Each carries
the label ``baseline.scratch=1`` (plus its own id and owner), so anyone can check
that none is left: ``docker ps -a --filter label=baseline.scratch``.

Readiness: official images start a temporary server for their set-up and log
"ready for connections" twice; the container counts as ready only when a real
connection with the final root password succeeds and no set-up server is
running any more. The root password is random per container and never printed.
"""
from __future__ import annotations

import os
import re
import secrets
import socket
import time
from pathlib import Path
from typing import Iterable

import pymysql

from ..errors import EnvironmentProblem
from ..flavor import DEFAULT_FLAVOR, MARIADB, MYSQL, Flavor
from ..connect.url import ServerURL
from ..util.progress import Progress
from .base import ScratchServer, pid_alive, say_swept

# testcontainers reads this lazily, at its first container start.
os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")

#: Label on every container baseline starts (value ``1``).
LABEL = "baseline.scratch"
#: Per-container id label, used to find a container whose creation was interrupted.
LABEL_ID = "baseline.scratch.id"
#: ``host:pid`` of the baseline process that owns the container.
LABEL_OWNER = "baseline.scratch.owner"
#: Set from ``$BASELINE_RUN_ID`` when present, so a CI run can find exactly its own containers.
LABEL_RUN = "baseline.scratch.run"
#: The images ``make test-image`` builds from Debian packages, no registry needed:
#: MariaDB 10.11 (Debian 12), MySQL 9.7 (sid; its catalog and SHOW CREATE are
#: MySQL 8.0.19+'s) and MariaDB 11.8 (Debian 13).
TEST_IMAGES = ("baseline-test-mariadb:10.11", "baseline-test-mysql:9.7", "baseline-test-mariadb:11.8")
#: The test image of the default flavor (MariaDB 10.11).
TEST_IMAGE = TEST_IMAGES[0]
#: Image repositories that hold a MySQL-compatible server.
SERVER_REPOSITORIES = ("mysql", "mariadb", "percona", "percona/percona-server",
                       "mysql/mysql-server", "baseline-test-mariadb", "baseline-test-mysql")
#: Server options for a throwaway container; every flavor and version accepts them
#: (no persistent statistics written per CREATE TABLE; table caches that hold a
#: baseline of thousands of tables: see LocalServer.FAST_OPTIONS; no doublewrite
#: buffer and no performance_schema, MySQL's default, which costs at start and
#: on every statement).
THROWAWAY_OPTIONS = ["--innodb-flush-log-at-trx-commit=0", "--skip-log-bin", "--innodb-stats-persistent=OFF",
                     "--table-definition-cache=16384", "--table-open-cache=16384", "--innodb-doublewrite=OFF",
                     "--performance-schema=OFF"]
#: The data folder of the official images and of the test image; a memory file
#: system is mounted there (replaying 1,000 tables: 7.6 s on the container's
#: overlay file system, 1.0 s in memory; the container also starts faster).
DATADIR = "/var/lib/mysql"

#: Seconds a pull may go without a word from the engine before ``--scratch auto``
#: gives up on it (no registry reachable) and falls back.
PULL_TIMEOUT = float(os.environ.get("BASELINE_PULL_TIMEOUT", "15"))

BUILD_SCRIPT = Path(__file__).resolve().parent / "image" / "build.sh"


def build_hint(image: str | None = None) -> str:
    which = f"the local test image {image}" if image else "the local test images"
    arg = f" {image}" if image else ""
    return f"build {which}: `make test-image` in a baseline clone (or `sudo bash {BUILD_SCRIPT}{arg}`)"


def test_image_for(flavor: Flavor | None) -> str:
    """The local test image standing for ``flavor``: the nearest release of its
    family (``make test-image`` builds them all)."""
    return nearest_image(TEST_IMAGES, flavor or DEFAULT_FLAVOR) or TEST_IMAGE


def _client(timeout: int = 5):
    import docker  # docker SDK, a dependency of testcontainers

    return docker.from_env(timeout=timeout)


def engine_status(timeout: int = 3) -> tuple[bool, str]:
    """(reachable, detail): the engine's version and address, or why it does not answer."""
    try:
        client = _client(timeout)
    except Exception as e:  # no socket, bad DOCKER_HOST, SDK missing
        return False, _reason(e)
    try:
        version = client.version().get("Version", "?")
        where = client.api.base_url
        if where.startswith("http+docker://"):  # the SDK's name for a unix socket
            where = os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
        return True, f"Docker engine {version} at {where}"
    except Exception as e:
        return False, _reason(e)
    finally:
        client.close()


def _reason(e: Exception) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    if "No such file or directory" in text or "FileNotFoundError" in text:
        return "no Docker socket (is dockerd running? is DOCKER_HOST set?)"
    if "Permission denied" in text:
        return "permission denied on the Docker socket (add your user to the docker group)"
    if "Connection refused" in text:
        return "the Docker engine refuses connections (is dockerd running?)"
    registry = _REGISTRY_FAILURE.search(text)
    if registry:  # the daemon's own words, without the Docker API URL wrapped around them
        return "no registry can be reached (" + registry.group(1).rstrip(')"') + ")"
    return text[:200]


#: What the daemon says when a pull cannot reach the registry ("Get ...: dial tcp: lookup ...").
_REGISTRY_FAILURE = re.compile(r'\(\"?Get \"?[^ ]*\"?: (dial tcp[^"]*|net/http[^"]*|context deadline[^"]*)')


def engine_available(timeout: int = 3) -> bool:
    return engine_status(timeout)[0]


def is_server_image(tag: str) -> bool:
    """Whether an image tag names a MySQL-compatible server image we know how to start."""
    repo = tag.rsplit(":", 1)[0] if ":" in tag.rsplit("/", 1)[-1] else tag
    repo = repo.removeprefix("docker.io/").removeprefix("library/")
    return repo in SERVER_REPOSITORIES


def local_server_images(client=None) -> list[str]:
    """Tags of the server images present in the engine, sorted."""
    own = client is None
    client = client or _client()
    try:
        tags = {t for img in client.images.list() for t in (img.tags or [])}
    finally:
        if own:
            client.close()
    return sorted(t for t in tags if is_server_image(t))


def choose_image(present: Iterable[str], image: str | None = None,
                 flavor: Flavor | None = None) -> str:
    """The image to start: ``--image`` when given; else an image of the flavor
    hint's release present locally; else the nearest present image of its
    family (:func:`nearest_image`); else the flavor's image (to be pulled). A
    server of the other family is never chosen here. Pure, so it is testable
    without an engine."""
    if image:
        return image
    present = set(present)
    target = flavor or DEFAULT_FLAVOR
    return matching_image(present, target) or nearest_image(present, target) or target.docker_image


def image_flavor(tag: str) -> Flavor | None:
    """The server flavor an image tag names (``mariadb:10.11`` -> MariaDB 10.11,
    ``mysql:8.0``/``percona:8.0`` -> MySQL 8.0, the local test image -> MariaDB
    10.11); ``None`` when the tag carries no version (``mysql:latest``) or is not
    a server image. Read from the name only, so no container is started."""
    if not is_server_image(tag) or ":" not in tag.rsplit("/", 1)[-1]:
        return None
    repo, version = tag.rsplit(":", 1)
    family = MARIADB if "mariadb" in repo.lower() else MYSQL
    try:
        return Flavor.parse(version, family=family)
    except ValueError:
        return None


def matching_image(present: Iterable[str], flavor: Flavor | None) -> str | None:
    """A present image of the same flavor family and major.minor version as
    ``flavor`` (default: :data:`~baseline.flavor.DEFAULT_FLAVOR`): the flavor's
    own image first, then the local test image, then any other; ``None`` if none."""
    target = flavor or DEFAULT_FLAVOR
    present = sorted(set(present))
    wanted = target.docker_image
    if wanted in present:
        return wanted

    def same(tag: str) -> bool:
        f = image_flavor(tag)
        return f is not None and f.same_release(target)

    ranked = sorted((t for t in present if same(t)), key=lambda t: (t not in TEST_IMAGES, t))
    return ranked[0] if ranked else None


def nearest_image(present: Iterable[str], flavor: Flavor | None) -> str | None:
    """The present image of ``flavor``'s family nearest to its release: the
    oldest one at least as new (a newer server runs what an older one wrote),
    else the newest older one; ``None`` when the family has none. Official
    images rank before the test images of the same release."""
    target = flavor or DEFAULT_FLAVOR
    ranked = []
    for tag in set(present):
        f = image_flavor(tag)
        if f is not None and f.same_family(target):
            ranked.append((f.nearness_to(target), tag in TEST_IMAGES, tag))
    return min(ranked)[2] if ranked else None


def try_pull(image: str, timeout: float = PULL_TIMEOUT) -> tuple[bool, str]:
    """Pull ``image``, giving up when the engine (or the registry behind it) has
    said nothing for ``timeout`` seconds; returns ``(pulled, reason it was not)``.
    A pull that keeps reporting progress runs to its end (shown on a terminal)."""
    try:
        client = _client(timeout=max(1, int(timeout)))
    except Exception as e:
        return False, _reason(e)
    try:
        _pull(client, image)
        client.images.get(image)
        return True, ""
    except _PullError as e:
        return False, str(e).strip()[:200]
    except Exception as e:  # registry unreachable, timeout, unknown tag
        explanation = getattr(e, "explanation", None)  # docker.errors.APIError: the engine's own words
        return False, (str(explanation).strip()[:200] if explanation else _reason(e))
    finally:
        client.close()


class _PullError(Exception):
    """The engine reported an error in the pull's event stream (its own words)."""


def _pull(client, image: str) -> None:
    """Pull ``image``, its progress on a terminal; an error event raises :class:`_PullError`."""
    with Progress(f"pulling {image}") as p:
        for event in client.api.pull(image, stream=True, decode=True):
            if "error" in event:
                raise _PullError(event["error"])
            p.advance(0, note=str(event.get("status", ""))[:60])


def owner_tag() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def remove_containers(client, **labels: str) -> list[str]:
    """Force-remove every container (running or not) carrying all these labels."""
    filters = [f"{k}={v}" if v else k for k, v in labels.items()]
    removed = []
    for c in client.containers.list(all=True, ignore_removed=True, filters={"label": filters}):
        try:
            c.remove(force=True, v=True)
            removed.append(c.id)
        except Exception as e:  # already gone (removal in progress, raced)
            if "No such container" not in str(e) and "already in progress" not in str(e):
                raise
    return removed


def sweep_abandoned(client) -> list[str]:
    """Remove containers of baseline processes on this host that no longer exist
    (killed with SIGKILL before they could clean up)."""
    host = socket.gethostname()
    removed = []
    for c in client.containers.list(all=True, ignore_removed=True, filters={"label": LABEL}):
        owner = (c.labels or {}).get(LABEL_OWNER, "")
        h, _, pid = owner.rpartition(":")
        if h != host or not pid.isdigit() or pid_alive(int(pid)):
            continue
        try:
            c.remove(force=True, v=True)
            removed.append(c.id)
        except Exception:
            pass
    return removed


def _engine_is_here(container) -> bool:
    """Whether we reach containers through the engine's own host on this machine
    (not from inside another container, not a remote DOCKER_HOST)."""
    try:
        from testcontainers.core.config import ConnectionMode

        dc = container.get_docker_client()
        return dc.get_connection_mode() == ConnectionMode.docker_host and \
            dc.host() in ("localhost", "127.0.0.1", "::1")
    except (ImportError, AttributeError):  # older testcontainers: publish on all interfaces
        return False


class DockerServer(ScratchServer):
    kind = "docker"
    disposable = True

    def __init__(self, image: str | None = None, flavor: Flavor | None = None,
                 start_timeout: float = 180.0, pull: bool = True) -> None:
        super().__init__()
        self.image = image
        self.wanted_flavor = flavor
        self.start_timeout = start_timeout
        self.pull = pull
        #: Server options given to the container's command.
        self.options: list[str] = list(THROWAWAY_OPTIONS)
        self.image_used: str | None = None
        self.container_id: str | None = None
        self._container = None  # testcontainers DockerContainer
        self._token: str | None = None
        #: Seconds the last start took, by phase.
        self.timings: dict[str, float] = {}

    # ------------------------------------------------------------------ start

    def start(self) -> None:
        ok, detail = engine_status()
        if not ok:
            raise EnvironmentProblem(f"no Docker engine for --scratch docker: {detail}",
                                     hint="start dockerd (or Docker Desktop), or use --scratch local")
        t0 = time.monotonic()
        client = _client()
        try:
            say_swept(sweep_abandoned(client), "container")
            present = local_server_images(client)
            self.image_used = choose_image(present, self.image, self.wanted_flavor)
            self._ensure_image(client, self.image_used)
        finally:
            client.close()
        t1 = time.monotonic()
        self._run_container()
        t2 = time.monotonic()
        self._wait_ready()
        self.flavor = self._read_flavor()
        self.timings = {"image": t1 - t0, "create": t2 - t1, "ready": time.monotonic() - t2}

    def _ensure_image(self, client, image: str) -> None:
        import docker.errors

        try:
            client.images.get(image)
            return
        except docker.errors.ImageNotFound:
            pass
        if image in TEST_IMAGES:
            how = build_hint(image)
        else:
            stand_in = test_image_for(image_flavor(image) or self.wanted_flavor)
            how = (f"`docker pull {image}` where a registry is reachable (on a machine without one: "
                   f"`docker save {image} -o image.tar` where it is present, then `docker load -i image.tar` "
                   f"here), or {build_hint(stand_in)}")
            if self.image:
                how += f" and pass --image {stand_in}"
        if not self.pull or image in TEST_IMAGES:
            raise EnvironmentProblem(f"Docker image {image} is not present", hint=how)
        try:
            _pull(client, image)
        except Exception as e:
            raise EnvironmentProblem(f"Docker image {image} is not present and cannot be pulled: "
                                     f"{_reason(e)}", hint=how) from None

    def _run_container(self) -> None:
        from testcontainers.core.container import DockerContainer

        self._token = secrets.token_hex(8)
        password = secrets.token_urlsafe(24)
        c = DockerContainer(self.image_used)
        c.with_env("MYSQL_ROOT_PASSWORD", password).with_env("MARIADB_ROOT_PASSWORD", password)
        c.with_env("MYSQL_ROOT_HOST", "%").with_env("MARIADB_ROOT_HOST", "%")
        c.with_command(list(self.options))
        extra = {}
        if os.environ.get("BASELINE_SCRATCH_MEMORY", "1") != "0":
            if hasattr(c, "with_tmpfs_mount"):
                c.with_tmpfs_mount(DATADIR)
            else:  # older testcontainers: the Docker SDK's own argument
                extra["tmpfs"] = {DATADIR: ""}
        labels = {LABEL: "1", LABEL_ID: self._token, LABEL_OWNER: owner_tag()}
        if os.environ.get("BASELINE_RUN_ID"):
            labels[LABEL_RUN] = os.environ["BASELINE_RUN_ID"]
        c.with_kwargs(labels=labels, **extra)  # with_kwargs replaces what it was given before
        c.with_name(f"baseline-scratch-{self._token}")
        if _engine_is_here(c):  # then only reachable from this machine
            c.ports["3306/tcp"] = ("127.0.0.1", None)
        else:
            c.with_exposed_ports(3306)
        self._container = c
        try:
            c.start()
        except Exception as e:
            raise EnvironmentProblem(f"cannot start a container from {self.image_used}: "
                                     f"{_reason(e)}") from None
        self.container_id = c.get_wrapped_container().id
        host = c.get_container_host_ip()
        if host == "localhost":
            host = "127.0.0.1"
        port = int(c.get_exposed_port(3306))
        self.url = ServerURL(scheme="mysql", user="root", password=password, host=host, port=port)

    def _wait_ready(self) -> None:
        """Wait for a real connection with the final password, from the final server."""
        wrapped = self._container.get_wrapped_container()
        deadline = time.monotonic() + self.start_timeout
        next_status = 0.0
        delay = 0.05
        last_error = ""
        while time.monotonic() < deadline:
            now = time.monotonic()
            if now >= next_status:
                wrapped.reload()
                if wrapped.status in ("exited", "dead"):
                    raise EnvironmentProblem(
                        f"the {self.image_used} container exited during start-up: {self._log_tail()}")
                next_status = now + 0.5
            try:
                conn = pymysql.connect(**self.url.pymysql_kwargs(database=False), connect_timeout=3)
            except pymysql.err.MySQLError as e:
                last_error = str(e.args[-1]) if e.args else str(e)
                time.sleep(delay)
                delay = min(delay * 1.5, 0.5)
                continue
            conn.close()
            if not self._setup_server_running():
                return
            time.sleep(delay)
        raise EnvironmentProblem(f"the {self.image_used} container did not accept connections within "
                                 f"{self.start_timeout:.0f} s ({last_error}): {self._log_tail()}")

    def _setup_server_running(self) -> bool:
        """Official images log "Temporary server started/stopped" around their set-up."""
        logs = self._logs()
        started = logs.rfind("Temporary server started")
        return started >= 0 and logs.rfind("Temporary server stopped") < started

    def _logs(self) -> str:
        try:
            return self._container.get_wrapped_container().logs().decode(errors="replace")
        except Exception:
            return ""

    def _log_tail(self, lines: int = 8) -> str:
        text = self._logs().strip()
        return " | ".join(text.splitlines()[-lines:]) or "(no log)"

    # ------------------------------------------------------------------ stop

    def stop(self) -> None:
        container, self._container = self._container, None
        token, self._token = self._token, None
        try:
            if container is not None:
                try:
                    container.stop()  # removes the container (force) and its volumes
                except Exception:
                    pass
        finally:
            if token is not None:
                # also whatever creation left behind when it was interrupted mid-request
                client = _client(timeout=30)
                try:
                    remove_containers(client, **{LABEL_ID: token})
                finally:
                    client.close()
        self.container_id = None

    def describe(self) -> str:
        where = f" ({self.image_used}, container {self.container_id[:12]})" if self.container_id else ""
        return super().describe() + where
