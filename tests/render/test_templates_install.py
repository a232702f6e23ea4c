"""The Jinja2 templates ship as the package ``baseline.templates``: both an editable
install (this checkout) and a regular ``pip install`` must find them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

PROBE = """
import baseline.templates, sys
from baseline.model import Schema
from baseline.render.ddl import render_sql_file
print(baseline.templates.__file__)
print(render_sql_file(Schema(name="x", charset="utf8mb4", collation="utf8mb4_bin"), source_description="probe"))
"""


def test_editable_install_finds_the_templates():
    import baseline.templates
    from baseline.render.sqlfile import template

    assert Path(baseline.templates.__file__).parent == ROOT / "templates"
    assert "DELIMITER" in template("sql.sql.j2").render(
        header=[], prologue=[], items=[{"title": "", "sets": [], "sql": "x", "delimiter": ";;"}], epilogue=[])


@pytest.mark.slow
def test_regular_install_finds_the_templates(tmp_path):
    # build from a copy: setuptools writes build/ next to the sources, and a stale
    # build/lib there could leak old files into the wheel
    src = tmp_path / "src"
    for part in ("baseline", "templates"):
        shutil.copytree(ROOT / part, src / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", src / "pyproject.toml")
    target = tmp_path / "site"
    build = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                            str(src)], capture_output=True, text=True, timeout=300)
    if build.returncode != 0 and "Could not find a version" in build.stderr:
        pytest.skip("the build backend (setuptools, wheel) is not installable here")
    assert build.returncode == 0, build.stderr[-2000:]
    assert (target / "baseline" / "templates" / "sql.sql.j2").is_file()
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    where, _, text = run.stdout.partition("\n")
    assert Path(where).is_relative_to(target)          # the installed copy, not this checkout
    assert text.startswith("-- Baseline of probe\n")
