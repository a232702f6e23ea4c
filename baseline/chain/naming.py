"""File-name grammars of the chain formats and the sort keys their tools use.

Kept apart from the readers so the rules ("2 before 10", Flyway's 1.1 == 1_1,
popx's string order) are in one small, tested place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------- plain numbered SQL

#: ``001_x.sql``, ``1_x.sql``, ``1.2_x.sql``, ``V1.2__x.sql``, ``0001-x.sql``, ``12.sql``.
NUMBERED_RE = re.compile(r"^(?P<prefix>[Vv]?)(?P<version>\d+(?:\.\d+)*)(?:(?P<sep>__|[_\-. ])(?P<name>.*?))?\.sql$")

# ---------------------------------------------------------------- up/down file pairs

#: golang-migrate: ``{version}_{title}.{up|down}.{ext}`` (title may hold dots).
GOLANG_MIGRATE_RE = re.compile(r"^(?P<version>\d+)_(?P<name>.+?)\.(?P<direction>up|down)\.sql$")

#: popx: ``<version>_<name>[.<dialect>][.autocommit].(up|down).sql`` (name has no dots).
POPX_RE = re.compile(
    r"^(?P<version>\d+)_(?P<name>[^.]+)(?:\.(?P<dialect>[a-z0-9]+))??(?P<autocommit>\.autocommit)?"
    r"\.(?P<direction>up|down)\.sql$")

#: Dialects popx knows; a ``.mysql.`` segment is what tells popx from golang-migrate.
POPX_DIALECTS = ("mysql", "postgres", "cockroach", "sqlite3", "sqlite", "mariadb")

# ---------------------------------------------------------------- Flyway

#: ``V1__x.sql``, ``V1_1__x.sql``, ``V1.2.3__x.sql``, ``B5__x.sql``, ``U1__x.sql``, ``R__x.sql``.
FLYWAY_RE = re.compile(r"^(?P<prefix>[VBU])(?P<version>\d+(?:[._]\d+)*)__(?P<desc>.*)\.sql$"
                       r"|^(?P<rprefix>R)__(?P<rdesc>.+)\.sql$")

# ---------------------------------------------------------------- sequelize-cli

#: sequelize-cli reads every ``.js``/``.cjs`` file of the folder (umzug's pattern);
#: ``YYYYMMDDHHMMSS-name.js`` is what ``migration:generate`` writes. umzug chains
#: are also ESM (``.mjs``) and TypeScript (``.ts``, ``.mts``, ``.cts``).
SEQUELIZE_RE = re.compile(r"^(?P<version>\d+)?[-_]?(?P<name>.*?)\.(?P<ext>c?js|mjs|[cm]?ts)$")

#: File endings of JavaScript migrations (``.d.ts`` declarations are not migrations).
JS_ENDINGS = (".js", ".cjs", ".mjs", ".ts", ".mts", ".cts")


def is_js_migration(name: str) -> bool:
    low = name.lower()
    return low.endswith(JS_ENDINGS) and not low.endswith((".d.ts", ".d.mts", ".d.cts"))

# ---------------------------------------------------------------- manifest dirs

#: Temporal's version folders: ``v1.0``, ``v1.19``, ``v2``.
VERSION_DIR_RE = re.compile(r"^v(?P<version>\d+(?:\.\d+)*)$")


def version_tuple(text: str) -> tuple[int, ...]:
    """``"1.10"`` -> ``(1, 10)``; ``"1_1"`` -> ``(1, 1)``; trailing zeros dropped
    so that ``1`` and ``1.0`` are the same version (as Flyway and temporal see it)."""
    parts = [int(p) for p in re.split(r"[._]", text) if p != ""]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key putting ``2`` before ``10`` inside any text (``a2b`` < ``a10b``)."""
    out: list = []
    for i, part in enumerate(_DIGITS.split(text)):
        if i % 2:
            out.append((1, int(part), part))
        elif part:
            out.append((0, part.casefold(), part))
    return tuple(out)


@dataclass(frozen=True)
class NumberedName:
    version: str
    name: str

    @property
    def sort_key(self) -> tuple:
        return (version_tuple(self.version), natural_key(self.name))


def parse_numbered(filename: str) -> NumberedName | None:
    """Version and name of a plain numbered SQL file name, or ``None``."""
    m = NUMBERED_RE.match(filename)
    if not m:
        return None
    return NumberedName(m.group("version"), m.group("name") or "")


