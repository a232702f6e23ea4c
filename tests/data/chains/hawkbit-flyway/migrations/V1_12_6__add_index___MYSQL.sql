CREATE INDEX sp_idx_target_tag_01 ON sp_target_tag (tenant, name); 
CREATE INDEX sp_idx_distribution_set_tag_01 ON sp_distributionset_tag (tenant, name); 