"""Throwaway servers to replay schemas into.

One interface, three backends, chosen by ``--scratch``:

* ``docker``: a container started through testcontainers (:mod:`.docker`);
* ``local``: a ``mariadbd``/``mysqld`` from PATH in a temporary folder (:mod:`.local`);
* a server URL: scratch databases on an existing server (:mod:`.remote`);
* ``auto``: docker when an engine answers and has a server image, else local,
  else docker pulling an image, else a clear error (:func:`resolve_auto`).

Usage::

    with open_scratch("auto") as server:
        with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
            conn = server.connect(db)
"""
from __future__ import annotations

from .base import DB_PREFIX, ScratchServer, open_scratch, resolve_auto

__all__ = ["DB_PREFIX", "ScratchServer", "open_scratch", "resolve_auto"]
