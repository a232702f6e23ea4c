"""Reports of a comparison: ``text`` (people), ``json``, ``junit``, ``github``.

``render_report(result, fmt, stream_is_tty=...)`` returns the whole report as a
string; the CLI prints it. Only the text report uses color, and only on a terminal.
"""
from __future__ import annotations

from ..compare.differences import ComparisonResult
from ..errors import UsageError
from .github import render_github
from .json_report import render_json, report_document, report_schema
from .junit import render_junit
from .text import render_text

FORMATS = ("text", "json", "junit", "github")


def error_result(command: str, a: tuple[str, str], b: tuple[str, str], error) -> ComparisonResult:
    """A report of a command that stopped before comparing (``error``: a
    :class:`~baseline.errors.BaselineError`): sides as the user named them."""
    from ..compare.differences import CommandError, Side
    from ..errors import EnvironmentProblem, InputError
    from ..connect.url import redact

    kind = "environment" if isinstance(error, EnvironmentProblem) else \
        "input" if isinstance(error, InputError) else "usage"
    message = error.reason if isinstance(error, InputError) else error.message
    info = CommandError(kind=kind, exit_code=error.exit_code, message=redact(message),
                        file=getattr(error, "file", None), line=getattr(error, "line", None),
                        hint=redact(error.hint) if error.hint else None)
    return ComparisonResult(Side(a[0], redact(a[1])), Side(b[0], redact(b[1])), [], command=command, error=info)


def render_report(result: ComparisonResult, fmt: str = "text", *, stream_is_tty: bool = False) -> str:
    if fmt == "text":
        return render_text(result, color=stream_is_tty)
    if fmt == "json":
        return render_json(result)
    if fmt == "junit":
        return render_junit(result)
    if fmt == "github":
        return render_github(result)
    raise UsageError(f"unknown report format: {fmt!r}", hint="use " + ", ".join(FORMATS))


__all__ = ["FORMATS", "error_result", "render_report", "render_text", "render_json", "render_junit", "render_github",
           "report_document", "report_schema"]
