"""``baseline verify`` end to end on synthetic chains, one per format the corpus lacks
(golang-migrate, dbmate, Flyway, numbered SQL, sequelize-cli).

For each chain: production's stand-in is built by replaying the chain into a
database on the ``server`` fixture; ``verify`` (through the CLI, its throwaway
server being the separate ``scratch_server``) must pass against it, both as a
server URL and as a ``mariadb-dump`` file, and after one mutation of it must fail
naming the migration file and line that last touched the mutated object, with
the path spelled as the user gave ``--migrations``.
"""
from __future__ import annotations

import pytest

from baseline.chain.read import read_chain
from helpers import make, run_sql
from verify_helpers import mariadb_dump, scratch_url, summary, target_database, url_of, verify_json

GOLANG_MIGRATE = {
    "000001_initial_schema.up.sql": """\
CREATE TABLE accounts (
  id VARCHAR(255) NOT NULL PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE,
  createdAt DATETIME NOT NULL
);
CREATE TABLE apps (
  id VARCHAR(255) NOT NULL PRIMARY KEY,
  accountId VARCHAR(255),
  CONSTRAINT apps_account FOREIGN KEY (accountId) REFERENCES accounts (id) ON DELETE CASCADE
);
""",
    "000001_initial_schema.down.sql": "DROP TABLE apps;\nDROP TABLE accounts;\n",
    "000002_unified_architecture.up.sql": """\
-- single sign-on
ALTER TABLE accounts ADD COLUMN ssoId VARCHAR(255) NULL;
ALTER TABLE accounts ADD COLUMN firstName VARCHAR(255) NULL;
""",
    "000002_unified_architecture.down.sql": "ALTER TABLE accounts DROP COLUMN firstName, DROP COLUMN ssoId;\n",
}

DBMATE = {
    "20240101000000_initial_schema.sql": """\
-- migrate:up
CREATE TABLE tenants (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, displayName VARCHAR(255) NOT NULL);
CREATE TABLE releases (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, version VARCHAR(32) NOT NULL);

-- migrate:down
DROP TABLE releases;
DROP TABLE tenants;
""",
    "20240201000000_release_management.sql": """\
-- migrate:up
ALTER TABLE releases ADD COLUMN tenantId INT NULL;
ALTER TABLE releases ADD CONSTRAINT releases_tenant FOREIGN KEY (tenantId) REFERENCES tenants (id)
  ON DELETE SET NULL;

-- migrate:down
ALTER TABLE releases DROP FOREIGN KEY releases_tenant;
ALTER TABLE releases DROP COLUMN tenantId;
""",
}

FLYWAY = {
    "V1__initial_schema.sql": """\
CREATE TABLE deployments (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1
);
CREATE TABLE packages (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL);
""",
    "V2__reporting_views.sql": """\
-- what the dashboard shows
CREATE VIEW active_deployments AS SELECT id, name FROM deployments WHERE active = 1;
""",
    "V3__package_names.sql": """\
CREATE TRIGGER packages_lower_name BEFORE INSERT ON packages FOR EACH ROW SET NEW.name = LOWER(NEW.name);
""",
}

PLAIN_SQL = {
    "000_initial_schema.sql": """\
CREATE TABLE collaborators (id VARCHAR(255) NOT NULL PRIMARY KEY, appId VARCHAR(255) NOT NULL);
""",
    "001_tenancy.sql": """\
ALTER TABLE collaborators ADD COLUMN tenantId CHAR(36) NULL;

DELIMITER $$
CREATE PROCEDURE collaborators_of(IN app VARCHAR(255))
BEGIN
  SELECT id FROM collaborators WHERE appId = app;
END$$
DELIMITER ;
""",
}

#: format -> (files, mutation(s) of the target, expected differences, file and line they are attributed to)
CASES = {
    "golang-migrate": (GOLANG_MIGRATE, "ALTER TABLE accounts MODIFY firstName VARCHAR(100) NULL",
                       [("column", "accounts.firstName", "type")], "000002_unified_architecture.up.sql", 3),
    "dbmate": (DBMATE, ["ALTER TABLE releases DROP FOREIGN KEY releases_tenant",
                        "ALTER TABLE releases ADD CONSTRAINT releases_tenant FOREIGN KEY (tenantId) "
                        "REFERENCES tenants (id) ON DELETE CASCADE"],
               [("foreign key", "releases.releases_tenant", "on_delete")],
               "20240201000000_release_management.sql", 3),
    "flyway": (FLYWAY, "CREATE OR REPLACE VIEW active_deployments AS SELECT id, name FROM deployments WHERE active = 0",
               [("view", "active_deployments", "definition")], "V2__reporting_views.sql", 2),
    "sql": (PLAIN_SQL, "DROP PROCEDURE collaborators_of",
            [("routine", "procedure collaborators_of", "exists")], "001_tenancy.sql", 4),
}


@pytest.mark.parametrize("fmt", list(CASES))
def test_verify_passes_then_fails_with_attribution(fmt, server, scratch_server, tmp_path, monkeypatch):
    files, mutation, expected, file, line = CASES[fmt]
    repo = tmp_path / "repo"
    make(repo / "db" / "migrations", files)
    monkeypatch.chdir(repo)  # --migrations as a repository-relative path, as in CI
    assert read_chain("db/migrations").format == fmt
    scratch = scratch_url(scratch_server)
    with target_database(server, repo / "db" / "migrations") as db:
        dump = mariadb_dump(server, db, tmp_path / "production.sql")
        for against in (url_of(server, db), str(dump)):
            code, doc = verify_json("db/migrations", against, scratch)
            assert code == 0 and doc["identical"] and doc["differences"] == [], doc
            assert doc["summary"]["objects_compared"] > 1
        run_sql(server, db, *([mutation] if isinstance(mutation, str) else mutation))
        code, doc = verify_json("db/migrations", url_of(server, db), scratch)
    assert code == 1
    assert summary(doc) == [(*e, f"db/migrations/{file}", line) for e in expected]


def test_an_object_no_migration_touched_is_attributed_to_the_baseline(server, scratch_server, tmp_path,
                                                                     monkeypatch):
    make(tmp_path / "migrations", GOLANG_MIGRATE)
    monkeypatch.chdir(tmp_path)
    with target_database(server, tmp_path / "migrations") as db:
        run_sql(server, db, "CREATE TABLE hotfix_audit (id INT PRIMARY KEY)")  # made by hand in production
        code, doc = verify_json("migrations", url_of(server, db), scratch_url(scratch_server))
    assert code == 1
    assert summary(doc) == [("table", "hotfix_audit", "exists", "migrations/000001_initial_schema.up.sql", None)]
    assert (doc["differences"][0]["a"], doc["differences"][0]["b"]) == (True, False)


def test_bookkeeping_tables_are_left_out_and_said_so(server, scratch_server, tmp_path, monkeypatch):
    make(tmp_path / "migrations", GOLANG_MIGRATE)
    monkeypatch.chdir(tmp_path)
    scratch = scratch_url(scratch_server)
    with target_database(server, tmp_path / "migrations") as db:
        run_sql(server, db, "CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, "
                            "dirty BOOLEAN NOT NULL)",
                "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL)")  # a Liquibase past
        code, doc = verify_json("migrations", url_of(server, db), scratch)
        assert code == 0 and doc["identical"]
        assert doc["excluded"] == [{"kind": "table", "name": "DATABASECHANGELOG"},
                                   {"kind": "table", "name": "schema_migrations"}]
        from verify_helpers import verify

        text = verify("migrations", url_of(server, db), scratch)
        assert text.exit_code == 0
        assert ("left out: tables DATABASECHANGELOG, schema_migrations (migration tool bookkeeping; "
                "--include-bookkeeping compares them)") in text.stdout.splitlines()
        code, doc = verify_json("migrations", url_of(server, db), scratch, "--include-bookkeeping")
    assert code == 1 and doc["excluded"] == []
    assert [(d["object"], d["attribute"], d["a"], d["b"]) for d in doc["differences"]] == [
        ("DATABASECHANGELOG", "exists", True, False), ("schema_migrations", "exists", True, False)]


def test_definers_counters_and_column_order_options(server, scratch_server, tmp_path, monkeypatch):
    make(tmp_path / "migrations", {**FLYWAY, "V4__counter.sql": "CREATE TABLE seq (id INT AUTO_INCREMENT "
                                                                 "PRIMARY KEY, b INT, c INT);\n"})
    monkeypatch.chdir(tmp_path)
    scratch = scratch_url(scratch_server)
    with target_database(server, tmp_path / "migrations") as db:
        run_sql(server, db, "INSERT INTO seq (b) VALUES (1), (2), (3)",
                "CREATE OR REPLACE DEFINER = `nobody`@`%` VIEW active_deployments AS "
                "SELECT id, name FROM deployments WHERE active = 1",
                "ALTER TABLE seq MODIFY c INT AFTER id")
        code, doc = verify_json("migrations", url_of(server, db), scratch)
        assert code == 1 and [d["attribute"] for d in doc["differences"]] == ["column order"]
        code, doc = verify_json("migrations", url_of(server, db), scratch, "--ignore-column-order")
        assert code == 0, doc
        code, doc = verify_json("migrations", url_of(server, db), scratch, "--ignore-column-order",
                                "--include-definers", "--include-auto-increment")
    assert code == 1
    assert sorted((d["object"], d["attribute"], d["a"], d["b"]) for d in doc["differences"]) == [
        ("active_deployments", "definer", "nobody@%", "root@localhost"),
        ("seq", "auto_increment", 4, None)]


# --------------------------------------------------------------------------- sequelize-cli

SEQUELIZE_BASELINE = """\
CREATE TABLE `accounts` (
  `id` VARCHAR(255) NOT NULL,
  `email` VARCHAR(255) NOT NULL UNIQUE,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
"""

SEQUELIZE_UNIFIED = """\
'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('accounts', 'ssoId', { type: Sequelize.STRING, allowNull: true });
    await queryInterface.addColumn('accounts', 'firstName', { type: Sequelize.STRING });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('accounts', 'firstName');
    await queryInterface.removeColumn('accounts', 'ssoId');
  },
};
"""


def test_sequelize_cli_chain(node_env, server, scratch_server, tmp_path, monkeypatch):
    make(tmp_path / "migrations", {"000_initial_schema.sql": SEQUELIZE_BASELINE,
                                   "20240101000000-unified-architecture.js": SEQUELIZE_UNIFIED})
    monkeypatch.chdir(tmp_path)
    assert read_chain("migrations").format == "sequelize"
    scratch = scratch_url(scratch_server)
    with target_database(server, tmp_path / "migrations") as db:
        dump = mariadb_dump(server, db, tmp_path / "production.sql")
        for against in (url_of(server, db), str(dump)):
            code, doc = verify_json("migrations", against, scratch)
            assert code == 0, (against, summary(doc))
            # sequelize-cli made its table on both sides; it is bookkeeping, not schema
            assert doc["excluded"] == [{"kind": "table", "name": "SequelizeMeta"}]
        run_sql(server, db, "ALTER TABLE accounts MODIFY ssoId VARCHAR(64) NULL")
        code, doc = verify_json("migrations", url_of(server, db), scratch)
    assert code == 1
    # the last call in up() naming the table
    assert summary(doc) == [("column", "accounts.ssoId", "type",
                             "migrations/20240101000000-unified-architecture.js", 7)]
