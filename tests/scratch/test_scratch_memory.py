"""Local throwaway servers keep their data in memory, and skip DROPs nobody needs.

A local server's data folder and temporary files live on a memory file system
(/dev/shm) when there is one: fsync is free there, and a baseline of thousands
of tables replays many times faster. Checked: where the data lives, that nothing
is left after the server stops (also after its owner was killed), the switch
that keeps data on disk, and ``database(drop=False)`` (left to the server's stop
on a disposable server, dropped all the same on a user's server).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from baseline.scratch import open_scratch
from baseline.scratch.local import MEM_PREFIX, MEMORY_DIRS, MEMORY_ENV, LocalServer, memory_dir, sweep_abandoned
from baseline.scratch.remote import RemoteServer
from scratch_helpers import database_exists

needs_memory = pytest.mark.skipif(memory_dir() is None, reason="no writable tmpfs with 1 GiB free at /dev/shm")


def _datadir(server) -> str:
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT @@datadir, @@tmpdir")
        row = cur.fetchone()
    conn.close()
    return row


@needs_memory
def test_data_and_temporary_files_live_in_memory_and_go_with_the_server():
    with LocalServer() as server:
        datadir, tmpdir = _datadir(server)
        assert server.memdir is not None and server.memdir.name.startswith(MEM_PREFIX)
        assert Path(datadir).resolve() == (server.memdir / "data").resolve()
        assert Path(tmpdir).resolve() == (server.memdir / "tmp").resolve()
        assert (server.tmpdir / "data").resolve() == (server.memdir / "data").resolve()  # usual layout kept
        memdir, folder = server.memdir, server.tmpdir
        with server.database() as db:
            conn = server.connect(db)
            with conn.cursor() as cur:
                cur.execute("CREATE TABLE t (id int PRIMARY KEY)")
            conn.close()
            assert (memdir / "data" / db / "t.frm").is_file()
    assert not memdir.exists() and not folder.exists()


def test_the_environment_keeps_data_on_disk(monkeypatch):
    monkeypatch.setenv(MEMORY_ENV, "0")
    assert memory_dir() is None
    with LocalServer() as server:
        assert server.memdir is None
        datadir, _tmp = _datadir(server)
        assert Path(datadir).resolve() == (server.tmpdir / "data").resolve()


@needs_memory
def test_an_abandoned_memory_folder_is_swept(tmp_path):
    dead = Path(MEMORY_DIRS[0]) / f"{MEM_PREFIX}test-{os.getpid()}-dead"
    dead.mkdir()
    try:
        (dead / "data").mkdir()
        (dead / "owner").write_text("999999999\n")  # no such process
        old = time.time() - 3600
        os.utime(dead, (old, old))
        assert dead in sweep_abandoned(tmp_path)
        assert not dead.exists()
    finally:
        if dead.exists():
            import shutil

            shutil.rmtree(dead)


def test_drop_false_leaves_the_database_to_a_disposable_servers_stop():
    with open_scratch("local") as server:
        assert server.disposable
        with server.database(drop=False) as db:
            pass
        assert database_exists(server, db) and db in server.databases
        with server.database() as other:
            pass
        assert not database_exists(server, other)


def test_drop_false_still_drops_on_a_users_server(server):
    remote = RemoteServer(server.url)
    with remote:
        assert not remote.disposable
        with remote.database(drop=False) as db:
            assert database_exists(server, db)
        assert not database_exists(server, db) and remote.databases == []


@pytest.mark.docker
@pytest.mark.parametrize("memory", ["1", "0"])
def test_a_container_keeps_its_data_in_memory_unless_told(monkeypatch, memory):
    from baseline.scratch.docker import DATADIR, TEST_IMAGE, DockerServer
    from scratch_helpers import docker_client_or_skip

    client = docker_client_or_skip()
    monkeypatch.setenv(MEMORY_ENV, memory)
    try:
        with DockerServer(image=TEST_IMAGE) as server:
            host_config = client.api.inspect_container(server.container_id)["HostConfig"]
            conn = server.connect()
            with conn.cursor() as cur:
                cur.execute("SELECT @@innodb_stats_persistent")
                assert cur.fetchone()[0] == 0
            conn.close()
        mounts = host_config.get("Tmpfs") or {}
        assert (DATADIR in mounts) == (memory == "1")
    finally:
        client.close()
