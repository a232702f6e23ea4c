"""``baseline diff SOURCE_A SOURCE_B``: exit codes, report formats, no passwords.

Every source is real: databases on the session ``server`` read live through
URLs that carry a password, and ``mariadb-dump`` files of them. Each test builds
side A from ``SHOP`` and side B from ``SHOP`` plus the change it is about.
"""
from __future__ import annotations

import contextlib
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from baseline.cli import cli
from baseline.report import report_schema
from baseline.connect.execute import execute_script
from verify_helpers import mariadb_dump

SHOP = """
CREATE TABLE accounts (
  id int(10) unsigned NOT NULL AUTO_INCREMENT,
  email varchar(255) NOT NULL,
  name varchar(100) DEFAULT NULL COMMENT 'display name',
  PRIMARY KEY (id),
  UNIQUE KEY uq_email (email)
) COMMENT='customer accounts';
CREATE TABLE orders (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  account_id int(10) unsigned NOT NULL,
  qty int(11) NOT NULL DEFAULT 1,
  price decimal(10,2) NOT NULL,
  status enum('new','paid','shipped') NOT NULL DEFAULT 'new',
  PRIMARY KEY (id),
  KEY fk_orders_account (account_id),
  CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
  CONSTRAINT chk_qty CHECK (qty > 0)
) AUTO_INCREMENT=77;
CREATE TABLE event_log (
  id bigint(20) NOT NULL,
  logged date NOT NULL,
  message text,
  PRIMARY KEY (id, logged)
) PARTITION BY RANGE (year(logged)) (
  PARTITION p2023 VALUES LESS THAN (2024),
  PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION pmax VALUES LESS THAN MAXVALUE);
CREATE DEFINER=root@localhost SQL SECURITY DEFINER VIEW paid_orders AS
  SELECT o.id AS id, a.email AS email FROM orders o JOIN accounts a ON a.id = o.account_id
  WHERE o.status = 'paid';
"""
PAID_ORDERS = ("VIEW paid_orders AS SELECT o.id AS id, a.email AS email FROM orders o "
               "JOIN accounts a ON a.id = o.account_id WHERE o.status = 'paid'")
#: Readers with passwords, as production would have them (read-only grants).
USERS = {"app": "s3cret-pw", "ci": "other-pw"}


def _run(*args, env=None):
    return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False, env=env)


@pytest.fixture(scope="module")
def readers(server):
    """The ``USERS`` on the session server, dropped afterwards."""
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            for user, password in USERS.items():
                cur.execute(f"CREATE USER IF NOT EXISTS '{user}'@'%' IDENTIFIED BY '{password}'")
                cur.execute(f"GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON *.* TO '{user}'@'%'")
        yield
    finally:
        with conn.cursor() as cur:
            for user in USERS:
                cur.execute(f"DROP USER IF EXISTS '{user}'@'%'")
        conn.close()


@pytest.fixture
def shops(server, readers):
    """``shops(*changes)``: side A (``SHOP``) and side B (``SHOP`` then ``changes``)
    as databases on ``server``; returns their URLs, A read as ``app`` over
    ``mysql://``, B as ``ci`` over ``mariadb://``, passwords included."""
    with contextlib.ExitStack() as stack:
        def make(*changes: str) -> tuple[str, str]:
            names = []
            for script in (SHOP, SHOP + "".join(c + ";\n" for c in changes)):
                name = stack.enter_context(server.database(charset="utf8mb4", collation="utf8mb4_general_ci",
                                                           prefix="shop"))
                conn = server.connect(name)
                try:
                    execute_script(conn, script, file="shop.sql")
                finally:
                    conn.close()
                names.append(name)
            port = server.url.port
            return (f"mysql://app:{USERS['app']}@127.0.0.1:{port}/{names[0]}",
                    f"mariadb://ci:{USERS['ci']}@127.0.0.1:{port}/{names[1]}")

        yield make


def _dumps(server, tmp_path, url_a: str, url_b: str) -> tuple[str, str]:
    """``mariadb-dump`` files of the two sides."""
    return tuple(str(mariadb_dump(server, url.rsplit("/", 1)[1], tmp_path / f"{side}.sql"))
                 for side, url in (("a", url_a), ("b", url_b)))


def test_identical_sources_exit_0(shops, server, tmp_path):
    url_a, url_b = shops()
    for a, b in ((url_a, url_b), _dumps(server, tmp_path, url_a, url_b)):
        res = _run(a, b)
        assert res.exit_code == 0, res.output
        assert "identical: no differences" in res.output


def test_differences_exit_1_and_are_printed(shops, server, tmp_path):
    url_a, url_b = shops("ALTER TABLE orders MODIFY qty bigint(20) NOT NULL DEFAULT 1")
    for a, b in ((url_a, url_b), _dumps(server, tmp_path, url_a, url_b)):
        res = _run(a, b)
        assert res.exit_code == 1, res.output
        assert "  column qty: type: A=int(11)  B=bigint(20)" in res.output.splitlines()
        assert "\x1b[" not in res.output  # not a terminal: plain


def test_passwords_never_appear(shops, server):
    url_a, url_b = shops("DROP TABLE event_log")
    for fmt in ("text", "json", "junit", "github"):
        res = _run(url_a, url_b, "--report", fmt)
        assert res.exit_code == 1, res.output
        assert "s3cret-pw" not in res.output and "other-pw" not in res.output
    doc = json.loads(_run(url_a, url_b, "--report", "json").output)
    port, db_a = server.url.port, url_a.rsplit("/", 1)[1]
    assert doc["sides"]["a"]["description"] == f"mysql://app:***@127.0.0.1:{port}/{db_a} ({server.flavor})"
    assert doc["sides"]["b"]["description"].startswith("mariadb://ci:***@127.0.0.1:")


def test_every_format_through_the_cli(shops):
    url_a, url_b = shops(f"CREATE OR REPLACE DEFINER=root@localhost SQL SECURITY INVOKER {PAID_ORDERS}")
    doc = json.loads(_run(url_a, url_b, "--report", "json").output)
    jsonschema.validate(doc, report_schema())
    assert doc["command"] == "diff" and doc["summary"]["differences"] == 1
    root = ET.fromstring(_run(url_a, url_b, "--report", "junit").output)
    assert root.get("failures") == "1"
    gh = _run(url_a, url_b, "--report", "github")
    assert gh.exit_code == 1 and gh.output.startswith("::error title=baseline%3A view paid_orders differs")


def test_options_reach_the_comparison(shops, server, tmp_path):
    url_a, url_b = shops("ALTER TABLE orders MODIFY qty int(11) NOT NULL DEFAULT 1 FIRST",
                         f"CREATE OR REPLACE DEFINER=`deploy`@`%` SQL SECURITY DEFINER {PAID_ORDERS}",
                         "ALTER TABLE orders AUTO_INCREMENT=5")
    dumps = _dumps(server, tmp_path, url_a, url_b)
    for a, b in ((url_a, url_b), dumps):
        assert _run(a, b).exit_code == 1
        assert _run(a, b, "--ignore-column-order").exit_code == 0
        res = _run(a, b, "--ignore-column-order", "--include-definers", "--include-auto-increment")
        assert res.exit_code == 1
        assert "definer: A=root@localhost  B=deploy@%" in res.output
        assert "auto_increment: A=77  B=5" in res.output
    # dumps and URLs are read without a throwaway server unless asked: with none
    # that could start, the dumps still compare
    nothing = {"DOCKER_HOST": "unix:///nonexistent/docker.sock", "BASELINE_MYSQLD": "/nonexistent/mysqld"}
    for a, b in ((url_a, url_b), dumps):
        res = _run(a, b, "--ignore-column-order", env=nothing)
        assert res.exit_code == 0, res.output


def test_missing_source_is_bad_input(tmp_path):
    res = CliRunner().invoke(cli, ["diff", str(tmp_path / "nope.sql"), str(tmp_path / "nope2.sql")])
    assert res.exit_code == 2
    assert "source not found" in res.output and "nope.sql" in res.output
    assert "Traceback" not in res.output


def test_unknown_report_format_is_bad_usage(tmp_path):
    res = CliRunner().invoke(cli, ["diff", "a", "b", "--report", "yaml"])
    assert res.exit_code == 2
    assert "yaml" in res.output


# --------------------------------------------------------------------------- end to end


@pytest.mark.corpus
def test_diff_two_live_databases_end_to_end(server, corpus):
    from corpus_load import loaded_schema

    with loaded_schema(server, corpus, "sakila") as a, loaded_schema(server, corpus, "sakila") as b:
        url_a, url_b = (f"mysql://{server.url.user}@{server.url.host}:{server.url.port}/{d}" for d in (a, b))
        res = CliRunner().invoke(cli, ["diff", url_a, url_b])
        assert res.exit_code == 0, res.output
        conn = server.connect(b)
        execute_script(conn, "ALTER TABLE actor MODIFY first_name varchar(60) NOT NULL")
        conn.close()
        res = CliRunner().invoke(cli, ["diff", url_a, url_b, "--report", "json"])
        assert res.exit_code == 1
        doc = json.loads(res.output)
        assert [(d["kind"], d["object"], d["attribute"]) for d in doc["differences"]] == [
            ("column", "actor.first_name", "type")]
