using System.Net;

namespace ComplianceGrains.Tests.Support;

/// <summary>Builds the objects a test needs through the public API, each with unique names.</summary>
public sealed class ApiWorld(HttpClient http, string adminToken)
{
    public ApiWorld(ApiFactory factory) : this(factory.CreateContractClient(), ApiFactory.AdminToken)
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

    /// <summary>Creates a user without logging in (cheaper, for rows nobody acts as).</summary>
    public async Task<string> CreateUserRecordAsync(string? fullName = null)
    {
        var username = Unique("user");
        var created = (await Admin.PostAsync("/api/users/", new
        {
            username, full_name = fullName ?? $"Full {username}", email = $"{username}@example.com",
        })).Expect(HttpStatusCode.Created);
        return created["uuid"];
    }

    public async Task<string> CreateCustomerAsync()
    {
        var response = (await Admin.PostAsync("/api/customers/", new { name = Unique("customer") })).Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    public Task AddRoleAsync(string customer, TestUser user, string role) => AddRoleAsync(customer, user.Id, role);

    public async Task AddRoleAsync(string customer, string userId, string role) =>
        (await Admin.PostAsync($"/api/customers/{customer}/add_user/", new { user = userId, role })).Expect(HttpStatusCode.Created);

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

    public async Task<string> CreateOfferingUserAsync(string offering, string user)
    {
        var response = (await Admin.PostAsync("/api/marketplace-offering-users/", new { offering, user }))
            .Expect(HttpStatusCode.Created);
        return response["uuid"];
    }

    /// <summary>A checklist with the given questions (anonymous objects of question fields), returning their uuids in order.</summary>
    public async Task<(string Checklist, IReadOnlyList<string> Questions)> CreateChecklistWithQuestionsAsync(params object[] questions)
    {
        var checklist = await CreateChecklistAsync();
        var ids = new List<string>();
        foreach (var question in questions) ids.Add(await CreateQuestionAsync(checklist, question));
        return (checklist, ids);
    }

    /// <summary>
    /// A provider whose offering uses a new checklist with the given questions, and a logged-in user registered on it.
    /// </summary>
    public async Task<OfferingUserWorld> CreateOfferingUserWorldAsync(params object[] questions)
    {
        var (checklist, ids) = await CreateChecklistWithQuestionsAsync(questions);
        var provider = await CreateProviderWorldAsync(checklist);
        var user = await CreateUserAsync();
        var offeringUser = await CreateOfferingUserAsync(provider.Offering, user);
        return new OfferingUserWorld(provider, checklist, ids, user, offeringUser);
    }

    /// <summary>POSTs submit_answers/ with (question, answer_data) items; a null answer is sent as JSON null.</summary>
    public static Task<ApiResponse> SubmitAsync(ApiClient client, string offeringUser, params (string Question, object? Answer)[] items) =>
        client.PostAsync(
            $"/api/marketplace-offering-users/{offeringUser}/submit_answers/",
            items.Select(i => new Dictionary<string, object?> { ["question_uuid"] = i.Question, ["answer_data"] = i.Answer }).ToList());

    public async Task<ApiResponse> UpdateChecklistAsync(string offering, string? checklist) =>
        (await Admin.PostAsync($"/api/marketplace-provider-offerings/{offering}/update_compliance_checklist/", new { compliance_checklist = checklist }))
        .Expect(HttpStatusCode.OK);

    /// <summary>PUTs the offering's compliance policy and waits until every completion has been re-evaluated.</summary>
    public async Task SetCompliancePolicyAsync(string offering, object policy)
    {
        (await Admin.PutAsync($"/api/marketplace-provider-offerings/{offering}/compliance_policy/", policy)).Expect(HttpStatusCode.OK);
        await WaitForSyncIdleAsync(offering);
    }

    /// <summary>Polls compliance_sync/ until the offering's background job is idle, and returns that status.</summary>
    public Task<ApiResponse> WaitForSyncIdleAsync(string offering) =>
        Eventually.UntilAsync(
            () => Admin.GetAsync($"/api/marketplace-provider-offerings/{offering}/compliance_sync/"),
            r => r.Status == HttpStatusCode.OK && r["state"] == "idle",
            $"compliance_sync/ of {offering} to be idle");

    /// <summary>
    /// A provider with two offerings: "zz-…" uses a checklist of one required boolean question and has the users
    /// "Zoe" and "Adam"; "aa-…" has no checklist and the user "Mia".
    /// </summary>
    public async Task<MonitoredProvider> CreateMonitoredProviderAsync()
    {
        var customer = await CreateCustomerAsync();
        var provider = await CreateProviderAsync(customer);
        var (checklist, questions) = await CreateChecklistWithQuestionsAsync(new { description = "Agree", question_type = "boolean", required = true });
        var checklistOffering = await CreateOfferingAsync(customer, checklist, Unique("zz"));
        var plainOffering = await CreateOfferingAsync(customer, null, Unique("aa"));
        var zoe = await CreateOfferingUserAsync(checklistOffering, await CreateUserRecordAsync(Unique("Zoe")));
        var adam = await CreateOfferingUserAsync(checklistOffering, await CreateUserRecordAsync(Unique("Adam")));
        var mia = await CreateOfferingUserAsync(plainOffering, await CreateUserRecordAsync(Unique("Mia")));
        return new MonitoredProvider(customer, provider, checklist, questions[0], checklistOffering, plainOffering, zoe, adam, mia);
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

public sealed record OfferingUserWorld(
    ProviderWorld Provider, string Checklist, IReadOnlyList<string> Questions, TestUser User, string OfferingUser)
{
    public string Path(string action) => $"/api/marketplace-offering-users/{OfferingUser}/{action}/";
}

public sealed record MonitoredProvider(
    string Customer, string Provider, string Checklist, string Question, string ChecklistOffering, string PlainOffering,
    string Zoe, string Adam, string Mia)
{
    public string Path(string action) => $"/api/marketplace-service-providers/{Provider}/compliance/{action}/";
}

public sealed record ProviderWorld(
    string Customer, string Provider, string Offering, TestUser Owner, TestUser Manager, TestUser SupportRole);
