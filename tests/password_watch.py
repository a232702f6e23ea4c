"""A grep of the whole test run for the passwords it uses (issue 14).

Watched: every password a :class:`~baseline.connect.url.ServerURL` holds in the
test process (servers, users the tests create, URLs on command lines), and the
ones tests hand to :func:`watch` (passwords given through ``MYSQL_PWD``, option
and password files). Scanned at the end of the session: what every ``baseline``
run printed, in process (``CliRunner``) or as a child process, and every file
under the session's temporary folder (baselines, reports, logs), except files a
test wrote holding a password on purpose (:func:`allow_file`). A hit fails the
session. Passwords shorter than 6 characters are not watched (``pw`` would
match ordinary words).
"""
from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import quote

WATCHED: set[str] = set()
ALLOWED_FILES: set[Path] = set()
#: (where, text) of every baseline run's output.
OUTPUTS: list[tuple[str, str]] = []
_installed = False


def watch(password: str | None) -> None:
    if password and len(password) >= 6:
        WATCHED.add(password)


def allow_file(path) -> None:
    """A file a test writes with a password in it on purpose (a password file)."""
    ALLOWED_FILES.add(Path(path).resolve())


def _is_baseline(args) -> bool:
    argv = args if isinstance(args, (list, tuple)) else [args]
    words = [str(a) for a in argv]
    return any(w == "baseline" or w.endswith("/baseline") for w in words) or \
        any(a == "-m" and b == "baseline" for a, b in zip(words, words[1:], strict=False))


def _text(value) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def install() -> None:
    """Wrap what the tests use to run baseline and to build server URLs."""
    global _installed
    if _installed:
        return
    _installed = True
    from click.testing import CliRunner

    from baseline.connect.url import ServerURL

    init = ServerURL.__init__

    def url_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        watch(self.password)

    ServerURL.__init__ = url_init

    invoke = CliRunner.invoke

    def recorded_invoke(self, cli, args=None, *a, **kw):
        result = invoke(self, cli, args, *a, **kw)
        where = "CliRunner " + " ".join(map(str, args or []))[:200]
        for attr in ("stdout", "stderr", "output"):
            try:
                OUTPUTS.append((where, _text(getattr(result, attr))))
            except ValueError:  # stderr not separately captured
                pass
        return result

    CliRunner.invoke = recorded_invoke

    run = subprocess.run

    def recorded_run(args, *a, **kw):
        result = run(args, *a, **kw)
        if _is_baseline(args):
            where = "child " + " ".join(map(str, args))[:200]
            OUTPUTS.append((where, _text(result.stdout) + _text(result.stderr)))
        return result

    subprocess.run = recorded_run

    communicate = subprocess.Popen.communicate

    def recorded_communicate(self, *a, **kw):
        out, err = communicate(self, *a, **kw)
        if _is_baseline(self.args):
            OUTPUTS.append(("child " + " ".join(map(str, self.args))[:200], _text(out) + _text(err)))
        return out, err

    subprocess.Popen.communicate = recorded_communicate


def _needles() -> dict[str, list[bytes]]:
    out = {}
    for p in sorted(WATCHED):
        forms = {p, quote(p, safe=""), quote(p, safe="")}
        out[p] = [f.encode("utf-8") for f in forms]
    return out


def scan(basetemp: Path) -> tuple[list[str], int, int]:
    """(hits, streams scanned, files scanned)."""
    needles = _needles()
    hits = []
    for where, text in OUTPUTS:
        data = text.encode("utf-8", "replace")
        for p, forms in needles.items():
            if any(f in data for f in forms):
                hits.append(f"{where}: holds password {p[:2]}…")
    files = 0
    if basetemp.is_dir():
        for path in basetemp.rglob("*"):
            if not path.is_file() or path.is_symlink() or path.resolve() in ALLOWED_FILES:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            files += 1
            for p, forms in needles.items():
                if any(f in data for f in forms):
                    hits.append(f"{path}: holds password {p[:2]}…")
    return hits, len(OUTPUTS), files


def session_finish(session) -> None:
    """Scan, report one line (and the hits), and fail the session on a hit."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None or session.config.option.collectonly:
        return
    try:
        basetemp = factory.getbasetemp()
    except Exception:  # no test asked for a temporary folder
        return
    hits, streams, files = scan(basetemp)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    line = (f"password watch: {len(WATCHED)} passwords, {streams} baseline outputs and "
            f"{files} files scanned: {len(hits)} hit{'s' if len(hits) != 1 else ''}")
    if reporter is not None:
        reporter.write_line(line)
        for hit in hits[:50]:
            reporter.write_line(f"  {hit}", red=True)
    if hits:
        session.exitstatus = 1
