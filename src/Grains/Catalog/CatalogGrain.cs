namespace ComplianceGrains.Catalog;

[GenerateSerializer]
public sealed class CatalogState
{
    [Id(0)] public List<Guid> Ids { get; set; } = [];
}

public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Main)] IPersistentState<CatalogState> state) : Grain, ICatalogGrain
{
    private HashSet<Guid> _index = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _index = [.. state.State.Ids];
        return Task.CompletedTask;
    }

    public async Task AddAsync(Guid id)
    {
        if (!_index.Add(id)) return;
        state.State.Ids.Add(id);
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(Guid id)
    {
        if (!_index.Remove(id)) return;
        state.State.Ids.Remove(id);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<Guid>> ListAsync() => Task.FromResult<IReadOnlyList<Guid>>(state.State.Ids.ToArray());
}
