"""A throwaway ``mariadbd``/``mysqld`` process in a temporary folder."""
from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pymysql

from ..errors import EnvironmentProblem
from ..sources.url import ServerURL
from .base import ScratchServer

_EXTRA_DIRS = ("/usr/sbin", "/usr/local/sbin", "/usr/local/mysql/bin", "/usr/libexec")


def _which(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for d in _EXTRA_DIRS:
        p = Path(d) / name
        if p.is_file() and os.access(p, os.X_OK):
            return str(p)
    return None


def find_server_binary() -> str | None:
    """The first of ``mariadbd``, ``mysqld`` on PATH (or the usual sbin folders)."""
    return _which("mariadbd") or _which("mysqld")


def server_version(binary: str) -> str | None:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout or out.stderr).strip() or None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Ask the kernel to SIGTERM the server if baseline itself dies (Linux)."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass
    os.setsid()  # our own process group: a Ctrl-C on the terminal goes to baseline only


class LocalServer(ScratchServer):
    kind = "local"

    #: Settings that make a throwaway server start and take DDL quickly; it holds
    #: nothing worth keeping, so durability is traded for speed.
    FAST_OPTIONS = (
        "--skip-log-bin",
        "--skip-name-resolve",
        "--innodb-buffer-pool-size=128M",
        "--innodb-log-file-size=32M",
        "--innodb-flush-log-at-trx-commit=0",
        "--innodb-doublewrite=0",
        "--character-set-server=utf8mb4",
        "--collation-server=utf8mb4_general_ci",
    )

    def __init__(self, binary: str | None = None, start_timeout: float = 60.0) -> None:
        super().__init__()
        self.binary = binary or find_server_binary()
        self.start_timeout = start_timeout
        self.tmpdir: Path | None = None
        self.proc: subprocess.Popen | None = None

    @property
    def is_mariadb(self) -> bool:
        return "mariadb" in Path(self.binary).name or "mariadb" in (server_version(self.binary) or "").lower()

    def _initialize(self, datadir: Path, log) -> None:
        user = ["--user=root"] if os.geteuid() == 0 else []
        if self.is_mariadb:
            installer = _which("mariadb-install-db") or _which("mysql_install_db")
            if installer is None:
                raise EnvironmentProblem("mariadb-install-db not found next to mariadbd",
                                         hint="apt-get install mariadb-server")
            cmd = [installer, "--no-defaults", f"--datadir={datadir}",
                   "--auth-root-authentication-method=normal", "--skip-test-db",
                   "--skip-name-resolve", *user]
        else:
            cmd = [self.binary, "--no-defaults", "--initialize-insecure",
                   f"--datadir={datadir}", *user]
        res = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=self.tmpdir,
                             preexec_fn=_die_with_parent)
        if res.returncode != 0:
            raise EnvironmentProblem(
                f"could not initialize a data folder with {Path(cmd[0]).name} "
                f"(exit {res.returncode}); log: {self._log_tail()}")

    def _log_tail(self, lines: int = 8) -> str:
        try:
            text = (self.tmpdir / "server.log").read_text(errors="replace")
        except OSError:
            return "(no log)"
        return " | ".join(text.strip().splitlines()[-lines:])

    def start(self) -> None:
        if self.binary is None:
            raise EnvironmentProblem(
                "no mariadbd or mysqld on PATH for --scratch local",
                hint="apt-get install mariadb-server, or use --scratch docker / a server URL")
        self.tmpdir = Path(tempfile.mkdtemp(prefix="baseline-local-"))
        datadir = self.tmpdir / "data"
        sock = self.tmpdir / "mysqld.sock"
        with open(self.tmpdir / "server.log", "ab") as log:
            self._initialize(datadir, log)
            user = ["--user=root"] if os.geteuid() == 0 else []
            for _attempt in range(5):
                port = _free_port()
                cmd = [self.binary, "--no-defaults", f"--datadir={datadir}", f"--socket={sock}",
                       f"--port={port}", "--bind-address=127.0.0.1",
                       f"--pid-file={self.tmpdir / 'mysqld.pid'}", *self.FAST_OPTIONS, *user]
                if not self.is_mariadb:
                    cmd.append("--mysqlx=OFF")
                self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                             stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)
                self.url = ServerURL(scheme="mysql", user="root", password="", host="127.0.0.1",
                                     port=port, unix_socket=str(sock))
                if self._wait_ready():
                    break
                if "already in use" not in self._log_tail(20):
                    raise EnvironmentProblem(f"{Path(self.binary).name} did not start: {self._log_tail()}")
            else:
                raise EnvironmentProblem(f"{Path(self.binary).name} found no free port: {self._log_tail()}")
        self.flavor = self._read_flavor()

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                pymysql.connect(**self.url.pymysql_kwargs(database=False), connect_timeout=2).close()
                return True
            except pymysql.err.OperationalError:
                time.sleep(0.02)
        self._kill()
        raise EnvironmentProblem(f"{Path(self.binary).name} did not answer within {self.start_timeout:.0f} s: "
                                 f"{self._log_tail()}")

    def _kill(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def stop(self) -> None:
        try:
            self._kill()
        finally:
            if self.tmpdir is not None:
                shutil.rmtree(self.tmpdir, ignore_errors=True)
                self.tmpdir = None
