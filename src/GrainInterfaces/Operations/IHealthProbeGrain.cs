namespace ComplianceGrains.Operations;

/// <summary>Proves that the cluster answers and that its grain storage accepts a write.</summary>
public interface IHealthProbeGrain : IGrainWithStringKey
{
    Task ProbeAsync();
}
