"""What the commands do, as library functions; ``cli.py`` only parses options,
calls one of these and prints.

``verify`` (SOURCE + chain replayed on a throwaway server, compared),
``prechain`` (the schema before a chain) and ``chain_baseline`` (``generate
--migrations``: walk back, render, verify, write), ``next_migration`` (``diff
--write``), ``adopt`` (``adopt`` and ``bootstrap``), ``doctor``."""
