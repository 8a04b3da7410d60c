namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// The tests that run the real silo and front-end executables. They run alone, after the other tests, so that
/// their time bounds measure the service and not the rest of the suite competing for the CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
