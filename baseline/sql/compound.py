"""Split a SQL script the way the *server* splits a multi-statement text.

golang-migrate, dbmate and Prisma do not cut a migration file into statements:
they send the whole file to the server with multi-statement mode on, and the
server's parser knows where ``CREATE TRIGGER ... BEGIN ...; ...; END`` ends.
Such files have no ``DELIMITER`` lines (those tools would send the word to the
server and fail). :func:`split_server` cuts the same text the same way, so
baseline's executor can replay those files statement by statement:

* outside routine, trigger and event definitions a ``;`` ends a statement;
* inside them, ``BEGIN``/``CASE``/``IF``/``LOOP``/``WHILE``/``REPEAT`` blocks
  are counted, and only a ``;`` at depth 0 ends the definition.

A text holding ``DELIMITER`` lines is a client-style script: it is cut by
:func:`baseline.sql.split.split_sql` instead. Statement texts are verbatim
(comments inside a body are kept), without leading comments and the ``;``.
"""
from __future__ import annotations

import re

from .scan import COMMENT, PUNCT, WORD, WS, tokens
from .split import Statement, split_sql

_DELIMITER_LINE = re.compile(r"^[ \t]*delimiter[ \t]+\S", re.I | re.M)
_COMPOUND_KINDS = {"PROCEDURE", "FUNCTION", "TRIGGER", "EVENT"}
_LOOPS = {"LOOP", "WHILE", "REPEAT"}
#: Tokens after which an ``IF`` starts an IF statement (not ``IF EXISTS``, not ``IF(``).
_STATEMENT_STARTS = {";", "BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT", ":", "ROW"}


def split_server(text: str, *, file: str | None = None, first_line: int = 1) -> list[Statement]:
    """The statements of ``text`` as the server would run them, each with its line."""
    if _DELIMITER_LINE.search(text):
        return list(split_sql(text, file=file, first_line=first_line))
    out: list[Statement] = []
    toks = [t for t in tokens(text)]
    start = None            # index in text of the statement's first significant token
    sig: list[str] = []      # upper-cased significant tokens of the current statement
    depth = 0
    compound = False
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.kind in (WS, COMMENT):
            i += 1
            continue
        if t.kind == PUNCT and t.text == ";" and depth == 0:
            if start is not None:
                out.append(_statement(text, start, t.start, first_line))
            start, sig, depth, compound = None, [], 0, False
            i += 1
            continue
        if start is None:
            start = t.start
        word = t.text.upper() if t.kind == WORD else t.text
        if not compound and t.kind == WORD and word in _COMPOUND_KINDS and sig[:1] == ["CREATE"]:
            compound = True
        elif compound and t.kind == WORD:
            prev = sig[-1] if sig else ";"
            nxt = _next_significant(toks, i + 1)
            if word == "END":
                depth = max(0, depth - 1)
            elif prev == "END":
                pass  # END IF / END LOOP / END CASE ... close, not open
            elif word in ("BEGIN", "CASE") or word in _LOOPS:
                depth += 1
            elif word == "IF" and prev in _STATEMENT_STARTS and nxt not in ("(", "EXISTS"):
                depth += 1
        sig.append(word)
        i += 1
    if start is not None:
        out.append(_statement(text, start, len(text), first_line))
    return [s for s in out if s.text]


def _next_significant(toks, i: int) -> str | None:
    while i < len(toks):
        t = toks[i]
        if t.kind not in (WS, COMMENT):
            return t.text.upper() if t.kind == WORD else t.text
        i += 1
    return None


def _statement(text: str, start: int, end: int, first_line: int) -> Statement:
    body = text[start:end].rstrip(" \t\r\n\f\v")
    return Statement(body, first_line + text.count("\n", 0, start), ";")
