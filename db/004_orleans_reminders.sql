-- Reminders for UseAdoNetReminderService. Each silo reads the reminders of its range of the
-- grain-hash ring; Version is the reminder's ETag.
CREATE TABLE orleans_reminders (
    service_id    text NOT NULL,
    grain_id      text NOT NULL,
    reminder_name text NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint NOT NULL,
    grain_hash    integer NOT NULL,
    version       integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

-- Reminder rows in the column names the provider reads.
CREATE VIEW orleans_reminder_entries AS
SELECT service_id, grain_hash,
       grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $q$
    SELECT * FROM orleans_reminder_entries
    WHERE service_id = @ServiceId AND "GrainId" = @GrainId
$q$),

('ReadReminderRowKey', $q$
    SELECT * FROM orleans_reminder_entries
    WHERE service_id = @ServiceId AND "GrainId" = @GrainId AND "ReminderName" = @ReminderName
$q$),

-- A ring range (BeginHash, EndHash]; the provider picks this query when the range does not wrap
-- (comparing the hashes as signed integers, as they are stored) ...
('ReadRangeRows1Key', $q$
    SELECT * FROM orleans_reminder_entries
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- ... and this one when it wraps around.
('ReadRangeRows2Key', $q$
    SELECT * FROM orleans_reminder_entries
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

('UpsertReminderRowKey', $q$
    INSERT INTO orleans_reminders (
        service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = excluded.start_time, period_ms = excluded.period_ms,
        grain_hash = excluded.grain_hash, version = orleans_reminders.version + 1
    RETURNING version AS "Version"
$q$),

('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId AND grain_id = @GrainId
          AND reminder_name = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT count(*) > 0 FROM deleted
$q$),

('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$);
