"""Flavors (MySQL 5.7, 8.x, MariaDB 10.x, 11.x) as data and rules.

Every difference between server flavors lives here, and nowhere else: callers ask
``flavor.rules.<something>`` instead of testing versions themselves. A rule set
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
    #: Expression defaults are shown in parentheses (MySQL 8.0.13+: ``DEFAULT (uuid())``).
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

    # -- features
    check_constraints: bool = False
    expression_defaults: bool = False
    invisible_columns: bool = False
    #: Keyword for an index the optimizer must not use: ``INVISIBLE``, ``IGNORED`` or None.
    invisible_index_keyword: str | None = None
    descending_indexes: bool = False
    functional_indexes: bool = False
    sequences: bool = False
    system_versioning: bool = False

    # -- DDL semantics the offline simulator follows (baseline.sql.ddl.builder)
    #: ``explicit_defaults_for_timestamp`` default: when False, a TIMESTAMP column
    #: without NULL/DEFAULT is NOT NULL, the first one DEFAULT/ON UPDATE CURRENT_TIMESTAMP.
    explicit_defaults_for_timestamp: bool = True
    #: The server's default session ``sql_mode`` (recorded into routines, triggers
    #: and events created when the script never sets one).
    default_sql_mode: str = ""
    #: Server default character set (``character_set_server``) for a database
    #: whose charset no statement gives.
    default_charset: str = "latin1"
    #: Nullable BLOB/TEXT columns show ``DEFAULT NULL`` (MariaDB) or no default at
    #: all (MySQL; its JSON and spatial columns do show ``DEFAULT NULL``).
    lob_default_null_shown: bool = True
    #: A column's inline ``REFERENCES t(c)`` creates a foreign key (MariaDB 10.5+);
    #: MySQL parses and ignores it.
    inline_references_create_fk: bool = False
    #: ``FOREIGN KEY idx (...)`` without ``CONSTRAINT name`` names the constraint
    #: ``idx`` too (MariaDB) instead of ``<table>_ibfk_<n>`` (MySQL).
    fk_index_name_names_constraint: bool = False
    #: UNIQUE keys over BLOB/TEXT (or too long for the engine) become hash-based
    #: long unique keys, shown ``USING HASH`` (MariaDB 10.4+).
    long_unique_hash: bool = False
    #: A non-unique single-column key too long for the engine (or over BLOB/TEXT
    #: without a length) gets the longest prefix that fits, instead of an error.
    auto_prefix_long_keys: bool = False
    #: Spelling of the GEOMETRYCOLLECTION type.
    geometrycollection_name: str = "geometrycollection"
    #: ``NO_AUTO_CREATE_USER`` is still a sql_mode flag (removed in MySQL 8.0).
    sql_mode_has_no_auto_create_user: bool = True

    # -- mysqldump / client behaviour
    #: Highest ``/*!NNNNN ... */`` version the server executes (MariaDB ignores 50700+).
    executes_versioned_comments_up_to: int = 999999

    # -- containers
    #: Image for a throwaway server of this flavor (``{major}``, ``{minor}`` placeholders).
    docker_image: str = "mysql:{major}.{minor}"


_BASE_COLLATIONS = {
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
    (MYSQL, (5, 7, 0), dict(
        default_collations=_BASE_COLLATIONS, native_json=True, explicit_defaults_for_timestamp=False,
        lob_default_null_shown=False,
        default_sql_mode="ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                         "ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION",
    )),
    (MYSQL, (8, 0, 0), dict(
        invisible_index_keyword="INVISIBLE", descending_indexes=True,
        default_collations={**_BASE_COLLATIONS, "utf8mb4": "utf8mb4_0900_ai_ci"},
        default_charset="utf8mb4", geometrycollection_name="geomcollection",
        sql_mode_has_no_auto_create_user=False,
        default_sql_mode="ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                         "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION",
    )),
    (MYSQL, (8, 0, 2), dict(explicit_defaults_for_timestamp=True)),
    (MYSQL, (8, 0, 13), dict(functional_indexes=True, expression_defaults=True,
                             parenthesized_expression_defaults=True)),
    (MYSQL, (8, 0, 16), dict(check_constraints=True)),
    (MYSQL, (8, 0, 19), dict(int_display_width=False)),
    (MYSQL, (8, 0, 23), dict(invisible_columns=True)),
    (MYSQL, (8, 0, 30), dict(utf8_name="utf8mb3")),
    # ---- MariaDB
    (MARIADB, (10, 0, 0), dict(
        default_collations=_BASE_COLLATIONS, native_json=False,
        column_check_named_after_column=True, check_name_pattern="CONSTRAINT_{n}",
        docker_image="mariadb:{major}.{minor}", executes_versioned_comments_up_to=50699,
        explicit_defaults_for_timestamp=False, fk_index_name_names_constraint=True,
        auto_prefix_long_keys=True,
        default_sql_mode="NO_ENGINE_SUBSTITUTION,NO_AUTO_CREATE_USER",
    )),
    (MARIADB, (10, 2, 1), dict(check_constraints=True, expression_defaults=True)),
    (MARIADB, (10, 2, 3), dict(current_timestamp="current_timestamp()")),
    (MARIADB, (10, 2, 4), dict(
        default_sql_mode="STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
                         "NO_ENGINE_SUBSTITUTION")),
    (MARIADB, (10, 2, 7), dict(quotes_numeric_defaults=False)),
    (MARIADB, (10, 3, 3), dict(invisible_columns=True, sequences=True)),
    (MARIADB, (10, 3, 4), dict(system_versioning=True)),
    (MARIADB, (10, 4, 0), dict(long_unique_hash=True)),
    (MARIADB, (10, 5, 0), dict(inline_references_create_fk=True)),
    (MARIADB, (10, 6, 0), dict(invisible_index_keyword="IGNORED")),
    (MARIADB, (10, 6, 1), dict(utf8_name="utf8mb3")),
    (MARIADB, (10, 8, 0), dict(descending_indexes=True)),
    (MARIADB, (10, 10, 0), dict(explicit_defaults_for_timestamp=True)),
    (MARIADB, (11, 5, 0), dict(
        default_collations={**_BASE_COLLATIONS, "utf8mb4": "utf8mb4_uca1400_ai_ci",
                            "utf8mb3": "utf8mb3_uca1400_ai_ci"},
    )),
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

    def at_least(self, *version: int) -> bool:
        return self.version >= tuple(version) + (0,) * (3 - len(version))

    @property
    def is_mariadb(self) -> bool:
        return self.family == MARIADB

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
