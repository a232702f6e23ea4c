"""A fresh MySQL 9.7 user with the default caching_sha2_password plugin: every
command connects on the first try (no earlier login has filled the server's
cache, so the full handshake runs: RSA key exchange without TLS)."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from servers import matrix_keys
from verify_helpers import run_cli

PASSWORD = "p@ss:w/rd#1 é"


@pytest.fixture
def mysql_user(pairs):
    if "mysql-9.7" not in matrix_keys():
        pytest.skip("BASELINE_MATRIX leaves MySQL 9.7 out")
    pair = pairs("mysql-9.7")
    src = pair.source
    src.create("authcheck", "utf8mb4", "utf8mb4_0900_ai_ci")
    src.sql("DROP USER IF EXISTS 'fresh'@'%'",
            f"CREATE USER 'fresh'@'%' IDENTIFIED WITH caching_sha2_password BY '{PASSWORD}'",
            "GRANT ALL ON *.* TO 'fresh'@'%'",
            "CREATE TABLE authcheck.t (id INT PRIMARY KEY, name VARCHAR(20))")
    (plugin,), = src.sql("SELECT plugin FROM mysql.user WHERE user = 'fresh'")
    assert plugin == "caching_sha2_password"
    url = src.server.url
    yield pair, f"mysql://fresh:{quote(PASSWORD, safe='')}@{url.host}:{url.port}/authcheck"
    src.sql("DROP USER IF EXISTS 'fresh'@'%'")
    src.drop("authcheck")


def test_generate_verify_and_adopt_connect_on_the_first_try(mysql_user, tmp_path):
    pair, url = mysql_user
    folder = tmp_path / "migrations"
    r = run_cli("generate", url, "-o", str(folder))
    assert r.exit_code == 0, r.output
    r = run_cli("verify", "--migrations", str(folder), "--against", url, "--scratch", pair.target.url())
    assert r.exit_code == 0, r.output
    r = run_cli("adopt", "--migrations", str(folder), "--target", url, "--tool", "dbmate", "--yes",
                "--scratch", pair.target.url())
    assert r.exit_code == 0, r.output
    assert pair.source.sql("SELECT version FROM authcheck.schema_migrations") == [("000",)]
    for text in (r.stdout, r.stderr):
        assert PASSWORD not in text and quote(PASSWORD, safe="") not in text


def _cipher(conn) -> str:
    with conn.cursor() as cur:
        cur.execute("SHOW SESSION STATUS LIKE 'Ssl_cipher'")
        return cur.fetchone()[1]


def test_tls_only_where_the_traffic_leaves_the_machine_unless_the_url_asks(mysql_user):
    """The server's address here is this machine's (loopback, or the container
    engine's bridge when the tests run in a sandbox): read without TLS. With
    ``?ssl_disabled=0`` the same user connects over TLS (the full handshake, no
    cached login), every connection of a read with the same TLS context."""
    from baseline.sources import live
    from baseline.connect.url import ServerURL

    _, url = mysql_user
    plain = ServerURL.parse(url)
    assert plain.is_local
    with live._connection(plain) as conn:
        assert _cipher(conn) == ""
    tls = ServerURL.parse(url + "?ssl_disabled=0")
    with live._connection(tls) as a, live._connection(tls) as b:
        assert _cipher(a) and _cipher(b)
        assert a.ctx is b.ctx
