"""Hand-written DDL cases: each is run on a real server and through the
simulator; the simulator's model must equal the parse of the server's SHOW
CREATE output. Grouped by topic; ids name them in test reports."""

CASES: dict[str, str] = {}


def case(name: str, sql: str) -> None:
    assert name not in CASES, name
    CASES[name] = sql


# ---------------------------------------------------------------- types
case("int-types", """
CREATE TABLE t (
  a INT, b INTEGER, c TINYINT, d SMALLINT, e MEDIUMINT, f BIGINT, g INT(5), h INT UNSIGNED,
  i TINYINT UNSIGNED, j SMALLINT UNSIGNED ZEROFILL, k MEDIUMINT(4) ZEROFILL, l BIGINT UNSIGNED,
  m INT1, n INT2, o INT3, p INT4, q INT8, r MIDDLEINT, s BOOL, u BOOLEAN, v INT SIGNED,
  w integer(3) unsigned, x tinyint(1))
""")
case("serial", "CREATE TABLE t (id SERIAL, v INT); CREATE TABLE u (n INT SERIAL DEFAULT VALUE, v INT)")
case("decimal-float", """
CREATE TABLE t (a DECIMAL, b DECIMAL(5), c DECIMAL(5,2), d DEC(8,3), e NUMERIC(4,1), f FIXED(6,2),
  g FLOAT, h FLOAT(10), i FLOAT(30), j FLOAT(7,3), k DOUBLE, l DOUBLE PRECISION, m REAL,
  n FLOAT4, o FLOAT8, p DOUBLE(10,2), q DECIMAL(10,2) UNSIGNED, r FLOAT UNSIGNED, s DOUBLE ZEROFILL)
""")
case("char-types", """
CREATE TABLE t (a CHAR, b CHAR(10), c CHARACTER(5), d VARCHAR(20), e CHARACTER VARYING(7),
  f NATIONAL CHAR(3), g NCHAR(4), h NVARCHAR(5), i NATIONAL VARCHAR(6), j BINARY, k BINARY(4),
  l VARBINARY(9), m CHAR(4) BINARY, n VARCHAR(10) BINARY, o CHAR(5) ASCII, p VARCHAR(5) CHARSET latin1,
  q VARCHAR(5) CHARACTER SET utf8, r VARCHAR(5) COLLATE utf8mb4_bin, s VARCHAR(5) COLLATE latin1_german1_ci,
  u VARCHAR(5) CHARACTER SET utf8 COLLATE utf8_unicode_ci, v VARCHAR(10) CHARACTER SET binary,
  w CHAR(3) CHARACTER SET binary, x VARCHAR(4) CHARACTER SET latin1 BINARY)
""")
case("text-blob", """
CREATE TABLE t (a TEXT, b TINYTEXT, c MEDIUMTEXT, d LONGTEXT, e TEXT(100), f TEXT(1000) CHARSET latin1,
  g TEXT(70000), h LONG, i LONG VARCHAR, j LONG VARBINARY, k BLOB, l TINYBLOB, m MEDIUMBLOB, n LONGBLOB,
  o BLOB(100), p BLOB(70000), q TEXT CHARACTER SET binary, r TEXT COLLATE utf8mb4_unicode_ci,
  s MEDIUMTEXT CHARSET utf8)
""")
case("enum-set", """
CREATE TABLE t (a ENUM('x','y','z'), b SET('a','b','c'), c ENUM("it's", 'back\\\\slash', 'q"uote'),
  d ENUM('A','b') NOT NULL, e SET('x') CHARSET latin1)
""")
case("temporal-types", """
CREATE TABLE t (a DATE, b TIME, c TIME(3), d DATETIME, e DATETIME(6), f TIMESTAMP NULL, g TIMESTAMP(3) NULL,
  h YEAR, i YEAR(4), j DATETIME(0))
""")
case("json-geometry-bit", """
CREATE TABLE t (a JSON, b JSON NOT NULL, c GEOMETRY, d POINT NOT NULL, e LINESTRING, f POLYGON,
  g MULTIPOINT, h MULTILINESTRING, i MULTIPOLYGON, j GEOMETRYCOLLECTION, k BIT, l BIT(8), m BIT(64))
""")
case("mariadb-types", "CREATE TABLE t (a UUID, b INET4, c INET6 NOT NULL)")

# ---------------------------------------------------------------- defaults
case("defaults-numeric", """
CREATE TABLE t (a INT DEFAULT 0, b INT DEFAULT '5', c INT DEFAULT -3, d INT UNSIGNED DEFAULT '7',
  e DECIMAL(5,2) DEFAULT '1.5', f DECIMAL(5,2) DEFAULT 2, g DECIMAL(6,3) DEFAULT -0.5, h FLOAT DEFAULT 1.5,
  i DOUBLE DEFAULT 1e3, j DOUBLE DEFAULT '0.25', k FLOAT DEFAULT 1.5e-7, l BIGINT DEFAULT 0x10,
  m TINYINT(1) DEFAULT TRUE, n BOOLEAN DEFAULT FALSE, o BIT(3) DEFAULT b'101', p BIT(8) DEFAULT 7,
  q YEAR DEFAULT 2020, r YEAR DEFAULT '1999', s INT NOT NULL DEFAULT 1, u DECIMAL(10,0) DEFAULT 3.7,
  v DOUBLE DEFAULT 100, w FLOAT DEFAULT 0.1, x DOUBLE DEFAULT 0.1, y INT DEFAULT NULL, z DECIMAL DEFAULT 0)
""")
case("defaults-string", """
CREATE TABLE t (a VARCHAR(10) DEFAULT 'x', b VARCHAR(10) DEFAULT '', c CHAR(3) DEFAULT 'ab',
  d VARCHAR(20) DEFAULT 'it''s', e VARCHAR(20) DEFAULT 'a\\\\b\\nc', f VARCHAR(10) DEFAULT 5,
  g CHAR(3) DEFAULT 0x41, h BINARY(3) DEFAULT 'a', i VARBINARY(3) DEFAULT 'ab',
  j ENUM('a','b') DEFAULT 'b', k SET('a','b','c') DEFAULT 'c,a', l TEXT DEFAULT 'x',
  m VARCHAR(10) NOT NULL DEFAULT '', n VARCHAR(10) DEFAULT _utf8mb4'u', o VARCHAR(10) DEFAULT "dq",
  p VARCHAR(10) DEFAULT N'nat', q ENUM('x','y') NOT NULL, r VARCHAR(30) DEFAULT 'ünïcödé',
  s VARCHAR(10) DEFAULT 'a' 'b')
""")
case("defaults-temporal", """
CREATE TABLE t (a DATETIME DEFAULT CURRENT_TIMESTAMP, b TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  c DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), d DATETIME DEFAULT NOW(),
  e TIMESTAMP NULL DEFAULT NULL, f DATE DEFAULT '2020-01-01', g DATETIME DEFAULT '2020-01-01',
  h DATETIME(3) DEFAULT '2020-01-01 10:00:00.5', i TIME DEFAULT '10:00', j DATE DEFAULT '0000-00-00',
  k TIMESTAMP NULL DEFAULT 0, l DATETIME DEFAULT LOCALTIMESTAMP, m DATETIME DEFAULT CURRENT_TIMESTAMP(),
  n TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), o DATETIME DEFAULT '2020-1-2 3:4:5',
  p TIME(2) DEFAULT '1:02:03.456', q DATE DEFAULT 20200102, r TIMESTAMP NOT NULL DEFAULT '2020-01-01 00:00:00')
""")
case("defaults-expressions", """
CREATE TABLE t (id INT, a INT DEFAULT (1+1), b VARCHAR(40) DEFAULT (concat('a','b')), c INT DEFAULT (abs(-1)),
  d VARCHAR(36) DEFAULT uuid(), e INT DEFAULT (id), f DATETIME DEFAULT (now() + interval 1 day),
  g INT DEFAULT (-id), h INT DEFAULT (1), i VARCHAR(10) DEFAULT ('x'), j INT DEFAULT (case when 1 then 2 end),
  k DATE DEFAULT (curdate()), l INT DEFAULT (if(1,2,3)), n INT DEFAULT (not 1), p INT DEFAULT (cast(1 as signed)),
  q INT DEFAULT (1 in (1,2)), r INT DEFAULT (coalesce(null, 1)), s TIME DEFAULT (curtime()),
  u INT DEFAULT (unix_timestamp()), v DOUBLE DEFAULT (rand() * 2), w VARCHAR(20) DEFAULT (lower('ABC')),
  x DATE DEFAULT (current_date), y BLOB DEFAULT (0x00))
""")
case("nullability", """
CREATE TABLE t (a INT NULL, b INT NOT NULL, c INT NULL DEFAULT 3, d VARCHAR(3) NOT NULL DEFAULT 'x',
  e TEXT NOT NULL, f TEXT NULL, g BLOB, h INT AUTO_INCREMENT PRIMARY KEY, i TIMESTAMP, j TIMESTAMP NOT NULL,
  k DATETIME NOT NULL)
""")
case("timestamp-first-rule", """
SET explicit_defaults_for_timestamp = 0;
CREATE TABLE t (a INT, b TIMESTAMP, c TIMESTAMP, d TIMESTAMP NULL, e TIMESTAMP(3), f DATETIME)
""")
case("timestamp-first-rule-onupdate", """
SET explicit_defaults_for_timestamp = 0;
CREATE TABLE t (b TIMESTAMP DEFAULT '2020-01-01 00:00:00', c TIMESTAMP);
CREATE TABLE u (b TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, c TIMESTAMP NULL)
""")
case("auto-increment", """
CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, v INT, PRIMARY KEY (id)) AUTO_INCREMENT=100;
CREATE TABLE u (id BIGINT UNSIGNED AUTO_INCREMENT, KEY (id));
CREATE TABLE w (id INT AUTO_INCREMENT UNIQUE KEY, x INT)
""")

# ---------------------------------------------------------------- column attributes
case("generated-columns", """
CREATE TABLE t (a INT, b INT, c VARCHAR(20), j TEXT,
  d INT AS (a + b), e INT GENERATED ALWAYS AS (a * 100) VIRTUAL, f INT AS ((a+1)*2) STORED,
  g INT AS (a - (b - 1)) PERSISTENT, h VARCHAR(20) AS (concat(c, '-', a)), i VARCHAR(20) AS (lower(c)),
  k INT AS (if(a > b, a, b)), l INT AS (case when a > 1 then 1 when a < 0 then -1 else 0 end),
  m VARCHAR(40) AS (json_unquote(json_extract(j, '$.name'))), n INT AS (a DIV 2 MOD 3), o INT AS (a % 3),
  p INT AS (NOT a), q INT AS (a IS NULL), r INT AS (a BETWEEN 1 AND 5), s INT AS (c LIKE 'x%'),
  u INT AS (a IN (1, 2, 3)), v DATE AS (makedate(2020, a)), w INT AS (a & 3 | b ^ 1),
  x VARCHAR(10) AS (substring(c, 1, 3)), y INT AS (char_length(c)), z INT AS (a <=> b))
""")
case("comments", r"""
CREATE TABLE t (a INT COMMENT 'plain', b INT COMMENT 'it''s', c INT COMMENT 'back\\slash',
  d INT COMMENT 'new\nline', e INT COMMENT 'ünïcödé 日本', f INT COMMENT '') COMMENT 'table''s comment'
""")
case("invisible-columns", "CREATE TABLE t (a INT, b INT INVISIBLE, c INT DEFAULT 3 INVISIBLE, d INT NOT NULL DEFAULT 0 INVISIBLE)")
case("inline-keys", """
CREATE TABLE t (a INT PRIMARY KEY, b INT UNIQUE, c INT UNIQUE KEY, d INT NULL, e VARCHAR(10));
CREATE TABLE u (a INT KEY, b INT)
""")
case("compressed-column", "CREATE TABLE t (a BLOB COMPRESSED, b VARCHAR(100) COMPRESSED, c TEXT COMPRESSED=zlib)")
case("hand-written-lowercase", """
create table if not exists orders (
  id integer not null auto_increment primary key,
  customer_id integer not null,
  amount numeric(10,2) default 0 not null,
  status varchar(20) default 'new',
  created_at timestamp default current_timestamp,
  updated_at timestamp null on update current_timestamp,
  note text
) engine innodb default charset utf8mb4
""")

# ---------------------------------------------------------------- charsets
case("charset-inheritance", """
CREATE TABLE t1 (a VARCHAR(5), b TEXT) CHARSET latin1;
CREATE TABLE t2 (a VARCHAR(5), b VARCHAR(5) CHARSET utf8mb4, c VARCHAR(5) COLLATE utf8mb4_unicode_ci) DEFAULT CHARSET=latin1 COLLATE latin1_bin;
CREATE TABLE t3 (a VARCHAR(5)) COLLATE utf8mb4_bin;
CREATE TABLE t4 (a VARCHAR(5) CHARACTER SET utf8mb4) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE t5 (a CHAR(1)) DEFAULT CHARACTER SET = utf8 COLLATE = utf8_bin;
CREATE TABLE t6 (a ENUM('x') CHARSET ascii, b SET('y'), c TEXT) CHARSET=ucs2;
CREATE TABLE t7 (a VARCHAR(3)) CHARSET utf8mb3
""")

# ---------------------------------------------------------------- indexes
case("index-naming", """
CREATE TABLE t (a INT, b INT UNIQUE, c INT, d INT NOT NULL, e TEXT,
  KEY (a), KEY (a, b), UNIQUE (a), INDEX (c), KEY b_2 (d), FULLTEXT (e), PRIMARY KEY (d),
  UNIQUE KEY (b), KEY USING BTREE (c) COMMENT 'x', KEY kk (e(10)))
""")
case("index-order", """
CREATE TABLE t (a INT NOT NULL, b INT, c VARCHAR(20) NOT NULL, d TEXT, e INT NOT NULL,
  KEY k1 (a), FULLTEXT KEY ft (d), UNIQUE KEY u_nullable (b), UNIQUE KEY u_prefix (c(5)),
  UNIQUE KEY u_notnull (e), KEY k2 (b), UNIQUE KEY u_multi (a, b), PRIMARY KEY (a, e))
""")
case("index-parts", """
CREATE TABLE t (a VARCHAR(100), b VARCHAR(10), c TEXT, d BLOB, e INT,
  KEY p1 (a(10)), KEY p2 (b(10)), KEY p3 (c(20), e), KEY p4 (d(5)), KEY p5 (e DESC, a ASC),
  KEY p6 (a(50) DESC))
""")
case("index-options", """
CREATE TABLE t (a INT, b INT, c VARCHAR(10), t TEXT, p POINT NOT NULL,
  KEY k1 (a) USING BTREE, KEY k2 USING HASH (b), KEY k3 (c) COMMENT 'index comment', KEY k4 (a) IGNORED,
  UNIQUE KEY u1 (t), SPATIAL KEY sp (p), FULLTEXT KEY ft (t) COMMENT 'ft', KEY k5 (b) NOT IGNORED)
""")
case("memory-engine-index", """
CREATE TABLE m (a INT, b INT, KEY (a), KEY h (a) USING BTREE, KEY g (b) USING HASH) ENGINE=MEMORY
""")
case("create-index-statements", """
CREATE TABLE t (a INT, b VARCHAR(20), c TEXT, d INT);
CREATE INDEX ia ON t (a);
CREATE UNIQUE INDEX ub ON t (b);
CREATE FULLTEXT INDEX fc ON t (c);
CREATE INDEX id_desc ON t (d DESC, a) COMMENT 'two';
CREATE INDEX IF NOT EXISTS ia ON t (a);
CREATE OR REPLACE INDEX ia ON t (a, d)
""")
case("long-unique", """
CREATE TABLE t (a TEXT, b VARCHAR(1000), c BLOB, UNIQUE (a), UNIQUE (c), UNIQUE KEY ub (b, a(10)))
""")

# ---------------------------------------------------------------- foreign keys
case("fk-naming", """
CREATE TABLE p (id INT PRIMARY KEY, x INT, KEY (x));
CREATE TABLE c (id INT, pid INT, FOREIGN KEY (pid) REFERENCES p(id));
CREATE TABLE c2 (id INT, pid INT, CONSTRAINT fk_named FOREIGN KEY (pid) REFERENCES p(id));
CREATE TABLE c3 (id INT, pid INT, KEY k (pid), FOREIGN KEY (pid) REFERENCES p(id));
CREATE TABLE c4 (id INT, pid INT, FOREIGN KEY (pid) REFERENCES p(id), FOREIGN KEY (pid) REFERENCES p(id),
  FOREIGN KEY fkx (id) REFERENCES p(id));
CREATE TABLE c5 (id INT, pid INT, KEY (pid, id), FOREIGN KEY (pid) REFERENCES p(id));
CREATE TABLE c6 (id INT, pid INT, CONSTRAINT cn FOREIGN KEY ix (pid) REFERENCES p(id));
CREATE TABLE c7 (id INT, pid INT, CONSTRAINT c7_ibfk_5 FOREIGN KEY (pid) REFERENCES p(id), FOREIGN KEY (id) REFERENCES p(id))
""")
case("fk-actions", """
CREATE TABLE p (id INT PRIMARY KEY, a INT, b INT, UNIQUE KEY (a, b));
CREATE TABLE c (id INT PRIMARY KEY, pid INT, a INT, b INT,
  CONSTRAINT f1 FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT f2 FOREIGN KEY (a, b) REFERENCES p (a, b) ON DELETE SET NULL,
  CONSTRAINT f3 FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE NO ACTION ON DELETE RESTRICT,
  CONSTRAINT f4 FOREIGN KEY (id) REFERENCES c (id))
""")
case("fk-implicit-index-position", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (a INT, b INT, c INT, KEY (a), FOREIGN KEY (b) REFERENCES p(id), KEY (c), UNIQUE (c), FOREIGN KEY (a) REFERENCES p(id))
""")
case("fk-inline-references", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (id INT, pid INT REFERENCES p(id), qid INT REFERENCES p(id) ON DELETE CASCADE)
""")
case("fk-case-and-self", """
CREATE TABLE Parent (Id INT PRIMARY KEY);
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, up INT,
  FOREIGN KEY (PARENT_ID) REFERENCES Parent (ID), FOREIGN KEY (up) REFERENCES child (id))
""")

# ---------------------------------------------------------------- checks
case("checks", """
CREATE TABLE t (a INT CHECK (a > 0), b INT, c VARCHAR(10) CHECK (c <> ''),
  CHECK (b > a), CONSTRAINT CHECK (b < 100), CONSTRAINT named CHECK (a + b < 1000), CHECK (c IN ('x','y')),
  CONSTRAINT CONSTRAINT_2 CHECK (a <> 5), j JSON CHECK (json_length(j) > 0))
""")
case("check-expressions", """
CREATE TABLE t (a INT, b INT, c VARCHAR(10), d DATE,
  CHECK (a > 0 AND b > 0 OR a IS NULL), CHECK (NOT (a = 1)), CHECK (c REGEXP '^[a-z]+$'),
  CHECK (d >= '2000-01-01'), CHECK (char_length(c) BETWEEN 1 AND 5), CHECK (a NOT IN (3, 4)),
  CHECK (c NOT LIKE '%x%'), CHECK (coalesce(a, 0) >= 0), CHECK (a = 1 || b = 2), CHECK (a != b),
  CHECK ((a + b) * 2 > a - b - 1))
""")

# ---------------------------------------------------------------- table options
case("table-options", """
CREATE TABLE t1 (a INT) ENGINE=MyISAM CHECKSUM=1 DELAY_KEY_WRITE=1 PACK_KEYS=1 MAX_ROWS=1000 MIN_ROWS=10 AVG_ROW_LENGTH=50;
CREATE TABLE t2 (a INT) ENGINE=InnoDB ROW_FORMAT=DYNAMIC STATS_PERSISTENT=0 STATS_AUTO_RECALC=1 STATS_SAMPLE_PAGES=20 COMMENT='opts';
CREATE TABLE t3 (a INT) engine=aria transactional=1 page_checksum=1;
CREATE TABLE t4 (a INT) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
CREATE TABLE t5 (a INT) ENGINE MEMORY;
CREATE TABLE t6 (a INT) ENGINE=InnoDB, DEFAULT CHARSET=utf8mb4, COLLATE=utf8mb4_unicode_ci, COMMENT 'commas';
CREATE TABLE t7 (a INT) ENGINE=InnoDB ROW_FORMAT=REDUNDANT;
CREATE TABLE t8 (a INT) ENGINE=InnoDB ROW_FORMAT=DEFAULT PACK_KEYS=DEFAULT CHECKSUM=0
""")
case("create-like", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE a (id INT AUTO_INCREMENT PRIMARY KEY, pid INT, v VARCHAR(10) DEFAULT 'x', KEY (v),
  CONSTRAINT fa FOREIGN KEY (pid) REFERENCES p(id), CHECK (pid > 0)) COMMENT 'src';
CREATE TABLE b LIKE a;
CREATE TABLE IF NOT EXISTS b LIKE a
""")

# ---------------------------------------------------------------- partitions
case("partitions", """
CREATE TABLE p1 (id INT, d DATE) PARTITION BY RANGE (to_days(d)) (PARTITION p0 VALUES LESS THAN (to_days('2020-01-01')), PARTITION p1 VALUES LESS THAN MAXVALUE);
CREATE TABLE p2 (id INT, s VARCHAR(5)) PARTITION BY LIST COLUMNS (id, s) (PARTITION a VALUES IN ((1,'a'),(2,'b')), PARTITION b VALUES IN ((3, 'c')));
CREATE TABLE p3 (id INT) PARTITION BY HASH(id) PARTITIONS 3;
CREATE TABLE p4 (id INT) PARTITION BY LINEAR KEY ALGORITHM=2 (id) PARTITIONS 2;
CREATE TABLE p5 (id INT, d DATETIME) PARTITION BY RANGE COLUMNS(d) (PARTITION a VALUES LESS THAN ('2020-01-01'), PARTITION b VALUES LESS THAN (MAXVALUE));
CREATE TABLE p6 (id INT PRIMARY KEY) PARTITION BY KEY() PARTITIONS 2;
CREATE TABLE p7 (id INT) PARTITION BY RANGE (id) SUBPARTITION BY KEY (id) (PARTITION a VALUES LESS THAN (5) (SUBPARTITION s1, SUBPARTITION s2 COMMENT 'x'), PARTITION b VALUES LESS THAN (10) (SUBPARTITION s3, SUBPARTITION s4));
CREATE TABLE p8 (id INT) PARTITION BY HASH (id) (PARTITION x ENGINE=InnoDB, PARTITION y ENGINE=InnoDB);
CREATE TABLE p9 (id INT) PARTITION BY LIST (id) (PARTITION a VALUES IN (1, NULL, -2) COMMENT 'c', PARTITION b VALUES IN (5));
CREATE TABLE p10 (id INT, y INT) PARTITION BY RANGE (y) (PARTITION a VALUES LESS THAN (1990 + 5), PARTITION b VALUES LESS THAN (2000));
CREATE TABLE p11 (id INT) PARTITION BY KEY ALGORITHM=1 (id) PARTITIONS 4
""")

# ---------------------------------------------------------------- system versioning, sequences
case("system-versioning", """
CREATE TABLE v1 (id INT, name VARCHAR(10)) WITH SYSTEM VERSIONING;
CREATE TABLE v2 (id INT, s TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE, e TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE,
  PERIOD FOR SYSTEM_TIME (s, e)) WITH SYSTEM VERSIONING;
CREATE TABLE v3 (id INT, x INT WITHOUT SYSTEM VERSIONING) WITH SYSTEM VERSIONING;
CREATE TABLE v4 (id INT, s TIMESTAMP(6) AS ROW START, e TIMESTAMP(6) AS ROW END, PERIOD FOR SYSTEM_TIME (s, e)) WITH SYSTEM VERSIONING
""")
case("sequences", """
CREATE SEQUENCE s1;
CREATE SEQUENCE s2 START WITH 100 INCREMENT BY 10 MINVALUE 5 MAXVALUE 100000 CACHE 20 CYCLE;
CREATE SEQUENCE s3 INCREMENT BY -1;
CREATE SEQUENCE s4 NOCACHE NOCYCLE COMMENT 'seq' ENGINE=MyISAM;
ALTER SEQUENCE s1 INCREMENT BY 5 MAXVALUE 500;
CREATE TABLE t (id INT DEFAULT NEXT VALUE FOR s1, v INT DEFAULT nextval(s2))
""")

# ---------------------------------------------------------------- views
case("views", """
CREATE TABLE t (a INT, b INT);
CREATE TABLE u (a INT, c INT);
CREATE VIEW v1 AS SELECT * FROM t;
CREATE VIEW v2 (x, y) AS SELECT a, b + 1 FROM t WHERE a > 1 ORDER BY b LIMIT 3;
CREATE ALGORITHM=TEMPTABLE SQL SECURITY INVOKER VIEW v3 AS SELECT t.a, u.c FROM t JOIN u ON t.a = u.a LEFT JOIN t t2 ON t2.a = u.c WHERE t.b IN (1,2) GROUP BY t.a, u.c HAVING count(*) > 1;
CREATE VIEW v4 AS SELECT a AS aa, 'x' AS s, now() n, concat(a,'-',b) c, (SELECT max(a) FROM u) m FROM t UNION ALL SELECT a, 'y', now(), 'q', 1 FROM u;
CREATE VIEW v5 AS SELECT t.a FROM t WHERE a > 0 WITH LOCAL CHECK OPTION;
CREATE DEFINER=CURRENT_USER VIEW v6 AS SELECT DISTINCT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a) AND b IS NOT NULL OR b BETWEEN 1 AND 2;
CREATE VIEW v7 AS SELECT a AS x, b FROM t ORDER BY x, b DESC;
CREATE VIEW v8 AS SELECT a AS x, count(*) n FROM t GROUP BY x HAVING n > 1;
CREATE VIEW v9 AS SELECT a FROM t UNION SELECT a FROM u ORDER BY a LIMIT 2;
CREATE VIEW v10 AS (SELECT a FROM t) UNION (SELECT a FROM u);
CREATE VIEW v11 AS SELECT v1.a, v1.b FROM v1, u WHERE v1.a = u.a;
CREATE VIEW v12 AS SELECT t.* FROM t RIGHT JOIN u ON t.a = u.a WHERE t.a > ALL (SELECT u.a FROM u) AND b = ANY (SELECT c FROM u);
CREATE OR REPLACE VIEW v1 AS SELECT a FROM t WITH CHECK OPTION;
ALTER VIEW v2 AS SELECT a FROM t
""")

# ---------------------------------------------------------------- triggers, routines, events
case("triggers", """
CREATE TABLE t (a INT, b INT);
CREATE TRIGGER tr1 BEFORE INSERT ON t FOR EACH ROW SET NEW.b = NEW.a + 1;
DELIMITER //
CREATE TRIGGER tr2 BEFORE INSERT ON t FOR EACH ROW FOLLOWS tr1 BEGIN
  IF NEW.a > 1 THEN SET @x = 1; END IF;
END//
DELIMITER ;
CREATE TRIGGER tr3 BEFORE INSERT ON t FOR EACH ROW PRECEDES tr1 SET NEW.b = 0;
SET sql_mode = 'ANSI_QUOTES';
CREATE TRIGGER tr4 AFTER DELETE ON t FOR EACH ROW SET @d = OLD.a;
SET sql_mode = DEFAULT;
CREATE DEFINER = CURRENT_USER TRIGGER tr5 AFTER UPDATE ON t FOR EACH ROW SET @u = NEW.a
""")
case("routines", """
CREATE TABLE t (a INT);
DELIMITER $$
CREATE PROCEDURE p1(IN x INT, OUT y VARCHAR(10) CHARSET latin1, INOUT z DECIMAL(5,2)) COMMENT 'hi' DETERMINISTIC READS SQL DATA SQL SECURITY INVOKER
BEGIN SELECT x; END$$
DELIMITER ;
CREATE FUNCTION f1 (a INT UNSIGNED, b TEXT) RETURNS VARCHAR(20) CHARSET utf8 NO SQL RETURN concat(a, b);
CREATE FUNCTION f2() RETURNS INT RETURN 1;
SET sql_mode = 'TRADITIONAL';
CREATE PROCEDURE p2() MODIFIES SQL DATA DELETE FROM t;
SET sql_mode = '';
CREATE FUNCTION f3(s CHAR(3)) RETURNS BOOL DETERMINISTIC RETURN s = 'x';
ALTER PROCEDURE p2 COMMENT 'changed' SQL SECURITY INVOKER
""")
case("events", """
CREATE TABLE t (a INT);
CREATE EVENT e1 ON SCHEDULE EVERY 1 DAY STARTS '2020-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE COMMENT 'c' DO DELETE FROM t;
DELIMITER ;;
CREATE EVENT e2 ON SCHEDULE AT '2030-01-01 00:00:00' DO BEGIN DELETE FROM t; END;;
DELIMITER ;
CREATE EVENT e3 ON SCHEDULE EVERY 2 HOUR STARTS '2021-01-01 00:00:00' ENDS '2031-01-01 00:00:00' DO DELETE FROM t;
ALTER EVENT e3 DISABLE
""")

# ---------------------------------------------------------------- ALTER sequences
case("alter-columns", """
CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10), c TEXT);
ALTER TABLE t ADD COLUMN d INT NOT NULL DEFAULT 0 AFTER a, ADD e DATE FIRST, ADD COLUMN (f INT, g INT UNIQUE);
ALTER TABLE t MODIFY COLUMN b VARCHAR(50) NOT NULL, MODIFY a BIGINT UNSIGNED AFTER c;
ALTER TABLE t CHANGE COLUMN c notes MEDIUMTEXT, CHANGE f f2 INT DEFAULT 5 FIRST;
ALTER TABLE t RENAME COLUMN d TO d2, ALTER b DROP DEFAULT;
ALTER TABLE t ALTER COLUMN d2 SET DEFAULT 7;
ALTER TABLE t DROP COLUMN e, DROP g;
ALTER TABLE t ADD COLUMN IF NOT EXISTS a INT, DROP COLUMN IF EXISTS nope, MODIFY IF EXISTS nope2 INT
""")
case("alter-column-default-expression", """
CREATE TABLE t (id INT PRIMARY KEY, a INT, ts DATETIME, s VARCHAR(20));
ALTER TABLE t ALTER COLUMN a SET DEFAULT (1 + 1), ALTER ts SET DEFAULT (CURRENT_TIMESTAMP);
ALTER TABLE t ALTER s SET DEFAULT (concat('a', 'b'))
""")
case("alter-indexes", """
CREATE TABLE t (id INT, a INT, b VARCHAR(20), c TEXT, KEY ka (a));
ALTER TABLE t ADD PRIMARY KEY (id), ADD UNIQUE (b), ADD INDEX (a, b), ADD FULLTEXT (c);
ALTER TABLE t ADD KEY (a), ADD KEY (a);
ALTER TABLE t DROP INDEX a_2, RENAME INDEX ka TO ka_renamed, RENAME KEY b TO b_u;
ALTER TABLE t ALTER INDEX a_3 IGNORED;
ALTER TABLE t DROP PRIMARY KEY, ADD CONSTRAINT pk PRIMARY KEY (id, a);
DROP INDEX a_3 ON t;
ALTER TABLE t ADD INDEX IF NOT EXISTS ka_renamed (a), DROP INDEX IF EXISTS nope
""")
case("alter-drop-column-in-index", """
CREATE TABLE t (a INT, b INT, c INT, KEY k1 (a, b), KEY k2 (b), KEY k3 (c, b));
ALTER TABLE t DROP COLUMN b
""")
case("alter-fk-implicit-index", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (id INT, pid INT, qid INT, FOREIGN KEY (pid) REFERENCES p(id), CONSTRAINT fq FOREIGN KEY (qid) REFERENCES p(id));
ALTER TABLE c ADD INDEX ix (pid, id);
ALTER TABLE c ADD INDEX iq (qid);
ALTER TABLE c ADD FOREIGN KEY (id) REFERENCES p(id);
ALTER TABLE c ADD CONSTRAINT fk_named2 FOREIGN KEY (pid) REFERENCES p(id)
""")
case("alter-fk-explicit-index-kept", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (id INT, pid INT, KEY k (pid), FOREIGN KEY (pid) REFERENCES p(id));
ALTER TABLE c ADD INDEX ix (pid, id)
""")
case("alter-fk-drop", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (id INT, pid INT, CONSTRAINT f FOREIGN KEY (pid) REFERENCES p(id), FOREIGN KEY (id) REFERENCES p(id));
ALTER TABLE c DROP FOREIGN KEY f;
ALTER TABLE c ADD FOREIGN KEY (pid) REFERENCES p(id);
ALTER TABLE c DROP FOREIGN KEY c_ibfk_1, DROP INDEX id
""")
case("alter-checks", """
CREATE TABLE t (a INT CHECK (a > 0), b INT, CHECK (b > 0), CONSTRAINT named CHECK (a < b));
ALTER TABLE t ADD CHECK (b < 100), ADD CONSTRAINT CHECK (a < 50), ADD CONSTRAINT c2 CHECK (a <> 3);
ALTER TABLE t DROP CONSTRAINT named, DROP CONSTRAINT c2;
ALTER TABLE t DROP CONSTRAINT CONSTRAINT_1;
ALTER TABLE t ADD CHECK (a + b > 0)
""")
case("alter-table-options", """
CREATE TABLE t (a VARCHAR(10), b TEXT, j JSON) CHARSET latin1;
ALTER TABLE t ENGINE=MyISAM, COMMENT='now myisam';
ALTER TABLE t DEFAULT CHARSET utf8mb4;
ALTER TABLE t ADD c VARCHAR(5);
ALTER TABLE t ROW_FORMAT=DYNAMIC, AUTO_INCREMENT=50, ALGORITHM=COPY, LOCK=SHARED;
CREATE TABLE u (a VARCHAR(10), b TEXT, j JSON, n INT) CHARSET latin1;
ALTER TABLE u CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE w (a VARCHAR(10)) CHARSET latin1;
ALTER TABLE w CONVERT TO CHARSET utf8
""")
case("rename-tables", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (id INT, pid INT, FOREIGN KEY (pid) REFERENCES p(id), CONSTRAINT keepname FOREIGN KEY (id) REFERENCES p(id));
CREATE TRIGGER tr BEFORE INSERT ON c FOR EACH ROW SET @x = 1;
RENAME TABLE c TO c_new, p TO p_new;
ALTER TABLE c_new RENAME TO c_final;
ALTER TABLE c_final ADD FOREIGN KEY (id) REFERENCES p_new(id)
""")
case("drop-objects", """
CREATE TABLE keep (a INT);
CREATE TABLE t (a INT);
CREATE TABLE u (a INT);
CREATE VIEW v AS SELECT a FROM t;
CREATE TRIGGER tr BEFORE INSERT ON u FOR EACH ROW SET @x = 1;
CREATE PROCEDURE p() SELECT 1;
CREATE FUNCTION f() RETURNS INT RETURN 1;
CREATE EVENT e ON SCHEDULE AT '2035-01-01 00:00:00' DO SELECT 1;
DROP VIEW v;
DROP TABLE u;
DROP PROCEDURE IF EXISTS p;
DROP FUNCTION f;
DROP EVENT IF EXISTS e;
DROP TABLE IF EXISTS nope, t;
DROP TRIGGER IF EXISTS nope
""")
case("alter-partitions", """
CREATE TABLE t (id INT, y INT) PARTITION BY RANGE (y) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN (2010));
ALTER TABLE t ADD PARTITION (PARTITION p2 VALUES LESS THAN (2020));
ALTER TABLE t DROP PARTITION p0;
ALTER TABLE t REORGANIZE PARTITION p2 INTO (PARTITION p2a VALUES LESS THAN (2015), PARTITION p2b VALUES LESS THAN (2020));
CREATE TABLE h (id INT) PARTITION BY HASH (id) PARTITIONS 4;
ALTER TABLE h COALESCE PARTITION 2;
ALTER TABLE h ADD PARTITION PARTITIONS 3;
CREATE TABLE r (id INT);
ALTER TABLE r PARTITION BY KEY (id) PARTITIONS 2;
ALTER TABLE r REMOVE PARTITIONING
""")
case("alter-system-versioning", """
CREATE TABLE t (id INT);
ALTER TABLE t ADD SYSTEM VERSIONING;
CREATE TABLE u (id INT) WITH SYSTEM VERSIONING;
ALTER TABLE u DROP SYSTEM VERSIONING
""")
case("session-sql-mode-ansi-quotes", """
SET sql_mode = 'ANSI_QUOTES';
CREATE TABLE "quoted" ("id" INT, "val" VARCHAR(10) DEFAULT 'x');
SET sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION'
""")
case("hostile-identifiers", r"""
CREATE TABLE `we``ird table` (`col``1` INT, `select` INT, `ünï` VARCHAR(3), `a b` INT, KEY `key with space` (`a b`), KEY (`select`));
CREATE TABLE `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1` (`bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb` INT)
""")


# ---------------------------------------------------------------- expressions
#: Expressions checked in generated columns (each becomes one column); the
#: server's spelling must equal the printer's for every one of them.
EXPRESSIONS = [
    'a+1',
    '(a+1)*2',
    'a+1*2',
    'a-(b-1)',
    'a-b-1',
    'a/b/2',
    'a*(b/2)',
    'a % 2',
    'a div 2',
    'a mod 2',
    '-a',
    '- - a',
    '-(a+1)',
    '~a',
    '!a',
    'not a',
    'not (a > 1)',
    'not a in (1,2)',
    'a not in (1,2)',
    'a not between 1 and 2',
    'a between 1 and 2 and b > 1',
    'a is null',
    'a is not null',
    'not a is null',
    'a is true',
    "c like 'x%'",
    "c not like 'x%'",
    "c like 'x!%' escape '!'",
    "c regexp '^a'",
    "c not regexp '^a'",
    "c rlike 'a'",
    "a = 1 and b = 2 or c = 'x'",
    "a = 1 and (b = 2 or c = 'x')",
    "(a = 1 or b = 2) and c = 'x'",
    'a = 1 xor b = 2',
    'a && b || c',
    'a <=> b',
    'a != b',
    'a <> b',
    'a >= b',
    'a & 1 | 2',
    'a | (b & 1)',
    'a << 2 >> 1',
    'a ^ b',
    '(a + b) ^ 2',
    "case a when 1 then 'x' else 'y' end",
    "case when a > 1 then 'x' when a < 0 then 'z' end",
    "if(a > 1, 'x', 'y')",
    "ifnull(c, 'x')",
    'coalesce(a, b, 0)',
    "concat(c, 'x', a)",
    "concat_ws(',', c, 'x')",
    'lower(c)',
    'upper(c)',
    'lcase(c)',
    'substring(c, 1, 2)',
    'substring(c from 2 for 3)',
    'substr(c, 2)',
    'mid(c, 1, 1)',
    'left(c, 2)',
    'right(c, 2)',
    'length(c)',
    'char_length(c)',
    'character_length(c)',
    'octet_length(c)',
    'trim(c)',
    "trim(leading 'x' from c)",
    'trim(trailing from c)',
    'ltrim(c)',
    "replace(c, 'a', 'b')",
    'cast(a as char)',
    'cast(a as char(10))',
    'cast(a as unsigned)',
    'cast(a as signed integer)',
    'cast(c as date)',
    'cast(c as datetime(3))',
    'cast(c as decimal(10,2))',
    'cast(a as double)',
    'cast(c as binary)',
    'convert(c, char)',
    'convert(c using latin1)',
    'binary c',
    'c collate utf8mb4_bin',
    'd + interval 1 day',
    'd - interval 2 month',
    'date_add(d, interval 1 day)',
    'date_sub(d, interval 1 hour)',
    'adddate(d, 1)',
    'interval 1 day + d',
    'extract(year from d)',
    'year(d)',
    'month(d)',
    'day(d)',
    'dayofmonth(d)',
    "date_format(d, '%Y')",
    "datediff(d, '2020-01-01')",
    'abs(a)',
    'round(a, 2)',
    'ceil(a)',
    'ceiling(a)',
    'floor(a)',
    'pow(a, 2)',
    'power(a, 2)',
    'sqrt(a)',
    'greatest(a, b)',
    'least(a, b)',
    'md5(c)',
    'sha1(c)',
    'sha(c)',
    'sha2(c, 256)',
    'hex(c)',
    'unhex(c)',
    "json_extract(j, '$.a')",
    "json_unquote(json_extract(j, '$.a'))",
    "json_value(j, '$.a')",
    'json_valid(j)',
    'json_length(j)',
    "'it''s'",
    "'a\\\\b'",
    '"dq"',
    "_latin1'x'",
    "N'x'",
    '0x41',
    "x'41'",
    "b'101'",
    '1e3',
    '1.50',
    '.5',
    '-1',
    'true',
    'false',
    'null',
    'a in (1, 2, 3)',
    "c in ('a', 'b')",
    'nullif(a, 0)',
    "position('a' in c)",
    "locate('a', c)",
    "instr(c, 'a')",
    'a + b * 2 - 1',
    '(a)',
    '((a))',
    'a = (b = 1)',
    'isnull(a)',
    'a is unknown',
    "c like concat('%', 'x')",
    "strcmp(c, 'x')",
    'uuid()',
    'not (a = 1 and b = 2)',
    'not (a = 1 or b = 2)',
    'not (a = 1)',
    'not (a <> 1)',
    'not (a < 1)',
    'not (a >= 1)',
    'not (a <=> 1)',
    'not (a between 1 and 2)',
    'not (a not in (1))',
    "not (c like 'x')",
    'not json_valid(j)',
    'not (a + 1)',
    'not isnull(a)',
    'not (a is true)',
    'not not a',
    'a and json_valid(j)',
    'a and 1',
    '(a+1) and b',
    'json_valid(j) and b > 1',
    'a or b',
    'a xor b',
    'trim(both from c)',
    "trim(both 'x' from c)",
    'trim(leading from c)',
    "trim('x' from c)",
    "'a\\nb'",
    '\'a"b\'',
    '0xab',
    "X'ab'",
    "b'1'",
    '0b101',
    '1.0e3',
    '1E3',
    '00.5',
    '007',
    '-0',
    '- 1',
    '+1',
    'a - -1',
    'a + (-1)',
    'a - (-b)',
    'a * -b',
    "instr(c, concat('a', 'b'))",
    'if(a, b, c)',
    'not a = 1',
    '!a = 1',
    'a = 1 is true',
    '(a = 1) = (b = 1)',
    'a + interval 1 day',
    'date_add(d, interval a day)',
    'd + interval (a + 1) day',
    "timestampdiff(day, d, '2020-01-01')",
    'now() + 0',
    'sysdate()',
    'current_date',
    'current_date()',
    'utc_date()',
    'unix_timestamp(d)',
    'from_unixtime(a)',
    'char(65)',
    'char(65 using latin1)',
    'weekday(d)',
    'dayname(d)',
    "str_to_date(c, '%Y')",
    "regexp_replace(c, 'a', 'b')",
    'rand()',
    'format(a, 2)',
    'conv(a, 10, 2)',
    'a in (1)',
    'a not in (1)',
    'a in (b)',
    "c in ('x')",
    "b'11111111'",
    "b'100000000'",
    '0xAB',
    "'a\\nb\\tc'",
    "'a\\0b'",
    'a = 1 and b',
    'not (a and b)',
    'not (json_valid(j) and a > 1)',
    "not (c regexp 'x')",
    '(a = 1) is true',
    'a is not false',
    'isnull(a) or a > 1',
    'json_contains(j, \'"x"\')',
    "json_contains_path(j, 'one', '$.a')",
    'json_keys(j)',
    'json_type(j)',
    'json_depth(j)',
    "json_object('a', a, 'b', c)",
    'json_array(a, b)',
    "json_query(j, '$.a')",
    "json_search(j, 'one', 'x')",
    "json_exists(j, '$.a')",
    "json_merge_patch(j, '{}')",
    "json_remove(j, '$.a')",
    "json_set(j, '$.a', 1)",
    "json_insert(j, '$.a', 1)",
    "json_replace(j, '$.a', 1)",
    'json_quote(c)',
    'json_compact(j)',
    "regexp_substr(c, '[a-z]+')",
    "regexp_instr(c, 'a')",
    "c regexp binary 'a'",
    "lpad(c, 5, '0')",
    "rpad(c, 5, ' ')",
    'repeat(c, 2)',
    'reverse(c)',
    'space(2)',
    'ascii(c)',
    'ord(c)',
    'bin(a)',
    'oct(a)',
    'conv(a, 10, 16)',
    'crc32(c)',
    'to_base64(c)',
    'from_base64(c)',
    'sha2(c, 512)',
    'md5(concat(c, a))',
    'cast(a as char(5) charset latin1)',
    'convert(c using utf8mb4)',
    'cast(a as time)',
    'cast(a as float)',
    'date(d)',
    'time(d)',
    'timestamp(d)',
    'dayofweek(d)',
    'dayofyear(d)',
    'week(d)',
    'weekofyear(d)',
    'quarter(d)',
    'last_day(d)',
    'to_days(d)',
    'from_days(a)',
    "str_to_date(c, '%Y-%m-%d')",
    "date_format(d, '%Y-%m')",
    'datediff(d, d)',
    'timediff(d, d)',
    'period_add(a, 1)',
    "addtime(d, '01:00:00')",
    "subtime(d, '01:00:00')",
    'sec_to_time(a)',
    'time_to_sec(d)',
    'maketime(1, 2, 3)',
    'makedate(2020, a)',
    'a + 1 > b - 1',
    'a * 2 = b / 2',
    '(a + b) * (a - b)',
    '-a * -b',
    'a - -b',
    'a | b & c',
    'a ^ b ^ 2',
    'a is not true',
    '(a > 1) is false',
    'a between b and a + 10',
    "c not between 'a' and 'z'",
    'a not in (1, 2)',
    "c in ('a')",
    "c like concat(c, '%') escape '|'",
    "case a when 1 then 'one' when 2 then 'two' end",
    'case when a is null then 0 else a end',
    'if(isnull(a), 0, a)',
    'ifnull(a, ifnull(b, 0))',
    "nullif(c, '')",
    "coalesce(c, '', 'x')",
    'greatest(a, b, 0)',
    'char_length(trim(c))',
    'upper(left(c, 1))',
    'concat(upper(substring(c, 1, 1)), lower(substring(c, 2)))',
    'truncate(a / 3, 2)',
    'round(a)',
    'sign(a)',
    'mod(a, 3)',
    'a mod 3',
    'pi()',
    'log(a)',
    'ln(a)',
    'log10(a)',
    'exp(a)',
    'floor(a / 2) * 2',
    'char(65, 66)',
    "field(c, 'a', 'b')",
    "elt(a, 'x', 'y')",
    "find_in_set(c, 'a,b')",
    "make_set(a, 'x', 'y')",
    "export_set(a, 'Y', 'N')",
    "insert(c, 1, 2, 'x')",
    "replace(replace(c, 'a', 'b'), 'c', 'd')",
    "substring_index(c, '.', 1)",
    "locate('a', c, 2)",
    "strcmp(c, 'a')",
    'soundex(c)',
    'hex(a)',
    "unhex('41')",
    'inet_aton(c)',
    'inet_ntoa(a)',
    'is_ipv4(c)',
    'uuid_short()',
    'current_user()',
    'database()',
    'version()',
    '0',
    '1.0',
    '-1.5',
    "'a' 'b'",
    "X'4142'",
    'true + 1',
    'a = true',
    'not (a in (1, 2))',
    '!(a between 1 and 2)',
    "a <> 1 and not c like 'x'",
]

_EXPR_COLUMNS = "a INT, b INT, c VARCHAR(10), d DATE, j TEXT"
for _i in range(0, len(EXPRESSIONS), 60):
    _cols = ",\n  ".join(f"x{_n} VARCHAR(100) AS ({_e})" for _n, _e in enumerate(EXPRESSIONS[_i:_i + 60]))
    case(f"expressions-{_i // 60 + 1}", f"CREATE TABLE g ({_EXPR_COLUMNS},\n  {_cols})")

case("views-more", """
CREATE TABLE t (a INT, b INT, c VARCHAR(10));
CREATE TABLE u (a INT, d DATE);
CREATE TABLE w (a INT, e INT);
CREATE VIEW m1 AS SELECT a, b, c FROM t WHERE c LIKE 'x%' AND b BETWEEN 1 AND 10 OR a IN (1, 2, 3);
CREATE VIEW m2 AS SELECT t.a, count(*) AS n, sum(b) AS total, avg(b) mean, max(c) AS mx, min(c),
  group_concat(c ORDER BY c DESC SEPARATOR ';') AS gc, count(DISTINCT b) AS nd FROM t GROUP BY t.a WITH ROLLUP;
CREATE VIEW m3 AS SELECT t.a, u.d, w.e FROM t, u, w WHERE t.a = u.a AND u.a = w.a;
CREATE VIEW m4 AS SELECT t.a FROM t INNER JOIN u ON t.a = u.a CROSS JOIN w;
CREATE VIEW m5 AS SELECT t.a FROM t STRAIGHT_JOIN u ON t.a = u.a;
CREATE VIEW m6 AS SELECT CASE WHEN a > 1 THEN 'big' ELSE 'small' END AS size, if(b IS NULL, 0, b) AS b0,
  coalesce(c, '') AS c0, cast(a AS char) AS ac, concat_ws('-', a, b) AS ab, a + b * 2 AS expr, -a AS neg FROM t;
CREATE VIEW m7 AS SELECT a, b FROM t ORDER BY a DESC, b LIMIT 5, 10;
CREATE VIEW m8 AS SELECT DISTINCT c AS `Column With Space`, 'literal' AS `quote'd`, 42 AS answer FROM t;
CREATE VIEW m9 AS SELECT a FROM t WHERE b > (SELECT avg(b) FROM t) AND a NOT IN (SELECT a FROM w);
CREATE VIEW m10 AS SELECT m1.a, m3.e FROM m1 JOIN m3 ON m1.a = m3.a;
CREATE VIEW m11 AS SELECT u.a, d + INTERVAL 1 DAY AS next_day, year(d) AS y, date_format(d, '%Y') AS ys FROM u;
CREATE VIEW m12 AS SELECT a, b FROM t WHERE NOT (a = 1) AND c IS NOT NULL AND b <> 2;
CREATE VIEW m13 AS SELECT t.a AS ta, u.a AS ua FROM t LEFT OUTER JOIN u ON t.a = u.a AND u.d > '2020-01-01' LEFT JOIN w ON w.a = t.a;
CREATE VIEW m14 AS SELECT a, count(*) c FROM t GROUP BY a HAVING count(*) > 1 ORDER BY c;
CREATE VIEW m15 AS SELECT * FROM t WHERE EXISTS (SELECT * FROM u WHERE u.a = t.a LIMIT 3);
CREATE VIEW m16 AS SELECT a, b FROM t UNION DISTINCT SELECT a, e FROM w UNION ALL SELECT a, NULL FROM u
""")

case("alter-misc", """
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE t (id INT, pid INT, name VARCHAR(10), PRIMARY KEY (id, name), FOREIGN KEY (pid) REFERENCES p (id));
ALTER TABLE t MODIFY name VARCHAR(20);
ALTER TABLE t CHANGE pid parent_id INT NOT NULL;
ALTER TABLE t ADD COLUMN extra INT REFERENCES p (id);
ALTER TABLE t ADD COLUMN u INT UNIQUE AFTER id, ADD COLUMN k INT, ADD KEY (k);
""")
case("alter-pk-auto-increment", """
CREATE TABLE t (id INT NOT NULL, v INT);
ALTER TABLE t ADD PRIMARY KEY (id), MODIFY id INT NOT NULL AUTO_INCREMENT;
ALTER TABLE t AUTO_INCREMENT = 1000;
CREATE TABLE u (a INT, b INT);
ALTER TABLE u ADD PRIMARY KEY (a, b);
ALTER TABLE u DROP PRIMARY KEY;
ALTER TABLE u ADD UNIQUE KEY (a)
""")
case("alter-implicit-index-more", """
CREATE TABLE p (id INT PRIMARY KEY, id2 INT, KEY (id2), KEY (id, id2));
CREATE TABLE c (id INT, a INT, b INT);
ALTER TABLE c ADD FOREIGN KEY (a) REFERENCES p (id), ADD INDEX ab (a, b);
ALTER TABLE c ADD FOREIGN KEY (b) REFERENCES p (id);
ALTER TABLE c ADD UNIQUE INDEX ub (b, id);
ALTER TABLE c ADD CONSTRAINT cfk FOREIGN KEY (a, b) REFERENCES p (id, id2);
CREATE TABLE d (x INT, y INT, CONSTRAINT dfk FOREIGN KEY (x) REFERENCES p (id));
ALTER TABLE d ADD KEY xy (x, y);
ALTER TABLE d RENAME INDEX xy TO xy2
""")
case("fk-composite-and-prefix", """
CREATE TABLE p (a INT, b VARCHAR(20), PRIMARY KEY (a, b));
CREATE TABLE c (x INT, y VARCHAR(20), z INT, KEY (y(5)), FOREIGN KEY (x, y) REFERENCES p (a, b));
CREATE TABLE c2 (x INT, y VARCHAR(20), KEY (x), FOREIGN KEY (x, y) REFERENCES p (a, b));
CREATE TABLE c3 (x INT, y VARCHAR(20), UNIQUE KEY (x, y, x2), x2 INT, FOREIGN KEY (x, y) REFERENCES p (a, b))
""")
case("table-options-more", """
CREATE TABLE t1 (a INT) ENGINE=InnoDB PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=6;
CREATE TABLE t2 (a INT) ENGINE=MyISAM INSERT_METHOD=LAST;
CREATE TABLE t3 (a INT) ENGINE=MyISAM;
CREATE TABLE t4 (a INT) ENGINE=MRG_MyISAM UNION=(t3) INSERT_METHOD=FIRST;
CREATE TABLE t5 (a INT) ENGINE=InnoDB STATS_PERSISTENT=DEFAULT STATS_AUTO_RECALC=0;
CREATE TABLE t6 (a INT) ENGINE=Aria ROW_FORMAT=PAGE TRANSACTIONAL=0;
CREATE TABLE t7 (a INT NOT NULL) ENGINE=CSV COMMENT=''
""")
case("triggers-more", """
CREATE TABLE t (a INT);
CREATE TABLE u (a INT);
CREATE TRIGGER b1 BEFORE UPDATE ON t FOR EACH ROW SET @x = 1;
CREATE TRIGGER b2 BEFORE UPDATE ON t FOR EACH ROW SET @x = 2;
CREATE TRIGGER b3 BEFORE UPDATE ON t FOR EACH ROW FOLLOWS b1 SET @x = 3;
DROP TRIGGER b1;
CREATE TRIGGER a1 AFTER INSERT ON u FOR EACH ROW INSERT INTO t VALUES (NEW.a);
CREATE TRIGGER d1 AFTER INSERT ON u FOR EACH ROW PRECEDES a1 SET @y = NEW.a;
CREATE OR REPLACE TRIGGER b2 BEFORE UPDATE ON t FOR EACH ROW SET @x = 22;
CREATE TRIGGER IF NOT EXISTS b2 BEFORE UPDATE ON t FOR EACH ROW SET @x = 99
""")
case("routines-more", """
CREATE FUNCTION f1(a ENUM('x','y'), b SET('p') CHARSET latin1, c DECIMAL, d VARCHAR(5) COLLATE utf8mb4_bin)
  RETURNS TEXT CHARSET latin1 COLLATE latin1_bin DETERMINISTIC RETURN concat(a, b, c, d);
CREATE FUNCTION f2(x BIGINT UNSIGNED) RETURNS TINYINT(1) NOT DETERMINISTIC CONTAINS SQL SQL SECURITY DEFINER COMMENT 'c'
  RETURN x > 0;
CREATE PROCEDURE p1(x INT, INOUT y BLOB, OUT z DATETIME(3)) LANGUAGE SQL SELECT x;
CREATE OR REPLACE PROCEDURE p1() SELECT 2;
DELIMITER //
CREATE AGGREGATE FUNCTION IF NOT EXISTS agg1(x INT) RETURNS INT BEGIN DECLARE s INT DEFAULT 0; DECLARE CONTINUE HANDLER FOR NOT FOUND RETURN s; LOOP FETCH GROUP NEXT ROW; SET s = s + x; END LOOP; END//
DELIMITER ;
""")
case("create-or-replace-and-if-not-exists", """
CREATE TABLE t (a INT);
CREATE TABLE IF NOT EXISTS t (b INT);
CREATE OR REPLACE TABLE t (c INT, d INT);
CREATE OR REPLACE VIEW v AS SELECT c FROM t;
CREATE VIEW IF NOT EXISTS v AS SELECT d FROM t;
CREATE SEQUENCE IF NOT EXISTS s;
CREATE OR REPLACE SEQUENCE s START WITH 5
""")
case("bit-string-defaults", """
CREATE TABLE t (a BIT(5) DEFAULT '', b BIT(8) DEFAULT 'a', c BIT(16) DEFAULT 'ab', d BIT(8) DEFAULT '0',
  e BIT(8) DEFAULT '\\0', f BIT(5) DEFAULT 3);
""")

# lower_case_table_names=0 (Linux): a reference to `Parent` is not one to `parent`,
# so renaming parent.id leaves it alone (engine/edits.py undoes renames the same way)
case("fk-reference-other-case", """
SET FOREIGN_KEY_CHECKS = 0;
CREATE TABLE c (id INT PRIMARY KEY, pid INT, KEY (pid), CONSTRAINT c_up FOREIGN KEY (pid) REFERENCES Parent (id));
CREATE TABLE parent (id INT PRIMARY KEY);
CREATE TABLE c2 (id INT PRIMARY KEY, pid INT, CONSTRAINT c2_p FOREIGN KEY (pid) REFERENCES parent (id));
ALTER TABLE parent RENAME COLUMN id TO pid;
SET FOREIGN_KEY_CHECKS = 1""")
