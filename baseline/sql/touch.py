"""Which schema objects does a statement create, alter, drop or rename?

Used for attribution: a difference found by ``verify`` on table ``accounts`` is
pinned on the last migration whose statements touched ``accounts``. Only the
statement's head matters (and, for ``ALTER TABLE``, its ``RENAME TO``
clauses), so this reads sqlparse's token stream instead of parsing the DDL:
it must never fail on a statement the server accepted (the DDL lexer raises on
what it cannot read) and it reads only a statement's first tokens.

Keys are ``(kind, name)`` as :mod:`baseline.chain.refs` defines them: kind one
of ``table``, ``view``, ``trigger``, ``routine``, ``event``, ``sequence``;
routines named ``procedure p`` / ``function f``. Index statements touch their
table. Data statements (INSERT, UPDATE, ...) touch nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from sqlparse import lexer
from sqlparse import tokens as T

from .literals import ident_class

CREATE, ALTER, DROP, RENAME_FROM, RENAME_TO = "create", "alter", "drop", "rename-from", "rename-to"


@dataclass(frozen=True)
class Touch:
    kind: str
    name: str
    #: ``create``, ``alter``, ``drop``, ``rename-from`` or ``rename-to``.
    action: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.name)


_VERSION_OPEN = re.compile(r"/\*M?!\d*")
_SKIP_WORDS = {"IF", "NOT", "EXISTS", "IF EXISTS", "IF NOT EXISTS", "OR", "REPLACE"}
#: Object keywords after CREATE/ALTER/DROP, mapped to the touch kind (None: not tracked).
_OBJECTS = {
    "TABLE": "table", "TABLES": "table", "VIEW": "view", "TRIGGER": "trigger", "PROCEDURE": "procedure",
    "FUNCTION": "function", "EVENT": "event", "SEQUENCE": "sequence", "INDEX": "index", "KEY": "index",
    "DATABASE": None, "SCHEMA": None, "USER": None, "ROLE": None, "SERVER": None, "TABLESPACE": None,
    "PACKAGE": None, "LOGFILE": None, "SYNONYM": None, "SPATIAL": None, "RESOURCE": None,
}
#: Words that may sit between CREATE and the object keyword.
_MODIFIER_STOP = {"AS", "SELECT", "(", "ON"}
_HEAD_TOKENS = 400  # enough for any statement head; ALTER TABLE is read whole
#: A CREATE names its object within its first tokens (DEFINER, ALGORITHM, SQL
#: SECURITY, IF NOT EXISTS, a qualified name, an index's ON clause). Reading no
#: further matters: the lexer is the cost of a replay's attribution, and a
#: baseline's CREATE TABLEs run to hundreds of tokens each.
_CREATE_HEAD_TOKENS = 64
_IDENT = r"(?:`((?:[^`]|``)+)`|(" + ident_class("A-Za-z0-9_$") + r"+))"
#: The common case, read without the lexer: ``CREATE TABLE [IF NOT EXISTS] [db.]name (``.
_PLAIN_CREATE_TABLE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _IDENT
                                 + r"(?:\s*\.\s*" + _IDENT + r")?\s*\(", re.I)


def touched_objects(sql: str) -> list[Touch]:
    """The objects ``sql`` (one statement) touches, in statement order."""
    text = sql.lstrip()
    if text.startswith("/*"):
        text = _VERSION_OPEN.sub(" ", text).replace("*/", " ").lstrip()
    head = text[:12].upper()
    if not head.startswith(("CREATE", "ALTER", "DROP", "RENAME")):
        return []
    plain = _PLAIN_CREATE_TABLE.match(text)
    if plain:
        q, bare = (plain.group(3), plain.group(4)) if plain.group(3) or plain.group(4) else plain.group(1, 2)
        return [Touch("table", q.replace("``", "`") if q is not None else bare, CREATE)]
    limit = None if head.startswith("ALTER") else _CREATE_HEAD_TOKENS if head.startswith("CREATE") else _HEAD_TOKENS
    toks = _tokens(text, limit)
    if not toks:
        return []
    verb = toks[0][1].upper().split()[0]
    try:
        if verb == "CREATE":
            return _create(toks)
        if verb == "ALTER":
            return _alter(toks)
        if verb == "DROP":
            return _drop(toks)
        if verb == "RENAME":
            return _rename(toks)
    except IndexError:  # truncated statement head: report what the server would reject anyway
        return []
    return []


def touched_keys(sql: str) -> list[tuple[str, str]]:
    """Keys of :func:`touched_objects`, without repeats, in order."""
    seen: dict[tuple[str, str], None] = {}
    for t in touched_objects(sql):
        seen.setdefault(t.key, None)
    return list(seen)


# ---------------------------------------------------------------- tokens


def _tokens(text: str, limit: int | None) -> list[tuple[object, str]]:
    stream = ((tt, v) for tt, v in lexer.tokenize(text)
              if tt not in T.Whitespace and tt not in T.Newline and tt not in T.Comment
              and not (tt is T.Text and not v.strip()))
    return list(islice(stream, limit) if limit else stream)


def _word(tok) -> str:
    return tok[1].upper()


def _unquote(v: str) -> str:
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "`\"'":
        q = v[0]
        return v[1:-1].replace(q + q, q)
    return v


def _name(toks, i: int) -> tuple[str, int]:
    """A possibly qualified name at ``i``: (last part unquoted, index after it)."""
    name = _unquote(toks[i][1])
    i += 1
    while i + 1 < len(toks) and toks[i][1] == "." and toks[i + 1][1] not in ("(", ",", ";"):
        name = _unquote(toks[i + 1][1])
        i += 2
    return name, i


def _skip_if_exists(toks, i: int) -> int:
    while i < len(toks) and _word(toks[i]) in _SKIP_WORDS:
        i += 1
    return i


def _find_object(toks, start: int) -> tuple[str | None, int]:
    """The object keyword after CREATE/ALTER/DROP modifiers: (keyword, index after it)."""
    i = start
    while i < len(toks):
        w = _word(toks[i])
        if w in _OBJECTS:
            # FULLTEXT/UNIQUE INDEX, SPATIAL INDEX: the object is the index
            if w == "SPATIAL" and i + 1 < len(toks) and _word(toks[i + 1]) in ("INDEX", "KEY"):
                i += 1
                continue
            return w, i + 1
        if w == "(" and i > 0 and _word(toks[i - 1]) == "CURRENT_USER":
            i += 2  # DEFINER = CURRENT_USER()
            continue
        if w in _MODIFIER_STOP:
            return None, i
        i += 1
    return None, i


def _key(kind: str, name: str) -> tuple[str, str]:
    if kind in ("procedure", "function"):
        return "routine", f"{kind} {name}"
    return kind, name


def _touch(kind: str, name: str, action: str) -> Touch:
    k, n = _key(kind, name)
    return Touch(k, n, action)


# ---------------------------------------------------------------- statements


def _object(toks) -> tuple[str | None, int]:
    """The tracked kind after CREATE/ALTER/DROP and its modifiers and ``IF [NOT]
    EXISTS``, and the index of the object's name (kind None: not tracked)."""
    obj, i = _find_object(toks, 1)
    kind = _OBJECTS.get(obj) if obj else None
    if kind is None:
        return None, i
    return kind, _skip_if_exists(toks, i)


def _create(toks) -> list[Touch]:
    if any(_word(t) == "TEMPORARY" for t in toks[1:4]):
        return []
    kind, i = _object(toks)
    if kind is None:
        return []
    name, i = _name(toks, i)
    if kind == "index":
        return _index_table(toks, i)
    return [_touch(kind, name, CREATE)]


def _index_table(toks, i: int) -> list[Touch]:
    """``CREATE/DROP INDEX … ON table``: the index's statement alters its table."""
    while i < len(toks):
        if _word(toks[i]) == "ON":
            table = _name(toks, i + 1)[0]
            return [Touch("table", table, ALTER)] if table else []
        i += 1
    return []


def _alter(toks) -> list[Touch]:
    kind, i = _object(toks)
    if kind is None or kind == "index":
        return []
    name, i = _name(toks, i)
    out = [_touch(kind, name, ALTER)]
    if kind in ("table", "event", "sequence"):
        new = _renamed_to(toks, i)
        if new is not None:
            out = [_touch(kind, name, RENAME_FROM), _touch(kind, new, RENAME_TO)]
    return out


def _renamed_to(toks, i: int) -> str | None:
    """``RENAME [TO|AS] new`` at parenthesis depth 0 (not RENAME COLUMN/INDEX/KEY)."""
    depth = 0
    new = None
    while i < len(toks):
        v = toks[i][1]
        if v == "(":
            depth += 1
        elif v == ")":
            depth -= 1
        elif depth == 0 and v.upper() == "RENAME" and i + 1 < len(toks):
            j = i + 1
            w = _word(toks[j])
            if w in ("COLUMN", "INDEX", "KEY", "CONSTRAINT"):
                i += 1
                continue
            if w in ("TO", "AS"):
                j += 1
            if j < len(toks):
                new, i = _name(toks, j)
                continue
        i += 1
    return new


def _drop(toks) -> list[Touch]:
    if any(_word(t) == "TEMPORARY" for t in toks[1:3]):
        return []
    kind, i = _object(toks)
    if kind is None:
        return []
    if kind == "index":
        return _index_table(toks, _name(toks, i)[1])
    out = []
    while i < len(toks):
        name, i = _name(toks, i)
        out.append(_touch(kind, name, DROP))
        if i < len(toks) and toks[i][1] == ",":
            i += 1
            continue
        break
    return out


def _rename(toks) -> list[Touch]:
    # RENAME TABLE a [WAIT n | NOWAIT] TO b [, c TO d ...]
    if len(toks) < 2 or _word(toks[1]) not in ("TABLE", "TABLES"):
        return []
    i = 2
    out = []
    while i < len(toks):
        old, i = _name(toks, i)
        while i < len(toks) and _word(toks[i]) in ("WAIT", "NOWAIT") or (
                i < len(toks) and toks[i][0] in T.Number):
            i += 1
        if i >= len(toks) or _word(toks[i]) != "TO":
            break
        new, i = _name(toks, i + 1)
        out += [Touch("table", old, RENAME_FROM), Touch("table", new, RENAME_TO)]
        if i < len(toks) and toks[i][1] == ",":
            i += 1
            continue
        break
    return out
