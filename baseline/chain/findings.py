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
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import shorten

WARNING = "warning"
INFO = "info"


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
            message: str) -> Finding:
    return Finding(severity, migration, file, line, shorten(statement or "", 120), obj, message)


def warnings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == WARNING]


def notes_for(findings: list[Finding], strategies: list[str] = ()) -> list[str]:
    """The comment lines at the top of a chain-aware baseline: how each part of the
    chain was walked back, then every finding (warnings first), one a line."""
    lines = list(strategies)
    if not findings:
        if lines:
            lines.append("Nothing had to be assumed: the chain says everything the baseline needs.")
        return lines
    ws = warnings(findings)
    infos = [f for f in findings if f.severity != WARNING]
    if ws:
        lines.append(f"{len(ws)} assumption{'s' if len(ws) != 1 else ''} where the chain lost information "
                     "(baseline + chain still rebuild SOURCE):")
        lines += ["  " + f.text() for f in ws]
    if infos:
        lines.append("Notes:")
        lines += ["  " + f.text() for f in infos]
    return lines
