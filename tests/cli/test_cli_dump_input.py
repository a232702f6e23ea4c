"""Bad and unusual dump input, end to end through ``baseline generate``: what the
user sees (exit code, the message naming file and line) and what is written."""
from __future__ import annotations

import gzip
import re
import subprocess

import pytest
from click.testing import CliRunner

from baseline.cli import cli
from conftest import CORPUS, ROOT
from requirements import client
from roundtrip import client_binary

PRODUCTION = ROOT / "fixtures/legacy/production.sql"
MAGENTA = CORPUS / "dump-magentadesk-mariadb10.10/mariadb-dump.nodata.sql"


def generate(*args, input=None):
    result = CliRunner().invoke(cli, ["generate", *map(str, args)], input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("where, offset, message, line_starts", [
    # inside a CREATE TABLE: the statement's line
    ("CREATE TABLE `apps` (", 5, "the dump ends inside this statement", "CREATE TABLE `apps` ("),
    # inside a quoted identifier, a string of the data: the line where it opens
    ("`tenantId` char(36)", 3, "the dump ends inside the quoted identifier opened here", "  `tenantId`"),
    ("'acc_2','li@example.com','Li", 20, "the dump ends inside the string opened here", "('acc_2'"),
    # between two statements: the last line read
    ("LOCK TABLES `apps` WRITE;", 0, "the dump ends here without the '-- Dump completed' line", None),
])
def test_truncated_dump_is_an_error_naming_the_line(tmp_path, where, offset, message, line_starts):
    text = PRODUCTION.read_text("utf-8")
    dump = tmp_path / "cut.sql"
    cut = text[:text.index(where) + offset]
    dump.write_text(cut)
    code, out, err = generate(dump, "-o", tmp_path / "out")
    assert code == 2, err
    assert not (tmp_path / "out").exists()
    m = re.search(re.escape(f"baseline: error: {dump}:") + r"(\d+): " + re.escape(message), err)
    assert m, err
    line = int(m.group(1))
    if line_starts:
        assert text.splitlines()[line - 1].startswith(line_starts)
    else:
        assert line == cut.count("\n")
    assert "--force" in err and "Traceback" not in err
    # --force writes what can be read, the problem in the header
    code, out, err = generate(dump, "-o", tmp_path / "forced", "--force")
    assert code == 0, err
    written = (tmp_path / "forced/000_initial_schema.sql").read_text()
    assert f"-- INCOMPLETE SOURCE (written with --force): {dump}:{line}: {message}" in written
    assert "CREATE TABLE `accounts`" in written and "CREATE TABLE `packages`" not in written
    assert ("CREATE TABLE `apps`" in written) == (line_starts is None)
    assert f"baseline: warning: {dump}:{line}: {message}" in err


def test_unparseable_statement_names_file_line_and_excerpt(tmp_path):
    dump = tmp_path / "bad.sql"
    dump.write_text("-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n"
                    "-- Server version\t10.11.19-MariaDB\n/*!40101 SET NAMES utf8mb4 */;\n"
                    "CREATE TABLE `a` (`b` int);\n\n"
                    "CREATE TABLE `c` (\n  `d` int,\n  `e` varchar(3) DEFALT 'x'\n);\n-- Dump completed on 2024-01-01\n")
    code, out, err = generate(dump, "-o", tmp_path / "out")
    assert code == 2
    # the line of the offending word, inside the statement that starts on line 6
    assert f"baseline: error: {dump}:8: expected ')', found 'DEFALT'" in err and "\n  near: " in err
    assert not (tmp_path / "out").exists() and "Traceback" not in err


@pytest.mark.parametrize("content, words", [
    (bytes(range(256)) * 20, "does not look like a SQL dump: it contains NUL bytes"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "does not look like a SQL dump: it is a PNG image"),
    (b"PK\x03\x04" + b"x" * 64, "does not look like a SQL dump: it is a ZIP archive (unzip it first)"),
    (b'"""A Python file."""\nimport os\n', "does not look like a SQL dump: the first statement starts with"),
    (gzip.compress(b"\x01\x02\x03\x04\x05" * 500, mtime=0), "does not look like a SQL dump: it looks like binary"),
    (b"\x1f\x8b\x08\x00broken gzip" * 10, "cannot decompress (gzip)"),
    (b"", "empty file: no SQL statements"),
])
def test_wrong_files_are_refused_with_a_clear_message(tmp_path, content, words):
    dump = tmp_path / "x.sql"
    dump.write_bytes(content)
    code, out, err = generate(dump, "-o", tmp_path / "out")
    assert code == 2, err
    assert err.startswith(f"baseline: error: {dump}") and words in err, err
    assert not (tmp_path / "out").exists()


def test_latin1_dump_is_read_in_its_declared_charset(server, tmp_path):
    """A dump in latin1 (``SET NAMES latin1``): the names and the comment come out
    as the server stores them when the stock client loads the dump itself."""
    client()
    comment = "prix en € (coût été)"
    dump = tmp_path / "latin1.sql"
    dump.write_bytes(("-- MySQL dump 10.13  Distrib 5.7.30, for Linux (x86_64)\n-- Server version\t5.7.30\n"
                      "/*!40101 SET NAMES latin1 */;\n"
                      f"CREATE TABLE `café` (`prîx` int COMMENT '{comment}') ENGINE=InnoDB DEFAULT CHARSET=latin1;\n"
                      "-- Dump completed on 2020-01-01\n").encode("cp1252"))
    code, out, err = generate(dump, "-o", tmp_path / "out")
    assert code == 0, err
    baseline = (tmp_path / "out/000_initial_schema.sql").read_bytes().decode("utf-8")
    assert f"`prîx` int(11) DEFAULT NULL COMMENT '{comment}'" in baseline
    shown = {}
    for what, data in (("dump", dump.read_bytes()), ("baseline", baseline.encode("utf-8"))):
        with server.database("latin1", "latin1_swedish_ci") as db:
            args = [client_binary(), "--no-defaults", "-uroot", f"--socket={server.url.unix_socket}", db]
            proc = subprocess.run(args, input=data, capture_output=True, timeout=60)
            assert proc.returncode == 0, proc.stderr
            conn = server.connect(db)
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT table_name, column_name, column_comment FROM information_schema.columns "
                                "WHERE table_schema = %s", (db,))
                    shown[what] = cur.fetchall()
            finally:
                conn.close()
    assert shown["dump"] == shown["baseline"] == (("café", "prîx", comment),)


def test_gzip_and_stdin_give_the_same_file(tmp_path):
    plain = PRODUCTION.read_bytes()
    gz = tmp_path / "production.sql.gz"
    gz.write_bytes(gzip.compress(plain, mtime=0))
    outputs = {}
    for name, args, data in (("plain", [PRODUCTION], None), ("gz", [gz], None), ("stdin", ["-"], plain),
                             ("stdin-gz", ["-"], gz.read_bytes())):
        code, out, err = generate(*args, "-o", tmp_path / name, input=data)
        assert code == 0, err
        outputs[name] = (tmp_path / name / "000_initial_schema.sql").read_bytes()
    assert len(set(outputs.values())) == 1 and b"CREATE TABLE `apps`" in outputs["plain"]


def test_bzip2_and_xz_and_cut_compressed_files(tmp_path):
    import bz2
    import lzma

    plain = PRODUCTION.read_bytes()
    expected = None
    for name, data in (("d.bz2", bz2.compress(plain)), ("d.xz", lzma.compress(plain))):
        (tmp_path / name).write_bytes(data)
        code, out, err = generate(tmp_path / name, "-o", tmp_path / (name + ".out"))
        assert code == 0, err
        text = (tmp_path / (name + ".out") / "000_initial_schema.sql").read_bytes()
        assert expected is None or text == expected
        expected = text
    # cut in the middle of the compressed stream: an error at the statement it ends in
    cut = tmp_path / "cut.sql.gz"
    cut.write_bytes(gzip.compress(plain, mtime=0)[:2000])
    code, out, err = generate(cut, "-o", tmp_path / "cut")
    assert code == 2, err
    assert re.search(re.escape(f"baseline: error: {cut}:") + r"\d+: the dump ends inside", err), err
    assert not (tmp_path / "cut").exists()
    code, out, err = generate(cut, "-o", tmp_path / "cut", "--force")  # what was decompressed is read
    assert code == 0, err
    written = (tmp_path / "cut/000_initial_schema.sql").read_text()
    assert "CREATE TABLE `accounts`" in written and "-- INCOMPLETE SOURCE (written with --force): " in written
    # the compressed stream ends between two statements
    whole = plain[:plain.index(b"CREATE TABLE `apps`")]
    cut_between = tmp_path / "between.sql.gz"
    compressed = gzip.compress(whole, mtime=0)
    cut_between.write_bytes(compressed[:-8])  # the trailer (CRC, size) gone: the stream never ends
    code, out, err = generate(cut_between, "-o", tmp_path / "between")
    assert code == 2 and re.search(re.escape(f"{cut_between}:") + r"\d+: the gzip data ends early", err), err
    # cut before the first bzip2 block ends: nothing can be read
    cut2 = tmp_path / "cut.bz2"
    cut2.write_bytes(bz2.compress(plain)[:1000])
    code, out, err = generate(cut2, "-o", tmp_path / "cut2")
    assert code == 2 and "the bzip2 data ends before any of it can be read: the file is cut off" in err


@pytest.mark.corpus
def test_multi_database_dump_needs_schema(corpus, tmp_path):
    code, out, err = generate(MAGENTA, "-o", tmp_path / "none")
    assert code == 2 and "holds several databases: base, compare" in err and "--schema NAME" in err
    assert not (tmp_path / "none").exists()
    code, out, err = generate(MAGENTA, "--schema", "nope", "-o", tmp_path / "nope")
    assert code == 2 and "database 'nope' is not in" in err and "base, compare" in err
    for db in ("base", "compare"):
        code, out, err = generate(MAGENTA, "--schema", db, "-o", tmp_path / db)
        assert code == 0, err
        text = (tmp_path / db / "000_initial_schema.sql").read_text()
        assert text.startswith(f"-- Baseline of database `{db}`\n") and "CREATE SEQUENCE `s_seq`" in text
    assert (tmp_path / "base/000_initial_schema.sql").read_text() != (tmp_path / "compare/000_initial_schema.sql").read_text()
