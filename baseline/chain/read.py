"""Read a migrations folder: detect its format (or take ``--chain-format``), order it.

``read_chain(path)`` is the entry point every command uses. Detection looks only
at names and annotation comments, never guesses silently: a folder whose files
fit no format, or fit two, is a :class:`UsageError` that lists what was found
and suggests ``--chain-format``.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, UsageError
from . import naming
from .layouts import READERS, manifest_base, marker_counts, top_dirs, top_files
from .migration import (
    DBMATE, FLYWAY, FORMATS, GOLANG_MIGRATE, GOOSE, MANIFEST, POPX, PRISMA, SEQUELIZE, SQL, Chain,
    canonical_format,
)

__all__ = ["read_chain", "detect_format", "Chain"]


def read_chain(path: Path | str, fmt: str | None = None) -> Chain:
    """The chain in folder ``path``, in the order its tool applies it.

    ``fmt`` (``--chain-format``) skips detection; it is one of
    :data:`~baseline.chain.migration.FORMATS` or an alias (``plain``,
    ``migrate``, ``temporal``, ``sequelize-cli``...).
    """
    root = Path(path)
    if not root.exists():
        raise UsageError(f"migrations folder not found: {root}")
    if not root.is_dir():
        raise UsageError(f"not a folder: {root}", hint="--migrations takes the folder holding the chain")
    if fmt:
        chosen = canonical_format(fmt)
        if chosen is None:
            raise UsageError(f"unknown --chain-format {fmt!r}", hint="one of: " + ", ".join(FORMATS))
    else:
        chosen = detect_format(root)
    chain = READERS[chosen](root)
    if not chain.migrations and fmt:
        raise UsageError(f"no {chosen} migrations in {root}",
                         hint=_found_hint(root) + "; check --chain-format")
    return chain


def detect_format(root: Path) -> str:
    """The one format ``root``'s contents fit; :class:`UsageError` if none or several."""
    candidates = _candidates(root)
    if len(candidates) == 1:
        return next(iter(candidates))
    if not candidates and _found_hint(root) == "the folder is empty":
        raise UsageError(f"no migration to replay: {root} is empty",
                         hint=f"write the baseline into it first: baseline generate SOURCE --migrations {root}")
    if not candidates:
        inside = _chains_in_subfolders(root)
        if inside:
            raise UsageError(f"no migration chain recognized in {root} ({_found_hint(root)})",
                             hint="a chain is one folder down: " + ", ".join(
                                 f"--migrations {d} ({'/'.join(f)})" for d, f in inside))
        raise UsageError(f"no migration chain recognized in {root} ({_found_hint(root)})",
                         hint="name the format with --chain-format (" + ", ".join(FORMATS) + ")")
    listing = "; ".join(f"{f}: {why}" for f, why in candidates.items())
    raise UsageError(f"the folder {root} fits several chain formats ({listing})",
                     hint="choose one with --chain-format " + "|".join(candidates))


def _candidates(root: Path) -> dict[str, str]:
    """Formats the folder fits, each with the evidence (for the error message)."""
    found: dict[str, str] = {}
    if manifest_base(root) is not None:
        found[MANIFEST] = "version folders with manifest.json"
    prisma_dirs = [d for d in top_dirs(root) if (d / "migration.sql").is_file()]
    if prisma_dirs:
        found[PRISMA] = f"{len(prisma_dirs)} folder(s) with migration.sql"
    if found:
        # folder layouts: their top-level files are not migrations
        return found

    files = top_files(root)
    names = [p.name for p in files]
    js = [n for n in names if naming.is_js_migration(n)]
    popx_dialect = [n for n in names if (m := naming.POPX_RE.match(n))
                    and (m.group("autocommit") or (m.group("dialect") in naming.POPX_DIALECTS))]
    updown = [n for n in names if naming.GOLANG_MIGRATE_RE.match(n)]
    flyway = [n for n in names if naming.FLYWAY_RE.match(n)]
    goose, dbmate, plain = marker_counts(root)
    # numbered files that are neither up/down pairs nor Flyway names
    flyway_set = set(flyway)
    plain_numbered = [n for n in names if n.lower().endswith(".sql") and naming.parse_numbered(n)
                      and not naming.GOLANG_MIGRATE_RE.match(n) and n not in flyway_set]

    if js and _looks_like_sequelize(root, js):
        found[SEQUELIZE] = f"{len(js)} JavaScript/TypeScript file(s)"
    if updown:
        if popx_dialect:
            found[POPX] = f"{len(updown)} .up/.down.sql file(s) with dialect/autocommit parts"
        else:
            found[GOLANG_MIGRATE] = f"{len(updown)} N_name.up/.down.sql file(s)"
    if flyway:
        found[FLYWAY] = f"{len(flyway)} Flyway-named file(s) (V1__x.sql)"
    if goose:
        found[GOOSE] = f"{goose} file(s) with -- +goose Up"
    if dbmate:
        found[DBMATE] = f"{dbmate} file(s) with -- migrate:up"
    if plain_numbered and not (goose or dbmate):
        found[SQL] = f"{len(plain_numbered)} numbered .sql file(s)"

    # combinations a real chain has
    if SEQUELIZE in found:
        # numbered SQL beside JS migrations: a baseline run before the JS files
        found.pop(SQL, None)
    if FLYWAY in found and SQL not in found and len(found) == 1:
        return found
    if FLYWAY in found and SQL in found:
        # V-named files fit both; Flyway when every file is Flyway-named
        plain_only = [n for n in plain_numbered if not n.startswith(("V", "v"))]
        if not plain_only:
            found.pop(SQL)
    return found


def _chains_in_subfolders(root: Path) -> list[tuple[Path, list[str]]]:
    """Subfolders that hold a chain (``migrations/mysql/``, one per dialect): the
    likely meaning of a ``--migrations`` that names their parent."""
    found = []
    try:
        subs = sorted(d for d in root.iterdir() if d.is_dir() and not d.name.startswith("."))
    except OSError:
        return []
    for d in subs:
        try:
            formats = list(_candidates(d))
        except OSError:
            continue
        if formats:
            found.append((d, formats))
    return found


def _looks_like_sequelize(root: Path, js: list[str]) -> bool:
    """JS migrations of another tool (knex: ``exports.up = function (knex)``) are not
    sequelize-cli's; files that name neither are given the benefit of the doubt."""
    texts = [(root / n).read_text(errors="replace").lower() for n in js]
    if any("sequelize" in t or "queryinterface" in t for t in texts):
        return True
    return not any("knex" in t for t in texts)


def _found_hint(root: Path) -> str:
    try:
        entries = sorted(p.name + ("/" if p.is_dir() else "") for p in root.iterdir()
                         if not p.name.startswith("."))
    except OSError as e:
        raise InputError(f"cannot list folder: {e.strerror}", file=str(root)) from None
    if not entries:
        return "the folder is empty"
    shown = ", ".join(entries[:6]) + (f", … ({len(entries)} entries)" if len(entries) > 6 else "")
    return "found: " + shown
