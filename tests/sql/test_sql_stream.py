"""The streaming splitter: each construct of real dumps, and agreement with the
reference splitter (corpus files and generated inputs, at several window sizes)."""
from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baseline.errors import InputError
from baseline.flavor import Flavor
from baseline.sql.split import split_sql
from baseline.sql.stream import StatementStream
from baseline.sql.versioned import evaluate_version_comments

DATA = re.compile(r"(?i:insert|replace)(?![0-9A-Za-z_$\x80-\U0010ffff])")


def stream(data: bytes | str, window: int = 1 << 20, **kw):
    if isinstance(data, str):
        data = data.encode()
    return [(s.data.decode(), s.line, s.delimiter.decode())
            for s in StatementStream(io.BytesIO(data), window=window, **kw)]


def reference(text: str, keep_data: bool = False):
    return [(s.text, s.line, s.delimiter) for s in split_sql(text)
            if keep_data or not DATA.match(s.text)]


# ------------------------------------------------------------------ constructs


def test_delimiter_changes_and_bodies():
    sql = ("DELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END ;;\nDELIMITER $$\n"
           "CREATE FUNCTION f() RETURNS int RETURN 1$$\nDELIMITER //\nCREATE TRIGGER t BEFORE INSERT ON x "
           "FOR EACH ROW BEGIN SET @a = '//'; END//\nDELIMITER ;\nSELECT 1;")
    got = stream(sql)
    assert [g[2] for g in got] == [";;", "$$", "//", ";"]
    assert got[0][0] == "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END"
    assert got[2][0].endswith("SET @a = '//'; END")
    assert [g[1] for g in got] == [2, 4, 6, 8]
    assert got == reference(sql)


def test_quotes_escapes_and_comments_do_not_split():
    sql = ("CREATE TABLE `a;b` (c int COMMENT 'x\\';y', d int COMMENT \"q\\\";\") -- tail;\n;\n"
           "# hash ; comment\nCREATE TABLE t2 (/* ; */ x int);\nCREATE TABLE `x``;` (y int);")
    got = stream(sql)
    assert len(got) == 3
    assert got[0][0].startswith("CREATE TABLE `a;b`") and got[0][0].endswith("-- tail;")
    assert got[1] == ("CREATE TABLE t2 (/* ; */ x int)", 4, ";")
    assert got[2][0] == "CREATE TABLE `x``;` (y int)"


def test_data_statements_are_skipped_without_text():
    rows = ",".join(f"({i},'a;b\\'c\\n--',0x00FF)" for i in range(2000))
    sql = (f"CREATE TABLE t (a int);\nLOCK TABLES `t` WRITE;\nINSERT INTO `t` VALUES {rows};\n"
           "INSERT INTO `t` VALUES\n(1,'x'),\n(2,'y;\n');\nreplace into t values (3);\nUNLOCK TABLES;\n"
           "CREATE TABLE u (b int);")
    s = StatementStream(io.BytesIO(sql.encode()), window=4096)
    got = [(x.data.decode(), x.line) for x in s]
    assert got == [("CREATE TABLE t (a int)", 1), ("LOCK TABLES `t` WRITE", 2),
                   ("UNLOCK TABLES", 9), ("CREATE TABLE u (b int)", 10)]
    assert s.stats.data_bytes > len(rows)


def test_megabyte_line_and_one_row_per_line(tmp_path):
    big = "INSERT INTO t VALUES " + ",".join(f"({i},'{'x' * 90}')" for i in range(30000)) + ";\n"
    per_row = "INSERT INTO t VALUES\n" + ",\n".join(f"({i},'y')" for i in range(30000)) + ";\n"
    sql = "CREATE TABLE t (a int);\n" + big + per_row + "CREATE TABLE z (a int);\n"
    got = stream(sql, window=65536)
    assert got == [("CREATE TABLE t (a int)", 1, ";"), ("CREATE TABLE z (a int)", 30004, ";")]


def test_huge_string_streams_through_a_small_window():
    blob = "\\'" * 50000 + "\\\\" * 1000 + "'' ;" * 1000
    sql = f"INSERT INTO t VALUES ('{blob}');\nSET @x = '{blob}';\nCREATE TABLE a (b int);"
    got = stream(sql, window=1024)
    assert [g[0][:10] for g in got] == ["SET @x = '", "CREATE TAB"]
    assert got[0][0] == f"SET @x = '{blob}'"
    assert got == reference(sql)


def test_version_comments_stay_sql_in_the_splitter():
    sql = "/*!50003 CREATE*/ /*!50017 DEFINER=`r`@`h`*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET @a=1 */;"
    assert stream(sql) == reference(sql)


def test_sandbox_first_line():
    sql = "/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\n/*!40101 SET NAMES utf8mb4 */;\n"
    got = stream(sql)
    assert got == reference(sql)
    assert len(got) == 1 and got[0][1] == 1


def test_unterminated_string_names_line_and_excerpt():
    with pytest.raises(InputError) as e:
        stream("CREATE TABLE a (b int);\n\nCREATE TABLE c (d int COMMENT 'oops);\n", window=300)
    assert e.value.line == 3 and "unterminated string" in str(e.value) and "'oops" in str(e.value)
    with pytest.raises(InputError) as e:
        stream("SELECT 1;\n/* never closed\n" + "x" * 5000, window=256)
    assert e.value.line == 2 and "unterminated /* comment" in str(e.value)
    with pytest.raises(InputError) as e:
        stream("INSERT INTO t VALUES ('" + "a" * 10000, window=256)
    assert e.value.line == 1


def test_memory_flat_window_never_holds_a_data_statement():
    s = StatementStream(io.BytesIO(b"INSERT INTO t VALUES ('" + b"z" * 3_000_000 + b"');\nSELECT 1;"),
                        window=65536)
    out = list(s)
    assert [x.data for x in out] == [b"SELECT 1"]
    assert len(s._buf) < 3 * 65536


# ------------------------------------------------------------------ version comments


def target(text):
    return Flavor.parse(text)


def test_version_comments_evaluated_for_the_source():
    stmt = ("CREATE TABLE a (id int, /*!50705 loc GEOMETRY NOT NULL, */ x int) "
            "/*!80016 ENCRYPTION='N' */ /*M!100100 PAGE_COMPRESSED=1 */")
    assert " ".join(evaluate_version_comments(stmt, target("5.7.14")).split()) == \
        "CREATE TABLE a (id int, loc GEOMETRY NOT NULL, x int)"
    assert "loc GEOMETRY" not in evaluate_version_comments(stmt, target("10.11.2-MariaDB"))
    assert "PAGE_COMPRESSED=1" in evaluate_version_comments(stmt, target("10.11.2-MariaDB"))
    assert "ENCRYPTION='N'" in evaluate_version_comments(stmt, target("8.0.30"))
    trig = "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET @a='*/' */"
    assert evaluate_version_comments(trig, target("8.0.30")) == \
        "CREATE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET @a='*/' "
    assert evaluate_version_comments("/*!40101SET x=1*/", target("5.7.1")) == "SET x=1"
    assert evaluate_version_comments("a/*!99999 b\nc */d", target("8.0.1")) == "a \nd"


# ------------------------------------------------------------------ differential


def _corpus_sql(corpus):
    return sorted(p for p in corpus.rglob("*.sql") if p.is_file())


@pytest.mark.corpus
def test_same_statements_as_the_reference_on_every_corpus_file(corpus):
    files = _corpus_sql(corpus)
    assert len(files) > 50
    for path in files:
        raw = path.read_bytes()
        ref = reference(raw.decode("utf-8", "surrogateescape"))
        for window in (257, 1 << 22):
            got = [(s.data.decode("utf-8", "surrogateescape"), s.line, s.delimiter.decode())
                   for s in StatementStream(io.BytesIO(raw), window=window)]
            assert got == ref, f"{path} (window {window})"


_PIECES = st.sampled_from([
    "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1,'a')", "insert into t values", "REPLACE INTO t SELECT 1",
    "'", '"', "`", "\\", "\\\\", "\\'", "''", ";", ";;", "$$", "//", "--", "-- ", "-", "#", "/*", "*/", "/*!",
    "/*M!", "/*!50003 ", "*", "/", "\n", "\r\n", " ", "\t", "DELIMITER ;;\n", "DELIMITER $$\n", "DELIMITER //\n",
    "DELIMITER ;\n", "delimiter ;\n", "x", "é", "0x00FF", "(", ")", ",", "NULL", "END", "SET @a = 1",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60), st.sampled_from([256, 300, 1 << 20]))
def test_same_as_reference_on_generated_input(pieces, window):
    text = "".join(pieces)
    try:
        ref = reference(text)
    except InputError as e:
        with pytest.raises(InputError) as mine:
            stream(text, window=window)
        assert mine.value.reason.split()[0] == e.reason.split()[0]
        return
    # skipped data statements: compare the DDL (text and line)
    assert stream(text, window=window) == ref
    # and with nothing skipped, every statement
    assert stream(text, window=window, skip_data=False) == reference(text, keep_data=True)
