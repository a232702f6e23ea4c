ALTER TABLE flags ADD COLUMN metadata JSON AFTER enabled;
