using System.Net;
using ComplianceGrains.Tests.Support;
using ComplianceGrains.Tests.Support.Contract;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// API.md §9: /api/schema/ names operations and components as Waldur's schema does, and it is the contract every HTTP
/// test's responses are checked against (<see cref="ContractValidatingHandler"/>).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFactory factory)
{
    [Theory]
    [InlineData("checklists_admin_questions_create", "POST", "/api/checklists-admin-questions/")]
    [InlineData("checklists_admin_checklist_questions", "GET", "/api/checklists-admin/{uuid}/questions/")]
    [InlineData("checklists_admin_count", "HEAD", "/api/checklists-admin/")]
    [InlineData("marketplace_offering_users_submit_answers", "POST", "/api/marketplace-offering-users/{uuid}/submit_answers/")]
    [InlineData("marketplace_offering_users_checklist_retrieve", "GET", "/api/marketplace-offering-users/{uuid}/checklist/")]
    [InlineData("marketplace_offering_users_checklist_template_retrieve", "GET", "/api/marketplace-offering-users/checklist-template/")]
    [InlineData("service_provider_compliance_overview", "GET", "/api/marketplace-service-providers/{uuid}/compliance/compliance_overview/")]
    [InlineData("service_provider_offering_users_compliance", "GET", "/api/marketplace-service-providers/{uuid}/compliance/offering_users/")]
    [InlineData("marketplace_offering_user_checklist_completions_list", "GET", "/api/marketplace-offering-user-checklist-completions/")]
    [InlineData("marketplace_provider_offerings_update_compliance_checklist", "POST", "/api/marketplace-provider-offerings/{uuid}/update_compliance_checklist/")]
    [InlineData("customers_add_user", "POST", "/api/customers/{uuid}/add_user/")]
    [InlineData("users_refresh_token", "POST", "/api/users/{uuid}/refresh_token/")]
    [InlineData("api_auth_password", "POST", "/api-auth/password/")]
    public async Task Operations_have_waldurs_operation_ids(string operationId, string method, string path)
    {
        var operations = (await factory.ContractAsync()).OperationIds;
        Assert.True(operations.TryGetValue(operationId, out var operation), $"no operation {operationId}");
        Assert.Equal((method, path), operation);
    }

    [Fact]
    public async Task Components_have_waldurs_names()
    {
        using var client = factory.CreateClient();
        var schemas = (await new ApiClient(client, null).GetAsync("/api/schema/")).Expect(HttpStatusCode.OK).Json!["components"]!["schemas"]!.AsObject();
        foreach (var name in new[]
                 {
                     "Checklist", "QuestionAdmin", "QuestionOptionsAdmin", "QuestionDependency", "ChecklistResponse", "ChecklistCompletion",
                     "ChecklistReviewerResponse", "ChecklistCompletionReviewer", "QuestionWithAnswer", "Answer", "AnswerSubmitResponse",
                     "ChecklistTemplate", "ServiceProviderComplianceOverview", "ServiceProviderOfferingUserCompliance",
                     "ServiceProviderChecklistSummary", "UserChecklistCompletion", "User", "UserAuthToken", "UserRoleExpirationTime",
                     "DetailState",
                 })
            Assert.True(schemas.ContainsKey(name), name);
    }

    [Fact]
    public async Task A_response_that_differs_from_the_document_is_a_violation()
    {
        var contract = await factory.ContractAsync();
        const string path = "/api/checklists-admin/3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10/";
        const string valid = """
            {"uuid": "3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10", "url": "http://localhost/x/", "name": "n", "description": "",
             "checklist_type": "offering_compliance", "questions_count": 0, "created": "2024-01-15T10:30:00.123456Z",
             "modified": "2024-01-15T10:30:00.123456Z"}
            """;
        Assert.Empty(contract.Check("GET", path, 200, "application/json", valid));

        Assert.NotEmpty(contract.Check("GET", path, 200, "application/json", valid.Replace("\"description\": \"\"", "\"description\": null")));
        Assert.NotEmpty(contract.Check("GET", path, 200, "application/json", valid.Replace("offering_compliance", "customer_compliance")));
        Assert.NotEmpty(contract.Check("GET", path, 200, "application/json", valid.Replace("\"name\": \"n\",", "")));
        Assert.NotEmpty(contract.Check("GET", path, 200, "application/json", valid.Replace("\"name\": \"n\",", "\"name\": \"n\", \"extra\": 1,")));
        Assert.NotEmpty(contract.Check("GET", path, 201, "application/json", valid));
        Assert.NotEmpty(contract.Check("GET", "/api/undocumented/", 200, "application/json", "{}"));
    }
}
