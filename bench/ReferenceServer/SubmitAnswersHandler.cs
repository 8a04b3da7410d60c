using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.ReferenceServer;

/// <summary>
/// <c>POST submit_answers/</c> the way a stateless web application does it: one transaction that looks the token up,
/// reads (and locks) the offering user's completion, reads the checklist's questions, upserts each answer, inserts a
/// history row per answer, then recounts the answers and updates the completion row.
/// </summary>
public sealed class SubmitAnswersHandler(NpgsqlDataSource dataSource)
{
    private sealed record Question(Guid Id, string Type, bool Required, decimal? Min, decimal? Max, Guid[] Options);

    private sealed record Item(Guid Question, JsonNode? Answer);

    public async Task<IResult> HandleAsync(HttpRequest request, Guid offeringUserId)
    {
        var key = request.Headers.Authorization.ToString() is var header && header.StartsWith("Token ", StringComparison.Ordinal) ? header[6..] : null;
        if (key is null) return Detail(401, "Authentication credentials were not provided.");
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return Detail(400, "JSON parse error.");
        }
        if (body is not JsonArray array) return Results.Json(new { non_field_errors = new[] { "Expected a list of items." } }, statusCode: 400);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        Guid callerId;
        bool callerIsStaff;
        await using (var token = Command(connection, "SELECT u.id, u.is_staff FROM ref_token t JOIN ref_user u ON u.id = t.user_id WHERE t.key = $1 AND u.is_active", key))
        await using (var reader = await token.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) return Detail(401, "Invalid token.");
            callerId = reader.GetGuid(0);
            callerIsStaff = reader.GetBoolean(1);
        }

        Guid ownerId, completionId, checklistId;
        await using (var target = Command(connection,
                         "SELECT ou.user_id, c.id, c.checklist_id FROM ref_offering_user ou " +
                         "JOIN ref_offering o ON o.id = ou.offering_id " +
                         "JOIN ref_completion c ON c.offering_user_id = ou.id AND c.checklist_id = o.checklist_id " +
                         "WHERE ou.id = $1 FOR UPDATE OF c", offeringUserId))
        await using (var reader = await target.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) return Detail(404, "Not found.");
            ownerId = reader.GetGuid(0);
            completionId = reader.GetGuid(1);
            checklistId = reader.GetGuid(2);
        }
        if (!callerIsStaff && ownerId != callerId) return Detail(403, "You do not have permission to perform this action.");

        var questions = new Dictionary<Guid, Question>();
        await using (var read = Command(connection,
                         "SELECT q.id, q.question_type, q.required, q.min_value, q.max_value, " +
                         "coalesce(array_agg(o.id) FILTER (WHERE o.id IS NOT NULL), '{}') " +
                         "FROM ref_question q LEFT JOIN ref_question_option o ON o.question_id = q.id " +
                         "WHERE q.checklist_id = $1 GROUP BY q.id", checklistId))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var question = new Question(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2),
                    reader.IsDBNull(3) ? null : reader.GetDecimal(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                    reader.GetFieldValue<Guid[]>(5));
                questions[question.Id] = question;
            }
        }

        var items = new List<Item>();
        var errors = new List<object>();
        var valid = true;
        foreach (var element in array)
        {
            var error = Parse(element, questions, out var item);
            errors.Add(error is null ? new { } : new { non_field_errors = new[] { error } });
            if (item is null) valid = false;
            else items.Add(item);
        }
        if (!valid) return Results.Json(errors, statusCode: 400);

        foreach (var item in items)
        {
            if (item.Answer is null)
            {
                await Execute(connection, "DELETE FROM ref_answer WHERE completion_id = $1 AND question_id = $2", completionId, item.Question);
            }
            else
            {
                var answer = item.Answer.ToJsonString();
                await Execute(connection,
                    "INSERT INTO ref_answer (id, completion_id, question_id, answer_data, user_id, requires_review, created, modified) " +
                    "VALUES ($1, $2, $3, $4, $5, false, now(), now()) ON CONFLICT (completion_id, question_id) DO UPDATE " +
                    "SET answer_data = excluded.answer_data, user_id = excluded.user_id, modified = excluded.modified",
                    Guid.NewGuid(), completionId, item.Question, Jsonb(answer), callerId);
            }
            await Execute(connection,
                "INSERT INTO ref_answer_history (completion_id, question_id, answer_data, user_id, submitted) VALUES ($1, $2, $3, $4, now())",
                completionId, item.Question, Jsonb(item.Answer?.ToJsonString()), callerId);
        }

        var answered = new HashSet<Guid>();
        await using (var read = Command(connection, "SELECT question_id FROM ref_answer WHERE completion_id = $1", completionId))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) answered.Add(reader.GetGuid(0));
        }
        var unanswered = questions.Values.Where(q => q.Required && !answered.Contains(q.Id)).Select(q => q.Id).ToList();
        var percentage = questions.Count == 0 ? 100m : Math.Round(100m * questions.Keys.Count(answered.Contains) / questions.Count, 1);
        await Execute(connection,
            "UPDATE ref_completion SET is_completed = $2, completion_percentage = $3, unanswered_required = $4, modified = now() WHERE id = $1",
            completionId, unanswered.Count == 0, percentage, unanswered.Count);
        await transaction.CommitAsync();

        return Results.Json(new
        {
            detail = "Answers submitted successfully",
            completion = new
            {
                uuid = completionId.ToString("N"),
                is_completed = unanswered.Count == 0,
                completion_percentage = percentage,
                unanswered_required_questions = unanswered.Select(id => new { uuid = id.ToString("N"), question_type = questions[id].Type }),
            },
        });
    }

    /// <summary>Reads one item and checks its value against the question's type; returns the error, if any.</summary>
    private static string? Parse(JsonNode? element, Dictionary<Guid, Question> questions, out Item? item)
    {
        item = null;
        if (element is not JsonObject entry || entry["question_uuid"]?.GetValueKind() != JsonValueKind.String ||
            !Guid.TryParse(entry["question_uuid"]!.GetValue<string>(), out var id))
            return "question_uuid: Must be a valid UUID.";
        if (!questions.TryGetValue(id, out var question)) return $"Question {id:N} does not belong to this checklist";
        var answer = entry["answer_data"];
        if (answer is not null && !IsValid(question, answer)) return $"Answer value is not valid for the question (type: {question.Type}).";
        item = new Item(id, answer?.DeepClone());
        return null;
    }

    private static bool IsValid(Question question, JsonNode answer) => question.Type switch
    {
        "boolean" => answer.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => answer.GetValueKind() == JsonValueKind.Number && answer.GetValue<decimal>() is var n &&
                    (question.Min is not { } min || n >= min) && (question.Max is not { } max || n <= max),
        "single_select" => answer is JsonArray { Count: 1 } one && one[0]?.GetValueKind() == JsonValueKind.String &&
                           Guid.TryParse(one[0]!.GetValue<string>(), out var option) && question.Options.Contains(option),
        _ => answer.GetValueKind() == JsonValueKind.String,
    };

    private static NpgsqlParameter Jsonb(string? json) =>
        new() { Value = (object?)json ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        return command;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static IResult Detail(int status, string detail) => Results.Json(new { detail }, statusCode: status);
}
