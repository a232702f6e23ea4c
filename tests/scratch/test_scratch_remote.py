"""The URL backend: scratch databases on a server the user names (here: the session's local server)."""
from __future__ import annotations

import pytest

from baseline.errors import EnvironmentProblem
from baseline.scratch import open_scratch
from baseline.scratch.remote import RemoteServer
from baseline.connect.url import ServerURL
from scratch_helpers import probe_table


def _databases(server) -> set[str]:
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("SHOW DATABASES")
        names = {r[0] for r in cur.fetchall()}
    conn.close()
    return names


@pytest.fixture
def bystander(server):
    """Another database on the same server, with data, that must stay untouched."""
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("CREATE DATABASE bystander CHARACTER SET utf8mb4")
        cur.execute("CREATE TABLE bystander.keep (id int PRIMARY KEY, v varchar(10))")
        cur.execute("INSERT INTO bystander.keep VALUES (1, 'a'), (2, 'b')")
        cur.execute("CREATE DATABASE baseline_scratch_20000101000000_deadbeef")  # looks like ours
    conn.close()
    yield
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("DROP DATABASE IF EXISTS bystander")
        cur.execute("DROP DATABASE IF EXISTS baseline_scratch_20000101000000_deadbeef")
    conn.close()


def _state(server) -> tuple:
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM bystander.keep ORDER BY id")
        rows = cur.fetchall()
        cur.execute("SHOW CREATE TABLE bystander.keep")
        ddl = cur.fetchone()[1]
    conn.close()
    return rows, ddl


def test_scratch_database_on_a_url_leaves_everything_else_alone(server, bystander):
    before_dbs, before_state = _databases(server), _state(server)
    with open_scratch(server.url.with_database("bystander").redacted()) as remote:
        assert isinstance(remote, RemoteServer)
        assert remote.url.database is None  # the URL's database is not where we work
        assert remote.flavor == server.flavor
        with remote.database(charset="latin1", collation="latin1_german2_ci") as db:
            assert db.startswith("baseline_scratch_") and db in _databases(server)
            ddl = probe_table(remote, db)
            assert "CHARSET=latin1" in ddl and "COLLATE=latin1_german2_ci" in ddl
        assert db not in _databases(server)
    assert _databases(server) == before_dbs
    assert _state(server) == before_state


def test_stop_drops_what_is_still_open_after_an_exception(server, bystander):
    before = _databases(server)
    with pytest.raises(RuntimeError):
        with RemoteServer(server.url) as remote:
            a = remote.create_database(charset="utf8mb4")
            b = remote.create_database(charset="latin1")
            assert {a, b} <= _databases(server)
            raise RuntimeError("boom")
    assert _databases(server) == before


def test_refuses_to_drop_a_database_it_did_not_create(server, bystander):
    with RemoteServer(server.url) as remote:
        with pytest.raises(ValueError, match="did not create"):
            remote.drop_database("baseline_scratch_20000101000000_deadbeef")
    assert "baseline_scratch_20000101000000_deadbeef" in _databases(server)


def test_user_without_create_privilege_gets_a_clear_error(server):
    conn = server.connect()
    with conn.cursor() as cur:
        cur.execute("CREATE USER IF NOT EXISTS 'weak'@'localhost' IDENTIFIED BY 'weak-secret'")
    conn.close()
    try:
        weak = ServerURL(user="weak", password="weak-secret", host="127.0.0.1",
                         port=server.url.port, unix_socket=server.url.unix_socket)
        with RemoteServer(weak) as remote:
            with pytest.raises(EnvironmentProblem, match="cannot create a scratch database") as e:
                remote.create_database(charset="utf8mb4")
            assert e.value.exit_code == 3 and "weak-secret" not in str(e.value)
            assert remote.databases == []
    finally:
        conn = server.connect()
        with conn.cursor() as cur:
            cur.execute("DROP USER 'weak'@'localhost'")
        conn.close()


def test_unreachable_url_is_an_environment_problem():
    with pytest.raises(EnvironmentProblem, match="cannot reach scratch server") as e:
        with open_scratch("mysql://root:hunter2@127.0.0.1:1/"):
            pass
    assert e.value.exit_code == 3 and "hunter2" not in str(e.value)
