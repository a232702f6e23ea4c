"""SELECT statements (view bodies, subqueries): parsed into a small AST.

Only what view definitions need: select lists with aliases, FROM with joins and
derived tables, WHERE, GROUP BY [WITH ROLLUP], HAVING, WINDOW (kept as text),
ORDER BY, LIMIT, UNION/EXCEPT/INTERSECT, WITH (CTEs). Printing it the way the
server stores a view lives in :mod:`.views`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .cursor import OP, QID, STR, WORD, Cursor
from .expr import Expr, ExprParser


@dataclass(eq=False)
class SelectItem:
    expr: Expr
    alias: str | None = None
    #: The item's source text (MariaDB names an unaliased item after it).
    text: str = ""


@dataclass(eq=False)
class TableRef:
    name: str
    schema: str | None = None
    alias: str | None = None
    hints: str | None = None


@dataclass(eq=False)
class Derived:
    query: "Query"
    alias: str | None = None
    columns: list[str] | None = None


@dataclass(eq=False)
class Join:
    left: object
    right: object
    #: ``JOIN``, ``LEFT JOIN``, ``RIGHT JOIN``, ``STRAIGHT_JOIN``, ``CROSS JOIN``,
    #: ``NATURAL JOIN``, ``NATURAL LEFT JOIN``, ``NATURAL RIGHT JOIN``, ``,``
    kind: str
    on: Expr | None = None
    using: list[str] | None = None


@dataclass(eq=False)
class Select:
    items: list[SelectItem]
    distinct: bool = False
    options: list[str] = field(default_factory=list)
    from_: list = field(default_factory=list)
    where: Expr | None = None
    group_by: list = field(default_factory=list)
    rollup: bool = False
    having: Expr | None = None
    window: str | None = None
    order_by: list = field(default_factory=list)
    limit: tuple | None = None
    #: ``FOR UPDATE`` / ``LOCK IN SHARE MODE`` (kept as text)
    lock: str | None = None


@dataclass(eq=False)
class SetOp:
    op: str                  # UNION / UNION ALL / UNION DISTINCT / EXCEPT / INTERSECT ...
    left: object
    right: object


@dataclass(eq=False)
class Query:
    body: object             # Select | SetOp | Query (parenthesized)
    order_by: list = field(default_factory=list)
    limit: tuple | None = None
    ctes: list | None = None  # [(name, columns, Query)]
    recursive: bool = False
    parenthesized: bool = False


_SELECT_OPTIONS = {"ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_SMALL_RESULT",
                   "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_CACHE", "SQL_NO_CACHE",
                   "SQL_CALC_FOUND_ROWS"}
_ALIAS_STOP = {"FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT",
               "INTO", "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "NATURAL",
               "STRAIGHT_JOIN", "WINDOW", "WITH", "FOR", "LOCK", "PROCEDURE", "FULL", "OUTER",
               "USE", "IGNORE", "FORCE", "PARTITION", "AS", "OFFSET", "RETURNING", "MINUS"}


def parse_query(cur: Cursor, ex: ExprParser) -> Query:
    """A query expression at the cursor (stops before ``)``, ``;``, WITH CHECK
    OPTION or the end)."""
    ctes = None
    recursive = False
    if cur.is_kw("WITH") and not cur.is_kw("WITH", "CHECK") and not cur.is_kw("WITH", "CASCADED") \
            and not cur.is_kw("WITH", "LOCAL"):
        cur.advance()
        recursive = cur.accept("RECURSIVE")
        ctes = []
        while True:
            name = cur.ident("CTE name")
            cols = None
            if cur.accept_op("("):
                cols = [cur.ident("column")]
                while cur.accept_op(","):
                    cols.append(cur.ident("column"))
                cur.expect_op(")")
            cur.expect("AS")
            cur.expect_op("(")
            q = parse_query(cur, ex)
            cur.expect_op(")")
            ctes.append((name, cols, q))
            if not cur.accept_op(","):
                break
    body = _set_expr(cur, ex)
    q = Query(body, ctes=ctes, recursive=recursive)
    _tail(cur, ex, q)
    return q


def _set_expr(cur: Cursor, ex: ExprParser):
    left = _primary(cur, ex)
    while True:
        w = cur.tok.up
        if w in ("UNION", "EXCEPT", "INTERSECT", "MINUS"):
            cur.advance()
            op = "EXCEPT" if w == "MINUS" else w
            q = cur.accept_any("ALL", "DISTINCT")
            if q:
                op += " " + q
            right = _primary(cur, ex)
            left = SetOp(op, left, right)
            continue
        return left


def _primary(cur: Cursor, ex: ExprParser):
    if cur.is_op("("):
        cur.advance()
        q = parse_query(cur, ex)
        cur.expect_op(")")
        q.parenthesized = True
        return q
    if cur.is_kw("SELECT"):
        return _select(cur, ex)
    if cur.is_kw("VALUES") or cur.is_kw("TABLE"):
        cur.error("VALUES / TABLE queries are not supported in view bodies")
    cur.error("expected SELECT")


def _select(cur: Cursor, ex: ExprParser) -> Select:
    cur.expect("SELECT")
    sel = Select([])
    while cur.tok.up in _SELECT_OPTIONS:
        w = cur.advance().up
        if w in ("DISTINCT", "DISTINCTROW"):
            sel.distinct = True
        elif w != "ALL":
            sel.options.append(w)
    while True:
        start = cur.tok.start
        e = ex.expr()
        end = cur.toks[cur.i - 1].end
        alias = None
        if cur.accept("AS"):
            alias = cur.ident_or_string("alias")
        elif cur.tok.kind in (QID, STR) or (cur.tok.kind == WORD and cur.tok.up not in _ALIAS_STOP):
            alias = cur.ident_or_string("alias")
        sel.items.append(SelectItem(e, alias, cur.lexed.slice(start, end)))
        if not cur.accept_op(","):
            break
    if cur.accept("INTO"):
        cur.error("SELECT ... INTO is not a view body")
    if cur.accept("FROM"):
        if cur.accept("DUAL"):
            pass
        else:
            sel.from_ = [_table_ref(cur, ex)]
            while cur.accept_op(","):
                sel.from_.append(_table_ref(cur, ex))
    if cur.accept("WHERE"):
        sel.where = ex.expr()
    if cur.is_kw("GROUP", "BY"):
        cur.advance()
        cur.advance()
        sel.group_by = ex.order_list()
        if cur.accept("WITH", "ROLLUP"):
            sel.rollup = True
    if cur.accept("HAVING"):
        sel.having = ex.expr()
    if cur.accept("WINDOW"):
        start = cur.tok.start
        while True:
            cur.ident("window name")
            cur.expect("AS")
            cur.skip_parens()
            if not cur.accept_op(","):
                break
        sel.window = cur.lexed.slice(start, cur.toks[cur.i - 1].end)
    _order_limit(cur, ex, sel)
    if cur.is_kw("FOR", "UPDATE") or cur.is_kw("LOCK", "IN"):
        start = cur.tok.start
        while not cur.at_end() and not cur.is_op(")"):
            cur.advance()
        sel.lock = cur.lexed.slice(start, cur.tok.start).strip()
    return sel


def _order_limit(cur: Cursor, ex: ExprParser, target) -> None:
    if cur.is_kw("ORDER", "BY"):
        cur.advance()
        cur.advance()
        target.order_by = ex.order_list()
    if cur.accept("LIMIT"):
        a = ex.expr()
        if cur.accept_op(","):
            target.limit = (a, ex.expr())
        elif cur.accept("OFFSET"):
            target.limit = (ex.expr(), a)
        else:
            target.limit = (None, a)


def _tail(cur: Cursor, ex: ExprParser, q: Query) -> None:
    # ORDER BY / LIMIT after a set operation or a parenthesized query belong to the query
    if isinstance(q.body, (SetOp, Query)):
        _order_limit(cur, ex, q)


def _table_ref(cur: Cursor, ex: ExprParser):
    left = _table_factor(cur, ex)
    while True:
        kind = None
        if cur.accept("JOIN") or cur.accept("INNER", "JOIN"):
            kind = "JOIN"
        elif cur.accept("CROSS", "JOIN"):
            kind = "CROSS JOIN"
        elif cur.accept("STRAIGHT_JOIN"):
            kind = "STRAIGHT_JOIN"
        elif cur.accept("LEFT", "OUTER", "JOIN") or cur.accept("LEFT", "JOIN"):
            kind = "LEFT JOIN"
        elif cur.accept("RIGHT", "OUTER", "JOIN") or cur.accept("RIGHT", "JOIN"):
            kind = "RIGHT JOIN"
        elif cur.is_kw("NATURAL"):
            cur.advance()
            side = cur.accept_any("LEFT", "RIGHT")
            cur.accept("OUTER")
            cur.accept("INNER")
            cur.expect("JOIN")
            kind = "NATURAL " + (side + " " if side else "") + "JOIN"
        if kind is None:
            return left
        right = _table_factor(cur, ex)
        j = Join(left, right, kind)
        if not kind.startswith("NATURAL"):
            if cur.accept("ON"):
                j.on = ex.expr()
            elif cur.accept("USING"):
                cur.expect_op("(")
                j.using = [cur.ident("column")]
                while cur.accept_op(","):
                    j.using.append(cur.ident("column"))
                cur.expect_op(")")
        left = j


def _table_factor(cur: Cursor, ex: ExprParser):
    if cur.is_op("("):
        # derived table, or parenthesized join
        k = 1
        while cur.peek(k).kind == OP and cur.peek(k).text == "(":
            k += 1
        if cur.peek(k).up in ("SELECT", "WITH"):
            cur.advance()
            q = parse_query(cur, ex)
            cur.expect_op(")")
            d = Derived(q)
            cur.accept("AS")
            if cur.tok.kind in (WORD, QID) and cur.tok.up not in _ALIAS_STOP:
                d.alias = cur.ident("alias")
            if cur.is_op("(") and d.alias:
                cur.advance()
                d.columns = [cur.ident("column")]
                while cur.accept_op(","):
                    d.columns.append(cur.ident("column"))
                cur.expect_op(")")
            return d
        cur.advance()
        inner = _table_ref(cur, ex)
        while cur.accept_op(","):
            inner = Join(inner, _table_ref(cur, ex), ",")
        cur.expect_op(")")
        return inner
    if cur.is_kw("LATERAL"):
        # MySQL 8.0.14+ only, whose view bodies are kept as written (Rules.view_rewrite):
        # nothing prints it, so it is accepted and not recorded
        cur.advance()
        return _table_factor(cur, ex)
    schema, name = cur.qualified("table name")
    t = TableRef(name, schema)
    if cur.accept("PARTITION"):
        cur.skip_parens()
    cur.accept("AS")
    if cur.tok.kind in (WORD, QID, STR) and (cur.tok.kind != WORD or cur.tok.up not in _ALIAS_STOP):
        t.alias = cur.ident_or_string("alias")
    # index hints
    while cur.is_any("USE", "IGNORE", "FORCE") and cur.peek().up in ("INDEX", "KEY"):
        start = cur.tok.start
        cur.advance()
        cur.advance()
        if cur.accept("FOR"):
            cur.advance()
            cur.accept("BY")
        cur.skip_parens()
        t.hints = (t.hints + " " if t.hints else "") + cur.lexed.slice(start, cur.toks[cur.i - 1].end)
    return t
