"""Load one database's schema from a corpus dump into a scratch database, and
read back every object's normalized ``SHOW CREATE`` text (for tests).

The dumps name their database (``CREATE DATABASE``/``USE``); the statements of
the wanted database are replayed into a uniquely named scratch database instead,
with the dump's own ``db``. qualifiers pointed at it.
"""
from __future__ import annotations

import contextlib
import re
from pathlib import Path

from baseline.connect.execute import execute_statements
from baseline.sql.split import Statement, split_sql, strip_leading_comments

#: key -> (dump path inside the corpus, database in the dump, charset, collation)
CORPUS_SCHEMAS = {
    "sakila": ("sakila/mariadb-dump.nodata.sql", "sakila", "latin1", "latin1_swedish_ci"),
    "employees_partitioned": ("employees/mariadb-dump.partitioned.nodata.sql", "employees_partitioned",
                              "latin1", "latin1_swedish_ci"),
    "dbatools": ("dump-dbatoolkit-mysql5.6/mariadb-dump.nodata.sql", "dbatools", "utf8mb4",
                 "utf8mb4_general_ci"),
    "magentadesk": ("dump-magentadesk-mariadb10.10/mariadb-dump.nodata.sql", "base", "utf8mb4",
                    "utf8mb4_general_ci"),
    "kratos": ("chain-ory-kratos/mariadb-dump.nodata.sql", "kratos", "utf8mb4", "utf8mb4_general_ci"),
}

_USE_RE = re.compile(r"^USE\s+`?([^`;\s]+)`?", re.I)
_SKIP_RE = re.compile(r"^CREATE\s+DATABASE", re.I)
#: mariadb-dump's first line, a client command; the statement after it is real
_SANDBOX_RE = re.compile(r"^/\*M!999999\\- enable the sandbox mode \*/")


def schema_statements(corpus: Path, key: str, target_db: str) -> list[Statement]:
    path, db, _, _ = CORPUS_SCHEMAS[key]
    text = (corpus / path).read_text(encoding="utf-8")
    current = None
    out = []
    for st in split_sql(text, file=path):
        if _SANDBOX_RE.match(st.text):
            rest = strip_leading_comments(_SANDBOX_RE.sub("", st.text))
            if not rest:
                continue
            st = Statement(rest, st.line, st.delimiter)
        m = _USE_RE.match(st.text)
        if m:
            current = m.group(1)
            continue
        if _SKIP_RE.match(st.text):
            continue
        if current not in (None, db):
            continue
        out.append(Statement(st.text.replace(f"`{db}`.", f"`{target_db}`."), st.line, st.delimiter))
    return out


@contextlib.contextmanager
def loaded_schema(server, corpus: Path, key: str):
    """A scratch database holding corpus schema ``key``; dropped afterwards."""
    _, _, charset, collation = CORPUS_SCHEMAS[key]
    with server.database(charset=charset, collation=collation) as db:
        conn = server.connect(db)
        try:
            execute_statements(conn, schema_statements(corpus, key, db), file=CORPUS_SCHEMAS[key][0])
        finally:
            conn.close()
        yield db


_DEFINER_RE = re.compile(r"\s*DEFINER=`[^`]*`@`[^`]*`")
_AUTO_INC_RE = re.compile(r" AUTO_INCREMENT=\d+")


def show_create_all(server, db: str) -> dict[tuple[str, str], str]:
    """``{(kind, name): SHOW CREATE text}`` for the database and every object in it,
    with the database name (and its use as a qualifier), DEFINERs and AUTO_INCREMENT
    counters taken out."""
    conn = server.connect(db)
    out: dict[tuple[str, str], str] = {}

    def norm(text: str) -> str:
        text = text.replace(f"`{db}`.", "").replace(f"`{db}`", "`DB`")
        return _AUTO_INC_RE.sub("", _DEFINER_RE.sub("", text))

    try:
        with conn.cursor() as cur:
            cur.execute(f"SHOW CREATE DATABASE `{db}`")
            out[("schema", "")] = norm(cur.fetchone()[1])
            cur.execute("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = %s",
                        (db,))
            for name, ttype in cur.fetchall():
                kind = {"VIEW": "view", "SEQUENCE": "sequence"}.get(ttype, "table")
                cur.execute(f"SHOW CREATE {kind.upper()} `{name}`")
                out[(kind, name)] = norm(cur.fetchone()[1])
            cur.execute("SELECT routine_type, routine_name FROM information_schema.routines "
                        "WHERE routine_schema = %s", (db,))
            for rtype, name in cur.fetchall():
                cur.execute(f"SHOW CREATE {rtype} `{name}`")
                row = cur.fetchone()
                out[("routine", f"{rtype.lower()} {name}")] = norm(f"{row[1]}\n{row[2]}")
            cur.execute("SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = %s", (db,))
            for (name,) in cur.fetchall():
                cur.execute(f"SHOW CREATE TRIGGER `{name}`")
                row = cur.fetchone()
                out[("trigger", name)] = norm(f"{row[1]}\n{row[2]}")
            cur.execute("SELECT event_name FROM information_schema.events WHERE event_schema = %s", (db,))
            for (name,) in cur.fetchall():
                cur.execute(f"SHOW CREATE EVENT `{name}`")
                row = cur.fetchone()
                out[("event", name)] = norm(f"{row[1]}\n{row[3]}")
    finally:
        conn.close()
    return out
