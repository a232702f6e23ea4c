"""Statement nodes: what a DDL statement *says*, before any canonicalization.

One class per statement kind. Values are kept close to the text (type names as
written, expressions as ASTs, names unquoted); turning them into the model's
canonical form is the simulator's job (:mod:`.builder` with
:mod:`baseline.engine.normalize`), because that needs context the statement does not
carry (table and database charset, existing indexes, the flavor).

Every node carries ``text`` (the statement), ``file`` and ``line`` so that
later stages (chain inversion, warnings) can point at it.

``ALTER TABLE`` holds a list of operation nodes (:class:`AddColumn`,
:class:`DropIndex`, ...). Each says exactly what it changes, by name, so that
issue 5's inversion can undo it on a model: an added column is removed by name,
a rename is undone by swapping the names, a MODIFY/CHANGE needs the old
definition from the model the inverter holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...model import Partitioning
from .expr import Expr

# --------------------------------------------------------------------------- pieces


@dataclass
class DataType:
    #: Base type name upper-cased, multi-word types joined by a space
    #: (``INT``, ``INTEGER``, ``DOUBLE PRECISION``, ``NATIONAL VARCHAR``, ``LONG VARBINARY``).
    name: str
    #: Length / precision arguments as written (``['10', '2']``).
    args: list[str] = field(default_factory=list)
    #: ENUM / SET members, unescaped.
    values: list[str] | None = None
    unsigned: bool = False
    zerofill: bool = False
    charset: str | None = None
    collation: str | None = None
    #: The ``BINARY`` attribute of a character type (means the charset's ``_bin`` collation).
    binary: bool = False
    #: MySQL 8 ``SRID n`` belongs to the column, see :class:`ColumnDef`.


@dataclass
class Reference:
    """``REFERENCES t (cols) [ON DELETE ...] [ON UPDATE ...]``."""

    table: str
    columns: list[str]
    schema: str | None = None
    on_delete: str | None = None
    on_update: str | None = None
    match: str | None = None


@dataclass
class CheckDef:
    expr: Expr
    name: str | None = None
    enforced: bool = True
    #: Source text of the expression (for messages).
    text: str = ""


@dataclass
class ColumnDef:
    name: str
    type: DataType
    #: ``True`` for NULL, ``False`` for NOT NULL, ``None`` when not said.
    nullable: bool | None = None
    #: ``DEFAULT`` expression (``None``: no DEFAULT clause).
    default: Expr | None = None
    on_update: Expr | None = None
    auto_increment: bool = False
    generated: Expr | None = None
    #: ``VIRTUAL`` / ``STORED`` (``PERSISTENT`` is stored as ``STORED``).
    generated_kind: str | None = None
    comment: str | None = None
    invisible: bool = False
    srid: int | None = None
    #: ``ROW START`` / ``ROW END`` / ``WITHOUT SYSTEM VERSIONING`` / ``WITH SYSTEM VERSIONING``.
    versioning: str | None = None
    compressed: str | None = None
    #: Inline ``PRIMARY KEY`` / ``UNIQUE [KEY]`` / ``KEY``.
    primary: bool = False
    unique: bool = False
    #: Inline ``REFERENCES`` (MariaDB makes it a foreign key, MySQL ignores it).
    references: Reference | None = None
    #: Inline ``CHECK`` constraints.
    checks: list[CheckDef] = field(default_factory=list)
    #: ``SERIAL DEFAULT VALUE``.
    serial_default: bool = False
    #: Fields of :class:`~baseline.model.Column` this definition sets as written,
    #: by name: attributes the server keeps as given and prints back, with no
    #: rule of its own (the builder copies them onto the column, for dumps,
    #: chains and MySQL's live reads alike). A new attribute of this kind needs
    #: no code here or in the builder.
    attrs: dict[str, object] = field(default_factory=dict)
    #: Other attributes that change nothing we model (ENGINE_ATTRIBUTE, ...).
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class KeyPart:
    column: str | None
    #: Functional key part ``((expr))``.
    expr: Expr | None = None
    length: int | None = None
    descending: bool = False


@dataclass
class IndexDef:
    #: ``PRIMARY``, ``UNIQUE``, ``INDEX``, ``FULLTEXT``, ``SPATIAL``.
    kind: str
    parts: list[KeyPart]
    name: str | None = None
    #: ``CONSTRAINT symbol`` before PRIMARY KEY / UNIQUE.
    constraint: str | None = None
    using: str | None = None
    parser: str | None = None
    comment: str | None = None
    #: ``False`` for INVISIBLE / IGNORED, ``True`` for VISIBLE / NOT IGNORED, ``None`` unsaid.
    visible: bool | None = None
    key_block_size: str | None = None
    #: ``ADD INDEX IF NOT EXISTS`` (MariaDB).
    if_not_exists: bool = False


@dataclass
class ForeignKeyDef:
    columns: list[str]
    ref: Reference
    #: ``CONSTRAINT symbol``.
    name: str | None = None
    #: ``FOREIGN KEY index_name (...)``.
    index_name: str | None = None
    #: ``ADD FOREIGN KEY IF NOT EXISTS`` (MariaDB).
    if_not_exists: bool = False


@dataclass
class PeriodDef:
    """``PERIOD FOR SYSTEM_TIME (start, end)`` (or an application period)."""

    name: str
    start: str
    end: str


@dataclass
class TableOptions:
    """Table options as written; keys upper-case with spaces (``DEFAULT CHARSET``
    normalized to ``CHARSET``), values as text."""

    items: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str | None:
        return self.items.get(key)

    def __bool__(self) -> bool:
        return bool(self.items)


# --------------------------------------------------------------------------- statements


@dataclass(kw_only=True)
class Node:
    """Base of every statement node."""

    text: str = field(default="", repr=False)
    file: str | None = field(default=None, repr=False)
    line: int | None = field(default=None, repr=False)

    #: Statement kind name used in messages.
    kind = "statement"

    @property
    def changes_schema(self) -> bool:
        return True


@dataclass
class CreateTable(Node):
    name: str
    schema: str | None = None
    if_not_exists: bool = False
    temporary: bool = False
    or_replace: bool = False
    #: Columns, indexes, foreign keys, checks and periods in the order written
    #: (the order decides index positions and generated names).
    elements: list = field(default_factory=list)
    options: TableOptions = field(default_factory=TableOptions)
    partitioning: Partitioning | None = None
    #: ``CREATE TABLE x LIKE y``: ``(schema, name)`` of y.
    like: tuple[str | None, str] | None = None
    #: ``CREATE TABLE ... [AS] SELECT``: the query text.
    select: str | None = None
    system_versioned: bool = False
    kind = "CREATE TABLE"

    @property
    def columns(self) -> list[ColumnDef]:
        return [e for e in self.elements if isinstance(e, ColumnDef)]

    @property
    def indexes(self) -> list[IndexDef]:
        return [e for e in self.elements if isinstance(e, IndexDef)]

    @property
    def foreign_keys(self) -> list[ForeignKeyDef]:
        return [e for e in self.elements if isinstance(e, ForeignKeyDef)]

    @property
    def checks(self) -> list[CheckDef]:
        return [e for e in self.elements if isinstance(e, CheckDef)]


# -- ALTER TABLE operations ---------------------------------------------------


@dataclass
class Position:
    """``FIRST`` (``after=None``) or ``AFTER col``."""

    after: str | None = None

    @property
    def first(self) -> bool:
        return self.after is None


@dataclass
class AlterOp:
    pass


@dataclass
class AddColumn(AlterOp):
    column: ColumnDef
    position: Position | None = None
    if_not_exists: bool = False


@dataclass
class DropColumn(AlterOp):
    name: str
    if_exists: bool = False


@dataclass
class ModifyColumn(AlterOp):
    column: ColumnDef
    position: Position | None = None
    if_exists: bool = False


@dataclass
class ChangeColumn(AlterOp):
    old_name: str
    column: ColumnDef
    position: Position | None = None
    if_exists: bool = False


@dataclass
class RenameColumn(AlterOp):
    old_name: str
    new_name: str
    if_exists: bool = False


@dataclass
class AlterColumnDefault(AlterOp):
    """``ALTER [COLUMN] c SET DEFAULT x`` (``default`` set) / ``DROP DEFAULT`` (``None``)."""

    name: str
    default: Expr | None


@dataclass
class AlterColumnVisibility(AlterOp):
    name: str
    visible: bool


@dataclass
class AddIndex(AlterOp):
    index: IndexDef
    if_not_exists: bool = False


@dataclass
class DropIndex(AlterOp):
    """``DROP INDEX|KEY name`` and ``DROP PRIMARY KEY`` (name ``PRIMARY``)."""

    name: str
    if_exists: bool = False


@dataclass
class AddForeignKey(AlterOp):
    foreign_key: ForeignKeyDef
    if_not_exists: bool = False


@dataclass
class DropForeignKey(AlterOp):
    name: str
    if_exists: bool = False


@dataclass
class AddCheck(AlterOp):
    check: CheckDef
    if_not_exists: bool = False


@dataclass
class DropConstraint(AlterOp):
    """``DROP CHECK name`` (kind ``CHECK``) or ``DROP CONSTRAINT name`` (kind
    ``CONSTRAINT``: a check, a foreign key or a unique key, whichever has it)."""

    name: str
    kind: str = "CONSTRAINT"
    if_exists: bool = False


@dataclass
class AlterCheck(AlterOp):
    """MySQL ``ALTER CHECK name [NOT] ENFORCED``."""

    name: str
    enforced: bool


@dataclass
class RenameIndex(AlterOp):
    old_name: str
    new_name: str


@dataclass
class AlterIndexVisibility(AlterOp):
    name: str
    visible: bool


@dataclass
class RenameTable(AlterOp):
    new_name: str
    new_schema: str | None = None


@dataclass
class SetTableOptions(AlterOp):
    options: TableOptions


@dataclass
class ConvertCharset(AlterOp):
    """``CONVERT TO CHARACTER SET cs [COLLATE co]``."""

    charset: str
    collation: str | None = None


@dataclass
class PartitionOp(AlterOp):
    """A partition operation. ``action`` is ``PARTITION BY`` (``partitioning``
    set), ``REMOVE PARTITIONING``, ``ADD PARTITION``, ``DROP PARTITION``,
    ``REORGANIZE PARTITION``, ``COALESCE PARTITION``, ``TRUNCATE PARTITION``,
    ``EXCHANGE PARTITION``, ``ANALYZE PARTITION``... ``text`` is the clause."""

    action: str
    text: str = ""
    partitioning: Partitioning | None = None
    #: Parsed partitions of ADD / REORGANIZE ... INTO (...).
    partitions: list = field(default_factory=list)
    #: Partition names the operation names (DROP / REORGANIZE / TRUNCATE ...).
    names: list[str] = field(default_factory=list)
    count: int | None = None


@dataclass
class AddPeriod(AlterOp):
    period: PeriodDef


@dataclass
class DropPeriod(AlterOp):
    name: str


@dataclass
class SystemVersioning(AlterOp):
    """``ADD SYSTEM VERSIONING`` (``add=True``) / ``DROP SYSTEM VERSIONING``."""

    add: bool


@dataclass
class NoOp(AlterOp):
    """Clauses that change nothing in the model: ``ALGORITHM=``, ``LOCK=``,
    ``FORCE``, ``ENABLE/DISABLE KEYS``, ``ORDER BY``, ``[WITH|WITHOUT] VALIDATION``,
    ``DISCARD/IMPORT TABLESPACE``."""

    what: str


@dataclass
class AlterTable(Node):
    name: str
    schema: str | None = None
    if_exists: bool = False
    operations: list[AlterOp] = field(default_factory=list)
    kind = "ALTER TABLE"


# -- other statements ---------------------------------------------------------


@dataclass
class CreateIndex(Node):
    """``CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name ON t (...)``."""

    table: str
    index: IndexDef
    schema: str | None = None
    if_not_exists: bool = False
    or_replace: bool = False
    kind = "CREATE INDEX"


@dataclass
class DropIndexStatement(Node):
    """``DROP INDEX name ON t``."""

    name: str
    table: str
    schema: str | None = None
    if_exists: bool = False
    kind = "DROP INDEX"


@dataclass
class Drop(Node):
    """``DROP TABLE|VIEW|TRIGGER|PROCEDURE|FUNCTION|EVENT|SEQUENCE|DATABASE``."""

    #: ``TABLE``, ``VIEW``, ``TRIGGER``, ``PROCEDURE``, ``FUNCTION``, ``EVENT``,
    #: ``SEQUENCE``, ``DATABASE``.
    object_kind: str
    #: ``(schema, name)`` pairs.
    names: list[tuple[str | None, str]]
    if_exists: bool = False
    temporary: bool = False
    kind = "DROP"


@dataclass
class RenameTables(Node):
    """``RENAME TABLE a TO b, c TO d``: ``[((schema, a), (schema, b)), ...]``."""

    pairs: list[tuple[tuple[str | None, str], tuple[str | None, str]]]
    kind = "RENAME TABLE"


@dataclass
class CreateView(Node):
    """``CREATE [OR REPLACE] ... VIEW`` and ``ALTER ... VIEW`` (``alter=True``)."""

    name: str
    #: The SELECT as written (version-comment markers removed).
    select_text: str
    schema: str | None = None
    #: The parsed SELECT (:class:`.select.Query`), ``None`` when it could not be parsed.
    query: Any = None
    or_replace: bool = False
    if_not_exists: bool = False
    alter: bool = False
    algorithm: str | None = None
    definer: str | None = None
    security: str | None = None
    columns: list[str] | None = None
    #: ``CASCADED`` / ``LOCAL`` / ``None``.
    check_option: str | None = None
    kind = "CREATE VIEW"


@dataclass
class CreateTrigger(Node):
    name: str
    table: str
    timing: str
    event: str
    body: str
    schema: str | None = None
    table_schema: str | None = None
    definer: str | None = None
    #: ``("FOLLOWS"|"PRECEDES", other trigger)``.
    order: tuple[str, str] | None = None
    or_replace: bool = False
    if_not_exists: bool = False
    #: The text from ``TRIGGER`` up to the body (FOLLOWS/PRECEDES left out), as written.
    head: str | None = None
    kind = "CREATE TRIGGER"


@dataclass
class ParamDef:
    name: str
    type: DataType
    #: ``IN``/``OUT``/``INOUT`` as written, ``None`` when not written.
    mode: str | None = None


@dataclass
class CreateRoutine(Node):
    #: ``PROCEDURE`` or ``FUNCTION``.
    routine_kind: str
    name: str
    params: list[ParamDef]
    body: str
    schema: str | None = None
    returns: DataType | None = None
    definer: str | None = None
    deterministic: bool | None = None
    data_access: str | None = None
    security: str | None = None
    comment: str | None = None
    language: str | None = None
    or_replace: bool = False
    if_not_exists: bool = False
    aggregate: bool = False
    #: The parameter list between the parentheses, as written.
    params_text: str | None = None
    kind = "CREATE ROUTINE"


@dataclass
class AlterRoutine(Node):
    routine_kind: str
    name: str
    schema: str | None = None
    deterministic: bool | None = None
    data_access: str | None = None
    security: str | None = None
    comment: str | None = None
    kind = "ALTER ROUTINE"


@dataclass
class CreateEvent(Node):
    """``CREATE EVENT`` and ``ALTER EVENT`` (``alter=True``; absent parts ``None``)."""

    name: str
    schema: str | None = None
    #: ``AT '...'`` / ``EVERY n UNIT`` (canonical spelling), ``None`` when unsaid.
    schedule: str | None = None
    starts: str | None = None
    ends: str | None = None
    preserve: bool | None = None
    status: str | None = None
    comment: str | None = None
    body: str | None = None
    definer: str | None = None
    rename_to: tuple[str | None, str] | None = None
    or_replace: bool = False
    if_not_exists: bool = False
    alter: bool = False
    kind = "CREATE EVENT"


@dataclass
class CreateSequence(Node):
    """``CREATE SEQUENCE`` and ``ALTER SEQUENCE`` (``alter=True``): only the
    options written are set."""

    name: str
    schema: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    or_replace: bool = False
    if_not_exists: bool = False
    temporary: bool = False
    alter: bool = False
    if_exists: bool = False
    kind = "CREATE SEQUENCE"


@dataclass
class CreateDatabase(Node):
    """``CREATE DATABASE`` and ``ALTER DATABASE`` (``alter=True``)."""

    name: str | None
    charset: str | None = None
    collation: str | None = None
    if_not_exists: bool = False
    or_replace: bool = False
    alter: bool = False
    comment: str | None = None
    kind = "CREATE DATABASE"


@dataclass
class Use(Node):
    name: str
    kind = "USE"


@dataclass
class Assignment:
    #: ``SESSION``, ``GLOBAL``, ``USER`` (``@x``), ``NAMES``, ``CHARSET``.
    scope: str
    #: Variable name lower-cased (``sql_mode``, ``foreign_key_checks``, ``@x``).
    name: str
    #: Value: a string literal's text, a word/number's text, or ``None`` for DEFAULT.
    value: str | None
    #: The value is an expression we did not evaluate (``@@sql_mode``, ``CONCAT(...)``).
    expression: bool = False
    #: ``SET NAMES cs COLLATE coll``: the collation.
    collation: str | None = None


@dataclass
class SetStatement(Node):
    """``SET ...`` (session state; the simulator records sql_mode, names,
    default storage engine, explicit_defaults_for_timestamp, ...)."""

    assignments: list[Assignment] = field(default_factory=list)
    kind = "SET"

    @property
    def changes_schema(self) -> bool:
        return False


@dataclass
class DataStatement(Node):
    """INSERT / UPDATE / DELETE / REPLACE / LOAD DATA / SELECT / CALL / DO /
    TRUNCATE ...: recognized, not parsed; changes no schema."""

    verb: str
    kind = "data"

    @property
    def changes_schema(self) -> bool:
        return False


@dataclass
class Other(Node):
    """A statement that changes no schema object we model and is not parsed
    further: LOCK/UNLOCK TABLES, transactions, GRANT, users, FLUSH, ANALYZE,
    SHOW, PREPARE... ``verb`` is its first words (``LOCK TABLES``, ``GRANT``)."""

    verb: str
    kind = "other"

    @property
    def changes_schema(self) -> bool:
        return False
