"""Adopting a baseline on databases that already exist, and building new ones.

* :mod:`.history` -- each migration tool's history table (layout, rows, checksums);
* :mod:`.liquibase` -- Liquibase formatted-SQL changelogs read as a chain;
* :mod:`.run` -- ``baseline adopt`` (verify, then record the chain as applied)
  and ``baseline bootstrap`` (build a fresh database from the chain, then record it).
"""
