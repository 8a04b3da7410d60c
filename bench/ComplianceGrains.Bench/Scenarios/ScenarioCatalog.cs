namespace ComplianceGrains.Bench.Scenarios;

/// <summary>The scenarios by their command-line name.</summary>
public static class ScenarioCatalog
{
    public static IScenario? Find(string name) => name switch
    {
        "health" => new SingleLoadScenario("health", seedsWorld: false, (c, _) => Operations.Health(c.Api)),
        "completion-status" => new SingleLoadScenario("completion-status", seedsWorld: true, (c, w) => Operations.CompletionStatus(c.Api, w!.Users)),
        "submit" => new SingleLoadScenario("submit", seedsWorld: true, (c, w) => Operations.Submit(c.Api, w!.Users)),
        "ratios" => new RatiosScenario(),
        "overview" => new OverviewScenario(),
        "pending-page" => new PendingPageScenario(),
        "attach" => new AttachScenario(),
        "memory" => new MemoryScenario(),
        "pg-submit" => new PgSubmitScenario(),
        "submit-breakdown" => new SubmitBreakdownScenario(),
        "scale" => new ScaleScenario(),
        "pages" => new PagesScenario(),
        "consistency" => new ConsistencyScenario(),
        "cold-start" => new ColdStartScenario(),
        _ => null,
    };
}
