"""Walking back a statement that only flips a flag (index visibility, CHECK
enforcement, column visibility) on an object the chain never defined: the flag is
set to the opposite and the assumption is a finding; when the chain did define it,
its earlier state comes back without one."""
from __future__ import annotations

from baseline.chain.invert import invert_chain
from baseline.chain.read import read_chain
from baseline.flavor import Flavor
from baseline.engine.builder import schema_from_statements
from baseline.sql.split import split_sql

from helpers import make

MYSQL = Flavor.parse("8.0.36")
BEFORE = "CREATE TABLE t (id INT PRIMARY KEY, a INT, KEY k (a), CONSTRAINT c CHECK (a > 0));"
FLIPS = "ALTER TABLE t ALTER INDEX k INVISIBLE, ALTER CHECK c NOT ENFORCED, ALTER COLUMN a SET INVISIBLE;"


def model(sql: str):
    return schema_from_statements(list(split_sql(sql)), flavor=MYSQL, name="prod", charset="utf8mb4",
                                  collation="utf8mb4_general_ci")


def walk(tmp_path, files: dict[str, str], before: str = BEFORE):
    ch = read_chain(make(tmp_path / "m", files))
    prod = model(before + "\n" + "\n".join(m.up.text for m in ch))
    return invert_chain(prod, ch, flavor=MYSQL)


def test_flags_of_objects_the_chain_never_defined_are_assumed_opposite(tmp_path):
    r = walk(tmp_path, {"001_flip.sql": FLIPS})
    assert sorted((f.severity, f.object, f.message) for f in r.findings) == [
        ("info", "check t.c", "enforcement before this migration assumed to be the opposite of what it sets"),
        ("info", "column t.a", "visibility before this migration assumed to be the opposite of what it sets"),
        ("info", "index t.k", "visibility before this migration assumed to be the opposite of what it sets"),
    ]
    assert r.schema.tables == model(BEFORE).tables


def test_flags_the_chain_defined_come_back_as_defined(tmp_path):
    """002 sets flags to what 001 already made them; walking 002 back must keep
    them (a guess would flip them and say so)."""
    before = "CREATE TABLE t (id INT PRIMARY KEY, a INT);"
    r = walk(tmp_path, {
        "001_add.sql": "ALTER TABLE t ADD COLUMN b INT INVISIBLE, ADD KEY k (a) INVISIBLE, "
                       "ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED;",
        "002_again.sql": "ALTER TABLE t ALTER INDEX k INVISIBLE, ALTER CHECK c NOT ENFORCED, "
                         "ALTER COLUMN b SET INVISIBLE;",
    }, before=before)
    assert r.findings == []
    assert r.schema.tables == model(before).tables
