"""Catalog rows -> model objects, in the canonical form (pure, no I/O).

The catalog and ``SHOW CREATE`` spell some values differently; where they do,
the model takes the ``SHOW CREATE`` spelling (it is what dumps contain), so a
live server and a dump of it give equal models. Each function documents the
conversions it makes; ``docs/CANONICAL.md`` lists the resulting values. Flavor
differences come from :class:`~baseline.flavor.Rules` only.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from functools import lru_cache

from ..flavor import Rules
from ..model import (Check, Column, Event, ForeignKey, Index, IndexPart, Param, Routine, Sequence,
                     Table, Trigger)
from ..sql.literals import quote_string
from ..sql.scan import significant

# --------------------------------------------------------------------------- helpers

_INT_TYPES = ("tinyint", "smallint", "mediumint", "int", "integer", "bigint")
_NUMERIC_PREFIXES = _INT_TYPES + ("decimal", "numeric", "float", "double", "real", "bit", "year")
#: Types for which MySQL's SHOW CREATE prints no ``DEFAULT NULL`` (JSON and
#: spatial columns do get one).
_BLOB_LIKE = re.compile(r"^(tiny|medium|long)?(blob|text)\b")
_COMPRESSED_MARK = re.compile(r"\s*/\*M!\d+ COMPRESSED\*/", re.I)
_TYPE_FLAGS = re.compile(r"^(?P<type>.*?)(?P<unsigned> unsigned)?(?P<zerofill> zerofill)?$", re.S)
_GENERATED = re.compile(r"\b(?:VIRTUAL|STORED) GENERATED\b", re.I)
_ON_UPDATE = re.compile(r"\bon update ([^\s,]+)", re.I)
_CURRENT_TS = re.compile(r"^current_timestamp(\(\d*\))?$", re.I)


def base_type(type_text: str) -> str:
    return re.split(r"[ (]", type_text, maxsplit=1)[0].lower()


def is_blob_like(type_text: str) -> bool:
    return bool(_BLOB_LIKE.match(type_text.lower()))


def collation_charset(collation: str | None) -> str | None:
    """The charset a collation belongs to: charset names never contain ``_``."""
    if not collation:
        return None
    return collation.split("_", 1)[0]


def format_datetime(value) -> str | None:
    """``YYYY-MM-DD HH:MM:SS`` as SHOW CREATE EVENT prints it (no fraction)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def with_clauses(rows: list[dict], clauses: list[dict]) -> list[dict]:
    """CHECK rows with their clauses filled from a separate catalog read (MySQL),
    by constraint name; rows that carry their clause are returned as they are."""
    if not clauses:
        return rows
    text = {c["CONSTRAINT_NAME"]: c["CHECK_CLAUSE"] for c in clauses}
    return [{**r, "CHECK_CLAUSE": text.get(r["CONSTRAINT_NAME"], r["CHECK_CLAUSE"])} for r in rows]


def by_table(rows: list[dict], key: str = "TABLE_NAME") -> dict[str, list[dict]]:
    """Group rows by table, keeping the catalog's row order inside each group."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


# --------------------------------------------------------------------------- columns


def split_type(column_type: str, rules: Rules) -> tuple[str, bool, bool, str | None]:
    """``int(10) unsigned zerofill`` -> (``int(10)``, True, True, None); MariaDB's
    ``blob /*M!100301 COMPRESSED*/`` -> (``blob``, False, False, ``COMPRESSED``)."""
    return _split_type(column_type, rules.int_display_width)


@lru_cache(maxsize=4096)  # a schema repeats a few hundred types over thousands of columns
def _split_type(column_type: str, int_display_width: bool) -> tuple[str, bool, bool, str | None]:
    compressed = None
    if _COMPRESSED_MARK.search(column_type):
        compressed = "COMPRESSED"
        column_type = _COMPRESSED_MARK.sub("", column_type)
    m = _TYPE_FLAGS.match(column_type.strip())
    typ = m.group("type")
    unsigned, zerofill = bool(m.group("unsigned")), bool(m.group("zerofill"))
    if not int_display_width and not zerofill and base_type(typ) in _INT_TYPES \
            and typ.lower() != "tinyint(1)":
        # MySQL 8.0.19+ prints no display width; upgraded tables may still carry one here
        typ = re.sub(r"\(\d+\)$", "", typ)
    return typ, unsigned, zerofill, compressed


def column_from_row(r: dict, rules: Rules) -> Column:
    extra = r["EXTRA"] or ""
    extra_low = extra.lower()
    typ, unsigned, zerofill, compressed = split_type(r["COLUMN_TYPE"], rules)
    col = Column(
        name=r["COLUMN_NAME"], type=typ, unsigned=unsigned, zerofill=zerofill,
        charset=r["CHARACTER_SET_NAME"], collation=r["COLLATION_NAME"],
        nullable=r["IS_NULLABLE"] == "YES",
        auto_increment="auto_increment" in extra_low,
        comment=r["COLUMN_COMMENT"] or "",
        invisible="invisible" in extra_low,
        compressed=compressed,
    )
    if r.get("SRS_ID") is not None:
        col.srid = int(r["SRS_ID"])
    expr = r["GENERATION_EXPRESSION"]
    # "VIRTUAL GENERATED"/"STORED GENERATED"; MySQL also says "DEFAULT_GENERATED"
    # (with an empty expression) for a column whose DEFAULT is an expression
    if _GENERATED.search(extra) and expr:
        if expr.upper() in ("ROW START", "ROW END"):  # MariaDB system versioning
            col.versioning = expr.upper()
        else:
            col.generated = expr
            col.generated_kind = "VIRTUAL" if "virtual" in extra_low else "STORED"
    if "without system versioning" in extra_low:
        col.versioning = "WITHOUT SYSTEM VERSIONING"
    m = _ON_UPDATE.search(extra) if "on update" in extra_low else None
    if m:
        col.on_update = m.group(1)
        # some flavors drop the fractional precision here only
        p = re.search(r"\(\d+\)$", typ)
        if p and "(" not in col.on_update and base_type(typ) in ("timestamp", "datetime"):
            col.on_update += p.group()
    col.default = column_default(r, col, rules)
    return col


def column_default(r: dict, col: Column, rules: Rules) -> str | None:
    """The text SHOW CREATE prints after DEFAULT, or None when it prints none."""
    if col.generated is not None or col.versioning in ("ROW START", "ROW END") or col.auto_increment:
        return None
    raw = r["COLUMN_DEFAULT"]
    extra = (r["EXTRA"] or "").lower()
    if rules.catalog_defaults_as_sql:
        # MariaDB 10.2.7+: already the SHOW CREATE spelling; ``NULL`` for nullable
        # columns without an explicit default, SQL NULL for NOT NULL ones.
        return raw
    if raw is None:
        if not col.nullable:
            return None
        if is_blob_like(col.type) and not rules.lob_default_null_shown:
            return None
        return "NULL"
    if "default_generated" in extra:
        if _CURRENT_TS.match(raw):
            return raw
        return f"({raw})" if rules.parenthesized_expression_defaults else raw
    bt = base_type(col.type)
    if bt == "bit" and raw.startswith("b'"):
        return raw
    if bt in ("timestamp", "datetime") and _CURRENT_TS.match(raw):
        return raw
    if bt in _NUMERIC_PREFIXES and not rules.quotes_numeric_defaults:
        return raw
    return quote_string(raw)


# --------------------------------------------------------------------------- indexes


def indexes_from_rows(rows: list[dict], engine: str | None, rules: Rules) -> list[Index]:
    """One table's STATISTICS rows (in catalog order) -> indexes in SHOW CREATE order."""
    by_name: dict[str, Index] = {}
    parts: dict[str, list[tuple[int, IndexPart]]] = defaultdict(list)
    for r in rows:
        name = r["INDEX_NAME"]
        itype = (r["INDEX_TYPE"] or "").upper()
        if name not in by_name:
            if name == "PRIMARY":
                kind = "PRIMARY"
            elif itype in ("FULLTEXT", "SPATIAL", "VECTOR"):
                kind = itype
            elif int(r["NON_UNIQUE"]) == 0:
                kind = "UNIQUE"
            else:
                kind = "INDEX"
            # USING: what SHOW CREATE prints (the algorithm named), not the catalog's effective one
            by_name[name] = Index(name=name, kind=kind, parts=[],
                                  comment=r["INDEX_COMMENT"] or "",
                                  visible=(r["VISIBLE"] or "YES") != "NO")
        part = IndexPart(
            column=r["COLUMN_NAME"],
            expression=r.get("EXPRESSION"),
            length=None if itype == "SPATIAL" or r["SUB_PART"] is None else int(r["SUB_PART"]),
            descending=r["COLLATION"] == "D",
        )
        parts[name].append((int(r["SEQ_IN_INDEX"]), part))
    for name, idx in by_name.items():
        idx.parts = [p for _, p in sorted(parts[name], key=lambda x: x[0])]
    indexes = list(by_name.values())
    if not rules.catalog_index_order:
        indexes = sort_indexes(indexes)
    return indexes


def sort_indexes(indexes: list[Index]) -> list[Index]:
    """The server's display classes (PRIMARY, UNIQUE, plain, FULLTEXT), stable inside
    each; used where the catalog does not give the order."""
    rank = {"PRIMARY": 0, "UNIQUE": 1, "INDEX": 2, "SPATIAL": 2, "FULLTEXT": 3}
    return sorted(indexes, key=lambda i: rank.get(i.kind, 2))


# --------------------------------------------------------------------------- foreign keys


def foreign_keys(ref_rows: list[dict], col_rows: list[dict], schema: str) -> dict[str, list[ForeignKey]]:
    """Table name -> its foreign keys, sorted by name as InnoDB lists them."""
    cols: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in col_rows:
        cols[(r["TABLE_NAME"], r["CONSTRAINT_NAME"])].append(r)
    out: dict[str, list[ForeignKey]] = defaultdict(list)
    for r in ref_rows:
        crs = sorted(cols.get((r["TABLE_NAME"], r["CONSTRAINT_NAME"]), []),
                     key=lambda c: int(c["ORDINAL_POSITION"]))
        if not crs:
            continue
        ref_schema = crs[0]["REFERENCED_TABLE_SCHEMA"]
        out[r["TABLE_NAME"]].append(ForeignKey(
            name=r["CONSTRAINT_NAME"],
            columns=[c["COLUMN_NAME"] for c in crs],
            ref_table=crs[0]["REFERENCED_TABLE_NAME"] or r["REFERENCED_TABLE_NAME"],
            ref_columns=[c["REFERENCED_COLUMN_NAME"] for c in crs],
            ref_schema=None if ref_schema in (None, schema) else ref_schema,
            on_delete=r["DELETE_RULE"] or "RESTRICT",
            on_update=r["UPDATE_RULE"] or "RESTRICT",
        ))
    for fks in out.values():
        fks.sort(key=lambda f: f.name.encode("utf-8"))
    return out


# --------------------------------------------------------------------------- checks


def checks_from_rows(rows: list[dict], columns: list[Column], rules: Rules) -> list[Check]:
    """Column-level checks first (in column order), then table-level ones in the
    catalog's order: the order SHOW CREATE TABLE shows them in."""
    col_pos = {c.name: k for k, c in enumerate(columns)}
    column_level: list[tuple[int, Check]] = []
    table_level: list[Check] = []
    for r in rows:
        level = r.get("LEVEL")
        if level is not None:
            is_col = level.lower() == "column"
        else:  # no LEVEL column: MariaDB names column checks after their column
            is_col = rules.column_check_named_after_column and r["CONSTRAINT_NAME"] in col_pos
        chk = Check(name=r["CONSTRAINT_NAME"], expression=r["CHECK_CLAUSE"], column_level=is_col,
                    enforced=(r.get("ENFORCED") or "YES") != "NO")
        if is_col:
            column_level.append((col_pos.get(chk.name, len(col_pos)), chk))
        else:
            table_level.append(chk)
    return [c for _, c in sorted(column_level, key=lambda x: x[0])] + table_level


# --------------------------------------------------------------------------- table options


def parse_create_options(text: str | None) -> tuple[str | None, dict[str, str]]:
    """``stats_persistent=1 row_format=DYNAMIC `page_compressed`='1'`` ->
    (``DYNAMIC``, {``stats_persistent``: ``1``, ``page_compressed``: ``'1'``})."""
    row_format = None
    options: dict[str, str] = {}
    if not text:
        return None, options
    if not any(q in text for q in "'\"`"):  # the usual case: plain words, no tokenizer
        for item in text.split():
            key, eq, value = item.partition("=")
            if not eq or not value:
                if eq:  # "key=" then the value after a space: not the server's layout
                    break
                continue  # a bare flag such as ``partitioned``
            if key.lower() == "row_format":
                row_format = value.upper()
            else:
                options[key.lower()] = value
        else:
            return row_format, options
        row_format, options = None, {}
    sig = significant(text)
    i = 0
    while i < len(sig):
        key = sig[i].value.lower()
        if i + 2 < len(sig) and sig[i + 1].text == "=":
            value = sig[i + 2].text
            i += 3
            if key == "row_format":
                row_format = value.upper()
            else:
                options[key] = value
        else:  # a bare flag such as ``partitioned``: not a CREATE option
            i += 1
    return row_format, options


def table_from_row(r: dict) -> Table:
    row_format, options = parse_create_options(r["CREATE_OPTIONS"])
    collation = r["TABLE_COLLATION"]
    return Table(
        name=r["TABLE_NAME"], engine=r["ENGINE"], charset=collation_charset(collation),
        collation=collation, row_format=row_format, comment=r["TABLE_COMMENT"] or "",
        options=options, system_versioned=r["TABLE_TYPE"] == "SYSTEM VERSIONED",
    )


def table_auto_increment(value, columns: list[Column]) -> int | None:
    """The counter SHOW CREATE would print: only for tables with an AUTO_INCREMENT
    column, and only when past 1."""
    if value is None or not any(c.auto_increment for c in columns):
        return None
    value = int(value)
    return value if value > 1 else None


# --------------------------------------------------------------------------- other objects


def trigger_from_row(r: dict) -> Trigger:
    return Trigger(
        name=r["TRIGGER_NAME"], table=r["EVENT_OBJECT_TABLE"], timing=r["ACTION_TIMING"],
        event=r["EVENT_MANIPULATION"], body=r["ACTION_STATEMENT"],
        order=int(r["ACTION_ORDER"] or 1), sql_mode=r["SQL_MODE"], definer=r["DEFINER"],
        client_charset=r["CHARACTER_SET_CLIENT"], connection_collation=r["COLLATION_CONNECTION"],
    )


def routines_from_rows(rows: list[dict], param_rows: list[dict]) -> list[Routine]:
    params: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in param_rows:
        params[(p["ROUTINE_TYPE"], p["SPECIFIC_NAME"])].append(p)
    out = []
    for r in rows:
        kind = r["ROUTINE_TYPE"]
        routine = Routine(
            kind=kind, name=r["ROUTINE_NAME"], body=r["ROUTINE_DEFINITION"],
            deterministic=r["IS_DETERMINISTIC"] == "YES", data_access=r["SQL_DATA_ACCESS"],
            security=r["SECURITY_TYPE"], comment=r["ROUTINE_COMMENT"] or "", sql_mode=r["SQL_MODE"],
            definer=r["DEFINER"], client_charset=r["CHARACTER_SET_CLIENT"],
            connection_collation=r["COLLATION_CONNECTION"],
        )
        for p in sorted(params.get((kind, r["ROUTINE_NAME"]), []), key=lambda p: int(p["ORDINAL_POSITION"])):
            if int(p["ORDINAL_POSITION"]) == 0:
                routine.returns = p["DTD_IDENTIFIER"]
                routine.returns_charset = p["CHARACTER_SET_NAME"]
                routine.returns_collation = p["COLLATION_NAME"]
                continue
            routine.params.append(Param(
                name=p["PARAMETER_NAME"], type=p["DTD_IDENTIFIER"],
                mode=p["PARAMETER_MODE"] if kind == "PROCEDURE" else None,
                charset=p["CHARACTER_SET_NAME"], collation=p["COLLATION_NAME"],
            ))
        out.append(routine)
    return out


_EVENT_STATUS = {"ENABLED": "ENABLE", "DISABLED": "DISABLE", "SLAVESIDE_DISABLED": "DISABLE ON SLAVE",
                 "REPLICA_SIDE_DISABLED": "DISABLE ON REPLICA"}


def event_from_row(r: dict) -> Event:
    if r["EVENT_TYPE"] == "ONE TIME":
        schedule = f"AT '{format_datetime(r['EXECUTE_AT'])}'"
    else:
        value = str(r["INTERVAL_VALUE"])
        value = value if value.isdigit() else quote_string(value)
        schedule = f"EVERY {value} {r['INTERVAL_FIELD']}"
    return Event(
        name=r["EVENT_NAME"], schedule=schedule,
        starts=format_datetime(r["STARTS"]) if r["EVENT_TYPE"] != "ONE TIME" else None,
        ends=format_datetime(r["ENDS"]), preserve=r["ON_COMPLETION"] == "PRESERVE",
        status=_EVENT_STATUS.get(r["STATUS"], r["STATUS"]), comment=r["EVENT_COMMENT"] or "",
        body=r["EVENT_DEFINITION"], sql_mode=r["SQL_MODE"], time_zone=r["TIME_ZONE"],
        definer=r["DEFINER"], client_charset=r["CHARACTER_SET_CLIENT"],
        connection_collation=r["COLLATION_CONNECTION"],
    )


def sequence_from_row(name: str, r: dict, table_row: dict, value_type: str | None) -> Sequence:
    return Sequence(
        name=name, start=int(r["start_value"]), min_value=int(r["minimum_value"]),
        max_value=int(r["maximum_value"]), increment=int(r["increment"]),
        cache=int(r["cache_size"]), cycle=bool(int(r["cycle_option"])),
        engine=table_row["ENGINE"], comment=table_row["TABLE_COMMENT"] or "",
        value_type=value_type, next_value=int(r["next_not_cached_value"]),
    )


def sequence_value_type(columns: list[dict]) -> str | None:
    """``AS <type>`` of a sequence (MariaDB 11.5+), from its table's first column;
    None for the default ``bigint``."""
    first = next((c for c in columns if c["COLUMN_NAME"] == "next_not_cached_value"), None)
    if first is None or first["COLUMN_TYPE"].lower() in ("bigint(21)", "bigint"):
        return None
    return first["COLUMN_TYPE"]

