"""Benchmark: parse and simulate a generated schema dump of N tables.

    python bench/ddl_parse.py [N] [--profile]

Writes bench/data/schema_N.sql (a mariadb-dump style, SHOW CREATE text with
realistic tables: 8-20 columns, several indexes, FKs, some checks and
partitions) and reports bytes, statements, tables/s and MB/s for
split_sql + schema_from_statements, and for parse_statement alone.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from baseline.flavor import DEFAULT_FLAVOR  # noqa: E402
from baseline.sql.parse import parse_statement  # noqa: E402
from baseline.engine.builder import schema_from_statements  # noqa: E402
from baseline.sql.split import split_sql  # noqa: E402

TYPES = ["int(11) NOT NULL", "int(11) DEFAULT NULL", "bigint(20) unsigned NOT NULL", "varchar(255) DEFAULT NULL",
         "varchar(64) NOT NULL DEFAULT ''", "text DEFAULT NULL", "datetime NOT NULL DEFAULT current_timestamp()",
         "timestamp NULL DEFAULT NULL ON UPDATE current_timestamp()", "decimal(10,2) NOT NULL DEFAULT 0.00",
         "tinyint(1) NOT NULL DEFAULT 0", "enum('new','open','closed') NOT NULL DEFAULT 'new'",
         "longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`{c}`))",
         "char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL", "double DEFAULT NULL",
         "date DEFAULT NULL COMMENT 'when it happened'"]


def generate(n: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out = ["/*M!999999\\- enable the sandbox mode */ ",
           "/*!40101 SET NAMES utf8mb4 */;", "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;",
           "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `bench` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;",
           "USE `bench`;"]
    for i in range(n):
        name = f"table_{i:05d}"
        cols = ["  `id` int(11) NOT NULL AUTO_INCREMENT"]
        ncols = rnd.randint(8, 20)
        for j in range(ncols):
            c = f"col_{j}"
            cols.append(f"  `{c}` " + rnd.choice(TYPES).format(c=c))
        keys = ["  PRIMARY KEY (`id`)"]
        for k in range(rnd.randint(1, 4)):
            a, b = rnd.sample(range(ncols), 2)
            keys.append(f"  KEY `idx_{k}` (`col_{a}`,`col_{b}`)")
        if i > 0 and rnd.random() < 0.5:
            keys.append(f"  KEY `fk_{i}` (`col_0`)")
            keys.append(f"  CONSTRAINT `fk_{i}` FOREIGN KEY (`col_0`) REFERENCES `table_{rnd.randrange(i):05d}` (`id`) "
                        "ON DELETE CASCADE")
        if rnd.random() < 0.2:
            keys.append("  CONSTRAINT `CONSTRAINT_1` CHECK (`id` > 0 and `col_0` is not null)")
        body = ",\n".join(cols + keys)
        out.append(f"DROP TABLE IF EXISTS `{name}`;")
        out.append("/*!40101 SET @saved_cs_client     = @@character_set_client */;")
        out.append(f"CREATE TABLE `{name}` (\n{body}\n) ENGINE=InnoDB AUTO_INCREMENT={rnd.randint(2, 10**6)} "
                   "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='generated';")
        out.append("/*!40101 SET character_set_client = @saved_cs_client */;")
    out.append("/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;")
    return "\n".join(out) + "\n"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 5000
    data = ROOT / "bench" / "data"
    data.mkdir(parents=True, exist_ok=True)
    path = data / f"schema_{n}.sql"
    if not path.exists():
        path.write_text(generate(n))
    text = path.read_text()
    mb = len(text.encode()) / 1e6

    t0 = time.perf_counter()
    statements = list(split_sql(text, file=str(path)))
    t1 = time.perf_counter()
    creates = [s for s in statements if s.text.startswith("CREATE TABLE")]
    for s in creates:
        parse_statement(s.text, flavor=DEFAULT_FLAVOR, file=str(path), line=s.line)
    t2 = time.perf_counter()
    if "--profile" in sys.argv:
        import cProfile
        import pstats
        cProfile.runctx("schema_from_statements(statements, flavor=DEFAULT_FLAVOR, file=str(path))",
                        globals(), locals(), str(data / "prof"))
        pstats.Stats(str(data / "prof")).sort_stats("cumulative").print_stats(25)
        return
    schema = schema_from_statements(statements, flavor=DEFAULT_FLAVOR, file=str(path))
    t3 = time.perf_counter()
    assert len(schema.tables) == n
    print(f"{path.name}: {mb:.1f} MB, {len(statements)} statements, {n} tables")
    print(f"  split_sql:                 {t1 - t0:6.2f} s  ({mb / (t1 - t0):5.1f} MB/s)")
    print(f"  parse_statement (tables):  {t2 - t1:6.2f} s  ({n / (t2 - t1):6.0f} tables/s, {mb / (t2 - t1):5.1f} MB/s)")
    print(f"  schema_from_statements:    {t3 - t2:6.2f} s  ({n / (t3 - t2):6.0f} tables/s)")
    print(f"  total (split + simulate):  {t3 - t2 + t1 - t0:6.2f} s")


if __name__ == "__main__":
    main()
