"""Shared fixtures: real throwaway servers (never mocks) and the shared corpus.

A missing server binary or corpus skips here and fails in CI (``requirements.py``).

Test modules live in folders mirroring ``baseline/`` (``tests/engine/`` holds the
engine's pure tests, ``tests/sources/`` the readers', ...); the shared helper
modules (``helpers``, ``servers``, ``legacy``, ...) live here. Every test folder
is on ``sys.path`` from the start, so a module imports another's cases by its
name (``from test_live import FEATURES``) whatever order they are collected in;
test module names are unique across folders."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

for _folder in sorted(Path(__file__).resolve().parent.iterdir()):
    if _folder.is_dir() and any(_folder.glob("test_*.py")) and str(_folder) not in sys.path:
        sys.path.append(str(_folder))
import password_watch
from baseline.scratch.local import LocalServer
from requirements import missing, server_binary as _server_binary

password_watch.install()

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = Path(os.environ.get("BASELINE_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus``; tests using it skip where it is absent (a user's clone)."""
    if not (CORPUS / "INDEX.md").is_file():
        missing("CORPUS", f"shared corpus not found at {CORPUS} (set BASELINE_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def server_binary() -> str:
    """The ``mariadbd``/``mysqld`` on this machine (tests that start servers themselves)."""
    return _server_binary()


@pytest.fixture(scope="session")
def server(server_binary):
    """One local MariaDB/MySQL server for the session (a real process)."""
    with LocalServer() as srv:
        yield srv


@pytest.fixture(scope="session")
def scratch_server(server_binary):
    """A second local server for the session, apart from ``server``: commands under
    test use it as their throwaway server (``--scratch <its URL>``) while
    ``server`` plays production, so neither side sees the other's databases."""
    with LocalServer() as srv:
        yield srv


@pytest.fixture(scope="session")
def node_env():
    """Node with the sequelize-cli packages (``tests/provision.sh`` installs them)."""
    from baseline.chain.nodeenv import ensure_node_env
    from baseline.errors import EnvironmentProblem

    try:
        return ensure_node_env()
    except EnvironmentProblem as e:
        missing("NODE", f"sequelize-cli runtime unavailable: {e}")


@pytest.fixture
def scratch_db(server):
    """A fresh utf8mb4 database on the session server, dropped afterwards."""
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as name:
        yield name


@pytest.fixture(scope="session")
def pairs():
    """``pairs(key)``: a :class:`servers.Pair` of one flavor of the server matrix
    (``servers.MATRIX``), started on first use and kept for the session."""
    import contextlib

    from servers import started_pair

    cache = {}
    with contextlib.ExitStack() as stack:
        def get(key: str):
            if key not in cache:
                cache[key] = stack.enter_context(started_pair(key))
            return cache[key]

        yield get


@pytest.fixture(scope="session")
def productions(pairs, corpus, node_env):
    """``productions(key, name)``: a corpus chain replayed as production (:mod:`test_matrix_chains`)."""
    from test_matrix_chains import productions_builder

    return productions_builder(pairs, corpus, node_env)


@pytest.fixture(scope="session")
def production(pairs, node_env):
    """``production(key)``: the legacy app's production on that server (:mod:`test_models_source`)."""
    from test_models_source import legacy_production_builder

    return legacy_production_builder(pairs, node_env)


def pytest_sessionfinish(session, exitstatus):
    """The grep of every baseline output and file of the run for its passwords."""
    password_watch.session_finish(session)
