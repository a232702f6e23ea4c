"""The SQL fragment canonicalizer: spellings coincide, meaning is kept."""
from __future__ import annotations

import pytest

from baseline.sql.sqltext import canonical_sql, strip_outer_parens, tokens


def test_tokens_keep_literals_identifiers_and_comments_whole():
    assert tokens("SELECT 'a '' b', \"x\\\"y\", `we``ird` -- note\n/* c  c */ #h") == [
        "SELECT", "'a '' b'", ",", '"x\\"y"', ",", "`we``ird`", "-- note", "/* c c */", "-- h"]


def test_tokens_operators_numbers_and_qualified_names():
    assert tokens("a.b->>'$.x'<=>1.5e3 and x.`y`>=.5") == [
        "a", ".", "b", "->>", "'$.x'", "<=>", "1.5e3", "and", "x", ".", "`y`", ">=", ".5"]


def test_unterminated_literal_runs_to_the_end():
    assert tokens("select 'abc") == ["select", "'abc"]


@pytest.mark.parametrize("a,b", [
    ("SELECT  a\n FROM t", "select a from t"),
    ("select `t`.`a` from `t`", "select `t` . `a` from `t`"),
    ("IF(x,1,0)", "if ( x , 1 , 0 )"),
])
def test_whitespace_and_keyword_case(a, b):
    assert canonical_sql(a) == canonical_sql(b)


@pytest.mark.parametrize("a,b", [
    ("select 'A'", "select 'a'"),
    ("select `A`", "select `a`"),
    ("select 'a  b'", "select 'a b'"),
    ("select 1 -- one", "select 1 -- two"),
    ("a - b", "a -- b"),
])
def test_meaning_is_kept(a, b):
    assert canonical_sql(a) != canonical_sql(b)


def test_own_schema_qualifiers_are_dropped_only_for_the_own_schema():
    own = canonical_sql("select `app`.`t`.`a` from `app`.`t` join other.u", own_schemas=["app"])
    assert own == canonical_sql("select `t`.`a` from `t` join other.u")
    # a column named like the schema after a dot is not a qualifier
    assert canonical_sql("select `t`.`app`.x", own_schemas=["app"]) == canonical_sql("select `t`.`app`.x")


def test_introducers_and_outer_parentheses():
    assert canonical_sql("(_utf8mb4'x' = `a`)", introducers=["utf8mb4"], strip_parens=True) == \
        canonical_sql("'x' = `a`")
    assert canonical_sql("_binary'x'", introducers=["utf8mb4"]) != canonical_sql("'x'")
    assert strip_outer_parens(tokens("((a) + (b))")) == tokens("(a) + (b)")
    assert strip_outer_parens(tokens("(a) + (b)")) == tokens("(a) + (b)")


def test_none_passes_through():
    assert canonical_sql(None) is None
