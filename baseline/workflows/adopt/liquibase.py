"""Liquibase formatted-SQL changelogs read as a chain (``adopt``/``bootstrap --tool liquibase``).

A formatted-SQL changelog starts with ``--liquibase formatted sql``; each
``--changeset author:id [attributes]`` line opens a changeset whose SQL runs
until the next changeset. ``--rollback`` and ``--comment`` lines are not SQL.
``endDelimiter:X`` changes the statement delimiter of one changeset and
``splitStatements:false`` keeps the changeset whole, as Liquibase does.

Every ``*.sql`` changelog of the folder is read, in file-name order (the order
a ``includeAll`` master changelog gives them). Each changeset becomes one
:class:`~baseline.chain.migration.Migration` whose script holds its statements,
so :func:`baseline.chain.replay.replay_chain` runs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...chain.layouts import read_text, rel, top_files
from ...chain.migration import SPLIT_SERVER, Chain, Migration, Script
from ...errors import InputError

LIQUIBASE = "liquibase"
HEADER_RE = re.compile(r"^\s*--\s*liquibase\s+formatted\s+sql\b", re.I)
_CHANGESET_RE = re.compile(r"^\s*--\s*changeset\s+(?P<author>[^:\s]+):(?P<id>\S+)(?P<attrs>.*)$", re.I)
_SKIP_RE = re.compile(r"^\s*--\s*(rollback|comment|precondition|validCheckSum|ignoreLines)\b", re.I)
_ATTR_RE = re.compile(r"(\w+):(\S+)")


@dataclass
class Changeset:
    author: str
    id: str
    file: Path
    rel: str
    line: int
    attributes: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def statements(self) -> list[str]:
        text = "\n".join(self.lines).strip()
        if not text:
            return []
        if self.attributes.get("splitstatements", "true").lower() == "false":
            return [text.rstrip(";").rstrip()]
        delimiter = self.attributes.get("enddelimiter", ";")
        return [s.strip() for s in text.split(delimiter) if s.strip()] if delimiter != ";" else [text]


def is_changelog(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            return bool(HEADER_RE.match(fh.readline()))
    except OSError:
        return False


def read_changesets(root: Path) -> list[Changeset]:
    """Every changeset of the formatted-SQL changelogs in ``root``, in run order."""
    out: list[Changeset] = []
    files = [p for p in top_files(root) if p.suffix.lower() == ".sql" and is_changelog(p)]
    if not files:
        raise InputError("no Liquibase formatted SQL changelog (a .sql file starting with "
                         "'--liquibase formatted sql')", file=str(root))
    for path in files:
        current: Changeset | None = None
        for n, line in enumerate(read_text(path).splitlines(), start=1):
            m = _CHANGESET_RE.match(line)
            if m:
                attrs = {k.lower(): v for k, v in _ATTR_RE.findall(m.group("attrs"))}
                current = Changeset(m.group("author"), m.group("id"), path, rel(root, path), n, attrs)
                out.append(current)
                continue
            if current is None or _SKIP_RE.match(line):
                continue
            current.lines.append(line)
    return out


def read_liquibase_chain(root: Path | str) -> Chain:
    root = Path(root)
    chain = Chain(root=root, format=LIQUIBASE)
    for cs in read_changesets(root):
        statements = cs.statements()
        text = "".join(s + ";\n" for s in statements)
        script = Script(path=cs.file, text=text, line=cs.line + 1, rel=cs.rel, splitter=SPLIT_SERVER)
        chain.migrations.append(Migration(id=f"{cs.id}::{cs.author}", version=cs.id, name=cs.id, up=script))
    return chain
