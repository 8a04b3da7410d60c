-- Due dates and attestation expiry of each offering user's current completion (API.md §10), so that the lists can
-- filter by is_overdue against the clock of the query, and a provider's counters can be rebuilt with them.
ALTER TABLE compliance_offering_users ADD COLUMN due_date timestamptz;
ALTER TABLE compliance_offering_users ADD COLUMN expires_at timestamptz;

CREATE INDEX compliance_offering_users_due
    ON compliance_offering_users (service_provider_id, due_date) WHERE due_date IS NOT NULL AND NOT deleted;
