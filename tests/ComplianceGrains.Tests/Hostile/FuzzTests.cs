using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Hostile;

/// <summary>
/// A seeded random sweep over the API's endpoints with hostile input (invalid Unicode, NUL, huge numbers, deep nesting,
/// wrong types, duplicate keys, long strings, odd content types) against the real HTTP pipeline. It fails on any 5xx, any
/// error without a JSON body, and any change of the targeted resource after a refused write. The seed is printed;
/// <c>COMPLIANCE_FUZZ_SEED</c> replays one, <c>COMPLIANCE_FUZZ_REQUESTS</c> (per storage mode, default 1000) runs longer.
/// </summary>
public sealed class FuzzTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly int Requests =
        int.TryParse(Environment.GetEnvironmentVariable("COMPLIANCE_FUZZ_REQUESTS"), out var requests) && requests > 0 ? requests : 1000;

    [Fact]
    public Task Hostile_requests_never_fail_the_memory_mode() => SweepAsync(FuzzHosts.Memory);

    [Fact]
    public Task Hostile_requests_never_fail_the_sqlite_mode() => SweepAsync(FuzzHosts.Sqlite);

    [PostgresFact]
    public Task Hostile_requests_never_fail_the_postgres_mode() => SweepAsync(FuzzHosts.Postgres);

    private async Task SweepAsync(string mode)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("COMPLIANCE_FUZZ_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        output.WriteLine($"fuzz seed {seed} ({mode}, {Requests} requests); replay with COMPLIANCE_FUZZ_SEED={seed}");
        await using var host = await FuzzHosts.StartAsync(mode, database);
        var http = FuzzHosts.Client(host);
        var world = new ApiWorld(http, ApiFactory.AdminToken);
        await Eventually.UntilAsync(() => world.Admin.GetAsync("/api/users/me/"), r => r.Status == HttpStatusCode.OK, "the admin to exist",
            TimeSpan.FromSeconds(60));
        var targets = await FuzzTargets.CreateAsync(world);
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var refusedWrites = 0;
        while (sent < Requests)
        {
            var endpoint = FuzzEndpoints.All[random.Next(FuzzEndpoints.All.Count)];
            var path = endpoint.Path(targets) + FuzzValues.Query(random);
            var isWrite = endpoint.Method != "GET";
            var before = isWrite ? await ReadAsync(http, endpoint.Read(targets)) : null;
            var (content, description) = isWrite ? FuzzValues.Body(random, endpoint.Fields) : (null, "no body");
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path) { Content = content };
            if (!endpoint.Anonymous) request.Headers.Authorization = new AuthenticationHeaderValue("Token", ApiFactory.AdminToken);
            var response = await ApiResponse.ReadAsync(await http.SendAsync(request));
            sent += isWrite ? 3 : 1;

            var what = $"seed {seed}, request {sent}: {endpoint.Method} {path} with {description} -> {response}";
            Assert.True((int)response.Status < 500, $"5xx: {what}");
            if ((int)response.Status >= 400)
            {
                Assert.True(response.Message.Content.Headers.ContentType?.MediaType == "application/json", $"non-JSON error: {what}");
                Assert.True(IsJson(response.Body), $"error body is not JSON: {what}");
            }
            if (!isWrite) continue;
            var after = await ReadAsync(http, endpoint.Read(targets));
            if ((int)response.Status >= 400)
            {
                refusedWrites++;
                Assert.True(before == after, $"a refused write changed {endpoint.Read(targets)}: {what}\nbefore: {before}\nafter:  {after}");
            }
            else
            {
                // An accepted change of the checklist starts a background job that recomputes the offering users; the
                // next comparison must not see its work as the change of a refused write.
                await world.WaitForSyncIdleAsync(targets.Offering);
                sent++;
            }
        }
        output.WriteLine($"{sent} requests ({refusedWrites} refused writes) in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<string> ReadAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", ApiFactory.AdminToken);
        var response = await ApiResponse.ReadAsync(await http.SendAsync(request));
        Assert.True((int)response.Status < 500, $"5xx on the read of {path}: {response}");
        return $"{(int)response.Status} {response.Header("X-Result-Count")} {response.Body}";
    }

    private static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>The objects the sweep aims at: a checklist with questions of several types, its offering, an offering user.</summary>
public sealed record FuzzTargets(
    string Checklist, string TextQuestion, string SelectQuestion, string NumberQuestion, string Option, string Dependency,
    string Customer, string Provider, string Offering, string User, string OfferingUser)
{
    public static async Task<FuzzTargets> CreateAsync(ApiWorld world)
    {
        var (checklist, questions) = await world.CreateChecklistWithQuestionsAsync(
            new { description = "Name", question_type = "text_input", required = true },
            new { description = "Pick", question_type = "single_select" },
            new { description = "Count", question_type = "number", min_value = 0, max_value = 10 });
        var option = await world.CreateOptionAsync(questions[1], "One");
        var dependency = (await world.Admin.PostAsync("/api/checklists-admin-question-dependencies/", new
        {
            question = questions[0], depends_on_question = questions[1], @operator = "equals", required_answer_value = new[] { option },
        })).Expect(HttpStatusCode.Created)["uuid"];
        var provider = await world.CreateProviderWorldAsync(checklist);
        var user = await world.CreateUserRecordAsync();
        var offeringUser = await world.CreateOfferingUserAsync(provider.Offering, user);
        return new FuzzTargets(checklist, questions[0], questions[1], questions[2], option, dependency, provider.Customer,
            provider.Provider, provider.Offering, user, offeringUser);
    }
}

/// <summary>One endpoint of API.md: its method and path, the body fields it reads, and the read that shows what it changes.</summary>
public sealed record FuzzEndpoint(string Method, Func<FuzzTargets, string> Path, string[] Fields, Func<FuzzTargets, string> Read, bool Anonymous = false);

public static class FuzzEndpoints
{
    private static string Questions(FuzzTargets t) => $"/api/checklists-admin/{t.Checklist}/questions/";
    private static string OfferingUser(FuzzTargets t) => $"/api/marketplace-offering-users/{t.OfferingUser}/";
    private static string Checklist(FuzzTargets t) => $"/api/marketplace-offering-users/{t.OfferingUser}/checklist/";

    private static readonly string[] QuestionFields =
    [
        "checklist", "description", "question_type", "required", "order", "user_guidance", "always_show_guidance", "guidance_answer_value",
        "guidance_operator", "operator", "review_answer_value", "always_requires_review", "min_value", "max_value", "dependency_logic_operator",
        "allowed_file_types", "allowed_mime_types", "max_file_size_mb", "max_files_count", "likert_scale_length", "rich_text_char_limit",
    ];

    public static readonly IReadOnlyList<FuzzEndpoint> All =
    [
        new("POST", _ => "/api-auth/password/", ["username", "password"], _ => "/api/users/me/", Anonymous: true),
        new("GET", _ => "/api/users/", [], _ => "/api/users/"),
        new("GET", t => $"/api/users/{t.User}/", [], _ => "/api/users/"),
        new("POST", _ => "/api/users/", ["username", "full_name", "email", "password", "is_staff", "is_support", "token_lifetime"], _ => "/api/users/"),
        new("GET", _ => "/api/customers/", [], _ => "/api/customers/"),
        new("POST", _ => "/api/customers/", ["name"], _ => "/api/customers/"),
        new("POST", t => $"/api/customers/{t.Customer}/add_user/", ["user", "role"], t => $"/api/customers/{t.Customer}/"),
        new("POST", t => $"/api/customers/{t.Customer}/delete_user/", ["user"], t => $"/api/customers/{t.Customer}/"),
        new("POST", _ => "/api/marketplace-service-providers/", ["customer", "description"], _ => "/api/marketplace-service-providers/"),
        new("GET", t => $"/api/marketplace-service-providers/{t.Provider}/compliance/compliance_overview/", [], _ => "/"),
        new("GET", t => $"/api/marketplace-service-providers/{t.Provider}/compliance/offering_users/", [], _ => "/"),
        new("GET", t => $"/api/marketplace-service-providers/{t.Provider}/compliance/checklists_summary/", [], _ => "/"),
        new("GET", t => $"/api/marketplace-service-providers/{t.Provider}/compliance/export/", [], _ => "/"),
        new("POST", _ => "/api/marketplace-provider-offerings/", ["name", "description", "customer", "compliance_checklist"],
            _ => "/api/marketplace-provider-offerings/"),
        new("POST", t => $"/api/marketplace-provider-offerings/{t.Offering}/update_compliance_checklist/", ["compliance_checklist"],
            t => $"/api/marketplace-provider-offerings/{t.Offering}/"),
        new("GET", t => $"/api/marketplace-provider-offerings/{t.Offering}/compliance_sync/", [], _ => "/"),
        new("GET", _ => "/api/marketplace-public-offerings/", [], _ => "/", Anonymous: true),
        new("POST", _ => "/api/marketplace-offering-users/", ["offering", "user", "username"], _ => "/api/marketplace-offering-users/"),
        new("PATCH", t => $"/api/marketplace-offering-users/{t.OfferingUser}/", ["username", "state", "is_restricted"], OfferingUser),
        new("GET", Checklist, [], _ => "/"),
        new("GET", t => $"/api/marketplace-offering-users/{t.OfferingUser}/completion_status/", [], _ => "/"),
        new("POST", t => $"/api/marketplace-offering-users/{t.OfferingUser}/submit_answers/", ["@answers"], Checklist),
        new("GET", t => $"/api/marketplace-offering-users/{t.OfferingUser}/history/", [], _ => "/"),
        new("GET", t => $"/api/marketplace-offering-users/{t.OfferingUser}/checklist_review/", [], _ => "/"),
        new("POST", t => $"/api/marketplace-offering-users/{t.OfferingUser}/review/", ["review_notes"],
            t => $"/api/marketplace-offering-users/{t.OfferingUser}/checklist_review/"),
        new("GET", _ => "/api/marketplace-offering-user-checklist-completions/", [], _ => "/"),
        new("POST", _ => "/api/checklists-admin/", ["name", "description", "checklist_type"], _ => "/api/checklists-admin/"),
        new("PATCH", t => $"/api/checklists-admin/{t.Checklist}/", ["name", "description", "checklist_type"], t => $"/api/checklists-admin/{t.Checklist}/"),
        new("PUT", t => $"/api/checklists-admin/{t.Checklist}/", ["name", "description", "checklist_type"], t => $"/api/checklists-admin/{t.Checklist}/"),
        new("GET", Questions, [], _ => "/"),
        new("POST", _ => "/api/checklists-admin-questions/", QuestionFields, Questions),
        new("PATCH", t => $"/api/checklists-admin-questions/{t.TextQuestion}/", QuestionFields, Questions),
        new("PATCH", t => $"/api/checklists-admin-questions/{t.NumberQuestion}/", QuestionFields, Questions),
        new("PUT", t => $"/api/checklists-admin-questions/{t.SelectQuestion}/", QuestionFields, Questions),
        new("POST", _ => "/api/checklists-admin-question-options/", ["question", "label", "order"], Questions),
        new("PATCH", t => $"/api/checklists-admin-question-options/{t.Option}/", ["question", "label", "order"], Questions),
        new("POST", _ => "/api/checklists-admin-question-dependencies/", ["question", "depends_on_question", "operator", "required_answer_value"], Questions),
        new("PATCH", t => $"/api/checklists-admin-question-dependencies/{t.Dependency}/", ["question", "depends_on_question", "operator", "required_answer_value"], Questions),
        new("GET", _ => "/api/checklists-admin-question-dependencies/", [], _ => "/"),
    ];
}

/// <summary>Hostile values, bodies and query strings, all drawn from one seeded <see cref="Random"/>.</summary>
public static class FuzzValues
{
    private static readonly string[] Scalars =
    [
        "\"\\ud800\"", "\"\\udc00x\"", "\"a\\u0000b\"", "\"\\u0000\"", "\"\"", "\" \"", "null", "true", "false", "0", "-1", "1e400", "-1e400",
        "99999999999999999999999999999999", "1.0000000000000000000000001", "2147483648", "-2147483649", "\"NaN\"", "\"Infinity\"",
        "\"not-a-uuid\"", "\"00000000000000000000000000000000\"", "\"https://x/api/users/zz/\"", "[]", "{}", "[null]", "\"<script>\"",
        "\"\\ud83d\\ude00\"", "\"equals\"", "\"text_input\"", "\"in\"", "\"owner\"", "\"offering_compliance\"", "[\"a\", 1, null]",
    ];

    private static readonly string[] QueryValues =
        ["", "-1", "0", "abc", "99999999999999", "%00", "%ED%A0%80", "%C3%28", "%FF", "a%00b", "true", "completed", "1e9", "%25"];

    private static readonly string[] QueryNames = ["page", "page_size", "compliance_status", "is_completed", "username", "offering_uuid", "format", "o", "%FF"];

    public static string Query(Random random)
    {
        if (random.Next(3) != 0) return "";
        var count = random.Next(1, 4);
        return "?" + string.Join("&", Enumerable.Range(0, count).Select(_ => $"{Pick(random, QueryNames)}={Pick(random, QueryValues)}"));
    }

    public static (HttpContent? Content, string Description) Body(Random random, string[] fields)
    {
        switch (random.Next(20))
        {
            case 0: return (null, "no body");
            case 1: return (Text(Value(random, 0), Pick(random, ["text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded"])), "odd content type");
            case 2: return (Bytes([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]), "invalid UTF-8");
            case 3: return (Bytes([0xFF, 0xFE, 0x7B, 0x7D]), "UTF-16 byte order mark");
            case 4: return (Text(new string('[', 200) + new string(']', 200)), "deep nesting");
            case 5: return (Text("{\"a\": " + string.Concat(Enumerable.Repeat("{\"b\": ", 70)) + "1" + new string('}', 71)), "deep object");
            case 6: return (Text("{,}"), "malformed JSON");
            case 7: return (Text(Value(random, 0)), "a scalar body");
        }
        var body = fields is ["@answers"] ? Answers(random) : Object(random, fields);
        return (Text(body), body.Length > 300 ? body[..300] + "…" : body);
    }

    private static string Object(Random random, string[] fields)
    {
        var members = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => $"\"{Pick(random, fields)}\": {Value(random, 0)}")
            .ToList();
        if (random.Next(6) == 0) members.Add(members[0]); // a duplicate key
        if (random.Next(8) == 0) members.Add("\"\\ud800key\": 1");
        return "{" + string.Join(", ", members) + "}";
    }

    private static string Answers(Random random) =>
        "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(5) == 0
            ? Value(random, 0)
            : $"{{\"question_uuid\": {Value(random, 0)}, \"answer_data\": {Value(random, 0)}}}")) + "]";

    private static string Value(Random random, int depth) => random.Next(12) switch
    {
        0 when depth < 3 => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Value(random, depth + 1))) + "]",
        1 when depth < 3 => $"{{\"{Pick(random, ["k", "\\u0000", "value"])}\": {Value(random, depth + 1)}}}",
        2 => JsonSerializer.Serialize(new string((char)random.Next('a', 'z' + 1), random.Next(1, 5) * 20_000)),
        _ => Pick(random, Scalars),
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static StringContent Text(string body, string contentType = "application/json") =>
        new(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType.Contains('/') ? contentType : "application/json"));

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
