-- +goose Up
-- SQL in section 'Up' is executed when this migration is applied
ALTER TABLE `jobs` DROP COLUMN `location`;

-- +goose Down
-- SQL section 'Down' is executed when this migration is rolled back
ALTER TABLE `jobs` ADD `location` TINYTEXT COLLATE utf8_bin;
