"""Version comments: ``/*!NNNNN ... */`` and MariaDB's ``/*M!NNNNNN ... */``.

A server runs the content of a version comment when its own version is at least
NNNNN, and treats it as a comment otherwise; MariaDB also skips MySQL's
``/*!50700`` .. ``/*!99999`` comments, and only MariaDB runs ``/*M!``. Reading a
dump faithfully means evaluating them against the version of the server that
*wrote* it (a MySQL 5.7 dump's ``/*!50705 location GEOMETRY */`` column exists on
that server), not stripping them blindly or letting a different server decide.

:func:`evaluate_version_comments` turns a statement into the plain statement that
server would have run: the markers of executed comments are removed (so mysqldump's
``/*!50003 CREATE*/ /*!50017 DEFINER=...*/ /*!50003 TRIGGER ...*/`` becomes
``CREATE DEFINER=... TRIGGER ...``), skipped comments disappear. Which comments a
server runs is :meth:`baseline.flavor.Flavor.executes_version_comment`, the decision
the DDL lexer (:mod:`baseline.sql.ddl.lexer`) uses too.

It runs on every statement of a dump, so it does not tokenize: it jumps to the
next quote, comment opener or marker and copies what lies between (quotes end
where :mod:`baseline.sql.literals` says).
"""
from __future__ import annotations

import re

from ..flavor import Flavor
from .literals import ident_class, skip_quoted

_INTERESTING = re.compile(r"""['"`#/*-]""")
_WORD = re.compile(ident_class("0-9A-Za-z_$"))


def _read_version(text: str, i: int, digits: int) -> tuple[int | None, int]:
    """The version number at ``i`` (5 digits, up to ``digits``) and where content starts."""
    j = i
    n = len(text)
    while j < n and j - i < digits and "0" <= text[j] <= "9":
        j += 1
    if j - i < 5:
        return None, i
    return int(text[i:j]), j


def has_version_comments(text: str) -> bool:
    return "/*!" in text or "/*M!" in text


def evaluate_version_comments(text: str, flavor: Flavor) -> str:
    """``text`` as a server of ``flavor`` would run it (see module docstring)."""
    if not has_version_comments(text):
        return text
    digits = flavor.rules.version_comment_digits
    out: list[str] = []
    n = len(text)
    i = 0
    stack: list[bool] = []   # one entry per open version comment: does it run?
    emit = True

    def put(s: str) -> None:
        if not s:
            return
        if not emit:
            # a skipped comment keeps its line breaks, so later lines keep their numbers
            if "\n" in s:
                out.append("\n" * s.count("\n"))
            return
        # removing markers must not glue two words together
        if out and _WORD.match(s[0]) and out[-1] and _WORD.match(out[-1][-1]):
            out.append(" ")
        out.append(s)

    while i < n:
        m = _INTERESTING.search(text, i)
        if m is None:
            put(text[i:])
            break
        k = m.start()
        if k > i:
            put(text[i:k])
        c = text[k]
        if c in "'\"`":
            end = skip_quoted(text, k)
            put(text[k:end])
            i = end
        elif c == "#" or (c == "-" and text.startswith("--", k) and (k + 2 >= n or text[k + 2] in " \t\r\n\f\v")):
            end = text.find("\n", k)
            end = n if end < 0 else end
            put(text[k:end])
            i = end
        elif c == "/" and (text.startswith("/*!", k) or text.startswith("/*M!", k)) and not stack:
            mariadb_only = text[k + 2] == "M"
            start = k + (4 if mariadb_only else 3)
            version, start = _read_version(text, start, 6 if mariadb_only else digits)
            if version is not None and text.startswith(" ", start):
                start += 1  # mysqldump writes "/*!NNNNN content"
            runs = flavor.executes_version_comment(version, mariadb_only)
            stack.append(runs)
            emit = runs
            if not runs and out and out[-1] and not out[-1][-1].isspace():
                out.append(" ")  # a skipped comment still separates tokens
            i = start
        elif c == "/" and text.startswith("/*", k):
            end = text.find("*/", k + 2)
            end = n if end < 0 else end + 2
            put(text[k:end])
            i = end
        elif c == "*" and text.startswith("*/", k) and stack:
            stack.pop()
            emit = True
            i = k + 2
        else:
            put(c)
            i = k + 1
    return "".join(out)


_LEADING = re.compile(r"(?:[ \t\r\n\f\v]+|#[^\n]*|--(?=[ \t\r\n\f\v]|$)[^\n]*|/\*(?![!]|M!).*?\*/)*", re.S)


def strip_leading(text: str) -> tuple[str, int]:
    """``text`` without leading whitespace and plain comments, and how many line
    breaks were removed (to keep the statement's line number exact)."""
    m = _LEADING.match(text)
    k = m.end() if m else 0
    return text[k:], text.count("\n", 0, k)
