"""Does a chain apply to SOURCE at all?

``generate SOURCE --migrations DIR`` walks the chain back from SOURCE. When
SOURCE is not the database this chain built (a dump of another application, the
wrong ``--schema``), every statement of the walk finds its object missing: the
user got one warning per statement, then a server error from the verification
replay, and had to guess the cause. The chain's forward simulation
(:class:`~.shadow.ChainKnowledge`) already knows which objects the chain leaves
behind; when SOURCE lacks most of them, that is said once, first, by name.

Only "most" (more than half): a SOURCE that lacks one table the chain creates is
drift the verification reports as a difference, which is what the user needs to
see then.
"""
from __future__ import annotations

from ..model import Schema
from .shadow import ChainKnowledge

#: Kinds of object compared, as (Schema attribute, word for people).
_KINDS = (("tables", "table"), ("views", "view"), ("triggers", "trigger"), ("routines", "routine"),
          ("events", "event"), ("sequences", "sequence"))


def _names(schema: Schema, attribute: str) -> dict[str, str]:
    """Casefolded name -> name of each object of one kind (routine keys are (kind, name))."""
    out = {}
    for obj in getattr(schema, attribute).values():
        out[obj.name.casefold()] = obj.name
    return out


def lacking(source: Schema, knowledge: ChainKnowledge) -> tuple[list[str], int]:
    """(``"table accounts"``, ... the objects the chain leaves behind that SOURCE
    lacks, how many objects the chain leaves behind in all)."""
    end = knowledge.b.schema
    missing: list[str] = []
    total = 0
    for attribute, word in _KINDS:
        have = _names(source, attribute)
        for key, name in sorted(_names(end, attribute).items()):
            total += 1
            if key not in have:
                missing.append(f"{word} {name}")
    return missing, total


def misfit_message(source: Schema, knowledge: ChainKnowledge, folder: str) -> str | None:
    """The one message saying the chain does not apply to SOURCE, or ``None``
    when SOURCE has at least half of what the chain leaves behind."""
    missing, total = lacking(source, knowledge)
    if not missing or len(missing) * 2 <= total:
        return None
    shown = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
    return (f"the chain in {folder} does not apply to SOURCE: SOURCE lacks {len(missing)} of the "
            f"{total} objects the chain leaves behind ({shown})")


__all__ = ["lacking", "misfit_message"]
