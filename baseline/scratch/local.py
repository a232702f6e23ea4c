"""A throwaway ``mariadbd``/``mysqld`` process in a temporary folder.

Each server gets its own folder (data, socket, pid file, log, tmpdir), a free
TCP port on 127.0.0.1 and a private socket, so any number of them run side by
side. It is stopped and its folder deleted on success, error, Ctrl-C and SIGTERM
(the CLI turns SIGTERM into SystemExit). If baseline is killed outright
(SIGKILL), the kernel stops the server (PR_SET_PDEATHSIG) and the next start
removes the abandoned folder.

Speed: where the machine has a memory file system (``/dev/shm`` on Linux), the
data folder and the server's temporary files live there (their own folder,
``baseline-local-mem-*``, removed with the rest): a throwaway server keeps
nothing, and on disk every CREATE TABLE waits for several fsyncs (loading
1,000 tables took 8-15 s on this project's CI disk, 0.8 s in memory).
``BASELINE_SCRATCH_MEMORY=0`` keeps everything under TMPDIR.

Start-up speed: a fresh data folder is made once per server binary and kept as
a template in the user's cache (``~/.cache/baseline/local``); each start copies
it (tens of milliseconds) instead of initializing again (0.5 s with MariaDB,
several seconds with MySQL). A copied, cleanly shut down data folder is exactly
what the initializer would produce, minus per-server identity files, which the
copy leaves out so the server makes new ones.

Caveat: PR_SET_PDEATHSIG fires when the *thread* that started the server ends.
Start a server from a thread that outlives its use (the main thread, or the
worker that also stops it).
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import pymysql

from ..errors import EnvironmentProblem
from ..flavor import ASSUMED_BY_FAMILY, MARIADB, MYSQL, Flavor
from ..connect.url import ServerURL
from .base import ScratchServer, pid_alive, say_swept
from .guard import deferred_signals

_EXTRA_DIRS = ("/usr/sbin", "/usr/local/sbin", "/usr/local/mysql/bin", "/usr/libexec")
#: Prefix of every folder this backend creates in the temporary directory.
DIR_PREFIX = "baseline-local-"
#: Prefix of the short socket folder used when the temporary directory's path is
#: too long for a unix socket (sun_path holds 108 bytes; macOS TMPDIR, deep CI paths).
SOCK_PREFIX = "baseline-sock-"
_SOCKET_PATH_MAX = 100
#: Prefix of the folder in memory holding a server's data and temporary files.
MEM_PREFIX = "baseline-local-mem-"
#: Where memory file systems are looked for.
MEMORY_DIRS = ("/dev/shm",)
#: ``0`` keeps the data folder on disk (under TMPDIR).
MEMORY_ENV = "BASELINE_SCRATCH_MEMORY"
#: A memory folder is used only with at least this much free space.
MEMORY_MIN_FREE = 1 << 30
_SHORT_TMP = "/tmp"
#: Files a server writes about its own identity: never shared through the template.
_IDENTITY_FILES = {"auto.cnf"}
_TEMPLATE_MARK = ".baseline-template"


def _which(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for d in _EXTRA_DIRS:
        p = Path(d) / name
        if p.is_file() and os.access(p, os.X_OK):
            return str(p)
    return None


#: Environment variable naming the server binary to use (e.g. a MySQL tarball's
#: bin/mysqld); when set, nothing else is searched.
BINARY_ENV = "BASELINE_MYSQLD"


def _chosen_binary() -> str | None:
    path = os.environ[BINARY_ENV]
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def find_server_binary() -> str | None:
    """``$BASELINE_MYSQLD`` if set; else the first of ``mariadbd``, ``mysqld`` on PATH
    (or the usual sbin folders)."""
    if BINARY_ENV in os.environ:
        return _chosen_binary()
    return _which("mariadbd") or _which("mysqld")


def find_installer(binary: str) -> str | None:
    """``mariadb-install-db`` next to the server binary (tarball layouts), else on PATH."""
    here = Path(binary).resolve().parent
    for d in (here, here.parent / "scripts", here.parent / "bin"):
        for name in ("mariadb-install-db", "mysql_install_db"):
            p = d / name
            if p.is_file() and os.access(p, os.X_OK):
                return str(p)
    return _which("mariadb-install-db") or _which("mysql_install_db")


def find_server_binaries() -> dict[str, str]:
    """Every server binary found, by name (``mariadbd``, ``mysqld``); for doctor."""
    if BINARY_ENV in os.environ:
        chosen = _chosen_binary()
        return {Path(chosen).name: chosen} if chosen else {}
    found = {}
    for name in ("mariadbd", "mysqld"):
        path = _which(name)
        if path and os.path.realpath(path) not in {os.path.realpath(p) for p in found.values()}:
            found[name] = path
    return found


def server_version(binary: str) -> str | None:
    """``mariadbd --version`` text, or None when the binary does not run."""
    return _server_version(binary, *_stat_key(binary))


def _stat_key(binary: str) -> tuple[int, int]:
    try:
        st = os.stat(binary)
        return st.st_mtime_ns, st.st_size
    except OSError:
        return 0, 0


@lru_cache(maxsize=16)
def _server_version(binary: str, _mtime: int, _size: int) -> str | None:
    try:
        out = subprocess.run([binary, "--no-defaults", "--version"], capture_output=True,
                             text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout or out.stderr).strip() or None


def binary_flavor(binary: str) -> Flavor | None:
    """The flavor a server binary is, from its ``--version`` text."""
    text = server_version(binary)
    if not text:
        return None
    try:
        return Flavor.parse(text)
    except ValueError:
        return None


def _is_tmpfs(path: Path) -> bool:
    try:
        with open("/proc/self/mounts") as f:
            return any(len(p) > 2 and p[1] == str(path) and p[2] == "tmpfs" for p in map(str.split, f))
    except OSError:
        return False


def memory_dir() -> Path | None:
    """A memory file system (tmpfs) to hold throwaway data folders, or None.

    None when ``$BASELINE_SCRATCH_MEMORY`` is ``0``, or no writable tmpfs with
    at least :data:`MEMORY_MIN_FREE` bytes free is mounted at :data:`MEMORY_DIRS`.
    """
    if os.environ.get(MEMORY_ENV, "1") == "0":
        return None
    for d in map(Path, MEMORY_DIRS):
        try:
            st = os.statvfs(d)
        except OSError:
            continue
        if (st.f_bavail * st.f_frsize >= MEMORY_MIN_FREE and os.access(d, os.W_OK | os.X_OK)
                and _is_tmpfs(d)):
            return d
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Resolved once in the parent: the child of fork() must not load libraries (it
# may run while other threads hold the loader's lock).
try:
    _prctl = ctypes.CDLL("libc.so.6", use_errno=True).prctl
except (OSError, AttributeError):  # not Linux/glibc
    _prctl = None
_PR_SET_PDEATHSIG = 1


def _child_setup(parent_pid: int):
    def setup() -> None:  # pragma: no cover - runs in the child
        if _prctl is not None:
            _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)

    return setup


def sweep_abandoned(tmp: Path | None = None, min_age: float = 2.0) -> list[Path]:
    """Delete folders of local servers whose owner process is gone (killed with SIGKILL).

    A folder counts as abandoned when its ``owner`` file names a dead process and
    no server process still runs on it. Only our own user's folders are touched.
    ``min_age`` only spares a folder whose owner file is being written (a run that
    has just started); it was a minute, so a run started right after a killed one
    left the killed run's folders (its data in memory included) behind.
    """
    tmp = Path(tmp or tempfile.gettempdir())
    candidates = {*tmp.glob(DIR_PREFIX + "*"), *tmp.glob(SOCK_PREFIX + "*"),
                  *Path(_SHORT_TMP).glob(SOCK_PREFIX + "*"),
                  *(p for d in MEMORY_DIRS for p in Path(d).glob(MEM_PREFIX + "*"))}
    removed = []
    now = time.time()
    for d in sorted(candidates):
        try:
            st = d.stat()
            if st.st_uid != os.geteuid() or now - st.st_mtime < min_age:
                continue
            owner = int((d / "owner").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        if pid_alive(owner):
            continue
        try:
            server_pid = int((d / "mysqld.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            server_pid = None
        if server_pid and pid_alive(server_pid) and _runs_on(server_pid, d):
            continue
        shutil.rmtree(d, ignore_errors=True)
        removed.append(d)
    return removed


def _runs_on(pid: int, folder: Path) -> bool:
    try:
        return str(folder).encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # cannot tell: leave it alone


def cache_dir() -> Path:
    """Where data-folder templates are kept (``$BASELINE_CACHE`` or the XDG cache)."""
    base = os.environ.get("BASELINE_CACHE") or os.environ.get("XDG_CACHE_HOME") \
        or os.path.join(os.path.expanduser("~"), ".cache")
    sub = "" if os.environ.get("BASELINE_CACHE") else "baseline"
    return Path(base) / sub / "local"


class LocalServer(ScratchServer):
    kind = "local"
    disposable = True

    #: Settings that make a throwaway server start and take DDL quickly; it holds
    #: nothing worth keeping, so durability is traded for speed.
    FAST_OPTIONS = (
        "--skip-log-bin",
        "--skip-name-resolve",
        "--innodb-buffer-pool-size=128M",
        "--innodb-log-file-size=32M",
        "--innodb-flush-log-at-trx-commit=0",
        "--innodb-doublewrite=OFF",
        "--character-set-server=utf8mb4",
        "--collation-server=utf8mb4_general_ci",
        # Replaying a baseline of thousands of tables: no persistent statistics
        # rows written per CREATE TABLE, and every table definition stays cached
        # for the introspection that follows (neither changes what is created).
        "--innodb-stats-persistent=OFF",
        "--table-definition-cache=16384",
        "--table-open-cache=16384",
    )
    #: Options the data folder is initialized with (they shape files on disk).
    INIT_OPTIONS = ("--innodb-log-file-size=32M",)

    def __init__(self, binary: str | None = None, start_timeout: float = 60.0,
                 use_template: bool | None = None) -> None:
        super().__init__()
        self.binary = binary or find_server_binary()
        self.start_timeout = start_timeout
        if use_template is None:
            use_template = os.environ.get("BASELINE_LOCAL_TEMPLATE", "1") != "0"
        self.use_template = use_template
        self.tmpdir: Path | None = None
        #: Where the socket lives when ``tmpdir``'s path is too long for one.
        self.sockdir: Path | None = None
        #: The folder in memory holding the data and temporary files (None: all under ``tmpdir``).
        self.memdir: Path | None = None
        self.proc: subprocess.Popen | None = None
        #: Seconds the last start took, by phase (``datadir``, ``server``).
        self.timings: dict[str, float] = {}

    # ------------------------------------------------------------------ facts

    @property
    def binary_flavor(self) -> Flavor | None:
        return binary_flavor(self.binary) if self.binary else None

    @property
    def _rules(self):
        flavor = self.binary_flavor
        if flavor is None:  # unknown version text: go by the binary's name
            flavor = ASSUMED_BY_FAMILY[MARIADB if "mariadb" in Path(self.binary).name else MYSQL]
        return flavor.rules

    def _user_options(self) -> list[str]:
        return ["--user=root"] if os.geteuid() == 0 else []

    # ------------------------------------------------------------------ data folder

    def init_command(self, datadir: Path, workdir: Path, rules=None) -> list[str]:
        """The command that makes a fresh data folder the way the flavor's own tools do."""
        rules = rules or self._rules
        common = [f"--secure-file-priv={workdir}", *self.INIT_OPTIONS, *self._user_options()]
        if rules.local_initialize == "install-db":
            installer = find_installer(self.binary)
            if installer is None:
                raise EnvironmentProblem("mariadb-install-db not found next to mariadbd",
                                         hint="apt-get install mariadb-server")
            return [installer, "--no-defaults", f"--datadir={datadir}",
                    "--auth-root-authentication-method=normal", "--skip-test-db",
                    "--skip-name-resolve", *common]
        # MySQL 5.7+: the server initializes itself; root@localhost gets no password
        return [self.binary, "--no-defaults", "--initialize-insecure", f"--datadir={datadir}", *common]

    def server_command(self, datadir: Path, folder: Path, port: int, rules=None,
                       sock: Path | None = None, tmp: Path | None = None) -> list[str]:
        """The command that runs the server privately in ``folder`` on ``port``
        (temporary files in ``tmp``, default ``folder``)."""
        rules = rules or self._rules
        sock = sock or folder / "mysqld.sock"
        return [self.binary, "--no-defaults", f"--datadir={datadir}",
                f"--socket={sock}", f"--port={port}", "--bind-address=127.0.0.1",
                f"--pid-file={folder / 'mysqld.pid'}", f"--tmpdir={tmp or folder}",
                f"--secure-file-priv={folder}", *self.FAST_OPTIONS,
                *rules.local_server_options, *self._user_options()]

    def _initialize(self, datadir: Path, workdir: Path, log) -> None:
        cmd = self.init_command(datadir, workdir)
        with deferred_signals():  # not inside fork(): see _launch
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    cwd=workdir, preexec_fn=_child_setup(os.getpid()),
                                    start_new_session=True)
        try:
            returncode = proc.wait()
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        if returncode != 0:
            raise EnvironmentProblem(
                f"could not initialize a data folder with {Path(cmd[0]).name} "
                f"(exit {returncode}); log: {_tail(Path(log.name))}")

    def _template_path(self) -> Path:
        st_key = _stat_key(self.binary)
        ident = "\0".join([os.path.realpath(self.binary), str(st_key), server_version(self.binary) or "",
                           *self.INIT_OPTIONS, str(os.geteuid())])
        name = Path(self.binary).name
        return cache_dir() / f"{name}-{hashlib.sha256(ident.encode()).hexdigest()[:16]}"

    def _template(self, log) -> Path | None:
        """The cached data-folder template, made now if missing; None if the cache is unusable."""
        path = self._template_path()
        if (path / _TEMPLATE_MARK).is_file():
            return path / "data"
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            building = Path(tempfile.mkdtemp(prefix=".building-", dir=path.parent))
        except OSError:
            return None
        try:
            self._initialize(building / "data", building, log)
            for name in _IDENTITY_FILES:
                (building / "data" / name).unlink(missing_ok=True)
            (building / _TEMPLATE_MARK).write_text(server_version(self.binary) or "")
            try:
                os.rename(building, path)  # atomic; another process may have won the race
            except OSError:
                pass
        finally:
            shutil.rmtree(building, ignore_errors=True)
        if (path / _TEMPLATE_MARK).is_file():
            self._prune_templates(keep=path)
            return path / "data"
        return None

    def _prune_templates(self, keep: Path) -> None:
        """Drop templates of older versions of the same binary (after an upgrade)."""
        prefix = Path(self.binary).name + "-"
        for other in keep.parent.glob(prefix + "*"):
            if other != keep and other.is_dir() and not other.name.startswith("."):
                if time.time() - other.stat().st_mtime > 3600:
                    shutil.rmtree(other, ignore_errors=True)

    def _prepare_datadir(self, datadir: Path, log) -> None:
        template = self._template(log) if self.use_template else None
        if template is not None:
            try:
                shutil.copytree(template, datadir, symlinks=True,
                                ignore=lambda _d, names: [n for n in names if n in _IDENTITY_FILES])
                return
            except OSError:
                shutil.rmtree(datadir, ignore_errors=True)
        self._initialize(datadir, self.tmpdir, log)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self.binary is None and BINARY_ENV in os.environ:
            raise EnvironmentProblem(
                f"${BINARY_ENV} ({os.environ[BINARY_ENV]}) is not an executable server binary, "
                "for --scratch local",
                hint=f"point ${BINARY_ENV} at a mariadbd or mysqld, or unset it to use the one on PATH")
        if self.binary is None:
            raise EnvironmentProblem(
                "no mariadbd or mysqld on PATH for --scratch local",
                hint="apt-get install mariadb-server, or use --scratch docker / a server URL")
        say_swept(sweep_abandoned(), "folder")
        self.tmpdir = Path(tempfile.mkdtemp(prefix=DIR_PREFIX))
        (self.tmpdir / "owner").write_text(f"{os.getpid()}\n")
        memory = memory_dir()
        if memory is not None:
            try:
                self.memdir = Path(tempfile.mkdtemp(prefix=MEM_PREFIX, dir=memory))
                (self.memdir / "owner").write_text(f"{os.getpid()}\n")
                (self.memdir / "tmp").mkdir()
            except OSError:
                if self.memdir is not None:
                    shutil.rmtree(self.memdir, ignore_errors=True)
                self.memdir = None
        datadir = (self.memdir or self.tmpdir) / "data"
        if self.memdir is not None:  # the usual layout stays: <tmpdir>/data
            os.symlink(datadir, self.tmpdir / "data")
        sock = self.tmpdir / "mysqld.sock"
        if len(os.fsencode(sock)) > _SOCKET_PATH_MAX:
            try:
                self.sockdir = Path(tempfile.mkdtemp(prefix=SOCK_PREFIX, dir=_SHORT_TMP))
            except OSError:
                raise EnvironmentProblem(
                    f"temporary folder path too long for a socket and {_SHORT_TMP} unusable: "
                    f"{self.tmpdir}", hint="set TMPDIR to a short path") from None
            (self.sockdir / "owner").write_text(f"{os.getpid()}\n")
            sock = self.sockdir / "mysqld.sock"
        t0 = time.monotonic()
        with open(self.tmpdir / "server.log", "ab") as log:
            self._prepare_datadir(datadir, log)
            t1 = time.monotonic()
            self._launch(datadir, sock, log)
        self.timings = {"datadir": t1 - t0, "server": time.monotonic() - t1}
        self.flavor = self._read_flavor()

    def _launch(self, datadir: Path, sock: Path, log) -> None:
        name = Path(self.binary).name
        for _attempt in range(8):
            port = _free_port()
            cmd = self.server_command(datadir, self.tmpdir, port, sock=sock,
                                      tmp=self.memdir / "tmp" if self.memdir else None)
            log.flush()
            mark = log.tell()
            # Ctrl-C waits until Popen returns: arriving inside fork() it would hit
            # Python's at-fork handlers (leaving logging's lock taken, a hang at
            # exit) or lose the child's pid, so nothing could stop it.
            with deferred_signals():
                self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                             stdin=subprocess.DEVNULL, cwd=self.tmpdir,
                                             preexec_fn=_child_setup(os.getpid()),
                                             start_new_session=True)
            self.url = ServerURL(scheme="mysql", user="root", password="", host="127.0.0.1",
                                 port=port, unix_socket=str(sock))
            if self._wait_ready():
                self._allow_tcp_root()
                return
            # It exited. Another process took the port between our probe and its bind: retry.
            tail = _tail(self.tmpdir / "server.log", start=mark, lines=40)
            self.proc = None
            if "already in use" not in tail.lower() and "errno: 98" not in tail.lower():
                raise EnvironmentProblem(f"{name} did not start: {_tail(self.tmpdir / 'server.log')}")
        raise EnvironmentProblem(f"{name} found no free port: {_tail(self.tmpdir / 'server.log')}")

    def _wait_ready(self) -> bool:
        """True once the server answers on its socket; False if it exited first."""
        deadline = time.monotonic() + self.start_timeout
        delay = 0.01
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                pymysql.connect(**self.url.pymysql_kwargs(database=False), connect_timeout=2).close()
                return True
            except pymysql.err.OperationalError:
                time.sleep(delay)
                delay = min(delay * 1.5, 0.1)
        self._kill()
        raise EnvironmentProblem(f"{Path(self.binary).name} did not answer within "
                                 f"{self.start_timeout:.0f} s: {_tail(self.tmpdir / 'server.log')}")

    def _allow_tcp_root(self) -> None:
        """Let root in over TCP too (tools such as mysqldump or skeema may not use
        the socket). MariaDB's installer already made the account; MySQL's
        --initialize makes only root@localhost, which a TCP client does not match
        under --skip-name-resolve."""
        conn = pymysql.connect(**self.url.pymysql_kwargs(database=False))
        try:
            with conn.cursor() as cur:
                cur.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'")
                cur.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION")
        finally:
            conn.close()

    def _kill(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            # A throwaway server holds nothing to save: it gets a few seconds to stop
            # cleanly (it needs well under one), then SIGKILL. A SIGTERM that lands in
            # its first milliseconds can stay unanswered.
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)

    def stop(self) -> None:
        try:
            self._kill()
        finally:
            for folder in (self.tmpdir, self.sockdir, self.memdir):
                if folder is not None:
                    shutil.rmtree(folder, ignore_errors=True)
            self.tmpdir = self.sockdir = self.memdir = None

    def describe(self) -> str:
        where = f" pid={self.proc.pid} dir={self.tmpdir}" if self.proc and self.tmpdir else ""
        return super().describe() + where


def _tail(path: Path, lines: int = 8, start: int = 0) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            text = fh.read().decode(errors="replace")
    except OSError:
        return "(no log)"
    return " | ".join(text.strip().splitlines()[-lines:]) or "(empty log)"
