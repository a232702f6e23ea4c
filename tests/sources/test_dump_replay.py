"""Server-assisted reading: the DDL of a dump replayed into a real scratch database.

(The agreement of the offline and replayed models needs the parser and live
introspection; it belongs to the integration tests.)"""
from __future__ import annotations

import pytest

from baseline.errors import InputError
from baseline.sources.dump import read_dump_contents
from baseline.sources.dumpreplay import replay_into


def _tables(server, db):
    conn = server.connect(db)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT table_name, table_type FROM information_schema.tables "
                        "WHERE table_schema = %s ORDER BY table_name", (db,))
            return dict(cur.fetchall())
    finally:
        conn.close()


def _show_create(server, db, table):
    conn = server.connect(db)
    try:
        with conn.cursor() as cur:
            cur.execute(f"SHOW CREATE TABLE `{table}`")
            return cur.fetchone()[1]
    finally:
        conn.close()


@pytest.mark.corpus
def test_replay_mariadb_dump(server, corpus):
    contents = read_dump_contents(str(corpus / "dump-tfg-mariadb10.11-sandbox/esquema.sql"), progress=False)
    section = contents.select()
    with server.database(section.charset, section.collation) as db:
        replay_into(server, db, contents, section)
        tables = _tables(server, db)
    assert len(tables) == 23 and set(tables.values()) == {"BASE TABLE"}


@pytest.mark.corpus
def test_replay_mysql57_dump_with_views_and_no_data(server, corpus, tmp_path):
    contents = read_dump_contents(str(corpus / "dump-ecombiz-mysql5.7-cloudsql/mydb_Sales1.sql"), progress=False)
    section = contents.select()
    with server.database(section.charset, section.collation) as db:
        replay_into(server, db, contents, section)
        assert _tables(server, db) == {"Sales1": "BASE TABLE"}
        conn = server.connect(db)
        with conn.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM Sales1")
            assert cur.fetchone()[0] == 0  # data is never replayed
        conn.close()


def test_replay_keeps_a_mysql57_spatial_column(server, tmp_path):
    p = tmp_path / "d.sql"
    p.write_text("-- MySQL dump 10.13  Distrib 5.7.30, for Linux (x86_64)\n-- Server version\t5.7.30\n"
                 "/*!40101 SET NAMES utf8 */;\n"
                 "CREATE TABLE `address` (`id` int NOT NULL, /*!50705 `location` geometry NOT NULL,*/"
                 " PRIMARY KEY (`id`)/*!50705 , SPATIAL KEY `idx_location` (`location`)*/) ENGINE=InnoDB;\n"
                 "-- Dump completed on 2020-01-01\n")
    contents = read_dump_contents(str(p), progress=False)
    section = contents.select("d")
    with server.database(section.charset, section.collation) as db:
        replay_into(server, db, contents, section)
        ddl = _show_create(server, db, "address")
    assert "`location` geometry NOT NULL" in ddl and "SPATIAL KEY `idx_location`" in ddl


@pytest.mark.corpus
def test_replay_of_a_mysql8_dump_says_which_statement_and_why(server, corpus):
    path = corpus / "dump-lburiti-company-mysql8.0.30/company_backup.sql"
    contents = read_dump_contents(str(path), progress=False)
    section = contents.select()
    with server.database("utf8mb4", "utf8mb4_general_ci") as db:
        with pytest.raises(InputError) as e:
            replay_into(server, db, contents, section)
    msg = str(e.value)
    assert f"{path}:" in msg and "utf8mb4_0900_ai_ci" in msg
    assert "--image mysql:8.0" in msg and "MySQL 8.0.30" in msg
    line = int(msg.split(f"{path}:", 1)[1].split(":", 1)[0])
    assert "CREATE TABLE" in path.read_text().splitlines()[line - 1]


def test_session_state_set_before_the_first_use_holds_for_the_database(server, tmp_path):
    """A ``--databases`` dump turns FOREIGN_KEY_CHECKS off before ``USE``; a table
    whose foreign key names a later table must still be made."""
    p = tmp_path / "d.sql"
    p.write_text("-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n"
                 "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n"
                 "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `app` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;\n"
                 "USE `app`;\n"
                 "CREATE TABLE `apps` (`id` int NOT NULL, `accountId` int, PRIMARY KEY (`id`), KEY `a` (`accountId`),"
                 " CONSTRAINT `apps_acc` FOREIGN KEY (`accountId`) REFERENCES `accounts` (`id`));\n"
                 "CREATE TABLE `accounts` (`id` int NOT NULL, PRIMARY KEY (`id`));\n"
                 "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
                 "-- Dump completed on 2026-01-01\n")
    contents = read_dump_contents(str(p), progress=False)
    section = contents.select()
    assert section.name == "app"
    with server.database(section.charset, section.collation) as db:
        replay_into(server, db, contents, section)
        assert _tables(server, db) == {"accounts": "BASE TABLE", "apps": "BASE TABLE"}
        assert "REFERENCES `accounts`" in _show_create(server, db, "apps")
