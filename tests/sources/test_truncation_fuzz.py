"""Every corpus dump cut at random byte offsets, plain and gzip-compressed: each cut
is an input error naming the file and a line, or (a cut between two statements
of a file that has no footer to miss) a result whose statements are all whole.
Never a baseline silently missing what came after the cut (issue 14).

``BASELINE_TRUNCATIONS`` sets the offsets per file and packing (default 40; the
issue's run used 1000: ``BASELINE_TRUNCATIONS=1000 pytest tests/sources/test_truncation_fuzz.py -s``
prints the table of outcomes).
"""
from __future__ import annotations

import gzip
import os
import random
from collections import Counter
from pathlib import Path

import pytest

from baseline.errors import InputError, UsageError
from baseline.sources import SourceOptions
from baseline.sources.dump import read_dump, read_dump_contents
from conftest import CORPUS

OFFSETS = int(os.environ.get("BASELINE_TRUNCATIONS", "40"))

pytestmark = pytest.mark.corpus


def corpus_dumps() -> list[str]:
    """Every SQL file of the corpus that is not a migration chain (dumps and schema scripts)."""
    if not CORPUS.is_dir():
        return []
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.sql")
                  if not p.relative_to(CORPUS).parts[0].startswith("chain-"))


def _database(path: Path) -> str | None:
    """The database to read from a multi-database dump (its first)."""
    names = read_dump_contents(str(path), progress=False).names()
    return names[0] if len(names) > 1 else None


def _outcome(path: Path, schema_name: str | None) -> str:
    try:
        read_dump(str(path), SourceOptions(progress=False, schema_name=schema_name))
    except InputError as e:
        assert e.file == str(path), e
        if e.line is None:
            # only an input with no line at all: nothing in it, nothing decompressed,
            # or one byte of a gzip header (not even its magic number)
            assert ("empty file" in e.reason or "ends before any of it can be read" in e.reason
                    or path.stat().st_size < 2), e
            return "error (empty)"
        return "error at a line"
    except UsageError as e:
        raise AssertionError(f"{path}: a cut gave a usage error: {e}") from None
    return "read"


@pytest.mark.parametrize("name", corpus_dumps())
def test_cut_dumps_are_errors_naming_a_line(corpus, tmp_path, name, capsys):
    source = corpus / name
    data = source.read_bytes()
    schema_name = _database(source)
    try:  # the whole file reads, or fails as it does whole (sakila-data.sql needs the schema file first)
        read_dump(str(source), SourceOptions(progress=False, schema_name=schema_name))
        whole_reads = True
    except InputError:
        whole_reads = False
    has_footer = b"-- Dump completed" in data[-400:]
    rng = random.Random(f"{name}:{OFFSETS}")  # the same offsets on every run
    counts: Counter = Counter()
    for packing in ("plain", "gzip"):
        packed = data if packing == "plain" else gzip.compress(data, mtime=0)
        for k in sorted(rng.sample(range(len(packed)), min(OFFSETS, len(packed)))):
            cut = tmp_path / f"cut.{packing}"
            cut.write_bytes(packed[:k])
            outcome = _outcome(cut, schema_name)
            if outcome == "read":
                # only a plain cut can read, between two statements, of a file
                # whose tool writes no footer (or after the footer itself)
                assert packing == "plain", (name, k, "a cut gzip stream read without error")
                assert whole_reads, (name, k)
                footer_kept = b"-- Dump completed" in packed[max(0, k - 400):k]
                assert not has_footer or footer_kept, (name, k, "a cut without the footer read without error")
                outcome = "read (footer kept)" if has_footer else "read (no footer to miss)"
            counts[(packing, outcome)] += 1
    with capsys.disabled():
        print(f"\n{name}: " + ", ".join(f"{p} {o}: {n}" for (p, o), n in sorted(counts.items())))
    assert counts[("gzip", "error at a line")] + counts[("gzip", "error (empty)")] == min(OFFSETS, len(gzip.compress(data)))
