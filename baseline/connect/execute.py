"""baseline's own script executor: run a SQL script on a PyMySQL connection.

DELIMITER-aware (through :func:`baseline.sql.split.split_sql`), statement by
statement, inner comments kept (routine bodies reach the server as written). A
failing statement stops the script with an :class:`ExecutionError` that names the
file, the line, an excerpt of the statement and the server's error.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

import pymysql

from ..errors import InputError
from ..sql.split import Statement, split_sql


class ExecutionError(InputError):
    """A statement the server rejected."""

    def __init__(self, message: str, *, file: str | None, line: int | None, statement: str,
                 server_code: int | None, server_message: str):
        self.statement = statement
        self.server_code = server_code
        self.server_message = server_message
        super().__init__(message, file=file, line=line, excerpt=statement)

    @classmethod
    def from_server(cls, e: pymysql.err.MySQLError, st: Statement, file: str | None) -> "ExecutionError":
        """The error for statement ``st`` that the server refused with ``e``."""
        code = e.args[0] if e.args and isinstance(e.args[0], int) else None
        msg = e.args[1] if len(e.args) > 1 else str(e)
        return cls(f"server error {code}: {msg}" if code else f"server error: {msg}",
                   file=file, line=server_line(st, str(msg)), statement=st.text, server_code=code,
                   server_message=str(msg))


#: A syntax error's place, as the server counts lines within the statement it got.
_AT_LINE = re.compile(r"\bnear '.*' at line (\d+)\s*$", re.S)


def server_line(st: Statement, message: str) -> int | None:
    """The file line the server's error points at: ``near '...' at line N`` counts
    from the statement's first line (which :attr:`Statement.line` gives); other
    errors are the statement's own line."""
    m = _AT_LINE.search(message)
    if m is None or st.line is None:
        return st.line
    n = int(m.group(1))
    if not 1 <= n <= st.text.count("\n") + 1:
        return st.line
    return st.line + n - 1


def execute_statements(conn, statements: Iterable[Statement], *, file: str | None = None,
                       on_statement: Callable[[Statement], None] | None = None,
                       encode: Callable[[Statement], bytes] | None = None) -> int:
    """Execute statements in order; returns how many ran.

    ``encode`` gives the bytes to send for a statement (a dump replayed in the
    character set it declares); by default the text goes in the connection's."""
    count = 0
    with conn.cursor() as cur:
        for st in statements:
            try:
                cur.execute(encode(st) if encode is not None else st.text)
                # drain result sets (SELECT SETVAL(...), CALL ...)
                while cur.nextset():
                    pass
            except pymysql.err.MySQLError as e:
                raise ExecutionError.from_server(e, st, file) from None
            count += 1
            if on_statement is not None:
                on_statement(st)
    return count


def execute_script(conn, text: str, *, file: str | None = None, first_line: int = 1,
                   on_statement: Callable[[Statement], None] | None = None) -> int:
    """Split ``text`` and execute every statement; returns how many ran."""
    return execute_statements(conn, split_sql(text, file=file, first_line=first_line),
                              file=file, on_statement=on_statement)
