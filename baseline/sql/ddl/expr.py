"""SQL expressions: a small AST, a Pratt parser over a :class:`Cursor`, and
printers that spell an expression the way a flavor's server shows it.

Why an AST at all: hand-written DDL says ``CHECK (price>0)`` or
``AS (a*100)``; the server stores and shows ``CHECK (`price` > 0)`` /
``GENERATED ALWAYS AS (`a` * 100)`` on MariaDB and ``CHECK ((`price` > 0))`` on
MySQL. Printing the parsed tree in the server's style gives the canonical text
the model holds, and printing the server's own text again gives it back
unchanged (tests check this on every corpus dump).

MariaDB style (checked against a 10.11 server): identifiers in backticks, binary
operators spaced and parenthesised only where precedence needs it, ``and``/``or``
lower case, ``DIV``/``MOD`` upper case, function names lower case with synonyms
resolved (``lower`` -> ``lcase``, ``now`` -> ``current_timestamp``), arguments
joined by ``,`` without spaces, ``NOT col`` -> ``col = 0``, ``NOT x`` -> ``!x``.
MySQL style: every operator application in parentheses, strings in stored
expressions with their charset introducer (``_utf8mb4'x'``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .cursor import BIT, HEX, NUM, OP, QID, STR, VAR, WORD, Cursor

# --------------------------------------------------------------------------- AST


class Expr:
    __slots__ = ()


@dataclass(eq=False)
class Lit(Expr):
    #: ``num``, ``str``, ``hex``, ``bit``, ``null``, ``bool``, ``temporal``
    kind: str
    text: str           # source spelling (numbers, hex/bit as written, TRUE/FALSE)
    value: Any = None   # strings: the unescaped text; temporal: the string
    intro: str | None = None   # charset introducer, or DATE/TIME/TIMESTAMP for temporal


@dataclass(eq=False)
class Ident(Expr):
    parts: tuple


@dataclass(eq=False)
class Var(Expr):
    text: str


@dataclass(eq=False)
class Func(Expr):
    name: str                     # as written (case kept)
    args: list = field(default_factory=list)
    distinct: bool = False
    star: bool = False            # COUNT(*)
    order_by: list | None = None  # GROUP_CONCAT(... ORDER BY ...) -> [(expr, desc)]
    separator: str | None = None
    over: str | None = None       # window clause, source text
    raw_args: str | None = None   # arguments kept verbatim (unknown special syntax)


@dataclass(eq=False)
class Cast(Expr):
    expr: Expr
    type: "CastType"
    convert: bool = False         # CONVERT(x, type) spelling


@dataclass(eq=False)
class CastType:
    name: str                     # upper case: SIGNED, UNSIGNED, CHAR, DATE, DECIMAL, ...
    args: list = field(default_factory=list)
    charset: str | None = None
    collate: str | None = None
    array: bool = False


@dataclass(eq=False)
class ConvertUsing(Expr):
    expr: Expr
    charset: str


@dataclass(eq=False)
class Trim(Expr):
    mode: str | None              # BOTH / LEADING / TRAILING / None
    remove: Expr | None
    expr: Expr
    func: str = "trim"


@dataclass(eq=False)
class Extract(Expr):
    unit: str
    expr: Expr


@dataclass(eq=False)
class Interval(Expr):
    expr: Expr
    unit: str


@dataclass(eq=False)
class Unary(Expr):
    op: str                       # '-', '+', '~', '!', 'NOT', 'BINARY'
    expr: Expr


@dataclass(eq=False)
class Binary(Expr):
    op: str                       # canonical upper-case operator
    left: Expr
    right: Expr


@dataclass(eq=False)
class Cond(Expr):
    op: str                       # AND / OR
    args: list


@dataclass(eq=False)
class Is(Expr):
    expr: Expr
    what: str                     # NULL / TRUE / FALSE / UNKNOWN
    negated: bool = False


@dataclass(eq=False)
class Between(Expr):
    expr: Expr
    low: Expr
    high: Expr
    negated: bool = False


@dataclass(eq=False)
class In(Expr):
    expr: Expr
    items: list | None            # None when a subquery
    subquery: "Subquery | None" = None
    negated: bool = False


@dataclass(eq=False)
class Like(Expr):
    expr: Expr
    pattern: Expr
    op: str = "LIKE"              # LIKE / REGEXP / SOUNDS LIKE
    negated: bool = False
    escape: Expr | None = None


@dataclass(eq=False)
class Case(Expr):
    operand: Expr | None
    whens: list                   # [(when, then)]
    else_: Expr | None = None


@dataclass(eq=False)
class Collate(Expr):
    expr: Expr
    collation: str


@dataclass(eq=False)
class Row(Expr):
    items: list


@dataclass(eq=False)
class Subquery(Expr):
    select: Any                   # a parsed SELECT (select.Query) or None
    text: str                     # source text inside the parentheses


@dataclass(eq=False)
class Exists(Expr):
    subquery: Subquery


@dataclass(eq=False)
class Match(Expr):
    columns: list
    against: Expr
    modifier: str | None = None


@dataclass(eq=False)
class Star(Expr):
    qualifier: tuple = ()


@dataclass(eq=False)
class Kw(Expr):
    """A bare keyword argument (``TIMESTAMPDIFF(DAY, ...)``), printed as is."""
    text: str


@dataclass(eq=False)
class Param(Expr):
    text: str = "?"


# --------------------------------------------------------------------------- parsing

_CMP_OPS = {"=": "=", "<=>": "<=>", "<>": "<>", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

#: binding powers of infix operators (higher binds tighter)
_BP_OR, _BP_XOR, _BP_AND, _BP_NOT, _BP_CMP = 2, 3, 4, 5, 7
_BP_BITOR, _BP_BITAND, _BP_SHIFT, _BP_ADD, _BP_MUL, _BP_BITXOR, _BP_CONCAT, _BP_UNARY, _BP_COLLATE = (
    8, 9, 10, 11, 12, 13, 14, 15, 16)
_BP_JSON = 17

_INTERVAL_UNITS = {
    "MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR",
    "SECOND_MICROSECOND", "MINUTE_MICROSECOND", "MINUTE_SECOND", "HOUR_MICROSECOND",
    "HOUR_SECOND", "HOUR_MINUTE", "DAY_MICROSECOND", "DAY_SECOND", "DAY_MINUTE", "DAY_HOUR",
    "YEAR_MONTH", "SQL_TSI_SECOND", "SQL_TSI_MINUTE", "SQL_TSI_HOUR", "SQL_TSI_DAY",
    "SQL_TSI_WEEK", "SQL_TSI_MONTH", "SQL_TSI_QUARTER", "SQL_TSI_YEAR",
}

#: words that end an expression (never an operand)
_STOP_WORDS = frozenset((
    "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT",
    "INTO", "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "NATURAL", "STRAIGHT_JOIN",
    "THEN", "WHEN", "ELSE", "END", "AS", "ASC", "DESC", "FOR", "LOCK", "WINDOW", "WITH",
    "VIRTUAL", "STORED", "PERSISTENT", "NOT", "NULL", "DEFAULT", "COMMENT", "SEPARATOR",
))

#: functions whose argument syntax is special and that take no parentheses
_NILADIC = {
    "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "LOCALTIMESTAMP",
    "CURRENT_USER", "UTC_TIMESTAMP", "UTC_DATE", "UTC_TIME", "CURRENT_ROLE", "SYSDATE",
}

_TEMPORAL_LITERAL = {"DATE", "TIME", "TIMESTAMP"}


class ExprParser:
    """Parses expressions from a cursor (shared with the statement parser)."""

    def __init__(self, cur: Cursor, select_parser=None):
        self.cur = cur
        self.pipes_as_concat = "PIPES_AS_CONCAT" in cur.sql_mode
        self.high_not = "HIGH_NOT_PRECEDENCE" in cur.sql_mode
        self.select_parser = select_parser

    # -- entry points
    def expr(self, min_bp: int = 0) -> Expr:
        """An expression; infix operators binding at least ``min_bp`` are taken."""
        cur = self.cur
        left = self._prefix()
        while True:
            t = cur.tok
            kind = t.kind
            if kind == OP:
                op = t.text
                if op in _CMP_OPS:
                    if _BP_CMP < min_bp:
                        break
                    cur.advance()
                    if cur.is_any("ANY", "ALL", "SOME") and cur.peek().kind == OP and cur.peek().text == "(":
                        q = cur.advance().up
                        left = Binary(_CMP_OPS[op], left, Func(q, [self._paren_subquery()]))
                        continue
                    left = Binary(_CMP_OPS[op], left, self.expr(_BP_CMP + 1))
                    continue
                if op in ("->", "->>"):
                    if _BP_JSON < min_bp:
                        break
                    cur.advance()
                    left = Binary(op, left, self._prefix())
                    continue
                if op == "||":
                    bp, name = (_BP_CONCAT, "||") if self.pipes_as_concat else (_BP_OR, "OR")
                else:
                    bp, name = _INFIX_OPS.get(op, (None, None))
                if bp is None or bp < min_bp:
                    break
                cur.advance()
                if name == "OR" or name == "AND":
                    left = _cond(name, left, self.expr(bp + 1))
                elif name == ":=":
                    left = Binary(":=", left, self.expr(bp))
                elif (name == "+" or name == "-") and cur.is_kw("INTERVAL"):
                    cur.advance()
                    left = Binary(name, left, self._interval_tail())
                else:
                    left = Binary(name, left, self.expr(bp + 1))
                continue
            if kind == WORD:
                up = t.up
                if up == "OR":
                    if _BP_OR < min_bp:
                        break
                    cur.advance()
                    left = _cond("OR", left, self.expr(_BP_OR + 1))
                    continue
                if up == "XOR":
                    if _BP_XOR < min_bp:
                        break
                    cur.advance()
                    left = Binary("XOR", left, self.expr(_BP_XOR + 1))
                    continue
                if up == "AND":
                    if _BP_AND < min_bp:
                        break
                    cur.advance()
                    left = _cond("AND", left, self.expr(_BP_AND + 1))
                    continue
                if up == "DIV" or up == "MOD":
                    if _BP_MUL < min_bp:
                        break
                    cur.advance()
                    left = Binary(up, left, self.expr(_BP_MUL + 1))
                    continue
                if up == "COLLATE":
                    if _BP_COLLATE < min_bp:
                        break
                    cur.advance()
                    left = Collate(left, cur.ident_or_string("collation"))
                    continue
                if _BP_CMP >= min_bp:
                    if up == "MEMBER" and cur.peek().up == "OF":
                        cur.advance()
                        cur.advance()
                        cur.expect_op("(")
                        arr = self.expr()
                        cur.expect_op(")")
                        left = Func("MEMBER OF", [left, arr])
                        continue
                    r = self._predicate(left)
                    if r is not None:
                        left = r
                        continue
            break
        return left

    def _predicate(self, left: Expr) -> Expr | None:
        """IS / [NOT] IN / BETWEEN / LIKE / REGEXP after an operand, or None."""
        cur = self.cur
        up = cur.tok.up
        if up == "IS":
            cur.advance()
            neg = cur.accept("NOT")
            what = cur.accept_any("NULL", "TRUE", "FALSE", "UNKNOWN")
            if what is None:
                cur.error("expected NULL, TRUE, FALSE or UNKNOWN after IS")
            return Is(left, what, neg)
        neg = False
        save = cur.i
        if up == "NOT":
            nxt = cur.peek().up
            if nxt not in ("IN", "BETWEEN", "LIKE", "REGEXP", "RLIKE"):
                return None
            cur.advance()
            neg = True
            up = cur.tok.up
        if up == "IN":
            cur.advance()
            if cur.is_op("(") and self._subquery_ahead(1):
                sub = self._paren_subquery()
                return In(left, None, sub, neg)
            cur.expect_op("(")
            items = [self.expr()]
            while cur.accept_op(","):
                items.append(self.expr())
            cur.expect_op(")")
            return In(left, items, None, neg)
        if up == "BETWEEN":
            cur.advance()
            low = self.expr(_BP_CMP + 1)
            cur.expect("AND")
            high = self.expr(_BP_CMP + 1)
            return Between(left, low, high, neg)
        if up in ("LIKE", "REGEXP", "RLIKE"):
            cur.advance()
            pat = self.expr(_BP_CMP + 1)
            esc = None
            if up == "LIKE" and cur.accept("ESCAPE"):
                esc = self.expr(_BP_CMP + 1)
            return Like(left, pat, "LIKE" if up == "LIKE" else "REGEXP", neg, esc)
        if up == "SOUNDS" and cur.peek().up == "LIKE":
            cur.advance()
            cur.advance()
            return Like(left, self.expr(_BP_CMP + 1), "SOUNDS LIKE")
        cur.i = save
        return None

    def _prefix(self) -> Expr:
        cur = self.cur
        t = cur.tok
        kind = t.kind
        if kind == NUM:
            cur.advance()
            return Lit("num", t.text)
        if kind == STR:
            cur.advance()
            value = t.value
            while cur.tok.kind == STR and cur.tok.intro is None:
                value += cur.advance().value
            return Lit("str", t.text, value, t.intro)
        if kind == HEX:
            cur.advance()
            return Lit("hex", t.text, t.value)
        if kind == BIT:
            cur.advance()
            return Lit("bit", t.text, t.value)
        if kind == VAR:
            cur.advance()
            if cur.is_op(":="):
                cur.advance()
                return Binary(":=", Var(t.text), self.expr(1))
            return Var(t.text)
        if kind == OP:
            op = t.text
            if op == "(":
                if self._subquery_ahead(1):
                    sub = self._paren_subquery()
                    return sub
                cur.advance()
                first = self.expr()
                if cur.accept_op(","):
                    items = [first, self.expr()]
                    while cur.accept_op(","):
                        items.append(self.expr())
                    cur.expect_op(")")
                    return Row(items)
                cur.expect_op(")")
                return first
            if op == "-":
                cur.advance()
                operand = self.expr(_BP_UNARY)
                if isinstance(operand, Lit) and operand.kind == "num" and not operand.text.startswith("-"):
                    return Lit("num", "-" + operand.text)
                return Unary("-", operand)
            if op == "+":
                cur.advance()
                return self.expr(_BP_UNARY)
            if op == "~":
                cur.advance()
                return Unary("~", self.expr(_BP_UNARY))
            if op == "!":
                cur.advance()
                return Unary("!", self.expr(_BP_UNARY))
            if op == "?":
                cur.advance()
                return Param()
            if op == "*":
                cur.advance()
                return Star()
            if op == "{":
                # ODBC escape {d '2020-01-01'}
                cur.advance()
                cur.ident()
                e = self.expr()
                cur.expect_op("}")
                return e
            cur.error("expected an expression")
        if kind == WORD or kind == QID:
            return self._word(t)
        cur.error("expected an expression")

    def _word(self, t) -> Expr:
        cur = self.cur
        up = t.up if t.kind == WORD else None
        nxt = cur.peek()
        # a bare word before "(" calls a function; a quoted name only when "(" touches it
        is_call = nxt.kind == OP and nxt.text == "(" and (up is not None or nxt.start == t.end)
        if up is not None:
            if up == "NULL":
                cur.advance()
                return Lit("null", "NULL")
            if up in ("TRUE", "FALSE"):
                cur.advance()
                return Lit("bool", up)
            if up == "NOT":
                cur.advance()
                return Unary("NOT", self.expr(_BP_NOT if not self.high_not else _BP_UNARY))
            if up == "BINARY" and not is_call:
                cur.advance()
                return Unary("BINARY", self.expr(_BP_UNARY))
            if up in _TEMPORAL_LITERAL and nxt.kind == STR:
                cur.advance()
                s = cur.advance()
                return Lit("temporal", s.text, s.value, up)
            if up == "INTERVAL" and not is_call:
                cur.advance()
                return self._interval_tail()
            if up == "CASE":
                return self._case()
            if up == "EXISTS" and is_call:
                cur.advance()
                return Exists(self._paren_subquery())
            if up == "MATCH" and is_call:
                return self._match()
            if up in ("ROW",) and is_call:
                cur.advance()
                cur.expect_op("(")
                items = [self.expr()]
                while cur.accept_op(","):
                    items.append(self.expr())
                cur.expect_op(")")
                return Row(items)
            if up in _NILADIC and not is_call:
                cur.advance()
                return _niladic(t.text)
            if up in ("NEXT", "PREVIOUS") and nxt.up == "VALUE" and cur.peek(2).up == "FOR":
                cur.advance()
                cur.advance()
                cur.advance()
                schema, name = cur.qualified("sequence name")
                parts = (schema, name) if schema else (name,)
                return Func("nextval" if up == "NEXT" else "lastval", [Ident(parts)])
            if up == "DEFAULT" and not is_call:
                cur.advance()
                return Func("DEFAULT", [], raw_args="")
        if is_call:
            return self._call(t)
        # identifier, possibly qualified; t.* in select lists
        cur.advance()
        parts = [t.value]
        while cur.is_op(".") and cur.peek().kind in (WORD, QID, OP):
            p = cur.peek()
            if p.kind == OP:
                if p.text == "*":
                    cur.advance()
                    cur.advance()
                    return Star(tuple(parts))
                break
            cur.advance()
            parts.append(cur.advance().value)
            # schema.func(...) call
            if cur.is_op("(") and len(parts) == 2:
                return self._call_args(".".join(parts), qualified=tuple(parts))
        return Ident(tuple(parts))

    def _call(self, t) -> Expr:
        cur = self.cur
        cur.advance()
        return self._call_args(t.value if t.kind == QID else t.text)

    def _call_args(self, name: str, qualified: tuple | None = None) -> Expr:
        cur = self.cur
        up = name.upper()
        cur.expect_op("(")
        if qualified:
            f = Func(name, [])
            f.raw_args = None
            if not cur.accept_op(")"):
                f.args.append(self.expr())
                while cur.accept_op(","):
                    f.args.append(self.expr())
                cur.expect_op(")")
            f.name = qualified  # type: ignore[assignment]
            return f
        if up in ("CAST", "CONVERT"):
            e = self.expr()
            if up == "CAST":
                if cur.accept("AT", "TIME", "ZONE"):
                    cur.accept("INTERVAL")
                    cur.string()
                cur.expect("AS")
                ct = self._cast_type()
                cur.expect_op(")")
                return Cast(e, ct)
            if cur.accept("USING"):
                cs = cur.ident("charset")
                cur.expect_op(")")
                return ConvertUsing(e, cs.lower())
            cur.expect_op(",")
            ct = self._cast_type()
            cur.expect_op(")")
            return Cast(e, ct, convert=True)
        if up in ("TRIM", "LTRIM", "RTRIM") and up == "TRIM":
            mode = cur.accept_any("BOTH", "LEADING", "TRAILING")
            remove = None
            if mode and cur.accept("FROM"):
                e = self.expr()
            else:
                first = self.expr()
                if cur.accept("FROM"):
                    remove = first
                    e = self.expr()
                else:
                    e = first
            cur.expect_op(")")
            return Trim(mode, remove, e)
        if up in ("SUBSTRING", "SUBSTR", "MID") :
            s = self.expr()
            args = [s]
            if cur.accept("FROM"):
                args.append(self.expr())
                if cur.accept("FOR"):
                    args.append(self.expr())
            else:
                while cur.accept_op(","):
                    args.append(self.expr())
            cur.expect_op(")")
            return Func(name, args)
        if up == "EXTRACT":
            unit = cur.ident("unit").upper()
            cur.expect("FROM")
            e = self.expr()
            cur.expect_op(")")
            return Extract(unit, e)
        if up == "POSITION":
            sub = self.expr(_BP_CMP + 1)
            cur.expect("IN")
            s = self.expr()
            cur.expect_op(")")
            return Func("POSITION", [sub, s])
        if up in ("DATE_ADD", "DATE_SUB", "ADDDATE", "SUBDATE") :
            d = self.expr()
            cur.expect_op(",")
            if cur.accept("INTERVAL"):
                iv = self._interval_tail()
                cur.expect_op(")")
                return Binary("-" if up in ("DATE_SUB", "SUBDATE") else "+", d, iv)
            n = self.expr()
            cur.expect_op(")")
            return Func(name, [d, n])
        if up in ("TIMESTAMPADD", "TIMESTAMPDIFF"):
            unit = cur.ident("unit").upper()
            cur.expect_op(",")
            a = self.expr()
            cur.expect_op(",")
            b = self.expr()
            cur.expect_op(")")
            return Func(name, [Kw(unit), a, b])
        if up == "CHAR":
            args = [self.expr()]
            while cur.accept_op(","):
                args.append(self.expr())
            f = Func(name, args)
            if cur.accept("USING"):
                f.separator = cur.ident("charset")
            cur.expect_op(")")
            return f
        if up == "WEIGHT_STRING" or up == "JSON_TABLE" or up == "GET_FORMAT":
            start, end = cur.skip_parens(opened=True)
            return Func(name, [], raw_args=cur.lexed.slice(start, end))
        f = Func(name, [])
        if cur.accept_op(")"):
            return self._over(f)
        if up in ("COUNT",) and cur.is_op("*"):
            cur.advance()
            cur.expect_op(")")
            f.star = True
            return self._over(f)
        if cur.accept("DISTINCT") or cur.accept("DISTINCTROW"):
            f.distinct = True
        elif cur.accept("ALL"):
            pass
        f.args.append(self.expr())
        while cur.accept_op(","):
            f.args.append(self.expr())
        if cur.is_kw("ORDER", "BY"):
            cur.advance()
            cur.advance()
            f.order_by = self.order_list()
        if cur.accept("SEPARATOR"):
            f.separator = cur.string()
        if cur.accept("USING"):
            f.separator = cur.ident("charset")
        cur.expect_op(")")
        return self._over(f)

    def _over(self, f: Func) -> Expr:
        cur = self.cur
        if cur.is_kw("OVER"):
            cur.advance()
            if cur.is_op("("):
                start, end = cur.skip_parens()
                f.over = "(" + cur.lexed.slice(start, end) + ")"
            else:
                f.over = cur.ident("window name")
        return f

    def order_list(self) -> list:
        cur = self.cur
        items = []
        while True:
            e = self.expr()
            desc = False
            if cur.accept("DESC"):
                desc = True
            else:
                cur.accept("ASC")
            items.append((e, desc))
            if not cur.accept_op(","):
                return items

    def _cast_type(self) -> CastType:
        cur = self.cur
        t = cur.tok
        if t.kind != WORD:
            cur.error("expected a type")
        name = cur.advance().up
        if name in ("SIGNED", "UNSIGNED"):
            cur.accept("INTEGER") or cur.accept("INT")
        elif name == "DOUBLE":
            cur.accept("PRECISION")
        elif name == "NATIONAL":
            name = "NCHAR" if cur.accept_any("CHAR", "CHARACTER") else name
        ct = CastType(name)
        if cur.accept_op("("):
            ct.args.append(cur.number())
            while cur.accept_op(","):
                ct.args.append(cur.number())
            cur.expect_op(")")
        while True:
            if cur.accept("CHARACTER", "SET") or cur.accept("CHARSET"):
                ct.charset = cur.ident_or_string("charset").lower()
            elif cur.accept("COLLATE"):
                ct.collate = cur.ident_or_string("collation").lower()
            elif cur.accept("ARRAY"):
                ct.array = True
            elif cur.accept("ASCII"):
                ct.charset = "latin1"
            elif cur.accept("UNICODE"):
                ct.charset = "ucs2"
            elif cur.accept("BINARY"):
                ct.collate = "binary"
            else:
                break
        return ct

    def _interval_tail(self) -> Interval:
        cur = self.cur
        e = self.expr()
        unit = cur.tok
        if unit.kind != WORD or unit.up not in _INTERVAL_UNITS:
            cur.error("expected an interval unit")
        cur.advance()
        return Interval(e, unit.up)

    def _case(self) -> Expr:
        cur = self.cur
        cur.advance()
        operand = None
        if not cur.is_kw("WHEN"):
            operand = self.expr()
        whens = []
        while cur.accept("WHEN"):
            w = self.expr()
            cur.expect("THEN")
            whens.append((w, self.expr()))
        if not whens:
            cur.error("expected WHEN")
        else_ = self.expr() if cur.accept("ELSE") else None
        cur.expect("END")
        return Case(operand, whens, else_)

    def _match(self) -> Expr:
        cur = self.cur
        cur.advance()
        cur.expect_op("(")
        cols = [self.expr()]
        while cur.accept_op(","):
            cols.append(self.expr())
        cur.expect_op(")")
        cur.expect("AGAINST")
        cur.expect_op("(")
        against = self.expr(_BP_CMP + 1)
        mod = None
        for m in (("IN", "NATURAL", "LANGUAGE", "MODE", "WITH", "QUERY", "EXPANSION"),
                  ("IN", "NATURAL", "LANGUAGE", "MODE"), ("IN", "BOOLEAN", "MODE"),
                  ("WITH", "QUERY", "EXPANSION")):
            if cur.accept(*m):
                mod = " ".join(m)
                break
        cur.expect_op(")")
        return Match(cols, against, mod)

    # -- subqueries
    def _subquery_ahead(self, k: int) -> bool:
        """Whether the token ``k`` ahead starts a SELECT (possibly after more '(')."""
        cur = self.cur
        while True:
            t = cur.peek(k)
            if t.kind == OP and t.text == "(":
                k += 1
                continue
            return t.up in ("SELECT", "WITH", "VALUES", "TABLE")

    def _paren_subquery(self) -> Subquery:
        cur = self.cur
        if self.select_parser is not None:
            open_tok = cur.tok
            cur.expect_op("(")
            q = self.select_parser(cur)
            close = cur.tok
            cur.expect_op(")")
            return Subquery(q, cur.lexed.slice(open_tok.end, close.start).strip())
        start, end = cur.skip_parens()
        return Subquery(None, cur.lexed.slice(start, end).strip())


def _niladic(text: str) -> Func:
    f = Func(text, [])
    f.raw_args = "niladic"
    return f


def _cond(op: str, left: Expr, right: Expr) -> Cond:
    args = []
    for side in (left, right):
        if isinstance(side, Cond) and side.op == op and not getattr(side, "_paren", False):
            args.extend(side.args)
        else:
            args.append(side)
    return Cond(op, args)


_INFIX_OPS = {
    "|": (_BP_BITOR, "|"), "&": (_BP_BITAND, "&"), "<<": (_BP_SHIFT, "<<"), ">>": (_BP_SHIFT, ">>"),
    "+": (_BP_ADD, "+"), "-": (_BP_ADD, "-"), "*": (_BP_MUL, "*"), "/": (_BP_MUL, "/"),
    "%": (_BP_MUL, "%"), "^": (_BP_BITXOR, "^"), "&&": (_BP_AND, "AND"),
    ":=": (1, ":="),
}
