"""A streaming statement splitter over bytes, for dumps of any size.

It splits exactly like the reference splitter :func:`baseline.sql.split.split_sql`
(``DELIMITER`` changes, quoted strings and identifiers with their escapes,
``--``/``#``/``/* */`` comments, version comments kept as SQL), but it reads a
binary stream through a sliding window, so memory stays flat whatever the size,
and it *skips data statements* (``INSERT``/``REPLACE``) without building their text.

Why it is fast enough in pure Python: most of a dump is data, and most of the data
is inside string literals. Consecutive data statements are consumed by one compiled
regular expression whose string branch jumps from quote to quote with the regex
engine's single-character loop (``[^']*+``) and recognizes escaped quotes with
look-behinds, so Python code runs once per *run* of data statements, not once per
row or per string. Wherever that expression stops before it can decide (the end of
the window, a quote after four or more backslashes, a comment opener on the
window's last bytes...), an exact Python step (the reference's rules) takes that
one token and the fast expression resumes after it. The fast path relies on no
dump-specific habit (such as "no raw newline inside strings"), so hand-made files
split exactly as they would with the reference splitter.

Bytes, not text: the rules hold for any ASCII-compatible encoding whose multi-byte
characters never contain ASCII bytes (UTF-8, latin1, cp125x, ...). Callers
transcode the others (sjis, big5, gbk...) to UTF-8 first.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from ..errors import InputError

try:  # the C loops (baseline/sql/_scanner.c), built by pip install where a compiler exists
    from . import _scanner
except ImportError:  # pragma: no cover - depends on the build
    _scanner = None

#: Set to 1 to use the pure-Python loops even where the C ones are built.
PURE_PYTHON_ENV = "BASELINE_PURE_PYTHON"


def accelerated() -> bool:
    """Whether new streams use the C loops (built, and not turned off by the environment)."""
    return _scanner is not None and os.environ.get(PURE_PYTHON_ENV, "") in ("", "0")

#: Whitespace as the reference splitter sees it.
WS = b" \t\r\n\f\v"
_WS_SET = frozenset(WS)
#: How much is read at a time.
WINDOW = 4 * 1024 * 1024
#: Bytes the fast expressions leave unread at the window's end, so exact
#: decisions can always look ahead far enough.
GUARD = 64
#: A statement whose text is built (anything but data) keeps at most this much.
MAX_STATEMENT = 64 * 1024 * 1024
#: What a too-long statement keeps of its start.
TRUNCATED_HEAD = 64 * 1024

_IDENT = rb"0-9A-Za-z_$\x80-\xff"
_DATA_START_RE = re.compile(rb"(?i:insert|replace)(?![" + _IDENT + rb"])")
_DELIMITER_RE = re.compile(rb"(?i:delimiter)[ \t]+([^ \t\n\r\f\v\x1c-\x1f]+)[^\n]*")
_SKIP_RE = re.compile(
    rb"(?:[ \t\r\n\f\v]++"
    rb"|#[^\n]*+(?=\n)"
    rb"|--(?=[ \t\r\n\f\v])[^\n]*+(?=\n)"
    rb"|/\*(?=[^!M]|M[^!])[^*]*+\*++(?:[^/*][^*]*+\*++)*+/"
    rb")*+"
)
_BACKSLASH = 0x5C
_QUOTES = (0x27, 0x22, 0x60)  # ' " `
_QUOTE_NAMES = {0x27: "string", 0x22: "string", 0x60: "quoted identifier"}


def _quoted(q: bytes) -> bytes:
    """A literal opened by ``q`` with backslash escapes, for the fast path.

    ``[^q]*+`` jumps to the next quote; the quote is escaped when a run of exactly
    one or three backslashes precedes it (look-behinds). A quote after four or
    more backslashes makes the branch fail, and the exact step takes over.
    Doubled quotes need nothing: they read as two adjacent literals.
    """
    return (q + rb"(?:[^" + q + rb"]*+(?:(?<=[^\\]\\)|(?<=[^\\]\\\\\\))" + q + rb")*+"
            + rb"[^" + q + rb"]*+(?<!\\\\\\\\)" + q)


def _token_pattern(delimiter: bytes) -> bytes:
    """One token that cannot end the statement: a run of plain bytes, a literal,
    a comment, or a special character that starts nothing."""
    d0 = delimiter[:1]
    specials = sorted(set(b"'\"`#-/") | {d0[0]})
    # most frequent first: the regex engine tries alternatives in order
    alts = [_quoted(b"'"), rb"[^" + b"".join(re.escape(bytes([c])) for c in specials) + rb"]++",
            _quoted(b'"'), rb"`[^`]*+`"]
    # a lone '-' or '/' that opens no comment; the look-ahead must *see* the next
    # bytes, so nothing is decided on the last bytes of a window
    if d0 != b"-":
        alts.append(rb"-(?=[^-]|-[^ \t\r\n\f\v])")
    if d0 != b"/":
        alts.append(rb"/(?=[^*])")
    alts += [rb"/\*(?=!|M!)",  # version comment: the reference reads its content as SQL
             rb"#[^\n]*+(?=\n)",
             rb"--(?=[ \t\r\n\f\v])[^\n]*+(?=\n)",
             rb"/\*(?=[^!M]|M[^!])[^*]*+\*++(?:[^/*][^*]*+\*++)*+/"]
    if len(delimiter) > 1 and d0 not in (b"'", b'"', b"`", b"#", b"-", b"/"):
        rest = delimiter[1:]
        alts.append(re.escape(d0) + rb"(?=[\s\S]{%d})(?!" % len(rest) + re.escape(rest) + rb")")
    return rb"(?:" + rb"|".join(alts) + rb")"


class _Patterns:
    """The compiled expressions for one delimiter."""

    def __init__(self, delimiter: bytes):
        tok = _token_pattern(delimiter)
        self.tokens = re.compile(tok + rb"*+")
        #: a run of complete data statements, each with the whitespace after it. The
        #: reference looks for quotes and comments before the delimiter: where one
        #: starts that no token took (a comment at the end of the input, without
        #: its newline), a delimiter such as ``--`` is no delimiter
        self.data_run = re.compile(
            rb"(?:(?i:insert|replace)(?![" + _IDENT + rb"])" + tok + rb"*+"
            + rb"(?![#'\"`]|--(?:[ \t\r\n\f\v]|\Z)|/\*)"
            + re.escape(delimiter) + rb"[ \t\r\n\f\v]*+)*+")


_PATTERNS: dict[bytes, _Patterns] = {}


def _patterns(delimiter: bytes) -> _Patterns:
    p = _PATTERNS.get(delimiter)
    if p is None:
        if len(_PATTERNS) > 64:
            _PATTERNS.clear()
        p = _PATTERNS[delimiter] = _Patterns(delimiter)
    return p


@dataclass(frozen=True)
class RawStatement:
    """A statement as bytes, verbatim (inner comments kept), without its delimiter."""

    data: bytes
    #: 1-based line of its first character.
    line: int
    #: The delimiter that ended it (``b""`` at the end of the input).
    delimiter: bytes = b";"
    #: Longer than ``MAX_STATEMENT``: ``data`` holds only its first bytes.
    truncated: bool = False


@dataclass
class SplitStats:
    bytes_read: int = 0
    #: Bytes of skipped data statements.
    data_bytes: int = 0
    #: Statements yielded (data statements are not counted).
    statements: int = 0
    #: Lines in the input.
    lines: int = 0
    #: The input's last bytes (at most 4 KiB), for footer checks.
    tail: bytes = b""


class StatementStream:
    """The statements of a binary stream: ``for st in StatementStream(f, file=...)``.

    Positions below are absolute offsets in the input; ``self._buf`` holds the
    bytes from ``self._base`` on. ``on_read(n)`` is called after each read
    (progress). With ``skip_data=False`` data statements are yielded too.
    ``use_c`` picks the C loops (default: :func:`accelerated`) or the pure-Python
    ones; both split identically (tests/sql/test_scanner_c.py).
    """

    def __init__(self, stream: BinaryIO, *, file: str | None = None, first_line: int = 1,
                 delimiter: bytes = b";", window: int = WINDOW,
                 on_read: Callable[[int], None] | None = None, skip_data: bool = True,
                 use_c: bool | None = None):
        if use_c is None:
            use_c = accelerated()
        elif use_c and _scanner is None:
            raise RuntimeError("the C scanner is not built (pip install needs a C compiler)")
        self._c = _scanner if use_c else None
        self.stream = stream
        self.file = file
        self.window = max(int(window), 256)
        self.on_read = on_read
        self.skip_data = skip_data
        self.delimiter = delimiter
        self.stats = SplitStats()
        #: The window: ``self._buf[:self._n]`` holds the input from ``self._base`` on.
        #: One bytearray, reused: reads go into it (``readinto``) and what is kept
        #: moves to its front, because allocating megabytes per read (fresh
        #: pages) costs more than splitting them.
        self._buf = bytearray(self.window + 2 * GUARD)
        self._n = 0
        self._readinto = getattr(stream, "readinto", None)
        self._base = 0
        self._eof = False
        self._line = first_line   # line number at absolute position self._line_at_pos
        self._line_at_pos = 0
        self._before_base: int | None = None  # the byte just before the window
        self._tail = b""
        self._pin: int | None = None          # start of the statement being built
        self._head: bytes | None = None       # kept start of a too-long statement

    # ------------------------------------------------------------------ window

    @property
    def _end(self) -> int:
        return self._base + self._n

    def _refill(self, keep_from: int) -> bool:
        """Drop what lies before ``keep_from`` (and before any pinned statement),
        read one more window. Returns False at the end of the input."""
        drop = keep_from if self._pin is None else min(keep_from, self._pin)
        rel = drop - self._base
        buf = self._buf
        if rel > 0:
            self._lines_to(drop)
            self._before_base = buf[rel - 1]
            kept = self._n - rel
            if kept:
                buf[:kept] = buf[rel:self._n]
            self._n = kept
            self._base = drop
        if self._eof:
            return False
        n = self._n
        if len(buf) < n + self.window:
            buf.extend(bytes(n + self.window - len(buf)))
        if self._readinto is not None:
            with memoryview(buf) as view:
                got = self._readinto(view[n:n + self.window]) or 0
        else:
            chunk = self.stream.read(self.window)
            got = len(chunk)
            buf[n:n + got] = chunk
        if not got:
            self._eof = True
            return False
        self._n = n + got
        self.stats.bytes_read += got
        self._tail = (self._tail + buf[max(n, self._n - 4096):self._n])[-4096:]
        if self.on_read is not None:
            self.on_read(got)
        if self._pin is not None and self._end - self._pin > MAX_STATEMENT:
            # a statement this long is not DDL: keep its start and stop holding it
            start = self._pin - self._base
            self._head = bytes(buf[start:min(start + TRUNCATED_HEAD, self._n)])
            self._pin = None
        return True

    def _ensure(self, pos: int, count: int) -> None:
        """Have ``count`` bytes from ``pos`` in the window, if the input has them."""
        while self._end - pos < count and not self._eof:
            self._refill(pos)

    def _lines_to(self, pos: int) -> int:
        if pos > self._line_at_pos:
            a, b = self._line_at_pos - self._base, pos - self._base
            self._line += self._c.count_lines(self._buf, a, b) if self._c else self._buf.count(b"\n", a, b)
            self._line_at_pos = pos
        return self._line

    def _limit(self) -> int:
        """Where the fast expressions must stop (tokens need look-ahead past it)."""
        return self._end if self._eof else max(self._end - GUARD, self._base)

    def _byte(self, pos: int) -> int:
        return self._buf[pos - self._base]

    def _byte_before(self, pos: int) -> int | None:
        if pos == 0:
            return None
        return self._buf[pos - 1 - self._base] if pos > self._base else self._before_base

    def _startswith(self, prefix: bytes, pos: int) -> bool:
        return self._buf.startswith(prefix, pos - self._base, self._n)

    def _find(self, sub: bytes, pos: int) -> int:
        k = self._buf.find(sub, pos - self._base, self._n)
        return -1 if k < 0 else k + self._base

    def _excerpt(self, pos: int, size: int = 80) -> bytes:
        rel = pos - self._base
        return bytes(self._buf[rel:min(rel + size, self._n)])

    # ------------------------------------------------------------------ errors

    # ------------------------------------------------------------------ main loop

    def __iter__(self) -> Iterator[RawStatement]:
        self._refill(0)
        pos = 0
        while True:
            pos = self._skip_between(pos)
            self._ensure(pos, 1)
            if pos >= self._end:
                break
            c = self._byte(pos)
            if c in b"dD":
                prev = self._byte_before(pos)
                if prev is None or prev in _WS_SET:
                    self._ensure(pos, 4096)
                    m = _DELIMITER_RE.match(self._buf, pos - self._base, self._n)
                    if m:
                        self.delimiter = m.group(1)
                        pos = self._to_end_of_line(self._base + m.end())
                        continue
            if self.skip_data and c in b"iIrR":
                self._ensure(pos, 16)
                if _DATA_START_RE.match(self._buf, pos - self._base, self._n):
                    pos = self._skip_data(pos)
                    continue
            st, pos = self._statement(pos)
            if st is not None:
                self.stats.statements += 1
                yield st
        self.stats.lines = self._lines_to(self._end)
        self.stats.tail = self._tail

    def _skip_between(self, pos: int) -> int:
        """Skip whitespace and plain comments before a statement (reference rules)."""
        while True:
            limit = self._limit()
            if pos < limit:
                m = _SKIP_RE.match(self._buf, pos - self._base, limit - self._base)
                pos = self._base + m.end()
                if pos >= limit and not self._eof:
                    self._refill(pos)
                    continue
            else:
                if not self._eof:
                    self._refill(pos)
                    continue
            self._ensure(pos, 4)
            if pos >= self._end:
                return pos
            c = self._byte(pos)
            if c in _WS_SET:
                pos += 1
            elif c == 0x23 or (c == 0x2D and self._dash_comment(pos)):
                pos = self._to_end_of_line(pos)
            elif c == 0x2F and self._startswith(b"/*", pos) and not (
                    self._startswith(b"/*!", pos) or self._startswith(b"/*M!", pos)):
                pos = self._skip_block_comment(pos)
            else:
                return pos

    def _dash_comment(self, pos: int) -> bool:
        """``--`` followed by whitespace or the end of the input (window holds 3 bytes)."""
        if not self._startswith(b"--", pos):
            return False
        return pos + 2 >= self._end or self._byte(pos + 2) in _WS_SET

    def _to_end_of_line(self, pos: int) -> int:
        """Index of the newline ending the line at ``pos`` (or the input's end): the
        end of a ``#``/``--`` comment, and of the rest of a ``DELIMITER x`` line,
        which the reference ignores."""
        while True:
            k = self._find(b"\n", pos)
            if k >= 0:
                return k
            pos = self._end
            if not self._refill(pos):
                return pos

    def _skip_block_comment(self, start: int) -> int:
        """Index past the ``*/`` closing the comment opened at ``start``."""
        j = start + 2
        excerpt = self._excerpt(start)
        line = self._lines_to(start)
        while True:
            k = self._find(b"*/", j)
            if k >= 0:
                return k + 2
            if self._eof:
                raise InputError("unterminated /* comment", file=self.file, line=line,
                                 excerpt=excerpt.decode("utf-8", "replace"))
            j = max(self._end - 1, j)  # the last byte may be the '*' of '*/'
            self._refill(j)

    # ------------------------------------------------------------------ statements

    def _statement(self, start: int) -> tuple[RawStatement | None, int]:
        """Scan one statement from ``start`` and build its text."""
        line = self._lines_to(start)
        self._pin = start
        self._head = None
        try:
            end, nxt, delim = self._scan(start)
        finally:
            pinned = self._pin is not None
            self._pin = None
        if pinned:
            data = bytes(self._buf[start - self._base:end - self._base].rstrip(WS))
            truncated = False
        else:
            data, truncated = self._head or b"", True
        if not data:
            return None, nxt
        return RawStatement(data, line, delim, truncated), nxt

    def _skip_data(self, pos: int) -> int:
        """Skip data statements from ``pos``; returns where the next thing starts."""
        start = pos
        while True:
            limit = self._limit()
            if pos < limit:
                if self._c is not None:
                    pos = self._base + self._c.skip_data(self._buf, pos - self._base, limit - self._base,
                                                         self.delimiter)
                else:
                    m = _patterns(self.delimiter).data_run.match(
                        self._buf, pos - self._base, limit - self._base)
                    pos = self._base + m.end()
                if pos >= limit and not self._eof:
                    self._refill(pos)
                    continue
            elif not self._eof:
                self._refill(pos)
                continue
            self._ensure(pos, 16)
            if pos < self._end and _DATA_START_RE.match(self._buf, pos - self._base, self._n):
                # one the fast expression could not finish alone: take it exactly
                _end, pos, _d = self._scan(pos)
                pos = self._skip_between_ws(pos)
                continue
            self.stats.data_bytes += pos - start
            return pos

    def _skip_between_ws(self, pos: int) -> int:
        while True:
            self._ensure(pos, 1)
            if pos < self._end and self._byte(pos) in _WS_SET:
                pos += 1
                continue
            return pos

    def _scan(self, pos: int) -> tuple[int, int, bytes]:
        """Advance over one statement's tokens up to its delimiter.

        Returns ``(end, next, delimiter)``: ``end`` is where the delimiter starts
        (the input's end when it has none, then ``delimiter`` is ``b""``).
        """
        delim = self.delimiter
        tokens = _patterns(delim).tokens if self._c is None else None
        need = len(delim) + 4
        while True:
            limit = self._limit()
            if pos < limit:
                if tokens is None:
                    at, found = self._c.statement_end(self._buf, pos - self._base, limit - self._base, delim)
                    pos = self._base + at
                    if found:
                        return pos, pos + len(delim), delim
                else:
                    m = tokens.match(self._buf, pos - self._base, limit - self._base)
                    pos = self._base + m.end()
            if pos >= limit and not self._eof:
                self._refill(pos)
                continue
            self._ensure(pos, need)
            if pos >= self._end:
                return pos, pos, b""
            # the exact step, in the reference's order
            c = self._byte(pos)
            if c in _QUOTES:
                pos = self._end_of_quoted(pos, c)
            elif c == 0x23 or (c == 0x2D and self._dash_comment(pos)):
                pos = self._to_end_of_line(pos)
            elif c == 0x2F and self._startswith(b"/*", pos):
                if self._startswith(b"/*!", pos) or self._startswith(b"/*M!", pos):
                    pos += 2
                else:
                    pos = self._skip_block_comment(pos)
            elif c == delim[0] and self._startswith(delim, pos):
                return pos, pos + len(delim), delim
            else:
                pos += 1

    def _end_of_quoted(self, i: int, q: int) -> int:
        """Index just past the literal opened at ``i`` (the reference's rules:
        backslash escapes except in backticks, doubled quotes)."""
        qb = bytes((q,))
        backslash = q != 0x60
        line = self._lines_to(i)
        excerpt = self._excerpt(i)
        j = i + 1
        while True:
            k = self._find(qb, j)
            if k < 0:
                if self._eof:
                    raise InputError(f"unterminated {_QUOTE_NAMES[q]} starting here",
                                     file=self.file, line=line,
                                     excerpt=excerpt.decode("utf-8", "replace"))
                # keep a trailing run of backslashes: it may escape the next quote
                cut = self._end
                while cut > j and self._byte(cut - 1) == _BACKSLASH:
                    cut -= 1
                if cut == j and self._end - j >= self.window:
                    cut = j + ((self._end - j) // 2) * 2  # keep escape pairs aligned
                j = cut
                self._refill(cut)
                continue
            if backslash:
                b = k - 1
                while b >= j and self._byte(b) == _BACKSLASH:
                    b -= 1
                if (k - 1 - b) % 2 == 1:
                    j = k + 1
                    continue
            if k + 1 >= self._end and not self._eof:
                # a doubled quote needs the next byte: read on, keeping the run
                b = k
                while b > j and self._byte(b - 1) == _BACKSLASH:
                    b -= 1
                j = b
                self._refill(b)
                continue
            if k + 1 < self._end and self._byte(k + 1) == q:
                j = k + 2
                continue
            return k + 1
