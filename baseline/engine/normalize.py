"""Canonical forms of hand-written DDL for a flavor (see docs/ARCHITECTURE.md).

The model holds values the way the flavor's server shows them in ``SHOW CREATE``.
Dumps already contain that spelling; migration files do not (``INTEGER``,
``BOOL``, ``CHARSET utf8``, ``DEFAULT '1.5'`` on a DECIMAL(5,2),
``CURRENT_TIMESTAMP``...). The functions here turn a written type, charset or
default into the server's spelling, driven only by ``flavor.rules`` data. They
are pure: the DDL simulator (:mod:`baseline.engine.builder`) supplies the
context (table charset, column type).

Canonical decisions (shared with live introspection, which must land on the
same values):

* **Types**: lower case, display widths per ``rules.int_display_width``
  (``int(11)``, ``int(10) unsigned``, ``tinyint(1)`` always keeps its width on
  MySQL 8.0.19+, as do ZEROFILL types); ``BOOL`` -> ``tinyint(1)``; ``SERIAL``
  -> ``bigint(20) unsigned`` NOT NULL AUTO_INCREMENT UNIQUE; ``DECIMAL`` ->
  ``decimal(10,0)``; ``FLOAT(p)`` -> ``float``/``double``; ``REAL``/``DOUBLE
  PRECISION`` -> ``double``; ``YEAR`` -> ``year(4)``/``year``; ``TEXT(n)`` -> the
  smallest text type holding n characters; ``CHAR`` -> ``char(1)``;
  ``VARCHAR(n) CHARACTER SET binary`` -> ``varbinary(n)``; JSON on MariaDB ->
  ``longtext`` ``utf8mb4_bin`` plus a column CHECK ``json_valid(`c`)``.
* **Charsets**: ``utf8`` is spelled ``rules.utf8_name`` (``utf8mb3`` on MariaDB
  10.6+ / MySQL 8.0.30+), collations likewise; a charset without collation gets
  ``rules.default_collations[charset]``; a collation without charset gives its
  charset; ``BINARY`` attribute -> ``<charset>_bin``.
* **Defaults**: literals are converted to the column type and shown as the
  server shows them (MariaDB: numbers unquoted ``1.50``, ``b'101'`` for BIT,
  dates in full ``'2020-01-01 00:00:00'``; MySQL: every literal quoted);
  CURRENT_TIMESTAMP and its synonyms -> ``rules.current_timestamp``
  (``current_timestamp()`` / ``CURRENT_TIMESTAMP``) with the precision kept;
  other expressions printed by the expression printer (MariaDB parenthesises
  operators, not plain function calls).
"""
from __future__ import annotations

import decimal
import re
import struct
from dataclasses import dataclass

from ..flavor import Rules
from ..sql.ddl.expr import Func, Lit, Unary
from ..sql.literals import quote_string

# --------------------------------------------------------------------------- charsets

#: Bytes per character (max) of each character set.
CHARSET_MAXLEN = {
    "big5": 2, "dec8": 1, "cp850": 1, "hp8": 1, "koi8r": 1, "latin1": 1, "latin2": 1, "swe7": 1,
    "ascii": 1, "ujis": 3, "sjis": 2, "hebrew": 1, "tis620": 1, "euckr": 2, "koi8u": 1,
    "gb2312": 2, "greek": 1, "cp1250": 1, "gbk": 2, "latin5": 1, "armscii8": 1, "utf8": 3,
    "utf8mb3": 3, "ucs2": 2, "cp866": 1, "keybcs2": 1, "macce": 1, "macroman": 1, "cp852": 1,
    "latin7": 1, "utf8mb4": 4, "cp1251": 1, "utf16": 4, "utf16le": 4, "cp1256": 1, "cp1257": 1,
    "utf32": 4, "binary": 1, "geostd8": 1, "cp932": 2, "eucjpms": 3, "gb18030": 4,
}


def charset_maxlen(charset: str | None) -> int:
    if charset is None:
        return 1
    return CHARSET_MAXLEN.get(charset.lower(), 4)


# --------------------------------------------------------------------------- types


@dataclass
class TypeInfo:
    """A canonical column type and what it implies."""

    text: str
    unsigned: bool = False
    zerofill: bool = False
    #: The type takes a character set (char, varchar, text, enum, set).
    textual: bool = False
    #: ``SERIAL``: NOT NULL AUTO_INCREMENT UNIQUE.
    serial: bool = False
    #: Forced charset/collation (JSON on MariaDB, NATIONAL CHAR).
    charset: str | None = None
    collation: str | None = None
    #: MariaDB JSON: add a column CHECK json_valid(`col`).
    json_check: bool = False
    #: base name (``int``, ``varchar``, ``timestamp``) for later rules.
    base: str = ""


_INT_WIDTHS = {  # signed, unsigned
    "tinyint": (4, 3), "smallint": (6, 5), "mediumint": (9, 8), "int": (11, 10), "bigint": (20, 20),
}
_INT_ALIASES = {
    "TINYINT": "tinyint", "INT1": "tinyint", "SMALLINT": "smallint", "INT2": "smallint",
    "MEDIUMINT": "mediumint", "INT3": "mediumint", "MIDDLEINT": "mediumint", "INT": "int",
    "INTEGER": "int", "INT4": "int", "BIGINT": "bigint", "INT8": "bigint",
}
_TEXT_SIZES = (("tinytext", "tinyblob", 255), ("text", "blob", 65535),
               ("mediumtext", "mediumblob", 16777215), ("longtext", "longblob", 4294967295))
_TEXT_BASES = {"TINYTEXT": "tinytext", "TEXT": "text", "MEDIUMTEXT": "mediumtext", "LONGTEXT": "longtext"}
_BLOB_BASES = {"TINYBLOB": "tinyblob", "BLOB": "blob", "MEDIUMBLOB": "mediumblob", "LONGBLOB": "longblob"}
_TEXT_TO_BLOB = {"tinytext": "tinyblob", "text": "blob", "mediumtext": "mediumblob", "longtext": "longblob"}
_SPATIAL = {"GEOMETRY": "geometry", "POINT": "point", "LINESTRING": "linestring", "POLYGON": "polygon",
            "MULTIPOINT": "multipoint", "MULTILINESTRING": "multilinestring",
            "MULTIPOLYGON": "multipolygon", "GEOMETRYCOLLECTION": "geometrycollection",
            "GEOMCOLLECTION": "geometrycollection"}
_SIMPLE = {"DATE": "date", "UUID": "uuid", "INET4": "inet4", "INET6": "inet6", "XMLTYPE": "xmltype"}


class TypeError_(ValueError):
    """A type the flavor would reject (VARCHAR without length, ...)."""


def canonical_type(dt, rules: Rules) -> TypeInfo:  # noqa: C901 - one branch per type family
    """The canonical type of a parsed :class:`~baseline.sql.ddl.nodes.DataType`.

    Charset-dependent choices (``TEXT(n)``, ``CHARACTER SET binary``) use the
    type's own charset when written; callers pass the resolved charset through
    :func:`finish_textual` afterwards.
    """
    name = dt.name
    args = dt.args
    unsigned = dt.unsigned or dt.zerofill
    zerofill = dt.zerofill
    if name in _INT_ALIASES:
        base = _INT_ALIASES[name]
        return TypeInfo(_int_text(base, args, unsigned, zerofill, rules), unsigned, zerofill, base=base)
    if name in ("BOOL", "BOOLEAN"):
        return TypeInfo("tinyint(1)", unsigned, zerofill, base="tinyint")
    if name == "SERIAL":
        return TypeInfo(_int_text("bigint", [], True, False, rules), True, False, serial=True, base="bigint")
    if name in ("DECIMAL", "DEC", "NUMERIC", "FIXED", "NUMBER"):
        m = args[0] if args else "10"
        d = args[1] if len(args) > 1 else "0"
        return TypeInfo(f"decimal({int(m)},{int(d)})", unsigned, zerofill, base="decimal")
    if name in ("FLOAT", "FLOAT4"):
        if len(args) == 1:
            p = int(args[0])
            base = "float" if p <= 24 else "double"
            return TypeInfo(base, unsigned, zerofill, base=base)
        if len(args) == 2:
            return TypeInfo(f"float({int(args[0])},{int(args[1])})", unsigned, zerofill, base="float")
        return TypeInfo("float", unsigned, zerofill, base="float")
    if name in ("DOUBLE", "DOUBLE PRECISION", "REAL", "FLOAT8"):
        base = "float" if name == "REAL" and rules is not None and getattr(rules, "_real_as_float", False) else "double"
        if len(args) == 2:
            return TypeInfo(f"{base}({int(args[0])},{int(args[1])})", unsigned, zerofill, base=base)
        return TypeInfo(base, unsigned, zerofill, base=base)
    if name == "BIT":
        n = int(args[0]) if args else 1
        return TypeInfo(f"bit({n})", base="bit")
    if name in ("CHAR", "NATIONAL CHAR", "NCHAR"):
        n = int(args[0]) if args else 1
        info = TypeInfo(f"char({n})", textual=True, base="char")
        if name != "CHAR":
            info.charset = rules.utf8_name
        return info
    if name in ("VARCHAR", "NATIONAL VARCHAR", "NVARCHAR", "VARCHAR2"):
        if not args:
            raise TypeError_("VARCHAR needs a length")
        info = TypeInfo(f"varchar({int(args[0])})", textual=True, base="varchar")
        if name != "VARCHAR" and name != "VARCHAR2":
            info.charset = rules.utf8_name
        return info
    if name == "BINARY":
        n = int(args[0]) if args else 1
        return TypeInfo(f"binary({n})", base="binary")
    if name == "VARBINARY":
        if not args:
            raise TypeError_("VARBINARY needs a length")
        return TypeInfo(f"varbinary({int(args[0])})", base="varbinary")
    if name in _TEXT_BASES:
        base = _TEXT_BASES[name]
        info = TypeInfo(base, textual=True, base=base)
        if args and name == "TEXT":
            info.text = info.base = "text"
            info._length = int(args[0])  # type: ignore[attr-defined]
        return info
    if name == "MEDIUMTEXT":
        return TypeInfo("mediumtext", textual=True, base="mediumtext")
    if name in _BLOB_BASES:
        base = _BLOB_BASES[name]
        if args and name == "BLOB":
            n = int(args[0])
            for _t, b, size in _TEXT_SIZES:
                if n <= size:
                    base = b
                    break
        return TypeInfo(base, base=base)
    if name in ("ENUM", "SET"):
        vals = ",".join(quote_string(v) for v in dt.values or [])
        low = name.lower()
        return TypeInfo(f"{low}({vals})", textual=True, base=low)
    if name in ("DATETIME", "TIMESTAMP", "TIME"):
        low = name.lower()
        fsp = int(args[0]) if args else 0
        return TypeInfo(f"{low}({fsp})" if fsp else low, base=low)
    if name == "YEAR":
        text = "year(4)" if rules.int_display_width else "year"
        return TypeInfo(text, base="year")
    if name == "JSON":
        if rules.native_json:
            return TypeInfo("json", base="json")
        return TypeInfo("longtext", textual=True, charset="utf8mb4", collation="utf8mb4_bin",
                        json_check=True, base="longtext")
    if name in _SPATIAL:
        low = _SPATIAL[name]
        if low == "geometrycollection":
            low = rules.geometrycollection_name
        return TypeInfo(low, base=low)
    if name in _SIMPLE:
        return TypeInfo(_SIMPLE[name], base=_SIMPLE[name])
    if name == "VECTOR" and args:
        return TypeInfo(f"vector({int(args[0])})", base="vector")
    # unknown (plugin) types: keep the name lower-cased with its arguments
    low = name.lower()
    text = f"{low}({','.join(args)})" if args else low
    return TypeInfo(text, unsigned, zerofill, base=low)


def _int_text(base: str, args: list[str], unsigned: bool, zerofill: bool, rules: Rules) -> str:
    signed_w, unsigned_w = _INT_WIDTHS[base]
    if rules.int_display_width or zerofill:
        w = int(args[0]) if args else (unsigned_w if unsigned else signed_w)
        return f"{base}({w})"
    # MySQL 8.0.19+: no display widths, except tinyint(1)
    if base == "tinyint" and args and int(args[0]) == 1:
        return "tinyint(1)"
    return base


def finish_textual(info: TypeInfo, charset: str | None) -> tuple[str, bool]:
    """Adjust a textual type to its resolved charset. Returns ``(type, textual)``:
    ``TEXT(n)`` becomes the smallest text type holding n characters, and the
    ``binary`` charset turns char/varchar/text into binary/varbinary/blob."""
    text = info.text
    length = getattr(info, "_length", None)
    if length is not None:
        nbytes = length * charset_maxlen(charset)
        for t, _b, size in _TEXT_SIZES:
            if nbytes <= size:
                text = t
                break
    if charset == "binary":
        if text.startswith("char("):
            return "binary" + text[4:], False
        if text.startswith("varchar("):
            return "varbinary" + text[7:], False
        if text in _TEXT_TO_BLOB:
            return _TEXT_TO_BLOB[text], False
    return text, True


# --------------------------------------------------------------------------- strings


# --------------------------------------------------------------------------- defaults

_CURRENT_TS_NAMES = {"current_timestamp", "now", "localtime", "localtimestamp"}
_TEMPORAL_BASES = {"datetime", "timestamp", "date", "time", "year"}
_INT_BASES = set(_INT_WIDTHS)
_NUMERIC_BASES = _INT_BASES | {"decimal", "float", "double", "bit", "year"}


class DefaultError(ValueError):
    """A default the server would reject (``Invalid default value``)."""


def current_timestamp_call(expr) -> int | None:
    """``CURRENT_TIMESTAMP[(n)]``, ``NOW([n])``, ``LOCALTIME``... -> the precision
    (0 when none), else None."""
    if not isinstance(expr, Func) or not isinstance(expr.name, str):
        return None
    if expr.name.lower() not in _CURRENT_TS_NAMES:
        return None
    if not expr.args:
        return 0
    a = expr.args[0]
    if len(expr.args) == 1 and isinstance(a, Lit) and a.kind == "num" and a.text.isdigit():
        return int(a.text)
    return None


def spell_current_timestamp(precision: int, rules: Rules) -> str:
    base = rules.current_timestamp
    if precision:
        if base.endswith("()"):
            return base[:-2] + f"({precision})"
        return f"{base}({precision})"
    return base


def literal_value(expr):
    """``(kind, python value)`` of a constant DEFAULT, or None when not a literal.

    kinds: ``null``, ``num`` (text), ``str`` (text), ``bytes``, ``bool`` (int).
    """
    if isinstance(expr, Unary) and expr.op == "-" and isinstance(expr.expr, Lit) and expr.expr.kind == "num":
        t = expr.expr.text
        return ("num", t[1:] if t.startswith("-") else "-" + t)
    if not isinstance(expr, Lit):
        return None
    k = expr.kind
    if k == "null":
        return ("null", None)
    if k == "num":
        return ("num", expr.text)
    if k == "str":
        return ("str", expr.value)
    if k == "temporal":
        return ("str", expr.value)
    if k == "bool":
        return ("num", "1" if expr.text == "TRUE" else "0")
    if k == "hex":
        h = expr.value
        if len(h) % 2:
            h = "0" + h
        return ("bytes", bytes.fromhex(h))
    if k == "bit":
        v = int(expr.value or "0", 2)
        n = max(1, (len(expr.value) + 7) // 8)
        return ("bytes", v.to_bytes(n, "big"))
    return None


def format_literal_default(kind: str, value, base: str, type_text: str, rules: Rules,
                           *, enum_values: list[str] | None = None) -> str:
    """A literal default converted to the column type, spelled as SHOW CREATE
    shows it. Raises :class:`DefaultError` where the server would refuse it."""
    if kind == "null":
        return "NULL"
    quote = rules.quotes_numeric_defaults
    if base in _INT_BASES or base == "bit":
        if base == "bit":
            # a string is a BIT value by its bytes ('' and '\0' are b'0'), and must fit
            n = int.from_bytes(str(value).encode("utf-8"), "big") if kind == "str" else _to_int(kind, value)
            m = re.match(r"bit\((\d+)\)", type_text)
            if kind == "str" and n >= 1 << (int(m.group(1)) if m else 1):
                raise DefaultError(f"invalid default value {value!r}")
            bits = bin(n)[2:] if n >= 0 else bin(n & ((1 << 64) - 1))[2:]
            return f"b'{bits}'"
        n = _to_int(kind, value)
        return f"'{n}'" if quote else str(n)
    if base == "decimal":
        m = re.match(r"decimal\((\d+),(\d+)\)", type_text)
        scale = int(m.group(2)) if m else 0
        d = _to_decimal(kind, value)
        q = d.quantize(decimal.Decimal(1).scaleb(-scale), rounding=decimal.ROUND_HALF_UP)
        text = format(q, "f")
        if text.startswith("-") and q == 0:
            text = text[1:]
        return f"'{text}'" if quote else text
    if base in ("float", "double"):
        d = _to_decimal(kind, value)
        text = _format_float(float(d), single=base == "float")
        return f"'{text}'" if quote else text
    if base == "year":
        n = _to_int(kind, value)
        if kind == "str" and len(str(value).strip()) <= 2:
            n = n + 2000 if n < 70 else n + 1900        # '0'..'69' -> 2000..2069
        elif 0 < n < 100:
            n = n + 2000 if n < 70 else n + 1900        # 1..69 -> 2001..2069
        text = f"{n:04d}"                               # 0 stays 0000
        return f"'{text}'" if quote else text
    if base in ("date", "datetime", "timestamp", "time"):
        fsp = 0
        m = re.search(r"\((\d)\)", type_text)
        if m:
            fsp = int(m.group(1))
        text = _format_temporal(kind, value, base, fsp)
        return quote_string(text)
    # strings
    if kind == "bytes":
        s = value.decode("utf-8", errors="replace")
    elif kind == "num":
        s = value
    else:
        s = str(value)
    if base == "enum" and enum_values is not None:
        s = _enum_member(s, kind, enum_values)
    elif base == "set" and enum_values is not None:
        s = _set_members(s, kind, enum_values)
    elif base == "char":
        s = s.rstrip(" ")
    elif base == "binary":
        m = re.match(r"binary\((\d+)\)", type_text)
        n = int(m.group(1)) if m else 1
        s = s + "\0" * max(0, n - len(s.encode("utf-8")))
    return quote_string(s)


def _to_int(kind, value) -> int:
    if kind == "bytes":
        return int.from_bytes(value, "big")
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        d = decimal.Decimal(text)
    except decimal.InvalidOperation:
        raise DefaultError(f"invalid default value {value!r}") from None
    return int(d.to_integral_value(rounding=decimal.ROUND_HALF_UP))


def _to_decimal(kind, value) -> decimal.Decimal:
    if kind == "bytes":
        return decimal.Decimal(int.from_bytes(value, "big"))
    try:
        return decimal.Decimal(str(value).strip())
    except decimal.InvalidOperation:
        raise DefaultError(f"invalid default value {value!r}") from None


def _format_float(v: float, single: bool) -> str:
    """Shortest text that reads back as the same float/double, in plain
    notation where MariaDB uses it (``1000``, ``0.00000015``)."""
    if single:
        v32 = struct.unpack("f", struct.pack("f", v))[0]
        text = None
        for digits in range(1, 10):
            cand = f"{v32:.{digits}g}"
            if struct.unpack("f", struct.pack("f", float(cand)))[0] == v32:
                text = cand
                break
        text = text or repr(v32)
    else:
        text = repr(v)
    if "e" in text or "E" in text:
        d = decimal.Decimal(text)
        exp = d.adjusted()
        if -15 <= exp < 15:
            text = format(d, "f")
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


_DATE_RE = re.compile(r"^\s*(\d{1,4})[-/.:](\d{1,2})[-/.:](\d{1,2})(?:[ T]+(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6}))?)?)?)?\s*$")
_TIME_RE = re.compile(r"^\s*(-)?(?:(\d+) )?(\d{1,3})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6}))?)?)?\s*$")


def _format_temporal(kind, value, base: str, fsp: int) -> str:
    text = str(value).strip() if kind != "bytes" else value.decode("latin-1")
    if base == "time":
        m = _TIME_RE.match(text)
        dm = _DATE_RE.match(text) if "-" in text[1:] else None
        if dm:
            # a datetime string: its time part
            neg, h, mi, s, frac = "", int(dm.group(4) or 0), int(dm.group(5) or 0), int(dm.group(6) or 0), \
                dm.group(7) or ""
        elif re.fullmatch(r"-?\d+(?:\.\d*)?", text):
            # [H]HMMSS[.frac] without colons: '10' is 10 seconds, '2.5' 2.5 seconds
            neg = "-" if text.startswith("-") else ""
            whole, _, frac = text.lstrip("-").partition(".")
            t = whole.zfill(6)
            h, mi, s = int(t[:-4]), int(t[-4:-2]), int(t[-2:])
        elif m:
            neg = m.group(1) or ""
            h = int(m.group(3)) + 24 * int(m.group(2) or 0)
            mi = int(m.group(4) or 0)
            s = int(m.group(5) or 0)
            frac = m.group(6) or ""
        else:
            raise DefaultError(f"invalid TIME default {value!r}")
        out = f"{neg}{h:02d}:{mi:02d}:{s:02d}"
        if fsp:
            out += "." + (frac + "000000")[:fsp]
        return out
    if kind == "num":
        digits = text.split(".")[0]
        if digits == "0":
            y = mo = d = h = mi = s = 0
            frac = ""
        else:
            if len(digits) in (6, 12):
                yy = int(digits[:2])
                digits = ("20" if yy < 70 else "19") + digits
            digits = digits.ljust(14, "0")
            y, mo, d = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
            h, mi, s = int(digits[8:10]), int(digits[10:12]), int(digits[12:14])
            frac = ""
    else:
        m = _DATE_RE.match(text)
        if not m:
            raise DefaultError(f"invalid date/time default {value!r}")
        y = int(m.group(1))
        if len(m.group(1)) <= 2:
            y += 2000 if y < 70 else 1900
        mo, d = int(m.group(2)), int(m.group(3))
        h, mi, s = int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0)
        frac = m.group(7) or ""
    if base == "date":
        return f"{y:04d}-{mo:02d}-{d:02d}"
    out = f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}"
    if fsp:
        out += "." + (frac + "000000")[:fsp]
    return out


def _enum_member(s: str, kind: str, members: list[str]) -> str:
    if kind == "num" and s.isdigit():
        i = int(s)
        if 1 <= i <= len(members):
            return members[i - 1]
        raise DefaultError(f"invalid ENUM default {s}")
    folded = s.rstrip(" ").casefold()
    for m in members:
        if m.rstrip(" ").casefold() == folded:
            return m
    raise DefaultError(f"invalid ENUM default {s!r}")


def _set_members(s: str, kind: str, members: list[str]) -> str:
    if s == "":
        return ""
    if kind == "num" and s.isdigit():
        v = int(s)
        return ",".join(m for i, m in enumerate(members) if v & (1 << i))
    wanted = {p.rstrip(" ").casefold() for p in s.split(",")}
    out = [m for m in members if m.casefold() in wanted]
    if len(out) != len(wanted):
        raise DefaultError(f"invalid SET default {s!r}")
    return ",".join(out)


# --------------------------------------------------------------------------- table options

_ENGINES = {
    "innodb": "InnoDB", "myisam": "MyISAM", "memory": "MEMORY", "heap": "MEMORY", "aria": "Aria",
    "csv": "CSV", "archive": "ARCHIVE", "blackhole": "BLACKHOLE", "mrg_myisam": "MRG_MyISAM",
    "merge": "MRG_MyISAM", "mrg_myisam ": "MRG_MyISAM", "federated": "FEDERATED",
    "federatedx": "FEDERATED", "connect": "CONNECT", "rocksdb": "ROCKSDB", "tokudb": "TokuDB",
    "sequence": "SEQUENCE", "spider": "SPIDER", "s3": "S3", "ndbcluster": "ndbcluster",
    "ndb": "ndbcluster", "columnstore": "Columnstore", "mroonga": "Mroonga", "oqgraph": "OQGRAPH",
    "performance_schema": "PERFORMANCE_SCHEMA",
}


def canonical_engine(name: str | None) -> str | None:
    if name is None:
        return None
    return _ENGINES.get(name.lower(), name)


#: Options an engine sets on every table it creates (SHOW CREATE shows them).
ENGINE_IMPLIED_OPTIONS = {"Aria": {"page_checksum": "1"}}
#: Options only some engines keep (others accept and drop them).
ENGINE_ONLY_OPTIONS = {"insert_method": {"MRG_MyISAM"}, "union": {"MRG_MyISAM"}}


#: Engines that store foreign keys (the others parse them, keep the index the
#: server generates for them, and drop the constraint).
FK_ENGINES = {"InnoDB", "ndbcluster"}

#: Longest key an engine takes, in bytes (InnoDB: DYNAMIC/COMPRESSED row formats).
MAX_KEY_BYTES = {"InnoDB": 3072, "MyISAM": 1000, "Aria": 2300, "MEMORY": 3072}
#: InnoDB's limit under the old row formats.
MAX_KEY_BYTES_OLD_INNODB = 767


def max_key_bytes(engine: str | None, row_format: str | None) -> int:
    if engine == "InnoDB" and row_format in ("COMPACT", "REDUNDANT"):
        return MAX_KEY_BYTES_OLD_INNODB
    return MAX_KEY_BYTES.get(engine or "InnoDB", 3072)


#: Index algorithms each engine has (others are BTREE only).
_ENGINE_ALGORITHMS = {"MEMORY": ("HASH", "BTREE"), "HEAP": ("HASH", "BTREE"), "NDBCLUSTER": ("HASH", "BTREE"),
                      "NDB": ("HASH", "BTREE")}


def shown_index_algorithm(using: str | None, kind: str, engine: str | None, rules) -> str | None:
    """The ``USING`` clause the server keeps (and SHOW CREATE prints) for a key
    whose definition named ``using``: the name as given, except on FULLTEXT and
    SPATIAL keys (none) and, where the flavor drops it, an algorithm the engine
    does not have (``USING HASH`` on InnoDB: shown by MariaDB, dropped by MySQL)."""
    if using is None or kind in ("FULLTEXT", "SPATIAL", "VECTOR"):
        return None
    using = using.upper()
    supported = _ENGINE_ALGORITHMS.get((engine or "InnoDB").upper(), ("BTREE",))
    if using not in supported and not rules.keeps_unsupported_index_algorithm:
        return None
    return using


_ROW_FORMATS = {"default": "DEFAULT", "dynamic": "DYNAMIC", "fixed": "FIXED", "compressed": "COMPRESSED",
                "redundant": "REDUNDANT", "compact": "COMPACT", "page": "PAGE"}


def canonical_row_format(value: str) -> str:
    return _ROW_FORMATS.get(value.lower(), value.upper())
