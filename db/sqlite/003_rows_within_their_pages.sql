-- Grain states (about 1.6 KB for an offering user) and projection rows (about 2 KB) were kept in WITHOUT ROWID tables,
-- whose rows keep at most about 1 KB within a 4 KB page and put the rest on an overflow page: every update of such a
-- row wrote two pages. In tables with row ids a row keeps up to 4 KB within its page, and an update that leaves the
-- key alone writes that one page (the key's index is not touched).
CREATE TABLE grain_state_in_pages (
    state_name text NOT NULL,
    grain_id   text NOT NULL,
    payload    blob NOT NULL,
    etag       text NOT NULL,
    PRIMARY KEY (state_name, grain_id)
);
INSERT INTO grain_state_in_pages (state_name, grain_id, payload, etag) SELECT state_name, grain_id, payload, etag FROM grain_state;
DROP TABLE grain_state;
ALTER TABLE grain_state_in_pages RENAME TO grain_state;

CREATE TABLE projection_rows_in_pages (
    id       blob    PRIMARY KEY,
    version  integer NOT NULL,
    snapshot text    NOT NULL
);
INSERT INTO projection_rows_in_pages (id, version, snapshot) SELECT id, version, snapshot FROM projection_rows;
DROP TABLE projection_rows;
ALTER TABLE projection_rows_in_pages RENAME TO projection_rows;
