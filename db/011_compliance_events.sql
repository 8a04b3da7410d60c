-- Compliance events (API.md §10 events/), appended by the grains' outbox after the state change that caused them is
-- stored. The id is the event's stable uuid, so an append repeated after a crash adds nothing.
CREATE TABLE compliance_events (
    id                   uuid PRIMARY KEY,
    type                 text NOT NULL,
    created              timestamptz NOT NULL,
    service_provider_id  uuid NOT NULL,
    offering_id          uuid NOT NULL,
    offering_user_id     uuid,
    event                jsonb NOT NULL
);

CREATE INDEX compliance_events_provider ON compliance_events (service_provider_id, created DESC, id);
