"""A racy JavaScript chain: verify names the migrations whose concurrent
statements touch one table, on every run, and says when the chain itself is not
deterministic (issue 18).

The racy migration adds six columns to one table inside ``Promise.all``, in an
order shuffled on every run: the columns land in whatever order the ALTERs
reach the server. Production is one run; each replay is another.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.cli import cli
from helpers import make

BASE = """'use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('CREATE TABLE items (id INT NOT NULL PRIMARY KEY)');
    await queryInterface.sequelize.query('CREATE TABLE calm (id INT NOT NULL PRIMARY KEY)');
  },
};
"""

RACY = """'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].sort(() => Math.random() - 0.5);
    await Promise.all(names.map((n) => queryInterface.addColumn('items', n, { type: Sequelize.INTEGER })));
  },
};
"""

CALM = """'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    // concurrent, but on two different tables: nothing depends on their order
    await Promise.all([queryInterface.addColumn('calm', 'x', { type: Sequelize.INTEGER }),
                       queryInterface.addIndex('items', ['id'], { name: 'items_again' })]);
  },
};
"""


def invoke(*argv):
    return CliRunner().invoke(cli, [str(a) for a in argv], catch_exceptions=False)


@pytest.fixture
def racy(node_env, server, tmp_path):
    chain = make(tmp_path / "migrations", {"20240101000000-base.js": BASE, "20240101000001-racy.js": RACY,
                                           "20240101000002-calm.js": CALM})
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="racyprod") as prod:
        replay_chain(read_chain(chain), server, prod, progress=False)
        yield chain, str(server.url.with_database(prod))


@pytest.mark.parametrize("attempt", [1, 2])
def test_verify_names_the_racing_migration_and_table_every_time(racy, scratch_server, attempt):
    chain, prod = racy
    r = invoke("verify", "--migrations", chain, "--against", prod,
               "--scratch", scratch_server.url.with_database(None), "--repeat", "3")
    assert r.exit_code in (0, 1), r.output
    assert "concurrent statements (Promise.all) on one table" in r.output, r.output
    assert "migration 20240101000001-racy (items)" in r.output, r.output
    assert "20240101000002-calm" not in r.output.split("concurrent statements")[1].split("\n")[0]
    # six columns in a shuffled order: three replays all alike is a 1 in 518,400 chance
    assert "the chain itself is not deterministic" in r.output, r.output
    assert "Migrations whose concurrent statements touched the same table: 20240101000001-racy (items)" in r.output
    if r.exit_code == 1:  # a difference on the raced table is blamed on the race, not on the calm migration
        assert "table items  (last touched by" in r.output and "20240101000001-racy.js)" in r.output, r.output


def test_a_chain_without_races_is_replayed_once(node_env, server, scratch_server, tmp_path):
    chain = make(tmp_path / "migrations", {"20240101000000-base.js": BASE, "20240101000002-calm.js": CALM})
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci", prefix="calmprod") as prod:
        replay_chain(read_chain(chain), server, prod, progress=False)
        r = invoke("verify", "--migrations", chain, "--against", server.url.with_database(prod),
                   "--scratch", scratch_server.url.with_database(None))
    assert r.exit_code == 0, r.output
    assert "concurrent" not in r.output and "not deterministic" not in r.output
