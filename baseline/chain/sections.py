"""Up/down sections of single-file formats (goose, dbmate) and goose statement blocks.

Both formats keep the up and the down migration in one file, separated by
annotation comments. A section's text keeps its line structure and remembers
the file line it starts on, so statements report the real line of the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..sql.split import Statement, split_sql

# ---------------------------------------------------------------- goose

#: ``-- +goose Up``, ``-- +goose StatementBegin``, ``--+goose NO TRANSACTION``...
_GOOSE_RE = re.compile(r"^\s*--\s*\+goose\s+(?P<cmd>.*?)\s*$", re.I)
#: dbmate: ``-- migrate:up``, ``-- migrate:down transaction:false``.
_DBMATE_RE = re.compile(r"^\s*--\s*migrate:(?P<dir>up|down)\b(?P<opts>.*)$", re.I)


@dataclass(frozen=True)
class Section:
    #: ``up`` or ``down``.
    direction: str
    text: str
    #: 1-based file line where ``text`` starts (the line after the annotation).
    line: int
    #: The annotation line itself.
    marker_line: int
    no_transaction: bool = False


def has_goose_markers(text: str) -> bool:
    return any(_goose_cmd(l) in ("up", "down") for l in text.splitlines())


def has_dbmate_markers(text: str) -> bool:
    return any(_DBMATE_RE.match(l) for l in text.splitlines())


def _goose_cmd(line: str) -> str | None:
    m = _GOOSE_RE.match(line)
    return " ".join(m.group("cmd").lower().split()) if m else None


def goose_sections(text: str, *, file: str | None = None) -> list[Section]:
    """The ``Up`` and ``Down`` sections of a goose SQL file, in file order.

    ``-- +goose NO TRANSACTION`` anywhere in the file applies to both sections
    (as goose reads it). Raises :class:`InputError` for a repeated section or a
    StatementBegin without StatementEnd.
    """
    lines = text.splitlines(keepends=True)
    markers: list[tuple[str, int]] = []   # (direction, 0-based line index)
    no_tx = False
    open_block: int | None = None
    for i, line in enumerate(lines):
        cmd = _goose_cmd(line)
        if cmd is None:
            continue
        if cmd in ("up", "down"):
            if open_block is not None:
                raise InputError("-- +goose StatementBegin without StatementEnd", file=file,
                                 line=open_block + 1)
            if any(d == cmd for d, _ in markers):
                raise InputError(f"second -- +goose {cmd.capitalize()} section", file=file, line=i + 1)
            markers.append((cmd, i))
        elif cmd == "statementbegin":
            if open_block is not None:
                raise InputError("-- +goose StatementBegin inside another block", file=file, line=i + 1)
            open_block = i
        elif cmd == "statementend":
            if open_block is None:
                raise InputError("-- +goose StatementEnd without StatementBegin", file=file, line=i + 1)
            open_block = None
        elif cmd == "no transaction":
            no_tx = True
        # envsub on/off and unknown annotations: comments for our purposes
    if open_block is not None:
        raise InputError("-- +goose StatementBegin without StatementEnd", file=file, line=open_block + 1)
    return _cut(lines, markers, no_tx)


def dbmate_sections(text: str, *, file: str | None = None) -> list[Section]:
    """The ``migrate:up`` and ``migrate:down`` sections of a dbmate file."""
    lines = text.splitlines(keepends=True)
    markers: list[tuple[str, int]] = []
    no_tx: dict[str, bool] = {}
    for i, line in enumerate(lines):
        m = _DBMATE_RE.match(line)
        if not m:
            continue
        d = m.group("dir").lower()
        if any(x == d for x, _ in markers):
            raise InputError(f"second -- migrate:{d} section", file=file, line=i + 1)
        markers.append((d, i))
        no_tx[d] = bool(re.search(r"transaction\s*:\s*false", m.group("opts"), re.I))
    sections = _cut(lines, markers, False)
    return [Section(s.direction, s.text, s.line, s.marker_line, no_tx.get(s.direction, False))
            for s in sections]


def _cut(lines: list[str], markers: list[tuple[str, int]], no_tx: bool) -> list[Section]:
    out = []
    for k, (direction, i) in enumerate(markers):
        end = markers[k + 1][1] if k + 1 < len(markers) else len(lines)
        out.append(Section(direction, "".join(lines[i + 1:end]), line=i + 2, marker_line=i + 1,
                           no_transaction=no_tx))
    return out


def goose_statements(text: str, *, file: str | None = None, first_line: int = 1) -> list[Statement]:
    """Statements of a goose section: ordinary SQL is split like the mysql client
    does; a ``StatementBegin``..``StatementEnd`` block is one statement (its
    final ``;`` removed), so routine and trigger bodies stay whole."""
    out: list[Statement] = []
    buf: list[str] = []
    buf_start = first_line
    block: list[str] | None = None
    block_start = first_line
    for idx, line in enumerate(text.splitlines(keepends=True)):
        lineno = first_line + idx
        cmd = _goose_cmd(line)
        if cmd == "statementbegin":
            out.extend(split_sql("".join(buf), file=file, first_line=buf_start))
            buf = []
            block = []
            block_start = lineno + 1
            continue
        if cmd == "statementend":
            if block is None:
                raise InputError("-- +goose StatementEnd without StatementBegin", file=file, line=lineno)
            st = _block_statement(block, block_start)
            if st is not None:
                out.append(st)
            block = None
            buf_start = lineno + 1
            continue
        if block is not None:
            block.append(line)
        else:
            if not buf:
                buf_start = lineno
            buf.append(line)
    if block is not None:
        raise InputError("-- +goose StatementBegin without StatementEnd", file=file, line=block_start - 1)
    out.extend(split_sql("".join(buf), file=file, first_line=buf_start))
    return out


def _block_statement(lines: list[str], start: int) -> Statement | None:
    # skip leading blank and comment-only lines so the statement's line is its first SQL line
    k = 0
    while k < len(lines) and (not lines[k].strip() or lines[k].lstrip().startswith(("--", "#"))):
        k += 1
    text = "".join(lines[k:]).strip()
    while text.endswith(";"):
        text = text[:-1].rstrip()
    if not text:
        return None
    return Statement(text, start + k, ";")
