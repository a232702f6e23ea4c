"""Reading a dump keeps one read buffer: the splitter fills it in place.

The dump reader's speed (bench/RESULTS.md: over 1 GB/s, 20 MB of memory at 5
GiB) rests on the splitter reading into one reused bytearray (``readinto``);
a wrapper stream that only offers ``read`` brings back a new multi-megabyte
bytes object per read and halves the throughput. These tests fail when a layer
between the file and the splitter loses ``readinto`` (plain, gzip, transcoded).
"""
from __future__ import annotations

import gzip

import pytest

from baseline.sources.dump import read_dump_contents
from baseline.sql import stream as stream_mod

HEADER = "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n-- Server version\t8.0.36\n"
ROWS = ",".join(f"({i},'row {i}; with \\'quotes\\' and -- dashes')" for i in range(2000))


def _dump(tmp_path, name="d.sql", compress=False, charset="utf8mb4"):
    text = (HEADER + f"/*!40101 SET NAMES {charset} */;\nCREATE TABLE `t` (`a` int, `b` text);\n"
            + "".join(f"INSERT INTO `t` VALUES {ROWS};\n" for _ in range(60))
            + "CREATE TABLE `u` (`c` int);\n-- Dump completed on 2024-01-01 00:00:00\n")
    path = tmp_path / name
    data = text.encode("utf-8" if charset != "sjis" else "shift_jis")
    path.write_bytes(gzip.compress(data) if compress else data)
    return path, len(data)


@pytest.fixture
def streams(monkeypatch):
    made = []
    original = stream_mod.StatementStream.__init__

    def record(self, *a, **kw):
        original(self, *a, **kw)
        made.append(self)

    monkeypatch.setattr(stream_mod.StatementStream, "__init__", record)
    return made


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_the_splitter_reads_into_its_one_buffer(tmp_path, streams, compress):
    path, size = _dump(tmp_path, compress=compress)
    contents = read_dump_contents(str(path), progress=False, window=256 * 1024)
    section = next(iter(contents.databases.values()))
    assert [i.statement.text.split("(")[0].strip() for i in section.items if i.kind == "ddl"] == \
        ["CREATE TABLE `t`", "CREATE TABLE `u`"]
    assert contents.complete is True
    (s,) = streams
    assert s._readinto is not None, "a layer between the file and the splitter lost readinto"
    assert s.stats.bytes_read == size
    assert len(s._buf) <= 2 * 256 * 1024  # one window and what it keeps, never the file
