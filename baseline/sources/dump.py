"""Reading a dump (mysqldump, mariadb-dump, or a plain SQL script) into the model.

The file is read once, as a stream (:mod:`baseline.sql.stream`): data statements
are skipped unread, every other statement is decoded in the character set the dump
declares, its version comments are evaluated against the *source* server (the one
named in the header, :mod:`.dumpfile`), and it is sorted by database (``USE``)
and kind. What is kept for a database is its DDL plus the session ``SET``\\ s that
give routines, triggers and events their recorded state (``sql_mode``,
``character_set_client``, ``time_zone``...), in dump order. Session state is the
connection's, not a database's: a ``SET`` reaches the statements after it whatever
``USE`` came between, so every database gets all of the dump's session ``SET``\\ s
(mysqldump's prologue, ``FOREIGN_KEY_CHECKS=0`` among them, comes before any ``USE``).

The character set a statement is read in is the ``character_set_client`` in force
when the stock client would send it (the server reads the bytes that way):
``SET NAMES``, ``SET character_set_client = x`` and mysqldump's
``@saved_cs_client`` save/restore pairs are followed.

Two ways to the model:

* offline (default): the statements go to
  :func:`baseline.engine.builder.schema_from_statements`;
* server-assisted (``SourceOptions.scratch``): they are replayed into a fresh
  database on a throwaway server, which is then introspected with
  :func:`baseline.sources.live.read_live`.

Database default character set of a dump without ``CREATE DATABASE`` (a
single-database dump made without ``--databases``): the rule, in order, is
1. its ``CREATE DATABASE``; 2. the character set and collation most of its tables
declare (ties: the first table's); 3. the dump's ``SET NAMES``; 4. ``utf8mb4``;
a missing collation is the source flavor's default for the character set.
``DatabaseSection.charset_source`` says which rule applied, for report headers.
"""
from __future__ import annotations

import heapq
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

from ..errors import InputError, UsageError
from ..flavor import Flavor
from ..model import Schema
from ..engine.spellings import charset_of_collation
from ..sql.charsets import normalize, python_codec
from ..sql.literals import ident_class, unquote_ident
from ..sql.split import Statement
from ..sql.stream import RawStatement, SplitStats, StatementStream
from ..sql.versioned import (
    evaluate_version_comments,
    has_version_comments,
    strip_leading,
)
from ..util.progress import Progress
from .dumpfile import DamagedStream, DumpHeader, OpenedDump, open_dump

#: Databases the server owns; never chosen automatically from a multi-database dump.
SYSTEM_DATABASES = frozenset({"mysql", "sys", "information_schema", "performance_schema"})

# ---------------------------------------------------------------------------- kinds

#: Statement kinds kept for a database (``DatabaseStatement.kind``).
DDL = "ddl"
SESSION = "session"        # SET of session state: passed to both consumers
CHARSET = "charset"        # SET NAMES / CHARACTER SET / character_set_client: transport
SEQUENCE_STATE = "sequence-state"  # DO/SELECT SETVAL(...)
DATABASE_OPTIONS = "database-options"  # ALTER DATABASE

_LEAD = re.compile(r"\s*([A-Za-z_]+)(?:\s+([A-Za-z_]+))?", re.DOTALL)
_OBJECT_WORDS = ("TABLE", "VIEW", "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT", "SEQUENCE", "INDEX",
                 "DATABASE", "SCHEMA", "USER", "ROLE", "SERVER", "TABLESPACE", "LOGFILE", "PACKAGE",
                 "SPATIAL", "RESOURCE", "INSTANCE", "UNDO")
_HEAD_TOKEN = re.compile(r"`(?:[^`]|``)*`|'(?:[^'\\]|\\.|'')*'|\"(?:[^\"\\]|\\.)*\"|[A-Za-z_][A-Za-z0-9_]*|\S", re.DOTALL)
_NOT_SCHEMA_OBJECTS = {"USER", "ROLE", "SERVER", "TABLESPACE", "LOGFILE", "RESOURCE", "SPATIAL", "PACKAGE",
                       "INSTANCE", "UNDO"}
_DISABLE_KEYS = re.compile(r"ALTER\s+TABLE\s+\S+\s+(?:DISABLE|ENABLE)\s+KEYS\s*$", re.IGNORECASE)
_SETVAL = re.compile(r"(?:DO|SELECT)\s+SETVAL\s*\(", re.IGNORECASE)
_GLOBAL_SET = re.compile(r"(?:@@GLOBAL\.|@@PERSIST|\bGLOBAL\s|\bPERSIST(?:_ONLY)?\s|GTID_PURGED|GTID_NEXT|"
                         r"SQL_LOG_BIN)", re.IGNORECASE)
_SET_NAMES = re.compile(r"SET\s+(?:NAMES|CHARACTER\s+SET|CHARSET)\s+'?([A-Za-z0-9_]+)'?", re.IGNORECASE)
_SET_CLIENT = re.compile(r"SET\s+(?:@@(?:SESSION\.)?)?character_set_client\s*=\s*'?([A-Za-z0-9_@]+)'?\s*$", re.IGNORECASE)
#: ``SET @saved_cs_client = @@character_set_client`` (mysqldump's save before a change)
_SAVE_CLIENT = re.compile(r"(@[A-Za-z0-9_$.]+)\s*(?::=|=)\s*@@(?:SESSION\.)?character_set_client\b", re.IGNORECASE)
_IDENT = r"(?:`((?:[^`]|``)+)`|(" + ident_class("A-Za-z0-9_$") + r"+))"
_BARE_WORD = re.compile(ident_class("A-Za-z0-9_$") + "+")
_QUALIFIED = _IDENT + r"(?:\s*\.\s*" + _IDENT + r")?"
_CREATE_DB = re.compile(r"CREATE\s+(?:DATABASE|SCHEMA)\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _IDENT, re.IGNORECASE)
_USE = re.compile(r"USE\s+" + _IDENT + r"\s*;?\s*$", re.IGNORECASE)
_ALTER_DB = re.compile(r"ALTER\s+(?:DATABASE|SCHEMA)(?:\s+" + _IDENT + r")?", re.IGNORECASE)
_CHARSET_OPT = re.compile(r"(?:CHARACTER\s+SET|CHARSET)\s*=?\s*'?([A-Za-z0-9_]+)", re.IGNORECASE)
_COLLATE_OPT = re.compile(r"COLLATE\s*=?\s*'?([A-Za-z0-9_]+)", re.IGNORECASE)
_CREATE_TABLE = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _QUALIFIED, re.IGNORECASE)
_CREATE_VIEW = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?((?:(?:ALGORITHM\s*=\s*\w+|DEFINER\s*=\s*(?:`(?:[^`]|``)*`|'[^']*'|\S+?)(?:@(?:`(?:[^`]|``)*`|'[^']*'|\S+))?|SQL\s+SECURITY\s+\w+)\s+)*)"
                          r"VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _QUALIFIED + r"(.*)$", re.IGNORECASE | re.DOTALL)
#: The body of mysqldump's placeholder view: ``SELECT 1 AS `a`, 1 AS `b``` (or NULL).
_STAND_IN_BODY = re.compile(r"\s*(?:\(\s*`(?:[^`]|``)*`(?:\s*,\s*`(?:[^`]|``)*`)*\s*\)\s*)?AS\s+SELECT\s+"
                            r"(?:1|NULL)\s+AS\s+`(?:[^`]|``)*`(?:\s*,\s*(?:1|NULL)\s+AS\s+`(?:[^`]|``)*`)*\s*$",
                            re.IGNORECASE | re.DOTALL)
_TABLE_OPTS = re.compile(r"\)\s*((?:[^()'`]|'[^']*')*)$", re.DOTALL)
_STATEMENT_WORDS = {
    "CREATE", "ALTER", "DROP", "RENAME", "SET", "USE", "INSERT", "REPLACE", "LOCK", "UNLOCK", "DELIMITER",
    "SELECT", "DO", "START", "BEGIN", "COMMIT", "ROLLBACK", "GRANT", "REVOKE", "FLUSH", "TRUNCATE", "UPDATE",
    "DELETE", "CALL", "LOAD", "ANALYZE", "OPTIMIZE", "WITH", "SAVEPOINT", "RELEASE", "PREPARE", "EXECUTE",
    "DEALLOCATE", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "HANDLER", "INSTALL", "UNINSTALL", "CHECKSUM",
    "REPAIR", "CHECK", "RESET", "PURGE", "CHANGE", "XA", "KILL", "CACHE", "VALUES", "TABLE", "SOURCE",
    "BACKUP", "SIGNAL", "RESIGNAL", "DECLARE", "IF", "WHILE", "LEAVE", "ITERATE", "REPEAT", "LOOP",
    "CASE", "RETURN", "OPEN", "CLOSE", "FETCH", "CHECKPOINT", "SHUTDOWN", "STOP", "HELP", "BINLOG",
}


def _ident(m: re.Match, first: int = 1) -> str:
    q, plain = m.group(first), m.group(first + 1)
    return q.replace("``", "`") if q is not None else plain


def _qualified(m: re.Match, first: int = 1) -> str:
    """The object name of ``[db.]name`` (the last part)."""
    if m.group(first + 2) is not None or m.group(first + 3) is not None:
        return _ident(m, first + 2)
    return _ident(m, first)


def object_kind(text: str) -> str | None:
    """``TABLE``, ``VIEW``... for a CREATE/ALTER/DROP statement (definer values skipped)."""
    for i, m in enumerate(_HEAD_TOKEN.finditer(text)):
        if i > 40:
            return None
        w = m.group(0).upper()
        if w in _OBJECT_WORDS:
            return w
    return None


_NAMED_KINDS = ("TABLE", "VIEW", "SEQUENCE", "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT")


def object_name(text: str) -> str | None:
    """The name (without qualifier) a ``CREATE TABLE/VIEW/SEQUENCE/TRIGGER/PROCEDURE/
    FUNCTION/EVENT`` statement creates; None for anything else."""
    toks = []
    for i, m in enumerate(_HEAD_TOKEN.finditer(text)):
        if i > 60:
            break
        toks.append(m.group(0))
    if not toks or toks[0].upper() != "CREATE":
        return None
    k = next((i for i, t in enumerate(toks) if t.upper() in _OBJECT_WORDS), None)
    if k is None or toks[k].upper() not in _NAMED_KINDS:
        return None
    k += 1
    if [t.upper() for t in toks[k:k + 3]] == ["IF", "NOT", "EXISTS"]:
        k += 3
    parts = []
    while k < len(toks):
        t = toks[k]
        if t.startswith("`"):
            parts.append(unquote_ident(t))
        elif _BARE_WORD.fullmatch(t):
            parts.append(t)
        else:
            break
        if k + 1 < len(toks) and toks[k + 1] == ".":
            k += 2
            continue
        break
    return parts[-1] if parts else None


# ---------------------------------------------------------------------------- results


@dataclass
class DatabaseStatement:
    statement: Statement
    kind: str
    #: Position in the dump (statements of all databases share one count).
    seq: int = 0
    #: The Python codec giving back the bytes the server would receive for this
    #: statement under the dump's ``character_set_client`` at that point (what
    #: the stock client sends); ``None``: UTF-8.
    encoding: str | None = None


@dataclass
class DatabaseSection:
    """One database of the dump (``name`` None: statements outside any ``USE``)."""

    name: str | None
    charset: str | None = None
    collation: str | None = None
    #: Which rule gave ``charset``/``collation`` (see the module docstring).
    charset_source: str | None = None
    #: Line and text of its CREATE DATABASE, if any.
    created_line: int | None = None
    created_text: str | None = None
    items: list[DatabaseStatement] = field(default_factory=list)
    #: Whether ``collation`` is written in the dump (else it is the source
    #: flavor's default for ``charset``, which another server may not have).
    collation_stated: bool = False
    #: mysqldump's placeholders for views that a real view replaces later: not
    #: part of the schema, but a replay needs them (a view created before the
    #: views it selects from names their placeholders).
    stand_ins: list[DatabaseStatement] = field(default_factory=list)

    @property
    def replay_items(self) -> list[DatabaseStatement]:
        """``items`` with the stand-ins a replay needs, in dump order."""
        if not self.stand_ins:
            return self.items
        return list(heapq.merge(self.items, self.stand_ins, key=lambda i: i.seq))

    @property
    def statements(self) -> list[Statement]:
        """DDL and session state, in dump order (what the offline parser reads)."""
        return [i.statement for i in self.items]

    def count(self, kind: str) -> int:
        return sum(1 for i in self.items if i.kind == kind)

    @property
    def has_objects(self) -> bool:
        return any(i.kind == DDL for i in self.items)


@dataclass
class DumpContents:
    """Everything read from a dump, before it becomes a model."""

    file: str
    header: DumpHeader
    databases: dict[str | None, DatabaseSection]
    warnings: list[str]
    stats: SplitStats
    #: Statements seen but not kept, by first word (data, GRANT, ...), for notes.
    ignored: Counter
    complete: bool | None = None
    #: What makes the dump incomplete or partly unreadable, read anyway
    #: (``accept_damaged``): ``file:line: problem``. Without ``accept_damaged``
    #: the first of them is an :class:`InputError` instead.
    problems: list[str] = field(default_factory=list)

    @property
    def flavor(self) -> Flavor:
        return self.header.flavor

    def names(self) -> list[str]:
        """Databases holding schema objects, in dump order."""
        return [n for n, s in self.databases.items() if n is not None and s.has_objects]

    def select(self, name: str | None = None) -> DatabaseSection:
        """The database to read: ``name``, or the only one; else a UsageError listing them."""
        named = [n for n, s in self.databases.items() if n is not None]
        unnamed = self.databases.get(None)
        if name is not None:
            for n in named:
                if n == name:
                    return self.databases[n]
            folded = [n for n in named if n.casefold() == name.casefold()]
            if len(folded) == 1:
                return self.databases[folded[0]]
            if not named and unnamed is not None:
                if self.header.database and self.header.database != name:
                    raise UsageError(f"{self.file} holds only database {self.header.database!r}, not {name!r}")
                unnamed.name = name
                return unnamed
            raise UsageError(f"database {name!r} is not in {self.file}",
                             hint="databases in this dump: " + (", ".join(named) or "(none named)"))
        candidates = [n for n in named if self.databases[n].has_objects and n.lower() not in SYSTEM_DATABASES]
        if unnamed is not None and unnamed.has_objects:
            candidates.insert(0, None)
        if len(candidates) > 1:
            listed = ", ".join(n for n in candidates if n is not None)
            raise UsageError(f"{self.file} holds several databases: {listed}",
                             hint="choose one with --schema NAME")
        if candidates:
            section = self.databases[candidates[0]]
        elif named:
            section = self.databases[named[0]]
        else:
            section = unnamed or self.databases.setdefault(None, DatabaseSection(None))
        if section.name is None:
            section.name = self.header.database
        return section


# ---------------------------------------------------------------------------- reading


def read_dump_contents(spec: str, *, progress: bool = True, stdin=None,
                       window: int | None = None, accept_damaged: bool = False) -> DumpContents:
    """Read the dump at ``spec`` (a path, or ``-``) into per-database statement lists.

    A dump that ends inside a statement or before its tool's footer, a damaged
    compressed stream, a statement no server knows, or a dump without any schema
    statement is an :class:`InputError` naming the file and line; with
    ``accept_damaged`` (``generate --force``) what can be read is returned and
    ``DumpContents.problems`` says what is missing."""
    label = "reading stdin" if spec == "-" else f"reading {spec}"
    bar = Progress(label, unit="B", enabled=None if progress else False)
    opened = open_dump(spec, on_read=bar.advance, stdin=stdin)
    bar.total = opened.size
    try:
        with bar:
            return _read(opened, window=window, accept_damaged=accept_damaged)
    finally:
        opened.closer()


class _Reader:
    def __init__(self, opened: OpenedDump, accept_damaged: bool = False):
        self.o = opened
        self.accept_damaged = accept_damaged
        self.problems: list[str] = []
        self.file = opened.name
        self.header = opened.header
        #: codec reading the statements (UTF-8 when the input was transcoded)
        self.codec = "utf-8"
        #: the declared character_set_client (MySQL name), None before any
        self.charset: str | None = None
        #: user variables holding a saved character_set_client (``@saved_cs_client``)
        self.saved_charsets: dict[str, str | None] = {}
        self.declared = None
        #: session SETs, shared by every database (see the module docstring)
        self.session: list[DatabaseStatement] = []
        self.seq = 0
        #: whether the input read so far ends without the footer its tool writes
        self.truncated = lambda: False
        self.current: str | None = None
        self.databases: dict[str | None, DatabaseSection] = {}
        self.ignored: Counter = Counter()
        self.warnings: list[str] = []
        self.first = True
        #: whether the end of a cut-off input was already reported (once is enough)
        self.cut_reported = False
        #: the line of the last statement read (where a damaged stream is reported)
        self.last_line: int | None = None

    def section(self, name: str | None) -> DatabaseSection:
        s = self.databases.get(name)
        if s is None:
            s = self.databases[name] = DatabaseSection(name)
        return s

    def problem(self, line: int | None, message: str, excerpt: str | None = None) -> None:
        """The dump cannot be read whole: an error, or (``accept_damaged``) a note."""
        if not self.accept_damaged:
            raise InputError(message, file=self.file, line=line, excerpt=excerpt, hint=_DAMAGED_HINT)
        where = f"{self.file}:{line}" if line else self.file
        self.problems.append(f"{where}: {message}")

    def decode(self, st: RawStatement) -> str:
        try:
            return st.data.decode(self.codec)
        except UnicodeDecodeError as e:
            line = st.line + st.data.count(b"\n", 0, e.start)
            cs = self.charset or "utf8"
            raise InputError(f"statement is not valid {cs} (byte 0x{st.data[e.start]:02x})",
                             file=self.file, line=line,
                             excerpt=st.data[:160].decode(self.codec, "replace"),
                             hint="the dump declares no other character set; re-dump with "
                                  "--default-character-set, or convert the file") from None

    def feed(self, st: RawStatement) -> None:
        text = self.decode(st)
        line = st.line
        if has_version_comments(text):
            text, skipped = strip_leading(evaluate_version_comments(text, self.header.flavor).rstrip())
            line += skipped
        if not text:
            return
        m = _LEAD.match(text)
        w1 = (m.group(1) or "").upper() if m else ""
        w2 = (m.group(2) or "").upper() if m and m.group(2) else ""
        if self.first:
            self.first = False
            if w1 not in _STATEMENT_WORDS:
                raise InputError("does not look like a SQL dump: the first statement starts with "
                                 f"{text.split(None, 1)[0][:40]!r}", file=self.file, line=line,
                                 excerpt=text[:120])
        if not st.delimiter and self.truncated():
            # the last statement of a dump cut off before its footer: incomplete
            self.problem(line, "the dump ends inside this statement (it was cut off): it is left out",
                         excerpt=text[:120])
            self.cut_reported = True
            return
        if not st.delimiter:
            # a script ends without its last statement's delimiter: the mysql client
            # runs it as it is, but a dump never ends so; a file cut off inside its
            # last statement does
            self.problem(line, "the last statement has no delimiter (';') after it: the file looks cut off "
                               "inside it (if it is whole, end the statement with one)",
                         excerpt=text[:120])
            self.cut_reported = True
            return
        if not m:
            if not text.startswith("("):  # ``(SELECT ...)``
                self.problem(line, f"not a SQL statement: {text[:40]!r}", excerpt=text[:120])
            return
        if w1 not in _STATEMENT_WORDS:
            self.problem(line, f"unknown statement {m.group(1)!r}: no MySQL or MariaDB statement starts so "
                               "(the mysql client would stop here)", excerpt=text[:120])
            return
        if st.truncated:
            if w1 in ("CREATE", "ALTER"):
                raise InputError("statement too long (over 64 MiB) to be DDL", file=self.file,
                                 line=st.line, excerpt=text[:120])
            self.ignored[w1 or "?"] += 1
            return
        statement = Statement(text, line, st.delimiter.decode("utf-8", "replace"))
        if w1 == "USE":
            u = _USE.match(text)
            if u:
                self.current = _ident(u)
                self.section(self.current)
                return
        if w1 in ("CREATE", "DROP", "ALTER") and w2 in ("DATABASE", "SCHEMA"):
            if w1 == "CREATE":
                c = _CREATE_DB.match(text)
                if c:
                    s = self.section(_ident(c))
                    cs, coll = _charset_options(text)
                    s.charset, s.collation = cs, coll
                    s.collation_stated = coll is not None
                    s.charset_source = "CREATE DATABASE" if cs or coll else None
                    s.created_line, s.created_text = line, text
            elif w1 == "ALTER":
                a = _ALTER_DB.match(text)
                name = _ident(a) if a and (a.group(1) or a.group(2)) and not (a.group(2) or "").upper() in (
                    "CHARACTER", "DEFAULT", "CHARSET", "COLLATE") else self.current
                self.add(name, statement, DATABASE_OPTIONS)
            return
        if w1 == "SET":
            self.set_statement(text, statement)
            return
        if w1 in ("CREATE", "ALTER", "DROP", "RENAME"):
            if w1 == "ALTER" and _DISABLE_KEYS.match(text):
                self.ignored["ALTER TABLE ... KEYS"] += 1
                return
            kind = object_kind(text)
            if kind is None:
                self.problem(line, f"{w1} of an unknown kind of object (no TABLE, VIEW, TRIGGER, PROCEDURE, "
                                   "FUNCTION, EVENT, SEQUENCE or INDEX where one is expected)",
                             excerpt=text[:120])
                return
            if kind in _NOT_SCHEMA_OBJECTS:
                self.ignored[f"{w1} {kind}"] += 1
                return
            if w1 == "CREATE" and kind == "TABLE" and re.match(r"CREATE\s+TEMPORARY\b", text, re.IGNORECASE):
                self.ignored["CREATE TEMPORARY TABLE"] += 1
                return
            self.add(self.current, statement, DDL)
            return
        if _SETVAL.match(text):
            self.add(self.current, statement, SEQUENCE_STATE)
            return
        self.ignored[w1 or "?"] += 1

    def item(self, statement: Statement, kind: str) -> DatabaseStatement:
        """A statement with its position and the bytes' encoding (see DatabaseStatement)."""
        self.seq += 1
        if self.o.transcoded_from:
            encoding = python_codec(self.charset) if self.charset else None
        else:
            encoding = self.codec
        return DatabaseStatement(statement, kind, self.seq, None if encoding == "utf-8" else encoding)

    def add(self, database: str | None, statement: Statement, kind: str) -> None:
        self.section(database).items.append(self.item(statement, kind))

    def set_statement(self, text: str, statement: Statement) -> None:
        if _GLOBAL_SET.search(text):
            self.ignored["SET (server state)"] += 1
            return
        n = _SET_NAMES.match(text)
        c = None if n else _SET_CLIENT.match(text)
        # the item records the encoding of the SET itself, before it takes effect
        item = self.item(statement, CHARSET if n or c else SESSION)
        self.session.append(item)
        if n:
            self.set_charset(n.group(1), statement)
        elif c:
            value = c.group(1)
            if value.startswith("@"):
                saved = self.saved_charsets.get(value.lower(), self.charset)
                if saved is not None:
                    self.set_charset(saved, statement)
            else:
                self.set_charset(value, statement)
        else:
            for var in _SAVE_CLIENT.findall(text):
                self.saved_charsets[var.lower()] = self.charset

    def set_charset(self, name: str, statement: Statement) -> None:
        cs = normalize(name)
        if cs == "default":
            return
        if self.declared is None:
            self.declared = cs
        self.charset = cs
        if self.o.transcoded_from:
            return  # the stream is UTF-8 already
        codec = python_codec(cs)
        if codec is None:
            self.warnings.append(f"{self.file}:{statement.line}: no Python codec for character set "
                                 f"{cs}; reading it as latin1")
            codec = "latin-1"
        self.codec = codec

    # -------------------------------------------------------------- after reading

    def finish(self, tail: bytes, stats: SplitStats) -> DumpContents:
        complete = None
        d = self.o.decompressed
        # the last line holding anything (``stats.lines`` counts the empty one after a final newline)
        last = (stats.lines - (1 if tail.endswith(b"\n") else 0)) or None
        if d is not None and d.cut and not self.cut_reported:
            self.problem(last, f"the {d.kind} data ends early, after this line: the file is cut off "
                               "(statements after it are missing)")
            self.cut_reported = True
        if self.header.writes_footer:
            complete = b"-- Dump completed" in tail
            if not complete and not self.cut_reported:
                self.problem(last, f"the dump ends here without the '-- Dump completed' line {self.header.tool} "
                                   "writes last: it was cut off between two statements (those after it are "
                                   "missing)")
        if not any(s.has_objects or s.created_line for s in self.databases.values()):
            self.problem(last, "no schema statements (CREATE TABLE, VIEW, PROCEDURE, ... or CREATE DATABASE): "
                               "nothing to make a baseline of"
                         + (f"; {sum(self.ignored.values())} other statement(s) skipped" if self.ignored else ""))
        for section in self.databases.values():
            if self.session:
                section.items = list(heapq.merge(section.items, self.session, key=lambda i: i.seq))
            self.warnings.extend(_remove_stand_ins(section, self.file))
            if section.charset_source is None:
                _infer_charset(section, self.declared)
            _complete_charset(section, self.header.flavor)
        return DumpContents(file=self.file, header=self.header, databases=self.databases,
                            warnings=self.warnings, stats=stats, ignored=self.ignored,
                            complete=complete, problems=self.problems)


class _TailKeeper:
    """Passes a stream's bytes on and keeps its last ones (the footer check)."""

    def __init__(self, raw):
        self.raw = raw
        self.tail = b""

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        if data:
            self.tail = (self.tail + data[-4096:])[-4096:]
        return data

    def readinto(self, b) -> int:
        """Fill ``b`` in place: the splitter reads into one reused buffer (a new
        bytes object of megabytes per read cost more than splitting it)."""
        readinto = getattr(self.raw, "readinto", None)
        if readinto is None:
            data = self.raw.read(len(b))
            n = len(data)
            b[:n] = data
        else:
            n = readinto(b) or 0
        if n:
            self.tail = (self.tail + bytes(b[max(0, n - 4096):n]))[-4096:]
        return n


#: What the splitter says when the input ends inside a literal or a comment.
_UNTERMINATED = ("unterminated string", "unterminated quoted identifier", "unterminated /* comment")


def _read(opened: OpenedDump, window: int | None = None, accept_damaged: bool = False) -> DumpContents:
    """Read every statement. A dump cut off (its tool's footer missing, or its
    compressed stream ending early) whose last statement is incomplete, also
    inside a string or a comment, is a problem at that statement's line."""
    reader = _Reader(opened, accept_damaged)
    kw = {"window": window} if window else {}
    source = _TailKeeper(opened.stream)
    cut = opened.decompressed
    reader.truncated = lambda: ((opened.header.writes_footer and b"-- Dump completed" not in source.tail)
                                or (cut is not None and cut.cut))
    stream = StatementStream(source, file=opened.name, **kw)
    try:
        for st in stream:
            reader.last_line = st.line
            reader.feed(st)
    except DamagedStream as e:
        if _CHECKSUM_FAILED.search(e.detail):
            # found at the end: the damage may be anywhere in what was read
            reader.problem(reader.last_line, f"the {e.kind} data fails its checksum at the end of the file "
                                             f"({e.detail}): some of what was read is damaged")
        else:  # what was decompressed before is whole statements; what follows is lost
            reader.problem(reader.last_line, f"the {e.kind} data is damaged after the statement on this line "
                                             f"({e.detail}): the rest of the file cannot be read")
        reader.cut_reported = True
    except InputError as e:
        if not (e.reason.startswith(_UNTERMINATED) and reader.truncated()):
            raise
        what = e.reason.split(" starting")[0].replace("unterminated ", "")
        reader.problem(e.line, f"the dump ends inside the {what} opened here (it was cut off): its "
                               "statement is left out")
        reader.cut_reported = True
    return reader.finish(source.tail, stream.stats)


_CHECKSUM_FAILED = re.compile(r"incorrect (?:data|length) check|CRC|checksum|Corrupt input data", re.I)

_DAMAGED_HINT = ("make the dump again (or copy it whole); `baseline generate --force` writes a baseline "
                 "of what can be read, with this problem in its header")


def _charset_options(text: str) -> tuple[str | None, str | None]:
    cs = _CHARSET_OPT.search(text)
    coll = _COLLATE_OPT.search(text)
    return (normalize(cs.group(1)) if cs else None, normalize(coll.group(1)) if coll else None)


def _table_charset(text: str) -> tuple[str | None, str | None] | None:
    m = _TABLE_OPTS.search(text)
    if not m:
        return None
    opts = m.group(1)
    cs, coll = _charset_options(opts)
    if cs is None and coll is None:
        return None
    return cs, coll


def _infer_charset(section: DatabaseSection, declared: str | None) -> None:
    seen: Counter = Counter()
    first: dict = {}
    for i, item in enumerate(section.items):
        if item.kind == DDL and _CREATE_TABLE.match(item.statement.text):
            pair = _table_charset(item.statement.text)
            if pair:
                seen[pair] += 1
                first.setdefault(pair, i)
    if seen:
        best = max(seen, key=lambda p: (seen[p], -first[p]))
        section.charset, section.collation = best
        section.collation_stated = best[1] is not None
        section.charset_source = "most common table character set"
    elif declared:
        section.charset, section.collation = declared, None
        section.charset_source = "SET NAMES"
    else:
        section.charset, section.collation = "utf8mb4", None
        section.charset_source = "default"


def _complete_charset(section: DatabaseSection, flavor: Flavor) -> None:
    cs, coll = section.charset, section.collation
    if cs is None and coll is not None:
        cs = charset_of_collation(coll)
    if cs == "utf8" and flavor.rules.utf8_name == "utf8mb3":
        cs = "utf8mb3"
    if coll is None and cs is not None:
        coll = flavor.rules.default_collations.get(cs)
    section.charset, section.collation = cs, coll


def _view_name(text: str) -> tuple[str, bool] | None:
    """(name, is_placeholder) for a CREATE VIEW statement."""
    m = _CREATE_VIEW.match(text)
    if not m:
        return None
    name = _qualified(m, 2)
    plain = not m.group(1).strip()
    placeholder = plain and bool(_STAND_IN_BODY.match(m.group(6) or ""))
    return name, placeholder


def _remove_stand_ins(section: DatabaseSection, file: str) -> list[str]:
    """Drop mysqldump's placeholders for views (a table, or a ``SELECT 1 AS col`` view)
    that the real view replaces later; a placeholder never replaced is dropped too."""
    warnings = []
    views: dict[str, list[tuple[int, bool]]] = {}
    tables: dict[str, list[int]] = {}
    for i, item in enumerate(section.items):
        if item.kind != DDL:
            continue
        text = item.statement.text
        v = _view_name(text)
        if v:
            views.setdefault(v[0], []).append((i, v[1]))
            continue
        t = _CREATE_TABLE.match(text)
        if t:
            tables.setdefault(_qualified(t), []).append(i)
    drop: set[int] = set()
    replaced: set[int] = set()
    for name, creates in views.items():
        real = [i for i, placeholder in creates if not placeholder]
        if real:
            last_real = real[-1]
            replaced.update(i for i, placeholder in creates if placeholder and i < last_real)
            replaced.update(i for i in tables.get(name, []) if i < last_real)
        else:
            for i, _p in creates:
                drop.add(i)
                warnings.append(f"{file}:{section.items[i].statement.line}: view {name} has only "
                                "mysqldump's placeholder (the dump ends before its real definition); "
                                "it is left out")
    if replaced:
        section.stand_ins = [it for i, it in enumerate(section.items) if i in replaced]
    if drop or replaced:
        section.items = [it for i, it in enumerate(section.items) if i not in drop and i not in replaced]
    return warnings


# ---------------------------------------------------------------------------- to the model


def _warn_stderr(message: str) -> None:
    sys.stderr.write(f"baseline: warning: {message}\n")


def read_dump(spec: str, options) -> Schema:
    """A dump file (or ``-``) as a :class:`Schema` (offline, or replayed with ``options.scratch``)."""
    contents = read_dump_contents(spec, progress=getattr(options, "progress", True),
                                  accept_damaged=getattr(options, "accept_damaged", False))
    for w in contents.warnings + contents.problems:
        _warn_stderr(w)
    section = contents.select(getattr(options, "schema_name", None))
    if getattr(options, "scratch", None):
        from .dumpreplay import replay_dump

        schema = replay_dump(contents, section, options)
    else:
        from ..engine.builder import schema_from_statements

        statements = section.statements
        # thousands of CREATE TABLEs take seconds to parse: count them on a terminal
        built: list = []
        with Progress(f"reading the DDL of {contents.file}", total=len(statements),
                      enabled=None if getattr(options, "progress", True) else False) as bar:
            schema = schema_from_statements(_counted(statements, bar), flavor=contents.flavor, name=section.name,
                                            charset=section.charset, collation=section.collation,
                                            file=contents.file, server_text=contents.header.tool is not None,
                                            warnings=built)
        for w in built:  # what the offline reading had to approximate, file:line
            _warn_stderr(str(w))
    return describe_reading(schema, contents, section)


def describe_reading(schema: Schema, contents: DumpContents, section: DatabaseSection) -> Schema:
    """Mark on ``schema`` what the dump did not say: a database default inferred
    rather than stated, and the problems read past (``accept_damaged``)."""
    if section.charset_source != "CREATE DATABASE":
        schema.charset_inferred = _INFERRED.get(section.charset_source, section.charset_source or "a default")
    schema.problems = list(contents.problems)
    return schema


#: ``DatabaseSection.charset_source`` -> how a report says where the default came from.
_INFERRED = {"most common table character set": "taken from the most common table character set",
             "SET NAMES": "taken from the dump's SET NAMES",
             "default": "assumed"}


def _counted(items, bar: Progress):
    for item in items:
        yield item
        bar.advance()
