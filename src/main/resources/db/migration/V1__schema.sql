-- The schema of the v2 API, for H2 and PostgreSQL alike. Ids are UUIDs in their canonical text form.

CREATE TABLE project (
    project_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    type        VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    version     BIGINT       NOT NULL
);
CREATE INDEX project_created ON project (created_at, project_id);

CREATE TABLE office (
    office_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id  VARCHAR(36)  NOT NULL REFERENCES project (project_id),
    name        VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    version     BIGINT       NOT NULL
);
CREATE INDEX office_project ON office (project_id);
CREATE INDEX office_created ON office (created_at, office_id);

CREATE TABLE incident (
    office_incident_id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    code                          VARCHAR(255),
    name                          VARCHAR(255)  NOT NULL,
    date_incident                 DATE          NOT NULL,
    category                      VARCHAR(64),
    status                        VARCHAR(16)   NOT NULL,
    description_event             VARCHAR(4000),
    description_actions_involved  VARCHAR(4000),
    deponent                      VARCHAR(255),
    date_closed                   DATE,
    office_id                     VARCHAR(36)   NOT NULL REFERENCES office (office_id),
    project_id                    VARCHAR(36)   NOT NULL REFERENCES project (project_id),
    created_at                    TIMESTAMP     NOT NULL,
    updated_at                    TIMESTAMP     NOT NULL,
    version                       BIGINT        NOT NULL
);
CREATE INDEX incident_office ON incident (office_id);
CREATE INDEX incident_project ON incident (project_id);
CREATE INDEX incident_created ON incident (created_at, office_incident_id);

CREATE TABLE action (
    action_id    VARCHAR(36)   NOT NULL PRIMARY KEY,
    action_type  VARCHAR(16)   NOT NULL,
    code         VARCHAR(255),
    name         VARCHAR(255)  NOT NULL,
    description  VARCHAR(4000),
    office_id    VARCHAR(36)   NOT NULL REFERENCES office (office_id),
    project_id   VARCHAR(36)   NOT NULL REFERENCES project (project_id),
    created_at   TIMESTAMP     NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    version      BIGINT        NOT NULL
);
CREATE INDEX action_office ON action (office_id);
CREATE INDEX action_project ON action (project_id);
CREATE INDEX action_created ON action (created_at, action_id);

CREATE TABLE incident_action (
    office_incident_action_id  VARCHAR(36)   NOT NULL PRIMARY KEY,
    office_incident_id         VARCHAR(36)   NOT NULL REFERENCES incident (office_incident_id),
    entity_type                VARCHAR(16)   NOT NULL,
    entity_id                  VARCHAR(36)   NOT NULL REFERENCES action (action_id),
    description                VARCHAR(4000),
    office_id                  VARCHAR(36)   NOT NULL REFERENCES office (office_id),
    project_id                 VARCHAR(36)   NOT NULL REFERENCES project (project_id),
    created_at                 TIMESTAMP     NOT NULL,
    updated_at                 TIMESTAMP     NOT NULL,
    version                    BIGINT        NOT NULL,
    CONSTRAINT incident_action_pair UNIQUE (office_incident_id, entity_id)
);
CREATE INDEX incident_action_action ON incident_action (entity_id);
CREATE INDEX incident_action_office ON incident_action (office_id);
CREATE INDEX incident_action_project ON incident_action (project_id);
CREATE INDEX incident_action_created ON incident_action (created_at, office_incident_action_id);
