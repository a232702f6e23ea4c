"""Offline DDL: parse MySQL/MariaDB statements into nodes.

The public API other modules call:

* :func:`parse_statement` ``(text, *, flavor, file=None, line=None, sql_mode=None) -> Node``:
  one statement into a node (:mod:`baseline.sql.ddl.nodes`: :class:`CreateTable`,
  :class:`AlterTable` with its operations, :class:`CreateView`, ...). Statements
  that change no schema are :class:`DataStatement` (INSERT/UPDATE/DELETE/...)
  or :class:`Other` (transactions, GRANT, LOCK TABLES...): recognized, not
  parsed, safe to ignore. Anything else that cannot be understood raises
  :class:`~baseline.errors.InputError` with file, line and an excerpt.

Applying a statement to a schema as the server would (``SchemaBuilder``,
``schema_from_statements``) is the engine's: :mod:`baseline.engine.builder`.
"""
from __future__ import annotations

from .ddl.nodes import (AddCheck, AddColumn, AddForeignKey, AddIndex, AddPeriod, AlterCheck,
                        AlterColumnDefault, AlterColumnVisibility, AlterIndexVisibility, AlterOp,
                        AlterRoutine, AlterTable, Assignment, ChangeColumn, CheckDef, ColumnDef,
                        ConvertCharset, CreateDatabase, CreateEvent, CreateIndex, CreateRoutine,
                        CreateSequence, CreateTable, CreateTrigger, CreateView, DataStatement, DataType,
                        Drop, DropColumn, DropConstraint, DropForeignKey, DropIndex, DropIndexStatement,
                        DropPeriod, ForeignKeyDef, IndexDef, KeyPart, ModifyColumn, Node, NoOp, Other,
                        ParamDef, PartitionOp, PeriodDef, Position, Reference, RenameColumn, RenameIndex,
                        RenameTable, RenameTables, SetStatement, SetTableOptions, SystemVersioning,
                        TableOptions, Use)
from .ddl.parser import parse_statement

__all__ = [
    "parse_statement",
    "Node", "CreateTable", "AlterTable", "AlterOp", "CreateIndex", "DropIndexStatement", "Drop",
    "RenameTables", "CreateView", "CreateTrigger", "CreateRoutine", "AlterRoutine", "CreateEvent",
    "CreateSequence", "CreateDatabase", "Use", "SetStatement", "Assignment", "DataStatement", "Other",
    "AddColumn", "DropColumn", "ModifyColumn", "ChangeColumn", "RenameColumn", "AlterColumnDefault",
    "AlterColumnVisibility", "AddIndex", "DropIndex", "AddForeignKey", "DropForeignKey", "AddCheck",
    "DropConstraint", "AlterCheck", "RenameIndex", "AlterIndexVisibility", "RenameTable",
    "SetTableOptions", "ConvertCharset", "PartitionOp", "AddPeriod", "DropPeriod", "SystemVersioning",
    "NoOp", "Position", "ColumnDef", "DataType", "IndexDef", "KeyPart", "ForeignKeyDef", "Reference",
    "CheckDef", "PeriodDef", "TableOptions", "ParamDef",
]
