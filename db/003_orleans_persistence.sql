-- Grain state for AddAdoNetGrainStorage. A grain is identified by the provider's key parts: service,
-- grain type (and its hash), and the grain id as two 64-bit halves plus an optional string part
-- (the whole key of string-keyed grains, the extension of compound keys). Version is the state's
-- ETag: every write names the version it read and gets the next one.
CREATE TABLE orleans_storage (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id          text NOT NULL,
    grain_type_hash     integer NOT NULL,
    grain_type          text NOT NULL,
    grain_id_hash       integer NOT NULL,
    grain_id_n0         bigint NOT NULL,
    grain_id_n1         bigint NOT NULL,
    grain_id_extension  text,
    payload_binary      bytea,
    version             integer NOT NULL,
    modified_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_storage_grain UNIQUE NULLS NOT DISTINCT (
        service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension)
);

-- The row of one grain. The extension is compared null-safely, which an index cannot serve, so the
-- other key parts find the row and the extension only filters it.
CREATE FUNCTION orleans_storage_locate(
    p_service_id text, p_grain_type_hash integer, p_grain_type text, p_grain_id_hash integer,
    p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_id_extension text)
RETURNS bigint LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (
        SELECT id FROM orleans_storage
        WHERE service_id = p_service_id
          AND grain_type_hash = p_grain_type_hash AND grain_id_hash = p_grain_id_hash
          AND grain_id_n0 = p_grain_id_n0 AND grain_id_n1 = p_grain_id_n1
          AND grain_type = p_grain_type
          AND grain_id_extension IS NOT DISTINCT FROM p_grain_id_extension);
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- No row: no state and no version. A cleared row: no payload, but a version.
('ReadFromStorageKey', $q$
    SELECT payload_binary AS "PayloadBinary", version AS "Version"
    FROM orleans_storage
    WHERE id = orleans_storage_locate(@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash,
                                      @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
$q$),

-- Without a version the grain has never been stored: insert version 1 unless another activation
-- got there first. With a version: replace the state only if it is still that version. A version
-- conflict returns no row, which the provider reports as InconsistentStateException.
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleans_storage
        SET payload_binary = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE @GrainStateVersion IS NOT NULL
          AND id = orleans_storage_locate(@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash,
                                          @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
          AND version = @GrainStateVersion
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_storage (
            service_id, grain_type_hash, grain_type, grain_id_hash,
            grain_id_n0, grain_id_n1, grain_id_extension, payload_binary, version)
        SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash,
               @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT version AS "NewGrainStateVersion" FROM updated
    UNION ALL
    SELECT version FROM inserted
$q$),

-- Clearing keeps the row and its version sequence, so that a stale activation still conflicts.
('ClearStorageKey', $q$
    UPDATE orleans_storage
    SET payload_binary = NULL, version = version + 1, modified_at = now()
    WHERE id = orleans_storage_locate(@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash,
                                      @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
      AND version = @GrainStateVersion
    RETURNING version
$q$),

-- Used instead of ClearStorageKey when DeleteStateOnClear is set; the provider expects the
-- deleted version + 1 back.
('DeleteStorageKey', $q$
    DELETE FROM orleans_storage
    WHERE id = orleans_storage_locate(@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash,
                                      @GrainIdN0, @GrainIdN1, @GrainIdExtensionString)
      AND version = @GrainStateVersion
    RETURNING version + 1
$q$);
