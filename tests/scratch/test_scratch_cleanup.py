"""A CLI run killed mid-work (Ctrl-C, SIGTERM) leaves no process, container,
temporary folder or scratch database behind.

The run is ``baseline doctor --check --scratch X --hold 60``: it starts the
backend, creates a database, runs DDL, announces what it holds on stderr and
waits; the test then sends the signal and inspects the machine.
"""
from __future__ import annotations

import signal
from pathlib import Path

import pytest

from baseline.scratch.docker import LABEL, LABEL_ID
from baseline.scratch.local import SOCK_PREFIX
from requirements import needs_server_binary
from scratch_helpers import (baseline_cli, database_exists, docker_client_or_skip, pid_alive, wait_for_hold,
                             wait_gone)

SIGNALS = [pytest.param(signal.SIGINT, 130, id="SIGINT"), pytest.param(signal.SIGTERM, 143, id="SIGTERM")]


def _interrupt(proc, sig, code):
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, (out, err)
    # said either way: a run that stops silently looks like one that finished
    assert ("interrupted" if sig == signal.SIGINT else "terminated") in err, err
    assert "Traceback" not in err
    return err


@needs_server_binary
@pytest.mark.parametrize("sig,code", SIGNALS)
def test_local_run_killed_mid_work(sig, code):
    proc = baseline_cli("doctor", "--check", "--scratch", "local", "--hold", "60")
    held = wait_for_hold(proc)
    pid, folder = int(held["pid"]), Path(held["dir"])
    assert pid_alive(pid) and (folder / "data" / held["database"]).is_dir()
    _interrupt(proc, sig, code)
    assert wait_gone(pid), "the server process survived"
    assert not folder.exists(), "the temporary folder survived"


@pytest.mark.docker
@pytest.mark.parametrize("sig,code", SIGNALS)
def test_docker_run_killed_mid_work(sig, code):
    client = docker_client_or_skip()
    try:
        proc = baseline_cli("doctor", "--check", "--scratch", "docker", "--hold", "60")
        held = wait_for_hold(proc)
        container = client.containers.get(held["container"])
        assert container.status == "running" and container.labels[LABEL] == "1"
        token = container.labels[LABEL_ID]
        _interrupt(proc, sig, code)
        assert not client.containers.list(all=True, ignore_removed=True, filters={"id": held["container"]})
        assert not client.containers.list(all=True, ignore_removed=True, filters={"label": f"{LABEL_ID}={token}"})
    finally:
        client.close()


@pytest.mark.parametrize("sig,code", SIGNALS)
def test_url_run_killed_mid_work(server, sig, code):
    proc = baseline_cli("doctor", "--check", "--scratch", server.url.redacted(), "--hold", "60")
    held = wait_for_hold(proc)
    db = held["database"]

    assert database_exists(server, db)
    _interrupt(proc, sig, code)
    assert not database_exists(server, db), "the scratch database survived"


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if text.encode() in (p / "cmdline").read_bytes():
                    found.append(int(p.name))
            except OSError:
                pass
    return found


@needs_server_binary
@pytest.mark.parametrize("delay", [0.35, 0.6, 0.9])
def test_local_run_interrupted_during_start_up(tmp_path, delay):
    """Whatever phase the signal hits (initializing, starting, DDL), nothing is left."""
    import time

    proc = baseline_cli("doctor", "--check", "--scratch", "local", "--hold", "60",
                        env={"TMPDIR": str(tmp_path)})
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    assert proc.returncode in (130, -signal.SIGINT)  # -2: hit before Python set up its handler
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_mentioning(str(tmp_path)) == []
    assert list(tmp_path.iterdir()) == []
    # a deep TMPDIR moves the socket to a short folder in /tmp: gone too
    for d in Path("/tmp").glob(SOCK_PREFIX + "*"):
        owner = (d / "owner").read_text().strip() if (d / "owner").exists() else ""
        assert owner != str(proc.pid), f"socket folder {d} survived"


@pytest.mark.docker
@pytest.mark.parametrize("delay", [0.6, 1.0, 1.5])
def test_docker_run_interrupted_during_start_up(delay):
    import socket
    import time

    from baseline.scratch.docker import LABEL_OWNER

    client = docker_client_or_skip()
    try:
        proc = baseline_cli("doctor", "--check", "--scratch", "docker", "--hold", "60")
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
        assert proc.returncode in (130, -signal.SIGINT)  # -2: hit before Python set up its handler
        owner = f"{socket.gethostname()}:{proc.pid}"
        assert client.containers.list(all=True, ignore_removed=True, filters={"label": f"{LABEL_OWNER}={owner}"}) == []
    finally:
        client.close()


@needs_server_binary
def test_local_run_killed_outright_is_recovered(tmp_path):
    """SIGKILL allows no cleanup: the kernel stops the server (PDEATHSIG) and the
    next start sweeps the abandoned folder."""
    from baseline.scratch.local import sweep_abandoned

    proc = baseline_cli("doctor", "--check", "--scratch", "local", "--hold", "60",
                        env={"TMPDIR": str(tmp_path)})
    held = wait_for_hold(proc)
    pid, folder = int(held["pid"]), Path(held["dir"])
    proc.kill()
    proc.communicate(timeout=30)
    assert wait_gone(pid), "the server outlived its killed owner"
    assert folder.exists()
    assert folder in sweep_abandoned(tmp_path, min_age=0)
    assert not folder.exists()


@pytest.mark.docker
def test_docker_run_killed_outright_is_recovered():
    from baseline.scratch.docker import sweep_abandoned

    client = docker_client_or_skip()
    try:
        proc = baseline_cli("doctor", "--check", "--scratch", "docker", "--hold", "60")
        held = wait_for_hold(proc)
        proc.kill()
        proc.communicate(timeout=30)
        cid = held["container"]
        assert client.containers.get(cid).status == "running"  # nobody could clean up
        assert cid in sweep_abandoned(client)
        assert not client.containers.list(all=True, ignore_removed=True, filters={"id": cid})
    finally:
        client.close()
