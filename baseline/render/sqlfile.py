"""The plain ``.sql`` baseline: statements from :mod:`.ddl` laid out by
``templates/sql.sql.j2``.

The file names its source (flavor, version, database default charset and
collation; never a host, user or password), sets the session it needs
(``SET NAMES utf8mb4``, a known ``sql_mode``) and restores what it changed at
the end, wraps routines, triggers and events in ``DELIMITER`` blocks, and is
byte-identical for the same schema.
"""
from __future__ import annotations

import importlib.resources
from functools import cache
from typing import TYPE_CHECKING

from .. import __version__
from .ownership import PLACEHOLDER, stamp
from ..model import Schema
from ..sql.scan import has_comments
from .ddl import BASE_SESSION, RenderedStatement, RenderOptions, create_statements
from .quote import ident

#: Candidate delimiters for compound statements, first unused one wins.
_DELIMITERS = (";;", "$$", "//", ";;;", "$$$", "///")


if TYPE_CHECKING:
    import jinja2


@cache
def _environment() -> jinja2.Environment:
    # importlib.resources finds the templates in a regular install and in an
    # editable one (where baseline.templates maps to the top-level templates/).
    # Jinja2 is imported here, not at the top: ``inspect`` never needs it, and
    # its import is a sizeable part of reading a small schema.
    import jinja2

    def load(name: str):
        res = importlib.resources.files("baseline.templates").joinpath(name)
        if not res.is_file():
            return None
        return res.read_text(encoding="utf-8"), None, lambda: True

    return jinja2.Environment(loader=jinja2.FunctionLoader(load), autoescape=False,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined)


def template(name: str) -> jinja2.Template:
    return _environment().get_template(name)


def comment_safe(text: str) -> str:
    """Text that cannot end a ``--`` comment line early."""
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def summary(schema: Schema) -> str:
    """``16 tables, 7 views, 3 procedures, 3 functions, 6 triggers`` (zero counts left out,
    tables always shown)."""
    procs = sum(1 for r in schema.routines.values() if r.kind == "PROCEDURE")
    funcs = len(schema.routines) - procs
    counts = [(len(schema.tables), "table", "tables"), (len(schema.sequences), "sequence", "sequences"),
              (len(schema.views), "view", "views"), (procs, "procedure", "procedures"),
              (funcs, "function", "functions"), (len(schema.triggers), "trigger", "triggers"),
              (len(schema.events), "event", "events")]
    parts = [f"{n} {one if n == 1 else many}" for k, (n, one, many) in enumerate(counts) if n or k == 0]
    return ", ".join(parts)


def delimiter_for(sql: str) -> str:
    return next(d for d in _DELIMITERS if d not in sql)


def _title(stmt: RenderedStatement) -> str:
    if stmt.kind == "foreign_keys":
        return comment_safe(f"foreign keys of {ident(stmt.name)}")
    if stmt.kind == "key_order":
        return comment_safe(f"key order of {ident(stmt.name)} (columns made nullable after their keys)")
    if stmt.kind == "key_name":
        return comment_safe(f"index name of {ident(stmt.name)} (the server named it after the re-added foreign key)")
    if stmt.kind == "schema":
        return "database defaults"
    if stmt.kind == "sequence_position":
        return comment_safe(f"position of sequence {ident(stmt.name)}")
    if stmt.kind == "event_completion":
        return comment_safe(f"completion and status of event {ident(stmt.name)}")
    return comment_safe(f"{stmt.kind} {ident(stmt.name)}")


def layout(statements: list[RenderedStatement], base_session=BASE_SESSION) -> tuple[list[str], list[dict], list[str]]:
    """``(prologue, items, epilogue)``: the SET statements each statement needs
    (only when the value changes), saving and restoring the loader's own values."""
    variables = sorted({v for v, _ in base_session} | {v for s in statements for v, _ in s.session})
    prologue = ["SET NAMES utf8mb4"] + [f"SET @baseline_saved_{v} = @@SESSION.{v}" for v in variables]
    state: dict[str, str | None] = {}
    items = []
    for stmt in statements:
        wanted = dict(base_session)
        wanted.update(stmt.session)
        sets = []
        for var in variables:
            want = wanted.get(var)
            if state.get(var) != want:
                sets.append(f"SET SESSION {var} = {want if want is not None else '@baseline_saved_' + var}")
                state[var] = want
        items.append({
            "title": _title(stmt),
            "sets": sets,
            "sql": stmt.sql,
            "delimiter": delimiter_for(stmt.sql) if stmt.compound else None,
        })
    epilogue = [f"SET SESSION {v} = @baseline_saved_{v}" for v in variables if state.get(v) is not None]
    return prologue, items, epilogue


def header_lines(schema: Schema, options: RenderOptions, source_description: str) -> list[str]:
    flavor = str(schema.flavor) if schema.flavor else "an unknown server"
    inferred = f" (not stated by the source: {schema.charset_inferred})" if schema.charset_inferred else ""
    lines = [
        comment_safe(f"Baseline of {source_description}"),
        comment_safe(f"Read from {flavor}; database default CHARACTER SET {schema.charset} "
                     f"COLLATE {schema.collation}{inferred}"),
        f"Contents: {summary(schema)}",
        f"Generated by baseline {__version__} ({PLACEHOLDER}); load it into an empty database.",
    ]
    for problem in schema.problems:
        # read past with --force: whoever loads this file must know
        lines.append(comment_safe(f"INCOMPLETE SOURCE (written with --force): {problem}"))
    left_out = []
    if not options.keep_definers:
        left_out.append("DEFINER clauses (--keep-definers keeps them)")
    if not options.keep_auto_increment:
        left_out.append("AUTO_INCREMENT counters (--keep-auto-increment keeps them)")
    if left_out:
        lines.append("Left out: " + "; ".join(left_out) + ".")
    bodies = ([r.body for r in schema.routines.values()] + [t.body for t in schema.triggers.values()]
              + [e.body for e in schema.events.values()])
    if any(has_comments(b or "") for b in bodies):
        lines.append("Some routine, trigger or event bodies hold comments: the mysql/mariadb client "
                     "drops them unless run with --comments.")
    return lines


def render_sql_file(schema: Schema, options: RenderOptions = RenderOptions(), *,
                    source_description: str) -> str:
    """The whole ``.sql`` baseline for ``schema`` (deterministic)."""
    prologue, items, epilogue = layout(create_statements(schema, options))
    return stamp(template("sql.sql.j2").render(
        header=header_lines(schema, options, source_description),
        prologue=prologue, items=items, epilogue=epilogue,
    ))


def render_statements(statements: list[RenderedStatement]) -> str:
    """Statements alone (no header, no session lines), compound ones in DELIMITER
    blocks: what ``inspect`` prints."""
    out = []
    for s in statements:
        if s.compound:
            d = delimiter_for(s.sql)
            out.append(f"DELIMITER {d}\n{s.sql}{d}\nDELIMITER ;")
        else:
            out.append(s.sql + ";")
    return "\n\n".join(out) + ("\n" if out else "")
