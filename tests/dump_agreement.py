"""The three ways to a baseline of a dump, for the agreement tests.

* offline: ``read_dump`` with no server (the DDL parser);
* server-assisted: ``read_dump`` with ``scratch`` = a server URL (the DDL replayed
  into a scratch database of another name, then introspected);
* live: the dump loaded with the stock ``mariadb`` client into the server, under
  its own database names (a dump without ``CREATE DATABASE`` into a database made
  first with the character set the dump reader finds), then ``read_live``.

All three are rendered exactly as ``baseline generate`` renders them. The live
load passes ``--comments --binary-mode``: without them the client edits routine
bodies on the way (drops their comments, turns CR LF into LF), and the live
server would no longer hold what the dump says.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from baseline.render.ddl import RenderOptions
from baseline.render.formats import render_migration
from baseline.sources import SourceOptions
from baseline.sources.dump import read_dump, read_dump_contents
from baseline.sources.live import read_live
from baseline.sql.literals import quote_ident
from helpers import run_sql
from roundtrip import client_binary


def render(schema) -> str:
    """The text ``baseline generate SOURCE`` writes (the default sql format)."""
    description = f"database `{schema.name}`" if schema.name else "the source schema"
    files = render_migration(schema, "sql", name="000_initial_schema", options=RenderOptions(),
                             source_description=description)
    return "".join(files[k] for k in sorted(files))


def admin_url(server) -> str:
    """The scratch server's URL as ``--scratch`` takes it (the local test server has
    no password)."""
    url = server.url
    assert not url.password
    return str(url)


def offline(path: Path, schema: str | None = None):
    return read_dump(str(path), SourceOptions(schema_name=schema, progress=False))


def server_assisted(path: Path, server, schema: str | None = None):
    return read_dump(str(path), SourceOptions(schema_name=schema, scratch=admin_url(server), progress=False))


def live(path: Path, server, schema: str | None = None):
    """Load the dump with the stock client, read the database back; every database
    the dump names is dropped before and after."""
    contents = read_dump_contents(str(path), progress=False)
    section = contents.select(schema)
    names = {n for n in contents.databases if n} | {section.name}
    run_sql(server, None, *(f"DROP DATABASE IF EXISTS {quote_ident(n)}" for n in names))
    # utf8mb4, as the dump reader assumes for a script that sets no character set
    # (the client's compiled-in default differs between builds)
    args = [client_binary(), "--no-defaults", "--comments", "--binary-mode", "--default-character-set=utf8mb4",
            "-uroot"]
    args += [f"--socket={server.url.unix_socket}"] if server.url.unix_socket else \
        ["-h", server.url.host, "-P", str(server.url.port)]
    if section.created_line is None:
        collate = f" COLLATE {section.collation}" if section.collation_stated else ""
        run_sql(server, None, f"CREATE DATABASE {quote_ident(section.name)} CHARACTER SET {section.charset}{collate}")
        args.append(section.name)
    try:
        proc = subprocess.run(args, input=path.read_bytes(), capture_output=True, timeout=120,
                              cwd=str(path.parent))
        assert proc.returncode == 0, f"the mariadb client failed on {path}: {proc.stderr.decode()[:1000]}"
        return read_live(server.url.with_database(section.name), progress=False)
    finally:
        run_sql(server, None, *(f"DROP DATABASE IF EXISTS {quote_ident(n)}" for n in names))


_READ_FROM = re.compile(r"^(-- Read from \S+ )(\S+);", re.M)


def version_masked(text: str) -> str:
    """The rendered file with the server version of its ``Read from`` line masked
    (a dump from 10.11.13 read back from a 10.11.19 server says so), and the note
    on a database default the dump does not state (a server states it)."""
    text = _INFERRED.sub("", _READ_FROM.sub(r"\1N.N.N;", text, count=1), count=1)
    return _CHECKSUM.sub("(checksum ...)", text, count=1)  # of the whole file: differs with the line above


_INFERRED = re.compile(r" \(not stated by the source: [^\n]*\)$", re.M)
_CHECKSUM = re.compile(r"\(checksum [0-9a-f]{16}\)")
