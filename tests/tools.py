"""Where the migration tools the format tests run for real live, and how a test gets one.

tests/provision.sh installs them (dbmate and Liquibase from npm) into
``$BASELINE_TOOLS_DIR`` (default ``~/.cache/baseline/tools``). A test that needs
a missing tool skips with the reason, unless ``BASELINE_REQUIRE_TOOLS=1`` (CI),
where it fails instead.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from requirements import missing

TOOLS_DIR = Path(os.environ.get("BASELINE_TOOLS_DIR")
                 or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "baseline" / "tools")


def _missing(what: str):
    missing("TOOLS", f"{what} (run tests/provision.sh)")


def dbmate() -> str:
    path = TOOLS_DIR / "node_modules" / ".bin" / "dbmate"
    if not path.exists():
        _missing(f"dbmate is not installed in {TOOLS_DIR}")
    return str(path)


def liquibase() -> str:
    path = TOOLS_DIR / "node_modules" / "liquibase" / "dist" / "liquibase" / "liquibase"
    if not path.exists():
        _missing(f"Liquibase is not installed in {TOOLS_DIR}")
    if shutil.which("java") is None:
        _missing("Liquibase needs a Java runtime (apt-get install default-jre-headless)")
    return str(path)
