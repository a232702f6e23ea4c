"""What a side does not say: set aside, and said so.

A dump made without ``--databases`` has no ``CREATE DATABASE``: the database's
default character set is not in it. The reader infers one (the tables' most
common, the ``SET NAMES``, a default: :mod:`baseline.sources.dump`) because a
baseline needs one to render, but an inference is not a fact about the source:
comparing it with a server's stated default would report a difference nobody
can act on. Where either side's default is inferred, the database-level
``charset``/``collation`` differences are dropped and a note says what each side
has and why it was not compared. Tables state their own character sets in every
dump, so nothing else depends on the inference.

A side read from a damaged dump anyway (``generate --force``) carries its
problems (:attr:`~baseline.model.Schema.problems`): each becomes a note, so every
report says the comparison stands on an incomplete source.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Schema
from .differences import Difference

_DATABASE_DEFAULTS = ("charset", "collation")


def set_aside_unstated(differences: Iterable[Difference], a: Schema, b: Schema,
                       labels: tuple[str, str] = ("A", "B")) -> tuple[list[Difference], list[str]]:
    """The differences without database defaults a side only inferred, and the notes."""
    kept = list(differences)
    notes: list[str] = []
    inferred = [(label, s) for label, s in zip(labels, (a, b), strict=True) if s.charset_inferred]
    if inferred:
        kept = [d for d in kept if not (d.kind == "schema" and d.attribute in _DATABASE_DEFAULTS)]
        if (a.charset, a.collation) != (b.charset, b.collation):
            said = "; ".join(f"{label} {s.charset}/{s.collation}"
                             + (f" (not stated: {s.charset_inferred})" if s.charset_inferred else "")
                             for label, s in zip(labels, (a, b), strict=True))
            notes.append(f"database default character set not compared: {said}; "
                         f"{' and '.join(label for label, _ in inferred)} does not state it")
    return kept, notes


def problem_notes(sides: Iterable[tuple[str, Schema | None]]) -> list[str]:
    """A note per problem of a side read from a damaged source (``(label, schema)``)."""
    return [f"{label} was read from a damaged source, so this comparison may be incomplete: {problem}"
            for label, s in sides if s is not None for problem in s.problems]
