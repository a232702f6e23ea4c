"""A real drift: Temporal's shipped schema.sql against what its own migration chain
builds (documented in the corpus, chain-vs-baseline.temporal.mariadb.diff).

Needs the chain replay and live introspection (other branches); skips until both
are on the branch.
"""
from __future__ import annotations

import pytest

from baseline.compare import attribute_differences, compare
from baseline.connect.execute import execute_script

pytestmark = pytest.mark.corpus

TEMPORAL = "chain-temporal-mysql-v8/schema/mysql/v8/temporal"

_NULLABLE_DATA = ["activity_info_maps", "child_execution_info_maps", "history_tree", "namespaces",
                  "replication_tasks", "replication_tasks_dlq", "request_cancel_info_maps", "shards",
                  "signal_info_maps", "task_queues", "tasks", "timer_info_maps", "timer_tasks", "transfer_tasks"]

EXPECTED = sorted(
    [("column", (t, "data"), "nullable") for t in _NULLABLE_DATA] + [
        ("column", ("cluster_membership", "rpc_address"), "nullable"),
        ("table", ("cluster_metadata",), "exists"),
        ("table", ("current_executions",), "column order"),
        ("column", ("current_executions", "create_request_id"), "nullable"),
        ("column", ("executions", "data"), "nullable"),
        ("column", ("executions", "state"), "nullable"),
        ("table", ("history_node",), "column order"),
        ("column", ("queue", "message_payload"), "nullable"),
        ("column", ("queue", "message_encoding"), "default"),
        ("column", ("queue_metadata", "data"), "nullable"),
        ("column", ("queue_metadata", "data_encoding"), "default"),
        ("column", ("queue_metadata", "version"), "default"),
    ])


def test_shipped_schema_against_its_chain(server, corpus):
    from baseline.chain.read import read_chain
    from baseline.sources.chainfolder import build_chain_schema
    from baseline.sources import SourceOptions
    from baseline.sources.live import read_live

    base = corpus / TEMPORAL
    with server.database(charset="utf8mb4", collation="utf8mb4_general_ci") as db:
        conn = server.connect(db)
        execute_script(conn, (base / "schema.sql").read_text(), file="schema.sql")
        conn.close()
        shipped = read_live(server.url.with_database(db), progress=False)
    scratch = f"mysql://{server.url.user}@{server.url.host}:{server.url.port}/"
    build = build_chain_schema(read_chain(base / "versioned"), SourceOptions(scratch=scratch, progress=False))
    diffs = attribute_differences(compare(shipped, build.schema), build.replay.touched,
                                  path_prefix="schema/mysql/v8/temporal/versioned")
    assert sorted((d.kind, d.path, d.attribute) for d in diffs) == EXPECTED
    by_owner = {d.owner: d.migration for d in diffs}
    ref = by_owner[("table", "cluster_metadata")]
    assert (ref.path, ref.line) == ("schema/mysql/v8/temporal/versioned/v1.4/cluster_metadata.sql", 2)
    assert all(d.migration is not None for d in diffs)
