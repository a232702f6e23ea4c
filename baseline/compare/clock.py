"""Event times a replayed chain cannot reproduce: set aside, and said so.

A chain whose migration schedules an event ``EVERY 1 DAY`` without ``STARTS``
gives that event the time the migration ran (:mod:`baseline.chain.eventclock`).
Production ran it long ago, ``verify`` just now: comparing the two ``STARTS``
would fail every run. The replay records which values its clock set; here those
differences are dropped, only where both sides hold such a value (a recurring
event on both sides for ``starts``/``ends``, a one-time event on both sides for
an ``AT`` schedule): a recurring event against a one-time one, or an event on one
side only, is still a difference. Each event concerned gets a note whether or
not its values happened to differ, so a report reads the same run after run.

``diff`` of two servers has no chain, so it has no such knowledge: two servers
whose events were created without ``STARTS`` at different times differ (their
next runs are at different times), and ``diff`` reports it. A chain folder given
to ``diff`` carries its replay's knowledge on the schema
(:attr:`~baseline.model.Schema.replay_clock`): :func:`set_aside_replay_clock`.
"""
from __future__ import annotations

from typing import Callable, Iterable, Mapping

from ..chain.eventclock import ClockTimes
from ..chain.refs import MigrationRef
from ..model import Schema
from .differences import Difference

_LABELS = {"schedule": "AT time", "starts": "STARTS", "ends": "ENDS"}


def set_aside_clock_times(differences: Iterable[Difference], clock: Mapping[str, ClockTimes],
                          source: Schema, replayed: Schema, *,
                          where: Callable[[MigrationRef], str] | None = None,
                          other: str = "SOURCE") -> tuple[list[Difference], list[str]]:
    """The differences without those on values the replay's clock set, and a note
    per event concerned. ``replayed`` is the side the clock belongs to, ``source``
    the other one, named ``other`` in the note; ``where(ref)`` spells a
    migration's place for the note (default ``path:line``)."""
    where = where or _where
    kept: list[Difference] = []
    for d in differences:
        if d.kind == "event" and _clocked(d, clock):
            continue
        kept.append(d)
    notes = []
    for key in sorted(clock):
        times = clock[key]
        a, b = source.events.get(key), replayed.events.get(key)
        if a is None or b is None:
            continue
        fields = [f for f in times.fields if _comparable(f, getattr(a, f), getattr(b, f))]
        if not fields:
            continue
        what = ", ".join(_LABELS[f] for f in fields)
        why = "; ".join(r for f, r in zip(times.fields, times.reasons, strict=True) if f in fields)
        theirs = ", ".join(f"{_LABELS[f]} {_shown(a, f)}" for f in fields)
        notes.append(f"event `{a.name}`: {what} not compared: {where(times.ref)} schedules it with {why}, so "
                     f"the server took the time the replay ran ({other} has {theirs})")
    return kept, notes


def set_aside_replay_clock(differences: Iterable[Difference], a: Schema, b: Schema,
                           labels: tuple[str, str] = ("A", "B")) -> tuple[list[Difference], list[str]]:
    """:func:`set_aside_clock_times` for ``diff``: each side built from a chain
    brings its replay's clock (:attr:`~baseline.model.Schema.replay_clock`); the
    note names the other side by its label. Servers and dumps bring none."""
    kept, notes = list(differences), []
    if b.replay_clock:
        kept, found = set_aside_clock_times(kept, b.replay_clock, a, b, other=labels[0])
        notes += found
    if a.replay_clock:
        kept, found = set_aside_clock_times(kept, a.replay_clock, b, a, other=labels[1])
        notes += found
    return kept, notes


def _clocked(d: Difference, clock: Mapping[str, ClockTimes]) -> bool:
    times = clock.get(d.owner[1].casefold())
    return times is not None and d.attribute in times.fields and _comparable(d.attribute, d.a, d.b)


def _comparable(field: str, a, b) -> bool:
    """Both sides hold a value of the kind the clock set (not a one-time event
    against a recurring one, not an ``ENDS`` on one side only)."""
    if a is None or b is None:
        return False
    if field == "schedule":
        return str(a).upper().startswith("AT ") and str(b).upper().startswith("AT ")
    return True


def _shown(event, field: str) -> str:
    value = getattr(event, field)
    return value[3:] if field == "schedule" else f"'{value}'"


def _where(ref: MigrationRef) -> str:
    return f"{ref.path}:{ref.line}" if ref.line else ref.path
