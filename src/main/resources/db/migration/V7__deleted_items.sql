-- The deleted items of every resource (issue 10), for searches with history: true. One row per
-- deleted item, written in the transaction of its delete (cascaded deletes included) by
-- org.hse.api.v2.DeletedItems: the item as view showed it just before the delete, one column per
-- field of the resource's field table, named as the field is named in the API (joined names
-- included), and when and by whom it was deleted. A search with history: true reads the live table
-- and this one with the same filter and order (org.hse.api.v2.WithDeletedQuery). The rows are never
-- updated or deleted: an id once deleted is never used again, so the key is the item's id.
--
-- Items deleted before this migration have their rows written from the history table's delete
-- entries when the service applies it (org.hse.api.platform.Migrations): the item is JSON there,
-- which H2 cannot read in SQL.

CREATE TABLE deleted_project (
    project_id    VARCHAR(36)   NOT NULL PRIMARY KEY,
    name          VARCHAR(255),
    project_type  VARCHAR(16),
    status        VARCHAR(16),
    created_at    TIMESTAMP,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP     NOT NULL,
    deleted_by    VARCHAR(255)  NOT NULL
);
CREATE INDEX deleted_project_created ON deleted_project (created_at, project_id);

CREATE TABLE deleted_office (
    office_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    project_id        VARCHAR(36)   NOT NULL,
    name              VARCHAR(255),
    office_type_icon  VARCHAR(32),
    code              VARCHAR(255),
    description       VARCHAR(4000),
    street            VARCHAR(255),
    postal_code       VARCHAR(255),
    region            VARCHAR(255),
    locality          VARCHAR(255),
    country           VARCHAR(255),
    tax_code          VARCHAR(255),
    vat               VARCHAR(255),
    office_type_id    VARCHAR(36),
    project_name      VARCHAR(255),
    project_type      VARCHAR(16),
    created_at        TIMESTAMP,
    updated_at        TIMESTAMP,
    deleted_at        TIMESTAMP     NOT NULL,
    deleted_by        VARCHAR(255)  NOT NULL
);
CREATE INDEX deleted_office_project_created ON deleted_office (project_id, created_at, office_id);

CREATE TABLE deleted_incident (
    office_incident_id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    code                          VARCHAR(255),
    name                          VARCHAR(255),
    date_incident                 DATE,
    category                      VARCHAR(64),
    status                        VARCHAR(16),
    description_event             VARCHAR(4000),
    description_actions_involved  VARCHAR(4000),
    deponent                      VARCHAR(255),
    date_closed                   DATE,
    subtenant_id                  VARCHAR(36),
    tenant_id                     VARCHAR(36)   NOT NULL,
    office_name                   VARCHAR(255),
    project_name                  VARCHAR(255),
    project_type                  VARCHAR(16),
    created_at                    TIMESTAMP,
    updated_at                    TIMESTAMP,
    deleted_at                    TIMESTAMP     NOT NULL,
    deleted_by                    VARCHAR(255)  NOT NULL
);
CREATE INDEX deleted_incident_project_created ON deleted_incident (tenant_id, created_at, office_incident_id);

CREATE TABLE deleted_action (
    action_id        VARCHAR(36)    NOT NULL PRIMARY KEY,
    action_type      VARCHAR(16),
    code             VARCHAR(255),
    name             VARCHAR(255),
    description      VARCHAR(4000),
    validity_unit    VARCHAR(16),
    validity         INTEGER,
    expire_interval  INTEGER,
    manager          VARCHAR(65536),
    assignee         VARCHAR(65536),
    watcher          VARCHAR(65536),
    data             VARCHAR(65536),
    subtenant_id     VARCHAR(36),
    tenant_id        VARCHAR(36)    NOT NULL,
    office_name      VARCHAR(255),
    project_name     VARCHAR(255),
    project_type     VARCHAR(16),
    created_at       TIMESTAMP,
    updated_at       TIMESTAMP,
    deleted_at       TIMESTAMP      NOT NULL,
    deleted_by       VARCHAR(255)   NOT NULL
);
CREATE INDEX deleted_action_project_created ON deleted_action (tenant_id, created_at, action_id);

CREATE TABLE deleted_incident_action (
    office_incident_action_id  VARCHAR(36)   NOT NULL PRIMARY KEY,
    office_incident_id         VARCHAR(36),
    entity_type                VARCHAR(16),
    entity_id                  VARCHAR(36),
    description                VARCHAR(4000),
    subtenant_id               VARCHAR(36),
    tenant_id                  VARCHAR(36)   NOT NULL,
    action_code                VARCHAR(255),
    action_name                VARCHAR(255),
    action_type                VARCHAR(16),
    incident_code              VARCHAR(255),
    incident_name              VARCHAR(255),
    incident_date              DATE,
    incident_category          VARCHAR(64),
    incident_status            VARCHAR(16),
    project_name               VARCHAR(255),
    project_type               VARCHAR(16),
    office_name                VARCHAR(255),
    created_at                 TIMESTAMP,
    updated_at                 TIMESTAMP,
    deleted_at                 TIMESTAMP     NOT NULL,
    deleted_by                 VARCHAR(255)  NOT NULL
);
CREATE INDEX deleted_incident_action_project_created ON deleted_incident_action (tenant_id, created_at, office_incident_action_id);
CREATE INDEX deleted_incident_action_incident ON deleted_incident_action (office_incident_id);
CREATE INDEX deleted_incident_action_action ON deleted_incident_action (entity_id);
