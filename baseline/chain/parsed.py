"""A chain's up scripts, split and parsed once, for the offline walks over it.

Both the forward simulation (:mod:`.shadow`) and the inversion (:mod:`.invert`)
read every statement of every migration; parsing them once here keeps the two in
step (the same node object, the same position ``(migration, statement)``).

A statement the parser does not understand is kept with its error instead of a
node: the inverter turns it into a warning naming the file and line (its effect,
if any, is not undone), never a silent skip and never a crash. Splitting errors
(an unterminated string) are bad input and raise :class:`InputError`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..flavor import Flavor
from ..sql.ddl.nodes import Node
from ..sql.parse import parse_statement
from ..sql.split import Statement
from .migration import KIND_SEQUELIZE_JS, Migration


@dataclass
class ParsedStatement:
    #: Position in the migration (0-based).
    index: int
    statement: Statement
    node: Node | None
    #: Why the parser refused it (``node`` is then ``None``).
    error: InputError | None = None

    @property
    def line(self) -> int:
        return self.statement.line

    @property
    def text(self) -> str:
        return self.statement.text


@dataclass
class ParsedMigration:
    #: Position in the chain (0-based).
    index: int
    migration: Migration
    statements: list[ParsedStatement] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.migration.id

    @property
    def rel(self) -> str:
        """The up file, relative to the chain folder."""
        up = self.migration.up
        return (up.rel or up.path.name) if up is not None else self.migration.id

    @property
    def is_sql(self) -> bool:
        """False for sequelize-cli JavaScript migrations (no SQL to read offline)."""
        return self.migration.kind != KIND_SEQUELIZE_JS


def parse_migrations(migrations: list[Migration], flavor: Flavor) -> list[ParsedMigration]:
    """Split and parse the up script of each migration, in chain order."""
    out = []
    for i, m in enumerate(migrations):
        pm = ParsedMigration(i, m)
        if m.up is not None and m.kind != KIND_SEQUELIZE_JS:
            file = str(m.up.rel or m.up.path)
            for k, st in enumerate(m.up.statements()):
                try:
                    node = parse_statement(st.text, flavor=flavor, file=file, line=st.line)
                except InputError as e:
                    pm.statements.append(ParsedStatement(k, st, None, e))
                else:
                    pm.statements.append(ParsedStatement(k, st, node))
        out.append(pm)
    return out
