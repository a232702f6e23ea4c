"""The shared corpus's real schemas as their authors wrote them, and where each loads.

Each entry is loaded with the server's own command-line client, file after file,
the way its SOURCE.md says (a file without ``CREATE DATABASE`` into a database
made first). Where a server refuses an entry, :data:`REFUSED` holds the server's
error (its code and a fragment of its message): the matrix test checks that the
servers still refuse exactly these, so a schema that starts or stops loading is
noticed.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    name: str
    #: Files relative to the corpus, loaded in order; a dict gives other files to some servers.
    files: tuple[str, ...]
    #: The databases the entry makes.
    databases: tuple[str, ...]
    #: The database to create first and load into, when the files name none.
    create: str | None = None
    #: Server key -> files used there instead (a patched copy the corpus provides).
    files_on: dict = field(default_factory=dict)

    def files_for(self, key: str) -> tuple[str, ...]:
        return self.files_on.get(key, self.files)


ENTRIES = (
    Entry("sakila", ("sakila/sakila-schema.sql", "sakila/sakila-data.sql"), ("sakila",)),
    Entry("employees", ("employees/derived/employees.schema-only.sql", "employees/objects.sql"), ("employees",)),
    Entry("employees_partitioned", ("employees/derived/employees_partitioned.schema-only.sql",),
          ("employees_partitioned",)),
    Entry("world", ("world/world.sql",), ("world",)),
    Entry("world_x", ("world_x/world_x.sql",), ("world_x",)),
    Entry("phpbb", ("phpbb-3.0/mysql_41_schema.sql",), ("phpbb",), create="phpbb"),
    Entry("dbatools", ("dump-dbatoolkit-mysql5.6/dbatools.schema.20161007-133143.sql",), ("dbatools",),
          create="dbatools"),
    Entry("ecombiz", ("dump-ecombiz-mysql5.7-cloudsql/mydb_Sales1.sql", "dump-ecombiz-mysql5.7-cloudsql/mydb_routines.sql"),
          ("mydb",), create="mydb"),
    Entry("kiigeeks", ("dump-kiigeeks-mariadb10.4/12-10-2021_202203_db_testing_backup.sql",), ("db_testing",),
          create="db_testing"),
    Entry("lburiti", ("dump-lburiti-company-mysql8.0.30/all_databases_backup.sql",), ("company", "customer_managment"),
          files_on={"mariadb-10.11": ("dump-lburiti-company-mysql8.0.30/derived/all_databases_backup.collation-patched.sql",)}),
    Entry("magentadesk", ("dump-magentadesk-mariadb10.10/1_base.sql", "dump-magentadesk-mariadb10.10/2_compare.sql"),
          ("base", "compare")),
    Entry("tfg", ("dump-tfg-mariadb10.11-sandbox/esquema.sql",), ("tfg",), create="tfg"),
    Entry("womensmell", ("dump-womensmell-mysql8.0.27/createDB_womensmell.sql",), ("database_womensmell",),
          files_on={"mariadb-10.11": ("dump-womensmell-mysql8.0.27/derived/createDB_womensmell.collation-patched.sql",)}),
    Entry("wordpress", ("dump-wordpress-frontity-mysql8.0/default-db.sql",), ("wordpress",), create="wordpress"),
    Entry("yoast", ("dump-wordpress-frontity-mysql8.0/yoast-13.5.sql",), ("yoast",), create="yoast"),
)

BY_NAME = {e.name: e for e in ENTRIES}

#: (entry, server key) -> the server's refusal: (error code, a fragment of its message).
REFUSED = {
    ("dbatools", "mysql-9.7"): (1064, "near '(q_passwd) WHERE User=q_username"),  # PASSWORD() is gone in MySQL 8
    ("ecombiz", "mysql-9.7"): (1146, "Table 'mydb.txn' doesn't exist"),  # the routines file needs missing tables
    ("magentadesk", "mysql-9.7"): (1064, "near 'SEQUENCE IF EXISTS"),  # MariaDB sequences
    ("womensmell", "mysql-9.7"): (1146, "order_product' doesn't exist"),  # a macOS dump: names re-cased
    ("world_x", "mariadb-11.8"): (1064, "NOT NULL"),  # NOT NULL on a generated column
    ("ecombiz", "mariadb-11.8"): (1193, "Unknown system variable 'GTID_PURGED'"),
    ("womensmell", "mariadb-11.8"): (1146, "order_product' doesn't exist"),
    ("world_x", "mariadb-10.11"): (1064, "NOT NULL"),
    ("ecombiz", "mariadb-10.11"): (1193, "Unknown system variable 'GTID_PURGED'"),
    ("womensmell", "mariadb-10.11"): (1146, "order_product' doesn't exist"),
}


def loads_on(key: str) -> list[Entry]:
    return [e for e in ENTRIES if (e.name, key) not in REFUSED]


#: Differences the server shows after a baseline is loaded with the stock client,
#: which no SQL file can avoid: (database, object) -> why.
CLIENT_LIMITS = {
    ("db_testing", "trigger triggeradd"):
        "its body has a carriage return before a line end, which the mysql/mariadb client drops "
        "from every line it reads (baseline's own executor keeps it)",
}
