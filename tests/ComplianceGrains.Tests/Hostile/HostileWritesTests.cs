using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ComplianceGrains.Domain;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Hostile;

/// <summary>
/// Every write endpoint refuses text that is not valid Unicode or holds NUL with a 400 naming the field, and changes
/// nothing: what its resource reads before and after is the same.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileWritesTests(ApiFactory factory)
{
    /// <summary>The hostile strings, as JSON string literals (escapes, so that the request body itself is valid UTF-8).</summary>
    public static readonly IReadOnlyDictionary<string, (string Json, string Message)> Values = new Dictionary<string, (string, string)>
    {
        ["high surrogate"] = ("\"\\ud800\"", TextRules.InvalidUnicode),
        ["low surrogate"] = ("\"a\\udc00b\"", TextRules.InvalidUnicode),
        ["reversed pair"] = ("\"\\udc00\\ud800\"", TextRules.InvalidUnicode),
        ["nul"] = ("\"a\\u0000b\"", TextRules.NullCharacter),
    };

    private static readonly ConcurrentDictionary<ApiFactory, Task<Targets>> Worlds = new();

    private readonly ApiWorld _world = new(factory);

    private sealed record Targets(
        string Checklist, string TextQuestion, string SelectQuestion, string Option, string Dependency, string Customer,
        string FreeCustomer, string OfferingUser);

    /// <summary>One write endpoint: its request (BAD stands for the hostile value), the field it names, what must not change.</summary>
    private sealed record Write(string Method, Func<Targets, string> Path, Func<Targets, string> Body, string Field, Func<Targets, string> Read);

    private static readonly Dictionary<string, Write> Writes = new()
    {
        ["create checklist"] = new("POST", _ => "/api/checklists-admin/", _ => """{"name": BAD}""", "name", _ => "/api/checklists-admin/"),
        ["patch checklist"] = new("PATCH", t => $"/api/checklists-admin/{t.Checklist}/", _ => """{"description": BAD}""", "description",
            t => $"/api/checklists-admin/{t.Checklist}/"),
        ["put checklist"] = new("PUT", t => $"/api/checklists-admin/{t.Checklist}/", _ => """{"name": BAD, "description": "d"}""", "name",
            t => $"/api/checklists-admin/{t.Checklist}/"),
        ["create question"] = new("POST", _ => "/api/checklists-admin-questions/",
            t => $$"""{"checklist": "{{t.Checklist}}", "description": BAD, "question_type": "text_input"}""", "description", Questions),
        ["create question with a review value"] = new("POST", _ => "/api/checklists-admin-questions/",
            t => $$"""{"checklist": "{{t.Checklist}}", "description": "q", "question_type": "text_input", "operator": "equals", "review_answer_value": BAD}""",
            "review_answer_value", Questions),
        ["create question with a guidance value"] = new("POST", _ => "/api/checklists-admin-questions/",
            t => $$"""{"checklist": "{{t.Checklist}}", "description": "q", "question_type": "text_input", "always_show_guidance": false, "guidance_operator": "equals", "guidance_answer_value": [BAD]}""",
            "guidance_answer_value", Questions),
        ["patch question review value"] = new("PATCH", t => $"/api/checklists-admin-questions/{t.TextQuestion}/",
            _ => """{"operator": "equals", "review_answer_value": {"nested": BAD}}""", "review_answer_value", Questions),
        ["patch question description"] = new("PATCH", t => $"/api/checklists-admin-questions/{t.TextQuestion}/",
            _ => """{"description": BAD}""", "description", Questions),
        ["create option"] = new("POST", _ => "/api/checklists-admin-question-options/",
            t => $$"""{"question": "{{t.SelectQuestion}}", "label": BAD}""", "label", Questions),
        ["patch option"] = new("PATCH", t => $"/api/checklists-admin-question-options/{t.Option}/", _ => """{"label": BAD}""", "label", Questions),
        ["create dependency"] = new("POST", _ => "/api/checklists-admin-question-dependencies/",
            t => $$"""{"question": "{{t.TextQuestion}}", "depends_on_question": "{{t.SelectQuestion}}", "operator": "equals", "required_answer_value": BAD}""",
            "required_answer_value", Questions),
        ["patch dependency"] = new("PATCH", t => $"/api/checklists-admin-question-dependencies/{t.Dependency}/",
            _ => """{"required_answer_value": BAD}""", "required_answer_value", Questions),
        ["create customer"] = new("POST", _ => "/api/customers/", _ => """{"name": BAD}""", "name", _ => "/api/customers/"),
        ["create offering"] = new("POST", _ => "/api/marketplace-provider-offerings/", t => $$"""{"name": BAD, "customer": "{{t.Customer}}"}""",
            "name", _ => "/api/marketplace-provider-offerings/"),
        ["create user"] = new("POST", _ => "/api/users/", _ => $$"""{"username": "{{ApiWorld.Unique("user")}}", "full_name": BAD}""", "full_name",
            _ => "/api/users/"),
        ["create service provider"] = new("POST", _ => "/api/marketplace-service-providers/",
            t => $$"""{"customer": "{{t.FreeCustomer}}", "description": BAD}""", "description", _ => "/api/marketplace-service-providers/"),
        ["patch offering user"] = new("PATCH", t => $"/api/marketplace-offering-users/{t.OfferingUser}/", _ => """{"username": BAD}""", "username",
            t => $"/api/marketplace-offering-users/{t.OfferingUser}/"),
        ["review"] = new("POST", t => $"/api/marketplace-offering-users/{t.OfferingUser}/review/", _ => """{"review_notes": BAD}""", "review_notes",
            t => $"/api/marketplace-offering-users/{t.OfferingUser}/checklist_review/"),
        ["sign in"] = new("POST", _ => "/api-auth/password/", _ => """{"username": "admin", "password": BAD}""", "password",
            _ => "/api/users/me/"),
    };

    private static string Questions(Targets t) => $"/api/checklists-admin/{t.Checklist}/questions/";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var write in Writes.Keys)
            foreach (var value in Values.Keys)
                data.Add(write, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_is_a_400_naming_its_field_and_changes_nothing(string writeName, string valueName)
    {
        var targets = await Worlds.GetOrAdd(factory, _ => CreateTargetsAsync());
        var write = Writes[writeName];
        var (json, message) = Values[valueName];
        var before = await SnapshotAsync(write.Read(targets));

        var response = await _world.Admin.SendRawAsync(new HttpMethod(write.Method), write.Path(targets), write.Body(targets).Replace("BAD", json));

        response.ExpectFieldError(write.Field, message);
        Assert.Equal(before, await SnapshotAsync(write.Read(targets)));
    }

    [Fact]
    public async Task A_submitted_answer_with_hostile_text_is_refused_item_by_item_and_the_checklist_and_history_still_read()
    {
        var targets = await Worlds.GetOrAdd(factory, _ => CreateTargetsAsync());
        var path = $"/api/marketplace-offering-users/{targets.OfferingUser}";
        var before = await SnapshotAsync($"{path}/checklist/");

        var response = await _world.Admin.SendRawAsync(HttpMethod.Post, $"{path}/submit_answers/",
            $$"""[{"question_uuid": "{{targets.SelectQuestion}}", "answer_data": null}, {"question_uuid": "{{targets.TextQuestion}}", "answer_data": "\ud800"}]""");

        response.ExpectBody(HttpStatusCode.BadRequest, $$"""[{}, {"answer_data": ["{{TextRules.InvalidUnicode}}"]}]""");
        Assert.Equal(before, await SnapshotAsync($"{path}/checklist/"));
        (await _world.Admin.GetAsync($"{path}/history/")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_a_400_and_change_nothing()
    {
        var before = await SnapshotAsync("/api/customers/");
        // {"name": "a<0xC3 0x28>"}: a lead byte followed by a byte that cannot continue it.
        var body = Encoding.ASCII.GetBytes("{\"name\": \"a").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes("\"}")).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", ApiFactory.AdminToken);

        var response = await ApiResponse.ReadAsync(await _world.Http.SendAsync(request));

        response.ExpectFieldError("name", TextRules.InvalidUnicode);
        Assert.Equal(before, await SnapshotAsync("/api/customers/"));
    }

    [Theory]
    [InlineData("/api/users/?username=a%00b", "username", TextRules.NullCharacter)]
    [InlineData("/api/users/?username=%ED%A0%80", "username", TextRules.InvalidUnicode)]
    [InlineData("/api/users/?username=%C3%28", "username", TextRules.InvalidUnicode)]
    [InlineData("/api/marketplace-offering-user-checklist-completions/?%FF=1", "\uFFFD", TextRules.InvalidUnicode)]
    public async Task A_query_parameter_with_hostile_text_is_a_400_naming_it(string path, string field, string message) =>
        (await _world.Admin.GetAsync(path)).ExpectFieldError(field, message);

    /// <summary>What a client reads: status, body and the result count of a list.</summary>
    private async Task<string> SnapshotAsync(string path)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var response = await _world.Admin.GetAsync(path.EndsWith('/') && path.Count(c => c == '/') <= 3 ? $"{path}{separator}page_size=300" : path);
        return $"{(int)response.Status} {response.Header("X-Result-Count")} {response.Body}";
    }

    private async Task<Targets> CreateTargetsAsync()
    {
        var t = await FuzzTargets.CreateAsync(_world);
        return new Targets(t.Checklist, t.TextQuestion, t.SelectQuestion, t.Option, t.Dependency, t.Customer, await _world.CreateCustomerAsync(), t.OfferingUser);
    }
}
