"""How a name or value is spelled: by a server of one flavor, and flavor-neutrally.

Two families of functions, never one name for both:

* ``server_*`` (and :func:`resolve_charset`): the spelling a server of
  ``rules`` shows for what hand-written DDL says (``utf8`` -> ``utf8mb3`` on
  MariaDB 10.6+, an explicit charset -> its default collation, a sql_mode with
  its combination modes expanded). The DDL simulator (:mod:`.builder`) and
  :mod:`.normalize` (types, defaults) write the model with these.
* ``neutral_*`` and the ``is_*`` tests: one spelling for every flavor, what
  the comparison (:mod:`baseline.compare.canonical`) runs both sides through
  before judging them equal. The model keeps each source's own spelling; each
  equivalence is data plus a small pure function here, not an ``if`` in the
  comparison.

:func:`charset_of_collation` is the one answer to "which character set does
this collation belong to", in either spelling.
"""
from __future__ import annotations

import re

from ..flavor import BASE_COLLATIONS, Rules
from ..sql.sqltext import canonical_sql, tokens, wrapped_in_parens

# =========================================================================== server spellings

def server_charset(name: str | None, rules: Rules) -> str | None:
    """``utf8``/``utf8mb3`` spelled the flavor's way; other names lower-cased."""
    if name is None:
        return None
    low = name.lower()
    if low in ("utf8", "utf8mb3"):
        return rules.utf8_name
    return low


def server_collation(name: str | None, rules: Rules) -> str | None:
    if name is None:
        return None
    low = name.lower()
    if rules.utf8_name == "utf8mb3" and low.startswith("utf8_"):
        return "utf8mb3_" + low[5:]
    if rules.utf8_name == "utf8" and low.startswith("utf8mb3_"):
        return "utf8_" + low[8:]
    return low


def server_default_collation(charset: str, rules: Rules) -> str:
    cs = server_charset(charset, rules)
    coll = rules.default_collations.get(cs)
    if coll is None and cs == "utf8mb3":
        coll = rules.default_collations.get("utf8", "utf8_general_ci")
    if coll is None:
        coll = f"{cs}_general_ci"
    return server_collation(coll, rules)


def resolve_charset(charset: str | None, collation: str | None, rules: Rules,
                    inherit: tuple[str | None, str | None] = (None, None)) -> tuple[str | None, str | None]:
    """The (charset, collation) a column/table ends up with.

    Explicit collation wins (its charset follows); an explicit charset gets its
    default collation; nothing explicit inherits ``inherit``.
    """
    cs = server_charset(charset, rules)
    co = server_collation(collation, rules)
    if co is not None:
        if cs is None:
            cs = charset_of_collation(co, rules)
        return cs, co
    if cs is not None:
        return cs, server_default_collation(cs, rules)
    return inherit


def server_sql_mode(text: str, rules: Rules) -> str:
    """A sql_mode value as the server reports it: upper case, combination modes
    expanded (the server keeps their own name too), flags in bit order, unknown
    flags kept at the end."""
    flags = [f.strip().upper() for f in text.split(",") if f.strip()]
    out = set()
    for f in flags:
        out.add(f)
        for sub in _SQL_MODE_COMBOS.get(f, ()):
            out.add(sub)
    if not rules.sql_mode_has_no_auto_create_user:
        out.discard("NO_AUTO_CREATE_USER")
    order = {f: i for i, f in enumerate(SQL_MODE_ORDER)}
    known = sorted((f for f in out if f in order), key=order.__getitem__)
    unknown = sorted(f for f in out if f not in order)
    return ",".join(known + unknown)


#: sql_mode flags in the order the server lists them (bit order).
SQL_MODE_ORDER = [
    "REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "IGNORE_BAD_TABLE_OPTIONS",
    "ONLY_FULL_GROUP_BY", "NO_UNSIGNED_SUBTRACTION", "NO_DIR_IN_CREATE", "POSTGRESQL", "ORACLE",
    "MSSQL", "DB2", "MAXDB", "NO_KEY_OPTIONS", "NO_TABLE_OPTIONS", "NO_FIELD_OPTIONS", "MYSQL323",
    "MYSQL40", "ANSI", "NO_AUTO_VALUE_ON_ZERO", "NO_BACKSLASH_ESCAPES", "STRICT_TRANS_TABLES",
    "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE", "ALLOW_INVALID_DATES",
    "ERROR_FOR_DIVISION_BY_ZERO", "TRADITIONAL", "NO_AUTO_CREATE_USER", "HIGH_NOT_PRECEDENCE",
    "NO_ENGINE_SUBSTITUTION", "PAD_CHAR_TO_FULL_LENGTH", "EMPTY_STRING_IS_NULL",
    "SIMULTANEOUS_ASSIGNMENT", "TIME_ROUND_FRACTIONAL",
]
_SQL_MODE_COMBOS = {
    "TRADITIONAL": ["STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE",
                    "ERROR_FOR_DIVISION_BY_ZERO", "NO_AUTO_CREATE_USER", "NO_ENGINE_SUBSTITUTION"],
    "ANSI": ["REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "ONLY_FULL_GROUP_BY"],
}


def charset_of_collation(collation: str | None, rules: Rules | None = None) -> str | None:
    """The character set a collation belongs to (``utf8mb4_bin`` -> ``utf8mb4``,
    ``binary`` -> ``binary``; quotes around the name ignored): spelled as a
    server of ``rules`` spells it, or flavor-neutrally without ``rules``."""
    if collation is None:
        return None
    low = collation.strip().strip("'\"`").lower()
    if low == "binary":
        return "binary"
    head = low.partition("_")[0]
    return server_charset(head, rules) if rules is not None else neutral_charset(head)


# =========================================================================== flavor-neutral forms
# Spellings that differ between flavors (or between a server and hand-written
# DDL) but describe the same schema. The model keeps each source's own spelling;
# the comparison (:mod:`baseline.compare`) runs both sides through these rules
# before comparing and still reports the original values. Each rule is data plus
# a small pure function, so a new equivalence is one entry here, not an ``if``
# in the comparison.

#: Character-set names that denote the same character set (MySQL 8.0.30+ and
#: MariaDB 10.6.1+ say ``utf8mb3`` for what older servers call ``utf8``).
CHARSET_ALIASES = {"utf8": "utf8mb3"}

#: Integer types whose ``(n)`` is a display width, not a size. ``year(4)`` is the
#: same: MySQL 8.0.19+ shows plain ``year``.
DISPLAY_WIDTH_TYPES = frozenset({"tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year"})

#: Types whose defaults are numbers: MySQL shows them quoted (``'0'``, ``'1.50'``),
#: MariaDB 10.2.7+ does not.
NUMERIC_TYPES = frozenset({"tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal",
                           "numeric", "dec", "fixed", "float", "double", "real", "double precision"})

#: Types that carry a character set and collation.
TEXTUAL_TYPES = frozenset({"char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set",
                           "national char", "national varchar", "nchar", "nvarchar"})

#: Functions that all mean CURRENT_TIMESTAMP in a DEFAULT or ON UPDATE clause;
#: servers show ``CURRENT_TIMESTAMP[(fsp)]`` (MySQL) or ``current_timestamp([fsp])`` (MariaDB).
CURRENT_TIMESTAMP_SYNONYMS = frozenset({"current_timestamp", "now", "localtime", "localtimestamp"})

#: How MariaDB stores a JSON column: this type and collation plus a column CHECK
#: ``json_valid(`col`)``; MySQL has a native ``json`` type without charset.
JSON_STORAGE = {"type": "longtext", "charset": "utf8mb4", "collation": "utf8mb4_bin"}
JSON_TYPE = "json"
JSON_CHECK_FUNCTION = "json_valid"

#: Foreign-key actions InnoDB treats alike: MySQL 8 reports an omitted action as
#: ``NO ACTION``, MariaDB as ``RESTRICT``; both reject the change immediately.
FK_ACTION_ALIASES = {"NO ACTION": "RESTRICT"}

#: Charset introducers dropped from SQL fragments before comparing (MySQL writes
#: ``_utf8mb4'x'`` in views, CHECKs and generated columns where MariaDB writes ``'x'``).
INTRODUCER_CHARSETS = frozenset(set(BASE_COLLATIONS) - {"binary"})

_DISPLAY_WIDTH_RE = re.compile(r"^\s*([a-z]+)\s*\(\s*(\d+)\s*\)(.*)$", re.I | re.S)
_CURRENT_TS_RE = re.compile(r"^\s*([a-z_]+)\s*(?:\(\s*(\d*)\s*\))?\s*$", re.I)
_NUMBER_LITERAL_RE = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_TYPE_NAME_RE = re.compile(r"^\s*([a-z]+(?:\s+precision)?)", re.I)


def neutral_charset(name: str | None) -> str | None:
    """``utf8`` -> ``utf8mb3``; names lower-cased."""
    if name is None:
        return None
    low = name.lower()
    return CHARSET_ALIASES.get(low, low)


def neutral_collation(name: str | None) -> str | None:
    """``utf8_general_ci`` -> ``utf8mb3_general_ci``; names lower-cased."""
    if name is None:
        return None
    low = name.lower()
    head, sep, rest = low.partition("_")
    return CHARSET_ALIASES.get(head, head) + sep + rest


def implied_collation(charset: str | None, rules: Rules) -> str | None:
    """The collation a server picks for ``charset`` when none is named."""
    if charset is None:
        return None
    cs = neutral_charset(charset)
    coll = rules.default_collations.get(cs) or rules.default_collations.get(charset.lower())
    return neutral_collation(coll)


def type_name(type_text: str | None) -> str:
    """The base type name, lower-cased: ``varchar(10)`` -> ``varchar``."""
    m = _TYPE_NAME_RE.match(type_text or "")
    return m.group(1).lower() if m else ""


def neutral_type(type_text: str | None) -> str | None:
    """Lower-cases the type name (not enum/set values): ``INT(11)`` -> ``int(11)``."""
    if type_text is None:
        return None
    m = _TYPE_NAME_RE.match(type_text)
    if not m:
        return type_text.strip()
    return (m.group(1).lower() + type_text[m.end():]).strip()


def display_width_pair(a: str | None, b: str | None) -> tuple[str | None, str | None]:
    """Drop integer display widths when exactly one side shows one.

    ``int(11)`` vs ``int`` are equal (MySQL 8.0.19+ stopped showing widths), but
    ``tinyint(1)`` vs ``tinyint(4)`` differ: both sides show a width, so it means
    something (MySQL keeps ``tinyint(1)`` and zerofill widths on purpose).
    """
    if a is None or b is None:
        return a, b
    ma = _width(a)
    mb = _width(b)
    if (ma is None) == (mb is None):
        return a, b
    if ma is not None:
        a = ma[0] + ma[2]
    if mb is not None:
        b = mb[0] + mb[2]
    return a, b


def _width(type_text: str | None):
    if not type_text:
        return None
    m = _DISPLAY_WIDTH_RE.match(type_text)
    if not m or m.group(1).lower() not in DISPLAY_WIDTH_TYPES:
        return None
    return m.group(1), m.group(2), m.group(3)


def neutral_current_timestamp(text: str | None) -> str | None:
    """``CURRENT_TIMESTAMP``, ``now()``, ``current_timestamp(0)`` -> ``current_timestamp()``;
    ``CURRENT_TIMESTAMP(3)`` -> ``current_timestamp(3)``. Other text is returned unchanged."""
    if text is None:
        return None
    m = _CURRENT_TS_RE.match(text)
    if not m or m.group(1).lower() not in CURRENT_TIMESTAMP_SYNONYMS:
        return text
    fsp = int(m.group(2)) if m.group(2) else 0
    return f"current_timestamp({fsp or ''})"


def neutral_default(default: str | None, type_text: str | None) -> str | None:
    """A column default in one spelling for every flavor.

    * ``DEFAULT NULL`` and no default are one thing (``None``): a nullable column
      defaults to NULL either way, and a NOT NULL column cannot (so making a column
      NOT NULL is one difference, nullability, not two);
    * MySQL 8's parentheses around expression defaults are dropped;
    * CURRENT_TIMESTAMP synonyms coincide (:func:`neutral_current_timestamp`);
    * a quoted number on a numeric column is the number (``'0'`` = ``0``).
    """
    if default is None:
        return None
    text = default.strip()
    while wrapped_in_parens(tokens(text)):
        text = text[1:-1].strip()
    if text.upper() == "NULL":
        return None
    text = neutral_current_timestamp(text)
    if type_name(type_text) in NUMERIC_TYPES and len(text) >= 2 and text[0] == text[-1] == "'":
        inner = text[1:-1]
        if _NUMBER_LITERAL_RE.match(inner):
            text = inner
    return text


def neutral_fk_action(action: str | None) -> str | None:
    if action is None:
        return None
    up = " ".join(action.upper().split())
    return FK_ACTION_ALIASES.get(up, up)


def is_json_storage(type_text: str | None, charset: str | None, collation: str | None) -> bool:
    """``longtext`` + ``utf8mb4_bin``: the column MariaDB makes of ``JSON``."""
    return (neutral_type(type_text) == JSON_STORAGE["type"]
            and neutral_charset(charset or charset_of_collation(collation)) == JSON_STORAGE["charset"]
            and neutral_collation(collation) == JSON_STORAGE["collation"])


def is_json_check(expression: str | None, column: str) -> bool:
    """Is this CHECK the ``json_valid(`col`)`` MariaDB adds to a JSON column?"""
    if expression is None:
        return False
    want = canonical_sql(f"{JSON_CHECK_FUNCTION}(`{column}`)")
    return canonical_sql(expression, strip_parens=True) == want


def is_generated_check_name(name: str, table: str, column: str | None, rules: Rules) -> bool:
    """Did the server make this CHECK name up (``t_chk_1``, ``CONSTRAINT_1``, or
    the column's name for a MariaDB column CHECK)? Such names differ between
    flavors for the same constraint, so CHECKs are then matched by expression."""
    if column is not None and rules.column_check_named_after_column and name.casefold() == column.casefold():
        return True
    pattern = re.escape(rules.check_name_pattern).replace(re.escape("{table}"), re.escape(table))
    pattern = pattern.replace(re.escape("{n}"), r"\d+")
    return re.fullmatch(pattern, name, re.I) is not None


def neutral_definer(definer: str | None) -> str | None:
    """`` `root`@`localhost` `` -> ``root@localhost``."""
    if definer is None:
        return None
    return definer.replace("`", "").replace("'", "")


def neutral_sql_mode(mode: str | None) -> str | None:
    """sql_mode as a sorted, upper-case set (the order of its flags means nothing)."""
    if mode is None:
        return None
    return ",".join(sorted({m.strip().upper() for m in mode.split(",") if m.strip()}))


def neutral_fragment(text: str | None, own_schemas=(), *, strip_parens: bool = False) -> str | None:
    """View bodies, CHECK and generated expressions, routine/trigger/event bodies:
    whitespace outside literals, keyword case, own-schema qualifiers and charset
    introducers do not matter (see :func:`baseline.sql.sqltext.canonical_sql`)."""
    return canonical_sql(text, own_schemas=own_schemas, introducers=INTRODUCER_CHARSETS,
                         strip_parens=strip_parens)
