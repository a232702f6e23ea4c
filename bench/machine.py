"""The machine a benchmark ran on: CPU, cores, memory, load, and tool versions."""
from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
from importlib import metadata


def _first_line(cmd: list[str]) -> str | None:
    if shutil.which(cmd[0]) is None and not os.path.exists(cmd[0]):
        return None
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    text = (p.stdout or p.stderr).strip()
    return text.splitlines()[0].strip() if text else None


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gib() -> float | None:
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def load_average() -> str:
    try:
        return " / ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "not installed"


def facts() -> dict[str, str]:
    from baseline import __version__
    from baseline.sql import stream
    from baseline.sql.ddl import lexer

    server = _first_line(["mariadbd", "--no-defaults", "--version"]) or \
        _first_line(["/usr/sbin/mariadbd", "--no-defaults", "--version"]) or "not found"
    m = re.search(r"Ver\s+(\S+)", server)
    docker = _first_line(["docker", "version", "--format", "{{.Server.Version}}"])
    mem = memory_gib()
    return {
        "CPU": cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": f"{mem:.1f} GiB" if mem else "unknown",
        "OS": f"{platform.system()} {platform.release()} ({_os_release()})",
        "Python": platform.python_version(),
        "MariaDB server": m.group(1) if m else server,
        "mariadb client": _first_line(["mariadb", "--version"]) or "not found",
        "mariadb-dump": _first_line(["mariadb-dump", "--version"]) or "not found",
        "skeema": _first_line(["skeema", "version"]) or "not found",
        "Docker engine": docker or "not available",
        "baseline": f"{__version__} (dump splitter: {'C loops' if stream.accelerated() else 'pure Python'}; "
                    f"DDL lexer: {'C loop' if lexer.accelerated() else 'pure Python'})",
        "SQLAlchemy": _version("SQLAlchemy"),
        "PyMySQL": _version("PyMySQL"),
        "sqlparse": _version("sqlparse"),
    }


def _os_release() -> str:
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "unknown"
