"""The server's own text of a database: the judge of fidelity.

Our model and its comparison can agree on two schemas that the server still
shows differently (a key order, an explicit ``USING BTREE``, a column's
``CHARACTER SET``, a routine's parameter list, the character set a view was
created under). So the last word is the server's: ``SHOW CREATE`` of every
object, plus what the server stores with each view, routine, trigger and event
(``character_set_client``, ``collation_connection``, ``sql_mode``). Only what
cannot be the same in a rebuilt database is taken out: ``AUTO_INCREMENT=N``
counters, ``DEFINER`` clauses, and the database's own name (each side is read
under its own name; a backquoted ```db`.`` qualifier of it is written ```<db>`.``).

Two databases can be judged this way when one server (or two of the same
release) holds both: :func:`read_texts` reads one, :func:`text_differences`
lists what differs, one line per object and attribute.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..sql.literals import quote_ident

#: What stands for the database's own name in every text.
OWN = "`<db>`"

_AUTO_INCREMENT = re.compile(r" AUTO_INCREMENT=\d+")
#: The DEFINER clause as SHOW CREATE prints it (a user, or a MariaDB role without a host).
_DEFINER = re.compile(r" DEFINER=`(?:[^`]|``)*`(?:@`(?:[^`]|``)*`)?")


@dataclass(frozen=True)
class ObjectText:
    """One object as the server shows it."""

    #: ``DATABASE``, ``TABLE``, ``SEQUENCE``, ``VIEW``, ``PROCEDURE``, ``FUNCTION``,
    #: ``TRIGGER`` or ``EVENT``.
    kind: str
    name: str
    #: ``SHOW CREATE`` text, counters, definers and the own database name taken out.
    text: str
    #: Stored with views, routines, triggers and events (``None`` elsewhere).
    character_set_client: str | None = None
    collation_connection: str | None = None
    #: Stored with routines, triggers and events.
    sql_mode: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.name)

    def attributes(self) -> dict[str, str | None]:
        return {"text": self.text, "character_set_client": self.character_set_client,
                "collation_connection": self.collation_connection, "sql_mode": self.sql_mode}


def clean(text: str, database: str) -> str:
    """A SHOW CREATE text without counters, definers and the database's own name."""
    text = _AUTO_INCREMENT.sub("", text)
    text = _DEFINER.sub("", text, count=1)  # the head's, never a body's
    return text.replace(quote_ident(database) + ".", OWN + ".")


def _rows(cur, sql: str, *args) -> list[tuple]:
    cur.execute(sql, args)
    return list(cur.fetchall())


def read_texts(conn, database: str) -> dict[tuple[str, str], ObjectText]:
    """Every object of ``database`` as the server shows it, keyed ``(kind, name)``.

    ``conn`` is a PyMySQL connection; nothing is written."""
    out: dict[tuple[str, str], ObjectText] = {}
    db = quote_ident(database)

    def add(obj: ObjectText) -> None:
        out[obj.key] = obj

    with conn.cursor() as cur:
        (_, create_db), = _rows(cur, f"SHOW CREATE DATABASE {db}")
        add(ObjectText("DATABASE", "", create_db.replace(db, OWN, 1)))
        views = {n: (cs, coll) for n, cs, coll in _rows(
            cur, "SELECT TABLE_NAME, CHARACTER_SET_CLIENT, COLLATION_CONNECTION FROM information_schema.VIEWS "
                 "WHERE TABLE_SCHEMA = %s", database)}
        for name, kind in _rows(cur, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
                                     "WHERE TABLE_SCHEMA = %s ORDER BY TABLE_NAME", database):
            what = {"VIEW": "VIEW", "SEQUENCE": "SEQUENCE"}.get(kind, "TABLE")
            (row,) = _rows(cur, f"SHOW CREATE {what} {db}.{quote_ident(name)}")
            cs, coll = views.get(name, (None, None)) if what == "VIEW" else (None, None)
            add(ObjectText(what, name, clean(row[1], database), cs, coll))
        for name, kind, cs, coll, mode in _rows(
                cur, "SELECT ROUTINE_NAME, ROUTINE_TYPE, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, SQL_MODE "
                     "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s "
                     "AND ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION') ORDER BY ROUTINE_NAME, ROUTINE_TYPE", database):
            (row,) = _rows(cur, f"SHOW CREATE {kind} {db}.{quote_ident(name)}")
            add(ObjectText(kind, name, clean(row[2] or "", database), cs, coll, mode))
        for name, cs, coll, mode in _rows(
                cur, "SELECT TRIGGER_NAME, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, SQL_MODE "
                     "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = %s ORDER BY TRIGGER_NAME", database):
            (row,) = _rows(cur, f"SHOW CREATE TRIGGER {db}.{quote_ident(name)}")
            add(ObjectText("TRIGGER", name, clean(row[2], database), cs, coll, mode))
        for name, cs, coll, mode in _rows(
                cur, "SELECT EVENT_NAME, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, SQL_MODE "
                     "FROM information_schema.EVENTS WHERE EVENT_SCHEMA = %s ORDER BY EVENT_NAME", database):
            (row,) = _rows(cur, f"SHOW CREATE EVENT {db}.{quote_ident(name)}")
            add(ObjectText("EVENT", name, clean(row[3], database), cs, coll, mode))
    return out


def text_differences(a: dict[tuple[str, str], ObjectText], b: dict[tuple[str, str], ObjectText],
                     names: tuple[str, str] = ("A", "B")) -> list[str]:
    """What the server shows differently, one entry per object and attribute
    (a text difference as a unified diff of the two texts)."""
    na, nb = names
    out = [f"{kind.lower()} {name}: only in {na}" for kind, name in sorted(set(a) - set(b))]
    out += [f"{kind.lower()} {name}: only in {nb}" for kind, name in sorted(set(b) - set(a))]
    for key in sorted(set(a) & set(b)):
        kind, name = key
        label = f"{kind.lower()} {name}".rstrip()
        for attr, va in a[key].attributes().items():
            vb = b[key].attributes()[attr]
            if va == vb:
                continue
            if attr == "text":
                lines = difflib.unified_diff(va.splitlines(), vb.splitlines(), na, nb, n=1, lineterm="")
                out.append(f"{label}: SHOW CREATE differs\n" + "\n".join(lines))
            else:
                out.append(f"{label}: {attr} {na}={va!r} {nb}={vb!r}")
    return out
