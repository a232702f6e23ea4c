"""Canonical text of SQL fragments, for comparing them (not for running them).

Two servers, or a server and a hand-written migration, can spell the same
expression, view body or routine body differently: other whitespace, keyword
case, extra parentheses, the database's own name as a qualifier, a charset
introducer MySQL adds to literals. :func:`canonical_sql` turns a fragment into a
token string in which those spellings coincide while everything that could
change meaning (literals, quoted identifiers, operators, comments) is kept.

The lexer follows MySQL's rules for the pieces it must not break: ``'…'`` and
``"…"`` strings with backslash and doubled-quote escapes, `` `…` `` identifiers
with doubled backticks, ``--``/``#``/``/* */`` comments. Pure functions, no I/O.
Unlike :mod:`baseline.sql.scan` its tokens are plain strings without whitespace
and positions (they are compared, never put back together); where quotes end
comes from :mod:`baseline.sql.literals`.
"""
from __future__ import annotations

import re
from typing import Iterable

from .literals import ident_class, skip_quoted, unquote_ident

#: Operators of more than one character, longest first (so ``->>`` wins over ``->``).
_OPERATORS = ("<=>", "->>", "<=", ">=", "<>", "!=", ":=", "||", "&&", "<<", ">>", "->")

_WORD_RE = re.compile(ident_class("@A-Za-z0-9_$") + ident_class("@A-Za-z0-9_$.") + "*")
_NUMBER_RE = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_WS = " \t\r\n\f\v"


def tokens(text: str) -> list[str]:
    """Split ``text`` into tokens; whitespace is dropped, everything else kept verbatim.

    Unterminated strings or comments run to the end of the text (this is for
    comparing text a server already accepted, not for validating it).
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in _WS:
            i += 1
            continue
        if c in "'\"`":
            j = skip_quoted(text, i)
            out.append(text[i:j])
            i = j
            continue
        if c == "#" or (text.startswith("--", i) and (i + 2 >= n or text[i + 2] in _WS)):
            k = text.find("\n", i)
            k = n if k < 0 else k
            out.append("-- " + " ".join(text[i:k].lstrip("#-").split()))
            i = k
            continue
        if text.startswith("/*", i):
            k = text.find("*/", i + 2)
            k = n if k < 0 else k + 2
            out.append("/* " + " ".join(text[i + 2:k - 2].split()) + " */")
            i = k
            continue
        m = _NUMBER_RE.match(text, i) if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()) else None
        if m and not (m.end() < n and (text[m.end()].isalpha() or text[m.end()] == "_")):
            out.append(m.group())
            i = m.end()
            continue
        m = _WORD_RE.match(text, i)
        if m:
            word = m.group()
            # `a`.b is three tokens; keep dots inside unquoted words (x.y) split too
            parts = word.split(".")
            for k, part in enumerate(parts):
                if k:
                    out.append(".")
                if part:
                    out.append(part)
            i = m.end()
            continue
        op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
        if op:
            out.append(op)
            i += len(op)
            continue
        out.append(c)
        i += 1
    return out


def wrapped_in_parens(toks: list[str]) -> bool:
    """Do parentheses enclose the whole token list (``(a) + (b)`` is not enclosed)?"""
    return len(toks) >= 2 and toks[0] == "(" and toks[-1] == ")" and _closing(toks, 0) == len(toks) - 1


def strip_outer_parens(toks: list[str]) -> list[str]:
    """Remove parentheses that enclose the whole token list (any number of layers)."""
    while wrapped_in_parens(toks):
        toks = toks[1:-1]
    return toks


def _closing(toks: list[str], start: int) -> int:
    depth = 0
    for k in range(start, len(toks)):
        if toks[k] == "(":
            depth += 1
        elif toks[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return -1


def canonical_sql(text: str | None, *, own_schemas: Iterable[str] = (), introducers: Iterable[str] = (),
                  strip_parens: bool = False) -> str | None:
    """The canonical token string of a SQL fragment.

    * whitespace outside literals and comments collapses (tokens joined by one space);
    * unquoted words (keywords, function names, variables) are lower-cased;
    * ``own_schemas`` qualifiers are removed (`` `app`.`t` `` -> `` `t` ``), so a
      view read from database ``app`` equals one read from ``app_copy``;
    * a charset introducer from ``introducers`` right before a string literal is
      dropped (MySQL writes ``_utf8mb4'x'`` where MariaDB writes ``'x'``);
    * with ``strip_parens``, parentheses around the whole fragment are dropped.
    """
    if text is None:
        return None
    toks = tokens(text)
    own = {s for s in own_schemas if s}
    intro = {i.lower() for i in introducers}
    out: list[str] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        prev = out[-1] if out else None
        if own and nxt == "." and prev != "." and unquote_ident(t) in own:
            k += 2  # drop "schema ."
            continue
        if t[0] not in "'\"`/-" and not t[0].isdigit():
            low = t.lower()
            if intro and low.startswith("_") and low[1:] in intro and nxt is not None and nxt[0] in "'\"":
                k += 1
                continue
            t = low
        out.append(t)
        k += 1
    if strip_parens:
        out = strip_outer_parens(out)
    return " ".join(out)
