using ComplianceGrains.Bench.Reporting;

namespace ComplianceGrains.Bench.Scenarios;

public interface IScenario
{
    Task<ScenarioReport> RunAsync(BenchContext context);
}
