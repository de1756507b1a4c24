-- The history of every item (issue 10): one row per successful create, update and delete, cascaded
-- deletes included, written in the transaction of the change (org.hse.api.v2.HistoryLog) and never
-- deleted by the API. item is the item as view answered it right after the change (for a delete, as
-- it was just before), as JSON text. version numbers an item's entries: the item's own version for a
-- create or update, one more than its last version for its delete, so an id's entries are ordered and
-- a deleted id stays taken (the primary key). project_id is the item's tenant (a project's own id),
-- for the tenant scope of every read. by_upn is the caller's upn.
--
-- feed and feed_ordinal order the change feed in commit order: a writing transaction, as its last
-- statements, increments the one row of history_feed (whose row lock it then holds until it commits)
-- and stamps its entries with the new number, so that the numbers are taken in the order the
-- transactions commit; feed_ordinal orders one transaction's entries.
CREATE TABLE history (
    resource      VARCHAR(32)       NOT NULL,
    item_id       VARCHAR(36)       NOT NULL,
    version       BIGINT            NOT NULL,
    operation     VARCHAR(8)        NOT NULL,
    changed_at    TIMESTAMP         NOT NULL,
    by_upn        VARCHAR(255)      NOT NULL,
    project_id    VARCHAR(36)       NOT NULL,
    feed          BIGINT            NOT NULL,
    feed_ordinal  INTEGER           NOT NULL,
    item          VARCHAR(1000000)  NOT NULL,
    PRIMARY KEY (resource, item_id, version)
);
CREATE INDEX history_by_feed ON history (resource, feed, feed_ordinal);

CREATE TABLE history_feed (
    id  INTEGER  NOT NULL PRIMARY KEY,
    n   BIGINT   NOT NULL
);
INSERT INTO history_feed (id, n) VALUES (1, 0);
