"""Helpers for the ``verify``/``diff`` end-to-end tests: chains on disk, targets built
by replaying a chain on the ``server`` fixture (production's stand-in), dumps of
them made with the real ``mariadb-dump``, and CLI runs."""
from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

from baseline.chain.migration import Chain
from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.cli import cli
from requirements import dump_tool


def make(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return root


def copy_chain(chain: Chain, dest: Path, upto: int | None = None, extra: tuple[str, ...] = ()) -> Path:
    """The files of the first ``upto`` migrations of ``chain`` (up and down), plus
    ``extra`` files of its folder, copied under ``dest`` with their relative names."""
    for m in chain.migrations[:upto]:
        for script in (m.up, m.down):
            if script is not None:
                target = dest / script.rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(script.path, target)
    for name in extra:
        if (chain.root / name).exists():
            shutil.copy2(chain.root / name, dest / name)
    return dest


def url_of(server, database: str) -> str:
    """A URL of ``database`` on a local test server (no password; unix socket)."""
    return str(server.url.with_database(database))


def scratch_url(server) -> str:
    return str(server.url.with_database(None))


@contextlib.contextmanager
def target_database(server, chain_dir: Path, *, charset: str = "utf8mb4", collation: str = "utf8mb4_general_ci"):
    """Production's stand-in: the chain in ``chain_dir`` replayed into a fresh
    database on ``server``; yields its name, dropped afterwards."""
    with server.database(charset=charset, collation=collation, prefix="target") as db:
        replay_chain(read_chain(chain_dir), server, db, progress=False)
        yield db


def run_sql(server, database: str, *statements: str) -> None:
    conn = server.connect(database)
    try:
        with conn.cursor() as cur:
            for st in statements:
                cur.execute(st)
    finally:
        conn.close()


def mariadb_dump(server, database: str, path: Path) -> Path:
    """``mariadb-dump --no-data`` of ``database``, written to ``path``."""
    exe = dump_tool()
    with open(path, "wb") as out:
        subprocess.run([exe, "--no-defaults", "--no-data", "--skip-lock-tables", "--routines", "--events",
                        "--triggers", f"--user={server.url.user or 'root'}", f"--socket={server.url.unix_socket}",
                        database], stdout=out, check=True)
    return path


def run_cli(*args: str):
    """``baseline ARGS`` in-process; ``result.stdout``/``result.stderr`` apart."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def verify(migrations: str | Path, against: str | Path, scratch: str, *args: str):
    return run_cli("verify", "--migrations", str(migrations), "--against", str(against), "--scratch", scratch,
                   *args)


def verify_json(migrations, against, scratch, *args) -> tuple[int, dict]:
    res = verify(migrations, against, scratch, "--report", "json", *args)
    assert res.stdout.startswith("{"), (res.exit_code, res.stdout, res.stderr)
    return res.exit_code, json.loads(res.stdout)


def summary(doc: dict) -> list[tuple]:
    """``(kind, object, attribute, migration path, line)`` of every difference in a JSON report."""
    out = []
    for d in doc["differences"]:
        ref = d["migration"] or {}
        out.append((d["kind"], d["object"], d["attribute"], ref.get("path"), ref.get("line")))
    return out
