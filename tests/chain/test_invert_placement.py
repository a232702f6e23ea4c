"""Where inversion puts back a column a migration dropped, when the chain knew
its definition (a ``MODIFY`` of a column that existed before the chain) but
never showed the columns before it. The chain's picture of such a table holds
only what the chain touched, so "nothing known before it" does not mean "first":
a column like that was most likely added after the table's original columns.
Each case is built for real (pre-chain schema, then the chain) and the
walked-back schema compared with the real pre-chain one, column order included.
"""
from __future__ import annotations

from test_invert_rules import check


def test_a_dropped_column_of_a_pre_chain_table_goes_after_the_original_columns(server, tmp_path):
    before = "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), note VARCHAR(30));"
    chain = {"001_widen.sql": "ALTER TABLE t MODIFY note VARCHAR(60);\n",
             "002_drop.sql": "ALTER TABLE t DROP COLUMN note;\n"}
    pre, _b, _text = check(server, tmp_path, before, chain, exact=False)
    t = pre.schema.table("t")
    assert [c.name for c in t.columns] == ["id", "name", "note"]
    assert t.column("note").type == "varchar(60)"  # the definition the chain gave; the MODIFY is a warning


def test_a_column_the_chain_added_after_it_stays_after_it(server, tmp_path):
    before = "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(30));"
    chain = {"001_widen.sql": "ALTER TABLE t MODIFY note VARCHAR(30) NOT NULL DEFAULT '';\n",
             "002_add.sql": "ALTER TABLE t ADD COLUMN email VARCHAR(80);\n",
             "003_drop.sql": "ALTER TABLE t DROP COLUMN note;\n"}
    pre, _b, _text = check(server, tmp_path, before, chain, exact=False)
    assert [c.name for c in pre.schema.table("t").columns] == ["id", "note"]


def test_the_last_known_neighbour_is_kept(server, tmp_path):
    before = "CREATE TABLE t (id INT PRIMARY KEY, a INT, x INT, b INT);"
    chain = {"001_move.sql": "ALTER TABLE t MODIFY x BIGINT AFTER a;\n",
             "002_drop.sql": "ALTER TABLE t DROP COLUMN x;\n"}
    pre, _b, _text = check(server, tmp_path, before, chain, exact=False)
    assert [c.name for c in pre.schema.table("t").columns] == ["id", "a", "x", "b"]
