"""Errors that end a command, each with the exit code the contract gives it.

0 success / identical, 1 differences found, 2 bad usage or bad input,
3 the environment lacks something (no throwaway server, source unreachable).
Anything raised as one of these is printed as a one-line message (no traceback).
"""
from __future__ import annotations


class BaselineError(Exception):
    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class UsageError(BaselineError):
    """Bad options or arguments (exit 2)."""


class InputError(BaselineError):
    """Unreadable or unparseable input (exit 2). Names the file and line."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 excerpt: str | None = None, hint: str | None = None):
        self.file = file
        self.line = line
        self.excerpt = excerpt
        where = ""
        if file:
            where = f"{file}:{line}: " if line else f"{file}: "
        text = where + message
        if excerpt:
            text += f"\n  near: {shorten(excerpt)}"
        super().__init__(text, hint=hint)
        self.reason = message


class EnvironmentProblem(BaselineError):
    """Something this machine lacks: no throwaway server, unreachable source (exit 3)."""

    exit_code = 3


def shorten(text: str, width: int = 160) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"
