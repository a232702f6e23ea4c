"""Event schedule times the replay's clock sets (``EVERY`` without ``STARTS``,
``AT CURRENT_TIMESTAMP + ...``): ``verify`` sets them aside with a note, keeps a
literal ``STARTS`` compared, and ``diff`` (no chain) still reports them."""
from __future__ import annotations

import time

import pytest

from baseline.chain.eventclock import track_event_clock
from baseline.chain.read import read_chain
from baseline.chain.refs import MigrationRef
from baseline.chain.replay import replay_chain
from baseline.compare import compare
from baseline.sql.touch import touched_objects
from baseline.workflows.verify import run_verify
from helpers import make, run_sql
from verify_helpers import scratch_url, target_database, url_of


def _clock(*statements: str) -> dict[str, tuple[str, ...]]:
    clock = {}
    for i, text in enumerate(statements, 1):
        track_event_clock(clock, touched_objects(text), text, MigrationRef(f"00{i}", f"00{i}.sql", 1), None)
    return {k: v.fields for k, v in clock.items()}


@pytest.mark.parametrize("statements, expected", [
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1"], {"e": ("starts",)}),
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2020-01-01 00:00:00' DO SELECT 1"], {}),
    (["CREATE EVENT E ON SCHEDULE EVERY 1 DAY STARTS NOW() + INTERVAL 1 HOUR "
      "ENDS CURRENT_TIMESTAMP + INTERVAL 1 YEAR DO SELECT 1"], {"e": ("starts", "ends")}),
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2020-01-01' ENDS '2030-01-01' DO SELECT 1"], {}),
    (["CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 DAY DO SELECT 1"], {"e": ("schedule",)}),
    (["CREATE EVENT e ON SCHEDULE AT '2030-01-01 00:00:00' DO SELECT 1"], {}),
    # an ALTER that leaves the schedule alone keeps what the CREATE said
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1", "ALTER EVENT e DISABLE"], {"e": ("starts",)}),
    # a new schedule with a literal STARTS ends it; one without STARTS resets it (as the server does)
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1",
      "ALTER EVENT e ON SCHEDULE EVERY 2 DAY STARTS '2020-01-01 00:00:00'"], {}),
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2020-01-01' DO SELECT 1",
      "ALTER EVENT e ON SCHEDULE EVERY 2 DAY"], {"e": ("starts",)}),
    # a rename carries it, a drop forgets it
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1", "ALTER EVENT e RENAME TO f"], {"f": ("starts",)}),
    (["CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1", "DROP EVENT IF EXISTS e"], {}),
    # mysqldump's spelling, literal STARTS
    (["/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `e` ON SCHEDULE EVERY 1 DAY "
      "STARTS '2020-01-01 00:00:00' ON COMPLETION NOT PRESERVE ENABLE DO select 1 */"], {}),
    (["CREATE TABLE t (id int)", "INSERT INTO t VALUES (1)"], {}),
])
def test_which_values_the_clock_sets(statements, expected):
    assert _clock(*statements) == expected


CLOCKED = {
    "000_initial_schema.sql": "CREATE TABLE runs (id INT PRIMARY KEY);\n",
    "001_events.sql": "-- nightly cleanup\n"
                      "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs;\n"
                      "CREATE EVENT once ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 DAY "
                      "ON COMPLETION PRESERVE DO DELETE FROM runs;\n",
}


def test_times_the_replay_took_from_its_clock_are_noted_not_reported(server, scratch_server, tmp_path):
    """Production made from the chain a second earlier: its STARTS and AT differ
    from the replay's, and verify passes, saying which values it left out and why."""
    chain_dir = make(tmp_path / "migrations", CLOCKED)
    with target_database(server, chain_dir) as db:
        time.sleep(1.1)
        result = run_verify(chain_dir, url_of(server, db), scratch=scratch_url(scratch_server), progress=False,
                            note=lambda _: None)
    src, rep = result.source.events, result.replayed.events
    assert src["nightly"].starts != rep["nightly"].starts and src["once"].schedule != rep["once"].schedule
    assert (result.exit_code, result.differences) == (0, [])
    prod_starts, prod_at = src["nightly"].starts, src["once"].schedule[3:]
    folder = str(chain_dir)
    assert result.notes == [
        f"event `nightly`: STARTS not compared: {folder}/001_events.sql:2 schedules it with no STARTS, so the "
        f"server took the time the replay ran (SOURCE has STARTS '{prod_starts}')",
        f"event `once`: AT time not compared: {folder}/001_events.sql:3 schedules it with AT CURRENT_TIMESTAMP + "
        f"INTERVAL 1 DAY, so the server took the time the replay ran (SOURCE has AT time {prod_at})",
    ]
    assert result.comparison.notes == result.notes
    # diff has no chain to know it: the two servers' events do start at different times
    assert {(d.label, d.attribute) for d in compare(result.source, result.replayed)} == {
        ("event nightly", "starts"), ("event once", "schedule")}


def test_a_literal_starts_is_still_compared_and_attributed(server, scratch_server, tmp_path):
    chain_dir = make(tmp_path / "migrations", {
        "000_initial_schema.sql": "CREATE TABLE runs (id INT PRIMARY KEY);\n",
        "001_events.sql": "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs;\n"
                          "ALTER EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2020-01-01 00:00:00';\n",
    })
    with target_database(server, chain_dir) as db:
        run_sql(server, db, "ALTER EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2021-06-01 03:00:00'")
        result = run_verify(chain_dir, url_of(server, db), scratch=scratch_url(scratch_server), progress=False,
                            note=lambda _: None)
    assert result.exit_code == 1 and result.notes == []
    [d] = result.differences
    assert (d.label, d.attribute, d.a, d.b) == ("event nightly", "starts", "2021-06-01 03:00:00",
                                                 "2020-01-01 00:00:00")
    assert (d.migration.migration, d.migration.path, d.migration.line) == (
        "001_events", f"{chain_dir}/001_events.sql", 2)


def test_a_recurring_event_against_a_one_time_one_is_still_a_difference(server, scratch_server, tmp_path):
    chain_dir = make(tmp_path / "migrations", {
        "000_initial_schema.sql": "CREATE TABLE runs (id INT PRIMARY KEY);\n",
        "001_events.sql": "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs;\n",
    })
    with target_database(server, chain_dir) as db:
        run_sql(server, db, "ALTER EVENT nightly ON SCHEDULE AT '2030-01-01 00:00:00'")
        result = run_verify(chain_dir, url_of(server, db), scratch=scratch_url(scratch_server), progress=False,
                            note=lambda _: None)
    assert result.exit_code == 1 and result.notes == []
    assert {(d.attribute, d.a is None, d.b is None) for d in result.differences} == {
        ("schedule", False, False), ("starts", True, False)}


def test_a_chain_source_whose_clock_set_starts(server, scratch_server, tmp_path):
    """SOURCE a chain too (``verify --migrations new/ old/``): its replay's STARTS is
    no more production's than the verified chain's; the note names SOURCE's file."""
    old = make(tmp_path / "old", {"001_events.sql": "CREATE TABLE runs (id INT PRIMARY KEY);\n"
                                                    "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs;\n"})
    new = make(tmp_path / "new", {"001_events.sql": "CREATE TABLE runs (id INT PRIMARY KEY);\n"
                                                    "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY "
                                                    "STARTS '2020-01-01 00:00:00' DO DELETE FROM runs;\n"})
    result = run_verify(new, str(old), scratch=scratch_url(scratch_server), progress=False, note=lambda _: None)
    assert (result.exit_code, result.differences) == (0, [])
    assert result.source.events["nightly"].starts != result.replayed.events["nightly"].starts
    [note] = result.notes
    assert note.startswith(f"event `nightly`: STARTS not compared: {old}/001_events.sql:2 schedules it with "
                           "no STARTS")


def test_sequelize_migrations_are_tracked_too(node_env, server, scratch_db, tmp_path):
    """A JS migration's raw SQL (what sequelize sent) counts like a SQL file's statements."""
    chain_dir = make(tmp_path / "migrations", {
        "000_initial_schema.sql": "CREATE TABLE runs (id INT PRIMARY KEY);\n",
        "20240101000000-events.js": "'use strict';\nmodule.exports = {\n  up: async (queryInterface) => {\n"
                                    "    await queryInterface.sequelize.query("
                                    "'CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM runs');\n"
                                    "  },\n  down: async () => {},\n};\n",
    })
    r = replay_chain(read_chain(chain_dir), server, scratch_db, progress=False)
    [(key, times)] = r.clock.items()
    assert (key, times.fields, times.reasons, times.ref.migration) == (
        "nightly", ("starts",), ("no STARTS",), "20240101000000-events")


def test_a_baseline_of_production_events_keeps_their_times(server, scratch_server, tmp_path):
    """generate renders production's clock-set STARTS as a literal (exact), and
    events whose time is past survive the baseline, a NOT PRESERVE one too
    (created PRESERVE, then altered: docs/CANONICAL.md)."""
    from baseline.render.formats import render_migration, write_migration
    from baseline.sources.live import read_live

    with server.database(prefix="target") as db:
        run_sql(server, db,
                "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO SELECT 1",
                "CREATE EVENT ran ON SCHEDULE AT '2020-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO SELECT 1",
                "CREATE EVENT expired ON SCHEDULE EVERY 1 DAY STARTS '2019-01-01 00:00:00' "
                "ENDS '2020-01-01 00:00:00' ON COMPLETION PRESERVE DO SELECT 1",
                "CREATE EVENT lapsed ON SCHEDULE AT '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO SELECT 1",
                "ALTER EVENT lapsed ON SCHEDULE AT '2020-01-01 00:00:00'",
                "ALTER EVENT lapsed ON COMPLETION NOT PRESERVE")
        source = read_live(server.url.with_database(db), progress=False)
        assert (source.events["expired"].status, source.events["lapsed"].preserve) == ("DISABLE", False)
        files = render_migration(source, "sql", name="000_initial_schema", source_description="production")
        [text] = files.values()
        assert f"STARTS '{source.events['nightly'].starts}'" in text
        time.sleep(1.1)
        write_migration(files, tmp_path / "migrations")
        result = run_verify(tmp_path / "migrations", source, scratch=scratch_url(scratch_server),
                            progress=False, note=lambda _: None)
    assert (result.notes, result.differences, result.exit_code) == ([], [], 0)


def test_generate_from_a_chain_writes_the_schedule_as_the_chain_did(scratch_server, tmp_path):
    """The replay's clock time is no value of the chain's: generate from a chain
    folder writes EVERY without STARTS, AT as the expression, and the same bytes
    on every run."""
    from verify_helpers import run_cli

    chain_dir = make(tmp_path / "migrations", {
        **CLOCKED,
        "002_more.sql": "CREATE EVENT fixed ON SCHEDULE EVERY 1 HOUR STARTS '2020-01-01 00:00:00' "
                        "ENDS CURRENT_TIMESTAMP + INTERVAL 1 YEAR DO DELETE FROM runs;\n",
    })
    outputs = []
    for run in ("one", "two"):
        if outputs:
            time.sleep(1.1)
        res = run_cli("generate", str(chain_dir), "--output", str(tmp_path / run), "--scratch",
                      scratch_url(scratch_server))
        assert res.exit_code == 0, res.output
        outputs.append((tmp_path / run / "000_initial_schema.sql").read_bytes())
    assert outputs[0] == outputs[1]
    text = outputs[0].decode()
    assert "EVENT `nightly` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE" in text
    assert ("EVENT `once` ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 DAY ON COMPLETION PRESERVE ENABLE"
            in text)
    # a literal STARTS stays; an ENDS the clock set is written as the chain wrote it
    assert ("EVENT `fixed` ON SCHEDULE EVERY 1 HOUR STARTS '2020-01-01 00:00:00' "
            "ENDS CURRENT_TIMESTAMP + INTERVAL 1 YEAR ON COMPLETION PRESERVE ENABLE" in text)


def test_diff_of_a_chain_folder_sets_the_clock_times_aside(server, scratch_server, tmp_path):
    """``diff chain/ db`` (either order), db built from the chain a second earlier:
    exit 0, with verify's note naming the migration; a real difference on the
    same event is still reported."""
    import json

    from verify_helpers import run_cli

    chain_dir = make(tmp_path / "migrations", CLOCKED)
    scratch = scratch_url(scratch_server)
    with target_database(server, chain_dir) as db:
        time.sleep(1.1)
        res = run_cli("diff", str(chain_dir), url_of(server, db), "--scratch", scratch)
        assert res.exit_code == 0, res.output
        assert (f"note: event `nightly`: STARTS not compared: {chain_dir}/001_events.sql:2 schedules it "
                "with no STARTS, so the server took the time the replay ran (B has STARTS '") in res.stdout
        assert "note: event `once`: AT time not compared" in res.stdout
        res = run_cli("diff", url_of(server, db), str(chain_dir), "--scratch", scratch, "--report", "json")
        doc = json.loads(res.stdout)
        assert res.exit_code == 0 and doc["summary"]["differences"] == 0
        assert [n.split(":")[0] for n in doc["notes"]] == ["event `nightly`", "event `once`"]
        assert "(A has STARTS '" in doc["notes"][0]
        run_sql(server, db, "ALTER EVENT nightly COMMENT 'changed'")
        res = run_cli("diff", str(chain_dir), url_of(server, db), "--scratch", scratch)
        assert res.exit_code == 1 and "comment" in res.stdout and "note: event `nightly`" in res.stdout
