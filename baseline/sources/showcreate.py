"""Reading the layout of server-printed ``SHOW CREATE`` text, what no catalog has.

Definitions are read by one grammar, the DDL parser: a table whose definition
the catalog lacks or garbles (every table on MySQL) is built from its text by
the parser and the builder (``live._table_from_text``), and views are parsed the
same way. This module reads no definition. It scans the layout of a text the
catalog already described (:func:`scan_create_table`: the order of the keys,
their ``USING`` clauses, which columns name their collation; a line scan, not a
grammar, that gives up on a text not laid out as the server prints it, which is
then built from its text), and repairs bodies the catalog mangles
(:func:`true_tail`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


# --------------------------------------------------------------------------- the fast scan


@dataclass
class TableLines:
    """What every live read takes from a table's SHOW CREATE text, read line by
    line without tokenizing (the text is the server's regular layout: one
    definition a line, escapes inside literals, never a raw newline before the
    closing parenthesis)."""

    #: column name -> (``CHARACTER SET`` printed, ``COLLATE`` printed), the names as printed
    column_charsets: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: key names in the order printed (``PRIMARY`` for the primary key)
    keys: list[str] = field(default_factory=list)
    #: key name -> the ``USING`` algorithm printed after its parts
    using: dict[str, str] = field(default_factory=dict)
    #: constraint names (foreign keys and CHECKs) in the order printed
    constraints: list[str] = field(default_factory=list)


_LINE_NAME = re.compile(r"`((?:[^`]|``)*)`")
_TYPE_WORD = re.compile(r"[a-z][a-z0-9_ ]*?(?=[( ,]|$)", re.I)
_AFTER_TYPE = re.compile(r"(?: unsigned)?(?: zerofill)?(?: /\*M!\d+ COMPRESSED\*/)?"
                         r"(?: CHARACTER SET (\w+))?(?: COLLATE (\w+))?")
_KEY_HEAD = re.compile(r"(PRIMARY KEY|(?:UNIQUE |FULLTEXT |SPATIAL |VECTOR )?KEY `((?:[^`]|``)*)`) \(")
_QUOTE_OR_PAREN = re.compile(r"[()'\"`]")
_CONSTRAINT = re.compile(r"CONSTRAINT `((?:[^`]|``)*)` ")


_QUOTED = {"'": re.compile(r"'(?:[^'\\]|\\.|'')*'", re.S), '"': re.compile(r'"(?:[^"\\]|\\.|"")*"', re.S),
           "`": re.compile(r"`(?:[^`]|``)*`")}


def _close_paren(text: str, i: int) -> int:
    """Index of the parenthesis closing the one at ``text[i]`` (quotes skipped)."""
    depth = 0
    while True:
        m = _QUOTE_OR_PAREN.search(text, i)
        if m is None:
            raise ValueError("unbalanced parentheses")
        c = m.group()
        if c == "(":
            depth += 1
            i = m.end()
        elif c == ")":
            depth -= 1
            if depth == 0:
                return m.start()
            i = m.end()
        else:
            q = _QUOTED[c].match(text, m.start())
            if q is None:
                raise ValueError("unterminated quote")
            i = q.end()


def scan_create_table(text: str, columns: bool = True) -> TableLines | None:
    """Column charsets, key order and ``USING``, constraint order from a
    ``SHOW CREATE TABLE`` text; ``None`` when the text is not laid out as the
    server prints it (callers then build the table from its text). ``columns=False``
    leaves the column lines unread (``column_charsets`` empty): most tables
    of a live read need only their keys and constraints from the text."""
    lines = text.split("\n")
    if not lines[0].endswith(" (") or len(lines) < 3:
        return None
    out = TableLines()
    try:
        for line in lines[1:]:
            if line.startswith(")"):
                return out
            if not line.startswith("  "):
                return None
            if line[2:3] == "`":
                if not columns:
                    continue
                d = line[2:-1] if line.endswith(",") else line[2:]
                m = _LINE_NAME.match(d)
                name = m.group(1).replace("``", "`")
                if "CHARACTER SET " not in d and "COLLATE " not in d:
                    out.column_charsets[name] = (None, None)  # most lines: nothing to read after the type
                    continue
                t = _TYPE_WORD.match(d, m.end() + 1)
                i = t.end()
                if i < len(d) and d[i] == "(":
                    i = _close_paren(d, i) + 1
                a = _AFTER_TYPE.match(d, i)
                out.column_charsets[name] = (a.group(1), a.group(2))
                continue
            d = line[2:-1] if line.endswith(",") else line[2:]
            key = _KEY_HEAD.match(d)
            if key:
                name = "PRIMARY" if key.group(2) is None else key.group(2).replace("``", "`")
                out.keys.append(name)
                if " USING " in d:  # printed only where the key's definition named it
                    close = _close_paren(d, key.end() - 1)
                    if d.startswith(" USING ", close + 1):
                        out.using[name] = d[close + 8:].split(" ", 1)[0]
                continue
            c = _CONSTRAINT.match(d)
            if c:
                name = c.group(1).replace("``", "`")
                out.constraints.append(name)
    except (ValueError, AttributeError):
        return None
    return None


# --------------------------------------------------------------------------- bodies


def mangled(text: str, per_char: int = 1) -> str:
    """``text`` as a utf8mb3 catalog shows it: each 4-byte character becomes ``?``
    (``per_char`` of them)."""
    return "".join("?" * per_char if ord(c) > 0xFFFF else c for c in text)


def true_tail(full: str, catalog: str) -> str | None:
    """The suffix of ``full`` (SHOW CREATE text) that the catalog printed as
    ``catalog`` with 4-byte characters turned into ``?``; None when it does not fit.

    The catalog replaces each 4-byte character by one ``?``, so the body is the
    suffix of the same length in code points.
    """
    if not catalog:
        return None
    tail = full[-len(catalog):]
    return tail if mangled(tail) == catalog else None
