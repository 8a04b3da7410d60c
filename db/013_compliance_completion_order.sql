-- The completions list's default order is its completions' modified time, which every submission changes. As a column
-- of compliance_offering_users with an index, it made every submission's upsert a non-HOT update: a new entry in
-- each of the row's ten indexes. The sort key now has a row of its own (only listed completions: one exists and the
-- offering user is not deleted) with one index beside its key; the projection row's upsert then changes no indexed
-- column unless a list order or filter of that row changes (names, status, completion, deadlines, deletion), and the
-- fillfactor leaves room in each page for the row's next version, so that PostgreSQL updates it in place (HOT).
-- completion_modified stays in the projection row, unindexed.
CREATE TABLE compliance_completion_order (
    id        uuid PRIMARY KEY,
    modified  timestamptz NOT NULL
);

CREATE INDEX compliance_completion_order_modified ON compliance_completion_order (modified DESC, id);

INSERT INTO compliance_completion_order (id, modified)
SELECT id, completion_modified FROM compliance_offering_users WHERE completion_id IS NOT NULL AND NOT deleted;

DROP INDEX compliance_offering_users_completion_modified;

-- Pages written from now on keep 30 % free; existing pages get that room as they are rewritten (VACUUM FULL does it at once).
ALTER TABLE compliance_offering_users SET (fillfactor = 70);
