"""The mutation suite over real corpus schemas on a real server.

For every single change in :mod:`corpus_mutations`:

* the SQL applies to the corpus schema and changes the ``SHOW CREATE`` text of
  exactly the object(s) the expected differences name (so the table itself is
  right: each entry really is one change on one object);
* once live introspection exists, ``read_live`` of both databases compared
  gives exactly the expected differences (empty for counters/definers).
"""
from __future__ import annotations

import pytest

from baseline.compare import compare
from baseline.connect.execute import execute_script
from corpus_load import loaded_schema, show_create_all
from corpus_mutations import MUTATIONS, owner_of

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def base_state(server, corpus):
    """The unchanged corpus schemas, loaded once: SHOW CREATE texts and (when it
    exists) the live model, per corpus key."""
    cache = {}

    def get(key):
        if key not in cache:
            with loaded_schema(server, corpus, key) as db:
                cache[key] = (show_create_all(server, db), _read(server, db))
        return cache[key]

    return get


def _read(server, db):
    from baseline.sources.live import read_live

    return read_live(server.url.with_database(db), progress=False)


def _mutated(server, corpus, m):
    """Context manager: corpus schema with the mutation applied."""
    cm = loaded_schema(server, corpus, m.corpus)
    db = cm.__enter__()
    try:
        conn = server.connect(db)
        try:
            execute_script(conn, m.sql.replace("{db}", db), file=f"mutation {m.id}")
        finally:
            conn.close()
    except BaseException:
        cm.__exit__(None, None, None)
        raise
    return cm, db


def test_mutation_table_covers_the_issue():
    kinds = {k for m in MUTATIONS for k, _, _ in m.expected}
    assert {"column", "index", "foreign key", "check", "table", "partitioning", "partition", "view",
            "trigger", "routine", "event", "sequence", "schema"} <= kinds
    assert len([m for m in MUTATIONS if m.expected]) >= 30
    assert len({m.id for m in MUTATIONS}) == len(MUTATIONS)


@pytest.mark.parametrize("m", MUTATIONS, ids=[m.id for m in MUTATIONS])
def test_mutation_changes_exactly_its_object(server, corpus, base_state, m):
    before, _ = base_state(m.corpus)
    cm, db = _mutated(server, corpus, m)
    try:
        after = show_create_all(server, db)
    finally:
        cm.__exit__(None, None, None)
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert changed == {owner_of(kind, path) for kind, path, _ in m.expected}


@pytest.mark.parametrize("m", MUTATIONS, ids=[m.id for m in MUTATIONS])
def test_mutation_is_reported_exactly(server, corpus, base_state, m):
    _, model_a = base_state(m.corpus)
    cm, db = _mutated(server, corpus, m)
    try:
        model_b = _read(server, db)
    finally:
        cm.__exit__(None, None, None)
    diffs = compare(model_a, model_b)
    assert [(d.kind, d.path, d.attribute) for d in diffs] == list(m.expected)
    assert all(d.a != d.b for d in diffs)
