"""Generate a realistic legacy MySQL/MariaDB schema of N tables, deterministically.

Every table belongs to a "module" of related tables (like an app's domains) and
mixes what legacy schemas hold: integer family (signed, unsigned, zerofill),
decimals, floats, bits, dates and times with CURRENT_TIMESTAMP defaults and ON
UPDATE, YEAR, CHAR/VARCHAR/TEXT with per-column charsets and collations,
ENUM/SET, BLOBs, JSON, generated VIRTUAL/STORED columns, composite, prefix,
unique, FULLTEXT and SPATIAL indexes, foreign keys within and across modules,
foreign-key cycles (closed with ALTER TABLE at the end), views and views on
views, triggers and routines in DELIMITER blocks.

    python bench/gen_schema.py 1000 > schema.sql      # loads with the mariadb client
"""
from __future__ import annotations

import random
import sys

MODULE_NOUNS = ["account", "billing", "catalog", "delivery", "event", "finance", "growth", "hr",
                "inventory", "journal", "kyc", "ledger", "media", "notify", "order", "payment",
                "quote", "report", "search", "ticket", "user", "vendor", "warehouse", "xfer"]
TABLE_NOUNS = ["items", "entries", "records", "logs", "links", "states", "notes", "tags", "rules",
               "jobs", "batches", "lines", "versions", "snapshots", "requests"]


def _table_name(i: int) -> str:
    module = MODULE_NOUNS[(i // 10) % len(MODULE_NOUNS)]
    noun = TABLE_NOUNS[i % len(TABLE_NOUNS)]
    return f"{module}_{noun}_{i:05d}"


def _columns(rnd: random.Random, i: int) -> tuple[list[str], list[str], dict]:
    """Column definitions, index definitions, and facts about the table."""
    cols = ["`id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT"]
    idx = ["PRIMARY KEY (`id`)"]
    facts = {"text_cols": [], "int_cols": [], "has_ft": False}
    n = rnd.randint(5, 22)
    for c in range(n):
        kind = rnd.randrange(22)
        name = f"c{c:02d}"
        if kind == 0:
            cols.append(f"`{name}` INT NOT NULL DEFAULT 0")
            facts["int_cols"].append(name)
        elif kind == 1:
            cols.append(f"`{name}` INT(10) UNSIGNED ZEROFILL NULL")
        elif kind == 2:
            cols.append(f"`{name}` TINYINT(1) NOT NULL DEFAULT 1 COMMENT 'flag ''{c}'''")
        elif kind == 3:
            cols.append(f"`{name}` SMALLINT UNSIGNED NULL")
            facts["int_cols"].append(name)
        elif kind == 4:
            cols.append(f"`{name}` DECIMAL(12,{rnd.randint(0, 4)}) NOT NULL DEFAULT '0.00'")
        elif kind == 5:
            cols.append(f"`{name}` DOUBLE NULL")
        elif kind == 6:
            cols.append(f"`{name}` BIT(8) NOT NULL DEFAULT b'0'")
        elif kind == 7:
            cols.append(f"`{name}` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)")
        elif kind == 8:
            cols.append(f"`{name}` TIMESTAMP NULL DEFAULT NULL")
        elif kind == 9:
            cols.append(f"`{name}` DATE NULL")
        elif kind == 10:
            cols.append(f"`{name}` YEAR NULL")
        elif kind == 11:
            length = rnd.choice([32, 64, 191, 255])
            cols.append(f"`{name}` VARCHAR({length}) NOT NULL DEFAULT ''")
            facts["text_cols"].append(name)
            facts.setdefault("lengths", {})[name] = length
        elif kind == 12:
            cols.append(f"`{name}` VARCHAR(100) CHARACTER SET latin1 COLLATE latin1_general_ci NULL")
        elif kind == 13:
            cols.append(f"`{name}` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL")
        elif kind == 14:
            cols.append(f"`{name}` TEXT NULL")
            facts["text_cols"].append(name)
        elif kind == 15:
            cols.append(f"`{name}` MEDIUMTEXT COLLATE utf8mb4_unicode_ci NULL")
        elif kind == 16:
            cols.append(f"`{name}` ENUM('new','active','done','it''s') NOT NULL DEFAULT 'new'")
        elif kind == 17:
            cols.append(f"`{name}` SET('a','b','c') NULL")
        elif kind == 18:
            cols.append(f"`{name}` BLOB NULL")
        elif kind == 19:
            cols.append(f"`{name}` JSON NULL")
        elif kind == 20:
            cols.append(f"`{name}` VARBINARY(64) NULL")
        else:
            cols.append(f"`{name}` BIGINT NOT NULL DEFAULT 0")
            facts["int_cols"].append(name)
    # generated columns
    if facts["int_cols"] and rnd.random() < 0.4:
        src = facts["int_cols"][0]
        kind = rnd.choice(["VIRTUAL", "STORED"])
        cols.append(f"`g_{src}` BIGINT AS (`{src}` * 2) {kind}")
        idx.append(f"KEY `ix_g_{src}` (`g_{src}`)")
    # indexes
    tc = facts["text_cols"]
    if tc and rnd.random() < 0.5:
        prefix = min(64, facts.get("lengths", {}).get(tc[0], 64))
        idx.append(f"UNIQUE KEY `uq_{i}_{tc[0]}` (`{tc[0]}`({prefix}), `id`)")
    if len(facts["int_cols"]) >= 2 and rnd.random() < 0.6:
        a, b = facts["int_cols"][:2]
        idx.append(f"KEY `ix_{a}_{b}` (`{a}`, `{b}` DESC)")
    texts = [c for c in tc]
    if texts and rnd.random() < 0.15:
        idx.append(f"FULLTEXT KEY `ft_{texts[0]}` (`{texts[0]}`)")
        facts["has_ft"] = True
    if rnd.random() < 0.04:
        cols.append("`pos` POINT NOT NULL")
        idx.append("SPATIAL KEY `sp_pos` (`pos`)")
    return cols, idx, facts


def generate(n: int, seed: int = 0, flavor: str = "mariadb") -> str:
    """``flavor`` ``mysql``: the same kind of schema, every table InnoDB (MySQL's
    MyISAM has no descending key parts nor keys on virtual columns)."""
    rnd = random.Random(seed)
    out: list[str] = [f"-- generated legacy schema: {n} tables, seed {seed}"]
    names = [_table_name(i) for i in range(n)]
    cycles: list[str] = []
    int_tables: list[int] = []
    for i, name in enumerate(names):
        cols, idx, facts = _columns(rnd, i)
        engine = "InnoDB" if rnd.random() < 0.97 else "MyISAM"
        if flavor == "mysql":  # MySQL's MyISAM has no descending keys nor keys on virtual columns
            engine = "InnoDB"
        fks = []
        # foreign keys to earlier tables of the same module, sometimes across modules
        if int_tables and engine == "InnoDB":
            for k in range(rnd.choice([0, 1, 1, 2, 3])):
                near = [t for t in int_tables[-12:]]
                target = rnd.choice(near) if rnd.random() < 0.8 else rnd.choice(int_tables)
                col = f"ref{k}_id"
                cols.append(f"`{col}` BIGINT UNSIGNED {'NULL' if k else 'NOT NULL'}")
                action = rnd.choice(["ON DELETE CASCADE", "ON DELETE SET NULL" if k else "", "ON UPDATE CASCADE", ""])
                named = rnd.random() < 0.5
                cname = f"CONSTRAINT `fk_{i}_{k}` " if named else ""
                fks.append(f"{cname}FOREIGN KEY (`{col}`) REFERENCES `{names[target]}` (`id`) {action}".rstrip())
        checks = []
        if facts["int_cols"] and rnd.random() < 0.2:
            checks.append(f"CONSTRAINT `chk_{i}` CHECK (`{facts['int_cols'][0]}` >= 0)")
        opts = f"ENGINE={engine} DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"
        if rnd.random() < 0.1:
            opts += f" COMMENT='legacy table {i}; owner \\'team-{i % 7}\\''"
        if rnd.random() < 0.05:
            opts += " ROW_FORMAT=COMPRESSED"
        body = ",\n  ".join(cols + idx + fks + checks)
        out.append(f"CREATE TABLE `{name}` (\n  {body}\n) {opts};")
        if engine == "InnoDB":
            int_tables.append(i)
        # close a foreign-key cycle now and then: an earlier table points forward to this one
        if i >= 20 and i % 50 == 0 and engine == "InnoDB" and len(int_tables) > 15:
            back = names[int_tables[-15]]
            cycles.append(
                f"ALTER TABLE `{back}` ADD COLUMN `cyc_{i}_id` BIGINT UNSIGNED NULL,\n"
                f"  ADD CONSTRAINT `fk_cycle_{i}` FOREIGN KEY (`cyc_{i}_id`) REFERENCES `{name}` (`id`) ON DELETE SET NULL;")
    out.extend(cycles)
    # views, some on views
    views: list[str] = []
    for v in range(max(1, n // 20)):
        t = names[rnd.randrange(n)]
        vname = f"v_report_{v:04d}"
        if views and v % 3 == 0:
            base = views[rnd.randrange(len(views))]
            out.append(f"CREATE VIEW `{vname}` AS SELECT `id`, COUNT(*) AS `n` FROM `{base}` GROUP BY `id`;")
        else:
            out.append(f"CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `{vname}` AS "
                       f"SELECT `id`, 'it''s' AS `label` FROM `{t}` WHERE `id` > 10 WITH CASCADED CHECK OPTION;")
        views.append(vname)
    # triggers and routines
    out.append("DELIMITER ;;")
    for i in int_tables[:: 25]:
        t = names[i]
        out.append(f"CREATE TRIGGER `trg_{i:05d}_bi` BEFORE INSERT ON `{t}` FOR EACH ROW\n"
                   f"BEGIN\n  -- keep ids positive; it's a legacy rule\n  IF NEW.`id` = 0 THEN SET NEW.`id` = NULL; END IF;\nEND ;;")
    for r in range(max(1, n // 50)):
        t = names[rnd.randrange(n)]
        out.append(f"CREATE PROCEDURE `proc_{r:04d}`(IN p_id BIGINT UNSIGNED, OUT p_count INT)\n"
                   f"  READS SQL DATA\n  COMMENT 'count rows ''above'' p_id'\n"
                   f"BEGIN\n  SELECT COUNT(*) INTO p_count FROM `{t}` WHERE `id` > p_id;\nEND ;;")
        out.append(f"CREATE FUNCTION `fn_{r:04d}`(x DECIMAL(10,2)) RETURNS DECIMAL(12,2)\n"
                   f"  DETERMINISTIC NO SQL\nRETURN x * {r + 1}.5 ;;")
    out.append("DELIMITER ;")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    sys.stdout.write(generate(count, seed))
