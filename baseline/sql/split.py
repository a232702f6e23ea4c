"""Split SQL text into statements the way the ``mysql`` client does.

This is the reference splitter for scripts (migration files, generated
baselines): it handles ``DELIMITER`` changes, quoted strings and identifiers
with their escapes, ``--``/``#``/``/* */`` comments, and keeps version comments
``/*! ... */`` and ``/*M! ... */`` as part of the statement (the server decides
whether to run them). Each statement carries the line it starts on.

Statement text is returned verbatim (inner comments kept, so routine bodies reach
the server exactly as written), without leading comments/whitespace and without
the delimiter. Comment-only chunks are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..errors import InputError


@dataclass(frozen=True)
class Statement:
    text: str
    #: 1-based line of the statement's first character.
    line: int
    #: The delimiter in force when the statement ended ('' at end of input).
    delimiter: str = ";"


_DELIMITER_RE = re.compile(r"delimiter[ \t]+(\S+)[^\n]*", re.I)
_WS = " \t\r\n\f\v"


def split_sql(text: str, *, file: str | None = None, first_line: int = 1,
              delimiter: str = ";") -> Iterator[Statement]:
    """Yield the statements of ``text``.

    Raises :class:`InputError` (naming ``file`` and the line) for an unterminated
    quoted string, identifier or comment.
    """
    n = len(text)
    i = 0
    line = first_line
    start = None          # index of the statement's first significant char
    start_line = line
    # the characters that may change state; everything else is copied in bulk
    while i < n:
        # skip whitespace and comments between statements
        if start is None:
            j = i
            while j < n:
                c = text[j]
                if c in _WS:
                    if c == "\n":
                        line += 1
                    j += 1
                elif c == "#" or (c == "-" and text.startswith("--", j) and (j + 2 >= n or text[j + 2] in _WS)):
                    k = text.find("\n", j)
                    j = n if k < 0 else k
                elif c == "/" and text.startswith("/*", j) and not (text.startswith("/*!", j) or text.startswith("/*M!", j)):
                    k = text.find("*/", j + 2)
                    if k < 0:
                        raise InputError("unterminated /* comment", file=file, line=line)
                    line += text.count("\n", j, k)
                    j = k + 2
                else:
                    break
            i = j
            if i >= n:
                break
            # client command: DELIMITER
            m = _DELIMITER_RE.match(text, i)
            if m and (i == 0 or text[i - 1] in _WS):
                new = m.group(1)
                delimiter = new
                i = m.end()
                continue
            start = i
            start_line = line
        c = text[i]
        if c == "'" or c == '"' or c == "`":
            j = _end_of_quoted(text, i, c)
            if j < 0:
                raise InputError(f"unterminated {_QUOTE_NAMES[c]} starting here", file=file, line=line,
                                 excerpt=text[i:i + 80])
            line += text.count("\n", i, j)
            i = j
            continue
        if c == "#" or (c == "-" and text.startswith("--", i) and (i + 2 >= n or text[i + 2] in _WS)):
            k = text.find("\n", i)
            i = n if k < 0 else k
            continue
        if c == "/" and text.startswith("/*", i):
            if text.startswith("/*!", i) or text.startswith("/*M!", i):
                i += 2  # version comment: its content is SQL, scan it normally
                continue
            k = text.find("*/", i + 2)
            if k < 0:
                raise InputError("unterminated /* comment", file=file, line=line)
            line += text.count("\n", i, k)
            i = k + 2
            continue
        if c == delimiter[0] and text.startswith(delimiter, i):
            stmt = text[start:i].rstrip(_WS)
            if stmt:
                yield Statement(stmt, start_line, delimiter)
            i += len(delimiter)
            start = None
            continue
        if c == "\n":
            line += 1
        i += 1
    if start is not None:
        stmt = text[start:].rstrip(_WS)
        if stmt:
            yield Statement(stmt, start_line, "")


_QUOTE_NAMES = {"'": "string", '"': "string", "`": "quoted identifier"}


def _end_of_quoted(text: str, i: int, q: str) -> int:
    """Index just past the closing quote of the literal opened at ``i``, or -1."""
    n = len(text)
    j = i + 1
    backslash = q != "`"
    while True:
        k = text.find(q, j)
        if k < 0:
            return -1
        if backslash:
            # count backslashes right before the quote
            b = k - 1
            while b >= j and text[b] == "\\":
                b -= 1
            if (k - 1 - b) % 2 == 1:  # escaped quote
                j = k + 1
                continue
        if k + 1 < n and text[k + 1] == q:  # doubled quote
            j = k + 2
            continue
        return k + 1


def strip_leading_comments(text: str) -> str:
    """The statement without leading whitespace and plain comments."""
    for stmt in split_sql(text + "\n;"):
        return stmt.text
    return ""
