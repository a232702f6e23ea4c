"""The docker backend against real containers of the local test image (make test-image).

Skips with a reason where no engine answers; in CI (BASELINE_REQUIRE_DOCKER=1)
a missing engine or image is a failure, so these tests really run there.
"""
from __future__ import annotations

import os
import subprocess

import pytest

from baseline.errors import EnvironmentProblem
from baseline.flavor import MARIADB, MYSQL, Flavor
from baseline.scratch import docker as backend
from baseline.scratch import open_scratch
from baseline.scratch.docker import (LABEL, LABEL_ID, LABEL_OWNER, TEST_IMAGE, TEST_IMAGES, DockerServer,
                                     choose_image, is_server_image)
from scratch_helpers import docker_client_or_skip, probe_table

pytestmark = pytest.mark.docker


@pytest.fixture(scope="module")
def client():
    c = docker_client_or_skip()
    yield c
    c.close()


_BEFORE: set[str] = set()


@pytest.fixture(autouse=True)
def _running_before(client):
    """Containers of this process already running when a test starts (the server
    matrix's, kept for the session) are not the test's to clean up."""
    _BEFORE.clear()
    _BEFORE.update(c.id for c in client.containers.list(
        all=True, ignore_removed=True, filters={"label": f"{LABEL_OWNER}={backend.owner_tag()}"}))
    yield


def _ours(client) -> list:
    """Containers labelled by baseline that this test's process started during the test."""
    return [c for c in client.containers.list(all=True, ignore_removed=True,
                                              filters={"label": f"{LABEL_OWNER}={backend.owner_tag()}"})
            if c.id not in _BEFORE]


def test_start_create_ddl_reflect_cleanup(client):
    with open_scratch("docker", image=TEST_IMAGE) as server:
        assert isinstance(server, DockerServer)
        assert server.flavor.family == MARIADB and server.flavor.version[:2] == (10, 11)
        container = client.containers.get(server.container_id)
        assert container.labels[LABEL] == "1" and container.labels[LABEL_ID]
        # the random root password stays out of every printable form
        password = server.url.password
        assert password and len(password) >= 24
        for text in (str(server.url), repr(server.url), server.describe()):
            assert password not in text
        with server.database(charset="latin1", collation="latin1_german2_ci") as db:
            ddl = probe_table(server, db)
        assert "CHARSET=latin1" in ddl and "COLLATE=latin1_german2_ci" in ddl
        cid = server.container_id
    import docker.errors

    with pytest.raises(docker.errors.NotFound):
        client.containers.get(cid)
    assert _ours(client) == []


def test_cleanup_after_exception_inside_the_context(client):
    with pytest.raises(RuntimeError, match="boom"):
        with DockerServer(image=TEST_IMAGE) as server:
            cid = server.container_id
            assert client.containers.get(cid).status == "running"
            raise RuntimeError("boom")
    assert cid and not client.containers.list(all=True, ignore_removed=True, filters={"id": cid})
    assert _ours(client) == []


def test_missing_image_is_an_environment_problem(client):
    with pytest.raises(EnvironmentProblem) as e:
        with DockerServer(image="mariadb:0.0-absent-baseline-test"):
            pass
    assert e.value.exit_code == 3
    assert "docker pull mariadb:0.0-absent-baseline-test" in str(e.value)
    assert "make test-image" in str(e.value)
    assert _ours(client) == []


def test_container_that_dies_during_start_up_is_reported_and_removed(client):
    server = DockerServer(image=TEST_IMAGE, start_timeout=60)
    server.options.append("--no-such-option-baseline")
    with pytest.raises(EnvironmentProblem, match="exited during start-up.*no-such-option-baseline"):
        with server:
            pass
    assert _ours(client) == []


def test_abandoned_containers_are_swept(client):
    """A container whose owner died (SIGKILL) is removed by the next start."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    import socket

    orphan = client.containers.create(TEST_IMAGE, labels={
        LABEL: "1", LABEL_ID: "orphan", LABEL_OWNER: f"{socket.gethostname()}:{dead.pid}"})
    try:
        removed = backend.sweep_abandoned(client)
        assert orphan.id in removed
        assert not client.containers.list(all=True, ignore_removed=True, filters={"id": orphan.id})
    finally:
        backend.remove_containers(client, **{LABEL_ID: "orphan"})


def test_image_choice():
    maria = Flavor(MARIADB, (10, 11, 6))
    mysql8 = Flavor(MYSQL, (8, 0, 36))
    assert choose_image([], image="percona:8.0") == "percona:8.0"
    assert choose_image(["mariadb:10.11", TEST_IMAGE], flavor=maria) == "mariadb:10.11"
    assert choose_image([TEST_IMAGE], flavor=maria) == TEST_IMAGE
    # never a server of the other family: MySQL's own image (pulled), or a MySQL one present
    assert choose_image([TEST_IMAGE], flavor=mysql8) == "mysql:8.0"
    assert choose_image([*TEST_IMAGES, "mariadb:11.4"], flavor=mysql8) == "baseline-test-mysql:9.7"
    assert choose_image(["mysql:8.0"], flavor=mysql8) == "mysql:8.0"
    # the nearest release of the family: the oldest at least as new, official before test images
    assert choose_image(TEST_IMAGES, flavor=Flavor(MARIADB, (11, 4, 2))) == "baseline-test-mariadb:11.8"
    assert choose_image(TEST_IMAGES, flavor=Flavor(MARIADB, (10, 4, 0))) == "baseline-test-mariadb:10.11"
    assert choose_image(TEST_IMAGES, flavor=Flavor(MARIADB, (12, 0, 0))) == "baseline-test-mariadb:11.8"
    assert choose_image([*TEST_IMAGES, "mariadb:11.8"], flavor=Flavor(MARIADB, (11, 6, 0))) == "mariadb:11.8"
    assert choose_image(["mysql:8.4", "mysql:5.7", "baseline-test-mysql:9.7"], flavor=mysql8) == "mysql:8.4"
    assert choose_image([], flavor=mysql8) == "mysql:8.0"  # then pulled, or a clear error
    assert choose_image([]) == "mariadb:10.11"


def test_server_image_names():
    for tag in ("mysql:8.0", "mariadb:11.4", "percona:5.7", "percona/percona-server:8.0",
                "docker.io/library/mysql:5.7", TEST_IMAGE, "mysql/mysql-server:8.0"):
        assert is_server_image(tag), tag
    for tag in ("postgres:16", "mysql-client:1", "debian:12", "registry:5000/mysqlish:1"):
        assert not is_server_image(tag), tag


def test_ryuk_is_disabled_unless_asked_for():
    assert os.environ.get("TESTCONTAINERS_RYUK_DISABLED", "").lower() in ("true", "1")


def test_port_published_on_loopback_only_when_the_engine_is_local(client, monkeypatch):
    from testcontainers.core.config import ConnectionMode, testcontainers_config

    monkeypatch.setattr(testcontainers_config, "connection_mode_override", ConnectionMode.docker_host)
    with DockerServer(image=TEST_IMAGE) as server:
        bindings = client.containers.get(server.container_id).attrs["HostConfig"]["PortBindings"]
        assert bindings["3306/tcp"][0]["HostIp"] == "127.0.0.1"
        assert server.url.host == "127.0.0.1"
        conn = server.connect()
        conn.close()
    assert _ours(client) == []
