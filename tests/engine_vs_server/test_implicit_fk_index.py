"""Implicit foreign-key indexes stay implicit: a later migration that adds an index
serving the key makes the server drop the implicit one, in the source and in the
baseline alike (an explicit copy would survive and the two would drift)."""
from __future__ import annotations

from roundtrip import generate, load_with_executor, show_create_differences

SOURCE = """
CREATE TABLE p (id int PRIMARY KEY);
-- named key: the server names the implicit index after the constraint
CREATE TABLE c (id int PRIMARY KEY, pid int, other int, KEY k_other (other),
                CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id));
-- unnamed key: implicit index named after the column, constraint d_ibfk_1
CREATE TABLE d (id int PRIMARY KEY, pid int, other int, FOREIGN KEY (pid) REFERENCES p (id));
-- an index someone created on purpose: it must stay
CREATE TABLE e (id int PRIMARY KEY, pid int, other int, KEY e_explicit (pid),
                CONSTRAINT fk_e FOREIGN KEY (pid) REFERENCES p (id));
"""

LATER_MIGRATION = """
ALTER TABLE c ADD INDEX (pid, other);
ALTER TABLE d ADD INDEX (pid, other);
ALTER TABLE e ADD INDEX (pid, other);
"""


def indexes(server, db: str, table: str) -> dict[str, list[str]]:
    """Index name -> its columns."""
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS "
                        "WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s ORDER BY INDEX_NAME, SEQ_IN_INDEX",
                        (db, table))
            out: dict[str, list[str]] = {}
            for name, col in cur.fetchall():
                out.setdefault(name, []).append(col)
            return out
    finally:
        conn.close()


def test_baseline_plus_later_index_equals_source_plus_later_index(server, scratch_db):
    load_with_executor(server, scratch_db, SOURCE)
    schema, text = generate(server, scratch_db)
    # left to the server: the index it creates itself, exactly as in the source
    assert "KEY `fk_c_p`" not in text and "KEY `pid`" not in text
    assert "KEY `e_explicit`" in text
    assert "  FOREIGN KEY (`pid`) REFERENCES `p` (`id`)" in text          # d's key stays unnamed
    with server.database() as copy:
        load_with_executor(server, copy, text)
        assert show_create_differences(server, scratch_db, copy) == []   # same before the migration
        for db in (scratch_db, copy):
            load_with_executor(server, db, LATER_MIGRATION)
        assert show_create_differences(server, scratch_db, copy) == []   # and after it
        for db in (scratch_db, copy):
            assert "fk_c_p" not in indexes(server, db, "c")         # implicit index dropped
            assert indexes(server, db, "d")["pid"] == ["pid", "other"]  # implicit `pid` gave way
            assert indexes(server, db, "e")["e_explicit"] == ["pid"]    # explicit one kept


def test_an_explicit_copy_would_have_drifted(server, scratch_db):
    """The reason for the rule: writing the implicit index out makes it explicit."""
    load_with_executor(server, scratch_db, SOURCE)
    _schema, text = generate(server, scratch_db)
    naive = text.replace("  CONSTRAINT `fk_c_p` FOREIGN KEY",
                         "  KEY `fk_c_p` (`pid`),\n  CONSTRAINT `fk_c_p` FOREIGN KEY")
    assert naive != text
    with server.database() as copy:
        load_with_executor(server, copy, naive)
        assert show_create_differences(server, scratch_db, copy) == []   # looks identical...
        for db in (scratch_db, copy):
            load_with_executor(server, db, LATER_MIGRATION)
        assert "fk_c_p" not in indexes(server, scratch_db, "c")
        assert "fk_c_p" in indexes(server, copy, "c")                     # ...but drifts
