-- The statements Orleans' ADO.NET providers (clustering, grain storage, reminders) run, keyed by
-- the names the providers look up at start-up. The providers issue
-- `SELECT QueryKey, QueryText FROM OrleansQuery` verbatim, so the table and its columns keep
-- these unquoted names. Parameters in the query texts are bound by name (@Name).
CREATE TABLE OrleansQuery (
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);
