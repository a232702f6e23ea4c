"""Cleanup that a Ctrl-C or a SIGTERM cannot cut short.

When a user presses Ctrl-C, Python raises KeyboardInterrupt wherever the main
thread happens to be; the CLI turns SIGTERM into SystemExit the same way. Both
unwind into our ``finally`` blocks, which then stop servers, remove containers
and drop scratch databases. A second signal arriving *during* that cleanup would
abort it half-way and leave things behind, so cleanup code runs inside
:func:`deferred_signals`: signals that arrive meanwhile are remembered and
re-delivered to the original handlers once the cleanup is done.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator

_DEFERRED = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGINT/SIGTERM until the block ends, then deliver them.

    Only the main thread can install handlers (and only it receives
    KeyboardInterrupt); elsewhere this is a no-op.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def remember(signum, _frame):
        pending.append(signum)

    previous = {}
    try:
        for sig in _DEFERRED:
            previous[sig] = signal.signal(sig, remember)
    except (ValueError, OSError):  # not installable here (embedded interpreter)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        if pending:
            signal.raise_signal(pending[0])
