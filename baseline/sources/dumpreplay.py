"""Server-assisted dump reading: replay the DDL into a throwaway server, introspect it.

Only the DDL and the session state that goes with it are sent (data never is), with
version comments already evaluated for the dump's *source* server, so a MariaDB
scratch server does not silently drop a MySQL 5.7 dump's ``/*!50705 ... */``
spatial column. Statements are sent as UTF-8 text whatever the dump's own
character set (they were decoded with it), so the dump's ``SET NAMES`` and
``character_set_client`` lines are not sent. Where the scratch server refuses a
statement, the error names the dump's file and line, quotes the statement, gives
the server's reason and suggests a scratch server of the dump's own flavor.
"""
from __future__ import annotations

import re

import pymysql

from ..errors import InputError
from ..model import Schema
from ..sql.execute import ExecutionError, execute_statements
from ..sql.split import Statement
from .dump import CHARSET, DATABASE_OPTIONS, SESSION, DatabaseSection, DumpContents

_ALTER_DB_NAME = re.compile(r"(ALTER\s+(?:DATABASE|SCHEMA))(\s+(?:`(?:[^`]|``)+`|(?!CHARACTER\b|CHARSET\b|"
                            r"DEFAULT\b|COLLATE\b)[A-Za-z0-9_$]+))?", re.I)


def replay_statements(section: DatabaseSection, database: str) -> list[Statement]:
    """What is sent to the scratch database ``database`` for ``section``."""
    out = []
    for item in section.items:
        st = item.statement
        if item.kind == CHARSET:
            continue  # transport: we send UTF-8 text on a utf8mb4 connection
        if item.kind == DATABASE_OPTIONS:
            quoted = "`" + database.replace("`", "``") + "`"
            text = _ALTER_DB_NAME.sub(lambda m: f"{m.group(1)} {quoted}", st.text, count=1)
            st = Statement(text, st.line, st.delimiter)
        out.append(st)
    return out


def _suggestion(contents: DumpContents, server_flavor) -> str:
    image = contents.flavor.docker_image
    if server_flavor is not None and server_flavor.family == contents.flavor.family:
        return f"the dump was written by {contents.flavor}; check the statement, or read it offline (no --scratch)"
    return (f"the dump was written by {contents.flavor}: replay it on a server of that flavor "
            f"(--scratch docker --image {image}), or read it offline (no --scratch)")


def session_preamble(contents: DumpContents, section: DatabaseSection) -> list[Statement]:
    """The session state a dump sets before its first ``USE`` (``FOREIGN_KEY_CHECKS=0``,
    ``SQL_MODE``, ``TIME_ZONE``): it holds for every database after it, as it does
    for the client loading the dump. A ``--databases`` dump puts it there, so
    without it a table whose foreign key points at a later table cannot be made."""
    unnamed = contents.databases.get(None)
    if section.name is None or unnamed is None or unnamed is section:
        return []
    return [item.statement for item in unnamed.items if item.kind == SESSION]


def replay_into(server, database: str, contents: DumpContents, section: DatabaseSection) -> int:
    """Execute the section's statements in ``database`` on ``server``; returns how many ran."""
    statements = session_preamble(contents, section) + replay_statements(section, database)
    conn = server.connect(database)
    try:
        try:
            return execute_statements(conn, statements, file=contents.file)
        except ExecutionError as e:
            raise InputError(
                f"the scratch server ({server.flavor or 'unknown'}) cannot replay this statement: "
                f"{e.reason}", file=contents.file, line=e.line, excerpt=e.statement,
                hint=_suggestion(contents, server.flavor)) from None
    finally:
        conn.close()


def _create_database(server, section: DatabaseSection, contents: DumpContents) -> str:
    try:
        return server.create_database(section.charset, section.collation)
    except pymysql.err.MySQLError as e:
        msg = e.args[1] if len(e.args) > 1 else str(e)
        raise InputError(
            f"the scratch server ({server.flavor or 'unknown'}) cannot create a database with "
            f"character set {section.charset}, collation {section.collation}: {msg}",
            file=contents.file, line=section.created_line,
            hint=_suggestion(contents, server.flavor)) from None


def replay_dump(contents: DumpContents, section: DatabaseSection, options) -> Schema:
    """Replay ``section`` into a scratch server chosen by ``options`` and introspect it."""
    from ..scratch import open_scratch
    from .live import read_live

    with open_scratch(options.scratch, image=getattr(options, "image", None),
                      flavor=contents.flavor) as server:
        database = _create_database(server, section, contents)
        try:
            replay_into(server, database, contents, section)
            schema = read_live(server.url.with_database(database),
                               progress=getattr(options, "progress", True))
        finally:
            try:
                server.drop_database(database)
            except Exception:
                pass
    schema.name = section.name
    return schema
