"""Round-trip helpers for tests: load a generated baseline into a fresh database
(with the stock ``mariadb`` client or baseline's executor), reflect it, and
compare with the source by model and by normalized ``SHOW CREATE`` text."""
from __future__ import annotations

import re
import subprocess

from baseline.render.ddl import RenderOptions, render_sql_file
from baseline.sources.live import read_live
from baseline.connect.execute import execute_script
from baseline.sql.literals import quote_ident
from baseline.sql.scan import strip_qualifier
from modeldiff import mismatches
from requirements import client


def client_binary() -> str:
    """The stock command-line client (a skip, or in CI a failure, where it is absent)."""
    return client()


def load_with_client(server, db: str, text: str) -> None:
    """Run ``text`` through the stock command-line client, as a user would."""
    args = [client_binary(), "--no-defaults", "-uroot"]
    if server.url.unix_socket:
        args.append(f"--socket={server.url.unix_socket}")
    else:
        args += ["-h", server.url.host, "-P", str(server.url.port)]
    proc = subprocess.run(args + [db], input=text.encode("utf-8"), capture_output=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f"mariadb client failed on the baseline for {db}: "
                             f"{proc.stderr.decode(errors='replace')[:2000]}")


def load_with_executor(server, db: str, text: str) -> None:
    conn = server.connect(db)
    try:
        execute_script(conn, text, file=f"{db}.sql")
    finally:
        conn.close()


LOADERS = {"client": load_with_client, "executor": load_with_executor}


def generate(server, db: str, options: RenderOptions = RenderOptions()):
    schema = read_live(server.url.with_database(db), progress=False)
    return schema, render_sql_file(schema, options, source_description=f"database `{db}`")


def normalized_show_create(server, db: str) -> dict[tuple[str, str], str]:
    """SHOW CREATE of every table, view and sequence, normalized only where it must be:
    the database's own qualifier, AUTO_INCREMENT=N counters, definers,
    ``USING BTREE/HASH`` clauses the engine ignores (the model keeps the effective
    algorithm, which the model comparison checks), and the letter case of
    engine-defined table option names (case-insensitive; the model keeps them
    lower-case)."""
    conn = server.connect()
    out = {}
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s",
                        (db,))
            for name, typ in cur.fetchall():
                kind = {"VIEW": "VIEW", "SEQUENCE": "SEQUENCE"}.get(typ, "TABLE")
                cur.execute(f"SHOW CREATE {kind} `{db}`.{quote_ident(name)}")
                text = strip_qualifier(cur.fetchone()[1], db)
                text = re.sub(r" AUTO_INCREMENT=\d+", "", text)
                text = re.sub(r" DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`", "", text)
                text = re.sub(r" USING (BTREE|HASH)", "", text)
                text = re.sub(r" `(\w+)`=", lambda m: f" `{m.group(1).lower()}`=", text)
                out[(kind, name)] = text
    finally:
        conn.close()
    return out


def show_create_differences(server, db_a: str, db_b: str) -> list[str]:
    a, b = normalized_show_create(server, db_a), normalized_show_create(server, db_b)
    diffs = [f"only in {db_a}: {k}" for k in sorted(set(a) - set(b))]
    diffs += [f"only in {db_b}: {k}" for k in sorted(set(b) - set(a))]
    for k in sorted(set(a) & set(b)):
        if a[k] != b[k]:
            diffs.append(f"{k}:\n--- {db_a}\n{a[k]}\n--- {db_b}\n{b[k]}")
    return diffs


def roundtrip(server, source_db: str, loader: str, **create_kw) -> tuple[list[str], list[str]]:
    """Generate from ``source_db``, load into a fresh database with ``loader``,
    reflect; returns (model mismatches, SHOW CREATE differences)."""
    schema, text = generate(server, source_db)
    with server.database(charset=schema.charset, collation=schema.collation, **create_kw) as target:
        LOADERS[loader](server, target, text)
        again = read_live(server.url.with_database(target), progress=False)
        return mismatches(schema, again), show_create_differences(server, source_db, target)
