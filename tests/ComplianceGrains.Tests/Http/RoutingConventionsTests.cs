using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Paths and methods (API.md §0): malformed path UUIDs, unknown routes, unsupported methods.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoutingConventionsTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Theory]
    [InlineData("GET", "/api/users/not-a-uuid/")]
    [InlineData("POST", "/api/users/not-a-uuid/refresh_token/")]
    [InlineData("GET", "/api/customers/123/")]
    [InlineData("POST", "/api/customers/123/add_user/")]
    [InlineData("POST", "/api/customers/123/delete_user/")]
    [InlineData("GET", "/api/marketplace-service-providers/xyz/")]
    [InlineData("GET", "/api/marketplace-provider-offerings/xyz/")]
    [InlineData("POST", "/api/marketplace-provider-offerings/xyz/archive/")]
    [InlineData("GET", "/api/marketplace-public-offerings/xyz/")]
    [InlineData("GET", "/api/marketplace-offering-users/xyz/")]
    [InlineData("PATCH", "/api/marketplace-offering-users/xyz/")]
    [InlineData("DELETE", "/api/marketplace-offering-users/xyz/")]
    [InlineData("GET", "/api/checklists-admin/xyz/")]
    [InlineData("PUT", "/api/checklists-admin/xyz/")]
    [InlineData("DELETE", "/api/checklists-admin/xyz/")]
    [InlineData("GET", "/api/checklists-admin/xyz/questions/")]
    [InlineData("GET", "/api/checklists-admin-questions/3f2c0e6b-9d2a/")]
    [InlineData("PATCH", "/api/checklists-admin-questions/xyz/")]
    [InlineData("GET", "/api/checklists-admin-question-options/xyz/")]
    [InlineData("DELETE", "/api/checklists-admin-question-options/xyz/")]
    public async Task A_malformed_uuid_in_a_path_is_404(string method, string path) =>
        (await _world.Admin.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : new { }))
            .ExpectDetail(HttpStatusCode.NotFound, "Not found.");

    [Theory]
    [InlineData("/api/users/{0}/")]
    [InlineData("/api/customers/{0}/")]
    [InlineData("/api/marketplace-provider-offerings/{0}/")]
    [InlineData("/api/marketplace-public-offerings/{0}/")]
    [InlineData("/api/marketplace-offering-users/{0}/")]
    [InlineData("/api/checklists-admin/{0}/")]
    [InlineData("/api/checklists-admin-questions/{0}/")]
    [InlineData("/api/checklists-admin-question-options/{0}/")]
    public async Task An_unknown_uuid_in_a_path_is_404(string path) =>
        (await _world.Admin.GetAsync(string.Format(path, Guid.NewGuid().ToString("N")))).ExpectDetail(HttpStatusCode.NotFound, "Not found.");

    [Theory]
    [InlineData("/api/nothing-here/")]
    [InlineData("/api/users/me/extra/")]
    public async Task An_unknown_route_is_404_with_a_json_body(string path) =>
        (await _world.Admin.GetAsync(path)).ExpectDetail(HttpStatusCode.NotFound, "Not found.");

    [Theory]
    [InlineData("PUT", "/api/users/me/")]
    [InlineData("DELETE", "/api/users/me/")]
    [InlineData("PUT", "/api/customers/")]
    [InlineData("GET", "/api-auth/password/")]
    [InlineData("DELETE", "/api/marketplace-public-offerings/")]
    [InlineData("PUT", "/api/marketplace-offering-users/")]
    [InlineData("PATCH", "/api/checklists-admin/")]
    public async Task An_unsupported_method_is_405_naming_the_method(string method, string path) =>
        (await _world.Admin.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : new { }))
            .ExpectDetail(HttpStatusCode.MethodNotAllowed, $"Method \"{method}\" not allowed.");

    [Fact]
    public async Task An_unsupported_method_on_an_object_is_405()
    {
        var customer = await _world.CreateCustomerAsync();
        (await _world.Admin.PutAsync($"/api/customers/{customer}/", new { name = "x" }))
            .ExpectDetail(HttpStatusCode.MethodNotAllowed, "Method \"PUT\" not allowed.");
    }
}
