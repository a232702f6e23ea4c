"""The walk back as a pure function (model in, model + findings out), on models
built offline with the parser's simulator: details the server-backed tests do
not single out, bad input, and byte-identical output whatever the hash seed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from baseline.engine.findings import notes_for
from baseline.chain.invert import invert_chain
from baseline.chain.read import read_chain
from baseline.errors import InputError, UsageError
from baseline.flavor import Flavor
from baseline.engine.builder import schema_from_statements
from baseline.sql.split import split_sql
from helpers import ROOT, make

MARIADB = Flavor.parse("10.11.19-MariaDB")


def model(sql: str):
    return schema_from_statements(list(split_sql(sql)), flavor=MARIADB, name="prod", charset="utf8mb4",
                                  collation="utf8mb4_general_ci")


def chain(tmp_path: Path, files: dict[str, str]):
    return read_chain(make(tmp_path / "m", files))


def walk(tmp_path, before: str, files: dict[str, str]):
    """Production simulated offline (before + chain), then walked back."""
    ch = chain(tmp_path, files)
    prod = model(before + "\n" + "\n".join(m.up.text for m in ch))
    return invert_chain(prod, ch, flavor=MARIADB), model(before)


def test_renaming_a_table_back_renames_its_generated_foreign_key_names_and_references(tmp_path):
    before = """CREATE TABLE p (id INT PRIMARY KEY);
                CREATE TABLE c (id INT PRIMARY KEY, p_id INT, FOREIGN KEY (p_id) REFERENCES p (id));
                CREATE TABLE d (id INT PRIMARY KEY, c_id INT, FOREIGN KEY (c_id) REFERENCES c (id));"""
    r, truth = walk(tmp_path, before, {"001_r.sql": "RENAME TABLE c TO children, p TO parents;"})
    assert r.findings == []
    assert sorted(r.schema.tables) == ["c", "d", "p"]
    assert [fk.name for fk in r.schema.tables["c"].foreign_keys] == ["c_ibfk_1"]
    assert r.schema.tables["c"].foreign_keys[0].ref_table == "p"
    assert r.schema.tables["d"].foreign_keys[0].ref_table == "c"
    assert r.schema.tables == truth.tables


def test_renaming_a_column_back_is_token_aware(tmp_path):
    before = """CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(10),
                               CONSTRAINT chk CHECK (`code` <> 'code'), doubled VARCHAR(20) AS (concat(code, code)));"""
    r, truth = walk(tmp_path, before, {"001_r.sql": "ALTER TABLE t RENAME COLUMN code TO sku;"})
    t = r.schema.tables["t"]
    assert t.check("chk").expression == "`code` <> 'code'"
    assert t.column("doubled").generated == "concat(`code`,`code`)"
    assert r.schema.tables == truth.tables


def test_findings_come_in_chain_order_and_read_as_notes(tmp_path):
    before = "CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT);"
    files = {"001_a.sql": "ALTER TABLE t MODIFY a BIGINT;\nALTER TABLE t DROP COLUMN b;\n",
             "002_b.sql": "DROP TABLE IF EXISTS nothing;\n"}
    from baseline.workflows.prechain import pre_chain_schema

    ch = chain(tmp_path, files)
    pre = pre_chain_schema(model(before + "\n".join(m.up.text for m in ch)), ch, strategy="invert", progress=False)
    assert [(f.file, f.line, f.severity) for f in pre.findings] == [
        ("001_a.sql", 1, "warning"), ("001_a.sql", 2, "warning"), ("002_b.sql", 1, "info")]
    notes = notes_for(pre.findings, pre.strategy_lines())
    assert notes[0] == "Walked back: 2 migrations (001_a .. 002_b) by inversion (--strategy invert)."
    assert notes[1].startswith("2 assumptions where the chain lost information")
    assert notes[-2] == "Notes:"


def test_a_javascript_migration_cannot_be_inverted(tmp_path):
    ch = chain(tmp_path, {"20240101000000-a.js": "module.exports = { up() {}, down() {} };\n"})
    with pytest.raises(UsageError, match="JavaScript"):
        invert_chain(model("CREATE TABLE t (id INT);"), ch, flavor=MARIADB)


def test_an_unreadable_script_is_bad_input_naming_file_and_line(tmp_path):
    ch = chain(tmp_path, {"001_a.sql": "ALTER TABLE t ADD COLUMN a INT;\nUPDATE t SET a = 'unterminated;\n"})
    with pytest.raises(InputError) as e:
        invert_chain(model("CREATE TABLE t (id INT);"), ch, flavor=MARIADB)
    assert e.value.file.endswith("001_a.sql") and e.value.line == 2


def test_the_fixture_baseline_is_byte_identical_whatever_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("0", "1", "12345"):
        out = tmp_path / seed
        (out / "m").mkdir(parents=True)
        for f in (ROOT / "fixtures/legacy/migrations").iterdir():
            (out / "m" / f.name).write_text(f.read_text())
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "baseline", "generate", str(ROOT / "fixtures/legacy/production.sql"),
                        "--migrations", str(out / "m"), "--no-verify"], check=True, env=env, capture_output=True)
        outputs.append((out / "m" / "000_initial_schema.sql").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
