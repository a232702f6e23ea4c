"""adopt and bootstrap refuse bad arguments before touching any server."""
from __future__ import annotations

import pytest

from baseline.workflows.adopt.run import adopt, bootstrap
from baseline.errors import UsageError

from helpers import make

URL = "mysql://root@127.0.0.1:1/app"


@pytest.fixture
def chain(tmp_path):
    return make(tmp_path / "migrations", {"001_a.up.sql": "CREATE TABLE t (id INT);\n",
                                          "001_a.down.sql": "DROP TABLE t;\n"})


def test_unknown_tool(chain):
    with pytest.raises(UsageError, match="unknown --tool 'rails'"):
        adopt(chain, URL, "rails")
    with pytest.raises(UsageError, match="unknown --tool 'rails'"):
        bootstrap(chain, URL, tool="rails")


def test_url_without_database(chain):
    with pytest.raises(UsageError, match="--target names no database"):
        adopt(chain, "mysql://root@127.0.0.1:1", "golang-migrate")
    with pytest.raises(UsageError, match="--to names no database"):
        bootstrap(chain, "mysql://root@127.0.0.1:1")


def test_empty_chain(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError, match="no (golang-migrate )?migrations in"):
        adopt(empty, URL, "golang-migrate", chain_format="golang-migrate", verify=False)
    with pytest.raises(UsageError, match="no (golang-migrate )?migrations in"):
        bootstrap(empty, URL, chain_format="golang-migrate")
