"""goose/dbmate sections and goose statement blocks: text and file line numbers."""
from __future__ import annotations

import pytest

from baseline.chain.naming import natural_key, parse_numbered, version_tuple
from baseline.chain.sections import dbmate_sections, goose_sections, goose_statements
from baseline.errors import InputError

GOOSE = """\
-- a header comment
-- +goose Up
-- +goose NO TRANSACTION
CREATE TABLE t (id int);

-- +goose StatementBegin
CREATE PROCEDURE p()
BEGIN
  SELECT 1;
  SELECT 2;
END;
-- +goose StatementEnd
INSERT INTO t VALUES (1);

-- +goose Down
DROP PROCEDURE p;
DROP TABLE t;
"""


def test_goose_sections_start_after_their_markers():
    up, down = goose_sections(GOOSE, file="001_x.sql")
    assert (up.direction, up.marker_line, up.line) == ("up", 2, 3)
    assert (down.direction, down.marker_line, down.line) == ("down", 15, 16)
    assert up.no_transaction and down.no_transaction
    assert down.text == "DROP PROCEDURE p;\nDROP TABLE t;\n"


def test_goose_statements_keep_blocks_whole_and_report_file_lines():
    up, down = goose_sections(GOOSE)
    sts = goose_statements(up.text, file="001_x.sql", first_line=up.line)
    assert [s.line for s in sts] == [4, 7, 13]
    assert sts[0].text == "CREATE TABLE t (id int)"
    assert sts[1].text.startswith("CREATE PROCEDURE p()") and sts[1].text.endswith("END")
    assert "SELECT 1;\n  SELECT 2;" in sts[1].text
    assert sts[2].text == "INSERT INTO t VALUES (1)"
    downs = goose_statements(down.text, first_line=down.line)
    assert [(s.line, s.text) for s in downs] == [(16, "DROP PROCEDURE p"), (17, "DROP TABLE t")]


def test_goose_markers_are_case_and_space_insensitive():
    text = "--+goose up\nSELECT 1;\n--   +GOOSE   DOWN\nSELECT 2;\n"
    up, down = goose_sections(text)
    assert (up.line, down.line) == (2, 4)
    assert not up.no_transaction


@pytest.mark.parametrize("text, line, what", [
    ("-- +goose Up\nSELECT 1;\n-- +goose Up\nSELECT 2;\n", 3, "second"),
    ("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n", 2, "without StatementEnd"),
    ("-- +goose Up\n-- +goose StatementEnd\n", 2, "without StatementBegin"),
])
def test_goose_errors_name_file_and_line(text, line, what):
    with pytest.raises(InputError) as e:
        goose_sections(text, file="003_bad.sql")
    assert e.value.file == "003_bad.sql" and e.value.line == line
    assert what in str(e.value)


def test_dbmate_sections_and_transaction_option():
    text = ("-- migrate:up transaction:false\nCREATE TABLE a (id int);\nCREATE INDEX i ON a (id);\n\n"
            "-- migrate:down\nDROP TABLE a;\n")
    up, down = dbmate_sections(text, file="20240101_a.sql")
    assert (up.line, down.line) == (2, 6)
    assert up.no_transaction and not down.no_transaction
    assert up.text.splitlines()[:2] == ["CREATE TABLE a (id int);", "CREATE INDEX i ON a (id);"]
    with pytest.raises(InputError) as e:
        dbmate_sections(text + "-- migrate:down\n", file="f.sql")
    assert e.value.line == 7


# ---------------------------------------------------------------- naming rules


def test_version_order_puts_2_before_10_and_equates_trailing_zeros():
    assert version_tuple("1.10") > version_tuple("1.9")
    assert version_tuple("1_1") == version_tuple("1.1") == (1, 1)
    assert version_tuple("1.0") == version_tuple("1")
    names = ["10_b.sql", "2_a.sql", "001_init.sql", "1.10_x.sql", "1.9_y.sql"]
    parsed = sorted((parse_numbered(n).sort_key, n) for n in names)
    assert [n for _, n in parsed] == ["001_init.sql", "1.9_y.sql", "1.10_x.sql", "2_a.sql", "10_b.sql"]
    assert natural_key("file2") < natural_key("file10")


def test_parse_numbered_recognizes_the_usual_spellings():
    assert parse_numbered("000_initial_schema.sql").version == "000"
    assert parse_numbered("V1.2__add_x.sql").name == "add_x"
    assert parse_numbered("12.sql").name == ""
    assert parse_numbered("0003-add-col.sql").name == "add-col"
    assert parse_numbered("schema.sql") is None
    assert parse_numbered("001_x.txt") is None
