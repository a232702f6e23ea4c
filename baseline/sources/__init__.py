"""Sources: where a schema comes from.

``load_schema(spec)`` turns any SOURCE of the contract into a :class:`~baseline.model.Schema`:

* a server URL  -> :mod:`.live` (read-only introspection),
* a dump file or ``-`` -> :mod:`.dump` (offline parse, or replay with ``scratch``),
* a migrations folder -> the chain replayed into a throwaway server, then introspected;
* ``sequelize:PATH`` -> :mod:`.models`: the app's models, ``sync()``-ed into a throwaway server.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..model import Schema
from ..connect.url import ServerURL, is_server_url, redact


@dataclass
class SourceOptions:
    #: Database to read from a multi-database dump.
    schema_name: str | None = None
    #: ``--scratch`` value when a throwaway server is wanted (dump: server-assisted
    #: reading; migrations folder: replay). ``None`` = offline where possible.
    scratch: str | None = None
    image: str | None = None
    chain_format: str | None = None
    #: Default charset/collation of the scratch database a migrations folder is
    #: replayed into (``verify``/``diff`` pass the other side's); ``None``: utf8mb4.
    charset: str | None = None
    collation: str | None = None
    #: Show progress on a terminal.
    progress: bool = True
    #: Read a damaged dump (cut off, unknown statements, no DDL) as far as it
    #: goes instead of refusing it; ``Schema.problems`` says what is missing
    #: (``generate --force``).
    accept_damaged: bool = False


def source_kind(spec: str) -> str:
    """``url``, ``dump``, ``migrations`` or ``models``; raises UsageError for anything else."""
    if is_server_url(spec):
        return "url"
    if spec.startswith("sequelize:"):
        from .models import models_path

        models_path(spec)
        return "models"
    if spec == "-":
        return "dump"
    p = Path(spec)
    if p.is_dir():
        return "migrations"
    if p.is_file():
        return "dump"
    if "://" in spec:
        raise UsageError(f"unsupported URL scheme in {redact(spec)}",
                         hint="use mysql://, mariadb:// or mysql+pymysql://")
    raise UsageError(f"source not found: {spec}",
                     hint="a SOURCE is a server URL, a dump file (or - for stdin), a migrations folder, "
                          "or sequelize:PATH (an app's models)")


def load_schema(spec: str, options: SourceOptions | None = None) -> Schema:
    options = options or SourceOptions()
    kind = source_kind(spec)
    if kind == "url":
        from .live import read_live

        return read_live(ServerURL.parse(spec), progress=options.progress)
    if kind == "dump":
        from .dump import read_dump

        return read_dump(spec, options)
    if kind == "models":
        from .models import read_models_schema

        return read_models_schema(spec, options)
    from .chainfolder import read_chain_schema

    return read_chain_schema(Path(spec), options)
