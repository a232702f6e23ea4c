"""The dump reader: every corpus dump, database selection, stdin and compressed
input, bad input, encodings, and a fuzz test over mutated corpus dumps."""
from __future__ import annotations

import gzip
import io
import re
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baseline.errors import InputError, UsageError
from baseline.sources.dump import DDL, object_kind, read_dump_contents
from baseline.sources.dumpfile import parse_header

# ------------------------------------------------------------------ expected counts from the text

_EXPECT = {
    "TABLE": re.compile(r"^CREATE TABLE ", re.M),
    "SEQUENCE": re.compile(r"^CREATE SEQUENCE ", re.M),
    "VIEW": re.compile(r"^(?:/\*!50001 VIEW |CREATE (?:OR REPLACE )?(?:ALGORITHM\s*=\s*\w+\s+)?"
                       r"(?:DEFINER\s*=\s*\S+\s+)?(?:SQL SECURITY \w+\s+)?VIEW )", re.M | re.I),
    "TRIGGER": re.compile(r"(?:^/\*!50003 CREATE\*/ (?:/\*!50017 DEFINER=\S+\*/ )?/\*!50003 TRIGGER |"
                          r"^CREATE (?:DEFINER\s*=\s*\S+\s+)?TRIGGER )", re.M | re.I),
    "ROUTINE": re.compile(r"^CREATE (?:DEFINER\s*=\s*\S+\s+)?(?:PROCEDURE|FUNCTION) ", re.M | re.I),
    "EVENT": re.compile(r"/\*!50106 EVENT ", re.M),
}


def expected_counts(text: str) -> Counter:
    return Counter({k: len(p.findall(text)) for k, p in _EXPECT.items()})


def read_counts(contents) -> Counter:
    got = Counter()
    for section in contents.databases.values():
        for item in section.items:
            t = item.statement.text
            if item.kind != DDL or not t.upper().startswith("CREATE"):
                continue
            kind = object_kind(t)
            got["ROUTINE" if kind in ("PROCEDURE", "FUNCTION") else kind] += 1
    return got


def dump_files(corpus):
    """The corpus files that are dumps (mysqldump/mariadb-dump output)."""
    out = []
    for p in sorted(corpus.glob("*/*.sql")):
        head = p.read_bytes()[:4096]
        if b"-- MySQL dump" in head or b"-- MariaDB dump" in head:
            out.append(p)
    return out


@pytest.mark.corpus
def test_every_corpus_dump_reads_with_the_expected_objects(corpus):
    files = dump_files(corpus)
    assert len(files) >= 25
    for path in files:
        contents = read_dump_contents(str(path), progress=False)
        text = path.read_text("utf-8", "replace")
        assert read_counts(contents) == +expected_counts(text), path
        assert contents.complete is True, path
        assert contents.header.tool in ("mysqldump", "mariadb-dump")
        assert contents.warnings == [], path


@pytest.mark.corpus
def test_flavor_and_header(corpus):
    c = read_dump_contents(str(corpus / "dump-lburiti-company-mysql8.0.30/company_backup.sql"), progress=False)
    assert str(c.flavor) == "MySQL 8.0.30" and c.header.flavor_source == "server version"
    s = c.select()
    assert s.name == "company"  # from "-- Host: ... Database: company"
    assert (s.charset, s.collation, s.charset_source) == ("utf8mb4", "utf8mb4_0900_ai_ci",
                                                          "most common table character set")
    # stand-in views are gone, the real ones stay
    views = [i.statement.text for i in s.items if i.statement.text.startswith("CREATE") and
             object_kind(i.statement.text) == "VIEW"]
    assert len(views) == 3 and all("ALGORITHM=UNDEFINED" in v for v in views)
    assert all(" AS SELECT \n 1 AS" not in v for v in views)
    # triggers are unwrapped from their version comments; their session state is kept
    trig = [i.statement for i in s.items if "TRIGGER `superssn_check`" in i.statement.text][0]
    assert trig.text.startswith("CREATE DEFINER=`root`@`localhost` TRIGGER `superssn_check` BEFORE INSERT")
    texts = [i.statement.text for i in s.items]
    before = texts[: texts.index(trig.text)]
    assert "SET sql_mode              = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'" in before
    assert "SET collation_connection  = utf8mb4_0900_ai_ci" in before
    w = read_dump_contents(str(corpus / "dump-womensmell-mysql8.0.27/createDB_womensmell.sql"), progress=False)
    assert str(w.flavor) == "MySQL 8.0.27"  # the Workbench prologue comes before the header
    assert w.select().name == "database_womensmell"


@pytest.mark.corpus
def test_version_comments_follow_the_source_server(corpus):
    c = read_dump_contents(str(corpus / "dump-ecombiz-mysql5.7-cloudsql/mydb_routines.sql"), progress=False)
    texts = [i.statement.text for i in c.select().items]
    assert any(" ".join(t.split()).startswith("CREATE ALGORITHM=UNDEFINED DEFINER=`root2`@`%` SQL SECURITY INVOKER VIEW `new_view` AS select")
               for t in texts)
    assert not any("GTID_PURGED" in t or "SQL_LOG_BIN" in t for t in texts)
    m = read_dump_contents(str(corpus / "dump-magentadesk-mariadb10.10/mariadb-dump.nodata.sql"), progress=False)
    assert not any("sandbox" in i.statement.text for s in m.databases.values() for i in s.items)


def test_sakila_style_spatial_column_is_kept_for_a_mysql_57_dump(tmp_path):
    p = tmp_path / "d.sql"
    p.write_text("-- MySQL dump 10.13  Distrib 5.7.30, for Linux (x86_64)\n-- Server version\t5.7.30\n"
                 "CREATE TABLE `a` (`id` int, /*!50705 `loc` geometry NOT NULL,*/ `x` int);\n"
                 "-- Dump completed on 2020-01-01\n")
    text = read_dump_contents(str(p), progress=False).select().statements[0].text
    assert "`loc` geometry NOT NULL" in text


# ------------------------------------------------------------------ databases


@pytest.mark.corpus
def test_multi_database_dump_needs_schema(corpus):
    path = str(corpus / "dump-lburiti-company-mysql8.0.30/all_databases_backup.sql")
    c = read_dump_contents(path, progress=False)
    with pytest.raises(UsageError) as e:
        c.select()
    assert "company, customer_managment" in str(e.value) and "--schema" in str(e.value)
    assert c.select("customer_managment").name == "customer_managment"
    with pytest.raises(UsageError) as e:
        c.select("nope")
    assert "company, customer_managment" in str(e.value)
    # the statements after the second USE `company` belong to company again
    company = c.select("company")
    assert company.charset_source == "CREATE DATABASE" and company.collation == "utf8mb4_0900_ai_ci"
    assert sum(1 for i in company.items if i.statement.text.startswith("CREATE TABLE")) == 7


def test_single_database_without_create_database(tmp_path):
    p = tmp_path / "d.sql"
    p.write_text("/*!40101 SET NAMES latin1 */;\nCREATE TABLE a (x int) ENGINE=InnoDB DEFAULT CHARSET=latin2;\n"
                 "CREATE TABLE b (x int) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;\n"
                 "CREATE TABLE c (x int) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;\n")
    s = read_dump_contents(str(p), progress=False).select("shop")
    assert (s.name, s.charset, s.collation, s.charset_source) == ("shop", "utf8mb4", "utf8mb4_bin",
                                                                  "most common table character set")
    p.write_text("/*!40101 SET NAMES latin1 */;\nCREATE TABLE a (x int);\n")
    s = read_dump_contents(str(p), progress=False).select()
    assert (s.charset, s.collation, s.charset_source) == ("latin1", "latin1_swedish_ci", "SET NAMES")


# ------------------------------------------------------------------ inputs


SMALL = ("-- MariaDB dump 10.19  Distrib 10.11.13-MariaDB, for debian-linux-gnu (x86_64)\n"
         "--\n-- Host: localhost    Database: shop\n-- Server version\t10.11.13-MariaDB\n"
         "/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE `t` (`a` int) ENGINE=InnoDB;\n"
         "INSERT INTO `t` VALUES (1),(2);\n-- Dump completed on 2024-01-01\n")


def test_stdin_and_gzip(tmp_path):
    c = read_dump_contents("-", progress=False, stdin=io.BytesIO(SMALL.encode()))
    assert c.select().name == "shop" and c.select().statements[-1].text == "CREATE TABLE `t` (`a` int) ENGINE=InnoDB"
    gz = tmp_path / "dump.sql.bin"  # no .gz suffix: found by magic bytes
    gz.write_bytes(gzip.compress(SMALL.encode()))
    c2 = read_dump_contents(str(gz), progress=False)
    assert [s.text for s in c2.select().statements] == [s.text for s in c.select().statements]
    assert str(c2.flavor) == "MariaDB 10.11.13"
    c3 = read_dump_contents("-", progress=False, stdin=io.BytesIO(gzip.compress(SMALL.encode())))
    assert c3.select().name == "shop"


def test_truncated_dump_is_an_error_unless_accepted(tmp_path):
    p = tmp_path / "t.sql"
    text = SMALL.replace("-- Dump completed on 2024-01-01\n", "")
    p.write_text(text)
    with pytest.raises(InputError) as e:
        read_dump_contents(str(p), progress=False)
    assert e.value.file == str(p) and e.value.line == text.count("\n")
    assert "without the '-- Dump completed' line mariadb-dump writes last" in e.value.reason
    c = read_dump_contents(str(p), progress=False, accept_damaged=True)
    assert c.complete is False and len(c.problems) == 1 and c.problems[0].startswith(f"{p}:{e.value.line}: ")
    assert len(c.select().statements) == 2


@pytest.mark.parametrize("content, words", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
    (b"PK\x03\x04" + b"x" * 100, "ZIP archive"),
    (b"a" * 257 + b"ustar\x0000" + b"\x00" * 300, "tar archive"),
    ("CREATE TABLE a (b int);".encode("utf-16-le"), "UTF-16"),
    (bytes(range(256)) * 40, "does not look like a SQL dump"),
    (b"id,name\n1,alice\n2,bob\n", "first statement starts with"),
    (b"", "empty file"),
])
def test_wrong_files_are_refused_early(tmp_path, content, words):
    p = tmp_path / "x.sql"
    p.write_bytes(content)
    with pytest.raises(InputError) as e:
        read_dump_contents(str(p), progress=False)
    assert words in str(e.value) and str(p) in str(e.value)


def test_unparseable_input_names_file_and_line(tmp_path):
    p = tmp_path / "u.sql"
    p.write_text("CREATE TABLE a (b int);\nCREATE TABLE c (d varchar(3) DEFAULT 'x);\n")
    with pytest.raises(InputError) as e:
        read_dump_contents(str(p), progress=False)
    assert f"{p}:2:" in str(e.value) and "near: 'x);" in str(e.value)


def test_utf16_with_bom_is_read(tmp_path):
    p = tmp_path / "w.sql"
    p.write_bytes(b"\xff\xfe" + "CREATE TABLE `café` (a int);\n".encode("utf-16-le"))
    assert read_dump_contents(str(p), progress=False).select().statements[0].text == "CREATE TABLE `café` (a int)"


def test_declared_encodings_are_honoured(tmp_path):
    p = tmp_path / "l.sql"
    p.write_bytes(b"/*!40101 SET NAMES latin1 */;\nCREATE TABLE t (a int COMMENT 'caf\xe9 \x80');\n")
    assert read_dump_contents(str(p), progress=False).select().statements[-1].text == \
        "CREATE TABLE t (a int COMMENT 'café €')"
    # sjis: a trail byte 0x5C ('\\') must not escape the closing quote
    text = "SET NAMES sjis;\nCREATE TABLE t (a int COMMENT '表');\nCREATE TABLE u (b int);\n"
    p.write_bytes(text.encode("shift_jis"))
    got = [s.text for s in read_dump_contents(str(p), progress=False).select().statements]
    assert got[-2:] == ["CREATE TABLE t (a int COMMENT '表')", "CREATE TABLE u (b int)"]
    p.write_bytes(b"CREATE TABLE t (a int COMMENT 'caf\xe9');\n")
    with pytest.raises(InputError) as e:
        read_dump_contents(str(p), progress=False)
    assert "not valid utf8" in str(e.value) and ":1:" in str(e.value)


def test_header_parsing():
    h = parse_header(b"-- MySQL dump 10.13  Distrib 5.7.17, for macos10.12 (x86_64)\n--\n"
                     b"-- Host: 1.2.3.4    Database: mydb\n-- Server version\t10.3.9-MariaDB-log\n")
    assert (h.tool, str(h.flavor), h.database) == ("mysqldump", "MariaDB 10.3.9", "mydb")
    h = parse_header(b"-- phpMyAdmin SQL Dump\n-- version 5.1.1\n-- Server version: 8.0.31\n")
    assert (h.tool, str(h.flavor), h.writes_footer) == ("phpMyAdmin", "MySQL 8.0.31", False)
    h = parse_header(b"-- Adminer 4.8.1 MySQL 5.5.5-10.4.21-MariaDB dump\n")
    assert str(h.flavor) == "MariaDB 10.4.21"
    assert parse_header(b"CREATE TABLE a (b int);").flavor_source == "default"


# ------------------------------------------------------------------ fuzz


def _fuzz_seeds(corpus):
    seeds = []
    for name in ("dump-lburiti-company-mysql8.0.30/company_backup.sql",
                 "dump-dbatoolkit-mysql5.6/dbatools.schema.20161007-133143.sql",
                 "dump-magentadesk-mariadb10.10/mariadb-dump.nodata.sql",
                 "dump-ecombiz-mysql5.7-cloudsql/mydb_routines.sql"):
        seeds.append((corpus / name).read_bytes()[:20000])
    return seeds


@pytest.mark.corpus
def test_fuzz_mutated_dumps_raise_only_documented_errors(corpus, tmp_path):
    seeds = _fuzz_seeds(corpus)
    path = tmp_path / "fuzz.sql"

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.integers(0, len(seeds) - 1),
           st.lists(st.tuples(st.sampled_from(["flip", "cut", "insert", "delete"]), st.integers(0, 1 << 30),
                              st.binary(min_size=1, max_size=8)), min_size=1, max_size=6),
           st.sampled_from([300, 4096]))
    def run(i, mutations, window):
        data = bytearray(seeds[i])
        for op, where, junk in mutations:
            k = where % (len(data) + 1)
            if op == "flip" and data:
                data[k % len(data)] ^= junk[0] or 1
            elif op == "cut":
                del data[k:]
            elif op == "insert":
                data[k:k] = junk
            elif data:
                del data[k:k + len(junk)]
        path.write_bytes(bytes(data))
        t0 = time.monotonic()
        try:
            c = read_dump_contents(str(path), progress=False, window=window)
            c.select(None if len(c.names()) < 2 else c.names()[0])
        except InputError as e:
            assert e.file == str(path)  # the error names the dump
        except UsageError:
            pass
        assert time.monotonic() - t0 < 5

    run()
