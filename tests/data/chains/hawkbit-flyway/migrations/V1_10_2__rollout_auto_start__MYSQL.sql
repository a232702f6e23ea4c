ALTER TABLE sp_rollout
  ADD COLUMN start_at BIGINT;
