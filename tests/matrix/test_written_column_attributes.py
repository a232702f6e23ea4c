"""Column attributes MySQL keeps as written and shows only in SHOW CREATE
(``COLUMN_FORMAT``, ``STORAGE``: the catalog has neither; MariaDB rejects both):
a baseline keeps them whether it is generated from the live server, from the
server's own dump read offline, or as the schema before a chain that changes
them (``MODIFY`` resets what it does not repeat). The judge is the server's text
of the source and of the rebuilt database: 000 (and the chain) loaded into the
other server of the pair."""
from __future__ import annotations

import re

import pytest

from helpers import make
from servers import matrix_keys
from verify_helpers import run_cli

MYSQL_KEYS = [k for k in matrix_keys() if k.startswith("mysql")]

BEFORE = """
CREATE TABLE cf (
  id int NOT NULL PRIMARY KEY,
  a int COLUMN_FORMAT FIXED,
  b varchar(10) COLUMN_FORMAT DYNAMIC NOT NULL DEFAULT 'x',
  c int COLUMN_FORMAT DEFAULT,
  d int COLUMN_FORMAT FIXED COMMENT 'reset by the chain',
  s int STORAGE DISK,
  m int STORAGE MEMORY COLUMN_FORMAT DYNAMIC
);
"""
CHAIN = "ALTER TABLE cf MODIFY d int, MODIFY s int STORAGE MEMORY, ADD COLUMN e int COLUMN_FORMAT FIXED;\n"
DB = "written_attrs"


@pytest.fixture
def pair(request, pairs):
    pair = pairs(request.param)
    for server in (pair.source, pair.target):
        server.create(DB, "utf8mb4", "utf8mb4_0900_ai_ci")
    yield pair
    pair.source.drop(DB)
    pair.target.drop(DB)


def _rebuilt(pair, *scripts: bytes) -> list[str]:
    pair.target.drop(DB)
    pair.target.create(DB, "utf8mb4", "utf8mb4_0900_ai_ci")
    for script in scripts:
        pair.target.load(script, DB)
    return pair.differences(DB)


@pytest.mark.parametrize("pair", MYSQL_KEYS, indirect=True)
def test_live_and_dump_baselines_keep_them(pair, tmp_path):
    pair.source.load(BEFORE + CHAIN, DB)
    assert "COLUMN_FORMAT FIXED" in pair.source.texts(DB)[("TABLE", "cf")].text
    live = tmp_path / "live"
    r = run_cli("generate", pair.source.url(DB), "-o", str(live))
    assert r.exit_code == 0, r.output
    assert _rebuilt(pair, (live / "000_initial_schema.sql").read_bytes()) == []
    dump = tmp_path / "dump.sql"
    dump.write_bytes(pair.source.dump(DB))
    offline = tmp_path / "offline"
    r = run_cli("generate", str(dump), "-o", str(offline))
    assert r.exit_code == 0, r.output
    assert _rebuilt(pair, (offline / "000_initial_schema.sql").read_bytes()) == []


@pytest.mark.parametrize("pair", MYSQL_KEYS, indirect=True)
def test_the_schema_before_a_chain_keeps_them(pair, tmp_path):
    pair.source.load(BEFORE + CHAIN, DB)
    chain = make(tmp_path / "migrations", {"001_reset.sql": CHAIN})
    r = run_cli("generate", pair.source.url(DB), "--migrations", str(chain), "--scratch", pair.target.url())
    assert r.exit_code == 0, r.output
    baseline = next(chain.glob("000_*.sql")).read_bytes()
    assert re.search(rb"`a` int [^\n]*COLUMN_FORMAT FIXED", baseline) and b"`e`" not in baseline
    assert re.search(rb"`m` int [^\n]*STORAGE MEMORY", baseline)
    assert _rebuilt(pair, baseline, CHAIN.encode()) == []
