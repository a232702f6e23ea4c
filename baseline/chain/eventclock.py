"""Event schedule times a replay takes from its own clock.

The server fills an event's schedule from the clock in three cases:

* ``ON SCHEDULE EVERY n UNIT`` without ``STARTS`` (in ``CREATE EVENT`` and in an
  ``ALTER EVENT ... ON SCHEDULE``, which resets ``STARTS`` even when the event had
  an explicit one): ``STARTS`` is the time the statement ran;
* ``STARTS``/``ENDS`` given as an expression of the clock
  (``CURRENT_TIMESTAMP + INTERVAL 1 HOUR``);
* ``AT`` given as such an expression (the schedule becomes ``AT '<then>'``).

Production ran that statement when the migration was deployed, a replay runs it
now: the two values differ by the time between them, and by a second within a
single test run that straddles a second boundary. They are not schema drift, and
comparing them would fail every ``verify``. So while a chain is replayed, this
module records, per event, which values the *last* statement that set its
schedule left to the clock (a later ``ON SCHEDULE`` with literal times clears
them, a rename carries them, a drop forgets them); :mod:`baseline.compare.clock`
sets exactly those differences aside, with a note. A literal ``STARTS`` stays
compared: a chain saying ``STARTS '2020-01-01'`` against a production with
another date is real drift.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..flavor import DEFAULT_FLAVOR, Flavor
from ..sql.touch import CREATE, ALTER, DROP, RENAME_FROM, RENAME_TO, Touch
from .refs import MigrationRef

#: Functions whose value is the time a statement runs.
_CLOCK = re.compile(r"\b(?:CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|NOW|SYSDATE|CURDATE|CURTIME|"
                    r"LOCALTIME|LOCALTIMESTAMP|UTC_TIMESTAMP|UTC_DATE|UTC_TIME|UNIX_TIMESTAMP)\b", re.I)


@dataclass(frozen=True)
class ClockTimes:
    """Which :class:`~baseline.model.Event` fields of one event the replay's clock set."""

    #: Model fields: ``schedule`` (an ``AT`` time), ``starts``, ``ends``.
    fields: tuple[str, ...]
    #: Why, per field, as the statement said it: ``no STARTS``, ``STARTS NOW() + INTERVAL 1 DAY``.
    reasons: tuple[str, ...]
    #: The statement that set the schedule (migration, file, line).
    ref: MigrationRef


def clock_fields(schedule: str | None, starts: str | None, ends: str | None) -> tuple[tuple[str, str], ...] | None:
    """``(field, reason)`` pairs a statement's ``ON SCHEDULE`` leaves to the clock;
    ``None`` when the statement sets no schedule (the earlier one still holds)."""
    if schedule is None:
        return None
    if schedule.upper().startswith("AT "):
        return (("schedule", schedule),) if _CLOCK.search(schedule) else ()
    out = []
    if starts is None:
        out.append(("starts", "no STARTS"))
    elif _CLOCK.search(starts):
        out.append(("starts", f"STARTS {starts}"))
    if ends is not None and _CLOCK.search(ends):
        out.append(("ends", f"ENDS {ends}"))
    return tuple(out)


def track_event_clock(clock: dict[str, ClockTimes], touches: list[Touch], text: str, ref: MigrationRef,
                      flavor: Flavor | None) -> None:
    """Update ``clock`` (keyed by case-folded event name) for one executed statement.

    ``touches`` are the statement's :func:`~baseline.sql.touch.touched_objects`
    (already computed for attribution); only event statements are parsed. A
    statement the DDL parser cannot read changes nothing here: its event is then
    compared as before, never hidden.
    """
    events = [t for t in touches if t.kind == "event"]
    if not events:
        return
    renamed_from = None
    for t in events:
        key = t.name.casefold()
        if t.action == DROP:
            clock.pop(key, None)
        elif t.action in (CREATE, ALTER, RENAME_FROM):
            _scheduled(clock, key, text, ref, flavor)
            if t.action == RENAME_FROM:
                renamed_from = key
        elif t.action == RENAME_TO and renamed_from is not None:
            moved = clock.pop(renamed_from, None)
            if moved is not None:
                clock[key] = moved
            else:
                clock.pop(key, None)


def _scheduled(clock: dict[str, ClockTimes], key: str, text: str, ref: MigrationRef,
               flavor: Flavor | None) -> None:
    from ..sql.parse import CreateEvent, parse_statement

    try:
        node = parse_statement(text, flavor=flavor or DEFAULT_FLAVOR)
    except InputError:
        return
    if not isinstance(node, CreateEvent):
        return
    found = clock_fields(node.schedule, node.starts, node.ends)
    if found is None:
        return
    if found:
        clock[key] = ClockTimes(tuple(f for f, _ in found), tuple(r for _, r in found), ref)
    else:
        clock.pop(key, None)
