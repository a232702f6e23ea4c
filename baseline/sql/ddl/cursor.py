"""A cursor over one statement's tokens: the small vocabulary every grammar
rule of the parser is written in (peek, accept, expect, identifiers, errors)."""
from __future__ import annotations

from ...errors import InputError
from ...flavor import Flavor
from .lexer import BIT, EOF, HEX, NUM, OP, QID, STR, VAR, WORD, Lexed, Token, excerpt, line_of


class Cursor:
    __slots__ = ("lexed", "toks", "i", "flavor", "file", "line", "sql_mode")

    def __init__(self, lexed: Lexed, flavor: Flavor, *, file: str | None = None,
                 line: int | None = None, sql_mode: frozenset = frozenset()):
        self.lexed = lexed
        self.toks = lexed.tokens
        self.i = 0
        self.flavor = flavor
        self.file = file
        self.line = line
        self.sql_mode = sql_mode

    # ------------------------------------------------------------------ looking
    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def peek(self, k: int = 1) -> Token:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else self.toks[-1]

    def at_end(self) -> bool:
        t = self.toks[self.i]
        return t.kind == EOF or (t.kind == OP and t.text == ";" and self.toks[self.i + 1].kind == EOF)

    def is_kw(self, *words: str) -> bool:
        """The next tokens are exactly these (unquoted) keywords."""
        toks = self.toks
        i = self.i
        for w in words:
            t = toks[i]
            if t.up != w:
                return False
            i += 1
        return True

    def is_any(self, *words: str) -> bool:
        return self.toks[self.i].up in words

    def is_op(self, op: str) -> bool:
        t = self.toks[self.i]
        return t.kind == OP and t.text == op

    # ------------------------------------------------------------------ taking
    def advance(self) -> Token:
        t = self.toks[self.i]
        if t.kind != EOF:
            self.i += 1
        return t

    def accept(self, *words: str) -> bool:
        if self.is_kw(*words):
            self.i += len(words)
            return True
        return False

    def accept_any(self, *words: str) -> str | None:
        t = self.toks[self.i]
        if t.up in words:
            self.i += 1
            return t.up
        return None

    def expect(self, *words: str) -> None:
        if not self.accept(*words):
            self.error(f"expected {' '.join(words)}")

    def accept_op(self, op: str) -> bool:
        t = self.toks[self.i]
        if t.kind == OP and t.text == op:
            self.i += 1
            return True
        return False

    def expect_op(self, op: str) -> None:
        if not self.accept_op(op):
            self.error(f"expected '{op}'")

    def accept_eq(self) -> None:
        """The optional ``=`` of ``OPTION [=] value``."""
        self.accept_op("=")

    # ------------------------------------------------------------------ values
    def ident(self, what: str = "identifier") -> str:
        """An identifier: bare word or quoted (strings too, where MySQL allows them)."""
        t = self.toks[self.i]
        if t.kind == WORD or t.kind == QID:
            self.i += 1
            return t.value
        self.error(f"expected {what}")

    def ident_or_string(self, what: str = "name") -> str:
        t = self.toks[self.i]
        if t.kind in (WORD, QID, STR):
            self.i += 1
            return t.value
        self.error(f"expected {what}")

    def qualified(self, what: str = "name") -> tuple[str | None, str]:
        """``name`` or ``schema.name``."""
        first = self.ident(what)
        if self.is_op(".") and self.peek().kind in (WORD, QID):
            self.i += 1
            return first, self.ident(what)
        return None, first

    def string(self, what: str = "string") -> str:
        t = self.toks[self.i]
        if t.kind == STR:
            self.i += 1
            value = t.value
            # adjacent literals concatenate: 'a' 'b'
            while self.toks[self.i].kind == STR and self.toks[self.i].intro is None:
                value += self.toks[self.i].value
                self.i += 1
            return value
        self.error(f"expected {what}")

    def number(self, what: str = "number") -> str:
        t = self.toks[self.i]
        if t.kind == NUM:
            self.i += 1
            return t.text
        self.error(f"expected {what}")

    def integer(self, what: str = "number") -> int:
        t = self.toks[self.i]
        if t.kind == NUM and t.text.isdigit():
            self.i += 1
            return int(t.text)
        self.error(f"expected {what}")

    def word_value(self, what: str = "value") -> str:
        """An option value: word, number, string or quoted name, as text."""
        t = self.toks[self.i]
        if t.kind in (WORD, QID, STR, NUM, HEX, BIT):
            self.i += 1
            return t.value if t.kind in (QID, STR) else t.text
        if t.kind == OP and t.text in "+-" and self.peek().kind == NUM:
            self.i += 2
            return t.text + self.toks[self.i - 1].text
        self.error(f"expected {what}")

    def skip_parens(self, opened: bool = False) -> tuple[int, int]:
        """Skip a balanced ``( ... )`` (``opened``: the ``(`` is already taken);
        returns the source offsets inside it."""
        if not opened:
            self.expect_op("(")
        start = self.toks[self.i].start
        depth = 1
        while True:
            t = self.toks[self.i]
            if t.kind == EOF:
                self.error("unbalanced parentheses")
            self.i += 1
            if t.kind == OP:
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth -= 1
                    if depth == 0:
                        return start, t.start

    def rest_text(self) -> str:
        """Source text from the current token to the end of the statement."""
        t = self.toks[self.i]
        end = self.toks[-1].start
        text = self.lexed.slice(t.start, end).rstrip()
        if text.endswith(";"):
            text = text[:-1].rstrip()
        return text

    def skip_to_end(self) -> None:
        self.i = len(self.toks) - 1

    # ------------------------------------------------------------------ errors
    def error(self, message: str, tok: Token | None = None):
        t = tok or self.toks[self.i]
        text = self.lexed.text
        got = "end of statement" if t.kind == EOF else repr(t.text[:40])
        raise InputError(f"{message}, found {got}", file=self.file,
                         line=line_of(text, t.start, self.line),
                         excerpt=excerpt(text, t.start))

    def end(self) -> None:
        """Only a trailing ``;`` may follow."""
        self.accept_op(";")
        if self.toks[self.i].kind != EOF:
            self.error("unexpected text")


__all__ = ["Cursor", "WORD", "QID", "STR", "NUM", "HEX", "BIT", "VAR", "OP", "EOF"]
