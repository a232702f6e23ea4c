"""Quoting identifiers and string literals the way the server prints them.

Every identifier is backtick-quoted (reserved words, unicode and odd characters
then need no special cases); a backtick inside a name is doubled. String
literals use single quotes with the escapes ``SHOW CREATE`` uses, so that a
baseline loads identically whatever ``sql_mode`` the loading session has
(except ``NO_BACKSLASH_ESCAPES``, which the generated file switches off).
"""
from __future__ import annotations

_ESCAPES = {
    "\\": "\\\\",
    "'": "''",
    "\0": "\\0",
    "\n": "\\n",
    "\r": "\\r",
    "\x1a": "\\Z",
}


def ident(name: str) -> str:
    """```name``` with inner backticks doubled."""
    return "`" + name.replace("`", "``") + "`"


def idents(names) -> str:
    """```a`,`b``` (no spaces, as SHOW CREATE prints column lists)."""
    return ",".join(ident(n) for n in names)


def string(value: str, *, backslash_escapes: bool = True) -> str:
    """A single-quoted literal: ``it's`` -> ``'it''s'``, newline -> ``\\n``.

    ``backslash_escapes=False`` for text parsed under ``NO_BACKSLASH_ESCAPES``
    (a routine created in that mode): only quotes are doubled, everything else
    stays raw.
    """
    if not backslash_escapes:
        return "'" + value.replace("'", "''") + "'"
    return "'" + "".join(_ESCAPES.get(c, c) for c in value) + "'"


def definer(value: str) -> str:
    """``user@host`` -> ```user`@`host```; the user part may itself contain ``@``
    (the host never does), so the split is at the last one."""
    user, sep, host = value.rpartition("@")
    if not sep:
        return ident(value)
    return f"{ident(user)}@{ident(host)}"
