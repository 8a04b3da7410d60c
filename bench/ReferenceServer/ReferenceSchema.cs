using Npgsql;

namespace ComplianceGrains.ReferenceServer;

/// <summary>
/// The tables of a conventional relational design (one row per user, token, offering user, completion, answer and
/// history entry), with the indexes the provider lists need, in a schema of their own.
/// </summary>
public static class ReferenceSchema
{
    private const string Ddl = """
        CREATE SCHEMA IF NOT EXISTS reference;
        SET search_path TO reference;
        CREATE TABLE IF NOT EXISTS ref_user (
            id uuid PRIMARY KEY, username text NOT NULL UNIQUE, full_name text NOT NULL, email text NOT NULL,
            is_staff boolean NOT NULL, is_active boolean NOT NULL);
        CREATE TABLE IF NOT EXISTS ref_token (
            key text PRIMARY KEY, user_id uuid NOT NULL REFERENCES ref_user ON DELETE CASCADE, created timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS ref_checklist (id uuid PRIMARY KEY, name text NOT NULL);
        CREATE TABLE IF NOT EXISTS ref_question (
            id uuid PRIMARY KEY, checklist_id uuid NOT NULL REFERENCES ref_checklist ON DELETE CASCADE,
            question_type text NOT NULL, required boolean NOT NULL, sort_order integer NOT NULL,
            min_value numeric(16, 4), max_value numeric(16, 4));
        CREATE INDEX IF NOT EXISTS ref_question_checklist ON ref_question (checklist_id, sort_order);
        CREATE TABLE IF NOT EXISTS ref_question_option (
            id uuid PRIMARY KEY, question_id uuid NOT NULL REFERENCES ref_question ON DELETE CASCADE, label text NOT NULL);
        CREATE INDEX IF NOT EXISTS ref_question_option_question ON ref_question_option (question_id);
        CREATE TABLE IF NOT EXISTS ref_offering (
            id uuid PRIMARY KEY, provider_id uuid NOT NULL, name text NOT NULL,
            checklist_id uuid REFERENCES ref_checklist ON DELETE SET NULL);
        CREATE INDEX IF NOT EXISTS ref_offering_provider ON ref_offering (provider_id, name);
        CREATE TABLE IF NOT EXISTS ref_offering_user (
            id uuid PRIMARY KEY, offering_id uuid NOT NULL REFERENCES ref_offering ON DELETE CASCADE,
            user_id uuid NOT NULL REFERENCES ref_user ON DELETE CASCADE, username text NOT NULL, state integer NOT NULL,
            created timestamptz NOT NULL, modified timestamptz NOT NULL, UNIQUE (offering_id, user_id));
        CREATE INDEX IF NOT EXISTS ref_offering_user_user ON ref_offering_user (user_id);
        CREATE TABLE IF NOT EXISTS ref_completion (
            id uuid PRIMARY KEY, offering_user_id uuid NOT NULL REFERENCES ref_offering_user ON DELETE CASCADE,
            checklist_id uuid NOT NULL REFERENCES ref_checklist ON DELETE CASCADE,
            is_completed boolean NOT NULL, completion_percentage numeric(5, 1) NOT NULL,
            unanswered_required integer NOT NULL, requires_review boolean NOT NULL,
            created timestamptz NOT NULL, modified timestamptz NOT NULL, UNIQUE (offering_user_id, checklist_id));
        CREATE INDEX IF NOT EXISTS ref_completion_status ON ref_completion (checklist_id, is_completed, modified);
        CREATE INDEX IF NOT EXISTS ref_completion_modified ON ref_completion (modified DESC);
        CREATE TABLE IF NOT EXISTS ref_answer (
            id uuid PRIMARY KEY, completion_id uuid NOT NULL REFERENCES ref_completion ON DELETE CASCADE,
            question_id uuid NOT NULL REFERENCES ref_question ON DELETE CASCADE, answer_data jsonb NOT NULL,
            user_id uuid NOT NULL, requires_review boolean NOT NULL, created timestamptz NOT NULL,
            modified timestamptz NOT NULL, UNIQUE (completion_id, question_id));
        CREATE TABLE IF NOT EXISTS ref_answer_history (
            id bigserial PRIMARY KEY, completion_id uuid NOT NULL REFERENCES ref_completion ON DELETE CASCADE,
            question_id uuid NOT NULL, answer_data jsonb, user_id uuid NOT NULL, submitted timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS ref_answer_history_completion ON ref_answer_history (completion_id, submitted DESC);
        CREATE TABLE IF NOT EXISTS ref_replay_target (
            n integer PRIMARY KEY, offering_user_id uuid NOT NULL, q1 uuid NOT NULL, q2 uuid NOT NULL, q3 uuid NOT NULL,
            q4 uuid NOT NULL, q5 uuid NOT NULL, option_id uuid NOT NULL);
        """;

    public static async Task CreateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(Ddl);
        await command.ExecuteNonQueryAsync();
    }
}
