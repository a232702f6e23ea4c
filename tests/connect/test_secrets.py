"""A server URL without its password takes it from --password-file, MYSQL_PWD or
an option file, as the mysql client does: the password never has to be in argv
(``ps``, shell history, CI logs). A real server, a user with a real password."""
from __future__ import annotations

import pytest

from baseline.connect.url import ServerURL
from helpers import run_sql
from password_watch import allow_file, watch
from verify_helpers import run_cli

PASSWORD = "s3cret-from-elsewhere é"
watch(PASSWORD)  # given through MYSQL_PWD and files: no URL holds it


@pytest.fixture
def user_url(server, scratch_db, monkeypatch, tmp_path):
    run_sql(server, None, "DROP USER IF EXISTS 'pwuser'@'localhost'",
            f"CREATE USER 'pwuser'@'localhost' IDENTIFIED BY '{PASSWORD}'",
            f"GRANT ALL ON `{scratch_db}`.* TO 'pwuser'@'localhost'")
    run_sql(server, scratch_db, "CREATE TABLE t (id INT PRIMARY KEY)")
    monkeypatch.delenv("MYSQL_PWD", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.my.cnf of the machine's user
    yield ServerURL(user="pwuser", host="localhost", port=server.url.port, database=scratch_db,
                    unix_socket=server.url.unix_socket).redacted()  # no password: nothing to redact
    run_sql(server, None, "DROP USER IF EXISTS 'pwuser'@'localhost'")


def _inspect(url: str, *options: str):
    r = run_cli("inspect", url, *options)
    assert PASSWORD not in r.output
    return r


def test_without_a_source_the_login_is_refused(user_url):
    r = _inspect(user_url)
    assert r.exit_code == 3 and "cannot log in" in r.output


def test_mysql_pwd(user_url, monkeypatch):
    monkeypatch.setenv("MYSQL_PWD", PASSWORD)
    r = _inspect(user_url)
    assert r.exit_code == 0, r.output
    assert "CREATE TABLE `t`" in r.stdout


def test_password_file_first_line_wins_over_mysql_pwd(user_url, monkeypatch, tmp_path):
    monkeypatch.setenv("MYSQL_PWD", "wrong")
    f = tmp_path / "secret"
    f.write_text(PASSWORD + "\nnot this\n", encoding="utf-8")
    allow_file(f)
    assert _inspect(user_url, "--password-file", str(f)).exit_code == 0
    r = _inspect(user_url, "--password-file", str(tmp_path / "absent"))
    assert r.exit_code == 2 and "--password-file: no such file" in r.output


@pytest.mark.parametrize("how", ["defaults-file", "home"])
def test_option_file_client_section(user_url, tmp_path, how):
    cnf = tmp_path / ("client.cnf" if how == "defaults-file" else ".my.cnf")
    cnf.write_text(f"!includedir /etc/mysql/conf.d/\n[mysql]\npassword=wrong\n[client]\nuser = x\n"
                   f"password = \"{PASSWORD}\"\n", encoding="utf-8")
    allow_file(cnf)
    options = ("--defaults-file", str(cnf)) if how == "defaults-file" else ()
    r = _inspect(user_url, *options)
    assert r.exit_code == 0, r.output


def test_a_password_in_the_url_is_used_as_given(user_url, monkeypatch):
    monkeypatch.setenv("MYSQL_PWD", "wrong")
    from urllib.parse import quote

    with_password = user_url.replace("pwuser@", f"pwuser:{quote(PASSWORD, safe='')}@")
    assert _inspect(with_password).exit_code == 0
