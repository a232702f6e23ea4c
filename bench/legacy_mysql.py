"""The legacy-style workload in MySQL's dialect, for the MySQL 9.7 rows.

``../shared/bench/gen_legacy.py`` writes MariaDB DDL: ``uuid`` and ``inet6``
types, ``DEFAULT uuid()`` without parentheses, sequences and ``nextval``
defaults, Aria tables. The MySQL case rewrites those spellings to what a MySQL
team would have written (``char(36)``, ``varbinary(16)``, ``DEFAULT (uuid())``,
no sequences, MyISAM, no system versioning) in the lax session such an app
ran in (zero dates allowed), then keeps the statements a MySQL server accepts, in
order, each tried on a scratch database of the source server (a statement that
needs one refused before it is refused too). The kept script is what every tool
reads; how much of the MariaDB script it keeps is printed in the results.

    python bench/legacy_mysql.py 1000    # bench/data/legacy-mysql-1000.sql and its counts
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from common import DATA, LEGACY, log

_REWRITES = (
    (re.compile(r"(`[^`]+` )uuid\b"), r"\1char(36)"),
    (re.compile(r"(`[^`]+` )inet6\b"), r"\1varbinary(16)"),
    (re.compile(r"\bDEFAULT uuid\(\)"), "DEFAULT (uuid())"),
    (re.compile(r" DEFAULT nextval\([^)]*\)"), ""),
    (re.compile(r"\bENGINE=Aria\b"), "ENGINE=MyISAM"),
    (re.compile(r" PAGE_CHECKSUM=\d| TRANSACTIONAL=\d| WITH(?:OUT)? SYSTEM VERSIONING"), ""),
)

#: The session a legacy MySQL app created its tables in (zero dates allowed):
#: the probe and the kept script both run in it.
SQL_MODE = "NO_ENGINE_SUBSTITUTION"


def rewrite(text: str) -> str:
    for pattern, repl in _REWRITES:
        text = pattern.sub(repl, text)
    return text


def mysql_file(n: int, server) -> tuple[Path, dict]:
    """``bench/data/legacy-mysql-N.sql``: the MySQL-accepted statements of the
    rewritten legacy schema of ``n`` tables, and counts (statements and tables
    kept of all); made again only when the generator's output changes."""
    import hashlib
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import pymysql

    from baseline.sql.split import split_sql

    source = LEGACY.schema_file(n)
    rules = repr([(p.pattern, r) for p, r in _REWRITES] + [SQL_MODE]).encode()
    digest = hashlib.sha256(source.read_bytes() + rules).hexdigest()
    path, meta = DATA / f"legacy-mysql-{n}.sql", DATA / f"legacy-mysql-{n}.json"
    if path.exists() and meta.exists():
        counts = json.loads(meta.read_text())
        if counts.get("source") == digest:
            return path, counts
    log(f"legacy on MySQL: keeping the statements of {source.name} a MySQL server accepts")
    statements = list(split_sql(rewrite(source.read_text())))
    db = "bench_legacy_probe"
    server.fresh(db)
    conn = server.server.connect(db)
    kept, refused = [], {}
    try:
        with conn.cursor() as cur:
            cur.execute(f"SET SESSION sql_mode = '{SQL_MODE}'")
            for st in statements:
                try:
                    cur.execute(st.text)
                    kept.append(st.text)
                except pymysql.MySQLError as e:
                    refused[e.args[0]] = refused.get(e.args[0], 0) + 1
    finally:
        conn.close()
        server.sql(f"DROP DATABASE IF EXISTS `{db}`")
    creates = [s for s in statements if s.text.lstrip().upper().startswith("CREATE TABLE")]
    counts = {"source": digest, "statements": len(statements), "kept": len(kept),
              "tables": len(creates), "tables_kept": sum(1 for s in kept if s.lstrip().upper().startswith("CREATE TABLE")),
              "refused_by_error": {str(k): v for k, v in sorted(refused.items())}}
    path.write_text(f"SET SESSION sql_mode = '{SQL_MODE}';\nDELIMITER ;;\n" + "".join(s.rstrip().rstrip(";") + ";;\n" for s in kept) + "DELIMITER ;\n")
    meta.write_text(json.dumps(counts, indent=1))
    log(f"legacy on MySQL, {n} tables: {counts['tables_kept']} of {counts['tables']} tables, "
        f"{counts['kept']} of {counts['statements']} statements kept")
    return path, counts


if __name__ == "__main__":  # pragma: no cover
    import sys

    from mysql import MySQLSource

    with MySQLSource() as srv:
        for arg in sys.argv[1:]:
            print(mysql_file(int(arg), srv)[1])
