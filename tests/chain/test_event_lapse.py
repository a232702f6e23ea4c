"""Events whose time can be past when a baseline is loaded (``AT``, ``ENDS``).

The server drops a past ``NOT PRESERVE`` event on creation (note 1588) and
disables a past ``ENABLE`` one (note 1544); production can hold both (an event
altered after its time, a scheduler that was off). The baseline creates such
events ``PRESERVE`` and then sets their completion and status with an
``ALTER EVENT``: the rebuilt events equal production's in every format, and the
rendering depends on the model alone, never on the day it runs.
"""
from __future__ import annotations

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.compare import compare
from baseline.model import Event, Schema
from baseline.render.ddl import RenderOptions, create_statements
from baseline.render.formats import FORMAT_INFO, FORMATS, render_migration, write_migration
from baseline.sources.live import read_live
from helpers import run_sql
from legacy import objects

PRODUCTION = (
    "CREATE TABLE runs (id INT PRIMARY KEY)",
    # past, NOT PRESERVE: made PRESERVE DISABLE, then changed after its time
    "CREATE EVENT lapsed ON SCHEDULE AT '2020-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO DELETE FROM runs",
    "ALTER EVENT lapsed ON COMPLETION NOT PRESERVE",
    # ENDS past, NOT PRESERVE
    "CREATE EVENT expired ON SCHEDULE EVERY 1 DAY STARTS '2019-01-01 00:00:00' ENDS '2020-01-01 00:00:00' "
    "ON COMPLETION PRESERVE DISABLE DO DELETE FROM runs",
    "ALTER EVENT expired ON COMPLETION NOT PRESERVE",
    # past, PRESERVE and still ENABLE (the scheduler was off when its time came)
    "CREATE EVENT waiting ON SCHEDULE AT '2020-01-01 00:00:00' ON COMPLETION PRESERVE DO DELETE FROM runs",
    "ALTER EVENT waiting ENABLE",
    # past, NOT PRESERVE and ENABLE
    "CREATE EVENT pending ON SCHEDULE AT '2020-01-01 00:00:00' ON COMPLETION PRESERVE DO DELETE FROM runs",
    "ALTER EVENT pending ON COMPLETION NOT PRESERVE ENABLE",
    # future ones, the common case, and one the server keeps as is anyway
    "CREATE EVENT later ON SCHEDULE AT '2035-01-01 00:00:00' DO DELETE FROM runs",
    "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2021-01-01 03:00:00' DO DELETE FROM runs",
    "CREATE EVENT ran ON SCHEDULE AT '2020-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO DELETE FROM runs",
)


@pytest.fixture(scope="module")
def production(server):
    with server.database(prefix="prod") as db:
        run_sql(server, db, *PRODUCTION)
        yield read_live(server.url.with_database(db), progress=False)


def test_production_holds_what_a_plain_create_cannot_make(production):
    ev = production.events
    assert [(n, ev[n].preserve, ev[n].status) for n in sorted(ev)] == [
        ("expired", False, "DISABLE"), ("lapsed", False, "DISABLE"), ("later", False, "ENABLE"),
        ("nightly", False, "ENABLE"), ("pending", False, "ENABLE"), ("ran", True, "DISABLE"),
        ("waiting", True, "ENABLE")]


def test_statements_depend_on_the_model_only():
    """Exact text: the CREATE says PRESERVE, the ALTER what production has; an
    event with no end (EVERY without ENDS) or already PRESERVE DISABLE is one CREATE."""
    schema = Schema(events={
        "lapsed": Event("lapsed", "AT '2020-01-01 00:00:00'", status="DISABLE", body="SELECT 1"),
        "later": Event("later", "AT '2035-01-01 00:00:00'", body="SELECT 1", definer="bob@%"),
        "nightly": Event("nightly", "EVERY 1 DAY", starts="2021-01-01 03:00:00", body="SELECT 1"),
        "ran": Event("ran", "AT '2020-01-01 00:00:00'", preserve=True, status="DISABLE", body="SELECT 1"),
    })
    assert [(s.kind, s.sql) for s in create_statements(schema, RenderOptions(keep_definers=True))] == [
        ("event", "CREATE EVENT `lapsed` ON SCHEDULE AT '2020-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE "
                  "DO SELECT 1"),
        ("event_completion", "ALTER EVENT `lapsed` ON COMPLETION NOT PRESERVE DISABLE"),
        ("event", "CREATE DEFINER=`bob`@`%` EVENT `later` ON SCHEDULE AT '2035-01-01 00:00:00' "
                  "ON COMPLETION PRESERVE ENABLE DO SELECT 1"),
        # an ALTER EVENT without DEFINER would make the loading user the definer
        ("event_completion", "ALTER DEFINER=`bob`@`%` EVENT `later` ON COMPLETION NOT PRESERVE ENABLE"),
        ("event", "CREATE EVENT `nightly` ON SCHEDULE EVERY 1 DAY STARTS '2021-01-01 03:00:00' "
                  "ON COMPLETION NOT PRESERVE ENABLE DO SELECT 1"),
        ("event", "CREATE EVENT `ran` ON SCHEDULE AT '2020-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE "
                  "DO SELECT 1"),
    ]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if FORMAT_INFO[f].chain_format])
def test_every_format_rebuilds_past_events_exactly(fmt, production, server, tmp_path, request):
    if fmt == "sequelize":
        request.getfixturevalue("node_env")
    write_migration(render_migration(production, fmt, source_description="production"), tmp_path)
    chain = read_chain(tmp_path)
    with server.database() as db:
        replay_chain(chain, server, db, progress=False)
        rebuilt = read_live(server.url.with_database(db), progress=False)
        for name in chain.bookkeeping_tables:
            rebuilt.tables.pop(name, None)
        assert compare(production, rebuilt) == []
        assert sorted(rebuilt.events) == sorted(production.events)
        if FORMAT_INFO[fmt].has_down:
            replay_chain(chain, server, db, direction="down", progress=False)
            assert [o for o in objects(server, db) if o not in chain.bookkeeping_tables] == []


def test_definers_survive_the_alter(server, tmp_path):
    with server.database(prefix="prod") as db:
        run_sql(server, db, "CREATE DEFINER=`bob`@`%` EVENT e ON SCHEDULE AT '2020-01-01 00:00:00' "
                            "ON COMPLETION PRESERVE DISABLE DO SELECT 1",
                "ALTER DEFINER=`bob`@`%` EVENT e ON COMPLETION NOT PRESERVE")
        source = read_live(server.url.with_database(db), progress=False)
    files = render_migration(source, "sql", name="000_initial_schema", source_description="production",
                             options=RenderOptions(keep_definers=True))
    write_migration(files, tmp_path)
    with server.database() as db:
        replay_chain(read_chain(tmp_path), server, db, progress=False)
        rebuilt = read_live(server.url.with_database(db), progress=False)
    assert (rebuilt.events["e"].definer, rebuilt.events["e"].preserve) == ("bob@%", False)
