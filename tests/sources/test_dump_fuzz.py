"""Fuzzing the whole offline dump path: mutated corpus dumps through ``read_dump``
(file opening and decompression, the streaming splitter, the dump layer, the DDL
parser and simulator) raise nothing but the documented ``InputError`` /
``UsageError``, and never hang.

Seeds are real dumps of the corpus (MySQL 5.6/5.7/8 and MariaDB; routines,
triggers, events, views with stand-ins, sequences, partitions, data); mutations
work on bytes: flips, cuts, deletions, duplicated ranges, and insertions of what
steers a SQL splitter (quotes, comment and version-comment openers, DELIMITER,
USE, SET NAMES, NUL and invalid UTF-8 bytes), sometimes gzip-compressed, whole or cut.

Each example runs under a watchdog (``BASELINE_FUZZ_SECONDS``, default 20 s): a
hang fails with the example that caused it. The number of examples is small by
default so CI stays fast; ``BASELINE_FUZZ_EXAMPLES=20000`` makes a long run.
"""
from __future__ import annotations

import contextlib
import gzip
import os
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baseline.errors import InputError, UsageError
from baseline.sources import SourceOptions
from baseline.sources.dump import read_dump
from conftest import CORPUS, ROOT

pytestmark = pytest.mark.corpus

EXAMPLES = int(os.environ.get("BASELINE_FUZZ_EXAMPLES", "60"))
SECONDS = float(os.environ.get("BASELINE_FUZZ_SECONDS", "20"))
#: Bytes of each seed (its start: header, prologue and the first objects).
SEED_BYTES = 40_000

SEEDS = [
    "dump-lburiti-company-mysql8.0.30/company_backup.sql",
    "dump-dbatoolkit-mysql5.6/dbatools.schema.20161007-133143.sql",
    "dump-magentadesk-mariadb10.10/mariadb-dump.nodata.sql",
    "dump-ecombiz-mysql5.7-cloudsql/mydb_routines.sql",
    "dump-kiigeeks-mariadb10.4/12-10-2021_202203_db_testing_backup.sql",
    "dump-womensmell-mysql8.0.27/createDB_womensmell.sql",
    "employees/mariadb-dump.nodata.sql",
    "sakila/mariadb-dump.nodata.sql",
    "world_x/world_x.sql",
]

INSERTS = [b"'", b'"', b"`", b"/*", b"*/", b"/*!50003 ", b"/*M!100100 ", b"-- ", b"#", b"\\", b";", b";;",
           b"\nDELIMITER ;;\n", b"\nDELIMITER ;\n", b"\nUSE `other`;\n", b"\nCREATE DATABASE `x2`;\n",
           b"\nSET NAMES latin1;\n", b"\nSET character_set_client = @nothing;\n", b"(", b")", b",",
           b"\x00", b"\xff\xfe", b"\xc3", b"\r\n", b"\nINSERT INTO t VALUES ('", b"\nCREATE TABLE ",
           b" NOT NULL", b" DEFAULT ", b"\nALTER TABLE `a` ADD COLUMN `z` int;\n", b"\nDROP TABLE `b`;\n"]


class Hang(Exception):
    pass


@contextlib.contextmanager
def watchdog(seconds: float):
    def fire(signum, frame):
        raise Hang(f"read_dump took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _seeds() -> list[bytes]:
    if not (CORPUS / "INDEX.md").is_file():
        return []
    seeds = [(CORPUS / p).read_bytes()[:SEED_BYTES] for p in SEEDS]
    seeds.append((ROOT / "fixtures/legacy/production.sql").read_bytes())
    return seeds


SEED_DATA = _seeds()

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 30), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 1 << 30), st.just(0)),
    st.tuples(st.just("delete"), st.integers(0, 1 << 30), st.integers(1, 200)),
    st.tuples(st.just("dup"), st.integers(0, 1 << 30), st.integers(1, 400)),
    st.tuples(st.just("insert"), st.integers(0, 1 << 30), st.integers(0, len(INSERTS) - 1)),
)


def mutate(data: bytes, mutations) -> bytes:
    out = bytearray(data)
    for op, where, arg in mutations:
        k = where % (len(out) + 1)
        if op == "flip" and out:
            out[k % len(out)] ^= arg
        elif op == "cut":
            del out[k:]
        elif op == "delete":
            del out[k:k + arg]
        elif op == "dup":
            out[k:k] = out[k:k + arg]
        elif op == "insert":
            out[k:k] = INSERTS[arg]
    return bytes(out)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
          suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, max(0, len(SEED_DATA) - 1)), mutations=st.lists(mutation, min_size=1, max_size=6),
       packing=st.sampled_from(["plain", "plain", "gzip", "gzip-cut"]), cut=st.integers(0, 1 << 30))
def test_mutated_dumps_read_offline_raise_only_documented_errors(corpus, tmp_path_factory, seed, mutations, packing,
                                                                 cut):  # corpus: absent, a skip (CI: a failure)
    data = mutate(SEED_DATA[seed], mutations)
    if packing != "plain":
        data = gzip.compress(data, mtime=0)
        if packing == "gzip-cut":
            data = data[:cut % (len(data) + 1)]
    path = tmp_path_factory.mktemp("fuzz") / "dump.sql"
    path.write_bytes(data)
    with watchdog(SECONDS):
        try:
            read_dump(str(path), SourceOptions(progress=False))
        except UsageError as e:
            if "several databases" not in str(e):
                return
            # a multi-database dump: read its first database too
            names = str(e).split("several databases: ", 1)[1].split("\n", 1)[0].split(", ")
            try:
                read_dump(str(path), SourceOptions(progress=False, schema_name=names[0]))
            except InputError as e2:
                assert e2.file == str(path)
            except UsageError:
                pass
        except InputError as e:
            assert e.file == str(path)
