"""The DDL lexer's C loop gives exactly the tokens of its master pattern.

``baseline/sql/ddl/_lexer.c`` is an optional extension (built by ``pip install``
where a C compiler exists): it takes the plain tokens of a statement and leaves
everything else to the master pattern of ``baseline/sql/ddl/lexer.py``, which
alone lexes where the extension is missing or ``BASELINE_PURE_PYTHON=1``. Both
must give the same tokens (kind, text, value, offsets, upper-cased word,
introducer), the same cuts and the same errors: on every statement of the
corpus, on the hard cases of each rule the C loop takes, and on hypothesis
inputs made of the pieces where a hand-written scanner and a regular expression
part ways. No server needed.

Where the extension is not built these tests skip, unless BASELINE_REQUIRE_C=1
(CI sets it), where they fail.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baseline.errors import InputError
from baseline.flavor import Flavor
from baseline.sql.ddl import lexer
from baseline.sql.split import split_sql
from requirements import required

if lexer._lexer is None:
    if required("C"):
        pytest.fail("BASELINE_REQUIRE_C=1 but baseline.sql.ddl._lexer is not built", pytrace=False)
    pytest.skip("the C lexer is not built here (no compiler at install time)", allow_module_level=True)

FLAVORS = [Flavor.parse("9.7.4"), Flavor.parse("10.11.19-MariaDB")]


def lexed(text: str, flavor: Flavor, *, accelerated: bool, monkeypatch, **kw):
    """Everything observable of one lexing: the tokens and cuts, or the error."""
    if accelerated:
        monkeypatch.delenv(lexer.PURE_PYTHON_ENV, raising=False)
    else:
        monkeypatch.setenv(lexer.PURE_PYTHON_ENV, "1")
    assert lexer.accelerated() is accelerated
    try:
        out = lexer.tokenize(text, flavor, **kw)
    except InputError as e:
        return ("error", str(e))
    return [(t.kind, t.text, t.value, t.start, t.end, t.up, t.intro) for t in out.tokens], out.cuts


def same(text: str, monkeypatch, flavors=FLAVORS) -> None:
    for flavor in flavors:
        for kw in ({}, {"ansi_quotes": True}, {"no_backslash_escapes": True}):
            c = lexed(text, flavor, accelerated=True, monkeypatch=monkeypatch, **kw)
            py = lexed(text, flavor, accelerated=False, monkeypatch=monkeypatch, **kw)
            assert c == py, (text, flavor, kw)


def test_the_token_type_is_cs_and_reads_like_the_python_one():
    t = lexer.Token("w", "Key", "Key", 3, 6)
    assert (t.kind, t.text, t.value, t.start, t.end, t.up, t.intro) == ("w", "Key", "Key", 3, 6, "KEY", None)
    assert lexer.Token("s", "'a'", "a", 0, 3, intro="utf8mb4").up is None
    p = lexer.PyToken("w", "Key", "Key", 3, 6)
    assert (p.kind, p.text, p.value, p.start, p.end, p.up, p.intro) == ("w", "Key", "Key", 3, 6, "KEY", None)
    with pytest.raises(AttributeError):
        t.kind = "o"  # read-only: tokens are shared by the parser's lookahead


@pytest.mark.parametrize("text", [
    # words: next to a quote or a character from U+0080 on, the pattern decides
    "x'ff' X'00' b'01' B'1' n'x' N'x' _utf8mb4'a' _binary\"b\" abc'd' k\"q\"",
    "naïve café `東京` t東 a\u0080 a\U0001F600b $x _x x$ Key kEY",
    # numbers and their backtracking: exponents, dots, identifiers starting with digits
    "1 12 1.5 1. .5 1e5 1E+5 1e-5 1e 1e+ 1.e5 1.5e 1ea 1abc 0x1F 0b101 0xZ 1.2.3 5.x 9$ 1_ 3é 4٣",
    "t.c t.`c` 1.c db.t.c (1),(2);",
    # quotes the C loop leaves: escapes, doubled quotes, unterminated ones
    "'plain' 'it''s' 'a\\'b' 'back\\\\' '' '''' 'é東\U0001F600' `a``b` `` `x",
    "'unterminated",
    "`unterminated",
    # punctuation, operators and comments around them
    "a=b a==b a<=>b a->b a->>'$.x' a:=1 a||b a&&b -1 --x\n-- c\n# c\n/* c */ /*!50100 x */ /*M!100000 y */",
    "a*/b /*!80023 INVISIBLE */ 5/2 @a @@session.x @`q` ?",
    "CREATE TABLE `t` (\n  `id` bigint NOT NULL AUTO_INCREMENT,\n  `v` decimal(10,2) DEFAULT '0.00',\n"
    "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci\n"
    "/*!50100 PARTITION BY RANGE (`id`)\n(PARTITION p0 VALUES LESS THAN (10) ENGINE = InnoDB) */",
    "", "   ", "\t\f\v\r\n", "a\f\vb",
    # an error after whitespace: the same place (and line) as the pattern's
    "a,\n\U0001F600", "1 \n 😀 x", "`a` \t\n\x01",
])
def test_hard_cases(text, monkeypatch):
    same(text, monkeypatch)


@pytest.mark.corpus
def test_every_corpus_statement(corpus, monkeypatch):
    checked = 0
    for path in sorted(p for p in corpus.rglob("*.sql") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            statements = list(split_sql(text, file=str(path)))
        except InputError:
            continue  # a file the splitter refuses has its own tests
        for st_ in statements:
            if len(st_.text) > 200_000:  # data; the splitter skips it unlexed
                continue
            same(st_.text, monkeypatch, flavors=FLAVORS[:1])
            checked += 1
    assert checked > 5000


_PIECES = st.sampled_from([
    "a", "Z", "_", "$", "key", "KEY", "x", "b", "n", "N", "e", "E", "0", "1", "9", "12", ".", "+", "-", "*", "/",
    "'", '"', "`", "\\", "''", "``", '""', "(", ")", ",", ";", "=", "<", ">", "!", ":", "|", "&", "@", "#",
    " ", "\n", "\t", "\f", "--", "-- ", "/*", "*/", "/*!", "/*!50100 ", "/*M!", "é", "東", "\U0001F600",
    "\u0080", "\u00a0", "٣", "_utf8mb4", "0x", "0b",
])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=40))
def test_generated_input(monkeypatch, pieces):
    same("".join(pieces), monkeypatch)
