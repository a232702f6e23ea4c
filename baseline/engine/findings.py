"""What walking a chain backwards could not know exactly, said plainly.

Inverting a migration is exact for most statements (an added column is simply
removed again). Where the chain destroyed information (a dropped column whose
definition appears nowhere, a MODIFY whose old type is unknown) the inverter
still produces a baseline that replays to SOURCE, but it had to assume
something. Each assumption is a :class:`Finding`: structured (severity, file,
line, statement, object, what was assumed) so that the command's summary, the
comment block at the top of the baseline and the tests all read the same data.

Severities: ``warning`` where the pre-chain schema may differ from what the
baseline holds (or where replay may fail), ``info`` where nothing was lost
that matters for the replay (a ``DROP ... IF EXISTS`` of something unknown).

Kinds: an ``assumption`` (the chain lost information) or a ``wrong-down`` (under
``--strategy down``, a down script used as asked that does not undo its up: not
something the chain lost, but a script that is wrong, so it is listed apart).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import shorten

WARNING = "warning"
INFO = "info"

ASSUMPTION = "assumption"
WRONG_DOWN = "wrong-down"


@dataclass(frozen=True)
class Finding:
    severity: str
    #: Migration id (``005_cleanup_legacy``).
    migration: str
    #: The file, relative to the chain folder (stable across machines).
    file: str
    line: int | None
    #: The statement, shortened to one line.
    statement: str
    #: What it is about: ``column packages.rollout``, ``table accessKeys``.
    object: str
    #: What was assumed, in a sentence.
    message: str
    #: :data:`ASSUMPTION` or :data:`WRONG_DOWN`: which list it is shown in.
    kind: str = ASSUMPTION

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def text(self) -> str:
        """``005_cleanup_legacy.sql:4: warning: table accessKeys: ...``."""
        return f"{self.where}: {self.severity}: {self.object}: {self.message}"

    def key(self) -> tuple:
        """What tests compare: ``(severity, file, line, object)``."""
        return (self.severity, self.file, self.line, self.object)


def finding(severity: str, migration: str, file: str, line: int | None, statement: str, obj: str,
            message: str, kind: str = ASSUMPTION) -> Finding:
    return Finding(severity, migration, file, line, shorten(statement or "", 120), obj, message, kind)


def warnings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == WARNING]


def warning_groups(findings: list[Finding], tail: str) -> list[tuple[str, list[Finding]]]:
    """The warnings under their headers, in the order they are shown: wrong downs
    first (a script to fix), then the assumptions (``tail`` ends that header)."""
    ws = warnings(findings)
    wrong = [f for f in ws if f.kind == WRONG_DOWN]
    assumed = [f for f in ws if f.kind != WRONG_DOWN]
    groups = []
    if wrong:
        n = len(wrong)
        groups.append((f"{n} down script{'s' if n != 1 else ''} that do{'es' if n == 1 else ''} not undo "
                       f"{'its' if n == 1 else 'their'} up (used as --strategy down asks):", wrong))
    if assumed:
        n = len(assumed)
        groups.append((f"{n} assumption{'s' if n != 1 else ''} where the chain lost information {tail}:", assumed))
    return groups


def notes_for(findings: list[Finding], strategies: list[str] = ()) -> list[str]:
    """The comment lines at the top of a chain-aware baseline: how each part of the
    chain was walked back, then every finding (warnings first), one a line."""
    lines = list(strategies)
    if not findings:
        if lines:
            lines.append("Nothing had to be assumed: the chain says everything the baseline needs.")
        return lines
    infos = [f for f in findings if f.severity != WARNING]
    for header, group in warning_groups(findings, "(baseline + chain still rebuild SOURCE)"):
        lines.append(header)
        lines += ["  " + f.text() for f in group]
    if infos:
        lines.append("Notes:")
        lines += ["  " + f.text() for f in infos]
    return lines
