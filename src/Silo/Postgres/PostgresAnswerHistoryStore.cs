using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>
/// The answer history of cluster mode: <c>compliance_answer_history</c>. The entries of concurrent submissions of a
/// silo are appended together, one statement per batch. An entry whose text PostgreSQL refuses is stored as a rejected
/// entry (<see cref="HistoryEntryRepair"/>) instead of failing its batch, and every retry of it, for ever.
/// </summary>
public sealed class PostgresAnswerHistoryStore(NpgsqlDataSource dataSource, ILogger<PostgresAnswerHistoryStore>? logger = null)
    : IAnswerHistoryStore, IAsyncDisposable
{
    /// <summary>Invalid byte sequence for the encoding, untranslatable character (NUL), invalid text representation.</summary>
    internal static readonly HashSet<string> RejectedTextStates = ["22021", "22P05", "22P02"];

    private readonly GroupCommit<IReadOnlyList<HistoryEntry>> _appends = new(
        "history", submissions => AppendOrRejectAsync(
            dataSource, logger ?? NullLogger<PostgresAnswerHistoryStore>.Instance, submissions.SelectMany(entries => entries).ToList()),
        writers: 4, maxBatch: 64);

    public Task AppendAsync(IReadOnlyList<HistoryEntry> entries) => entries.Count == 0 ? Task.CompletedTask : _appends.WriteAsync(entries);

    public ValueTask DisposeAsync() => _appends.DisposeAsync();

    private static async Task AppendOrRejectAsync(NpgsqlDataSource dataSource, ILogger logger, IReadOnlyList<HistoryEntry> entries)
    {
        try
        {
            await AppendBatchAsync(dataSource, entries);
        }
        catch (PostgresException e) when (RejectedTextStates.Contains(e.SqlState))
        {
            foreach (var entry in entries) await AppendOneOrRejectAsync(dataSource, logger, entry);
        }
    }

    private static async Task AppendOneOrRejectAsync(NpgsqlDataSource dataSource, ILogger logger, HistoryEntry entry)
    {
        try
        {
            await AppendBatchAsync(dataSource, [entry]);
        }
        catch (PostgresException e) when (RejectedTextStates.Contains(e.SqlState))
        {
            logger.LogWarning("History entry {Sequence} of offering user {OfferingUser} was refused by the database ({SqlState}); it is stored as a rejected entry",
                entry.Sequence, entry.OfferingUserId, e.SqlState);
            await AppendBatchAsync(dataSource, [HistoryEntryRepair.Repaired(entry)]);
        }
    }

    private static async Task AppendBatchAsync(NpgsqlDataSource dataSource, IReadOnlyList<HistoryEntry> entries)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO compliance_answer_history
                (offering_user_id, sequence, completion_id, question_id, question_description, answer, user_id, user_name, submitted)
            SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::uuid[], $5::text[], $6::jsonb[], $7::uuid[], $8::text[], $9::timestamptz[])
            ON CONFLICT DO NOTHING
            """);
        AddColumns(command.Parameters, entries);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The entries' columns as nine array parameters, in the table's column order: offering user, sequence, completion,
    /// question, question description, answer (jsonb), user, user name, submitted (<see cref="ArrayParameter"/>).
    /// </summary>
    internal static void AddColumns(NpgsqlParameterCollection parameters, IReadOnlyList<HistoryEntry> entries)
    {
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Uuid, entries.Select(e => e.OfferingUserId)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Bigint, entries.Select(e => e.Sequence)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Uuid, entries.Select(e => e.CompletionId)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Uuid, entries.Select(e => e.QuestionId)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Text, entries.Select(e => e.QuestionDescription)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Jsonb, entries.Select(e => (object?)e.AnswerJson ?? DBNull.Value)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Uuid, entries.Select(e => e.UserId)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.Text, entries.Select(e => e.UserName)));
        parameters.Add(ArrayParameter.Of(NpgsqlDbType.TimestampTz, entries.Select(e => DateTime.SpecifyKind(e.Submitted, DateTimeKind.Utc))));
    }

    public async Task<Page<HistoryEntry>> ListAsync(Guid offeringUserId, PageRequest page)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT offering_user_id, completion_id, question_id, question_description, answer::text, user_id, user_name, submitted,
                   sequence, count(*) OVER ()
            FROM compliance_answer_history WHERE offering_user_id = $1
            ORDER BY sequence DESC OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new() { Value = offeringUserId });
        command.Parameters.Add(new() { Value = page.Offset });
        command.Parameters.Add(new() { Value = page.Limit });
        var items = new List<HistoryEntry>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new HistoryEntry(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetGuid(5), reader.GetString(6), DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc), reader.GetInt64(8)));
            total = (int)reader.GetInt64(9);
        }
        if (items.Count == 0 && page.Offset > 0) total = await CountAsync(offeringUserId);
        return new Page<HistoryEntry>(items, total);
    }

    public async Task DeleteAsync(Guid offeringUserId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM compliance_answer_history WHERE offering_user_id = $1");
        command.Parameters.Add(new() { Value = offeringUserId });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<int> CountAsync(Guid offeringUserId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM compliance_answer_history WHERE offering_user_id = $1");
        command.Parameters.Add(new() { Value = offeringUserId });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
