"""Differences grouped by the top-level object they belong to, in report order."""
from __future__ import annotations

from ..chain.refs import TouchKey
from ..compare.differences import Difference


def group_by_owner(differences: list[Difference]) -> list[tuple[TouchKey, list[Difference]]]:
    """Groups in order of first appearance (the comparison already orders by object)."""
    groups: dict[TouchKey, list[Difference]] = {}
    for d in differences:
        groups.setdefault(d.owner, []).append(d)
    return list(groups.items())
