"""Which tables does a sequelize-cli migration name? (static reading, for attribution lines)

Replay runs the JavaScript for real and sees the SQL it sends; this module
reads the source to find *where* (which line) each object is touched:
``queryInterface.createTable('accounts', …)``, ``addColumn('accounts', …)``,
``addIndex``, ``renameTable('a', 'b')``, ``{ tableName: 'x' }`` forms, names held
in simple ``const t = 'accounts'`` bindings, and the raw SQL passed to
``sequelize.query(...)`` (read with :mod:`baseline.sql.touch`).
"""
from __future__ import annotations

import re

from ..sql.touch import touched_keys

#: queryInterface methods that change a table's definition (data methods like
#: bulkInsert are left out on purpose: they touch no schema).
TABLE_METHODS = {
    "createTable", "dropTable", "renameTable", "addColumn", "removeColumn", "changeColumn",
    "renameColumn", "addIndex", "removeIndex", "addConstraint", "removeConstraint",
}
#: Methods on other objects: (kind, how the key's name is built).
ROUTINE_METHODS = {"createFunction": "function", "dropFunction": "function", "renameFunction": "function"}
TRIGGER_METHODS = {"createTrigger", "dropTrigger", "renameTrigger"}

_CALL_RE = re.compile(r"\.\s*(?P<method>[A-Za-z_]\w*)\s*\(")
_BINDING_RE = re.compile(r"\b(?:const|let|var)\s+(?P<name>[A-Za-z_$][\w$]*)\s*=\s*(?P<q>['\"`])(?P<value>[^'\"`\\\n]*)(?P=q)")


def strip_comments(src: str) -> str:
    """``src`` with comments blanked out (newlines kept, so line numbers hold)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in "'\"`":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in src[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _literal(src: str, i: int) -> tuple[str | None, int]:
    """A string literal starting at ``i`` (after spaces): (value, end) or (None, i)."""
    n = len(src)
    while i < n and src[i] in " \t\r\n":
        i += 1
    if i >= n or src[i] not in "'\"`":
        return None, i
    q = src[i]
    j = i + 1
    buf = []
    while j < n and src[j] != q:
        if src[j] == "\\" and j + 1 < n:
            buf.append(src[j + 1])
            j += 2
            continue
        buf.append(src[j])
        j += 1
    return "".join(buf), j + 1


def _first_arg_names(src: str, i: int, bindings: dict[str, str], count: int = 1) -> list[str]:
    """Names given as the first ``count`` arguments: literals, ``{tableName: '…'}``, or bound constants."""
    names = []
    for _ in range(count):
        while i < len(src) and src[i] in " \t\r\n":
            i += 1
        value, j = _literal(src, i)
        if value is None and i < len(src) and src[i] == "{":
            m = re.compile(r"\{[^{}]*?\btableName\s*:\s*(['\"`])([^'\"`]*)\1").match(src, i)
            if m:
                value, j = m.group(2), m.end()
        if value is None:
            m = re.compile(r"[A-Za-z_$][\w$]*").match(src, i)
            if m and m.group(0) in bindings:
                value, j = bindings[m.group(0)], m.end()
        if value is None:
            break
        names.append(value)
        k = j
        while k < len(src) and src[k] in " \t\r\n":
            k += 1
        if k >= len(src) or src[k] != ",":
            break
        i = k + 1
    return names


def js_touches(src: str) -> list[tuple[tuple[str, str], int]]:
    """``[((kind, name), line), ...]`` for every object the source's calls name, in order."""
    code = strip_comments(src)
    bindings = {m.group("name"): m.group("value") for m in _BINDING_RE.finditer(code)}
    out: list[tuple[tuple[str, str], int]] = []
    for m in _CALL_RE.finditer(code):
        method = m.group("method")
        line = code.count("\n", 0, m.start("method")) + 1
        if method in TABLE_METHODS:
            names = _first_arg_names(code, m.end(), bindings, 2 if method == "renameTable" else 1)
            out += [(("table", n), line) for n in names]
        elif method in TRIGGER_METHODS:
            # createTrigger(tableName, triggerName, ...): the trigger is the object
            names = _first_arg_names(code, m.end(), bindings, 2)
            if len(names) == 2:
                out.append((("trigger", names[1]), line))
        elif method in ROUTINE_METHODS:
            names = _first_arg_names(code, m.end(), bindings, 2 if method == "renameFunction" else 1)
            out += [(("routine", f"function {n}"), line) for n in names]
        elif method == "query":
            sql, _ = _literal(code, m.end())
            if sql:
                out += [(k, line) for k in touched_keys(re.sub(r"\$\{[^}]*\}", "x", sql))]
    return out
