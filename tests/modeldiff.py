"""Field-by-field model comparison for readable test failures.

``mismatches(a, b)`` walks two schemas and returns one line per differing field
(``table film.columns[title].type: 'varchar(128)' != 'varchar(255)'``). Lists of
named things are matched by name; fields marked ``compare=False`` (definers,
counters) are skipped unless ``everything=True``.
"""
from __future__ import annotations

from dataclasses import fields, is_dataclass

from baseline.model import KINDS, Schema

_SCHEMA_FIELDS_SKIPPED = ("name", "flavor") + KINDS


def _named(items) -> bool:
    return bool(items) and all(is_dataclass(i) and hasattr(i, "name") for i in items)


def _walk(path: str, a, b, out: list[str], everything: bool) -> None:
    if is_dataclass(a) and is_dataclass(b) and type(a) is type(b):
        for f in fields(a):
            if not everything and not f.metadata.get("compare", True):
                continue
            _walk(f"{path}.{f.name}", getattr(a, f.name), getattr(b, f.name), out, everything)
        return
    if isinstance(a, list) and isinstance(b, list) and (_named(a) or _named(b)):
        names_a = [x.name for x in a]
        names_b = [x.name for x in b]
        if names_a != names_b:
            if sorted(names_a) != sorted(names_b):
                out.append(f"{path} names: {names_a} != {names_b}")
            else:
                out.append(f"{path} order: {names_a} != {names_b}")
        by_b = {x.name: x for x in b}
        for x in a:
            if x.name in by_b:
                _walk(f"{path}[{x.name}]", x, by_b[x.name], out, everything)
        return
    if isinstance(a, dict) and isinstance(b, dict) and any(is_dataclass(v) for v in [*a.values(), *b.values()]):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                out.append(f"{path}[{k}]: only in {'second' if k not in a else 'first'}")
            else:
                _walk(f"{path}[{k}]", a[k], b[k], out, everything)
        return
    if a != b:
        out.append(f"{path}: {a!r} != {b!r}")


def mismatches(a: Schema, b: Schema, *, everything: bool = False, compare_db: bool = True) -> list[str]:
    out: list[str] = []
    if compare_db:
        for f in ("charset", "collation"):
            if getattr(a, f) != getattr(b, f):
                out.append(f"schema.{f}: {getattr(a, f)!r} != {getattr(b, f)!r}")
    for kind in KINDS:
        _walk(kind, getattr(a, kind), getattr(b, kind), out, everything)
    return out
