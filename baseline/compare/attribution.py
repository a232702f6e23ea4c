"""Attribution: which migration last touched the object a difference is about.

The chain module records, while reading or replaying a chain, a *touch map*
``{TouchKey: MigrationRef}`` (see :mod:`baseline.chain.refs`): for each top-level
object, the last migration whose statements created, altered, renamed or dropped
it. A difference is about one top-level object (its :attr:`Difference.owner`), so
attributing it is a lookup; objects no migration touched come from the baseline.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping

from ..chain.refs import MigrationRef, TouchKey, prefixed_path
from .differences import Difference


def attribute_differences(differences: Iterable[Difference], touches: Mapping[TouchKey, MigrationRef],
                          baseline: MigrationRef | None = None, *,
                          path_prefix: str | None = None) -> list[Difference]:
    """Return the differences with :attr:`Difference.migration` filled.

    Names are matched exactly first, then case-insensitively (a migration may spell
    ``Accounts`` where the server shows ``accounts``). ``baseline`` (usually the
    ``000_initial_schema`` file) is used for objects no migration touched, and for
    database-level attributes.

    ``path_prefix`` (the migrations folder as the user named it, e.g.
    ``db/migrations``) is put before the chain-relative paths of the touch map, so
    that reports point at files from where the command runs (GitHub annotations
    need repository-relative paths).
    """
    folded = {(kind, name.casefold()): ref for (kind, name), ref in touches.items()}
    out = []
    for d in differences:
        kind, name = d.owner
        ref = touches.get(d.owner) or folded.get((kind, name.casefold())) or baseline
        if ref is not None and path_prefix:
            ref = replace(ref, path=prefixed_path(path_prefix, ref.path))
        out.append(replace(d, migration=ref))
    return out
