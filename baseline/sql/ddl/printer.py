"""Spell an expression AST the way a flavor's server shows it (see :mod:`.expr`).

:class:`Style` holds the spelling choices; :func:`style_for` picks the one of a
flavor. The choices are data (which names a server rewrites, whether every
operator is parenthesised), not version tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...flavor import DEFAULT_FLAVOR, Flavor
from ..literals import quote_expr_string, quote_ident, quote_string
from .expr import (Between, Binary, Case, Cast, CastType, Collate, Cond, ConvertUsing, Exists, Expr, Extract,
                   Func, Ident, In, Interval, Is, Kw, Like, Lit, Match, Param, Row, Star, Subquery, Trim,
                   Unary, Var)

# MariaDB's print precedences (item.h, enum precedence)
LOWEST, ASSIGN, OR, XOR, AND, NOT, CMP, BETWEEN, IN_P, BITOR, BITAND, SHIFT, INTERVAL, ADD, MUL, \
    BITXOR, PIPES, NEG, COLLATE, DEFAULT, HIGHEST = range(21)

_BIN_PREC = {
    "+": ADD, "-": ADD, "*": MUL, "/": MUL, "DIV": MUL, "MOD": MUL, "%": MUL, "^": BITXOR,
    "&": BITAND, "|": BITOR, "<<": SHIFT, ">>": SHIFT, "=": CMP, "<=>": CMP, "<>": CMP, "<": CMP,
    "<=": CMP, ">": CMP, ">=": CMP, "XOR": XOR, ":=": ASSIGN, "||": PIPES, "->": HIGHEST,
    "->>": HIGHEST,
}

#: MariaDB shows these functions under another name (lower-case keys).
MARIADB_FUNC_NAMES = {
    "now": "current_timestamp", "localtime": "current_timestamp",
    "localtimestamp": "current_timestamp", "current_timestamp": "current_timestamp",
    "current_date": "curdate", "current_time": "curtime", "lower": "lcase", "upper": "ucase",
    "substring": "substr", "mid": "substr", "character_length": "char_length",
    "octet_length": "octet_length", "schema": "database", "day": "dayofmonth", "power": "pow",
    "ceil": "ceiling", "session_user": "user", "system_user": "user", "nvl": "ifnull",
    "sha1": "sha", "position": "locate", "length": "octet_length", "std": "std", "stddev": "std", "stddev_pop": "std",
    "variance": "variance", "var_pop": "variance", "json_contains_path": "json_contains_path",
    "date_add": "date_add", "adddate": "adddate", "subdate": "subdate", "ucase": "ucase",
    "lcase": "lcase", "last_day": "last_day", "weekday": "weekday", "json_arrayagg": "json_arrayagg",
}

#: MySQL shows these functions under another name.
MYSQL_FUNC_NAMES = {
    "current_date": "curdate", "current_time": "curtime", "lcase": "lower", "ucase": "upper",
    "character_length": "char_length", "mid": "substr", "substring": "substr",
    "localtime": "now", "localtimestamp": "now", "current_timestamp": "now",
    "schema": "database", "day": "dayofmonth", "power": "pow", "ceil": "ceiling",
    "position": "locate", "sha": "sha1", "octet_length": "length",
}


@dataclass(frozen=True)
class Style:
    """How a server spells expressions."""

    #: MySQL's printing: every operator application parenthesized, with MySQL's
    #: operator spellings, instead of parentheses by precedence (MariaDB).
    paren_all: bool = False
    #: Rewrite the tree first as MariaDB does before storing it (:func:`mariadb_rewrite`).
    rewrite_first: bool = True
    #: Function names as the server shows them (lower-case keys).
    func_names: dict = field(default_factory=dict)
    #: Strings in stored expressions carry this charset introducer (MySQL).
    string_introducer: str | None = None
    #: MariaDB rewrites ``NOT <column>`` to ``<column> = 0``.
    not_column_as_eq_zero: bool = True
    #: Numbers re-spelled the way MariaDB stores them (:func:`canonical_number`);
    #: MySQL keeps them as written.
    canonical_numbers: bool = True
    #: Strings quoted as MariaDB stores them (:func:`quote_expr_string`), else as plain SQL.
    expression_string_quotes: bool = True
    #: ``TRUE``/``FALSE`` shown as ``1``/``0`` (MariaDB) or ``true``/``false`` (MySQL).
    booleans_as_numbers: bool = True
    #: Bit literals shown as hex (MariaDB) or as written (MySQL).
    bits_as_hex: bool = True
    #: ``CURRENT_TIMESTAMP`` written without parentheses, as the server shows it.
    niladic_now: str = "current_timestamp()"
    #: The argument ``COUNT(*)`` is shown with.
    count_star: str = "0"


MARIADB_STYLE = Style(func_names=MARIADB_FUNC_NAMES)
MYSQL_STYLE = Style(paren_all=True, rewrite_first=False, func_names=MYSQL_FUNC_NAMES, not_column_as_eq_zero=False,
                    string_introducer="utf8mb4", canonical_numbers=False, expression_string_quotes=False,
                    booleans_as_numbers=False, bits_as_hex=False, niladic_now="now()", count_star="*")


#: :attr:`baseline.flavor.Rules.expression_style` -> its Style.
STYLES = {"mariadb": MARIADB_STYLE, "mysql": MYSQL_STYLE}


def style_for(flavor: Flavor | None) -> Style:
    """How ``flavor``'s server (default: :data:`~baseline.flavor.DEFAULT_FLAVOR`) spells expressions."""
    return STYLES[(flavor or DEFAULT_FLAVOR).rules.expression_style]


def precedence(e: Expr) -> int:
    if isinstance(e, Binary):
        return _BIN_PREC.get(e.op, CMP)
    if isinstance(e, Cond):
        return OR if e.op == "OR" else AND
    if isinstance(e, (Is,)):
        return CMP
    if isinstance(e, Between):
        return BETWEEN
    if isinstance(e, (In, Like)):
        return IN_P
    if isinstance(e, Unary):
        if e.op == "NOT":
            return NOT
        if e.op == "BINARY":
            return COLLATE
        return NEG
    if isinstance(e, Collate):
        return COLLATE
    if isinstance(e, Interval):
        return INTERVAL
    if isinstance(e, Lit) and e.kind == "num" and e.text.startswith("-"):
        return NEG
    return HIGHEST


class Printer:
    """Prints expressions in one style. ``strip_qualifier`` drops the table (and
    schema) part of column references, as the server does for expressions stored
    with a table (CHECK, generated columns, defaults)."""

    def __init__(self, style: Style, *, strip_qualifier: bool = True, introducers: bool = False,
                 column_resolver=None, subquery_printer=None, connection_charset: str = "utf8mb4",
                 schema_name: str | None = None, stored_functions: frozenset = frozenset(),
                 own_schema: str | None = None):
        self.connection_charset = connection_charset
        #: case-folded names of the schema's stored functions: a call to one is
        #: printed as the server prints it in a view, the name quoted as written
        self.stored_functions = stored_functions
        #: the database whose qualifier a view body drops (``own.f(...)`` -> ``f(...)``)
        self.own_schema = own_schema
        #: the database sequence references are qualified with (MariaDB shows
        #: ``nextval(`db`.`seq`)``)
        self.schema_name = schema_name
        self.style = style
        self.strip_qualifier = strip_qualifier
        self.introducers = introducers
        self.column_resolver = column_resolver
        self.subquery_printer = subquery_printer

    def __call__(self, e: Expr) -> str:
        if self.style.rewrite_first:
            e = mariadb_rewrite(e, self.connection_charset)
        return self.p(e, LOWEST)

    # ------------------------------------------------------------------ dispatch
    def p(self, e: Expr, parent: int) -> str:
        style = self.style
        if style.paren_all:
            return self._p(e, LOWEST)
        prec = precedence(e)
        text = self._p(e, prec)
        if prec < parent:
            return "(" + text + ")"
        return text

    def _p(self, e: Expr, prec: int) -> str:  # noqa: C901 - one branch per node
        style = self.style
        if isinstance(e, Ident):
            return self.ident(e)
        if isinstance(e, Lit):
            return self.lit(e)
        if isinstance(e, Binary):
            op = e.op
            if op in ("->", "->>"):
                inner = f"json_extract({self.p(e.left, LOWEST)},{self.p(e.right, LOWEST)})"
                return f"json_unquote({inner})" if op == "->>" else inner
            if style.paren_all:
                opname = _MYSQL_OPS.get(op, op.lower())
                return f"({self.p(e.left, LOWEST)} {opname} {self.p(e.right, LOWEST)})"
            opname = _MARIADB_OPS.get(op, op)
            if isinstance(e.right, Interval):
                return f"{self.p(e.left, INTERVAL)} {opname} {self.p(e.right, INTERVAL)}"
            return f"{self.p(e.left, prec)} {opname} {self.p(e.right, prec + 1)}"
        if isinstance(e, Cond):
            word = " and " if e.op == "AND" else " or "
            if style.paren_all:
                return "(" + word.join(self.p(a, LOWEST) for a in e.args) + ")"
            return word.join(self.p(a, prec) for a in e.args)
        if isinstance(e, Unary):
            if e.op in ("NOT", "!"):  # the server prints both the same way
                if style.not_column_as_eq_zero and isinstance(e.expr, Ident):
                    return f"{self.p(e.expr, CMP)} = 0"
                if style.paren_all:
                    return f"(not({self.p(e.expr, LOWEST)}))"
                return "!" + self.p(e.expr, NEG)
            if e.op == "BINARY":
                if style.paren_all:
                    return f"cast({self.p(e.expr, LOWEST)} as char charset binary)"
                return f"cast({self.p(e.expr, LOWEST)} as binary)"
            if style.paren_all:
                return f"{e.op}({self.p(e.expr, LOWEST)})" if e.op == "-" else f"{e.op}{self.p(e.expr, LOWEST)}"
            return e.op + self.p(e.expr, NEG)
        if isinstance(e, Func):
            return self.func(e)
        if isinstance(e, Is):
            what = e.what.lower()
            neg = " not" if e.negated else ""
            if style.paren_all:
                return f"({self.p(e.expr, LOWEST)} is{neg} {what})"
            return f"{self.p(e.expr, CMP)} is{neg} {what}"
        if isinstance(e, Between):
            neg = " not" if e.negated else ""
            if style.paren_all:
                return (f"({self.p(e.expr, LOWEST)}{neg} between {self.p(e.low, LOWEST)} "
                        f"and {self.p(e.high, LOWEST)})")
            return (f"{self.p(e.expr, BETWEEN)}{neg} between {self.p(e.low, BETWEEN)} "
                    f"and {self.p(e.high, BETWEEN)}")
        if isinstance(e, In):
            neg = " not" if e.negated else ""
            if e.subquery is not None:
                inner = self.subquery(e.subquery)
            else:
                inner = "(" + ",".join(self.p(i, LOWEST) for i in e.items) + ")"
            if style.paren_all:
                return f"({self.p(e.expr, LOWEST)}{neg} in {inner})"
            return f"{self.p(e.expr, IN_P)}{neg} in {inner}"
        if isinstance(e, Like):
            neg = " not" if e.negated else ""
            op = e.op.lower()
            esc = ""
            if e.escape is not None:
                esc = f" escape {self.p(e.escape, LOWEST)}"
            if style.paren_all:
                return f"({self.p(e.expr, LOWEST)}{neg} {op} {self.p(e.pattern, LOWEST)}{esc})"
            if e.negated and e.op == "LIKE":
                neg = "  not"   # sic: MariaDB prints two spaces before NOT LIKE
            return f"{self.p(e.expr, IN_P)}{neg} {op} {self.p(e.pattern, IN_P + 1)}{esc}"
        if isinstance(e, Case):
            parts = ["case"]
            if e.operand is not None:
                parts.append(self.p(e.operand, LOWEST))
            for w, t in e.whens:
                parts.append(f"when {self.p(w, LOWEST)} then {self.p(t, LOWEST)}")
            if e.else_ is not None:
                parts.append(f"else {self.p(e.else_, LOWEST)}")
            parts.append("end")
            return " ".join(parts)
        if isinstance(e, Collate):
            if style.paren_all:
                return f"({self.p(e.expr, LOWEST)} collate {e.collation.lower()})"
            return f"{self.p(e.expr, COLLATE)} collate {e.collation.lower()}"
        if isinstance(e, Cast):
            return f"cast({self.p(e.expr, LOWEST)} as {self.cast_type(e.type)})"
        if isinstance(e, ConvertUsing):
            return f"convert({self.p(e.expr, LOWEST)} using {e.charset})"
        if isinstance(e, Trim):
            if e.mode is None and e.remove is None:
                return f"trim({self.p(e.expr, LOWEST)})"
            mode = (e.mode or "both").lower()
            rem = f" {self.p(e.remove, LOWEST)}" if e.remove is not None else ""
            return f"trim({mode}{rem} from {self.p(e.expr, LOWEST)})"
        if isinstance(e, Extract):
            return f"extract({e.unit.lower()} from {self.p(e.expr, LOWEST)})"
        if isinstance(e, Interval):
            return f"interval {self.p(e.expr, INTERVAL)} {e.unit.lower()}"
        if isinstance(e, Row):
            return "(" + ",".join(self.p(i, LOWEST) for i in e.items) + ")"
        if isinstance(e, Var):
            return e.text
        if isinstance(e, Subquery):
            return self.subquery(e)
        if isinstance(e, Exists):
            if self.subquery_printer is not None and e.subquery.select is not None:
                return "exists(" + self.subquery_printer(e.subquery.select, exists=True) + ")"
            return "exists" + self.subquery(e.subquery)
        if isinstance(e, Match):
            cols = ",".join(self.p(c, LOWEST) for c in e.columns)
            mod = f" {e.modifier.lower()}" if e.modifier else ""
            return f"(match {cols} against ({self.p(e.against, LOWEST)}{mod}))"
        if isinstance(e, Star):
            return "".join(quote_ident(q) + "." for q in e.qualifier) + "*"
        if isinstance(e, Param):
            return "?"
        if isinstance(e, Kw):
            return e.text
        raise TypeError(f"cannot print {type(e).__name__}")

    # ------------------------------------------------------------------ leaves
    def ident(self, e: Ident) -> str:
        if self.column_resolver is not None:
            return self.column_resolver(e)
        parts = e.parts[-1:] if self.strip_qualifier else e.parts
        return ".".join(quote_ident(p) for p in parts)

    def lit(self, e: Lit) -> str:
        k = e.kind
        if k == "num":
            return canonical_number(e.text) if self.style.canonical_numbers else e.text
        if k == "str":
            q = quote_expr_string if self.style.expression_string_quotes else quote_string
            intro = e.intro
            if intro == "N":
                return q(e.value)
            if intro:
                return "_" + intro + q(e.value)
            if self.introducers and self.style.string_introducer:
                return "_" + self.style.string_introducer + q(e.value)
            return q(e.value)
        if k == "null":
            return "NULL"
        if k == "bool":
            if self.style.booleans_as_numbers:
                return "1" if e.text == "TRUE" else "0"
            return "true" if e.text == "TRUE" else "false"
        if k == "hex":
            if e.text[:1] in "xX":
                return "X'" + e.value + "'"
            return "0x" + e.value.lower()
        if k == "bit":
            if self.style.bits_as_hex:
                return bits_as_hex(e.value)
            return "0b" + e.value if e.text.startswith("0b") else "b'" + e.value + "'"
        if k == "temporal":
            return f"{e.intro} {quote_string(e.value)}"
        return e.text

    def func(self, e: Func) -> str:
        style = self.style
        if isinstance(e.name, tuple):
            parts = e.name
            if self.own_schema is not None and len(parts) == 2 and parts[0] == self.own_schema:
                parts = parts[1:]
            name = ".".join(quote_ident(p) for p in parts)
            return name + "(" + ",".join(self.p(a, LOWEST) for a in e.args) + ")"
        if e.raw_args is None and not e.star and e.name.casefold() in self.stored_functions:
            return quote_ident(e.name) + "(" + ",".join(self.p(a, LOWEST) for a in e.args) + ")"
        low = e.name.lower()
        if e.raw_args == "niladic":
            if low in ("current_timestamp", "localtime", "localtimestamp"):
                return style.niladic_now
            if low == "current_date":
                return "curdate()"
            if low == "current_time":
                return "curtime()"
            if low == "current_user":
                return "current_user()"
            return low + "()"
        if low == "member of":
            return f"{self.p(e.args[0], CMP)} member of ({self.p(e.args[1], LOWEST)})"
        if low in ("any", "all", "some"):
            return f"{low} {self.p(e.args[0], LOWEST)}"
        if e.raw_args is not None and not e.args:
            if low == "default":
                return "default"
            return f"{low}({e.raw_args})"
        name = style.func_names.get(low, low)
        if low == "position":
            return f"locate({self.p(e.args[0], LOWEST)},{self.p(e.args[1], LOWEST)})"
        if low in ("nextval", "lastval", "setval") and e.args and isinstance(e.args[0], Ident):
            parts = e.args[0].parts
            if len(parts) == 1 and self.schema_name:
                parts = (self.schema_name,) + tuple(parts)
            if self.own_schema is not None and len(parts) == 2 and parts[0] == self.own_schema:
                parts = parts[1:]  # the model drops the own qualifier (docs/CANONICAL.md)
            rest = "".join("," + self.p(a, LOWEST) for a in e.args[1:])
            return f"{low}({'.'.join(quote_ident(x) for x in parts)}{rest})"
        if e.star:
            inner = style.count_star
        else:
            inner = ",".join(self.p(a, LOWEST) for a in e.args)
            if e.distinct:
                inner = "distinct " + inner
            if e.order_by:
                inner += " order by " + ",".join(
                    self.p(x, LOWEST) + (" DESC" if d else " ASC") for x, d in e.order_by)
            if low == "group_concat":
                inner += " separator " + quote_string(e.separator if e.separator is not None else ",")
            elif e.separator is not None:
                inner += " using " + e.separator
        out = f"{name}({inner})"
        if e.over is not None:
            out += " over " + e.over
        return out

    def cast_type(self, t) -> str:
        name = t.name.lower()
        if name == "integer" or name == "int":
            out = "signed"
        else:
            out = name
        if t.args:
            out += "(" + ",".join(t.args) + ")"
        if t.charset:
            out += f" charset {t.charset}"
        if t.collate:
            out += f" collate {t.collate}"
        if t.array:
            out += " array"
        return out

    def subquery(self, s: Subquery) -> str:
        if self.subquery_printer is not None and s.select is not None:
            return "(" + self.subquery_printer(s.select) + ")"
        return "(" + s.text + ")"


_MARIADB_OPS = {"%": "MOD", "DIV": "DIV", "MOD": "MOD", "XOR": "xor", "||": "||"}
_MYSQL_OPS = {"%": "%", "MOD": "%", "DIV": "DIV", "XOR": "xor"}


def canonical_number(text: str) -> str:
    """A numeric literal as MariaDB prints it: integers without leading zeros,
    decimals with one leading digit (``.5`` -> ``0.5``), floats as written."""
    if "e" in text or "E" in text:
        return text
    neg = text.startswith("-")
    body = text[1:] if neg else text
    if "." in body:
        whole, frac = body.split(".", 1)
        whole = whole.lstrip("0") or "0"
        out = whole + "." + frac if frac else whole
        if neg and (out.strip("0.") != ""):
            return "-" + out
        return ("-" + out) if neg else out
    v = int(body) if body.isdigit() else None
    if v is None:
        return text
    return str(-v) if neg else str(v)


def bits_as_hex(bits: str) -> str:
    v = int(bits or "0", 2)
    nbytes = max(1, (len(bits) + 7) // 8)
    return "0x" + v.to_bytes(nbytes, "big").hex()


_NEGATED_CMP = {"=": "<>", "<>": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
_ZERO = Lit("num", "0")


def _negate(e: Expr) -> Expr | None:
    """MariaDB's neg_transformer: NOT pushed into the expression where it can be."""
    if isinstance(e, Binary) and e.op in _NEGATED_CMP:
        return Binary(_NEGATED_CMP[e.op], e.left, e.right)
    if isinstance(e, Cond):
        return Cond("OR" if e.op == "AND" else "AND", [_negate_or_not(a) for a in e.args])
    if isinstance(e, Between):
        return Between(e.expr, e.low, e.high, not e.negated)
    if isinstance(e, In):
        return In(e.expr, e.items, e.subquery, not e.negated)
    if isinstance(e, Like) and e.op == "LIKE":
        return Like(e.expr, e.pattern, e.op, not e.negated, e.escape)
    if isinstance(e, Is) and e.what == "NULL":
        return Is(e.expr, e.what, not e.negated)
    return None


def _negate_or_not(e: Expr) -> Expr:
    n = _negate(e)
    return n if n is not None else Unary("!", e)


def mariadb_rewrite(e: Expr, connection_charset: str = "utf8mb4") -> Expr:
    """The rewrites MariaDB applies before it stores an expression (so that
    printing the tree gives what SHOW CREATE shows)."""
    r = lambda x: mariadb_rewrite(x, connection_charset)  # noqa: E731
    if isinstance(e, (Ident, Lit, Var, Star, Param, Kw)):
        return e
    if isinstance(e, Unary):
        inner = r(e.expr)
        if e.op in ("NOT", "!"):
            if isinstance(inner, Ident):
                return Binary("=", inner, _ZERO)
            n = _negate(inner)
            return n if n is not None else Unary("!", inner)
        if e.op == "BINARY":
            return Cast(inner, CastType("CHAR", charset="binary"))
        return Unary(e.op, inner)
    if isinstance(e, Binary):
        left, right = r(e.left), r(e.right)
        if e.op == "+" and isinstance(left, Interval) and not isinstance(right, Interval):
            left, right = right, left
        if e.op == "=" and isinstance(right, Func) and isinstance(right.name, str) and \
                right.name.upper() in ("ANY", "SOME") and right.args and isinstance(right.args[0], Subquery):
            return In(left, None, right.args[0])
        return Binary(e.op, left, right)
    if isinstance(e, Cond):
        args = []
        for a in e.args:
            a = r(a)
            if isinstance(a, Ident):
                a = Binary("<>", a, _ZERO)
            if isinstance(a, Cond) and a.op == e.op:
                args.extend(a.args)
            else:
                args.append(a)
        return Cond(e.op, args)
    if isinstance(e, Is):
        return Is(r(e.expr), "NULL" if e.what == "UNKNOWN" else e.what, e.negated)
    if isinstance(e, Between):
        return Between(r(e.expr), r(e.low), r(e.high), e.negated)
    if isinstance(e, In):
        left = r(e.expr)
        if e.items is not None and len(e.items) == 1 and not isinstance(e.items[0], Row):
            return Binary("<>" if e.negated else "=", left, r(e.items[0]))
        return In(left, [r(i) for i in e.items] if e.items is not None else None, e.subquery, e.negated)
    if isinstance(e, Like):
        if e.op == "REGEXP" and e.negated:
            return Unary("!", Like(r(e.expr), r(e.pattern), "REGEXP"))
        return Like(r(e.expr), r(e.pattern), e.op, e.negated, r(e.escape) if e.escape else None)
    if isinstance(e, Case):
        return Case(r(e.operand) if e.operand else None, [(r(w), r(t)) for w, t in e.whens],
                    r(e.else_) if e.else_ is not None else None)
    if isinstance(e, Collate):
        return Collate(r(e.expr), e.collation)
    if isinstance(e, Cast):
        t = e.type
        inner = r(e.expr)
        if t.name == "BINARY":
            return Cast(inner, CastType("CHAR", t.args, charset="binary"))
        if t.name in ("CHAR", "NCHAR") and t.charset is None:
            cs = "utf8mb3" if t.name == "NCHAR" else connection_charset
            return Cast(inner, CastType("CHAR", t.args, charset=cs, collate=t.collate))
        if t.name in ("INTEGER", "INT", "SIGNED"):
            return Cast(inner, CastType("SIGNED", t.args))
        return Cast(inner, t)
    if isinstance(e, ConvertUsing):
        return ConvertUsing(r(e.expr), e.charset)
    if isinstance(e, Trim):
        inner = r(e.expr)
        if e.remove is None:
            name = {"LEADING": "ltrim", "TRAILING": "rtrim"}.get(e.mode or "BOTH", "trim")
            return Func(name, [inner])
        return Trim(e.mode, r(e.remove), inner)
    if isinstance(e, Extract):
        return Extract(e.unit, r(e.expr))
    if isinstance(e, Interval):
        return Interval(r(e.expr), e.unit)
    if isinstance(e, Row):
        return Row([r(i) for i in e.items])
    if isinstance(e, Func):
        if isinstance(e.name, tuple) or e.raw_args is not None:
            return e
        low = e.name.lower()
        args = [r(a) for a in e.args]
        if low == "isnull" and len(args) == 1:
            return Is(args[0], "NULL")
        if low == "instr" and len(args) == 2:
            return Func("locate", [args[1], args[0]])
        if low == "datediff" and len(args) == 2:
            return Binary("-", Func("to_days", [args[0]]), Func("to_days", [args[1]]))
        if low == "bin" and len(args) == 1:
            return Func("conv", [args[0], Lit("num", "10"), Lit("num", "2")])
        if low == "oct" and len(args) == 1:
            return Func("conv", [args[0], Lit("num", "10"), Lit("num", "8")])
        if low in ("date", "time") and len(args) == 1:
            return Cast(args[0], CastType(low.upper()))
        if low == "timestamp" and len(args) == 1:
            return Cast(args[0], CastType("DATETIME"))
        if low == "weekofyear" and len(args) == 1:
            return Func("week", [args[0], Lit("num", "3")])
        if low == "round" and len(args) == 1:
            return Func("round", [args[0], Lit("num", "0")])
        if low == "mod" and len(args) == 2:
            return Binary("MOD", args[0], args[1])
        if low in ("adddate", "subdate") and len(args) == 2:
            return Binary("+" if low == "adddate" else "-", args[0], Interval(args[1], "DAY"))
        f = Func(e.name, args, e.distinct, e.star, e.order_by, e.separator, e.over, e.raw_args)
        return f
    if isinstance(e, Match):
        return Match([r(c) for c in e.columns], r(e.against), e.modifier)
    return e


