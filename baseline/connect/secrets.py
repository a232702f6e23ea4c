"""Where a server URL without a password gets one: never from argv.

A password in a URL on the command line is visible in ``ps`` and in shell
history. A URL written without one (``mysql://app@db:3306/prod``) takes it, in
this order, from:

1. ``--password-file FILE``: the file's first line (a mounted secret);
2. ``MYSQL_PWD``, as the mysql client reads it;
3. an option file as the mysql client reads it, ``[client]`` section, key
   ``password``: ``--defaults-file FILE`` when given, else ``~/.my.cnf``.

The CLI calls :func:`configure` with its options; every connection asks
:func:`password` (see :meth:`~baseline.connect.url.ServerURL.pymysql_kwargs`).
Nothing here prints or stores a password anywhere else.
"""
from __future__ import annotations

import configparser
import os
from pathlib import Path

from ..errors import UsageError

_settings: dict[str, str | None] = {"password_file": None, "defaults_file": None}


def configure(password_file: str | None = None, defaults_file: str | None = None) -> None:
    """The CLI's ``--password-file`` / ``--defaults-file`` (checked now: a
    missing file is a usage error before any work)."""
    for what, path in (("--password-file", password_file), ("--defaults-file", defaults_file)):
        if path is not None and not Path(path).is_file():
            raise UsageError(f"{what}: no such file: {path}")
    _settings.update(password_file=password_file, defaults_file=defaults_file)


def password() -> str | None:
    """The password for a URL that carries none; ``None`` when no source has one."""
    path = _settings["password_file"]
    if path is not None:
        text = Path(path).read_text(encoding="utf-8")
        return text.splitlines()[0] if text else ""
    env = os.environ.get("MYSQL_PWD")
    if env is not None:
        return env
    return _option_file_password()


def _option_file_password() -> str | None:
    path = _settings["defaults_file"]
    candidates = [Path(path)] if path is not None else [Path.home() / ".my.cnf"]
    for file in candidates:
        if not file.is_file():
            continue
        parser = configparser.ConfigParser(allow_no_value=True, interpolation=None, strict=False)
        try:
            parser.read_string("[DEFAULT]\n" + _without_includes(file.read_text(encoding="utf-8", errors="replace")))
        except configparser.Error as e:
            raise UsageError(f"cannot read the option file {file}: {str(e).splitlines()[0]}") from None
        if parser.has_section("client"):
            value = parser.get("client", "password", fallback=None)
            if value is not None:
                return _unquote(value)
    return None


def _without_includes(text: str) -> str:
    """``!include`` / ``!includedir`` lines are the client's, not INI."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("!"))


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
