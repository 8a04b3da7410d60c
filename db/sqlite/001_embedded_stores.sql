-- Embedded mode: every store of the co-hosted silo in one SQLite file. Ids are 16-byte blobs, timestamps are
-- .NET ticks (100 ns, UTC), so nothing loses precision across a restart.

-- Orleans grain state, serialized in Orleans' binary format; etag changes at every write.
CREATE TABLE grain_state (
    state_name text NOT NULL,
    grain_id   text NOT NULL,
    payload    blob NOT NULL,
    etag       text NOT NULL,
    PRIMARY KEY (state_name, grain_id)
) WITHOUT ROWID;

-- Orleans reminders; grain_hash is the grain id's uniform hash, the ring position the reminder service reads by.
CREATE TABLE reminders (
    grain_id      text    NOT NULL,
    reminder_name text    NOT NULL,
    grain_hash    integer NOT NULL,
    start_at      integer NOT NULL,
    period        integer NOT NULL,
    etag          text    NOT NULL,
    PRIMARY KEY (grain_id, reminder_name)
) WITHOUT ROWID;
CREATE INDEX reminders_by_hash ON reminders (grain_hash);

-- Catalogs: ids in insertion order (position).
CREATE TABLE catalog_entries (
    position integer PRIMARY KEY AUTOINCREMENT,
    catalog  text NOT NULL,
    id       blob NOT NULL,
    UNIQUE (catalog, id)
);

-- One offering user per (offering, user).
CREATE TABLE offering_members (
    offering_id      blob NOT NULL,
    user_id          blob NOT NULL,
    offering_user_id blob NOT NULL,
    PRIMARY KEY (offering_id, user_id)
) WITHOUT ROWID;

-- The query projection's rows: the newest snapshot of each offering user (JSON, as in PostgreSQL).
CREATE TABLE projection_rows (
    id       blob    PRIMARY KEY,
    version  integer NOT NULL,
    snapshot text    NOT NULL
) WITHOUT ROWID;

-- Answer history, append-only, one row per (offering user, sequence).
CREATE TABLE answer_history (
    offering_user_id     blob    NOT NULL,
    sequence             integer NOT NULL,
    completion_id        blob    NOT NULL,
    question_id          blob    NOT NULL,
    question_description text    NOT NULL,
    answer               text,
    user_id              blob    NOT NULL,
    user_name            text    NOT NULL,
    submitted            integer NOT NULL,
    PRIMARY KEY (offering_user_id, sequence)
) WITHOUT ROWID;

-- Uploaded files of file answers.
CREATE TABLE files (
    offering_user_id blob NOT NULL,
    id               text NOT NULL,
    name             text NOT NULL,
    mime_type        text NOT NULL,
    content          blob NOT NULL,
    PRIMARY KEY (offering_user_id, id)
);
