"""The schema before a chain: walked back from SOURCE, one migration at a time,
each by the best way available.

* **down**: the migration has a down script. The current model is rendered and
  loaded into a fresh database on a throwaway server, the down runs there
  (:func:`baseline.chain.replay.replay_chain` with ``direction="down"``, so
  sequelize-cli ``down()`` functions run for real), and the result is read
  back with :func:`~baseline.sources.live.read_live`. A team's own down is the
  best record of what came before, *if* it undoes its up: so each down is
  checked by applying the migration's up to its result (offline, with the
  parser's simulator) and comparing with the schema before the down. A down
  that fails, or does not round-trip (down scripts written for the chain as a
  whole rather than per migration, or simply wrong), is not used: that
  migration is inverted instead, and a note says so, naming the up statement
  the down leaves undone (``file:line``) where the difference shows it.
  ``--strategy down`` runs the same check but uses every down as asked: a down
  that does not undo its up is a warning naming it (a wrong baseline would
  otherwise be found only by the verification, at a line of an *up* script).
* **inversion**: no down (or ``--strategy invert``): the up script is undone
  on the model, offline (:mod:`baseline.chain.invert`).
* **what its up sends** (a JavaScript migration without a usable down, or
  ``--strategy invert``): only the SQL a migration sends decides what it did.
  Its ``up`` runs with real Sequelize (:mod:`baseline.chain.jsrunner`) against
  a database holding the schema after it, with every statement that would
  change something recorded instead of sent (reads are answered by that
  database); the recorded statements are inverted like a SQL migration's. The
  result is then checked by running the up for real on it: it must give the
  schema after the migration exactly. Where it does not (the up read something
  the schema after it no longer has), the statements that real run sent are
  inverted instead and checked again (at most three rounds).

Consecutive migrations walked back by downs share one scratch database (loaded
once, each down run in turn), so a chain where some migrations have downs and
some do not switches between server and model only where it must (model ->
server: render and load; server -> model: ``read_live``). Every step is
reported (:class:`Step`), and every assumption inversion made
(:class:`~baseline.engine.findings.Finding`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..engine.findings import INFO, WARNING, Finding, finding
from ..chain.invert import Inverter, chain_knowledge
from ..chain.migration import KIND_SEQUELIZE_JS, Chain
from ..chain.parsed import ParsedMigration, parse_migrations
from ..errors import InputError, UsageError
from ..connect.execute import ExecutionError
from ..flavor import DEFAULT_FLAVOR
from ..model import Schema

AUTO, DOWN, INVERT = "auto", "down", "invert"
STRATEGIES = (AUTO, DOWN, INVERT)

#: The comparison's attribute for a table whose columns differ only in order.
COLUMN_ORDER = "column order"

#: How a step is named in reports.
BY_DOWNS, BY_INVERSION = "down scripts", "inversion"
BY_CAPTURE = "inverting the SQL its up() sends"

#: Rounds of capture, inversion and check for one JavaScript migration.
CAPTURE_ROUNDS = 3


@dataclass
class Step:
    """Consecutive migrations walked back the same way."""

    how: str
    #: Migration ids, oldest first.
    migrations: list[str]
    #: Why this way (``no down script``, ``--strategy invert``...).
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
    #: Newest first, as walked.
    steps: list[Step] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: See :attr:`baseline.chain.invert.InversionResult.explicit_indexes`.
    explicit_indexes: set[tuple[str, str]] = field(default_factory=set)
    #: Tables inversion removed for a ``CREATE TABLE IF NOT EXISTS``, as they were
    #: just before it (the verification's retry may keep them instead).
    if_not_exists: dict = field(default_factory=dict)
    #: Likewise columns, for ``ADD COLUMN IF NOT EXISTS``: ``(table, column)`` ->
    #: (column, the column it followed).
    if_not_exists_columns: dict = field(default_factory=dict)

    def strategy_lines(self) -> list[str]:
        """``Walked back: 7 migrations (001 .. 007) by inversion (no down script).``, oldest first."""
        return [f"Walked back: {s.describe()}." for s in reversed(self.steps)]

    def how(self, migration_id: str) -> str:
        return next(s.how for s in self.steps if migration_id in s.migrations)


def plan(chain: Chain, strategy: str = AUTO) -> list[tuple[str, str]]:
    """``(how, why)`` per migration, newest first (downs may still be refused when run)."""
    if strategy not in STRATEGIES:
        raise UsageError(f"unknown --strategy {strategy!r}", hint="one of: " + ", ".join(STRATEGIES))
    out = []
    for m in reversed(chain.migrations):
        js = m.kind == KIND_SEQUELIZE_JS
        if strategy == DOWN and m.down is None:
            raise UsageError(f"--strategy down: migration {m.id} has no down script",
                             hint="use --strategy auto to invert the migrations without one")
        if strategy == INVERT:
            out.append((BY_CAPTURE, "--strategy invert") if js else (BY_INVERSION, "--strategy invert"))
        elif m.down is not None:
            out.append((BY_DOWNS, ""))
        elif js:
            out.append((BY_CAPTURE, "no down()"))
        else:
            out.append((BY_INVERSION, "no down script"))
    return out


def pre_chain_schema(source: Schema, chain: Chain, *, strategy: str = AUTO,
                     server: Callable[[], object] | None = None, progress: bool = True,
                     check_fit: bool = False) -> PreChain:
    """Walk ``chain`` back from ``source`` (not changed).

    ``server`` returns a started :class:`~baseline.scratch.ScratchServer` when
    called (only if some migration has a down to run or is JavaScript, so a
    SQL chain inverted offline needs no server). ``check_fit``: raise an ``InputError`` first when
    SOURCE lacks most of what the chain leaves behind (:mod:`.chain.fit`): a
    walk back from the wrong database only yields a warning per statement.
    """
    walk = _Walk(source, chain, strategy, server, progress)
    if check_fit:
        from ..chain.fit import misfit_message
        from ..errors import InputError

        message = misfit_message(source, walk.knowledge, str(chain.root))
        if message:
            raise InputError(message, hint="is SOURCE the database this chain built (another --schema, "
                                           "another dump)? --force walks back anyway")
    return walk.run()


class _Walk:
    def __init__(self, source: Schema, chain: Chain, strategy: str, server, progress: bool):
        self.flavor = source.flavor or DEFAULT_FLAVOR
        self.chain = chain
        self.plan = plan(chain, strategy)
        self.strict = strategy == DOWN
        self.parsed = parse_migrations(chain.migrations, self.flavor)
        self.knowledge = chain_knowledge(self.parsed, source, self.flavor)
        self.inverter = Inverter(source.copy(), self.parsed, self.knowledge, flavor=self.flavor)
        self.server_factory = server
        self._node_env = None
        self.progress = progress
        self.steps: list[Step] = []
        self.notes: list[Finding] = []
        self.bar = None

    def run(self) -> PreChain:
        from ..util.progress import Progress

        migs = list(reversed(self.parsed))
        label = f"walking back {self.chain.root.name or self.chain.root}"
        with Progress(label, total=len(migs), enabled=None if self.progress else False) as bar:
            self.bar = bar
            i = 0
            while i < len(migs):
                how, why = self.plan[i]
                j = i
                while j < len(migs) and self.plan[j] == (how, why):
                    j += 1
                if how == BY_INVERSION:
                    for pm in migs[i:j]:
                        self.inverter.invert(pm)
                        self._record(pm.id, BY_INVERSION, why)
                        bar.advance(note=pm.id)
                elif how == BY_CAPTURE:
                    for pm in migs[i:j]:
                        self._capture(pm)
                        self._record(pm.id, BY_CAPTURE, why)
                        bar.advance(note=pm.id)
                else:
                    self._downs(migs[i:j])
                i = j
        inv = self.inverter
        from ..engine.placeholders import key_referenced_placeholders

        key_referenced_placeholders(inv.schema)
        findings = sorted(inv.findings + self.notes, key=lambda f: (self.chain.index_of(f.migration), f.line or 0))
        return PreChain(inv.schema, self.steps, findings, set(inv.explicit), dict(inv.if_not_exists),
                        dict(inv.if_not_exists_columns))

    def _record(self, mid: str, how: str, why: str) -> None:
        last = self.steps[-1] if self.steps else None
        if last is not None and last.how == how and last.why == why:
            last.migrations.insert(0, mid)
        else:
            self.steps.append(Step(how, [mid], why))

    # ------------------------------------------------------------------ downs
    def _downs(self, migs: list[ParsedMigration]) -> None:
        """Walk ``migs`` (newest first) back by their downs, each checked against what
        its up says (see the module docstring). One scratch database follows the
        model; it is (re)loaded only when a down is about to run there."""
        server = self.server_factory() if self.server_factory else None
        if server is None:  # pragma: no cover - callers pass a server
            raise UsageError("down scripts need a throwaway server")
        db = None
        in_sync = False  # does db hold the inverter's model?
        try:
            for pm in migs:
                inv = self.inverter
                before = _Fork(inv)
                refused = None
                checked = pm.is_sql and self._invert_for_check(pm, before)  # what the up says came before
                if checked and not self.strict:
                    refused = self._predict(pm, before)  # spares the server a down it would refuse
                if refused is None:
                    if not in_sync:
                        if db is not None:
                            server.drop_database(db)
                            db = None  # not dropped twice when the next load fails
                        try:
                            db = load_schema_into(server, before.schema, before.explicit)
                        except ExecutionError as e:
                            # a state this server cannot build (an expression it refuses
                            # that a later migration removed): the down cannot run on it
                            refused = ("the schema it runs on cannot be built on the throwaway server "
                                       f"({e.server_message or e.reason})")
                    if refused is None:
                        after, refused = self._run_down(server, db, pm, before)
                    in_sync = refused is None
                self.bar.advance(note=pm.id)
                if refused is None:
                    if self.strict and checked:
                        self._warn_if_wrong(after, pm, before)
                    # what inverting the up taught (under --strategy down the inversion was
                    # only the check's reference: the downs alone say what came before)
                    deduced = set() if self.strict else inv.explicit - before.explicit
                    before.restore(inv)
                    inv.schema = after
                    inv.explicit = {(t, i) for t, i in inv.explicit | deduced
                                    if t in after.tables and after.tables[t].index(i) is not None}
                    self._record(pm.id, BY_DOWNS, "")
                    continue
                if self.strict:
                    raise InputError(f"the down script of migration {pm.id} cannot be used: {refused}",
                                     file=_down_rel(pm), hint="--strategy auto inverts such a migration instead")
                in_sync = False
                if not pm.is_sql:  # a JavaScript down that fails or does not undo its up
                    self.notes.append(finding(INFO, pm.id, _down_rel(pm), None, "", f"down() of {pm.id}",
                                              f"not used: {refused}; the SQL its up() sends was inverted "
                                              "instead"))
                    self._capture(pm)
                    self._record(pm.id, BY_CAPTURE, "its down() cannot be used")
                    continue
                self.notes.append(finding(INFO, pm.id, _down_rel(pm), None, "", f"down script of {pm.id}",
                                          f"not used: {refused}; the migration was inverted instead"))
                self._record(pm.id, BY_INVERSION, "its down script does not undo its up")
        finally:
            if db is not None:
                server.drop_database(db)

    def _invert_for_check(self, pm: ParsedMigration, before: "_Fork") -> bool:
        """Invert ``pm`` on the model, the reference its down is checked against.
        Under ``--strategy down`` an up that cannot be inverted only goes unchecked
        (the user asked for the downs, and they need no inversion)."""
        if not self.strict:
            self.inverter.invert(pm)
            return True
        try:
            self.inverter.invert(pm)
        except InputError:
            before.restore(self.inverter)
            return False
        return True

    def _warn_if_wrong(self, after: Schema, pm: ParsedMigration, before: "_Fork") -> None:
        """``--strategy down``: the down is used as asked, but one that does not undo
        its up is named (its file, the up line left undone) before any verification."""
        from ..engine.findings import WARNING, WRONG_DOWN

        wrong = self._judge(after, pm, before)
        if wrong:
            self.notes.append(finding(WARNING, pm.id, _down_rel(pm), None, "", f"down script of {pm.id}",
                                      f"used as --strategy down asks, but {wrong}; "
                                      "--strategy auto inverts such a migration instead", kind=WRONG_DOWN))

    def _predict(self, pm: ParsedMigration, before: "_Fork") -> str | None:
        """Why the down would be refused, judged offline by simulating it (``None``:
        run it on the server, where the real check happens)."""
        from ..sql.parse import parse_statement
        from ..engine.builder import SchemaBuilder

        down = pm.migration.down
        if down is None:
            return None
        b = SchemaBuilder(self.flavor, schema=before.schema.copy())
        try:
            nodes = [parse_statement(st.text, flavor=self.flavor, file=down.rel, line=st.line)
                     for st in down.statements()]
        except InputError:
            return None  # the server will tell
        try:
            for node in nodes:
                b.apply(node)
        except InputError as e:
            return f"it fails ({e.reason})"
        return self._judge(b.schema, pm, before)

    def _judge(self, after: Schema, pm: ParsedMigration, before: "_Fork") -> str | None:
        """Why the down's result ``after`` cannot be used (see the module docstring)."""
        inv = self.inverter
        if not before.new_warnings(inv):
            # inversion knew everything: the down must give the same schema
            from ..compare import compare

            found = compare(inv.schema, after)
            if found and all(d.attribute == COLUMN_ORDER for d in found):
                # where inversion puts back a dropped column is its best guess when the
                # chain never shows the columns before it: the round trip decides
                return round_trip_problem(after, pm, before.schema, self.flavor)
            diffs = _compare(inv.schema, after, pm)
            return f"it does not undo its up: {diffs}" if diffs else None
        return round_trip_problem(after, pm, before.schema, self.flavor)

    def _run_down(self, server, db: str, pm: ParsedMigration, before: "_Fork") -> tuple[Schema | None, str | None]:
        """Run one down on ``db`` (holding ``before.schema``): ``(its result, None)``
        when it can be used, else ``(None, why not)``."""
        from ..chain.replay import MigrationFailed, replay_chain
        from ..sources.live import read_live

        k = pm.index
        try:
            replay_chain(self.chain.slice(k, k + 1), server, db, direction="down", progress=False)
        except MigrationFailed as e:
            return None, f"it fails ({e.without_database(e.server_message or e.reason)})"
        after = read_live(server.url.with_database(db), progress=False)
        after.name = before.schema.name
        if after.flavor is not None and after.flavor.same_family(before.schema.flavor):
            after.flavor = before.schema.flavor
        if self.strict:
            return after, None
        if not pm.is_sql:
            # a JavaScript down is checked the only way there is: its up, run on
            # what the down left, must give back the schema before the down
            problem = self._js_round_trip(server, after, pm, before.schema)
            return (None, problem) if problem else (after, None)
        return after, self._judge(after, pm, before)

    # ------------------------------------------------------------------ JavaScript
    def _node(self):
        from ..chain.nodeenv import ensure_node_env

        if self._node_env is None:
            import sys

            self._node_env = ensure_node_env(log=lambda msg: print(msg, file=sys.stderr))
        return self._node_env

    def _run_up_on(self, server, schema: Schema, explicit, pm: ParsedMigration):
        """Load ``schema``, run ``pm``'s up for real there: ``(what it sent, the
        schema it left, why it failed)``."""
        from ..chain.jsrunner import RUN, run_js
        from ..sources.live import read_live

        try:
            db = load_schema_into(server, schema, explicit)
        except ExecutionError as e:
            return None, None, f"the schema it would run on cannot be built ({e.server_message or e.reason})"
        try:
            runs = run_js(self._node(), server.url, db, [pm.migration], mode=RUN)
            run = runs[0]
            if run.error:
                message, line = run.error
                return run, None, f"its up() fails there ({message}{f', line {line}' if line else ''})"
            left = read_live(server.url.with_database(db), progress=False)
        finally:
            server.drop_database(db)
        left.name = schema.name
        if left.flavor is not None and left.flavor.same_family(schema.flavor):
            left.flavor = schema.flavor
        return run, left, None

    def _js_round_trip(self, server, after_down: Schema, pm: ParsedMigration, expected: Schema) -> str | None:
        _run, left, problem = self._run_up_on(server, after_down, self.inverter.explicit, pm)
        if problem:
            return f"its up() does not run on what it leaves: {problem}"
        diffs = _compare(expected, left, pm)
        return f"its up() does not give back the schema before it: {diffs}" if diffs else None

    def _capture(self, pm: ParsedMigration) -> None:
        """Walk ``pm`` (JavaScript) back by inverting what its up sends (see the
        module docstring), checked by running the up on the result."""
        from ..chain.jsrunner import CAPTURE, run_js

        server = self.server_factory() if self.server_factory else None
        if server is None:  # pragma: no cover - callers pass a server
            raise UsageError("JavaScript migrations need a throwaway server")
        inv = self.inverter
        after = inv.schema.copy()
        start = _Fork(inv)
        db = load_schema_into(server, after, inv.explicit)
        try:
            run = run_js(self._node(), server.url, db, [pm.migration], mode=CAPTURE)[0]
        finally:
            server.drop_database(db)
        if run.error:
            message, line = run.error
            raise InputError(f"migration {pm.id}: its up() fails when run against the schema after it, so what "
                             f"it sends cannot be recorded ({message})", file=pm.rel, line=line,
                             hint="give the migration a down() that undoes it")
        self._note_races(pm, run)
        problem = None
        for _attempt in range(CAPTURE_ROUNDS):
            start.restore(inv, again=True)
            inv.invert(_parsed(pm, run.statements, self.flavor))
            real, left, problem = self._run_up_on(server, inv.schema, inv.explicit, pm)
            if problem is None:
                diffs = _compare(after, left, pm)
                if not diffs:
                    return
                if _texts(real.statements) == _texts(run.statements):
                    # the up sends the same run on the result: the capture was faithful, and
                    # the difference is in what later migrations left unknown (placeholders)
                    self.notes.append(finding(INFO, pm.id, pm.rel, None, "", f"migration {pm.id}",
                                              "its up() sends the same statements on the walked-back schema, "
                                              f"where it shows more than the chain after it told: {diffs}"))
                    return
                problem = f"its up() run on the result gives another schema than the one after it: {diffs}"
            if real is None or not real.statements or _texts(real.statements) == _texts(run.statements):
                break
            run = real  # what the up really sent, run where it reads what it expects
        self.notes.append(finding(WARNING, pm.id, pm.rel, None, "", f"migration {pm.id}",
                                  f"the SQL its up() sends was inverted, but the result could not be checked "
                                  f"({problem}); the verification decides"))

    def _note_races(self, pm: ParsedMigration, run) -> None:
        for tables in run.concurrent:
            named = ", ".join(sorted(set(tables))) or "the same tables"
            self.notes.append(finding(WARNING, pm.id, pm.rel, None, "", f"migration {pm.id}",
                                      f"its up() sends statements concurrently (Promise.all) that alter {named}: "
                                      "their order, so the resulting column order, may differ from run to run"))


class _Fork:
    """The inverter's state before a migration, to go back to when a down is used."""

    def __init__(self, inv: Inverter):
        self.schema = inv.schema.copy()
        self.explicit = set(inv.explicit)
        self.findings = len(inv.findings)
        self.if_not_exists = dict(inv.if_not_exists)
        self.if_not_exists_columns = dict(inv.if_not_exists_columns)

    def new_warnings(self, inv: Inverter) -> list[Finding]:
        from ..engine.findings import WARNING

        return [f for f in inv.findings[self.findings:] if f.severity == WARNING]

    def restore(self, inv: Inverter, *, again: bool = False) -> None:
        """Put ``inv`` back as it was; ``again``: with copies, so the fork can be
        restored once more (the inverter changes what it is given)."""
        inv.schema = self.schema.copy() if again else self.schema
        inv.explicit = set(self.explicit) if again else self.explicit
        del inv.findings[self.findings:]
        inv.if_not_exists = dict(self.if_not_exists) if again else self.if_not_exists
        inv.if_not_exists_columns = dict(self.if_not_exists_columns) if again else self.if_not_exists_columns


def _parsed(pm: ParsedMigration, statements, flavor) -> ParsedMigration:
    """``pm`` with the statements a JavaScript up sends, parsed (the file: the migration's)."""
    from ..chain.parsed import ParsedStatement
    from ..sql.parse import parse_statement

    out = ParsedMigration(pm.index, pm.migration)
    for k, st in enumerate(statements):
        try:
            node = parse_statement(st.text, flavor=flavor, file=pm.rel, line=st.line)
        except InputError as e:
            out.statements.append(ParsedStatement(k, st, None, e))
        else:
            out.statements.append(ParsedStatement(k, st, node))
    return out


def _texts(statements) -> list[str]:
    return [st.text for st in statements]


def _down_rel(pm: ParsedMigration) -> str:
    down = pm.migration.down
    return (down.rel or down.path.name) if down is not None else pm.rel


def _compare(a: Schema, b: Schema, pm: ParsedMigration | None = None) -> str:
    """``""`` when equal, else the first difference (and how many more).

    With ``pm`` (``a`` is the schema undoing ``pm``'s up gives, ``b`` what its down
    gave): each side named, and the last up statement touching the object
    (``file:line``), which the down leaves undone."""
    from ..compare import compare
    from ..compare.differences import EXISTS

    diffs = compare(a, b)
    if not diffs:
        return ""
    d = diffs[0]
    more = f" and {len(diffs) - 1} more" if len(diffs) > 1 else ""
    if pm is None:
        return f"{d.label} {d.attribute}{more}"
    if d.attribute == EXISTS:
        has, lacks = ("before the up", "after the down") if d.a else ("after the down", "before the up")
        what = f"{d.label} exists {has} but not {lacks}"
    else:
        what = f"{d.label} {d.attribute} is {d.a!r} before the up but {d.b!r} after the down"
    more = f", and {len(diffs) - 1} more difference{'s' if len(diffs) > 2 else ''}" if len(diffs) > 1 else ""
    where = _last_touch(pm, d.owner, d.path)
    return what + more + (f" (left undone: {where})" if where else "")


def _last_touch(pm: ParsedMigration, owner, path: tuple[str, ...] = ()) -> str:
    """``file:line: statement`` of the last up statement of ``pm`` touching ``owner``
    (naming the difference's own column or key when one does)."""
    import re

    from ..sql.touch import touched_objects

    touching = [ps for ps in pm.statements if any(t.key == tuple(owner) for t in touched_objects(ps.text))]
    if len(path) > 1:  # a column or key: the statement naming it, if one does
        word = re.compile(r"(?<![\w$])`?" + re.escape(path[-1]) + r"`?(?![\w$])", re.I)
        touching = [ps for ps in touching if word.search(ps.text)] or touching
    if not touching:
        return ""
    ps = touching[-1]
    return f"{pm.rel}:{ps.line}: {' '.join(ps.text.split())[:80]}"


def round_trip_problem(before: Schema, pm: ParsedMigration, expected: Schema, flavor) -> str | None:
    """Why the down's result ``before`` is not the schema the migration's up
    turns into ``expected`` (``None`` when it is, or when it cannot be checked
    offline: a JavaScript migration, a statement the parser does not read)."""
    from ..engine.builder import SchemaBuilder

    if not pm.is_sql or any(ps.node is None for ps in pm.statements):
        return None
    b = SchemaBuilder(flavor, schema=before.copy())
    try:
        for ps in pm.statements:
            b.apply(ps.node)
    except InputError as e:
        return f"its up does not apply to what it leaves ({e.reason})"
    diffs = _compare(expected, b.schema)
    if diffs:
        return f"its up, replayed on what it leaves, does not give the schema back ({diffs})"
    return None


def load_schema_into(server, schema: Schema, explicit=frozenset()) -> str:
    """A fresh database on ``server`` holding ``schema``; returns its name (the caller drops it)."""
    from ..render.ddl import RenderOptions
    from ..render.sqlfile import render_sql_file
    from ..connect.execute import execute_script

    text = render_sql_file(schema, RenderOptions(explicit_indexes=frozenset(explicit)),
                           source_description="the schema being walked back")
    db = server.create_database(schema.charset, schema.collation, prefix="baseline_downs")
    try:
        conn = server.connect(db)
        try:
            execute_script(conn, text, file="(the schema being walked back)")
        finally:
            conn.close()
    except BaseException:
        server.drop_database(db)
        raise
    return db
