"""The model as JSON: ``inspect --json`` and, later, machine-readable reports.

``to_json(schema)`` gives plain dicts and lists with a fixed key order (fields in
declaration order, objects sorted by key, option maps sorted), so the same
schema always serializes to the same text; ``from_json`` rebuilds an equal
:class:`~baseline.model.Schema` (``from_json(to_json(s)) == s``, every field
included, definers and counters too).
"""
from __future__ import annotations

from dataclasses import fields, is_dataclass

from .errors import InputError
from .flavor import Flavor
from .model import (
    KINDS,
    Check,
    Column,
    Event,
    ForeignKey,
    Index,
    IndexPart,
    Param,
    Partition,
    Partitioning,
    Routine,
    Schema,
    Sequence,
    Table,
    Trigger,
    View,
)

FORMAT = "baseline-snapshot"
VERSION = 1

_KIND_CLASS = {"tables": Table, "sequences": Sequence, "views": View, "routines": Routine,
               "triggers": Trigger, "events": Event}

#: Nested dataclass fields: (owner class, field) -> element class.
_NESTED = {
    (Table, "columns"): Column, (Table, "indexes"): Index, (Table, "foreign_keys"): ForeignKey,
    (Table, "checks"): Check, (Table, "partitioning"): Partitioning, (Index, "parts"): IndexPart,
    (Partitioning, "partitions"): Partition, (Routine, "params"): Param,
}


def _sort_key(k):
    return k if isinstance(k, str) else tuple(k)


def _dump(value):
    if is_dataclass(value):
        return {f.name: _dump(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {k: _dump(value[k]) for k in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    return value


def to_json(schema: Schema) -> dict:
    out = {
        "format": FORMAT,
        "version": VERSION,
        "name": schema.name,
        "charset": schema.charset,
        "collation": schema.collation,
        "flavor": None if schema.flavor is None else {
            "family": schema.flavor.family, "version": list(schema.flavor.version)},
    }
    # said only when there is something to say (most sources state their default
    # and read whole)
    if schema.charset_inferred:
        out["charset_inferred"] = schema.charset_inferred
    if schema.problems:
        out["problems"] = list(schema.problems)
    for kind in KINDS:
        coll = getattr(schema, kind)
        out[kind] = [_dump(coll[k]) for k in sorted(coll, key=_sort_key)]
    return out


def _load(cls, data: dict):
    if not isinstance(data, dict):
        raise InputError(f"snapshot: expected an object for {cls.__name__}, got {type(data).__name__}")
    kwargs = {}
    names = {f.name for f in fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise InputError(f"snapshot: unknown {cls.__name__} fields: {', '.join(sorted(unknown))}")
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        inner = _NESTED.get((cls, f.name))
        if inner is not None and value is not None:
            value = [_load(inner, v) for v in value] if isinstance(value, list) else _load(inner, value)
        elif isinstance(value, dict):
            value = dict(value)
        elif isinstance(value, list):
            value = list(value)
        kwargs[f.name] = value
    return cls(**kwargs)


def from_json(data: dict) -> Schema:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("not a baseline snapshot (missing \"format\": \"baseline-snapshot\")")
    if data.get("version") != VERSION:
        raise InputError(f"unsupported snapshot version {data.get('version')!r} (this baseline reads {VERSION})")
    flavor = data.get("flavor")
    schema = Schema(
        name=data.get("name"), charset=data.get("charset"), collation=data.get("collation"),
        flavor=None if flavor is None else Flavor(flavor["family"], tuple(flavor["version"])),
        charset_inferred=data.get("charset_inferred"), problems=list(data.get("problems") or ()),
    )
    for kind in KINDS:
        for item in data.get(kind, []):
            schema.add(_load(_KIND_CLASS[kind], item))
    return schema
