-- A tenant's items in the default order (created_at, then id) straight from one index: the first
-- pages of a search walk it instead of sorting the tenant, a deep page skips along it, and counting
-- a tenant's items reads the index alone. They replace the single-column project indexes, which
-- they begin with (the foreign keys' deletes still find their rows through them).
CREATE INDEX incident_action_project_created ON incident_action (project_id, created_at, office_incident_action_id);
DROP INDEX incident_action_project;
CREATE INDEX incident_project_created ON incident (project_id, created_at, office_incident_id);
DROP INDEX incident_project;
CREATE INDEX action_project_created ON action (project_id, created_at, action_id);
DROP INDEX action_project;
