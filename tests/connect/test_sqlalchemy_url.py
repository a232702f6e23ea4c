"""``ServerURL.sqlalchemy_url()``, the one way to a SQLAlchemy engine: it reaches the
real server the way ``pymysql_kwargs`` does (socket or TCP, utf8mb4, the right
database), carries passwords with URL-special characters, and never shows them."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from baseline.connect.url import ServerURL

PASSWORD = "p@ss:w/rd%?&#"


@pytest.fixture(scope="module")
def odd_user(server):
    """A user whose password holds every character a URL treats specially."""
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE USER IF NOT EXISTS 'odd'@'%%' IDENTIFIED BY %s", (PASSWORD,))
            cur.execute("GRANT SELECT ON *.* TO 'odd'@'%'")
        yield "odd"
    finally:
        with conn.cursor() as cur:
            cur.execute("DROP USER IF EXISTS 'odd'@'%'")
        conn.close()


def _ask(url: ServerURL) -> tuple:
    engine = create_engine(url.sqlalchemy_url())
    try:
        with engine.connect() as conn:
            return tuple(conn.execute(text("SELECT CURRENT_USER(), DATABASE(), @@character_set_client")).one())
    finally:
        engine.dispose()


def test_the_unix_socket_url_of_the_server(server, scratch_db):
    url = server.url.with_database(scratch_db)
    assert url.unix_socket
    assert _ask(url) == ("root@localhost", scratch_db, "utf8mb4")


def test_a_password_over_tcp_never_shown(server, scratch_db, odd_user):
    spec = f"mariadb://odd:{quote(PASSWORD, safe='')}@127.0.0.1:{server.url.port}/{scratch_db}"
    url = ServerURL.parse(spec)
    assert url.password == PASSWORD and url.unix_socket is None
    assert _ask(url) == ("odd@%", scratch_db, "utf8mb4")
    sa_url = url.sqlalchemy_url()
    engine = create_engine(sa_url)
    try:
        shown = [str(sa_url), repr(sa_url), str(engine), repr(engine), str(engine.url)]
    finally:
        engine.dispose()
    for s in shown:
        assert "p@ss" not in s and quote(PASSWORD, safe="") not in s and "***" in s, s
    assert sa_url.password == PASSWORD  # held, only masked when printed


def test_a_url_without_user_connects_as_root_like_pymysql(server):
    url = ServerURL(unix_socket=server.url.unix_socket, port=server.url.port)
    assert url.pymysql_kwargs()["user"] == "root"
    assert _ask(url)[0] == "root@localhost"


def test_a_wrong_password_is_refused(server, odd_user):
    url = ServerURL.parse(f"mysql://odd:nope@127.0.0.1:{server.url.port}/")
    engine = create_engine(url.sqlalchemy_url())
    try:
        with pytest.raises(OperationalError) as e:
            engine.connect()
    finally:
        engine.dispose()
    assert "1045" in str(e.value) and "nope" not in str(e.value)
