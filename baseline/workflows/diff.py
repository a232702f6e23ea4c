"""``diff A B``: two SOURCEs read and compared (``--write DIR``, the migration
between them: :mod:`.next_migration`)."""
from __future__ import annotations

from dataclasses import dataclass

from ..compare import CompareOptions, ComparisonResult, Side, compared_objects
from ..compare.sources import compare_sources
from ..model import Schema
from ..report.sides import describe_source
from ..sources import SourceOptions, load_schema, source_kind


@dataclass
class Diffed:
    #: Both sides as read.
    a: Schema
    b: Schema
    #: The comparison, as reports print it.
    result: ComparisonResult


def read_side(spec: str, options: SourceOptions) -> Schema:
    """One side of ``diff``: a migrations folder or a ``sequelize:`` side needs a
    server, so it gets ``--scratch auto`` when none was named."""
    if options.scratch is None and source_kind(spec) in ("migrations", "models"):
        from dataclasses import replace

        options = replace(options, scratch="auto")
    return load_schema(spec, options)


def compare_read(source_a: str, a: Schema, source_b: str, b: Schema, options: CompareOptions, *,
                 include_bookkeeping: bool = False) -> Diffed:
    """The comparison of two sides already read (tool history tables left out
    unless ``include_bookkeeping``)."""
    compared = compare_sources(a, b, options, include_bookkeeping=include_bookkeeping)
    result = ComparisonResult(Side("A", describe_source(source_a, a)), Side("B", describe_source(source_b, b)),
                              compared.differences, command="diff", objects=compared_objects(compared.a, compared.b),
                              notes=compared.notes, excluded=[("table", name) for name in compared.excluded])
    return Diffed(a, b, result)


def diff_sources(source_a: str, source_b: str, source_options: SourceOptions,
                 options: CompareOptions | None = None, *, include_bookkeeping: bool = False) -> Diffed:
    """Read both SOURCEs and compare them as ``diff`` does."""
    a = read_side(source_a, source_options)
    b = read_side(source_b, source_options)
    return compare_read(source_a, a, source_b, b, options or CompareOptions(),
                        include_bookkeeping=include_bookkeeping)
