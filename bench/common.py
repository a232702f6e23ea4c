"""What every benchmark section shares: timed runs of fresh processes, medians,
result rows, markdown tables.

Each measurement runs a *fresh process* (baseline's CLI, a peer tool, a small
Python script), so start-up and imports count for everyone alike. Wall time is
taken around the process; peak memory is the process's own peak RSS as GNU time
(``/usr/bin/time``) reports it: time is a tiny process that forks and execs the
command, so the figure is not inflated by this (large) Python process, as
``ru_maxrss`` of our own children would be. Memory of servers the tools talk to
is not included (it is the same server for every tool).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
OUT = HERE / "out"
PYTHON = sys.executable
#: Where bench/run.py installs this checkout the way users get it (not editable).
INSTALL = OUT / "install"
#: Python tools (baseline, the SQLAlchemy peers, the dump reader) run as they would
#: from a regular install: ``python -S -P`` with the install and the dependencies on
#: PYTHONPATH. The development checkout's editable install adds an import hook to
#: every start (10 ms here), which no user pays and which would be measured.
PY = [PYTHON, "-S", "-P"]  # -P: the working directory (a checkout) is not on sys.path
BASELINE = [*PY, "-m", "baseline"]


def site_packages() -> str:
    import sysconfig

    return sysconfig.get_paths()["purelib"]


def python_env() -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join([str(INSTALL), site_packages()])}


def install_checkout() -> None:
    """``pip install --target`` of this checkout (C extension built), fresh each run."""
    import shutil
    import subprocess

    shutil.rmtree(INSTALL, ignore_errors=True)
    log("installing this checkout for the benchmark (regular install, C extension built)")
    subprocess.run([PYTHON, "-m", "pip", "install", "-q", "--no-deps",
                    "--disable-pip-version-check", "--target", str(INSTALL), str(ROOT)], check=True)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
#: GNU time (not the shell keyword): reports the peak RSS of the command it runs.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def settle(query: Callable[[str], list[tuple]], timeout: float = 60.0) -> float:
    """Wait until the source server's background flushing has stopped: no dirty
    pages, or as many for a second (MariaDB leaves some at idle); at most
    ``timeout`` seconds. Returns how long that took. A client load of 1,000
    tables leaves InnoDB seconds of background writes; without this, whichever
    tool runs next pays for them (in a round, the first introspection)."""
    t0 = time.monotonic()
    last, same = None, 0
    while time.monotonic() - t0 < timeout:
        rows = query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")
        dirty = int(rows[0][1]) if rows else 0
        if dirty == 0:
            break
        same = same + 1 if dirty == last else 0
        if same >= 4:
            break
        last = dirty
        time.sleep(0.25)
    return time.monotonic() - t0


@dataclass
class Sample:
    seconds: float
    #: Peak RSS in bytes, when known.
    rss: int | None = None


class CommandFailed(RuntimeError):
    pass


def run_timed(cmd: Sequence[str], *, stdin=None, stdout=subprocess.DEVNULL, cwd=None, env=None,
              ok: Sequence[int] = (0,), timeout: float | None = 3600) -> Sample:
    """Run ``cmd`` once; wall seconds and peak RSS (GNU time's %M)."""
    rss_file = None
    full = list(cmd)
    if GNU_TIME:
        fd, rss_file = tempfile.mkstemp(prefix="bench-rss-")
        os.close(fd)
        full = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file, *full]
    try:
        stdin_f = open(stdin, "rb") if isinstance(stdin, (str, Path)) else stdin
        try:
            t0 = time.perf_counter()
            p = subprocess.run(full, stdin=stdin_f, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd,
                               env={**os.environ, **python_env(), **(env or {})}, timeout=timeout)
            dt = time.perf_counter() - t0
        finally:
            if stdin_f is not None and stdin_f is not stdin:
                stdin_f.close()
        rss = None
        if rss_file:
            text = Path(rss_file).read_text().strip().splitlines()
            rss = int(text[-1]) * 1024 if text and text[-1].strip().isdigit() else None
    finally:
        if rss_file:
            Path(rss_file).unlink(missing_ok=True)
    if p.returncode not in ok:
        err = p.stderr.decode(errors="replace")[-2000:]
        raise CommandFailed(f"exit {p.returncode}: {' '.join(map(str, cmd))}\n{err}")
    return Sample(dt, rss)


@dataclass
class Row:
    """One measured line of a results table."""

    section: str
    case: str            # what was measured on: "1,000 tables", "1 GiB, extended INSERTs"
    tool: str
    samples: list[Sample] = field(default_factory=list)
    #: Free text: what the number means, why it is missing.
    note: str = ""
    #: Bytes processed (dump rows: MB/s is derived from it).
    size: int | None = None
    #: For rows whose figure is computed, not timed (e.g. extrapolated).
    seconds_override: float | None = None
    extra: dict = field(default_factory=dict)

    @property
    def seconds(self) -> float | None:
        if self.seconds_override is not None:
            return self.seconds_override
        if not self.samples:
            return None
        return statistics.median(s.seconds for s in self.samples)

    @property
    def rss(self) -> int | None:
        vals = [s.rss for s in self.samples if s.rss is not None]
        return max(vals) if vals else None

    @property
    def mbps(self) -> float | None:
        if self.size is None or not self.seconds:
            return None
        return self.size / self.seconds / 1e6

    def as_json(self) -> dict:
        return {"section": self.section, "case": self.case, "tool": self.tool, "note": self.note,
                "seconds": self.seconds, "rss": self.rss, "size": self.size, "mbps": self.mbps,
                "runs": [{"seconds": s.seconds, "rss": s.rss} for s in self.samples], "extra": self.extra}


def fmt_s(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.2f}" if v < 10 else f"{v:.1f}"


def fmt_mib(v: int | None) -> str:
    return "—" if v is None else f"{v / 2**20:,.0f}"


def fmt_ratio(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.2f}x" if v < 10 else f"{v:.0f}x"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str | None = None) -> str:
    align = align or "l" + "r" * (len(header) - 1)
    sep = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(str(c).replace("|", "&#124;") for c in r) + " |" for r in rows]
    return "\n".join(lines)


def n_label(n: int) -> str:
    return f"{n:,} tables"


# ---------------------------------------------------------------------------- workloads

#: The second workload, a legacy app's shape (reserved-word, generated and invisible
#: columns, partitions, CHECKs, fulltext/spatial/prefix keys, FK cycles added by
#: ALTER, views on views, triggers, routines, events, sequences): the generator the
#: team keeps beside the project, used by path (a user's clone does not have it).
LEGACY_GEN = ROOT.parent / "shared" / "bench" / "gen_legacy.py"


@dataclass(frozen=True)
class Workload:
    name: str
    #: appended to a case label ("1,000 tables" + ", legacy")
    suffix: str
    #: database name prefix on the source server
    prefix: str

    def case(self, n: int) -> str:
        return n_label(n) + self.suffix

    def db(self, n: int) -> str:
        return f"{self.prefix}{n}"

    def schema_file(self, n: int) -> Path:
        """bench/data/<name>-N.sql from the workload's generator (rewritten only when it changes)."""
        DATA.mkdir(parents=True, exist_ok=True)
        path = DATA / f"{'schema' if self.name == 'generated' else self.name}-{n}.sql"
        if self.name == "generated":
            import gen_schema

            text = gen_schema.generate(n)
        else:
            text = subprocess.run([PYTHON, str(LEGACY_GEN), "schema", str(n)], check=True, capture_output=True,
                                  text=True).stdout
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
        return path


GENERATED = Workload("generated", "", "g")
LEGACY = Workload("legacy", ", legacy", "l")


def workloads() -> list[Workload]:
    """bench/gen_schema.py's schemas, and the legacy-style ones where the generator is at hand."""
    return [GENERATED] + ([LEGACY] if LEGACY_GEN.is_file() else [])

