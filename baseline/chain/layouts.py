"""One reader per chain format: folder -> ordered migrations, in the tool's own order.

Each reader returns a :class:`~baseline.chain.migration.Chain`; detection lives
in :mod:`baseline.chain.read`. The orders follow the tools:

* plain numbered SQL: version numbers compared as numbers (``2`` < ``10``, ``1.2`` < ``1.10``);
* golang-migrate, goose: the version prefix as an integer;
* popx: the version as a string, the ``mysql`` file preferred over the dialect-less one;
* dbmate, Prisma, sequelize-cli: file / folder names as strings;
* Flyway: versions part by part as numbers, the newest baseline (``B``) first,
  then newer versioned migrations, then repeatables by description;
* manifest (temporal): version folders by version, files in manifest order.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from ..errors import InputError
from . import naming
from .migration import (
    DBMATE, FLYWAY, GOLANG_MIGRATE, GOOSE, KIND_SEQUELIZE_JS, KIND_SQL, MANIFEST, POPX, PRISMA, SEQUELIZE,
    SPLIT_GOOSE, SPLIT_NONE, SPLIT_SERVER, SQL, Chain, Migration, Script,
)
from .sections import dbmate_sections, goose_sections, has_dbmate_markers, has_goose_markers

# ---------------------------------------------------------------- helpers


def read_text(path: Path) -> str:
    """A migration file's text (UTF-8, BOM dropped); a clear error otherwise."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read migration file: {e.strerror}", file=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte 0x{data[e.start]:02x})", file=str(path), line=line) from None


def top_files(root: Path) -> list[Path]:
    """Regular, non-hidden files directly in ``root``, sorted by name."""
    return sorted((p for p in root.iterdir() if p.is_file() and not p.name.startswith(".")),
                  key=lambda p: p.name)


def top_dirs(root: Path) -> list[Path]:
    return sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: p.name)


def rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _script(root: Path, path: Path, text: str | None = None, **kw) -> Script:
    return Script(path=path, text=read_text(path) if text is None else text, rel=rel(root, path), **kw)


def _duplicate(kind: str, version, paths: list[Path]) -> InputError:
    names = ", ".join(p.name for p in paths)
    return InputError(f"two {kind} migrations share version {version}: {names}", file=str(paths[1]),
                      hint="rename one of them; the tool itself refuses such a chain")


# ---------------------------------------------------------------- plain numbered SQL


def read_sql(root: Path) -> Chain:
    chain = Chain(root=root, format=SQL)
    found = []
    for p in top_files(root):
        n = naming.parse_numbered(p.name) if p.suffix.lower() == ".sql" else None
        if n is None:
            chain.ignored.append(p.name)
            continue
        found.append((n.sort_key, p.name, n, p))
    found.sort(key=lambda x: (x[0], x[1]))
    for _, _, n, p in found:
        chain.migrations.append(Migration(id=p.name[:-4], version=n.version, name=n.name,
                                          up=_script(root, p)))
    return chain


# ---------------------------------------------------------------- golang-migrate


def read_golang_migrate(root: Path) -> Chain:
    chain = Chain(root=root, format=GOLANG_MIGRATE)
    by_version: dict[int, dict[str, Path]] = defaultdict(dict)
    for p in top_files(root):
        m = naming.GOLANG_MIGRATE_RE.match(p.name)
        if not m:
            chain.ignored.append(p.name)
            continue
        slot = by_version[int(m.group("version"))]
        d = m.group("direction")
        if d in slot:
            raise _duplicate("golang-migrate", m.group("version"), [slot[d], p])
        slot[d] = p
    for version in sorted(by_version):
        slot = by_version[version]
        names = {naming.GOLANG_MIGRATE_RE.match(p.name).group("name") for p in slot.values()}
        if len(names) > 1:
            raise _duplicate("golang-migrate", version, sorted(slot.values()))
        first = slot.get("up") or slot["down"]
        m = naming.GOLANG_MIGRATE_RE.match(first.name)
        chain.migrations.append(Migration(
            id=f"{m.group('version')}_{m.group('name')}", version=m.group("version"), name=m.group("name"),
            up=_script(root, slot["up"], splitter=SPLIT_SERVER) if "up" in slot else None,
            down=_script(root, slot["down"], splitter=SPLIT_SERVER) if "down" in slot else None))
    return chain


# ---------------------------------------------------------------- popx


_POPX_CANONICAL = {"mariadb": "mysql", "postgresql": "postgres", "pg": "postgres", "sqlite": "sqlite3",
                   "crdb": "cockroach", "cockroachdb": "cockroach"}


def read_popx(root: Path, dialect: str = "mysql") -> Chain:
    """popx keys migrations by version; per direction, the file for ``dialect``
    wins over the dialect-less one; other dialects' files are not used."""
    chain = Chain(root=root, format=POPX)
    # version -> direction -> dbtype -> path
    table: dict[str, dict[str, dict[str, Path]]] = defaultdict(lambda: defaultdict(dict))
    other = 0
    for p in top_files(root):
        m = naming.POPX_RE.match(p.name)
        if not m:
            chain.ignored.append(p.name)
            continue
        dbtype = m.group("dialect") or "all"
        dbtype = _POPX_CANONICAL.get(dbtype, dbtype)
        if dbtype not in ("all", dialect):
            other += 1
            chain.ignored.append(p.name)
            continue
        slot = table[m.group("version")][m.group("direction")]
        if dbtype in slot:
            raise _duplicate("popx", m.group("version"), [slot[dbtype], p])
        slot[dbtype] = p
    if other:
        chain.notes.append(f"{other} file(s) for other dialects than {dialect} not used (popx dialect selection)")
    for version in sorted(table):  # popx compares versions as strings
        dirs = table[version]
        chosen = {d: (files.get(dialect) or files.get("all")) for d, files in dirs.items()}
        scripts = {}
        for d, p in chosen.items():
            if p is None:
                continue
            auto = bool(naming.POPX_RE.match(p.name).group("autocommit"))
            scripts[d] = _script(root, p, no_transaction=auto)
        first = chosen.get("up") or chosen.get("down")
        name = naming.POPX_RE.match(first.name).group("name")
        chain.migrations.append(Migration(id=f"{version}_{name}", version=version, name=name,
                                          up=scripts.get("up"), down=scripts.get("down")))
    return chain


# ---------------------------------------------------------------- goose and dbmate


_GOOSE_FILE_RE = re.compile(r"^(?P<version>\d+)_(?P<name>.*)\.sql$")
_DBMATE_FILE_RE = re.compile(r"^(?P<version>\d+)_?(?P<name>.*)\.sql$")


def read_goose(root: Path) -> Chain:
    chain = Chain(root=root, format=GOOSE)
    by_version: dict[int, Path] = {}
    for p in top_files(root):
        m = _GOOSE_FILE_RE.match(p.name)
        if not m:
            if p.suffix == ".go":
                chain.notes.append(f"{p.name}: goose Go migrations cannot be replayed, not used")
            chain.ignored.append(p.name)
            continue
        v = int(m.group("version"))
        if v in by_version:
            raise _duplicate("goose", m.group("version"), [by_version[v], p])
        by_version[v] = p
    for v in sorted(by_version):
        p = by_version[v]
        m = _GOOSE_FILE_RE.match(p.name)
        text = read_text(p)
        sections = {s.direction: s for s in goose_sections(text, file=str(p))}
        if not sections:
            # lenient: a file without annotations (a baseline written by hand) runs whole as "up"
            chain.notes.append(f"{p.name}: no -- +goose Up annotation; the whole file is its up migration")
            up, down = _script(root, p, text, splitter=SPLIT_GOOSE), None
        else:
            up = down = None
            if "up" in sections:
                s = sections["up"]
                up = _script(root, p, s.text, line=s.line, splitter=SPLIT_GOOSE, no_transaction=s.no_transaction)
            if "down" in sections:
                s = sections["down"]
                down = _script(root, p, s.text, line=s.line, splitter=SPLIT_GOOSE,
                               no_transaction=s.no_transaction)
            if up is None:
                up = _script(root, p, "", splitter=SPLIT_GOOSE)
        chain.migrations.append(Migration(id=p.name[:-4], version=m.group("version"), name=m.group("name"),
                                          up=up, down=down))
    return chain


def read_dbmate(root: Path) -> Chain:
    chain = Chain(root=root, format=DBMATE)
    files = []
    for p in top_files(root):
        m = _DBMATE_FILE_RE.match(p.name)
        if not m:
            chain.ignored.append(p.name)
            continue
        files.append(p)
    for p in sorted(files, key=lambda p: p.name):  # dbmate applies files in name order
        m = _DBMATE_FILE_RE.match(p.name)
        text = read_text(p)
        sections = {s.direction: s for s in dbmate_sections(text, file=str(p))}
        if not sections:
            chain.notes.append(f"{p.name}: no -- migrate:up annotation; the whole file is its up migration")
            up, down = _script(root, p, text, splitter=SPLIT_SERVER), None
        else:
            s = sections.get("up")
            up = (_script(root, p, s.text, line=s.line, no_transaction=s.no_transaction, splitter=SPLIT_SERVER)
                  if s else _script(root, p, ""))
            s = sections.get("down")
            down = (_script(root, p, s.text, line=s.line, no_transaction=s.no_transaction, splitter=SPLIT_SERVER)
                    if s else None)
        chain.migrations.append(Migration(id=p.name[:-4], version=m.group("version"), name=m.group("name"),
                                          up=up, down=down))
    return chain


# ---------------------------------------------------------------- Flyway


def read_flyway(root: Path) -> Chain:
    """Versioned (V), baseline (B), undo (U, the downs) and repeatable (R) migrations.

    Replaying into an empty database the way Flyway does: the newest baseline
    migration, then every versioned migration newer than it, then the
    repeatables sorted by description.
    """
    chain = Chain(root=root, format=FLYWAY)
    versioned: dict[tuple, Path] = {}
    baselines: dict[tuple, Path] = {}
    undos: dict[tuple, Path] = {}
    repeatable: list[tuple[str, Path]] = []
    for p in top_files(root):
        m = naming.FLYWAY_RE.match(p.name)
        if not m:
            chain.ignored.append(p.name)
            continue
        if m.group("rprefix"):
            repeatable.append((m.group("rdesc"), p))
            continue
        key = naming.version_tuple(m.group("version"))
        target = {"V": versioned, "B": baselines, "U": undos}[m.group("prefix")]
        if key in target:
            raise _duplicate("Flyway", ".".join(map(str, key)), [target[key], p])
        target[key] = p

    def migration(p: Path, key: tuple, *, down: Path | None) -> Migration:
        m = naming.FLYWAY_RE.match(p.name)
        version = ".".join(map(str, key))
        return Migration(id=p.name[:-4], version=version, name=m.group("desc").replace("_", " "),
                         up=_script(root, p), down=_script(root, down) if down else None)

    floor: tuple | None = None
    if baselines:
        floor = max(baselines)
        chain.migrations.append(migration(baselines[floor], floor, down=None))
        skipped = [k for k in versioned if k <= floor]
        if skipped:
            chain.notes.append(f"{len(skipped)} versioned migration(s) up to baseline "
                               f"{'.'.join(map(str, floor))} are covered by it and not replayed")
        for k in sorted(baselines):
            if k != floor:
                chain.ignored.append(baselines[k].name)
    for key in sorted(versioned):
        if floor is not None and key <= floor:
            chain.ignored.append(versioned[key].name)
            continue
        chain.migrations.append(migration(versioned[key], key, down=undos.get(key)))
    for key in undos:
        if key not in versioned:
            chain.ignored.append(undos[key].name)
    for desc, p in sorted(repeatable, key=lambda x: (x[0], x[1].name)):
        chain.migrations.append(Migration(id=p.name[:-4], version="", name=desc.replace("_", " "),
                                          up=_script(root, p)))
    return chain


# ---------------------------------------------------------------- Prisma


_PRISMA_PROVIDER_RE = re.compile(r'^\s*provider\s*=\s*"([^"]*)"', re.M)
_LEADING_VERSION_RE = re.compile(r"^(\d+)[_\-]?(.*)$")


def read_prisma(root: Path) -> Chain:
    chain = Chain(root=root, format=PRISMA)
    lock = root / "migration_lock.toml"
    if lock.is_file():
        m = _PRISMA_PROVIDER_RE.search(read_text(lock))
        if m and m.group(1).lower() not in ("mysql", "mariadb"):
            chain.notes.append(f"migration_lock.toml says provider = \"{m.group(1)}\", not mysql")
    for p in top_files(root):
        if p.name != "migration_lock.toml":
            chain.ignored.append(p.name)
    for d in top_dirs(root):  # Prisma applies folders in name order
        sql = d / "migration.sql"
        if not sql.is_file():
            chain.ignored.append(d.name + "/")
            continue
        m = _LEADING_VERSION_RE.match(d.name)
        version, name = (m.group(1), m.group(2)) if m else (d.name, d.name)
        chain.migrations.append(Migration(id=d.name, version=version, name=name,
                                          up=_script(root, sql, splitter=SPLIT_SERVER)))
        for extra in top_files(d):
            if extra.name != "migration.sql":
                chain.ignored.append(rel(root, extra))
    return chain


# ---------------------------------------------------------------- manifest folders (temporal)


#: Keys a manifest may list its files under (temporal's SQL tool reuses the Cassandra name).
MANIFEST_KEYS = ("SchemaUpdateCqlFiles", "SchemaUpdateSqlFiles", "files")


def manifest_base(root: Path) -> Path | None:
    """The folder holding ``vX.Y/manifest.json`` folders: ``root`` or ``root/versioned``."""
    for base in (root / "versioned", root):
        if base.is_dir() and any(naming.VERSION_DIR_RE.match(d.name) and (d / "manifest.json").is_file()
                                 for d in top_dirs(base)):
            return base
    return None


def read_manifest(root: Path) -> Chain:
    chain = Chain(root=root, format=MANIFEST)
    base = manifest_base(root)
    if base is None:
        raise InputError("no version folder with a manifest.json (vX.Y/manifest.json)", file=str(root))
    if base != root:
        for p in top_files(root):
            chain.ignored.append(p.name)
        for d in top_dirs(root):
            if d != base:
                chain.ignored.append(d.name + "/")
    versions = []
    for d in top_dirs(base):
        m = naming.VERSION_DIR_RE.match(d.name)
        if not m or not (d / "manifest.json").is_file():
            chain.ignored.append(rel(root, d) + "/")
            continue
        versions.append((naming.version_tuple(m.group("version")), d.name, m.group("version"), d))
    versions.sort()
    for _, _, version, d in versions:
        mf = d / "manifest.json"
        try:
            data = json.loads(read_text(mf))
        except json.JSONDecodeError as e:
            raise InputError(f"bad manifest JSON: {e.msg}", file=str(mf), line=e.lineno) from None
        files = None
        if isinstance(data, dict):
            files = next((data[k] for k in MANIFEST_KEYS if k in data), None)
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise InputError(f"manifest lists no files (expected one of {', '.join(MANIFEST_KEYS)})",
                             file=str(mf))
        listed = set()
        for f in files:
            p = d / f
            if not p.is_file():
                raise InputError(f"manifest lists {f}, which is not in {d.name}/", file=str(mf))
            listed.add(p.name)
            stem = f[:-4] if f.endswith(".sql") else f
            chain.migrations.append(Migration(id=f"{d.name}/{stem}", version=version, name=stem,
                                              up=_script(root, p)))
        for p in top_files(d):
            if p.name not in listed and p.name != "manifest.json":
                chain.ignored.append(rel(root, p))
    return chain


# ---------------------------------------------------------------- sequelize-cli


_DOWN_RE = re.compile(r"\bdown\s*(?::|\(|=)")


_UP_RE = re.compile(r"\bup\b")


def _exports_up(path: Path) -> bool:
    """A TypeScript or ESM file beside the migrations is one only if it defines an
    ``up`` (umzug folders hold helpers and types too)."""
    return bool(_UP_RE.search(read_text(path)))


def read_sequelize(root: Path) -> Chain:
    """sequelize-cli and umzug migrations (``.js``/``.cjs``, ESM ``.mjs``,
    TypeScript ``.ts``/``.mts``/``.cts``), in file-name order like both tools;
    numbered ``.sql`` files beside them (a baseline such as
    ``000_initial_schema.sql``) take their place in the same name order and run
    through baseline's executor."""
    chain = Chain(root=root, format=SEQUELIZE)
    entries = []
    for p in top_files(root):
        low = p.name.lower()
        if naming.is_js_migration(p.name) and (p.suffix.lower() in (".js", ".cjs") or _exports_up(p)):
            entries.append(p)
        elif low.endswith(".sql") and naming.parse_numbered(p.name):
            entries.append(p)
        else:
            chain.ignored.append(p.name)
    for p in sorted(entries, key=lambda p: p.name):
        if p.suffix.lower() == ".sql":
            n = naming.parse_numbered(p.name)
            chain.migrations.append(Migration(id=p.name[:-4], version=n.version, name=n.name,
                                              up=_script(root, p), kind=KIND_SQL))
            continue
        m = naming.SEQUELIZE_RE.match(p.name)
        text = read_text(p)
        down = None
        dm = _DOWN_RE.search(text)
        if dm:
            down = _script(root, p, text, line=text.count("\n", 0, dm.start()) + 1, splitter=SPLIT_NONE)
        chain.migrations.append(Migration(
            id=p.name[: -len(p.suffix)], version=(m.group("version") or "") if m else "",
            name=(m.group("name") if m else p.stem), up=_script(root, p, text, splitter=SPLIT_NONE),
            down=down, kind=KIND_SEQUELIZE_JS))
    return chain


READERS = {
    SQL: read_sql,
    GOLANG_MIGRATE: read_golang_migrate,
    POPX: read_popx,
    GOOSE: read_goose,
    DBMATE: read_dbmate,
    FLYWAY: read_flyway,
    PRISMA: read_prisma,
    MANIFEST: read_manifest,
    SEQUELIZE: read_sequelize,
}


# ---------------------------------------------------------------- what detection looks at


def marker_counts(root: Path) -> tuple[int, int, int]:
    """(goose files, dbmate files, other numbered .sql files) among ``root``'s numbered SQL files."""
    goose = dbmate = plain = 0
    for p in top_files(root):
        if p.suffix.lower() != ".sql" or not p.name[:1].isdigit():
            continue
        if naming.GOLANG_MIGRATE_RE.match(p.name):
            continue
        text = read_text(p)
        g, d = has_goose_markers(text), has_dbmate_markers(text)
        goose += g
        dbmate += d
        plain += not (g or d)
    return goose, dbmate, plain
