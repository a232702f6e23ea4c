"""Which server addresses are this machine's (no TLS there: the traffic stays on it)."""
from __future__ import annotations

import socket

import pytest

from baseline.connect.url import ServerURL, _own_address

#: TEST-NET-2 (RFC 5737): never assigned to a machine.
ELSEWHERE = "198.51.100.7"


def _address_towards(host: str) -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect((host, 9))
        except OSError:
            pytest.skip("no route off this machine")
        return s.getsockname()[0]


def test_loopback_and_this_machines_own_addresses_are_local():
    assert ServerURL.parse("mysql://u@127.0.0.1/db").is_local
    assert ServerURL.parse("mysql://u@[::1]/db").is_local
    assert ServerURL.parse("mysql://u@localhost/db").is_local
    mine = _address_towards(ELSEWHERE)
    assert _own_address(mine)
    kw = ServerURL.parse(f"mysql://u@{mine}:3306/db").pymysql_kwargs()
    assert kw["ssl_disabled"] is True


def test_other_addresses_and_names_keep_tls():
    for host in (ELSEWHERE, "db.example.com", "0.0.0.0"):
        url = ServerURL.parse(f"mysql://u@{host}:3306/db")
        assert not url.is_local
        assert "ssl_disabled" not in url.pymysql_kwargs()


def test_a_url_that_names_a_tls_option_decides_itself():
    kw = ServerURL.parse("mysql://u@127.0.0.1:3306/db?ssl_disabled=0").pymysql_kwargs()
    assert "ssl_disabled" not in kw
