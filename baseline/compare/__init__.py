"""Comparison of two schema models: structured, flavor-aware differences.

``compare(a, b, options)`` -> ``list[Difference]``; ``attribute_differences`` fills
in the migration that last touched each object; ``ComparisonResult`` carries both
sides' descriptions and the differences to :mod:`baseline.report`.
"""
from .attribution import attribute_differences
from .differences import EXISTS, CommandError, CompareOptions, ComparisonResult, Difference, ReplayFailure, Side
from .engine import compare, compared_objects

__all__ = ["compare", "compared_objects", "attribute_differences", "CompareOptions", "ComparisonResult",
           "Difference", "ReplayFailure", "CommandError", "Side", "EXISTS"]
