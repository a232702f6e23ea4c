"""The bulk ``information_schema`` queries of live introspection.

One query per catalog table for the whole database, so the number of round
trips does not grow with the number of tables. The SQL differs between flavors
only through :class:`~baseline.flavor.Rules` fields (which catalog holds CHECK
constraints, which column tells index visibility, ...). Rows come back as plain
dicts; :mod:`.assemble` turns them into the model.
"""
from __future__ import annotations

import re

from ..flavor import Rules
from ..sql.literals import quote_ident as ident


def tables_sql(details: bool = True) -> str:
    """Every table, view and sequence of the database; ``details=False``: names and
    kinds only, where every table is read from its SHOW CREATE text
    (``Rules.live_tables_from_text``): MySQL 8 computes ``AUTO_INCREMENT`` and the
    options table by table, several times the time of the names."""
    if not details:
        return """
        SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = :db"""
    return """
        SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, CREATE_OPTIONS,
               TABLE_COMMENT, AUTO_INCREMENT
        FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = :db"""


def columns_sql(rules: Rules) -> str:
    srid = "SRS_ID" if rules.catalog_srid else "NULL"
    return f"""
        SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, COLUMN_DEFAULT,
               IS_NULLABLE, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT,
               GENERATION_EXPRESSION, {srid} AS SRS_ID
        FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = :db
        ORDER BY TABLE_NAME, ORDINAL_POSITION"""


def statistics_sql(rules: Rules) -> str:
    vis = {"IGNORED": "IF(IGNORED = 'YES', 'NO', 'YES')",
           "IS_VISIBLE": "IS_VISIBLE"}.get(rules.catalog_index_visibility or "", "'YES'")
    expr = "EXPRESSION" if rules.functional_indexes else "NULL"
    # No ORDER BY: where the flavor allows it the rows come in the table's key
    # order, which is the order SHOW CREATE TABLE prints (see catalog_index_order).
    return f"""
        SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART,
               COLLATION, INDEX_TYPE, INDEX_COMMENT, {vis} AS VISIBLE, {expr} AS EXPRESSION
        FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = :db"""


def referential_sql() -> str:
    return """
        SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME
        FROM information_schema.REFERENTIAL_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = :db"""


def key_columns_sql() -> str:
    return """
        SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION,
               REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
        FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = :db AND REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION"""


def checks_sql(rules: Rules) -> str | None:
    if rules.catalog_checks == "check_constraints":
        level = "LEVEL" if rules.catalog_check_level else "NULL"
        return f"""
            SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, {level} AS LEVEL, 'YES' AS ENFORCED
            FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = :db"""
    if rules.catalog_checks == "table_constraints":
        # the clauses come from check_clauses_sql: joined on the server, these two
        # views take seconds on MySQL 8/9 (2.6 s for 143 checks in 1,000 tables)
        return """
            SELECT TABLE_NAME, CONSTRAINT_NAME, NULL AS CHECK_CLAUSE, NULL AS LEVEL, ENFORCED
            FROM information_schema.TABLE_CONSTRAINTS
            WHERE TABLE_SCHEMA = :db AND CONSTRAINT_TYPE = 'CHECK'"""
    return None


def check_clauses_sql(rules: Rules) -> str | None:
    """Where the catalog lists CHECK clauses apart from their tables (MySQL):
    ``CONSTRAINT_NAME, CHECK_CLAUSE`` (a CHECK's name is unique in its schema)."""
    if rules.catalog_checks != "table_constraints":
        return None
    return """
        SELECT CONSTRAINT_NAME, CHECK_CLAUSE
        FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = :db"""


def triggers_sql() -> str:
    # A trigger lives in its table's schema. Filtering on EVENT_OBJECT_SCHEMA lets
    # MariaDB open only that database's trigger files; on TRIGGER_SCHEMA alone it
    # reads every database's (30 ms here however small the schema, more on a busy server).
    return """
        SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER,
               ACTION_TIMING, ACTION_STATEMENT, SQL_MODE, DEFINER, CHARACTER_SET_CLIENT,
               COLLATION_CONNECTION
        FROM information_schema.TRIGGERS
        WHERE EVENT_OBJECT_SCHEMA = :db AND TRIGGER_SCHEMA = :db"""


def routines_sql() -> str:
    return """
        SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION, IS_DETERMINISTIC,
               SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT, SQL_MODE, DEFINER, CHARACTER_SET_CLIENT,
               COLLATION_CONNECTION
        FROM information_schema.ROUTINES
        WHERE ROUTINE_SCHEMA = :db AND ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION')"""


def parameters_sql() -> str:
    return """
        SELECT SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME,
               DTD_IDENTIFIER, CHARACTER_SET_NAME, COLLATION_NAME
        FROM information_schema.PARAMETERS
        WHERE SPECIFIC_SCHEMA = :db
        ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION"""


def events_sql() -> str:
    return """
        SELECT EVENT_NAME, DEFINER, TIME_ZONE, EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT,
               INTERVAL_VALUE, INTERVAL_FIELD, SQL_MODE, STARTS, ENDS, STATUS, ON_COMPLETION,
               EVENT_COMMENT, CHARACTER_SET_CLIENT, COLLATION_CONNECTION
        FROM information_schema.EVENTS
        WHERE EVENT_SCHEMA = :db"""


def sequences_sql(schema: str, names: list[str]) -> str:
    """One UNION over every sequence (a sequence is a one-row table)."""
    parts = []
    for k, name in enumerate(names):
        parts.append(
            f"SELECT {k} AS N, start_value, minimum_value, maximum_value, increment, cache_size, "
            f"cycle_option, next_not_cached_value FROM {ident(schema)}.{ident(name)}")
    return "\nUNION ALL\n".join(parts)


def show_create_sql(kind: str, schema: str, name: str) -> str:
    """``SHOW CREATE TABLE|VIEW|PROCEDURE|FUNCTION|TRIGGER|EVENT|SEQUENCE `db`.`name```."""
    return f"SHOW CREATE {kind} {ident(schema)}.{ident(name)}"


#: The column of a SHOW CREATE result holding the statement text, per kind.
SHOW_CREATE_COLUMN = {
    "TABLE": 1, "VIEW": 1, "SEQUENCE": 1, "PROCEDURE": 2, "FUNCTION": 2, "TRIGGER": 2, "EVENT": 3,
}
#: The columns of a SHOW CREATE result holding ``character_set_client`` and
#: ``collation_connection`` (kinds that store them).
SHOW_CREATE_CHARSET_COLUMNS = {"VIEW": (2, 3), "PROCEDURE": (3, 4), "FUNCTION": (3, 4), "TRIGGER": (3, 4),
                               "EVENT": (4, 5)}


_SELECT_LIST = re.compile(r"^\s*SELECT\s+(.*?)\s+FROM\s", re.S | re.I)
_ORDER_BY = re.compile(r"\s+ORDER BY\s+(.*)$", re.S | re.I)


def column_names(sql: str) -> list[str]:
    """The names of the result columns of one of the queries above (each item of
    the select list is a column name or ends with ``AS NAME``)."""
    from ..sql.scan import split_top_level

    items = split_top_level(_SELECT_LIST.match(sql).group(1))
    return [item.split()[-1] for item in items]


#: Groups a JSON catalog read comes back in (rows of one table stay in one
#: group, in the catalog's order): each group's text stays far below the server's
#: max_allowed_packet (the server cuts a longer one; see json_rows_sql).
JSON_GROUPS = 64


def json_rows_sql(sql: str) -> tuple[str, list[str], list[str]]:
    """One of the queries above as :data:`JSON_GROUPS` rows at most, each
    ``COUNT(*)`` and a JSON array of its rows (each an array of the columns, in
    order), grouped by a hash of the first column (the table's name). Returns
    that query, the column names and the ORDER BY columns (a derived table drops
    the order: sort the rows by them). A group's count tells a complete array
    from one the server cut to ``max_allowed_packet``."""
    names = column_names(sql)
    order = _ORDER_BY.search(sql)
    inner = sql[:order.start()] if order else sql
    keys = [k.strip() for k in order.group(1).split(",")] if order else []
    cells = ", ".join(f"q.{ident(n)}" for n in names)
    return (f"SELECT COUNT(*) AS N, JSON_ARRAYAGG(JSON_ARRAY({cells})) AS J FROM ({inner}) AS q "
            f"GROUP BY CRC32(q.{ident(names[0])}) % {JSON_GROUPS}"), names, keys
