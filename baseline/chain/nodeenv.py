"""The Node packages that replay sequelize-cli migrations, installed once into a cache.

sequelize-cli migrations are JavaScript: the only faithful way to know what they
do is to run them with the real ``sequelize-cli``, ``sequelize`` and ``mysql2``.
Their versions are pinned by ``node/package.json`` + ``node/package-lock.json``
beside this file and installed with ``npm ci`` into ``$BASELINE_NODE_DIR``
(default ``$XDG_CACHE_HOME/baseline/node``, i.e. ``~/.cache/baseline/node``).
A stamp (the lock file's hash) makes the install idempotent; a file lock makes
concurrent first uses safe.

Provision ahead of time (CI, offline machines)::

    python -m baseline.chain.nodeenv          # installs if needed, prints the folder
    python -m baseline.chain.nodeenv --check  # exit 0 if installed, 1 if not
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import EnvironmentProblem

PACKAGE_DIR = Path(__file__).resolve().parent / "node"
_STAMP = ".baseline-stamp"


@dataclass(frozen=True)
class NodeEnv:
    """Where the installed runtime lives."""

    node: str
    root: Path

    @property
    def node_modules(self) -> Path:
        return self.root / "node_modules"

    @property
    def sequelize_cli(self) -> Path:
        """The sequelize-cli entry script (run as ``node <this> db:migrate ...``)."""
        return self.node_modules / "sequelize-cli" / "lib" / "sequelize"


def node_dir() -> Path:
    """The cache folder for the Node packages."""
    env = os.environ.get("BASELINE_NODE_DIR")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "baseline" / "node"


def _lock_hash() -> str:
    h = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        h.update((PACKAGE_DIR / name).read_bytes())
    return h.hexdigest()


def find_node() -> str | None:
    return shutil.which("node") or shutil.which("nodejs")


def is_installed(root: Path | None = None) -> bool:
    root = root or node_dir()
    stamp = root / _STAMP
    try:
        ok = stamp.read_text().strip() == _lock_hash()
    except OSError:
        return False
    return ok and (root / "node_modules" / "sequelize-cli" / "lib" / "sequelize").exists()


def ensure_node_env(*, install: bool = True, log=None) -> NodeEnv:
    """The Node runtime, installing the pinned packages first when they are missing.

    Raises :class:`EnvironmentProblem` when Node or npm is missing or the
    install fails (with the way to fix it).
    """
    node = find_node()
    if node is None:
        raise EnvironmentProblem(
            "sequelize-cli migrations need Node.js, which is not on PATH",
            hint="install Node.js 18+ and npm (apt-get install nodejs npm), then run "
                 "`python -m baseline.chain.nodeenv`")
    root = node_dir()
    if is_installed(root):
        return NodeEnv(node, root)
    if not install:
        raise EnvironmentProblem(f"the sequelize-cli packages are not installed in {root}",
                                 hint="run `python -m baseline.chain.nodeenv`")
    npm = shutil.which("npm")
    if npm is None:
        raise EnvironmentProblem("npm is not on PATH, so sequelize-cli cannot be installed",
                                 hint="apt-get install npm, then run `python -m baseline.chain.nodeenv`")
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not is_installed(root):  # another process may have done it meanwhile
                _install(npm, root, log)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return NodeEnv(node, root)


def _install(npm: str, root: Path, log) -> None:
    if log:
        log(f"baseline: installing sequelize-cli, sequelize, mysql2 and tsx into {root} (once)")
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(PACKAGE_DIR / name, root / name)
    (root / _STAMP).unlink(missing_ok=True)
    try:
        res = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=root,
                             capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise EnvironmentProblem("npm ci did not finish within 15 minutes",
                                 hint=f"check access to the npm registry; folder: {root}") from None
    if res.returncode != 0:
        tail = " | ".join((res.stderr or res.stdout).strip().splitlines()[-5:])
        raise EnvironmentProblem(f"installing the sequelize-cli packages failed (npm ci exit {res.returncode}): "
                                 f"{tail}", hint="check access to the npm registry and retry "
                                                 "`python -m baseline.chain.nodeenv`")
    (root / _STAMP).write_text(_lock_hash() + "\n")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        ok = is_installed()
        print(f"{node_dir()}: {'installed' if ok else 'not installed'}")
        return 0 if ok else 1
    try:
        env = ensure_node_env(log=lambda m: print(m, file=sys.stderr))
    except EnvironmentProblem as e:
        print(f"baseline: error: {e}", file=sys.stderr)
        return e.exit_code
    print(env.root)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
