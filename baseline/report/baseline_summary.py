"""What ``generate --migrations`` tells people at the end: verified or not, what
was written, and every assumption the walk back made (the same list the
baseline's comment block holds)."""
from __future__ import annotations

from typing import Callable

from ..engine.findings import INFO, WARNING, warning_groups
from ..errors import shorten
from ..render.sqlfile import summary
from .text import render_text


def print_chain_baseline(result, echo: Callable[..., None], *, color: bool = False) -> None:
    """Print the end of a ``generate --migrations`` run (``result`` is a
    :class:`baseline.workflows.chain_baseline.ChainBaseline`)."""
    for what in result.left_out:
        echo(f"left out: {what}")
    v = result.verification
    n = len(result.chain)
    chain_text = f"{n} migration{'s' if n != 1 else ''}"
    if v is None:
        echo("not verified (--no-verify): replay baseline + chain with `baseline verify` to check it")
    elif v.identical:
        k = len(v.comparison.objects)
        retried = " after one fix (see above)" if v.fixes else ""
        echo(f"verified{retried}: the baseline + {chain_text} rebuild SOURCE exactly "
             f"({k} object{'s' if k != 1 else ''} compared)")
    elif v.failure is not None:
        # the report's view: the scratch database's random name taken out of the server's message
        f = v.comparison.failure
        if f is not None:
            where, reason, statement = (f"{f.path}:{f.line}" if f.line else f.path), f.reason, f.statement
        else:
            raw = v.failure
            where = f"{raw.file}:{raw.line}" if raw.line else (raw.file or "")
            reason, statement = raw.reason, raw.statement
        echo(f"verification failed: replaying baseline + chain stopped at {where}: {reason}")
        if statement:
            echo(f"  near: {shorten(statement)}")
    else:
        echo(render_text(v.comparison, color=color), nl=False)
    if result.written:
        state = "" if v is None or v.identical else " anyway (--force)"
        echo(f"wrote{state} {', '.join(str(p) for p in result.written)}: {summary(result.prechain.schema)}")
    else:
        what = "differences above" if v is not None and v.failure is None else "replay failure above"
        unchecked = v is not None and v.server_gap
        echo(f"baseline: not written ({what}); --force writes it anyway"
             + ("; --no-verify writes it unchecked" if unchecked else ""), err=True)
    findings = result.findings
    groups = warning_groups(findings, "(also listed at the top of the baseline)")
    info = [f for f in findings if f.severity == INFO]
    for header, group in groups:
        echo(header)
        for f in group:
            echo(f"  {f.text()}")
    if not any(f.severity == WARNING for f in findings) and result.chain.migrations:
        echo("nothing assumed: the chain says everything the baseline needs")
    for f in info:
        echo(f"  {f.text()}")
