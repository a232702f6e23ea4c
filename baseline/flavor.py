"""Flavors (MySQL 5.7, 8.x, MariaDB 10.x, 11.x) as data and rules.

Every difference between server flavors lives here, and nowhere else: callers ask
``flavor.rules.<something>`` (or a :class:`Flavor` method, for the few decisions
that are not one value) instead of testing families or versions themselves;
``tests/core/test_flavor.py`` keeps it so. A rule set
is built by applying, in order, every entry of :data:`RULE_TABLE` whose family
matches and whose minimum version is reached; later entries override earlier
ones. Pure data, no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

MYSQL = "mysql"
MARIADB = "mariadb"


@dataclass(frozen=True)
class Rules:
    """What a flavor does, as plain values. See :data:`RULE_TABLE`."""

    # -- spelling: how the server shows things (SHOW CREATE / information_schema)
    #: ``int(11)`` (True) or ``int`` (False, MySQL 8.0.19+).
    int_display_width: bool = True
    #: Name shown for the 3-byte UTF-8 charset: ``utf8`` or ``utf8mb3``.
    utf8_name: str = "utf8"
    #: Spelling of CURRENT_TIMESTAMP in defaults and ON UPDATE.
    current_timestamp: str = "CURRENT_TIMESTAMP"
    #: MySQL shows numeric defaults quoted (``DEFAULT '0'``), MariaDB 10.2.7+ not.
    quotes_numeric_defaults: bool = True
    #: An expression default is shown in parentheses (MySQL: ``DEFAULT (uuid())``);
    #: MariaDB shows it bare, parenthesized only where the expression needs it.
    parenthesized_expression_defaults: bool = False
    #: JSON is a type of its own (MySQL) or LONGTEXT + json_valid CHECK (MariaDB).
    native_json: bool = True
    #: A column-level CHECK is named after its column (MariaDB) or ``<table>_chk_<n>`` (MySQL).
    column_check_named_after_column: bool = False
    #: Name pattern of an unnamed table-level CHECK (``{table}``, ``{n}`` placeholders).
    check_name_pattern: str = "{table}_chk_{n}"
    #: Name pattern of an unnamed FOREIGN KEY.
    fk_name_pattern: str = "{table}_ibfk_{n}"
    #: Default collation of each character set.
    default_collations: dict = field(default_factory=dict)
    #: The server keeps whether a CHECK was written on a column or on the table
    #: (MariaDB's SHOW CREATE prints a column CHECK on its column); MySQL moves
    #: every CHECK to the table, so the comparison ignores the difference there.
    #: (Whether the *catalog* tells them apart is :attr:`catalog_check_level`.)
    check_level_recorded: bool = False

    # -- features
    check_constraints: bool = False
    descending_indexes: bool = False
    functional_indexes: bool = False

    # -- DDL semantics the offline simulator follows (baseline.engine.builder)
    #: ``explicit_defaults_for_timestamp`` default: when False, a TIMESTAMP column
    #: without NULL/DEFAULT is NOT NULL, the first one DEFAULT/ON UPDATE CURRENT_TIMESTAMP.
    explicit_defaults_for_timestamp: bool = True
    #: The server's default session ``sql_mode`` (recorded into routines, triggers
    #: and events created when the script never sets one).
    default_sql_mode: str = ""
    #: Server default character set (``character_set_server``) for a database
    #: whose charset no statement gives.
    default_charset: str = "latin1"
    #: Nullable BLOB/TEXT columns show ``DEFAULT NULL`` (MariaDB 10.2.1+, where they
    #: may have defaults) or no default at all (MySQL, whose JSON and spatial
    #: columns do show ``DEFAULT NULL``). The simulator and live introspection
    #: (MySQL's catalog says NULL either way) both follow it.
    lob_default_null_shown: bool = False
    #: A column's inline ``REFERENCES t(c)`` creates a foreign key (MariaDB 10.5+);
    #: MySQL parses and ignores it.
    inline_references_create_fk: bool = False
    #: ``FOREIGN KEY idx (...)`` without ``CONSTRAINT name`` names the constraint
    #: ``idx`` too (MariaDB) instead of ``<table>_ibfk_<n>`` (MySQL).
    fk_index_name_names_constraint: bool = False
    #: UNIQUE keys over BLOB/TEXT (or too long for the engine) become hash-based
    #: long unique keys, shown ``USING HASH`` (MariaDB 10.4+).
    long_unique_hash: bool = False
    #: ALTER TABLE re-sorts the keys (``sort_keys``) only when the statement adds a
    #: key or foreign key (or the table's implicit primary key, its first NOT NULL
    #: UNIQUE key, stops being NOT NULL); otherwise the keys keep their previous
    #: order even where a column's nullability, prefix or long-hash state changed
    #: (MariaDB; seen on 10.11). False: every ALTER re-sorts like CREATE.
    alter_keeps_key_order: bool = False
    #: An ALTER may drop the (explicit or implicit) primary key a foreign key
    #: needs when another key takes its place as clustered index (a new PRIMARY
    #: KEY, or a NOT NULL UNIQUE key as implicit one): InnoDB's in-place path does
    #: not check (MariaDB; seen on 10.11, where
    #: ``ALGORITHM=COPY`` refuses the same statement with errno 150).
    fk_check_skips_dropped_primary: bool = False
    #: A foreign key added over a column whose only serving index the server made
    #: for an earlier key (named after the column, then left by DROP FOREIGN KEY)
    #: gets an index of its own name instead, the old one removed (MySQL 8's data
    #: dictionary marks such indexes generated; seen on 9.7). MariaDB reuses it.
    fk_replaces_generated_index: bool = False
    #: A non-unique single-column key too long for the engine (or over BLOB/TEXT
    #: without a length) gets the longest prefix that fits, instead of an error.
    auto_prefix_long_keys: bool = False
    #: How the server re-prints a stored expression (generated columns, CHECKs,
    #: defaults): ``mariadb`` or ``mysql``, a style of :mod:`baseline.sql.ddl.printer`.
    expression_style: str = "mysql"
    #: How the server rewrites a view's SELECT before storing it, as far as the
    #: simulator reproduces it: ``mariadb`` (:mod:`baseline.sql.ddl.views`) or None
    #: (MySQL's rewriting is not reproduced: bodies are kept as written).
    view_rewrite: str | None = None
    #: A generated column is nullable whatever its definition says (MariaDB).
    generated_columns_nullable: bool = False
    #: ``PARTITION ... VALUES IN (...)`` lists NULL first (MariaDB, single-expression
    #: partitioning); MySQL keeps the order written.
    list_partition_null_first: bool = False
    #: Spelling of the GEOMETRYCOLLECTION type.
    geometrycollection_name: str = "geometrycollection"
    #: ``NO_AUTO_CREATE_USER`` is still a sql_mode flag (removed in MySQL 8.0).
    sql_mode_has_no_auto_create_user: bool = True
    #: The foreign-key action an omitted ``ON DELETE``/``ON UPDATE`` means, which
    #: SHOW CREATE leaves out: ``NO ACTION`` (MySQL, which prints an explicit
    #: ``RESTRICT``) or ``RESTRICT`` (MariaDB, which prints an explicit ``NO ACTION``).
    fk_default_action: str = "NO ACTION"
    #: The server marks a column whose collation its definition gave (``CHARACTER
    #: SET`` or ``COLLATE``), and SHOW CREATE then prints both even where they
    #: equal the table's (MySQL 8's data dictionary); MariaDB prints a column's
    #: charset only where its collation differs from the table's.
    column_collation_explicit_recorded: bool = False
    #: An index algorithm the engine does not have (``USING HASH`` on InnoDB) is
    #: kept and shown (MariaDB); MySQL drops it.
    keeps_unsupported_index_algorithm: bool = False
    #: SHOW CREATE TRIGGER prints the statement as written from ``TRIGGER`` to
    #: the body (MariaDB: keyword case, spacing, qualifiers; without FOLLOWS/
    #: PRECEDES); MySQL rebuilds that head in its own spelling.
    trigger_head_as_written: bool = False
    #: A function's parameter list is stored without its leading whitespace
    #: (MariaDB; a procedure's is kept as written, as MySQL keeps both).
    function_params_lstripped: bool = False

    # -- mysqldump / client behaviour
    #: Highest ``/*!NNNNN ... */`` version the server executes (MariaDB ignores 50700+).
    executes_versioned_comments_up_to: int = 999999
    #: Executes MariaDB-only version comments ``/*M!NNNNNN ... */``.
    mariadb_version_comments: bool = False
    #: Digits the server reads as the version of ``/*!`` (MySQL 5, MariaDB up to 6).
    version_comment_digits: int = 5

    # -- live introspection: what information_schema (the "catalog") shows, and how
    #: COLUMNS.COLUMN_DEFAULT holds the SHOW CREATE spelling (``'abc'``, ``NULL``,
    #: ``current_timestamp()``); MySQL holds the bare value and flags expressions in EXTRA.
    catalog_defaults_as_sql: bool = False
    #: Where CHECK constraints are listed: ``check_constraints`` (with TABLE_NAME,
    #: MariaDB), ``table_constraints`` (joined, with ENFORCED, MySQL) or None.
    catalog_checks: str | None = None
    #: CHECK_CONSTRAINTS.LEVEL tells column-level from table-level checks.
    catalog_check_level: bool = False
    #: CHECK_CLAUSE is cut at this many characters (read SHOW CREATE when reached).
    catalog_check_clause_limit: int | None = None
    #: STATISTICS column telling index visibility: ``IGNORED`` (YES = ignored) or
    #: ``IS_VISIBLE`` (NO = invisible); None when the flavor has no such indexes.
    catalog_index_visibility: str | None = None
    #: STATISTICS rows of a table come in SHOW CREATE order (no ordinal column exists).
    catalog_index_order: bool = False
    #: Expressions (generated columns, default expressions, CHECK clauses, functional
    #: key parts) read from the catalog keep the SHOW CREATE spelling; MySQL 8 mangles
    #: their quoting, so tables using them are read with SHOW CREATE TABLE instead.
    catalog_expressions_exact: bool = True
    #: A live read builds each table from its SHOW CREATE text (the DDL parser and
    #: the builder, as a dump of it is read) instead of the catalog: the text of
    #: every table is read anyway, and the catalog garbles what it holds (MySQL:
    #: its dumps, 5.6 to 9.7, are read so offline and agree with the server).
    live_tables_from_text: bool = False
    #: Session statements run before reading (e.g. fresh statistics on MySQL 8).
    introspection_session: tuple = ()
    #: The big catalog reads come back as one JSON array (``JSON_ARRAYAGG``): the
    #: server encodes, Python's C decoder reads, instead of the driver decoding
    #: each field of tens of thousands of rows (see ``sources/catalog.json_rows_sql``).
    catalog_json_rows: bool = False
    #: Keyword that marks an invisible index in CREATE TABLE text.
    invisible_index_sql: str | None = None
    #: COLUMNS.SRS_ID exists (MySQL 8 spatial reference ids).
    catalog_srid: bool = False

    # -- containers
    #: Image for a throwaway server of this flavor (``{major}``, ``{minor}`` placeholders).
    docker_image: str = "mysql:{major}.{minor}"

    # -- local throwaway servers (``--scratch local``)
    #: How a fresh data folder is made: ``initialize-insecure`` (``mysqld
    #: --initialize-insecure``) or ``install-db`` (``mariadb-install-db``).
    local_initialize: str = "initialize-insecure"
    #: Extra server options a private, side-by-side server needs (MySQL 8 would
    #: otherwise open the X Protocol on a shared port and socket).
    local_server_options: tuple[str, ...] = ()


#: Each character set's default collation, as every flavor starts (RULE_TABLE overrides
#: some); its keys are the charsets a literal may be introduced with (engine/spellings.py).
BASE_COLLATIONS = {
    "latin1": "latin1_swedish_ci",
    "ascii": "ascii_general_ci",
    "binary": "binary",
    "utf8": "utf8_general_ci",
    "utf8mb3": "utf8mb3_general_ci",
    "utf8mb4": "utf8mb4_general_ci",
    "ucs2": "ucs2_general_ci",
    "utf16": "utf16_general_ci",
    "utf16le": "utf16le_general_ci",
    "utf32": "utf32_general_ci",
    "latin2": "latin2_general_ci",
    "cp1250": "cp1250_general_ci",
    "cp1251": "cp1251_general_ci",
    "cp1256": "cp1256_general_ci",
    "greek": "greek_general_ci",
    "hebrew": "hebrew_general_ci",
    "sjis": "sjis_japanese_ci",
    "ujis": "ujis_japanese_ci",
    "gbk": "gbk_chinese_ci",
    "gb2312": "gb2312_chinese_ci",
    "big5": "big5_chinese_ci",
    "euckr": "euckr_korean_ci",
    "cp932": "cp932_japanese_ci",
    "eucjpms": "eucjpms_japanese_ci",
    "koi8r": "koi8r_general_ci",
    "koi8u": "koi8u_general_ci",
    "tis620": "tis620_thai_ci",
    "swe7": "swe7_swedish_ci",
    "dec8": "dec8_swedish_ci",
    "cp850": "cp850_general_ci",
    "hp8": "hp8_english_ci",
    "latin5": "latin5_turkish_ci",
    "latin7": "latin7_general_ci",
    "cp852": "cp852_general_ci",
    "cp866": "cp866_general_ci",
    "keybcs2": "keybcs2_general_ci",
    "macce": "macce_general_ci",
    "macroman": "macroman_general_ci",
    "armscii8": "armscii8_general_ci",
    "geostd8": "geostd8_general_ci",
}

#: (family, minimum version, overrides). Applied in order; later entries win.
RULE_TABLE: list[tuple[str, tuple[int, int, int], dict]] = [
    # ---- MySQL
    (MYSQL, (5, 0, 0), dict(default_collations=BASE_COLLATIONS, parenthesized_expression_defaults=True,
                            live_tables_from_text=True)),
    (MYSQL, (5, 7, 0), dict(
        explicit_defaults_for_timestamp=False,
        default_sql_mode="ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                         "ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION",
    )),
    (MYSQL, (8, 0, 0), dict(
        descending_indexes=True,
        default_collations={**BASE_COLLATIONS, "utf8mb4": "utf8mb4_0900_ai_ci"},
        default_charset="utf8mb4", geometrycollection_name="geomcollection",
        sql_mode_has_no_auto_create_user=False,
        default_sql_mode="ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                         "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION",
        local_server_options=("--mysqlx=OFF",), column_collation_explicit_recorded=True,
        fk_replaces_generated_index=True,
    )),
    (MYSQL, (8, 0, 2), dict(explicit_defaults_for_timestamp=True)),
    (MYSQL, (8, 0, 13), dict(functional_indexes=True)),
    (MYSQL, (8, 0, 16), dict(check_constraints=True)),
    (MYSQL, (8, 0, 19), dict(int_display_width=False)),
    (MYSQL, (8, 0, 30), dict(utf8_name="utf8mb3")),
    # ---- MariaDB
    (MARIADB, (10, 0, 0), dict(
        default_collations=BASE_COLLATIONS, native_json=False,
        column_check_named_after_column=True, check_name_pattern="CONSTRAINT_{n}",
        docker_image="mariadb:{major}.{minor}", executes_versioned_comments_up_to=50699,
        mariadb_version_comments=True, version_comment_digits=6,
        local_initialize="install-db",
        explicit_defaults_for_timestamp=False, fk_index_name_names_constraint=True,
        auto_prefix_long_keys=True, alter_keeps_key_order=True, fk_check_skips_dropped_primary=True,
        default_sql_mode="NO_ENGINE_SUBSTITUTION,NO_AUTO_CREATE_USER",
        expression_style="mariadb", view_rewrite="mariadb", generated_columns_nullable=True,
        list_partition_null_first=True, fk_default_action="RESTRICT", keeps_unsupported_index_algorithm=True,
        trigger_head_as_written=True, function_params_lstripped=True,
    )),
    (MARIADB, (10, 2, 1), dict(check_constraints=True, check_level_recorded=True,
                               lob_default_null_shown=True)),
    (MARIADB, (10, 2, 3), dict(current_timestamp="current_timestamp()")),
    (MARIADB, (10, 2, 4), dict(
        default_sql_mode="STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
                         "NO_ENGINE_SUBSTITUTION")),
    (MARIADB, (10, 2, 7), dict(quotes_numeric_defaults=False)),
    (MARIADB, (10, 4, 0), dict(long_unique_hash=True)),
    (MARIADB, (10, 5, 0), dict(inline_references_create_fk=True)),
    (MARIADB, (10, 6, 1), dict(utf8_name="utf8mb3")),
    (MARIADB, (10, 8, 0), dict(descending_indexes=True)),
    (MARIADB, (10, 10, 0), dict(explicit_defaults_for_timestamp=True)),
    (MARIADB, (11, 5, 0), dict(
        default_collations={**BASE_COLLATIONS, "utf8mb4": "utf8mb4_uca1400_ai_ci",
                            "utf8mb3": "utf8mb3_uca1400_ai_ci"},
    )),
    # ---- live introspection (sources/live.py): how each catalog shows things
    (MYSQL, (8, 0, 0), dict(
        catalog_index_visibility="IS_VISIBLE", invisible_index_sql="/*!80000 INVISIBLE */",
        catalog_expressions_exact=False, catalog_srid=True,
        introspection_session=("SET SESSION information_schema_stats_expiry = 0",),
    )),
    (MYSQL, (8, 0, 16), dict(catalog_checks="table_constraints")),
    (MYSQL, (8, 0, 0), dict(catalog_json_rows=True)),
    # JSON_ARRAYAGG is GROUP_CONCAT there: its length limit lifted for the session
    (MARIADB, (10, 5, 0), dict(catalog_json_rows=True,
                               introspection_session=("SET SESSION group_concat_max_len = 4294967295",))),
    (MARIADB, (10, 0, 0), dict(catalog_index_order=True)),
    (MARIADB, (10, 2, 7), dict(catalog_defaults_as_sql=True)),
    (MARIADB, (10, 2, 22), dict(catalog_checks="check_constraints", catalog_check_clause_limit=64)),
    (MARIADB, (10, 5, 10), dict(catalog_check_level=True, catalog_check_clause_limit=None)),
    (MARIADB, (10, 6, 0), dict(catalog_index_visibility="IGNORED", invisible_index_sql="IGNORED")),
]


_VERSION_RE = re.compile(r"(\d+)\.(\d+)(?:\.(\d+))?")


@dataclass(frozen=True, order=True)
class Flavor:
    family: str
    version: tuple[int, int, int]

    @classmethod
    def parse(cls, text: str, family: str | None = None) -> "Flavor":
        """From ``SELECT VERSION()`` text (``10.11.19-MariaDB-0+deb12u1``,
        ``8.0.36``, ``8.0.36-28`` for Percona) or ``mysql:8.0``/``mariadb-10.11``."""
        low = text.lower()
        m = _VERSION_RE.search(low)
        if not m:
            raise ValueError(f"not a MySQL/MariaDB version: {text!r}")
        version = (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
        if family is None:
            family = MARIADB if "mariadb" in low else MYSQL
        # MariaDB 10.x once reported as "5.5.5-10.x" to old clients
        if family == MARIADB and version[0] == 5 and "-" in low:
            rest = _VERSION_RE.search(low, m.end())
            if rest:
                version = (int(rest.group(1)), int(rest.group(2)), int(rest.group(3) or 0))
        return cls(family, version)

    @property
    def rules(self) -> Rules:
        return _rules_for(self.family, self.version)

    def same_family(self, other: "Flavor | None") -> bool:
        """MySQL and MariaDB are families; a model read on one server stands for
        another of the same family (the comparison's equivalences absorb what
        versions of one family spell differently)."""
        return other is not None and self.family == other.family

    def same_release(self, other: "Flavor | None") -> bool:
        """Same family and major.minor: a server image that stands for ``other``."""
        return self.same_family(other) and self.version[:2] == other.version[:2]

    def nearness_to(self, target: "Flavor") -> tuple:
        """A sort key ranking servers of ``target``'s family to stand for it (by
        major.minor release): the oldest release at least as new first (a newer
        server runs what an older one wrote), then the newest older one."""
        v, release = self.version[:2], target.version[:2]
        return (0, v) if v >= release else (1, tuple(-x for x in v))

    def runs_sql_of(self, other: "Flavor") -> bool:
        """Does a server of this flavor accept what a server of ``other`` wrote
        (a dump, SHOW CREATE text)? Same family, same or newer version."""
        return self.same_family(other) and self.version >= other.version

    @property
    def version_id(self) -> int:
        """The server's ``MYSQL_VERSION_ID`` (10.11.2 -> 101102, 8.0.30 -> 80030):
        the number version comments are compared with."""
        major, minor, patch = self.version
        return major * 10000 + minor * 100 + patch

    def executes_version_comment(self, version: int | None, mariadb_only: bool = False) -> bool:
        """Does this flavor's server run the body of ``/*!version ...*/`` (or of
        ``/*M!version ...*/`` when ``mariadb_only``)? ``version`` is None when the
        comment carries none. The one decision both the DDL lexer and the dump
        reader use (MariaDB's ``sql_lex.cc``: a 5-digit MySQL version above
        :attr:`Rules.executes_versioned_comments_up_to` is skipped, ``/*M!`` is not)."""
        rules = self.rules
        if mariadb_only and not rules.mariadb_version_comments:
            return False
        if version is None:
            return True
        if not mariadb_only and version < 100000 and version > rules.executes_versioned_comments_up_to:
            return False
        return version <= self.version_id

    @property
    def docker_image(self) -> str:
        major, minor, _ = self.version
        return self.rules.docker_image.format(major=major, minor=minor)

    def __str__(self) -> str:
        name = "MariaDB" if self.family == MARIADB else "MySQL"
        return f"{name} {'.'.join(map(str, self.version))}"


@lru_cache(maxsize=None)
def _rules_for(family: str, version: tuple[int, int, int]) -> Rules:
    rules = Rules()
    for fam, minimum, overrides in RULE_TABLE:
        if fam == family and version >= minimum:
            rules = replace(rules, **overrides)
    return rules


#: The flavor assumed when nothing says otherwise (the server Debian 12 ships).
DEFAULT_FLAVOR = Flavor(MARIADB, (10, 11, 0))

#: The flavor assumed for a server known only by its family (a binary whose
#: ``--version`` says nothing readable).
ASSUMED_BY_FAMILY = {MARIADB: DEFAULT_FLAVOR, MYSQL: Flavor(MYSQL, (8, 0, 0))}
