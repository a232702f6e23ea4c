"""Live introspection of a MySQL/MariaDB server (read-only). Built by the introspection work."""
from __future__ import annotations

from ..errors import NotBuiltYet
from ..model import Schema
from .url import ServerURL


def read_live(url: ServerURL, *, progress: bool = True) -> Schema:
    """Read the schema named by ``url.database`` into the model, writing nothing."""
    raise NotBuiltYet("live introspection is not built yet")
