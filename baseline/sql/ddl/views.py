"""View bodies in the form the server stores them.

MariaDB rewrites a view's SELECT before storing it: every column qualified by
its table (or alias), every select item aliased (``AS `name```, an unaliased
expression named after its source text), ``*`` expanded, joins nested in
parentheses with ``on(...)``, ``count(*)`` as ``count(0)``, own-database
qualifiers dropped (SHOW CREATE VIEW). :func:`canonical_view_definition` does
the same from a parsed SELECT and the columns the simulator knows. Constructs it
does not cover (or a table it cannot see) leave the body as written, with a
warning: comparison with a live server will then show the difference.

MySQL views are kept as written (their canonical printing is not reproduced):
:attr:`baseline.flavor.Rules.view_rewrite` says which flavors rewrite.
"""
from __future__ import annotations

from .expr import Ident, Lit, Star
from ..literals import quote_ident
from .printer import Printer, style_for
from .select import Derived, Join, Query, Select, SetOp, TableRef


class Unsupported(Exception):
    """A view construct the canonical printer does not reproduce."""


def canonical_view_definition(builder, node) -> tuple[str, list[str] | None]:
    """``(definition, columns)`` of a CREATE/ALTER VIEW for the model."""
    if builder.flavor.rules.view_rewrite != "mariadb":
        return node.select_text, node.columns
    if node.query is None:
        builder._warn(node, f"view `{node.name}`: body not parsed; kept as written")
        return node.select_text, None
    try:
        vp = ViewPrinter(builder)
        text = vp.query(node.query, top=True, columns=node.columns)
    except Unsupported as e:
        builder._warn(node, f"view `{node.name}`: {e}; body kept as written")
        return node.select_text, None
    return text, None


class _Scope:
    """The tables visible in one SELECT: [(qualifier, column names)]."""

    def __init__(self, parent: "_Scope | None" = None):
        self.parent = parent
        self.tables: list[tuple[str, list[str]]] = []
        self.aliases: dict[str, str] = {}
        #: select-list aliases -> the printed expression (ORDER/GROUP BY use it)
        self.alias_exprs: dict[str, str] = {}
        #: a UNION's ORDER BY: names refer to the result columns
        self.union_level = False

    def resolve(self, parts: tuple) -> tuple[str, str] | None:
        if len(parts) == 1:
            name = parts[0].casefold()
            scope = self
            while scope is not None:
                for qual, cols in scope.tables:
                    for c in cols:
                        if c.casefold() == name:
                            return qual, c
                scope = scope.parent
            return None
        qual = parts[-2]
        col = parts[-1]
        scope = self
        while scope is not None:
            for q, cols in scope.tables:
                if q == qual or q.casefold() == qual.casefold():
                    for c in cols:
                        if c.casefold() == col.casefold():
                            return q, c
                    return q, col
            scope = scope.parent
        return None


class ViewPrinter:
    def __init__(self, builder):
        self.b = builder
        self.schema = builder.schema

    # ------------------------------------------------------------------ queries
    def query(self, q, *, top: bool = False, columns=None, scope: _Scope | None = None) -> str:
        if isinstance(q, Query):
            if q.ctes:
                raise Unsupported("WITH (common table expressions)")
            body = self.query(q.body, columns=columns if top else None, scope=scope)
            if q.parenthesized and not top:
                body = "(" + body + ")"
            tail_scope = _Scope(scope)
            tail_scope.union_level = True
            tail = self._order_limit(q.order_by, q.limit, tail_scope, None)
            return body + tail
        if isinstance(q, SetOp):
            left = self.query(q.left, columns=columns, scope=scope)
            right = self.query(q.right, scope=scope)
            op = "union" if q.op == "UNION DISTINCT" else q.op.lower()
            return f"{left} {op} {right}"
        if isinstance(q, Select):
            return self.select(q, scope, columns)
        raise Unsupported(f"{type(q).__name__}")

    def select(self, sel: Select, parent: _Scope | None, columns=None, exists: bool = False) -> str:
        scope = _Scope(parent)
        nested = parent is not None
        from_text = ""
        if sel.from_:
            refs = sel.from_[0]
            for extra in sel.from_[1:]:
                refs = Join(refs, extra, ",")
            from_text = " from " + self.table_ref(refs, scope)
        if sel.options:
            raise Unsupported("SELECT options")
        items = []
        printer = self._printer(scope)
        for i, item in enumerate(sel.items if not exists else []):
            if isinstance(item.expr, Star):
                items.extend(self._star(item.expr, scope))
                continue
            text = printer(item.expr)
            alias = item.alias
            if nested and (alias is None or alias == text):
                # Items of a subquery keep no generated name. MariaDB sometimes shows
                # one (the printed expression, after the view was opened once), so
                # such a name is dropped to keep the form stable.
                items.append(text)
                continue
            if alias is None:
                alias = _item_name(item)
            if columns is not None and i < len(columns):
                alias = columns[i]
            scope.aliases[alias.casefold()] = alias
            scope.alias_exprs.setdefault(alias.casefold(), text)
            items.append(f"{text} AS {quote_ident(alias)}")
        if exists:
            items = ["1"]  # EXISTS(SELECT ...): the server keeps no select list
        out = "select " + ("distinct " if sel.distinct and not exists else "") + ",".join(items) + from_text
        if sel.where is not None:
            out += " where " + printer(sel.where)
        if sel.group_by:
            out += " group by " + ",".join(self._order_item(e, d, printer, scope) for e, d in sel.group_by)
            if sel.rollup:
                out += " with rollup"
        if sel.having is not None:
            out += " having " + printer(sel.having)
        if sel.window:
            raise Unsupported("WINDOW clause")
        if exists:
            out += " limit 1"
        else:
            out += self._order_limit(sel.order_by, sel.limit, scope, printer)
        if sel.lock:
            raise Unsupported("locking clause")
        return out

    def _order_limit(self, order_by, limit, scope, printer) -> str:
        out = ""
        printer = printer or self._printer(scope)
        if order_by:
            out += " order by " + ",".join(self._order_item(e, d, printer, scope, alias_first=True)
                                           for e, d in order_by)
        if limit is not None:
            off, cnt = limit
            if off is not None:
                out += f" limit {printer(off)},{printer(cnt)}"
            else:
                out += f" limit {printer(cnt)}"
        return out

    def _order_item(self, e, desc, printer, scope, alias_first: bool = False) -> str:
        """ORDER BY names a select alias before a column; GROUP BY a column first."""
        if isinstance(e, Ident) and len(e.parts) == 1 and scope.union_level:
            text = quote_ident(e.parts[0])
        elif isinstance(e, Ident) and len(e.parts) == 1 and e.parts[0].casefold() in scope.alias_exprs \
                and (alias_first or scope.resolve(e.parts) is None):
            text = scope.alias_exprs[e.parts[0].casefold()]
        else:
            text = printer(e)
        return text + (" desc" if desc else "")

    def _star(self, star: Star, scope: _Scope) -> list[str]:
        out = []
        for qual, cols in scope.tables:
            if star.qualifier and star.qualifier[-1].casefold() != qual.casefold():
                continue
            for c in cols:
                out.append(f"{quote_ident(qual)}.{quote_ident(c)} AS {quote_ident(c)}")
        if not out:
            raise Unsupported("cannot expand *")
        return out

    # ------------------------------------------------------------------ FROM
    def table_ref(self, ref, scope: _Scope) -> str:
        if isinstance(ref, TableRef):
            if ref.hints:
                raise Unsupported("index hints")
            if ref.schema is not None and ref.schema != self.schema.name:
                raise Unsupported(f"table in another database ({ref.schema})")
            cols = self._columns_of(ref.name)
            qual = ref.alias or ref.name
            scope.tables.append((qual, cols))
            text = quote_ident(ref.name)
            if ref.alias:
                text += " " + quote_ident(ref.alias)
            return text
        if isinstance(ref, Join):
            kind = ref.kind
            left, right = ref.left, ref.right
            if kind == "RIGHT JOIN":
                left, right = right, left
                kind = "LEFT JOIN"
            if kind.startswith("NATURAL") or ref.using:
                raise Unsupported("NATURAL JOIN / USING")
            lt = self.table_ref(left, scope)
            rt = self.table_ref(right, scope)
            word = {"JOIN": "join", ",": "join", "CROSS JOIN": "join", "LEFT JOIN": "left join",
                    "STRAIGHT_JOIN": "straight_join"}.get(kind)
            if word is None:
                raise Unsupported(kind)
            text = f"({lt} {word} {rt}"
            if ref.on is not None:
                text += " on(" + self._printer(scope)(ref.on) + ")"
            return text + ")"
        if isinstance(ref, Derived):
            raise Unsupported("derived table")
        raise Unsupported(type(ref).__name__)

    def _columns_of(self, name: str) -> list[str]:
        t = self.b._table(name)
        if t is not None:
            return [c.name for c in t.columns]
        v = self.schema.views.get(name)
        if v is not None:
            cols = _view_columns(v)
            if cols is not None:
                return cols
        raise Unsupported(f"unknown table `{name}`")

    # ------------------------------------------------------------------ expressions
    def _printer(self, scope: _Scope) -> Printer:
        def resolve(ident: Ident) -> str:
            parts = ident.parts
            if len(parts) == 3 and parts[0] == self.schema.name:
                parts = parts[1:]
            r = scope.resolve(parts)
            if r is None:
                if len(parts) == 1:
                    alias = scope.aliases.get(parts[0].casefold())
                    if alias is not None:
                        return quote_ident(alias)
                raise Unsupported(f"cannot resolve column {'.'.join(parts)}")
            qual, col = r
            return f"{quote_ident(qual)}.{quote_ident(col)}"

        def subquery(q, exists: bool = False) -> str:
            if exists and isinstance(q, Query) and isinstance(q.body, Select) and not q.ctes:
                return self.select(q.body, scope, exists=True)
            return self.query(q, scope=scope)

        functions = frozenset(r.name.casefold() for r in self.schema.routines.values() if r.kind == "FUNCTION")
        return Printer(style_for(self.b.flavor), strip_qualifier=False, column_resolver=resolve,
                       subquery_printer=subquery, connection_charset=self.b.connection_charset,
                       stored_functions=functions, own_schema=self.schema.name)


def _item_name(item) -> str:
    e = item.expr
    if isinstance(e, Ident):
        return e.parts[-1]
    if isinstance(e, Lit) and e.kind == "str":
        return e.value
    return item.text


def _view_columns(v) -> list[str] | None:
    """Column names of a stored view: the aliases of its top select list."""
    import re
    text = v.definition
    names = re.findall(r" AS `((?:[^`]|``)*)`(?=,|\s+from\s|$)", text)
    if not names:
        return None
    return [n.replace("``", "`") for n in names]
