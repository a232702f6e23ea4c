"""Rough edges found by using baseline as a user would (the dogfood pass): each
test here failed before its fix. Real servers and real files, no doubles."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from baseline.connect.url import ServerURL

from baseline.cli import cli
from helpers import LEGACY

DUMP = LEGACY / "production.sql"


def invoke(*argv):
    return CliRunner().invoke(cli, [str(a) for a in argv], catch_exceptions=False)


# ---------------------------------------------------------------- unwritable output


def test_an_output_folder_that_is_a_file_is_a_clear_error_not_an_internal_one(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    r = invoke("generate", DUMP, "-o", blocker / "sub")
    assert r.exit_code == 2, r.output
    assert "internal error" not in r.output
    assert f"cannot write into {blocker / 'sub'}" in r.output and "is not a folder" in r.output


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write to: a read-only tmpfs as root (root ignores
    permissions), a mode-0555 folder otherwise."""
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "001_a.sql").write_text("ALTER TABLE accounts ADD COLUMN phone VARCHAR(32);\n")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        (mnt / "001_a.sql").write_text((folder / "001_a.sql").read_text())
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_a_read_only_output_folder_is_refused_before_any_work(read_only_folder):
    r = invoke("generate", DUMP, "-o", read_only_folder)
    assert r.exit_code == 2, r.output
    assert "internal error" not in r.output and ".tmp" not in r.output
    assert f"cannot write into {read_only_folder}" in r.output
    # --migrations: refused before the walk back and the verification
    r = invoke("generate", DUMP, "--migrations", read_only_folder, "--scratch", "mysql://nobody@127.0.0.1:1/")
    assert r.exit_code == 2, r.output
    assert f"cannot write into {read_only_folder}" in r.output
    assert "Walked back" not in r.output


def test_a_failed_write_names_the_target_not_a_temporary_file(tmp_path):
    from baseline.errors import UsageError
    from baseline.util.atomic import write_files

    blocker = tmp_path / "f"
    blocker.write_text("x")
    with pytest.raises(UsageError) as e:
        write_files({blocker / "a.sql": "one", tmp_path / "b.sql": "two"})
    assert str(blocker / "a.sql") in str(e.value) and ".tmp" not in str(e.value)
    assert not (tmp_path / "b.sql").exists()


# ---------------------------------------------------------------- stale baselines of another format


def _legacy_chain(tmp_path) -> Path:
    chain = tmp_path / "migrations"
    chain.mkdir()
    for f in sorted((LEGACY / "migrations").iterdir()):
        (chain / f.name).write_text(f.read_text())
    return chain


def _baseline_in(fmt: str, tmp_path) -> dict[str, str]:
    out = tmp_path / f"stale-{fmt}"
    r = invoke("generate", DUMP, "-o", out, "--format", fmt)
    assert r.exit_code == 0, r.output
    return {str(p.relative_to(out)): p.read_text() for p in out.rglob("*") if p.is_file()}


def test_two_baselines_of_different_formats_are_refused_not_run_as_migrations(tmp_path):
    """A sql baseline and a stale sequelize one: the folder was read as a sequelize
    chain whose first migration was the sql baseline, and an empty baseline
    (0 tables) was written."""
    chain = _legacy_chain(tmp_path)
    for rel, text in {**_baseline_in("sql", tmp_path), **_baseline_in("sequelize", tmp_path)}.items():
        (chain / rel).write_text(text)
    before = sorted(p.name for p in chain.iterdir())
    r = invoke("generate", DUMP, "--migrations", chain, "--no-verify")
    assert r.exit_code == 2, r.output
    assert "2 baselines an earlier run wrote" in r.output
    assert "00000000000000-initial-schema.js" in r.output and "000_initial_schema.sql" in r.output
    assert "0 tables" not in r.output
    assert sorted(p.name for p in chain.iterdir()) == before


def test_a_stale_baseline_that_confuses_the_format_detection_is_named(tmp_path):
    chain = _legacy_chain(tmp_path)
    for rel, text in _baseline_in("golang-migrate", tmp_path).items():
        (chain / rel).write_text(text)
    r = invoke("generate", DUMP, "--migrations", chain, "--no-verify")
    assert r.exit_code == 2, r.output
    assert "a baseline an earlier run wrote in another format is among them" in r.output
    assert str(chain / "000_initial_schema.up.sql") in r.output


def test_verify_of_an_empty_folder_says_what_to_do(tmp_path):
    """It used to suggest --chain-format, which cannot help an empty folder."""
    empty = tmp_path / "migrations"
    empty.mkdir()
    r = invoke("verify", "--migrations", empty, "--against", DUMP, "--scratch", "mysql://nobody@127.0.0.1:1/")
    assert r.exit_code == 2, r.output
    assert f"no migration to replay: {empty} is empty" in r.output
    assert f"baseline generate SOURCE --migrations {empty}" in r.output
    assert "--chain-format" not in r.output


# ---------------------------------------------------------------- Docker: other runs' containers


def test_sweeping_while_other_runs_remove_their_containers_does_not_fail():
    """Five engineers (or CI jobs) share one engine: a container listed by the sweep
    could be removed by its owner before it was inspected, and the run ended in an
    "internal error: NotFound: No such container"."""
    import threading
    import time

    from baseline.scratch import docker as backend
    from scratch_helpers import docker_client_or_skip

    client = docker_client_or_skip()
    mark = f"dogfood-race-{os.getpid()}"
    live_owner = f"{backend.socket.gethostname()}:{os.getpid()}"  # alive: never swept
    stop = threading.Event()

    def churn():
        while not stop.is_set():
            c = client.containers.create(backend.TEST_IMAGE, labels={
                backend.LABEL: "1", backend.LABEL_OWNER: live_owner, "dogfood.race": mark})
            c.remove(force=True)

    worker = threading.Thread(target=churn)
    worker.start()
    errors = []
    try:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            for job in (lambda: backend.sweep_abandoned(client),
                        lambda: backend.remove_containers(client, **{"dogfood.race": mark + "-none"})):
                try:
                    job()
                except Exception as e:  # noqa: BLE001 - the failure under test
                    errors.append(repr(e))
    finally:
        stop.set()
        worker.join()
        backend.remove_containers(client, **{"dogfood.race": mark})
        client.close()
    assert errors == []


# ---------------------------------------------------------------- pipes


def test_a_reader_that_stops_early_is_not_an_internal_error():
    """`baseline inspect DUMP | head -1` ended in "internal error: BrokenPipeError"."""
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "baseline", "inspect", str(DUMP)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # gone before the first line is written
    _, err = proc.communicate(timeout=120)
    assert b"internal error" not in err and b"Traceback" not in err, err
    assert proc.returncode == 141


# ---------------------------------------------------------------- generate --migrations -o elsewhere


def test_written_elsewhere_in_the_chains_format_it_keeps_the_chains_naming(server, tmp_path, node_env):
    """docs/ci.md has CI re-generate the baseline into a temporary folder and
    compare it with the committed one: the file must be named as in the chain
    (sequelize-cli: one second before the first migration), and the message must
    not claim the committed baseline is replaced."""
    chain = tmp_path / "db" / "migrations"
    chain.mkdir(parents=True)
    (chain / "20250101000000-drop-views.js").write_text(  # production has the view: down() drops it
        "'use strict';\nmodule.exports = {\n"
        "  async up(queryInterface) { await queryInterface.sequelize.query("
        "'CREATE VIEW active_releases AS SELECT 1 AS x'); },\n"
        "  async down(queryInterface) { await queryInterface.sequelize.query('DROP VIEW active_releases'); },\n"
        "};\n")
    scratch = str(server.url.with_database(None))
    r = invoke("generate", DUMP, "--migrations", chain, "--no-verify", "--scratch", scratch)
    assert r.exit_code == 0, r.output
    committed = chain / "20241231235959-initial-schema.js"
    assert committed.is_file(), r.output
    out = tmp_path / "check"
    r = invoke("generate", DUMP, "--migrations", chain, "-o", out, "--no-verify", "--scratch", scratch)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == [committed.name]
    assert (out / committed.name).read_bytes() == committed.read_bytes()
    assert "it is replaced" not in r.output and "not part of the chain" in r.output


# ---------------------------------------------------------------- the fixture's own promises


def test_every_path_the_legacy_fixture_readme_names_is_in_the_repository():
    """The README says how production.sql is rebuilt (build/: sync.js, seed.sql,
    build.py), but the top-level .gitignore's `build/` (setuptools' folder) kept
    that folder out of every clone."""
    import re

    readme = (LEGACY / "README.md").read_text()
    named = set(re.findall(r"^\| `([^`]+)` \|", readme, re.M))
    build_row = readme.split("| `build/`")[1].split("\n")[0]
    named |= {f"build/{n}" for n in re.findall(r"`(\w+\.(?:js|sql|py))`", build_row) if n != "production.sql"}
    assert {"production.sql", "migrations/", "build/", "build/sync.js", "build/build.py"} <= named
    repo = LEGACY.parent.parent
    for rel in sorted(named):
        path = LEGACY / rel
        assert path.exists(), f"fixtures/legacy/README.md names {rel}, which is missing"
        ignored = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=repo)
        assert ignored.returncode == 1, f"{rel} is ignored by git: a clone would not have it"


# ---------------------------------------------------------------- a chain without its baseline


def test_verify_of_a_chain_without_baseline_says_to_generate_one(server, tmp_path):
    """The naive user's first try: verify the team's chain as it is. The first
    ALTER fails on a table no migration creates; say that a baseline is missing and
    how to write it, in every report."""
    chain = _legacy_chain(tmp_path)
    scratch = str(server.url.with_database(None))
    for report, where in (("text", "note: "), ("github", "::warning title=baseline%3A note::")):
        r = invoke("verify", "--migrations", chain, "--against", DUMP, "--scratch", scratch, "--report", report)
        assert r.exit_code == 2, r.output
        assert "Table 'accounts' doesn't exist" in r.output
        assert f"{where}the first migration of {chain} changes a table that no migration creates" in r.output
        assert f"baseline generate SOURCE --migrations {chain}" in r.output
    # with the baseline in place, no such note
    r = invoke("generate", DUMP, "--migrations", chain, "--scratch", scratch)
    assert r.exit_code == 0, r.output
    (chain / "008_bad.sql").write_text("ALTER TABLE nowhere ADD COLUMN x INT;\n")
    r = invoke("verify", "--migrations", chain, "--against", DUMP, "--scratch", scratch)
    assert r.exit_code == 2, r.output
    assert "no migration creates" not in r.output


# ---------------------------------------------------------------- a chain as SOURCE


def test_a_baseline_generated_from_a_chain_is_byte_identical_across_runs(server, tmp_path):
    """The scratch database's random name (baseline_chain_<time>_<hex>) was written
    into the baseline's header and inspect's output."""
    chain = tmp_path / "chain"
    chain.mkdir()
    (chain / "001_a.sql").write_text("CREATE TABLE t (id INT PRIMARY KEY);\n")
    scratch = str(server.url.with_database(None))
    outputs = []
    for run in ("one", "two"):
        r = invoke("generate", chain, "-o", tmp_path / run, "--scratch", scratch)
        assert r.exit_code == 0, r.output
        outputs.append((tmp_path / run / "000_initial_schema.sql").read_bytes())
    assert outputs[0] == outputs[1]
    assert b"baseline_chain_" not in outputs[0]
    r = invoke("inspect", chain, "--scratch", scratch)
    assert r.exit_code == 0 and "baseline_chain_" not in r.output, r.output


# ---------------------------------------------------------------- adopt with a read-only user


def test_adopt_with_a_user_that_may_not_write_is_a_clear_error(server, scratch_db, tmp_path):
    """adopt --yes as a read-only user ended in "internal error: OperationalError
    (1142, CREATE command denied ...)"."""
    import secrets

    chain = tmp_path / "migrations"
    r = invoke("generate", DUMP, "-o", chain)
    assert r.exit_code == 0, r.output
    conn = server.connect(scratch_db)
    user, password = f"ro_{secrets.token_hex(4)}", "r/o:p@ss#1"
    try:
        from baseline.connect.execute import execute_script

        execute_script(conn, (chain / "000_initial_schema.sql").read_text(), file="000_initial_schema.sql")
        with conn.cursor() as cur:
            for host in ("%", "localhost"):  # localhost: anonymous ''@localhost users would win
                cur.execute(f"CREATE USER '{user}'@'{host}' IDENTIFIED BY '{password}'")
                cur.execute(f"GRANT SELECT, SHOW VIEW, TRIGGER ON `{scratch_db}`.* TO '{user}'@'{host}'")
        u = server.url
        target_url = f"mysql://{user}:r%2Fo%3Ap%40ss%231@{u.host}:{u.port}/{scratch_db}"
        if u.unix_socket:
            target_url += f"?unix_socket={u.unix_socket}"
        scratch = str(server.url.with_database(None))
        r = invoke("adopt", "--migrations", chain, "--target", target_url, "--tool", "golang-migrate",
                   "--scratch", scratch, "--yes")
        assert "internal error" not in r.output, r.output
        assert r.exit_code == 3, r.output
        assert "cannot write the golang-migrate history (schema_migrations)" in r.output and "CREATE command denied" in r.output
        assert "r/o:p@ss" not in r.output and "p%40ss" not in r.output
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP USER IF EXISTS '{user}'@'%', '{user}'@'localhost'")
        conn.close()


def test_bootstrap_with_a_user_that_may_not_create_the_database_is_a_clear_error(server, tmp_path):
    import secrets

    chain = tmp_path / "migrations"
    r = invoke("generate", DUMP, "-o", chain)
    assert r.exit_code == 0, r.output
    user, new_db = f"ro_{secrets.token_hex(4)}", f"dogfood_{secrets.token_hex(4)}"
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            for host in ("%", "localhost"):
                cur.execute(f"CREATE USER '{user}'@'{host}' IDENTIFIED BY 'pw'")
        u = server.url
        target = f"mysql://{user}:pw@{u.host}:{u.port}/{new_db}" + (
            f"?unix_socket={u.unix_socket}" if u.unix_socket else "")
        r = invoke("bootstrap", "--migrations", chain, "--to", target)
        assert "internal error" not in r.output, r.output
        assert r.exit_code == 3, r.output
        assert f"cannot create database {new_db}" in r.output
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP USER IF EXISTS '{user}'@'%', '{user}'@'localhost'")
            cur.execute(f"DROP DATABASE IF EXISTS `{new_db}`")
        conn.close()


def test_a_wrong_baseline_mysqld_is_named_not_blamed_on_path(tmp_path, monkeypatch):
    monkeypatch.setenv("BASELINE_MYSQLD", str(tmp_path / "no-such-mariadbd"))
    chain = _legacy_chain(tmp_path)
    r = invoke("verify", "--migrations", chain, "--against", DUMP, "--scratch", "local")
    assert r.exit_code == 3, r.output
    assert f"$BASELINE_MYSQLD ({tmp_path / 'no-such-mariadbd'}) is not an executable" in r.output
    assert "on PATH for" not in r.output


def test_a_replay_failure_in_generate_does_not_show_the_scratch_database(server, tmp_path):
    """verify's reports took the random scratch name out of the server's message;
    generate --migrations printed it (`Table 'baseline_scratch_2026…_ab12.t'`)."""
    chain = _legacy_chain(tmp_path)
    (chain / "008_bad.sql").write_text("ALTER TABLE nowhere ADD COLUMN x INT;\n")
    r = invoke("generate", DUMP, "--migrations", chain, "--scratch", str(server.url.with_database(None)))
    assert r.exit_code == 2, r.output
    assert "stopped at" in r.output and "Table 'nowhere' doesn't exist" in r.output
    assert "baseline_scratch_" not in r.output


def test_a_goose_chain_starting_at_version_1_gets_a_hint_that_can_work(tmp_path):
    """The hint said "pass --name with one", but goose refuses version 0."""
    chain = tmp_path / "migrations"
    chain.mkdir()
    # a table production has: a chain SOURCE lacks is refused before any naming question
    (chain / "001_extra.sql").write_text("-- +goose Up\nCREATE TABLE tenants (id INT PRIMARY KEY);\n"
                                         "-- +goose Down\nDROP TABLE tenants;\n")
    r = invoke("generate", DUMP, "--migrations", chain, "--no-verify", "--strategy", "invert")
    assert r.exit_code == 2, r.output
    assert "goose versions start at 1" in r.output and "-o OUTDIR --format sql" in r.output
    assert "pass --name" not in r.output
    r = invoke("generate", DUMP, "--migrations", chain, "--no-verify", "--strategy", "invert",
               "-o", tmp_path / "elsewhere", "--format", "sql")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "elsewhere" / "000_initial_schema.sql").is_file()


def test_a_folder_whose_chain_is_one_level_down_says_where(tmp_path):
    """openfga keeps its goose chain in migrations/mysql/: --migrations migrations
    suggested --chain-format, which cannot help."""
    root = tmp_path / "migrations"
    (root / "mysql").mkdir(parents=True)
    (root / "mysql" / "001_a.sql").write_text("-- +goose Up\nCREATE TABLE a (id INT);\n-- +goose Down\nDROP TABLE a;\n")
    r = invoke("verify", "--migrations", root, "--against", DUMP, "--scratch", "mysql://nobody@127.0.0.1:1/")
    assert r.exit_code == 2, r.output
    assert f"a chain is one folder down: --migrations {root / 'mysql'} (goose)" in r.output


def test_a_manifest_chain_written_elsewhere_needs_no_format_option(tmp_path):
    """The error says "write it elsewhere: -o OUTDIR --format sql"; -o alone failed
    with the same error. Elsewhere, plain SQL is the one choice that fits."""
    import json

    root = tmp_path / "temporal"
    (root / "versioned" / "v1.0").mkdir(parents=True)
    (root / "versioned" / "v1.0" / "manifest.json").write_text(
        json.dumps({"CurrVersion": "1.0", "SchemaUpdateCqlFiles": ["extra.sql"]}))
    # a table production has (a chain SOURCE lacks is refused first)
    (root / "versioned" / "v1.0" / "extra.sql").write_text("CREATE TABLE tenants (id INT PRIMARY KEY);\n")
    r = invoke("generate", DUMP, "--migrations", root, "--no-verify", "--strategy", "invert")
    assert r.exit_code == 2 and "-o OUTDIR --format sql" in r.output, r.output
    r = invoke("generate", DUMP, "--migrations", root, "--no-verify", "--strategy", "invert", "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out" / "000_initial_schema.sql").is_file()


# ---------------------------------------------------------------- walking back the kratos chain


def test_a_state_the_server_cannot_build_mid_walk_falls_back_to_inversion(server, corpus, tmp_path):
    """kratos: the schema before a late migration has an expression MariaDB refuses.
    Loading it failed, the failed database was dropped twice, and the run ended in
    "internal error: ValueError: refusing to drop a database ...". Now that
    migration is inverted instead, with a note saying why."""
    import shutil

    chain = tmp_path / "kratos"
    shutil.copytree(corpus / "chain-ory-kratos" / "migrations", chain)
    r = invoke("generate", corpus / "chain-ory-kratos" / "mariadb-dump.nodata.sql", "--migrations", chain,
               "--no-verify", "--scratch", str(server.url.with_database(None)))
    assert "internal error" not in r.output, r.output[-2000:]
    assert r.exit_code == 0, r.output[-2000:]
    assert "cannot be built on the throwaway server" in r.output
    assert any("initial_schema" in p.name for p in chain.iterdir())


# ---------------------------------------------------------------- server URLs a user gets wrong


@pytest.mark.parametrize("url,password", [
    ("mysql://app:pa#ss9word@127.0.0.1:1/db", "pa#ss9word"),  # '#' would start a fragment
    ("mysql://app:sec/ret9@127.0.0.1:1/db", "sec/ret9"),
    ("mysql://bl:p@ss:w/rd#1@127.0.0.1:1/sakila", "p@ss:w/rd#1"),  # was 'bad port', 9 characters shown
    ("mysql://bl:ab@cd/ef@127.0.0.1:1/db", "ab@cd/ef"),  # 'cd' was taken for the host
])
def test_a_password_holding_url_delimiters_is_read_whole_and_stays_secret(url, password):
    """The credentials end at the last @ before a plain host: the password is
    understood as written (unencoded), and nothing of it is ever shown."""
    assert ServerURL.parse(url).password == password
    r = invoke("inspect", url)
    assert r.exit_code == 3, r.output  # port 1: nothing listens, and the error says so
    assert "internal error" not in r.output and "cannot reach" in r.output
    for piece in {password[i:i + 3] for i in range(len(password) - 2)} - {"@12", "127"}:
        assert piece not in r.output, piece


@pytest.mark.parametrize("url,secret", [
    ("mysql://app:secret9@[::1/db", "secret9"),  # was an internal error
    ("mysql://app:s3cr3t@host:notaport/db", "s3cr3t"),
])
def test_an_unreadable_url_gets_a_hint_and_everything_before_the_host_is_masked(url, secret):
    r = invoke("inspect", url)
    assert r.exit_code == 2, r.output
    assert "internal error" not in r.output
    assert "URL-encode" in r.output
    assert secret not in r.output and "://app:***@" in r.output
