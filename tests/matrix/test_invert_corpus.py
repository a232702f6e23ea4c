"""Real chains from the corpus: production is built by replaying the whole
(replayable) chain; then the first K migrations are "lost" and the baseline is
walked back from production through the rest. Baseline + the rest must rebuild
production exactly for every K, by inversion and (where the chain has downs) by
its downs, and warnings must appear exactly where information was really lost:
the K lost migrations held a definition that a later migration overwrote or
dropped.

Chains replayed up to their first failure on MariaDB 10.11 (see the corpus's
INDEX.md): kratos 32 of 352 (the 33rd's INSERT..SELECT fails in strict mode),
temporal all 26, openfga 6 of 8, umami 4 of 13.
"""
from __future__ import annotations

import pytest

from baseline.chain.read import read_chain
from baseline.chain.replay import replay_chain
from baseline.workflows.chain_baseline import replay_and_compare
from baseline.workflows.prechain import pre_chain_schema
from baseline.render.ddl import RenderOptions
from baseline.render.sqlfile import render_sql_file
from baseline.sources.live import read_live

CHAINS = {
    # name: (folder in the corpus, replayable prefix, database collation)
    "kratos": ("chain-ory-kratos/migrations", 32, "utf8mb4_general_ci"),
    "temporal": ("chain-temporal-mysql-v8/schema/mysql/v8/temporal", None, "utf8mb4_general_ci"),
    "openfga": ("chain-openfga-mysql-goose/assets/migrations/mysql", 6, "utf8mb4_general_ci"),
    "umami": ("chain-umami-mysql/db/mysql/migrations", 4, "utf8mb4_unicode_ci"),
}

_T12 = "versioned/v1.2/blob_size.sql"
_TEMPORAL_AFTER_V12 = [
    ("versioned/v1.5/cluster_membership.sql", 1, "column cluster_membership.rpc_address"),
    ("versioned/v1.7/no_start_version.sql", 1, "column current_executions.start_version"),
    ("versioned/v1.8/alter_columns.sql", 1, "column current_executions.create_request_id"),
    ("versioned/v1.8/alter_columns.sql", 2, "column signals_requested_sets.signal_id"),
]
_UMAMI_02 = "02_report_schema_session_data/migration.sql"

#: (chain, K) -> warnings (file, line, object) when walked back by inversion.
BY_INVERSION = {
    ("kratos", 0): [],
    ("kratos", 1): [],
    ("kratos", 8): [("20191100000005000000_identities.mysql.up.sql", 1,
                     "column identity_credential_identifiers.identifier")],
    ("kratos", 16): [("20191100000010000000_errors.mysql.up.sql", 1, "column selfservice_errors.seen_at")],
    ("kratos", 31): [],
    ("kratos", 32): [],
    ("temporal", 0): [],
    # v1.0 created every table: each MODIFY of one of its columns lost the old type; v1.1
    # added cluster_metadata.data (so its MODIFY on line 19 is exact)
    ("temporal", 1): [(_T12, n, f"column {c}") for n, c in [
        (1, "namespaces.data"), (2, "shards.data"), (3, "transfer_tasks.data"), (4, "executions.data"),
        (5, "executions.state"), (6, "tasks.data"), (7, "task_queues.data"), (8, "replication_tasks.data"),
        (9, "replication_tasks_dlq.data"), (10, "timer_tasks.data"), (11, "activity_info_maps.data"),
        (12, "timer_info_maps.data"), (13, "child_execution_info_maps.data"),
        (14, "request_cancel_info_maps.data"), (15, "signal_info_maps.data"), (16, "history_tree.data"),
        (17, "queue.message_payload"), (18, "queue_metadata.data"), (20, "cluster_metadata.immutable_data")]]
        # immutable_data's DROP in v1.4 is exact: v1.2 gave its definition
        + [("versioned/v1.4/cluster_metadata.sql", 2, "column cluster_metadata.immutable_data_encoding")]
        + _TEMPORAL_AFTER_V12,
    ("temporal", 4): [("versioned/v1.4/cluster_metadata.sql", 1, "column cluster_metadata.immutable_data"),
                      ("versioned/v1.4/cluster_metadata.sql", 2, "column cluster_metadata.immutable_data_encoding")]
        + _TEMPORAL_AFTER_V12,
    ("temporal", 13): [("versioned/v1.8/drop_unused_tasks_table.sql", 1, "table tiered_storage_tasks")]
        + _TEMPORAL_AFTER_V12[2:],
    ("temporal", 19): [("versioned/v1.13/nexus_endpoints.sql", 1, "table nexus_incoming_services"),
                       ("versioned/v1.13/nexus_endpoints.sql", 2, "table nexus_incoming_services_partition_status")],
    ("temporal", 22): [("versioned/v1.16/fix_data_encoding_column.sql", 1, "column current_executions.data_encoding")],
    ("temporal", 26): [],
    ("openfga", 0): [],
    ("openfga", 1): [("006_extend_object_id.sql", 2, "column tuple.object_id")],
    ("openfga", 3): [("006_extend_object_id.sql", 2, "column tuple.object_id")],
    ("openfga", 5): [("006_extend_object_id.sql", 2, "column tuple.object_id")],
    ("openfga", 6): [],
    ("umami", 0): [],
    ("umami", 1): [(_UMAMI_02, n, f"column event_data.{c}") for n, c in [
        (2, "event_data_type"), (3, "event_date_value"), (4, "event_id"), (5, "event_numeric_value"),
        (6, "event_string_value")]] + [("04_team_redesign/migration.sql", 23, "table team_website")],
    ("umami", 2): [("04_team_redesign/migration.sql", 23, "table team_website")],
    ("umami", 4): [],
}

#: (chain, K) -> migrations whose down was refused (checked against the up) when walked
#: back with the chain's downs. kratos' downs are numbered for the chain as a whole, not
#: per migration; openfga's are faithful. The downs know everything the lost
#: migrations knew, so no warning remains.
BY_DOWNS = {
    ("kratos", 0): 22,
    ("kratos", 16): ["20191100000008000001_selfservice_verification", "20191100000008000002_selfservice_verification",
                     "20191100000008000003_selfservice_verification", "20191100000008000004_selfservice_verification",
                     "20191100000008000005_selfservice_verification", "20191100000009000000_verification",
                     "20191100000009000001_verification", "20191100000011000000_courier_body_type",
                     "20200317160354000000_create_profile_request_forms",
                     "20200317160354000001_create_profile_request_forms"],
    ("kratos", 31): ["20200317160354000001_create_profile_request_forms"],
    ("openfga", 0): [],
    ("openfga", 3): [],
    ("openfga", 5): [],
}


@pytest.fixture(scope="module")
def productions(server, corpus):
    """Each chain replayed whole into its own database: ``{name: (chain, SOURCE model)}``."""
    import contextlib

    out = {}
    with contextlib.ExitStack() as stack:
        def get(name):
            if name not in out:
                folder, n, collation = CHAINS[name]
                chain = read_chain(corpus / folder)
                if n:
                    chain = chain.slice(0, n)
                db = stack.enter_context(server.database("utf8mb4", collation, prefix=f"prod_{name}"))
                replay_chain(chain, server, db, progress=False)
                out[name] = (chain, read_live(server.url.with_database(db), progress=False))
            return out[name]

        yield get


def _walk_and_replay(server, productions, name, k, strategy):
    chain, source = productions(name)
    part = chain.slice(k)
    pre = pre_chain_schema(source, part, strategy=strategy, server=lambda: server, progress=False)
    text = render_sql_file(pre.schema, RenderOptions(explicit_indexes=frozenset(pre.explicit_indexes)),
                           source_description="test")
    v = replay_and_compare(server, source, part, text)
    assert v.failure is None, v.failure
    assert v.comparison.differences == []
    return pre


@pytest.mark.parametrize("name,k", sorted(BY_INVERSION))
def test_lost_prefix_by_inversion(server, productions, name, k):
    pre = _walk_and_replay(server, productions, name, k, "invert")
    assert [(f.file, f.line, f.object) for f in pre.findings if f.severity == "warning"] == BY_INVERSION[(name, k)]
    assert all(s.how == "inversion" for s in pre.steps)
    if k == len(productions(name)[0]):
        assert pre.schema.tables.keys() == productions(name)[1].tables.keys()  # nothing to walk back


@pytest.mark.parametrize("name,k", sorted(BY_DOWNS))
def test_lost_prefix_by_downs(server, productions, name, k):
    pre = _walk_and_replay(server, productions, name, k, "auto")
    assert [f for f in pre.findings if f.severity == "warning"] == []
    refused = [f.migration for f in pre.findings if f.object.startswith("down script of")]
    expected = BY_DOWNS[(name, k)]
    assert (len(refused) if isinstance(expected, int) else refused) == expected
    by_downs = sum(len(s.migrations) for s in pre.steps if s.how == "down scripts")
    assert by_downs + len(refused) == len(productions(name)[0]) - k  # every other down was used


def test_the_whole_kratos_chain_walks_back_offline(corpus):
    """All 352 migrations (704 files, 139 intentionally empty) from the corpus's dump
    of the chain's end state down to nothing: everything it holds, the chain made,
    so nothing is assumed - and it takes well under a second here."""
    import time

    from baseline.sources import SourceOptions, load_schema

    folder = corpus / "chain-ory-kratos"
    source = load_schema(str(folder / "mariadb-dump.nodata.sql"), SourceOptions(progress=False))
    chain = read_chain(folder / "migrations")
    start = time.monotonic()
    pre = pre_chain_schema(source, chain, strategy="invert", progress=False)
    assert time.monotonic() - start < 10
    assert len(chain) == 352 and pre.schema.is_empty() and pre.findings == []
