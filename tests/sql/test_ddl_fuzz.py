"""Fuzzing the parser and the simulator: random token soup and mutated corpus
statements either parse or raise InputError (file, line, excerpt) - never
another exception - and never hang (hypothesis' deadline)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baseline.errors import InputError
from baseline.flavor import DEFAULT_FLAVOR, Flavor
from baseline.sql.parse import parse_statement
from baseline.engine.builder import SchemaBuilder
from baseline.sql.split import Statement, split_sql

from conftest import CORPUS

FLAVORS = [DEFAULT_FLAVOR, Flavor.parse("8.0.36"), Flavor.parse("5.7.40")]

WORDS = """CREATE ALTER DROP TABLE VIEW INDEX KEY PRIMARY UNIQUE FOREIGN REFERENCES CONSTRAINT CHECK
DEFAULT NULL NOT AUTO_INCREMENT INT VARCHAR TEXT JSON ENUM DECIMAL TIMESTAMP CURRENT_TIMESTAMP ON UPDATE
DELETE CASCADE SET ADD COLUMN MODIFY CHANGE RENAME TO AFTER FIRST ENGINE CHARSET COLLATE COMMENT AS
SELECT FROM WHERE JOIN LEFT GROUP BY ORDER LIMIT UNION AND OR IN BETWEEN LIKE IS CASE WHEN THEN ELSE END
PARTITION RANGE LIST HASH VALUES LESS THAN MAXVALUE TRIGGER BEFORE EACH ROW PROCEDURE FUNCTION RETURNS
BEGIN EVENT SCHEDULE EVERY DAY SEQUENCE INCREMENT IF EXISTS GENERATED ALWAYS VIRTUAL STORED INVISIBLE
USING BTREE FULLTEXT SPATIAL WITH SYSTEM VERSIONING PERIOD FOR SYSTEM_TIME DEFINER SQL SECURITY
INTERVAL CAST CONVERT TRIM EXISTS LIKE t a b c id x""".split()
PUNCT = ["(", ")", ",", ";", "=", ".", "+", "-", "*", "/", "<", ">", "<=>", "->>", "@", "@@x", "`q`",
         "'s'", "\"d\"", "1", "0x1F", "b'01'", "1.5e3", "_utf8mb4'x'", "/*!50100", "*/", "/* c */", "-- c\n",
         "#c\n", "?", "{", "}", "!", "~", "||", "&&"]

tokens = st.lists(st.sampled_from(WORDS + PUNCT), min_size=1, max_size=40)


def _check(text: str, flavor) -> None:
    try:
        parse_statement(text, flavor=flavor, file="fuzz.sql", line=1)
    except InputError as e:
        assert e.file == "fuzz.sql" and e.line >= 1, (e.file, e.line)
    b = SchemaBuilder(flavor, name="fz", charset="utf8mb4")
    try:
        b.apply(Statement(text, 1), file="fuzz.sql")
    except InputError as e:
        assert e.file == "fuzz.sql" and e.line >= 1, (e.file, e.line)


@settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(tokens, st.sampled_from(FLAVORS))
def test_token_soup_parses_or_raises_input_error(words, flavor):
    _check(" ".join(words), flavor)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["CREATE TABLE t (a INT", "(", ")", "a", ",", "b INT", "KEY (a)", "CHECK (a > 0)",
                                 "GENERATED ALWAYS AS (a + 1)", "DEFAULT (a)", "PRIMARY KEY (a)", "NOT NULL"]),
                min_size=1, max_size=60))
def test_create_table_shaped_soup(parts):
    _check(" ".join(parts), DEFAULT_FLAVOR)


def test_deep_nesting_is_an_input_error_not_a_crash():
    text = "CREATE TABLE t (a INT CHECK (" + "(" * 3000 + "a" + ")" * 3000 + "))"
    with pytest.raises(InputError):
        parse_statement(text, flavor=DEFAULT_FLAVOR, file="deep.sql", line=3)
    b = SchemaBuilder(DEFAULT_FLAVOR, name="x")
    deep = "CREATE TABLE t (a INT CHECK (a " + "+ a " * 3000 + "> 0))"
    try:
        b.apply(Statement(deep, 1), file="deep.sql")
    except InputError as e:
        assert e.file == "deep.sql"


def _corpus_statements() -> list[str]:
    out: list[str] = []
    if not (CORPUS / "INDEX.md").is_file():
        return out
    for path in sorted(CORPUS.glob("*/mariadb-dump*.sql")) + sorted(CORPUS.glob("chain-temporal-mysql-v8/schema/mysql/v8/*/schema.sql")):
        for s in split_sql(path.read_text(encoding="utf-8", errors="replace")):
            if s.text.upper().startswith(("CREATE", "ALTER", "/*!50003 CREATE", "/*!50001")):
                out.append(s.text)
    return out


CORPUS_STATEMENTS = _corpus_statements()


@pytest.mark.corpus
@settings(max_examples=500, deadline=3000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_corpus_statements(corpus, data):  # corpus: absent, a skip (CI: a failure)
    text = data.draw(st.sampled_from(CORPUS_STATEMENTS))
    n = len(text)
    kind = data.draw(st.sampled_from(["cut", "dup", "insert", "truncate", "swap"]))
    i = data.draw(st.integers(0, max(0, n - 1)))
    j = data.draw(st.integers(i, min(n, i + 40)))
    if kind == "cut":
        text = text[:i] + text[j:]
    elif kind == "dup":
        text = text[:j] + text[i:j] + text[j:]
    elif kind == "insert":
        text = text[:i] + data.draw(st.sampled_from(["(", ")", "'", "`", ",", " NOT ", "/*", "*/", "\\", "--",
                                                     " DEFAULT ", "\x00", "é"])) + text[i:]
    elif kind == "truncate":
        text = text[:i]
    else:
        k = data.draw(st.integers(0, max(0, n - 1)))
        a, b = sorted((i, k))
        text = text[:a] + text[b:b + 5] + text[a + 5:b] + text[a:a + 5] + text[b + 5:]
    flavor = data.draw(st.sampled_from(FLAVORS))
    if not text.strip():
        return
    _check(text, flavor)
