-- PostgreSQL only (H2 has no expression indexes): a project's incidents and actions in the order a
-- search sorts names and codes, ignoring case. A search of links sorted by action_name (or
-- incident_name, ...) over a project walks the project's actions in that order and stops at the end
-- of the page, instead of sorting every link of the project.
CREATE INDEX action_project_name ON action (project_id, lower(name));
CREATE INDEX action_project_code ON action (project_id, lower(code));
CREATE INDEX incident_project_name ON incident (project_id, lower(name));
CREATE INDEX incident_project_code ON incident (project_id, lower(code));
