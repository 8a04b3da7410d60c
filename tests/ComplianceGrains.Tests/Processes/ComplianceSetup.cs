using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Processes;

/// <summary>A provider's offering with a checklist (one required boolean question, one optional text question).</summary>
public sealed record ComplianceSetup(string Customer, string Provider, string Offering, string Checklist, string Required, string Note)
{
    public static async Task<ComplianceSetup> CreateAsync(ApiWorld api)
    {
        var checklist = await api.CreateChecklistAsync();
        var required = await api.CreateQuestionAsync(checklist,
            new { description = "Have you completed security training?", question_type = "boolean", required = true, order = 1 });
        var note = await api.CreateQuestionAsync(checklist,
            new { description = "Anything to add?", question_type = "text_input", required = false, order = 2 });
        var customer = await api.CreateCustomerAsync();
        var provider = await api.CreateProviderAsync(customer);
        var offering = await api.CreateOfferingAsync(customer, checklist);
        return new ComplianceSetup(customer, provider, offering, checklist, required, note);
    }

    public static string OfferingUser(string id) => $"/api/marketplace-offering-users/{id}";

    public string Overview => $"/api/marketplace-service-providers/{Provider}/compliance/compliance_overview/";

    /// <summary>The answers of one submission: always the note, and the required question when given.</summary>
    public object[] Answers(string note, bool? required) => required is { } value
        ? [new { question_uuid = Note, answer_data = note }, new { question_uuid = Required, answer_data = value }]
        : [new { question_uuid = Note, answer_data = note }];

    public static async Task<ApiResponse> SubmitAsync(ApiClient client, string offeringUser, object[] answers) =>
        await client.PostAsync($"{OfferingUser(offeringUser)}/submit_answers/", answers);

    /// <summary>The stored answer to the note question, read back through the offering user's checklist.</summary>
    public static async Task<string?> NoteAsync(ApiClient client, ComplianceSetup setup, string offeringUser)
    {
        var checklist = (await client.GetAsync($"{OfferingUser(offeringUser)}/checklist/")).Expect(HttpStatusCode.OK).Json!;
        var note = checklist["questions"]!.AsArray().Single(question => question!["uuid"]!.ToString() == setup.Note);
        return note!["existing_answer"]?["answer_data"]?.ToString();
    }

    public static async Task<bool> IsCompletedAsync(ApiClient client, string offeringUser) =>
        (bool)(await client.GetAsync($"{OfferingUser(offeringUser)}/completion_status/")).Expect(HttpStatusCode.OK).Json!["is_completed"]!;
}
