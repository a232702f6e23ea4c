"""Dumps written by MySQL 8 (and 5.7) that MariaDB 10.11 cannot load.

Offline, the model holds every object the dump creates: the names read from the
dump's own text with plain patterns, independent of the reader. Server-assisted
on the local MariaDB, ``generate`` stops at the first statement the scratch server
refuses and says where (file:line and an excerpt), why (the server's message)
and what to do (a MySQL image, or the offline reading), exit 2.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from baseline.sources import SourceOptions
from baseline.sources.dump import read_dump
from dump_agreement import render

pytestmark = pytest.mark.corpus

#: path -> database (multi-database dumps)
DUMPS = {
    "world_x/world_x.sql": None,
    "dump-lburiti-company-mysql8.0.30/company_backup.sql": None,
    "dump-lburiti-company-mysql8.0.30/all_databases_backup.sql": "company",
    "dump-lburiti-company-mysql8.0.30/transaction_example_no_data_backup.sql": None,
    "dump-womensmell-mysql8.0.27/createDB_womensmell.sql": None,
    "chain-temporal-mysql-v8/schema/mysql/v8/visibility/schema.sql": None,
    "dump-ecombiz-mysql5.7-cloudsql/mydb_Sales1.sql": None,
    "dump-ecombiz-mysql5.7-cloudsql/mydb_routines.sql": None,
}

_NAME = r"`?((?:[^`\s(]|``)+)`?"
_PATTERNS = {
    "table": re.compile(r"^CREATE TABLE (?:IF NOT EXISTS )?" + _NAME, re.M | re.I),
    "view": re.compile(r"(?:^/\*!50001 VIEW |^/\*!50001 CREATE VIEW |^CREATE (?:OR REPLACE )?"
                       r"(?:ALGORITHM=\w+ )?(?:DEFINER=\S+ )?(?:SQL SECURITY \w+ )?VIEW )" + _NAME, re.M | re.I),
    "trigger": re.compile(r"(?:/\*!50003 TRIGGER |^CREATE (?:DEFINER=\S+ )?TRIGGER )" + _NAME, re.M | re.I),
    "procedure": re.compile(r"^CREATE (?:DEFINER=\S+ )?PROCEDURE " + _NAME, re.M | re.I),
    "function": re.compile(r"^CREATE (?:DEFINER=\S+ )?FUNCTION " + _NAME, re.M | re.I),
    "event": re.compile(r"/\*!50106 EVENT " + _NAME, re.M | re.I),
}


def names_in_text(text: str, database: str | None) -> dict[str, set[str]]:
    """Object names the dump's text creates (in ``database``'s part when given).
    A view's stand-in table has the view's name: it is a view."""
    if database is not None:
        parts = re.split(r"^USE `((?:[^`]|``)+)`;", text, flags=re.M)
        text = "".join(parts[k + 1] for k in range(1, len(parts) - 1, 2) if parts[k] == database)
    found = {kind: {n.replace("``", "`") for n in p.findall(text)} for kind, p in _PATTERNS.items()}
    found["table"] -= found["view"]
    return found


def names_in_model(schema) -> dict[str, set[str]]:
    return {"table": set(schema.tables), "view": set(schema.views),
            "trigger": {t.name for t in schema.triggers.values()},
            "procedure": {r.name for r in schema.routines.values() if r.kind == "PROCEDURE"},
            "function": {r.name for r in schema.routines.values() if r.kind == "FUNCTION"},
            "event": {e.name for e in schema.events.values()}}


@pytest.mark.parametrize("path", sorted(DUMPS))
def test_offline_model_holds_every_object_of_the_dump(corpus, path):
    text = (corpus / path).read_text("utf-8")
    expected = names_in_text(text, DUMPS[path])
    schema = read_dump(str(corpus / path), SourceOptions(schema_name=DUMPS[path], progress=False))
    assert names_in_model(schema) == expected
    assert sum(map(len, expected.values())) >= 1
    rendered = render(schema)
    for kind, names in expected.items():
        for name in names:
            assert f"-- {kind} `{name}`" in rendered, (kind, name)


#: path -> (what the server says, the line of the refused statement starts with)
REFUSED = {
    "world_x/world_x.sql": ("server error 1064", "CREATE TABLE `countryinfo`"),
    "dump-lburiti-company-mysql8.0.30/company_backup.sql": ("Unknown collation: 'utf8mb4_0900_ai_ci'",
                                                            "CREATE TABLE `departament`"),
    "dump-womensmell-mysql8.0.27/createDB_womensmell.sql": ("Unknown collation: 'utf8mb4_0900_ai_ci'",
                                                            "CREATE TABLE `Client_Address`"),
}


@pytest.mark.parametrize("path", sorted(REFUSED))
def test_scratch_local_names_the_refused_statement_and_suggests_mysql(corpus, server_binary, tmp_path, path):
    full = corpus / path
    proc = subprocess.run([sys.executable, "-m", "baseline.cli", "generate", str(full), "--scratch", "local",
                           "-o", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert not list(tmp_path.iterdir())  # nothing written
    err = proc.stderr
    why, starts = REFUSED[path]
    m = re.search(re.escape(str(full)) + r":(\d+): the scratch server \(MariaDB [\d.]+\) cannot replay "
                  r"this statement: ", err)
    assert m, err
    # the line the server names, inside the statement that starts so
    n, lines = int(m.group(1)), full.read_text("utf-8").splitlines()
    assert any(lines[i].startswith(starts) for i in range(max(0, n - 60), n)), lines[n - 1]
    assert why in err and f"\n  near: {starts}" in err
    assert "hint: the dump was written by MySQL 8.0." in err and "--scratch docker --image mysql:8.0" in err
    assert "or read it offline (no --scratch)" in err and "Traceback" not in err


def test_scratch_local_on_a_header_less_mysql_script(corpus, server_binary, tmp_path):
    """A script without a dump header does not say its server: the hint says so."""
    full = corpus / "chain-temporal-mysql-v8/schema/mysql/v8/visibility/schema.sql"
    proc = subprocess.run([sys.executable, "-m", "baseline.cli", "generate", str(full), "--scratch", "local",
                           "-o", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert f"{full}:34: " in proc.stderr  # the line the server names, inside the statement of line 1
    assert "'>\"$.TemporalChangeVersion\")" in proc.stderr  # the server's own words: ->> is not MariaDB's
    assert "does not say which server wrote it" in proc.stderr and "--image mysql:8.0" in proc.stderr
