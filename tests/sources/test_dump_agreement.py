"""Issue 7's must-show: for every genuine dump that loads on MariaDB 10.11, the
offline baseline and the server-assisted baseline are byte-identical, and both
match what ``generate`` gives from a live server loaded with that dump.

Dumps written by MariaDB are compared as text: the whole file, byte for byte,
except the server version on its ``-- Read from`` line when the dump's server
and the test server differ (a 10.4 dump read back from 10.11 says 10.11); when
their canonical forms are the same (``Rules``), the offline and server-assisted
files are identical with that line too.

Dumps written by MySQL cannot be byte-identical across the two: offline reads
them as their MySQL server shows them (``int`` without display width,
``DEFAULT '0'``, ``utf8mb4_0900_ai_ci`` for a bare ``utf8mb4`` on MySQL 8), the
MariaDB scratch server as MariaDB does. For them the server-assisted file
equals the live one byte for byte, and the comparison engine finds no
difference between offline and server-assisted models but the ones MariaDB
cannot reproduce (the listed default collations).

One private server for the module: the live loads create the dumps' own
databases (``sakila``, ``world``...), dropped after each test.
"""
from __future__ import annotations

import difflib
import subprocess
import sys

import pytest

from baseline.compare import compare
from baseline.scratch.local import LocalServer
from baseline.sources.dump import read_dump_contents
from conftest import CORPUS, ROOT
from requirements import client
from dump_agreement import live, offline, render, server_assisted, version_masked

pytestmark = pytest.mark.corpus

PRODUCTION = ROOT / "fixtures/legacy/production.sql"

#: MariaDB-written dumps (and header-less scripts, read as MariaDB): (path, database)
MARIADB_DUMPS = [
    ("dump-tfg-mariadb10.11-sandbox/esquema.sql", None),
    ("dump-kiigeeks-mariadb10.4/12-10-2021_202203_db_testing_backup.sql", None),
    ("dump-magentadesk-mariadb10.10/1_base.sql", None),
    ("dump-magentadesk-mariadb10.10/2_compare.sql", None),
    ("employees/derived/employees.schema-only.sql", None),
    ("employees/derived/employees_partitioned.schema-only.sql", None),
    ("sakila/sakila-schema.sql", None),
]
#: every mariadb-dump*.nodata.sql, each database of the multi-database ones
NODATA_MULTI = {
    "dump-magentadesk-mariadb10.10/mariadb-dump.nodata.sql": ["base", "compare"],
    "dump-lburiti-company-mysql8.0.30/mariadb-dump.all_databases.nodata.sql": ["company", "customer_managment"],
}
if CORPUS.is_dir():
    for _p in sorted(CORPUS.glob("*/mariadb-dump*.nodata.sql")):
        _rel = str(_p.relative_to(CORPUS))
        MARIADB_DUMPS += [(_rel, db) for db in NODATA_MULTI.get(_rel, [None])]

#: MySQL-written dumps that load on MariaDB: path -> the differences (attribute, offline,
#: server-assisted) the comparison engine may report
MYSQL_DUMPS = {
    # MySQL 8's default collation for a bare utf8mb4, which MariaDB does not have
    "world/world.sql": {("collation", "utf8mb4_0900_ai_ci", "utf8mb4_general_ci")},
    "dump-wordpress-frontity-mysql8.0/default-db.sql": set(),
    "dump-wordpress-frontity-mysql8.0/yoast-13.5.sql": set(),
    "dump-dbatoolkit-mysql5.6/dbatools.schema.20161007-133143.sql": set(),
}


@pytest.fixture(scope="module")
def agreement_server(server_binary):
    client()
    with LocalServer() as srv:
        yield srv


def _diff(a: str, b: str, names: tuple[str, str]) -> str:
    return "\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(), *names, lineterm="", n=1))[:80])


def _three(path, server, schema):
    off, srv = offline(path, schema), server_assisted(path, server, schema)
    return off, srv, live(path, server, schema)


@pytest.mark.parametrize("path, schema", MARIADB_DUMPS + [(str(PRODUCTION), None)],
                         ids=lambda v: v if isinstance(v, str) else None)
def test_offline_server_assisted_and_live_agree(agreement_server, corpus, path, schema):
    path = corpus / path
    off, srv, liv = _three(path, agreement_server, schema)
    t_off, t_srv, t_live = render(off), render(srv), render(liv)
    assert off.tables, "the dump should hold tables"
    header = read_dump_contents(str(path), progress=False).header
    if header.flavor_source != "default" and off.flavor.rules == agreement_server.flavor.rules:
        # same canonical forms: the server-assisted file names the dump's own server too
        assert t_off == t_srv, _diff(t_off, t_srv, ("offline", "server-assisted"))
    assert version_masked(t_off) == version_masked(t_srv), _diff(t_off, t_srv, ("offline", "server-assisted"))
    assert version_masked(t_srv) == version_masked(t_live), _diff(t_srv, t_live, ("server-assisted", "live"))


@pytest.mark.parametrize("path", sorted(MYSQL_DUMPS))
def test_mysql_dumps_agree_up_to_what_mariadb_cannot_reproduce(agreement_server, corpus, path):
    off, srv, liv = _three(corpus / path, agreement_server, None)
    assert off.flavor.family == "mysql" and srv.flavor.family == "mariadb"
    t_srv, t_live = render(srv), render(liv)
    assert version_masked(t_srv) == version_masked(t_live), _diff(t_srv, t_live, ("server-assisted", "live"))
    left = [d for d in compare(off, srv) if (d.attribute, d.a, d.b) not in MYSQL_DUMPS[path]]
    assert left == [], "\n".join(map(str, left))
    assert set(off.tables) == set(srv.tables) and set(off.routines) == set(srv.routines)


def test_generate_scratch_local_writes_the_offline_file(server_binary, tmp_path):
    """End to end through the CLI: ``--scratch local`` starts its own server, and the
    file it writes is the offline one, byte for byte."""
    cli = [sys.executable, "-m", "baseline.cli", "generate", str(PRODUCTION)]
    for args, out in (([], "offline"), (["--scratch", "local"], "server")):
        proc = subprocess.run(cli + args + ["-o", str(tmp_path / out)], capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 0, proc.stderr
    a = (tmp_path / "offline/000_initial_schema.sql").read_bytes()
    b = (tmp_path / "server/000_initial_schema.sql").read_bytes()
    assert a == b and b"CREATE TABLE `apps`" in a
