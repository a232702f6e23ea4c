"""Migration chains: read a migrations folder, replay it, say who touched what.

* :func:`baseline.chain.read.read_chain` -- folder -> :class:`~baseline.chain.migration.Chain`
  (format detected or given: sql, golang-migrate, popx, goose, dbmate, flyway,
  prisma, manifest, sequelize), in the order the chain's own tool applies it;
* :func:`baseline.chain.replay.replay_chain` -- run the ups (or the downs, newest
  first) into a scratch database; ``ReplayResult.touched`` maps each object to
  the last migration (file, line) that created/altered/dropped/renamed it;
* :func:`baseline.sources.chainfolder.read_chain_schema` / :func:`~baseline.sources.chainfolder.replayed`
  -- a folder as a SOURCE: replayed into a throwaway server and introspected.

sequelize-cli JavaScript migrations run for real with Node; the packages are
installed once by :mod:`baseline.chain.nodeenv` (``python -m baseline.chain.nodeenv``).
"""
