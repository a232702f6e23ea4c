"""Under ``--strategy down`` a down script that does not undo its up is a warning
of its own kind: listed under "N down script(s) that do(es) not undo ... up", not
under the assumptions where the chain lost information (the chain lost nothing:
the script is wrong), in the console summary and in the baseline's top comment.
Real files: the legacy fixture's up/down chain with 006's down broken."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from baseline.cli import cli
from helpers import LEGACY

WRONG_006_DOWN = ("ALTER TABLE collaborators DROP INDEX idx_collaborators_email;\n"
                  "-- forgot to rename the column back\n"
                  "ALTER TABLE apps ADD INDEX accountId (accountId), DROP INDEX idx_apps_account_created;\n")
HEADER = "1 down script that does not undo its up (used as --strategy down asks):"


def _generate(server, chain: Path, *args):
    argv = ["generate", str(LEGACY / "production.sql"), "--migrations", str(chain),
            "--scratch", str(server.url.with_database(None)), *args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)


def _block(lines: list[str], header: str) -> list[str]:
    """The indented lines under ``header``."""
    i = lines.index(header)
    out = []
    for line in lines[i + 1:]:
        if not line.startswith("  "):
            break
        out.append(line.strip())
    return out


def test_a_wrong_down_has_its_own_header_in_the_summary_and_the_baseline(server, tmp_path):
    chain = tmp_path / "chain"
    shutil.copytree(LEGACY / "migrations-updown", chain)
    (chain / "006_query_indexes.down.sql").write_text(WRONG_006_DOWN)
    r = _generate(server, chain, "--strategy", "down", "--no-verify")
    assert r.exit_code == 0, r.output
    assert "where the chain lost information" not in r.output
    console = _block(r.output.splitlines(), HEADER)
    assert len(console) == 1 and console[0].startswith(
        "006_query_indexes.down.sql: warning: down script of 006_query_indexes: used as --strategy down asks")
    baseline = chain / "000_initial_schema.up.sql"
    text = baseline.read_text()
    assert "where the chain lost information" not in text
    comment = [re.sub(r"^--\s?", "", line) for line in text.splitlines() if line.startswith("--")]
    assert _block(comment, HEADER) == console
    first = baseline.read_bytes()
    r = _generate(server, chain, "--strategy", "down", "--no-verify")  # deterministic
    assert r.exit_code == 0, r.output
    assert baseline.read_bytes() == first


def test_assumptions_keep_their_header(server, tmp_path):
    chain = tmp_path / "chain"
    shutil.copytree(LEGACY / "migrations", chain)
    r = _generate(server, chain, "--no-verify")
    assert r.exit_code == 0, r.output
    assert "that does not undo" not in r.output and "that do not undo" not in r.output
    assert len(_block(r.output.splitlines(), "4 assumptions where the chain lost information "
                                             "(also listed at the top of the baseline):")) == 4
