"""Throwaway servers to replay schemas into.

One interface, three backends, chosen by ``--scratch``:

* ``docker``: a container started through testcontainers (:mod:`.docker`);
* ``local``: a ``mariadbd``/``mysqld`` from PATH in a temporary folder (:mod:`.local`);
* a server URL: scratch databases on an existing server (:mod:`.remote`);
* ``auto``: docker when an engine answers, else local, else a clear error.

Usage::

    with open_scratch("auto") as server:
        with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
            conn = server.connect(db)
"""
from __future__ import annotations

from .base import ScratchServer, open_scratch

__all__ = ["ScratchServer", "open_scratch"]
