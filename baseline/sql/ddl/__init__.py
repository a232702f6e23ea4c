"""The offline DDL parser and simulator (see :mod:`baseline.sql.parse` for the API)."""
