namespace ComplianceGrains.ReferenceServer;

/// <summary>The world the bench seeded into the service, sent again to the reference server (same ids, same token).</summary>
public sealed record ReferenceWorld(
    string Token, Guid Provider, IReadOnlyList<ReferenceChecklist> Checklists, IReadOnlyList<ReferenceOffering> Offerings,
    IReadOnlyList<ReferenceOfferingUser> OfferingUsers);

public sealed record ReferenceChecklist(Guid Id, IReadOnlyList<ReferenceQuestion> Questions);

public sealed record ReferenceQuestion(Guid Id, string Type, IReadOnlyList<Guid> OptionIds);

public sealed record ReferenceOffering(Guid Id, Guid? Checklist);

public sealed record ReferenceOfferingUser(Guid Id, Guid Offering);
