-- How many items of each resource a project has, so that a search without a filter answers its exact
-- total without counting the project's rows. Kept in the same transaction as every create and delete
-- (org.hse.api.v2.TenantCounts). Each count is split over 8 stripes, a write adding to one of them at
-- random, so that concurrent creates in one project seldom wait for each other's row lock; the
-- count is the sum of the stripes. A project's rows go with it.
CREATE TABLE tenant_count (
    project_id  VARCHAR(36)  NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    resource    VARCHAR(32)  NOT NULL,
    stripe      INTEGER      NOT NULL,
    items       BIGINT       NOT NULL,
    PRIMARY KEY (project_id, resource, stripe)
);

INSERT INTO tenant_count (project_id, resource, stripe, items)
SELECT p.project_id, r.resource, s.stripe, 0
FROM project p
CROSS JOIN (VALUES ('office'), ('incident'), ('action'), ('incident-action')) AS r (resource)
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) AS s (stripe);

UPDATE tenant_count SET items = (SELECT COUNT(*) FROM office x WHERE x.project_id = tenant_count.project_id)
WHERE resource = 'office' AND stripe = 0;
UPDATE tenant_count SET items = (SELECT COUNT(*) FROM incident x WHERE x.project_id = tenant_count.project_id)
WHERE resource = 'incident' AND stripe = 0;
UPDATE tenant_count SET items = (SELECT COUNT(*) FROM action x WHERE x.project_id = tenant_count.project_id)
WHERE resource = 'action' AND stripe = 0;
UPDATE tenant_count SET items = (SELECT COUNT(*) FROM incident_action x WHERE x.project_id = tenant_count.project_id)
WHERE resource = 'incident-action' AND stripe = 0;

-- the (project_id, created_at, id) indexes are too wide to count from; counts that a filter still
-- needs (a few links of an incident, say) use the narrower indexes of the filtered columns
