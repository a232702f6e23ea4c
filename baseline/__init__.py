"""baseline: turn a legacy MySQL/MariaDB database into a reproducible migration history."""

__version__ = "0.1.0"
