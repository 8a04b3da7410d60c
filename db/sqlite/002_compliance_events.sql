-- The compliance events of embedded mode (API.md §10 events/): one row per event, newest first per provider.
CREATE TABLE compliance_events (
    id                  blob PRIMARY KEY,
    type                text NOT NULL,
    created             integer NOT NULL,
    service_provider_id blob NOT NULL,
    offering_id         blob NOT NULL,
    offering_user_id    blob,
    event               text NOT NULL
) WITHOUT ROWID;

CREATE INDEX compliance_events_provider ON compliance_events (service_provider_id, created DESC, id);
