"""The JSON report: one document, described by ``report.schema.json`` (kept in sync
by the tests, which validate every report they make against it)."""
from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..chain.refs import MigrationRef
from ..compare.differences import CommandError, ComparisonResult, Difference, ReplayFailure
from .grouping import group_by_owner

#: Bumped when the document changes incompatibly.
FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).with_name("report.schema.json")


def report_document(result: ComparisonResult) -> dict:
    groups = group_by_owner(result.differences)
    return {
        "format": "baseline-report",
        "format_version": FORMAT_VERSION,
        "baseline_version": __version__,
        "command": result.command,
        "identical": result.identical,
        "sides": {
            "a": {"label": result.a.label, "description": result.a.description},
            "b": {"label": result.b.label, "description": result.b.description},
        },
        "summary": {
            "differences": len(result.differences),
            "objects_compared": len(result.objects),
            "objects_differing": len(groups),
        },
        "differences": [_difference(d) for d in result.differences],
        "excluded": [{"kind": kind, "name": name} for kind, name in result.excluded],
        "notes": list(result.notes),
        "failure": _failure(result.failure) if result.error is None else _error(result.error),
    }


def _error(e: CommandError) -> dict:
    return {"error": e.kind, "exit_code": e.exit_code, "message": e.message, "file": e.file, "line": e.line,
            "hint": e.hint}


def _failure(f: ReplayFailure | None) -> dict | None:
    if f is None:
        return None
    return {"migration": f.migration, "path": f.path, "line": f.line, "direction": f.direction,
            "reason": f.reason, "statement": f.statement, "server_code": f.server_code,
            "server_message": f.server_message, "applied": f.applied}


def _difference(d: Difference) -> dict:
    return {
        "kind": d.kind,
        "path": list(d.path),
        "object": d.object_name,
        "attribute": d.attribute,
        "a": d.a,
        "b": d.b,
        "owner": {"kind": d.owner[0], "name": d.owner[1]},
        "migration": _ref(d.migration),
        "model": None if d.model is None else {"model": d.model.migration, "path": d.model.path,
                                               "line": d.model.line},
    }


def _ref(ref: MigrationRef | None) -> dict | None:
    if ref is None:
        return None
    return {"migration": ref.migration, "path": ref.path, "line": ref.line}


def render_json(result: ComparisonResult) -> str:
    return json.dumps(report_document(result), indent=2, ensure_ascii=False) + "\n"


def report_schema() -> dict:
    """The JSON Schema of :func:`report_document` (``report.schema.json``)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
