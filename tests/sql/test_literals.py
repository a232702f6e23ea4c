"""The literal primitives every SQL reader and writer shares (``sql/literals.py``),
held to what the server itself reads and prints."""
from __future__ import annotations

import re

import pytest

from baseline.sql.literals import (end_of_quoted, quote_expr_string, quote_ident, quote_string, skip_quoted,
                                   unescape, unquote_ident, unquote_string)

VALUES = ["plain", "it's", "back\\slash", "line\nbreak\r", "nul\0", "ctrl-z\x1a", "tab\tand b\b",
          "pct\\% und\\_", "''", "\\'", "ünïcødé ☃", ""]


@pytest.mark.parametrize("value", VALUES)
def test_quote_string_is_read_back_by_the_server_and_by_unquote(server, value):
    literal = quote_string(value)
    with server.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT " + literal)
        assert cur.fetchone()[0] == value
    assert unquote_string(literal) == value


@pytest.mark.parametrize("literal", [
    r"'a\%b'", r"'a\_b'", r"'a\tb'", r"'q\'q'", "'q''q'", r"'\\'''", r"'x\"y'", '"dq""x"', r"'\Z\0'",
])
def test_unquote_decodes_what_the_server_decodes(server, literal):
    with server.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT " + literal)
        assert unquote_string(literal) == cur.fetchone()[0]


def test_quote_string_without_backslash_escapes_doubles_quotes_only():
    assert quote_string("a'b\\n", backslash_escapes=False) == "'a''b\\n'"
    assert unescape("a''b\\n", backslash_escapes=False) == "a'b\\n"


def test_unquote_leaves_unquoted_text_alone():
    assert unquote_string("NULL") == "NULL"
    assert unquote_string("'") == "'"
    assert unquote_string("'x\"") == "'x\""


def test_quote_ident_doubles_backticks(server):
    name = "we`ird"
    assert quote_ident(name) == "`we``ird`"
    with server.connect() as conn, conn.cursor() as cur:
        cur.execute(f"SELECT 1 AS {quote_ident(name)}")
        assert cur.description[0][0] == name


@pytest.mark.parametrize("text,end", [
    ("'abc' x", 5),
    ("'a''b' x", 6),
    (r"'a\'b' x", 6),
    (r"'a\\' x", 5),
    (r"'a\\\'' x", 7),
    (r"'\'''' x", 6),
    ('"a""b" x', 6),
    (r'"a\"b" x', 6),
    ("`a\\` x", 4),
    ("`a``b` x", 6),
    ("'unterminated", -1),
    (r"'escaped at the end\'", -1),
    ("`open", -1),
])
def test_end_of_quoted(text, end):
    assert end_of_quoted(text, 0) == end
    assert skip_quoted(text, 0) == (len(text) if end < 0 else end)


def test_end_of_quoted_from_inside_a_text():
    text = "SELECT 'a''b', `c` FROM t"
    assert text[7:end_of_quoted(text, 7)] == "'a''b'"
    assert text[15:end_of_quoted(text, 15)] == "`c`"


def test_end_of_quoted_without_backslash_escapes():
    assert end_of_quoted(r"'a\' x", 0, backslash_escapes=False) == 4


@pytest.mark.parametrize("value", ["it's", "back\\slash", "line\nbreak", "plain"])
def test_quote_expr_string_is_how_mariadb_prints_a_check(server, scratch_db, value):
    if server.flavor.rules.expression_style != "mariadb":
        pytest.skip("MariaDB's spelling of strings inside expressions")
    with server.connect(scratch_db) as conn, conn.cursor() as cur:
        cur.execute(f"CREATE TABLE t (a varchar(20), CONSTRAINT c CHECK (a <> {quote_string(value)}))")
        cur.execute("SHOW CREATE TABLE t")
        assert f"CHECK (`a` <> {quote_expr_string(value)})" in cur.fetchone()[1]


def test_unquote_ident(server):
    name = "we`ird na.me"
    assert unquote_ident(quote_ident(name)) == name
    assert unquote_ident("plain") == "plain"
    assert unquote_ident("`") == "`"
    with server.connect() as conn, conn.cursor() as cur:
        cur.execute(f"SELECT 1 AS {quote_ident(name)}")
        assert unquote_ident(quote_ident(cur.description[0][0])) == name


#: Every class in use, with the flags it is used under ("A-Z0-9_$": parallel.py's
#: _UID, on upper-cased text, never under IGNORECASE: see ident_class's docstring).
_CLASSES = [(chars, flags) for chars in ("0-9A-Za-z_$", "A-Za-z_$", "'\"0-9A-Za-z_$", "@A-Za-z0-9_$",
                                         "@A-Za-z0-9_$.") for flags in (0, re.IGNORECASE)] + [("A-Z0-9_$", 0)]


@pytest.mark.parametrize(("chars", "flags"), _CLASSES)
def test_ident_class_matches_what_the_plain_range_does_on_every_code_point(chars, flags):
    from baseline.sql.literals import ident_class

    plain = re.compile("[" + chars + "\\u0080-\\uffff]", flags)
    fast = re.compile(ident_class(chars), flags)
    differ = [hex(n) for n in range(0x110000) if (plain.match(chr(n)) is None) != (fast.match(chr(n)) is None)]
    assert differ == []
