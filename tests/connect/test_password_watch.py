"""The run-wide password grep (password_watch.py) finds a leak: a session whose
test prints a watched password through a baseline run fails."""
from __future__ import annotations

from helpers import TESTS


def test_a_leaked_password_fails_the_session(pytester):
    pytester.makeconftest(f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
import password_watch
password_watch.install()

def pytest_sessionfinish(session, exitstatus):
    password_watch.session_finish(session)
""")
    pytester.makepyfile(test_leak="""
import click
from click.testing import CliRunner
from baseline.connect.url import ServerURL

def test_leak(tmp_path):
    url = ServerURL(user="u", password="Leaky-pw-42", host="h", port=1)
    (tmp_path / "report.txt").write_text("written: " + url.password)
    r = CliRunner().invoke(click.Command("baseline", callback=lambda: click.echo(url.password)), [])
    assert r.exit_code == 0
""")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*password watch: 1 passwords, 3 baseline outputs and 1 files scanned: 3 hits*"])
    assert result.ret == 1
