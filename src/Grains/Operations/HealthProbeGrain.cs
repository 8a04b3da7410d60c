namespace ComplianceGrains.Operations;

[GenerateSerializer]
public sealed class HealthProbeState
{
    [Id(0)] public DateTime LastProbe { get; set; }
}

public sealed class HealthProbeGrain(
    [PersistentState("health-probe", StorageNames.Main)] IPersistentState<HealthProbeState> state) : Grain, IHealthProbeGrain
{
    public async Task ProbeAsync()
    {
        state.State.LastProbe = DateTime.UtcNow;
        await state.WriteStateAsync();
    }
}
