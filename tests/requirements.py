"""What a test needs from the machine beyond pip, and what a missing piece does.

On a developer's machine a test whose requirement is absent skips, saying what is
missing and how to get it. In CI (``.ci/run``) ``BASELINE_REQUIRE_<KIND>=1`` is set
for every kind below, and the same test fails instead: a CI machine that lost a
requirement must not pass by skipping the tests that need it.

Kinds (the variable is ``BASELINE_REQUIRE_`` + kind):

* ``SERVER``: ``mariadbd``/``mysqld``, the ``mariadb``/``mysql`` client and
  ``mariadb-dump``/``mysqldump`` (Debian: mariadb-server, mariadb-client);
* ``DOCKER``: an engine that answers, and the local test images (``make test-image``:
  MariaDB 10.11, MySQL 9.7, MariaDB 11.8);
* ``NODE``: Node and the sequelize-cli packages (``tests/provision.sh``);
* ``TOOLS``: dbmate and Liquibase (``tests/provision.sh``);
* ``C``: the dump splitter's C extension (built by ``pip install`` with a compiler);
* ``CORPUS``: the shared corpus (``../shared/corpus`` or ``BASELINE_CORPUS``).
"""
from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

KINDS = ("SERVER", "DOCKER", "NODE", "TOOLS", "C", "CORPUS")


def required(kind: str) -> bool:
    """True where ``BASELINE_REQUIRE_<kind>=1`` (CI): a missing piece then fails."""
    assert kind in KINDS, kind
    return os.environ.get(f"BASELINE_REQUIRE_{kind}") == "1"


def missing(kind: str, reason: str) -> NoReturn:
    """Skip the test for ``reason``, or fail it where the kind is required."""
    if required(kind):
        pytest.fail(f"BASELINE_REQUIRE_{kind}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def server_binary() -> str:
    """The ``mariadbd``/``mysqld`` local throwaway servers run."""
    from baseline.scratch.local import find_server_binary

    found = find_server_binary()
    if found is None:
        missing("SERVER", "no mariadbd/mysqld on PATH (apt-get install mariadb-server)")
    return found


def client() -> str:
    """The ``mariadb``/``mysql`` command-line client."""
    found = shutil.which("mariadb") or shutil.which("mysql")
    if found is None:
        missing("SERVER", "no mariadb/mysql client on PATH (apt-get install mariadb-client)")
    return found


def dump_tool() -> str:
    """``mariadb-dump``/``mysqldump``."""
    found = shutil.which("mariadb-dump") or shutil.which("mysqldump")
    if found is None:
        missing("SERVER", "no mariadb-dump/mysqldump on PATH (apt-get install mariadb-client)")
    return found


#: Decorator or ``pytestmark`` for tests that start local servers themselves.
needs_server_binary = pytest.mark.usefixtures("server_binary")
