"""What the server does to a schema, on the model: no text, no connections.

``builder``: a parsed DDL statement applied to a :class:`~baseline.model.Schema`
as the server would (names it gives, keys it adds or drops, references it
renames); ``normalize``: how a server spells a hand-written value (types,
defaults, charsets) for a flavor."""
