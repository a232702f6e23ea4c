"""A migrations folder used as a SOURCE: replay it into a throwaway server, introspect.

``baseline diff A migrations/`` and ``verify`` read a chain this way. The
scratch database gets the charset/collation asked for (``verify`` passes the
other side's defaults, so implicit column charsets come out the same), else
``utf8mb4`` / ``utf8mb4_general_ci``.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from ..model import Schema
from . import SourceOptions
from ..chain.eventclock import ClockTimes
from ..chain.migration import Chain
from ..chain.read import read_chain
from ..chain.replay import ReplayResult, replay_chain

DEFAULT_CHARSET = "utf8mb4"
DEFAULT_COLLATION = "utf8mb4_general_ci"


@dataclass
class ChainBuild:
    """A replayed chain: the schema it builds and how (for attribution)."""

    chain: Chain
    schema: Schema
    replay: ReplayResult
    #: What the scratch server was (``local MariaDB 10.11.x``), for report headers.
    server: str


@dataclass
class Replayed:
    """A chain replayed into a scratch database that is still there (inside :func:`replayed`)."""

    server: object
    database: str
    replay: ReplayResult


def _charset(options: SourceOptions, charset: str | None, collation: str | None) -> tuple[str, str | None]:
    charset = charset or options.charset or DEFAULT_CHARSET
    collation = collation or options.collation
    if collation is None and charset == DEFAULT_CHARSET:
        collation = DEFAULT_COLLATION
    return charset, collation


@contextmanager
def replayed(chain: Chain, options: SourceOptions | None = None, *, charset: str | None = None,
             collation: str | None = None) -> Iterator[Replayed]:
    """Replay ``chain`` whole into a fresh database on a throwaway server and keep
    both alive for the ``with`` block (introspect it, dump SHOW CREATE output,
    load more into it); everything is removed afterwards, also on errors."""
    from ..scratch import open_scratch

    options = options or SourceOptions()
    charset, collation = _charset(options, charset, collation)
    with open_scratch(options.scratch or "auto", image=options.image) as server:
        with server.database(charset=charset, collation=collation, prefix="baseline_chain", drop=False) as db:
            result = replay_chain(chain, server, db, progress=options.progress)
            yield Replayed(server=server, database=db, replay=result)


def build_chain_schema(chain: Chain, options: SourceOptions | None = None, *,
                       charset: str | None = None, collation: str | None = None) -> ChainBuild:
    """Replay ``chain`` into a throwaway server and read the result back with ``read_live``."""
    from .live import read_live

    options = options or SourceOptions()
    with replayed(chain, options, charset=charset, collation=collation) as r:
        schema = read_live(r.server.url.with_database(r.database), progress=options.progress,
                           label="the replayed chain")
        # the scratch database's name is random: it is no name of the chain's, and
        # in generate/inspect output it made every run's bytes different
        schema.name = None
        # the times the replay's clock set are no values of the chain's: diff sets
        # them aside, rendering writes them as the chain did (chain/eventclock.py)
        schema.replay_clock = placed_clock(r.replay.clock, str(chain.root))
        return ChainBuild(chain=chain, schema=schema, replay=r.replay, server=r.server.describe())


def placed_clock(clock: dict[str, ClockTimes], folder: str) -> dict[str, ClockTimes]:
    """``clock`` with each statement's path as the user reaches it (``db/migrations/001_init.sql``)."""
    from ..chain.refs import prefixed_path

    return {k: replace(v, ref=replace(v.ref, path=prefixed_path(folder, v.ref.path))) for k, v in clock.items()}


def read_chain_schema(path: Path | str, options: SourceOptions | None = None, *,
                      charset: str | None = None, collation: str | None = None) -> Schema:
    """The schema the chain in ``path`` builds (``--chain-format`` from ``options``)."""
    options = options or SourceOptions()
    chain = read_chain(Path(path), options.chain_format)
    return build_chain_schema(chain, options, charset=charset, collation=collation).schema
