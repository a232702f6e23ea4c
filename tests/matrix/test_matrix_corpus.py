"""Every corpus schema on every server, live and from the server's own dump.

The judge is the server's own text (:mod:`baseline.compare.servertext`): the
source database on one server, the baseline loaded with the stock client into a
database of the same name on a second server of the same flavor, and the
``SHOW CREATE`` text of every object plus the character sets and sql_mode stored
with views, routines, triggers and events must be the same; only
``AUTO_INCREMENT=N`` and ``DEFINER`` are taken out.
"""
from __future__ import annotations

import re

import pytest

from corpus_sources import BY_NAME, CLIENT_LIMITS, ENTRIES, REFUSED, loads_on
from servers import matrix_keys
from verify_helpers import run_cli

pytestmark = pytest.mark.corpus

KEYS = matrix_keys()
CASES = [(key, db) for key in KEYS for e in loads_on(key) for db in e.databases]
_ERROR = re.compile(rb"ERROR (\d+) \([0-9A-Z]+\)(?: at line \d+)?: (.*)")


@pytest.fixture(scope="session")
def corpus_pair(pairs, corpus):
    """``corpus_pair(key)``: the key's :class:`servers.Pair`, every corpus entry
    loaded on its source server (once), and ``{entry name: None or (code,
    message)}`` of the loads."""
    done: dict[str, dict] = {}

    def get(key: str):
        pair = pairs(key)
        if key not in done:
            done[key] = {e.name: _load(pair.source, corpus, e) for e in ENTRIES}
        return pair, done[key]

    return get


def _load(server, corpus, entry):
    if entry.create:
        server.create(entry.create, "utf8mb4", "utf8mb4_general_ci" if "mariadb" in server.key
                      else "utf8mb4_0900_ai_ci")
    for name in entry.files_for(server.key):
        proc = server.client((corpus / name).read_bytes(), entry.create)
        if proc.returncode:
            m = _ERROR.search(proc.stderr)
            return (int(m.group(1)), m.group(2).decode(errors="replace")) if m else (None, proc.stderr.decode())
    return None


@pytest.mark.parametrize("key", KEYS)
def test_the_corpus_loads_where_documented(key, corpus_pair):
    matrix, outcome = corpus_pair(key)
    refused = {name: err for name, err in outcome.items() if err is not None}
    expected = {name: err for (name, key), err in REFUSED.items() if key == matrix.key}
    assert set(refused) == set(expected), refused
    for name, (code, fragment) in expected.items():
        assert refused[name][0] == code and fragment in refused[name][1], (name, refused[name])
    assert set(matrix.source.databases()) >= {db for e in loads_on(matrix.key) for db in e.databases}


def _rebuild(pair, db: str, source: str, tmp_path, *options: str) -> list[str]:
    """``baseline generate SOURCE``, loaded into ``db`` on the target server;
    the server's differences between the two."""
    out = tmp_path / "out"
    r = run_cli("generate", source, "-o", str(out), *options)
    assert r.exit_code == 0, r.output
    charset, collation = pair.source.defaults(db)
    pair.target.create(db, charset, collation)
    try:
        pair.target.load((out / "000_initial_schema.sql").read_bytes(), db)
        return pair.differences(db)
    finally:
        pair.target.drop(db)


def _known(db: str, differences: list[str]) -> list[str]:
    """The differences no SQL file can avoid (the stock client's limits)."""
    return [d for d in differences if (db, d.split(":", 1)[0]) in CLIENT_LIMITS]


@pytest.mark.parametrize("key, db", CASES, ids=[f"{k}-{d}" for k, d in CASES])
def test_a_live_baseline_rebuilds_the_servers_text(key, db, corpus_pair, tmp_path):
    matrix, _ = corpus_pair(key)
    diffs = _rebuild(matrix, db, matrix.source.url(db), tmp_path)
    assert diffs == _known(db, diffs), "\n".join(diffs)


@pytest.mark.parametrize("assisted", [False, True], ids=["offline", "server-assisted"])
@pytest.mark.parametrize("key, db", CASES, ids=[f"{k}-{d}" for k, d in CASES])
def test_a_baseline_of_the_servers_own_dump_rebuilds_its_text(key, db, assisted, corpus_pair, tmp_path):
    """Read offline (our DDL simulator) and replayed on a throwaway server of the
    same flavor (``--scratch``)."""
    matrix, _ = corpus_pair(key)
    dump = tmp_path / f"{db}.sql"
    dump.write_bytes(matrix.source.dump(db))
    options = ("--scratch", matrix.target.url()) if assisted else ()
    diffs = _rebuild(matrix, db, str(dump), tmp_path, *options)
    assert diffs == _known(db, diffs), "\n".join(diffs)


def test_the_known_limits_are_still_real():
    """Each entry of CLIENT_LIMITS names an object of a corpus entry that loads somewhere."""
    names = {db for e in ENTRIES for db in e.databases}
    assert {db for db, _ in CLIENT_LIMITS} <= names
    assert set(BY_NAME) == {e.name for e in ENTRIES}


@pytest.mark.parametrize("key, db", CASES, ids=[f"{k}-{d}" for k, d in CASES])
def test_verify_finds_a_baseline_identical_to_its_source(key, db, corpus_pair, tmp_path):
    """``verify`` of a folder holding only the baseline, against the live source,
    on a throwaway database of the target server (a table named like its
    database, ``employees.employees``, once made a view differ)."""
    matrix, _ = corpus_pair(key)
    folder = tmp_path / "migrations"
    r = run_cli("generate", matrix.source.url(db), "-o", str(folder))
    assert r.exit_code == 0, r.output
    r = run_cli("verify", "--migrations", str(folder), "--against", matrix.source.url(db),
                "--scratch", matrix.target.url())
    assert r.exit_code == 0, r.output
    assert "identical: no differences" in r.stdout
