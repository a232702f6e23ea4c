"""pytest plugin: a fresh database built from your migrations folder, per test.

For teams that test their app against the real schema. Installed with baseline
(entry point ``pytest11``); nothing happens until a test asks for a fixture.

Configure the folder (first found wins): the ``baseline_migrations`` marker on
the test or module, ``--baseline-migrations DIR``, or the ini option
``baseline_migrations`` (relative to the rootdir). The throwaway server is
``--baseline-scratch`` / ini ``baseline_scratch`` (``auto``, ``docker``,
``local`` or a server URL where scratch databases are created), one per session.

When no throwaway server can be started, the tests that ask for one *error* by
default, with baseline's reason and hint and no traceback: a suite that went
green by skipping every database test would hide that nothing was tested (a CI
runner without Docker, a wrong ``$BASELINE_MYSQLD``). A developer machine that
may lack a server sets the ini option ``baseline_no_server = skip`` (or passes
``--baseline-no-server skip``) to skip them instead.

A migration that fails, a folder that cannot be read as a chain, or a statement
that cannot be parsed errors the tests that use it with baseline's message
(``file:line``, the server's words, the statement), not a traceback from
baseline's own code.

Fixtures:

* ``baseline_db`` -- a new database with the whole chain applied, dropped after
  the test (function scope);
* ``baseline_db_module`` -- the same, shared by the tests of a module;
* ``baseline_server`` -- the session's throwaway server;
* ``baseline_engine`` -- a SQLAlchemy ``Engine`` bound to ``baseline_db``, for
  apps built on SQLAlchemy; disposed after the test (its pooled connections closed)
  before the database is dropped.

Each database is a :class:`BaselineDatabase`: ``.name``, ``.url`` (a
``mysql://`` URL string for your app, password included), ``.server_url`` (the
redacted :class:`~baseline.connect.url.ServerURL`; its ``sqlalchemy_url()`` is
what ``baseline_engine`` is made from) and ``.connect()`` (PyMySQL).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

MARKER = "baseline_migrations"
#: What a test asking for a database does when no throwaway server can be started.
NO_SERVER = ("error", "skip")


def pytest_addoption(parser):
    group = parser.getgroup("baseline", "databases built from a migrations folder")
    group.addoption("--baseline-migrations", dest="baseline_migrations", default=None,
                    help="migrations folder the baseline_db fixture builds databases from")
    group.addoption("--baseline-scratch", dest="baseline_scratch", default=None,
                    help="throwaway server: auto, docker, local, or a server URL")
    group.addoption("--baseline-no-server", dest="baseline_no_server", default=None, choices=NO_SERVER,
                    help="when no throwaway server can be started: error (default) or skip the tests")
    parser.addini("baseline_migrations", "migrations folder for the baseline_db fixture", default="")
    parser.addini("baseline_scratch", "throwaway server for the baseline_db fixture", default="auto")
    parser.addini("baseline_no_server", "when no throwaway server can be started: error (default) or skip",
                  default="error")
    parser.addini("baseline_chain_format", "chain format of the migrations folder (default: detected)",
                  default="")


def pytest_configure(config):
    config.addinivalue_line("markers", f"{MARKER}(path): build baseline_db from this migrations folder")


@dataclass
class BaselineDatabase:
    name: str
    server: object
    #: Where it came from (the migrations folder).
    migrations: Path
    #: Migration ids applied, in order.
    applied: list

    @property
    def server_url(self):
        return self.server.url.with_database(self.name)

    @property
    def url(self) -> str:
        """``mysql://user:pass@host:port/name`` for the app under test (holds the password)."""
        return self.server_url.unredacted()

    def connect(self, **kw):
        return self.server.connect(self.name, **kw)


def _migrations(request) -> Path:
    marker = request.node.get_closest_marker(MARKER)
    config = request.config
    if marker is not None and marker.args:
        value, base = marker.args[0], Path(str(request.node.path)).parent
    elif config.getoption("baseline_migrations"):
        value, base = config.getoption("baseline_migrations"), Path.cwd()
    elif config.getini("baseline_migrations"):
        value, base = config.getini("baseline_migrations"), Path(str(config.rootpath))
    else:
        raise pytest.UsageError("baseline_db needs a migrations folder: set the ini option baseline_migrations, "
                                "pass --baseline-migrations DIR, or mark the test "
                                "@pytest.mark.baseline_migrations('path')")
    path = Path(value)
    return path if path.is_absolute() else (base / path).resolve()


@pytest.fixture(scope="session")
def baseline_server(request):
    """The session's throwaway server (started on first use, stopped at the end)."""
    from baseline.errors import BaselineError, EnvironmentProblem
    from baseline.scratch import open_scratch

    config = request.config
    spec = config.getoption("baseline_scratch") or config.getini("baseline_scratch") or "auto"
    when_missing = config.getoption("baseline_no_server") or config.getini("baseline_no_server") or "error"
    if when_missing not in NO_SERVER:
        raise pytest.UsageError(f"baseline_no_server = {when_missing}: expected one of {', '.join(NO_SERVER)}")
    try:
        server = open_scratch(spec)
        server.__enter__()
    except EnvironmentProblem as e:
        message = f"baseline: no throwaway server: {e}"
        if when_missing == "skip":
            pytest.skip(message)
        pytest.fail(f"{message}\n(set baseline_no_server = skip in the ini file to skip these tests instead)",
                    pytrace=False)
    except BaselineError as e:  # a --baseline-scratch value that is no server spec
        pytest.fail(f"baseline: {e}", pytrace=False)
    yield server
    server.__exit__(None, None, None)


def _build(request, server):
    from baseline.workflows.adopt.run import chain_charset
    from baseline.chain.read import read_chain
    from baseline.chain.replay import MigrationFailed, replay_chain
    from baseline.errors import BaselineError

    folder = _migrations(request)
    try:
        chain = read_chain(folder, request.config.getini("baseline_chain_format") or None)
        charset, collation = chain_charset(chain)
    except BaselineError as e:
        pytest.fail(f"baseline: {e}", pytrace=False)
    with server.database(charset=charset, collation=collation, prefix="baseline_test") as name:
        try:
            result = replay_chain(chain, server, name, progress=False)
        except MigrationFailed as e:
            failure = e.without_database(str(e))
        except BaselineError as e:
            failure = str(e)
        else:
            failure = None
        if failure is not None:  # failed outside the except block: no chained traceback in the report
            pytest.fail(f"baseline: {failure}", pytrace=False)
        yield BaselineDatabase(name=name, server=server, migrations=folder, applied=result.applied)


@pytest.fixture
def baseline_db(request, baseline_server):
    """A fresh database with the whole migration chain applied; dropped after the test."""
    yield from _build(request, baseline_server)


@pytest.fixture(scope="module")
def baseline_db_module(request, baseline_server):
    """Like ``baseline_db``, built once and shared by the tests of a module."""
    yield from _build(request, baseline_server)


@pytest.fixture
def baseline_engine(baseline_db):
    """A SQLAlchemy engine on ``baseline_db`` (password masked in its repr); disposed
    after the test, so no pooled connection outlives the database."""
    from sqlalchemy import create_engine

    engine = create_engine(baseline_db.server_url.sqlalchemy_url())
    try:
        yield engine
    finally:
        engine.dispose()
