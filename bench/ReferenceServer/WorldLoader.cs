using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.ReferenceServer;

/// <summary>
/// Replaces the reference tables' contents with a world: the staff user and its token, the checklists with their
/// questions and options, the offerings, one user per offering user, and an empty completion for each (as the
/// service creates one when an offering user gets a checklist).
/// </summary>
public static class WorldLoader
{
    public static async Task LoadAsync(NpgsqlDataSource dataSource, ReferenceWorld world)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, "TRUNCATE ref_replay_target, ref_answer_history, ref_answer, ref_completion, ref_offering_user, ref_offering, " +
                                  "ref_question_option, ref_question, ref_checklist, ref_token, ref_user");
        var now = DateTime.UtcNow;
        var staff = Guid.NewGuid();
        await Execute(connection, "INSERT INTO ref_user VALUES ($1, 'admin', 'Admin', '', true, true)", staff);
        await Execute(connection, "INSERT INTO ref_token VALUES ($1, $2, now())", world.Token, staff);

        await Copy(connection, "ref_checklist (id, name)", world.Checklists, async (w, c) =>
        {
            await w.WriteAsync(c.Id);
            await w.WriteAsync("Checklist");
        });
        var questions = world.Checklists.SelectMany(c => c.Questions.Select((q, i) => (Checklist: c.Id, Question: q, Order: i + 1))).ToList();
        await Copy(connection, "ref_question (id, checklist_id, question_type, required, sort_order, min_value, max_value)", questions, async (w, q) =>
        {
            await w.WriteAsync(q.Question.Id);
            await w.WriteAsync(q.Checklist);
            await w.WriteAsync(q.Question.Type);
            await w.WriteAsync(true);
            await w.WriteAsync(q.Order);
            var ranged = q.Question.Type == "number";
            await WriteNullable<decimal>(w, ranged ? 0m : null);
            await WriteNullable<decimal>(w, ranged ? 100m : null);
        });
        var options = questions.SelectMany(q => q.Question.OptionIds.Select(o => (Option: o, Question: q.Question.Id))).ToList();
        await Copy(connection, "ref_question_option (id, question_id, label)", options, async (w, o) =>
        {
            await w.WriteAsync(o.Option);
            await w.WriteAsync(o.Question);
            await w.WriteAsync("Option");
        });
        await Copy(connection, "ref_offering (id, provider_id, name, checklist_id)", world.Offerings, async (w, o) =>
        {
            await w.WriteAsync(o.Id);
            await w.WriteAsync(world.Provider);
            await w.WriteAsync("Offering " + o.Id.ToString("N")[..8]);
            await WriteNullable(w, o.Checklist);
        });
        await Copy(connection, "ref_user (id, username, full_name, email, is_staff, is_active)", world.OfferingUsers, async (w, u) =>
        {
            await w.WriteAsync(u.Id);
            await w.WriteAsync("user-" + u.Id.ToString("N"));
            await w.WriteAsync("User " + u.Id.ToString("N")[..8]);
            await w.WriteAsync(u.Id.ToString("N") + "@example.com");
            await w.WriteAsync(false);
            await w.WriteAsync(true);
        });
        await Copy(connection, "ref_offering_user (id, offering_id, user_id, username, state, created, modified)", world.OfferingUsers, async (w, u) =>
        {
            await w.WriteAsync(u.Id);
            await w.WriteAsync(u.Offering);
            await w.WriteAsync(u.Id);
            await w.WriteAsync("user-" + u.Id.ToString("N"));
            await w.WriteAsync(5);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        });
        var checklistOf = world.Offerings.Where(o => o.Checklist is not null).ToDictionary(o => o.Id, o => o.Checklist!.Value);
        var completions = world.OfferingUsers.Where(u => checklistOf.ContainsKey(u.Offering)).ToList();
        await Copy(connection, "ref_completion (id, offering_user_id, checklist_id, is_completed, completion_percentage, " +
                               "unanswered_required, requires_review, created, modified)", completions, async (w, u) =>
        {
            var checklist = checklistOf[u.Offering];
            await w.WriteAsync(Guid.NewGuid());
            await w.WriteAsync(u.Id);
            await w.WriteAsync(checklist);
            await w.WriteAsync(false);
            await w.WriteAsync(0m, NpgsqlDbType.Numeric);
            await w.WriteAsync(world.Checklists.First(c => c.Id == checklist).Questions.Count);
            await w.WriteAsync(false);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        });
        // What the pgbench replay of the same transaction picks from: the n-th offering user and the ids of the
        // five questions the bench answers (the first five of its checklist, the fourth a single select).
        await Execute(connection, """
            INSERT INTO ref_replay_target
            SELECT row_number() OVER (ORDER BY ou.id), ou.id, q[1], q[2], q[3], q[4], q[5],
                   (SELECT min(id::text)::uuid FROM ref_question_option WHERE question_id = q[4])
            FROM ref_offering_user ou JOIN ref_offering o ON o.id = ou.offering_id,
                 LATERAL (SELECT array_agg(id ORDER BY sort_order) AS q FROM ref_question WHERE checklist_id = o.checklist_id) qs
            WHERE array_length(q, 1) >= 5
            """);
        await transaction.CommitAsync();
        await Execute(connection, "ANALYZE");
    }

    private static async Task Copy<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            await write(importer, row);
        }
        await importer.CompleteAsync();
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter importer, T? value) where T : struct
    {
        if (value is { } v) await importer.WriteAsync(v);
        else await importer.WriteNullAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }
}
