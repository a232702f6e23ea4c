"""SQL literals and quoted identifiers: writing them, reading them, finding their end.

The one home of these primitives, shared by the DDL parser and printer, the
normalizer, the renderer, the live reader, the comparison and every text
scanner in :mod:`baseline.sql`. They follow the server's lexical rules:

* identifiers in backticks, a backtick inside doubled;
* strings in ``'…'`` (or ``"…"``) with a doubled quote or a backslash escape
  for the quote, and the backslash escapes ``SHOW CREATE`` prints
  (``\\0 \\n \\r \\Z \\\\``); ``\\%`` and ``\\_`` keep their backslash, as the
  server keeps it (they matter to ``LIKE``);
* under ``NO_BACKSLASH_ESCAPES`` a backslash is an ordinary character.

Pure functions on ``str``. The dump splitter (:mod:`baseline.sql.stream` and
its C scanner) has its own byte-level loop, because it must read gigabytes a
second; it follows the same rules.
"""
from __future__ import annotations

_QUOTE_ESCAPES = {
    "\\": "\\\\",
    "'": "''",
    "\0": "\\0",
    "\n": "\\n",
    "\r": "\\r",
    "\x1a": "\\Z",
}

_EXPR_ESCAPES = {**_QUOTE_ESCAPES, "'": "\\'"}

#: What a backslash followed by the key stands for; other characters stand for
#: themselves, except ``%`` and ``_`` which keep the backslash (as the server does).
_UNESCAPES = {"0": "\0", "'": "'", '"': '"', "b": "\b", "n": "\n", "r": "\r", "t": "\t",
              "Z": "\x1a", "\\": "\\", "%": "\\%", "_": "\\_"}


def quote_ident(name: str) -> str:
    """```name``` with inner backticks doubled."""
    return "`" + name.replace("`", "``") + "`"


def unquote_ident(token: str) -> str:
    """The name a backtick-quoted identifier stands for; any other token as it is."""
    if len(token) >= 2 and token[0] == "`" and token[-1] == "`":
        return token[1:-1].replace("``", "`")
    return token


def quote_string(value: str, *, backslash_escapes: bool = True) -> str:
    """A single-quoted literal as ``SHOW CREATE`` spells it in a DEFAULT, COMMENT
    or ENUM list: ``it's`` -> ``'it''s'``, newline -> ``\\n``.

    ``backslash_escapes=False`` for text parsed under ``NO_BACKSLASH_ESCAPES``
    (a routine created in that mode): only quotes are doubled, everything else
    stays raw.
    """
    if not backslash_escapes:
        return "'" + value.replace("'", "''") + "'"
    return "'" + "".join(_QUOTE_ESCAPES.get(c, c) for c in value) + "'"


def quote_expr_string(value: str) -> str:
    """A string inside a stored expression as MariaDB prints it (``String::print``:
    CHECK, DEFAULT and generated-column expressions): the quote and control
    characters escaped with a backslash (``'it\\'s'``), where
    :func:`quote_string` doubles the quote."""
    return "'" + "".join(_EXPR_ESCAPES.get(c, c) for c in value) + "'"


def unescape(body: str, quote: str = "'", *, backslash_escapes: bool = True) -> str:
    """The value of a literal's body (the text between its quotes): doubled
    quotes undoubled and, unless ``backslash_escapes`` is off, backslash escapes
    decoded. The body must be a whole literal's body as the lexer delimited it."""
    if quote in body:
        body = body.replace(quote + quote, quote)
    if not backslash_escapes or "\\" not in body:
        return body
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == "\\" and i + 1 < n:
            nxt = body[i + 1]
            out.append(_UNESCAPES.get(nxt, nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def unquote_string(literal: str) -> str:
    """The value of a quoted literal the server printed (``'it''s'`` -> ``it's``);
    text that is not a quoted literal is returned as it is."""
    if len(literal) < 2 or literal[0] not in "'\"" or literal[-1] != literal[0]:
        return literal
    return unescape(literal[1:-1], literal[0])


def end_of_quoted(text: str, i: int, *, backslash_escapes: bool = True) -> int:
    """Index just past the closing quote of the literal or identifier opened at
    ``text[i]`` (``'``, ``"`` or a backtick), or -1 when it is not closed.

    Backslashes escape in strings, never in backtick identifiers; a doubled
    quote stands for itself in both. Jumps from quote to quote (``str.find``),
    so long literals cost little."""
    q = text[i]
    n = len(text)
    j = i + 1
    backslash = backslash_escapes and q != "`"
    while True:
        k = text.find(q, j)
        if k < 0:
            return -1
        if backslash:
            b = k - 1  # an odd run of backslashes right before the quote escapes it
            while b >= j and text[b] == "\\":
                b -= 1
            if (k - 1 - b) % 2 == 1:
                j = k + 1
                continue
        if k + 1 < n and text[k + 1] == q:  # doubled quote
            j = k + 2
            continue
        return k + 1


def skip_quoted(text: str, i: int) -> int:
    """Like :func:`end_of_quoted`, but an unclosed literal runs to the end of
    ``text`` (for tools that read text a server already accepted)."""
    j = end_of_quoted(text, i)
    return len(text) if j < 0 else j


def ident_class(ascii_chars: str) -> str:
    """A regular-expression character class for the characters of an unquoted
    identifier: the ASCII ones in ``ascii_chars`` (``a-z`` spans allowed) and
    every character from U+0080 to U+FFFF, the server's rule.

    Written as ``[^ ASCII left out, U+10000 and above ]``: it matches exactly what
    ``[...\\u0080-\\uffff]`` does, but Python's ``re`` compiles a range of 65,000
    code points by filling a table in Python, 3 ms a class; regexes with several
    such classes cost tens of milliseconds at each start of the tool. Under
    ``re.IGNORECASE`` give letters in both cases (a letter left out would leave
    out its other case too)."""
    keep: set[str] = set()
    i = 0
    while i < len(ascii_chars):
        if i + 2 < len(ascii_chars) and ascii_chars[i + 1] == "-":
            keep.update(map(chr, range(ord(ascii_chars[i]), ord(ascii_chars[i + 2]) + 1)))
            i += 3
        else:
            keep.add(ascii_chars[i])
            i += 1
    if any(ord(c) > 0x7F for c in keep):
        raise ValueError(f"not ASCII: {ascii_chars!r}")
    left_out = "".join(f"\\x{n:02x}" for n in range(0x80) if chr(n) not in keep)
    return f"[^{left_out}\\U00010000-\\U0010ffff]"
