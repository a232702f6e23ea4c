"""How values and objects read in reports meant for people (text, JUnit, GitHub)."""
from __future__ import annotations

from ..chain.refs import MigrationRef
from ..compare.differences import EXISTS, Difference

#: Longest value shown whole on one line; longer ones (view and routine bodies)
#: are shown as an excerpt around the first place where the two sides differ.
MAX_VALUE = 80
_CONTEXT = 30


def one_line(text: str) -> str:
    return " ".join(text.split())


def show(value) -> str:
    """A value as a person reads it: ``(none)``, ``yes``/``no``, lists comma-joined."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v) for v in value) if value else "(empty list)"
    if isinstance(value, str):
        if value == "":
            return "''"
        return one_line(value) if any(c in value for c in "\r\n\t") else value
    return str(value)


def _escaped(value) -> str:
    if isinstance(value, str) and value:
        return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return show(value)


def show_pair(a, b) -> tuple[str, str]:
    """Both values on one line, shortened around their first difference when long.

    Whitespace runs read as one space, unless whitespace is all that differs: then
    line breaks and tabs are shown as ``\\n``, ``\\r``, ``\\t``."""
    sa, sb = show(a), show(b)
    if sa == sb:
        sa, sb = _escaped(a), _escaped(b)
    if len(sa) <= MAX_VALUE and len(sb) <= MAX_VALUE:
        return sa, sb
    i = next((k for k, (x, y) in enumerate(zip(sa, sb, strict=False)) if x != y), min(len(sa), len(sb)))
    start = max(0, i - _CONTEXT)
    return _cut(sa, start), _cut(sb, start)


def _cut(text: str, start: int) -> str:
    end = start + MAX_VALUE
    piece = text[start:end]
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def owner_title(owner: tuple[str, str]) -> str:
    """``table orders``, ``procedure p``, ``database`` (its default charset/collation)."""
    kind, name = owner
    if kind == "schema":
        return "database"
    if kind == "routine":
        return name  # already "procedure p" / "function f"
    return f"{kind} {name}".strip()


def subject(d: Difference) -> str:
    """The object a difference is about, relative to its owner: ``column qty``,
    ``partition p1``; empty when it is the owner itself."""
    if len(d.path) <= 1 and d.kind in (d.owner[0], "schema"):
        return ""
    if d.kind == "partitioning":
        return "partitioning"
    return f"{d.kind} {'.'.join(d.path[1:])}"


def _same(text: str) -> str:
    return text


def describe(d: Difference, label_a: str, label_b: str, *, paint_a=_same, paint_b=_same) -> str:
    """``column qty: type: A=int(11)  B=bigint(20)`` / ``index ix: only in B``.

    ``paint_a``/``paint_b`` style each side's part (colors on a terminal)."""
    head = subject(d)
    if d.attribute == EXISTS:
        where = paint_a(label_a) if d.a else paint_b(label_b)
        return f"{head or owner_title(d.owner)}: only in {where}"
    va, vb = show_pair(d.a, d.b)
    prefix = f"{head}: " if head else ""
    return f"{prefix}{d.attribute}: {paint_a(f'{label_a}={va}')}  {paint_b(f'{label_b}={vb}')}"


def show_ref(ref: MigrationRef | None) -> str:
    """``migrations/003_add.sql:12``; the migration id too when the path does not carry it."""
    if ref is None:
        return ""
    where = ref.path + (f":{ref.line}" if ref.line else "")
    if not ref.migration or ref.migration in ref.path.replace("\\", "/"):
        return where
    return f"{ref.migration} ({where})"


#: Why ``verify`` leaves an object out (the only user of ``ComparisonResult.excluded`` so far).
def show_model(ref) -> str:
    """``accounts (models/storage.ts:9)``: a model and where it is defined."""
    if not ref.path:
        return ref.migration
    where = f"{ref.path}:{ref.line}" if ref.line else ref.path
    return f"{ref.migration} ({where})"


EXCLUDED_WHY = "migration tool bookkeeping; --include-bookkeeping compares them"


def excluded_line(excluded) -> str:
    """``tables SequelizeMeta, schema_migrations (migration tool bookkeeping; ...)``."""
    names = [name for _kind, name in excluded]
    word = "table" if len(names) == 1 else "tables"
    return f"{word} {', '.join(names)} ({EXCLUDED_WHY})"


def failure_where(f) -> str:
    """``db/migrations/002_b.sql:3`` for a :class:`~baseline.compare.ReplayFailure`."""
    return f.path + (f":{f.line}" if f.line else "")


def failure_cause(f) -> str:
    """The server's error without the ``migration X failed:`` prefix the title already says."""
    reason = f.reason
    head = f"migration {f.migration} failed: "
    for prefix in (head, f"migration {f.migration} (down) failed: "):
        if reason.startswith(prefix):
            return reason[len(prefix):]
    return reason


def failure_lines(f) -> list[str]:
    """The failure for people: cause, statement excerpt, what ran before it."""
    from ..errors import shorten

    lines = [failure_cause(f)]
    if f.statement:
        lines.append(f"near: {shorten(f.statement)}")
    n = f.applied
    lines.append(f"{n} migration{'s' if n != 1 else ''} ran before it; nothing was compared")
    return lines


def error_line(e) -> str:
    """A :class:`~baseline.compare.differences.CommandError` as one line: ``file:line: message``."""
    where = f"{e.file}:{e.line}: " if e.file and e.line else f"{e.file}: " if e.file else ""
    return where + one_line(e.message)
