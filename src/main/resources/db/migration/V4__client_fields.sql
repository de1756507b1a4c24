-- The fields the hosted API's own client sends (contract revision of issue 7): the project's
-- type is called project_type and gains a status; offices gain their address and kind; actions
-- gain their validity and the JSON documents of their people and data.

ALTER TABLE project RENAME COLUMN type TO project_type;
ALTER TABLE project ADD COLUMN status VARCHAR(16) DEFAULT 'active' NOT NULL;

ALTER TABLE office ADD COLUMN office_type_icon VARCHAR(32) DEFAULT 'office_default' NOT NULL;
ALTER TABLE office ADD COLUMN code VARCHAR(255);
ALTER TABLE office ADD COLUMN description VARCHAR(4000);
ALTER TABLE office ADD COLUMN street VARCHAR(255);
ALTER TABLE office ADD COLUMN postal_code VARCHAR(255);
ALTER TABLE office ADD COLUMN region VARCHAR(255);
ALTER TABLE office ADD COLUMN locality VARCHAR(255);
ALTER TABLE office ADD COLUMN country VARCHAR(255);
ALTER TABLE office ADD COLUMN tax_code VARCHAR(255);
ALTER TABLE office ADD COLUMN vat VARCHAR(255);
ALTER TABLE office ADD COLUMN office_type_id VARCHAR(36);

ALTER TABLE action ADD COLUMN validity_unit VARCHAR(16);
ALTER TABLE action ADD COLUMN validity INTEGER;
ALTER TABLE action ADD COLUMN expire_interval INTEGER;
ALTER TABLE action ADD COLUMN manager VARCHAR(65536);
ALTER TABLE action ADD COLUMN assignee VARCHAR(65536);
ALTER TABLE action ADD COLUMN watcher VARCHAR(65536);
ALTER TABLE action ADD COLUMN data VARCHAR(65536);
