-- The query projection: one row per offering user, the newest snapshot its grain published. Lists of
-- offering users, a provider's monitoring rows, the completions list and the CSV export are served from
-- here with indexes; the full snapshot is kept as JSON for rendering.
CREATE TABLE compliance_offering_users (
    id                   uuid PRIMARY KEY,
    version              bigint NOT NULL,
    deleted              boolean NOT NULL,
    offering_id          uuid NOT NULL,
    service_provider_id  uuid NOT NULL,
    customer_id          uuid NOT NULL,
    user_id              uuid NOT NULL,
    offering_name        text NOT NULL,
    user_full_name       text NOT NULL,
    created              timestamptz NOT NULL,
    compliance_status    text NOT NULL,
    completion_id        uuid,
    checklist_id         uuid,
    is_completed         boolean,
    completion_modified  timestamptz,
    snapshot             jsonb NOT NULL
);

CREATE INDEX compliance_offering_users_provider_order
    ON compliance_offering_users (service_provider_id, offering_name COLLATE "C", user_full_name COLLATE "C", id)
    WHERE NOT deleted;
CREATE INDEX compliance_offering_users_provider_status
    ON compliance_offering_users (service_provider_id, compliance_status, offering_name COLLATE "C", user_full_name COLLATE "C", id)
    WHERE NOT deleted;
CREATE INDEX compliance_offering_users_offering ON compliance_offering_users (offering_id) WHERE NOT deleted;
CREATE INDEX compliance_offering_users_user ON compliance_offering_users (user_id) WHERE NOT deleted;
CREATE INDEX compliance_offering_users_customer ON compliance_offering_users (customer_id, created DESC) WHERE NOT deleted;
CREATE INDEX compliance_offering_users_created ON compliance_offering_users (created DESC, id) WHERE NOT deleted;
CREATE INDEX compliance_offering_users_completion ON compliance_offering_users (completion_id) WHERE completion_id IS NOT NULL;
CREATE INDEX compliance_offering_users_completion_modified
    ON compliance_offering_users (completion_modified DESC, id) WHERE completion_id IS NOT NULL AND NOT deleted;

-- The append-only answer history, outside grain state. (offering user, sequence) makes a retried append
-- harmless.
CREATE TABLE compliance_answer_history (
    offering_user_id      uuid NOT NULL,
    sequence              bigint NOT NULL,
    completion_id         uuid NOT NULL,
    question_id           uuid NOT NULL,
    question_description  text NOT NULL,
    answer                jsonb,
    user_id               uuid NOT NULL,
    user_name             text NOT NULL,
    submitted             timestamptz NOT NULL,
    PRIMARY KEY (offering_user_id, sequence)
);

-- The bytes of file answers; answers keep only a description and the id.
CREATE TABLE compliance_files (
    offering_user_id  uuid NOT NULL,
    id                text NOT NULL,
    name              text NOT NULL,
    mime_type         text NOT NULL,
    content           bytea NOT NULL,
    created           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (offering_user_id, id)
);
