"""A small, token-aware scanner for SQL text the *server* printed.

Used where baseline must touch SQL fragments without misreading string
literals or quoted identifiers: removing the database's own qualifier from view
bodies, finding which views and functions a view uses, splitting the lines of a
``SHOW CREATE TABLE``, and noticing comments in routine bodies.

It is not a parser: it only knows strings (``'…'``, ``"…"`` with both escape
styles), backtick identifiers, comments, numbers, words and punctuation.
Unlike the DDL lexer (:mod:`baseline.sql.ddl.lexer`) it is lossless and never
raises: every character stays in a token with its position, so a caller can
rebuild the text with one change; unlike :mod:`baseline.sql.sqltext` it keeps
whitespace and comments. Where quotes end: :mod:`baseline.sql.literals`.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from .literals import ident_class, quote_ident, unquote_ident

#: Token kinds.
WS, COMMENT, STRING, QIDENT, WORD, NUMBER, PUNCT = (
    "ws", "comment", "string", "qident", "word", "number", "punct")


class Token(NamedTuple):
    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def value(self) -> str:
        """The identifier a WORD or QIDENT token names (backticks removed)."""
        return unquote_ident(self.text) if self.kind == QIDENT else self.text

    def is_word(self, *words: str) -> bool:
        return self.kind == WORD and self.text.upper() in words


_WORD_RE = re.compile(ident_class("A-Za-z0-9_$") + "+")

#: One pattern for every kind, tried at each position (the order matters:
#: ``--`` is a comment only before whitespace, ``.5`` is a number, a word may
#: start with digits). A literal not closed runs to the end of the text, as a
#: comment does. Unlike a loop over characters, the regular expression engine
#: does the scanning: this runs over every SHOW CREATE text a live read needs.
_TOKEN_RE = re.compile(
    r"(?P<ws>\s+)"
    r"|(?P<string>'[^'\\]*(?:(?:\\.|'')[^'\\]*)*(?:'|\\?\Z)"
    r"|\"[^\"\\]*(?:(?:\\.|\"\")[^\"\\]*)*(?:\"|\\?\Z))"
    r"|(?P<qident>`[^`]*(?:``[^`]*)*(?:`|\Z))"
    r"|(?P<comment>\#[^\n]*|--(?:(?=\s)|\Z)[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<word>" + ident_class("A-Za-z0-9_$") + r"+)"
    r"|(?P<punct>.)",
    re.S,
)
_KINDS = {"ws": WS, "string": STRING, "qident": QIDENT, "comment": COMMENT, "number": NUMBER, "word": WORD,
          "punct": PUNCT}


def tokens(text: str) -> Iterator[Token]:
    """Every token of ``text``, whitespace and comments included (lossless)."""
    i = 0
    n = len(text)
    match = _TOKEN_RE.match
    while i < n:
        m = match(text, i)
        kind = m.lastgroup
        j = m.end()
        if kind == "number":  # identifiers may start with digits: 1abc
            w = _WORD_RE.match(text, i)
            if w and w.end() > j:
                kind, j = "word", w.end()
        yield Token(_KINDS[kind], text[i:j], i)
        i = j


def significant(text: str) -> list[Token]:
    """Tokens without whitespace and comments."""
    return [t for t in tokens(text) if t.kind not in (WS, COMMENT)]


def has_comments(text: str) -> bool:
    """True if ``text`` holds a ``--``, ``#`` or ``/* */`` comment outside literals
    (executable ``/*! */`` comments included: a client may strip them too)."""
    return any(t.kind == COMMENT for t in tokens(text))


def _qualifiers(toks: list[Token], schema: str, names: set[str] | None) -> list[tuple[int, int]]:
    """``(qualifier, dot)`` token indices of each qualifier naming ``schema``
    (the rules of :func:`strip_qualifier`)."""
    sig = [k for k, t in enumerate(toks) if t.kind not in (WS, COMMENT)]
    found: list[tuple[int, int]] = []

    def tok(n: int) -> Token | None:
        return toks[sig[n]] if 0 <= n < len(sig) else None

    def is_dot(t: Token | None) -> bool:
        return t is not None and t.kind == PUNCT and t.text == "."

    for n, k in enumerate(sig):
        t = toks[k]
        if t.kind not in (QIDENT, WORD) or t.value != schema or is_dot(tok(n - 1)):
            continue
        nxt = tok(n + 2)
        if not is_dot(tok(n + 1)) or nxt is None or nxt.kind not in (QIDENT, WORD):
            continue
        after = tok(n + 3)
        qualified = is_dot(after) or (after is not None and after.kind == PUNCT and after.text == "(")
        if qualified or names is None or nxt.value.casefold() in names:
            found.append((k, sig[n + 1]))
    return found


def _may_name(text: str, schema: str) -> bool:
    """Can ``text`` hold a qualifier naming ``schema``? (Its spelling, or the
    quoted one with doubled backticks, is in it.) Most bodies do not: no scan."""
    return schema in text or ("`" in schema and schema.replace("`", "``") in text)


def strip_qualifier(text: str, schema: str, names: set[str] | None = None) -> str:
    """Remove ``` `schema`. ``` (and bare ``schema.``) qualifiers naming ``schema``.

    Only a qualifier is removed, never a string literal or another identifier
    spelled the same. ``schema.a.b`` (a column) and ``schema.f(`` (a function)
    are always qualified names. A two-part ``schema.x`` is ambiguous when a table
    is named like its database (``employees.emp_no`` may be table.column): with
    ``names`` (case-folded table, view and sequence names of the schema) it is
    stripped only when ``x`` is one of them; without, it always is. The
    comparison of ``schema`` is exact (the server prints the name as stored).
    """
    if not _may_name(text, schema):
        return text
    toks = list(tokens(text))
    drop: set[int] = set()
    for k, dot in _qualifiers(toks, schema, names):
        drop.update(range(k, dot + 1))  # the qualifier and its dot
    return "".join(t.text for k, t in enumerate(toks) if k not in drop)


def replace_qualifier(text: str, schema: str, new: str, names: set[str] | None = None) -> str:
    """Point qualifiers naming ``schema`` at database ``new`` instead (same rules as
    :func:`strip_qualifier`): a dump's statements replayed into a database of
    another name keep binding to their own objects."""
    if not _may_name(text, schema):
        return text
    toks = list(tokens(text))
    found = {k for k, _dot in _qualifiers(toks, schema, names)}
    if not found:
        return text
    quoted = quote_ident(new)
    return "".join(quoted if k in found else t.text for k, t in enumerate(toks))


def referenced_names(text: str) -> tuple[set[str], set[str]]:
    """``(identifiers, called)``: every identifier in ``text`` (case-folded), and those
    directly followed by ``(`` (possible function calls)."""
    sig = significant(text)
    names: set[str] = set()
    called: set[str] = set()
    for k, t in enumerate(sig):
        if t.kind in (QIDENT, WORD):
            v = t.value.casefold()
            names.add(v)
            if k + 1 < len(sig) and sig[k + 1].kind == PUNCT and sig[k + 1].text == "(":
                called.add(v)
    return names, called


def matching_paren(text: str, i: int) -> int:
    """Index of the ``)`` closing the ``(`` at ``i`` (token-aware), or -1."""
    depth = 0
    for t in tokens(text[i:]):
        if t.kind == PUNCT:
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth -= 1
                if depth == 0:
                    return i + t.start
    return -1


def split_top_level(text: str, sep: str = ",") -> list[str]:
    """Split on ``sep`` outside parentheses, literals and comments (pieces stripped)."""
    parts: list[str] = []
    depth = 0
    last = 0
    for t in tokens(text):
        if t.kind != PUNCT:
            continue
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif t.text == sep and depth == 0:
            parts.append(text[last:t.start].strip())
            last = t.end
    tail = text[last:].strip()
    if tail or parts:
        parts.append(tail)
    return parts


def retarget_trigger_head(head: str, table: str) -> str:
    """A trigger head as written (``trigger t after insert on  x  for each row``)
    after its table was renamed to ``table``: MariaDB rewrites the ``ON`` clause
    of the stored text so, ``ON `table` `` (qualifier dropped, one space before
    ``FOR``), and keeps the rest as written."""
    sig = significant(head)
    fors = [k for k, t in enumerate(sig) if t.is_word("FOR")]
    if not fors:
        return head
    k = fors[-1]
    on = next((j for j in range(k - 1, -1, -1) if sig[j].is_word("ON")), None)
    if on is None:
        return head
    return head[:sig[on].start] + f"ON {quote_ident(table)} " + head[sig[k].start:]
