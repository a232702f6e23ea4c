"""``generate`` and ``diff`` as library functions (baseline.workflows): what the
CLI prints and writes comes from them. Offline: the bundled fixture's dump,
read without a server."""
from __future__ import annotations


from baseline.compare import CompareOptions
from baseline.sources import SourceOptions
from baseline.workflows.diff import diff_sources
from baseline.workflows.generate import generate_baseline
from helpers import LEGACY, run_baseline

FIXTURE = LEGACY / "production.sql"


def test_generate_baseline_writes_what_the_command_writes(tmp_path):
    made = generate_baseline(str(FIXTURE), tmp_path / "lib", fmt="sql")
    assert [p.name for p in made.written] == ["000_initial_schema.sql"]
    assert made.schema.tables and not made.replaced
    code, _, _ = run_baseline(["generate", str(FIXTURE), "-o", str(tmp_path / "cli")], terminal=False)
    assert code == 0
    assert (tmp_path / "cli" / "000_initial_schema.sql").read_text() == made.written[0].read_text()


def test_diff_sources_finds_what_differs(tmp_path):
    same = diff_sources(str(FIXTURE), str(FIXTURE), SourceOptions(progress=False))
    assert same.result.differences == [] and same.a == same.b
    text = FIXTURE.read_text()
    first_table = text.index("CREATE TABLE")
    changed = tmp_path / "changed.sql"
    changed.write_text(text[:first_table] + "CREATE TABLE `only_in_b` (`id` int NOT NULL, PRIMARY KEY (`id`));\n"
                       + text[first_table:])
    other = diff_sources(str(FIXTURE), str(changed), SourceOptions(progress=False), CompareOptions())
    assert [d.owner for d in other.result.differences] == [("table", "only_in_b")]
