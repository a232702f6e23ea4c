"""GitHub Actions workflow annotations (``::error file=…,line=…,title=…::message``).

One annotation per object that differs (GitHub shows a limited number of
annotations per step, so one per difference would hide some), pointing at the
migration file that last touched the object when there is one (``verify``). A
chain that failed to replay gives one ``::error`` at the failing statement
(``file=``, ``line=``); notes are ``::warning`` lines, left-out tables a ``::notice``.
Escaping follows GitHub's workflow-command rules (as in ``@actions/core``):
data escapes ``%``, CR and LF; property values also escape ``:`` and ``,``.
"""
from __future__ import annotations

from ..compare.differences import ComparisonResult
from .grouping import group_by_owner
from .values import describe, error_line, excluded_line, failure_lines, owner_title, show_model, show_ref


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    """``::name key=value,key=value::message`` with everything escaped; ``None`` properties are left out."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render_github(result: ComparisonResult) -> str:
    a, b = result.a.label, result.b.label
    lines = [command("warning", n, title="baseline: note") for n in result.notes]
    if result.excluded:
        lines.append(command("notice", excluded_line(result.excluded), title="baseline: left out"))
    if result.error is not None:
        e = result.error
        body = error_line(e) + (f"\nhint: {e.hint}" if e.hint else "")
        lines.append(command("error", body, file=e.file, line=e.line if e.file else None,
                             title=f"baseline {result.command} could not run (exit {e.exit_code})"))
        return "\n".join(lines) + "\n"
    if result.failure is not None:
        f = result.failure
        lines.append(command("error", "\n".join(failure_lines(f)), file=f.path, line=f.line,
                             title=f"baseline: migration {f.migration} failed to replay"))
        return "\n".join(lines) + "\n"
    if result.identical:
        lines.append(command("notice", f"{a} and {b} are identical ({len(result.objects)} objects compared)",
                             title="baseline: no differences"))
        return "\n".join(lines) + "\n"
    for owner, diffs in group_by_owner(result.differences):
        ref = diffs[0].migration
        n = len(diffs)
        title = f"baseline: {owner_title(owner)} differs ({n} difference{'s' if n != 1 else ''})"
        body = [describe(d, a, b) for d in diffs]
        if ref is not None:
            body.append(f"last touched by {show_ref(ref)}")
        model = diffs[0].model
        if model is not None:
            body.append(f"model {show_model(model)}")
        where = ref or model
        lines.append(command("error", "\n".join(body), file=where.path if where else None,
                             line=where.line if where else None, title=title))
    return "\n".join(lines) + "\n"
