-- Grain state of cluster mode (PostgresGrainStorage): the state of one grain per row, in Orleans' binary format,
-- keyed by the service, the state's name and the grain id as Orleans writes it ("type/key"). etag is replaced by
-- every write, which names the one it read; a cleared state keeps its row without a payload.
--
-- A submission rewrites only payload and etag, which no index covers, so with free room in the page PostgreSQL
-- updates the row in place (a HOT update, no index entry). An offering user's state is 1.5-2 KB: at fillfactor 70 a
-- page holds three of them and room for the next version of one.
--
-- States that Orleans' ADO.NET provider stored in orleans_storage (003) before are not copied: the storage reads
-- them from there while this table has no row for them, and moves each one here with its first write.
CREATE TABLE compliance_grain_state (
    service_id  text NOT NULL,
    state_name  text NOT NULL,
    grain_id    text NOT NULL,
    payload     bytea,
    etag        uuid NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
) WITH (fillfactor = 70);
