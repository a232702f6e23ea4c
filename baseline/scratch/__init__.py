"""Throwaway servers to replay schemas into.

One interface, three backends, chosen by ``--scratch``:

* ``docker``: a container started through testcontainers (:mod:`.docker`);
* ``local``: a ``mariadbd``/``mysqld`` from PATH in a temporary folder (:mod:`.local`);
* a server URL: scratch databases on an existing server (:mod:`.remote`);
* ``auto``: docker when an engine answers, with an image of SOURCE's flavor
  (present, else pulled), else the local test image, else local (with a one-line
  note why); local when no engine answers; else a clear error (:func:`choose_auto`).

Usage::

    with open_scratch("auto") as server:
        with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
            conn = server.connect(db)
"""
from __future__ import annotations

from .base import DB_PREFIX, AutoChoice, ScratchServer, choose_auto, open_scratch, resolve_auto

__all__ = ["DB_PREFIX", "AutoChoice", "ScratchServer", "choose_auto", "open_scratch", "resolve_auto"]
