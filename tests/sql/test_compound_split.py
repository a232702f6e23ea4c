"""The server-style splitter: routine/trigger/event bodies stay whole without DELIMITER,
and the server agrees (each piece runs on a real MariaDB)."""
from __future__ import annotations

from baseline.sql.compound import split_server
from baseline.connect.execute import execute_statements

SCRIPT = """-- leading comment
CREATE TABLE a (x int, y varchar(20)); -- trailing comment
CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW
BEGIN
  -- a ; inside a comment
  IF NEW.x IS NOT NULL THEN
    SET NEW.y = IF(NEW.x > 1, 'big;', 'small');
  END IF;
  CASE WHEN NEW.x = 0 THEN SET NEW.x = 1; ELSE SET NEW.y = CONCAT(NEW.y, ''); END CASE;
  SET @c = CASE WHEN NEW.x = 5 THEN 1 END;
END;
CREATE PROCEDURE p(n int)
lbl: BEGIN
  DECLARE i int DEFAULT 0;
  DROP TEMPORARY TABLE IF EXISTS tmp_x;
  WHILE i < n DO SET i = i + 1; END WHILE;
  REPEAT SET i = i - 1; UNTIL i <= 0 END REPEAT;
  l2: LOOP LEAVE l2; END LOOP l2;
END lbl;
CREATE FUNCTION f() RETURNS int DETERMINISTIC RETURN 1;
INSERT INTO a (x) VALUES (2)"""


def test_bodies_stay_whole_and_lines_are_kept():
    got = split_server(SCRIPT)
    assert [s.text.split()[1] if s.text.startswith("CREATE") else s.text.split()[0] for s in got] == \
        ["TABLE", "TRIGGER", "PROCEDURE", "FUNCTION", "INSERT"]
    assert [s.line for s in got] == [2, 3, 12, 20, 21]
    assert got[1].text.endswith("END") and "-- a ; inside a comment" in got[1].text
    assert got[2].text.endswith("END lbl")


def test_delimiter_scripts_are_cut_like_the_client():
    text = "DELIMITER //\nCREATE PROCEDURE q() BEGIN SELECT 1; END //\nDELIMITER ;\nSELECT 2;\n"
    assert [s.text for s in split_server(text)] == ["CREATE PROCEDURE q() BEGIN SELECT 1; END", "SELECT 2"]


def test_the_server_accepts_every_piece(server, scratch_db):
    conn = server.connect(scratch_db)
    try:
        execute_statements(conn, split_server(SCRIPT))
        with conn.cursor() as cur:
            cur.execute("SELECT y FROM a")
            assert cur.fetchone()[0] == "big;"
            cur.execute("CALL p(3)")
    finally:
        conn.close()
