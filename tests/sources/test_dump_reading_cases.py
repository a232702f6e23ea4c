"""Each difference the agreement tests (test_dump_agreement.py) found between the
offline, server-assisted and live readings, pinned down on its own: which side
was wrong is decided by the server (SHOW CREATE, or the stock client's load)."""
from __future__ import annotations

import pytest

from baseline.flavor import Flavor
from baseline.sources.dump import SESSION, read_dump_contents
from baseline.sources.dumpreplay import _requalify_head, replay_into, replay_statements
from baseline.sources.live import read_live
from baseline.engine.builder import SchemaBuilder
from baseline.sql.scan import replace_qualifier
from baseline.sql.split import split_sql

MARIADB = Flavor.parse("10.11.19-MariaDB")

HEADER = ("-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n--\n"
          "-- Host: localhost    Database: shop\n-- Server version\t10.11.19-MariaDB\n")
PROLOGUE = ("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
            "/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n"
            "/*!40103 SET TIME_ZONE='+00:00' */;\n"
            "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n")
EPILOGUE = ("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n"
            "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n-- Dump completed on 2024-01-01\n")


def build(sql: str, name: str = "shop"):
    b = SchemaBuilder(MARIADB, name=name, charset="utf8mb4", collation="utf8mb4_general_ci")
    return b.apply_all(split_sql(sql))


# ---------------------------------------------------------------- dump reader


def test_prologue_session_state_reaches_the_database_read(tmp_path):
    p = tmp_path / "d.sql"
    p.write_text(HEADER + PROLOGUE + "CREATE DATABASE `shop`;\nUSE `shop`;\n"
                 "CREATE TABLE `c` (`p` int, FOREIGN KEY (`p`) REFERENCES `p` (`id`));\n" + EPILOGUE)
    items = read_dump_contents(str(p), progress=False).select().items
    texts = [i.statement.text for i in items if i.kind == SESSION]
    assert "SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0" in texts
    assert texts.index("SET @OLD_TIME_ZONE=@@TIME_ZONE") < texts.index("SET TIME_ZONE=@OLD_TIME_ZONE")


def test_saved_client_charset_is_restored(tmp_path):
    """mysqldump brackets a latin1 routine with SET character_set_client = latin1 /
    = @saved_cs_client: what follows is read in the dump's own charset again."""
    p = tmp_path / "d.sql"
    p.write_bytes(HEADER.encode() + b"/*!40101 SET NAMES utf8mb4 */;\n"
                  b"/*!50003 SET @saved_cs_client = @@character_set_client */ ;\n"
                  b"/*!50003 SET character_set_client = latin1 */ ;\n"
                  b"CREATE PROCEDURE p() SELECT 'caf\xe9';\n"
                  b"/*!50003 SET character_set_client = @saved_cs_client */ ;\n"
                  b"CREATE TABLE t (a int COMMENT 'caf\xc3\xa9');\n-- Dump completed on 2024-01-01\n")
    section = read_dump_contents(str(p), progress=False).select()
    texts = {i.statement.text: i.encoding for i in section.items}
    assert texts["CREATE PROCEDURE p() SELECT 'café'"] == "mysql-latin1"
    assert texts["CREATE TABLE t (a int COMMENT 'café')"] is None  # UTF-8


# ---------------------------------------------------------------- replay


def test_replace_qualifier_is_token_aware():
    text = ("select `base`.`t`.`id` AS `id`,'`base`.`t`' AS `s`,`base`.`f`(1) AS `g`,`base`.`c` AS `c` "
            "from `t` where nextval(`base`.`s`) and base.t.x")
    assert replace_qualifier(text, "base", "scr", {"t", "s"}) == (
        "select `scr`.`t`.`id` AS `id`,'`base`.`t`' AS `s`,`scr`.`f`(1) AS `g`,`base`.`c` AS `c` "
        "from `t` where nextval(`scr`.`s`) and `scr`.t.x")


def test_code_object_bodies_keep_their_qualifiers():
    trg = ("CREATE DEFINER=`root`@`%` TRIGGER `base`.`tr` BEFORE INSERT ON `base`.`t` FOR EACH ROW "
           "SET NEW.a = (SELECT max(a) FROM base.t)")
    assert _requalify_head(trg, "base", "scr") == (
        "CREATE DEFINER=`root`@`%` TRIGGER `scr`.`tr` BEFORE INSERT ON `scr`.`t` FOR EACH ROW "
        "SET NEW.a = (SELECT max(a) FROM base.t)")
    assert _requalify_head("CREATE PROCEDURE p() SELECT * FROM base.t", "base", "scr") == \
        "CREATE PROCEDURE p() SELECT * FROM base.t"


def test_replay_into_another_name(server, tmp_path):
    """FK checks off from the prologue (child before parent), the own qualifier of
    a sequence default and of a view pointed at the scratch database, a routine's
    latin1 body sent as latin1 bytes, string literals never touched."""
    p = tmp_path / "d.sql"
    p.write_bytes((HEADER + PROLOGUE + "CREATE DATABASE `shop`;\nUSE `shop`;\n"
                   "CREATE TABLE `c` (`p` int, FOREIGN KEY (`p`) REFERENCES `p` (`id`));\n"
                   "CREATE TABLE `p` (`id` int PRIMARY KEY, `s` varchar(20) DEFAULT '`shop`.`p`');\n"
                   "CREATE SEQUENCE `sq`;\n"
                   "CREATE TABLE `n` (`id` int NOT NULL DEFAULT nextval(`shop`.`sq`));\n"
                   "CREATE VIEW `v` AS select `shop`.`p`.`id` AS `id` from `p`;\n"
                   "/*!50003 SET @saved_cs_client = @@character_set_client */ ;\n"
                   "/*!50003 SET character_set_client = latin1 */ ;\n").encode()
                  + b"CREATE PROCEDURE `pr`() SELECT 'caf\xe9' FROM shop.p;\n"
                  + ("/*!50003 SET character_set_client = @saved_cs_client */ ;\n" + EPILOGUE).encode())
    contents = read_dump_contents(str(p), progress=False)
    section = contents.select()
    sent = [s.text for s in replay_statements(section, "scr")]
    assert "CREATE TABLE `n` (`id` int NOT NULL DEFAULT nextval(`scr`.`sq`))" in sent
    with server.database("utf8mb4", "utf8mb4_general_ci") as db:
        replay_into(server, db, contents, section)
        schema = read_live(server.url.with_database(db), progress=False)
    assert set(schema.tables) == {"c", "p", "n"} and set(schema.views) == {"v"}
    assert schema.tables["n"].column("id").default == "nextval(`sq`)"
    assert schema.tables["p"].column("s").default == "'`shop`.`p`'"
    assert schema.routines[("PROCEDURE", "pr")].body == "SELECT 'café' FROM shop.p"


def test_replay_of_a_dump_collation_the_scratch_server_lacks_is_an_input_error(server, tmp_path):
    from baseline.errors import InputError
    from baseline.sources import SourceOptions
    from baseline.sources.dump import read_dump

    p = tmp_path / "d.sql"
    p.write_text("-- MySQL dump 10.13  Distrib 8.0.30, for Linux (x86_64)\n-- Server version\t8.0.30\n"
                 "CREATE DATABASE `x` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;\nUSE `x`;\n"
                 "CREATE TABLE `t` (`a` int);\n-- Dump completed\n")
    with pytest.raises(InputError) as e:
        read_dump(str(p), SourceOptions(scratch=str(server.url), progress=False))
    msg = str(e.value)
    assert f"{p}:3:" in msg and "no collation utf8mb4_0900_ai_ci" in msg and "--image mysql:8.0" in msg


# ---------------------------------------------------------------- live


def test_bodies_are_read_as_written_not_as_the_catalog_reprints_them(server, scratch_db):
    body = ("BEGIN\n RETURN CONCAT('a\nb', 'it''s', 'x\\'y', 'bs\\\\', _latin1'lat', 'z\U0001F600');\nEND")
    tbody = "SET NEW.a = CONCAT('line\nbreak', _utf8mb4'x')"
    conn = server.connect(scratch_db)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE FUNCTION f() RETURNS text DETERMINISTIC\n" + body)
            cur.execute("CREATE TABLE t (a text)")
            cur.execute("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW " + tbody)
            cur.execute("SELECT ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s",
                        (scratch_db,))
            assert cur.fetchone()[0] != body  # the catalog's re-print
    finally:
        conn.close()
    s = read_live(server.url.with_database(scratch_db), progress=False)
    assert s.routines[("FUNCTION", "f")].body == body
    assert s.triggers["tr"].body == tbody


# ---------------------------------------------------------------- offline parser


def test_own_qualifier_of_a_sequence_default_is_dropped():
    s = build("CREATE SEQUENCE sq; CREATE TABLE t (a int DEFAULT nextval(shop.sq), b int DEFAULT nextval(sq),"
              " c int DEFAULT nextval(other.sq))")
    assert [c.default for c in s.tables["t"].columns] == ["nextval(`sq`)", "nextval(`sq`)",
                                                          "nextval(`other`.`sq`)"]


def test_view_calls_to_stored_functions_print_as_the_server_does():
    s = build("CREATE FUNCTION MyF(x int) RETURNS int DETERMINISTIC RETURN x + 1;"
              "CREATE TABLE t (a int);"
              "CREATE VIEW v AS SELECT myf(a) AS b, MYF(2) AS c, shop.myf(3) AS d, lower('X') AS e FROM t")
    assert s.views["v"].definition == ("select `myf`(`t`.`a`) AS `b`,`MYF`(2) AS `c`,`myf`(3) AS `d`,"
                                       "lcase('X') AS `e` from `t`")


def test_event_starts_are_datetimes_without_quotes():
    s = build("CREATE EVENT e ON SCHEDULE EVERY 1 HOUR STARTS '2016-10-7 13:31:34' ENDS '2030-01-01 00:00:00.5' "
              "DO SELECT 1")
    assert (s.events["e"].starts, s.events["e"].ends) == ("2016-10-07 13:31:34", "2030-01-01 00:00:00")


def test_bit_string_defaults_and_checks_of_a_dropped_column(server, scratch_db):
    sql = ("CREATE TABLE t (a BIT(8) DEFAULT '', b BIT(8) DEFAULT '5', c BIT(16) DEFAULT 'A', d INT, e INT,"
           " CONSTRAINT k CHECK (d < 100), CONSTRAINT k2 CHECK (d < e));"
           "ALTER TABLE t DROP CONSTRAINT k2; ALTER TABLE t DROP COLUMN d")
    conn = server.connect(scratch_db)
    try:
        with conn.cursor() as cur:
            for st in split_sql(sql):
                cur.execute(st.text)
            cur.execute("SHOW CREATE TABLE t")
            shown = cur.fetchone()[1]
    finally:
        conn.close()
    t = build(sql).tables["t"]
    assert [c.default for c in t.columns] == ["b'0'", "b'110101'", "b'1000001'", "NULL"]
    assert all(f"DEFAULT {c.default}" in shown for c in t.columns)
    assert t.checks == [] and "CHECK" not in shown


def test_type_lengths_are_whole_numbers():
    """Found by the dump fuzz: ``int(.1)`` was a ValueError inside the simulator."""
    from baseline.errors import InputError

    with pytest.raises(InputError, match="expected a number, found '.1'"):
        build("CREATE TABLE t (a int(.1))")
    assert build("CREATE TABLE t (a decimal(10,2), b float(7,3))").tables["t"].columns[0].type == "decimal(10,2)"


def test_qualifiers_of_a_database_named_with_a_backtick_are_found():
    """The fast path (no scan when the name is not in the text) looks for the
    quoted spelling too: a backtick in the name is doubled in the text."""
    from baseline.sql.scan import strip_qualifier

    text = "SELECT `a``b`.`t`.`c` FROM `a``b`.`t`"
    assert strip_qualifier(text, "a`b") == "SELECT `t`.`c` FROM `t`"
    assert replace_qualifier(text, "a`b", "scr") == "SELECT `scr`.`t`.`c` FROM `scr`.`t`"
    assert strip_qualifier("SELECT 1", "a`b") == "SELECT 1"
