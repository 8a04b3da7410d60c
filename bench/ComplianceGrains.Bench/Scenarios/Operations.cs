using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>The measured requests, each a function of the client's random source (which picks the target).</summary>
public static class Operations
{
    public static Func<Random, Task> Health(ApiClient api) =>
        _ => api.SendAsync(api.Request(HttpMethod.Get, "/health/live", anonymous: true));

    public static Func<Random, Task> CompletionStatus(ApiClient api, IReadOnlyList<SeededOfferingUser> users) =>
        random => api.SendAsync(api.Request(HttpMethod.Get, $"/api/marketplace-offering-users/{Pick(users, random).Id}/completion_status/"));

    public static Func<Random, Task> Submit(ApiClient api, IReadOnlyList<SeededOfferingUser> users) => random =>
    {
        var user = Pick(users, random);
        return api.SendAsync(api.Request(HttpMethod.Post, $"/api/marketplace-offering-users/{user.Id}/submit_answers/",
            AnswerPayloads.For(user.Offering.Checklist!, random)));
    };

    /// <summary>
    /// Submits to a random offering user either every answer (completing the checklist) or all but one with the last
    /// answer removed (leaving it incomplete), half and half, against the checklist <paramref name="checklistOf"/> gives
    /// for the user's offering at the time of the request.
    /// </summary>
    public static Func<Random, Task> SubmitCompleteOrIncomplete(
        ApiClient api, IReadOnlyList<SeededOfferingUser> users, Func<SeededOffering, SeededChecklist> checklistOf) => random =>
    {
        var user = Pick(users, random);
        var checklist = checklistOf(user.Offering);
        var body = random.Next(2) == 0 ? AnswerPayloads.Complete(checklist, random) : AnswerPayloads.Incomplete(checklist, random);
        return api.SendAsync(api.Request(HttpMethod.Post, $"/api/marketplace-offering-users/{user.Id}/submit_answers/", body));
    };

    public static Func<Random, Task> Get(ApiClient api, Func<Random, string> path) =>
        random => api.SendAsync(api.Request(HttpMethod.Get, path(random)));

    public static string OverviewPath(SeededProvider provider) =>
        $"/api/marketplace-service-providers/{provider.Provider}/compliance/compliance_overview/?page_size=300";

    public static string ProviderOfferingUsersPath(SeededProvider provider, string query) =>
        $"/api/marketplace-service-providers/{provider.Provider}/compliance/offering_users/?{query}";

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
