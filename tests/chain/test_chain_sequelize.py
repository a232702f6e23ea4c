"""sequelize-cli JavaScript migrations replayed for real (Node + sequelize-cli + mysql2).

The chain mirrors the user's app: tables first created by ``sequelize.sync()``
(here a SQL baseline, ``000_initial_schema.sql``), then sequelize-cli
migrations that alter them and add new ones. Skips when Node/npm cannot
provide the packages, unless ``BASELINE_REQUIRE_NODE=1`` (CI) makes that a failure.
"""
from __future__ import annotations

import tempfile

import pytest

from baseline.chain.nodeenv import is_installed, node_dir
from baseline.chain.read import read_chain
from baseline.chain.replay import MigrationFailed, replay_chain
from baseline.scratch.remote import RemoteServer

from helpers import make, query


BASELINE_SQL = """\
CREATE TABLE `accounts` (
  `id` VARCHAR(255) NOT NULL,
  `email` VARCHAR(255) NOT NULL UNIQUE,
  `name` VARCHAR(255) NOT NULL,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
CREATE TABLE `tenants` (
  `id` CHAR(36) BINARY NOT NULL,
  `displayName` VARCHAR(255) NOT NULL,
  `createdBy` VARCHAR(255) NOT NULL,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`),
  FOREIGN KEY (`createdBy`) REFERENCES `accounts` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB;
CREATE TABLE `apps` (
  `id` VARCHAR(255) NOT NULL,
  `name` VARCHAR(255) NOT NULL,
  `accountId` VARCHAR(255),
  `tenantId` CHAR(36) BINARY,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`),
  FOREIGN KEY (`accountId`) REFERENCES `accounts` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  FOREIGN KEY (`tenantId`) REFERENCES `tenants` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB;
"""

UNIFIED = """\
'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('accounts', 'ssoId', { type: Sequelize.STRING, allowNull: true });
    await queryInterface.addColumn('accounts', 'firstName', { type: Sequelize.STRING });
    await queryInterface.addColumn('accounts', 'lastName', { type: Sequelize.STRING });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('accounts', 'lastName');
    await queryInterface.removeColumn('accounts', 'firstName');
    await queryInterface.removeColumn('accounts', 'ssoId');
  },
};
"""

RELEASES = """\
'use strict';
const { DataTypes } = require('sequelize');  // resolved from baseline's cache via NODE_PATH
const table = 'releases';

module.exports = {
  up: async (queryInterface) => {
    await queryInterface.createTable(table, {
      id: { type: DataTypes.STRING, primaryKey: true },
      appId: {
        type: DataTypes.STRING, allowNull: false,
        references: { model: 'apps', key: 'id' }, onDelete: 'CASCADE',
      },
      tenantId: { type: DataTypes.UUID, references: { model: 'tenants', key: 'id' }, onDelete: 'SET NULL' },
      version: { type: DataTypes.STRING(32), allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    });
    await queryInterface.addIndex(table, ['appId', 'version'], { unique: true, name: 'releases_app_version' });
  },
  down: async (queryInterface) => {
    await queryInterface.dropTable(table);
  },
};
"""

RAW_SQL = """\
'use strict';
module.exports = {
  up: async (queryInterface) => {
    await queryInterface.sequelize.query(`
      CREATE TABLE IF NOT EXISTS tenant_scm_integrations (
        id VARCHAR(255) PRIMARY KEY,
        tenantId CHAR(36) NOT NULL,
        provider VARCHAR(32) NOT NULL
      )`);
  },
  down: async (queryInterface) => {
    await queryInterface.sequelize.query('DROP TABLE tenant_scm_integrations');
  },
};
"""

JS_FILES = {
    "20240101000000-unified-architecture.js": UNIFIED,
    "20240102000000-release-management.js": RELEASES,
    "20240103000000-tenant-scm-integrations.cjs": RAW_SQL,
}


@pytest.fixture
def app_chain(tmp_path):
    return make(tmp_path / "migrations", {"000_initial_schema.sql": BASELINE_SQL, **JS_FILES})


def test_node_runtime_is_installed_in_the_cache(node_env):
    assert node_env.root == node_dir() and is_installed()
    assert node_env.sequelize_cli.exists()


def test_sql_baseline_then_js_migrations_replay_for_real(node_env, server, scratch_db, app_chain):
    chain = read_chain(app_chain)
    assert chain.format == "sequelize" and [m.kind for m in chain][:2] == ["sql", "sequelize-js"]
    r = replay_chain(chain, server, scratch_db, progress=False)
    assert r.applied == chain.ids
    names = sorted(x[0] for x in query(server, scratch_db, "SHOW TABLES"))
    assert names == ["SequelizeMeta", "accounts", "apps", "releases", "tenant_scm_integrations", "tenants"]
    meta = [x[0] for x in query(server, scratch_db, "SELECT name FROM SequelizeMeta ORDER BY name")]
    assert meta == sorted(JS_FILES)  # the SQL baseline is not a sequelize-cli migration
    cols = [x[0] for x in query(server, scratch_db, "SHOW COLUMNS FROM accounts")]
    assert cols[-3:] == ["ssoId", "firstName", "lastName"]
    fks = query(server, scratch_db,
             "SELECT REFERENCED_TABLE_NAME, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS "
             "WHERE CONSTRAINT_SCHEMA = %s AND TABLE_NAME = 'releases' ORDER BY 1", (scratch_db,))
    assert fks == [("apps", "CASCADE"), ("tenants", "SET NULL")]
    idx = query(server, scratch_db, "SHOW INDEX FROM releases WHERE Key_name = 'releases_app_version'")
    assert [x[4] for x in idx] == ["appId", "version"] and idx[0][1] == 0  # unique

    t = r.touched
    acc = t[("table", "accounts")]
    assert (acc.migration, acc.path, acc.line) == ("20240101000000-unified-architecture",
                                                   "20240101000000-unified-architecture.js", 8)
    rel = t[("table", "releases")]
    assert (rel.migration, rel.line) == ("20240102000000-release-management", 18)  # the addIndex call
    scm = t[("table", "tenant_scm_integrations")]
    assert (scm.migration, scm.line) == ("20240103000000-tenant-scm-integrations", 4)
    assert t[("table", "tenants")].migration == "000_initial_schema"
    assert t[("table", "SequelizeMeta")].migration == "20240101000000-unified-architecture"


def test_js_downs_walk_back_to_the_baseline(node_env, server, scratch_db, app_chain):
    chain = read_chain(app_chain)
    replay_chain(chain, server, scratch_db, progress=False)
    before_js = None
    with server.database() as ref:
        replay_chain(chain, server, ref, upto=1, progress=False)
        before_js = query(server, ref, "SHOW CREATE TABLE accounts")[0][1]
    r = replay_chain(chain.slice(1), server, scratch_db, direction="down", progress=False)
    assert r.applied == [m.id for m in reversed(chain.migrations[1:])]
    names = sorted(x[0] for x in query(server, scratch_db, "SHOW TABLES"))
    assert names == ["SequelizeMeta", "accounts", "apps", "tenants"]
    assert query(server, scratch_db, "SELECT COUNT(*) FROM SequelizeMeta")[0][0] == 0
    assert query(server, scratch_db, "SHOW CREATE TABLE accounts")[0][1] == before_js
    assert r.touched[("table", "accounts")].line == 14  # the last removeColumn('accounts', …) in down()


def test_js_downs_on_a_database_loaded_from_elsewhere(node_env, server, scratch_db, app_chain):
    """Production's schema has no SequelizeMeta rows: baseline records them, undoes, cleans up."""
    chain = read_chain(app_chain)
    with server.database() as prod:
        replay_chain(chain, server, prod, progress=False)
        query(server, prod, "DROP TABLE SequelizeMeta")
        for (name,) in query(server, prod, "SHOW TABLES"):
            ddl = query(server, prod, f"SHOW CREATE TABLE `{name}`")[0][1]
            conn = server.connect(scratch_db)
            with conn.cursor() as cur:
                cur.execute("SET FOREIGN_KEY_CHECKS = 0")
                cur.execute(ddl)
            conn.close()
    replay_chain(chain.slice(1), server, scratch_db, direction="down", progress=False)
    names = sorted(x[0] for x in query(server, scratch_db, "SHOW TABLES"))
    assert names == ["accounts", "apps", "tenants"]  # SequelizeMeta created for the undo, dropped again


def test_a_failing_js_migration_names_file_line_and_server_error(node_env, server, scratch_db, app_chain):
    make(app_chain, {"20240104000000-broken.js": """\
'use strict';
module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn('apps', 'platform', { type: Sequelize.STRING });
    await queryInterface.addColumn('no_such_table', 'x', { type: Sequelize.STRING });
  },
  down: async () => {},
};
"""})
    chain = read_chain(app_chain)
    with pytest.raises(MigrationFailed) as e:
        replay_chain(chain, server, scratch_db, progress=False)
    err = e.value
    assert err.migration.id == "20240104000000-broken"
    assert err.file == str(app_chain / "20240104000000-broken.js") and err.line == 5
    assert "no_such_table" in err.server_message and "doesn't exist" in err.server_message
    assert "ALTER TABLE `no_such_table`" in str(err)
    assert err.partial.applied == chain.ids[:-1]
    assert err.partial.touched[("table", "apps")].migration == "20240104000000-broken"  # half applied


def test_js_syntax_error_names_its_line(node_env, server, scratch_db, tmp_path):
    root = make(tmp_path, {"20240101000000-bad.js": "'use strict';\nmodule.exports = {\n  up: async (qi) => { qi.x( },\n};\n"})
    with pytest.raises(MigrationFailed) as e:
        replay_chain(read_chain(root), server, scratch_db, progress=False)
    assert e.value.line == 3 and "SyntaxError" in str(e.value)


def test_password_stays_in_a_private_temporary_config(node_env, server, tmp_path, monkeypatch):
    """A password-protected scratch server: the password is in a 0600 file that is gone afterwards,
    never on node's command line, never in an error."""
    secret = "S3cret-Pw-7731"
    admin = server.connect()
    with admin.cursor() as cur:
        cur.execute(f"CREATE USER 'seq_tester'@'localhost' IDENTIFIED BY '{secret}'")
        cur.execute("GRANT ALL ON *.* TO 'seq_tester'@'localhost'")
    try:
        url = server.url.__class__(user="seq_tester", password=secret, host="localhost",
                                   port=server.url.port, unix_socket=server.url.unix_socket)
        root = make(tmp_path / "m", {"20240101000000-probe.js": """\
'use strict';
const fs = require('fs');
module.exports = {
  up: async (queryInterface) => {
    const cfg = process.argv[process.argv.indexOf('--config') + 1];
    const mode = (fs.statSync(cfg).mode & 0o777).toString(8);
    await queryInterface.sequelize.query('CREATE TABLE probe (mode VARCHAR(8), argv TEXT)');
    await queryInterface.sequelize.query('INSERT INTO probe VALUES (?, ?)',
      { replacements: [mode, process.argv.join(' ')] });
  },
  down: async (queryInterface) => { await queryInterface.dropTable('probe'); },
};
""", "20240102000000-fail.js": "module.exports = { up: async (qi) => { await qi.sequelize.query('SELEC 1'); } };\n"})
        private = tmp_path / "tmp"
        private.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(private))  # our temp folders only
        before = set(private.glob("baseline-sequelize-*"))
        with RemoteServer(url) as remote, remote.database() as db:
            with pytest.raises(MigrationFailed) as e:
                replay_chain(read_chain(root), remote, db, progress=False)
            mode, argv = query(remote, db, "SELECT mode, argv FROM probe")[0]
        assert mode == "600"
        assert secret not in argv and f"--config {private}" in argv  # the config lived in our temp folder
        assert secret not in str(e.value)
        assert before == set() and set(private.glob("baseline-sequelize-*")) == set()
    finally:
        with admin.cursor() as cur:
            cur.execute("DROP USER 'seq_tester'@'localhost'")
        admin.close()
