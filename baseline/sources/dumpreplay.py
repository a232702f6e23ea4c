"""Server-assisted dump reading: replay the DDL into a throwaway server, introspect it.

Only the DDL and the session state that goes with it are sent (data never is), with
version comments already evaluated for the dump's *source* server, so a MariaDB
scratch server does not silently drop a MySQL 5.7 dump's ``/*!50705 ... */``
spatial column. The replay is what the stock client would send, inside a
database of another name:

* the dump's session ``SET``\\ s, all of them in dump order (mysqldump's prologue
  sets ``FOREIGN_KEY_CHECKS=0``, ``UNIQUE_CHECKS=0``, ``sql_mode`` and ``time_zone``
  before its first ``USE``, and restores them from ``@OLD_...`` variables at the
  end), ``SET NAMES`` and the ``character_set_client``/``collation_connection``
  wrappers around routines, triggers and views included;
* each statement as the bytes the client would send: its text encoded in the
  ``character_set_client`` in force there (:attr:`DatabaseStatement.encoding`);
* the dump's own database name, where it qualifies an object (``nextval(`db`.`s`)``,
  a view's ``select `db`.`t`.`c```, ``CREATE TABLE `db`.`t```), points at the
  scratch database instead (token-aware: string literals and other identifiers
  spelled the same are left alone, see :func:`baseline.sql.scan.replace_qualifier`).
  Without it the server binds those names to a database that does not exist there.

Where the scratch server refuses a statement, the error names the dump's file and
line, quotes the statement, gives the server's reason and suggests a scratch server
of the dump's own flavor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pymysql

from ..errors import InputError
from ..model import Schema
from ..engine.spellings import charset_of_collation
from ..connect.execute import ExecutionError, execute_statements
from ..sql.literals import quote_ident
from ..sql.scan import COMMENT, PUNCT, QIDENT, WORD, WS, replace_qualifier, tokens
from ..sql.split import Statement
from ..util.progress import Progress
from .dump import CHARSET, DATABASE_OPTIONS, DDL, DatabaseSection, DumpContents, object_kind, object_name
from .showcreate import scan_create_table

_ALTER_DB_NAME = re.compile(r"(ALTER\s+(?:DATABASE|SCHEMA))(\s+(?:`(?:[^`]|``)+`|(?!CHARACTER\b|CHARSET\b|"
                            r"DEFAULT\b|COLLATE\b)[A-Za-z0-9_$]+))?", re.I)


@dataclass(frozen=True)
class ReplayStatement(Statement):
    """A statement to send, with the codec giving its bytes (None: UTF-8)."""

    encoding: str | None = None

    def payload(self) -> bytes:
        codec = self.encoding or "utf-8"
        try:
            return self.text.encode(codec)
        except UnicodeEncodeError as e:
            raise InputError(f"character {self.text[e.start]!r} cannot be sent in the character set "
                             f"the dump declares here ({codec})", line=self.line,
                             excerpt=self.text[:120]) from None


def section_names(section: DatabaseSection) -> set[str]:
    """Case-folded names of the objects the section creates (which ``db.x`` are db.object)."""
    names = set()
    for item in section.replay_items:
        if item.kind == DDL:
            name = object_name(item.statement.text)
            if name:
                names.add(name.casefold())
    return names


#: Objects whose body the server stores as text, without binding its names.
_CODE_OBJECTS = ("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT")


def _requalify_head(text: str, own: str, database: str) -> str:
    """In a trigger, routine or event statement, point only the qualifiers of its
    own name and (triggers) of its ``ON`` table at ``database``: its body is stored
    as written, so a qualifier there stays as the dump has it (as on the source)."""
    toks = list(tokens(text))
    sig = [k for k, t in enumerate(toks) if t.kind not in (WS, COMMENT)]
    kind_at = next((n for n, k in enumerate(sig) if toks[k].kind == WORD
                    and toks[k].text.upper() in _CODE_OBJECTS), None)
    if kind_at is None:
        return text
    targets = []

    def name_at(n: int) -> int:
        """Record the qualifier of the name starting at significant token ``n``;
        returns the index after the name."""
        if n + 2 < len(sig) and toks[sig[n + 1]].kind == PUNCT and toks[sig[n + 1]].text == "." \
                and toks[sig[n]].kind in (QIDENT, WORD) and toks[sig[n]].value == own:
            targets.append(sig[n])
            return n + 3
        return n + 1

    n = kind_at + 1
    words = [toks[k].text.upper() if toks[k].kind == WORD else None for k in sig]
    if words[n:n + 3] == ["IF", "NOT", "EXISTS"] or words[n:n + 2] == ["IF", "EXISTS"]:
        n += 3 if words[n + 1] == "NOT" else 2
    n = name_at(n)
    if toks[sig[kind_at]].text.upper() == "TRIGGER":
        on = next((m for m in range(n, min(n + 8, len(sig))) if words[m] == "ON"), None)
        if on is not None:
            name_at(on + 1)
    if not targets:
        return text
    quoted = quote_ident(database)
    return "".join(quoted if k in targets else t.text for k, t in enumerate(toks))


def replay_statements(section: DatabaseSection, database: str) -> list[ReplayStatement]:
    """What is sent to the scratch database ``database`` for ``section``."""
    own = section.name
    names = section_names(section) if own else set()
    quoted = quote_ident(database)
    out = []
    for item in section.replay_items:
        st = item.statement
        text = st.text
        if item.kind == DATABASE_OPTIONS:
            text = _ALTER_DB_NAME.sub(lambda m: f"{m.group(1)} {quoted}", text, count=1)
        elif item.kind != CHARSET and own and own != database and own in text:
            if item.kind == DDL and object_kind(text) in _CODE_OBJECTS:
                text = _requalify_head(text, own, database)
            else:
                text = replace_qualifier(text, own, database, names)
        out.append(ReplayStatement(text, st.line, st.delimiter, item.encoding))
    return out


#: Server errors meaning the statement names an object nothing created before it.
_MISSING_OBJECT = {1146, 1054, 1356, 1305}


def _suggestion(contents: DumpContents, server_flavor, code: int | None = None) -> str:
    """What to do when the scratch server refuses the dump: a server like the one
    that wrote it, or the offline reading."""
    source = contents.flavor
    offline = "or read it offline (no --scratch)"
    missing = ("the statement names an object the dump does not create before it (a partial dump?); "
               if code in _MISSING_OBJECT else "")
    if contents.header.flavor_source == "default":
        return (f"{missing}the file does not say which server wrote it (no dump header); if it comes from "
                f"MySQL, replay it on MySQL (--scratch docker --image mysql:8.0), {offline}")
    if server_flavor is not None and server_flavor.runs_sql_of(source):
        return f"{missing}the dump was written by {source}; check the statement, {offline}"
    return (f"{missing}the dump was written by {source}: replay it on a server of that flavor "
            f"(--scratch docker --image {source.docker_image}), {offline}")


def _reason(e: ExecutionError) -> str:
    """The server's message (its ``at line N`` is already the file's line in
    ``e.line``: :func:`baseline.connect.execute.server_line`)."""
    return e.reason


def replay_into(server, database: str, contents: DumpContents, section: DatabaseSection, *,
                progress: bool = False) -> int:
    """Execute the section's statements in ``database`` on ``server``; returns how many ran."""
    statements = replay_statements(section, database)
    conn = server.connect(database)
    bar = Progress("replaying the DDL", total=len(statements), enabled=None if progress else False)
    try:
        try:
            with bar:
                return execute_statements(conn, statements, file=contents.file,
                                          encode=lambda st: st.payload(), on_statement=lambda st: bar.advance())
        except ExecutionError as e:
            reason = _reason(e)
            if section.name:  # name the dump's database, not the scratch one
                reason = reason.replace(database, section.name)
            raise InputError(
                f"the scratch server ({server.flavor or 'unknown'}) cannot replay this statement: "
                f"{reason}", file=contents.file, line=e.line, excerpt=e.statement,
                hint=_suggestion(contents, server.flavor, e.server_code)) from None
        except InputError as e:
            if e.file is not None:
                raise
            raise InputError(e.reason, file=contents.file, line=e.line, excerpt=e.excerpt) from None
    finally:
        conn.close()


def _unknown_to(server, charset: str | None, collation: str | None) -> str | None:
    """``character set X`` / ``collation Y`` when the scratch server does not know
    it (asked by using it, so aliases such as ``utf8`` count)."""
    probes = []
    if charset:
        probes.append((f"SELECT CONVERT('' USING {charset})", f"character set {charset}"))
    if collation:
        cs = charset or charset_of_collation(collation)
        probes.append((f"SELECT CONVERT('' USING {cs}) COLLATE {collation}", f"collation {collation}"))
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            for sql, what in probes:
                if not re.fullmatch(r"SELECT CONVERT\('' USING \w+\)(?: COLLATE \w+)?", sql):
                    return what  # not a plain name: no server has it
                try:
                    cur.execute(sql)
                    cur.fetchall()
                except pymysql.err.MySQLError:
                    return what
    finally:
        conn.close()
    return None


def _database_defaults(server, section: DatabaseSection, contents: DumpContents) -> tuple[str | None, str | None]:
    """The scratch database's character set and collation: the dump's defaults.

    A collation the dump does not write is left to the scratch server, as the
    stock client would (the source flavor's default may not exist there). A
    dump without CREATE DATABASE names no default at all: what it was guessed
    from (its tables) is used where the scratch server has it; where it does
    not, the first table that names it will say so, statement and line."""
    charset = section.charset
    collation = section.collation if section.collation_stated else None
    unknown = _unknown_to(server, charset, collation)
    if unknown and section.created_line is None:
        charset, collation = (charset, None) if not _unknown_to(server, charset, None) else (None, None)
        unknown = None
    if unknown:
        raise InputError(
            f"the scratch server ({server.flavor or 'unknown'}) has no {unknown}, the default of database "
            f"{section.name}", file=contents.file, line=section.created_line, excerpt=section.created_text,
            hint=_suggestion(contents, server.flavor))
    return charset, collation


def replay_dump(contents: DumpContents, section: DatabaseSection, options) -> Schema:
    """Replay ``section`` into a scratch server chosen by ``options`` and introspect it."""
    from ..scratch import open_scratch

    with open_scratch(options.scratch, image=getattr(options, "image", None),
                      flavor=contents.flavor) as server:
        charset, collation = _database_defaults(server, section, contents)
        return replay_and_read(server, contents, section, charset=charset, collation=collation,
                               progress=getattr(options, "progress", True))


def replay_and_read(server, contents: DumpContents, section: DatabaseSection, *, charset: str | None,
                    collation: str | None, progress: bool = True) -> Schema:
    """``section`` replayed into a fresh database on ``server`` (given these
    defaults), read back, and named and flavored as the dump's own schema. The
    database goes when the block ends (with the server, when it is a throwaway
    one). Raises :class:`InputError` when the server refuses a statement."""
    from .live import read_live

    with server.database(charset, collation, drop=False) as database:
        replay_into(server, database, contents, section, progress=progress)
        schema = read_live(server.url.with_database(database), label="the replayed dump", progress=progress)
    schema.name = section.name
    schema.flavor = reported_flavor(contents, schema.flavor)
    if contents.header.tool is not None:
        _as_described(schema, section)
    return schema


def _as_described(schema: Schema, section: DatabaseSection) -> None:
    """What a dump's CREATE TABLE says that its replay loses. A dump tool writes
    SHOW CREATE text, which describes a table: replayed, it is a command.

    * Key order: the server sorts the keys of a CREATE TABLE; MariaDB keeps an
      order no CREATE gives after some ALTERs, which the dump lists as it is.
    * Which columns name their collation: ``COLLATE x`` alone is a collation
      the column inherited; replayed, the server takes it as named (MySQL 8 then
      prints ``CHARACTER SET`` too)."""
    explicit = schema.flavor.rules.column_collation_explicit_recorded
    for item in section.items:
        text = item.statement.text
        if item.kind != DDL or object_kind(text) != "TABLE" or not text.lstrip().upper().startswith("CREATE"):
            continue
        table = schema.tables.get(object_name(text) or "")
        lines = scan_create_table(text) if table is not None else None
        if lines is None:
            continue
        order = {n.casefold(): k for k, n in enumerate(lines.keys)}
        if len(order) == len(table.indexes) and all(i.key in order for i in table.indexes):
            table.indexes.sort(key=lambda i: order[i.key])
        if explicit:
            for col in table.columns:
                charset, collation = lines.column_charsets.get(col.name, (None, None))
                col.collation_explicit = charset is not None and collation is not None


def reported_flavor(contents: DumpContents, scratch_flavor):
    """The flavor a replayed schema is reported as: the dump's own server when its
    header names one whose canonical forms (:class:`~baseline.flavor.Rules`) are
    the scratch server's (the model is then exactly what that server would show,
    and the offline reading says the same); else the scratch server's, whose
    forms the model holds."""
    source = contents.flavor
    if (scratch_flavor is not None and contents.header.flavor_source != "default"
            and source.rules == scratch_flavor.rules):
        return source
    return scratch_flavor
