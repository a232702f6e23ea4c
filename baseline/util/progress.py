"""Progress on a terminal, silence when piped."""
from __future__ import annotations

import sys
import time


class Progress:
    """``with Progress("replaying", total=n) as p: p.advance()``.

    Draws a single updating line on stderr when stderr is a terminal; prints
    nothing otherwise. Redraws at most ten times a second.
    """

    def __init__(self, label: str, total: int | None = None, unit: str = "", stream=None,
                 enabled: bool | None = None):
        self.label = label
        self.total = total
        self.unit = unit
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = 0
        self._last = 0.0
        self._start = time.monotonic()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def advance(self, n: int = 1, note: str = "") -> None:
        self.done += n
        self._draw(note)

    def update(self, done: int, note: str = "") -> None:
        self.done = done
        self._draw(note)

    def _fmt(self, v: int) -> str:
        if self.unit == "B":
            for u in ("B", "KB", "MB", "GB", "TB"):
                if v < 1024 or u == "TB":
                    return f"{v:.0f} {u}" if u == "B" else f"{v:.1f} {u}"
                v /= 1024
        return str(v)

    def _draw(self, note: str = "", force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        if self.total:
            pct = 100.0 * self.done / self.total if self.total else 100.0
            text = f"{self.label}: {self._fmt(self.done)}/{self._fmt(self.total)} ({pct:.0f}%)"
        else:
            text = f"{self.label}: {self._fmt(self.done)}"
        if note:
            text += f"  {note}"
        self.stream.write("\r\x1b[2K" + text[:200])
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(force=True)
            elapsed = time.monotonic() - self._start
            self.stream.write(f"  ({elapsed:.1f} s)\n")
            self.stream.flush()
            self.enabled = False
