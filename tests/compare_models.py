"""Hand-built, realistic schema models for the comparison tests.

:func:`shop_schema` spells everything the way MariaDB 10.11 shows it (the model's
canonical form for that flavor): a shop with accounts, orders (FK, CHECK,
generated column, JSON), a partitioned log table, a view, a trigger, a procedure,
a function, an event and a sequence.
"""
from __future__ import annotations

from baseline.flavor import Flavor
from baseline.model import (Check, Column, Event, ForeignKey, Index, IndexPart, Param, Partition,
                            Partitioning, Routine, Schema, Sequence, Table, Trigger, View)

MARIADB_10_11 = Flavor("mariadb", (10, 11, 19))
MYSQL_8_0 = Flavor("mysql", (8, 0, 36))
MYSQL_5_7 = Flavor("mysql", (5, 7, 44))


def _text(name, type_="varchar(255)", **kw) -> Column:
    kw.setdefault("charset", "utf8mb4")
    kw.setdefault("collation", "utf8mb4_general_ci")
    return Column(name, type_, **kw)


def shop_schema(flavor: Flavor = MARIADB_10_11, name: str = "shop") -> Schema:
    s = Schema(name=name, charset="utf8mb4", collation="utf8mb4_general_ci", flavor=flavor)
    accounts = Table(
        "accounts",
        columns=[
            Column("id", "int(10)", unsigned=True, nullable=False, auto_increment=True),
            _text("email", nullable=False),
            _text("name", "varchar(100)", default="NULL", comment="display name"),
            Column("active", "tinyint(1)", nullable=False, default="1"),
            Column("balance", "decimal(10,2)", nullable=False, default="0.00"),
            Column("created_at", "timestamp", nullable=False, default="current_timestamp()"),
            Column("updated_at", "timestamp", nullable=False, default="current_timestamp()",
                   on_update="current_timestamp()"),
            _text("settings", "longtext", collation="utf8mb4_bin", default="NULL"),
        ],
        indexes=[
            Index("PRIMARY", "PRIMARY", [IndexPart("id")]),
            Index("uq_email", "UNIQUE", [IndexPart("email")]),
            Index("ix_name", "INDEX", [IndexPart("name", length=20)]),
        ],
        checks=[Check("settings", "json_valid(`settings`)", column_level=True)],
        charset="utf8mb4", collation="utf8mb4_general_ci", comment="customer accounts",
        auto_increment=1042,
    )
    orders = Table(
        "orders",
        columns=[
            Column("id", "bigint(20)", unsigned=True, nullable=False, auto_increment=True),
            Column("account_id", "int(10)", unsigned=True, nullable=False),
            Column("qty", "int(11)", nullable=False, default="1"),
            Column("price", "decimal(10,2)", nullable=False),
            Column("total", "decimal(12,2)", default="NULL", generated="`qty` * `price`",
                   generated_kind="VIRTUAL"),
            _text("status", "enum('new','paid','shipped')", nullable=False, default="'new'"),
        ],
        indexes=[
            Index("PRIMARY", "PRIMARY", [IndexPart("id")]),
            Index("fk_orders_account", "INDEX", [IndexPart("account_id")]),
            Index("ix_status", "INDEX", [IndexPart("status"), IndexPart("id", descending=False)]),
        ],
        foreign_keys=[ForeignKey("fk_orders_account", ["account_id"], "accounts", ["id"],
                                 on_delete="CASCADE", on_update="RESTRICT")],
        checks=[Check("chk_qty", "`qty` > 0")],
        charset="utf8mb4", collation="utf8mb4_general_ci", options={"stats_persistent": "1"},
        auto_increment=77,
    )
    log = Table(
        "event_log",
        columns=[
            Column("id", "bigint(20)", nullable=False),
            Column("logged", "date", nullable=False),
            _text("message", "text", default="NULL"),
        ],
        indexes=[Index("PRIMARY", "PRIMARY", [IndexPart("id"), IndexPart("logged")])],
        charset="utf8mb4", collation="utf8mb4_general_ci",
        partitioning=Partitioning("RANGE", "year(`logged`)", partitions=[
            Partition("p2023", "2024"),
            Partition("p2024", "2025"),
            Partition("pmax", "MAXVALUE"),
        ]),
    )
    for t in (accounts, orders, log):
        s.add(t)
    s.add(View("paid_orders",
               "select `o`.`id` AS `id`,`a`.`email` AS `email` from (`orders` `o` join `accounts` `a` "
               "on(`a`.`id` = `o`.`account_id`)) where `o`.`status` = 'paid'",
               definer="root@localhost"))
    s.add(Trigger("orders_bi", "orders", "BEFORE", "INSERT",
                  "BEGIN\n  IF NEW.qty IS NULL THEN SET NEW.qty = 1; END IF;\nEND",
                  sql_mode="STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
                           "NO_ENGINE_SUBSTITUTION",
                  definer="root@localhost"))
    s.add(Routine("PROCEDURE", "close_account",
                  params=[Param("p_id", "int(10) unsigned", "IN"), Param("p_reason", "varchar(200)", "IN",
                                                                          "utf8mb4", "utf8mb4_general_ci")],
                  body="BEGIN\n  UPDATE accounts SET active = 0 WHERE id = p_id;\nEND",
                  data_access="MODIFIES SQL DATA", definer="root@localhost"))
    s.add(Routine("FUNCTION", "order_total", params=[Param("p_order", "bigint(20)")],
                  returns="decimal(12,2)", body="RETURN (SELECT total FROM orders WHERE id = p_order)",
                  deterministic=False, data_access="READS SQL DATA", definer="root@localhost"))
    s.add(Event("purge_log", "EVERY 1 DAY", starts="'2024-01-01 03:00:00'", preserve=True,
                body="DELETE FROM event_log WHERE logged < NOW() - INTERVAL 1 YEAR", time_zone="SYSTEM",
                definer="root@localhost"))
    s.add(Sequence("invoice_numbers", start=1000, min_value=1000, max_value=99999999, increment=1,
                   cache=50, next_value=1017))
    return s


def mysql8_shop_schema(name: str = "shop") -> Schema:
    """:func:`shop_schema` as MySQL 8.0.36 shows it, spelled by hand: no integer
    display widths (but ``tinyint(1)``), quoted numeric defaults, ``CURRENT_TIMESTAMP``,
    native ``json``, parenthesized CHECK and generated expressions, ``NO ACTION``,
    ``_utf8mb4`` introducers, own-schema qualifiers in the view. No sequence (MySQL has none)."""
    s = shop_schema(MYSQL_8_0, name)
    s.sequences.clear()
    acc, orders, log = s.tables["accounts"], s.tables["orders"], s.tables["event_log"]
    acc.column("id").type = "int"
    acc.column("active").default = "'1'"
    acc.column("balance").default = "'0.00'"
    acc.column("created_at").default = "CURRENT_TIMESTAMP"
    acc.column("updated_at").default = "CURRENT_TIMESTAMP"
    acc.column("updated_at").on_update = "CURRENT_TIMESTAMP"
    settings = acc.column("settings")
    settings.type, settings.charset, settings.collation = "json", None, None
    acc.checks.clear()
    orders.column("id").type = "bigint"
    orders.column("account_id").type = "int"
    orders.column("qty").type = "int"
    orders.column("qty").default = "'1'"
    orders.column("total").generated = "(`qty` * `price`)"
    orders.column("status").default = "_utf8mb4'new'"
    orders.foreign_keys[0].on_update = "NO ACTION"
    orders.checks[0].expression = "(`qty` > 0)"
    log.column("id").type = "bigint"
    v = s.views["paid_orders"]
    v.definition = ("select `o`.`id` AS `id`,`a`.`email` AS `email` from (`shop`.`orders` `o` join `shop`.`accounts` `a` "
                    "on(`a`.`id` = `o`.`account_id`)) WHERE `o`.`status` = _utf8mb4'paid'")
    v.columns = ["id", "email"]
    p = s.routines[("PROCEDURE", "close_account")].params[0]
    p.type = "int unsigned"
    f = s.routines[("FUNCTION", "order_total")]
    f.params[0].type = "bigint"
    return s
