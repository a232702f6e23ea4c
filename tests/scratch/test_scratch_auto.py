"""The ``--scratch auto`` policy, on real engines and real servers (no mocks).

* Docker answers and has an image of SOURCE's flavor (the local test image is
  MariaDB 10.11): docker with it, nothing pulled.
* Docker answers without one: a pull is tried (a tag no registry has, so it fails
  everywhere), then the local test image, with a one-line note saying why.
* Docker answers but has no server image at all and no registry: the local
  backend, with the note. An engine like that is started here for real: a private
  ``dockerd`` with its own data folder, inside its own network and mount
  namespaces, so it cannot pull and cannot touch the machine's Docker networking.
* No engine: local. Neither: exit 3 saying how to get one.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from baseline.errors import EnvironmentProblem
from baseline.flavor import MARIADB, MYSQL, Flavor
from baseline.scratch import docker as backend
from baseline.scratch import open_scratch
from baseline.scratch.base import choose_auto, fallback, resolve_auto
from baseline.scratch.docker import TEST_IMAGE, image_flavor, matching_image
from baseline.scratch.local import LocalServer, _child_setup, binary_flavor, find_server_binary
from requirements import missing, needs_server_binary
from scratch_helpers import docker_client_or_skip
from helpers import make
from verify_helpers import target_database, url_of, verify

NO_ENGINE = "unix:///nonexistent/docker.sock"
#: A MySQL version whose official image no registry has: pulling it fails everywhere.
UNPULLABLE = Flavor(MYSQL, (5, 0, 96))
MARIADB_1011 = Flavor(MARIADB, (10, 11, 19))


# --------------------------------------------------------------------------- image names


def test_image_flavor_from_the_tag():
    assert image_flavor("mariadb:10.11") == Flavor(MARIADB, (10, 11, 0))
    assert image_flavor("mysql:8.0") == Flavor(MYSQL, (8, 0, 0))
    assert image_flavor("percona:8.0.36") == Flavor(MYSQL, (8, 0, 36))
    assert image_flavor(TEST_IMAGE) == Flavor(MARIADB, (10, 11, 0))
    assert image_flavor("mysql:latest") is None and image_flavor("redis:7.2") is None


def test_matching_image_prefers_the_flavors_own_then_the_test_image():
    assert matching_image(["mariadb:10.11", TEST_IMAGE], MARIADB_1011) == "mariadb:10.11"
    assert matching_image([TEST_IMAGE, "mariadb:10.6"], MARIADB_1011) == TEST_IMAGE
    assert matching_image(["mariadb:10.11-jammy"], MARIADB_1011) == "mariadb:10.11-jammy"
    assert matching_image([TEST_IMAGE, "mysql:5.7"], Flavor(MYSQL, (8, 0, 36))) is None
    assert matching_image([TEST_IMAGE], None) == TEST_IMAGE  # no flavor known: the default one


# --------------------------------------------------------------------------- no engine


@needs_server_binary
def test_no_engine_means_local(monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", NO_ENGINE)
    assert choose_auto(flavor=MARIADB_1011).backend == "local"
    assert choose_auto(flavor=MARIADB_1011).note is None
    server = open_scratch("auto", flavor=MARIADB_1011)
    assert isinstance(server, LocalServer) and server.auto_note is None


def test_no_engine_and_no_binary_says_how_to_get_one(monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", NO_ENGINE)
    monkeypatch.setenv("BASELINE_MYSQLD", "/nonexistent/mysqld")
    with pytest.raises(EnvironmentProblem) as e:
        choose_auto(flavor=MARIADB_1011)
    assert e.value.exit_code == 3 and "apt-get install mariadb-server" in str(e.value)


# --------------------------------------------------------------------------- the machine's engine


@pytest.fixture(scope="module")
def engine():
    client = docker_client_or_skip()  # skips without an engine or the test image (fails in CI)
    client.close()


@pytest.mark.docker
def test_a_matching_image_is_used_without_pulling(engine):
    t0 = time.monotonic()
    choice = choose_auto(flavor=MARIADB_1011)
    assert (choice.backend, choice.image, choice.note) == ("docker", TEST_IMAGE, None)
    assert time.monotonic() - t0 < backend.PULL_TIMEOUT  # no pull was waited for
    assert resolve_auto(flavor=MARIADB_1011) == "docker"


@pytest.mark.docker
def test_an_image_that_cannot_be_pulled_falls_back_to_the_test_image_of_its_family(engine, capsys):
    mysql_image = "baseline-test-mysql:9.7"
    choice = choose_auto(flavor=UNPULLABLE)
    assert (choice.backend, choice.image) == ("docker", mysql_image)  # MySQL, never MariaDB
    assert choice.note.startswith("no mysql:5.0 image in Docker and it cannot be pulled (")
    assert choice.note.endswith(f"); using the local test image {mysql_image} instead")
    server = open_scratch("auto", flavor=UNPULLABLE)
    assert server.kind == "docker" and server.image == mysql_image and server.auto_note == choice.note
    err = capsys.readouterr().err
    assert err == f"baseline: note: --scratch auto: {choice.note}\n"  # one line
    maria = choose_auto(flavor=Flavor(MARIADB, (10, 0, 96)))  # no registry has mariadb:10.0 either
    assert (maria.backend, maria.image) == ("docker", TEST_IMAGE)
    assert maria.note.endswith(f"); using the local test image {TEST_IMAGE} instead")


def test_a_server_of_the_other_family_is_never_chosen_silently():
    mysql8 = Flavor(MYSQL, (8, 0, 36))
    lack = "no mysql:8.0 image in Docker and it cannot be pulled (no registry)"
    # a MariaDB image, a MariaDB binary: each taken with a note naming the other flavor
    only_maria = fallback([TEST_IMAGE], mysql8, lack, None, None)
    assert (only_maria.backend, only_maria.image) == ("docker", TEST_IMAGE)
    assert f"of another flavor than {mysql8}" in only_maria.note and "baseline-test-mysql:9.7" in only_maria.note
    local_maria = fallback([], mysql8, lack, "/usr/sbin/mariadbd", MARIADB_1011)
    assert local_maria.backend == "local" and f"of another flavor than {mysql8}" in local_maria.note
    # a MySQL binary of any release beats any MariaDB image
    local_mysql = fallback([TEST_IMAGE], mysql8, lack, "/usr/sbin/mysqld", Flavor(MYSQL, (9, 7, 4)))
    assert local_mysql.backend == "local" and local_mysql.note.endswith("using the local MySQL 9.7.4 server instead")
    assert fallback([], mysql8, lack, None, None) is None


@pytest.mark.docker
def test_verify_auto_runs_in_a_container_of_the_sources_flavor(engine, server, tmp_path, monkeypatch):
    make(tmp_path / "m", {"001_a.sql": "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));\n"})
    monkeypatch.chdir(tmp_path)
    with target_database(server, tmp_path / "m") as db:
        r = verify("m", url_of(server, db), "auto", "--report", "json")
    assert r.exit_code == 0, r.output
    chain_side = json.loads(r.stdout)["sides"]["b"]["description"]
    assert chain_side.startswith("chain m replayed on docker MariaDB 10.11.")
    assert chain_side.endswith(f"({TEST_IMAGE})")
    assert r.stderr == ""  # the matching image: nothing to explain


# --------------------------------------------------------------------------- an engine without images


@pytest.fixture(scope="module")
def empty_engine():
    """A private Docker engine with no image and no network (so no registry), as a
    ``DOCKER_HOST`` value; stopped and removed afterwards."""
    absent = [tool for tool in ("dockerd", "unshare") if shutil.which(tool) is None]
    if os.geteuid() != 0 or absent:
        missing("DOCKER", "a private dockerd needs root and " + ", ".join(absent or ["dockerd", "unshare"]))
    root = Path(tempfile.mkdtemp(prefix="baseline-dockerd-", dir="/tmp"))  # short: unix socket paths
    sock = root / "docker.sock"
    log = open(root / "dockerd.log", "wb")
    # --bridge=none makes dockerd delete the host's docker0: in its own network
    # namespace that is its own (absent) docker0, and it has no route to a registry.
    proc = subprocess.Popen(
        ["unshare", "--net", "--mount", "--propagation", "private", "dockerd", f"--data-root={root / 'data'}",
         f"--exec-root={root / 'exec'}", f"--pidfile={root / 'dockerd.pid'}", f"--host=unix://{sock}",
         "--bridge=none", "--iptables=false", "--ip6tables=false"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        preexec_fn=_child_setup(os.getpid()))  # SIGTERM to dockerd should this test process die
    host = f"unix://{sock}"
    try:
        deadline = time.monotonic() + 60
        while True:
            ok, detail = _engine_at(host)
            if ok:
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = (root / "dockerd.log").read_text(errors="replace")[-2000:]
                missing("DOCKER", f"private dockerd did not start: {detail}\n{tail}")
            time.sleep(0.2)
        yield host
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)  # its own session: dockerd and its containerd
                proc.wait(timeout=10)
        log.close()
        shutil.rmtree(root, ignore_errors=True)


def _engine_at(host: str) -> tuple[bool, str]:
    old = os.environ.get("DOCKER_HOST")
    os.environ["DOCKER_HOST"] = host
    try:
        return backend.engine_status()
    finally:
        if old is None:
            os.environ.pop("DOCKER_HOST", None)
        else:
            os.environ["DOCKER_HOST"] = old


@pytest.mark.docker
@needs_server_binary
def test_an_engine_without_images_falls_back_to_local(empty_engine, monkeypatch, server, tmp_path):
    monkeypatch.setenv("DOCKER_HOST", empty_engine)
    assert backend.local_server_images() == []
    choice = choose_auto(flavor=MARIADB_1011)
    local = binary_flavor(find_server_binary())
    assert choice.backend == "local" and choice.image is None
    assert choice.note.startswith("no mariadb:10.11 image in Docker and it cannot be pulled (")
    assert choice.note.endswith(f"); using the local {local} server instead")
    # end to end: the note is one line on stderr, the report names the local server
    make(tmp_path / "m", {"001_a.sql": "CREATE TABLE t (id INT PRIMARY KEY);\n"})
    monkeypatch.chdir(tmp_path)
    with target_database(server, tmp_path / "m") as db:
        r = verify("m", url_of(server, db), "auto")
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [f"baseline: note: --scratch auto: {choice.note}"]
    assert r.stdout.splitlines()[1] == f"chain: chain m replayed on local {local}"
    assert backend.local_server_images() == []  # nothing was pulled into it


@pytest.mark.docker
def test_an_engine_without_images_and_no_binary_says_how_to_get_one(empty_engine, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", empty_engine)
    monkeypatch.setenv("BASELINE_MYSQLD", "/nonexistent/mysqld")
    with pytest.raises(EnvironmentProblem) as e:
        choose_auto(flavor=MARIADB_1011)
    text = str(e.value)
    assert "cannot be pulled" in text and "make test-image" in text and "apt-get install mariadb-server" in text
