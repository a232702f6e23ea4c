"""The statement grammar: DDL text -> :mod:`.nodes`.

Recursive descent over :class:`~.cursor.Cursor` tokens, one function per
grammar rule, covering what ``SHOW CREATE`` prints on MySQL 5.6-8.x and MariaDB
10.x-11.x plus the hand-written forms found in migrations (lower case,
synonyms, inline keys and references, ``IF [NOT] EXISTS``, options without
``=``...). The grammar is deliberately a little more permissive than either
server (it accepts MySQL-only and MariaDB-only syntax under every flavor): the
job is to read what a real server accepted, not to reject what the other
flavor would.

What is not understood raises :class:`~baseline.errors.InputError` naming the
file, line and an excerpt. Statements that change no schema object
(transactions, GRANT, LOCK TABLES, FLUSH, ...) become :class:`~.nodes.Other`
and data statements :class:`~.nodes.DataStatement`, without being parsed; an
unknown first word is an error, so garbage never passes silently.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ...errors import InputError
from ...flavor import Flavor
from ...model import Partition, Partitioning
from ..literals import quote_ident, quote_string
from . import nodes as N
from .cursor import EOF, HEX, NUM, OP, QID, STR, VAR, WORD, Cursor
from .expr import Binary, ExprParser, Lit, Unary
from .lexer import excerpt, tokenize

# --------------------------------------------------------------------------- entry


def parse_statement(text: str, *, flavor: Flavor, file: str | None = None, line: int | None = None,
                    sql_mode: frozenset | set | None = None) -> N.Node:
    """Parse one statement (without its delimiter) into a node.

    ``sql_mode`` (upper-case flag names) matters for ``ANSI_QUOTES``,
    ``NO_BACKSLASH_ESCAPES``, ``PIPES_AS_CONCAT`` and ``HIGH_NOT_PRECEDENCE``.
    Raises InputError for text that is not a statement we understand.
    """
    mode = frozenset(sql_mode or ())
    fast = _fast_path(text)
    if fast is not None:
        fast.text, fast.file, fast.line = text, file, line
        return fast
    lexed = tokenize(text, flavor, ansi_quotes="ANSI_QUOTES" in mode,
                     no_backslash_escapes="NO_BACKSLASH_ESCAPES" in mode, file=file, line=line)
    cur = Cursor(lexed, flavor, file=file, line=line, sql_mode=mode)
    p = StatementParser(cur)
    try:
        node = p.statement()
    except RecursionError:
        raise InputError("statement nested too deeply", file=file, line=line,
                         excerpt=excerpt(text, 0)) from None
    finally:
        # the parser and its expression parser refer to each other (a bound method):
        # left so, the pair and every token of the statement wait for the cycle
        # collector; broken, they go as soon as the statement is parsed
        p.ex = None
    node.text = text
    node.file = file
    node.line = line
    return node


_LEADING_WORD = re.compile(r"(?:\s+|--[ \t][^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|/\*(?![!+]|M!).*?\*/)*([A-Za-z]+)\b",
                           re.S)


def _fast_path(text: str) -> N.Node | None:
    """Data and session statements are recognized by their first word without
    tokenizing them: a dump's extended INSERTs run to megabytes."""
    m = _LEADING_WORD.match(text)
    if m is None:
        return None
    verb = m.group(1).upper()
    if verb in _DATA_VERBS and verb not in ("TABLE", "WITH"):
        return N.DataStatement(verb)
    if verb in _OTHER_VERBS and verb not in ("LOCK", "UNLOCK", "CHECK", "DESC"):
        return N.Other(verb)
    return None


_DATA_VERBS = {"INSERT", "UPDATE", "DELETE", "REPLACE", "LOAD", "SELECT", "CALL", "DO",
               "TRUNCATE", "WITH", "VALUES", "TABLE", "HANDLER", "IMPORT"}
_OTHER_VERBS = {
    "LOCK", "UNLOCK", "START", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "XA",
    "GRANT", "REVOKE", "FLUSH", "ANALYZE", "OPTIMIZE", "CHECK", "CHECKSUM", "REPAIR", "SHOW",
    "EXPLAIN", "DESCRIBE", "DESC", "PREPARE", "EXECUTE", "DEALLOCATE", "KILL", "RESET", "PURGE",
    "CHANGE", "STOP", "INSTALL", "UNINSTALL", "BINLOG", "CACHE", "SHUTDOWN", "HELP", "SIGNAL",
    "RESIGNAL", "GET", "BACKUP", "CLONE", "RESTART", "SOURCE", "DELIMITER", "WAIT",
}
#: CREATE / ALTER / DROP of things outside the schema model.
_OTHER_OBJECTS = {"USER", "ROLE", "SERVER", "TABLESPACE", "LOGFILE", "RESOURCE", "SPATIAL",
                  "INSTANCE", "UNDO", "PACKAGE"}

_INDEX_TYPES = ("BTREE", "HASH", "RTREE")
_FK_ACTIONS = (("RESTRICT",), ("CASCADE",), ("SET", "NULL"), ("NO", "ACTION"), ("SET", "DEFAULT"))


class StatementParser:
    def __init__(self, cur: Cursor):
        self.cur = cur
        self.ex = ExprParser(cur, select_parser=self._select_for_expr)

    # ------------------------------------------------------------------ dispatch
    def statement(self) -> N.Node:
        cur = self.cur
        t = cur.tok
        if t.kind == EOF:
            # only comments (e.g. a version comment this flavor does not run)
            return N.Other("EMPTY")
        if t.kind == OP and t.text == "(":
            return N.DataStatement("SELECT")
        if t.kind != WORD:
            cur.error("expected a statement")
        up = t.up
        if up == "CREATE":
            return self.create()
        if up == "ALTER":
            return self.alter()
        if up == "DROP":
            return self.drop()
        if up == "RENAME":
            return self.rename()
        if up == "SET":
            return self.set_statement()
        if up == "USE":
            cur.advance()
            name = cur.ident("database name")
            cur.end()
            return N.Use(name)
        if up in _DATA_VERBS:
            return N.DataStatement(up)
        if up in _OTHER_VERBS:
            verb = up
            if up in ("LOCK", "UNLOCK") and cur.peek().up in ("TABLES", "TABLE", "INSTANCE"):
                verb = f"{up} TABLES"
            return N.Other(verb)
        cur.error("not a statement baseline knows")

    # ------------------------------------------------------------------ CREATE
    def create(self) -> N.Node:
        cur = self.cur
        cur.expect("CREATE")
        or_replace = cur.accept("OR", "REPLACE")
        # view / routine / trigger / event prefixes
        opts = dict.fromkeys(("algorithm", "definer", "security"))
        aggregate = False
        temporary = False
        while True:
            if self.object_option(opts):
                pass
            elif cur.accept("TEMPORARY"):
                temporary = True
            elif cur.accept("AGGREGATE"):
                aggregate = True
            elif cur.accept_any("ONLINE", "OFFLINE"):
                pass
            else:
                break
        algorithm, definer, security = opts["algorithm"], opts["definer"], opts["security"]
        t = cur.tok
        up = t.up
        if up == "TABLE":
            return self.create_table(or_replace, temporary)
        if up in ("UNIQUE", "FULLTEXT", "SPATIAL") and cur.peek().up in ("INDEX", "KEY"):
            return self.create_index(or_replace)
        if up in ("INDEX", "KEY"):
            return self.create_index(or_replace)
        if up == "VIEW":
            return self.create_view(or_replace, algorithm, definer, security, alter=False)
        if up == "TRIGGER":
            return self.create_trigger(or_replace, definer)
        if up in ("PROCEDURE", "FUNCTION"):
            if up == "FUNCTION" and self._is_udf():
                cur.skip_to_end()
                return N.Other("CREATE FUNCTION SONAME")
            return self.create_routine(or_replace, definer, aggregate)
        if up == "EVENT":
            return self.create_event(or_replace, definer, alter=False)
        if up == "SEQUENCE":
            return self.sequence(or_replace, temporary, alter=False)
        if up in ("DATABASE", "SCHEMA"):
            return self.database(or_replace, alter=False)
        if up in _OTHER_OBJECTS or up == "DEFINER":
            cur.skip_to_end()
            return N.Other(f"CREATE {up}")
        cur.error("expected TABLE, INDEX, VIEW, TRIGGER, PROCEDURE, FUNCTION, EVENT, SEQUENCE or DATABASE after CREATE")

    def object_option(self, opts: dict) -> bool:
        """Read one ``ALGORITHM = x``, ``DEFINER = user@host`` or ``SQL SECURITY x``
        (what CREATE and ALTER accept before VIEW, a routine or an event) into
        ``opts``; False when none is next."""
        cur = self.cur
        if cur.is_kw("ALGORITHM"):
            cur.advance()
            cur.expect_op("=")
            opts["algorithm"] = cur.ident("algorithm").upper()
        elif cur.is_kw("DEFINER"):
            opts["definer"] = self.definer()
        elif cur.is_kw("SQL", "SECURITY"):
            cur.advance()
            cur.advance()
            opts["security"] = cur.ident("DEFINER or INVOKER").upper()
        else:
            return False
        return True

    def _is_udf(self) -> bool:
        toks = self.cur.toks
        return any(t.up == "SONAME" for t in toks)

    def if_not_exists(self) -> bool:
        return self.cur.accept("IF", "NOT", "EXISTS")

    def if_exists(self) -> bool:
        return self.cur.accept("IF", "EXISTS")

    def definer(self) -> str:
        """``DEFINER = user@host`` -> ``user@host`` (unquoted, as the model keeps it)."""
        cur = self.cur
        cur.expect("DEFINER")
        cur.expect_op("=")
        t = cur.tok
        if t.up in ("CURRENT_USER", "CURRENT_ROLE"):
            cur.advance()
            if cur.accept_op("("):
                cur.expect_op(")")
            return t.up
        user = cur.ident_or_string("user")
        host = None
        t = cur.tok
        if t.kind == VAR:
            cur.advance()
            host = _unquote_var(t.text[1:])
            if host == "" and cur.tok.kind in (WORD, QID, STR):
                host = cur.advance().value
        elif t.kind == OP and t.text == "@":
            cur.advance()
            host = cur.ident_or_string("host")
        return f"{user}@{host}" if host is not None else user

    # ------------------------------------------------------------------ CREATE TABLE
    def create_table(self, or_replace: bool, temporary: bool) -> N.CreateTable:
        cur = self.cur
        cur.expect("TABLE")
        ine = self.if_not_exists()
        schema, name = cur.qualified("table name")
        node = N.CreateTable(name, schema=schema, if_not_exists=ine, temporary=temporary,
                             or_replace=or_replace)
        if cur.accept("LIKE"):
            node.like = cur.qualified("table name")
            cur.end()
            return node
        if cur.is_op("(") and cur.peek().up == "LIKE":
            cur.advance()
            cur.advance()
            node.like = cur.qualified("table name")
            cur.expect_op(")")
            cur.end()
            return node
        if cur.is_op("(") and not self.ex._subquery_ahead(1):
            cur.advance()
            while True:
                self.table_element(node)
                if cur.accept_op(","):
                    continue
                cur.expect_op(")")
                break
        self.table_options(node.options, node)
        if cur.is_kw("PARTITION", "BY"):
            node.partitioning = self.partition_by()
            self.table_options(node.options, node)
        # CREATE TABLE ... [IGNORE|REPLACE] [AS] SELECT
        cur.accept_any("IGNORE", "REPLACE")
        cur.accept("AS")
        if not cur.at_end():
            if cur.is_any("SELECT", "WITH", "VALUES", "TABLE") or cur.is_op("("):
                node.select = cur.rest_text()
                cur.skip_to_end()
            else:
                cur.error("unexpected text in CREATE TABLE")
        cur.end()
        return node

    def table_element(self, node: N.CreateTable) -> None:
        cur = self.cur
        t = cur.tok
        up = t.up
        constraint = None
        has_constraint = False
        if up == "CONSTRAINT":
            cur.advance()
            has_constraint = True
            if cur.tok.kind == QID or not cur.is_any("PRIMARY", "UNIQUE", "FOREIGN", "CHECK"):
                constraint = cur.ident("constraint name")
            t = cur.tok
            up = t.up
        if t.kind == WORD:
            if up == "PRIMARY" and cur.peek().up == "KEY":
                node.elements.append(self.index_def("PRIMARY", constraint))
                return
            if up == "UNIQUE":
                node.elements.append(self.index_def("UNIQUE", constraint))
                return
            if up == "FOREIGN" and cur.peek().up == "KEY":
                node.elements.append(self.foreign_key(constraint))
                return
            if up == "CHECK" and cur.peek().kind == OP and cur.peek().text == "(":
                node.elements.append(self.check(constraint))
                return
            if has_constraint:
                cur.error("expected PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK after CONSTRAINT")
            if up in ("INDEX", "KEY") and not self._looks_like_column():
                node.elements.append(self.index_def("INDEX", None))
                return
            if up in ("FULLTEXT", "SPATIAL") and not self._looks_like_column():
                node.elements.append(self.index_def(up, None))
                return
            if up == "PERIOD" and cur.peek().up == "FOR":
                node.elements.append(self.period())
                return
        node.elements.append(self.column_def())

    def _looks_like_column(self) -> bool:
        """``key int`` is a column named key; ``KEY (a)`` / ``KEY k (a)`` is an index."""
        nxt = self.cur.peek()
        if nxt.kind == OP:
            return False
        if nxt.kind == WORD and nxt.up in ("KEY", "INDEX", "USING", "IF"):
            return False
        after = self.cur.peek(2)
        if after.kind == OP and after.text == "(":
            # "KEY name (" is an index; "col type(" is a column with a type that takes args
            return nxt.kind == WORD and _is_type_word(nxt.up)
        return nxt.kind == WORD and _is_type_word(nxt.up)

    def period(self) -> N.PeriodDef:
        cur = self.cur
        cur.expect("PERIOD")
        cur.expect("FOR")
        name = "SYSTEM_TIME" if cur.accept("SYSTEM_TIME") else cur.ident("period name")
        cur.expect_op("(")
        a = cur.ident("column")
        cur.expect_op(",")
        b = cur.ident("column")
        cur.expect_op(")")
        return N.PeriodDef(name, a, b)

    # -- columns
    def column_def(self, name: str | None = None) -> N.ColumnDef:
        cur = self.cur
        if name is None:
            name = cur.ident("column name")
        dt = self.data_type()
        col = N.ColumnDef(name, dt)
        self.column_attributes(col)
        return col

    def data_type(self) -> N.DataType:  # noqa: C901 - the type grammar is one long list
        cur = self.cur
        t = cur.tok
        if t.kind != WORD:
            cur.error("expected a data type")
        up = cur.advance().up
        name = up
        # multi-word names
        if up == "DOUBLE" and cur.accept("PRECISION"):
            name = "DOUBLE PRECISION"
        elif up == "NATIONAL":
            w = cur.accept_any("CHAR", "CHARACTER", "VARCHAR")
            if w is None:
                cur.error("expected CHAR or VARCHAR after NATIONAL")
            name = "NATIONAL VARCHAR" if w == "VARCHAR" or cur.accept("VARYING") else "NATIONAL CHAR"
        elif up == "NCHAR":
            name = "NATIONAL VARCHAR" if cur.accept_any("VARCHAR", "VARYING") else "NATIONAL CHAR"
        elif up in ("CHAR", "CHARACTER"):
            if cur.accept("VARYING"):
                name = "VARCHAR"
            else:
                name = "CHAR"
        elif up == "LONG":
            if cur.accept("VARBINARY") or cur.accept("BINARY") or cur.accept("BLOB"):
                name = "MEDIUMBLOB"
            elif cur.accept("VARCHAR") or cur.accept("CHAR", "VARYING") or cur.accept("TEXT"):
                name = "MEDIUMTEXT"
            else:
                name = "MEDIUMTEXT"
        elif up == "NVARCHAR":
            name = "NATIONAL VARCHAR"
        dt = N.DataType(name)
        if name in ("ENUM", "SET"):
            cur.expect_op("(")
            dt.values = [cur.string("enum value")]
            while cur.accept_op(","):
                dt.values.append(cur.string("enum value"))
            cur.expect_op(")")
        elif cur.is_op("("):
            cur.advance()
            dt.args.append(self._type_arg())
            while cur.accept_op(","):
                dt.args.append(self._type_arg())
            cur.expect_op(")")
        # attributes that belong to the type
        while True:
            w = cur.tok.up
            if w == "UNSIGNED":
                cur.advance()
                dt.unsigned = True
            elif w == "SIGNED":
                cur.advance()
            elif w == "ZEROFILL":
                cur.advance()
                dt.zerofill = True
                dt.unsigned = True
            elif w == "CHARACTER" and cur.peek().up == "SET":
                cur.advance()
                cur.advance()
                dt.charset = cur.ident_or_string("charset").lower()
            elif w in ("CHARSET", "CHAR") and (w == "CHARSET" or cur.peek().up == "SET"):
                cur.advance()
                if w == "CHAR":
                    cur.advance()
                dt.charset = cur.ident_or_string("charset").lower()
            elif w == "ASCII":
                cur.advance()
                dt.charset = "latin1"
            elif w == "UNICODE":
                cur.advance()
                dt.charset = "ucs2"
            elif w == "BYTE":
                cur.advance()
                dt.charset = "binary"
            elif w == "BINARY":
                cur.advance()
                dt.binary = True
            elif w == "COLLATE":
                cur.advance()
                dt.collation = cur.ident_or_string("collation").lower()
            else:
                break
        return dt

    def _type_arg(self) -> str:
        cur = self.cur
        t = cur.tok
        if t.kind == NUM and t.text.isdigit():  # lengths and precisions are whole numbers
            cur.advance()
            return t.text
        if t.kind == WORD and t.up == "MAX":  # MSSQL-ism some tools emit; keep it visible
            cur.error("VARCHAR(MAX) is not MySQL syntax")
        cur.error("expected a number")

    def column_attributes(self, col: N.ColumnDef) -> None:  # noqa: C901
        cur = self.cur
        dt = col.type
        while True:
            t = cur.tok
            if t.kind != WORD:
                break
            up = t.up
            if up == "NOT" and cur.peek().up == "NULL":
                cur.advance()
                cur.advance()
                col.nullable = False
            elif up == "NULL":
                cur.advance()
                col.nullable = True
            elif up == "DEFAULT":
                cur.advance()
                if cur.is_op("("):
                    cur.advance()
                    col.default = self.ex.expr()
                    cur.expect_op(")")
                else:
                    col.default = self.simple_expr()
            elif up == "ON" and cur.peek().up == "UPDATE":
                cur.advance()
                cur.advance()
                col.on_update = self.simple_expr()
            elif up == "AUTO_INCREMENT":
                cur.advance()
                col.auto_increment = True
            elif up == "UNIQUE":
                cur.advance()
                cur.accept("KEY") or cur.accept("INDEX")
                col.unique = True
            elif up == "PRIMARY" and cur.peek().up == "KEY":
                cur.advance()
                cur.advance()
                col.primary = True
            elif up == "KEY":
                cur.advance()
                col.primary = True
            elif up == "COMMENT":
                cur.advance()
                col.comment = cur.string("comment")
            elif up == "COLLATE":
                cur.advance()
                dt.collation = cur.ident_or_string("collation").lower()
            elif up in ("CHARACTER", "CHARSET") and (up == "CHARSET" or cur.peek().up == "SET"):
                cur.advance()
                if up == "CHARACTER":
                    cur.advance()
                dt.charset = cur.ident_or_string("charset").lower()
            elif up == "GENERATED" and cur.peek().up == "ALWAYS":
                cur.advance()
                cur.advance()
                cur.expect("AS")
                if cur.accept("ROW"):
                    col.versioning = self._row_start_or_end()
                else:
                    self._generated(col)
            elif up == "AS" and cur.peek().kind == OP and cur.peek().text == "(":
                cur.advance()
                self._generated(col)
            elif up == "AS" and cur.peek().up == "ROW":
                cur.advance()
                cur.advance()
                col.versioning = self._row_start_or_end()
            elif up in ("VIRTUAL", "STORED", "PERSISTENT"):
                cur.advance()
                col.generated_kind = "STORED" if up in ("STORED", "PERSISTENT") else "VIRTUAL"
            elif up == "INVISIBLE":
                cur.advance()
                col.invisible = True
            elif up == "VISIBLE":
                cur.advance()
                col.invisible = False
            elif up == "SRID":
                cur.advance()
                col.srid = cur.integer("SRID")
            elif up == "REF_SYSTEM_ID":
                cur.advance()
                cur.accept_eq()
                col.srid = cur.integer("SRID")
            elif up == "REFERENCES":
                col.references = self.reference()
            elif up == "CONSTRAINT" or (up == "CHECK" and cur.peek().kind == OP and cur.peek().text == "("):
                name = None
                if up == "CONSTRAINT":
                    cur.advance()
                    if not cur.is_kw("CHECK"):
                        name = cur.ident("constraint name")
                    if not cur.is_kw("CHECK"):
                        cur.error("expected CHECK")
                col.checks.append(self.check(name))
            elif up == "WITHOUT" and cur.peek().up == "SYSTEM":
                cur.advance()
                cur.advance()
                cur.expect("VERSIONING")
                col.versioning = "WITHOUT SYSTEM VERSIONING"
            elif up == "WITH" and cur.peek().up == "SYSTEM":
                cur.advance()
                cur.advance()
                cur.expect("VERSIONING")
                col.versioning = "WITH SYSTEM VERSIONING"
            elif up == "COMPRESSED":
                cur.advance()
                method = "zlib"
                if cur.accept_op("="):
                    method = cur.ident("compression method")
                col.compressed = method
            elif up == "SERIAL" and cur.peek().up == "DEFAULT":
                cur.advance()
                cur.advance()
                cur.expect("VALUE")
                col.serial_default = True
            elif up == "COLUMN_FORMAT":
                cur.advance()
                value = cur.ident("value").upper()
                col.attrs["column_format"] = None if value == "DEFAULT" else value
            elif up == "STORAGE":
                cur.advance()
                value = cur.ident("value").upper()
                col.attrs["storage"] = None if value == "DEFAULT" else value
            elif up in ("ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE"):
                cur.advance()
                cur.accept_eq()
                col.extra[up] = cur.string()
            elif up == "BINARY" and dt.name in _CHAR_TYPES:
                cur.advance()
                dt.binary = True
            elif up in ("UNSIGNED", "ZEROFILL", "SIGNED"):
                cur.advance()
                if up != "SIGNED":
                    dt.unsigned = True
                if up == "ZEROFILL":
                    dt.zerofill = True
            else:
                # MariaDB engine-defined column options: WORD = value
                if cur.peek().kind == OP and cur.peek().text == "=" and up not in _COLUMN_STOP:
                    cur.advance()
                    cur.advance()
                    col.extra[up] = cur.word_value()
                    continue
                break

    def _row_start_or_end(self) -> str:
        """After ``AS ROW``: ``ROW START`` or ``ROW END`` (a system-versioning column)."""
        which = self.cur.accept_any("START", "END")
        if which is None:
            self.cur.error("expected START or END")
        return f"ROW {which}"

    def _generated(self, col: N.ColumnDef) -> None:
        cur = self.cur
        cur.expect_op("(")
        col.generated = self.ex.expr()
        cur.expect_op(")")
        kind = cur.accept_any("VIRTUAL", "STORED", "PERSISTENT")
        col.generated_kind = "STORED" if kind in ("STORED", "PERSISTENT") else "VIRTUAL"

    def simple_expr(self):
        """A DEFAULT / ON UPDATE value: a literal, a signed number, a function call
        or an identifier (no infix operators without parentheses)."""
        return self.ex._prefix()

    def reference(self) -> N.Reference:
        cur = self.cur
        cur.expect("REFERENCES")
        schema, table = cur.qualified("table name")
        cols: list[str] = []
        if cur.accept_op("("):
            cols.append(self._ref_column())
            while cur.accept_op(","):
                cols.append(self._ref_column())
            cur.expect_op(")")
        ref = N.Reference(table, cols, schema)
        while True:
            if cur.accept("MATCH"):
                ref.match = cur.ident("FULL, PARTIAL or SIMPLE").upper()
            elif cur.is_kw("ON", "DELETE"):
                cur.advance()
                cur.advance()
                ref.on_delete = self._fk_action()
            elif cur.is_kw("ON", "UPDATE"):
                cur.advance()
                cur.advance()
                ref.on_update = self._fk_action()
            else:
                return ref

    def _ref_column(self) -> str:
        cur = self.cur
        name = cur.ident("column")
        if cur.accept_op("("):  # a length in a REFERENCES list is accepted and ignored
            cur.number()
            cur.expect_op(")")
        cur.accept_any("ASC", "DESC")
        return name

    def _fk_action(self) -> str:
        cur = self.cur
        for words in _FK_ACTIONS:
            if cur.accept(*words):
                return " ".join(words)
        cur.error("expected RESTRICT, CASCADE, SET NULL, NO ACTION or SET DEFAULT")

    # -- indexes, keys, constraints
    def index_def(self, kind: str, constraint: str | None) -> N.IndexDef:
        cur = self.cur
        name = None
        if kind == "PRIMARY":
            cur.expect("PRIMARY")
            cur.expect("KEY")
        elif kind == "UNIQUE":
            cur.expect("UNIQUE")
            cur.accept("KEY") or cur.accept("INDEX")
        elif kind in ("FULLTEXT", "SPATIAL"):
            cur.advance()
            cur.accept("KEY") or cur.accept("INDEX")
        else:
            cur.advance()  # INDEX / KEY
        ine = self.if_not_exists()
        idx = N.IndexDef(kind, [], constraint=constraint)
        idx.if_not_exists = ine
        if cur.tok.kind in (WORD, QID) and not (cur.tok.kind == WORD and cur.tok.up in ("USING", "TYPE")):
            name = cur.ident("index name")
        idx.name = name
        if kind == "UNIQUE" and name is None and constraint is not None:
            idx.name = constraint
        self.index_options(idx, before_parts=True)
        idx.parts = self.key_parts()
        self.index_options(idx)
        return idx

    def key_parts(self) -> list[N.KeyPart]:
        cur = self.cur
        cur.expect_op("(")
        parts = [self.key_part()]
        while cur.accept_op(","):
            parts.append(self.key_part())
        cur.expect_op(")")
        return parts

    def key_part(self) -> N.KeyPart:
        cur = self.cur
        if cur.is_op("("):
            cur.advance()
            e = self.ex.expr()
            cur.expect_op(")")
            part = N.KeyPart(None, expr=e)
        else:
            part = N.KeyPart(cur.ident("column"))
            if cur.accept_op("("):
                part.length = cur.integer("prefix length")
                cur.expect_op(")")
        d = cur.accept_any("ASC", "DESC")
        part.descending = d == "DESC"
        return part

    def index_options(self, idx: N.IndexDef, before_parts: bool = False) -> None:
        cur = self.cur
        while True:
            if cur.is_kw("USING") or cur.is_kw("TYPE"):
                cur.advance()
                idx.using = cur.ident("index type").upper()
            elif before_parts:
                return
            elif cur.accept("KEY_BLOCK_SIZE"):
                cur.accept_eq()
                idx.key_block_size = cur.word_value()
            elif cur.is_kw("WITH", "PARSER"):
                cur.advance()
                cur.advance()
                idx.parser = cur.ident("parser")
            elif cur.accept("COMMENT"):
                idx.comment = cur.string("comment")
            elif cur.accept("VISIBLE") or cur.accept("NOT", "IGNORED"):
                idx.visible = True
            elif cur.accept("INVISIBLE") or cur.accept("IGNORED"):
                idx.visible = False
            elif cur.is_any("CLUSTERING", "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE") and \
                    cur.peek().kind == OP and cur.peek().text == "=":
                cur.advance()
                cur.advance()
                cur.word_value()
            else:
                return

    def foreign_key(self, constraint: str | None) -> N.ForeignKeyDef:
        cur = self.cur
        cur.expect("FOREIGN")
        cur.expect("KEY")
        ine = self.if_not_exists()
        index_name = None
        if cur.tok.kind in (WORD, QID):
            index_name = cur.ident("index name")
        cur.expect_op("(")
        cols = [cur.ident("column")]
        while cur.accept_op(","):
            cols.append(cur.ident("column"))
        cur.expect_op(")")
        ref = self.reference()
        fk = N.ForeignKeyDef(cols, ref, name=constraint, index_name=index_name)
        fk.if_not_exists = ine
        return fk

    def check(self, name: str | None) -> N.CheckDef:
        cur = self.cur
        cur.expect("CHECK")
        open_tok = cur.tok
        cur.expect_op("(")
        e = self.ex.expr()
        close = cur.tok
        cur.expect_op(")")
        chk = N.CheckDef(e, name, text=cur.lexed.slice(open_tok.end, close.start).strip())
        if cur.accept("NOT", "ENFORCED"):
            chk.enforced = False
        elif cur.accept("ENFORCED"):
            chk.enforced = True
        return chk

    # -- table options
    def table_options(self, opts: N.TableOptions, node: N.CreateTable | None = None) -> None:  # noqa: C901
        cur = self.cur
        items = opts.items
        while True:
            if items and cur.is_op(","):
                nxt = cur.peek()
                if nxt.kind != WORD or nxt.up in _TABLE_OPTION_STOP or nxt.up in _ALTER_STARTS - _OPTION_WORDS:
                    return
                cur.advance()
            t = cur.tok
            if t.kind == QID and cur.peek().kind == OP and cur.peek().text == "=":
                # engine-defined option as SHOW CREATE prints it: `PAGE_COMPRESSED`='1'
                cur.advance()
                cur.advance()
                items[t.value.upper()] = cur.word_value("option value")
                continue
            if t.kind != WORD:
                return
            up = t.up
            if up == "DEFAULT" and cur.peek().up in ("CHARSET", "CHARACTER", "COLLATE", "CHAR", "ENCRYPTION"):
                cur.advance()
                continue
            if up in ("CHARSET", "CHARACTER", "CHAR"):
                if up != "CHARSET":
                    if cur.peek().up != "SET":
                        return
                    cur.advance()
                cur.advance()
                cur.accept_eq()
                items["CHARSET"] = cur.ident_or_string("charset").lower()
            elif up == "COLLATE":
                cur.advance()
                cur.accept_eq()
                items["COLLATE"] = cur.ident_or_string("collation").lower()
            elif up in ("ENGINE", "TYPE") and cur.peek().kind in (WORD, QID, STR, OP):
                if up == "TYPE" and not (cur.peek().kind == OP and cur.peek().text == "="):
                    return
                cur.advance()
                cur.accept_eq()
                items["ENGINE"] = cur.ident_or_string("engine")
            elif up in ("COMMENT", "CONNECTION", "PASSWORD", "COMPRESSION", "ENCRYPTION",
                        "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE"):
                cur.advance()
                cur.accept_eq()
                items[up] = cur.string(up.lower())
            elif up in ("DATA", "INDEX") and cur.peek().up == "DIRECTORY":
                cur.advance()
                cur.advance()
                cur.accept_eq()
                items[f"{up} DIRECTORY"] = cur.string("directory")
            elif up == "UNION":
                cur.advance()
                cur.accept_eq()
                cur.expect_op("(")
                names = []
                if not cur.is_op(")"):
                    names.append(".".join(filter(None, cur.qualified("table"))))
                    while cur.accept_op(","):
                        names.append(".".join(filter(None, cur.qualified("table"))))
                cur.expect_op(")")
                items["UNION"] = ",".join(names)
            elif up == "TABLESPACE":
                cur.advance()
                cur.accept_eq()
                items["TABLESPACE"] = cur.ident_or_string("tablespace")
                if cur.accept("STORAGE"):
                    cur.advance()
            elif up == "STORAGE" and cur.peek().up in ("DISK", "MEMORY"):
                cur.advance()
                cur.advance()
            elif up == "WITH" and cur.peek().up == "SYSTEM":
                cur.advance()
                cur.advance()
                cur.expect("VERSIONING")
                if node is not None:
                    node.system_versioned = True
                else:
                    items["WITH SYSTEM VERSIONING"] = "1"
            elif up == "START" and cur.peek().up == "TRANSACTION":
                cur.advance()
                cur.advance()
            elif up in _TABLE_OPTIONS and (cur.peek().kind in (NUM, WORD, STR, QID, HEX) or
                                           cur.peek().kind == OP and cur.peek().text in "=-+"):
                cur.advance()
                cur.accept_eq()
                items[up] = cur.word_value(up.lower())
            elif cur.peek().kind == OP and cur.peek().text == "=" and up not in _TABLE_OPTION_STOP:
                # engine-defined option (MariaDB): NAME = value
                cur.advance()
                cur.advance()
                items[up] = cur.word_value(up.lower())
            else:
                return

    # -- partitions
    def partition_by(self) -> Partitioning:
        """``PARTITION BY ...`` into the model's :class:`Partitioning`, spelled as
        the flavor's SHOW CREATE spells it (expressions printed canonically,
        RANGE/LIST values of integer functions evaluated: ``TO_DAYS('2020-01-01')``
        -> ``737790``; KEY ``ALGORITHM=2``, the default, dropped)."""
        cur = self.cur
        cur.expect("PARTITION")
        cur.expect("BY")
        method, expression, algorithm = self._partition_method()
        part = Partitioning(method, expression, algorithm=algorithm)
        if cur.accept("PARTITIONS"):
            part.count = cur.integer("partition count")
        if cur.is_kw("SUBPARTITION", "BY"):
            cur.advance()
            cur.advance()
            sm, se, _alg = self._partition_method()
            part.sub_method, part.sub_expression = sm, se
            if cur.accept("SUBPARTITIONS"):
                part.sub_count = cur.integer("subpartition count")
        if cur.is_op("(") and cur.peek().up == "PARTITION":
            part.partitions = self.partition_list(method)
        return part

    def _printer(self):
        from .printer import Printer, style_for
        return Printer(style_for(self.cur.flavor))

    def _partition_method(self) -> tuple[str, str, int | None]:
        cur = self.cur
        linear = cur.accept("LINEAR")
        algorithm = None
        m = cur.accept_any("HASH", "KEY", "RANGE", "LIST", "SYSTEM_TIME")
        if m is None:
            cur.error("expected HASH, KEY, RANGE, LIST or SYSTEM_TIME")
        if m == "SYSTEM_TIME":
            start = cur.tok.start
            while not cur.at_end() and not cur.is_kw("PARTITIONS") and not cur.is_kw("SUBPARTITION") \
                    and not (cur.is_op("(") and cur.peek().up == "PARTITION"):
                cur.advance()
            text = " ".join(cur.lexed.slice(start, cur.tok.start).split())
            return "SYSTEM_TIME", text, None
        method = ("LINEAR " if linear else "") + m
        if m == "KEY":
            if cur.accept("ALGORITHM"):
                cur.expect_op("=")
                algorithm = cur.integer("algorithm")
                if algorithm == 2:
                    algorithm = None
            cur.expect_op("(")
            cols = []
            if not cur.is_op(")"):
                cols.append(cur.ident("column"))
                while cur.accept_op(","):
                    cols.append(cur.ident("column"))
            cur.expect_op(")")
            return method, ",".join(quote_ident(c) for c in cols), algorithm
        if m in ("RANGE", "LIST") and cur.accept("COLUMNS"):
            cur.expect_op("(")
            cols = [cur.ident("column")]
            while cur.accept_op(","):
                cols.append(cur.ident("column"))
            cur.expect_op(")")
            return method + " COLUMNS", ",".join(quote_ident(c) for c in cols), None
        cur.expect_op("(")
        e = self.ex.expr()
        cur.expect_op(")")
        return method, self._printer()(e), None

    def partition_list(self, method: str = "") -> list[Partition]:
        cur = self.cur
        cur.expect_op("(")
        parts = [self.partition_def(method)]
        while cur.accept_op(","):
            parts.append(self.partition_def(method))
        cur.expect_op(")")
        return parts

    def partition_def(self, method: str = "", sub: bool = False) -> Partition:
        cur = self.cur
        cur.expect("SUBPARTITION" if sub else "PARTITION")
        p = Partition(cur.ident("partition name"))
        columns = method.endswith("COLUMNS")
        if cur.accept("VALUES"):
            if cur.accept("LESS", "THAN"):
                if cur.accept("MAXVALUE"):
                    p.values = "LESS THAN MAXVALUE"
                else:
                    cur.expect_op("(")
                    vals = [self._partition_value(columns)]
                    while cur.accept_op(","):
                        vals.append(self._partition_value(columns))
                    cur.expect_op(")")
                    p.values = "LESS THAN (" + ",".join(vals) + ")"
            elif cur.accept("IN"):
                cur.expect_op("(")
                vals = [self._partition_value(columns)]
                while cur.accept_op(","):
                    vals.append(self._partition_value(columns))
                cur.expect_op(")")
                if not columns and self.cur.flavor.rules.list_partition_null_first:
                    # MariaDB lists NULL first
                    vals = [v for v in vals if v == "NULL"] + [v for v in vals if v != "NULL"]
                p.values = "IN (" + ",".join(vals) + ")"
            else:
                cur.error("expected LESS THAN or IN")
        elif cur.accept("CURRENT"):
            p.values = "CURRENT"
        elif cur.accept("HISTORY"):
            p.values = "HISTORY"
        while True:
            if cur.accept("STORAGE", "ENGINE") or cur.accept("ENGINE"):
                cur.accept_eq()
                p.engine = cur.ident_or_string("engine")
            elif cur.accept("COMMENT"):
                cur.accept_eq()
                p.comment = cur.string("comment")
            elif cur.is_any("DATA", "INDEX") and cur.peek().up == "DIRECTORY":
                w = cur.advance().up
                cur.advance()
                cur.accept_eq()
                p.options[f"{w} DIRECTORY"] = cur.string("directory")
            elif cur.is_any("MAX_ROWS", "MIN_ROWS", "TABLESPACE", "NODEGROUP"):
                w = cur.advance().up
                cur.accept_eq()
                p.options[w] = cur.word_value()
            else:
                break
        if cur.is_op("(") and cur.peek().up == "SUBPARTITION":
            cur.advance()
            subs = [self.partition_def(method, sub=True)]
            while cur.accept_op(","):
                subs.append(self.partition_def(method, sub=True))
            cur.expect_op(")")
            p.subpartitions = [s.name for s in subs]
        return p

    def _partition_value(self, columns: bool) -> str:
        cur = self.cur
        if cur.accept("MAXVALUE"):
            return "MAXVALUE"
        e = self.ex.expr()
        if not columns:
            v = evaluate_int(e)
            if v is not None:
                return str(v)
        return self._printer()(e)

    # ------------------------------------------------------------------ CREATE INDEX
    def create_index(self, or_replace: bool) -> N.CreateIndex:
        cur = self.cur
        kind = "INDEX"
        w = cur.accept_any("UNIQUE", "FULLTEXT", "SPATIAL")
        if w:
            kind = w
        cur.accept("INDEX") or cur.expect("KEY")
        ine = self.if_not_exists()
        name = cur.ident("index name")
        idx = N.IndexDef(kind, [], name=name)
        self.index_options(idx, before_parts=True)
        cur.expect("ON")
        schema, table = cur.qualified("table name")
        idx.parts = self.key_parts()
        self.index_options(idx)
        self._alter_lock_algorithm()
        cur.end()
        return N.CreateIndex(table, idx, schema=schema, if_not_exists=ine, or_replace=or_replace)

    def _alter_lock_algorithm(self) -> None:
        cur = self.cur
        while cur.is_any("ALGORITHM", "LOCK", "WAIT", "NOWAIT"):
            w = cur.advance().up
            if w == "NOWAIT":
                continue
            if w == "WAIT":
                cur.number()
                continue
            cur.accept_eq()
            cur.word_value()

    # ------------------------------------------------------------------ ALTER
    def alter(self) -> N.Node:
        cur = self.cur
        cur.expect("ALTER")
        cur.accept("ONLINE") or cur.accept("OFFLINE")
        cur.accept("IGNORE")
        opts = dict.fromkeys(("algorithm", "definer", "security"))
        while self.object_option(opts):
            pass
        algorithm, definer, security = opts["algorithm"], opts["definer"], opts["security"]
        up = cur.tok.up
        if up == "TABLE":
            return self.alter_table()
        if up == "VIEW":
            return self.create_view(False, algorithm, definer, security, alter=True)
        if up in ("PROCEDURE", "FUNCTION"):
            return self.alter_routine()
        if up == "EVENT":
            return self.create_event(False, definer, alter=True)
        if up == "SEQUENCE":
            return self.sequence(False, False, alter=True)
        if up in ("DATABASE", "SCHEMA"):
            return self.database(False, alter=True)
        if up in _OTHER_OBJECTS:
            cur.skip_to_end()
            return N.Other(f"ALTER {up}")
        cur.error("expected TABLE, VIEW, PROCEDURE, FUNCTION, EVENT, SEQUENCE or DATABASE after ALTER")

    def alter_table(self) -> N.AlterTable:
        cur = self.cur
        cur.expect("TABLE")
        ie = self.if_exists()
        schema, name = cur.qualified("table name")
        node = N.AlterTable(name, schema=schema, if_exists=ie)
        cur.accept("WAIT") and cur.number()
        cur.accept("NOWAIT")
        if cur.at_end():
            cur.end()
            return node
        while True:
            self.alter_spec(node)
            if cur.accept_op(","):
                continue
            break
        cur.end()
        return node

    def alter_spec(self, node: N.AlterTable) -> None:  # noqa: C901 - one branch per clause
        cur = self.cur
        ops = node.operations
        t = cur.tok
        up = t.up
        if t.kind != WORD:
            cur.error("expected an ALTER TABLE operation")
        if up == "ADD":
            cur.advance()
            self.alter_add(ops)
            return
        if up == "DROP":
            cur.advance()
            self.alter_drop(ops)
            return
        if up == "MODIFY":
            cur.advance()
            cur.accept("COLUMN")
            ie = self.if_exists()
            col = self.column_def()
            ops.append(N.ModifyColumn(col, self.position(), ie))
            return
        if up == "CHANGE":
            cur.advance()
            cur.accept("COLUMN")
            ie = self.if_exists()
            old = cur.ident("column name")
            col = self.column_def()
            ops.append(N.ChangeColumn(old, col, self.position(), ie))
            return
        if up == "ALTER":
            cur.advance()
            if cur.accept("INDEX") or cur.accept("KEY"):
                name = cur.ident("index name")
                if cur.accept("VISIBLE") or cur.accept("NOT", "IGNORED"):
                    ops.append(N.AlterIndexVisibility(name, True))
                elif cur.accept("INVISIBLE") or cur.accept("IGNORED"):
                    ops.append(N.AlterIndexVisibility(name, False))
                else:
                    cur.error("expected VISIBLE, INVISIBLE, IGNORED or NOT IGNORED")
                return
            if cur.accept("CHECK") or (cur.is_kw("CONSTRAINT") and cur.advance()):
                name = cur.ident("constraint name")
                enforced = not cur.accept("NOT")
                cur.expect("ENFORCED")
                ops.append(N.AlterCheck(name, enforced))
                return
            cur.accept("COLUMN")
            self.if_exists()
            name = cur.ident("column name")
            if cur.accept("SET", "DEFAULT"):
                if cur.is_op("("):
                    cur.advance()
                    e = self.ex.expr()
                    cur.expect_op(")")
                    ops.append(N.AlterColumnDefault(name, e))
                else:
                    ops.append(N.AlterColumnDefault(name, self.simple_expr()))
            elif cur.accept("DROP", "DEFAULT"):
                ops.append(N.AlterColumnDefault(name, None))
            elif cur.accept("SET", "VISIBLE"):
                ops.append(N.AlterColumnVisibility(name, True))
            elif cur.accept("SET", "INVISIBLE"):
                ops.append(N.AlterColumnVisibility(name, False))
            else:
                cur.error("expected SET DEFAULT, DROP DEFAULT, SET VISIBLE or SET INVISIBLE")
            return
        if up == "RENAME":
            cur.advance()
            if cur.accept("COLUMN"):
                ie = self.if_exists()
                old = cur.ident("column name")
                cur.expect("TO")
                ops.append(N.RenameColumn(old, cur.ident("column name"), ie))
                return
            if cur.accept("INDEX") or cur.accept("KEY"):
                self.if_exists()
                old = cur.ident("index name")
                cur.expect("TO")
                ops.append(N.RenameIndex(old, cur.ident("index name")))
                return
            if not cur.accept("TO"):
                cur.accept("AS")
            schema, name = cur.qualified("table name")
            ops.append(N.RenameTable(name, schema))
            return
        if up == "CONVERT" and cur.peek().up == "TO":
            cur.advance()
            cur.advance()
            if not (cur.accept("CHARACTER", "SET") or cur.accept("CHARSET") or cur.accept("CHAR", "SET")):
                cur.error("expected CHARACTER SET")
            cs = cur.ident_or_string("charset").lower()
            co = None
            if cur.accept("COLLATE"):
                co = cur.ident_or_string("collation").lower()
            ops.append(N.ConvertCharset(cs, co))
            return
        if up in ("ALGORITHM", "LOCK") :
            cur.advance()
            cur.accept_eq()
            v = cur.word_value()
            ops.append(N.NoOp(f"{up}={v.upper()}"))
            return
        if up == "FORCE":
            cur.advance()
            ops.append(N.NoOp("FORCE"))
            return
        if up in ("ENABLE", "DISABLE") and cur.peek().up == "KEYS":
            cur.advance()
            cur.advance()
            ops.append(N.NoOp(f"{up} KEYS"))
            return
        if up in ("DISCARD", "IMPORT") and cur.peek().up == "TABLESPACE":
            cur.advance()
            cur.advance()
            ops.append(N.NoOp(f"{up} TABLESPACE"))
            return
        if up in ("WITH", "WITHOUT") and cur.peek().up == "VALIDATION":
            cur.advance()
            cur.advance()
            ops.append(N.NoOp(f"{up} VALIDATION"))
            return
        if up == "ORDER" and cur.peek().up == "BY":
            cur.advance()
            cur.advance()
            self.ex.order_list()
            ops.append(N.NoOp("ORDER BY"))
            return
        if up == "PARTITION" and cur.peek().up == "BY":
            part = self.partition_by()
            ops.append(N.PartitionOp("PARTITION BY", partitioning=part))
            return
        if up == "REMOVE" and cur.peek().up == "PARTITIONING":
            cur.advance()
            cur.advance()
            ops.append(N.PartitionOp("REMOVE PARTITIONING"))
            return
        if up in ("REORGANIZE", "COALESCE", "TRUNCATE", "EXCHANGE", "ANALYZE", "CHECK", "OPTIMIZE",
                  "REBUILD", "REPAIR", "DISCARD", "IMPORT", "CONVERT") and \
                cur.peek().up in ("PARTITION", "PARTITIONS"):
            self.partition_maintenance(ops)
            return
        if up in ("UPGRADE",) and cur.peek().up == "PARTITIONING":
            cur.advance()
            cur.advance()
            ops.append(N.NoOp("UPGRADE PARTITIONING"))
            return
        # table options
        opts = N.TableOptions()
        start = cur.i
        self.table_options(opts)
        if cur.i == start:
            cur.error("expected an ALTER TABLE operation")
        sv = opts.items.pop("WITH SYSTEM VERSIONING", None)
        if opts.items:
            ops.append(N.SetTableOptions(opts))
        if sv:
            ops.append(N.SystemVersioning(True))

    def partition_maintenance(self, ops) -> None:
        cur = self.cur
        action = cur.advance().up
        cur.advance()  # PARTITION
        start = cur.tok.start
        op = N.PartitionOp(f"{action} PARTITION")
        if action == "COALESCE":
            op.count = cur.integer("number of partitions")
        elif action == "REORGANIZE":
            if not cur.is_kw("INTO"):
                op.names = self._name_list()
            cur.expect("INTO")
            op.partitions = self.partition_list()
        elif action == "EXCHANGE":
            op.names = [cur.ident("partition")]
            cur.expect("WITH")
            cur.expect("TABLE")
            cur.qualified("table")
            if cur.accept_any("WITH", "WITHOUT"):
                cur.expect("VALIDATION")
        elif action == "CONVERT":
            op.names = [cur.ident("partition")]
            cur.expect("TO")
            cur.expect("TABLE")
            cur.qualified("table")
        else:
            if cur.accept("ALL"):
                op.names = ["ALL"]
            else:
                op.names = self._name_list()
        op.text = cur.lexed.slice(start, cur.tok.start).strip()
        ops.append(op)

    def _name_list(self) -> list[str]:
        cur = self.cur
        names = [cur.ident("name")]
        while cur.is_op(",") and cur.peek().kind in (WORD, QID) and cur.peek().up not in _ALTER_STARTS:
            cur.advance()
            names.append(cur.ident("name"))
        return names

    def alter_add(self, ops) -> None:  # noqa: C901
        cur = self.cur
        t = cur.tok
        up = t.up
        constraint = None
        has_constraint = False
        ine_c = False
        if up == "CONSTRAINT":
            cur.advance()
            has_constraint = True
            ine_c = self.if_not_exists()
            if cur.tok.kind == QID or not cur.is_any("PRIMARY", "UNIQUE", "FOREIGN", "CHECK"):
                constraint = cur.ident("constraint name")
            up = cur.tok.up
        if up == "PRIMARY" and cur.peek().up == "KEY":
            ops.append(N.AddIndex(self.index_def("PRIMARY", constraint)))
            return
        if up == "UNIQUE":
            idx = self.index_def("UNIQUE", constraint)
            ops.append(N.AddIndex(idx, idx.if_not_exists))
            return
        if up == "FOREIGN" and cur.peek().up == "KEY":
            fk = self.foreign_key(constraint)
            ops.append(N.AddForeignKey(fk, fk.if_not_exists or ine_c))
            return
        if up == "CHECK":
            ops.append(N.AddCheck(self.check(constraint), ine_c))
            return
        if has_constraint:
            cur.error("expected PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK after CONSTRAINT")
        if up in ("INDEX", "KEY") and not self._looks_like_column():
            idx = self.index_def("INDEX", None)
            ops.append(N.AddIndex(idx, idx.if_not_exists))
            return
        if up in ("FULLTEXT", "SPATIAL") and not self._looks_like_column():
            idx = self.index_def(up, None)
            ops.append(N.AddIndex(idx, idx.if_not_exists))
            return
        if up == "PERIOD" and cur.peek().up == "FOR":
            ops.append(N.AddPeriod(self.period()))
            return
        if up == "SYSTEM" and cur.peek().up == "VERSIONING":
            cur.advance()
            cur.advance()
            ops.append(N.SystemVersioning(True))
            return
        if up == "PARTITION" and (cur.peek().kind == OP or cur.peek().up == "PARTITIONS"):
            cur.advance()
            op = N.PartitionOp("ADD PARTITION")
            if cur.accept("PARTITIONS"):
                op.count = cur.integer("partition count")
            else:
                op.partitions = self.partition_list()
            ops.append(op)
            return
        cur.accept("COLUMN")
        ine = self.if_not_exists()
        if cur.is_op("("):
            # ADD [COLUMN] (col def, ..., [index defs])
            cur.advance()
            tmp = N.CreateTable("")
            while True:
                self.table_element(tmp)
                if not cur.accept_op(","):
                    break
            cur.expect_op(")")
            for el in tmp.elements:
                if isinstance(el, N.ColumnDef):
                    ops.append(N.AddColumn(el, None, ine))
                elif isinstance(el, N.IndexDef):
                    ops.append(N.AddIndex(el))
                elif isinstance(el, N.ForeignKeyDef):
                    ops.append(N.AddForeignKey(el))
                elif isinstance(el, N.CheckDef):
                    ops.append(N.AddCheck(el))
            return
        col = self.column_def()
        ops.append(N.AddColumn(col, self.position(), ine))

    def alter_drop(self, ops) -> None:
        cur = self.cur
        up = cur.tok.up
        if up == "PRIMARY" and cur.peek().up == "KEY":
            cur.advance()
            cur.advance()
            ops.append(N.DropIndex("PRIMARY"))
            return
        if up in ("INDEX", "KEY") and not (cur.peek().kind == OP):
            cur.advance()
            ie = self.if_exists()
            ops.append(N.DropIndex(cur.ident("index name"), ie))
            return
        if up == "FOREIGN" and cur.peek().up == "KEY":
            cur.advance()
            cur.advance()
            ie = self.if_exists()
            ops.append(N.DropForeignKey(cur.ident("foreign key name"), ie))
            return
        if up in ("CHECK", "CONSTRAINT") and cur.peek().kind in (WORD, QID):
            cur.advance()
            ie = self.if_exists()
            ops.append(N.DropConstraint(cur.ident("constraint name"), up, ie))
            return
        if up == "PERIOD" and cur.peek().up == "FOR":
            cur.advance()
            cur.advance()
            name = "SYSTEM_TIME" if cur.accept("SYSTEM_TIME") else cur.ident("period")
            ops.append(N.DropPeriod(name))
            return
        if up == "SYSTEM" and cur.peek().up == "VERSIONING":
            cur.advance()
            cur.advance()
            ops.append(N.SystemVersioning(False))
            return
        if up == "PARTITION" and cur.peek().kind in (WORD, QID):
            cur.advance()
            op = N.PartitionOp("DROP PARTITION")
            op.names = self._name_list()
            ops.append(op)
            return
        cur.accept("COLUMN")
        ie = self.if_exists()
        name = cur.ident("column name")
        cur.accept_any("RESTRICT", "CASCADE")
        ops.append(N.DropColumn(name, ie))

    def position(self) -> N.Position | None:
        cur = self.cur
        if cur.accept("FIRST"):
            return N.Position(None)
        if cur.accept("AFTER"):
            return N.Position(cur.ident("column name"))
        return None

    # ------------------------------------------------------------------ DROP / RENAME
    def drop(self) -> N.Node:
        cur = self.cur
        cur.expect("DROP")
        temporary = cur.accept("TEMPORARY")
        up = cur.tok.up
        if up in ("INDEX", "KEY") :
            cur.advance()
            cur.accept("ONLINE") or cur.accept("OFFLINE")
            ie = self.if_exists()
            name = cur.ident("index name")
            cur.expect("ON")
            schema, table = cur.qualified("table name")
            self._alter_lock_algorithm()
            cur.end()
            return N.DropIndexStatement(name, table, schema=schema, if_exists=ie)
        if up in ("TABLE", "TABLES", "VIEW", "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT", "SEQUENCE",
                  "DATABASE", "SCHEMA"):
            cur.advance()
            kind = {"TABLES": "TABLE", "SCHEMA": "DATABASE"}.get(up, up)
            ie = self.if_exists()
            names = [cur.qualified("name")] if kind != "DATABASE" else [(None, cur.ident("database"))]
            while cur.accept_op(","):
                names.append(cur.qualified("name"))
            cur.accept("WAIT") and cur.number()
            cur.accept("NOWAIT")
            cur.accept_any("RESTRICT", "CASCADE")
            cur.end()
            return N.Drop(kind, names, if_exists=ie, temporary=temporary)
        if up in _OTHER_OBJECTS or up in ("PREPARE", "PACKAGE"):
            cur.skip_to_end()
            return N.Other(f"DROP {up}")
        cur.error("expected TABLE, INDEX, VIEW, TRIGGER, PROCEDURE, FUNCTION, EVENT, SEQUENCE or DATABASE after DROP")

    def rename(self) -> N.Node:
        cur = self.cur
        cur.expect("RENAME")
        if cur.is_any("USER"):
            cur.skip_to_end()
            return N.Other("RENAME USER")
        if not (cur.accept("TABLE") or cur.accept("TABLES")):
            cur.error("expected TABLE after RENAME")
        self.if_exists()
        pairs = []
        while True:
            a = cur.qualified("table name")
            cur.accept("WAIT") and cur.number()
            cur.accept("NOWAIT")
            cur.expect("TO")
            b = cur.qualified("table name")
            pairs.append((a, b))
            if not cur.accept_op(","):
                break
        cur.end()
        return N.RenameTables(pairs)

    # ------------------------------------------------------------------ SET
    def set_statement(self) -> N.Node:
        cur = self.cur
        cur.expect("SET")
        node = N.SetStatement()
        if cur.is_any("PASSWORD", "ROLE", "STATEMENT") or (cur.is_kw("DEFAULT", "ROLE")):
            cur.skip_to_end()
            return N.Other(f"SET {cur.toks[1].up}")
        if cur.is_any("TRANSACTION") or cur.is_kw("SESSION", "TRANSACTION") or cur.is_kw("GLOBAL", "TRANSACTION"):
            cur.skip_to_end()
            return N.Other("SET TRANSACTION")
        while True:
            node.assignments.append(self.assignment())
            if not cur.accept_op(","):
                break
        cur.end()
        return node

    def assignment(self) -> N.Assignment:
        cur = self.cur
        t = cur.tok
        scope = "SESSION"
        if t.up in ("NAMES",):
            cur.advance()
            if cur.accept("DEFAULT"):
                return N.Assignment("NAMES", "names", None)
            cs = cur.ident_or_string("charset").lower()
            coll = cur.ident_or_string("collation").lower() if cur.accept("COLLATE") else None
            return N.Assignment("NAMES", "names", cs, collation=coll)
        if t.up in ("CHARACTER", "CHARSET") and (t.up == "CHARSET" or cur.peek().up == "SET"):
            cur.advance()
            if t.up == "CHARACTER":
                cur.advance()
            v = None if cur.accept("DEFAULT") else cur.ident_or_string("charset").lower()
            return N.Assignment("CHARSET", "charset", v)
        if t.up in ("SESSION", "LOCAL", "GLOBAL", "PERSIST", "PERSIST_ONLY") and cur.peek().kind in (WORD, QID):
            cur.advance()
            scope = "GLOBAL" if t.up.startswith(("GLOBAL", "PERSIST")) else "SESSION"
            t = cur.tok
        if t.kind == VAR:
            cur.advance()
            text = t.text
            if text.startswith("@@"):
                name = text[2:].lower()
                for prefix in ("session.", "local.", "global.", "persist.", "persist_only."):
                    if name.startswith(prefix):
                        scope = "GLOBAL" if prefix[0] in "gp" else "SESSION"
                        name = name[len(prefix):]
                        break
            else:
                scope = "USER"
                name = text.lower()
        else:
            name = cur.ident("variable").lower()
            if cur.is_op(".") and cur.peek().kind in (WORD, QID):
                cur.advance()
                name += "." + cur.ident("variable").lower()
        if not (cur.accept_op("=") or cur.accept_op(":=")):
            cur.error("expected '='")
        vt = cur.tok
        # simple values are taken as text; anything else is an unevaluated expression
        nxt = cur.peek()
        simple = nxt.kind == EOF or (nxt.kind == OP and nxt.text in (",", ";"))
        if simple and vt.kind in (STR, NUM, WORD, QID):
            cur.advance()
            if vt.kind == WORD and vt.up in ("DEFAULT",):
                return N.Assignment(scope, name, None)
            return N.Assignment(scope, name, vt.value if vt.kind in (STR, QID) else vt.text)
        start = vt.start
        self.ex.expr()
        return N.Assignment(scope, name, cur.lexed.slice(start, cur.tok.start).strip(), expression=True)

    # ------------------------------------------------------------------ views
    def create_view(self, or_replace, algorithm, definer, security, alter: bool) -> N.CreateView:
        cur = self.cur
        cur.expect("VIEW")
        ine = self.if_not_exists()
        schema, name = cur.qualified("view name")
        columns = None
        if cur.is_op("("):
            cur.advance()
            columns = [cur.ident("column")]
            while cur.accept_op(","):
                columns.append(cur.ident("column"))
            cur.expect_op(")")
        cur.expect("AS")
        start = cur.tok.start
        query = None
        from . import select as S
        save = cur.i
        try:
            query = S.parse_query(cur, self.ex)
        except InputError:
            query = None
            cur.i = save
            self._skip_to_check_option()
        end_tok = cur.tok
        check = None
        if cur.accept("WITH"):
            check = cur.accept_any("CASCADED", "LOCAL") or "CASCADED"
            cur.expect("CHECK")
            cur.expect("OPTION")
        select_text = cur.lexed.slice(start, end_tok.start).strip()
        if not select_text:
            cur.error("expected SELECT")
        cur.end()
        return N.CreateView(name, select_text, schema=schema, query=query, or_replace=or_replace,
                            if_not_exists=ine, alter=alter, algorithm=algorithm, definer=definer,
                            security=security, columns=columns, check_option=check)

    def _skip_to_check_option(self) -> None:
        cur = self.cur
        depth = 0
        while not cur.at_end():
            t = cur.tok
            if t.kind == OP:
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth -= 1
            if depth == 0 and t.up == "WITH" and cur.peek().up in ("CHECK", "CASCADED", "LOCAL"):
                after = cur.peek(2) if cur.peek().up != "CHECK" else cur.peek()
                if after.up in ("CHECK",) or cur.peek(2).up == "OPTION":
                    return
            cur.advance()

    def _select_for_expr(self, cur: Cursor):
        from . import select as S
        return S.parse_query(cur, self.ex)

    # ------------------------------------------------------------------ triggers
    def create_trigger(self, or_replace, definer) -> N.CreateTrigger:
        cur = self.cur
        head_start = cur.toks[cur.i].start
        cur.expect("TRIGGER")
        ine = self.if_not_exists()
        schema, name = cur.qualified("trigger name")
        timing = cur.accept_any("BEFORE", "AFTER")
        if timing is None:
            cur.error("expected BEFORE or AFTER")
        event = cur.accept_any("INSERT", "UPDATE", "DELETE")
        if event is None:
            cur.error("expected INSERT, UPDATE or DELETE")
        cur.expect("ON")
        tschema, table = cur.qualified("table name")
        cur.expect("FOR")
        cur.expect("EACH")
        cur.expect("ROW")
        order = None
        head_end = cur.toks[cur.i].start
        w = cur.accept_any("FOLLOWS", "PRECEDES")
        if w:
            order = (w, cur.ident("trigger name"))
        body = cur.rest_text()
        if not body:
            cur.error("expected the trigger body")
        cur.skip_to_end()
        # the head as written, without FOLLOWS/PRECEDES (MariaDB keeps it so)
        head = cur.lexed.slice(head_start, head_end)
        return N.CreateTrigger(name, table, timing, event, body, schema=schema, table_schema=tschema,
                               definer=definer, order=order, or_replace=or_replace, if_not_exists=ine,
                               head=head)

    # ------------------------------------------------------------------ routines
    def create_routine(self, or_replace, definer, aggregate) -> N.CreateRoutine:
        cur = self.cur
        kind = cur.advance().up
        ine = self.if_not_exists()
        schema, name = cur.qualified("routine name")
        cur.expect_op("(")
        params_start = cur.toks[cur.i - 1].end
        params: list[N.ParamDef] = []
        if not cur.is_op(")"):
            while True:
                mode = cur.accept_any("IN", "OUT", "INOUT", "IN OUT")
                if mode == "IN" and cur.accept("OUT"):
                    mode = "INOUT"
                pname = cur.ident("parameter name")
                params.append(N.ParamDef(pname, self.data_type(), mode))
                if not cur.accept_op(","):
                    break
        params_text = cur.lexed.slice(params_start, cur.toks[cur.i].start)
        cur.expect_op(")")
        node = N.CreateRoutine(kind, name, params, "", schema=schema,
                               definer=definer, or_replace=or_replace, if_not_exists=ine,
                               aggregate=aggregate, params_text=params_text)
        if kind == "FUNCTION":
            cur.expect("RETURNS")
            node.returns = self.data_type()
        self.routine_characteristics(node)
        body = cur.rest_text()
        if not body:
            cur.error("expected the routine body")
        node.body = body
        cur.skip_to_end()
        return node

    def routine_characteristics(self, node) -> None:
        cur = self.cur
        while True:
            if cur.accept("COMMENT"):
                node.comment = cur.string("comment")
            elif cur.accept("LANGUAGE"):
                cur.ident("language")
            elif cur.accept("NOT", "DETERMINISTIC"):
                node.deterministic = False
            elif cur.accept("DETERMINISTIC"):
                node.deterministic = True
            elif cur.accept("CONTAINS", "SQL"):
                node.data_access = "CONTAINS SQL"
            elif cur.accept("NO", "SQL"):
                node.data_access = "NO SQL"
            elif cur.accept("READS", "SQL", "DATA"):
                node.data_access = "READS SQL DATA"
            elif cur.accept("MODIFIES", "SQL", "DATA"):
                node.data_access = "MODIFIES SQL DATA"
            elif cur.accept("SQL", "SECURITY"):
                node.security = cur.ident("DEFINER or INVOKER").upper()
            else:
                return

    def alter_routine(self) -> N.AlterRoutine:
        cur = self.cur
        kind = cur.advance().up
        schema, name = cur.qualified("routine name")
        node = N.AlterRoutine(kind, name, schema=schema)
        self.routine_characteristics(node)
        cur.end()
        return node

    # ------------------------------------------------------------------ events
    def create_event(self, or_replace, definer, alter: bool) -> N.CreateEvent:
        cur = self.cur
        cur.expect("EVENT")
        ine = self.if_not_exists()
        schema, name = cur.qualified("event name")
        node = N.CreateEvent(name, schema=schema, definer=definer, or_replace=or_replace,
                             if_not_exists=ine, alter=alter)
        while True:
            if cur.accept("ON", "SCHEDULE"):
                if cur.accept("AT"):
                    node.schedule = "AT " + self._event_time()
                else:
                    cur.expect("EVERY")
                    n = self.ex.expr()
                    unit = cur.ident("interval unit").upper()
                    node.schedule = f"EVERY {_event_quantity(n, unit)} {unit}"
                    if cur.accept("STARTS"):
                        node.starts = self._event_time()
                    if cur.accept("ENDS"):
                        node.ends = self._event_time()
            elif cur.accept("ON", "COMPLETION"):
                node.preserve = not cur.accept("NOT")
                cur.expect("PRESERVE")
            elif cur.accept("RENAME", "TO"):
                node.rename_to = cur.qualified("event name")
            elif cur.accept("ENABLE"):
                node.status = "ENABLE"
            elif cur.accept("DISABLE", "ON", "SLAVE") or cur.accept("DISABLE", "ON", "REPLICA"):
                node.status = "DISABLE ON SLAVE"
            elif cur.accept("DISABLE"):
                node.status = "DISABLE"
            elif cur.accept("COMMENT"):
                node.comment = cur.string("comment")
            elif cur.accept("DO"):
                node.body = cur.rest_text()
                cur.skip_to_end()
                break
            else:
                break
        cur.end()
        if not alter and node.body is None:
            cur.error("expected DO and the event body")
        return node

    def _event_time(self) -> str:
        """A schedule time: a string literal (kept), or an expression (its text)."""
        cur = self.cur
        t = cur.tok
        start = t.start
        e = self.ex.expr()
        if isinstance(e, Lit) and e.kind == "str":
            return quote_string(e.value, backslash_escapes=False)
        return cur.lexed.slice(start, cur.toks[cur.i - 1].end).strip()

    # ------------------------------------------------------------------ sequences
    def sequence(self, or_replace, temporary, alter: bool) -> N.CreateSequence:
        cur = self.cur
        cur.expect("SEQUENCE")
        ie = self.if_exists() if alter else False
        ine = self.if_not_exists() if not alter else False
        schema, name = cur.qualified("sequence name")
        node = N.CreateSequence(name, schema=schema, or_replace=or_replace, if_not_exists=ine,
                                temporary=temporary, alter=alter, if_exists=ie)
        o = node.options
        while not cur.at_end():
            if cur.accept("START"):
                cur.accept("WITH") or cur.accept_op("=")
                o["start"] = self._seq_int()
            elif cur.accept("RESTART"):
                if cur.accept("WITH") or cur.accept_op("="):
                    o["restart"] = self._seq_int()
                else:
                    o["restart"] = None
            elif cur.accept("MINVALUE"):
                cur.accept_op("=")
                o["min_value"] = self._seq_int()
            elif cur.accept("NO", "MINVALUE") or cur.accept("NOMINVALUE"):
                o["min_value"] = None
            elif cur.accept("MAXVALUE"):
                cur.accept_op("=")
                o["max_value"] = self._seq_int()
            elif cur.accept("NO", "MAXVALUE") or cur.accept("NOMAXVALUE"):
                o["max_value"] = None
            elif cur.accept("INCREMENT"):
                cur.accept("BY") or cur.accept_op("=")
                o["increment"] = self._seq_int()
            elif cur.accept("CACHE"):
                cur.accept_op("=")
                o["cache"] = self._seq_int()
            elif cur.accept("NOCACHE") or cur.accept("NO", "CACHE"):
                o["cache"] = 0
            elif cur.accept("CYCLE"):
                o["cycle"] = True
            elif cur.accept("NOCYCLE") or cur.accept("NO", "CYCLE"):
                o["cycle"] = False
            elif cur.accept("AS"):
                o["value_type"] = self.data_type()
            elif cur.accept("ENGINE"):
                cur.accept_eq()
                o["engine"] = cur.ident_or_string("engine")
            elif cur.accept("COMMENT"):
                cur.accept_eq()
                o["comment"] = cur.string()
            else:
                opts = N.TableOptions()
                start = cur.i
                self.table_options(opts)
                if cur.i == start:
                    cur.error("unexpected text in SEQUENCE")
                for k, v in opts.items.items():
                    if k == "ENGINE":
                        o["engine"] = v
                    elif k == "COMMENT":
                        o["comment"] = v
        cur.end()
        return node

    def _seq_int(self) -> int:
        cur = self.cur
        neg = cur.accept_op("-")
        cur.accept_op("+")
        t = cur.tok
        if t.kind != NUM:
            cur.error("expected a number")
        cur.advance()
        try:
            v = int(t.text)
        except ValueError:
            cur.error("expected an integer", t)
        return -v if neg else v

    # ------------------------------------------------------------------ databases
    def database(self, or_replace, alter: bool) -> N.CreateDatabase:
        cur = self.cur
        cur.advance()  # DATABASE / SCHEMA
        ine = self.if_not_exists() if not alter else False
        name = None
        if cur.tok.kind in (WORD, QID) and cur.tok.up not in ("DEFAULT", "CHARACTER", "CHARSET",
                                                                 "COLLATE", "COMMENT", "UPGRADE"):
            name = cur.ident("database name")
        node = N.CreateDatabase(name, if_not_exists=ine, or_replace=or_replace, alter=alter)
        while not cur.at_end():
            cur.accept("DEFAULT")
            if cur.accept("CHARACTER", "SET") or cur.accept("CHARSET") or cur.accept("CHAR", "SET"):
                cur.accept_eq()
                node.charset = cur.ident_or_string("charset").lower()
            elif cur.accept("COLLATE"):
                cur.accept_eq()
                node.collation = cur.ident_or_string("collation").lower()
            elif cur.accept("COMMENT"):
                cur.accept_eq()
                node.comment = cur.string()
            elif cur.accept("ENCRYPTION") or cur.accept("READ", "ONLY"):
                cur.accept_eq()
                cur.word_value()
            elif cur.accept("UPGRADE", "DATA", "DIRECTORY", "NAME"):
                pass
            else:
                cur.error("unexpected text in DATABASE statement")
        cur.end()
        return node


# --------------------------------------------------------------------------- helpers

_CHAR_TYPES = {"CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "NATIONAL CHAR",
               "NATIONAL VARCHAR", "ENUM", "SET", "NCHAR", "NVARCHAR"}

_TYPE_WORDS = {
    "BIT", "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "INT1", "INT2", "INT3",
    "INT4", "INT8", "MIDDLEINT", "REAL", "DOUBLE", "FLOAT", "FLOAT4", "FLOAT8", "DECIMAL", "DEC",
    "NUMERIC", "FIXED", "NUMBER", "DATE", "TIME", "TIMESTAMP", "DATETIME", "YEAR", "CHAR",
    "CHARACTER", "VARCHAR", "VARCHAR2", "NCHAR", "NVARCHAR", "NATIONAL", "BINARY", "VARBINARY",
    "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT",
    "LONG", "ENUM", "SET", "JSON", "BOOL", "BOOLEAN", "SERIAL", "GEOMETRY", "POINT", "LINESTRING",
    "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION",
    "GEOMCOLLECTION", "UUID", "INET4", "INET6", "VECTOR", "XMLTYPE", "ROW", "SYS_REFCURSOR",
}


def _is_type_word(up: str | None) -> bool:
    return up in _TYPE_WORDS


_COLUMN_STOP = {"CONSTRAINT", "PRIMARY", "UNIQUE", "KEY", "INDEX", "FOREIGN", "CHECK", "FIRST",
                "AFTER", "ADD", "DROP", "MODIFY", "CHANGE", "ALTER", "RENAME", "ENGINE", "DEFAULT",
                "ALGORITHM", "LOCK", "CHARSET", "COLLATE", "COMMENT"}

_TABLE_OPTIONS = {
    "AUTO_INCREMENT", "AVG_ROW_LENGTH", "CHECKSUM", "TABLE_CHECKSUM", "DELAY_KEY_WRITE",
    "INSERT_METHOD", "KEY_BLOCK_SIZE", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS", "ROW_FORMAT",
    "STATS_AUTO_RECALC", "STATS_PERSISTENT", "STATS_SAMPLE_PAGES", "PAGE_CHECKSUM",
    "PAGE_COMPRESSED", "PAGE_COMPRESSION_LEVEL", "TRANSACTIONAL", "ENCRYPTED", "ENCRYPTION_KEY_ID",
    "IETF_QUOTES", "SEQUENCE", "AUTOEXTEND_SIZE", "SECONDARY_ENGINE", "ENGINE",
}

_TABLE_OPTION_STOP = {"ALGORITHM", "LOCK", "PARTITION", "ADD", "DROP", "MODIFY", "CHANGE", "ALTER"}
_OPTION_WORDS = {"ENGINE", "DEFAULT", "CHARACTER", "CHARSET", "COLLATE", "COMMENT", "ROW_FORMAT",
                 "AUTO_INCREMENT"}

_ALTER_STARTS = {"ADD", "DROP", "MODIFY", "CHANGE", "ALTER", "RENAME", "ALGORITHM", "LOCK",
                 "FORCE", "ENGINE", "CONVERT", "ORDER", "PARTITION", "REORGANIZE", "COALESCE",
                 "TRUNCATE", "ANALYZE", "CHECK", "OPTIMIZE", "REBUILD", "REPAIR", "REMOVE",
                 "DISCARD", "IMPORT", "EXCHANGE", "DEFAULT", "CHARACTER", "CHARSET", "COLLATE",
                 "COMMENT", "ROW_FORMAT", "AUTO_INCREMENT"}


def evaluate_int(e) -> int | None:
    """The integer value of a constant partition bound, or None when it is not
    one we can compute offline (integers, + - * DIV, TO_DAYS / TO_SECONDS /
    YEAR / MONTH of a date literal)."""
    import datetime as _dt

    from .expr import Binary, Func, Lit
    if isinstance(e, Lit):
        if e.kind == "num":
            try:
                return int(e.text)
            except ValueError:
                return None
        return None
    if isinstance(e, Binary) and e.op in ("+", "-", "*", "DIV"):
        a, b = evaluate_int(e.left), evaluate_int(e.right)
        if a is None or b is None:
            return None
        if e.op == "+":
            return a + b
        if e.op == "-":
            return a - b
        if e.op == "*":
            return a * b
        return int(a / b) if b else None
    if isinstance(e, Func) and isinstance(e.name, str) and len(e.args) == 1:
        arg = e.args[0]
        if not (isinstance(arg, Lit) and arg.kind in ("str", "temporal")):
            return None
        text = arg.value.strip()
        try:
            d = _dt.datetime.fromisoformat(text) if " " in text or "T" in text else \
                _dt.datetime.combine(_dt.date.fromisoformat(text), _dt.time())
        except ValueError:
            return None
        low = e.name.lower()
        if low == "to_days":
            return d.toordinal() + 365
        if low == "to_seconds":
            return (d.toordinal() + 365) * 86400 + d.hour * 3600 + d.minute * 60 + d.second
        if low == "year":
            return d.year
        if low == "month":
            return d.month
    return None





def _unquote_var(text: str) -> str:
    """The host part after ``@``: quoted or bare."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "`'\"":
        q = text[0]
        return text[1:-1].replace(q + q, q)
    return text


def _event_quantity(e, unit: str) -> str:
    """The ``EVERY`` quantity as the server stores and shows it. MySQL and
    MariaDB share this code (``Event_parse_data::init_interval``): the quantity
    is evaluated when the event is created, so a single unit shows an integer
    (``1+1`` -> ``2``, ``1.5`` -> ``2``, ``'1'`` -> ``1``) and a compound unit
    (``HOUR_MINUTE``) a quoted string, in both flavors alike. Compound strings
    are kept as written (the server also carries ``'1:90'`` -> ``'2:30'``);
    an expression that is not constant arithmetic is kept as printed."""
    if "_" not in unit:
        value = _constant(e)
        if value is not None:
            return str(int(value.to_integral_value(rounding=ROUND_HALF_UP)))
    if isinstance(e, Lit) and e.kind == "num":
        return e.text
    if isinstance(e, Lit) and e.kind == "str":
        return quote_string(e.value, backslash_escapes=False)
    from .printer import MARIADB_STYLE, Printer
    return Printer(MARIADB_STYLE)(e)


def _constant(e) -> Decimal | None:
    """The value of constant arithmetic (numbers, strings read as numbers the way
    the server converts them: the leading integer, ``+ - * /``), else ``None``."""
    if isinstance(e, Lit) and e.kind == "num":
        try:
            return Decimal(e.text)
        except InvalidOperation:
            return None
    if isinstance(e, Lit) and e.kind == "str":
        m = re.match(r"\s*([-+]?\d+)", e.value or "")
        return Decimal(m.group(1)) if m else Decimal(0)
    if isinstance(e, Unary) and e.op in ("-", "+"):
        v = _constant(e.expr)
        return None if v is None else (-v if e.op == "-" else v)
    if isinstance(e, Binary) and e.op in ("+", "-", "*", "/"):
        a, b = _constant(e.left), _constant(e.right)
        if a is None or b is None or (e.op == "/" and b == 0):
            return None
        return {"+": a + b, "-": a - b, "*": a * b}.get(e.op) if e.op != "/" else a / b
    return None