"""The layout scan of SHOW CREATE TABLE text agrees with a tokenizing reader.

A live read of MariaDB takes the key order, the ``USING`` clauses and the
explicit column collations of each table the catalog describes from its SHOW
CREATE text through ``scan_create_table`` (line by line, quoted parts skipped by
pattern); the reference is the tests' own tokenizing reader
(``showcreate_judge.table_lines``). The inputs are the server-printed CREATE
TABLEs of every dump in the corpus (a dump tool writes SHOW CREATE text) plus
hand-made hard cases. No server needed.
"""
from __future__ import annotations

import re

import pytest

from baseline.sources.showcreate import scan_create_table
from baseline.sql.split import split_sql
from conftest import CORPUS
from showcreate_judge import table_lines

DUMPS = sorted(CORPUS.glob("*/mariadb-dump*.nodata.sql")) if CORPUS.is_dir() else []
_CREATE = re.compile(r"^CREATE TABLE `", re.M)

HARD = [
    "CREATE TABLE `t` (\n  `a` enum('x(','y''s',')') DEFAULT 'x(',\n  `b` varchar(10) COLLATE utf8mb4_bin "
    "DEFAULT 'DEFAULT 1' COMMENT 'CHECK (x)',\n  `c` int GENERATED ALWAYS AS ((`a` + 1)) VIRTUAL,\n"
    "  UNIQUE KEY `u``q` ((lower(`b`)),`c`) USING BTREE COMMENT 'USING HASH',\n"
    "  CONSTRAINT `c1` CHECK ((`c` > 0))\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
]


def _creates() -> list[str]:
    out = list(HARD)
    for dump in DUMPS:
        for st in split_sql(dump.read_text(encoding="utf-8", errors="replace"), file=str(dump)):
            if _CREATE.match(st.text):
                out.append(st.text)
    return out


def test_the_corpus_gives_enough_tables(corpus):
    assert len(_creates()) > 300


@pytest.mark.corpus
def test_scan_agrees_with_the_tokenizer_on_every_corpus_table(corpus):
    checked = 0
    for text in _creates():
        fast = scan_create_table(text)
        assert fast is not None, text[:200]
        slow = table_lines(text)
        assert (fast.keys, fast.using, fast.constraints, fast.column_charsets) == \
               (slow.keys, slow.using, slow.constraints, slow.column_charsets), text[:300]
        assert set(fast.column_charsets) == set(slow.column_text)
        checked += len(fast.column_charsets)
    assert checked > 2000


def test_a_text_not_laid_out_as_the_server_prints_it_is_not_scanned():
    # the live reader then builds the table from its text with the DDL parser
    assert scan_create_table("CREATE TABLE t (a int, b int)") is None
    assert scan_create_table("CREATE TABLE `t` (\n`a` int\n) ENGINE=InnoDB") is None
