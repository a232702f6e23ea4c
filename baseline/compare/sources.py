"""Two loaded SOURCEs compared the way ``diff`` compares them.

Both sides without the migration tools' own tables (unless asked), a
``sequelize:`` side aligned by the rules of :mod:`.models`, a chain's
replay-clock event times and what a dump does not state set aside
(:mod:`.clock`, :mod:`.unstated`). ``diff`` reports the result; ``diff --write``
plans from the aligned sides and proves its migration by the same comparison.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Schema
from .differences import CompareOptions, Difference
from .engine import compare


@dataclass
class Compared:
    #: Both sides as compared (tool tables left out, models rules applied).
    a: Schema
    b: Schema
    differences: list[Difference]
    notes: list[str] = field(default_factory=list)
    #: Tables left out on either side (migration tools' bookkeeping).
    excluded: list[str] = field(default_factory=list)
    #: True when a side is a ``sequelize:`` SOURCE (column order is then not compared).
    models: bool = False


def compare_sources(a: Schema, b: Schema, options: CompareOptions, *, include_bookkeeping: bool = False,
                    labels: tuple[str, str] = ("A", "B"), tool_tables: Iterable[str] | None = None,
                    problems: bool = True) -> Compared:
    """``a`` and ``b`` compared by the rules of ``diff`` (and of ``verify``, which
    calls this with its own ``labels``, its chain's ``tool_tables`` and
    ``problems=False``, having told SOURCE's problems before its replay).

    ``tool_tables``: the bookkeeping tables to leave out (default: every migration
    tool's), none with ``include_bookkeeping``. Each side's
    :attr:`~baseline.model.Schema.replay_clock` sets aside the event times its
    replay took from the clock; notes name the sides by ``labels``."""
    from ..chain.migration import TOOL_TABLES
    from ..model import without_tables
    from .clock import set_aside_replay_clock
    from .unstated import problem_notes, set_aside_unstated

    skip = set() if include_bookkeeping else {t.casefold() for t in (TOOL_TABLES if tool_tables is None
                                                                      else tool_tables)}
    excluded = sorted({n for s in (a, b) for n in s.tables if n.casefold() in skip}, key=str.casefold)
    a, b = without_tables(a, excluded), without_tables(b, excluded)
    model_notes: list[str] = []
    models = a.models is not None or b.models is not None
    if models:  # the rules of docs/sequelize-guide.md
        from .models import align_with_models

        if a.models is not None:
            a, b, model_notes = align_with_models(a, b)
        else:
            b, a, model_notes = align_with_models(b, a)
        options = dataclasses.replace(options, ignore_column_order=True)
    # a migrations folder's event times its replay took from the clock are not the chain's
    differences, notes = set_aside_replay_clock(compare(a, b, options), a, b, labels)
    notes = model_notes + notes
    for side in (a, b):
        if side.models is not None:
            from .models import with_model_refs

            differences = with_model_refs(differences, side.models)
    # nor is a database default a dump does not state a fact about it
    differences, more = set_aside_unstated(differences, a, b, labels)
    notes += more
    if problems:
        notes += problem_notes(list(zip(labels, (a, b), strict=True)))
    return Compared(a, b, differences, notes, excluded, models)
