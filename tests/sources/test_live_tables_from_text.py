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


ORDINARY = r"""
CREATE TABLE plain (id int NOT NULL, a varchar(10) COLLATE utf8mb4_bin, b int, c text,
  PRIMARY KEY (id), KEY kb (b) USING HASH, UNIQUE KEY ua (a), FULLTEXT KEY fc (c), KEY kab (a, b DESC));
CREATE TABLE child (id int NOT NULL PRIMARY KEY, p int, KEY later (id, p),
  CONSTRAINT fk FOREIGN KEY (p) REFERENCES plain (id) ON DELETE CASCADE);
"""


@pytest.mark.parametrize("key", MARIADB_KEYS)
def test_a_text_the_layout_scan_does_not_read_is_built_from_it(key, pairs, monkeypatch):
    """Where the line scan gives up on a text (not laid out as the server usually
    prints it), the table is built from that text: the same model, field by field,
    as the usual reading (catalog rows plus the scanned layout)."""
    from baseline.connect.url import ServerURL
    from baseline.sources import live
    from modeldiff import mismatches

    pair = pairs(key)
    pair.source.create(DB, "utf8mb4", "utf8mb4_general_ci")
    try:
        pair.source.load(TABLES + ORDINARY, DB)
        url = ServerURL.parse(pair.source.url(DB))
        usual = live.read_live(url, progress=False)
        built: list[str] = []
        from_text = live.Introspection._table_from_text

        def counted(self, schema, name):
            built.append(name)
            return from_text(self, schema, name)

        monkeypatch.setattr(live, "scan_create_table", lambda text, columns=True: None)
        monkeypatch.setattr(live.Introspection, "_table_from_text", counted)
        fallback = live.read_live(url, progress=False)
        assert sorted(built) == sorted(usual.tables)  # every table, not only those the catalog garbles
        assert mismatches(usual, fallback, everything=True) == []
    finally:
        pair.source.drop(DB)
