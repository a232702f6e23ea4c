"""Creation order of a schema's objects, deterministic (ties broken by name).

* Tables: foreign-key targets first. Where foreign keys form a cycle, the keys
  that close it are *deferred* (added with ALTER TABLE after every table), so the
  baseline never relies on ``FOREIGN_KEY_CHECKS=0``. Self-references need no
  deferral. Keys pointing outside the schema (another database, or a table
  that does not exist) are *external*.
* Views: after the views they select from; the stored functions a view calls
  are created before the views.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from ..model import Schema
from ..sql.scan import referenced_names


@dataclass
class TablePlan:
    #: Table names in creation order.
    order: list[str] = field(default_factory=list)
    #: ``(table, fk name)`` of keys added after all tables because they close a cycle.
    deferred: set[tuple[str, str]] = field(default_factory=set)
    #: ``(table, fk name)`` of keys whose target is not in the schema.
    external: set[tuple[str, str]] = field(default_factory=set)


def _target(schema: Schema, fk) -> str | None:
    """Name of the referenced table when it is in the schema, else None."""
    if fk.ref_schema is not None:
        return None
    t = schema.tables.get(fk.ref_table) or schema.table(fk.ref_table)
    return t.name if t is not None else None


def plan_tables(schema: Schema) -> TablePlan:
    plan = TablePlan()
    names = sorted(schema.tables)
    deps: dict[str, set[str]] = {n: set() for n in names}
    for n in names:
        t = schema.tables[n]
        for fk in t.foreign_keys:
            target = _target(schema, fk)
            if target is None:
                plan.external.add((n, fk.name))
            elif target != n:
                deps[n].add(target)

    components = _strongly_connected(names, deps)
    comp_of = {n: k for k, comp in enumerate(components) for n in comp}
    comp_deps = {k: {comp_of[d] for n in comp for d in deps[n]} - {k} for k, comp in enumerate(components)}
    for k in _kahn(list(range(len(components))), comp_deps, key=lambda k: min(components[k])):
        comp = components[k]
        if len(comp) == 1:
            plan.order.extend(comp)
            continue
        members = set(comp)
        inner = {n: deps[n] & members for n in comp}
        done: set[str] = set()
        for n in _kahn(sorted(comp), inner, key=lambda n: n, on_stuck=lambda waiting: min(waiting)):
            # whatever this table still waits for closes a cycle: defer those keys
            t = schema.tables[n]
            for fk in t.foreign_keys:
                target = _target(schema, fk)
                if target in members and target != n and target not in done:
                    plan.deferred.add((n, fk.name))
            done.add(n)
            plan.order.append(n)
    return plan


def _kahn(nodes: list, deps: dict, key, on_stuck=None) -> list:
    """Topological order, smallest ``key`` first among the ready ones. When every
    remaining node still waits (a cycle), ``on_stuck(waiting)`` picks the next one."""
    waiting = {n: set(deps.get(n, ())) for n in nodes}
    users: dict = {n: set() for n in nodes}
    for n, ds in waiting.items():
        for d in ds:
            users.setdefault(d, set()).add(n)
    ready = [(key(n), n) for n, ds in waiting.items() if not ds]
    heapq.heapify(ready)
    out = []
    remaining = set(nodes)
    while remaining:
        if not ready:
            if on_stuck is None:  # cannot happen for an acyclic graph
                raise ValueError("dependency cycle")
            n = on_stuck(remaining)
        else:
            _, n = heapq.heappop(ready)
            if n not in remaining:
                continue
        remaining.discard(n)
        out.append(n)
        for u in users.get(n, ()):
            if u in remaining and n in waiting[u]:
                waiting[u].discard(n)
                if not waiting[u]:
                    heapq.heappush(ready, (key(u), u))
    return out


def _strongly_connected(nodes: list[str], deps: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (schemas may hold thousands of tables)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(deps[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(deps[w]))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(sorted(comp))
    return out


# --------------------------------------------------------------------------- views


def plan_views(schema: Schema) -> tuple[list[str], list[tuple[str, str]]]:
    """``(view names in creation order, keys of functions views call)``."""
    views = sorted(schema.views)
    by_fold = {v.casefold(): v for v in views}
    functions = {r.name.casefold(): key for key, r in schema.routines.items() if r.kind == "FUNCTION"}
    deps: dict[str, set[str]] = {}
    needed: set[tuple[str, str]] = set()
    for v in views:
        names, called = referenced_names(schema.views[v].definition)
        deps[v] = {by_fold[n] for n in names if n in by_fold and by_fold[n] != v}
        needed.update(functions[n] for n in called if n in functions)
    order = _kahn(views, deps, key=lambda n: n, on_stuck=lambda waiting: min(waiting))
    return order, sorted(needed)
