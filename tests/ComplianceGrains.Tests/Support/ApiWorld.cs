using System.Net;

namespace ComplianceGrains.Tests.Support;

/// <summary>Builds the objects a test needs through the public API, each with unique names.</summary>
public sealed class ApiWorld(HttpClient http, string adminToken)
{
    public ApiWorld(ApiFactory factory) : this(factory.CreateClient(), ApiFactory.AdminToken)
    {
    }

    public HttpClient Http { get; } = http;

    public ApiClient Admin => new(Http, adminToken);

    public ApiClient Anonymous => new(Http, null);

    public ApiClient As(string token) => new(Http, token);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Creates a user with a password and logs in as them.</summary>
    public async Task<TestUser> CreateUserAsync(bool staff = false, bool support = false, string? fullName = null)
    {
        var username = Unique("user");
        var created = (await Admin.PostAsync("/api/users/", new
        {
            username,
            full_name = fullName ?? $"Full {username}",
            email = $"{username}@example.com",
            password = "secret-password",
            is_staff = staff,
            is_support = support,
        })).Expect(HttpStatusCode.Created);
        var login = (await Anonymous.PostAsync("/api-auth/password/", new { username, password = "secret-password" }))
            .Expect(HttpStatusCode.OK);
        return new TestUser(created["uuid"], username, As(login["token"]));
    }

    /// <summary>Creates a user without a password (it cannot log in) and returns its uuid; cheap, for targets of requests.</summary>
    public async Task<string> CreateBareUserAsync()
    {
        var response = (await Admin.PostAsync("/api/users/", new { username = Unique("bare") })).Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public async Task<string> CreateCustomerAsync()
    {
        var response = (await Admin.PostAsync("/api/customers/", new { name = Unique("customer") })).Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public Task AddRoleAsync(string customer, TestUser user, string role) => AddRoleAsync(customer, user.Id, role);

    public async Task AddRoleAsync(string customer, string userId, string role) =>
        (await Admin.PostAsync($"/api/customers/{customer}/add_user/", new { user = userId, role })).Expect(HttpStatusCode.OK);

    public async Task<string> CreateProviderAsync(string customer)
    {
        var response = (await Admin.PostAsync("/api/marketplace-service-providers/", new { customer })).Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public async Task<string> CreateChecklistAsync(string? name = null)
    {
        var response = (await Admin.PostAsync("/api/checklists-admin/", new { name = name ?? Unique("checklist") }))
            .Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public async Task<string> CreateQuestionAsync(string checklist, object fields)
    {
        var body = new Dictionary<string, object?> { ["checklist"] = checklist };
        foreach (var property in fields.GetType().GetProperties()) body[property.Name] = property.GetValue(fields);
        var response = (await Admin.PostAsync("/api/checklists-admin-questions/", body)).Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public async Task<string> CreateOptionAsync(string question, string label, int order = 0)
    {
        var response = (await Admin.PostAsync("/api/checklists-admin-question-options/", new { question, label, order }))
            .Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public async Task<string> CreateOfferingAsync(string customer, string? checklist = null, string? name = null)
    {
        var response = (await Admin.PostAsync("/api/marketplace-provider-offerings/", new
        {
            name = name ?? Unique("offering"),
            customer,
            compliance_checklist = checklist,
        })).Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public Task<string> CreateOfferingUserAsync(string offering, TestUser user) => CreateOfferingUserAsync(offering, user.Id);

    public async Task<string> CreateOfferingUserAsync(string offering, string userId)
    {
        var response = (await Admin.PostAsync("/api/marketplace-offering-users/", new { offering, user = userId }))
            .Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    /// <summary>A customer with a service provider and the given roles filled by new users.</summary>
    public async Task<ProviderWorld> CreateProviderWorldAsync(string? checklist = null)
    {
        var customer = await CreateCustomerAsync();
        var provider = await CreateProviderAsync(customer);
        var owner = await CreateUserAsync();
        var manager = await CreateUserAsync();
        var supportRole = await CreateUserAsync();
        await AddRoleAsync(customer, owner, "owner");
        await AddRoleAsync(customer, manager, "manager");
        await AddRoleAsync(customer, supportRole, "support");
        var offering = await CreateOfferingAsync(customer, checklist);
        return new ProviderWorld(customer, provider, offering, owner, manager, supportRole);
    }
}

public sealed record TestUser(string Id, string Username, ApiClient Client);

public sealed record ProviderWorld(
    string Customer, string Provider, string Offering, TestUser Owner, TestUser Manager, TestUser SupportRole);
