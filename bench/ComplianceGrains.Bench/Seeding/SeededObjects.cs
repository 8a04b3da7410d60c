namespace ComplianceGrains.Bench.Seeding;

public sealed record SeededQuestion(string Id, string Type, IReadOnlyList<string> OptionIds);

public sealed record SeededChecklist(string Id, IReadOnlyList<SeededQuestion> Questions);

public sealed record SeededOffering(string Id, SeededChecklist? Checklist);

public sealed record SeededOfferingUser(string Id, SeededOffering Offering);

/// <summary>A customer with its service provider.</summary>
public sealed record SeededProvider(string Customer, string Provider);

/// <summary>A provider, its offerings (each with a checklist) and their offering users.</summary>
public sealed record SeededWorld(SeededProvider Provider, IReadOnlyList<SeededOffering> Offerings, IReadOnlyList<SeededOfferingUser> Users);
