"""Rough edges found by the second user pass (MySQL-flavored input on a
MariaDB-only machine, chains that do not fit SOURCE, big inputs, leftovers, CI
reports): each test here failed before its fix. Real servers and files only."""
from __future__ import annotations

import shlex
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from baseline.cli import cli

from helpers import LEGACY, make, run_baseline
from requirements import needs_server_binary
from scratch_helpers import baseline_cli, docker_client_or_skip, wait_for_hold, wait_gone


#: A MySQL 8.0 dump header and one table with a collation MariaDB lacks.
MYSQL8_DUMP = """-- MySQL dump 10.13  Distrib 8.0.19, for Linux (x86_64)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------
-- Server version\t8.0.19

CREATE TABLE `item` (
  `id` int NOT NULL,
  `name` varchar(20) COLLATE utf8mb4_0900_ai_ci NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

-- Dump completed on 2020-01-01 10:00:00
"""


def invoke(*argv):
    return CliRunner().invoke(cli, [str(a) for a in argv], catch_exceptions=False)


def test_a_mysql_chain_failing_on_the_only_server_at_hand_is_an_environment_problem(server, tmp_path):
    """A MySQL 8.0 baseline replayed on MariaDB (the only server this machine has)
    fails on a MySQL-only collation: that says nothing about the chain. Exit 3 and
    say how to provide a MySQL server, not exit 2 as if the chain were broken."""
    dump = tmp_path / "shop.sql"
    dump.write_text(MYSQL8_DUMP)
    chain = tmp_path / "migrations"
    chain.mkdir()
    assert invoke("generate", dump, "-o", chain).exit_code == 0
    r = invoke("verify", "--migrations", chain, "--against", dump, "--scratch", str(server.url.with_database(None)))
    assert r.exit_code == 3, r.output
    assert "Unknown collation: 'utf8mb4_0900_ai_ci'" in r.output
    assert "cannot stand for SOURCE's MySQL 8.0.19" in r.output
    assert "docker load -i" in r.output and "docker pull mysql:8.0" in r.output
    # a failure the chain itself causes stays the chain's fault (exit 2), flavors or not
    make(chain, {"001_bad.sql": "ALTER TABLE nowhere ADD COLUMN x INT;\n"})
    (chain / "000_initial_schema.sql").write_text("CREATE TABLE item (id int PRIMARY KEY);\n")
    r = invoke("verify", "--migrations", chain, "--against", dump, "--scratch", str(server.url.with_database(None)))
    assert r.exit_code == 2, r.output
    assert "cannot stand for" not in r.output


@pytest.mark.docker
def test_an_image_that_cannot_be_pulled_fails_quickly_saying_how_to_load_it(tmp_path):
    """No registry here: --image names an image Docker lacks. The error must be
    quick, name the image, say why in the daemon's words (not the Docker API's
    URL around them) and how to bring an image onto a machine without a registry."""
    docker_client_or_skip().close()
    dump = tmp_path / "shop.sql"
    dump.write_text(MYSQL8_DUMP)
    chain = make(tmp_path / "migrations", {"000_initial_schema.sql": "CREATE TABLE item (id int PRIMARY KEY);\n"})
    image = "registry.invalid/library/mysql:8.0"  # a registry host no resolver knows
    started = time.monotonic()
    r = invoke("verify", "--migrations", chain, "--against", dump, "--scratch", "docker", "--image", image)
    assert time.monotonic() - started < 30
    assert r.exit_code == 3, r.output
    assert f"Docker image {image} is not present and cannot be pulled: no registry can be reached (dial tcp" in r.output
    assert "http+docker://" not in r.output
    assert f"docker save {image} -o image.tar" in r.output and "docker load -i image.tar" in r.output


def test_a_chain_that_does_not_apply_to_source_is_said_once_first(corpus, tmp_path):
    """The legacy chain against another application's dump: SOURCE lacks every
    table the chain works on. One message naming them, exit 2, before any walk
    (no warning per statement, no server error from a doomed replay)."""
    sakila = corpus / "sakila" / "mariadb-dump.nodata.sql"
    chain = tmp_path / "migrations"
    shutil.copytree(LEGACY / "migrations", chain)
    r = invoke("generate", sakila, "--migrations", chain, "--no-verify")
    assert r.exit_code == 2, r.output
    assert f"the chain in {chain} does not apply to SOURCE: SOURCE lacks 10 of the 10 objects" in r.output
    assert "table accounts, table apps," in r.output and "--force walks back anyway" in r.output
    assert "warning:" not in r.output and "Walked back" not in r.output
    assert not (chain / "000_initial_schema.sql").exists()
    # the right SOURCE is not refused
    r = invoke("generate", LEGACY / "production.sql", "--migrations", chain, "--no-verify")
    assert r.exit_code == 0, r.output
    assert "does not apply" not in r.output


def test_progress_names_what_is_read_not_the_scratch_databases_random_name(server, tmp_path):
    """verify on a terminal showed ``reading baseline_scratch_20261121095458_e19fd4f3``:
    a name the user never chose and cannot place. Say what is being read."""
    chain = tmp_path / "migrations"
    shutil.copytree(LEGACY / "migrations", chain)
    assert invoke("generate", LEGACY / "production.sql", "--migrations", chain, "--no-verify").exit_code == 0
    scratch = str(server.url.with_database(None))
    code, _out, terminal = run_baseline(["verify", "--migrations", str(chain), "--against",
                                         str(LEGACY / "production.sql"), "--scratch", scratch], terminal=True)
    assert code == 0, terminal
    assert "reading the replayed chain: " in terminal and "reading the replayed dump: " in terminal
    assert "baseline_scratch_" not in terminal


@needs_server_binary
def test_a_run_right_after_a_killed_one_removes_its_leftovers_and_says_so(tmp_path):
    """kill -9 of a run, then a new run: the killed run's folders (its data in
    memory included) stayed until some run a minute later, silently. Now the next
    start removes them and says what it removed."""
    env = {"TMPDIR": str(tmp_path)}
    proc = baseline_cli("doctor", "--check", "--scratch", "local", "--hold", "60", env=env)
    held = wait_for_hold(proc)
    proc.kill()
    proc.communicate(timeout=30)
    assert wait_gone(int(held["pid"]))
    folder = Path(held["dir"])
    assert folder.exists()
    time.sleep(2.5)
    again = baseline_cli("doctor", "--check", "--scratch", "local", env=env)
    _out, err = again.communicate(timeout=120)
    assert not folder.exists()
    assert "baseline: note: removed " in err and "left by a killed baseline run (" in err and str(folder) in err


def test_the_examples_of_baseline_help_work_when_pasted(server, scratch_db, tmp_path, monkeypatch):
    """`baseline` alone showed no example, and its command list cut verify's and
    adopt's descriptions mid-sentence. Each example line of the help runs as
    pasted (in a folder with production.sql and db/migrations; the URL names a
    database loaded with production) and does what the contract says."""
    from legacy import load_production

    help_text = invoke("--help").output
    assert "..." not in help_text.split("Commands:")[1].split("Examples")[0]
    examples = [line.strip() for line in help_text.split("Examples")[1].splitlines()
                if line.strip().startswith("baseline ")]
    assert len(examples) >= 5
    shutil.copy(LEGACY / "production.sql", tmp_path / "production.sql")
    shutil.copytree(LEGACY / "migrations", tmp_path / "db" / "migrations")
    load_production(server, scratch_db)
    url = str(server.url.with_database(scratch_db))
    monkeypatch.chdir(tmp_path)
    expected = {"inspect": 0, "generate": 0, "verify": 0, "diff": 0, "doctor": 0}
    for line in examples:
        argv = shlex.split(line.replace("mysql://user:pass@localhost:3306/app", url))[1:]
        r = invoke(*argv)
        assert r.exit_code == expected[argv[0]], (line, r.output)


def test_generate_on_a_server_of_another_flavor_says_the_same_as_verify(server, tmp_path):
    """generate --migrations verifies with verify's machinery: its verification of a
    MySQL 8.0 SOURCE on MariaDB failed the same way, but it exited 2 (broken
    input) and offered only --force. Exit 3 as verify, and name --no-verify."""
    dump = tmp_path / "shop.sql"
    dump.write_text(MYSQL8_DUMP.replace("  PRIMARY KEY", "  `extra` int DEFAULT NULL,\n  PRIMARY KEY"))
    chain = make(tmp_path / "migrations", {"001_extra.sql": "ALTER TABLE item ADD COLUMN extra INT;\n"})
    r = invoke("generate", dump, "--migrations", chain, "--scratch", str(server.url.with_database(None)))
    assert r.exit_code == 3, r.output
    assert "cannot stand for SOURCE's MySQL 8.0.19" in r.output
    assert "--no-verify writes it unchecked" in r.output
    assert not (chain / "000_initial_schema.sql").exists()


@pytest.mark.docker
def test_doctor_without_a_registry_says_how_to_bring_an_image_in():
    """doctor said `docker pull mysql:8.0 (needs access to Docker Hub)` on a machine
    with no registry: advice that cannot work there. Say how images get in then."""
    from baseline.workflows import doctor

    docker_client_or_skip().close()
    if doctor._registry_reachable("mysql:8.0"):
        pytest.skip("a registry answers here: docker pull works")
    r = invoke("doctor", "--scratch", "docker")
    assert r.exit_code == 0, r.output
    assert "no registry answers here: `docker save mysql:8.0 -o image.tar`" in r.output
    assert "`docker load -i image.tar` here" in r.output
