"""``baseline diff SOURCE_A SOURCE_B``: exit codes, report formats, no passwords.

The end-to-end tests use a real server and live introspection; until
``read_live`` lands on this branch they skip, and the glue (options, exit codes,
formats, side descriptions) is exercised with the source loader swapped for
hand-built models (the loader, not the database, is what is replaced).
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

import baseline.sources
from baseline.cli import cli
from baseline.errors import NotBuiltYet
from baseline.report import report_schema
from baseline.sql.execute import execute_script
from compare_models import shop_schema

URL_A = "mysql://app:s3cret-pw@db.example:3306/shop"
URL_B = "mariadb://ci:other-pw@127.0.0.1:3307/shop_replay"


def _run(*args):
    return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)


@pytest.fixture
def models(monkeypatch):
    """Swap the source loader for hand-built models keyed by SOURCE spec."""
    table = {URL_A: shop_schema(), URL_B: shop_schema()}
    seen = []

    def load_schema(spec, options=None):
        seen.append((spec, options))
        return table[spec]

    monkeypatch.setattr(baseline.sources, "load_schema", load_schema)
    return table, seen


def test_identical_sources_exit_0(models):
    res = _run(URL_A, URL_B)
    assert res.exit_code == 0, res.output
    assert "identical: no differences" in res.output


def test_differences_exit_1_and_are_printed(models):
    table, _ = models
    table[URL_B].tables["orders"].column("qty").type = "bigint(20)"
    res = _run(URL_A, URL_B)
    assert res.exit_code == 1
    assert "  column qty: type: A=int(11)  B=bigint(20)" in res.output.splitlines()
    assert "\x1b[" not in res.output  # not a terminal: plain


def test_passwords_never_appear(models):
    models[0][URL_B].tables.pop("event_log")
    for fmt in ("text", "json", "junit", "github"):
        res = _run(URL_A, URL_B, "--report", fmt)
        assert "s3cret-pw" not in res.output and "other-pw" not in res.output
    res = _run(URL_A, URL_B, "--report", "json")
    doc = json.loads(res.output)
    assert doc["sides"]["a"]["description"] == "mysql://app:***@db.example:3306/shop (MariaDB 10.11.19)"


def test_every_format_through_the_cli(models):
    models[0][URL_B].views["paid_orders"].security = "INVOKER"
    doc = json.loads(_run(URL_A, URL_B, "--report", "json").output)
    jsonschema.validate(doc, report_schema())
    assert doc["command"] == "diff" and doc["summary"]["differences"] == 1
    root = ET.fromstring(_run(URL_A, URL_B, "--report", "junit").output)
    assert root.get("failures") == "1"
    gh = _run(URL_A, URL_B, "--report", "github")
    assert gh.exit_code == 1 and gh.output.startswith("::error title=baseline%3A view paid_orders differs")


def test_options_reach_the_comparison(models):
    table, seen = models
    cols = table[URL_B].tables["orders"].columns
    cols.insert(0, cols.pop(2))
    table[URL_B].views["paid_orders"].definer = "deploy@%"
    table[URL_B].tables["orders"].auto_increment = 1
    assert _run(URL_A, URL_B).exit_code == 1
    assert _run(URL_A, URL_B, "--ignore-column-order").exit_code == 0
    res = _run(URL_A, URL_B, "--ignore-column-order", "--include-definers", "--include-auto-increment")
    assert res.exit_code == 1
    assert "definer: A=root@localhost  B=deploy@%" in res.output
    assert "auto_increment: A=77  B=1" in res.output
    # dumps and URLs are read without a throwaway server unless asked
    assert all(opts.scratch is None for _, opts in seen)


def test_missing_source_is_bad_input(tmp_path):
    res = CliRunner().invoke(cli, ["diff", str(tmp_path / "nope.sql"), str(tmp_path / "nope2.sql")])
    assert res.exit_code == 2
    assert "source not found" in res.output and "nope.sql" in res.output
    assert "Traceback" not in res.output


def test_unknown_report_format_is_bad_usage(tmp_path):
    res = CliRunner().invoke(cli, ["diff", "a", "b", "--report", "yaml"])
    assert res.exit_code == 2


# --------------------------------------------------------------------------- end to end


def _live_or_skip(server, db):
    from baseline.sources.live import read_live

    try:
        read_live(server.url.with_database(db), progress=False)
    except NotBuiltYet:
        pytest.skip("live introspection (read_live) is not built on this branch yet")


@pytest.mark.corpus
def test_diff_two_live_databases_end_to_end(server, corpus):
    from corpus_load import loaded_schema

    with loaded_schema(server, corpus, "sakila") as a, loaded_schema(server, corpus, "sakila") as b:
        _live_or_skip(server, a)
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
