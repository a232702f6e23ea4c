"""Descriptions of a comparison's sides for report headers (never with a password)."""
from __future__ import annotations

from ..model import Schema
from ..sources import source_kind
from ..connect.url import ServerURL, redact


def describe_source(spec: str, schema: Schema | None = None) -> str:
    """``mysql://app@db:3306/prod (MariaDB 10.11.19)``, ``dump prod.sql.gz (MySQL 8.0.36)``,
    ``chain migrations/ replayed on MariaDB 10.11.19``."""
    flavor = schema.flavor if schema is not None else None
    kind = source_kind(spec)
    if kind == "url":
        text = ServerURL.parse(spec).redacted()
        return f"{text} ({flavor})" if flavor else text
    if kind == "dump":
        text = "dump (standard input)" if spec == "-" else f"dump {redact(spec)}"
        return f"{text} ({flavor})" if flavor else text
    if kind == "models":
        text = f"models {redact(spec)} synced by Sequelize"
        return f"{text} on {flavor}" if flavor else text
    text = f"chain {redact(spec)} replayed"
    return f"{text} on {flavor}" if flavor else text
