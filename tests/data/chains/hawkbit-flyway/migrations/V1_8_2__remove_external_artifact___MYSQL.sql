DROP TABLE sp_external_artifact;
DROP TABLE sp_external_provider;
