"""The local backend against real mariadbd processes."""
from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from baseline.errors import EnvironmentProblem
from baseline.flavor import MARIADB, MYSQL, Flavor
from baseline.scratch import open_scratch
from baseline.scratch.local import DIR_PREFIX, LocalServer, cache_dir, sweep_abandoned
from helpers import query
from requirements import needs_server_binary
from scratch_helpers import pid_alive, probe_table

pytestmark = needs_server_binary


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A template cache of this test's own, so template behaviour is observable."""
    monkeypatch.setenv("BASELINE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _roundtrip(server: LocalServer) -> str:
    with server.database(charset="latin1", collation="latin1_german2_ci") as db:
        ddl = probe_table(server, db)
        charset = query(server, db, "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
                        "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = %s", (db,))
        assert charset == [("latin1", "latin1_german2_ci")]
    return ddl


def test_start_create_ddl_reflect_cleanup():
    with open_scratch("local") as server:
        assert isinstance(server, LocalServer)
        assert server.flavor.family in (MARIADB, MYSQL)
        folder, pid = server.tmpdir, server.proc.pid
        assert folder.name.startswith(DIR_PREFIX) and pid_alive(pid)
        ddl = _roundtrip(server)
        assert "CHARSET=latin1" in ddl and "COLLATE=latin1_german2_ci" in ddl
        assert server.databases == []
    assert not folder.exists()
    assert not pid_alive(pid)


def test_cleanup_after_exception_inside_the_context():
    with pytest.raises(RuntimeError, match="boom"):
        with LocalServer() as server:
            folder, pid = server.tmpdir, server.proc.pid
            with server.database(charset="utf8mb4") as db:
                name = db
                raise RuntimeError("boom")
    assert name.startswith("baseline_scratch_")
    assert not folder.exists()
    assert not pid_alive(pid)


def test_failed_start_leaves_nothing(tmp_path, private_cache, monkeypatch):
    """A binary that cannot initialize: a clear EnvironmentProblem, no folder, no half template."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    bogus = tmp_path / "mysqld"
    bogus.write_text("#!/bin/sh\necho 'mysqld: cannot do that' >&2\nexit 7\n")
    bogus.chmod(0o755)
    with pytest.raises(EnvironmentProblem, match="could not initialize.*exit 7.*cannot do that") as e:
        with LocalServer(binary=str(bogus)):
            pass
    assert e.value.exit_code == 3
    assert not list(tmp_path.glob(DIR_PREFIX + "*"))
    assert not [p for p in private_cache.rglob("*") if p.name.startswith(".building")]


def test_long_temporary_path_gets_a_short_socket_folder(tmp_path, monkeypatch):
    deep = tmp_path / ("d" * 60) / ("e" * 40)
    deep.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(deep))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    with LocalServer() as server:
        assert server.tmpdir.parent == deep
        assert server.sockdir is not None and len(str(server.sockdir)) < 40
        assert Path(server.url.unix_socket).parent == server.sockdir
        assert "CHARSET=latin1" in _roundtrip(server)
        folders = (server.tmpdir, server.sockdir)
    assert not any(f.exists() for f in folders)


def test_template_is_cached_and_reused(private_cache):
    with LocalServer() as first:
        _roundtrip(first)
    templates = [p for p in cache_dir().iterdir() if not p.name.startswith(".")]
    assert len(templates) == 1 and (templates[0] / ".baseline-template").is_file()
    assert not (templates[0] / "data" / "auto.cnf").exists()
    with LocalServer() as second:
        assert second.timings["datadir"] < first.timings["datadir"]
        _roundtrip(second)
    # the servers wrote into their copies, never into the template
    assert not (templates[0] / "data" / "mysqld.pid").exists()


def test_without_template_initializes_directly(private_cache):
    with LocalServer(use_template=False) as server:
        assert "CHARSET=latin1" in _roundtrip(server)
    assert not private_cache.exists()


def test_start_time_under_target():
    """Target: a warm start (template cached) under 1.5 s."""
    LocalServer().__enter__().stop()  # warm the template
    times = []
    for _ in range(3):
        t = time.monotonic()
        with LocalServer():
            times.append(time.monotonic() - t)
    assert statistics.median(times) < 1.5, times


def test_commands_for_mysql_flavors():
    """MySQL cannot run here; its command lines are checked against the flavor rules."""
    server = LocalServer(binary="/usr/sbin/mysqld")
    folder = Path("/tmp/x")
    mysql8 = Flavor(MYSQL, (8, 0, 36)).rules
    init = server.init_command(folder / "data", folder, rules=mysql8)
    assert init[:3] == ["/usr/sbin/mysqld", "--no-defaults", "--initialize-insecure"]
    assert f"--datadir={folder / 'data'}" in init and f"--secure-file-priv={folder}" in init
    run = server.server_command(folder / "data", folder, 3307, rules=mysql8)
    assert run[1] == "--no-defaults" and "--mysqlx=OFF" in run and "--port=3307" in run
    assert f"--socket={folder / 'mysqld.sock'}" in run
    mysql57 = Flavor(MYSQL, (5, 7, 44)).rules
    assert "--mysqlx=OFF" not in server.server_command(folder / "data", folder, 3307, rules=mysql57)
    maria = Flavor(MARIADB, (10, 11, 0)).rules
    assert Path(server.init_command(folder / "data", folder, rules=maria)[0]).name in (
        "mariadb-install-db", "mysql_install_db")


def test_sweep_removes_only_abandoned_folders(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    abandoned = tmp_path / f"{DIR_PREFIX}dead"
    alive = tmp_path / f"{DIR_PREFIX}alive"
    young = tmp_path / f"{DIR_PREFIX}young"
    for d, owner in ((abandoned, dead.pid), (alive, os.getpid()), (young, dead.pid)):
        (d / "data").mkdir(parents=True)
        (d / "owner").write_text(f"{owner}\n")
    old = time.time() - 3600
    os.utime(abandoned, (old, old))
    os.utime(alive, (old, old))
    removed = sweep_abandoned(tmp_path)
    assert abandoned in removed and alive not in removed and young not in removed
    assert not abandoned.exists() and alive.exists() and young.exists()


@pytest.mark.slow
def test_twenty_concurrent_servers_do_not_collide():
    n = 20
    barrier = threading.Barrier(n)

    def one(i: int):
        barrier.wait()  # all start at once
        with LocalServer() as server:
            with server.database(charset="utf8mb4") as db:
                conn = server.connect(db)
                with conn.cursor() as cur:
                    cur.execute("CREATE TABLE mine (who int)")
                    cur.execute("INSERT INTO mine VALUES (%s)", (i,))
                    time.sleep(0.2)  # overlap with the others
                    cur.execute("SELECT who FROM mine")
                    seen = [r[0] for r in cur.fetchall()]
                    cur.execute("SELECT @@port, @@socket, @@datadir")
                    port, sock, datadir = cur.fetchone()
                conn.close()
            return i, seen, port, sock, datadir, server.tmpdir, server.proc.pid

    with ThreadPoolExecutor(max_workers=n) as pool:
        results = list(pool.map(one, range(n)))
    assert [r[1] for r in results] == [[i] for i in range(n)]
    for column in (2, 3, 4, 5, 6):
        assert len({r[column] for r in results}) == n
    for *_, folder, pid in results:
        assert not folder.exists()
        assert not pid_alive(pid)


@pytest.fixture
def ctrl_c_raises():
    """Python's own SIGINT handler for the test: pytest started from a background
    shell inherits SIGINT ignored, where no KeyboardInterrupt could ever come."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_a_second_ctrl_c_cannot_cut_cleanup_short(ctrl_c_raises):
    """SIGINT arriving while the server is being stopped is held until cleanup is done."""
    import signal

    server = LocalServer()
    server.__enter__()
    folder, pid = server.tmpdir, server.proc.pid
    real_stop = server.stop

    def stop_while_interrupted():
        os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C again, now
        time.sleep(0.05)  # the handler would run here and abort a plain stop()
        real_stop()

    server.stop = stop_while_interrupted
    with pytest.raises(KeyboardInterrupt):
        server.__exit__(None, None, None)
    assert not folder.exists()
    assert not pid_alive(pid)
