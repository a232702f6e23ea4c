"""Reading the layout of server-printed ``SHOW CREATE`` text, what no catalog has.

Live introspection uses ``information_schema`` for most tables (MariaDB) and
this module for what the catalog lacks in every table: the order of the keys,
their ``USING`` clauses, which columns name their collation
(:func:`scan_create_table`, a line scanner, not a grammar; :func:`table_lines`
tokenizes a text not laid out as usual), and view headers (:func:`parse_view`),
plus the repair of bodies the catalog mangles (:func:`true_tail`). A table whose
definition the catalog lacks or garbles is not patched from here: the live
reader builds it from its text with the DDL parser and the builder, the one
reader of table definitions (``live._table_from_text``; every table on MySQL).

The input is always text the server itself printed, so the grammar is the
server's regular output format, not everything a human may write.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..sql.literals import unquote_string
from ..sql.scan import (COMMENT, NUMBER, PUNCT, QIDENT, STRING, WORD, Token, matching_paren,
                        significant, split_top_level, tokens)


# --------------------------------------------------------------------------- CREATE TABLE


@dataclass
class CreateTable:
    name: str
    #: Column, key and constraint definitions, one string each, as printed.
    definitions: list[str]
    #: Table options after the closing parenthesis (partition clause excluded).
    options: str
    #: The partition clause (``PARTITION BY …``), unwrapped from ``/*!50100 … */``.
    partition: str | None = None

    def column_lines(self) -> dict[str, str]:
        """Column name -> the rest of its definition (after the name)."""
        out = {}
        for d in self.definitions:
            if d.startswith("`"):
                toks = list(tokens(d))
                out[toks[0].value] = d[toks[0].end:].strip()
        return out

    def key_lines(self) -> list[str]:
        return [d for d in self.definitions if _KEY_LINE_RE.match(d)]

    def constraint_lines(self) -> list[str]:
        return [d for d in self.definitions if d.upper().startswith("CONSTRAINT ")]


_KEY_LINE_RE = re.compile(r"^(PRIMARY |UNIQUE |FULLTEXT |SPATIAL |VECTOR )?KEY\b", re.I)


def split_create_table(text: str) -> CreateTable:
    """Cut a ``SHOW CREATE TABLE`` result into definitions, options and partition clause."""
    sig = significant(text)
    # CREATE [TEMPORARY] TABLE `name` (
    k = next(i for i, t in enumerate(sig) if t.is_word("TABLE"))
    name_tok = sig[k + 1]
    open_paren = next(t for t in sig[k + 2:] if t.kind == PUNCT and t.text == "(")
    close = matching_paren(text, open_paren.start)
    body = text[open_paren.start + 1:close]
    definitions = [d for d in split_top_level(body)]
    rest = text[close + 1:]
    partition = None
    # MySQL wraps the clause in a version comment; MariaDB prints it bare.
    for t in tokens(rest):
        if t.kind == COMMENT and t.text.startswith("/*!"):
            inner = re.sub(r"^/\*!\d*\s*", "", t.text)[:-2].strip()
            if inner.upper().startswith("PARTITION BY"):
                partition = inner
                rest = rest[:t.start] + rest[t.end:]
                break
        elif t.is_word("PARTITION"):
            partition = rest[t.start:].strip()
            rest = rest[:t.start]
            break
    return CreateTable(name=name_tok.value, definitions=definitions, options=rest.strip(),
                       partition=partition)


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
    #: column name -> its definition after the name; key name -> its line;
    #: constraint name -> its line (what the slower readers below take apart)
    column_text: dict[str, str] = field(default_factory=dict)
    key_text: dict[str, str] = field(default_factory=dict)
    constraint_text: dict[str, str] = field(default_factory=dict)
    #: the text after the definitions: table options and the partition clause
    tail: str = ""


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
    server prints it (callers then tokenize it). ``columns=False`` leaves the
    column lines unread (``column_charsets``/``column_text`` empty): most tables
    of a live read need only their keys and constraints from the text."""
    lines = text.split("\n")
    if not lines[0].endswith(" (") or len(lines) < 3:
        return None
    out = TableLines()
    try:
        for k, line in enumerate(lines[1:], 1):
            if line.startswith(")"):
                out.tail = "\n".join(lines[k:])[1:]
                return out
            if not line.startswith("  "):
                return None
            if line[2:3] == "`":
                if not columns:
                    continue
                d = line[2:-1] if line.endswith(",") else line[2:]
                m = _LINE_NAME.match(d)
                name = m.group(1).replace("``", "`")
                out.column_text[name] = d[m.end():].strip()
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
                out.key_text[name] = d
                if " USING " in d:  # printed only where the key's definition named it
                    close = _close_paren(d, key.end() - 1)
                    if d.startswith(" USING ", close + 1):
                        out.using[name] = d[close + 8:].split(" ", 1)[0]
                continue
            c = _CONSTRAINT.match(d)
            if c:
                name = c.group(1).replace("``", "`")
                out.constraints.append(name)
                out.constraint_text[name] = d
    except (ValueError, AttributeError):
        return None
    return None


def table_lines(text: str) -> TableLines:
    """:func:`scan_create_table`'s result for any SHOW CREATE TABLE text, by
    tokenizing it (slower; for a text the fast scan does not recognize)."""
    ct = split_create_table(text)
    out = TableLines(tail=ct.options + (f" {ct.partition}" if ct.partition else ""))
    for name, rest in ct.column_lines().items():
        out.column_text[name] = rest
        words = [t for t in significant(rest) if t.kind == WORD]
        charset = collation = None
        for k, w in enumerate(words[:-1]):
            up = w.text.upper()
            if up in ("NOT", "NULL", "DEFAULT", "GENERATED", "AS", "COMMENT", "ON", "AUTO_INCREMENT"):
                break
            if up == "SET" and k and words[k - 1].text.upper() == "CHARACTER":
                charset = words[k + 1].text
            elif up == "COLLATE":
                collation = words[k + 1].text
        out.column_charsets[name] = (charset, collation)
    for line in ct.key_lines():
        key = parse_key(line)
        out.keys.append(key.name)
        out.key_text[key.name] = line
        if key.using:
            out.using[key.name] = key.using
    for line in ct.constraint_lines():
        name = parse_constraint(line).name
        out.constraints.append(name)
        out.constraint_text[name] = line
    return out


# --------------------------------------------------------------------------- column definitions


@dataclass
class ColumnText:
    """The pieces of one column definition this module can read exactly."""

    default: str | None = None
    generated: str | None = None
    generated_kind: str | None = None
    check: str | None = None


_CLAUSE_SCAN = re.compile(r"['\"`(]| DEFAULT | GENERATED ALWAYS AS \(| CHECK \(")
#: One term after DEFAULT as servers print it: a literal (with an introducer or
#: b/x prefix), NULL, a number, a word with an argument list, a parenthesized
#: expression (those two ended by :func:`_close_paren`).
_TERM_HEAD = re.compile(r"(?:_[a-z0-9]+|[bxBXnN])?(?=')|[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?(?=\s|$)|"
                        r"[A-Za-z_][A-Za-z_0-9]*(?=\(|\s|$)|(?=\()")


def read_column(rest: str) -> ColumnText:
    """:func:`parse_column`'s result, found without tokenizing where the text has
    the server's usual shape (quoted parts skipped by pattern); falls back to
    :func:`parse_column` where it has not."""
    try:
        return _read_column(rest)
    except ValueError:
        return parse_column(rest)


def _read_column(rest: str) -> ColumnText:
    out = ColumnText()
    i = 0
    while True:
        m = _CLAUSE_SCAN.search(rest, i)
        if m is None:
            return out
        tok = m.group()
        if tok in ("'", '"', "`"):
            q = _QUOTED[tok].match(rest, m.start())
            if q is None:
                raise ValueError("unterminated quote")
            i = q.end()
        elif tok == "(":
            i = _close_paren(rest, m.start()) + 1
        elif tok == " DEFAULT ":
            start = m.end()
            head = _TERM_HEAD.match(rest, start)
            if head is None:
                raise ValueError("not a term")
            end = head.end()
            if rest.startswith("'", end):
                q = _QUOTED["'"].match(rest, end)
                if q is None:
                    raise ValueError("unterminated literal")
                end = q.end()
            elif rest.startswith("(", end):
                end = _close_paren(rest, end) + 1
            elif end == start:
                raise ValueError("not a term")
            if end < len(rest) and not rest[end].isspace():
                raise ValueError("more than one term")
            out.default = rest[start:end]
            i = end
        else:  # GENERATED ALWAYS AS ( / CHECK (
            close = _close_paren(rest, m.end() - 1)
            inner = rest[m.end():close]
            if tok.startswith(" CHECK"):
                out.check = inner
            else:
                out.generated = inner
                kind = rest[close + 1:].split(None, 1)[:1]
                if kind:
                    word = kind[0].upper()
                    out.generated_kind = "STORED" if word in ("STORED", "PERSISTENT") else word
            i = close + 1


def parse_column(rest: str) -> ColumnText:
    """Read DEFAULT, GENERATED ALWAYS AS and an inline CHECK from a column definition
    (``rest`` is the text after the column name)."""
    out = ColumnText()
    sig = significant(rest)
    i = 0
    while i < len(sig):
        t = sig[i]
        if t.is_word("DEFAULT"):
            end = _term_end(sig, i + 1, rest)
            out.default = rest[sig[i + 1].start:end]
            i = _index_after(sig, end)
            continue
        if t.is_word("GENERATED") and i + 3 < len(sig) and sig[i + 2].is_word("AS") \
                and sig[i + 3].text == "(":
            close = matching_paren(rest, sig[i + 3].start)
            out.generated = rest[sig[i + 3].start + 1:close]
            j = _index_after(sig, close + 1)
            if j < len(sig) and sig[j].kind == WORD:
                out.generated_kind = "STORED" if sig[j].text.upper() in ("STORED", "PERSISTENT") else sig[j].text.upper()
            i = j + 1
            continue
        if t.is_word("CHECK") and i + 1 < len(sig) and sig[i + 1].text == "(":
            close = matching_paren(rest, sig[i + 1].start)
            out.check = rest[sig[i + 1].start + 1:close]
            i = _index_after(sig, close + 1)
            continue
        i += 1
    return out


def _index_after(sig: list[Token], pos: int) -> int:
    """Index of the first significant token starting at or after text position ``pos``."""
    return next((k for k, t in enumerate(sig) if t.start >= pos), len(sig))


def _term_end(sig: list[Token], i: int, text: str) -> int:
    """Text position just past the single term (literal, call, parenthesized
    expression, signed number) starting at ``sig[i]``."""
    t = sig[i]
    if t.kind == PUNCT and t.text in "-+" and i + 1 < len(sig):
        return _term_end(sig, i + 1, text)
    if t.kind == PUNCT and t.text == "(":
        return matching_paren(text, t.start) + 1
    if t.kind == WORD and i + 1 < len(sig):
        nxt = sig[i + 1]
        if nxt.kind == STRING and nxt.start == t.end:  # _utf8mb4'x', b'01', x'ff', N'x'
            return nxt.end
        if nxt.kind == PUNCT and nxt.text == "(" and nxt.start == t.end:
            return matching_paren(text, nxt.start) + 1
    return t.end


# --------------------------------------------------------------------------- keys and constraints


@dataclass
class KeyText:
    kind: str                  # PRIMARY, UNIQUE, INDEX, FULLTEXT, SPATIAL
    name: str
    parts: list[str]           # each part as printed: `a`(10) DESC, (expr)
    using: str | None = None
    comment: str = ""
    parser: str | None = None
    invisible: bool = False
    key_block_size: int | None = None


def parse_key(line: str) -> KeyText:
    sig = significant(line)
    first = sig[0].text.upper()
    kind = {"PRIMARY": "PRIMARY", "UNIQUE": "UNIQUE", "FULLTEXT": "FULLTEXT", "SPATIAL": "SPATIAL",
            "VECTOR": "VECTOR"}.get(first, "INDEX")
    i = 2 if kind != "INDEX" else 1          # past "KEY"
    name = "PRIMARY"
    if kind != "PRIMARY" and sig[i].kind in (QIDENT, WORD):
        name = sig[i].value
        i += 1
    open_paren = sig[i]
    close = matching_paren(line, open_paren.start)
    parts = split_top_level(line[open_paren.start + 1:close])
    key = KeyText(kind=kind, name=name, parts=parts)
    rest = line[close + 1:]
    for t in tokens(rest):  # WITH PARSER may sit in a version comment
        if t.kind == COMMENT:
            m = re.search(r"WITH PARSER\s+`((?:[^`]|``)+)`", t.text, re.I)
            if m:
                key.parser = m.group(1).replace("``", "`")
    rs = significant(rest)
    for k, t in enumerate(rs):
        if t.is_word("USING") and k + 1 < len(rs):
            key.using = rs[k + 1].text.upper()
        elif t.is_word("COMMENT") and k + 1 < len(rs) and rs[k + 1].kind == STRING:
            key.comment = unquote_string(rs[k + 1].text)
        elif t.is_word("PARSER") and k + 1 < len(rs):
            key.parser = rs[k + 1].value
        elif t.is_word("IGNORED", "INVISIBLE"):
            key.invisible = True
        elif t.is_word("KEY_BLOCK_SIZE") and k + 2 < len(rs) and rs[k + 2].kind == NUMBER:
            key.key_block_size = int(rs[k + 2].text)   # KEY_BLOCK_SIZE=8: the name, '=', the number
    return key


def key_part_column(part: str) -> tuple[str | None, str | None, int | None, bool]:
    """``(column, expression, length, descending)`` of one printed key part."""
    sig = significant(part)
    desc = bool(sig) and sig[-1].is_word("DESC")
    if sig and sig[0].text == "(":
        close = matching_paren(part, sig[0].start)
        return None, part[sig[0].start + 1:close], None, desc
    column = sig[0].value
    length = None
    if len(sig) > 2 and sig[1].text == "(" and sig[2].kind == NUMBER:
        length = int(sig[2].text)
    return column, None, length, desc


@dataclass
class ConstraintText:
    name: str
    kind: str                  # CHECK or FOREIGN KEY
    check: str | None = None
    enforced: bool = True
    columns: list[str] = field(default_factory=list)
    ref_table: str | None = None
    ref_columns: list[str] = field(default_factory=list)
    on_delete: str = "RESTRICT"
    on_update: str = "RESTRICT"


def parse_constraint(line: str) -> ConstraintText:
    sig = significant(line)
    name = sig[1].value
    if sig[2].is_word("CHECK"):
        close = matching_paren(line, sig[3].start)
        rest = line[close + 1:]
        enforced = "NOT ENFORCED" not in rest.upper()
        return ConstraintText(name=name, kind="CHECK", check=line[sig[3].start + 1:close],
                              enforced=enforced)
    # CONSTRAINT `n` FOREIGN KEY (`a`) REFERENCES `t` (`b`) ON DELETE … ON UPDATE …
    c = ConstraintText(name=name, kind="FOREIGN KEY")
    open1 = next(t for t in sig if t.text == "(")
    close1 = matching_paren(line, open1.start)
    c.columns = [significant(p)[0].value for p in split_top_level(line[open1.start + 1:close1])]
    after = significant(line[close1 + 1:])
    off = close1 + 1
    k = next(i for i, t in enumerate(after) if t.is_word("REFERENCES"))
    j = k + 1
    ref = after[j].value
    if j + 2 < len(after) and after[j + 1].text == ".":
        ref = after[j + 2].value
        j += 2
    c.ref_table = ref
    open2 = next(t for t in after[j + 1:] if t.text == "(")
    close2 = matching_paren(line, off + open2.start)
    c.ref_columns = [significant(p)[0].value
                     for p in split_top_level(line[off + open2.start + 1:close2])]
    tail = " ".join(line[close2 + 1:].split()).upper()
    for which in ("DELETE", "UPDATE"):
        m = re.search(rf"ON {which} (RESTRICT|CASCADE|SET NULL|SET DEFAULT|NO ACTION)", tail)
        if m:
            setattr(c, f"on_{which.lower()}", m.group(1))
    return c


# --------------------------------------------------------------------------- partitions


@dataclass
class ViewText:
    name: str
    definition: str
    columns: list[str] | None
    algorithm: str
    security: str
    check_option: str
    definer: str | None


def parse_view(text: str) -> ViewText:
    """Read ``SHOW CREATE VIEW`` output (``CREATE ALGORITHM=… DEFINER=… SQL SECURITY …
    VIEW name [(cols)] AS body [WITH … CHECK OPTION]``)."""
    sig = significant(text)
    algorithm, security, definer = "UNDEFINED", "DEFINER", None
    i = 0
    while not sig[i].is_word("VIEW"):
        t = sig[i]
        if t.is_word("ALGORITHM"):
            algorithm = sig[i + 2].text.upper()
        elif t.is_word("SECURITY"):
            security = sig[i + 1].text.upper()
        elif t.is_word("DEFINER") and sig[i + 1].text == "=":
            user = sig[i + 2]
            host = sig[i + 4] if i + 4 < len(sig) and sig[i + 3].text == "@" else None
            definer = user.value + ("@" + host.value if host is not None else "")
        i += 1
    i += 1
    name = sig[i].value
    if sig[i + 1].text == ".":
        i += 2
        name = sig[i].value
    i += 1
    columns = None
    if sig[i].text == "(":
        close = matching_paren(text, sig[i].start)
        columns = [significant(c)[0].value for c in split_top_level(text[sig[i].start + 1:close])]
        i = _index_after(sig, close + 1)
    assert sig[i].is_word("AS"), text[:200]
    body = text[sig[i].end:].lstrip()
    check = "NONE"
    m = re.search(r"\s+WITH (CASCADED|LOCAL) CHECK OPTION$", body)
    if m:
        check = m.group(1)
        body = body[:m.start()]
    return ViewText(name=name, definition=body, columns=columns, algorithm=algorithm,
                    security=security, check_option=check, definer=definer)


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
