"""Scratch databases on a server the user names (``--scratch mysql://…``)."""
from __future__ import annotations

import pymysql

from ..errors import EnvironmentProblem
from ..sources.url import ServerURL
from .base import ScratchServer


class RemoteServer(ScratchServer):
    """Nothing is started or stopped: only the databases this object creates are dropped."""

    kind = "url"

    def __init__(self, url: ServerURL) -> None:
        super().__init__()
        self.url = url.with_database(None)

    def start(self) -> None:
        try:
            self.flavor = self._read_flavor()
        except pymysql.err.OperationalError as e:
            raise EnvironmentProblem(f"cannot reach scratch server {self.url}: {e.args[-1]}") from None

    def stop(self) -> None:
        for name in list(self._databases):
            try:
                self.drop_database(name)
            except Exception:
                pass
