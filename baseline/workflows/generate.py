"""``generate SOURCE`` without ``--migrations``: read SOURCE, render its schema
in a migration format, write the files whole or not at all.

(With ``--migrations DIR`` the baseline is the schema before DIR's chain:
:mod:`.chain_baseline`.)"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Schema
from ..render.ddl import RenderOptions
from ..sources import SourceOptions


@dataclass
class Generated:
    schema: Schema
    #: The files written, as paths under the output folder.
    written: list[Path]
    #: One line per file of the folder that was replaced (``--force``).
    replaced: list[str] = field(default_factory=list)


def describe(schema: Schema) -> str:
    """How a generated file names its source: the database only (never a host,
    user or password)."""
    return f"database `{schema.name}`" if schema.name else "the source schema"


def generate_baseline(source: str, outdir: str | Path, *, fmt: str = "sql", name: str = "000_initial_schema",
                      source_options: SourceOptions | None = None, render_options: RenderOptions | None = None,
                      force: bool = False) -> Generated:
    """Read ``source`` (a server URL, dump file or migrations folder), render its
    schema as migration ``name`` in format ``fmt`` and write it into ``outdir``.
    Raises :class:`~baseline.errors.BaselineError` subclasses (exit codes 2, 3)."""
    from ..render.formats import check_format, render_migration, write_migration
    from ..sources import load_schema

    fmt = check_format(fmt)
    warm = _warm_up(fmt)
    schema = load_schema(source, source_options or SourceOptions())
    warm.join()
    files = render_migration(schema, fmt, name=name, options=render_options or RenderOptions(),
                             source_description=describe(schema))
    replaced: list[str] = []
    written = write_migration(files, Path(outdir), fmt, force=force, replaced=replaced)
    return Generated(schema, list(written), replaced)


def _warm_up(fmt: str) -> threading.Thread:
    """A thread importing what comes after the read (the DDL parser a live read
    needs for trigger and routine texts, Jinja2, the format's template compiled)
    while the source is read: a live read's main thread spends its first few
    hundred milliseconds waiting on the server. Failures are left to the real use."""

    def work() -> None:
        try:
            from ..render.sqlfile import _environment, template
            from ..sql.ddl import parser  # noqa: F401

            template("sql.sql.j2") if fmt == "sql" else _environment()
        except Exception:  # noqa: BLE001 - raised again, and reported, where it is used
            pass

    thread = threading.Thread(target=work, name="baseline-warm-up", daemon=True)
    thread.start()
    return thread
