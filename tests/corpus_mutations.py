"""Single changes to real corpus schemas, as SQL, with the difference each must give.

Each :class:`Mutation` is applied to a fresh copy of a corpus schema (side B) on
a real MariaDB server; side A is the unchanged schema. The comparison of the two
live models must report exactly ``expected`` ((kind, path, attribute) in report
order); an empty ``expected`` means "identical" (AUTO_INCREMENT counters,
definers, sequence positions). ``{db}`` in the SQL is B's database name.

Routines and triggers are recreated under the ``sql_mode`` the dump created them
with, so that only the intended attribute changes.
"""
from __future__ import annotations

from dataclasses import dataclass

SAKILA_MODE = ("SET sql_mode = 'STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
               "ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION';\n")
#: The session dbatools' events were created in (ALTER EVENT stores the session's
#: sql_mode, time zone and character sets with the event again).
DBATOOLS_MODE = ("SET sql_mode = 'NO_ENGINE_SUBSTITUTION'; SET time_zone = 'SYSTEM'; "
                 "SET character_set_client = utf8mb3; SET collation_connection = utf8mb3_general_ci;\n")

STAFF_LIST = ("select `s`.`staff_id` AS `ID`,concat(`s`.`first_name`,_utf8mb4' ',`s`.`last_name`) AS `name`,"
              "`a`.`address` AS `address`,`a`.`postal_code` AS `zip code`,`a`.`phone` AS `phone`,"
              "`city`.`city` AS `city`,`country`.`country` AS `country`,`s`.`store_id` AS `SID` "
              "from (((`staff` `s` join `address` `a` on(`s`.`address_id` = `a`.`address_id`)) "
              "join `city` on(`a`.`city_id` = `city`.`city_id`)) "
              "join `country` on(`city`.`country_id` = `country`.`country_id`))")

HELD_BY = """
BEGIN
  DECLARE v_customer_id INT;
  DECLARE EXIT HANDLER FOR NOT FOUND RETURN NULL;

  SELECT customer_id INTO v_customer_id
  FROM rental
  WHERE return_date IS NULL
  AND inventory_id = p_inventory_id{extra};

  RETURN v_customer_id;
END"""

FILM_IN_STOCK = """
BEGIN
     SELECT inventory_id
     FROM inventory
     WHERE film_id = p_film_id
     AND store_id = p_store_id
     AND inventory_in_stock(inventory_id);

     SELECT COUNT(*)
     FROM inventory
     WHERE film_id = p_film_id
     AND store_id = p_store_id
     AND inventory_in_stock(inventory_id)
     INTO p_film_count;
END"""

UPD_FILM = """BEGIN
    IF (old.title != new.title) OR (old.description != new.description) OR (old.film_id != new.film_id)
    THEN
        UPDATE film_text
            SET title=new.title,
                description=new.description,
                film_id=new.film_id
        WHERE film_id=old.film_id;
    END IF;
  END"""


def _fk_original_language(references: str) -> str:
    # two statements: InnoDB refuses to drop and re-add a constraint name in one ALTER
    return ("ALTER TABLE film DROP FOREIGN KEY fk_film_language_original;\n"
            f"ALTER TABLE film ADD CONSTRAINT fk_film_language_original FOREIGN KEY {references}")


@dataclass(frozen=True)
class Mutation:
    id: str
    corpus: str
    sql: str
    expected: tuple[tuple[str, tuple[str, ...], str], ...]


def M(id, corpus, sql, *expected):
    return Mutation(id, corpus, sql, tuple(expected))


MUTATIONS: list[Mutation] = [
    # ---------------------------------------------------------------- columns
    M("column type", "sakila", "ALTER TABLE film MODIFY length int(10) unsigned DEFAULT NULL",
      ("column", ("film", "length"), "type")),
    M("column length", "sakila", "ALTER TABLE actor MODIFY first_name varchar(60) NOT NULL",
      ("column", ("actor", "first_name"), "type")),
    M("column unsigned", "sakila", "ALTER TABLE film MODIFY length smallint(5) DEFAULT NULL",
      ("column", ("film", "length"), "unsigned")),
    M("column nullability", "sakila", "ALTER TABLE actor MODIFY first_name varchar(45) NULL",
      ("column", ("actor", "first_name"), "nullable")),
    M("column default", "sakila", "ALTER TABLE film ALTER COLUMN rental_duration SET DEFAULT 5",
      ("column", ("film", "rental_duration"), "default")),
    M("column on update", "sakila", "ALTER TABLE actor MODIFY last_update timestamp NOT NULL "
                                    "DEFAULT current_timestamp()",
      ("column", ("actor", "last_update"), "on_update")),
    M("column charset", "sakila", "ALTER TABLE actor MODIFY first_name varchar(45) CHARACTER SET latin1 NOT NULL",
      ("column", ("actor", "first_name"), "charset"), ("column", ("actor", "first_name"), "collation")),
    M("column collation", "sakila", "ALTER TABLE actor MODIFY first_name varchar(45) COLLATE utf8mb4_bin NOT NULL",
      ("column", ("actor", "first_name"), "collation")),
    M("column comment", "sakila", "ALTER TABLE actor MODIFY first_name varchar(45) NOT NULL COMMENT 'given name'",
      ("column", ("actor", "first_name"), "comment")),
    M("column invisible", "sakila", "ALTER TABLE actor MODIFY last_update timestamp NOT NULL "
                                    "DEFAULT current_timestamp() ON UPDATE current_timestamp() INVISIBLE",
      ("column", ("actor", "last_update"), "invisible")),
    M("generated expression", "magentadesk",
      "ALTER TABLE t_diff_generated MODIFY age int(11) GENERATED ALWAYS AS (id * 1000) VIRTUAL",
      ("column", ("t_diff_generated", "age"), "generated")),
    M("generated kind", "magentadesk",
      "ALTER TABLE t_diff_generated_stored DROP COLUMN age, "
      "ADD COLUMN age int(11) GENERATED ALWAYS AS (id * 100) VIRTUAL AFTER name",
      ("column", ("t_diff_generated_stored", "age"), "generated_kind")),
    M("column order", "sakila", "ALTER TABLE actor MODIFY last_name varchar(45) NOT NULL AFTER actor_id",
      ("table", ("actor",), "column order")),
    M("extra column", "sakila", "ALTER TABLE actor ADD COLUMN middle_name varchar(45) DEFAULT NULL AFTER first_name",
      ("column", ("actor", "middle_name"), "exists")),
    M("missing column", "sakila", "ALTER TABLE film DROP COLUMN special_features",
      ("column", ("film", "special_features"), "exists")),
    M("json becomes longtext", "kratos", "ALTER TABLE identities MODIFY metadata_admin longtext "
                                         "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL",
      ("column", ("identities", "metadata_admin"), "type")),
    # ---------------------------------------------------------------- indexes
    M("index unique", "sakila", "ALTER TABLE actor DROP INDEX idx_actor_last_name, "
                                "ADD UNIQUE INDEX idx_actor_last_name (last_name)",
      ("index", ("actor", "idx_actor_last_name"), "kind")),
    M("index fulltext", "sakila", "ALTER TABLE film DROP INDEX idx_title, ADD FULLTEXT INDEX idx_title (title)",
      ("index", ("film", "idx_title"), "kind")),
    M("index not unique", "sakila", "ALTER TABLE rental DROP INDEX rental_date, "
                                    "ADD INDEX rental_date (rental_date, inventory_id, customer_id)",
      ("index", ("rental", "rental_date"), "kind")),
    M("index columns", "sakila", "ALTER TABLE inventory DROP INDEX idx_store_id_film_id, "
                                 "ADD INDEX idx_store_id_film_id (store_id)",
      ("index", ("inventory", "idx_store_id_film_id"), "columns")),
    M("index prefix", "sakila", "ALTER TABLE actor DROP INDEX idx_actor_last_name, "
                                "ADD INDEX idx_actor_last_name (last_name(10))",
      ("index", ("actor", "idx_actor_last_name"), "prefix lengths")),
    M("index descending", "sakila", "ALTER TABLE actor DROP INDEX idx_actor_last_name, "
                                    "ADD INDEX idx_actor_last_name (last_name DESC)",
      ("index", ("actor", "idx_actor_last_name"), "descending")),
    M("index ignored", "sakila", "ALTER TABLE actor ALTER INDEX idx_actor_last_name IGNORED",
      ("index", ("actor", "idx_actor_last_name"), "visible")),
    M("index comment", "sakila", "ALTER TABLE actor DROP INDEX idx_actor_last_name, "
                                 "ADD INDEX idx_actor_last_name (last_name) COMMENT 'search'",
      ("index", ("actor", "idx_actor_last_name"), "comment")),
    M("extra index", "sakila", "CREATE INDEX idx_first_name ON actor (first_name)",
      ("index", ("actor", "idx_first_name"), "exists")),
    M("missing index", "sakila", "ALTER TABLE film DROP INDEX idx_title",
      ("index", ("film", "idx_title"), "exists")),
    M("primary key", "sakila", "ALTER TABLE film_text DROP PRIMARY KEY, ADD PRIMARY KEY (film_id, title)",
      ("index", ("film_text", "PRIMARY"), "columns")),
    # ---------------------------------------------------------------- foreign keys and checks
    M("fk columns", "sakila",
      _fk_original_language("(language_id) REFERENCES language (language_id) ON UPDATE CASCADE"),
      ("foreign key", ("film", "fk_film_language_original"), "columns")),
    M("fk target", "sakila",
      _fk_original_language("(original_language_id) REFERENCES store (store_id) ON UPDATE CASCADE"),
      ("foreign key", ("film", "fk_film_language_original"), "ref_table"),
      ("foreign key", ("film", "fk_film_language_original"), "ref_columns")),
    M("fk on delete", "sakila",
      _fk_original_language("(original_language_id) REFERENCES language (language_id) "
                            "ON DELETE SET NULL ON UPDATE CASCADE"),
      ("foreign key", ("film", "fk_film_language_original"), "on_delete")),
    M("fk on update", "sakila",
      _fk_original_language("(original_language_id) REFERENCES language (language_id)"),
      ("foreign key", ("film", "fk_film_language_original"), "on_update")),
    M("missing fk", "sakila", "ALTER TABLE film DROP FOREIGN KEY fk_film_language_original",
      ("foreign key", ("film", "fk_film_language_original"), "exists")),
    M("extra check", "sakila", "ALTER TABLE film ADD CONSTRAINT chk_length CHECK (length > 0)",
      ("check", ("film", "chk_length"), "exists")),
    M("check expression", "kratos",
      "ALTER TABLE identities MODIFY external_id varchar(64) DEFAULT NULL "
      "CHECK (external_id IS NULL OR external_id <> 'none')",
      ("check", ("identities", "external_id"), "expression")),
    # ---------------------------------------------------------------- table options
    M("table engine", "sakila", "ALTER TABLE film_text ENGINE=MyISAM",
      ("table", ("film_text",), "engine")),
    M("table row format", "sakila", "ALTER TABLE actor ROW_FORMAT=COMPRESSED",
      ("table", ("actor",), "row_format")),
    M("table comment", "sakila", "ALTER TABLE actor COMMENT='people in films'",
      ("table", ("actor",), "comment")),
    M("table charset", "sakila", "ALTER TABLE category DEFAULT CHARACTER SET latin1",
      ("table", ("category",), "charset"), ("table", ("category",), "collation")),
    M("table collation", "sakila", "ALTER TABLE category DEFAULT COLLATE utf8mb4_unicode_ci",
      ("table", ("category",), "collation")),
    M("table stats option", "sakila", "ALTER TABLE actor STATS_PERSISTENT=0",
      ("table", ("actor",), "options.stats_persistent")),
    M("system versioning", "magentadesk", "ALTER TABLE t_ok ADD SYSTEM VERSIONING",
      ("table", ("t_ok",), "system_versioned")),
    # ---------------------------------------------------------------- partitioning
    M("partition values", "employees_partitioned",
      "ALTER TABLE salaries REORGANIZE PARTITION p01, p02 INTO (PARTITION p01 VALUES LESS THAN ('1985-06-30'), "
      "PARTITION p02 VALUES LESS THAN ('1986-12-31'))",
      ("partition", ("salaries", "p01"), "values")),
    M("partition dropped", "employees_partitioned", "ALTER TABLE salaries DROP PARTITION p01",
      ("partition", ("salaries", "p01"), "exists")),
    M("partitioning removed", "employees_partitioned", "ALTER TABLE titles REMOVE PARTITIONING",
      ("partitioning", ("titles",), "exists")),
    M("partitioning added", "magentadesk", "ALTER TABLE t_ok PARTITION BY HASH(id) PARTITIONS 3",
      ("partitioning", ("t_ok",), "exists")),
    M("partition method", "magentadesk",
      "ALTER TABLE t_partition PARTITION BY LIST (id) (PARTITION p1 VALUES IN (1,2,3), "
      "PARTITION p2 VALUES IN (4,5,6), PARTITION p VALUES IN (7,8,9))",
      ("partitioning", ("t_partition",), "method")),
    M("partition comment", "magentadesk",
      "ALTER TABLE t_comment REORGANIZE PARTITION p1 INTO (PARTITION p1 VALUES IN (1,2,3) COMMENT 'P ONE')",
      ("partition", ("t_comment", "p1"), "comment")),
    # ---------------------------------------------------------------- views
    M("view body", "sakila", "CREATE OR REPLACE VIEW staff_list AS " + STAFF_LIST.replace("_utf8mb4' '", "', '"),
      ("view", ("staff_list",), "definition")),
    M("view algorithm", "sakila", "ALTER ALGORITHM=MERGE VIEW staff_list AS " + STAFF_LIST,
      ("view", ("staff_list",), "algorithm")),
    M("view security", "sakila", "ALTER SQL SECURITY INVOKER VIEW staff_list AS " + STAFF_LIST,
      ("view", ("staff_list",), "security")),
    M("extra view", "sakila", "CREATE VIEW v_languages AS SELECT name FROM language",
      ("view", ("v_languages",), "exists")),
    M("missing view", "sakila", "DROP VIEW actor_info",
      ("view", ("actor_info",), "exists")),
    # ---------------------------------------------------------------- triggers
    M("trigger body", "sakila",
      SAKILA_MODE + "DROP TRIGGER del_film;\nDELIMITER ;;\nCREATE TRIGGER `del_film` AFTER DELETE ON `film` "
                    "FOR EACH ROW BEGIN\n    DELETE FROM film_text WHERE film_id = old.film_id + 0;\n  END;;\n",
      ("trigger", ("del_film",), "body")),
    M("trigger timing", "sakila",
      SAKILA_MODE + f"DROP TRIGGER upd_film;\nDELIMITER ;;\nCREATE TRIGGER upd_film BEFORE UPDATE ON film "
                    f"FOR EACH ROW {UPD_FILM};;\n",
      ("trigger", ("upd_film",), "timing")),
    M("trigger event", "sakila",
      SAKILA_MODE + "DROP TRIGGER customer_create_date;\nCREATE TRIGGER customer_create_date BEFORE UPDATE "
                    "ON customer FOR EACH ROW SET NEW.create_date = NOW()",
      ("trigger", ("customer_create_date",), "event")),
    M("missing trigger", "sakila", "DROP TRIGGER payment_date",
      ("trigger", ("payment_date",), "exists")),
    # ---------------------------------------------------------------- routines
    M("routine body", "sakila",
      SAKILA_MODE + "DROP FUNCTION inventory_held_by_customer;\nDELIMITER ;;\n"
                    "CREATE FUNCTION inventory_held_by_customer(p_inventory_id INT) RETURNS int(11)\n"
                    "    READS SQL DATA" + HELD_BY.format(extra="\n  LIMIT 1") + ";;\n",
      ("routine", ("function inventory_held_by_customer",), "body")),
    M("function returns", "sakila",
      SAKILA_MODE + "DROP FUNCTION inventory_held_by_customer;\nDELIMITER ;;\n"
                    "CREATE FUNCTION inventory_held_by_customer(p_inventory_id INT) RETURNS bigint(20)\n"
                    "    READS SQL DATA" + HELD_BY.format(extra="") + ";;\n",
      ("routine", ("function inventory_held_by_customer",), "returns")),
    M("routine params", "sakila",
      SAKILA_MODE + "DROP PROCEDURE film_in_stock;\nDELIMITER ;;\n"
                    "CREATE PROCEDURE film_in_stock(IN p_film_id BIGINT, IN p_store_id INT, OUT p_film_count INT)\n"
                    "    READS SQL DATA" + FILM_IN_STOCK + ";;\n",
      ("routine", ("procedure film_in_stock",), "params")),
    M("routine comment", "sakila", SAKILA_MODE + "ALTER FUNCTION inventory_in_stock COMMENT 'on the shelf?'",
      ("routine", ("function inventory_in_stock",), "comment")),
    M("routine security", "sakila", SAKILA_MODE + "ALTER PROCEDURE film_in_stock SQL SECURITY INVOKER",
      ("routine", ("procedure film_in_stock",), "security")),
    M("routine data access", "sakila", SAKILA_MODE + "ALTER FUNCTION inventory_in_stock MODIFIES SQL DATA",
      ("routine", ("function inventory_in_stock",), "data_access")),
    M("missing routine", "sakila", "DROP PROCEDURE rewards_report",
      ("routine", ("procedure rewards_report",), "exists")),
    # ---------------------------------------------------------------- events and sequences
    M("event schedule", "dbatools",
      DBATOOLS_MODE + "ALTER EVENT ev_hourly_analyze_table_deltas ON SCHEDULE EVERY 2 HOUR "
                      "STARTS '2016-10-07 13:31:34'",
      ("event", ("ev_hourly_analyze_table_deltas",), "schedule")),
    M("event status", "dbatools", DBATOOLS_MODE + "ALTER EVENT ev_hourly_stats_table_sizes DISABLE",
      ("event", ("ev_hourly_stats_table_sizes",), "status")),
    M("event preserve", "dbatools",
      DBATOOLS_MODE + "ALTER EVENT ev_hourly_stats_table_sizes ON COMPLETION PRESERVE",
      ("event", ("ev_hourly_stats_table_sizes",), "preserve")),
    M("missing event", "dbatools", "DROP EVENT ev_hourly_stats_table_sizes",
      ("event", ("ev_hourly_stats_table_sizes",), "exists")),
    M("sequence increment", "magentadesk", "ALTER SEQUENCE s_seq INCREMENT BY 5",
      ("sequence", ("s_seq",), "increment")),
    M("sequence cache", "magentadesk", "ALTER SEQUENCE s_seq CACHE 50",
      ("sequence", ("s_seq",), "cache")),
    M("extra sequence", "magentadesk", "CREATE SEQUENCE s_more",
      ("sequence", ("s_more",), "exists")),
    # ---------------------------------------------------------------- whole objects, database
    M("extra table", "sakila", "CREATE TABLE t_new (id int PRIMARY KEY) DEFAULT CHARSET=utf8mb4",
      ("table", ("t_new",), "exists")),
    M("missing table", "sakila", "DROP TABLE film_text",
      ("table", ("film_text",), "exists")),
    M("database collation", "sakila", "ALTER DATABASE `{db}` COLLATE latin1_general_ci",
      ("schema", (), "collation")),
    M("database charset", "sakila", "ALTER DATABASE `{db}` CHARACTER SET utf8mb4",
      ("schema", (), "charset"), ("schema", (), "collation")),
    # ---------------------------------------------------------------- not differences
    M("auto_increment counter only", "sakila", "ALTER TABLE actor AUTO_INCREMENT = 5000"),
    M("definer only", "sakila", "CREATE OR REPLACE DEFINER=`nobody`@`%` VIEW staff_list AS " + STAFF_LIST),
    M("sequence position only", "magentadesk", "SELECT NEXTVAL(s_seq)"),
]


_TABLE_CHILDREN = {"column", "index", "foreign key", "check", "partitioning", "partition"}


def owner_of(kind: str, path: tuple[str, ...]) -> tuple[str, str]:
    """The top-level object a (kind, path) belongs to, as a touch key."""
    if kind == "schema":
        return ("schema", "")
    if kind in _TABLE_CHILDREN:
        return ("table", path[0])
    return (kind, path[0])
