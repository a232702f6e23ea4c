"""The text report: for people, one difference a line, grouped by object.

Colored on a terminal (object headers bold, side A's values red, side B's green),
plain when piped. For ``verify`` each group names the migration that last touched
the object; a chain that failed to replay is reported instead of differences
(file, line, server error, statement), and left-out bookkeeping tables are named.
"""
from __future__ import annotations

import click

from ..compare.differences import ComparisonResult
from .values import (describe, error_line, excluded_line, failure_lines, failure_where, owner_title, show_model,
                     show_ref)
from .grouping import group_by_owner


def render_text(result: ComparisonResult, *, color: bool = False) -> str:
    def style(text, **kw):
        return click.style(text, **kw) if color else text

    a, b = result.a, result.b
    lines = [f"{a.label}: {a.description}".rstrip(": "), f"{b.label}: {b.description}".rstrip(": ")]
    lines += [f"note: {n}" for n in result.notes]
    if result.excluded:
        lines.append(f"left out: {excluded_line(result.excluded)}")
    lines.append("")
    if result.error is not None:
        lines += [style(f"error: {error_line(result.error)}", fg="red", bold=True), "no comparison"]
        return "\n".join(lines) + "\n"
    if result.failure is not None:
        f = result.failure
        lines.append(style(f"migration {f.migration} failed to replay", bold=True) + f"  ({failure_where(f)})")
        lines += ["  " + line for line in failure_lines(f)]
        lines += ["", style("replay failed: no comparison", fg="red", bold=True)]
        return "\n".join(lines) + "\n"
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
        if diffs[0].model is not None:
            head += f"  (model {show_model(diffs[0].model)})"
        lines.append(head)
        for d in diffs:
            lines.append("  " + describe(d, a.label, b.label, paint_a=lambda t: style(t, fg="red"),
                                         paint_b=lambda t: style(t, fg="green")))
        lines.append("")
    n, k = len(result.differences), len(groups)
    lines.append(style(f"{n} difference{'s' if n != 1 else ''} in {k} object{'s' if k != 1 else ''}",
                       fg="red", bold=True))
    return "\n".join(lines) + "\n"
