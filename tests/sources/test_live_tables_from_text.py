"""The tables whose details MariaDB's catalog lacks or garbles (a partition
clause, an index KEY_BLOCK_SIZE or a non-InnoDB engine's keys, a 4-byte
character in an expression) are built from their SHOW CREATE text by the DDL
parser and the builder, as a dump is read, instead of the catalog's rows patched
from the text. Judged by the server's own text of the source and of the rebuilt
database, on the MariaDB servers of the matrix. (An Aria table with a prefix key
rebuilt with TRANSACTIONAL=1 added when its options came from the catalog.)"""
from __future__ import annotations

import pytest

from servers import matrix_keys
from verify_helpers import run_cli

MARIADB_KEYS = [k for k in matrix_keys() if k.startswith("mariadb")]
DB = "needs_text"

TABLES = r"""
CREATE TABLE aria_prefix (id int NOT NULL PRIMARY KEY, notes text, KEY n (notes(100))) ENGINE=Aria;
CREATE TABLE aria_plain (id int NOT NULL PRIMARY KEY) ENGINE=Aria TRANSACTIONAL=0 PAGE_CHECKSUM=0;
CREATE TABLE isam (id int NOT NULL, v varchar(10), KEY k (v) KEY_BLOCK_SIZE=2) ENGINE=MyISAM;
CREATE TABLE parts (id int NOT NULL, made date NOT NULL, PRIMARY KEY (id, made))
  PARTITION BY RANGE (year(made)) (PARTITION p0 VALUES LESS THAN (2000) COMMENT = 'a long comment, ''quoted''',
                                   PARTITION pmax VALUES LESS THAN MAXVALUE);
CREATE TABLE emoji (id int NOT NULL PRIMARY KEY, v varchar(10) CHARACTER SET utf8mb4,
  g varchar(20) CHARACTER SET utf8mb4 GENERATED ALWAYS AS (concat(v, '😀')) VIRTUAL,
  CONSTRAINT c CHECK (v <> '😀'));
"""


@pytest.mark.parametrize("key", MARIADB_KEYS)
def test_tables_read_from_their_text_rebuild_the_servers_text(key, pairs, tmp_path):
    pair = pairs(key)
    for server in (pair.source, pair.target):
        server.create(DB, "utf8mb4", "utf8mb4_general_ci")
    try:
        pair.source.load(TABLES, DB)
        r = run_cli("generate", pair.source.url(DB), "-o", str(tmp_path))
        assert r.exit_code == 0, r.output
        pair.target.load((tmp_path / "000_initial_schema.sql").read_bytes(), DB)
        assert pair.differences(DB) == []
    finally:
        pair.source.drop(DB)
        pair.target.drop(DB)
