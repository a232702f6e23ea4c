"""``EVERY n UNIT``: the server evaluates the quantity when it creates the event
(``Event_parse_data::init_interval``, the same code in MySQL and MariaDB), so
the simulator stores the value SHOW CREATE EVENT shows, under both flavors."""
from __future__ import annotations

from baseline.flavor import Flavor
from baseline.engine.builder import SchemaBuilder
from baseline.sql.split import split_sql
from helpers import query, run_sql

QUANTITIES = ["1", "1+1", "(3)", "1.5", "2.5", "7/2", "2*3", "'1'", "'1.5'", "90", "-(-4)"]
COMPOUND = ["'1:30' HOUR_MINUTE", "'1 2' DAY_HOUR"]


def _events() -> list[str]:
    units = [f"{q} DAY" for q in QUANTITIES] + COMPOUND
    return [f"CREATE EVENT e{k} ON SCHEDULE EVERY {u} STARTS '2030-01-01 00:00:00' DO SELECT 1"
            for k, u in enumerate(units)]


def test_server_shows_the_evaluated_quantity(server, scratch_db):
    run_sql(server, scratch_db, *_events())
    shown = {}
    for (name,) in query(server, scratch_db, "SELECT EVENT_NAME FROM information_schema.EVENTS "
                                              "WHERE EVENT_SCHEMA = DATABASE()"):
        text = query(server, scratch_db, f"SHOW CREATE EVENT `{name}`")[0][3]
        shown[name] = text.split("ON SCHEDULE ", 1)[1].split(" STARTS", 1)[0]
    assert shown["e1"] == "EVERY 2 DAY" and shown["e7"] == "EVERY 1 DAY"   # evaluated, not as written
    for flavor in (server.flavor, Flavor.parse("8.0.36")):
        b = SchemaBuilder(flavor, name=scratch_db, charset="utf8mb4", collation="utf8mb4_general_ci")
        for st in split_sql(";\n".join(_events())):
            b.apply(st)
        assert {e.name: e.schedule for e in b.schema.events.values()} == shown, flavor

