using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>How request bodies are refused (API.md §0): always a 4xx with a JSON body, never a 5xx, nothing stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestBodyConventionsTests(ApiFactory factory)
{
    private const string Checklists = "/api/checklists-admin/";

    private readonly ApiWorld _world = new(factory);

    private Task<ApiResponse> PostChecklistAsync(string body, string contentType = "application/json") =>
        _world.Admin.SendRawAsync(HttpMethod.Post, Checklists, body, contentType);

    /// <summary>Asserts that no checklist with this name was stored.</summary>
    private async Task ExpectNoChecklistNamedAsync(string name) =>
        Assert.DoesNotContain(name, (await _world.Admin.ListAllAsync($"{Checklists}?page_size=300")).Select(c => c["name"]!.GetValue<string>()));

    [Theory]
    [InlineData("""{"name": """)]
    [InlineData("""{"name": "x",}""")]
    [InlineData("""{'name': 'x'}""")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_400_with_a_json_detail(string body)
    {
        var response = (await PostChecklistAsync(body)).Expect(HttpStatusCode.BadRequest);

        response.ExpectJsonError();
        Assert.StartsWith("JSON parse error", response["detail"]);
    }

    [Theory]
    [InlineData("[]", "list")]
    [InlineData("""["name"]""", "list")]
    [InlineData("\"name\"", "str")]
    [InlineData("42", "int")]
    [InlineData("true", "bool")]
    public async Task A_body_that_is_not_an_object_is_400(string body, string pythonType) =>
        (await PostChecklistAsync(body)).ExpectFieldError("non_field_errors", $"Invalid data. Expected a dictionary, but got {pythonType}.");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_non_json_content_type_is_415_and_nothing_is_stored(string contentType)
    {
        var name = ApiWorld.Unique("checklist");

        var response = (await PostChecklistAsync($$"""{"name": "{{name}}"}""", contentType)).Expect(HttpStatusCode.UnsupportedMediaType);

        response.ExpectJsonError();
        await ExpectNoChecklistNamedAsync(name);
    }

    [Fact]
    public async Task A_json_content_type_with_charset_is_accepted() =>
        (await PostChecklistAsync($$"""{"name": "{{ApiWorld.Unique("checklist")}}"}""", "application/json; charset=utf-8"))
            .Expect(HttpStatusCode.Created);

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413_and_nothing_is_stored()
    {
        var name = ApiWorld.Unique("checklist");
        var body = $$"""{"name": "{{name}}", "description": "{{new string('x', 1024 * 1024)}}"}""";

        var response = (await PostChecklistAsync(body)).Expect(HttpStatusCode.RequestEntityTooLarge);

        response.ExpectJsonError();
        await ExpectNoChecklistNamedAsync(name);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read_and_validated()
    {
        var body = $$"""{"name": "{{ApiWorld.Unique("checklist")}}", "description": "{{new string('x', 1000 * 1000)}}"}""";

        (await PostChecklistAsync(body)).ExpectFieldError("description");
    }

    [Fact]
    public async Task Deeply_nested_json_is_400_not_a_server_error()
    {
        var body = $$"""{"name": "deep", "description": {{new string('[', 5000)}}{{new string(']', 5000)}}}""";

        (await PostChecklistAsync(body)).Expect(HttpStatusCode.BadRequest).ExpectJsonError();
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("1234")]
    [InlineData(42)]
    [InlineData(true)]
    public async Task A_malformed_uuid_in_a_body_is_400_must_be_a_valid_uuid(object customer) =>
        (await _world.Admin.PostAsync("/api/marketplace-service-providers/", new { customer }))
            .ExpectFieldError("customer", "Must be a valid UUID.");

    [Fact]
    public async Task Wrong_field_types_are_400_field_errors_with_every_bad_field_named()
    {
        var response = (await PostChecklistAsync("""{"name": {"nested": 1}, "checklist_type": ["offering_compliance"]}"""))
            .Expect(HttpStatusCode.BadRequest);

        response.ExpectFieldError("name").ExpectFieldError("checklist_type");
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var response = (await PostChecklistAsync($$"""{"name": "{{ApiWorld.Unique("checklist")}}", "colour": "blue"}"""))
            .Expect(HttpStatusCode.Created);

        Assert.Null(response.Json!["colour"]);
    }
}
