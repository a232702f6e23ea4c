"""Scratch databases on a server the user names (``--scratch mysql://…``).

Nothing is started or stopped there, and nothing but the databases this object
creates (``baseline_scratch_<UTC time>_<random>``, made with the requested
charset and collation) is ever changed or dropped.
"""
from __future__ import annotations

import sys

import pymysql

from ..errors import EnvironmentProblem
from ..connect.url import ServerURL
from .base import ScratchServer


class RemoteServer(ScratchServer):
    kind = "url"

    def __init__(self, url: ServerURL) -> None:
        super().__init__()
        self.url = url.with_database(None)

    def start(self) -> None:
        try:
            self.flavor = self._read_flavor()
        except pymysql.err.MySQLError as e:
            raise EnvironmentProblem(f"cannot reach scratch server {self.url}: "
                                     f"{e.args[-1] if e.args else e}") from None

    def stop(self) -> None:
        """Drop the scratch databases still open; say so if one cannot be dropped."""
        for name in list(self._databases):
            try:
                self.drop_database(name)
            except Exception as e:
                print(f"baseline: warning: could not drop scratch database {name} on {self.url}: "
                      f"{e}", file=sys.stderr)

    def describe(self) -> str:
        return super().describe() + f" at {self.url}"
