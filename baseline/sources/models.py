"""An app's Sequelize models as a SOURCE: ``sequelize:PATH``.

PATH is a ``.js``/``.cjs``/``.mjs``/``.ts`` module or a sequelize-cli ``models/``
folder. The models are loaded by real Node (``chain/node/models.cjs``) with the
app's own ``sequelize`` package when PATH resolves one (else baseline's), and
real ``sequelize.sync()`` creates their tables in a fresh database on a
throwaway server; that database is read back like any live SOURCE. What the
schema is, then, is exactly what the app's ``sync()`` would create on that
server, not baseline's idea of Sequelize's types.

Each table remembers the model file and line that defined it
(:attr:`ModelsSync.tables`), for reports that point at the model to change,
and which of its columns are Sequelize's own timestamps (rules in
:mod:`baseline.compare.models`).
"""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EnvironmentProblem, InputError, UsageError
from ..model import Schema
from . import SourceOptions
from ..connect.url import redact

PREFIX = "sequelize:"
#: Where each model's table came from: ``{table: ModelOrigin}``.


@dataclass(frozen=True)
class ModelOrigin:
    model: str
    file: str | None
    line: int | None
    #: Sequelize's timestamp columns of the table (``createdAt``, ``updatedAt``, ``deletedAt``
    #: or their ``underscored`` fields), which ``sync()`` creates without defaults.
    timestamps: tuple[str, ...] = ()

    def where(self) -> str:
        if not self.file:
            return f"model {self.model}"
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class ModelsSync:
    """What ``sync()`` did: the tables per model, the statements it sent."""

    path: Path
    tables: dict[str, ModelOrigin] = field(default_factory=dict)
    statements: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def is_models_spec(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith(PREFIX)


def models_path(spec: str) -> Path:
    """The file or folder of a ``sequelize:PATH`` SOURCE (UsageError when it is not there)."""
    raw = spec[len(PREFIX):]
    if not raw:
        raise UsageError("sequelize: needs a path: sequelize:models/index.ts or sequelize:models/")
    path = Path(raw).expanduser()
    if not path.exists():
        raise UsageError(f"models not found: {raw}",
                         hint="sequelize:PATH takes a .js, .mjs or .ts module or a models/ folder")
    if path.is_file() and not path.name.lower().endswith((".js", ".cjs", ".mjs", ".ts", ".mts", ".cts")):
        raise UsageError(f"not a JavaScript or TypeScript module: {raw}",
                         hint="sequelize:PATH takes a .js, .mjs or .ts module or a models/ folder")
    return path


def sync_models(path: Path, server, database: str, *, timeout: float = 600) -> ModelsSync:
    """Load the models in ``path`` and run their ``sync()`` into ``database`` on
    ``server`` (a throwaway server: sync writes). Raises :class:`InputError`
    naming the model file (and line) when the models cannot be loaded or
    synced, :class:`EnvironmentProblem` when Node cannot run."""
    from ..chain.nodeenv import PACKAGE_DIR, ensure_node_env

    env = ensure_node_env(log=lambda m: None)
    url = server.url
    connection = {"host": url.host, "port": url.port, "user": url.user or "root",
                  "password": url.effective_password() if hasattr(url, "effective_password") else (url.password or ""),
                  "database": database}
    if url.unix_socket:
        connection["socketPath"] = url.unix_socket
    job = {"path": str(path.resolve()), "connection": connection}
    node_env = dict(os.environ, NODE_PATH=str(env.node_modules), NO_COLOR="1", FORCE_COLOR="0")
    try:
        res = subprocess.run([env.node, str(PACKAGE_DIR / "models.cjs")], input=json.dumps(job),
                             capture_output=True, text=True, env=node_env, timeout=timeout, check=False,
                             cwd=str(path if path.is_dir() else path.parent))
    except subprocess.TimeoutExpired:
        raise EnvironmentProblem(f"loading the models in {path} did not finish within {timeout:.0f} s") from None
    result = None
    for line in res.stdout.splitlines():
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue  # the app's own console output
        if isinstance(item, dict) and ({"tables", "error", "fatal"} & item.keys()):
            result = item
    if result is None or "fatal" in result:
        tail = redact(str(result["fatal"]) if result else (res.stderr or res.stdout).strip())[-800:]
        raise EnvironmentProblem(f"the Sequelize models loader failed (exit {res.returncode}): {tail}")
    if "error" in result:
        err = result["error"]
        raise InputError(redact(str(err.get("message") or "cannot be loaded")),
                         file=_shown(err.get("file"), path) or str(path), line=err.get("line"))
    out = ModelsSync(path=path, statements=list(result.get("statements", [])),
                     files=[_shown(f, path) for f in result.get("files", [])])
    for table, info in sorted(result.get("tables", {}).items()):
        out.tables[table] = ModelOrigin(model=info.get("model") or table, file=_shown(info.get("file"), path),
                                        line=info.get("line"), timestamps=tuple(info.get("timestamps") or ()))
    return out


def _shown(file: str | None, path: Path) -> str | None:
    """A model file as the user reaches it: relative to the current folder when inside it."""
    if not file:
        return None
    try:
        return os.path.relpath(file)
    except ValueError:
        return file


def read_models_on(server, spec: str, *, charset: str | None = None, collation: str | None = None,
                   progress: bool = False) -> Schema:
    """The schema ``sync()`` of the models in ``spec`` creates on ``server``, read back."""
    from .live import read_live

    path = models_path(spec)
    with server.database(charset=charset or "utf8mb4", collation=collation, prefix="baseline_models",
                         drop=False) as db:
        synced = sync_models(path, server, db)
        schema = read_live(server.url.with_database(db), progress=progress, label="the synced models")
    schema.name = None
    schema.models = synced
    return schema


def read_models_schema(spec: str, options: SourceOptions | None = None) -> Schema:
    """``sequelize:PATH`` as a SOURCE on its own (``inspect``, ``generate``, ``diff``):
    synced on a throwaway server (``--scratch``)."""
    from ..scratch import open_scratch

    options = options or SourceOptions()
    models_path(spec)  # a bad path is a usage error before any server starts
    with open_scratch(options.scratch or "auto", image=options.image) as server:
        collation = options.collation
        if collation is None and (options.charset or "utf8mb4") == "utf8mb4":
            collation = "utf8mb4_general_ci"
        return read_models_on(server, spec, charset=options.charset, collation=collation,
                              progress=options.progress)
