"""Shared fixtures: real throwaway servers (never mocks) and the shared corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from baseline.scratch.local import LocalServer, find_server_binary

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = Path(os.environ.get("BASELINE_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus``; tests using it skip where it is absent (a user's clone)."""
    if not (CORPUS / "INDEX.md").is_file():
        pytest.skip(f"shared corpus not found at {CORPUS} (set BASELINE_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def server():
    """One local MariaDB/MySQL server for the session (a real process)."""
    if find_server_binary() is None:
        pytest.skip("no mariadbd/mysqld on PATH (apt-get install mariadb-server)")
    with LocalServer() as srv:
        yield srv


@pytest.fixture(scope="session")
def scratch_server():
    """A second local server for the session, apart from ``server``: commands under
    test use it as their throwaway server (``--scratch <its URL>``) while
    ``server`` plays production, so neither side sees the other's databases."""
    if find_server_binary() is None:
        pytest.skip("no mariadbd/mysqld on PATH (apt-get install mariadb-server)")
    with LocalServer() as srv:
        yield srv


@pytest.fixture(scope="session")
def node_env():
    """The Node.js runtime with sequelize-cli that baseline installs for sequelize
    chains; a skip where it cannot be had (a failure with BASELINE_REQUIRE_NODE)."""
    from baseline.chain.nodeenv import ensure_node_env
    from baseline.errors import EnvironmentProblem

    try:
        return ensure_node_env()
    except EnvironmentProblem as e:
        if os.environ.get("BASELINE_REQUIRE_NODE"):
            raise
        pytest.skip(f"sequelize-cli runtime unavailable: {e}")


@pytest.fixture
def scratch_db(server):
    """A fresh utf8mb4 database on the session server, dropped afterwards."""
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as name:
        yield name
