"""What the walk back knows of a table at some point of a chain: the table as
the chain's own statements left it, and which of its parts they defined (a
table that existed before the chain is a stub: only what the chain put into it
is known). Built forward by :mod:`baseline.chain.shadow`, read by the undo of
each operation (:mod:`.undo`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Column, Table, fold  # noqa: F401 - fold: the chain's modules take it from here

#: Type of a ghost column: a definition no statement of the chain gave. Also
#: the type of a placeholder column (see :mod:`.placeholders`): holds any value
#: a data statement may write, and any index or key may cover it.
GHOST_TYPE = "varchar(255)"


@dataclass
class TableState:
    """A table as the chain knew it at some point."""

    table: Table
    #: True when the table existed before the chain: only what the chain put
    #: into it is known (its other columns, keys and options are not).
    stub: bool
    #: Columns (casefolded names) present because a statement named them, with no
    #: known definition.
    ghosts: frozenset[str] = frozenset()
    #: For a stub: table attributes the chain set (``engine``, ``charset``,
    #: ``comment``, ``row_format``, ``partitioning``, ``option:<key>``).
    known: frozenset[str] = frozenset()
    #: The table's triggers the chain created (a DROP TABLE drops them too).
    triggers: list = field(default_factory=list)
    #: Implicit (foreign-key generated) indexes, casefolded names.
    implicit: frozenset[str] = frozenset()

    def column(self, name: str) -> Column | None:
        """The column if its definition is known."""
        c = self.table.column(name)
        return None if c is None or c.key in self.ghosts else c

    def has_column(self, name: str) -> bool:
        return self.table.column(name) is not None

    def knows(self, attribute: str) -> bool:
        return not self.stub or attribute in self.known


def option_attribute(option_key: str) -> str:
    """The :class:`TableState` attribute a table option sets."""
    key = option_key.upper()
    if key in ("CHARSET", "COLLATE"):
        return "charset"
    if key in ("ENGINE", "COMMENT", "ROW_FORMAT", "AUTO_INCREMENT"):
        return key.lower()
    return "option:" + key.lower().replace(" ", "_")
