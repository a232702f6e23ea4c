"""Talking to a server: ``url`` (a server URL; the password kept out of every
printed form), ``secrets`` (where a password comes from: option files, the
environment, a prompt), ``execute`` and ``parallel`` (running statements on
PyMySQL connections, with the file and line of a failing one)."""
