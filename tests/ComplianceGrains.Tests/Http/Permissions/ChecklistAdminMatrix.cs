using ComplianceGrains.Tests.Support;
using static ComplianceGrains.Tests.Http.Permissions.MatrixEndpoint;

namespace ComplianceGrains.Tests.Http.Permissions;

/// <summary>Matrix rows of API.md §2: checklist administration is staff only; every other user 403, anonymous 401.</summary>
public static class ChecklistAdminMatrix
{
    private const string Checklists = "/api/checklists-admin";
    private const string Options = "/api/checklists-admin-question-options";

    public static IReadOnlyList<MatrixEndpoint> Endpoints { get; } =
    [
        .. ChecklistRows(),
        .. QuestionRows("/api/checklists-admin-questions"),
        .. QuestionRows("/api/checklists-admin/questions"),
        .. OptionRows(),
    ];

    private static IEnumerable<MatrixEndpoint> ChecklistRows() =>
    [
        Of("POST", $"{Checklists}/", Expected.StaffOnly(201),
            _ => new MatrixRequest($"{Checklists}/", new { name = ApiWorld.Unique("checklist") })),
        Of("GET", $"{Checklists}/", Expected.StaffOnly(200)),
        Of("GET", $"{Checklists}/{{checklist}}/", Expected.StaffOnly(200), w => new MatrixRequest($"{Checklists}/{w.Checklist}/")),
        Of("PUT", $"{Checklists}/{{checklist}}/", Expected.StaffOnly(200),
            async w => new MatrixRequest($"{Checklists}/{await w.NewChecklistAsync()}/", new { name = ApiWorld.Unique("renamed") })),
        Of("PATCH", $"{Checklists}/{{checklist}}/", Expected.StaffOnly(200),
            async w => new MatrixRequest($"{Checklists}/{await w.NewChecklistAsync()}/", new { description = "changed" })),
        Of("DELETE", $"{Checklists}/{{checklist}}/", Expected.StaffOnly(204),
            async w => new MatrixRequest($"{Checklists}/{await w.NewChecklistAsync()}/")),
        Of("GET", $"{Checklists}/{{checklist}}/questions/", Expected.StaffOnly(200),
            w => new MatrixRequest($"{Checklists}/{w.Checklist}/questions/")),
    ];

    private static IEnumerable<MatrixEndpoint> QuestionRows(string prefix) =>
    [
        Of("POST", $"{prefix}/", Expected.StaffOnly(201),
            async w => new MatrixRequest($"{prefix}/", new { checklist = await w.NewChecklistAsync(), description = "New question" })),
        Of("GET", $"{prefix}/", Expected.StaffOnly(200)),
        Of("GET", $"{prefix}/{{question}}/", Expected.StaffOnly(200), w => new MatrixRequest($"{prefix}/{w.Question}/")),
        Of("PUT", $"{prefix}/{{question}}/", Expected.StaffOnly(200), async w =>
        {
            var (checklist, question) = await w.NewQuestionAsync();
            return new MatrixRequest($"{prefix}/{question}/", new { checklist, description = "Replaced question" });
        }),
        Of("PATCH", $"{prefix}/{{question}}/", Expected.StaffOnly(200),
            async w => new MatrixRequest($"{prefix}/{(await w.NewQuestionAsync()).Question}/", new { required = true })),
        Of("DELETE", $"{prefix}/{{question}}/", Expected.StaffOnly(204),
            async w => new MatrixRequest($"{prefix}/{(await w.NewQuestionAsync()).Question}/")),
    ];

    private static IEnumerable<MatrixEndpoint> OptionRows() =>
    [
        Of("POST", $"{Options}/", Expected.StaffOnly(201),
            async w => new MatrixRequest($"{Options}/", new { question = (await w.NewQuestionAsync()).Question, label = "New option" })),
        Of("GET", $"{Options}/", Expected.StaffOnly(200)),
        Of("GET", $"{Options}/{{option}}/", Expected.StaffOnly(200), w => new MatrixRequest($"{Options}/{w.Option}/")),
        Of("PUT", $"{Options}/{{option}}/", Expected.StaffOnly(200), async w =>
        {
            var (question, option) = await w.NewOptionAsync();
            return new MatrixRequest($"{Options}/{option}/", new { question, label = "Replaced option" });
        }),
        Of("PATCH", $"{Options}/{{option}}/", Expected.StaffOnly(200),
            async w => new MatrixRequest($"{Options}/{(await w.NewOptionAsync()).Option}/", new { label = "Changed option" })),
        Of("DELETE", $"{Options}/{{option}}/", Expected.StaffOnly(204),
            async w => new MatrixRequest($"{Options}/{(await w.NewOptionAsync()).Option}/")),
    ];
}
