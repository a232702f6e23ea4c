"""The command-line contract: commands exist, exit codes, doctor's 0/3."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from baseline import __version__
from requirements import missing, needs_server_binary
from scratch_helpers import ROOT


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "baseline", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


NO_DOCKER = {"DOCKER_HOST": "unix:///nonexistent/baseline-test-docker.sock"}


def test_version_and_help():
    r = run("--version")
    assert r.returncode == 0 and __version__ in r.stdout
    r = run("--help")
    assert r.returncode == 0
    for command in ("generate", "verify", "diff", "inspect", "doctor"):
        assert command in r.stdout


@pytest.mark.parametrize("args", [
    ("--no-such-option",),
    ("generate", "x.sql", "--no-such-option"),
    ("verify", "--migrations", "m", "--against", "x.sql", "--bogus"),
    ("doctor", "--bogus"),
    ("no-such-command",),
])
def test_unknown_option_or_command_exits_2(args):
    r = run(*args)
    assert r.returncode == 2, r
    assert "Traceback" not in r.stderr and ("No such" in r.stderr or "no such" in r.stderr)


@pytest.mark.parametrize("args", [
    ("generate",), ("inspect",), ("diff", "only-one.sql"),
    ("verify", "--migrations", "m"), ("verify", "--against", "x.sql"),
])
def test_missing_source_exits_2(args):
    r = run(*args)
    assert r.returncode == 2, r
    assert "Missing" in r.stderr and "Traceback" not in r.stderr


def test_bad_scratch_value_exits_2():
    r = run("doctor", "--scratch", "kubernetes")
    assert r.returncode == 2 and "unknown --scratch value" in r.stderr


@needs_server_binary
def test_doctor_exits_0_when_a_backend_works():
    r = run("doctor", env=NO_DOCKER)
    assert r.returncode == 0, r
    assert "local   ok" in r.stdout and "docker  missing" in r.stdout
    assert "apt-get install docker.io" in r.stdout  # how to get the missing one
    assert "auto    ->       local" in r.stdout


@needs_server_binary
def test_doctor_check_really_uses_the_local_backend():
    r = run("doctor", "--check", "--scratch", "local")
    assert r.returncode == 0, r
    line = next(l for l in r.stdout.splitlines() if l.strip().startswith("local") and "start" in l)
    assert "ok" in line and "ddl" in line and "cleanup" in line


def test_doctor_exits_3_when_nothing_works():
    r = run("doctor", env={**NO_DOCKER, "BASELINE_MYSQLD": "/nonexistent/mysqld"})
    assert r.returncode == 3, r
    assert "docker  missing  no engine" in r.stdout and "local   missing" in r.stdout
    assert "apt-get install docker.io" in r.stdout and "apt-get install mariadb-server" in r.stdout
    assert "0 of 2 backends" in r.stdout


def test_doctor_exits_3_when_the_only_backend_asked_for_is_missing():
    r = run("doctor", "--scratch", "docker", env=NO_DOCKER)
    assert r.returncode == 3, r
    assert "no engine" in r.stdout and "to get:" in r.stdout


def test_doctor_exits_3_for_an_unreachable_url_and_hides_its_password():
    r = run("doctor", "--check", "--scratch", "mysql://root:s3cret-pw@127.0.0.1:1/")
    assert r.returncode == 3, r
    assert "s3cret-pw" not in r.stdout + r.stderr
    assert "cannot reach" in r.stdout


def test_doctor_check_exits_3_when_the_only_backend_fails():
    """An image that is not present: docker is reachable, the check fails, exit 3."""
    from baseline.scratch.docker import engine_available

    if not engine_available():
        missing("DOCKER", "no Docker engine answers")
    r = run("doctor", "--check", "--scratch", "docker", "--image", "mariadb:0.0-absent-baseline-test")
    assert r.returncode == 3, r
    assert "FAILED" in r.stdout and "docker pull mariadb:0.0-absent-baseline-test" in r.stdout


def test_scratch_environment_problem_exits_3():
    """--scratch docker without an engine is an environment problem with a hint."""
    code = ("import sys\n"
            "from baseline.cli import command\n"
            "from baseline.scratch import open_scratch\n"
            "@command\n"
            "def go():\n"
            "    with open_scratch('docker'):\n"
            "        pass\n"
            "go()\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, **NO_DOCKER}, timeout=60)
    assert r.returncode == 3, r
    assert r.stderr.startswith("baseline: error: no Docker engine") and "hint:" in r.stderr
