"""On MySQL a live read builds each table from its SHOW CREATE text with the
DDL parser and the builder, as a dump of it is read (``Rules.live_tables_from_text``:
the text of every table is read anyway, and the catalog garbles what it holds);
the catalog's table queries are not sent. The catalog reading stays (MariaDB
uses it; it builds the tables whose details it lacks or garbles from their text
too, here all but ``parent``): both readings must give the same model of the
same server's tables, and the text's must rebuild the server's own text."""
from __future__ import annotations

import contextlib
from dataclasses import replace

import pytest

from baseline.sources.live import LANES, Introspection, Reader, _connection
from baseline.connect.url import ServerURL
from modeldiff import mismatches
from servers import matrix_keys
from verify_helpers import run_cli

MYSQL_KEYS = [k for k in matrix_keys() if k.startswith("mysql")]
DB = "from_text"

TABLES = r"""
CREATE TABLE parent (id int NOT NULL AUTO_INCREMENT, code varchar(20) CHARACTER SET latin1 COLLATE latin1_bin,
  PRIMARY KEY (id) USING BTREE, UNIQUE KEY code (code)) AUTO_INCREMENT=7 COMMENT='p''s';
CREATE TABLE child (
  id bigint unsigned NOT NULL,
  parent_id int DEFAULT NULL,
  name varchar(40) COLLATE utf8mb4_bin NOT NULL DEFAULT 'it''s \\ x',
  note text,
  price decimal(10,2) NOT NULL DEFAULT '1.50',
  flags bit(3) DEFAULT b'101',
  kind enum('a','b''c') DEFAULT 'a',
  raw varbinary(8) DEFAULT 'ab',
  made datetime(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  uid char(36) DEFAULT (uuid()),
  twice int GENERATED ALWAYS AS ((id * 2)) VIRTUAL,
  hidden int DEFAULT NULL /*!80023 INVISIBLE */,
  fixed int /*!50606 COLUMN_FORMAT FIXED */,
  pt point NOT NULL /*!80003 SRID 4326 */,
  PRIMARY KEY (id),
  KEY by_parent (parent_id),
  KEY by_name (name(10) DESC),
  KEY by_expr ((lower(name))),
  FULLTEXT KEY ft (note),
  SPATIAL KEY sp (pt),
  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE SET NULL,
  CONSTRAINT positive CHECK ((price >= 0)),
  CONSTRAINT emoji CHECK ((name <> _utf8mb4'😀'))
) ROW_FORMAT=DYNAMIC STATS_PERSISTENT=1;
CREATE TABLE parts (id int NOT NULL, made date NOT NULL, PRIMARY KEY (id, made))
  PARTITION BY RANGE (year(made)) (PARTITION p0 VALUES LESS THAN (2000) COMMENT = 'old',
                                   PARTITION pmax VALUES LESS THAN MAXVALUE);
CREATE TABLE mem (id int NOT NULL, KEY h (id) USING HASH) ENGINE=MEMORY;
CREATE TABLE isam (id int NOT NULL, v varchar(10), KEY k (v) KEY_BLOCK_SIZE=2) ENGINE=MyISAM;
"""


def _read(url: ServerURL, *, from_text: bool, sent: list[str]):
    with contextlib.ExitStack() as stack:
        reader = Reader([stack.enter_context(_connection(url)) for _ in range(LANES)])
        stack.callback(reader.close)
        submit = reader.submit

        def recorded(sql, *args, **kwargs):  # a spy: the query still runs
            sent.append(sql)
            return submit(sql, *args, **kwargs)

        reader.submit = recorded
        intro = Introspection(reader, url.database)
        intro.head()
        intro.rules = replace(intro.rules, live_tables_from_text=from_text)
        return intro.run()


@pytest.fixture
def source(request, pairs):
    pair = pairs(request.param)
    pair.source.create(DB, "utf8mb4", "utf8mb4_0900_ai_ci")
    pair.target.create(DB, "utf8mb4", "utf8mb4_0900_ai_ci")
    pair.source.load(TABLES, DB)
    yield pair
    pair.source.drop(DB)
    pair.target.drop(DB)


@pytest.mark.parametrize("source", MYSQL_KEYS, indirect=True)
def test_the_text_and_the_catalog_give_one_model(source):
    url = ServerURL.parse(source.source.url(DB))
    by_text: list[str] = []
    text = _read(url, from_text=True, sent=by_text)
    by_catalog: list[str] = []
    catalog = _read(url, from_text=False, sent=by_catalog)
    assert not any("information_schema.COLUMNS" in q or "STATISTICS" in q for q in by_text)
    assert any("information_schema.COLUMNS" in q for q in by_catalog)
    for t in catalog.tables.values():  # the catalog lists CHECKs as made, the text by name (not compared)
        t.checks.sort(key=lambda c: [c.name for c in text.tables[t.key].checks].index(c.name))
    # (the catalog reading builds child, whose expressions the catalog garbles, from its text too)
    assert mismatches(catalog, text, everything=True) == []
    assert text == catalog


@pytest.mark.parametrize("source", MYSQL_KEYS, indirect=True)
def test_a_baseline_read_from_the_text_rebuilds_the_servers_text(source, tmp_path):
    r = run_cli("generate", source.source.url(DB), "-o", str(tmp_path))
    assert r.exit_code == 0, r.output
    source.target.load((tmp_path / "000_initial_schema.sql").read_bytes(), DB)
    assert source.differences(DB) == []
