    ALTER TABLE sp_rollout ADD column rollout_groups_created BIGINT;
    