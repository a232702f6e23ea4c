"""Pause Python's cyclic garbage collector while a model is built or rendered.

Reading 5,000 tables makes millions of objects that all stay alive (the model)
or die by reference counting (rows, tokens, strings): the collector finds no
cycles there, yet its full passes walk the growing heap again and again (about
a fifth of a 5,000-table read). Paused only around such work, restored after,
so a long run (a dump of gigabytes, a chain of hundreds of migrations) keeps
its collections everywhere else.
"""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
