"""MariaDB features the corpus does not cover round-trip through a baseline."""
from __future__ import annotations

import pytest

from baseline.sql.split import split_sql
from roundtrip import roundtrip

FEATURES = r"""
CREATE SEQUENCE s_ids START WITH 100 INCREMENT BY 10 NOCACHE;
CREATE TABLE uses_seq (id bigint NOT NULL DEFAULT nextval(s_ids) PRIMARY KEY, v int);
CREATE TABLE periods (
  id int NOT NULL, x int,
  rs timestamp(6) GENERATED ALWAYS AS ROW START INVISIBLE,
  re timestamp(6) GENERATED ALWAYS AS ROW END INVISIBLE,
  PERIOD FOR SYSTEM_TIME (rs, re), PRIMARY KEY (id, re)
) WITH SYSTEM VERSIONING;
CREATE TABLE hist (id int, v int) WITH SYSTEM VERSIONING
  PARTITION BY SYSTEM_TIME LIMIT 1000 (PARTITION p_hist HISTORY, PARTITION p_cur CURRENT);
CREATE TABLE hashed (id int NOT NULL, PRIMARY KEY (id)) PARTITION BY HASH (id) PARTITIONS 4;
CREATE TABLE keyed (id int NOT NULL, PRIMARY KEY (id)) PARTITION BY LINEAR KEY ALGORITHM = 1 (id) PARTITIONS 3;
CREATE TABLE listed (a int NOT NULL, b char(2) NOT NULL)
  PARTITION BY LIST COLUMNS (a, b) (PARTITION p1 VALUES IN ((1, 'x'), (2, 'y')) COMMENT 'it''s',
                                    PARTITION p2 VALUES IN ((3, 'z')));
CREATE TABLE subbed (id int NOT NULL, d date NOT NULL)
  PARTITION BY RANGE (year(d)) SUBPARTITION BY HASH (to_days(d))
  (PARTITION p0 VALUES LESS THAN (2000) (SUBPARTITION s0, SUBPARTITION s1),
   PARTITION p1 VALUES LESS THAN MAXVALUE (SUBPARTITION s2, SUBPARTITION s3));
CREATE TABLE engines_aria (id int, c blob COMPRESSED, v varchar(100) COMPRESSED)
  ENGINE=Aria TRANSACTIONAL=1 PAGE_CHECKSUM=1 CHECKSUM=1 MAX_ROWS=100 MIN_ROWS=2 PACK_KEYS=1;
CREATE TABLE engines_myisam (id int NOT NULL, g geometry NOT NULL, t text, SPATIAL KEY sg (g), FULLTEXT KEY ft (t))
  ENGINE=MyISAM DELAY_KEY_WRITE=1;
CREATE TABLE engines_memory (id int, KEY h (id), KEY b (id) USING BTREE) ENGINE=MEMORY;
CREATE TABLE innodb_opts (id int) PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=3 STATS_AUTO_RECALC=0
  STATS_SAMPLE_PAGES=5 ROW_FORMAT=COMPACT;
CREATE TABLE uniques (id int PRIMARY KEY, b blob, t text, d varchar(10), UNIQUE KEY ub (b), UNIQUE KEY uh (d) USING HASH,
  KEY kd (d DESC, id), KEY ki (t(20)) IGNORED);
CREATE TABLE zero_dates (id int, d datetime NOT NULL DEFAULT '0000-00-00 00:00:00', n int NULL);
CREATE TABLE no_pk (a int, b int);
CREATE TABLE point_geom (p point NOT NULL, SPATIAL KEY (p));
"""


@pytest.fixture
def features_db(server, scratch_db):
    conn = server.connect(scratch_db)
    try:
        with conn.cursor() as cur:
            cur.execute("SET SESSION sql_mode = ''")  # zero dates
            for st in split_sql(FEATURES):
                cur.execute(st.text)
    finally:
        conn.close()
    return scratch_db


@pytest.mark.parametrize("loader", ["client", "executor"])
def test_mariadb_features_round_trip(server, features_db, loader):
    model_diffs, show_diffs = roundtrip(server, features_db, loader)
    assert model_diffs == []
    assert show_diffs == []
