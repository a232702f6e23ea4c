"""The text report: for people, one difference a line, grouped by object.

Colored on a terminal (object headers bold, side A's values red, side B's green),
plain when piped. For ``verify`` each group names the migration that last touched
the object.
"""
from __future__ import annotations

import click

from ..compare.differences import ComparisonResult
from .values import describe, owner_title, show_ref
from .grouping import group_by_owner


def render_text(result: ComparisonResult, *, color: bool = False) -> str:
    def style(text, **kw):
        return click.style(text, **kw) if color else text

    a, b = result.a, result.b
    lines = [f"{a.label}: {a.description}".rstrip(": "), f"{b.label}: {b.description}".rstrip(": "), ""]
    if result.identical:
        n = len(result.objects)
        lines.append(style(f"identical: no differences ({n} object{'s' if n != 1 else ''} compared)",
                           fg="green", bold=True))
        return "\n".join(lines) + "\n"
    groups = group_by_owner(result.differences)
    for owner, diffs in groups:
        head = style(owner_title(owner), bold=True)
        ref = show_ref(diffs[0].migration)
        if ref:
            head += f"  (last touched by {ref})"
        lines.append(head)
        for d in diffs:
            lines.append("  " + describe(d, a.label, b.label, paint_a=lambda t: style(t, fg="red"),
                                         paint_b=lambda t: style(t, fg="green")))
        lines.append("")
    n, k = len(result.differences), len(groups)
    lines.append(style(f"{n} difference{'s' if n != 1 else ''} in {k} object{'s' if k != 1 else ''}",
                       fg="red", bold=True))
    return "\n".join(lines) + "\n"
