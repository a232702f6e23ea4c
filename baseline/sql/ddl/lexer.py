"""Tokens of MySQL/MariaDB SQL text, with version comments evaluated.

Why our own lexer and not sqlparse's: measured on the corpus, sqlparse's lexer
runs at about 1.2 MB/s (a 5,000-table dump would spend seconds on tokens
alone), merges keywords (``NOT NULL``, ``GROUP BY``) and keeps ``/*!50100 ...*/``
as an opaque comment. MySQL's lexical rules are small and fixed, so one
compiled regular expression does the job an order of magnitude faster and
exactly: backtick identifiers with doubled backticks, strings with backslash
escapes (unless ``NO_BACKSLASH_ESCAPES``), ``"..."`` as identifier under
``ANSI_QUOTES``, charset introducers (``_utf8mb4'x'``, ``N'x'``), hex and bit
literals, ``@var`` / ``@@var``, ``--`` comments that need a following space,
``#`` comments, and MySQL's version comments.

Version comments are evaluated the way the *flavor's server* does:
``/*!NNNNN ... */`` runs when the flavor executes that version (MariaDB ignores
``50700`` to ``99999``), ``/*M!NNNNNN ... */`` runs on MariaDB only. The decision
is :meth:`baseline.flavor.Flavor.executes_version_comment`, shared with the dump
reader. An executed comment's body is lexed as ordinary SQL; a skipped one is a
comment.

String values are unescaped by :func:`baseline.sql.literals.unescape`; the other
readers of SQL text and why they are separate: :mod:`baseline.sql`.
"""
from __future__ import annotations

import os
import re

from ...errors import InputError
from ...flavor import Flavor
from ..literals import ident_class, quote_ident, unescape
from ..stream import PURE_PYTHON_ENV

WORD = "w"      # bare word: keyword or unquoted identifier
QID = "q"       # quoted identifier (value: the name, unescaped)
STR = "s"       # string literal (value: the text, unescaped; intro: charset introducer)
NUM = "n"       # number
HEX = "x"       # X'..' / 0x.. (value: hex digits)
BIT = "b"       # B'..' / 0b.. (value: binary digits)
VAR = "v"       # @name / @@name
OP = "o"        # operator or punctuation
EOF = "e"


class PyToken:
    """One token. ``up`` is the upper-cased text for words (keyword tests).
    (:data:`Token` is the C extension's type of the same fields where it is built.)"""

    __slots__ = ("kind", "text", "value", "start", "end", "up", "intro")

    def __init__(self, kind: str, text: str, value: str, start: int, end: int,
                 intro: str | None = None):
        self.kind = kind
        self.text = text
        self.value = value
        self.start = start
        self.end = end
        self.up = text.upper() if kind == WORD else None
        self.intro = intro

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Token({self.kind}, {self.text!r})"


try:  # the hot loop and the token type in C (baseline/sql/ddl/_lexer.c), built by pip install
    from . import _lexer
except ImportError:  # pragma: no cover - depends on the build
    _lexer = None

#: The token type: the C one where it is built (the same fields, read-only).
Token = _lexer.Token if _lexer is not None else PyToken


def accelerated() -> bool:
    """Whether :func:`tokenize` takes the plain tokens with the C loop (built, and
    not turned off by ``BASELINE_PURE_PYTHON=1``, which turns off the dump
    splitter's C loops too)."""
    return _lexer is not None and os.environ.get(PURE_PYTHON_ENV, "") in ("", "0")


# The master pattern: leading whitespace is skipped in the same match; the most
# frequent tokens come first. Order matters where prefixes overlap (x'..' before
# words, /*! before comments).
#: Classes of identifier characters (:func:`~baseline.sql.literals.ident_class`).
_IC = ident_class("0-9A-Za-z_$")
_IC_START = ident_class("A-Za-z_$")
_IC_OR_QUOTE = ident_class("'\"0-9A-Za-z_$")


def _master(backslash: bool) -> re.Pattern:
    sq = r"'(?:[^'\\]|\\.|'')*'" if backslash else r"'(?:[^']|'')*'"
    dq = r'"(?:[^"\\]|\\.|"")*"' if backslash else r'"(?:[^"]|"")*"'
    return re.compile(
        r"[ \t\r\n\f\v]*(?:"
        r"(?P<word>" + _IC_START + _IC + r"*(?!" + _IC_OR_QUOTE + r"))"
        r"|(?P<bq>`(?:[^`]|``)*`)"
        r"|(?P<sq>" + sq + r")"
        r"|(?P<vc>/\*M?!)"
        r"|(?P<cm>/\*.*?\*/)"
        r"|(?P<lc>(?:--(?=[ \t\r\n\f\v]|$)|\#)[^\n]*)"
        r"|(?P<num>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?!" + _IC + r"))"
        r"|(?P<op><=>|->>|->|>=|<=|<>|!=|:=|\|\||&&|<<|>>|[(),;.=<>+\-*%!~^&|?:{}\[\]\\]|/(?!\*))"
        r"|(?P<dq>" + dq + r")"
        r"|(?P<hexs>[xX]'[0-9A-Fa-f]*')"
        r"|(?P<bits>[bB]'[01]*')"
        r"|(?P<nstr>[nN](?:" + sq + r"))"
        r"|(?P<intro>_[A-Za-z0-9]+(?:" + sq + "|" + dq + r"))"
        r"|(?P<hexn>0x[0-9A-Fa-f]+(?!" + _IC + r"))"
        r"|(?P<bitn>0b[01]+(?!" + _IC + r"))"
        r"|(?P<word2>" + _IC + r"+)"
        r"|(?P<var>@@?(?:" + _IC + r"+(?:\." + _IC + r"+)*|`(?:[^`]|``)*`|'(?:[^'\\]|''|\\.)*'|\"(?:[^\"\\]|\"\"|\\.)*\")?)"
        r"|(?P<bad>['\"`]|/\*)"
        r"|(?P<end>$)"
        r")",
        re.S,
    )


#: Compiled on first use (each takes about 25 ms: its Unicode classes): most
#: runs never lex a text written with NO_BACKSLASH_ESCAPES.
_MASTER: dict[bool, re.Pattern] = {}
#: The version of a ``/*!`` comment, by how many digits the flavor reads
#: (``/*M!`` always reads up to six).
_VC_RE = {5: re.compile(r"(\d{5})?"), 6: re.compile(r"(\d{5,6})?")}


class Lexed:
    """The tokens of one statement plus what is needed to slice its text back."""

    __slots__ = ("text", "tokens", "cuts")

    def __init__(self, text: str, tokens: list[Token], cuts: list[tuple[int, int]]):
        self.text = text
        self.tokens = tokens
        #: Spans removed from the effective text: executed version-comment markers.
        self.cuts = cuts

    def slice(self, start: int, end: int) -> str:
        """Source text between two offsets, without version-comment markers."""
        if not self.cuts:
            return self.text[start:end]
        out = []
        pos = start
        for a, b in self.cuts:
            if b <= pos or a >= end:
                continue
            if a > pos:
                out.append(self.text[pos:a])
            pos = max(pos, b)
        if pos < end:
            out.append(self.text[pos:end])
        return "".join(out)


def tokenize(text: str, flavor: Flavor, *, ansi_quotes: bool = False,
             no_backslash_escapes: bool = False, file: str | None = None,
             line: int | None = None) -> Lexed:
    """Tokens of ``text`` (one statement). Raises InputError on unterminated
    strings, identifiers and comments."""
    tokens: list[Token] = []
    cuts: list[tuple[int, int]] = []
    append = tokens.append
    backslash = not no_backslash_escapes
    pattern = _MASTER.get(backslash)
    if pattern is None:
        pattern = _MASTER[backslash] = _master(backslash)
    match = pattern.match
    n = len(text)
    pos = 0
    in_vc = 0   # executed version comments open (they do not nest)
    # the C loop takes the plain tokens (words, numbers, simple quotes, punctuation)
    # and stops at anything else, which the master pattern takes, one token a turn
    scan = _lexer.scan if accelerated() else None
    while True:
        if scan is not None:
            pos = scan(text, pos, tokens)
            if pos >= n:
                break
        m = match(text, pos)
        if m is None:
            _fail("unexpected character", text, pos, file, line)
        kind = m.lastgroup
        end = m.end()
        if kind == "word" or kind == "word2":
            w = m.group(kind)
            append(Token(WORD, w, w, end - len(w), end))
        elif kind == "op":
            op = m.group(kind)
            start = end - len(op)
            if op == "*" and in_vc and text.startswith("*/", start):
                cuts.append((start, start + 2))
                in_vc -= 1
                end = start + 2
            else:
                append(Token(OP, op, op, start, end))
        elif kind == "bq":
            raw = m.group(kind)
            append(Token(QID, raw, raw[1:-1].replace("``", "`"), end - len(raw), end))
        elif kind == "num":
            t = m.group(kind)
            append(Token(NUM, t, t, end - len(t), end))
        elif kind == "sq":
            raw = m.group(kind)
            append(Token(STR, raw, unescape(raw[1:-1], "'", backslash_escapes=backslash), end - len(raw), end))
        elif kind == "cm" or kind == "lc":
            pass
        elif kind == "end":
            break
        elif kind == "dq":
            raw = m.group(kind)
            start = end - len(raw)
            if ansi_quotes:
                append(Token(QID, raw, raw[1:-1].replace('""', '"'), start, end))
            else:
                append(Token(STR, raw, unescape(raw[1:-1], '"', backslash_escapes=backslash), start, end))
        elif kind == "vc":
            start = m.start(kind)
            mariadb_only = m.group(kind).startswith("/*M")
            vm = _VC_RE[6 if mariadb_only else flavor.rules.version_comment_digits].match(text, end)
            version = int(vm.group(1)) if vm.group(1) else None
            if flavor.executes_version_comment(version, mariadb_only):
                cuts.append((start, vm.end()))
                in_vc += 1
                end = vm.end()
            else:
                close = text.find("*/", end)
                if close < 0:
                    _fail("unterminated comment", text, start, file, line)
                end = close + 2
        elif kind == "nstr" or kind == "intro":
            raw = m.group(kind)
            start = end - len(raw)
            q = min(i for i in (raw.find("'"), raw.find('"')) if i >= 0)
            quote = raw[q]
            cs = "N" if kind == "nstr" else raw[1:q].lower()
            append(Token(STR, raw, unescape(raw[q + 1:-1], quote, backslash_escapes=backslash), start, end, intro=cs))
        elif kind == "hexs":
            t = m.group(kind)
            append(Token(HEX, t, t[2:-1], end - len(t), end))
        elif kind == "hexn":
            t = m.group(kind)
            append(Token(HEX, t, t[2:], end - len(t), end))
        elif kind == "bits":
            t = m.group(kind)
            append(Token(BIT, t, t[2:-1], end - len(t), end))
        elif kind == "bitn":
            t = m.group(kind)
            append(Token(BIT, t, t[2:], end - len(t), end))
        elif kind == "var":
            t = m.group(kind)
            append(Token(VAR, t, t, end - len(t), end))
        else:  # bad
            what = m.group(kind)
            _fail({"'": "unterminated string", '"': "unterminated string",
                   "`": "unterminated quoted identifier"}.get(what, "unterminated comment"),
                  text, m.start(kind), file, line)
        if end >= n:
            break
        pos = end
    tokens.append(Token(EOF, "", "", n, n))
    return Lexed(text, tokens, cuts)


def rename_quoted_ident(text: str | None, old: str, new: str, flavor: Flavor) -> str | None:
    """``text`` (a canonical expression) with its backquoted references to ``old``
    (case-insensitive, as column names are) turned into ``new``; strings and
    everything else untouched. Text that does not lex is returned as it is."""
    if not text or "`" not in text:
        return text
    try:
        lexed = tokenize(text, flavor)
    except InputError:
        return text
    out, pos, k = [], 0, old.casefold()
    for tok in lexed.tokens:
        if tok.kind == QID and tok.value.casefold() == k:
            out.append(text[pos:tok.start])
            out.append(quote_ident(new))
            pos = tok.end
    out.append(text[pos:])
    return "".join(out)


def line_of(text: str, pos: int, first_line: int | None) -> int | None:
    if first_line is None:
        return None
    return first_line + text.count("\n", 0, pos)


def excerpt(text: str, pos: int, width: int = 70) -> str:
    start = max(0, pos - 20)
    return text[start:start + width]


def _fail(message: str, text: str, pos: int, file, line):
    raise InputError(message, file=file, line=line_of(text, pos, line), excerpt=excerpt(text, pos))
