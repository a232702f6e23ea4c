"""Column defaults of every kind (quotes, backslashes, a 4-byte character, bit,
enum, binary and expression defaults) survive a live read, in tables whose text
the catalog reading also takes apart (a generated column, a CHECK) and in the
others. MySQL's catalog garbles expression defaults and 4-byte characters, so
MySQL tables are built from their SHOW CREATE text; MariaDB's catalog spells
defaults as SQL. The judge is the server's own text of the source and of the
rebuilt database, on every server of the matrix."""
from __future__ import annotations

import pytest

from servers import matrix_keys
from verify_helpers import run_cli

COLUMNS = """
  q varchar(40) NOT NULL DEFAULT 'it''s a \\\\ back\\nslash',
  u varchar(20) DEFAULT 'é ñ ü',
  e varchar(20) CHARACTER SET utf8mb4 DEFAULT 'x😀y',
  qm varchar(5) DEFAULT '?',
  n decimal(10,2) NOT NULL DEFAULT '1.50',
  f double DEFAULT '1e10',
  b bit(3) DEFAULT b'101',
  k enum('a''b','c') DEFAULT 'a''b',
  bin varbinary(4) DEFAULT 'ab',
  ex char(36) DEFAULT (uuid()),
  ex2 varchar(20) DEFAULT (concat('a', 'b''c')),
  ts datetime(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  paren varchar(10) DEFAULT '(not)'"""


@pytest.mark.parametrize("key", matrix_keys())
def test_defaults_rebuild_the_servers_text_whether_or_not_the_table_text_is_read(key, pairs, tmp_path):
    mysql_pair = pairs(key)
    db = "livedefaults"
    collation = "utf8mb4_0900_ai_ci" if mysql_pair.source.is_mysql else "utf8mb4_general_ci"
    src = mysql_pair.source
    src.create(db, "utf8mb4", collation)
    try:
        src.load(f"""
CREATE TABLE plain (id int PRIMARY KEY,{COLUMNS});
CREATE TABLE read_for_generated (id int PRIMARY KEY,{COLUMNS},
  g int GENERATED ALWAYS AS (id * 2) VIRTUAL);
CREATE TABLE read_for_check (id int PRIMARY KEY,{COLUMNS}, CONSTRAINT c CHECK (id > 0));
""", db)
        out = tmp_path / "out"
        r = run_cli("generate", src.url(db), "-o", str(out))
        assert r.exit_code == 0, r.output
        mysql_pair.target.create(db, "utf8mb4", collation)
        try:
            mysql_pair.target.load((out / "000_initial_schema.sql").read_bytes(), db)
            assert mysql_pair.differences(db) == []
        finally:
            mysql_pair.target.drop(db)
    finally:
        src.drop(db)
