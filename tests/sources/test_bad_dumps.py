"""A dump that cannot be read whole is an error naming the file and line, for
every command that reads it (issue 14): unknown or misspelled statements, a
dump without any schema statement. And what a dump does not state (its
database's default character set) is not invented into a difference."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from baseline.cli import cli
from invert_support import mariadb_dump_no_data

HEAD = ("-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n"
        "--\n-- Host: localhost    Database: shop\n"
        "-- Server version\t10.11.19-MariaDB\n"
        "/*!40101 SET NAMES utf8mb4 */;\n")
TABLE = "CREATE TABLE `t` (\n  `a` int(11) DEFAULT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
FOOT = "-- Dump completed on 2026-12-07 10:00:00\n"


def run(*args):
    r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def commands(dump, tmp_path, server):
    """Every command that reads a dump, and what each must not leave behind."""
    chain = tmp_path / "chain"
    chain.mkdir(exist_ok=True)
    (chain / "001_a.sql").write_text("ALTER TABLE t ADD COLUMN b INT;\n")
    scratch = str(server.url)
    return {
        "inspect": ["inspect", dump],
        "generate": ["generate", dump, "-o", tmp_path / "out"],
        "generate --migrations": ["generate", dump, "--migrations", chain, "--scratch", scratch],
        "verify": ["verify", "--migrations", chain, "--against", dump, "--scratch", scratch],
        "diff": ["diff", dump, dump],
    }


@pytest.mark.parametrize("bad, word", [
    ("FROBNICATE THE WIDGETS NOW;\n", "FROBNICATE"),
    ("SELEC * FROM nowhere;\n", "SELEC"),
    ("CREATE TABEL `u` (`a` int);\n", None),  # a misspelled kind of object
])
def test_unknown_statement_is_exit_2_at_its_line(server, tmp_path, bad, word):
    dump = tmp_path / "d.sql"
    text = HEAD + TABLE + bad + FOOT
    dump.write_text(text)
    line = text.splitlines().index(bad.rstrip("\n")) + 1
    for name, args in commands(dump, tmp_path, server).items():
        code, out, err = run(*args)
        assert code == 2, (name, out, err)
        assert f"baseline: error: {dump}:{line}: " in err, (name, err)
        assert (f"unknown statement {word!r}" if word else "CREATE of an unknown kind of object") in err
        assert "Traceback" not in err
    assert not (tmp_path / "out").exists() and not list((tmp_path / "chain").glob("000_*"))


@pytest.mark.parametrize("body", [
    "-- nothing but comments\n-- here\n",
    "/*!40101 SET NAMES utf8mb4 */;\nSET FOREIGN_KEY_CHECKS=0;\n",
    "INSERT INTO `t` VALUES " + ",".join(f"({i})" for i in range(200_000)) + ";\n",  # data only
])
def test_dump_without_schema_statements_is_exit_2(server, tmp_path, body):
    dump = tmp_path / "d.sql"
    text = HEAD + body + FOOT
    dump.write_text(text)
    last = text.count("\n")  # the line the reading ended at
    for name, args in commands(dump, tmp_path, server).items():
        code, out, err = run(*args)
        assert code == 2, (name, out, err)
        assert f"baseline: error: {dump}:{last}: no schema statements" in err, (name, err)
    assert not (tmp_path / "out").exists()
    # --force writes an empty baseline that says why
    code, out, err = run("generate", dump, "-o", tmp_path / "forced", "--force")
    assert code == 0, err
    written = (tmp_path / "forced/000_initial_schema.sql").read_text()
    assert f"-- INCOMPLETE SOURCE (written with --force): {dump}:{last}: no schema statements" in written


def test_unstated_database_charset_is_not_a_difference(server, tmp_path):
    """``mariadb-dump --no-data db`` (no --databases) has no CREATE DATABASE: its
    default is inferred from the tables, and ``diff`` against the server says so
    instead of reporting the inference as a difference."""
    with server.database(charset="latin1", collation="latin1_swedish_ci") as db:
        conn = server.connect(db)
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE a (x VARCHAR(3)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci")
            cur.execute("CREATE TABLE b (x VARCHAR(3)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci")
        conn.close()
        dump = tmp_path / "nodata.sql"
        dump.write_text(mariadb_dump_no_data(server, db))
        assert "CREATE DATABASE" not in dump.read_text()
        code, out, err = run("diff", server.url.with_database(db), dump)
        assert code == 0, out + err
        assert "database default character set not compared: A latin1/latin1_swedish_ci; " \
               "B utf8mb4/utf8mb4_general_ci (not stated: taken from the most common table character set)" in out
        code, out, err = run("diff", server.url.with_database(db), dump, "--report", "json")
        assert code == 0 and "not compared" in out
        # the baseline says where its default came from
        code, out, err = run("generate", dump, "-o", tmp_path / "out")
        assert code == 0, err
        head = (tmp_path / "out/000_initial_schema.sql").read_text().split("\n\n", 1)[0]
        assert "COLLATE utf8mb4_general_ci (not stated by the source: taken from the most common table character " \
               "set)" in head


def test_dump_stated_charset_still_differs(server, tmp_path):
    """With CREATE DATABASE (``--databases``), the default is stated: a real difference."""
    with server.database(charset="latin1", collation="latin1_swedish_ci") as db:
        text = (f"CREATE DATABASE `{db}` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;\n"
                f"USE `{db}`;\nCREATE TABLE t (x INT);\n")
        dump = tmp_path / "stated.sql"
        dump.write_text(text)
        conn = server.connect(db)
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE t (x INT)")
        conn.close()
        code, out, err = run("diff", server.url.with_database(db), dump)
        assert code == 1 and "charset" in out, out


@pytest.mark.corpus
def test_sakila_cut_inside_film_and_a_corrupt_gzip(corpus, server, tmp_path):
    """The issue's inputs: a sakila dump cut inside CREATE TABLE film gave
    "wrote ...: 6 tables, 1 trigger", exit 0; verify --against it blamed 28
    "only in chain" differences on the migrations. A corrupt .gz too."""
    import gzip

    data = (corpus / "sakila/mariadb-dump.nodata.sql").read_bytes()
    at = data.index(b"CREATE TABLE `film` (")
    line = data[:at].count(b"\n") + 1
    cut = tmp_path / "sakila-cut.sql"
    cut.write_bytes(data[:data.index(b"  `title`", at)])  # after the first column
    chain = tmp_path / "chain"
    chain.mkdir()
    (chain / "001_a.sql").write_text("ALTER TABLE actor ADD COLUMN nick VARCHAR(20);\n")
    for args in (["generate", cut, "-o", tmp_path / "out"],
                 ["verify", "--migrations", chain, "--against", cut, "--scratch", server.url]):
        code, out, err = run(*args)
        assert code == 2, (args, out, err)
        assert f"baseline: error: {cut}:{line}: the dump ends inside this statement" in err
        assert "only in" not in out
    assert not (tmp_path / "out").exists()
    # a corrupt gzip: bytes flipped in the middle of the stream (of a dump big
    # enough that data comes before the damaged piece)
    packed = bytearray(gzip.compress((corpus / "dump-wordpress-frontity-mysql8.0/yoast-13.5.sql").read_bytes(),
                                     mtime=0))
    for k in range(len(packed) // 2, len(packed) // 2 + 16):
        packed[k] ^= 0x5A
    bad = tmp_path / "yoast.sql.gz"
    bad.write_bytes(bytes(packed))
    code, out, err = run("generate", bad, "-o", tmp_path / "out")
    assert code == 2 and not (tmp_path / "out").exists(), err
    import re
    # flipped literal bits decode as wrong text: only the checksum at the end tells
    assert re.search(re.escape(f"baseline: error: {bad}:") + r"\d+: the gzip data (fails its checksum at the end "
                     r"of the file|is damaged after the statement on this line)", err), err
    # --force reads on: into the damaged text, which does not parse here (still exit 2, at a line)
    code, out, err = run("generate", bad, "-o", tmp_path / "forced", "--force")
    assert (code, "Traceback" in err) in ((0, False), (2, False)), err
    if code == 0:
        text = (tmp_path / "forced/000_initial_schema.sql").read_text()
        assert "-- INCOMPLETE SOURCE (written with --force): " in text
    else:
        assert re.search(re.escape(f"baseline: error: {bad}:") + r"\d+: ", err) and not (tmp_path / "forced").exists()


#: the first lines of a MariaDB 11 ``mariadb-dump`` (its header has no ``Distrib``)
HEAD_11 = ("/*M!999999\\- enable the sandbox mode */ \n"
           "-- MariaDB dump 10.20-11.8.9-MariaDB, for debian-linux-gnu (x86_64)\n"
           "--\n-- Host: localhost    Database: shop\n"
           "-- ------------------------------------------------------\n"
           "-- Server version\t11.8.9-MariaDB-0+deb13u1 from Debian\n"
           "/*!40101 SET NAMES utf8mb4 */;\n")


def test_a_mariadb_11_dump_is_known_as_mariadb_dumps_output(tmp_path):
    """Its CREATE TABLEs are the server's own text (so their key order is taken
    as written, not re-sorted) and it ends with a footer (so a cut one is an error)."""
    from baseline.sources.dump import read_dump_contents

    dump = tmp_path / "d.sql"
    dump.write_text(HEAD_11 + TABLE + FOOT)
    header = read_dump_contents(str(dump), progress=False).header
    assert (header.tool, header.tool_version, header.writes_footer) == ("mariadb-dump", "11.8.9-MariaDB", True)
    dump.write_text(HEAD_11 + TABLE)
    code, out, err = run("inspect", dump)
    assert code == 2 and "Dump completed" in err, err
