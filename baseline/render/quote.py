"""Quoting identifiers and string literals the way the server prints them.

Every identifier is backtick-quoted (reserved words, unicode and odd characters
then need no special cases); a backtick inside a name is doubled. String
literals use single quotes with the escapes ``SHOW CREATE`` uses, so that a
baseline loads identically whatever ``sql_mode`` the loading session has
(except ``NO_BACKSLASH_ESCAPES``, which the generated file switches off).

The primitives live in :mod:`baseline.sql.literals` (shared with the parser,
normalizer and readers); this module gives them the renderer's short names and
adds what only rendering needs.
"""
from __future__ import annotations

from ..sql.literals import quote_ident as ident
from ..sql.literals import quote_string as string

__all__ = ["definer", "ident", "idents", "string"]


def idents(names) -> str:
    """```a`,`b``` (no spaces, as SHOW CREATE prints column lists)."""
    return ",".join(ident(n) for n in names)


def definer(value: str) -> str:
    """``user@host`` -> ```user`@`host```; the user part may itself contain ``@``
    (the host never does), so the split is at the last one."""
    user, sep, host = value.rpartition("@")
    if not sep:
        return ident(value)
    return f"{ident(user)}@{ident(host)}"
