"""`baseline generate` and `baseline inspect` against a live server (the CLI contract)."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from baseline.cli import cli
from baseline.snapshot import from_json
from baseline.sources.live import read_live
from roundtrip import load_with_executor
from test_live import FEATURES

PASSWORD = "Sup3r-secret:pw"


@pytest.fixture
def source(server, scratch_db):
    load_with_executor(server, scratch_db, FEATURES)
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            for host in ("localhost", "127.0.0.1"):
                cur.execute(f"CREATE USER IF NOT EXISTS 'cli_user'@'{host}' IDENTIFIED BY '{PASSWORD}'")
                cur.execute(f"GRANT ALL ON `{scratch_db}`.* TO 'cli_user'@'{host}'")
                cur.execute(f"GRANT SELECT ON mysql.proc TO 'cli_user'@'{host}'")
    finally:
        conn.close()
    url = replace(server.url.with_database(scratch_db), user="cli_user", password=PASSWORD)
    return url, url._render(url.password.replace(":", "%3A"))


def run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_generate_writes_the_baseline_file(source, tmp_path):
    url, text_url = source
    code, out, err = run("generate", text_url, "-o", str(tmp_path / "out"))
    assert code == 0, err
    target = tmp_path / "out" / "000_initial_schema.sql"
    body = target.read_text()
    assert body.startswith(f"-- Baseline of database `{url.database}`\n-- Read from MariaDB 10.11")
    assert "CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci" in body.splitlines()[1]
    assert "CREATE TABLE `t`" in body and "DEFINER=" not in body and "AUTO_INCREMENT=42" not in body
    assert str(target) in out
    for secret in (PASSWORD, "cli_user", url.host, str(url.port)):
        assert secret not in body
    assert sorted(p.name for p in target.parent.iterdir()) == ["000_initial_schema.sql"]  # no temp left


def test_generate_options(source, tmp_path):
    _url, text_url = source
    code, _out, err = run("generate", text_url, "-o", str(tmp_path), "--name", "001_base",
                          "--keep-definers", "--keep-auto-increment")
    assert code == 0, err
    body = (tmp_path / "001_base.sql").read_text()
    assert "DEFINER=`root`@`localhost`" in body and "AUTO_INCREMENT=42" in body


@pytest.mark.parametrize("args, code, message", [
    (["--format", "alembic"], 2, "unknown --format"),
    (["--migrations", "."], 2, "no migration chain recognized"),
    (["--name", "../escape"], 2, "plain file name"),
])
def test_generate_refuses_what_is_not_built(source, tmp_path, args, code, message):
    _url, text_url = source
    got, _out, err = run("generate", text_url, "-o", str(tmp_path), *args)
    assert (got, message in err) == (code, True), err
    assert not list(tmp_path.iterdir())


def test_generate_format_writes_the_framework_files(source, tmp_path):
    _url, text_url = source
    code, out, err = run("generate", text_url, "-o", str(tmp_path), "--format", "golang-migrate")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["000_initial_schema.down.sql", "000_initial_schema.up.sql"]
    assert "000_initial_schema.up.sql" in out and "DELIMITER" not in (tmp_path / "000_initial_schema.up.sql").read_text()


def test_errors_exit_codes_and_no_password(server, source, tmp_path):
    url, _ = source
    wrong_db = replace(url, database="nope_not_here")
    code, _out, err = run("generate", wrong_db._render(url.password), "-o", str(tmp_path))
    assert code == 2 and "not found" in err and PASSWORD not in err
    wrong_pw = replace(url, password="Not-the-pw-123", unix_socket=None)
    code, _out, err = run("inspect", wrong_pw._render(wrong_pw.password))
    assert code == 3 and "Not-the-pw-123" not in err and "***" in err
    assert "Traceback" not in err


def test_inspect_text_and_json(source):
    url, text_url = source
    code, out, err = run("inspect", text_url)
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith(f"-- database `{url.database}`: 4 tables, 1 sequence, 1 view, 1 procedure, 1 function, 1 trigger, 1 event (MariaDB 10.11")
    assert "CREATE TABLE `t` (" in out and "DELIMITER ;;" in out
    code, out, err = run("inspect", "--json", text_url)
    assert code == 0, err
    data = json.loads(out)
    assert data["format"] == "baseline-snapshot" and data["name"] == url.database
    assert from_json(data) == read_live(url, progress=False)
