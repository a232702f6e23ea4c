"""The schema before a chain: walked back from SOURCE, one migration at a time,
each by the best way available.

* **down**: the migration has a down script. The current model is rendered and
  loaded into a fresh database on a throwaway server, the downs run there
  newest first (:func:`baseline.chain.replay.replay_chain` with
  ``direction="down"``, so sequelize-cli ``down()`` functions run for real), and
  the result is read back with :func:`~baseline.sources.live.read_live`. The
  team's own down is the best record of what came before.
* **inversion**: no down (or ``--strategy invert``): the up script is undone
  on the model, offline (:mod:`baseline.chain.invert`).

Consecutive migrations with the same strategy form one step, so a chain where
some migrations have downs and some do not switches between the two only where
it must (model -> server: render and load; server -> model: ``read_live``).
Every step is reported (:class:`Step`), and every assumption inversion made
(:class:`~baseline.chain.findings.Finding`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .chain.findings import Finding
from .chain.invert import Inverter, chain_knowledge
from .chain.migration import Chain
from .chain.parsed import parse_migrations
from .errors import UsageError
from .flavor import DEFAULT_FLAVOR
from .model import Schema

AUTO, DOWN, INVERT = "auto", "down", "invert"
STRATEGIES = (AUTO, DOWN, INVERT)

#: How a step is named in reports.
BY_DOWNS, BY_INVERSION = "down scripts", "inversion"


@dataclass
class Step:
    """Consecutive migrations walked back the same way."""

    how: str
    #: Migration ids, oldest first.
    migrations: list[str]
    #: Why this way (``no down scripts``, ``--strategy invert``...).
    why: str = ""

    def describe(self) -> str:
        ids = self.migrations
        span = ids[0] if len(ids) == 1 else f"{ids[0]} .. {ids[-1]}"
        n = len(ids)
        return f"{n} migration{'s' if n != 1 else ''} ({span}) by {self.how}" + (f" ({self.why})" if self.why else "")


@dataclass
class PreChain:
    """The schema before the chain and how it was found."""

    schema: Schema
    steps: list[Step] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: See :attr:`baseline.chain.invert.InversionResult.explicit_indexes`.
    explicit_indexes: set[tuple[str, str]] = field(default_factory=set)
    #: Tables inversion removed for a ``CREATE TABLE IF NOT EXISTS``, as they were
    #: just before it (the verification's retry may keep them instead).
    if_not_exists: dict = field(default_factory=dict)

    def strategy_lines(self) -> list[str]:
        """``Walked back: 7 migrations (001 .. 007) by inversion (no down scripts).``"""
        return [f"Walked back: {s.describe()}." for s in reversed(self.steps)]


def plan(chain: Chain, strategy: str = AUTO) -> list[Step]:
    """The steps, newest first: which migrations go by downs, which by inversion."""
    if strategy not in STRATEGIES:
        raise UsageError(f"unknown --strategy {strategy!r}", hint="one of: " + ", ".join(STRATEGIES))
    steps: list[Step] = []
    for m in reversed(chain.migrations):
        if strategy == DOWN and m.down is None:
            raise UsageError(f"--strategy down: migration {m.id} has no down script",
                             hint="use --strategy auto to invert the migrations without one")
        if strategy == INVERT and m.kind == "sequelize-js":
            raise UsageError(f"--strategy invert: migration {m.id} is JavaScript and cannot be inverted offline",
                             hint="use --strategy auto (its down() runs on a throwaway server)")
        if strategy == INVERT:
            how, why = BY_INVERSION, "--strategy invert"
        elif m.down is not None:
            how, why = BY_DOWNS, ""
        elif m.kind == "sequelize-js":
            raise UsageError(f"migration {m.id} is JavaScript and has no down(): it can be neither inverted "
                             "offline nor walked back", hint="add its down() to the file")
        else:
            how, why = BY_INVERSION, "no down script"
        if steps and steps[-1].how == how and steps[-1].why == why:
            steps[-1].migrations.insert(0, m.id)
        else:
            steps.append(Step(how, [m.id], why))
    return steps


def pre_chain_schema(source: Schema, chain: Chain, *, strategy: str = AUTO,
                     server: Callable[[], object] | None = None, progress: bool = True) -> PreChain:
    """Walk ``chain`` back from ``source`` (not changed).

    ``server`` returns a started :class:`~baseline.scratch.ScratchServer` when
    called (it is called only if some step needs downs, so a chain inverted
    offline needs no server).
    """
    flavor = source.flavor or DEFAULT_FLAVOR
    steps = plan(chain, strategy)
    parsed = parse_migrations(chain.migrations, flavor)
    by_id = {pm.id: pm for pm in parsed}
    inverter = Inverter(source.copy(), parsed, chain_knowledge(parsed, source, flavor), flavor=flavor)
    for step in steps:
        if step.how == BY_INVERSION:
            for mid in reversed(step.migrations):
                inverter.invert(by_id[mid])
        else:
            if server is None:
                raise UsageError("down scripts need a throwaway server")  # pragma: no cover
            start = chain.index_of(step.migrations[0])
            part = chain.slice(start, start + len(step.migrations))
            inverter.schema = run_downs(inverter.schema, part, server(), explicit=inverter.explicit,
                                        progress=progress)
            inverter.explicit = {(t, i) for t, i in inverter.explicit
                                 if t in inverter.schema.tables and inverter.schema.tables[t].index(i)}
    findings = sorted(inverter.findings, key=lambda f: (chain.index_of(f.migration), f.line or 0))
    return PreChain(inverter.schema, steps, findings, set(inverter.explicit), dict(inverter.if_not_exists))


def run_downs(schema: Schema, part: Chain, server, *, explicit=frozenset(), progress: bool = True) -> Schema:
    """Load ``schema`` into a fresh database on ``server``, run the downs of ``part``
    newest first, and read the result back."""
    from .chain.replay import replay_chain
    from .render.ddl import RenderOptions
    from .render.sqlfile import render_sql_file
    from .sources.live import read_live
    from .sql.execute import execute_script

    text = render_sql_file(schema, RenderOptions(explicit_indexes=frozenset(explicit)),
                           source_description="the schema being walked back")
    with server.database(charset=schema.charset, collation=schema.collation, prefix="baseline_downs") as db:
        conn = server.connect(db)
        try:
            execute_script(conn, text, file="(the schema after the migrations below)")
        finally:
            conn.close()
        replay_chain(part, server, db, direction="down", progress=progress)
        out = read_live(server.url.with_database(db), progress=False)
    out.name = schema.name
    if schema.flavor is not None and out.flavor is not None and schema.flavor.family == out.flavor.family:
        out.flavor = schema.flavor  # same spelling rules; reports name SOURCE's server
    return out
