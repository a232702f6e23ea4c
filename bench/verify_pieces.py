"""What ``baseline verify --migrations DIR --against URL`` does, piece by piece, timed.

Used by bench/verify.py to show where verify's time goes, and in place of the
CLI while ``verify`` is not built yet: read the chain, read the source
(read_live), start a throwaway server, replay the chain into a fresh database
(the baseline's CREATEs over several connections), introspect it, compare.

    python bench/verify_pieces.py DIR URL [--scratch local]

Prints one JSON object of seconds per piece; exit 0 when identical, 1 if not.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.compare import CompareOptions, compare
from baseline.scratch import open_scratch
from baseline.sources.live import read_live
from baseline.connect.url import ServerURL


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("migrations")
    ap.add_argument("against")
    ap.add_argument("--scratch", default="local")
    args = ap.parse_args()
    t = {}
    t0 = time.perf_counter()
    chain = read_chain(Path(args.migrations))
    t["read chain"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    source = read_live(ServerURL.parse(args.against), progress=False)
    t["introspect source"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    with open_scratch(args.scratch) as server:
        t["start server"] = time.perf_counter() - t2
        with server.database(charset=source.charset, collation=source.collation, prefix="baseline_chain",
                             drop=False) as db:
            t3 = time.perf_counter()
            result = replay_chain(chain, server, db, progress=False)
            t["replay"] = time.perf_counter() - t3
            t4 = time.perf_counter()
            built = read_live(server.url.with_database(db), progress=False)
            t["introspect replayed"] = time.perf_counter() - t4
        t5 = time.perf_counter()
    t["stop server"] = time.perf_counter() - t5
    t6 = time.perf_counter()
    differences = compare(built, source, CompareOptions())
    t["compare"] = time.perf_counter() - t6
    t["total"] = time.perf_counter() - t0
    t["statements"] = result.statements
    t["differences"] = len(differences)
    print(json.dumps(t))
    for d in differences[:20]:
        print(d, file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
