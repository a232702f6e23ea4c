"""The C loops of the dump splitter split exactly like the pure-Python ones.

``baseline/sql/_scanner.c`` is an optional extension (built by ``pip install``
where a C compiler exists); ``baseline/sql/stream.py`` falls back to its
pure-Python loops without it. Both must give the same statements, lines,
delimiters, statistics and errors: on every corpus file, on generated dump data,
and on hypothesis inputs made of the pieces that trip splitters. The C functions
must also never look past the limit they are given (the splitter relies on it at
the end of each window).

Where the extension is not built these tests skip, unless BASELINE_REQUIRE_C=1
(CI sets it: its machines have gcc and Python headers), where they fail.
"""
from __future__ import annotations

import io
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baseline.errors import InputError
from baseline.sql import stream as stream_mod
from baseline.sql.split import split_sql
from baseline.sql.stream import StatementStream
from requirements import required

if stream_mod._scanner is None:
    if required("C"):  # a module-level skip needs allow_module_level, so not missing()
        pytest.fail("BASELINE_REQUIRE_C=1 but baseline.sql._scanner is not built", pytrace=False)
    pytest.skip("the C scanner is not built here (no compiler at install time)", allow_module_level=True)

C = stream_mod._scanner


def split(data: bytes, *, use_c: bool, window: int = 1 << 20, skip_data: bool = True):
    """Everything observable of one split: statements, stats, or the error."""
    s = StatementStream(io.BytesIO(data), window=window, use_c=use_c, skip_data=skip_data)
    try:
        out = [(x.data, x.line, x.delimiter, x.truncated) for x in s]
    except InputError as e:
        return ("error", str(e), e.line)
    st_ = s.stats
    return out, (st_.bytes_read, st_.data_bytes, st_.statements, st_.lines, st_.tail)


def same(data: bytes, **kw) -> None:
    c, py = split(data, use_c=True, **kw), split(data, use_c=False, **kw)
    if c[0] == "error" or py[0] == "error":
        # Both refuse the input for the same reason. Where is a matter of reading:
        # for ``''\n'`` the pure-Python fast path sees an empty literal and opens
        # one on line 2; C, like the reference splitter, one literal from line 1.
        assert c[0] == py[0] == "error", (c, py)
        assert c[1].split(" starting")[0].split("\n")[0] == py[1].split(" starting")[0].split("\n")[0]
        with pytest.raises(InputError) as ref:
            list(split_sql(data.decode("utf-8", "surrogateescape")))
        assert c[2] == ref.value.line
        return
    assert c == py


# ------------------------------------------------------------------ the switch


def test_default_is_c_and_the_environment_turns_it_off(monkeypatch):
    assert StatementStream(io.BytesIO(b""))._c is C
    monkeypatch.setenv(stream_mod.PURE_PYTHON_ENV, "1")
    assert not stream_mod.accelerated()
    assert StatementStream(io.BytesIO(b""))._c is None
    assert StatementStream(io.BytesIO(b""), use_c=True)._c is C


# ------------------------------------------------------------------ corpus


@pytest.mark.corpus
def test_same_split_on_every_corpus_file(corpus):
    files = sorted(p for p in corpus.rglob("*.sql") if p.is_file())
    assert len(files) > 50
    for path in files:
        raw = path.read_bytes()
        for window in (257, 4099, 1 << 22):
            for skip in (True, False):
                assert split(raw, use_c=True, window=window, skip_data=skip) == \
                    split(raw, use_c=False, window=window, skip_data=skip), f"{path} window {window}"


# ------------------------------------------------------------------ generated data


def _rows(r: random.Random, n: int) -> str:
    """Rows like mysqldump writes them: escapes, quotes, comment look-alikes, hex, NULL."""
    out = []
    for i in range(n):
        s = r.choice(["plain", "O\\'Brien", 'say \\"hi\\"', "a;b", "-- not a comment", "# nor this",
                      "/* nor */", "back\\\\slash", "C:\\\\path\\\\", "it''s", "line\\nbreak", "`tick`",
                      "ends with \\\\", "x" * r.randint(0, 300), "naïve café 東京"])
        out.append(f"({i},'{s}',{r.choice(['NULL', '0x00FF', '1.5', chr(34) + 'dq;' + chr(34)])})")
    return ",".join(out)


@pytest.mark.parametrize("seed", range(6))
def test_same_split_on_generated_dump_data(seed):
    r = random.Random(seed)
    parts = ["-- MySQL dump 10.13\n/*!40101 SET NAMES utf8mb4 */;\n"]
    for t in range(8):
        parts.append(f"CREATE TABLE `t{t}` (\n  `a` int COMMENT 'x;y',\n  `b` text\n) ENGINE=InnoDB;\n"
                     f"LOCK TABLES `t{t}` WRITE;\n")
        for _ in range(r.randint(1, 5)):
            if r.random() < 0.5:
                parts.append(f"INSERT INTO `t{t}` VALUES {_rows(r, r.randint(1, 400))};\n")
            else:  # mariadb-dump 10.11: one row a line
                parts.append(f"INSERT INTO `t{t}` VALUES\n" + ",\n".join(
                    _rows(r, 1) for _ in range(r.randint(1, 200))) + ";\n")
        parts.append("UNLOCK TABLES;\n")
    parts.append("DELIMITER ;;\n/*!50003 CREATE PROCEDURE p() BEGIN SELECT ';'; END */;;\nDELIMITER ;\n"
                 "-- Dump completed on 2024-01-01\n")
    data = "".join(parts).encode()
    for window in (256, 1000, 65536):
        same(data, window=window)
        same(data, window=window, skip_data=False)


# ------------------------------------------------------------------ hypothesis

_PIECES = st.sampled_from([
    "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1,'a')", "insert into t values", "REPLACE INTO t SELECT 1",
    "INSERTx", "insert_", "REPLACE(", "'", '"', "`", "\\", "\\\\", "\\'", "''", '""', "``", ";", ";;", "$$", "$",
    "//", "--", "-- ", "--\t", "-", "#", "/*", "*/", "/**/", "/*!", "/*M!", "/*M", "/*!50003 ", "*", "/",
    "\n", "\r\n", " ", "\t", "\f", "DELIMITER ;;\n", "DELIMITER $$\n", "DELIMITER //\n", "DELIMITER --\n",
    "DELIMITER ;\n", "delimiter ;\n", "x", "é", "\x00", "\xff", "0x00FF", "(", ")", ",", "NULL", "END",
    "SET @a = 1",
])


@pytest.mark.parametrize("data", [
    # a delimiter that is also a comment opener: the reference reads the comment first,
    # also at the end of the input, where no newline closes it (found by hypothesis:
    # the pure-Python data run took the `--` as the delimiter there)
    b"DELIMITER --\nINSERT INTO t VALUES (1,'a')-- \\'",
    b"DELIMITER --\nINSERT INTO t VALUES (1,'a')-- CREATE TABLE t (a int)",
    b"DELIMITER --\nINSERT INTO t VALUES (1)--\nCREATE TABLE t (a int)--",
    b"DELIMITER #\nINSERT INTO t VALUES (1)# x",
    b"DELIMITER /\nINSERT INTO t VALUES (1)/*!50003 x */ /",
])
def test_same_split_where_the_delimiter_opens_a_comment(data):
    for window in (256, 1 << 20):
        for skip in (True, False):
            same(data, window=window, skip_data=skip)
    statements = [st_.text for st_ in split_sql(data.decode())]
    kept = split(data, use_c=False, skip_data=False)[0]
    assert [x[0].decode() for x in kept] == statements


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=80), st.sampled_from([256, 257, 300, 1 << 20]), st.booleans())
def test_same_split_on_generated_input(pieces, window, skip):
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    same(data, window=window, skip_data=skip)


# ------------------------------------------------------------------ the C functions alone


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.data())
def test_nothing_past_the_limit_is_read(pieces, data):
    """The answer for buf[:limit] does not change whatever follows the limit."""
    buf = "".join(pieces).encode()
    limit = data.draw(st.integers(0, len(buf)))
    pos = data.draw(st.integers(0, limit))
    tail = data.draw(st.sampled_from([b"", b";", b"'", b"*/", b"\n", b"- ", b"!", b"M!", b";;", b"x" * 8]))
    for delim in (b";", b";;", b"$$", b"//"):
        base = buf[:limit]
        assert C.statement_end(base, pos, limit, delim) == C.statement_end(base + tail, pos, limit, delim)
        assert C.skip_data(base, pos, limit, delim) == C.skip_data(base + tail, pos, limit, delim)
        at, found = C.statement_end(buf, pos, limit, delim)
        assert pos <= at <= limit
        if found:
            assert buf[at:at + len(delim)] == delim
        assert pos <= C.skip_data(buf, pos, limit, delim) <= limit


def test_functions_on_plain_cases():
    assert C.statement_end(b"CREATE TABLE a (b int); x", 0, 25, b";") == (22, True)
    assert C.statement_end(b"SET @a = 'x;y'; ", 0, 16, b";") == (14, True)
    assert C.statement_end(b"SET @a = 'x;y", 0, 13, b";") == (9, False)      # literal open at the limit
    assert C.statement_end(b"a -- c;\n;", 0, 9, b";") == (8, True)          # comment hides the first ;
    assert C.statement_end(b"a --c;", 0, 6, b";") == (5, True)              # '--c' is no comment
    assert C.statement_end(b"a /*!40101 x */;", 0, 16, b";") == (15, True)
    assert C.statement_end(b"END $x$$", 0, 8, b"$$") == (6, True)
    two = b"INSERT INTO t VALUES (1);\n insert into t values ('a;');\nCREATE"
    assert C.skip_data(two, 0, len(two), b";") == two.index(b"CREATE")
    assert C.skip_data(two, 0, len(two) - 30, b";") == two.index(b"insert")    # the second is cut
    assert C.skip_data(b"INSERTED;", 0, 9, b";") == 0
    assert C.skip_data(bytearray(b"REPLACE INTO t VALUES (1);"), 0, 26, b";") == 26
    assert C.count_lines(bytearray(b"a\nb\n" * 100), 0, 400) == 200
    assert C.count_lines(b"a\nb\n" * 100, 3, 10) == 4
    with pytest.raises(ValueError):
        C.statement_end(b"abc", 5, 3, b";")
    with pytest.raises(TypeError):
        C.skip_data("text", 0, 1, b";")
